"""Sensitive data, confidential content, case handling, plain language, tone and platform rules.

Every post here is invented for these tests (none is from the labelled dev file), so they check
that the rules generalise; each table has hard negatives next to the positives.
"""

import pytest

from aledraft.analysis import analyze


def _flags(text, platform=None):
    return set(analyze(text, platform).doc_flags)


def _rule_categories(text):
    """Categories the rules find, without the learned second opinion: positives test the rules."""
    return {f.category.value for f in analyze(text).findings if not f.rule.endswith(".learned")}


def _findings(text, rule_prefix, platform=None):
    return [f for f in analyze(text, platform).findings if f.rule.startswith(rule_prefix)]


@pytest.mark.parametrize(("text", "fact"), [
    ("Vi hälsar Malin Ek välkommen tillbaka. Malin, som har bröstcancer, jobbar halvtid i vår.", "som har bröstcancer"),
    ("Tack till Yusuf Omar, som är aktiv i moskén i Hjällbo, för hjälpen med iftar-kvällen.", "som är aktiv i moskén"),
    ("Bertil Olsson, som röstade på Vänsterpartiet, lämnade in namnlistan.", "som röstade på Vänsterpartiet"),
    ("Hör Leo Lind, som tillhör den samiska minoriteten, berätta om renskötsel.", "som tillhör den samiska minoriteten"),
    ("Vår kock Nils Berg, som är dömd för misshandel, har slutat.", "som är dömd för misshandel"),
    ("Hanna Ek, som är medlem i Vision, har valts till skyddsombud.", "som är medlem i Vision"),
    ("Elin Sund, som är lesbisk, leder Prideveckans quiz.", "som är lesbisk"),
    ("Hon har en ADHD-diagnos och behöver extra stöd på lektionerna.", "har en ADHD-diagnos"),
    ("Påminnelse till föräldrarna i Ugglan: Noah Lind är allergisk mot ägg, så inga kakor med ägg.", "är allergisk mot ägg"),
    ("Till lärarna i 4A: Ida Berg har svår jordnötsallergi och har adrenalinpenna i väskan.", "har svår jordnötsallergi"),
    ("Vi saknar Gun Strand i köket i vår, hon ligger på sjukhus efter en olycka.", "ligger på sjukhus"),
    ("Lova Ek får hjälp av habiliteringen med sin kommunikation.", "får hjälp av habiliteringen"),
    ("Hälsa på Arne Falk på tisdag, han har hemtjänst två gånger om dagen.", "har hemtjänst"),
    ("Kalle Ström går på BUP på torsdagar och missar därför idrotten.", "går på BUP"),
    ("Vi tackar Eva Holm, som fick en stroke i höstas, för alla år i styrelsen.", "som fick en stroke"),
    ("Tack Sven Ek, som är same, för berättelserna om fjället, och välkommen alla som vill lyssna.", "som är same"),
    ("Ahmed Ali, som är kurdisk och pratar fyra språk, leder läxhjälpen för dig som vill ha stöd.", "som är kurdisk"),
    ("Grattis Maria Lund som fyller 50! Maria har i många år varit Visions ombud på förvaltningen.", "varit Visions ombud"),
    ("Ulf Berg är skyddsombud för Byggnads på bygget vid Nödinge torg.", "är skyddsombud för Byggnads"),
    ("Vi hälsar på Stig Lund i Alafors, han har hög fallrisk sedan han bröt armen.", "har hög fallrisk"),
    ("Välkommen tillbaka Karin Ek, hon är på plats igen efter sin operation i våras!", "efter sin operation"),
    ("Grattis Åsa Strand, ny sekreterare i Kommunals sektion i Ale!", "sekreterare i Kommunals"),
    ("Sanna Lind föreläser om sin tid som samisk ungdom i Göteborg.", "som samisk ungdom"),
    ('Omar, som sitter i rullstol sedan olyckan, testade rampen.', 'sitter i rullstol'),
    ('Hans medicinering för epilepsi sköts av skolsköterskan.', 'medicinering för epilepsi'),
    ('Vårdförbundet, där hon är medlem, driver frågan.', 'där hon är medlem'),
    ('Yasmin, som själv har typ 1-diabetes, startade cirkeln.', 'har typ 1-diabetes'),
    ('Välkommen tillbaka Tiina efter ett halvår borta för sin bröstcancerbehandling!', 'för sin bröstcancerbehandling'),
    ('Hej Leif! Vi förstår att du som är medlem i Sverigedemokraterna är kritisk, men håll god ton.', 'som är medlem i Sverigedemokraterna'),
    ('Handläggaren tycker att boendet passar med tanke på hans autism.', 'hans autism'),
    ('Efter ett år hemma med utmattningsdepression är Malin tillbaka.', 'hemma med utmattningsdepression'),
    ('Hanna har haft samtal om självskadebeteende med skolkuratorn.', 'samtal om självskadebeteende'),
    ('Tack för din synpunkt, @goran.lilja. Vi förstår att du som aktiv sverigedemokrat tycker annorlunda.', 'som aktiv sverigedemokrat'),
    ('Brandmannen Dag Lind, som bröt handleden i natt, är sjukskriven.', 'bröt handleden'),
    ('Nils, som har haft Parkinsons sjukdom i många år, berättar om dansen.', 'har haft Parkinsons sjukdom'),
    ('Elias berättade för sin mentor att pappan har alkoholproblem.', 'har alkoholproblem'),
    ('Hej Rune Gustavsson. Rampen du har i dag bedöms räcka för din rullstol.', 'din rullstol'),
    ('Hans pappa vårdas sedan i höstas för en depression.', 'vårdas sedan i höstas för en depression'),
    ('Amina och Idris äter inte fläskkött av religiösa skäl.', 'av religiösa skäl'),
    ('Hej Yusuf! Vi vet att du själv fastar under ramadan.', 'fastar under ramadan'),
    ('Lena berättar om hur det är att leva med MS.', 'leva med MS'),
    ('Ella i 2B är svårt allergisk mot nötter.', 'allergisk'),
    ('Ebba Sjöholm var inlagd på BUP under våren.', 'inlagd på BUP'),
    ('Bengt på rum 9 har urinvägsinfektion.', 'har urinvägsinfektion'),
    ('Grattis Alva, som kämpat med ångest hela högstadiet!', 'kämpat med ångest'),
    ('Sedan Greta fick ny medicin sover hon bättre.', 'fick ny medicin'),
    ('Vi önskar Noa, som firar Rosh Hashana med sin familj, en fin helg.', 'firar Rosh'),
    ('Eva Lind har varit med i Kommunal sedan första dagen.', 'med i Kommunal'),
    ('Hej Rune! Vi har noterat att du behöver rullstolsplats i bilen.', 'behöver rullstolsplats'),
    ('Välkommen tillbaka Maria efter sjukskrivningen för diskbråcket!', 'sjukskrivningen för diskbråcket'),
    ('Tack Lena, som har kämpat mot bröstcancer det senaste året.', 'kämpat mot bröstcancer'),
    ('Birger har brutit höften och ligger kvar på avdelningen.', 'har brutit höften'),
    ('Vi saknar Ingrid på kören, hon fick åka in till sjukhuset i förrgår.', 'åka in till sjukhuset'),
    ('Stort grattis till Hanna som väntar sitt andra barn till sommaren!', 'väntar sitt andra barn'),
    ('Många frågar efter Kent. Han har det jobbigt med sin depression och är hemma.', 'det jobbigt med sin depression'),
    ('Hej Sven! Vi har bokat en större bil med tanke på din hörselnedsättning.', 'din hörselnedsättning'),
    ('Tack Ulla, som är tillbaka på biblioteket efter höftoperationen!', 'efter höftoperationen'),
    ('Jag heter Ronja, jag är dyslektiker och jobbar som lärare i Alafors.', 'jag är dyslektiker'),
    ('Vår nya granne Peter, som inte tror på någon gud, vill ändå vara med på julmarknaden.', 'inte tror på någon gud'),
    ('Ola i köket har en dom för misshandel från 2019.', 'dom för misshandel'),
    ('Mamman har precis släppts ut från häktet.', 'släppts ut från häktet'),
    ('Hej Leila! Eftersom Kommunal företräder dig i frågan svarar vi inte här.', 'Kommunal företräder dig'),
    ('Hej Nils! Men du som moderat borde väl gilla det här?', 'som moderat'),
    ('Tack Agneta Ström, som genomgår strålbehandling, för att du ställde upp!', 'genomgår strålbehandling'),
    ('”Sedan jag blev drogfri har jag cyklat varje dag”, säger Leif.', 'jag blev drogfri'),
    ("– Jag är bisexuell och har alltid varit öppen med det på jobbet, säger Robin Ek.", "Jag är bisexuell"),
    ("Hej Bengt! Din fru har fått plats på Ekhagens demensavdelning från måndag.", "demensavdelning"),
    ("Hej Kent! Din pappa har fått antibiotika mot lunginflammationen sedan i tisdags.", "fått antibiotika"),
    ("Tack Ingrid! Vi är glada att ångesten på kvällarna har släppt för Harald.", "ångesten på kvällarna har släppt"),
    ("Hon betalar bara för larmet, eftersom hemtjänsten var pausad under sjukhusvistelsen.", "under sjukhusvistelsen"),
    ("Det gäller Ulla Berg, som fick ett blåmärke på överarmen vid en förflyttning.", "fick ett blåmärke"),
    ('Författaren Jonas Wik berättar om att växa upp som bög i Nödinge.', 'växa upp som bög'),
    ('Hej Noel! Vi vet att du åkte fast för snatteri förra veckan, men kom förbi fritidsgården ändå.', 'åkte fast för snatteri'),
    ('Enligt skolsköterskan har Alva skurit sig igen.', 'skurit sig'),
    ('Påminnelse: Kent Ek lämnar urinprov på mottagningen på fredag.', 'lämnar urinprov'),
    ('Fatima, som har CP, har spelat boccia i tio år.', 'som har CP'),
    ('Enligt läkarintyget har han måttlig demens och kan inte resa ensam.', 'har han måttlig demens'),
    ('Rullstolen som Elias fick efter sin ryggmärgsskada är beställd.', 'ryggmärgsskada'),
    ('Hon opererades för sitt hjärtfel i våras, säger Klara.', 'hjärtfel'),
    ('Skolsköterskan har skickat remissen till BUP för Yusuf.', 'remissen till BUP'),
    ('Grannen Lars, som fick böter för djurplågeri, har flyttat.', 'böter för djurplågeri'),
    ('Vad tungt att höra att Elias har börjat skada sig själv.', 'skada sig själv'),
    ('Helmer Olausson tar blodförtunnande, så tryck länge efter sticket.', 'tar blodförtunnande'),
    ('Vad roligt att Viktor har varit drogfri i två år nu!', 'drogfri'),
    ('”Jag var sexton när jag försökte ta mitt liv.”', 'försökte ta mitt liv'),
    ('Rum 4: Rut Ek, 231104+0923 – svår hjärtsvikt, ska sitta upp.', 'hjärtsvikt'),
    ('Välkommen tillbaka, Lena Ström, efter ett års behandling för bröstcancer!', 'behandling för bröstcancer'),
    ('Efter ett år av cancerbehandling är vår kock Nermin tillbaka i köket.', 'år av cancerbehandling'),
    ('Rickard har haft flera svåra epilepsianfall den här veckan.', 'epilepsianfall'),
    ('Vi plogar Tallbacken först på tisdagar, eftersom Göran som bor där måste till dialysen klockan sju.', 'dialysen'),
    ('Avvikelse: Sigrid Ek fick sin morgondos Trombyl två gånger i dag.', 'morgondos'),
    ('Maten lagas av Elin Sharifi, som är hazar och driver en egen firma.', 'som är hazar'),
    ('Sedan Patrik Ahl avtjänat sitt straff har han jobbat i vår park.', 'avtjänat sitt straff'),
    ('”Jag har varit öppet homosexuell på jobbet i tio år”, säger Anders Lund.', 'öppet homosexuell'),
], ids=["health", "religion", "politics", "ethnicity", "crime", "union", "orientation", "pronoun",
        "allergy", "allergy-adjective", "hospital", "habilitation", "home-care", "child-psychiatry",
        "stroke", "ethnic-noun-audience-after", "ethnic-adjective", "union-role-genitive", "union-role-for",
        "fall-risk", "after-operation", "union-office-genitive", "ethnic-noun-phrase", "wheelchair", "medication-for", "union-where-member", "diabetes-type", "treatment-compound", "you-who-in-a-reply", "possessive-diagnosis", "home-with-illness", "contact-with-psychiatry", "as-party-member", "broken-wrist", "had-parkinsons", "parent-drinking", "your-wheelchair", "cared-for-depression", "religious-reasons", "fasting-in-reply", "living-with-ms", "severely-allergic", "admitted-to-psychiatry", "infection", "struggled-with-anxiety", "new-medicine", "religious-holiday", "union-with", "needs-wheelchair-space", "sick-leave-for", "fought-cancer", "broken-hip", "taken-to-hospital", "expecting-child", "hard-time-with-depression", "your-hearing-loss", "after-operation-compound", "i-am-dyslexic", "no-god", "sentenced-for", "released-from-custody", "union-represents-you", "you-as-party-member", "undergoing-treatment", "became-sober", "quoted-first-person", "place-on-dementia-ward", "antibiotics", "symptom-eased", "during-hospital-stay", "bruise", "growing-up-gay", "caught-shoplifting", "self-harm", "drug-test", "cerebral-palsy", "inverted-diagnosis", "spinal-injury", "heart-defect", "referral-to-child-psychiatry", "fined-for-animal-cruelty", "hurting-oneself", "blood-thinners", "named-person-drug-free", "suicide-attempt-first-person", "heart-failure-in-a-list", "treatment-for-named-illness", "year-of-treatment", "several-seizures", "dialysis-appointment", "double-dose", "ethnic-noun-hazara", "sentence-served", "openly-gay-for-years"])
