"""Place-name keys shared by the gazetteer builder and its lookups.

``name_key`` folds accents, case, punctuation and a leading Arabic article
(al-/el-/as-/az-/ad-...), so "Az-Zawiyah" and "Zawiyah" meet. ``skeleton``
goes further for transliteration variants (Misrata/Misurata, Derna/Darnah,
Tobruk/Tubruq, Sirte/Surt, Sebha/Sabha): the first letter, then consonants
only, with q=k, common digraphs reduced and repeats collapsed. Skeleton matches
are a weaker fallback, ranked below exact ones. ``without_type_word`` drops the
word naming what kind of division a name is ("Fars Province", "Anhui Sheng",
"Muhafazat Kirkuk"), so the bare name meets the division.
"""

from __future__ import annotations

import re
import unicodedata

from eventwire.text.fold import fold_without_apostrophes as fold
from eventwire.text.translit import place_skeleton as skeleton

# the place-name forms of the text layer's fold and skeleton, under their old names here
__all__ = ["fold", "skeleton"]

# Arabic definite article as romanised in news and in GeoNames, with assimilated forms.
ARTICLES = (
    "al",
    "el",
    "as",
    "az",
    "ad",
    "ash",
    "at",
    "an",
    "ar",
    "ath",
    "adh",
    "es",
    "ez",
    "ed",
    "et",
    "en",
    "er",
    "ech",
    "esh",
    "the",
)
# Prefixes naming a port, cape or coastal site: "Marsa Brega" is also "Brega".
# ("port" is not one: "Port Washington" is no "Washington", nor "Port Said" a "Said".)
SITE_PREFIXES = ("marsa", "mersa", "ras", "bandar")
_ARTICLE = re.compile(r"^(?:" + "|".join(ARTICLES) + r") (?=\S{3,})")
# Words naming a kind of division, in GeoNames' division names and in news.
TYPE_WORDS = frozenset(
    {
        "province",
        "provincia",
        "region",
        "governorate",
        "district",
        "voivodeship",
        "sheng",
        "shi",
        "zizhiqu",
        "muhafazat",
        "muhafazah",
        "rajons",
        "apskritis",
        "rayon",
        "changwat",
        "marz",
        "oblast",
        "oblasti",
        "state",
        "territory",
        "department",
        "departamento",
        "prefecture",
        "wilaya",
        "wilayah",
        "vilayet",
        "ostan",
        "mayorality",
        "municipality",
        "county",
        "of",
    }
)
# Words naming a kind of settlement or site after a name ("Rafah City", "Tabaj village"),
# dropped only when a lookup of the whole name finds nothing: "Kansas City" stays whole.
SETTLEMENT_WORDS = frozenset(
    {
        "city",
        "town",
        "village",
        "camp",
        "area",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "outskirts",
        "oasis",
        "port",
        "subdistrict",
        "sub",
    }
)
# Words that name no place on their own ("Eastern Province" is not "Eastern").
GENERIC_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
        "new",
        "old",
        "great",
        "little",
        "big",
        "saint",
        "st",
        "middle",
        "far",
        "near",
        "centre",
        "center",
        "coast",
        "gulf",
    ]
)


def is_latin(text: str) -> bool:
    """True when ``text`` is written in Latin script (accents allowed)."""
    return all(
        ord(c) < 0x250 or unicodedata.combining(c) or c in "\u2018\u2019\u02bb\u02bc\u02be\u02bf"
        for c in unicodedata.normalize("NFKD", text)
    )


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")  # compiled once: every place lookup keys a name


def name_key(text: str) -> str:
    """The exact-match key of a place name."""
    key = fold(text)
    key = _NOT_ALNUM.sub(" ", key).strip()
    return _ARTICLE.sub("", key)


def variants(key: str) -> list[str]:
    """``key`` and its forms without a site prefix ("marsa brega" -> "brega")."""
    out = [key]
    head, _, rest = key.partition(" ")
    rest = _ARTICLE.sub("", rest)
    if head in SITE_PREFIXES and len(rest) >= 4:  # "Ras al-Ain" is not "Ain"
        out.append(rest)
    return out


