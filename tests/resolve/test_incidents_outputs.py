"""Incidents on their way out: the resolution writes them, the CLI lists and explains
them, the API serves them, and user joins and splits survive a rebuild."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.resolve.test_incidents import GHARYAN, TARHUNA, Text
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.model import Article, DocumentRecords
from eventwire.pipeline import check_picture, override_and_rebuild, rebuild
from eventwire.resolve.overrides import add_override, load_overrides
from eventwire.store import open_store
from eventwire.store.base import IncidentFilter

runner = CliRunner()


def shelling_report(
    article_id: str, town=GHARYAN, outlet: str = "Wire"
) -> tuple[Article, DocumentRecords]:  # noqa: ANN001
    t = Text(article_id).sentence("Shells hit a market in the town on Friday, killing four people.")
    t.event("ASSAULT", "hit", "2025-03-14", town).event("ASSAULT", "killing", "2025-03-14", town,
                                                        counts=(("killed", 4),))  # fmt: skip
    article = Article(article_id, t.text, outlet=outlet, published="2025-03-15")
    return article, t.records()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = Settings(db=str(tmp_path / "inc.db"), overrides=str(tmp_path / "overrides.toml"))
    store = open_store(settings)
    try:
        store.add_documents([shelling_report("art_a", outlet="Wire A"),
                             shelling_report("art_b", outlet="Wire B"),
                             shelling_report("art_c", TARHUNA)])  # fmt: skip
        rebuild(store, settings)
    finally:
        store.close()
    return settings


def test_rebuild_writes_incidents_and_check_compares_them(settings: Settings) -> None:
    store = open_store(settings)
    try:
        incidents = store.incidents(IncidentFilter(order="-sources"))
        assert [(i.source_count, i.outlet_count) for i in incidents] == [(2, 2), (1, 1)]
        assert incidents[0].counts == {"killed": 4}  # two reports of 4: never 8
        check = check_picture(store, settings)
        assert check.same and "incidents" in check.differences
    finally:
        store.close()


def test_cli_lists_sorts_filters_and_explains(settings: Settings) -> None:
    listed = runner.invoke(app, ["incidents", "--db", settings.db, "--sort", "sources"])
    assert listed.exit_code == 0, listed.output
    rows = listed.output.splitlines()
    assert rows[0].startswith("id\tdate") and "2 articles, 2 outlets" in rows[1]
    many = runner.invoke(app, ["incidents", "--db", settings.db, "--min-sources", "2", "--json"])
    (only,) = json.loads(many.output)
    assert only["location"]["name"] == "Gharyan"
    none = runner.invoke(app, ["incidents", "--db", settings.db, "--min-sources", "3"])
    assert none.exit_code == 3
    why = runner.invoke(app, ["incidents", "--db", settings.db, "--explain", only["id"]])
    assert "joined art_a and art_b: ASSAULT, town Gharyan" in why.output
    assert "two different towns (Gharyan, Tarhuna)" in why.output  # the near miss, and why
    event = runner.invoke(app, ["events", "--db", settings.db, "--explain", only["events"][0]])
    assert f"is a member of incident {only['id']}" in event.output
    bad = runner.invoke(app, ["incidents", "--db", settings.db, "--sort", "killed"])
    assert bad.exit_code != 0 and "unknown sort" in bad.output


def test_user_join_survives_rebuild_and_a_bad_entry_names_the_file(settings: Settings) -> None:
    store = open_store(settings)
    try:
        a, c = (store.incidents(IncidentFilter(order="-sources"))[k].events[0] for k in (0, 1))
        override_and_rebuild(store, settings, "incident_join", a, c)
        assert store.count_incidents() == 1
        rebuild(store, settings)  # the override is in the file: a rebuild keeps it
        assert store.count_incidents() == 1
        assert any("user override" in x for x in store.incidents()[0].explanation)
    finally:
        store.close()
    loaded = load_overrides(settings.overrides_path)
    assert loaded.incident_joins == ((a, c),)
    Path(settings.overrides_path).write_text('[[incident_join]]\nevents = ["event_x"]\n')
    with pytest.raises(ConfigError, match="overrides.toml: an incident_join needs at least two"):
        load_overrides(settings.overrides_path)


def test_user_split_keeps_two_reports_apart(settings: Settings) -> None:
    store = open_store(settings)
    try:
        add_override(settings.overrides_path, "incident_split", "art_a", "art_b")
        rebuild(store, settings)
        assert store.count_incidents() == 3
    finally:
        store.close()


def test_api_lists_pages_and_details_incidents(settings: Settings) -> None:
    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    with TestClient(create_app(settings)) as client:
        first = client.get("/api/incidents", params={"limit": 1}).json()
        assert first["total"] == 2 and len(first["items"]) == 1 and first["next_after"]
        rest = client.get("/api/incidents", params={"limit": 1, "after": first["next_after"]})
        assert rest.status_code == 200
        ids = [first["items"][0]["id"], rest.json()["items"][0]["id"]]
        assert len(set(ids)) == 2
        two = client.get("/api/incidents", params={"min_sources": 2}).json()
        assert [i["source_count"] for i in two["items"]] == [2]
        detail = client.get(f"/api/incidents/{two['items'][0]['id']}").json()
        assert detail["incident"]["counts"] == {"killed": 4}
        assert any("joined" in line for line in detail["explanation"])
        assert client.get("/api/incidents/incident_nope").status_code == 404
        for bad in ({"min_sources": 0}, {"since": "2025-02-30"}, {"after": "garbage"},
                    {"limit": 10**9}):  # fmt: skip
            assert client.get("/api/incidents", params=bad).status_code == 422, bad
        # most reported first pages by the same cursor
        top = client.get("/api/incidents", params={"order": "-sources", "limit": 1}).json()
        assert top["items"][0]["source_count"] == 2 and top["next_after"]
        after = {"order": "-sources", "limit": 1, "after": top["next_after"]}
        tail = client.get("/api/incidents", params=after).json()
        assert [i["source_count"] for i in tail["items"]] == [1]


def test_cli_joins_and_splits_incidents_and_both_survive_a_rebuild(settings: Settings) -> None:
    settings = Settings(db=settings.db)  # as the CLI: the overrides file beside the store
    store = open_store(settings)
    try:
        two, one = store.incidents(IncidentFilter(order="-sources"))
    finally:
        store.close()
    joined = runner.invoke(app, ["incidents", "join", two.id, one.id, "--db", settings.db])
    assert joined.exit_code == 0, joined.output
    assert "3 articles" in joined.output
    # the file names events, never incident ids (those follow their reports)
    assert load_overrides(settings.overrides_path).incident_joins == (
        (two.events[0], one.events[0]),
    )
    store = open_store(settings)
    try:
        rebuild(store, settings)
        (whole,) = store.incidents()
    finally:
        store.close()
    split = runner.invoke(
        app, ["incidents", "split", whole.id, "--out", "art_c", "--db", settings.db]
    )
    assert split.exit_code == 0, split.output
    store = open_store(settings)
    try:
        rebuild(store, settings)
        assert sorted(i.source_count for i in store.incidents()) == [1, 2]
    finally:
        store.close()
    assert {s for s, _ in load_overrides(settings.overrides_path).incident_splits} == {"art_c"}


def test_cli_join_and_split_name_the_bad_id(settings: Settings) -> None:
    settings = Settings(db=settings.db)
    bad = runner.invoke(
        app, ["incidents", "join", "event_000000000000", "art_a", "--db", settings.db]
    )
    assert bad.exit_code != 0 and "no stored record 'event_000000000000'" in bad.output
    alone = runner.invoke(app, ["incidents", "join", "art_a", "art_a", "--db", settings.db])
    assert alone.exit_code != 0 and "a join needs two different" in alone.output
    store = open_store(settings)
    try:
        (two, _) = store.incidents(IncidentFilter(order="-sources"))
    finally:
        store.close()
    other = runner.invoke(
        app, ["incidents", "split", two.id, "--out", "art_c", "--db", settings.db]
    )
    assert other.exit_code != 0 and "does not report incident" in other.output
    assert not Path(settings.overrides_path).exists()


@pytest.mark.parametrize("sort", ["date", "sources"])
def test_cli_pages_by_cursor_in_both_sorts(settings: Settings, sort: str) -> None:
    whole = runner.invoke(app, ["incidents", "--db", settings.db, "--sort", sort, "--json"])
    ids = [i["id"] for i in json.loads(whole.output)]
    assert len(ids) == 2
    first = runner.invoke(app, ["incidents", "--db", settings.db, "--sort", sort, "--limit", "1"])
    assert first.exit_code == 0 and ids[0] in first.output and ids[1] not in first.output
    cursor = first.output.split("more: --after '")[1].split("'")[0]
    second = runner.invoke(app, ["incidents", "--db", settings.db, "--sort", sort, "--limit",
                                 "1", "--after", cursor, "--json"])  # fmt: skip
    assert [i["id"] for i in json.loads(second.stdout)] == [ids[1]]
    bad = runner.invoke(app, ["incidents", "--db", settings.db, "--after", "yesterday"])
    assert bad.exit_code != 0 and "not an incident cursor" in bad.output
