"""What an incident tells fills what one of its sentences leaves out (doer, place, date),
marked as inferred; never what a sentence states, never across incidents."""

from __future__ import annotations

from dataclasses import replace

from tests.resolve.test_incidents import GHARYAN, LIBYA, ONTO, TARHUNA, Text, incidents_of

from eventwire.model import EventMention, Place, When, mention_key
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
    # "another attack" starts a new incident: it takes neither the first one's town nor
    # its day (its doer, one more of the same kind, see the tests below)
    t = Text("b").sentence("Rebels attacked an army post in Gharyan on Friday.")
    t.event("ASSAULT", "attacked", "2025-03-14", GHARYAN, source="Rebels")
    t.sentence("Another attack killed two civilians.")
    t.event("ASSAULT", "attack")
    _first, other = filled(t, {"Rebels": "actor:rebels"}, unplaced=(1,))
    assert other.place is None
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


# --- forward fills: a later sentence of the same incident names what an earlier one left out


def test_a_later_sentence_naming_the_doer_fills_the_earlier_act() -> None:
    # "Shells hit the market ... The army later said its artillery had fired on the market."
    t = Text("a").sentence("Shells hit the market in Gharyan on Monday, killing four people.")
    t.event("ASSAULT", "hit", "2025-03-10", GHARYAN, counts=(("killed", 4),))
    t.sentence("The army later said its artillery had fired on the market.")
    t.event("ASSAULT", "fired", source="army")
    hit, fired = filled(t, {"army": "actor:army"}, unplaced=(1,))
    assert hit.source == fired.source and "inferred_source" in hit.qualifiers
    # the later sentence still takes the town and day the first one told
    assert fired.place == GHARYAN and fired.when == hit.when
    assert hit.place == GHARYAN and "inferred_place" not in hit.qualifiers


def test_a_later_sentence_naming_the_day_and_town_fills_an_undated_lead() -> None:
    # "Militiamen shelled homes, killing three. ... The shelling of Tarhuna on Friday ..."
    t = Text("a").sentence("Militiamen shelled homes, killing three, the mayor said on Saturday.")
    t.event("ASSAULT", "shelled", source="Militiamen", counts=(("killed", 3),))
    t.sentence("The shelling of Tarhuna on Friday was the heaviest in weeks.")
    t.event("ASSAULT", "shelling", "2025-03-14", TARHUNA)
    lead, later = filled(t, {"Militiamen": "actor:militia"}, unplaced=(0,))
    assert lead.when is not None and lead.when.calendar == "2025-03-14"
    assert lead.place == TARHUNA
    assert {"inferred_date", "inferred_place"} <= set(lead.qualifiers)
    assert later.source == lead.source  # and the doer goes forward as before


def test_what_the_text_told_by_then_wins_over_a_later_sentence() -> None:
    # the earlier doer is kept; the later one fills nothing and overwrites nothing
    t = Text("a").sentence("Rebels attacked an army post in Gharyan on Friday.")
    t.event("ASSAULT", "attacked", "2025-03-14", GHARYAN, source="Rebels")
    t.sentence("Three soldiers were killed in the attack.")
    t.event("ASSAULT", "attack", counts=(("killed", 3),))
    t.sentence("The attack by militiamen was repelled.")
    t.event("ASSAULT", "attack", source="militiamen")
    _first, killed, third = filled(
        t, {"Rebels": "actor:rebels", "militiamen": "actor:militia"}, unplaced=(1, 2)
    )
    assert killed.source is not None and killed.source.text == "Rebels"
    assert third.source is not None and third.source.text == "militiamen"