# The English compass word opening a division's name, in French, as GeoNames writes the
# divisions of French-speaking countries: "North Kivu" is "Nord-Kivu", "South-West" "Sud-Ouest".
_COMPASS_FRENCH = {
    "north": "nord",
    "south": "sud",
    "east": "est",
    "west": "ouest",
    "northeast": "nord est",
    "northwest": "nord ouest",
    "southeast": "sud est",
    "southwest": "sud ouest",
}


def compass_variants(key: str) -> list[str]:
    """Other spellings of a name opening with a compass word, as gazetteers write
    divisions: the English adjective for the noun and back ("north darfur" -> "northern
    darfur"), and the French word ("north kivu" -> "nord kivu", "south west" -> "sud
    ouest"); [] when ``key`` opens with none or is one word."""
    words = key.split()
    if len(words) < 2:
        return []
    if words[0] in ("north", "south") and words[1] in ("east", "west"):
        words = [words[0] + words[1], *words[2:]]
    first, rest = words[0], words[1:]
    plain = first[:-3] if first.endswith("ern") and first[:-3] in _COMPASS_FRENCH else first
    if plain not in _COMPASS_FRENCH or not rest:
        return []
    french = [_COMPASS_FRENCH.get(w, w) if w in ("east", "west") else w for w in rest]
    out = [" ".join([plain + "ern" if plain == first else plain, *rest])]
    out.append(" ".join([_COMPASS_FRENCH[plain], *french]))
    return [v for v in out if v != key]


_TA_MARBUTA = re.compile(r"(?<=[^aeiouy\s])(?:a|ah|eh)$")


def final_a_variants(key: str) -> list[str]:
    """The other spellings of an Arabic feminine ending (ta marbuta) closing ``key``:
    "karama" is also "karamah", "hasakeh" "hasakah" and "hasaka"; [] for other endings."""
    m = _TA_MARBUTA.search(key)
    if m is None or len(key) < 5:
        return []
    stem = key[: m.start()]
    return [stem + end for end in ("a", "ah", "eh") if stem + end != key]


def without_type_word(key: str, words_to_drop: frozenset[str] = TYPE_WORDS) -> str:
    """``key`` less leading and trailing division-type words ("fars province" -> "fars");
    "" when nothing is left or nothing was dropped."""
    words = key.split()
    while words and words[0] in words_to_drop:
        words.pop(0)
    while words and words[-1] in words_to_drop:
        words.pop()
    core = _ARTICLE.sub("", " ".join(words))
    if core == key or len(core) < 3 or all(w in GENERIC_WORDS for w in core.split()):
        return ""
    return core


# Letters a transliteration writes otherwise or leaves out (vowels, the semivowels y and w,
# a silent h, a space or apostrophe between parts), and consonants one sound is written
# with in different romanisations ("Tubruq"/"Tobruk", "Jandaris"/"Gandaris").
_SOFT_LETTERS = frozenset("aeiouyhw '-")
_SOUND_CLASSES = ("kqcg", "jg", "sz", "td", "fpv")


def _letter_cost(x: str, y: str) -> float:
    if x == y:
        return 0.0
    if (x in _SOFT_LETTERS and y in _SOFT_LETTERS) or any(
        x in c and y in c for c in _SOUND_CLASSES
    ):
        return 0.5
    return 1.0


def spelling_distance(a: str, b: str) -> float:
    """Edits from one name key to another, a vowel, semivowel or silent letter added,
    dropped or written otherwise (and one consonant for another that writes the same
    sound) counting half: "misurata" -> "misratah" is 1.0, "huamanga" -> "huimin" 2.5."""
    prev = [0.0]
    for y in b:
        prev.append(prev[-1] + (0.5 if y in _SOFT_LETTERS else 1.0))
    for x in a:
        drop = 0.5 if x in _SOFT_LETTERS else 1.0
        cur = [prev[0] + drop]
        for j, y in enumerate(b, 1):
            cur.append(
                min(
                    prev[j - 1] + _letter_cost(x, y),
                    prev[j] + drop,
                    cur[j - 1] + (0.5 if y in _SOFT_LETTERS else 1.0),
                )
            )
        prev = cur
    return prev[-1]