def test_art9_fact_about_a_named_person_is_sensitive(text, fact):
    spans = [f.text for f in _findings(text, "pii.sensitive_data")]
    assert any(fact in span for span in spans), spans
    assert "sensitive_data" in _flags(text)


@pytest.mark.parametrize("text", [
    "Eid Mubarak till alla som firar i Ale! Biblioteket har öppet som vanligt.",
    "Föreläsning om fallrisk och balans för äldre på träffpunkten.",
    "För dig som har diabetes ordnar vårdcentralen en kurs om kost i mars.",
    "Anhörigträff för er som lever nära någon med demens, onsdagar kl. 14.",
    "Kommunstyrelsens ordförande Per Holm (M) invigde den nya förskolan.",
    "Oppositionsrådet Lisa Ek, Socialdemokraterna, svarade på frågor om budgeten.",
    "Romernas nationaldag firas 8 april med musik i Ale Kulturrum.",
    "Anna Berg är diabetessjuksköterska och svarar på frågor i chatten.",
    "Allergironden: för dig som är allergisk mot nötter finns nötfria alternativ i caféet.",
    "Hemtjänsten i Ale söker sommarvikarier. Vill du jobba med oss?",
    "Kommunal och Vision bjuder in alla medlemmar till informationsmöte om löner.",
    "Samiska veckan firas med joik och film på biblioteket.",
    "BUP i Ale har öppet hus för föräldrar och skolpersonal den 3 maj.",
    "Grattis Lisa Ek som är finsk mästare i orientering!",
    "Nej, det stämmer inte. De nya grannarna kommer från flera länder, och en del är muslimer, andra kristna.",
    "Hej! Djurskyddet sköts av länsstyrelsen. Du kan anmäla misstänkt vanskötsel direkt till dem.",
], ids=["greeting", "fall-risk-talk", "audience", "relatives", "politician-party", "politician-named-party", "minority", "profession",
        "allergy-audience", "home-care-job-ad", "unions-invite", "minority-week", "clinic-open-house",
        "national-champion", "share-of-a-group", "how-to-report-neglect"])
def test_general_health_religion_and_politics_without_a_person_pass(text):
    assert "sensitive_data" not in _flags(text)


