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


ROOT = DOCS.parent
PACKAGE = ROOT / "src" / "eventwire"
_FILE = re.compile(r"[\w./*-]+(?:\.py|\.toml|\.md|\.tsv\.gz|/)")
_DOTTED = re.compile(r"(?:[a-z_]+\.)+[A-Za-z_]+")
NOT_OURS = {"nlp.pipe"}  # spaCy's Language.pipe, named as its users write it


def _exists(path: str) -> bool:
    """A path as docs/architecture.md writes it: from the repository (``docs/``,
    ``bench/``, ``tests/``), from the package (``extract/docview.py``), or a file's bare
    name where its folder is said around it (``placechoice.py``, ``conftest.py``)."""
    if any((base / path).exists() or list(base.glob(path)) for base in (ROOT, PACKAGE)):
        return True
    bare = path.rstrip("/")
    return "/" not in bare and any(list(base.rglob(bare)) for base in (PACKAGE, ROOT / "tests"))


def test_every_path_the_architecture_names_exists() -> None:
    text = (DOCS / "architecture.md").read_text("utf-8")
    named = {m for m in re.findall(r"`([^`\s]+)`", text) if _FILE.fullmatch(m)}
    assert len(named) > 50  # the page names its modules: the test reads them
    assert sorted(p for p in named if not _exists(p)) == []


def test_every_module_attribute_the_architecture_names_exists() -> None:
    """``views.dates.bucket``, ``model.DocumentRecords``: a module of the package and a name
    in it (a renamed function fails here, not in a newcomer's hands)."""
    import importlib

    text = (DOCS / "architecture.md").read_text("utf-8")
    missing = []
    for dotted in sorted(set(re.findall(r"`([^`\s(]+)", text))):
        first = dotted.split(".")[0]
        if _FILE.fullmatch(dotted) or dotted in NOT_OURS or not _DOTTED.fullmatch(dotted):
            continue
        if not ((PACKAGE / first).is_dir() or (PACKAGE / f"{first}.py").exists()):
            continue
        module, _, name = dotted.rpartition(".")
        try:
            found = hasattr(importlib.import_module(f"eventwire.{module}"), name)
        except ModuleNotFoundError:
            found = (PACKAGE / module.replace(".", "/") / f"{name}.py").exists()
        if not found:
            missing.append(dotted)
    assert missing == []


_FENCE = re.compile(r"^```.*?^```", re.M | re.S)
_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.M)


def _anchors(text: str) -> set[str]:
    """A Markdown file's heading anchors as GitHub makes them: the heading's text (a
    link's text, not its target) lower-cased, punctuation dropped, spaces to hyphens, and
    ``-1``, ``-2`` after a repeated one."""
    anchors = set()
    repeats: dict[str, int] = {}
    for heading in _HEADING.findall(_FENCE.sub("", text)):
        words = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
        slug = re.sub(r"[^\w\- ]", "", words.lower()).replace(" ", "-")
        repeats[slug] = repeats.get(slug, -1) + 1
        anchors.add(f"{slug}-{repeats[slug]}" if repeats[slug] else slug)
    return anchors


def _links(text: str) -> list[str]:
    """The targets of a Markdown file's links and images, outside code."""
    prose = re.sub(r"`[^`\n]*`", "", _FENCE.sub("", text))
    return _LINK.findall(prose)


def _documents() -> list[Path]:
    return sorted(DOCS.glob("*.md")) + sorted(DOCS.glob("history/*.md")) + [ROOT / "README.md"]


def test_anchors_follow_githubs_rule() -> None:
    text = "# Issue 18, eighth round: migration 28\n## `top` -> 40 (x)\n## Again\n## Again\n"
    assert _anchors(text) == {
        "issue-18-eighth-round-migration-28",
        "top---40-x",
        "again",
        "again-1",
    }


def test_every_relative_link_and_anchor_resolves() -> None:
    """A link from one doc to another (or into the code) names a file that exists, and its
    ``#anchor`` a heading of that file: moving a section or renaming a heading fails here."""
    broken = []
    for document in _documents():
        for target in _links(document.read_text("utf-8")):
            if re.match(r"[a-z][a-z0-9+.-]*:", target):  # http:, mailto: ...
                continue
            path, _, anchor = target.partition("#")
            linked = (document.parent / path) if path else document
            where = f"{document.relative_to(ROOT)}: {target}"
            if not linked.exists():
                broken.append(f"{where} (no such file)")
            elif anchor and linked.suffix == ".md" and anchor not in _anchors(linked.read_text()):
                broken.append(f"{where} (no such heading)")
    assert broken == []
