"""Where a name starts and ends (issue 13, item 3), on sentences we wrote: given names the
model cut off, titles a KB alias carries, a middle name that is also a title, and a KB
name right before a bracket."""

from __future__ import annotations

import pytest

from eventwire.extract.context import DocContext
from eventwire.extract.mentions import extract_mentions
from eventwire.extract.titles import strip_titles
from eventwire.model import Article


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Hassan Sheikh Mohamud", ("Hassan Sheikh Mohamud", None)),
        ("Sharif Sheikh Ahmed", ("Sharif Sheikh Ahmed", None)),
        ("Sheikh Naim Qassem", ("Naim Qassem", "Sheikh")),
        ("Qatari Emir Tamim", ("Tamim", "Qatari Emir")),
        ("County Commissioner Jane Wanjiru", ("Jane Wanjiru", "County Commissioner")),
        ("Father Paul Obi", ("Paul Obi", "Father")),
    ],
)
def test_a_title_that_is_also_a_middle_name_is_kept_in_the_name(name, expected):
    assert strip_titles(name) == expected


def mentions(nlp, resources, text):
    ctx = DocContext(Article(id="t", text=text, published="2024-01-01"), nlp(text), resources)
    return {(m.span.text, m.role) for m in extract_mentions(ctx)["mentions"]}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("President Mahamat Idriss Deby said he would lead the offensive.", "Mahamat Idriss Deby"),
        (
            '"We will find them," a district police chief, Moses Kiptoo, told reporters.',
            "Moses Kiptoo",
        ),
    ],
)
def test_a_given_name_the_model_cut_off_is_part_of_the_name(nlp, resources, text, name):
    assert name in {t for t, _ in mentions(nlp, resources, text)}


@pytest.mark.slow
def test_no_title_or_demonym_joins_a_name(nlp, resources):
    got = {t for t, _ in mentions(nlp, resources, "Nigerian President Bola Tinubu spoke.")}
    assert "Bola Tinubu" in got
    assert not any("President" in t for t in got)


@pytest.mark.slow
def test_a_kb_alias_with_a_title_gives_the_name_and_the_role(nlp, resources):
    got = mentions(nlp, resources, "Colonel Assimi Goita spoke to the crowd on Monday.")
    assert ("Assimi Goita", "Colonel") in got


@pytest.mark.slow
def test_a_kb_name_stops_before_a_bracket(nlp, resources):
    text = "One of the two, the Islamic State Sahel Province (ISSP), is stronger in the east."
    got = {t for t, _ in mentions(nlp, resources, text)}
    assert {"Islamic State Sahel Province", "ISSP"} <= got


@pytest.mark.parametrize(
    ("between", "cue"),
    [
        (", known by its French initials ", True),
        (" (known by the acronym ", True),
        (", known by their initials ", True),
        (", known by its fighters ", False),
    ],
)
def test_initials_named_as_such_are_an_alias(between, cue):
    from eventwire.extract.aliases import _ALIAS_CUE

    assert bool(_ALIAS_CUE.match(between)) is cue


def test_an_acronym_never_matches_a_surname_loosely(resources):
    # the consonants of a three-letter acronym spell many surnames ("MLK" ~ "Maliki")
    assert resources.kb.lookup("MLK") is None
    assert resources.kb.lookup("Hiftar") is not None  # a surname's spelling still matches