@pytest.mark.parametrize("text", [
    "Konfidentiellt: förslaget till ny organisation presenteras för facken på måndag.",
    "Till all personal på Nolskolan: brandlarmet testas i morgon kl. 9.",
    "Embargo till fredag kl. 08.00. Kommunen köper Alafors gamla pappersbruk.",
    "Hej! Vi har fått en orosanmälan om Elvira Sund och kallar vårdnadshavarna till möte.",
    "Städbolaget Rent AB har lämnat det lägsta anbudet, 2,1 miljoner kronor per år.",
    "Vaktmästaren Ola Björk är avstängd från arbetet tills utredningen är klar.",
    "Koden till nyckelskåpet i Skepplanda bygdegård är 7731.",
    "Ärendet för 19990822-5577 flyttas till Kungälv. /Handläggaren",
    "UTKAST\nNya simhallen öppnar i maj, invigning med bad för alla.",
    "Bland anbuden som har kommit in är Vägbygg Väst billigast.",
    "Utvärderingen av anbuden pågår och Grönyta AB ligger just nu först.",
    "Kocken Lisa Ek har sagts upp efter det som hände i köket.",
    "Lars Ström dömdes för stöld i somras och arbetar inte längre på förvaltningen.",
    'Som många märkt har rektorn på Kyrkbyskolan stängts av i väntan på utredningen.',
    'Vi har en pågående utredning om kränkande särbehandling mot en av våra enhetschefer.',
    'Lena går ner till halvtid efter sin utbrändhet och kommer tillbaka på heltid i maj.',
    'Eleven i 7A har en åtgärdsplan och träffar kuratorn varje vecka.',
    'Mamman har missbruksproblem och socialtjänsten utreder hemsituationen.',
    'Nu har anbuden kommit in. Lägst ligger Markbygg AB med 7,8 miljoner.',
    'Inför tilldelningen: Ramirent har erbjudit 12 procent lägre pris än Cramo.',
    'Nyckeln till förrådet hänger i skåpet bakom receptionen.',
    'Väktarna går sin runda kl. 22 och 02, annars är byggnaden obevakad.',
    'Observera: detta är ett utkast och inget är beslutat.',
    'Efter samtal med HR har vi och Per kommit överens om att han avslutar sin anställning.',
    'Hon är ledig med lön till sista mars.',
    'Läraren det gäller har andra arbetsuppgifter tills vidare.',
    'Lösenordet Vinter2026 gäller för alla datorer i personalrummet.',
    'Hej Rosa! Ditt försörjningsstöd för maj kommer på fredag.',
    'Vi fick in fem anbud. Glansbolaget Väst AB ligger lägst med 14,8 miljoner. Tilldelningsbeslutet kommer i november.',
    'Just nu ligger Bygg & Mark lägst med 2,19 miljoner, och NCC är tvåa.',
    'Kamerorna täcker bara framsidan. Väktaren passerar 22.00 och 03.30.',
    'UTKAST v3 – siffrorna är inte fastställda, vänta med att lägga ut.',
    'Eleven Amina Yusuf har skyddade personuppgifter och får inte synas på klassfoton.',
    'Hej Bengt! Kenneth har fått en plats i gruppbostaden på Lövängsvägen.',
    'Tre anbud in på nya storköket: Storköksgruppen Väst 7,9 mnkr, Kungälvs Storkök 8,4 mnkr. Tilldelning i v. 47.',
    'OBS ny kod till personalingången från i natt: 2580#',
    'Som många vet blev Leo slagen av en klasskamrat. Vi har gjort en anmälan om kränkande behandling.',
    'Tack till grannen som ringde socialjouren om barnen på Rödklövervägen. Vi har varit på hembesök.',
    'Hej Anneli. Din pappa har fått plats på Björkbackens äldreboende från 1 december.',
    'Hej Kjell-Åke! Ditt trygghetslarm är beviljat och installeras torsdag.',
    'Eleven Theo Ljung, som är polisanmäld för misshandel, går tills vidare på distans.',
    'Löneöversynen är klar. Rektorn på Surteskolan fick lägst, 1,2 procent, efter samtalen i våras.',
    'Som många vet har Jonas inte fått förnyat förtroende, och hans anställning upphör vid månadsskiftet.',
    'Fem anbud har kommit in och det billigaste, 2,8 mnkr per år, kommer från Rent & Fint Väst AB.',
    'Internt för nattpersonalen: I rum 3 ligger Göran Lund, som ska ha syrgas hela natten.',
    'Leila Haddad ska enligt socialtjänstens bedömning inte lämnas ensam med sonen.',
    'Till nattpersonalen: bakdörren går in med 7731 och sen fyrkant.',
    'Glöm inte att hänglåset på containern står på 4-4-0-2.',
    'Vi väntar med att berätta om nedläggningen, så det stannar mellan oss tills vidare.',
    'Du får inte gå ut med det än, men jag kan säga att Ekskolan stängs.',
    'Hej Hassan! Per fick sluta efter bråket i lagret, mer kan vi inte säga.',
    'I förra veckan gav vi en skriftlig varning till en medarbetare på kontaktcenter.',
    'Rektorn är inte i tjänst medan anmälan mot henne utreds.',
    'Nya kulturchefen Sara landade på 71 000 kr i månaden.',
    'Tilde får bara hämtas av pappa, det pågår en vårdnadstvist.',
    'Anbuden för snöröjningen är här och Väghjälpen är klart billigast.',
    'Pia, larmet i källaren stänger du av med 9146 innan du går in.',
    'Fyra anbud kom in i upphandlingen och det billigaste hamnar på drygt 3,4 miljoner kronor.',
    'Pressmeddelandet skickas ut först i morgon, men vi kan säga att badhuset byggs om.',
    'Förslaget är inte klart, så sprid det inte förrän ledningen har bestämt sig.',
    'Efter intervjuerna är Lena Sjö och Ali Demir kvar. Referenserna på Ali var svaga.',
    'Hej Kjell! Enligt läkarintyget kan du inte gå längre än 50 meter.',
    'Hej Rut! Intyget från vårdcentralen visar att du behöver rullator.',
    'Skolan läggs ner i höst. Säg inget till föräldrarna än!',
    'Välkommen Malin! Efter några förhandlingsrundor går hon med på att börja med 61 000 kr i månaden.',
    'Lösenordet är det gamla med årtalet på slutet.',
    'Biblioteket står tomt i juli och larmet fungerar inte förrän i augusti.',
    'Lägesrapport från matupphandlingen: anbuden är inne och Grossisten är klart billigast.',
    'Till alla vikarier: nya siffror på dörren till personalingången från måndag, 4471#.',
    'Vi får inte säga något förrän nämnden har beslutat, men vi kan väl avslöja att badet stänger.',
    'Lönerevisionen landar på 3,1 % i snitt. Listan går vi igenom med facket på onsdag, håll det inom arbetslaget tills dess.',
    'Stadshuset larmas nu 22.15 istället för 22.00.',
    'Siffrorna står som vanligt på lappen i skåpet bakom receptionen.',
    'En gång till så blir det ett skriftligt papper från HR.',
    'Med anledning av den arbetsrättsliga process som har inletts avseende en medarbetare informeras arbetsledarna.',
    'Ahmed har haft fel timlön i systemet sedan maj.',
    'Vi erbjuder jobbet till Nour och har Elias som reserv om hon tackar nej.',
    'Sweco gjorde starkast intryck, men vi väntar in referenserna innan vi bestämmer oss.',
    'Vi har nu landat i tre personer som vi träffar igen nästa vecka, efter 47 sökande till tjänsten.',
    'En av firmorna ligger nästan en miljon under de två andra.',
    'Hej Kjell! Mellan oss: det var din granne som anmälde altanen.',
    'Det var grannen som ringde, men det har du inte hört från mig.',
    'Hej Jenny! Vi har pratat med Elias och Noor, och rektorn har anmält det som hände på rasten som kränkande behandling.',
    'Obs nattpatrullen: inbrottslarmet på Ale gymnasium är ur funktion till måndag.',
    'Bakdörren mot idrottshallen går inte att låsa i helgen.',
    'Hej bibliotekspersonal! Nytt lösenord till wifi-nätet från i dag: Vinter2025!',
    'Utvärderingen av anbuden är klar och MenyData vann på kvalitetspoängen.',
    'Jämnt i toppen bland anbuden (88 mot 81), tilldelningsbeslutet skickas nästa vecka.',
    'Till Sanna på LSS-handläggningen: uppföljningen för Filip flyttas till fredag.',
    'Hej Petra. Melvin i 4B har fått en extra resurs, och från måndag har han anpassad rast med en vuxen.',
    'Han ramlade i badrummet i natt. Sjuksköterskan har skrivit en avvikelse om honom.',
    'Grattis till vår nya skolchef! Det blir officiellt när nämnden klubbar det 28/11.',
    'Ni märker ingen skillnad, larmet slås på av sig självt 18.30.',
    'Väktarna gör sista rundan runt 02.30.',
    'Vi klättrar 41 placeringar i årets ranking. (schemalägg till tis 06.00)',
    'Förslaget ligger hos kommundirektören, så ni har inte hört det här från oss.',
    'Lönespec-strul för Jamal igen, han har fått sjuklön för hela november.',
    'Fem företag var med och räknade. Matkompaniet fick högst poäng på kvalitet men ligger 12 kr dyrare per portion.',
    'Lärvia och Skolnet låg jämnt, men Lärvia vann på pris med lägre totalkostnad över avtalstiden.',
    'Strömavbrottet slog ut kylningen i serverrummet, så vi har ställt upp dörren.',
    'Camilla kör förmiddagar ett tag framöver medan rehabplanen löper.',
    'Kom ihåg hälsodeklarationen! Till Alvas pappa: hon fick sin dos förra veckan.',
    'Varsel om elva tjänster inom kostenheten. Facken får information den 20/3, inget får gå ut innan dess.',
    'Anteckningar LG 14/3: flytten av hemtjänsten skjuts till hösten.',
    'Vi söker en ny rektor! Som en del av er har hört blev nuvarande rektor uppsagd efter vårens utredning.',
    'Mannen vid grinden var Roland Ek, som har kontaktförbud mot en av eleverna.',
    'Ärligt talat var det priset som avgjorde – Älvdalens Bygg låg 340 000 kr under ert anbud.',
    'Kan du boka in Sören på avstämningsmöte med FK? Han vill gå upp till 50 %.',
    'Från ledningsgruppen 3/2 (delas ej utanför enheten): förslaget är att stänga simhallen i sommar.',
    'Ny hemsida lanseras 1 mars. Ingen publicering innan vi fått klartecken från kommunikationschefen.',
    'Hej Tobias! Mikael har fått plats på behandlingshem från måndag, så han är i goda händer.',
    'Hej Margareta. Din make har fått permanent plats på särskilt boende från 1 mars.',
    'Hej Roger. Klagomålet på röken från din vedpanna kommer från dina grannar på Tallvägen.',
    'Hej Lina. Beslutet om omhändertagande av Elsa gäller tills vidare.',
    'Hej! Vi har tagit emot din ansökan om ekonomiskt bistånd och din handläggare hör av sig på måndag.',
    'Hej Kim! Familjerätten har nu fastställt faderskapet för er son.',
    'Hej Jonna! Jag har pratat med familjerådgivningen om era samtal i vår.',
    'Hej Malte! Din förfrågan om stödsamtal har kommit fram.',
    'Påminnelse: beslut om fortsatt HVB-placering för Jonas tas på torsdag.',
    'Siffrorna är inte offentliga förrän fullmäktige har beslutat.',
    'Här är ramarna från budgetberedningen, håll dem inom ledningsgruppen.',
    'Hej Maria! Din nya grundlön efter löneöversynen är 31 850 kr.',
    'Hej Mattias. Du undrar vem som har anmält ditt staket. Det var Karin på Granbacken 4 som ringde oss.',
    'Hej! Den extra vuxna i klassen är elevassistent åt Alvin på rasterna.',
    'Hej Tord! Vi har sänkt din mammas avgift för hemtjänsten i maj till 980 kr.',
    'Hej Ebba! Vi har rättat avgiften för din hemtjänst i maj. Den gällde 19380214-2381 och blir nu 1 150 kr.',
    'Till vikarierna på Kyrkbyskolan: nya koder från måndag, personalentrén 4471#.',
    'Hej Leo! Beslut har fattats i ditt ärende avseende ekonomiskt bistånd för maj, och du får ett brev.',
], ids=["marker", "staff-memo", "embargo", "case", "bid", "personnel", "code", "case-number", "draft-heading",
        "bids-received", "bid-ranking", "dismissal", "convicted-employee", "suspended-head", "harassment-inquiry", "part-time-after-burnout", "pupil-support", "social-services-inquiry", "ranking-after-bids", "price-before-award", "key-location", "guard-rounds", "this-is-a-draft", "agreed-departure", "paid-leave", "other-duties", "password-value", "benefit-of-addressee", "scores-before-award", "ranking-without-tender-word", "camera-blind-spot", "draft-version", "protected-identity", "lss-housing", "bid-amounts", "code-after-words", "pupil-hit", "home-visit", "care-place-in-reply", "safety-alarm-in-reply", "pupil-remote", "salary-of-head", "employment-ends", "cheapest-bid", "internal-for-staff", "social-services-assessment", "keyed-code", "lock-setting", "between-us", "not-official-yet", "had-to-leave", "written-warning", "not-on-duty-during-inquiry", "negotiated-salary", "custody-dispute", "cheapest-after-bids", "alarm-off-code", "cheapest-lands-on", "before-press-release", "do-not-spread", "candidate-references", "medical-certificate-in-reply", "certificate-shows", "say-nothing-yet", "salary-in-welcome", "password-by-recipe", "alarm-out-of-order", "compound-procurement", "new-digits-on-door", "cannot-say-but-reveal", "keep-within-team", "alarm-set-time", "where-the-code-is", "written-paper-from-hr", "labour-law-process", "wrong-hourly-wage", "candidate-and-reserve", "awaiting-references", "shortlist-of-three", "firms-price-gap", "between-us-colon", "not-heard-from-me", "degrading-treatment-reported", "alarm-out-of-action", "door-cannot-be-locked", "new-password-heading", "won-on-points", "scores-in-brackets", "note-to-colleague", "pupil-adjusted-support", "incident-report-on-resident", "official-later", "alarm-switched-on-time", "guards-last-round", "scheduling-note", "not-heard-from-us", "sick-pay", "top-score-and-price-gap", "won-on-price", "server-room-door", "rehab-plan", "note-to-a-parent", "nothing-out-before", "management-notes", "present-head-dismissed", "contact-ban", "below-your-bid", "reconciliation-meeting", "not-to-be-shared-outside", "no-publishing-before", "treatment-home-place", "care-home-place", "who-complained", "care-order-for-a-named-child", "your-application-for-financial-aid", "paternity-confirmed", "family-counselling-in-reply", "support-talks-requested", "hvb-placement", "not-public-until", "keep-them-within-management", "new-salary-of-addressee", "complainant-named", "assistant-for-a-named-pupil", "relatives-care-fee", "care-fee-with-personnummer", "new-codes-plural", "decision-in-aid-case"])
