"""Two acts one article tells apart are never one event, though another article's report
naming no doer matches both: event grouping compares a mention with a group's first one
only, so "shells hit homes on Sunday" (another outlet, first) would otherwise take
both the article's shelling and its "second strike later in the day" (``resolve/events.py``,
``_told_apart``; the article incidents come from ``report_of``)."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.knowledge.resources import Resources
from eventwire.model import DocumentRecords, EventMention, Evidence, Place, Span, When
from eventwire.resolve.doc_incidents import mention_id
from eventwire.resolve.events import resolve_events

GAO = Place("geonames:601", "Gao", 16.27, -0.04, "MLI", "ML.09", "city")
SUNDAY = When("2025-05-11", "day")


def _strike(article: str, sentence: str, trigger: str, start: int = 0) -> EventMention:
    at = start + sentence.index(trigger)
    ev = Evidence(article, sentence, start, start + len(sentence))
    return EventMention(article, "ASSAULT", Span(at, at + len(trigger), trigger), ev,
                        when=SUNDAY, place=GAO)  # fmt: skip


def _grouped(
    resources: Resources,
    docs: list[DocumentRecords],
    report_of: Callable[[EventMention], object] | None = None,
) -> list[list[str]]:
    event_of: dict[tuple[str, int, str], str] = {}
    events, _ = resolve_events(docs, {}, resources, frozenset(), event_of, None, report_of)
    return sorted(
        sorted(f"{a}@{s}" for (a, s, _t), e in event_of.items() if e == event.id)
        for event in events
    )


def test_a_report_naming_nobody_does_not_tie_two_acts_of_one_article(
    resources: Resources,
) -> None:
    other = _strike("b", "Shells hit homes in Gao on Sunday.", "hit")
    first = _strike("a", "Shells struck homes in Gao on Sunday.", "struck")
    line = "A second strike later in the day hit a street in Gao."
    second = _strike("a", line, "strike", start=50)
    docs = [DocumentRecords("b", events=(other,)), DocumentRecords("a", events=(first, second))]
    # without the article's incidents, the other outlet's report ties all three
    assert _grouped(resources, docs) == [["a@59", "a@7", "b@7"]]
    report = {mention_id(first): 0, mention_id(second): 1}
    assert _grouped(resources, docs, lambda em: report.get(mention_id(em))) == [
        ["a@59"],
        ["a@7", "b@7"],
    ]
    # one incident of the article: its two mentions may still be one event
    one = {mention_id(first): 0, mention_id(second): 0}
    assert _grouped(resources, docs, lambda em: one.get(mention_id(em))) == [["a@59", "a@7", "b@7"]]