def test_two_later_doers_give_none_and_a_later_incident_gives_nothing() -> None:
    t = Text("a").sentence("Shells hit the market in Gharyan on Monday.")
    t.event("ASSAULT", "hit", "2025-03-10", GHARYAN)
    t.sentence("Both the army and the militia fired on the market.")
    t.event("ASSAULT", "fired", source="army").event("ASSAULT", "fired", source="militia")
    hit, *_ = filled(t, {"army": "actor:army", "militia": "actor:militia"}, unplaced=(1, 2))
    assert hit.source is None and "inferred_source" not in hit.qualifiers
    # "another attack" is a new incident: its doer is not the first one's
    t = Text("b").sentence("Shells hit the market in Gharyan on Monday.")
    t.event("ASSAULT", "hit", "2025-03-10", GHARYAN)
    t.sentence("In another attack, the army fired on a school.")
    t.event("ASSAULT", "attack", source="army")
    hit, _other = filled(t, {"army": "actor:army"}, unplaced=(1,))
    assert hit.source is None


def test_a_later_claim_inside_an_accusation_lends_no_doer_forward() -> None:
    t = Text("a").sentence("Shells hit the market in Tarhuna on Friday.")
    t.event("ASSAULT", "hit", "2025-03-14", TARHUNA)
    t.sentence("Residents accused the army of shelling the market.")
    t.event("ASSAULT", "shelling", source="army", modality="alleged", qualifiers=("embedded",))
    hit, _shelling = filled(t, {"army": "actor:army"}, unplaced=(1,))
    assert hit.source is None


# --- a retelling past background set in another time


def test_a_retelling_names_the_storys_town_past_a_background_incident() -> None:
    # "Three children were killed in Gharyan on Friday. The army launched its offensive
    # last November. State media said the air force had struck a depot in Gharyan."
    t = Text("a").sentence("Three children were killed in an air strike in Gharyan on Friday.")
    t.event("ASSAULT", "strike", "2025-03-14", GHARYAN, counts=(("killed", 3),))
    t.sentence("The army launched its offensive last November.")
    t.event("ASSAULT", "offensive", place=LIBYA, source="army")
    t.events[-1] = replace(t.events[-1], when=When("2024-11", "month"))
    t.sentence("State media said the air force had struck a depot in Gharyan.")
    t.event("ASSAULT", "struck", place=GHARYAN, source="air force")
    actors = {"army": "actor:army", "air force": "actor:air-force"}
    mention_actor = {
        mention_key("a", e.source): actors[e.source.text] for e in t.events if e.source
    }
    incidents = incidents_of(t.records(), mention_actor)
    assert [[e.trigger.text for e in inc.members] for inc in incidents] == [
        ["strike", "struck"],
        ["offensive"],
    ]
    # and the strike takes the air force as its doer from the later sentence
    strike, _offensive, _struck = filled(t, actors)
    assert strike.source is not None and strike.source.text == "air force"


def test_past_background_another_town_or_a_dated_report_is_no_retelling() -> None:
    def story(last: str, place: Place, day: str | None) -> list[list[str]]:
        t = Text("a").sentence("Three children were killed in an air strike in Gharyan on Friday.")
        t.event("ASSAULT", "strike", "2025-03-14", GHARYAN)
        t.sentence("The army launched its offensive last November.")
        t.event("ASSAULT", "offensive", place=LIBYA)
        t.events[-1] = replace(t.events[-1], when=When("2024-11", "month"))
        t.sentence(last).event("ASSAULT", "struck", day, place)
        return [[e.trigger.text for e in inc.members] for inc in incidents_of(t.records())]

    assert len(story("The air force struck a depot in Tarhuna.", TARHUNA, None)) == 3
    assert len(story("The air force struck Gharyan on 2 March.", GHARYAN, "2025-03-02")) == 3
    # the story's town and no day of its own: the story's incident told again
    assert len(story("The air force struck a depot in Gharyan.", GHARYAN, None)) == 2