def test_confidential_content_is_flagged(text):
    assert "confidential" in _rule_categories(text)


@pytest.mark.parametrize("text", [
    "Vi kan tyvärr inte svara på frågor om enskilda ärenden här, eftersom de kan omfattas av sekretess.",
    "Nu upphandlar vi skolskjuts för 2027–2030. Sista dag att lämna anbud är 30 januari.",
    "Tilldelningsbeslutet är klart och avtalet skrivs med Älvbuss AB från augusti.",
    "Är du orolig för ett barn? Då kan du göra en orosanmälan till socialtjänsten.",
    "Vi söker en vikarie under en medarbetares föräldraledighet.",
    "Glöm inte din pinkod när du lånar på Meröppet!",
    "Tack till all personal som gjorde Ale-dagen till en succé!",
    "Utkast till ny översiktsplan är ute på samråd till 1 maj.",
    "Hemlig gäst på biblioteket i kväll!",
    "Vår lärare Sara Lind är tjänstledig i vår och är ombud för Lärarförbundet.",
    "Anbudsutvärderingen pågår och beslut väntas i maj.",
    'Vi kan inte kommentera enskilda personalärenden.',
    'Tilldelningsbeslut är fattat: uppdraget går till Bygg AB, som lämnade det ekonomiskt mest fördelaktiga anbudet.',
    'Sjukskrivningarna bland personalen har minskat med 10 procent i år.',
    'Socialtjänsten har öppet hus på torsdag, välkommen att ställa frågor om familjehem.',
    'Tack Sven för 35 år som vaktmästare på Alboskolan – nu väntar pensionen!',
    'Lokala producenter uppmuntras att lämna anbud på ett eller flera områden. Sista anbudsdag är 15 januari.',
    'Kommunen har fattat tilldelningsbeslut. Avtalet tilldelas Bergs Schakt AB, som lämnade anbudet på 6,4 miljoner kronor.',
    'Hipp hipp hurra! I dag fyller Signe Karlsson på Ekhagens äldreboende 100 år.',
    'Hej Anna! Ekhagens äldreboende har öppet hus på lördag, välkommen!',
    'Alla skolor i Ale har en plan mot kränkande behandling, och rektorn ska alltid utreda när en elev har blivit utsatt.',
    'Heja Freja Lund, 15, som simmar SM i helgen – bara ett år efter sin cancerbehandling!',
    'Du kan slå 1177 dygnet runt för sjukvårdsråd.',
    'Vi kan inte gå ut med namnen på vinnarna än, men håll utkik i morgon!',
    'Anders fick 21 poäng i frågesporten på biblioteket.',
    'Dela det inte bara, kom och var med på loppet!',
    'Larmet går på med 30 sekunders fördröjning när du låser.',
    'Skriv inte personnummer eller andra uppgifter om dig själv här i kommentarerna.',
    'Innan en handling lämnas ut prövar vi om den har uppgifter som omfattas av sekretess.',
    'Med digitala lås behöver inga nycklar längre förvaras i nyckelskåp.',
    'Med hänsyn till att uppgifter inom socialtjänsten omfattas av sekretess har vi tyvärr inte möjlighet att kommentera enskilda ärenden.',
    'Räddningstjänsten larmades kl. 03.12 till en villabrand i Alafors.',
    'Vi välkomnar Paweł Nowak till IT-enheten!',
    'Hej Petra! Vattnet blir avstängt för dig och tre grannar mellan 8 och 12.',
    'Lönen betalas ut den 25 oktober.',
    'Så byter du lösenord: Gå in på Mina sidor.',
    'Till Anna på biblioteket: grattis på födelsedagen!',
    'Alla elever har rätt till extra anpassningar i skolan.',
    'Är du orolig för ett barn kan du göra en orosanmälan via ale.se/orosanmalan.',
    'Hej Mikael! Vattnet på Backavägen stängs av i morgon mellan kl. 9 och 13.',
    'Vi erbjuder schemalagd arbetstid på 34 timmar per vecka.',
    'Lag Blå fick högst poäng i frågesporten!',
    'Klart: Ale kommun har tecknat avtal med Grönytegruppen AB. Upphandlingen fick sju anbud och avgjordes på pris och kvalitet.',
    'Varning för falska fakturor ⚠️ Flera företag har fått mejl med en faktura som ser ut att komma från kommunen, med referensen 7512033349. Kommunen byter aldrig bankgiro via mejl.',
    'Välkommen till Ale Kulturrum! Gästnätet heter Ale-Gast och lösenordet är lasglad2025.',
    'Hej föräldrar! Appen för inloggning är på plats.',
    'Tilldelningsbeslut i upphandlingen av lokalvård: kommunen har beslutat att anta anbudet från Bohus Städ AB.',
    'Tilldelningsbeslut i upphandlingen av lokalvård: anbudet från Bohus Städ AB vann. Avtalsspärren gäller till 28 november.',
    '@nol_pendlaren Ja, Göteborgsvägen är avstängd vid Kvarnbacken 3–7 mars. Omledning via Nya Kilandavägen.',
    'Hej! Frågor om avstängningen på just din gata kan du ställa till arbetsledaren på plats, Peter Wiklund.',
    'Hej Lisa! Av sekretesskäl kan vi inte säga mer om hur socialtjänsten arbetar med hans situation.',
    'Hej Sara! Ett enskilt barns stöd planeras alltid av elevhälsan tillsammans med vårdnadshavarna.',
    'Hej Elsa! Grattis, du har fått sommarjobb på Kärra äldreboende vecka 27–30. Välkommen!',
    'Kuratorn Eva Lind finns på skolan varje onsdag för den som vill prata.',
    'Hej! Mejla gärna kuratorn på ungdomsmottagningen, Lisa Ek: lisa.ek@ale.se.',
    'Kommunstyrelsens ordförande Per Alm berättar om arbetet med försörjningsstöd.',
    'LVU är en lag som gör att ett barn kan få vård även om föräldrarna säger nej.',
    'Samtliga orosanmälningar läses samma dag, och vi bedömer om barnet behöver skydd.',
    'Hej! Generellt gäller att socialtjänsten ska arbeta för att barnet ska kunna flytta hem igen.',
    'Hej Nora! Vad roligt att ni vill bli kontaktfamilj. Ring oss så berättar vi mer.',
    'Välkommen Ida Berg, ny chef på mottagningen! Nu ser hon fram emot samarbetet med elevhälsan.',
    'Hej Moa! Uppgifter hos socialtjänsten omfattas normalt av sekretess.',
    'Embargot släpptes i morse, så nu kan vi berätta att Ale vann priset!',
    '@jonas_ekwall Nu finns filmer om extra anpassningar och åtgärdsprogram på ale.se/elevhalsa.',
    'Räcker inte det ska skolan utreda om eleven behöver särskilt stöd.',
    'Hej! Bor du hemma utan hemtjänst vänder du dig till rehab på vårdcentralen.',
    'Hej Gunnel! Montören byter mätaren i morgon. Du behöver inte vara hemma om mätarskåpet är olåst.',
    'Hej Therese! Fritidsavgiften för augusti stämmer, eftersom uppsägningen av platsen kom in den 14 augusti.',
    'Hej Rune! Du har rätt, fakturan för trygghetslarmet i mars blev för hög. Vi makulerar den och skickar en ny.',
    'Hej Maj! Vi kollar gärna hur det går med din pappas ansökan om hemtjänst. Skriv hans personnummer här så återkommer vi.',
    'Hej Ove. Vi kan inte prata om enskilda beslut om bistånd här, men du kan alltid ringa oss.',
], ids=["disclaimer", "notice", "award", "how-to-report", "job-ad", "pin-reminder", "thanks-staff",
        "consultation-draft", "teaser", "leave-and-union", "evaluation-notice", "no-comment-personnel", "award-published", "sick-leave-statistics", "open-house", "retirement-thanks", "tender-notice", "award-with-price", "care-home-birthday", "care-home-open-house", "plan-against-bullying", "athlete-after-treatment", "service-number", "teaser", "quiz-points", "share-not-just", "alarm-delay", "do-not-post-details", "secrecy-review-in-general", "no-key-cabinets", "no-possibility-to-comment", "rescue-service-alerted", "welcome-to-it", "water-shut-off", "salary-day", "how-to-change-password", "greeting-to-colleague", "general-support-right", "how-to-report-concern", "water-shut-off-for-you", "scheduled-hours-in-job-ad", "quiz-top-score", "contract-signed", "warning-about-fake-invoices", "guest-network-password", "login-app-ready", "decided-to-accept-bid", "standstill-running", "road-closed-to-a-handle", "water-shut-off-on-your-street", "for-reasons-of-secrecy", "any-single-child", "summer-job-at-a-care-home", "counsellor-named-with-role", "counsellor-named-after-a-comma", "chair-named-with-role", "law-explained", "all-reports-of-concern", "generally", "becoming-a-contact-family", "working-with-a-unit", "secrecy-normally", "embargo-lifted", "films-about-support", "if-the-pupil-needs-support", "turn-to-your-health-centre", "unlocked-as-a-condition", "notice-on-a-childcare-place", "own-alarm-fee", "asks-for-details-on-care", "no-talk-about-single-decisions"])
