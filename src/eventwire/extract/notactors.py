"""Names that are never actors, whatever the model's entity tagger says.

Each rule names the construction that makes a word look like a name:

* a weekday or month ("on Monday", "in May"): a date, unless a title stands before it
  ("Prime Minister May", read by the caller as a person); a name made only of date and
  clock words ("Wed Apr 6, 2016 9:12", "Fri Aug"): a wire story's time stamp;
* a lone capitalised common word: a sentence- or bracket-initial noun ("(Emphasis
  added.)"), an adjective ("Orwellian newspeak", "Civil War"), or a bare collective
  noun ("Forces" of a cut-off dateline);
* comment-form and share-box boilerplate under a web article ("You are commenting
  using your Twitter account", "Twitter picture") and the site's own notices ("If you
  need help using the site?", "The Outlet is not responsible for the content it links
  to", "our Privacy Policy");
* a quantity of people ("8 million Malians", "thousands of Sudanese"): people counted,
  not a state acting;
* a stance adjective ("Pro-Ankara factions", "Anti-Houthi forces"): people for or
  against someone, not that someone;
* a wire credit: an outlet in brackets after a dateline's place or date, before a dash
  ("NAIROBI, May 2 (Wire) -", "Juba, South Sudan (Agency) --"), and a bracket of the
  reporters and editors ("(Reporting by A; editing by B)"): the story's makers
  (:func:`eventwire.extract.wire_credits.wire_credits`);
* a code of letters and digits ("M23", "F-16", "S-300", "Su-25"): a group's or a
  weapon's designation, never a place;
* a known place ("fighters from Kidal", "seized Walikale"): where someone is from or
  where something happens, not who acts (:func:`place_test`), and so is a name an
  appositive calls a settlement ("Kabu, a town south of Lira": :func:`settlement_appositive`).

Modules of their own hold the datelines and credits glued to a name
(:mod:`eventwire.extract.datelines`), a country named as where something is
(:mod:`eventwire.extract.locatives`), words of another tongue
(:mod:`eventwire.extract.tongues`) and things named like people
(:mod:`eventwire.extract.things`).
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from typing import Any

from eventwire.knowledge.wordcase import WordCase
from eventwire.text.calendar_words import (
    MONTH_ABBREVIATIONS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
    month_numbers,
)

WEEKDAYS = frozenset(WEEKDAY_NAMES)  # full names only: "Sun", "Sat", "Wed" alone are words
MONTHS = frozenset(month_numbers(abbreviations=True))  # "Sept", "Dec" alone are still dates
# Collective nouns that name no one on their own when capitalised ("Forces", "Army").
BARE_COLLECTIVES = frozenset(
    ["forces", "force", "army", "armies", "troops", "militia", "militias", "government",
     "police", "military", "rebels", "fighters", "authorities", "ministry", "council",
     "brigade", "brigades", "coalition", "alliance", "movement", "front", "party", "group",
     "groups", "people", "civil", "state", "security", "officials", "sources"]
)  # fmt: skip

# Short weekday and month forms a wire story's time stamp writes ("Wed Apr 6"), read only
# together with another date or clock word ("Sun" alone is a word).
_SHORT_CALENDAR = frozenset(
    form for forms in WEEKDAY_ABBREVIATIONS + MONTH_ABBREVIATIONS for form in forms
)
_CLOCK = re.compile(
    r"^\d{1,2}[:.]\d{2}$|^\d{1,4}(?:st|nd|rd|th)?$|^(?:[ap]\.?m\.?)$", re.IGNORECASE
)

# Comment forms and share boxes of blogging platforms: the platform names in them are
# account providers, not actors.
_COMMENT_FORM = re.compile(
    r"\bcommenting using your\b|\blog (?:out|in)\b|\bnotify me of new\b|\bleave a reply\b"
    r"|^\s*\S+ (?:picture|photo|icon)\s*$|\bshare (?:this|on)\b|\bclick to share\b"
    # a site's own notices: "Need help using the site?", "ring our switchboard", "is not
    # responsible for the content it links to", "our Terms of Service"
    r"|\bhelp using the site\b|\bswitchboard\b|\bnot responsible for the content\b"
    r"|\bterms of (?:service|use)\b|\bprivacy policy\b|\brules of conduct\b",
    re.IGNORECASE,
)


# Time zones written after a clock time ("around 1 a.m. GMT").
TIME_ZONES = frozenset(["gmt", "utc", "est", "edt", "cet", "cest", "eat", "cat", "wat", "bst"])


def is_calendar_word(text: str) -> bool:
    """A weekday, a month or a time zone written alone ("Monday", "May", "GMT")."""
    return text.strip().rstrip(".").lower() in WEEKDAYS | MONTHS | TIME_ZONES


def is_date_stamp(text: str) -> bool:
    """A name made only of date and clock words, two or more of them, one a weekday or
    month ("Wed Apr 6, 2016 9:12", "Fri Aug", "Tue Mar 3"): a wire story's time stamp
    the tagger took for a person. A single short form ("Sun", "Wed") is a word, left to
    the other tests. A dateline's place before a bar goes with it ("GOMA | Sun Mar 3")."""
    *before, text = text.split("|")
    if any(not part.strip().isupper() for part in before):
        return False
    words = [w for w in re.split(r"[\s,]+", text.strip()) if w]
    if len(words) < 2:
        return False
    calendar = WEEKDAYS | MONTHS | _SHORT_CALENDAR | TIME_ZONES
    named = False
    for word in words:
        low = word.rstrip(".").lower()
        if low in calendar:
            named = True
        elif not _CLOCK.match(word):
            return False
    return named


