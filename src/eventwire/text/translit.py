"""Transliteration keys: one key for the many romanisations of a name.

Two rule sets, because people's and places' names vary differently: :func:`translit_key`
(people and organisations, below) and :func:`place_skeleton` (places, at the end).

People's names

News writes one name many ways (Haftar, Hiftar, Heftar, Hifter; Gaddafi, Qaddafi,
Gadhafi; al-Serraj, al-Sarraj; Abdel, Abdul, Abd al-). :func:`translit_key` maps
them to one consonant skeleton per token:

* articles (al-, el-, as-, ad-, ...) before a name are dropped, Abdel/Abdul/Abd al-
  become ``abd``;
* digraphs fold to one letter (kh, gh, q, g, k -> k; dh, th?, z, d -> d; sh -> s; ou -> u);
* doubled letters collapse; vowels (and y, w between letters) are dropped, but a
  word-initial vowel is kept as ``a`` so Ahmed and Hamed stay apart.

The key is deliberately coarse: it proposes merges, and the resolver's blocking
rules (given names, types, KB) decide.
"""

from __future__ import annotations

import re

from eventwire.text.fold import fold

# Arabic definite article and its sun-letter assimilations, as romanised in news.
ARTICLES = frozenset({"al", "el", "ul", "il", "as", "ad", "an", "ar", "at", "az", "ash", "adh"})
_ABD = re.compile(r"^ab(?:d|ed|del|dul|dal|dil|dol|dou|dou?l)$")
_ABD_PREFIX = re.compile(r"^abd(?:el|ul|al|il|ol)?(?=[a-z]{3,})")
_DIGRAPHS = (
    ("kh", "k"),
    ("gh", "k"),
    ("dh", "d"),
    ("th", "t"),
    ("sh", "s"),
    ("ch", "s"),
    ("ph", "f"),
    ("ou", "u"),
    ("ck", "k"),
    ("dj", "j"),
)
_LETTER_CLASS = str.maketrans({"q": "k", "g": "k", "c": "k", "z": "d", "v": "f", "x": "ks"})
_VOWELS = set("aeiouyw")


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[^a-z0-9]+", fold(text)) if t]


