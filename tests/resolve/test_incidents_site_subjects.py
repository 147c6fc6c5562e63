"""An act told by its noun as the subject of its consequence (``incident_sites._subject_act``):
"the shelling of a market ..., which killed ten" names the market as what the act hit, so
two reports of one strike told by two doers' names meet on it, and a strike on another site
stays apart."""

from __future__ import annotations

from pathlib import Path

from tests.resolve.test_incidents import GHARYAN, ONTO, TARHUNA, Text, resolve_all

from eventwire.config import Settings
from eventwire.model import Article, DocumentRecords
from eventwire.pipeline import rebuild, refresh
from eventwire.resolve.incident_sites import act_nouns, sites_hit
from eventwire.store.sqlite import SQLiteStore

ACTS = act_nouns(ONTO)


def _strike(article_id: str, sentence: str, trigger: str, day: str = "2025-03-14",
            source: str | None = None) -> DocumentRecords:  # fmt: skip
    t = Text(article_id, "2025-03-16").sentence(sentence)
    return t.event("ASSAULT", trigger, day, GHARYAN, source=source).records()


def _sites(sentence: str, trigger: str) -> frozenset[str]:
    return sites_hit(_strike("a", sentence, trigger).events, ONTO.violent_types,
                     ONTO.site_nouns, ACTS)  # fmt: skip


def test_the_act_noun_before_its_consequence_names_the_site() -> None:
    told = ("The rights office said the shelling of a crowded market in the hill town last "
            "Friday, which killed nine traders, may be a war crime.")  # fmt: skip
    assert _sites(told, "killed") == {"market"}
    assert _sites("Saturday's air strike on a girls' school killed six pupils.", "killed") == {
        "school"
    }
    assert _sites("The ambush of an army convoy near the pass left four soldiers dead.",
                  "left") == {"convoy"}  # fmt: skip
    assert _sites("A rocket attack against the old railway station wounded 14.", "wounded") == {
        "station"
    }


def test_the_doers_agent_phrase_after_the_act_noun_is_passed_over() -> None:
    # "an air strike by <doer> on a school killed six": the doer's name stands between the
    # noun and what it hit
    told = "An air strike by the Hill Front on a school on Friday killed two."
    events = _strike("a", told, "killed", source="the Hill Front").events
    assert sites_hit(events, ONTO.violent_types, ONTO.site_nouns, ACTS) == {"school"}
    # with no doer read, "by" is the noun's next word: nothing it hit is named
    assert _sites(told, "killed") == set()


def test_no_site_without_the_construction() -> None:
    # the trigger is the act itself, not what it did to people: its own phrase rules
    assert _sites("After a strike on a school, gunmen attacked the farms.", "attacked") == set()
    # another act named in an adjunct: before or after it this one came
    assert _sites("After the shelling of the market, gunmen killed four farmers.",
                  "killed") == set()  # fmt: skip
    assert _sites("Since the bombing of the hospital, raids have killed 30 people.",
                  "killed") == set()  # fmt: skip
    # the consequence's own weapon stands between: the raid's camp is not the bomb's
    told = ("Troops killed six fighters in a raid on a camp in the forest on Wednesday, a day "
            "after a roadside bomb killed two officers.")  # fmt: skip
    assert _sites(told, "killed two") == set()
    # a semicolon cuts the sentence into two statements
    assert _sites("The attack on the camp was repelled; shells killed two herders later.",
                  "killed") == set()  # fmt: skip
    # an act noun with no object names no site: "near" a school is not "on" it
    assert _sites("An attack near a school killed five people.", "killed") == set()
    # without the act nouns (event grouping's callers may pass none) nothing changes
    told = "Saturday's air strike on a school killed six pupils."
    assert sites_hit(_strike("a", told, "killed").events, ONTO.violent_types,
                     ONTO.site_nouns) == set()  # fmt: skip


