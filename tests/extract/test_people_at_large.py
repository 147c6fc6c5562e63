"""People at large as actors (issue 13, item 3), on sentences we wrote: a plural demonym
without "the" is a country's people, not its state; counted sets of people are apart.

Fast tests call the grouping step on hand-made candidates; tests marked ``slow`` run the
real model, since the constructions are read from its entities and parse."""

from __future__ import annotations

import pytest

from eventwire.extract.context import DocContext
from eventwire.extract.group_nouns import split_sets as _split_sets
from eventwire.extract.mentions import extract_mentions
from eventwire.extract.namephrases import Cand
from eventwire.model import GROUP_LABEL, Article

# --- fast: the grouping of counted sets ------------------------------------------------


def _people(start: int, hint: str = "group:people:") -> Cand:
    return Cand(start, start + 1, GROUP_LABEL, "people", group_hint=hint)


def test_counted_sets_are_apart_and_the_definite_noun_points_to_the_last():
    wounded, marchers, the_people, bare = _people(3), _people(12), _people(20), _people(30)
    _split_sets(
        [
            (wounded, "counted", False),
            (marchers, "counted", False),
            (the_people, "definite", False),
            (bare, "", False),  # "people were urged to keep off the roads": anyone
        ]
    )
    assert wounded.group_hint != marchers.group_hint
    assert the_people.group_hint == marchers.group_hint
    assert bare.group_hint == "group:people:"


def test_one_person_is_not_the_plural_group_of_the_noun():
    farmer = _people(1, "group:farmer:")
    farmers, the_farmers = _people(9, "group:farmer:"), _people(15, "group:farmer:")
    the_farmer = _people(22, "group:farmer:")
    _split_sets(
        [
            (farmer, "single", True),
            (farmers, "", False),
            (the_farmers, "definite", False),
            (the_farmer, "definite", True),
        ]
    )
    assert farmers.group_hint == the_farmers.group_hint == "group:farmer:"
    assert farmer.group_hint == the_farmer.group_hint != farmers.group_hint


def test_mentions_without_a_count_keep_one_group():
    a, b = _people(2, "group:villager:KEN"), _people(8, "group:villager:KEN")
    _split_sets([(a, "", False), (b, "definite", False)])
    assert a.group_hint == b.group_hint == "group:villager:KEN"


# --- slow: the constructions in running text -------------------------------------------


def mentions(nlp, resources, text):
    ctx = DocContext(article=Article(id="a", text=text), doc=nlp(text), resources=resources)
    return extract_mentions(ctx)["mentions"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "iso3"),
    [
        ("Thousands of Peruvians marched through the capital on Sunday.", "Peruvians", "PER"),
        ("Kenyans queued for hours outside polling stations.", "Kenyans", "KEN"),
        ("Gunmen seized 14 Ethiopians near the border.", "Ethiopians", "ETH"),
    ],
)
def test_a_plural_demonym_without_the_is_a_people(nlp, resources, text, surface, iso3):
    m = next(m for m in mentions(nlp, resources, text) if m.span.text == surface)
    assert m.label == GROUP_LABEL
    assert m.affiliation == iso3
    assert not m.group.startswith("aff:")  # never the state's own mentions


@pytest.mark.slow
def test_the_plural_demonym_may_still_be_the_state(nlp, resources):
    text = "Mediators met the Ghanaians in private on Friday."
    m = next(m for m in mentions(nlp, resources, text) if m.span.text == "Ghanaians")
    assert m.group == "aff:GHA"


@pytest.mark.slow
def test_counted_people_of_two_acts_are_two_groups(nlp, resources):
    text = (
        "Shelling hurt seven people in Gulu on Monday. "
        "On Tuesday 5,000 people marched in Lira. The people demanded peace."
    )
    ms = [m for m in mentions(nlp, resources, text) if m.span.text == "people"]
    assert len(ms) == 3
    assert ms[0].group != ms[1].group
    assert ms[2].group == ms[1].group  # "the people": the last set named before


@pytest.mark.slow
def test_an_unnamed_person_is_not_the_group_of_his_noun(nlp, resources):
    text = (
        "An elderly farmer was shot near the camp on Monday. "
        "Farmers later blocked the road, and the farmers said they were afraid."
    )
    ms = [m for m in mentions(nlp, resources, text) if "armer" in m.span.text]
    assert len({m.group for m in ms}) == 2
    assert ms[1].group == ms[2].group != ms[0].group


@pytest.mark.slow
def test_a_nation_s_people_in_a_clash_are_civilians(run):
    # the doer's kind decides the ACLED type: people fighting police riot, not a battle
    records = run("Kenyans clashed with police near the stadium on Friday.")
    clash = next(e for e in records["events"] if e.trigger.text == "clashed")
    assert "source_civilian" in clash.qualifiers
