"""Identity numbers against the personnummer organisation's public test vectors, in running text."""

import json
from pathlib import Path

import pytest

from aledraft.analysis import analyze

TESTDATA = Path(__file__).parents[2].parent / "shared" / "testdata"
META = TESTDATA / "personnummer-meta"
IDENTITY = {"personnummer", "coordination_number"}
SPELLINGS = ("long_format", "short_format", "separated_format", "separated_long")

VECTORS = json.loads((META / "list.json").read_text("utf-8"))
ORGNUMBERS = json.loads((META / "orgnumber.json").read_text("utf-8"))


def identity_findings(text):
    return [f for f in analyze(text).findings if f.category.value in IDENTITY]


@pytest.mark.parametrize(
    ("spelling", "vector"),
    [(spelling, vector) for vector in VECTORS for spelling in SPELLINGS],
    ids=lambda value: value if isinstance(value, str) else value["long_format"],
)
def test_vector_in_text(spelling, vector):
    number = vector[spelling]
    text = f"Uppgiften gäller {number} och inget annat."
    blocks = [f for f in identity_findings(text) if f.severity.value == "block"]
    if vector["valid"]:
        expected = "coordination_number" if vector["type"] == "con" else "personnummer"
        assert [(f.category.value, f.text) for f in blocks] == [(expected, number)]
    else:
        assert blocks == []


@pytest.mark.parametrize("entry", ORGNUMBERS, ids=lambda entry: entry["separated_format"])
@pytest.mark.parametrize("spelling", ["short_format", "separated_format"])
def test_orgnumber_never_flagged(entry, spelling):
    text = f"Föreningens organisationsnummer är {entry[spelling]}."
    assert identity_findings(text) == []
    assert identity_findings(f"Nummer: {entry[spelling]}") == []


def test_space_separated_spelling_is_suspect():
    (finding,) = identity_findings("Hon har 090527 1474 som nummer.")
    assert (finding.rule, finding.severity.value) == ("pii.personnummer_suspect", "warn")


@pytest.mark.parametrize(
    "text",
    [
        "Samrådet pågår 2025-05-12 till 2025-06-09.",
        "Läckan upptäcktes 20250512 i vår driftlogg.",
        "Ange diarienummer Dnr KS 2024/0123 i ditt svar.",
        "Reparationen kostade 420 000 kronor, alltså 1 250 000,50 kr totalt.",
        "Ordernummer 8112189877 skickas i dag.",
        "Du får ett ärendenummer, till exempel 202503141187, som du anger.",
        "Referens UH 2025-031, sista dag 2025-12-01.",
        "Kommunens organisationsnummer är 212000-1397.",
        "Fakturanummer 811218-9877 ska anges vid betalning.",
        "Ditt tillståndsnummer är 251114-0935.",
        "Bokningsnumret står i mejlet och ser ut ungefär så här: 251123-4410.",
        "Felanmälan har fått nummer 250911-4417 hos vår entreprenör.",
    ],
)
def test_not_identity_numbers(text):
    assert identity_findings(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Elevens användarnamn är 1803152345.", "pii.personnummer"),
        ("Rum 12: Elsa, 121005+7327 – insulin", "pii.personnummer"),
        ("ärendet för 941283-6125 är överflyttat", "pii.coordination_number"),
        ("Samordningsnummer 9003712388 är registrerat.", "pii.coordination_number"),
        ("Mitt personnummer är 811218-9877.", "pii.personnummer_suspect"),
        ("Pnr 8112189877 stämmer inte.", "pii.personnummer_suspect"),
        ("Bokningsnummer finns i mejlet. Hon skrev 251123-4410 i rutan.", "pii.personnummer_suspect"),
    ],
)
def test_identity_numbers_in_context(text, rule):
    assert [f.rule for f in identity_findings(text)] == [rule]


def test_compact_mobile_number_is_a_phone_number():
    # 0701740607 is also a valid samordningsnummer (born 2007-01-14); without a cue it is a mobile.
    findings = analyze("Ring mig på 0701740607 i kväll.").findings
    assert [f.category.value for f in findings if f.category.value != "spelling"] == ["phone"]
    findings = analyze("Barnets samordningsnummer är 0701740607.").findings
    assert "coordination_number" in [f.category.value for f in findings]
