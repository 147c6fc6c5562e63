"""The day of one occurrence holds for every event an article tells of it
(``doc_incident_fill._carry_day``): a member left undated (its clause reads as the day of
publication) takes its incident's day, marked ``inferred_date``, and the incident's rules
say which sentence gave it; a date a member states is never overwritten, and another
incident's day is never carried."""

from __future__ import annotations

from dataclasses import replace

from tests.resolve.test_doc_incident_fill import filled
from tests.resolve.test_incidents import GHARYAN, ONTO, TARHUNA, Text

from eventwire.model import EventMention, Evidence, Span, When, mention_key
from eventwire.resolve.doc_incidents import document_incidents, fill_from_incidents
from eventwire.resolve.events import _Group, make_event


def test_an_act_of_another_type_takes_the_attacks_day() -> None:
    # the abduction is COERCE, the attack ASSAULT: no member of its type dates itself
    t = Text("a").sentence("Gunmen stormed a market in Gharyan on Friday, killing four traders.")
    t.event("ASSAULT", "stormed", "2025-03-14", GHARYAN, source="Gunmen")
    t.sentence("They also seized six traders and drove them off.")
    t.event("COERCE", "seized")
    attack, seized = filled(t, {"Gunmen": "actor:gunmen"})
    assert seized.when == attack.when == When("2025-03-14", "day")
    assert "inferred_date" in seized.qualifiers
    assert seized.evidence.sentence == "They also seized six traders and drove them off."
    assert not any(q == "inferred_date" for q in attack.qualifiers)


def test_the_rules_say_which_sentence_gave_the_day() -> None:
    t = Text("a").sentence("Militiamen shelled a school in Tarhuna on Thursday.")
    t.event("ASSAULT", "shelled", "2025-03-13", TARHUNA, source="Militiamen")
    t.sentence("Gunmen then kidnapped two teachers.")
    t.event("COERCE", "kidnapped")
    doc = t.records()
    mention_actor = {mention_key("a", e.source): "actor:militia" for e in doc.events if e.source}
    incidents = document_incidents(doc, ONTO, mention_actor, frozenset({"actor:militia"}))
    fill_from_incidents(doc.events, incidents, mention_actor, frozenset({"actor:militia"}))
    rules = [r for inc in incidents for r in inc.rules if r.startswith("day carried")]
    assert len(rules) == 1
    assert "kidnapped" in rules[0] and "2025-03-13" in rules[0]
    assert f"the sentence at {doc.events[0].evidence.char_start}" in rules[0]


def test_a_stated_week_stays_and_another_incident_gives_nothing() -> None:
    t = Text("a").sentence("Late last week, rebels attacked a convoy near Gharyan.")
    t.event("ASSAULT", "attacked", source="rebels")
    t.events[-1] = _when(t.events[-1], When("2025-03-03", "week"))
    t.sentence("Soldiers shelled the rebels' camp in Gharyan on Friday.")
    t.event("ASSAULT", "shelled", "2025-03-14", GHARYAN, source="Soldiers")
    convoy, *_ = filled(t, {"rebels": "actor:rebels", "Soldiers": "actor:army"})
    assert convoy.when == When("2025-03-03", "week")
    # "another attack" opens its own incident, with no day of its own to carry
    t = Text("b").sentence("Rebels attacked an army post in Gharyan on Friday.")
    t.event("ASSAULT", "attacked", "2025-03-14", GHARYAN, source="Rebels")
    t.sentence("Another attack killed two civilians.")
    t.event("ASSAULT", "attack")
    _first, other = filled(t, {"Rebels": "actor:rebels"}, unplaced=(1,))
    assert other.when is not None and other.when.precision == "publication"


def _when(em: EventMention, when: When) -> EventMention:
    return replace(em, when=when)


def test_an_event_dates_itself_by_a_stated_day_over_a_publication_day() -> None:
    """Two reports of one act, one undated (publication day), one stating the day: the
    event's date is the stated day, whichever article comes first."""

    def report(article: str, when: When, qualifiers: tuple[str, ...] = ()) -> EventMention:
        sentence = "Drones struck a fuel depot."
        return EventMention(
            article_id=article, type="ASSAULT", trigger=Span(7, 13, "struck"),
            evidence=Evidence(article, sentence, 0, len(sentence)), when=when,
            qualifiers=qualifiers,
        )  # fmt: skip

    undated = report("a1", When("2025-04-02", "publication"))
    carried = report("a2", When("2025-04-03", "day"), ("inferred_date",))
    stated = report("a3", When("2025-03-31", "day"))
    for order in ([undated, stated], [stated, undated], [carried, undated, stated]):
        group = _Group(order[0], None, None)
        for em in order:
            group.add(em, frozenset(), None)
        event = make_event(group, {}, ONTO, set())
        assert (event.date, event.date_precision) == ("2025-03-31", "day")
    group = _Group(undated, None, None)
    for em in (undated, carried):
        group.add(em, frozenset(), None)
    assert make_event(group, {}, ONTO, set()).date == "2025-04-03"
