"""A country that is itself an event's agent is not the event's place (issue 13 item 4)."""

from eventwire.extract.actorspans import Filler
from eventwire.extract.eventroles import agent_place
from eventwire.model import Evidence, Place, PlaceMention, Span

TEXT = "Iran supplied drones to Russia. Syria's army shelled Idlib."
EVIDENCE = Evidence("a", TEXT, 0, len(TEXT))
IRAN = Place("country:IRN", "Iran", 32.0, 53.0, "IRN", None, "country")
SYRIA = Place("country:SYR", "Syria", 35.0, 38.0, "SYR", None, "country")
IDLIB = Place("geonames:1", "Idlib", 35.9, 36.6, "SYR", None, "city")


def mention(place: Place, start: int) -> PlaceMention:
    return PlaceMention("a", Span(start, start + len(place.name), place.name), place, EVIDENCE)


PLACES = [mention(IRAN, 0), mention(SYRIA, 32), mention(IDLIB, 53)]


def test_a_country_that_acts_is_not_where_it_acts():
    # "Iran supplied drones": the source mention is the country itself
    assert agent_place(IRAN, PLACES, [Filler(Span(0, 4, "Iran"))])


def test_a_country_owning_the_agent_may_be_the_place():
    # "Syria's army shelled": the country only owns the agent
    assert not agent_place(SYRIA, PLACES, [Filler(Span(32, 44, "Syria's army"))])


def test_a_town_is_never_set_aside_and_no_agent_sets_nothing_aside():
    assert not agent_place(IDLIB, PLACES, [Filler(Span(53, 58, "Idlib"))])
    assert not agent_place(IRAN, PLACES, [None])
    assert not agent_place(None, PLACES, [Filler(Span(0, 4, "Iran"))])