# A word every match of _COMMENT_FORM holds: plain-ASCII text with none of them (read in
# lower case, as the pattern ignores case) is not searched with the pattern
_COMMENT_FORM_WORDS = (
    "comment", "log ", "notify", "leave", "share", "picture", "photo", "icon", "the site",
    "switchboard", "responsible for", "terms of", "privacy", "conduct",
)  # fmt: skip


def in_comment_form(sentence: str) -> bool:
    """The sentence is comment-form or share-box boilerplate."""
    if sentence.isascii():
        lower = sentence.lower()
        if not any(word in lower for word in _COMMENT_FORM_WORDS):
            return False
    return _COMMENT_FORM.search(sentence) is not None


def is_common_word(
    token: Any,
    words: WordCase,
    lowercase_words: AbstractSet[str],
    names: AbstractSet[str] = frozenset(),
) -> bool:
    """A lone capitalised word that is a common word: an adjective ("Orwellian", "Civil"),
    a bare collective noun ("Forces"), a noun the document also writes in lower case, or
    a word English writes in lower case ("Emphasis" opening a bracket). A person's label
    is trusted except where a capital is owed to the position (a sentence or a bracket
    opening: "(Emphasis added.)"), and so is a family name of a person the document
    names in full (``names``: "Condoleezza Rice ... Rice")."""
    if token.text.isupper() and len(token.text) > 1:
        return False  # an acronym ("DMSC", "UN")
    low = token.lower_
    if low in BARE_COLLECTIVES:
        return True
    if token.pos_ == "ADJ" and not token.text.endswith("s"):
        return True  # "Orwellian", "Civil"; a plural demonym ("Zintanis") is read elsewhere
    if low in names:
        return False
    common = low in lowercase_words or words.is_common_lowercase_word(low)
    if token.ent_type_ == "PERSON":
        opening = token.is_sent_start or (token.i > 0 and token.doc[token.i - 1].text in "([“\"‘'")
        return common and opening
    return common


# Nouns of a web platform's parts: a name modifying one is the platform ("his Twitter
# account", "the group's Telegram channel"), where something was said, not who said it.
PLATFORM_NOUNS = frozenset(
    ["account", "accounts", "page", "feed", "channel", "handle", "profile", "post", "posts",
     "app", "video", "livestream", "picture"]
)  # fmt: skip


def names_a_platform(token: Any) -> bool:
    """The name modifies a platform's part: "on his Twitter account"."""
    head = token.head
    return (
        token.dep_ in ("compound", "nmod", "amod")
        and head.i > token.i
        and (head.lower_ in PLATFORM_NOUNS)
    )


def counted_people(tokens: list[Any]) -> bool:
    """The name is a population counted in the millions, a statistic rather than a party:
    "8 million Malians", "millions of Sudanese", "displaced 250,000 Congolese". A smaller
    number of people is a party to an event ("arrested 100 Palestinians") and stays."""
    head = tokens[-1]
    doc = head.doc
    words = [t for c in head.children if c.dep_ == "nummod" for t in c.subtree]
    first = tokens[0]
    i = first.i - 1
    if i >= 1 and doc[i].lower_ == "of":  # "millions of Sudanese"
        i -= 1
    while i >= 0 and (doc[i].like_num or doc[i].lower_ in _QUANTITY_WORDS):
        words.append(doc[i])
        i -= 1
    return any(_large(t) for t in words)


def _large(tok: Any) -> bool:
    if tok.lower_ in LARGE_NUMBER_WORDS:
        return True
    digits = tok.text.replace(",", "")
    return digits.isdigit() and int(digits) >= 100_000


# Number words of a hundred thousand or more, South Asian ones too: a lakh is 100,000, a
# crore ten million ("two lakh people", "five crore Gujaratis").
LARGE_NUMBER_WORDS = frozenset(
    ["million", "millions", "billion", "billions", "lakh", "lakhs", "crore", "crores"]
)  # fmt: skip
NUMBER_WORDS = LARGE_NUMBER_WORDS | {"hundred", "hundreds", "thousand", "thousands"}

