"""pii.person_name: which words are names of persons (labelling rules in ../shared/testdata/README.md)."""

import pytest

from aledraft.analysis import analyze
from aledraft.analysis.recognizers.names import find_names

NAMES = [
    # a play and a firm named after persons
    ("I år spelar teaterföreningen Romeo och Julia i parken.", []),
    ("Maten kommer från Svensson & Lind Storkök i Kungälv.", []),
    # full names, the whole name as one span
    ("Grattis Hedda Lundqvist som har tagit simborgarmärket!", ["Hedda Lundqvist"]),
    ("Tack till Ibrahim Yusuf och Kerstin Falk för en fin kväll.", ["Ibrahim Yusuf", "Kerstin Falk"]),
    ("Kontaktperson är Magnus Wikström, fritidsledare i Nol.", ["Magnus Wikström"]),
    # first names alone, at sentence start, in a sign-off
    ("Amira har ritat årets julkort. Tack för hjälpen!", ["Amira"]),
    ("Vi ses på torsdag!\n/Malin, bibliotekarie", ["Malin"]),
    ("Hej Johan! Vi har tagit emot din fråga om snöröjningen.", ["Johan"]),
    # genitive, hyphenated
    ("Ellens teckning vann och Rasmus' bild kom tvåa.", ["Ellens", "Rasmus'"]),
    ("Lars-Gunnar och Anna-Karin Sjöberg har skänkt en parkbänk.", ["Lars-Gunnar", "Anna-Karin Sjöberg"]),
    ("Ulla-Britts bokcirkel träffas i Älvängen.", ["Ulla-Britts"]),
    # lower case where the context shows a name
    ("tack lena för tipset om cykelbanan!", ["lena"]),
    ("stort tack till moa och hampus på fritidsgården i Nol!", ["moa", "hampus"]),  # a place keeps its capital
    ("stort tack till maja och ibrahim på Nolbäckens fritids som byggde ett insektshotell", ["maja", "ibrahim"]),
    ("Älvängens bibliotek: tis och tors 12–18", []),
    # surnames alone after a title or "familjen"
    ("Familjen Khalil har vunnit tävlingen om finaste trädgården.", ["Khalil"]),
    ("Rektor Lundberg hälsar alla nya elever välkomna.", ["Lundberg"]),
    # names of foreign origin common in Sweden
    ("Fatima och Thomas leder kursen i Surte.", ["Fatima", "Thomas"]),
    ("Stort tack till Tran Nguyen som fixade ljudet!", ["Tran Nguyen"]),
    # names that are also words, used as names
    ("Tack Rosa för dina fina bilder!", ["Rosa"]),
    ("Rosa Hadžić sjöng på invigningen.", ["Rosa Hadžić"]),  # a surname the lexicon lacks
    ("Lena går ner till halvtid i maj. Klara jobbar kvar.", ["Lena", "Klara"]),  # a verb of a person follows
    ("Sten fyller 90 år i dag och firas på Ale torg.", ["Sten"]),
    ("Grattis Dag och Klara Berg till guldbröllopet!", ["Dag", "Klara Berg"]),
    # a name is a name wherever it comes again
    ("Grattis Rosa Holm! Rosa har sprungit sitt första maraton.", ["Rosa Holm", "Rosa"]),
    # @handles only when they are a real name (without the @)
    ("Snygg bild @jonas_lindgren_82! Följ även @alekommun.", ["jonas_lindgren_82"]),
    ("@Sara Blom vilken fin bild från Surte!", ["Sara Blom"]),
    ("Tack @sofia.lindqvist och @omar_haddad för bilderna, och @nodinge_ridklubb för lånet!",
     ["sofia.lindqvist", "omar_haddad"]),
    ("Kolla in @majabergstrom och @ale_kulturskola på lördag.", ["majabergstrom"]),
    # a post all in lower case: a first name that is not a word, by its context
    ("stort tack till emil och fatima som höll i pysslet i skepplanda 🙌 och till ann-sofi som fixade fikat",
     ["emil", "fatima", "ann-sofi"]),
    ("hej jonna! vi ses på biblioteket i alafors, ta med en rosa penna.", ["jonna"]),
    # a lower-case caption is lower case even when a hashtag or a signature has capitals
    ("tack elin och hugo för en härlig dag på biblioteket #aleBibliotek", ["elin", "hugo"]),
    ("tack sanna och linus för hjälpen med loppisen! 🎉 Ale kommun", ["sanna", "linus"]),
    # a name that is also a word comes back after the full name, also as a genitive
    ("Dag Nyström från Alvhem vann. Dags bidrag var en dag vid älven, och Dag tackade juryn.",
     ["Dag Nyström", "Dags", "Dag"]),
    # a post in English: names yes, months and auxiliaries no
    ("Meet our new trainee Priya Sharma! Priya starts in May. Will you say hello?", ["Priya Sharma", "Priya"]),
    # hard negatives: places, organisations, holidays, fictional characters, ordinary words
    ("Välkommen till Nödinge, Älvängen, Surte och Bohus!", []),
    ("Ale gymnasium och Ale Kulturrum har öppet hus.", []),
    ("Tack till Lions Club Ale som grillade och till Rotary för lotteriet.", []),
    ("Resultaten från Liv och hälsa ung visar att fler mår bra. Min vinthund Sixten håller med.", []),
    ("Båtturen går på Göta älv från Kungälv till Lilla Edet.", []),
    ("Lucia och Valborg firas som vanligt i Ale.", []),
    ("Kalle Anka och Alfons Åberg kommer på besök.", []),
    ("Vi målade rosa stenar och ritade björnar under lindar.", []),
    ("Berget bakom skolan klarar sig bra. Rita gärna av det!", []),
    ("Per person kostar det 50 kr. Dag 2 börjar kl. 9.", []),
    ("Föreläsningen hålls i Stockholm och i Santa Maria.", []),
    ("Tack Jönköpings kommun för besöket! Vi handlade på Jula.", []),
    ("Uppdraget gick till Bygg & Mark AB, inte till Lindqvist Bygg AB.", []),  # a company, not a name
    ("Berg & Sten Maskin AB och Kungälvs Mark & Bygg visar sina verkstäder.", []),
    ("Bröderna Anderssons Plåt AB bjuder in. Stängt på Kristi himmelsfärdsdag.", []),
    ("En röd Toyota Yaris stals i natt.", []),
    ("Vi läser om Pelle Svanslös, Mulle Meck och Totte. Ses på Signe Perssons väg!", []),
    ("Björn, Viola och Stig gick först på stigen.", ["Björn", "Viola", "Stig"]),
    ("Välkommen till Vikaparken på valborgsmässoafton! Hesa Fredrik testas på måndag.", []),
    ("stort tack till sven och ylva som skottade trappan", ["sven", "ylva"]),
    ("I dag bakade vi glutenfria bullar så att även Elvin, som har celiaki, kunde smaka.", ["Elvin"]),
    ("Bror och Vilja på avdelningen Ekorren hittade en huggorm.", ["Bror", "Vilja"]),
    ("Torsdag läser Shirin Rahimi ur sin nya roman.", ["Shirin Rahimi"]),  # neither name in the lexicon's first-name list
    ("Antagna:\n8808174455 – Dženana Kovačević", ["Dženana Kovačević"]),
    ("”Hon ser alla”, säger enhetschef Emir Mujić.", ["Emir Mujić"]),
    ("hej bosse! ring johanna på fritidsgården i Nol", ["bosse", "johanna"]),
    ("Vi hör hur Lind & Holm Måleri har vuxit. Compass Group och Lions Club bjuder på fika.", []),
    ("Kontakta HR-partner Petra Lundin. Hustrun Amra vill bli väckt.", ["Petra Lundin", "Amra"]),
    ("Under Kristi himmelsfärdshelgen spelas Alecupen. Rosa oktober-fika på tisdag!", []),
    ("Emil i Lönneberga kommer till Ale Kulturrum. Följ med Emil på hyss!", []),
    ("Månadens medarbetare: Rosa Jiménez! Rosa samlar in till Rosa Bandet. Grattis, Rosa!",
     ["Rosa Jiménez", "Rosa", "Rosa"]),  # a campaign, not a character: Rosa is still a name
    ("Laget vann i söndags. Tränarna Berg och Åkesson var nervösa.", ["Berg", "Åkesson"]),
    ("Lunch: Mån: Fiskgratäng Tis: Pannkakor med sylt Tors: Ärtsoppa", []),  # weekdays in a menu
    ("Just nu ligger Bygg & Mark i Lilla Edet lägst.", []),
    ("I oktober började 14 nya medarbetare hos oss.", []),
    ("fredagsmys 🍿 tack sten och ebba för popcornen och till lilla rosa som valde film", ["sten", "ebba", "rosa"]),
    ("Fika på Café Linnea efter stormen Dag.", []),
    ("Frågor? Mejla bibliotek@ale.se eller besök ale.se/bibliotek. #Nödinge", []),
    ("vi ses på lördag i nol! ta med rosa kläder och en sten från stranden.", []),
    ("Följ @ale_fritid och @alekommun_bibliotek för fler tips.", []),
    # organisations' and brands' handles: gazetteer entries without å/ä/ö, CamelCase
    ("Tack @Vasttrafik och @AleBiblioteken för samarbetet!", []),
    # a pet noun right before the name: an animal, not a person
    ("Vår katt Sixten har blivit bibliotekets maskot.", []),
    ("Förskolan fick besök av hästen Stella och ponnyn Elsa.", []),
    # days in a programme, a law named after a person, a unit's signature
    ("Höstlov!\nTis 28/10: Teater kl. 10\nTors 30/10: Serieverkstad kl. 13", []),
    ("Vad är lex Sarah? Alla som jobbar inom LSS ska rapportera missförhållanden.", []),
    ("Välkommen in! /Ale fritid", []),
    # names common in Sweden from Eritrea and Ethiopia
    ("Vi har tagit emot anmälan för Dawit, och han börjar på måndag.", ["Dawit"]),
    # a company-name word that is also in the name lists, next to a brand word (not "Grattis Nordic")
    ("Två anbud kom in: Hemlarm Nordic och Nordic Vaktbolag.", []),
    ("Grattis Nordic Hansson på födelsedagen!", ["Nordic Hansson"]),
    # a name after a verb joined by a colon ("Sms:a Rosa"): inside the sentence, so a name
    ("Sms:a Rosa innan fredag om du kan jobba.", ["Rosa"]),
    # a handle with a two-letter surname; a name after "på" that ends in the genitive; schools
    ("@Sara_Ek Tack för tipset!", ["Sara_Ek"]),
    ("Sätt in en slant på Lars Öbergs konto, märk den ”fika”.", ["Lars Öbergs"]),
    ("Anbud kom från Hermods och Lernia.", []),
    # a tag with a hyphenated first name; a restaurant named like a person
    ("@Lars-Erik Holmgren tack för loppisen!", ["Lars-Erik Holmgren"]),
    ("Kontroller på tisdag: Nolby Grill och Pizzeria Roma.", []),
    ("Pippi kommer till Ale! Kapten Efraim är förstås med, och Herr Nilsson också.", []),
    # a name ending in s takes no genitive s of its own: "klass" is no Klas's; "Klas" still is a name
    ("Tack klass 4A och Klas Berg som sjöng för oss!", ["Klas Berg"]),
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_names_are_found_with_whole_spans(nlp, text, expected):
    assert [text[start:end] for start, end in find_names(nlp(text))] == expected


def test_name_findings_block_and_carry_their_text():
    report = analyze("Grattis Hedda Lundqvist!")
    (finding,) = [f for f in report.findings if f.rule == "pii.person_name"]
    assert (finding.severity.value, finding.category.value, finding.text) == ("block", "person_name", "Hedda Lundqvist")
    assert "personal_data" in report.doc_flags


def test_names_are_not_spelling_errors():
    rules = {f.rule for f in analyze("Tack Zeynep Yılmaz och Warsame-familjen!").findings}
    assert "spelling" not in rules
