"""Name normalisation shared by the resolver and by actor search.

``search_keys`` gives the keys under which an actor is found by any spelling;
the store indexes every alias under these keys and looks a query up the same way.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "–": "-", "—": "-"})
_POSSESSIVE = re.compile(r"(?:'s|s')$", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case, accents removed, typographic quotes and dashes made plain."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def clean_surface(text: str) -> str:
    """A mention's text without brackets, possessive endings and stray punctuation."""
    text = text.translate(_QUOTES)
    text = re.sub(r"[\[\]{}()\"“”]", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:-'")
    text = _POSSESSIVE.sub("", text).strip()
    return text


def plain_key(text: str) -> str:
    """Folded letters and digits only, single spaces: 'Al-Serraj’s' -> 'al serraj'."""
    text = fold(clean_surface(text))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def search_keys(text: str) -> tuple[str, ...]:
    """Keys a name is indexed and searched under (plain form and transliteration key)."""
    from eventwire.resolve.translit import translit_key  # translit builds on this module

    keys = [plain_key(text)]
    tk = translit_key(text)
    if tk and tk not in keys:
        keys.append(tk)
    return tuple(k for k in keys if k)
