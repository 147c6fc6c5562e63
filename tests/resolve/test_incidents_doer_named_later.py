"""Within one article: a later, undated sentence that names the doer the lead left unnamed
retells the lead's act ("Four guards of the Brigade were killed in Friday's ambush ... They
died when Front fighters opened fire on their truck"), and its near misses stay apart."""

from __future__ import annotations

from dataclasses import replace

from tests.resolve.test_incidents import GHARYAN, LIBYA, TARHUNA, Text, incidents_of

from eventwire.model import DocumentRecords, Span, mention_key

FRONT = "actor_front"
BRIGADE = "actor_brigade"
POLICE = "actor_police"
NAMES = {
    "Brigade guards": BRIGADE,
    "Front fighters": FRONT,
    "Fighters of the Front": FRONT,
    "Front units": FRONT,
    "police trucks": POLICE,
    "Gunmen of the Legion": "actor_legion",
}


def _target(t: Text, words: str) -> Text:
    """Give the last event of ``t`` the target ``words`` of its sentence."""
    em = t.events[-1]
    at = em.evidence.char_start + em.evidence.sentence.index(words)
    t.events[-1] = replace(em, target=Span(at, at + len(words), words))
    return t


def _incidents(doc: DocumentRecords):  # noqa: ANN202
    """The incidents of ``doc``, its doers and targets resolved by :data:`NAMES` (every
    one a named actor)."""
    actors = {}
    for em in doc.events:
        for span in (em.source, em.target):
            if span is not None and span.text in NAMES:
                actors[mention_key(em.article_id, span)] = NAMES[span.text]
    return incidents_of(doc, actors)


def _members(doc: DocumentRecords) -> list[list[str]]:
    """The trigger words of each incident of ``doc``."""
    return [[e.trigger.text for e in inc.members] for inc in _incidents(doc)]


def _lead(article_id: str = "a", source: str | None = None) -> Text:
    """A lead telling an ambush on Friday whose victims (the Brigade's guards) are named
    and whose doer is not (unless ``source`` words of the sentence name one)."""
    t = Text(article_id)
    t.sentence("Four Brigade guards were killed in Friday's ambush, said Gunmen of the Legion.")
    t.event("ASSAULT", "killed", "2025-03-14", LIBYA, source=source, counts=(("killed", 4),))
    return _target(t, "Brigade guards")


def test_a_later_sentence_naming_the_unnamed_doer_retells_the_lead() -> None:
    t = _lead()
    t.sentence("They died when Front fighters opened fire on their truck near the well.")
    t.event("ASSAULT", "opened", source="Front fighters")
    (inc,) = _incidents(t.records())
    assert [e.trigger.text for e in inc.members] == ["killed", "opened"]
    assert "retelling, its doer named" in inc.rules


def test_a_lead_that_names_its_doer_keeps_a_second_doer_apart() -> None:
    t = _lead(source="Gunmen of the Legion")
    t.sentence("They died when Front fighters opened fire on their truck near the well.")
    t.event("ASSAULT", "opened", source="Front fighters")
    assert _members(t.records()) == [["killed"], ["opened"]]


def test_the_doer_named_on_another_day_or_in_another_town_is_another_act() -> None:
    t = _lead()
    t.sentence("On Tuesday Front fighters opened fire on a patrol.")
    t.event("ASSAULT", "opened", "2025-03-11", source="Front fighters")
    t.sentence("Fighters of the Front also shelled Tarhuna.")
    t.event("ASSAULT", "shelled", place=TARHUNA, source="Fighters of the Front")
    doc = t.records(towns=(GHARYAN, TARHUNA))
    assert _members(doc) == [["killed"], ["opened"], ["shelled"]]


def test_a_groups_campaign_told_after_the_lead_is_background() -> None:
    t = _lead()
    t.sentence("Front units have attacked army posts in the region for years.")
    t.event("ASSAULT", "attacked", source="Front units")
    assert _members(t.records()) == [["killed"], ["attacked"]]


def test_another_ambush_naming_its_doer_is_a_new_incident() -> None:
    t = _lead()
    t.sentence("Front fighters staged another ambush on the coast road.")
    t.event("ASSAULT", "ambush", source="Front fighters")
    assert _members(t.records()) == [["killed"], ["ambush"]]


def test_a_new_target_besides_the_new_doer_is_another_act() -> None:
    t = _lead()
    t.sentence("Front fighters opened fire on police trucks at a checkpoint.")
    t.event("ASSAULT", "opened", source="Front fighters")
    _target(t, "police trucks")
    assert _members(t.records()) == [["killed"], ["opened"]]
