"""A toll goes to the act whose clause governs it, not to every act of its sentence."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_document
from eventwire.extract.count_attach import attach_counts
from eventwire.model import Article, Count, EventMention, Evidence, Span

VIOLENT = frozenset({"ASSAULT"})


def _count(value: int, at: int) -> Count:
    return Count(
        "killed", value, None, str(value), Evidence("a", "s", 0, 90), Span(at, at + 2, "12")
    )


def _event(trigger: int) -> EventMention:
    return EventMention("a", "ASSAULT", Span(trigger, trigger + 5, "x"), Evidence("a", "s", 0, 90))


def test_a_count_goes_to_the_acts_its_clause_names() -> None:
    # two acts in one sentence, each count governed by one of them
    owners = {10: frozenset({40}), 70: frozenset({60})}
    events = attach_counts(
        [_event(5), _event(40), _event(60)],
        [_count(12, 10), _count(3, 70)],
        [0],
        VIOLENT,
        lambda c: owners[c.span.start],  # type: ignore[union-attr]
    )
    assert [{c.value for c in e.counts} for e in events] == [set(), {12}, {3}]


def test_a_count_no_act_governs_goes_to_every_act_of_its_sentence() -> None:
    events = attach_counts(
        [_event(5), _event(40)], [_count(12, 10)], [0], VIOLENT, lambda c: frozenset()
    )
    assert [{c.value for c in e.counts} for e in events] == [{12}, {12}]


@pytest.fixture(scope="module")
def tolls(nlp, resources):
    def _tolls(text: str) -> dict[str, dict[str, int]]:
        article = Article(id="t", text=text, published="2024-05-15", published_precision="day")
        records = extract_document(article, nlp(text), resources)
        return {e.trigger.text: {c.kind: c.value for c in e.counts} for e in records.events}

    return _tolls


@pytest.mark.slow
def test_a_coordinated_clause_with_its_own_subject_keeps_its_toll(tolls) -> None:
    found = tolls(
        "Warplanes hit a depot in the hills, and a drone strike on a bus killed 9 people."
    )
    assert found["hit"] == {}
    assert found["strike"] == {"killed": 9}


@pytest.mark.slow
def test_two_acts_two_tolls_are_not_summed(tolls) -> None:
    found = tolls(
        "A car bomb killed six people in the market, and shelling killed two soldiers at the camp."
    )
    assert found["bomb"] == {"killed": 6}
    assert found["shelling"] == {"killed": 2}


@pytest.mark.slow
def test_the_clause_that_counts_from_an_earlier_strike_does_not_take_its_toll(tolls) -> None:
    found = tolls(
        "The newest raid comes ten days after jets bombed a school, killing at least 14 civilians."
    )
    assert found["raid"] == {}
    assert found["bombed"] == {"killed": 14}


@pytest.mark.slow
def test_an_embedded_attack_shares_the_toll_of_its_main_clause(tolls) -> None:
    found = tolls("At least 30 villagers were killed when militiamen raided a hamlet.")
    assert found["raided"] == {"killed": 30}


@pytest.mark.slow
def test_a_relative_clause_gives_its_toll_to_the_noun_it_describes(tolls) -> None:
    found = tolls("The ambush, which killed five guards, was condemned by the governor.")
    assert found["ambush"] == {"killed": 5}


@pytest.mark.slow
def test_a_verb_sharing_the_subject_shares_its_acts(tolls) -> None:
    found = tolls(
        "Heavy shells fired by the rebels killed five villagers and injured three others."
    )
    assert found["fired"] == {"killed": 5, "wounded": 3}
    assert found["killed"] == {"killed": 5, "wounded": 3}


@pytest.mark.slow
def test_dead_and_wounded_of_one_act_stay_together_and_apart_by_kind(tolls) -> None:
    found = tolls("Shelling of the market left 7 dead and 15 wounded.")
    assert found["Shelling"] == {"killed": 7, "wounded": 15}


@pytest.mark.slow
def test_a_range_counts_its_lower_bound(run) -> None:
    def counts(text: str) -> list[tuple[str, int, str | None]]:
        return [(c.kind, c.value, c.qualifier) for c in run(text)["counts"]]

    assert counts("The blast killed 30 to 40 people.") == [("killed", 30, "between")]
    assert counts("Militants killed between 12 and 16 villagers.") == [("killed", 12, "between")]
    # the model may take "Between 10 and 15" for a date: a date never counts soldiers
    text = "Between 10 and 15 soldiers were killed when militants stormed the base."
    assert counts(text) == [("killed", 10, "between")]


@pytest.mark.slow
def test_a_relative_clause_of_time_keeps_its_toll_from_the_main_act(tolls) -> None:
    # "the worst since March, when a car bomb killed nine": nine is March's toll
    found = tolls(
        "Tuesday's raid was the worst in the town since March, when a car bomb at the "
        "market killed nine people."
    )
    assert found["raid"] == {}
    assert found["bomb"] == {"killed": 9}