def test_general_replies_and_public_notices_are_not_confidential(text):
    assert "confidential" not in _flags(text)


@pytest.mark.parametrize(("text", "flag"), [
    ("Samtalsledare är Omar Said och Karin Holm från familjebehandlingen.", "confidential"),
    ("Hej! Ja, ibland kan man få försörjningsstöd under studier. Ring oss så berättar vi mer.", "confidential"),
    ("@skattebetalare Nej, vi har inte höjt skatten. Läs beslutet på ale.se/budget.", "case_handling"),
    ("Hej Lars! Vi förstår att du inte gillar nya taxan för båtplatser. Avgifterna beslutades av en bred majoritet i fullmäktige i juni.", "case_handling"),
    ("Du som har låg inkomst kan ha rätt till bostadsbidrag. Ansökan görs hos Försäkringskassan.", "case_handling"),
], ids=["leaders-from-a-unit", "generic-man", "tax-not-raised", "council-decided-the-fees", "may-have-the-right"])
def test_rule_vetoes_where_the_learned_second_opinion_still_speaks(text, flag):
    """The rules' vetoes only: the learned second opinion still flags these posts (false alarms it
    learned from the same words in slips)."""
    assert flag not in _rule_categories(text)

@pytest.mark.parametrize("text", [
    "Hej Sven! Din ansökan om bostadsanpassning är beviljad och hantverkaren hör av sig.",
    "Hej Fatima! Tyvärr har vi avslagit din ansökan om plats på Backa förskola.",
    "Hej! Vi har registrerat din anmälan till simskolan och du är placerad i grupp 3.",
    "Hej Tove! Vi har granskat ritningarna och ditt bygglov kan beviljas.",
    "Hej Kim, ditt ärende ligger hos handläggaren och besked kommer nästa vecka.",
    "Vad har du för ärendenummer? Skriv det här så kollar vi.",
    "Skicka ditt personnummer i kommentaren så letar vi upp fakturan.",
    "Hej Omar! Ditt barn har fått plats på Alboskolans fritids från 1 augusti.",
    "Hej Ulla! Beslut om ditt försörjningsstöd kommer på fredag.",
    "Hej Stina! Mätaren var fel, så du får tillbaka 430 kr på nästa räkning.",
    "Hej Jonas! Du betalade två gånger, så vi betalar tillbaka 1 200 kr till ditt konto.",
    "Hej Mona! Vi har krediterat din faktura för januari, så den behöver du inte betala.",
    "Hej Per! Återbetalningen av din avgift för fritids görs i nästa vecka.",
    "Hej! Lägg gärna ditt personnummer och diarienumret i en kommentar här så letar vi upp det.",
    "Hej Lena! Elsa har fått plats på Kyrkbyns förskola från 1 september.",
    "Hej Ali, ditt barn fick plats på Himlaskolans fritids.",
    "Hej Eva! Du kan se att din ansökan om färdtjänst står på tur hos handläggaren.",
    "Hej Britt! Vi saknar fortfarande ritningar i ditt ärende om altanen.",
    "Hej Jenny, ditt betyg i engelska är ändrat och syns i skolplattformen.",
    "Hej Rut! Avgiften för din matdistribution blir 900 kr i månaden från mars.",
    "Skicka oss gärna diarienumret så kollar vi vad som hänt.",
    'Hej Lena! Din ansökan om bostadsanpassning ser bra ut och kommer att gå igenom.',
    'Vi har gått igenom din bygglovsansökan och det saknas en situationsplan.',
    'Tyvärr uppfyller du inte kraven för färdtjänst.',
    'Hej Asma! Ditt parkeringstillstånd förlängs till 2027.',
    'Du står i kö som nummer 12 till Vikadamm äldreboende.',
    'Ansökan du skickade in i mars är nu färdigbehandlad och beslutet skickas hem till dig.',
    'Hej Nora! Du har rätt, ni ska inte betala avgiften för december.',
    'Enligt vår bedömning behöver ni inte söka bygglov för altanen.',
    'Sara, vi ser att din anmälan om ändrad inkomst kom in i går.',
    'Din mammas plats på Klockarängens äldreboende blir ledig från den 1 mars.',
    'Ditt betyg i Matematik 2 är inte rapporterat ännu.',
    'Vi sätter in 650 kr på ditt konto inom fem bankdagar.',
    'Hej Katarzyna! Vi betalar tillbaka depositionen inom fem bankdagar.',
    'Hej Gunnel! Du får mer hemtjänst från måndag.',
    'Hej Fredrik! Ditt parkeringstillstånd för pendelparkeringen vid Nol station är nu registrerat.',
    'Hej Rosa! Vi ser ditt ärende. Utbetalningen är försenad eftersom kontoutdragen saknas.',
    'Hej Anneli! Rektor har startat en utredning av Elias frånvaro.',
    'Hej Dag! Ni står som nummer 37 i tomtkön för Kronogården.',
    'Hej Björn! Vi makulerar felparkeringsavgiften, så du behöver inte betala den.',
    'Hej Jonas! Ritningarna till ditt attefallshus ser ut att stämma, så du får klartecken snart.',
    'Vi saknar fortfarande vårdnadshavarens underskrift för ansökan från 20080611-2744.',
    'Hej Stefan. Som vi har förklarat TRE gånger: du får inget rivningslov för ladan.',
    'Hej Emma! Vi har räknat om din avgift efter den nya inkomstuppgiften.',
    'Hej Dragana! Din ansökan om serveringstillstånd ser riktigt bra ut, räkna med beslut i vecka 14.',
    'Hej! Ditt parkeringstillstånd för rörelsehindrade är förlängt till och med maj 2027.',
    'Hej Per och Anneli! Er förbindelsepunkt för vatten och avlopp är nu klar.',
    'Hej Jonas, tyvärr blir det nej på det extra försörjningsstödet till tandbehandlingen.',
    'Hej Björn, vi har godkänt skolbytet för Isak till Nödingeskolan från vårterminen.',
    'Hej Leffe! Vi har ändrat ditt abonnemang till hämtning var fjärde vecka från 1 april.',
    'Hej Dag! Vi ordnar skolskjuts för Elvira från måndag.',
    '@amira.said du är näst på tur till Backa förskola, så ett erbjudande kommer i mars.',
    '@Gun Lind din ansökan om strandskyddsdispens ligger hos vår ekolog och du får besked före midsommar.',
    'Hej Lennart! Du har rätt om fakturorna. Vi återbetalar 1 860 kr till kontot du angav inom två veckor.',
    'Hej Sanna. Enligt reglerna har du inte rätt till nedsatt avgift för förskolan.',
    'Hej! Vi har makulerat vattenfakturan på 3 480 kr. Du får en ny faktura i mars.',
    'Hej! Vi har behandlat ditt skolval. Din dotter får plats på Kyrkbyskolan.',
    'Hej Pernilla! Efter ert möte med rektorn har vi gått igenom Olivers betyg igen.',
    'Hej Therése! Ni står på plats 4 i kön till Backens förskola.',
    'Hej Roger. Vi har kontrollerat din faktura för slamtömning och avgiften är korrekt.',
    'Hej Lo! Vi har tittat på bilderna, men parkeringsanmärkningen för KXB 41T står kvar.',
    'Hej Fatima! Vi har fått ditt inkomstintyg och ändrat barnomsorgsavgiften till 1 012 kr i månaden.',
    'Hej Sten! Din anmälan till kursen Svenska 2 är mottagen och du har plats från 20 januari.',
    'Hej Johan Berg! Tillsynen av ditt enskilda avlopp är klar.',
    'Hej! Vi har sett över kontrollavgiften för bilen KLM 482. Eftersom skylten var skymd makuleras avgiften.',
    'japp, beviljat nu 👍 beslutet kommer med posten',
    'Skriv fastighetsbeteckningen här så kollar jag hur långt handläggaren har kommit med ert bygglov.',
    'Tyvärr ligger bryggan inom strandskyddat område. Räkna med ett avslag på ansökan.',
    'Hej Sara! Ni står först i kön, så i augusti får hon plats på Backa förskola.',
    'Vi har tittat på bilderna och felparkeringsavgiften står kvar.',
    'Hej Hussein! I dag skickade vi ditt överklagande vidare till förvaltningsrätten.',
    'Hej Roger. Ditt klagomål är registrerat och utreds nu.',
    'Hej Göran. Mätningen visade låga värden, så vi går inte vidare med klagomålet.',
    'Hej Therese! Inspektören har varit där och grannen får ett föreläggande om att riva förrådet.',
    'Du står som nummer 57 i kön till Backa förskola.',
    'Hej Josefin! Lova får börja på Backa förskola i augusti.',
    'Vilket dnr fick du? Klistra in det här så letar jag upp det.',
    'Hej Daniel! Omar får börja i 4B på Backaskolan efter höstlovet.',
    'Hej Göran, offerten från snickaren har kommit in och ser bra ut.',
    'Hej Lennart! Ritningarna ser fina ut och handläggaren räknar med att ni har klartecken före midsommar.',
    'Hej Mirja! Vi har räknat om avgiften med de nya inkomsterna, så från mars blir den lägre.',
    'Har du numret från bekräftelsen? Skriv det här så jagar jag rätt person.',
    'Hej Roger. Byggsanktionsavgiften togs ut eftersom bygget började innan ni hade fått startbesked, och den kan vi tyvärr inte efterskänka.',
    'haha nej du Lennart, den där muren fick du inte ha kvar. Du har till sista september på dig att riva den, sen blir det vite.',
    'Hej Nikos! Vid kontrollen hittade vi brister, och det uppföljande besöket debiteras med 1 450 kr.',
    'Hej Fredrik, vi har gått igenom skadeanmälan för din bil, och tyvärr bedömer vi att kommunen inte är skadeståndsskyldig.',
    'hej! jo boten skrevs ut 14/10 men vi ser att du hade giltig p-biljett i appen, så den makuleras. du behöver inte betala nåt',
    '@BistroNolGbg Det tillfälliga serveringstillståndet för midsommarafton är beviljat.',
    'Hej! Nu har vi utrett synpunkten du lämnade i maj, och vi håller med dig om att det inte blev bra.',
    'Jag har läst igenom avslaget du fick och tycker att det är fel bedömt.',
    'Roger, alla samtal är dokumenterade, och beslutet att Theo går i resursgruppen resten av terminen står fast.',
    'Hej Fatima! Omar får tyvärr ingen plats på Da Vinciskolan, så han placeras på Nolskolan i stället.',
    '@jonte_84 kollat m gatuenheten – p-avgiften på DKR 47J står kvar, skylten var tydlig (svår att missa). vill du bestrida den gör du det hos polisen',
    'Hej Lena! Ansökan är komplett nu och handläggaren räknar med att ta beslut nästa vecka, så ni bör ha startbeskedet före jul.',
    'Hej Wilmer! Kul att du söker kulturstipendiet 🎸 Vi har kikat på din ansökan och den ser bra ut, men ljudfilen saknas.',
    'Hej Berit. Vi har gått igenom det igen och ditt ersättningsanspråk för cykeln avslås, gropen var redan lagad.',
    # Asking for a case number handles the case, in a direct message too (the labelled sets' README).
    "Skicka ditt ärendenummer i ett privat meddelande, så hjälper vi dig vidare.",
    'Skicka ett pm med ditt ärendenummer så kollar vi med handläggaren.',
    'Hej Mikael. Nämndens delegat har nu beslutat om din ansökan om strandskyddsdispens. Dispens ges inte.',
    'Hej Margareta! Vi har rättat det och betalar tillbaka 1 860 kr till kontot du angav.',
    'Hej Patrik! Elias får en resursperson på eftermiddagarna från vecka 40.',
    '@linda_aberg Vi har pratat med rektor. Olle får byta till 3B efter jullovet.',
    'Hej Tove, tack för din ansökan! Tyvärr gick du inte vidare till intervju för tjänsten som ekonom.',
    'Hej Maria. Hampus har nu fått en ledsagare två kvällar i veckan.',
    'Hej Peter! Om du skickar ärendenumret i ett privat meddelande kan vi kolla med handläggaren.',
    'Hej Karin! Personalavdelningen har godkänt din plan för arbetsträning.',
    'Hej Ayla! Grattis, du har fått feriejobb på Nolskolans fritids vecka 27–29.',
    'Hej Olena! Vi kan nu bekräfta att ni får flytta in i lägenheten i Surte den 1 november.',
    'Hej Ali. Eftersom du inte är folkbokförd i Ale kan vi tyvärr inte skriva in dig på SFI just nu.',
    'Hej Sofia! Lönen för ditt sommarjobb betalas ut den 25:e till kontot du angav.',
    'Hej Martin! Skicka ditt personnummer i ett DM så kollar vi varför du inte har fått ditt besked.',
    'Lantbrukaren Per Nilsson har fått anstånd med att bygga om gödselplattan till i höst.',
    'Hej Tove. Onsdagar i Alehallen är redan bokade, så ert lag kan tyvärr inte få den tiden.',
    'Hej Ola! Bidraget betalar vi ut till ditt privata konto nästa vecka.',
    'Hej Anna. Fakturan (nr 4471) på 1 200 kr för Surtehallen stämmer, eftersom avbokningen kom för sent.',
    'Hej Kenneth. Vi står fast vid att du ska betala för bortforslingen av avfallet.',
    'Hej Malin! Nu är det fixat, Oliver är flyttad till fritids på Alvhem från måndag.',
    'Hej Lovisa! Tack för din ansökan till tjänsten som kock. Du har gått vidare till intervju och vi ringer dig på fredag.',
    'Hej Jonny. Med anledning av din fråga om avgiften för bygglovet får vi meddela att avgiften har fastställts enligt taxan.',
    '@vera_lind Hej! Tyvärr fick du ingen praktikplats i höst, alla platser är tillsatta.',
], ids=["granted", "refused", "placed", "permit", "status", "asks-case-number", "asks-personnummer",
        "child-placed", "benefit-decision", "refund-on-bill", "refund-to-account", "credited-invoice",
        "refund-noun", "asks-numbers-in-comments", "named-child-placed", "your-child-placed",
        "application-status-any-verb", "missing-documents", "grade-status", "fee-amount",
        "asks-definite-number", "looks-good", "gone-through", "requirements-not-met", "permit-extended", "queue-place", "processed", "fee-waived", "our-assessment", "report-received", "place-free", "grade-not-reported", "refund-amount", "refund-in-reply", "more-home-care", "permit-registered", "payment-delayed", "inquiry-in-reply", "queue-number", "cancelled-fine", "go-ahead", "signature-missing", "no-demolition-permit", "fee-recalculated", "looks-really-good", "permit-renewed", "connection-ready", "reply-no", "reply-approved", "reply-changed", "reply-arranged", "reply-next-in-line", "reply-lies-with", "reply-refund", "reply-no-right", "unnamed-reply-cancelled", "unnamed-reply-school-choice", "after-your-meeting", "queue-place-on", "invoice-checked", "remark-stands", "fee-changed", "registration-received", "inspection-done", "bare-hej-cancelled", "answer-granted", "will-check-progress", "expect-refusal", "gets-a-place", "fine-stands", "sent-to-court", "complaint-registered", "complaint-dropped", "injunction-for-neighbour", "queue-number", "may-start-preschool", "paste-case-number", "may-start-in-class", "quote-has-come-in", "officer-expects-go-ahead", "fee-recalculated", "write-the-number-here", "fee-not-waived", "deadline-to-demolish", "follow-up-charged", "claim-assessed", "fine-cancelled-lower-case", "handle-permit-granted", "complaint-looked-into", "your-refusal", "decision-stands", "no-place-placed-elsewhere", "compound-fee-stands", "officer-expects-decision", "looked-at-your-application", "claim-refused",
        "case-number-in-private-message", "pm-then-check", "decided-on-your-application", "refund-spaced-amount", "pupil-gets-support-person", "pupil-changes-class",
        "applicant-not-to-interview", "has-got-a-companion", "if-you-send-the-number-in-pm", "work-training-approved", "summer-job-given", "may-move-in", "cannot-enrol-you", "pay-to-the-account-you-gave", "personnummer-in-dm-then-a-not", "named-person-granted-respite", "hall-time-refused", "grant-to-private-account", "invoice-upheld", "charge-upheld", "moved-to-another-centre", "applicant-to-interview", "fee-fixed-in-reply", "no-placement-for-you"])
