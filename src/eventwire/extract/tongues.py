"""Words of another tongue written in Latin letters: never a name.

A quote or a slogan in Hindi or Urdu that a South Asian paper leaves in its English text
("yeh hamari marzi hai") is tagged as names by the model or a case-restoring step.
"""

from __future__ import annotations


def in_another_tongue(words: list[str]) -> bool:
    """Words of a sentence of Hindi or Urdu written in Latin letters, which a quote or a
    slogan in a South Asian paper leaves in the English text ("yeh hamari marzi hai",
    "kaisa insaaf?"): no name, however the model or a case-restoring step tags them. One
    word that only such a sentence has ("yeh", "nahi", "kaisa", "unhone") is enough; a
    short word some names share ("ki", "se", "ko" of "Ban Ki-moon") needs another."""
    low = [w.lower() for w in words]
    strong = sum(w in _TONGUE_WORDS for w in low)
    weak = sum(w in _TONGUE_SHORT_WORDS for w in low)
    return strong >= 1 or weak >= 2


# Hindi and Urdu function words, pronouns and auxiliaries, in their common Latin spellings;
# none that is also a part of names elsewhere ("Hai", "Thi" and "Hoon" in Vietnamese and
# Korean names, "Gaya" a town, "Raha" a given name).
_TONGUE_WORDS = frozenset(
    ["hain", "nahi", "nahin", "yeh", "woh", "kya", "kaisa", "kaise", "kaun", "unhone",
     "unka", "unki", "unke", "meri", "hamara", "hamari", "hamare", "tumhara", "apna", "apni",
     "apne", "karo", "karna", "kiya", "gayi", "rahe", "hota", "hoti", "chahiye", "lekin"]
)  # fmt: skip
_TONGUE_SHORT_WORDS = frozenset(
    ["ka", "ki", "ke", "ko", "se", "mein", "main", "bhi", "toh", "ek", "sab", "ab", "hum",
     "ham", "tum", "aap", "kar", "par", "jo", "na"]
)  # fmt: skip
