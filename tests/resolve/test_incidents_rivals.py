"""Two rival governments of one state are two sides when a report names each by its seat
or by its head; the state itself stays one with either (``rival_terms``, ``seat_of``)."""

from __future__ import annotations

from tests.resolve.test_incidents import ONTO, Text

from eventwire.model import Actor, DocumentRecords, Incident, Place, Role
from eventwire.resolve.doc_incidents import document_incidents
from eventwire.resolve.incidents import (
    assign_actors,
    explanation_in_words,
    resolve_incidents,
    seat_of,
    state_sides,
)
from eventwire.resolve.offices import office_sides

TAIZ = Place("geonames:11", "Taiz", 13.58, 44.02, "YEM", "YE.25", "city")
GOV = Actor("actor_000000000001", "Government of Yemen", "government", "YEM")
STATE = Actor("actor_000000000002", "Yemen", "country", "YEM")
NORTH_PM = Actor("actor_000000000003", "Hassan Amiri", "person", "YEM",
                 roles=(Role("Prime Minister of the National Salvation Government", "2016"),))  # fmt: skip
SOUTH_PM = Actor("actor_000000000004", "Saleh Bahri", "person", "YEM",
                 roles=(Role("Prime Minister of Yemen", "2018"),))  # fmt: skip
ACTORS = (GOV, STATE, NORTH_PM, SOUTH_PM)


def report(article_id: str, doer: str, actor: Actor) -> tuple[DocumentRecords, dict[str, str]]:
    words = f"{doer} shelled Taiz on Friday, killing three people."
    t = Text(article_id, "2025-05-10").sentence(words)
    t.event("ASSAULT", "shelled", "2025-05-09", TAIZ, source=doer)
    em = t.events[-1]
    assert em.source is not None
    return t.records(), {f"{article_id}:{em.source.start}:{em.source.end}": actor.id}


def resolve(*reports: tuple[DocumentRecords, dict[str, str]],
            actors: tuple[Actor, ...] = ACTORS) -> list[Incident]:  # fmt: skip
    told = []
    for doc, actor_of in reports:
        for inc in document_incidents(doc, ONTO, actor_of, frozenset(actor_of.values())):
            assign_actors(inc, actor_of, frozenset())
            told.append(inc)
    return resolve_incidents(told, {}, [], side_of=state_sides(actors, ONTO))


def test_a_seat_is_read_from_the_words_that_name_a_states_actor() -> None:
    assert seat_of(["the Sanaa-based government"]) == "sanaa"
    assert seat_of(["the rival government based in Aden"]) == "aden"
    assert seat_of(["the government"]) is None and seat_of(None) is None
    assert seat_of(["the Sanaa-based government", "the Aden-based government"]) is None


def test_two_governments_named_by_their_seats_are_two_sides() -> None:
    north = report("n", "Forces of the Sanaa-based government", GOV)
    south = report("s", "Forces of the Aden-based government", GOV)
    apart = resolve(north, south)
    assert len(apart) == 2
    why = [line for inc in apart for line in inc.explanation if "rival" in line]
    assert why and "state:YEM/seat:" in why[0]
    said = explanation_in_words(why, lambda: state_sides(ACTORS, ONTO), lambda a: GOV)
    assert "the government seated in Aden" in said[0] and "state:" not in said[0]
    # the state named by itself is one with either government
    plain = report("p", "Yemen", STATE)
    assert len(resolve(north, plain)) == 1 and len(resolve(south, plain)) == 1
    # the same government by the same seat in two reports is one side
    again = report("a", "Troops of the Sanaa-based government", GOV)
    assert len(resolve(north, again)) == 1


def test_two_heads_of_one_state_in_office_at_once_are_two_sides() -> None:
    sides = office_sides(ACTORS, ONTO)
    assert sides[NORTH_PM.id] == f"state:YEM/office:{NORTH_PM.id}@2016-01-01/"
    assert sides[SOUTH_PM.id] == f"state:YEM/office:{SOUTH_PM.id}@2018-01-01/"
    north = report("n", "Hassan Amiri", NORTH_PM)
    south = report("s", "Saleh Bahri", SOUTH_PM)
    assert len(resolve(north, south)) == 2
    # each is one with his state named by itself
    assert len(resolve(north, report("p", "Yemen", STATE))) == 1
    # a head with no rival in office stands for the state as before
    earlier = Actor(SOUTH_PM.id, "Saleh Bahri", "person", "YEM",
                    roles=(Role("Prime Minister of Yemen", "2010", "2014"),))  # fmt: skip
    assert office_sides((NORTH_PM, earlier), ONTO)[earlier.id] == "state:YEM@2010-01-01/2014-12-31"


def test_a_head_and_a_seat_are_not_told_apart_by_each_other() -> None:
    # a seat and a head are two kinds of evidence: neither rules the other out
    north = report("n", "Hassan Amiri", NORTH_PM)
    seated = report("s", "Forces of the Aden-based government", GOV)
    assert len(resolve(north, seated)) == 1


def test_a_successor_under_the_same_title_is_no_rival() -> None:
    # terms told by the month meet at a handover; a KB may leave the former's term open
    former = Actor("actor_000000000005", "Ali Nasser", "person", "YEM",
                   roles=(Role("Prime Minister of Yemen", "2010-03", "2014-06"),))  # fmt: skip
    kept_open = Actor("actor_000000000006", "Omar Haidar", "person", "YEM",
                      roles=(Role("Prime Minister of Yemen", "2012"),))  # fmt: skip
    successor = Actor("actor_000000000007", "Saleh Bahri", "person", "YEM",
                      roles=(Role("Prime Minister of Yemen", "2014-06"),))  # fmt: skip
    sides = office_sides((former, kept_open, successor), ONTO)
    assert all("/office:" not in side for side in sides.values()), sides