def test_handling_a_persons_own_case_in_public_is_flagged(text):
    assert "case_handling" in _rule_categories(text)


@pytest.mark.parametrize("text", [
    "Hej Ali! Vi tömmer ditt kärl på torsdag i stället, på grund av helgdagen.",
    "Hej! Bygglov söker du i e-tjänsten på ale.se. Handläggningstiden är cirka sex veckor.",
    "Hej Greta! Tack för felanmälan om gatlampan, vi har skickat den till elektrikern.",
    "När ditt bygglov är beviljat får du ett startbesked innan du börjar bygga.",
    "Synpunkter lämnas senast 1 juni. Ange diarienummer KS 2025/0042.",
    "Avgiften debiteras månadsvis och du betalar via autogiro.",
    "Vid avslag kan du överklaga beslutet inom tre veckor.",
    "Hej Frida! Kontakta din handläggare via Kontaktcenter, så får du besked om ditt ärende där.",
    "Alla barn som har fått plats på förskolan får ett välkomstbrev i juni.",
    "Skriv aldrig ditt personnummer här i kommentarerna, det kan alla läsa.",
    "Om du har betalat för mycket får du tillbaka pengarna automatiskt.",
    "Hej Kent! Vi har felanmält gatlampan på Skolvägen, den lagas i veckan.",
    "Alla som har fått plats på sommarlovsaktiviteten får ett sms.",
    "När du ansöker om bygglov ska ritningarna vara skalenliga.",
    "Vi saknar handlingar i många ärenden just nu, så handläggningen tar längre tid.",
    "Om din avgift blir 0 kr får du ett brev om det.",
    'Du ansöker om bygglov via e-tjänsten på ale.se. Handläggningstiden är högst tio veckor.',
    'Alla som har ansökt om plats till hösten får besked i april.',
    'Om du har fått avslag kan du överklaga beslutet inom tre veckor.',
    'Har du frågor om din faktura? Ring kundtjänst på 0303-33 00 00 eller logga in på Mina sidor.',
    'Du kan ansöka om förlängt parkeringstillstånd i e-tjänsten.',
    'Hej Monica! Överklagandet ska ha kommit in till kommunen inom tre veckor.',
    'Vill du överklaga ett beslut gör du det skriftligt.',
    'Du behöver inte söka tillstånd för en valborgsbrasa, men du ska anmäla den.',
    'Du ska få ett beslut inom tio veckor, och tiden kan förlängas en gång.',
    'Betala till bankgiro 5267-0611 och ange OCR-numret som står på fakturan.',
    'Hej Patrik! Mejla registrator@ale.se och skriv vilket ärende det gäller, så skickar de handlingarna när de har gått igenom dem.',
    'Till dig som undrade om Adam: vi har startat en utredning om hans frånvaro.',
    'Hej Jonas! Fakturan för vatten och avlopp skickas ut fyra gånger per år.',
    'Hej Ingvar! Grovsopshämtningen är bokad till onsdag 4 februari. Kostnaden kommer på nästa faktura.',
    'Hej Per-Erik! Vi kan inte titta på enskilda ärenden här. Logga in på Mina sidor så ser du var ditt bygglovsärende står.',
    'Efter rehabiliteringsutredningen har vi kommit överens om att avsluta anställningen.',
    'Hör av dig till Kontaktcenter så får du tillbaka plånboken!',
    'Hej Ronja! Vi kan inte säga något om anbuden förrän tilldelningsbeslutet är fattat.',
    'Hej! Nu kan du söka förskoleplats till hösten. Din ansökan behöver vara inne senast 31 mars.',
    'Nu är det klart vad som händer under sommarlovet för dig som är 6–15 år.',
    'Hej! Vi har ändrat öppettiderna i simhallen.',
    'Om du söker före mars får du plats i augusti.',
    'Räkna med att det blir kö till simhallen i helgen.',
    'Ja, biblioteket har öppet i morgon!',
    'Bygglov söker du i e-tjänsten, och ansökan ska vara inne före 1 maj.',
    'Ingen kö! Du står på plats 1 direkt när du bokar i appen.',
    'Alla barn får börja på förskolan i augusti.',
    'Hej Lars-Erik, vi har dolt din kommentar eftersom du skrev ut ditt personnummer. Kontakta Kontaktcenter om färdtjänsten.',
    'Vi räknar om alla avgifter varje år i januari.',
    'Hej! Vi förstår att du vill veta hur det går med ditt bygglov. Här i kommentarerna kan vi tyvärr inte gå in på enskilda ärenden. Ring Kontaktcenter så kopplar de dig till din handläggare.',
    'Hej! Du är välkommen att höra av dig direkt till Petra, som är biståndshandläggare för Älvängen.',
    'Om du hade sökt bygglov innan du byggde hade det blivit billigare.',
    'Sista dagen för Petra i dag. Som många vet har hon varit sjukskriven, och nu har Försäkringskassan beviljat henne sjukersättning.',
    'Vi söker en enhetschef! Tjänsten blir ledig efter ett klagomål till HR i våras. Ansök senast 30 november.',
    'Hej Hassan. Vi kan inte prata om enskilda beslut om bistånd här på sidan. Vill man överklaga ett beslut skriver man till nämnden inom tre veckor.',
    'SNÖPLOGNINGEN ÄR IGÅNG! Sluta ringa och fråga när just din gata står på tur!',
    'Hej Sten! Plogbilen har missat vändplanen på er gata, vi skickar tillbaka den i kväll.',
    'Hej! Om din ansökan om bygglov är komplett får du beslut inom tio veckor.',
    'Hej Annika! Ring specialpedagogen Per Dag så bokar ni en tid om ditt ärende. Han är på plats tisdag till torsdag.',
    'Hej! Alla barn har rätt till det stöd de behöver, och om ett barn behöver mer stöd ska skolan utreda ärendet.',
    '@pappa_i_nol Mejla skolskjuts@ale.se med barnets namn så tittar handläggaren på ärendet. Skriv inga personnummer här i tråden 🙏',
    'Hej! Logga in i e-tjänsten Förskoleplats med BankID. Där ser du placeringen så fort den är klar.',
    'Hej Leif! Två anbud har kommit in. Vem som får jobbet bestäms i slutet av månaden.',
    'Alla som har fått feriejobb får ett sms med schemat i juni.',
    'Checklistor och e-tjänsten för bygglov hittar du på ale.se/bygglov, och vill du prata med en handläggare först kan du boka tid via Kontaktcenter.',
    'Hej! Frågor om återbetalning av deposition för din bokning hanteras av lokalbokningen på Kontaktcenter.',
    'Undrar du hur du söker bostadsanpassning? Så här går det till: du fyller i e-tjänsten. Handläggaren utreder sedan tillsammans med dig vilket stöd du behöver.',
    'Hej Sune! Tack för bilden på örnen vid Göta älv. Vi har skickat den vidare till länsstyrelsen.',
    'Hon har sökt bistånd och hennes handläggare Amir ringer när beslutet är klart.',
    '@OlaP Hej! Kursen kostar 900 kr och betalas först när man är antagen.',
], ids=["bin", "how-to-apply", "fault-report", "conditional", "consultation",
        "fee-info", "appeal-info", "referral", "group", "warns-against-personnummer", "refund-rule",
        "lamp-reported", "group-placed", "permit-advice", "missing-documents-general",
        "conditional-fee", "apply-online", "everyone-who-applied", "if-refused", "invoice-questions", "you-can-extend", "appeal-deadline", "if-you-want-to-appeal", "no-permit-needed", "time-may-be-extended", "pay-with-ocr", "registrar-goes-through", "inquiry-about-someone-else", "invoice-schedule", "reply-booked-pickup", "reply-login-to-see", "agreed-departure-not-a-case", "lost-wallet", "cannot-say-before-award", "unnamed-general-post", "summer-holiday-programme", "bare-hej-opening-hours", "if-you-apply", "expect-queue", "answer-opening-hours", "deadline", "no-queue", "all-children-start", "hidden-comment", "fees-recalculated-yearly", "refuses-individual-cases", "refers-to-officer", "if-you-had-applied", "other-authority-decision", "job-ad-after-complaint", "cannot-talk-about-decisions", "your-street-is-next", "plough-sent-back", "conditional-with-noun-phrase", "officer-on-site", "every-child-has-the-right", "no-numbers-in-the-thread", "see-it-in-the-e-service", "who-gets-the-contract", "everyone-with-a-summer-job", "where-to-find-the-e-service", "refund-questions-referred", "how-it-works-explainer", "tip-passed-on", "when-the-decision-is-ready", "once-one-is-admitted"])
