"""Our hand-written incident set (tests/data/incidents/) is well formed.

Checks the data only, never the system's output: bench/incidents.py scores that.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

from eventwire.config import Settings
from eventwire.ingest import read_sources
from eventwire.knowledge.ontology import read_ontology
from eventwire.model import COUNT_KINDS, Article

SET = Path(__file__).resolve().parent / "data" / "incidents"
MIN_INCIDENTS_WITH_SEVERAL_REPORTS = 25
NEAR_MISS_KINDS = (
    "same day",
    "same town",
    "same actors",
    "two shellings",
    "two strikes on one city",
    "the next week",
    "anniversary",
)


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return tomllib.loads((SET / "gold.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    """Our id ("id" field) -> the article exactly as ``eventwire ingest`` reads it."""
    out: dict[str, Article] = {}
    for item in read_sources(sorted(SET.glob("*.jsonl")), Settings()):
        assert isinstance(item, Article), f"{item}"
        key = item.metadata.get("id")
        assert isinstance(key, str) and key not in out, f"missing or repeated id {key!r}"
        out[key] = item
    return out


def test_every_report_reads_with_title_outlet_url_and_day(articles: dict[str, Article]) -> None:
    assert articles
    for key, a in articles.items():
        assert a.title and a.outlet and a.url, key
        assert a.published and a.published_precision == "day", key
    assert len({a.id for a in articles.values()}) == len(articles), "two reports share a text"


def test_gold_articles_exist_and_no_article_is_in_two_incidents(
    gold: dict[str, Any], articles: dict[str, Article]
) -> None:
    owner: dict[str, str] = {}
    for inc in gold["incident"]:
        for key in inc["articles"]:
            assert key in articles, f"{inc['id']}: no article {key!r} in the set"
            assert key not in owner, f"{key} is in {owner[key]} and {inc['id']}"
            owner[key] = inc["id"]
    assert sorted(owner) == sorted(articles), "every report belongs to one gold incident"
    for inc in gold["incident"]:  # an article retelling an incident is one of another's
        for key in inc.get("retold_in", ()):
            assert owner.get(key, inc["id"]) != inc["id"], f"{inc['id']}: retold_in {key!r}"


def test_incident_facts_are_well_formed(gold: dict[str, Any], articles: dict[str, Article]) -> None:
    types = read_ontology().types
    ids = [inc["id"] for inc in gold["incident"]]
    assert len(set(ids)) == len(ids)
    for inc in gold["incident"]:
        assert inc["family"] in types, inc["id"]
        day = dt.date.fromisoformat(inc["date"])
        for key in inc["articles"]:
            a = articles[key]
            # a report may name the province instead of the town ("in Ituri province"),
            # spell the town another way ("Kharkov", "Belet Weyne": ``spelled``) or, for
            # fire across a frontier, name the town facing it (``across``)
            names = [inc["place"], *([inc["province"]] if "province" in inc else []),
                     *inc.get("spelled", ()), *([inc["across"]] if "across" in inc else [])]  # fmt: skip
            assert any(n.casefold() in a.text.casefold() for n in names), (
                f"{key} names neither the town nor its province"
            )
            published = dt.date.fromisoformat(a.published or "")
            assert 0 <= (published - day).days <= 7, f"{key} published out of the week"
        for kind in COUNT_KINDS:
            if kind in inc:
                low, high = inc[kind]
                assert 0 <= low <= high, f"{inc['id']}: {kind} range {inc[kind]}"
        assert not set(inc) - {
            "id",
            "family",
            "date",
            "place",
            "province",
            "spelled",
            "across",
            "articles",
            "retold_in",
            *COUNT_KINDS,
        }


def test_several_incidents_have_reports_from_several_outlets(
    gold: dict[str, Any], articles: dict[str, Article]
) -> None:
    several = [
        inc
        for inc in gold["incident"]
        if 2 <= len({articles[k].outlet for k in inc["articles"]}) == len(inc["articles"]) <= 4
    ]
    assert len(several) >= MIN_INCIDENTS_WITH_SEVERAL_REPORTS


def test_near_miss_pairs_name_two_known_incidents_and_cover_each_kind(
    gold: dict[str, Any],
) -> None:
    ids = {inc["id"] for inc in gold["incident"]}
    for pair in gold["apart"]:
        assert pair["a"] in ids and pair["b"] in ids and pair["a"] != pair["b"], pair
    whys = " | ".join(pair["why"] for pair in gold["apart"])
    for kind in NEAR_MISS_KINDS:
        assert kind in whys, f"no near-miss pair of the kind {kind!r}"
