"""A setting means the same whichever way settings are built: ``Settings()``,
``Settings.from_env()`` or a ``Resources`` given none."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.config import Settings, describe
from eventwire.errors import ConfigError
from eventwire.knowledge.resources import Resources


def test_shipped_kb_variable_reaches_every_way_of_building_settings(monkeypatch) -> None:
    monkeypatch.setenv("EVENTWIRE_SHIPPED_KB", "0")
    assert Settings().shipped_kb is False
    assert Settings(db=":memory:").shipped_kb is False
    assert Settings.from_env().shipped_kb is False
    assert Resources().settings.shipped_kb is False
    assert Resources().kb.lookup("RSF") is None  # a shipped Sudan entry, off
    assert Resources().kb.country_by_demonym("Sudanese") == "SDN"  # countries stay on


def test_without_the_variable_the_shipped_kb_is_on(monkeypatch) -> None:
    monkeypatch.delenv("EVENTWIRE_SHIPPED_KB", raising=False)
    assert Settings().shipped_kb is True
    assert Settings.from_env().shipped_kb is True
    assert Resources().kb.lookup("RSF") is not None


def test_an_argument_wins_over_the_variable(monkeypatch) -> None:
    monkeypatch.setenv("EVENTWIRE_SHIPPED_KB", "0")
    monkeypatch.setenv("EVENTWIRE_WORKERS", "3")
    assert Settings(shipped_kb=True).shipped_kb is True
    assert Settings.from_env(shipped_kb=True).shipped_kb is True
    assert Settings(workers=1).workers == 1
    assert Settings().workers == 3
    # a copy keeps what the original holds, whatever the environment says later
    settings = Settings(shipped_kb=True)
    assert replace(settings, db="x.db").shipped_kb is True
    assert settings.with_(db="x.db").shipped_kb is True


def test_from_env_with_its_own_mapping_ignores_the_process_environment(monkeypatch) -> None:
    monkeypatch.setenv("EVENTWIRE_SHIPPED_KB", "0")
    assert Settings.from_env({}).shipped_kb is True
    assert Settings.from_env({"EVENTWIRE_SHIPPED_KB": "off"}).shipped_kb is False
    assert Settings.from_env({"EVENTWIRE_PORT": "9001"}).port == 9001


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("SHIPPED_KB", "maybe", "EVENTWIRE_SHIPPED_KB must be 1/true/yes/on or 0/false/no/off"),
        ("WORKERS", "two", "EVENTWIRE_WORKERS must be an integer, got 'two'"),
    ],
)
def test_a_bad_variable_is_one_clear_error(monkeypatch, name, raw, message) -> None:
    monkeypatch.setenv(f"EVENTWIRE_{name}", raw)
    with pytest.raises(ConfigError, match=message):
        Settings()
    with pytest.raises(ConfigError, match=message):
        Settings.from_env()


def test_defaults_are_listed_for_the_docs(monkeypatch) -> None:
    monkeypatch.setenv("EVENTWIRE_PORT", "9001")  # the declared default, not the variable
    listed = {name: default for name, default, _help in describe()}
    assert listed["port"] == 8000
    assert listed["shipped_kb"] is True
    assert listed["db"] == "eventwire.db"
