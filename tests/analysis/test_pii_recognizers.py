"""Hard cases of contact, place, bank and vehicle recognizers, in post-like sentences."""

import pytest

from aledraft.analysis import analyze

MINE = {"phone", "email", "address", "postal_code", "vehicle_reg", "bank_account", "personnummer",
        "coordination_number"}


def found(text):
    return [(f.category.value, f.text) for f in analyze(text).findings if f.category.value in MINE]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ring Lisa på 076-174 06 55 i kväll.", [("phone", "076-174 06 55")]),
        ("Nås på +46 70 174 06 35 eller 0701740635.", [("phone", "+46 70 174 06 35"), ("phone", "0701740635")]),
        ("Direktnummer 0303-33 07 15, växel 0303-330000.", [("phone", "0303-33 07 15")]),
        ("Mejla linda.holm@edu.ale.se eller bibliotek@ale.se.", [("email", "linda.holm@edu.ale.se")]),
        ("Kontakt: m.ahmadi@yahoo.se, barn.utbildning@ale.se", [("email", "m.ahmadi@yahoo.se")]),
        ("Anmälan till kattlisa@gmail.com eller foreningsbidrag@ale.se.", [("email", "kattlisa@gmail.com")]),
        ("Skriv till jonasberg@ale.se eller va-avdelningen@ale.se.", [("email", "jonasberg@ale.se")]),
        ("Frågor om lov: lovskola@ale.se, ansökan till idrottsstod@ale.se, svar från petra.wahlstrom@ale.se.",
         [("email", "petra.wahlstrom@ale.se")]),
        (
            "Katten bor hos Sofia på Storgatan 5B, 449 30 Nödinge.",
            [("address", "Storgatan 5B"), ("postal_code", "449 30")],
        ),
        ("Hon bor på Södra vägen 12 lgh 1102.", [("address", "Södra vägen 12 lgh 1102")]),
        ("Paketet ska till Lilla Nolvägen 2 i Nol.", [("address", "Lilla Nolvägen 2")]),
        ("Han har flyttat till Norra Kyrkogatan 14B.", [("address", "Norra Kyrkogatan 14B")]),
        ("Bekräfta adressen Ringvägen 11, 44556 Surte.", [("address", "Ringvägen 11"), ("postal_code", "44556")]),
        ("Vi hämtar upp Kalle hemma hos mormor på Tallbrynet 4 i Surte.", [("address", "Tallbrynet 4")]),
        ("Leveransen går till Solhem 9, 446 37 Älvängen.", [("address", "Solhem 9"), ("postal_code", "446 37")]),
        ("Vi betalar till ditt konto i Handelsbanken 6153-214 587 398.", [("bank_account", "6153-214 587 398")]),
        ("Clearingnummer 5235 och kontonummer 00 462 14.", [("bank_account", "5235"), ("bank_account", "00 462 14")]),
        ("Kontonummer: 8327-9, 123 456 789-0", [("bank_account", "8327-9, 123 456 789-0")]),
        ("Bilen med reg.nr ABC 12A blockerar infarten.", [("vehicle_reg", "ABC 12A")]),
        ("Till ägarna av bilarna GPR 318 och XUW90A på vändplanen.", [("vehicle_reg", "GPR 318"), ("vehicle_reg", "XUW90A")]),
        ("TILL ÄGAREN AV DEN SVARTA VOLVON KLM 47P: FLYTTA BILEN!", [("vehicle_reg", "KLM 47P")]),
        ("Kortet skickas till Ängabo 9 lgh 1001, 449 41 Nol.", [("address", "Ängabo 9 lgh 1001"), ("postal_code", "449 41")]),
        ("Vi sätter in pengarna på kontot du angav, 6789-483 201 766, i veckan.", [("bank_account", "6789-483 201 766")]),
        ("Villabrand på Grönbacka 6 i Alafors i natt.", [("address", "Grönbacka 6")]),
        ("Han har öppen ateljé hemma på Hålanda Bygata 14.", [("address", "Bygata 14")]),
        ("Klagomålet gäller hundskall från grannen på Ängabo 11.", [("address", "Ängabo 11")]),
        ("Lönen ska sättas in på 5213-666 17 60 (SEB).", [("bank_account", "5213-666 17 60")]),
        ("Arvodet betalas ut den 27 oktober till 6192-437 826 155.", [("bank_account", "6192-437 826 155")]),
        ("Ingrid bor på Hålanda Kyrkväg 9.", [("address", "Kyrkväg 9")]),
        ("Inspektören var på Solvändan 3 i onsdags.", [("address", "Solvändan 3")]),
        ("Avloppsanläggningen på Grönlid 3 uppfyller inte kraven.", [("address", "Grönlid 3")]),
        ("Vi har återbetalat 1 350 kr till kontot du uppgav (6472-318 905 272).", [("bank_account", "6472-318 905 272")]),
        ("Felanmälan för lägenheten på Göta älvs väg 12 lgh 1203 är mottagen.", [("address", "Göta älvs väg 12 lgh 1203")]),
        ("Han går på Nödingeskolan men är skriven på Rödklövervägen 7, 449 42 Nödinge.",
         [("address", "Rödklövervägen 7"), ("postal_code", "449 42")]),
        ("Hon har öppnat en mottagning i sitt hus på Björkliden 7, 449 43 Älvängen.",
         [("address", "Björkliden 7"), ("postal_code", "449 43")]),
        ("Det var grannens kärl på Solsidans väg 14 som fick lappen.", [("address", "Solsidans väg 14")]),
        ("Ny portkod till Gröna vägen 8, 449 51 Nol.", [("address", "Gröna vägen 8"), ("postal_code", "449 51")]),
        ("Bygglov för tillbyggnad av enbostadshuset på Ekgatan 12 i Nol avslås.", [("address", "Ekgatan 12")]),
        ("Till Linn på mottagningen: familjen Berg på Tallvägen 8, 449 41 Nol ska inte ha besök.",
         [("address", "Tallvägen 8"), ("postal_code", "449 41")]),
        # a flat number makes it a home even after a venue word in the sentence
        ("Kommunens blommor levereras kl. 10 till Tallvägen 3 lgh 1102.", [("address", "Tallvägen 3 lgh 1102")]),
    ],
)
def test_found(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Storgatan 1–15 stängs för grävning vecka 12. Storgatan 12 och 14 saknar vatten.",
        "Ale Kulturrum, Ale Torg 7, har öppet 10–16.",
        "Skicka ansökan till Ale kommun, Samhällsbyggnad, 449 80 Alafors.",
        "Kyrkbyskolan, Kyrkvägen 3, har föräldramöte.",
        "Samrådsmöte i Nols medborgarhus, Backavägen 4, tisdag kl. 18.",
        "Fika på Pizzeria Roma, Storgatan 5, efter mötet.",
        "Picknick i Björkparken, som ligger på Parkvägen 2 i Alafors.",
        "Kapitel 3 läser vi i Biblioteket 2 gånger i veckan, och Vecka 12 är det lov.",
        "Följ leden 2 km norrut och ta vägen 3 gånger runt sjön.",
        "Ring Kontaktcenter på 0303-33 00 00, vid fara 112 och för vård 1177.",
        "Frågor? Mejla kontaktcenter@ale.se eller rekrytering@ale.se.",
        "Ansök om insatser enligt LSS via lss.bistand@ale.se eller sfi.ale@ale.se.",
        "Vår bankgiro är 5050-1055 och Swish 123 456 78 90.",
        "Föreningens konto 8327-9, 123 456 789-0 tar emot gåvor.",
        "Trafiken på E45 flyter, buss 401 går igen och Volvo V70 ska bort.",
        "RING OSS 123 GÅNGER, SEK 500 per månad.",
        "Priset är 1 250 kr, 850 000 liter, 2025-10-05 kl. 12.00, ordernummer 48213377.",
        "Tåg 3041 avgår 07.45 från Älvängen, linje 401, 402 och 430.",
        "Ring Kvinnofridslinjen 020-50 50 50 eller Skatteverket 0771-567 567.",
        "Vi sätter in 1 688 kr i veckan.",
        "Jourhavande medmänniska 08-702 16 80 har öppet hela natten.",
        "Frågor om bistånd? Mejla ekonomiskt.bistand@ale.se.",
        "Fritids tar emot barn i Ale Kulturrum kl. 06.30–18.00.",
        "Lönen betalas ut den 25 oktober 2025.",
        "Vår mötesplats för seniorer har öppet kl. 10–15 på Ekvägen 4 i Nol.",
        "Öppet hus i Bohus Folkets hus, Fabriksvägen 2, på onsdag.",
        "Vårkonsert i aulan på Nolskolans gymnasium, Lärkvägen 2 i Nol.",
        "Från 1 oktober hittar du oss på Torgvägen 12 i Älvängen.",
        "Längre öppettider från 1 april! Du hittar oss på Kvarnvägen 4 i Alafors.",
    ],
)
def test_not_found(text):
    assert found(text) == []