def test_service_answers_and_general_advice_are_not_case_handling(text):
    assert "case_handling" not in _flags(text)


@pytest.mark.parametrize(("text", "word", "plain"), [
    ("Erhålla bidrag kan alla föreningar.", "Erhålla", "Få"),
    ("Vi tillhandahåller lånedatorer till alla elever.", "tillhandahåller", "ger"),
    ("Föreningen erhöll 20 000 kr i bidrag.", "erhöll", "fick"),
    ("Vi har erhållit många svar.", "erhållit", "fått"),
    ("Beslutet fattas i enlighet med riktlinjerna.", "i enlighet med", "enligt"),
    ("Därest ansökan är ofullständig hör vi av oss.", "Därest", "Om"),
    ("Avgiften gäller innevarande år.", "innevarande år", "i år"),
])
def test_jargon_gets_the_plain_word_with_the_same_capital(text, word, plain):
    found = {(f.text, f.suggestion) for f in _findings(text, "plain_language.jargon")}
    assert (word, plain) in found


def test_inflected_jargon_without_a_safe_inflection_has_no_one_click_suggestion():
    (found,) = _findings("Bidraget erhölls i maj.", "plain_language.jargon")
    assert (found.text, found.suggestion) == ("erhölls", None)
    assert "få" in found.message


