"""Readers for the word lists that extractors use: ``data/count_words.toml``
(casualty counts), ``data/relation_words.toml`` (relation statements),
``data/quote_words.toml`` (direct quotes), ``data/anchor_words.toml`` (anchoring an
event in time) and ``data/page_words.toml`` (caption and credit lines of a page)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from eventwire.errors import ConfigError


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads(files("eventwire.knowledge").joinpath("data", name).read_text("utf-8"))


@dataclass(frozen=True)
class CountWords:
    kind_of: dict[str, str]
    killing_verbs: frozenset[str]
    killing_words: frozenset[str]
    people: frozenset[str]
    suffixes: tuple[str, ...]
    pronouns: frozenset[str]
    totals: frozenset[str]
    subset_words: frozenset[str]
    remains: frozenset[str]
    animals: frozenset[str] = frozenset()  # victims of a killing who are no people


def count_words() -> CountWords:
    """The shipped count vocabulary, read from its file (``Resources`` keeps one copy)."""
    data = _read("count_words.toml")
    people = data["people"]
    return CountWords(
        kind_of={w: kind for kind, words in data["kinds"].items() for w in words},
        killing_verbs=frozenset(data["killing_phrases"]["verbs"]),
        killing_words=frozenset(data["killing_phrases"]["words"]),
        people=frozenset(people["nouns"]),
        suffixes=tuple(people["suffixes"]),
        pronouns=frozenset(people["pronouns"]),
        totals=frozenset(people["totals"]),
        subset_words=frozenset(people["subset_words"]),
        remains=frozenset(people["remains"]),
        animals=frozenset(people.get("animals", ())),
    )


@dataclass(frozen=True)
class RelationWords:
    agent_nouns: dict[str, str]  # the part nouns among them
    part_nouns: frozenset[str]  # "X, the armed wing of Y", "an offshoot of Y"
    adjectives: dict[str, str]
    verbs: dict[str, str]
    describing_verbs: dict[str, str]
    support_nouns: frozenset[str]
    holding_verbs: frozenset[str]
    giving_verbs: frozenset[str]
    group_nouns: frozenset[str]
    charged_verbs: dict[str, str]  # backing only when charged: "accused X of protecting Y"


def relation_words() -> RelationWords:
    """The shipped relation vocabulary, read from its file (``Resources`` keeps one copy)."""
    data = _read("relation_words.toml")
    words = data["words"]
    return RelationWords(
        agent_nouns={**data["agent_nouns"], **data["part_nouns"]},
        part_nouns=frozenset(data["part_nouns"]),
        adjectives=dict(data["adjectives"]),
        verbs=dict(data["verbs"]),
        describing_verbs=dict(data["describing_verbs"]),
        support_nouns=frozenset(words["support_nouns"]),
        holding_verbs=frozenset(words["holding_verbs"]),
        giving_verbs=frozenset(words["giving_verbs"]),
        group_nouns=frozenset(words["group_nouns"]),
        charged_verbs=dict(data["charged_verbs"]),
    )


@dataclass(frozen=True)
class QuoteWords:
    bridge_forms: frozenset[str]  # "said", "told": a speech clause joining two quoted parts


def quote_words() -> QuoteWords:
    """The shipped quote vocabulary, read from its file (``Resources`` keeps one copy)."""
    data = _read("quote_words.toml")
    return QuoteWords(bridge_forms=frozenset(data["bridge"]["forms"]))


ANCHOR_WORDS_VERSION = 1


@dataclass(frozen=True)
class AnchorWords:
    up_to_now: re.Pattern[str]  # "so far", "to date": a figure up to the time of writing
    occurrence: frozenset[str]  # "take (place)", "erupt": a clause saying when it happened


def anchor_words() -> AnchorWords:
    """The shipped anchoring vocabulary, read from its file (``Resources`` keeps one copy)."""
    return parse_anchor_words(_read("anchor_words.toml"), "anchor_words.toml")


def parse_anchor_words(data: dict[str, Any], name: str) -> AnchorWords:
    """:class:`AnchorWords` from the parsed TOML of the file ``name``; a wrong version or a
    missing or empty list is a :class:`ConfigError` naming the file."""
    if data.get("version") != ANCHOR_WORDS_VERSION:
        raise ConfigError(
            f"{name}: version {data.get('version')!r}, expected {ANCHOR_WORDS_VERSION}"
        )
    lists = {}
    for table, key in (("up_to_now", "phrases"), ("occurrence", "lemmas")):
        words = data.get(table, {}).get(key)
        if not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise ConfigError(f"{name}: [{table}] {key} must be a non-empty list of words")
        lists[table] = words
    phrases = "|".join(re.escape(p) for p in lists["up_to_now"])
    return AnchorWords(
        up_to_now=re.compile(rf"\b(?:{phrases})\b", re.IGNORECASE),
        occurrence=frozenset(w.lower() for w in lists["occurrence"]),
    )


PAGE_WORDS_VERSION = 1


@dataclass(frozen=True)
class PageWords:
    """The wording of ``data/page_words.toml`` as patterns over one line of a page."""

    credit_end: re.Pattern[str]  # "... (AP Photo/Jane Doe)": a bracketed credit ends it
    caption_start: re.Pattern[str]  # "Top photo: ...", "Pictured: ...": a label opens it
    syndicated: re.Pattern[str]  # "The post ... appeared first on ...": the whole line

    def is_caption(self, line: str) -> bool:
        """Whether a line (stripped) is a photo caption, a credit or a syndication line."""
        return bool(
            self.credit_end.search(line)
            or self.caption_start.match(line)
            or self.syndicated.fullmatch(line)
        )


def page_words() -> PageWords:
    """The shipped caption and credit wording, read from its file (``Resources`` keeps
    one copy)."""
    return parse_page_words(_read("page_words.toml"), "page_words.toml")


def parse_page_words(data: dict[str, Any], name: str) -> PageWords:
    """:class:`PageWords` from the parsed TOML of the file ``name``; a wrong version or a
    missing or empty list is a :class:`ConfigError` naming the file."""
    if data.get("version") != PAGE_WORDS_VERSION:
        raise ConfigError(f"{name}: version {data.get('version')!r}, expected {PAGE_WORDS_VERSION}")
    alt = {}
    for table, key in (("credit_end", "words"), ("caption_start", "placements"),
                       ("caption_start", "labels"), ("syndicated", "verbs")):  # fmt: skip
        words = data.get(table, {}).get(key)
        if not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise ConfigError(f"{name}: [{table}] {key} must be a non-empty list of words")
        alt[key] = "(?:" + "|".join(re.escape(w) for w in words) + ")"
    return PageWords(
        # the bracket holds no other bracket nor a line end, the credit word within reach
        credit_end=re.compile(
            rf"[(\[][^()\[\]\n]{{0,40}}\b{alt['words']}\b[^()\[\]\n]{{0,60}}[)\]]\s*$",
            re.IGNORECASE,
        ),
        caption_start=re.compile(
            rf"(?:{alt['placements']}\s+)?{alt['labels']}(?:\s*[:|/–—-]|\s+by\b|\s+credit\b|\s*$)",
            re.IGNORECASE,
        ),
        syndicated=re.compile(rf"The post .+ {alt['verbs']} first on .+", re.IGNORECASE),
    )
