"""What an incident tells fills what one of its sentences leaves out (doer, place, date),
marked as inferred; never what a sentence states, never across incidents."""

from __future__ import annotations

from dataclasses import replace

from tests.resolve.test_incidents import GHARYAN, ONTO, TARHUNA, Text

from eventwire.model import EventMention, mention_key
from eventwire.resolve.doc_incidents import DocIncident, document_incidents, fill_from_incidents


def filled(t: Text, actors: dict[str, str], unplaced: tuple[int, ...] = ()) -> list[EventMention]:
    """The article's events after filling; ``actors`` maps a source word to its actor id
    (named), ``unplaced`` the events (by position) whose sentence names no place."""
    events = [replace(e, place=None) if n in unplaced else e for n, e in enumerate(t.events)]
    mention_actor = {
        mention_key(e.article_id, e.source): actors[e.source.text] for e in events if e.source
    }
    named = frozenset(actors.values())
    doc = replace(t.records(), events=tuple(events))
    incidents = document_incidents(doc, ONTO, mention_actor, named)
    return list(fill_from_incidents(doc.events, incidents, mention_actor, named))


def test_a_consequence_in_the_next_sentence_takes_the_attacks_doer_place_and_day() -> None:
    # "Rebels attacked ... on Friday. Three soldiers were killed in the attack."
    t = Text("a").sentence("Rebels attacked an army post in Gharyan on Friday.")
    t.event("ASSAULT", "attacked", "2025-03-14", GHARYAN, source="Rebels")
    t.sentence("Three soldiers were killed in the attack.")
    t.event("ASSAULT", "attack", counts=(("killed", 3),))
    attack, killed = filled(t, {"Rebels": "actor:rebels"}, unplaced=(1,))
    assert killed.source == attack.source
    assert killed.place == GHARYAN and killed.when == attack.when
    assert {"inferred_source", "inferred_place", "inferred_date"} <= set(killed.qualifiers)
    assert killed.evidence.sentence == "Three soldiers were killed in the attack."
    assert not any(q.startswith("inferred") for q in attack.qualifiers)


def test_what_a_sentence_states_is_never_overwritten() -> None:
    t = Text("a").sentence("Rebels attacked an army post in Gharyan on Friday.")
    t.event("ASSAULT", "attacked", "2025-03-14", GHARYAN, source="Rebels")
    t.sentence("The attack by militiamen killed three soldiers.")
    t.event("ASSAULT", "attack", source="militiamen")
    _attack, second = filled(t, {"Rebels": "actor:rebels", "militiamen": "actor:militia"})
    assert second.source is not None and second.source.text == "militiamen"
    assert "inferred_source" not in second.qualifiers


def test_two_named_doers_give_none_and_another_incident_gives_nothing() -> None:
    t = Text("a").sentence("Rebels and militiamen attacked an army post in Gharyan on Friday.")
    t.event("ASSAULT", "attacked", "2025-03-14", GHARYAN, source="Rebels")
    t.event("ASSAULT", "attacked", "2025-03-14", GHARYAN, source="militiamen")
    t.sentence("Three soldiers were killed in the attack.")
    t.event("ASSAULT", "attack", counts=(("killed", 3),))
    *_, killed = filled(t, {"Rebels": "actor:rebels", "militiamen": "actor:militia"})
    assert killed.source is None
    # "another attack" starts a new incident: it takes nothing from the first one
    t = Text("b").sentence("Rebels attacked an army post in Gharyan on Friday.")
    t.event("ASSAULT", "attacked", "2025-03-14", GHARYAN, source="Rebels")
    t.sentence("Another attack killed two civilians.")
    t.event("ASSAULT", "attack")
    _first, other = filled(t, {"Rebels": "actor:rebels"}, unplaced=(1,))
    assert other.source is None and other.place is None
    assert other.when is not None and other.when.precision == "publication"


def test_a_claim_inside_an_accusation_lends_no_doer() -> None:
    # "accused the army of shelling the town": the army's shelling is only alleged
    t = Text("a").sentence("Residents accused the army of shelling Tarhuna on Friday.")
    t.event("ASSAULT", "shelling", "2025-03-14", TARHUNA, source="army", modality="alleged",
            qualifiers=("embedded",))  # fmt: skip
    t.sentence("Shells hit the town, the mayor said.")
    t.event("ASSAULT", "hit")
    shelling, hit = filled(t, {"army": "actor:army"}, unplaced=(1,))
    assert hit.source is None and hit.place is None
    assert hit.when is not None and hit.when.precision == "publication"


