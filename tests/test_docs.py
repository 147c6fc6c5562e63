"""Contracts stay documented: a setting, CLI command or export field added without docs fails."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.cli import app
from eventwire.config import describe
from eventwire.schema import export_schema

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "settings.md").read_text()
    for name, _default, help_text in describe():
        assert f"`{name}`" in text, f"setting {name} missing from docs/settings.md"
        assert help_text, f"setting {name} has no help text"


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## ", text, flags=re.M)[1:]
    return {p.split("\n", 1)[0].strip(): p for p in parts}


@pytest.mark.parametrize(
    "variant", export_schema()["oneOf"], ids=lambda v: v["properties"]["kind"]["const"]
)
def test_every_export_field_is_documented(variant: dict) -> None:
    kind = variant["properties"]["kind"]["const"]
    section = _sections((DOCS / "export.md").read_text()).get(kind)
    assert section, f"docs/export.md has no section for {kind}"
    for field in variant["properties"]:
        if field != "kind":
            assert f"`{field}`" in section, f"{kind}.{field} missing from docs/export.md"


def _command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        names.append(name)
        for sub in getattr(command, "commands", {}):
            names.append(f"{name} {sub}")
    return names


def test_every_cli_command_is_documented() -> None:
    text = (DOCS / "cli.md").read_text()
    for name in _command_names():
        assert f"eventwire {name}" in text, f"`eventwire {name}` missing from docs/cli.md"
