"""The event ontology: PLOVER types, their CAMEO and ACLED codes, and the trigger lexicon.

The data live in ``data/ontology.toml``; :func:`load_ontology` reads them once
per call site (callers keep the returned object) and checks that no trigger is
claimed by two types, so a lemma always means one thing.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from eventwire.errors import ConfigError

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True)
class EventType:
    name: str
    cameo: tuple[str, ...]
    acled: tuple[str, str] | None
    relation: tuple[str, str] | None  # (relation type, polarity)
    verbs: frozenset[str]
    nouns: frozenset[str]
    phrasal: frozenset[str]


@dataclass(frozen=True)
class Ontology:
    types: dict[str, EventType]
    acled_by_trigger: dict[str, tuple[str, str]] = field(default_factory=dict)
    legacy: dict[str, str] = field(default_factory=dict)
    triggers: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> lemma -> type

    def verb_type(self, lemma: str) -> str | None:
        return self._index()["verb"].get(lemma.lower())

    def noun_type(self, lemma: str) -> str | None:
        return self._index()["noun"].get(lemma.lower())

    def phrasal_type(self, lemma: str, particle: str) -> str | None:
        return self._index()["phrasal"].get(f"{lemma.lower()} {particle.lower()}")

    def _index(self) -> dict[str, dict[str, str]]:
        return self.triggers

    def codes(self, type_name: str, trigger_lemma: str | None = None) -> dict[str, Any]:
        """CAMEO, PLOVER and ACLED codes for an event of ``type_name``."""
        et = self.types[type_name]
        acled = self.acled_by_trigger.get((trigger_lemma or "").lower()) or et.acled
        return {
            "plover": et.name,
            "cameo": et.cameo[0] if len(et.cameo) == 1 else list(et.cameo),
            "acled": {"event_type": acled[0], "sub_event_type": acled[1]} if acled else None,
        }

    def normalise(self, label: str) -> str | None:
        """A PLOVER label of any version as one of ours (``FIGHT`` -> ``ASSAULT``)."""
        label = label.upper()
        if label in self.types:
            return label
        return self.legacy.get(label)


def _pair(value: Any) -> tuple[str, str] | None:
    return (str(value[0]), str(value[1])) if value else None


def parse_ontology(data: dict[str, Any]) -> Ontology:
    types: dict[str, EventType] = {}
    seen: dict[tuple[str, str], str] = {}
    index: dict[str, dict[str, str]] = {"verb": {}, "noun": {}, "phrasal": {}}
    for name, spec in data.get("types", {}).items():
        et = EventType(
            name=name,
            cameo=tuple(spec.get("cameo", ())),
            acled=_pair(spec.get("acled")),
            relation=_pair(spec.get("relation")),
            verbs=frozenset(spec.get("verbs", ())),
            nouns=frozenset(spec.get("nouns", ())),
            phrasal=frozenset(spec.get("phrasal", ())),
        )
        for kind, words in (("verb", et.verbs), ("noun", et.nouns), ("phrasal", et.phrasal)):
            for word in words:
                if (kind, word) in seen:
                    raise ConfigError(
                        f"ontology: {kind} trigger {word!r} in both {seen[kind, word]} and {name}"
                    )
                seen[kind, word] = name
                index[kind][word] = name
        types[name] = et
    missing = set(PLOVER_TYPES) - set(types)
    if missing:
        raise ConfigError(f"ontology: missing PLOVER types {sorted(missing)}")
    acled = {k: _pair(v) for k, v in data.get("acled_by_trigger", {}).items()}
    return Ontology(
        types=types,
        acled_by_trigger={k: v for k, v in acled.items() if v},
        legacy=dict(data.get("legacy", {})),
        triggers=index,
    )


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The shipped ontology (read-only data, so one cached copy is safe)."""
    text = resources.files("eventwire.knowledge").joinpath("data/ontology.toml").read_text("utf-8")
    return parse_ontology(tomllib.loads(text))
