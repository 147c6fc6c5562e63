import random
import re

import pytest
from spacy.tokens import Span as SpacySpan

from eventwire.extract.context import DocContext
from eventwire.extract.mentions import extract_mentions
from eventwire.extract.missed_names import defined_acronyms
from eventwire.extract.titles import strip_titles
from eventwire.model import Article


def run(blank_nlp, resources, text, ents):
    """ents: (surface, label) pairs, marked at their first occurrence after the previous one."""
    doc = blank_nlp(text)
    spans, pos = [], 0
    for surface, label in ents:
        start = text.index(surface, pos)
        spans.append(doc.char_span(start, start + len(surface), label=label))
        pos = start + len(surface)
    doc.ents = [s for s in spans if isinstance(s, SpacySpan)]
    ctx = DocContext(article=Article(id="a", text=text), doc=doc, resources=resources)
    return extract_mentions(ctx)["mentions"]


def test_titles_possessives_and_surname_grouping(blank_nlp, resources):
    text = "Field Marshall Khalifa Haftar spoke. Later [Hiftar's] men moved and Haftar left."
    ms = run(
        blank_nlp,
        resources,
        text,
        [("Field Marshall Khalifa Haftar", "PERSON"), ("Hiftar's", "ORG"), ("Haftar", "GPE")],
    )
    assert ms[0].normalized == "Khalifa Haftar" and ms[0].role == "Field Marshal"
    assert ms[1].normalized == "Hiftar"
    assert len({m.group for m in ms}) == 1
    assert {m.label for m in ms} == {"PERSON"}  # voted over the group and the KB


def test_acronym_expansion_grouped(blank_nlp, resources):
    text = "The Coastal Defence Brigade (CDB) attacked. Later the CDB withdrew."
    ms = run(blank_nlp, resources, text, [("Coastal Defence Brigade", "ORG")])
    cdb = [m for m in ms if m.span.text == "CDB"]
    assert len(cdb) == 2  # both acronyms found although the model tagged neither
    assert len({m.group for m in ms}) == 1


def test_demonym_affiliation(blank_nlp, resources):
    text = "Egyptian officials met Russian officials while a Russian hat was worn."
    ms = run(
        blank_nlp, resources, text, [("Egyptian", "NORP"), ("Russian", "NORP"), ("Russian", "NORP")]
    )
    assert [(m.span.text, m.affiliation) for m in ms] == [
        ("Egyptian officials", "EGY"),
        ("Russian officials", "RUS"),
    ]


def test_kb_names_the_model_missed(blank_nlp, resources):
    ms = run(blank_nlp, resources, "Fighting resumed near the Petroleum Facilities Guard base.", [])
    assert [m.normalized for m in ms] == ["Petroleum Facilities Guard"]


def test_surname_before_full_name_left_alone(blank_nlp, resources):
    text = "Former Gaddafi loyalists back Saif Gaddafi now."
    ms = run(blank_nlp, resources, text, [("Gaddafi", "PERSON"), ("Saif Gaddafi", "PERSON")])
    assert ms[0].group != ms[1].group


def test_strip_titles_keeps_org_names():
    assert strip_titles("Prime Minister Fayez al-Serraj") == ("Fayez al-Serraj", "Prime Minister")
    assert strip_titles("President")[1] is None


@pytest.mark.slow
def test_real_model_groups_variants(nlp, resources):
    text = (
        "Libyan military leader Khalifa Haftar visited Moscow. Defence Minister Sergei Shoigu "
        "and Foreign Minister Sergei Lavrov met Haftar. Haftar's forces advanced."
    )
    doc = nlp(text)
    ctx = DocContext(article=Article(id="a", text=text), doc=doc, resources=resources)
    ms = extract_mentions(ctx)["mentions"]
    haftar = [m for m in ms if "Haftar" in m.normalized]
    assert len(haftar) >= 2 and len({m.group for m in haftar}) == 1
    shoigu = next(m for m in ms if m.normalized == "Sergei Shoigu")
    lavrov = next(m for m in ms if m.normalized == "Sergei Lavrov")
    assert shoigu.group != lavrov.group and shoigu.role == "Defence Minister"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Egypt backs the rival government in Benghazi, officials said.", "government in Benghazi"),
        ("The Benghazi-based government rejected the plan on Monday.", "Benghazi-based government"),
    ],
)
def test_a_government_named_by_its_seat_is_one_name(nlp, resources, text, surface):
    ctx = DocContext(article=Article(id="a", text=text), doc=nlp(text), resources=resources)
    ms = extract_mentions(ctx)["mentions"]
    seat = next(m for m in ms if m.span.text == surface)
    assert seat.normalized == "Government in Benghazi" and seat.label == "ORG"


@pytest.mark.slow
def test_a_countrys_government_is_no_seat_government(nlp, resources):
    text = "The government in Egypt denied the report on Monday."
    ctx = DocContext(article=Article(id="a", text=text), doc=nlp(text), resources=resources)
    assert not any(
        m.normalized.startswith("Government in") for m in extract_mentions(ctx)["mentions"]
    )


def test_defined_acronyms_as_the_lazy_pattern_read_them():
    # The one-pass reading finds what r"(\w[\w .'-]+?)\s*\(([A-Z]{2,6})\)" found, on
    # sentences we wrote and on random strings of the characters that matter.
    def lazy(text):
        return {m.group(2) for m in re.finditer(r"(\w[\w .'-]+?)\s*\(([A-Z]{2,6})\)", text)}

    written = [
        "The Libyan National Army (LNA) shelled Tripoli.",
        "Fighters of the Government of National Accord\n(GNA) and the U.N. (UN) met.",
        "A (BC) then X(YZ), then 'Ali's men' (AM) and (NO) (PE) and Q-R (ST)",
    ]
    assert defined_acronyms(written[0]) == {"LNA"}
    assert defined_acronyms(written[1]) == {"GNA", "UN"}
    rng = random.Random(12)
    alphabet = ["a", "B", "C", " ", "\n", ".", "'", "-", ",", "(", ")", "AB", "(CD)", "é"]
    samples = written + ["".join(rng.choices(alphabet, k=rng.randint(1, 40))) for _ in range(3000)]
    for text in samples:
        assert defined_acronyms(text) == lazy(text), text