def test_a_fill_that_would_make_it_read_like_another_incident_is_not_made() -> None:
    # the blast, given the rebels, would read like the second incident's bombing (same
    # type, doer, town and day) and be joined to it as one event: it stays as stated
    t = Text("a").sentence("Rebels bombed a market in Gharyan on Friday.")
    t.event("ASSAULT", "bombed", "2025-03-14", GHARYAN, source="Rebels")
    t.sentence("A blast shook the market.")
    t.event("ASSAULT", "blast", "2025-03-14", GHARYAN)
    t.sentence("In a separate raid, rebels bombed a school in Gharyan on Friday.")
    t.event("ASSAULT", "bombed", "2025-03-14", GHARYAN, source="rebels")
    bombed, blast, school = t.events
    actors = {mention_key("a", e.source): "actor:rebels" for e in (bombed, school) if e.source}
    named = frozenset({"actor:rebels"})
    one = DocIncident("a", members=[bombed, blast], onto=ONTO)
    alone = fill_from_incidents(t.events[:2], [one], actors, named)
    assert alone[1].source == bombed.source and "inferred_source" in alone[1].qualifiers
    two = [one, DocIncident("a", members=[school], onto=ONTO)]
    assert fill_from_incidents(t.events, two, actors, named)[1] is blast


def test_a_toll_stated_once_is_kept_by_the_act_told_first_with_its_doer() -> None:
    # "Militiamen shelled homes in Gharyan on Friday, killing at least 20 people": the
    # shelling keeps the 20, not the killing of "people" (one event would take it)
    t = Text("a").sentence("Militiamen shelled homes in Gharyan on Friday, killing 20 people.")
    t.event("ASSAULT", "shelled", "2025-03-14", GHARYAN, source="Militiamen",
            counts=(("killed", 20),))  # fmt: skip
    t.event("ASSAULT", "killing", "2025-03-14", GHARYAN, source="Militiamen",
            counts=(("killed", 20),))  # fmt: skip
    shelled, killing = t.events
    shelled = replace(shelled, counts=killing.counts)  # one count, stated once
    t.events = [shelled, replace(killing, target=killing.trigger)]
    kept, given_up = filled(t, {"Militiamen": "actor:militia", "killing": "group:people"})
    assert [c.value for c in kept.counts] == [20] and given_up.counts == ()
    # with no doer named, the first act told keeps it
    t = Text("b").sentence("Shells hit homes in Gharyan on Friday, killing 20 people.")
    t.event("ASSAULT", "hit", "2025-03-14", GHARYAN, counts=(("killed", 20),))
    t.event("ASSAULT", "killing", "2025-03-14", GHARYAN, counts=(("killed", 20),))
    t.events = [replace(t.events[0], counts=t.events[1].counts), t.events[1]]
    first, second = filled(t, {})
    assert [c.value for c in first.counts] == [20] and second.counts == ()


def test_with_no_named_doer_the_one_unnamed_group_is_taken() -> None:
    # "Gunmen attacked a checkpoint ... Two policemen were killed in the attack."
    t = Text("a").sentence("Gunmen attacked a checkpoint in Gharyan on Friday.")
    t.event("ASSAULT", "attacked", "2025-03-14", GHARYAN, source="Gunmen")
    t.sentence("Two policemen were killed in the attack.")
    t.event("ASSAULT", "attack", counts=(("killed", 2),))
    attack, killed = t.events
    actors = {mention_key("a", attack.source): "group:gunmen"} if attack.source else {}
    doc = t.records()
    incidents = document_incidents(doc, ONTO, actors, frozenset())
    _same, filled_killed = fill_from_incidents(doc.events, incidents, actors, frozenset())
    assert filled_killed.source == attack.source


def test_an_incidents_type_is_its_violence_first_then_the_ontologys_severity() -> None:
    t = Text("a").sentence("Police detained ten protesters in Gharyan on Friday.")
    t.event("COERCE", "detained", "2025-03-14", GHARYAN)
    (detained,) = t.events
    aid = replace(detained, type="AID")
    # an aftermath act told twice does not outrank the one arrest it followed
    assert DocIncident("a", members=[detained, aid, aid], onto=ONTO).type == "COERCE"
    assert DocIncident("a", members=[aid, replace(detained, type="ASSAULT"), detained],
                       onto=ONTO).type == "ASSAULT"  # fmt: skip
    # among types of one tier, the most members, then the name
    assert DocIncident("a", members=[aid, replace(aid, type="AGREE")], onto=ONTO).type == "AGREE"
