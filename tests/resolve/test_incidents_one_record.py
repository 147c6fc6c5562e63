"""A mention-level event is listed by exactly one incident record.

Event resolution may file two mentions as one event while the join keeps their reports
apart; the event is then listed by the incident holding most of its mentions. The slow
test checks the rule on our incident set and the demo articles through the real model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest
from tests.resolve.test_incidents import GHARYAN, TARHUNA, resolve_all, shelling

from eventwire.config import Settings
from eventwire.extract import extract_document
from eventwire.ingest import read_sources
from eventwire.model import Article, Incident
from eventwire.resolve import resolve

ROOT = Path(__file__).resolve().parents[2]


def listed_twice(incidents: Iterable[Incident]) -> list[str]:
    """The event ids that more than one incident lists as a member."""
    counts = Counter(e for inc in incidents for e in inc.events)
    return sorted(e for e, n in counts.items() if n > 1)


def test_an_event_filed_across_two_incidents_is_listed_by_one() -> None:
    # two reports of a shelling in Gharyan and one in Tarhuna on the same day: the join
    # keeps the towns apart, but the event pass filed the lead mention of all three as
    # one event (a misread place, say)
    docs = [shelling("a", town=GHARYAN), shelling("b", town=GHARYAN),
            shelling("c", town=TARHUNA)]  # fmt: skip
    leads = [d.events[0] for d in docs]
    shared = f"ev-a-{leads[0].trigger.start}"
    merged = {(e.article_id, e.trigger.start, e.type): shared for e in leads}
    assert listed_twice(resolve_all(docs)) == []
    told = resolve_all(docs, merged=merged)
    assert len(told) == 2 and listed_twice(told) == []
    # listed by the incident holding most of its mentions: Gharyan's two reports
    (owner,) = [inc for inc in told if shared in inc.events]
    assert {e.article_id for e in owner.evidence} == {"a", "b"}
    # the other incident keeps its sentence as evidence and its other events
    (other,) = [inc for inc in told if inc is not owner]
    assert {e.article_id for e in other.evidence} == {"c"} and other.events


@pytest.mark.slow
def test_every_event_of_our_set_and_the_demo_is_in_one_incident(nlp, resources) -> None:
    paths = [*sorted((ROOT / "tests" / "data" / "incidents").glob("*.jsonl")),
             *sorted((ROOT / "examples" / "corpus").iterdir())]  # fmt: skip
    articles = [a for a in read_sources(paths, Settings()) if isinstance(a, Article)]
    assert len(articles) > 100
    docs = [extract_document(a, nlp(a.text), resources) for a in articles]
    res = resolve(docs, resources)
    assert res.incidents
    assert listed_twice(res.incidents) == []