def test_a_later_sentence_giving_the_day_in_the_leads_town_restates_an_undated_lead() -> None:
    # "Forces killed three children in air strikes on Gharyan, the UN said on Tuesday. The
    # air force struck rebel targets on Monday. 'Three children were killed in an airstrike
    # on Gharyan yesterday morning,' a spokesman said."
    t = Text("a", published="2025-03-11")
    t.sentence("Forces killed three children in air strikes on Gharyan, the UN said on Tuesday.")
    t.event("ASSAULT", "killed", place=GHARYAN, source="Forces", counts=(("killed", 3),))
    t.sentence("The air force struck rebel targets on Monday.")
    t.event("ASSAULT", "struck", "2025-03-10", LIBYA, source="air force")
    t.sentence("Three children were killed in an airstrike on Gharyan yesterday morning.")
    t.event("ASSAULT", "airstrike", "2025-03-10", GHARYAN, counts=(("killed", 3),))
    actors = {"Forces": "actor:forces", "air force": "actor:air-force"}
    mention_actor = {
        mention_key("a", e.source): actors[e.source.text] for e in t.events if e.source
    }
    lead, struck = incidents_of(t.records(), mention_actor)
    assert [e.trigger.text for e in lead.members] == ["killed", "airstrike"]
    assert "restatement" in lead.rules and [e.trigger.text for e in struck.members] == ["struck"]
    # the lead takes its day from the later sentence; the later one, the lead's doer
    killed, _struck, airstrike = filled(t, actors)
    assert killed.when is not None and killed.when.calendar == "2025-03-10"
    assert airstrike.source is not None and airstrike.source.text == "Forces"
    # a day outside the week before the report is another incident
    t.events[-1] = replace(t.events[-1], when=When("2025-02-10", "day"))
    assert len(incidents_of(t.records(), mention_actor)) == 3


def test_one_more_of_a_kind_takes_the_doer_of_the_one_before() -> None:
    # "Jets struck a camp. A second air strike hit a school": the jets' strike too
    t = Text("a").sentence("Government jets struck a camp near Gharyan on Friday.")
    t.event("ASSAULT", "struck", "2025-03-14", GHARYAN, source="jets")
    t.sentence("A second air strike hit a school in Tarhuna.")
    t.event("ASSAULT", "strike", place=TARHUNA)
    first, second = filled(t, {"jets": "actor:air_force"})
    assert second.source == first.source
    assert "inferred_source" in second.qualifiers
    assert second.place == TARHUNA  # its own place and day stay its own
    assert second.when is not None and second.when.precision == "publication"


def test_one_more_takes_no_doer_when_it_names_one_or_the_one_before_names_two() -> None:
    t = Text("a").sentence("Government jets struck a camp near Gharyan on Friday.")
    t.event("ASSAULT", "struck", "2025-03-14", GHARYAN, source="jets")
    t.sentence("Another raid by militiamen hit a school in Tarhuna.")
    t.event("ASSAULT", "raid", place=TARHUNA, source="militiamen")
    _first, second = filled(t, {"jets": "actor:air_force", "militiamen": "actor:militia"})
    assert second.source is not None and second.source.text == "militiamen"
    assert "inferred_source" not in second.qualifiers
    t = Text("b").sentence("Jets and drones struck a camp near Gharyan on Friday.")
    t.event("ASSAULT", "struck", "2025-03-14", GHARYAN, source="Jets")
    t.event("ASSAULT", "struck", "2025-03-14", GHARYAN, source="drones")
    t.sentence("A second air strike hit a school in Tarhuna.")
    t.event("ASSAULT", "strike", place=TARHUNA)
    *_, second = filled(t, {"Jets": "actor:air_force", "drones": "actor:drone_unit"})
    assert second.source is None


def test_one_more_of_another_type_or_without_the_marker_takes_no_doer() -> None:
    # a protest after a strike is no "second" strike; an unmarked later act that starts a
    # new incident is not one more of the first
    t = Text("a").sentence("Government jets struck a camp near Gharyan on Friday.")
    t.event("ASSAULT", "struck", "2025-03-14", GHARYAN, source="jets")
    t.sentence("A second protest filled the square in Tarhuna.")
    t.event("PROTEST", "protest", place=TARHUNA)
    _first, protest = filled(t, {"jets": "actor:air_force"})
    assert protest.source is None
