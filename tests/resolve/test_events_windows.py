"""Event grouping across articles compares dates as the incident join does: a report
dated "late last week" agrees with the days of that week, not with every day of its
month, so an event never ties two reports that the join keeps in two incidents
(``resolve/events.py``, ``_days_meet``)."""

from __future__ import annotations

from eventwire.knowledge.resources import Resources
from eventwire.model import DocumentRecords, EventMention, Evidence, Mention, Place, Span, When
from eventwire.resolve import resolve

DOER = "The Hill Front"
SOLA = Place("geonames:611", "Sola", 29.1, 66.6, "PAK", "PK.02", "city")


def bombing(article: str, sentence: str, trigger: str, when: When) -> DocumentRecords:
    """An article of one sentence: the Hill Front (its first words) bombed something in
    Sola, dated ``when``."""
    start = sentence.index(trigger)
    evidence = Evidence(article, sentence, 0, len(sentence))
    doer = Span(0, len(DOER), DOER)
    event = EventMention(
        article_id=article,
        type="ASSAULT",
        trigger=Span(start, start + len(trigger), trigger),
        evidence=evidence,
        source=doer,
        when=when,
        place=SOLA,
    )
    mention = Mention(article, doer, "ORG", evidence, normalized=DOER, group="1")
    return DocumentRecords(article, mentions=(mention,), events=(event,))


# the lead of a report of Thursday 13 June 2024, and looks back of other reports
LEAD = bombing(
    "w1",
    "The Hill Front bombed a police post in Sola on Thursday, officials said.",
    "bombed",
    When("2024-06-13", "day"),
)
WEEK_BEFORE = bombing(
    "w2",
    "The Hill Front also bombed a checkpoint outside Sola late last week.",
    "bombed",
    When("2024-06-03", "week"),  # the week of Monday 3 June
)
SAME_WEEK = bombing(
    "w3",
    "The Hill Front bombed the police post in Sola earlier this week.",
    "bombed",
    When("2024-06-10", "week"),
)
THAT_YEAR = bombing(
    "w4",
    "The Hill Front bombed targets in Sola several times this year.",
    "bombed",
    When("2024", "year"),
)


def articles_by_event(docs: list[DocumentRecords], resources: Resources) -> list[list[str]]:
    out = resolve(docs, resources)
    return sorted(sorted({e.article_id for e in ev.evidence}) for ev in out.events)


def test_a_day_and_the_week_before_it_are_two_events(resources: Resources) -> None:
    assert articles_by_event([LEAD, WEEK_BEFORE], resources) == [["w1"], ["w2"]]


def test_a_day_and_the_week_that_holds_it_are_one_event(resources: Resources) -> None:
    assert articles_by_event([LEAD, SAME_WEEK], resources) == [["w1", "w3"]]


def test_a_date_vaguer_than_a_month_joins_no_other_article(resources: Resources) -> None:
    assert articles_by_event([LEAD, THAT_YEAR], resources) == [["w1"], ["w4"]]


def test_no_event_sits_in_two_incidents(resources: Resources) -> None:
    out = resolve([LEAD, WEEK_BEFORE, SAME_WEEK, THAT_YEAR], resources)
    seen: dict[str, str] = {}
    for inc in out.incidents:
        for event_id in inc.events:
            assert seen.setdefault(event_id, inc.id) == inc.id, event_id
    assert set(seen) == {e.id for e in out.events}


def told(article: str, *sentences: tuple[str, str, When]) -> DocumentRecords:
    """An article of several sentences, each opening with the Hill Front, whose act
    (the trigger word) is dated as given, in Sola."""
    events, mentions, at = [], [], 0
    text = " ".join(s for s, _t, _w in sentences)
    for sentence, trigger, when in sentences:
        evidence = Evidence(article, sentence, at, at + len(sentence))
        doer = Span(at, at + len(DOER), DOER)
        start = at + sentence.index(trigger)
        events.append(
            EventMention(article_id=article, type="ASSAULT",
                         trigger=Span(start, start + len(trigger), trigger),
                         evidence=evidence, source=doer, when=when, place=SOLA)
        )  # fmt: skip
        mentions.append(Mention(article, doer, "ORG", evidence, normalized=DOER, group="1"))
        at += len(sentence) + 1
    assert len(text) == at - 1
    return DocumentRecords(article, mentions=tuple(mentions), events=tuple(events))


def test_a_report_dated_by_its_article_incident_not_its_own_week(resources: Resources) -> None:
    """The look back "late last week" holds the day of the other report; a later sentence
    states the day of the claim, which lies outside that week, so the article incident
    keeps the week (the claim's day does not date the act). Grouping compares what the
    join compares: the two bombings are one event, and no event sits in two incidents."""
    thursday = told(
        "v1",
        ("The Hill Front bombed a checkpoint outside Sola on Thursday.", "bombed",
         When("2024-06-06", "day")),
    )  # fmt: skip
    look_back = told(
        "v2",
        ("The Hill Front bombed a checkpoint outside Sola late last week.", "bombed",
         When("2024-06-03", "week")),
        ("The Hill Front said on Tuesday that the attack was its own.", "attack",
         When("2024-06-11", "day")),
    )  # fmt: skip
    out = resolve([thursday, look_back], resources)
    seen: dict[str, str] = {}
    for inc in out.incidents:
        for event_id in inc.events:
            assert seen.setdefault(event_id, inc.id) == inc.id, event_id
    grouped = [sorted({e.article_id for e in ev.evidence}) for ev in out.events]
    assert ["v1", "v2"] in grouped and ["v1"] not in grouped
