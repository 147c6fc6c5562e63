"""Which event keeps a toll its sentence states for two acts (``resolve/events.py``,
``_count_owners``): the choice reads the toll's own article only, so another report of
one of the acts never moves the toll to it, and the owner is the same in any article
order (``tests/store/test_count_owners_refresh.py``: any batch size, both backends)."""

from __future__ import annotations

import itertools

from eventwire.knowledge.resources import Resources
from eventwire.model import (
    Article,
    Count,
    DocumentRecords,
    Event,
    EventMention,
    Evidence,
    Mention,
    Place,
    Span,
    When,
)
from eventwire.resolve import resolve

DOER = "The Lake Brigade"
TOWN = Place("geonames:7711", "Marowa", 10.2, 14.1, "CMR", "CM.04", "city")
MONDAY = When("2025-02-10", "day")


def report(article: str, sentence: str, acts: list[tuple[str, str, list[str]]]) -> DocumentRecords:
    """An article of one sentence opening with the Lake Brigade, who did ``acts`` (trigger,
    lemma, the figures of the sentence the act carries, as "killed six") in Marowa on
    Monday."""
    evidence = Evidence(article, sentence, 0, len(sentence))
    doer = Span(0, len(DOER), DOER)
    events = []
    for trigger, lemma, figures in acts:
        start = sentence.index(trigger)
        counts = []
        for figure in figures:
            kind, word = figure.split()
            at = sentence.index(word)
            value = {"six": 6, "three": 3}[word]
            counts.append(
                Count(kind, value, "word", word, evidence, Span(at, at + len(word), word))
            )
        events.append(
            EventMention(
                article_id=article,
                type="ASSAULT",
                trigger=Span(start, start + len(trigger), trigger),
                evidence=evidence,
                source=doer,
                when=MONDAY,
                place=TOWN,
                counts=tuple(counts),
                lemma=lemma,
            )
        )
    mention = Mention(article, doer, "ORG", evidence, normalized=DOER, group="1")
    return DocumentRecords(article, mentions=(mention,), events=tuple(events))


# Two acts in one sentence: the shelling is told first, so it keeps the toll of the dead;
# the storming alone carries the wounded.
BOTH = report(
    "cw2",
    "The Lake Brigade shelled Marowa and stormed its police post on Monday, killing six "
    "and wounding three.",
    [("shelled", "shell", ["killed six"]), ("stormed", "storm", ["killed six", "wounded three"])],
)
# Another outlet tells of the storming alone; its article sorts first, so its event is
# made before the shelling's.
STORMING = report(
    "cw1",
    "The Lake Brigade stormed the police post in Marowa on Monday.",
    [("stormed", "storm", [])],
)


def counts_by_act(events: list[Event] | tuple[Event, ...]) -> dict[str, dict[str, int]]:
    """Each event's counts by its act: "shelled" for the shelling (its ACLED sub-type),
    "stormed" for the other."""
    out: dict[str, dict[str, int]] = {}
    for e in events:
        shelling = (e.codes.get("acled") or {}).get("sub_event_type", "").startswith("Shelling")
        out["shelled" if shelling else "stormed"] = dict(e.counts)
    return out


def as_article(records: DocumentRecords) -> tuple[Article, DocumentRecords]:
    """``records`` with the article they were read from, as a store takes them."""
    text = records.events[0].evidence.sentence
    return Article(id=records.article_id, text=text, published="2025-02-11"), records


def test_the_act_told_first_keeps_the_sentences_toll(resources: Resources) -> None:
    events = resolve([BOTH], resources).events
    assert counts_by_act(events) == {
        "shelled": {"killed": 6},
        "stormed": {"wounded": 3},
    }


def test_another_report_of_the_second_act_does_not_take_the_toll(resources: Resources) -> None:
    events = resolve([STORMING, BOTH], resources).events
    storming = next(e for e in events if len(e.evidence) == 2)
    assert {x.article_id for x in storming.evidence} == {"cw1", "cw2"}
    assert counts_by_act(events) == {
        "shelled": {"killed": 6},
        "stormed": {"wounded": 3},
    }


def test_every_order_of_three_reports_gives_one_picture(resources: Resources) -> None:
    later = report(
        "cw3",
        "The Lake Brigade shelled Marowa on Monday.",
        [("shelled", "shell", [])],
    )
    pictures = {
        tuple(sorted((tuple(sorted(x.article_id for x in e.evidence)), tuple(sorted(e.counts.items())))
                     for e in resolve(list(order), resources).events))
        for order in itertools.permutations([STORMING, BOTH, later])
    }  # fmt: skip
    assert len(pictures) == 1