def test_an_account_number_after_the_bank_and_a_comma_is_found():
    text = "Pengarna sätts in på hans privata konto i Handelsbanken, 6481-318 472 058, tills vidare."
    assert [f.text for f in analyze(text).findings if f.category.value == "bank_account"] == ["6481-318 472 058"]


def _bank_accounts(text):
    return [(f.rule, f.text, f.severity.value) for f in analyze(text).findings if f.category.value == "bank_account"]


def test_a_clearing_and_account_number_with_the_right_control_digit_needs_no_account_word():
    # Swedbank (clearing 8327-9, type 2, mod 10) and Handelsbanken (type 2, mod 11), then SEB
    # (type 1, mod 11 with the clearing number) with the account's leading zeros left out.
    assert _bank_accounts("Vi ser att 8327-9, 914 253 671-4 ligger ute i tråden.") == [
        ("pii.bank_account", "8327-9, 914 253 671-4", "block")]
    assert _bank_accounts("Det blev 6153-214 587 398 till slut.") == [("pii.bank_account", "6153-214 587 398", "block")]
    assert _bank_accounts("Sätt in det på 5235 004 6214 före fredag.") == [("pii.bank_account", "5235 004 6214", "block")]
    # Accounts one after another: the first does not swallow the next one's clearing number.
    assert [text for _, text, _ in _bank_accounts("6153-214 587 398 6153-214 587 398")] == ["6153-214 587 398"] * 2


