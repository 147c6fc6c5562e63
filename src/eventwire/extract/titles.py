"""Titles and honorifics around names: stripped from the name, kept as the mention's role.

"Field Marshall Khalifa Haftar" -> name "Khalifa Haftar", role "Field Marshal";
"Defence Minister Sergei Shoigu" -> the title is read from the words before the name.
"""

from __future__ import annotations

import re

# Multi-word titles first so the longest one wins. Matched case-insensitively.
TITLES = (
    "field marshal",
    "field marshall",
    "marshal",
    "marshall",
    "lieutenant general",
    "lt. gen.",
    "lt gen",
    "lt.-gen.",
    "major general",
    "maj. gen.",
    "maj gen",
    "brigadier general",
    "brig. gen.",
    "brig gen",
    "general",
    "gen.",
    "gen",
    "colonel",
    "col.",
    "col",
    "lieutenant",
    "lt.",
    "major",
    "maj.",
    "captain",
    "capt.",
    "commander",
    "admiral",
    "sergeant",
    "sgt.",
    "prime minister",
    "deputy prime minister",
    "foreign minister",
    "defence minister",
    "defense minister",
    "interior minister",
    "oil minister",
    "finance minister",
    "minister",
    "president",
    "vice president",
    "vice-president",
    "chairman",
    "chairwoman",
    "speaker",
    "secretary-general",
    "secretary general",
    "secretary of state",
    "secretary",
    "ambassador",
    "special envoy",
    "envoy",
    "special representative",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "king",
    "queen",
    "prince",
    "crown prince",
    "emir",
    "sheikh",
    "shaykh",
    "grand mufti",
    "mufti",
    "imam",
    "mayor",
    "governor",
    "county commissioner",
    "police commissioner",
    "commissioner",
    "father",
    "bishop",
    "archbishop",
    "pastor",
    "reverend",
    "rev.",
    "senator",
    "chancellor",
    "mr.",
    "mr",
    "mrs.",
    "mrs",
    "ms.",
    "ms",
    "dr.",
    "dr",
    "sir",
    "dame",
    "leader",
    "military leader",
    "army chief",
    "military commander",
    "strongman",
    "warlord",
    # heads and members of bodies and legislatures, as South Asian papers title them: "INLD
    # supremo Chautala", "Intelligence Chief Omar Sadiq", "mla Ravi Desai", "convener Sen"
    "chief justice",
    "chief of staff",
    "chief of army staff",
    "chief executive",
    "chief secretary",
    "chief",
    "supremo",
    "convener",
    "convenor",
    "mla",
    "mlc",
    "legislator",
    "lawmaker",
    "parliamentarian",
    "councillor",
    "councilor",
    "corporator",
    # ranks of police and the lower ranks of armies: "Inspector Ravi Nair", "Sgt Omar Ruiz"
    "police inspector",
    # superintendents of police, as Indian, Pakistani and Nigerian police rank their officers,
    # written out or by their initials: "Superintendent of Police Ravi Nair", "DSP Ana Obi"
    "deputy superintendent of police",
    "assistant superintendent of police",
    "additional superintendent of police",
    "senior superintendent of police",
    "superintendent of police",
    "deputy inspector general of police",
    "inspector general of police",
    "deputy inspector general",
    "superintendent",
    "dsp",
    "asp",
    "ssp",
    "csp",
    "dcp",
    "acp",
    "dig",
    "igp",
    "inspector general",
    "sub-inspector",
    "inspector",
    "head constable",
    "constable",
    "sgt",
    "corporal",
    # the ranks of other ranks, as armies and rangers title their own: "Private Ana Ruiz",
    # "Lance Corporal Omar Haddad", "Havildar Ravi Nair", "Sainik Ali Khan", "Ranger
    # Sergeant Tomas Berg" (a game ranger's rank before an army one)
    "staff sergeant",
    "lance corporal",
    "private",
    "pte.",
    "pte",
    "ranger",
    "havildar",
    "lance naik",
    "naik",
    "subedar",
    "sepoy",
    "sainik",
    "sheriff",
    "district magistrate",
    "magistrate",
    "collector",
    "judge",
    # religious honorifics of South Asian and Muslim usage: "Maulana Idris Khan", "Mahant Ram Das"
    "maulana",
    "maulvi",
    "mahant",
    "acharya",
    "swami",
    "sadhvi",
    "pandit",
    # pilgrims' honorifics of West African usage: "Hajiya Amina Bello", "Alhaji Musa Ado"
    "hajiya",
    "hajia",
    "alhaja",
    "alhaji",
)
_TITLE_SET = frozenset(TITLES)
_MAX_TITLE_WORDS = max(len(t.split()) for t in TITLES)
_CANONICAL = {
    "marshall": "marshal",
    "gen.": "general",
    "gen": "general",
    "col.": "colonel",
    "col": "colonel",
    "lt.": "lieutenant",
    "mr.": "mr",
    "dr.": "dr",
}
# A title may be qualified by the body or country it serves: "UN Envoy", "Russian President",
# "Sudanese Army Chief". The qualifier is an acronym or a demonym-shaped adjective, kept in the role.
_QUALIFIER = r"(?:(?:[A-Z]{2,5}|U\.[A-Z]\.(?:[A-Z]\.)?|[A-Z][a-z]+(?:an|ese|i|ish|ch))\s+)?"
# Titles that are also a middle part of a name ("Hassan Sheikh Mohamud", "Sharif Sheikh
# Ahmed"): never qualified, so a given name shaped like a demonym ("Hassan") before one is
# part of the name, not of the title.
_NAME_PART_TITLES = frozenset({"sheikh", "shaykh"})


