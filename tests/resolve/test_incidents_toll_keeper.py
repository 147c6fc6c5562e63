"""Which act of a sentence keeps the toll the sentence states once: the act the toll's
participle clause hangs on, one the outlet tells, with the victims' side as target."""

from __future__ import annotations

from dataclasses import replace

from tests.resolve.test_doc_incident_fill import filled
from tests.resolve.test_incidents import GHARYAN, Text

from eventwire.model import Count, EventMention, Span


def _toll(t: Text, number: str, kind: str = "killed") -> Count:
    """A toll whose span is ``number`` in the last sentence written."""
    at = t.start + t.current.index(number)
    evidence = t.events[-1].evidence
    return Count(kind, int(number), None, number, evidence, Span(at, at + len(number), number))


def _on(em: EventMention, t: Text, word: str) -> EventMention:
    at = t.start + t.current.index(word)
    return replace(em, target=Span(at, at + len(word), word))


def _kept(t: Text, actors: dict[str, str] | None = None) -> dict[str, tuple[int, ...]]:
    return {e.trigger.text: tuple(c.value for c in e.counts) for e in filled(t, actors or {})}


def test_an_act_embedded_in_a_noun_phrase_gives_the_toll_to_the_act_it_modifies() -> None:
    # "Mortar rounds launched by ... landed on the bus depot ..., killing 14": "launched"
    # is told first, but the toll hangs on "landed"
    t = Text("a").sentence(
        "Mortar rounds launched by unknown fighters landed on the bus depot in Gharyan "
        "on Friday, killing 14 passengers."
    )
    for word in ("launched", "landed", "killing"):
        t.event("ASSAULT", word, "2025-03-14", GHARYAN)
    toll = _toll(t, "14")
    launched, landed, killing = t.events
    t.events = [replace(launched, counts=(toll,), qualifiers=("embedded",)),
                replace(_on(landed, t, "bus depot"), counts=(toll,)),
                replace(_on(killing, t, "passengers"), counts=(toll,))]  # fmt: skip
    assert _kept(t) == {"launched": (), "landed": (14,), "killing": ()}


def test_a_toll_after_a_comma_goes_to_the_last_act_before_its_participle() -> None:
    # "A drone strike hit a clinic ..., killing 7 and wounding 9": "strike" is told first
    # but "hit" governs both participles; a second participle after a comma ("..., killing
    # 7, wounding 9") still hangs on "hit", never on "killing"
    for joint in (" and", ","):
        t = Text("a").sentence(
            f"A drone strike hit a clinic in Gharyan on Friday, killing 7{joint} wounding 9."
        )
        for word in ("strike", "hit", "killing", "wounding"):
            t.event("ASSAULT", word, "2025-03-14", GHARYAN)
        tolls = (_toll(t, "7"), _toll(t, "9", "wounded"))
        strike, hit, *rest = t.events
        t.events = [replace(em, counts=tolls) for em in (strike, _on(hit, t, "clinic"), *rest)]
        assert _kept(t) == {"strike": (), "hit": (7, 9), "killing": (), "wounding": ()}


def test_a_toll_in_the_first_clause_goes_to_the_act_with_the_victims_target() -> None:
    # "Nine guards died after gunmen stormed the post": no comma before the toll, so no
    # governing act; the act told on the victims' side keeps it, not the first told
    t = Text("a").sentence("Nine guards died in Gharyan on Friday after raiders stormed the post.")
    t.event("ASSAULT", "died", "2025-03-14", GHARYAN)
    t.event("ASSAULT", "stormed", "2025-03-14", GHARYAN)
    died, stormed = t.events
    toll = Count("killed", 9, None, "Nine", died.evidence, Span(0, 4, "Nine"))
    t.events = [replace(died, counts=(toll,)), replace(_on(stormed, t, "post"), counts=(toll,))]
    assert _kept(t) == {"died": (), "stormed": (9,)}


def test_a_named_doer_still_comes_first() -> None:
    # "Rockets fired by the militia slammed into a school ..., killing 5": the first act
    # told with the named doer keeps the toll, as before (its event carries the doer)
    t = Text("a").sentence(
        "Rockets fired by the militia slammed into a school in Gharyan on Friday, killing 5."
    )
    t.event("ASSAULT", "fired", "2025-03-14", GHARYAN, source="militia")
    t.event("ASSAULT", "slammed", "2025-03-14", GHARYAN)
    t.event("ASSAULT", "killing", "2025-03-14", GHARYAN)
    toll = _toll(t, "5")
    fired, slammed, killing = t.events
    t.events = [replace(fired, counts=(toll,), qualifiers=("embedded",)),
                replace(slammed, counts=(toll,)), replace(killing, counts=(toll,))]  # fmt: skip
    assert _kept(t, {"militia": "actor:militia"}) == {"fired": (5,), "slammed": (), "killing": ()}


def test_a_count_of_people_taken_is_kept_by_the_act_that_took_them() -> None:
    # "police fired ... and arrested 40 people, ...": the arrests keep the 40, the firing
    # (told first with the named doer) keeps the dead
    t = Text("a").sentence(
        "Police fired tear gas at marchers in Gharyan on Friday and arrested 40 people, "
        "leaving two dead."
    )
    t.event("ASSAULT", "fired", "2025-03-14", GHARYAN, source="Police")
    t.event("COERCE", "arrested", "2025-03-14", GHARYAN, source="Police")
    t.event("ASSAULT", "dead", "2025-03-14", GHARYAN)
    taken = _toll(t, "40", "arrested")
    at = t.start + t.current.index("two")
    dead = Count("killed", 2, None, "two", taken.evidence, Span(at, at + 3, "two"))
    t.events = [replace(em, counts=(taken, dead)) for em in t.events]
    assert _kept(t, {"Police": "actor:police"}) == {
        "fired": (2,),
        "arrested": (40,),
        "dead": (),
    }
    # with no act of taking in the sentence, the keeper keeps the count as before
    u = Text("b").sentence("Gunmen stormed a farm near Gharyan on Friday and seized 12 workers.")
    u.event("ASSAULT", "stormed", "2025-03-14", GHARYAN, source="Gunmen")
    u.event("ASSAULT", "seized", "2025-03-14", GHARYAN)
    taken = _toll(u, "12", "kidnapped")
    u.events = [replace(em, counts=(taken,)) for em in u.events]
    assert _kept(u, {"Gunmen": "actor:gunmen"}) == {"stormed": (12,), "seized": ()}
