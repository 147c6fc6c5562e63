"""A trigger told of two targets ("the brigade shelled the rangers and the coast guard")
is two events, each listed by the incident holding its mention
(``doc_incident_record.statement_id``; the store and a refresh:
``tests/store/test_two_target_incidents.py``).

Event resolution used to file a mention's event under (article, trigger start, type)
alone: the two events of such a trigger shared that key, so the incident found one of
them and the other was listed by no incident."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from eventwire.knowledge.resources import Resources
from eventwire.model import (
    Article,
    DocumentRecords,
    EventMention,
    Evidence,
    Incident,
    Mention,
    Place,
    Span,
    When,
)
from eventwire.resolve import resolve
from eventwire.resolve.article_columns import EventOfColumns
from eventwire.resolve.doc_incident_record import event_for, mention_id, statement_id

TOWN = Place("geonames:7712", "Kilwara", -3.1, 29.4, "BDI", "BI.02", "city")
SUNDAY = When("2025-03-09", "day")


def _span(sentence: str, words: str, start: int = 0) -> Span:
    at = sentence.index(words, start)
    return Span(at, at + len(words), words)


def report(
    article: str, sentence: str, doer: str, acts: Sequence[tuple[str, Sequence[str]]]
) -> DocumentRecords:
    """An article of one sentence: ``doer`` did each act (trigger, the targets it is told
    of) in Kilwara on Sunday; every actor is named, so each has its own actor."""
    evidence = Evidence(article, sentence, 0, len(sentence))
    source = _span(sentence, doer)
    names = [doer] + [t for _trigger, targets in acts for t in targets]
    mentions = tuple(
        Mention(article, _span(sentence, n), "ORG", evidence, normalized=n, group=str(k))
        for k, n in enumerate(dict.fromkeys(names))
    )
    events = tuple(
        EventMention(
            article_id=article,
            type="ASSAULT",
            trigger=_span(sentence, trigger),
            evidence=evidence,
            source=source,
            target=_span(sentence, target),
            when=SUNDAY,
            place=TOWN,
            lemma="shell" if trigger == "shelled" else "attack",
        )
        for trigger, targets in acts
        for target in targets
    )
    return DocumentRecords(article, mentions=mentions, events=events)


# One trigger, two targets: two mentions of "shelled", two events.
TWO_TARGETS = report(
    "tt1",
    "The Lake Brigade shelled the Kilwara Rangers and the Coast Guard in Kilwara on Sunday.",
    "The Lake Brigade",
    [("shelled", ["the Kilwara Rangers", "the Coast Guard"])],
)
# Another outlet's report of the shelling of one of them.
ONE_TARGET = report(
    "tt2",
    "The Lake Brigade shelled the Coast Guard in Kilwara on Sunday.",
    "The Lake Brigade",
    [("shelled", ["the Coast Guard"])],
)


def as_article(records: DocumentRecords) -> tuple[Article, DocumentRecords]:
    """``records`` with the article they were read from, as a store takes them."""
    text = records.events[0].evidence.sentence
    return Article(id=records.article_id, text=text, published="2025-03-10"), records


def listed_once(event_ids: Sequence[str], incidents: Sequence[Incident]) -> dict[str, str]:
    """Each event's one incident (member, statement or facet), asserting there is one."""
    listed = Counter(e for inc in incidents for e in {*inc.events, *inc.statements})
    assert {e: listed[e] for e in event_ids} == dict.fromkeys(event_ids, 1)
    return {e: inc.id for inc in incidents for e in {*inc.events, *inc.statements}}


def test_each_target_of_one_trigger_is_an_event_its_incident_lists(
    resources: Resources,
) -> None:
    res = resolve([TWO_TARGETS], resources)
    assert len(res.events) == 2
    assert len({e.target_actor for e in res.events}) == 2
    owner = listed_once([e.id for e in res.events], res.incidents)
    assert len(set(owner.values())) == 1  # one shelling of the two


def test_another_report_of_one_target_joins_its_event_only(resources: Resources) -> None:
    res = resolve([ONE_TARGET, TWO_TARGETS], resources)
    assert sorted(len({x.article_id for x in e.evidence}) for e in res.events) == [1, 2]
    owner = listed_once([e.id for e in res.events], res.incidents)
    assert len(set(owner.values())) == 1


def test_the_statement_key_reads_filled_sides_as_none() -> None:
    """The incident reads its members as extracted, the events pass as filled in: a side
    an incident filled in (``inferred_*``) is no side of the statement."""
    em = TWO_TARGETS.events[0]
    doer = em.source
    assert doer is not None
    bare = EventMention(
        article_id=em.article_id, type=em.type, trigger=em.trigger, evidence=em.evidence,
        target=em.target,
    )  # fmt: skip
    filled = EventMention(
        article_id=em.article_id, type=em.type, trigger=em.trigger, evidence=em.evidence,
        source=doer, target=em.target, qualifiers=("inferred_source",),
    )  # fmt: skip
    assert statement_id(bare) == statement_id(filled) != statement_id(em)
    assert mention_id(bare) == mention_id(em)


def test_a_statement_entry_wins_over_its_triggers() -> None:
    first, second = TWO_TARGETS.events
    columns = EventOfColumns.of(
        {
            mention_id(first): "event_00000000000b",
            statement_id(first): "event_00000000000a",
            statement_id(second): "event_00000000000b",
        }
    )
    assert event_for(columns, first) == "event_00000000000a"
    assert event_for(columns, second) == "event_00000000000b"
    assert len(columns) == 3 and statement_id(first) in columns
    plain = {mention_id(first): "event_00000000000b"}
    assert event_for(plain, first) == "event_00000000000b"  # no statement filed