def test_without_an_account_word_a_wrong_control_digit_or_a_short_number_is_no_account():
    for text in ["Vi ser att 8327-9, 914 253 671-5 ligger ute.", "Beslutet togs 2025-05-12 i nämnden.",
                 "Under 2024 kom 1 250 000 besökare.", "Order 6153-214 587 399 är skickad.", "Ring 0303-33 00 00."]:
        assert _bank_accounts(text) == [], text


def test_after_an_account_word_a_wrong_control_digit_makes_a_possible_account():
    assert _bank_accounts("Vi sätter in pengarna på ditt konto 6153-214 587 397.") == [
        ("pii.bank_account_suspect", "6153-214 587 397", "warn")]
    # A clearing or an account number alone cannot be checked: it is reported as it is.
    assert _bank_accounts("Clearingnummer 5235 och kontonummer 00 462 14.") == [
        ("pii.bank_account", "5235", "block"), ("pii.bank_account", "00 462 14", "block")]


def _contact_findings(recognizer, text):
    from aledraft.analysis.pipeline import build_nlp
    from aledraft.analysis.recognizers.base import Context

    return [f.text for f in recognizer.find(Context(text, build_nlp()(text), None))]


def test_the_municipality_lists_its_own_numbers_and_role_addresses_in_the_environment(monkeypatch):
    from aledraft.analysis.recognizers.contact import EmailRecognizer, PhoneRecognizer

    text = "Ring Lisa i Nol på 0303-33 12 34 eller mejla reception.nol@ale.se."
    assert _contact_findings(PhoneRecognizer(), text) == ["0303-33 12 34"]
    assert _contact_findings(EmailRecognizer(), text) == ["reception.nol@ale.se"]
    monkeypatch.setenv("ALEDRAFT_OFFICIAL_NUMBERS", "0303-33 12 34, 0303-33 99 99")
    monkeypatch.setenv("ALEDRAFT_FUNCTIONAL_EMAILS", "reception.nol@ale.se")
    assert _contact_findings(PhoneRecognizer(), text) == []
    assert _contact_findings(EmailRecognizer(), text) == []
