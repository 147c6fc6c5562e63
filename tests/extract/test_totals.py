"""Issue 13 item 7: running and period totals become statistics, never an event's count
(sentences we wrote)."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_document
from eventwire.model import Article, DocumentRecords

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def records(nlp, resources):
    def _records(text: str) -> DocumentRecords:
        article = Article(id="t", text=text, published="2024-05-15", published_precision="day")
        return extract_document(article, nlp(text), resources)

    return _records


def _event_counts(recs: DocumentRecords) -> list[tuple[str, int]]:
    return sorted({(c.kind, c.value) for e in recs.events for c in e.counts})


def test_running_total_since_a_month(records) -> None:
    recs = records("The war has killed at least 3,000 people since April, the agency said.")
    (stat,) = recs.statistics
    assert (stat.counted, stat.value, stat.qualifier) == ("killed", 3000, "at least")
    assert (stat.period_start, stat.period_end, stat.scope) == ("2024-04", None, "conflict")
    assert stat.evidence.sentence.startswith("The war has killed")
    assert recs.counts == () and _event_counts(recs) == []


def test_displacement_in_millions_by_the_fighting(records) -> None:
    recs = records("The fighting has displaced more than 8 million people.")
    (stat,) = recs.statistics
    assert (stat.counted, stat.value, stat.qualifier) == ("displaced", 8_000_000, "more than")
    assert stat.text == "more than 8 million"
    assert _event_counts(recs) == []


def test_period_total_of_a_month(records) -> None:
    recs = records("About 400 people were killed in March, according to the monitoring group.")
    (stat,) = recs.statistics
    assert (stat.value, stat.period_start, stat.period_end) == (400, "2024-03", "2024-03")
    assert _event_counts(recs) == []


def test_the_wars_death_toll(records) -> None:
    recs = records("The war's death toll has risen to 40,000, the health ministry said.")
    (stat,) = recs.statistics
    assert (stat.counted, stat.value) == ("killed", 40000)
    assert _event_counts(recs) == []


def test_killed_in_the_war_in_a_place(records) -> None:
    recs = records("More than 13,000 people have been killed in the war in Darfur.")
    (stat,) = recs.statistics
    assert stat.scope == "place" and stat.place is not None and stat.place.name == "Darfur"


def test_an_actors_running_total(records) -> None:
    recs = records("The RSF has killed at least 2,000 civilians since the start of the year.")
    (stat,) = recs.statistics
    assert stat.scope == "actor" and stat.actor_span is not None
    assert stat.actor_span.text == "RSF"
    assert stat.period_start == "2024"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Gunmen killed 12 villagers in an attack on Monday.", ("killed", 12)),
        ("The death toll from Sunday's attack rose to 40.", ("killed", 40)),
        ("Five people were killed in clashes in the town on 3 March.", ("killed", 5)),
        ("Fighting killed seven soldiers near the border on Tuesday.", ("killed", 7)),
    ],
)
def test_an_incidents_toll_stays_a_count(records, text: str, count: tuple[str, int]) -> None:
    recs = records(text)
    assert recs.statistics == ()
    assert count in {(c.kind, c.value) for c in recs.counts}


def test_a_day_in_the_same_clause_makes_it_an_incident(records) -> None:
    recs = records("Two soldiers were killed in March 2023 near the border, on a Tuesday night.")
    assert recs.statistics == ()
