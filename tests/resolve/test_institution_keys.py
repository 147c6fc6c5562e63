"""A state institution every country has ("the Supreme Court", "parliament", "Congress")
is one actor per country (issue 13): keyed with its country, two countries' are never one
actor, and one of no known country joins the name's one country only when the store holds
the name for one country alone. Order-free, and a refresh ends as a rebuild does."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from tests.resolve.test_actors import actor_of, doc

from eventwire.config import Settings
from eventwire.extract import Resources
from eventwire.model import Article, DocumentRecords, Evidence, Place, PlaceMention, Span, to_dict
from eventwire.pipeline import rebuild, refresh
from eventwire.resolve.actors import resolve_actors
from eventwire.store import open_store


@pytest.fixture
def res(tmp_path):
    return Resources(Settings(db=str(tmp_path / "x.db")))


def court(article: str, iso3: str | None, text: str = "Supreme Court") -> DocumentRecords:
    return doc(article, (text, "ORG", "g1", iso3) if iso3 else (text, "ORG", "g1"))


def test_two_countries_supreme_courts_are_two_actors(res):
    docs = [court("a", "GHA"), court("b", "GHA"), court("c", "PER")]
    r = resolve_actors(docs, res)
    a, b, c = (actor_of(r, x, docs, "Supreme Court") for x in "abc")
    assert a.id == b.id != c.id
    assert a.type == c.type == "government"
    assert a.country == "GHA" and c.country == "PER"
    assert any("same state institution of GHA" in e for e in r.explanations[a.id])


def test_names_of_one_countrys_institution_meet_by_their_generic_words(res):
    docs = [
        court("a", None, "Ghanaian Supreme Court"),
        court("b", "GHA", "Supreme Court"),
        doc("c", ("Ministry of Defence", "ORG", "g1", "NPL")),
        doc("d", ("Defense Ministry", "ORG", "g1", "NPL")),
    ]
    r = resolve_actors(docs, res)
    assert actor_of(r, "a", docs, "Ghanaian Supreme Court").id == (
        actor_of(r, "b", docs, "Supreme Court").id
    )
    assert actor_of(r, "c", docs, "Ministry of Defence").id == (
        actor_of(r, "d", docs, "Defense Ministry").id
    )


def test_one_of_no_country_joins_the_one_country_the_store_names(res):
    docs = [court("a", "GHA"), court("b", None)]
    r = resolve_actors(docs, res)
    a, b = (actor_of(r, x, docs, "Supreme Court") for x in "ab")
    assert a.id == b.id
    assert any("of one country alone (GHA)" in e for e in r.explanations[a.id])


def test_one_of_no_country_joins_neither_of_two_countries(res):
    docs = [court("a", "GHA"), court("b", None), court("c", "PER")]
    r = resolve_actors(docs, res)
    a, b, c = (actor_of(r, x, docs, "Supreme Court") for x in "abc")
    assert len({a.id, b.id, c.id}) == 3
    assert any("of several countries (GHA, PER)" in e for e in r.explanations[b.id])


def test_a_party_and_a_legislature_named_congress_in_two_countries(res):
    docs = [
        doc("a", ("Congress", "ORG", "g1", "IND"), ("Congress MLAs", "ORG", "g1", "IND")),
        doc("b", ("Congress", "ORG", "g1", "USA")),
    ]
    # "Congress MLAs": a party's members (extract.kind_words gives the role)
    first, members = docs[0].mentions
    docs[0] = replace(docs[0], mentions=(first, replace(members, role="party")))
    r = resolve_actors(docs, res)
    party, house = actor_of(r, "a", docs, "Congress"), actor_of(r, "b", docs, "Congress")
    assert party.id != house.id
    assert (party.type, house.type) == ("political_party", "government")


def place_of(article: str, iso3: str) -> PlaceMention:
    place = Place(f"country:{iso3}", iso3, None, None, iso3, None, "country")
    return PlaceMention(article, Span(0, 1, "x"), place, Evidence(article, "x", 0, 1))


def test_the_articles_country_when_the_text_names_none(res):
    # "the National Assembly" in an article whose places are all in Niger, and in one whose
    # places are in Senegal: two assemblies
    a = DocumentRecords("a", mentions=court("a", None, "National Assembly").mentions,
                        places=(place_of("a", "NER"),))  # fmt: skip
    b = DocumentRecords("b", mentions=court("b", None, "National Assembly").mentions,
                        places=(place_of("b", "SEN"),))  # fmt: skip
    r = resolve_actors([a, b], res)
    niger, senegal = (actor_of(r, x, [a, b], "National Assembly") for x in "ab")
    assert niger.id != senegal.id
    assert (niger.country, senegal.country) == ("NER", "SEN")


def test_institution_clusters_do_not_depend_on_the_order(res):
    docs = [court(x, iso3) for x, iso3 in zip("abcdefg", ["GHA", None, "PER", "GHA", None,
                                                          "PER", "NPL"], strict=True)]  # fmt: skip
    expected = resolve_actors(docs, res)
    shape = sorted((a.id, a.mention_count) for a in expected.actors)
    for seed in range(4):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        r = resolve_actors(shuffled, res)
        assert sorted((a.id, a.mention_count) for a in r.actors) == shape
        assert r.explanations == expected.explanations


def article(d: DocumentRecords) -> Article:
    return Article(id=d.article_id, text=" ".join(m.span.text for m in d.mentions))


@pytest.mark.parametrize("seed", [3, 4])
def test_a_refresh_in_batches_ends_as_a_rebuild(tmp_path: Path, seed: int) -> None:
    countries = [None, "GHA", "PER", None, "GHA", "NPL", None, "PER"]
    docs = [court(f"a{i}", countries[i % len(countries)]) for i in range(16)]
    whole = Settings(db=str(tmp_path / "whole.db"))
    with open_store(whole) as store:
        store.add_documents([(article(d), d) for d in docs])
        rebuild(store, whole)
        expected = {a.id: (to_dict(a), store.explanations(a.id)) for a in store.actors()}
    order = docs[:]
    rng = random.Random(seed)
    rng.shuffle(order)
    settings = Settings(db=str(tmp_path / "parts.db"))
    with open_store(settings) as store:
        while order:
            size = rng.randint(1, 5)
            batch, order = order[:size], order[size:]
            store.add_documents([(article(d), d) for d in batch])
            refresh(store, settings)
        got = {a.id: (to_dict(a), store.explanations(a.id)) for a in store.actors()}
    assert got == expected
