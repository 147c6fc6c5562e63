"""Name normalisation shared by the resolver and by actor search.

``search_keys`` gives the keys under which an actor is found by any spelling;
the store indexes every alias under these keys and looks a query up the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from eventwire.text.fold import fold, plain_quotes
from eventwire.text.translit import translit_key

_POSSESSIVE = re.compile(r"(?:'s|s')$", re.IGNORECASE)
# Initials written with dots ("U.N.", "U.S.-backed"): one acronym with or without them.
_DOTTED_INITIALS = re.compile(r"\b((?:[A-Z]\.){2,})(?=[\s,;:)'-]|$)")
# compiled once: these run for every name tried against the KB
_BRACKETS = re.compile(r"[\[\]{}()\"“”]")
_SPACES = re.compile(r"\s+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def clean_surface(text: str) -> str:
    """A mention's text without brackets, possessive endings and stray punctuation."""
    text = plain_quotes(text)
    text = _DOTTED_INITIALS.sub(lambda m: m.group(1).replace(".", ""), text)
    text = _BRACKETS.sub(" ", text)
    text = _SPACES.sub(" ", text).strip(" ,.;:-'")
    text = _POSSESSIVE.sub("", text).strip()
    return text


def plain_key(text: str) -> str:
    """Folded letters and digits only, single spaces: 'Al-Serraj’s' -> 'al serraj'."""
    text = fold(clean_surface(text))
    return _NOT_ALNUM.sub(" ", text).strip()


def search_keys(text: str) -> tuple[str, ...]:
    """Keys a name is indexed and searched under (plain form and transliteration key)."""
    keys = [plain_key(text)]
    tk = translit_key(text)
    if tk and tk not in keys:
        keys.append(tk)
    return tuple(k for k in keys if k)


_STOP_INITIALS = {"of", "the", "and", "for", "in", "de", "du", "al", "el", "on", "to"}


def initials(name: str) -> str:
    """Capital initials of a name's content words: 'Government of National Accord' -> 'GNA'."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _STOP_INITIALS]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


class NameKeys:
    """:func:`plain_key`, :func:`translit_key` and :func:`clean_surface` of the strings
    asked before, remembered.

    The same names are looked up again and again (a demonym per mention, a KB name per
    word run); an owner (the KB) keeps one of these. Pure functions of the text, so the
    answers never go stale; each table is emptied when it reaches ``limit`` entries."""

    def __init__(self, limit: int = 65_536) -> None:
        self.limit = limit
        self._plain: dict[str, str] = {}
        self._translit: dict[str, str] = {}
        self._surface: dict[str, str] = {}

    def plain(self, text: str) -> str:
        return self._answer(self._plain, plain_key, text)

    def translit(self, text: str) -> str:
        return self._answer(self._translit, translit_key, text)

    def surface(self, text: str) -> str:
        return self._answer(self._surface, clean_surface, text)

    def _answer(self, table: dict[str, str], key: Callable[[str], str], text: str) -> str:
        got = table.get(text)
        if got is None:
            if len(table) >= self.limit:
                table.clear()
            got = table[text] = key(text)
        return got
