"""A commander named by one report and his group by another are one side of an incident,
when an article says one leads the other (``resolve/incident_ties.py``)."""

from __future__ import annotations

from pathlib import Path

from tests.resolve.test_incidents import ONTO, Text

from eventwire.config import Settings
from eventwire.model import (
    Article,
    DocumentRecords,
    EventMention,
    Evidence,
    Mention,
    Place,
    Span,
    When,
    mention_key,
)
from eventwire.pipeline import rebuild, refresh
from eventwire.resolve.doc_incidents import document_incidents
from eventwire.resolve.incident_ties import leader_ties
from eventwire.resolve.incidents import assign_actors, resolve_incidents
from eventwire.store.sqlite import SQLiteStore

KAYA = Place("geonames:9", "Kaya", 13.09, -1.08, "BFA", "BF.03", "city")
SIDES = {"actor_bfa": "state:BFA"}


class Told:
    """An article and the actors its mentions resolve to (by span)."""

    def __init__(self, article_id: str, published: str = "2025-06-06") -> None:
        self.t = Text(article_id, published)
        self.actors: dict[str, str] = {}

    def sentence(self, words: str, *names: tuple[str, str]) -> Told:
        self.t.sentence(words)
        for name, actor in names:
            at = self.t.start + words.index(name)
            self.actors[f"{self.t.article_id}:{at}:{at + len(name)}"] = actor
        return self

    def event(self, etype: str, trigger: str, source: str | None = None) -> Told:
        self.t.event(etype, trigger, "2025-06-05", KAYA, source=source)
        em = self.t.events[-1]
        if source and em.source and mention_key(em.article_id, em.source) not in self.actors:
            raise AssertionError(f"{source!r} is no mention of the sentence")
        return self

    def records(self) -> DocumentRecords:
        return self.t.records()


def ties(told: Told) -> frozenset[tuple[str, str]]:
    return leader_ties(told.records().events, told.actors)


def test_each_construction_ties_a_leader_to_his_group() -> None:
    led = Told("a").sentence("The Liptako Brigade, led by Issa Kone, ambushed a patrol.",
                             ("The Liptako Brigade", "actor_lb"), ("Issa Kone", "actor_kone"))  # fmt: skip
    assert ties(led.event("ASSAULT", "ambushed", "The Liptako Brigade")) == {
        ("actor_kone", "actor_lb")
    }
    titled = Told("b").sentence("The brigade is commanded by Colonel Issa Kone, who raided a post.",
                                ("Issa Kone", "actor_kone"))  # fmt: skip
    # "the brigade" with no brigade named in the article ties nothing
    assert ties(titled.event("ASSAULT", "raided")) == frozenset()
    heads = Told("c").sentence(
        "Hisham Ghadamsi, who heads the Gharyan Protection Force, said his men fired first.",
        ("Hisham Ghadamsi", "actor_hg"),
        ("the Gharyan Protection Force", "actor_gpf"),
    )
    assert ties(heads.event("ASSAULT", "fired")) == {("actor_gpf", "actor_hg")}
    chief = Told("d").sentence("Issa Kone, the commander of the Liptako Brigade, attacked Kaya.",
                               ("Issa Kone", "actor_kone"), ("Liptako Brigade", "actor_lb"))  # fmt: skip
    assert ties(chief.event("ASSAULT", "attacked")) == {("actor_kone", "actor_lb")}
    owned = Told("e").sentence(
        "General Adel Barouni's Southern Operations Command shelled the hills.",
        ("Adel Barouni", "actor_ab"),
        ("Southern Operations Command", "actor_soc"),
    )
    assert ties(owned.event("ASSAULT", "shelled")) == {("actor_ab", "actor_soc")}
    # a possessive with the "'s" inside the mention's span
    spanned = Told("g").sentence(
        "Colonel Adel Barouni's Southern Operations Command shelled the hills.",
        ("Adel Barouni's", "actor_ab"),
        ("Southern Operations Command", "actor_soc"),
    )
    assert ties(spanned.event("ASSAULT", "shelled")) == {("actor_ab", "actor_soc")}
    # with no commander's title a possessive names an outlet's reporter or a state's group
    for words in ("The Wire's Adel Barouni said the Southern Operations Command shelled it.",
                  "Adel Barouni's Southern Operations Command shelled the hills."):  # fmt: skip
        told = Told("h").sentence(words, ("Adel Barouni", "actor_ab"),
                                  ("Southern Operations Command", "actor_soc"))  # fmt: skip
        assert ties(told.event("ASSAULT", "shelled")) == frozenset(), words


def test_words_that_name_no_leader_tie_nothing() -> None:
    for words in ("Shells hit the Liptako Brigade's hospital, killing Issa Kone.",
                  "Issa Kone was killed by the Liptako Brigade in an ambush.",
                  "Issa Kone and the Liptako Brigade attacked a patrol."):  # fmt: skip
        told = Told("f").sentence(words, ("Issa Kone", "actor_kone"),
                                  ("Liptako Brigade", "actor_lb"))  # fmt: skip
        trigger = next(w for w in ("hit", "killed", "attacked") if w in words.split())
        assert ties(told.event("ASSAULT", trigger)) == frozenset(), words


