"""User overrides of actor resolution: a TOML file the user edits (or the CLI writes).

    [[merge]]                 # these names are one actor, whatever the rules say
    names = ["Abu Bakr al-Baghdadi", "Baghdadi"]

    [[split]]                 # this name is never the same actor as that one
    name = "Gaddafi"
    from = "Saif al-Islam Gaddafi"

    [[rename]]                # canonical name of the actor found under `name`
    name = "Hifter"
    to = "Khalifa Haftar"

    [[retype]]
    name = "Saiqa"
    type = "armed_group"

    [[incident_join]]         # the incidents holding these events are one incident
    events = ["event_1a2b3c4d5e6f", "event_6f5e4d3c2b1a"]

    [[incident_split]]        # the reports of this event (or article) never share an
    event = "art_0123456789abcdef"  # incident with that one's
    from = "event_6f5e4d3c2b1a"

They are applied on every resolution, in file order, so results stay
deterministic: merges and splits as must-link / cannot-link constraints during
clustering, renames and retypes on the finished actors.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.model import ACTOR_TYPES


@dataclass(frozen=True)
class Overrides:
    merges: tuple[tuple[str, ...], ...] = ()
    splits: tuple[tuple[str, str], ...] = ()  # (name, from)
    renames: tuple[tuple[str, str], ...] = ()  # (name, to)
    retypes: tuple[tuple[str, str], ...] = ()  # (name, type)
    incident_joins: tuple[tuple[str, ...], ...] = ()  # event ids
    incident_splits: tuple[tuple[str, str], ...] = ()  # (event id, from event id)

    def is_empty(self) -> bool:
        return not (self.merges or self.splits or self.renames or self.retypes
                    or self.incident_joins or self.incident_splits)  # fmt: skip


def load_overrides(path: Path) -> Overrides:
    """Read the overrides file; a missing file means no overrides."""
    if not path.exists():
        return Overrides()
    try:
        raw = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read overrides ({exc})") from exc
    try:
        merges = tuple(tuple(str(n) for n in m["names"]) for m in raw.get("merge", []))
        splits = tuple((str(s["name"]), str(s["from"])) for s in raw.get("split", []))
        renames = tuple((str(r["name"]), str(r["to"])) for r in raw.get("rename", []))
        retypes = tuple((str(r["name"]), str(r["type"])) for r in raw.get("retype", []))
        joins = tuple(tuple(str(e) for e in j["events"]) for j in raw.get("incident_join", []))
        apart = tuple((str(x["event"]), str(x["from"])) for x in raw.get("incident_split", []))
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: override entry without {exc}") from exc
    for names in merges:
        if len(names) < 2:
            raise ConfigError(f"{path}: a merge needs at least two names, got {list(names)}")
    for name, kind in retypes:
        if kind not in ACTOR_TYPES:
            raise ConfigError(f"{path}: retype {name!r}: unknown type {kind!r}")
    for events in joins:
        if len(events) < 2:
            raise ConfigError(
                f"{path}: an incident_join needs at least two events, got {list(events)}"
            )
    return Overrides(merges, splits, renames, retypes, joins, apart)


def resolution_fingerprint(settings: Settings) -> str:
    """What besides the documents a resolution depends on, as a short digest: the
    overrides file and the extra actor files (their contents, not their names)."""
    # the version of resolution itself: raised when a stored picture of an older version
    # must be recomputed (2: order-free actor keys, incidents, statistics)
    digest = hashlib.sha1(b"resolution 2")
    # each file by its role, never its path: a store copied or moved with its overrides
    # file beside it keeps its picture current
    files = [(b"overrides", settings.overrides_path)]
    files += [(b"actors", path) for path in settings.actor_file_paths()]
    for role, path in files:
        digest.update(role + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"(absent)")
    return digest.hexdigest()[:16]


def dump_overrides(overrides: Overrides) -> str:
    """The TOML text of the overrides (round-trips through :func:`load_overrides`)."""
    import tomli_w

    data: dict[str, Any] = {}
    if overrides.merges:
        data["merge"] = [{"names": list(m)} for m in overrides.merges]
    if overrides.splits:
        data["split"] = [{"name": n, "from": f} for n, f in overrides.splits]
    if overrides.renames:
        data["rename"] = [{"name": n, "to": t} for n, t in overrides.renames]
    if overrides.retypes:
        data["retype"] = [{"name": n, "type": t} for n, t in overrides.retypes]
    if overrides.incident_joins:
        data["incident_join"] = [{"events": list(j)} for j in overrides.incident_joins]
    if overrides.incident_splits:
        data["incident_split"] = [{"event": e, "from": f} for e, f in overrides.incident_splits]
    return tomli_w.dumps(data)


def add_override(path: Path, kind: str, *args: str) -> Overrides:
    """Append one override (merge / split / rename / retype) to the file and return all."""
    cur = load_overrides(path)
    if kind == "retype" and args[1] not in ACTOR_TYPES:
        raise ConfigError(f"unknown actor type {args[1]!r}; one of {', '.join(ACTOR_TYPES)}")
    if kind in ("merge", "incident_join") and len(args) < 2:
        raise ConfigError(f"a {kind} needs at least two {'names' if kind == 'merge' else 'events'}")
    if kind == "merge":
        new = replace(cur, merges=cur.merges + (tuple(args),))
    elif kind == "split":
        new = replace(cur, splits=cur.splits + ((args[0], args[1]),))
    elif kind == "rename":
        new = replace(cur, renames=cur.renames + ((args[0], args[1]),))
    elif kind == "retype":
        new = replace(cur, retypes=cur.retypes + ((args[0], args[1]),))
    elif kind == "incident_join":
        new = replace(cur, incident_joins=cur.incident_joins + (tuple(args),))
    elif kind == "incident_split":
        new = replace(cur, incident_splits=cur.incident_splits + ((args[0], args[1]),))
    else:
        raise ConfigError(f"unknown override kind {kind!r}")
    text = dump_overrides(new)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write overrides ({exc})") from exc
    return new
