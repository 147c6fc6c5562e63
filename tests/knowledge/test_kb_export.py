"""`eventwire actors --export-kb`: a store's actors as a KB file that loads back."""

from __future__ import annotations

import tomllib
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.config import Settings
from eventwire.knowledge.kb import load_kb
from eventwire.knowledge.kb_export import render_kb, write_kb_file
from eventwire.model import Actor, Resolution, Role
from eventwire.store import open_store

ACTORS = (
    Actor(
        "a1",
        "Rapid Support Forces",
        "armed_group",
        "SDN",
        aliases=("RSF", "Rapid Support Forces", "the paramilitary RSF"),
        kb_id="sd:rsf",
    ),
    Actor(
        "a2",
        "Mohamed Hamdan Dagalo",
        "person",
        "SDN",
        aliases=("Hemedti",),
        roles=(
            Role("Commander of the RSF", "2013", None, "kb"),
            Role("General", "in May", None, "text"),
        ),
        kb_id="sd:hemedti",
    ),
    Actor("a3", "Valley Front", "armed_group", None, aliases=("VF",)),
    Actor("a4", "Valley Front", "political_party", None),  # same name, another actor
    Actor("a5", "Sudan", "country", "SDN", kb_id="country:SDN"),
    Actor("a6", "police", "group", "SDN"),
    Actor("a7", 'Ana "the Hawk" Rell', "person", None, aliases=("Rell\\",)),
)


def test_render_writes_every_named_actor_with_stable_ids() -> None:
    raw = tomllib.loads(render_kb(ACTORS, load_kb()))
    ids = [e["id"] for e in raw["actor"]]
    assert ids == sorted(ids) and len(ids) == 5  # the country and the unnamed group left out
    assert {"sd:rsf", "sd:hemedti", "user:valley-front", "user:valley-front-2"} <= set(ids)
    hemedti = next(e for e in raw["actor"] if e["id"] == "sd:hemedti")
    assert hemedti["roles"] == [
        {"title": "Commander of the RSF", "start": "2013"},
        {"title": "General"},
    ]
    assert hemedti["distinct_from"] == ["sd:rsf"]  # from the KB, both sides exported
    rsf = next(e for e in raw["actor"] if e["id"] == "sd:rsf")
    assert rsf["aliases"] == ["RSF", "the paramilitary RSF"]  # the name is not repeated
    assert render_kb(reversed(ACTORS), load_kb()) == render_kb(ACTORS, load_kb())


def test_exported_file_loads_back(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    assert write_kb_file(ACTORS, path, load_kb()) == 5
    kb = load_kb(Settings(actor_files=str(path)))
    assert kb.lookup("the paramilitary RSF").id == "sd:rsf"  # replaces the shipped entry
    assert kb.lookup("VF").id == "user:valley-front"
    assert kb.get("user:ana-the-hawk-rell").aliases == ("Rell\\",)
    # without the shipped files the export stands on its own
    alone = load_kb(Settings(actor_files=str(path), shipped_kb=False))
    assert alone.lookup("Hemedti").id == "sd:hemedti"
    assert alone.known_confusion("sd:hemedti", "sd:rsf")


def test_cli_export_kb_round_trip(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    store = open_store(Settings(db=str(db)))
    try:
        store.replace_resolution(Resolution(actors=ACTORS))
    finally:
        store.close()
    out = tmp_path / "exported.toml"
    result = CliRunner().invoke(app, ["actors", "--db", str(db), "--export-kb", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote 5 actors" in result.output
    kb = load_kb(Settings(actor_files=str(out), shipped_kb=False))
    assert kb.lookup("Valley Front") is None  # two actors share the name: ambiguous
    assert {kb.get("user:valley-front").type, kb.get("user:valley-front-2").type} == {
        "armed_group",
        "political_party",
    }
    bad = CliRunner().invoke(
        app, ["actors", "--db", str(db), "--export-kb", str(tmp_path / "no" / "such.toml")]
    )
    assert bad.exit_code == 1 and "cannot write KB file" in bad.output