def _ambush_by_the_commander() -> Told:
    return (Told("k1", "2025-06-05")
            .sentence("Fighters loyal to Issa Kone ambushed a patrol near Kaya on Thursday.",
                      ("Issa Kone", "actor_kone"))
            .event("ASSAULT", "ambushed", "Issa Kone"))  # fmt: skip


def _ambush_by_the_group(says_who_leads: bool) -> Told:
    told = (Told("k2")
            .sentence("The Liptako Brigade said it ambushed a patrol near Kaya on Thursday.",
                      ("The Liptako Brigade", "actor_lb"))
            .event("ASSAULT", "ambushed", "The Liptako Brigade"))  # fmt: skip
    if says_who_leads:
        told.sentence(
            "The brigade, led by Issa Kone, has raided army posts this year.",
            ("Issa Kone", "actor_kone"),
        )
        told.t.event("ASSAULT", "raided", "2025", None)
    return told


def _resolve(*articles: Told, sides: dict[str, str] | None = None) -> list[object]:
    incs = []
    for told in articles:
        named = frozenset(told.actors.values())
        for inc in document_incidents(told.records(), ONTO, told.actors, named):
            assign_actors(inc, told.actors, frozenset())
            incs.append(inc)
    return list(resolve_incidents(incs, {}, [], side_of=sides))


def test_the_commander_and_his_group_are_one_side_when_an_article_says_he_leads_it() -> None:
    joined = _resolve(_ambush_by_the_commander(), _ambush_by_the_group(True))
    ambush = [i for i in joined if i.date == "2025-06-05"]  # type: ignore[attr-defined]
    assert len(ambush) == 1 and ambush[0].source_count == 2  # type: ignore[attr-defined]
    # no article ties them: two named doers, two incidents
    apart = _resolve(_ambush_by_the_commander(), _ambush_by_the_group(False))
    assert len(apart) == 2
    assert any("named actors differ" in line for i in apart
               for line in i.explanation)  # type: ignore[attr-defined]  # fmt: skip


def test_a_state_is_never_tied_to_a_group() -> None:
    told = (Told("s")
            .sentence("Burkina Faso's Liptako Brigade ambushed a patrol near Kaya on Thursday.",
                      ("Burkina Faso", "actor_bfa"), ("Liptako Brigade", "actor_lb"))
            .event("ASSAULT", "ambushed", "Liptako Brigade"))  # fmt: skip
    assert ties(told) == frozenset()  # no commander's title before the possessive
    led = (Told("s2")
           .sentence("Burkina Faso, the leader of the Liptako Brigade, ambushed a patrol.",
                     ("Burkina Faso", "actor_bfa"), ("Liptako Brigade", "actor_lb"))
           .event("ASSAULT", "ambushed", "Liptako Brigade"))  # fmt: skip
    assert ties(led) == {("actor_bfa", "actor_lb")}  # the article's words, however odd
    other = (Told("t", "2025-06-05")
             .sentence("Burkina Faso attacked a patrol near Kaya on Thursday.",
                       ("Burkina Faso", "actor_bfa"))
             .event("ASSAULT", "attacked", "Burkina Faso"))  # fmt: skip
    # but a state's own actor stands for the state, never for a group it is said to lead
    assert len(_resolve(led, other, sides=SIDES)) == 2


def _stored(article_id: str, sentence: str, doer: str, names: tuple[tuple[str, str], ...]
            ) -> tuple[Article, DocumentRecords]:  # fmt: skip
    ev = Evidence(article_id, sentence, 0, len(sentence))
    spans = {name: Span(sentence.index(name), sentence.index(name) + len(name), name)
             for name, _label in names}  # fmt: skip
    at = sentence.index("ambushed")
    article = Article(article_id, sentence, outlet=f"Wire {article_id}", published="2025-06-06",
                      published_precision="day")  # fmt: skip
    return article, DocumentRecords(
        article_id,
        mentions=tuple(Mention(article_id, spans[name], label, ev, normalized=name,
                               group=f"g{n}") for n, (name, label) in enumerate(names)),
        events=(EventMention(article_id, "ASSAULT", Span(at, at + 8, "ambushed"), ev,
                             source=spans[doer], when=When("2025-06-05", "day"), place=KAYA,
                             lemma="ambush"),),
    )  # fmt: skip


def test_a_rebuild_and_a_refresh_find_the_same_ties(tmp_path: Path) -> None:
    docs = [
        _stored("art_k1", "Fighters loyal to Issa Kone ambushed a patrol near Kaya.",
                "Issa Kone", (("Issa Kone", "PERSON"),)),
        _stored("art_k2", "The Liptako Brigade, led by Issa Kone, ambushed a patrol near Kaya.",
                "The Liptako Brigade", (("The Liptako Brigade", "ORG"), ("Issa Kone", "PERSON"))),
    ]  # fmt: skip
    whole = Settings(db=str(tmp_path / "whole.db"))
    with SQLiteStore(whole.db) as store:
        store.add_documents(docs)
        rebuild(store, whole)
        (one,) = store.incidents()
        assert one.source_count == 2
    for split in (1,):
        settings = Settings(db=str(tmp_path / f"batches{split}.db"))
        with SQLiteStore(settings.db) as store:
            for batch in (docs[:split], docs[split:]):
                store.add_documents(batch)
                refresh(store, settings)
            assert [i.source_count for i in store.incidents()] == [2]