def _strip_articles(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if _ABD.match(tok):
            out.append("abd")
            # "Abd al-Rahman": the article after Abd belongs to it.
            if nxt in ARTICLES:
                i += 1
        elif (m := _ABD_PREFIX.match(tok)) is not None:
            out.extend(["abd", tok[m.end() :]])
        elif tok in ARTICLES and nxt is not None:
            pass  # article before a name: dropped
        else:
            out.append(tok)
        i += 1
    return out


_REPEATS = re.compile(r"(.)\1+")  # a doubled letter, written once


def _digraphs_written_once(token: str) -> str:
    """``token`` with each digraph of :data:`_DIGRAPHS` written as its one letter."""
    for digraph, repl in _DIGRAPHS:
        token = token.replace(digraph, repl)
    return token


def skeleton(token: str) -> str:
    """Consonant skeleton of one folded token ('gadhafi' -> 'kdf')."""
    if token == "abd" or token.isdigit():
        return token
    word = _digraphs_written_once(token).translate(_LETTER_CLASS)
    word = _REPEATS.sub(r"\1", word)
    head = "a" if word[:1] in _VOWELS - {"y", "w"} else ""
    body = "".join(c for i, c in enumerate(word) if c not in _VOWELS or (i == 0 and c in "yw"))
    return head + body or word


def translit_key(text: str) -> str:
    """One key shared by the common romanisations of a name ('Al-Sarraj' -> 'srj')."""
    return " ".join(skeleton(t) for t in _strip_articles(_tokens(text)))


def token_keys(text: str) -> list[str]:
    """Per-token skeletons, articles removed, in order."""
    return [skeleton(t) for t in _strip_articles(_tokens(text))]


# A skeleton of up to three consonants is shared by many unrelated words ("Hair", "Here" and
# "Hiro" are all ``hr``; "Sana", "Sena" and "Sunni" ``sn``; "IS" and "US" ``as``; "Hamas"
# and "Homs" ``hms``; "Sangh" and "Singh" ``snk``), while the spellings of one short name
# keep its first vowel's sound (Saleh/Salih, Zaid/Zeid, Musa/Moussa, Omar/Umar,
# Qaida/Qaeda, Gaddafi/Qadhafi, Morsi/Mursi, Hussein/Husain). A one-word name's key, and a
# family name's, carry that vowel's class when the skeleton is that short; from four
# consonants on (Haftar/Hiftar, Mohammed/Muhammad) the skeleton alone is rare enough. The
# number of vowel groups (syllables, roughly) goes with the class: a spelling may double a
# vowel or write "ai" for "e", never add a syllable ("Naidoo" is no "NDA", "Maliya" no
# "Mail", "Goda" no "God").
_VOWEL_CLASSES = {"a": "a", "e": "a", "i": "i", "y": "i", "o": "u", "u": "u"}
SHORT_SKELETON = 3  # consonants, at most, of a skeleton too coarse to key a word alone
_VOWEL_GROUP = re.compile(r"(?<=.)[aeiouyw]+|^[aeiou][aeiouyw]*")  # initial y, w: consonants


def marked_skeleton(token: str) -> str:
    """:func:`skeleton` of one folded token, with ``~``, the class of its first vowel (a/e,
    i/y, o/u) and its number of vowel groups when it has at most :data:`SHORT_SKELETON`
    consonants: 'hair' -> 'hr~a1', 'hiro' -> 'hr~i2', 'hamas' -> 'hms~a2', 'homs' ->
    'hms~u1', 'haftar' -> 'hftr'."""
    key = skeleton(token)
    if token == "abd" or token.isdigit():
        return key
    word = _digraphs_written_once(token)
    consonants = key[1:] if key[:1] == "a" and word[:1] in _VOWEL_CLASSES else key
    if len(consonants) > SHORT_SKELETON:
        return key
    # y starts a word as a consonant ("Yemen"); elsewhere it is a vowel ("Deby")
    vowel = next((c for i, c in enumerate(word) if c in _VOWEL_CLASSES and (i or c != "y")), "")
    if not vowel:
        return key
    return f"{key}~{_VOWEL_CLASSES[vowel]}{len(_VOWEL_GROUP.findall(word))}"


def name_key(text: str) -> str:
    """The key a name is grouped by: :func:`translit_key` for a name of several words; for
    a one-word name, :func:`marked_skeleton` ("Hair" is no "Hiro", "IS" no "US", "Homs" no
    "Hamas")."""
    tokens = _strip_articles(_tokens(text))
    return marked_skeleton(tokens[0]) if len(tokens) == 1 else translit_key(text)


def family_key(text: str) -> str:
    """The :func:`name_key` of a full name's last word, the one a bare family name meets
    ("Dilip Hiro" -> 'hr~i2')."""
    tokens = _strip_articles(_tokens(text))
    return marked_skeleton(tokens[-1]) if tokens else ""


def spelling(text: str) -> str:
    """A name's folded words without articles, a doubled letter written once: the form two
    spellings are compared in ('Al-Gaddafi' -> 'gadafi')."""
    return " ".join(_REPEATS.sub(r"\1", t) for t in _strip_articles(_tokens(text)))


# -- places ------------------------------------------------------------------------------
# Transliteration variants of place names (Misrata/Misurata, Derna/Darnah, Tobruk/Tubruq,
# Sirte/Surt, Sebha/Sabha): vowels matter less and the first letter more than in people's
# names, so the table folds vowels together and keeps the first letter.
_PLACE_DIGRAPHS = (
    ("kh", "k"),
    ("gh", "g"),
    ("sh", "s"),
    ("dh", "d"),
    ("th", "t"),
    ("ch", "k"),
    ("ph", "f"),
    ("ou", "u"),
    ("q", "k"),
    ("c", "k"),
    ("j", "g"),
    ("z", "s"),
    ("v", "w"),
    ("e", "a"),
    ("o", "u"),
    ("i", "a"),
)


def place_skeleton(key: str) -> str:
    """A transliteration-tolerant key of a place-name key: first letter, then consonants
    without h/w/y ("misurata" -> "msrt")."""
    word = key.replace(" ", "")
    if not word:
        return ""
    for a, b in _PLACE_DIGRAPHS:
        word = word.replace(a, b)
    first, rest = word[0], re.sub(r"[aeiouhwy0-9]", "", word[1:])
    rest = re.sub(r"(.)\1+", r"\1", rest)
    if first in "aeiou":
        first = "a"
    return first + rest
