"""Event grouping keeps two acts of one day and doer apart when they hit two different
sites: two towns, or two named sites of one town, even when a report that names neither
would tie them together (``resolve/events.py``, ``_Group.elsewhere``)."""

from __future__ import annotations

from eventwire.knowledge.resources import Resources
from eventwire.model import DocumentRecords, EventMention, Evidence, Place, Span, When, mention_key
from eventwire.resolve.events import resolve_events

KALAY = Place("geonames:501", "Kalay", 23.19, 94.05, "MMR", "MM.01", "city")
MINDAT = Place("geonames:502", "Mindat", 21.37, 93.97, "MMR", "MM.02", "city")
DOER = "The air force"
SUNDAY = When("2023-05-14", "day")


def strike(article: str, sentence: str, trigger: str, place: Place | None) -> EventMention:
    """An assault by the air force told in ``sentence`` (its first words name the doer)."""
    start = sentence.index(trigger)
    return EventMention(
        article_id=article,
        type="ASSAULT",
        trigger=Span(start, start + len(trigger), trigger),
        evidence=Evidence(article, sentence, 0, len(sentence)),
        source=Span(0, len(DOER), DOER),
        when=SUNDAY,
        place=place,
    )


def grouped(resources: Resources, *mentions: EventMention) -> list[list[str]]:
    """The articles of each event, in the order the events were made."""
    docs = [DocumentRecords(em.article_id, events=(em,)) for em in mentions]
    actors = {mention_key(em.article_id, em.source): "actor_airforce" for em in mentions}
    event_of: dict[tuple[str, int, str], str] = {}
    events, _ = resolve_events(docs, actors, resources, frozenset(), event_of)
    return [sorted(a for (a, _s, _t), e in event_of.items() if e == event.id) for event in events]


def test_two_towns_stay_two_events_when_a_placeless_report_comes_first(
    resources: Resources,
) -> None:
    vague = strike("a0", "The air force bombed rebel positions on Sunday.", "bombed", None)
    first = strike("a1", "The air force bombed a village road near Kalay.", "bombed", KALAY)
    second = strike("a2", "The air force bombed homes outside Mindat.", "bombed", MINDAT)
    assert grouped(resources, vague, first, second) == [["a0", "a1"], ["a2"]]


def test_two_named_sites_of_one_town_stay_two_events(resources: Resources) -> None:
    market = strike("b1", "The air force bombed the busy market of Kalay.", "bombed", KALAY)
    monastery = strike(
        "b2", "The air force struck a monastery at the edge of Kalay.", "struck", KALAY
    )
    assert grouped(resources, market, monastery) == [["b1"], ["b2"]]
    # a report naming no site joins the first, and does not pull the second in
    vague = strike("b0", "The air force struck Kalay from the air.", "struck", KALAY)
    assert grouped(resources, vague, market, monastery) == [["b0", "b1"], ["b2"]]


def test_reports_of_one_site_are_one_event(resources: Resources) -> None:
    one = strike("c1", "The air force bombed the main market in Kalay.", "bombed", KALAY)
    two = strike("c2", "The air force struck a crowded market in Kalay.", "struck", KALAY)
    vague = strike("c3", "The air force carried out a strike in Kalay.", "strike", KALAY)
    assert grouped(resources, one, two, vague) == [["c1", "c2", "c3"]]
