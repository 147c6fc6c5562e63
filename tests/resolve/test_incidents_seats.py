"""A government named by its own name in one report and by its seat in another is one
side when an article says where it sits ("the Council of Unity, based in Aden"); its
rival, seated elsewhere, stays apart (``incident_ties.stated_seats``)."""

from __future__ import annotations

from tests.resolve.test_incidents import Text
from tests.resolve.test_incidents_rivals import ACTORS, GOV, STATE, TAIZ
from tests.resolve.test_incidents_rivals import resolve as resolve_rivals

from eventwire.model import Actor, DocumentRecords, Incident
from eventwire.resolve.incident_ties import fold_seat, stated_seats

COUNCIL = Actor("actor_000000000011", "Council of Unity", "government", "YEM")
RIVAL = Actor("actor_000000000012", "Salvation Cabinet", "government", "YEM")
ALL = (*ACTORS, COUNCIL, RIVAL)


def told(article_id: str, words: str, names: dict[str, Actor],
         doer: str | None = None) -> tuple[DocumentRecords, dict[str, str]]:  # fmt: skip
    """One report of a shelling of Taiz; ``names`` are the actor mentions of its sentence."""
    t = Text(article_id, "2025-05-10").sentence(words)
    t.event("ASSAULT", "shelled", "2025-05-09", TAIZ, source=doer)
    actor_of = {}
    for name, actor in names.items():
        at = words.index(name)
        actor_of[f"{article_id}:{at}:{at + len(name)}"] = actor.id
    return t.records(), actor_of


def resolve(*reports: tuple[DocumentRecords, dict[str, str]]) -> list[Incident]:
    return resolve_rivals(*reports, actors=ALL)


NAMED = told("named", "The Council of Unity, based in Aden, shelled Taiz on Friday, killing three.",
             {"Council of Unity": COUNCIL}, "Council of Unity")  # fmt: skip
SANAA = told("sanaa", "Forces of the Sanaa-based government shelled Taiz on Friday.",
             {"Forces of the Sanaa-based government": GOV},
             "Forces of the Sanaa-based government")  # fmt: skip
ADEN = told("aden", "Troops of the government based in Aden shelled Taiz on Friday.",
            {"Troops of the government based in Aden": GOV},
            "Troops of the government based in Aden")  # fmt: skip


def test_each_construction_states_a_seat() -> None:
    (doc, actor_of) = NAMED
    assert stated_seats(doc.events, actor_of) == {COUNCIL.id: "aden"}
    before = told("b", "The Aden-based Council of Unity shelled Taiz on Friday.",
                  {"Council of Unity": COUNCIL}, "Council of Unity")  # fmt: skip
    assert stated_seats(before[0].events, before[1]) == {COUNCIL.id: "aden"}
    which = told("w", "The Salvation Cabinet, which is headquartered in the city of Sanaa, "
                 "shelled Taiz on Friday.", {"Salvation Cabinet": RIVAL}, "Salvation Cabinet")  # fmt: skip
    assert stated_seats(which[0].events, which[1]) == {RIVAL.id: "sanaa"}
    # "The" opening a sentence is no seat; a name without an actor mention gives none
    opening = told("o", "The Aden-based council shelled Taiz on Friday.", {})
    assert stated_seats(opening[0].events, opening[1]) == {}
    assert fold_seat("Port Sudan") == "port-sudan" and fold_seat("Sana'a") == "sana'a"


def test_a_government_by_its_name_and_by_its_seat_is_one_side_and_its_rival_is_not() -> None:
    assert len(resolve(NAMED, ADEN)) == 1
    apart = resolve(NAMED, SANAA)
    assert len(apart) == 2
    assert any("rival governments" in line for inc in apart for line in inc.explanation)
    # the state named by itself still meets either
    plain = told("plain", "Yemen shelled Taiz on Friday.", {"Yemen": STATE}, "Yemen")
    assert len(resolve(NAMED, plain)) == 1


def test_a_seat_stated_in_one_article_holds_in_every_other() -> None:
    # a third article names the council with no seat; the seat comes from the first
    bare = told("bare", "The Council of Unity shelled Taiz on Friday.",
                {"Council of Unity": COUNCIL}, "Council of Unity")  # fmt: skip
    assert len(resolve(bare, SANAA)) == 1  # nothing says where the council sits
    statement = told("said", "The Council of Unity, based in Aden, shelled Taiz on Friday.",
                     {"Council of Unity": COUNCIL}, "Council of Unity")  # fmt: skip
    incs = resolve(bare, SANAA, statement)
    assert sorted(i.source_count for i in incs) == [1, 2]  # the council's two, Sanaa's one


def test_an_actor_given_two_seats_gets_none() -> None:
    two = told("two", "The Council of Unity, based in Aden, and the Aden-based Salvation "
               "Cabinet shelled Taiz on Friday.",
               {"Council of Unity": COUNCIL, "Salvation Cabinet": RIVAL})  # fmt: skip
    assert stated_seats(two[0].events, two[1]) == {COUNCIL.id: "aden", RIVAL.id: "aden"}
    moved = told("moved", "The Council of Unity, now based in Sanaa, shelled Taiz on Friday.",
                 {"Council of Unity": COUNCIL}, "Council of Unity")  # fmt: skip
    # one article seats it in Aden, another in Sanaa: no seat, one with either
    assert len(resolve(NAMED, moved, SANAA)) == 1