_QUANTITY_WORDS = frozenset(
    ["thousands", "hundreds", "millions", "dozens", "tens", "scores", "number", "majority",
     "hundred", "thousand", "million", "billion", "lakh", "lakhs", "crore", "crores"]
)  # fmt: skip


_STANCE = re.compile(r"^(?:pro|anti)\s*-\s*\w", re.IGNORECASE)


def is_stance_adjective(text: str) -> bool:
    """ "Pro-Ankara", "anti-Houthi": a stance towards a name, never an actor's name."""
    return bool(_STANCE.match(text))


def stance_length(tokens: Any) -> int:
    """How many leading tokens of a name are a stance towards another name: 3 for "anti -
    Houthi" of "anti-Houthi National Resistance" (the name is what follows), 1 for one token
    "Pro-Ankara", else 0."""
    if len(tokens) and is_stance_adjective(tokens[0].text):
        return 1
    if len(tokens) >= 3 and tokens[0].lower_ in ("pro", "anti") and tokens[1].text == "-":
        return 3
    return 0


def stance_objects(token: Any) -> set[int] | None:
    """The tokens of "pro-X"/"anti-X" modifying a noun (people for or against X, not X),
    or None when no stance modifies it."""
    doc = token.doc
    found: set[int] = set()
    for c in token.children:
        if c.i < token.i and c.lower_ in ("pro", "anti") and doc[c.i + 1 : c.i + 2].text == "-":
            found |= {c.i, c.i + 1, min(c.i + 2, len(doc) - 1)}
        elif c.i < token.i and is_stance_adjective(c.text):
            found.add(c.i)  # one token: "Pro-Ankara"
    return found or None


# A designation of letters and digits: "M23", "F-16", "S-300", "Su-25", "T-72", "MQ-9".
_CODE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z]{1,4}-?\d{1,4}[A-Za-z]?$")


def letter_digit_code(name: str) -> bool:
    """A code mixing letters and digits ("M23", "F-16", "Su-25"): a group or a weapon,
    never a place, whatever a gazetteer spells alike."""
    return bool(_CODE.match(name.strip()))


def place_test(gazetteer: Any) -> Any:
    """Whether a name is a place the gazetteer knows well enough to read it as one: a
    country, a first-level division or a town of 10,000 people or more, and a name of
    several words known as any settlement or site, matched by its main or alternate name
    (never by a loose spelling). An acronym ("UN", "U.N.") or a
    letter-digit code ("M23") is no place. Answers are kept per name (an article names
    the same places again), so build one test per document."""
    known: dict[str, bool] = {}

    def is_place(name: str) -> bool:
        if name.replace(".", "").isupper() or letter_digit_code(name):
            return False
        if name not in known:
            several = " " in name.strip()
            known[name] = any(
                c.place.precision in ("country", "admin1")
                or (c.place.population or 0) >= 10_000
                # a name of several words the gazetteer knows as a settlement or a site
                # ("Ras Lanuf", "Wadi Halfa"): no person's or group's name by chance
                or (several and c.place.precision in SETTLED_PRECISIONS)
                for c in gazetteer.named(name)  # never a skeleton match: not searched
            )
        return known[name]

    return is_place


# Readings of a settlement or a site (not a region, a sea or a continent).
SETTLED_PRECISIONS = frozenset({"point", "city", "admin2"})


# Nouns of a settlement or an area that name their place after "of": "the town of Bunia".
SETTLEMENT_NOUNS = frozenset(
    ["town", "city", "village", "district", "region", "province", "neighbourhood",
     "neighborhood", "suburb", "port", "county", "municipality", "hamlet", "locality"]
)  # fmt: skip


# Nouns that end the name of a place wherever it stands ("Savali Village", "the Tribal
# Areas"); a region or a province may be an armed group's ("Sinai Province"), so not these.
PLACE_HEADS = frozenset(
    ["town", "village", "area", "areas", "district", "neighbourhood", "neighborhood",
     "suburb", "county", "municipality", "hamlet", "locality", "township"]
)  # fmt: skip
_NAMED_BY_HEAD = re.compile(r"^(?P<name>.+?)\s+(?P<head>\w+)(?:\s+of\s+.+)?$")


def named_by_place_noun(name: str, is_division: Any) -> bool:
    """A name ending in a settlement's or an area's noun is that place, not an actor: "the
    Mirpur Township", "Kalan village of Dhar district". A "Department" names a place only
    after the name of a country's first-level division, ``is_division(name)`` (a
    Colombian or a Peruvian department: "Meta Department"); after any other word it is an
    office ("the Energy Department", "the Police Department")."""
    m = _NAMED_BY_HEAD.match(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE))
    if m is None:
        return False
    head = m.group("head").lower()
    if head in PLACE_HEADS:
        return True
    return head == "department" and bool(is_division(m.group("name")))