def _alternatives(titles: tuple[str, ...]) -> str:
    return "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))


_LEADING = re.compile(
    r"^(?:"
    + _QUALIFIER
    + r"(?:"
    + _alternatives(tuple(t for t in TITLES if t not in _NAME_PART_TITLES))
    + r")|(?:"
    + _alternatives(TITLES)
    + r"))(?:\s+|$)",
    re.IGNORECASE,
)


# Police ranks written by their initials, in capitals: titles, not acronyms of a name.
RANK_INITIALS = frozenset({"DSP", "ASP", "SSP", "CSP", "DCP", "ACP", "DIG", "IGP"})


def is_title(words: str) -> bool:
    return words.lower() in _TITLE_SET and not _capital_abbreviation(words.split()[-1])


def _capital_abbreviation(word: str) -> bool:
    """A short title word written in capitals without a dot is an acronym: "DR" of "DR
    Congo" (the Democratic Republic), not "Dr"; "COL", "GEN" likewise. A police rank's
    initials ("DSP", "SP" spelt out as "Superintendent of Police") are the rank."""
    return len(word) <= 3 and word.isalpha() and word.isupper() and word not in RANK_INITIALS


def canonical_title(title: str) -> str:
    """A stripped title in a tidy form: 'Field Marshall' -> 'Field Marshal', 'Gen.' -> 'General'."""
    words = [_CANONICAL.get(w.lower(), w.lower()) for w in title.split()]
    return " ".join(
        w.upper()
        if w.upper() in RANK_INITIALS
        else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
        for w in words
    )


def strip_titles(name: str) -> tuple[str, str | None]:
    """Remove leading titles from a name; return (name, role or None).

    A name that is only a title stays as it is (the caller decides what to do)."""
    found: list[str] = []
    rest = name.strip()
    while True:
        m = _LEADING.match(rest)
        if not m or not rest[m.end() :].strip() or _capital_abbreviation(m.group().split()[-1]):
            break
        if rest[m.end() :].lower().startswith("of "):
            break  # "Chief of Mission X": a longer title than the list knows, left whole
        found.append(rest[: m.end()].strip())
        rest = rest[m.end() :].strip()
    if not found:
        return name.strip(), None
    return rest, " ".join(_with_qualifier(f) for f in found)


def _with_qualifier(title: str) -> str:
    """'UN Envoy' -> 'UN Envoy', 'Russian president' -> 'Russian President'."""
    first, _, rest = title.partition(" ")
    if rest and not is_title(title) and not is_title(first):
        return f"{first} {canonical_title(rest)}"
    return canonical_title(title)


def title_before(words: list[str]) -> str | None:
    """The longest title that ends the given words (the words just before a name)."""
    for n in range(min(_MAX_TITLE_WORDS, len(words)), 0, -1):
        tail = " ".join(words[-n:])
        if is_title(tail):
            return canonical_title(tail)
    return None
