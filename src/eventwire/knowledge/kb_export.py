"""A store's resolved actors written as a KB file, to edit and load back.

    n = write_kb_file(store.actors(), "my_actors.toml", load_kb(settings))

The file has the fields of the shipped region files (docs/kb.md), so naming it in the
``actor_files`` setting loads it back. An actor that came from the KB keeps its KB id
(so the edited entry replaces the shipped one); any other gets an id made from its
name. Countries (built in) and unnamed groups ("police") are left out.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from eventwire.errors import ConfigError
from eventwire.knowledge.kb import ISO_PARTIAL_DATE, KB
from eventwire.model import Actor

SKIPPED_TYPES = frozenset({"country", "group"})

_HEADER = """\
# Actors exported by `eventwire actors --export-kb` from a store's resolved picture.
# Edit freely (names, aliases, types, roles, distinct_from), then load it back by naming
# this file in the actor_files setting (EVENTWIRE_ACTOR_FILES). Format: docs/kb.md.
"""


def _slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "actor"


def _q(value: str) -> str:
    """A TOML basic string (JSON string escapes are valid TOML escapes)."""
    return json.dumps(value, ensure_ascii=False)


def _ids(actors: list[Actor]) -> dict[str, str]:
    """Actor id -> entry id: the KB id when there is one, else ``user:<name>``, made
    unique in name order so the same store always gives the same ids."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for a in sorted(actors, key=lambda a: (a.kb_id is None, a.name, a.id)):
        base = a.kb_id or f"user:{_slug(a.name)}"
        entry_id, n = base, 2
        while entry_id in taken:
            entry_id, n = f"{base}-{n}", n + 1
        taken.add(entry_id)
        out[a.id] = entry_id
    return out


def render_kb(actors: Iterable[Actor], kb: KB | None = None) -> str:
    """The TOML text of a KB file holding ``actors``; ``kb`` supplies the known-distinct
    pairs of actors that came from it (kept when both sides are exported)."""
    kept = [a for a in actors if a.type not in SKIPPED_TYPES]
    ids = _ids(kept)
    exported = set(ids.values())
    lines = [_HEADER]
    for a in sorted(kept, key=lambda a: ids[a.id]):
        lines += [
            "[[actor]]",
            f"id = {_q(ids[a.id])}",
            f"name = {_q(a.name)}",
            f"type = {_q(a.type)}",
        ]
        if a.country:
            lines.append(f"country = {_q(a.country)}")
        aliases = [x for x in dict.fromkeys(a.aliases) if x != a.name]
        if aliases:
            lines.append("aliases = [" + ", ".join(_q(x) for x in aliases) + "]")
        if a.roles:
            lines.append("roles = [")
            for r in a.roles:
                fields = [f"title = {_q(r.title)}"]
                dates = (("start", r.start), ("end", r.end))
                # a date read from text in another form is left for the user to add
                fields += [f"{k} = {_q(v)}" for k, v in dates if v and ISO_PARTIAL_DATE.match(v)]
                lines.append("  { " + ", ".join(fields) + " },")
            lines.append("]")
        entry = kb.get(a.kb_id) if kb is not None and a.kb_id else None
        distinct = [d for d in (entry.distinct_from if entry else ()) if d in exported]
        if distinct:
            lines.append("distinct_from = [" + ", ".join(_q(d) for d in distinct) + "]")
        lines.append("")
    return "\n".join(lines)


def write_kb_file(actors: Iterable[Actor], path: str | Path, kb: KB | None = None) -> int:
    """Write ``actors`` as a KB file at ``path``; returns how many entries it holds."""
    text = render_kb(actors, kb)
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write KB file ({exc.strerror or exc})") from exc
    return text.count("[[actor]]")