def division_test(gazetteer: Any) -> Any:
    """Whether a name is, by its main or alternate name, a country's first-level division
    ("Antioquia", "Ayacucho")."""

    def is_division(name: str) -> bool:
        return any(c.place.precision == "admin1" for c in gazetteer.named(name))

    return is_division


# A quote mark or an apostrophe written in UTF-8 and read as Windows-1252 ("â€™", "â€œ",
# "â€\ufffd"): mojibake a page's quotes leave around words, no letters of a name.
_MOJIBAKE = re.compile(
    "\u00e2\u20ac[\u0080-\u00ff\u0152\u0153\u0161\u02dc\u2013-\u201e\u2122\ufffd]?"
)


def without_mojibake(name: str) -> str:
    """A name without the mojibake of quote marks around or inside it ("â€œthe imam" ->
    "the imam"; "â€\ufffd" -> ""); an apostrophe's becomes one ("cpmâ€™s" -> "cpm's")."""
    if "\u20ac" not in name:
        return name
    return " ".join(_MOJIBAKE.sub(_plain_mark, name).split())


def _plain_mark(m: re.Match[str]) -> str:
    return "'" if m.group().endswith(("\u2122", "\u02dc")) else " "  # apostrophes stay


def in_settlement_phrase(token: Any) -> bool:
    """ "the town of Bunia", "the village of Tshanzu": the name of a settlement."""
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in SETTLEMENT_NOUNS
        and prep.head.pos_ == "NOUN"
    )


def before_place_noun(name: Any) -> bool:
    """ "the Tal Harun district", "in the Jabal Umar area of the city": a name (``name``, a
    span) set before an area's or a settlement's common noun is that place's name. The
    noun is in lower case right after the name ("the Omari District" is one name, left
    to :func:`named_by_place_noun`); "the Assad camp" (a camp is also a faction) and "the
    Hamas-run province" are no such phrase."""
    root = name.root
    head = root.head
    return (
        root.dep_ == "compound"
        and head.i == name.end
        and head.is_lower
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in PLACE_HEADS
    )


# Common nouns of a feature of the land or of a route that a place's name qualifies in
# lower case: "the Tamsin road", "the Orvi checkpoint", "the Varun river", "the Omari
# market". Not "camp" ("the Assad camp" is also a faction).
FEATURE_HEADS = frozenset(
    ["road", "highway", "checkpoint", "river", "forest", "valley", "prefecture", "market",
     "crossing", "junction", "hills", "mountains"]
)  # fmt: skip


def before_feature_noun(name: Any) -> bool:
    """ "on the Tamsin road", "at the Orvi checkpoint", "the Tamsin-Orvi road": a name
    (``name``, a span, perhaps tagged with its article) qualifying an area's, a
    settlement's or a land or route feature's common noun in lower case
    (:data:`FEATURE_HEADS`) is a place here. Unlike :func:`before_place_noun` this says
    nothing of the name elsewhere in the article: a gang may be named after its town, and
    a body the KB knows may own a checkpoint ("the Hamas checkpoint")."""
    if len(name) > 1 and name[0].lower_ == "the":
        name = name[1:]  # tagged with its article, which hangs on the noun as well
    root = name.root
    head = root.head
    return (
        root.dep_ in ("compound", "nmod", "amod")  # a hyphened name: "the X-Y road"
        and head.i == name.end
        and head.is_lower
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in PLACE_HEADS | FEATURE_HEADS
    )


def settlement_appositive(token: Any) -> bool:
    """ "Tessalit, a town north of Kidal", "near Kabo, the frontier village": a name the
    next noun phrase calls a settlement (a town, a village, a district ...)."""
    return any(
        c.dep_ == "appos" and c.lemma_.lower() in SETTLEMENT_NOUNS and c.pos_ == "NOUN"
        for c in token.children
    )


# Words by which a text only suspects who someone is: "Suspected al-Shabaab militants",
# "alleged Gulf Clan members". Never part of a name, though a tagger keeps one that opens a
# sentence in the name's span. The alleged words of
# :data:`eventwire.extract.modality.PHRASE_MODALITIES` (a test keeps the two the same; that
# module reads the mentions, so the mention pass cannot import it).
DOUBT_WORDS = frozenset({"alleged", "suspected", "purported", "supposed", "presumed"})


# Adjectives of a part of a country, in lower case: "southern Sudan", "eastern Congo".
REGION_ADJECTIVES = frozenset(
    ["northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
     "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
     "south-western", "mainland", "rural"]
)  # fmt: skip


# Nouns of a frontier between two countries: "the border with Chad", "the boundaries of Niger".
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
