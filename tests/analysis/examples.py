"""Per rule id: (texts that must produce the rule, texts that must not) — proselint's examples.py.

Every rule id in rules.toml needs at least one of each (test_every_rule_has_examples).
"""

#: Rules that only apply on a platform are checked on this one (others with platform=None).
EXAMPLE_PLATFORM = {"platform.length": "x", "platform.hashtags": "instagram"}

EXAMPLES: dict[str, tuple[list[str], list[str]]] = {
    "pii.personnummer": (
        ["Elevens användarnamn är 1803152345.", "Personnummer: 19990822-5577", "Född 121005+7327."],
        ["Dnr KS 2024/0123 gäller detaljplanen.", "Ale kommuns organisationsnummer är 212000-1397."],
    ),
    "pii.coordination_number": (
        ["Samordningsnummer 9003712388 är registrerat.", "Hans nummer är 941283-6125."],
        ["Beslutet fattades 2025-05-12.", "Vi ses 20250512 klockan 18."],
    ),
    "pii.personnummer_suspect": (
        ["Mitt personnummer är 811218-9877.", "Hon har 090527 1474 som nummer."],
        ["Ordernummer 8112189877 skickas i dag.", "Fakturanummer 811218-9877."],
    ),
    "pii.phone": (
        ["Ring Anna på 070-174 06 35.", "Nås på +46 70 174 06 55 efter lunch.", "Direkt: 08-465 005 17"],
        ["Ring växeln på 0303-33 00 00.", "Vid fara för liv, ring 112.", "Ring 1177 för vård."],
    ),
    "pii.email": (
        ["Mejla eva-lena.strand@ale.se.", "Anmälan till kalle82@gmail.com senast fredag."],
        ["Frågor? Mejla bibliotek@ale.se.", "Skriv till kontaktcenter@ale.se."],
    ),
    "pii.address": (
        ["Katten hittades hos Lisa på Storgatan 5B i Nödinge.", "Skicka till Backavägen 3 lgh 1102."],
        ["Storgatan 1–15 stängs för grävning i vecka 12.", "Vi håller till på Storgatan i Nödinge."],
    ),
    "pii.postal_code": (
        ["Hon bor på Storgatan 5B, 449 30 Nödinge."],
        ["Kommunens adress är Ale kommun, 449 80 Alafors.", "Vi tog emot 449 30 kronor i gåvor."],
    ),
    "pii.vehicle_reg": (
        ["Bilen DXN 904 står på gästparkeringen.", "Samåk med Sara i HYT552.", "Bil med reg.nr ABC 12A."],
        ["Trafiken på E45 flyter igen.", "Buss 401 går varje kvart.", "Han kör en Volvo V70."],
    ),
    "pii.bank_account": (
        ["Vi betalar till ditt konto 6153-214 587 398 i Handelsbanken.", "IBAN SE45 5000 0000 0583 9825 7466",
         "Vi ser att 8327-9, 914 253 671-4 ligger ute i tråden."],
        ["Swisha till 123 456 78 90.", "Vår bankgiro är 5050-1055.", "Vi ser att 8327-9, 914 253 671-5 ligger ute."],
    ),
    "pii.bank_account_suspect": (
        ["Kontonummer: 8327-9, 123 456 789-0", "Vi sätter in pengarna på ditt konto 6153-214 587 397."],
        ["Vi sätter in pengarna på ditt konto 6153-214 587 398.", "Ordernummer 4711-123 4567 skickas i dag."],
    ),
    "pii.person_name": (
        ["Grattis Saga Holmberg som vann skrivartävlingen!", "Tack Sten för hjälpen med loppisen.",
         "Familjen Haddad har skänkt böcker.", "tack maria för ditt mejl!"],
        ["Vi målade rosa stenar vid Göta älv.", "Lucia firas i Ale Kulturrum.", "Välkommen till Nödinge!"],
    ),
    "spelling": (
        ["Vällkommen till biblioteket i Surte!", "Vi ses på kommunhusset i morgon."],
        ["Välkommen till biblioteket i Surte!", "Följ oss på #AleKommun och mejla info@ale.se."],
    ),
    "pii.sensitive_data": (
        ["Vår vaktmästare Kent Lund, som har epilepsi, visar brandövningen.",
         "Tack Leila Amin, som är aktiv i församlingen, för hjälpen.",
         "Jonas Berg, som är misstänkt för stölden, har stängts av."],
        ["För dig som har diabetes finns en kurs på vårdcentralen.",
         "God jul till alla som firar! Kyrkan i Nol har julbön kl. 11.",
         "Kommunalrådet Eva Sten (S) invigde bron i Älvängen."],
    ),
    "confidential.marker": (
        ["INTERNT – ej för publicering. Budgeten för 2027 är inte klar.",
         "Handlingen är sekretessbelagd och får inte spridas.", "Embargo till tisdag kl. 10."],
        ["Vi kan inte kommentera enskilda ärenden, eftersom de kan omfattas av sekretess.",
         "Vi jobbar på med den nya skolan och berättar mer i vår."],
    ),
    "confidential.case_details": (
        ["Socialtjänsten har gjort en orosanmälan om Tilde Nyberg i klass 2A.",
         "Han är placerad i familjehem i Lerum sedan i våras."],
        ["Är du orolig för ett barn kan du göra en orosanmälan på ale.se.",
         "Familjehem behövs! Vill du bli familjehem? Ring oss."],
    ),
    "confidential.procurement": (
        ["Vi har fått in fyra anbud och Bygg & Mark AB ligger lägst.",
         "Städbolaget har lämnat det lägsta priset i upphandlingen."],
        ["Sista dag att lämna anbud är 15 januari. Underlaget finns i upphandlingsverktyget.",
         "Nu upphandlar vi städning av förskolorna."],
    ),
    "confidential.personnel": (
        ["Kocken Tobias Ek har fått en skriftlig varning efter händelsen.",
         "Rektor Sara Lind är sjukskriven resten av terminen."],
        ["Vi söker en vikarie till köket under våren.", "Vid uppsägning gäller en månads uppsägningstid."],
    ),
    "confidential.security": (
        ["Portkoden till idrottshallen är 2580.", "Lösenordet till personalnätet är Ale2026!"],
        ["Glöm inte lånekortet och din pinkod!", "Lösenordet skickas hem med eleverna."],
    ),
    "case_handling.decision": (
        ["Hej Mira! Ditt bygglov för friggeboden är beviljat.",
         "Hej! Du har tyvärr inte rätt till försörjningsstöd i maj."],
        ["Bygglov söker du i e-tjänsten på ale.se.", "När ditt bygglov är beviljat får du ett startbesked."],
    ),
    "case_handling.status": (
        ["Hej Olle! Vi har kollat ditt ärende och det ligger hos handläggaren.",
         "Hej! Vi har tagit emot din ansökan om färdtjänst."],
        ["Hej Pia! Vi har tagit emot din felanmälan om gatlampan.", "Vi tömmer ditt kärl på fredag."],
    ),
    "case_handling.request_details": (
        ["Skriv ditt personnummer här så kollar vi.", "Skicka ditt ärendenummer i kommentaren.",
         "Skicka ditt ärendenummer i ett privat meddelande så hjälper vi dig."],
        ["Ange diarienummer KS 2025/0042 i ditt yttrande.",
         "Mejla ditt ärendenummer till registrator@ale.se så hjälper de dig."],
    ),
    "confidential.learned": (
        ["Stämningen på enheten är usel sedan Anders flyttades till lagret efter bråket med chefen."],
        ["Stämningen på enheten är toppen sedan vi flyttade till det nya huset.",
         "Hej! Biblioteket har öppet till 19 i kväll."],
    ),
    "case_handling.learned": (
        ["Hej Omar! Handläggaren har fått alla papper nu, så ansökan om bostadsanpassning går till beslut nästa vecka.",
         "Hej Eva! Vi har pratat med handläggaren och bidraget betalas ut den 25:e som vanligt."],
        ["Hej Omar! Om du skickar in alla papper går ansökan om bostadsanpassning till beslut inom fyra veckor.",
         "Hej Eva! Vi har ändrat öppettiderna i simhallen."],
    ),
    "plain_language.jargon": (
        ["Du erhåller beslutet per post.", "Ansökan ska inkomma senast 1 mars innevarande år."],
        ["Du får beslutet med posten.", "Skicka ansökan senast 1 mars i år."],
    ),
    "long_sentence": (
        ["Den som vill söka bidrag för verksamheten under nästa år behöver skicka in en ansökan till "
         "kultur- och fritidsförvaltningen senast i mars tillsammans med föreningens verksamhetsberättelse "
         "och ekonomiska redovisning för det senaste året."],
        ["Sök bidrag senast i mars. Skicka med verksamhetsberättelsen och ekonomin för förra året."],
    ),
    "language.passive": (
        ["Ansökan skickas till nämnden. Avgiften debiteras i efterskott. Beslut fattas inom en månad "
         "och meddelas skriftligt."],
        ["Det finns plats för alla. Vi hoppas att du trivs och lyckas med studierna.",
         "Vi skickar beslutet till dig inom en månad."],
    ),
    "tone.shouting": (
        ["Det är INTE tillåtet att parkera här.", "VI STÄNGER BADET I DAG."],
        ["LSS-handläggarna svarar på frågor om SFI och ADHD.", "Bilen ABC 123 är flyttad."],
    ),
    "tone.exclamations": (
        ["Nu har vi öppnat!!!", "Har ni inte läst skylten?!"],
        ["Nu har vi öppnat!", "Vad tycker du?"],
    ),
    "tone.blame": (
        ["Uppenbarligen har ingen läst skylten.", "Skyll er själva om bilen bogseras."],
        ["Vi hjälper gärna till om du har frågor om parkeringen.", "Tack för att ni sorterar rätt!"],
    ),
    "tone.private_opinion": (
        ["Jag tycker att den nya rondellen är ful.", "Min åsikt är att skolan borde ligga i Nol."],
        ["Vi tycker att det är roligt att så många kom!", "Vad tycker du om den nya lekplatsen?"],
    ),
    "platform.length": (
        ["Ale " * 80],
        ["Ale kommun har öppet hus på lördag."],
    ),
    "platform.hashtags": (
        [" ".join(f"#Ale{n}" for n in range(31))],
        [" ".join(f"#Ale{n}" for n in range(30))],
    ),
    "accessibility.hashtag_case": (
        ["Följ oss på #alekommun", "Sommar! #sommarläsning"],
        ["Följ oss på #AleKommun", "Sommar! #Sommarläsning #ale"],
    ),
    "accessibility.emoji_run": (
        ["Grattis! 🎉🎉🎉🎉", "Sommarlov ☀️🏖️🍦🌊🚲"],
        ["Grattis! 🎉", "Sommarlov ☀️🏖️"],
    ),
    "accessibility.link_text": (
        ["Klicka här för att anmäla dig: ale.se/anmalan", "Läs mer här: ale.se/vatten"],
        ["Anmäl dig på ale.se/anmalan", "Läs om vattnet på ale.se/vatten"],
    ),
}
