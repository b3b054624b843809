"""Per rule id: (texts that must produce the rule, texts that must not) — proselint's examples.py.

Every rule id in rules.toml needs at least one of each (test_every_rule_has_examples).
"""

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
        ["Vi betalar till ditt konto 6153-214 587 398 i Handelsbanken.", "IBAN SE45 5000 0000 0583 9825 7466"],
        ["Swisha till 123 456 78 90.", "Vår bankgiro är 5050-1055."],
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
}