def test_s_passives_are_flagged_only_when_the_post_leans_on_them():
    heavy = "Ansökan inges till nämnden. Avgiften debiteras i efterskott. Beslut meddelas skriftligt."
    light = "Ansökan skickas till nämnden. Vi hoppas att du trivs och att allt finns på plats."
    assert {f.text for f in _findings(heavy, "language.passive")} == {"inges", "debiteras", "meddelas"}
    assert not _findings(light, "language.passive")


@pytest.mark.parametrize("word", ["finns", "hoppas", "känns", "syns", "trivs", "lyckas", "minns", "andas"])
def test_deponent_verbs_are_never_passive(word):
    text = f"Det {word}. Det {word} igen. Det {word} alltid. Det {word} nu."
    assert not _findings(text, "language.passive")


def test_long_sentence_counts_words_and_ends_at_line_breaks():
    long = " ".join(["ord"] * 26) + "."
    listed = "\n".join(" ".join(["ord"] * 10) for _ in range(5))
    assert [f.text for f in _findings(long, "long_sentence")] == [long[:-1]]
    assert not _findings(listed, "long_sentence")


@pytest.mark.parametrize(("text", "rule"), [
    ("Kom ihåg att det är FÖRBJUDET att grilla i parken.", "tone.shouting"),
    ("Nu får det vara nog!!", "tone.exclamations"),
    ("Varför har ingen sorterat?!?", "tone.exclamations"),
    ("Som alla vet är det förbjudet att elda i skogen.", "tone.blame"),
    ("Personligen anser jag att gatan borde stängas för bilar.", "tone.private_opinion"),
])
def test_tone_issues_are_pointed_out(text, rule):
    assert _findings(text, rule)


@pytest.mark.parametrize("text", [
    "Ansök om LSS, SFI eller OSL-frågor hos KS i Ale.",
    "Vad roligt att så många kom! Välkommen tillbaka nästa år.",
    "Vi tycker det är kul att ni hör av er.",
])
def test_acronyms_one_exclamation_and_our_voice_are_fine(text):
    assert not _findings(text, "tone.")


def test_x_counts_every_link_as_23_characters():
    link = "https://www.ale.se/" + "a" * 200
    assert not _findings("Läs om sommarlovet: " + link, "platform.length", "x")
    assert _findings("Ale " * 71, "platform.length", "x")
    assert not _findings("Ale " * 71, "platform.length", "facebook")


def test_without_a_platform_the_limits_are_not_checked():
    assert not _findings("Ale " * 800 + "#Ale " * 40, "platform.")


def test_lower_case_hashtags_get_camel_case_suggestions():
    found = {f.text: f.suggestion for f in _findings("#alekommun #biblioteketsurte #Ale", "accessibility.hashtag_case")}
    assert found["#alekommun"] == "#AleKommun"
    assert "#Ale" not in found


def test_four_emoji_in_a_row_but_not_three():
    assert _findings("Sommar 🌞🍦🏖️🚲", "accessibility.emoji_run")
    assert not _findings("Sommar 🌞🍦🏖️ och sol", "accessibility.emoji_run")
