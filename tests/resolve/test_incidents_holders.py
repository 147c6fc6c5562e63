"""An act that names no target takes the side of whoever the article says holds its town,
and no side at all when the article does not say (``town_holders``, ``assign_actors``)."""

from __future__ import annotations

from dataclasses import replace

from tests.resolve.test_incidents import ONTO, Text

from eventwire.model import Place, Span
from eventwire.resolve.doc_incidents import TOWN_PRECISIONS, DocIncident, document_incidents
from eventwire.resolve.incident_ties import town_holders
from eventwire.resolve.incidents import assign_actors

NYALA = Place("geonames:7", "Nyala", 12.05, 24.88, "SDN", "SD.11", "city")
RSF, SAF = "actor_rsf", "actor_saf"


def told(words: str, trigger: str, names: dict[str, str], source: str | None = None,
         unnamed: frozenset[str] = frozenset()) -> DocIncident:  # fmt: skip
    t = Text("n", "2025-05-10").sentence(words)
    t.event("ASSAULT", trigger, "2025-05-09", NYALA, source=source)
    actors = {}
    for name, actor in names.items():
        at = words.index(name)
        actors[f"n:{at}:{at + len(name)}"] = actor
    (inc,) = document_incidents(t.records(), ONTO, actors, frozenset(actors.values()) - unnamed)
    assign_actors(inc, actors, unnamed)
    return inc


def test_the_holder_the_article_names_is_the_target_side() -> None:
    for words in ("Drones hit the RSF-held town of Nyala on Friday.",
                  "Drones hit Nyala, which is controlled by the RSF, on Friday.",
                  "Drones hit Nyala, held by the RSF since October, on Friday."):  # fmt: skip
        inc = told(words, "hit", {"RSF": RSF})
        assert inc.targets == (RSF,) and inc.named == {RSF}, words


def test_no_side_is_read_from_the_place_alone() -> None:
    inc = told("Drones hit Nyala on Friday, killing five.", "hit", {})
    assert inc.targets == () and inc.named == frozenset()
    # an unnamed holder names no side
    inc = told("Drones hit rebel-held Nyala on Friday.", "hit", {"rebel": "actor_rebels"},
               unnamed=frozenset({"actor_rebels"}))  # fmt: skip
    assert inc.targets == () and inc.named == frozenset()


def test_the_holder_is_no_target_of_its_own_act() -> None:
    own = told("The RSF shelled the RSF-held town of Nyala by mistake on Friday.", "shelled",
               {"The RSF": RSF, "RSF-": RSF}, source="The RSF")  # fmt: skip
    assert own.targets == ()
    aimed = told("The army shelled positions in RSF-held Nyala on Friday.", "shelled",
                 {"The army": SAF, "RSF": RSF}, source="The army")  # fmt: skip
    assert aimed.targets == (RSF,) and aimed.named == {SAF, RSF}


def test_two_holders_of_one_town_give_none() -> None:
    t = Text("m", "2025-05-10").sentence("Drones hit the RSF-held town of Nyala on Friday.")
    t.event("ASSAULT", "hit", "2025-05-09", NYALA)
    t.sentence("Nyala, which is held by the army, was quiet.")
    t.event("ASSAULT", "quiet", "2025-05-09", NYALA)
    doc = t.records()
    first, second = doc.events[0].evidence, doc.events[1].evidence
    at, by = first.char_start + 15, second.char_start + second.sentence.index("the army")
    actors = {f"m:{at}:{at + 3}": RSF, f"m:{by}:{by + 8}": SAF}
    assert town_holders(doc.events, actors, TOWN_PRECISIONS) == {}
    assert town_holders(doc.events[:1], actors, TOWN_PRECISIONS) == {NYALA.id: RSF}


def test_an_act_with_a_target_of_its_own_keeps_it() -> None:
    t = Text("t", "2025-05-10").sentence("Drones hit a convoy of the army in RSF-held Nyala.")
    t.event("ASSAULT", "hit", "2025-05-09", NYALA)
    em = t.events[-1]
    words = em.evidence.sentence
    at, by = words.index("the army"), words.index("RSF")
    target = Span(at, at + 8, "the army")
    t.events[-1] = replace(em, target=target)
    actors = {f"t:{at}:{at + 8}": SAF, f"t:{by}:{by + 3}": RSF}
    (inc,) = document_incidents(t.records(), ONTO, actors, frozenset(actors.values()))
    assign_actors(inc, actors, frozenset())
    assert inc.holders == {NYALA.id: RSF} and inc.targets == (SAF,)
