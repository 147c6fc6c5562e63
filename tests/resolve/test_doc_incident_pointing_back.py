"""Within one article: a consequence told with the act's noun pointing back is that act's,
whatever day its own verb carries (``doc_incidents._conflicts``), and background told by
a year only does not stand between an act and its retelling (``doc_incidents._background``)."""

from __future__ import annotations

from dataclasses import replace

from tests.resolve.test_incidents import GHARYAN, TARHUNA, Text, incidents_of

from eventwire.model import When


def _wounded_in_the_shelling(noun_day: str | None, town: bool = False) -> Text:
    t = Text("a", published="2025-03-14")
    t.sentence("Shells fired across the valley killed three villagers near Gharyan overnight.")
    t.event("ASSAULT", "fired", "2025-03-11", GHARYAN)
    t.event("ASSAULT", "killed", "2025-03-11", GHARYAN, counts=(("killed", 3),))
    t.sentence("A doctor said on Thursday that nine other people were wounded in the shelling.")
    # the verb carries the day the doctor spoke; the noun points back to the night
    t.event("ASSAULT", "wounded", "2025-03-13", TARHUNA if town else None,
            counts=(("wounded", 9),))  # fmt: skip
    t.event("ASSAULT", "shelling", noun_day, TARHUNA if town else None)
    return t


def test_a_consequence_in_the_acts_noun_is_the_act_whatever_day_its_verb_carries() -> None:
    (inc,) = incidents_of(_wounded_in_the_shelling("2025-03-11").records())
    assert [em.trigger.text for em in inc.members] == ["fired", "killed", "wounded", "shelling"]
    assert "anaphora" in inc.rules


def test_the_nouns_day_must_be_the_acts() -> None:
    # "wounded in Thursday's shelling": the noun states another day, another act
    assert len(incidents_of(_wounded_in_the_shelling("2025-03-13").records())) == 2


def test_a_noun_with_no_day_of_its_own_does_not_lift_the_verbs_day() -> None:
    # "the attack on the post" in a sentence of another day may tell a new act
    assert len(incidents_of(_wounded_in_the_shelling(None).records())) == 2


def test_the_consequence_in_another_town_stays_apart() -> None:
    assert len(incidents_of(_wounded_in_the_shelling("2025-03-11", town=True).records())) == 2


def _retold_after_background(year: str, town: object = GHARYAN) -> Text:
    t = Text("b", published="2025-03-14")
    t.sentence("Gunmen attacked a herders' camp near Gharyan before dawn on Tuesday, killing nine.")
    t.event("ASSAULT", "attacked", "2025-03-11", GHARYAN)
    t.event("ASSAULT", "killing", "2025-03-11", GHARYAN, counts=(("killed", 9),))
    t.sentence("The regional police were set up to fight a rebel movement.")
    t.event("ASSAULT", "fight")
    t.events[-1] = replace(t.events[-1], when=When(year, "year"))
    t.sentence("The region says the herders near Gharyan were killed in a feud between clans.")
    t.event("ASSAULT", "killed", None, town)  # type: ignore[arg-type]
    return t


def test_background_told_by_a_year_does_not_stand_between_an_act_and_its_retelling() -> None:
    attack, background = incidents_of(_retold_after_background("2007").records())
    assert [em.trigger.text for em in attack.members] == ["attacked", "killing", "killed"]
    assert [em.trigger.text for em in background.members] == ["fight"]


def test_a_year_that_is_not_past_is_no_background() -> None:
    # told by the year of publication, the middle act may be recent: no retelling past it
    assert len(incidents_of(_retold_after_background("2025").records())) == 3


def test_a_retelling_in_another_town_stays_apart_after_background() -> None:
    assert len(incidents_of(_retold_after_background("2007", TARHUNA).records())) == 3


def _and_then_elsewhere(where: str, town: object = TARHUNA) -> Text:
    t = Text("c", published="2025-03-16")
    t.sentence(
        "Gunmen of two factions fought in a camp for the displaced on Saturday, killing three."
    )
    t.event("ASSAULT", "fought", "2025-03-15", None, counts=(("killed", 3),))
    t.sentence(f"On Sunday, gunmen fired on a bus in a camp in Tarhuna{where}, the police said.")
    t.event("ASSAULT", "fired", "2025-03-16", town)  # type: ignore[arg-type]
    return t


def test_an_act_set_a_distance_off_the_storys_place_is_another_incident() -> None:
    # the camp of the lead has no town read: the day and the town alone would join them
    first, second = incidents_of(_and_then_elsewhere(", about 40 km to the south").records())
    assert [em.trigger.text for em in first.members] == ["fought"]
    assert [em.trigger.text for em in second.members] == ["fired"]


def test_without_the_distance_the_next_days_act_is_told_again() -> None:
    # the near miss of the rule: the same two sentences with no distance join as before
    assert len(incidents_of(_and_then_elsewhere("").records())) == 1


def test_a_short_distance_or_a_named_reference_is_not_this_rule() -> None:
    # within a town's surroundings, or "40 km south of Gharyan": the place rules decide
    assert len(incidents_of(_and_then_elsewhere(", about 10 km to the south").records())) == 1
    assert len(incidents_of(_and_then_elsewhere(", 40 km south of Gharyan").records())) == 1


def test_an_act_told_away_but_in_the_incidents_own_town_joins_it() -> None:
    t = Text("d", published="2025-03-16")
    t.sentence("Gunmen fought in Tarhuna on Saturday, killing three.")
    t.event("ASSAULT", "fought", "2025-03-15", TARHUNA, counts=(("killed", 3),))
    t.sentence("On Sunday, a man wounded in the fight died in Tarhuna, some 60 km to the east.")
    t.event("ASSAULT", "wounded", "2025-03-16", TARHUNA)
    assert len(incidents_of(t.records())) == 1


def test_the_wounded_taken_far_off_are_still_the_acts() -> None:
    t = Text("e", published="2025-03-16")
    t.sentence("A roadside bomb killed five policemen near Gharyan on Saturday.")
    t.event("ASSAULT", "killed", "2025-03-15", GHARYAN, counts=(("killed", 5),))
    t.sentence("Two others were wounded and flown to Tarhuna, about 400 km to the north.")
    # where they were taken is no place of the act (the wounded are placed nowhere here)
    t.event("ASSAULT", "wounded", counts=(("wounded", 2),))
    assert len(incidents_of(t.records())) == 1
