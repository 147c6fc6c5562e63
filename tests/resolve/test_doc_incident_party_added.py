"""Within one article: a later, undated sentence in the lead's town that adds a party to
the lead's act beside one the lead names (police who exchanged fire with the lead's
gunmen; guards wounded by the same gunmen) retells the lead, so the toll it gives stays
with the lead's incident; a new party told alone, on another day, in another town or as
one more of a kind is another act."""

from __future__ import annotations

from dataclasses import replace

from tests.resolve.test_incidents import GHARYAN, LIBYA, TARHUNA, Text, incidents_of

from eventwire.model import DocumentRecords, Span, mention_key

LEGION = "actor_legion"
GUARD = "actor_guard"
POLICE = "actor_police"
VILLAGERS = "actor_villagers"
NAMES = {
    "Legion gunmen": LEGION,
    "the Legion's men": LEGION,
    "Guard officers": GUARD,
    "Guard troops": GUARD,
    "Rural Police": POLICE,
    "Orchard villagers": VILLAGERS,
}


def _target(t: Text, words: str) -> Text:
    """Give the last event of ``t`` the target ``words`` of its sentence."""
    em = t.events[-1]
    at = em.evidence.char_start + em.evidence.sentence.index(words)
    t.events[-1] = replace(em, target=Span(at, at + len(words), words))
    return t


def _members(doc: DocumentRecords) -> list[list[str]]:
    """The trigger words of each incident of ``doc``, its doers and targets resolved by
    :data:`NAMES` (every one a named actor)."""
    actors = {}
    for em in doc.events:
        for span in (em.source, em.target):
            if span is not None and span.text in NAMES:
                actors[mention_key(em.article_id, span)] = NAMES[span.text]
    return [[e.trigger.text for e in inc.members] for inc in incidents_of(doc, actors)]


def _lead() -> Text:
    """A lead telling a raid by the Legion's gunmen on Orchard villagers on Sunday."""
    t = Text("a")
    t.sentence("Legion gunmen raided the hamlet of Orchard villagers on Sunday, killing six.")
    t.event("ASSAULT", "raided", "2025-05-04", LIBYA, source="Legion gunmen",
            counts=(("killed", 6),))  # fmt: skip
    return _target(t, "Orchard villagers")


def test_police_who_exchanged_fire_with_the_lead_doer_join_the_raid() -> None:
    t = _lead()
    t.sentence("Rural Police exchanged fire with the Legion's men for hours.")
    t.event("ASSAULT", "exchanged", source="Rural Police")
    _target(t, "the Legion's men")
    t.sentence("Two officers were wounded.")
    t.event("ASSAULT", "wounded", counts=(("wounded", 2),))
    assert _members(t.records()) == [["raided", "exchanged", "wounded"]]


def test_new_victims_of_the_lead_doer_join_the_raid() -> None:
    t = _lead()
    t.sentence("Three Guard officers were wounded by fire from Legion gunmen at the gate.")
    t.event("ASSAULT", "wounded", source="Legion gunmen", counts=(("wounded", 3),))
    _target(t, "Guard officers")
    assert _members(t.records()) == [["raided", "wounded"]]


def test_a_new_party_told_alone_is_another_act() -> None:
    t = _lead()
    t.sentence("Rural Police opened fire on a car at a roadblock.")
    t.event("ASSAULT", "opened", source="Rural Police")
    assert _members(t.records()) == [["raided"], ["opened"]]


def test_a_second_attack_in_another_town_the_same_day_stays_apart() -> None:
    t = _lead()
    t.sentence("In Tarhuna, Guard troops shelled Legion gunmen the same day.")
    t.event("ASSAULT", "shelled", place=TARHUNA, source="Guard troops")
    _target(t, "Legion gunmen")
    doc = t.records(towns=(GHARYAN, TARHUNA))
    assert _members(doc) == [["raided"], ["shelled"]]


def test_an_arrest_days_later_stays_apart() -> None:
    t = _lead()
    t.sentence("On Thursday Rural Police arrested two Legion gunmen in a raid.")
    t.event("ASSAULT", "raid", "2025-05-08", source="Rural Police")
    _target(t, "Legion gunmen")
    assert _members(t.records()) == [["raided"], ["raid"]]


def test_one_more_attack_by_a_new_party_stays_apart() -> None:
    t = _lead()
    t.sentence("Guard troops launched another attack on Legion gunmen.")
    t.event("ASSAULT", "attack", source="Guard troops")
    _target(t, "Legion gunmen")
    assert _members(t.records()) == [["raided"], ["attack"]]


def test_a_fight_told_over_years_is_background() -> None:
    t = _lead()
    t.sentence("Guard troops have fought Legion gunmen in the hills for years.")
    t.event("ASSAULT", "fought", source="Guard troops")
    _target(t, "Legion gunmen")
    assert _members(t.records()) == [["raided"], ["fought"]]


def test_an_undated_lead_keeps_out_an_anaphor_dated_long_before() -> None:
    t = Text("b", published="2025-05-06")
    t.sentence("Legion gunmen shelled a school sheltering families, medics said.")
    t.event("ASSAULT", "shelled", source="Legion gunmen", counts=(("killed", 9),))
    t.sentence("The war began when Guard troops crossed the river on March 2, 2023.")
    t.event("ASSAULT", "war", "2023-03-02", source="Guard troops")
    assert _members(t.records()) == [["shelled"], ["war"]]


def test_an_undated_lead_takes_an_anaphor_dated_within_its_week() -> None:
    t = Text("c", published="2025-05-06")
    t.sentence("Legion gunmen shelled a school sheltering families, medics said.")
    t.event("ASSAULT", "shelled", source="Legion gunmen", counts=(("killed", 9),))
    t.sentence("The shelling began at dawn on May 5.")
    t.event("ASSAULT", "shelling", "2025-05-05")
    assert _members(t.records()) == [["shelled", "shelling"]]
