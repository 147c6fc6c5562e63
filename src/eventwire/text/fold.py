"""Folding text for comparison: case, accents, typographic quotes and apostrophes."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "–": "-", "—": "-"})
# apostrophes and the ayn/hamza marks of romanised Arabic
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf'`´]")


def plain_quotes(text: str) -> str:
    """Typographic quotes and dashes made plain (same length, so offsets hold)."""
    return text.translate(_QUOTES)


def strip_accents(text: str) -> str:
    """``text`` decomposed (NFKD) without its combining marks."""
    if text.isascii():
        return text  # nothing to decompose: the common case, without a pass per character
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case, accents removed, typographic quotes and dashes made plain."""
    return strip_accents(plain_quotes(text)).lower()


def fold_without_apostrophes(text: str) -> str:
    """ASCII-ish lower case without accents, apostrophes and ayn marks dropped: the form
    place names are compared in ("Sana'a" and "Sanaa" meet)."""
    return _APOSTROPHES.sub("", strip_accents(text)).lower()