def test_one_strike_told_by_its_consequence_joins_the_strike_report() -> None:
    # a wire names the site in the act's own phrase, a rights office in its subject: one
    # incident of one town and day
    wire = _strike("a", "Shells struck a market in the town on Friday.", "struck")
    office = _strike("b", "The shelling of a market in the town on Friday, which killed "
                     "nine, may be a crime.", "killed")  # fmt: skip
    for order in ([wire, office], [office, wire]):
        (one,) = resolve_all(order)
        assert one.source_count == 2


def test_near_misses_other_site_other_town_other_week() -> None:
    market = _strike("a", "The shelling of a market on Friday, which killed nine, drew anger.",
                     "killed")  # fmt: skip
    school = _strike("b", "An air strike hit a school in the town on Friday.", "hit")
    incs = resolve_all([market, school])
    assert len(incs) == 2
    assert any("two different sites (market; school)" in line
               for inc in incs for line in inc.explanation)  # fmt: skip
    # same site, the week after: two strikes
    later = _strike("c", "Shells struck a market in the town.", "struck", day="2025-03-21")
    assert len(resolve_all([market, later])) == 2
    # same day and site, another town
    t = Text("d", "2025-03-16").sentence("Shells struck a market in Tarhuna on Friday.")
    other_town = t.event("ASSAULT", "struck", "2025-03-14", TARHUNA).records()
    assert len(resolve_all([market, other_town])) == 2
    # one day, town and market, but another type: a protest at the market is no shelling
    # of it (a raid or a seizure would be: one incident family, "force")
    shelled = _strike("e", "The shelling of a market on Friday, which killed nine, drew "
                      "anger.", "killed")  # fmt: skip
    t = Text("f", "2025-03-16").sentence("Traders protested at a market on Friday.")
    protest = t.event("PROTEST", "protested", "2025-03-14", GHARYAN).records()
    assert len(resolve_all([shelled, protest])) == 2


def _article(t: Text) -> tuple[Article, DocumentRecords]:
    article = Article(t.article_id, t.text, outlet=f"Wire {t.article_id}",
                      published=t.published, published_precision="day")  # fmt: skip
    return article, t.records()


def _told(article_id: str, sentence: str, trigger: str, day: str = "2025-03-14",
          ) -> tuple[Article, DocumentRecords]:  # fmt: skip
    t = Text(article_id, "2025-03-16").sentence(sentence)
    return _article(t.event("ASSAULT", trigger, day, GHARYAN))


def _members(store: SQLiteStore) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted({e.article_id for e in i.evidence})) for i in store.incidents())


def test_a_refresh_joins_and_keeps_apart_as_a_rebuild_does(tmp_path: Path) -> None:
    # one market shelling told by a wire and by a rights office (the market in its
    # consequence's subject), one school strike of that day told the same way, and a
    # market shelling of the next week: the school strike is kept apart by its site only
    docs = [
        _told("art_s1", "Shells struck a market in the town on Friday.", "struck"),
        _told("art_s2", "The shelling of a market in the town on Friday, which killed nine, "
              "may be a crime.", "killed"),
        _told("art_s3", "An air strike on a school in the town on Friday killed two.", "killed"),
        _told("art_s4", "The shelling of a market, which killed four, drew anger.", "killed",
              day="2025-03-21"),
    ]  # fmt: skip
    whole = Settings(db=str(tmp_path / "whole.db"))
    with SQLiteStore(whole.db) as store:
        store.add_documents(docs)
        rebuild(store, whole)
        rebuilt = _members(store)
    assert ("art_s1", "art_s2") in rebuilt
    assert ("art_s3",) in rebuilt and ("art_s4",) in rebuilt
    settings = Settings(db=str(tmp_path / "batches.db"))
    with SQLiteStore(settings.db) as store:
        for batch in (docs[2:], docs[:2]):  # in another order, two refreshes
            store.add_documents(batch)
            refresh(store, settings)
        assert _members(store) == rebuilt
