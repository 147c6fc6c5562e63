"""Words that read as place names but name something else unless the text puts
something in them (issue 15, item 2: recognition that does not invent places).

:class:`NotPlaces` is asked about each candidate span :func:`~eventwire.extract.places.
toponym_spans` found. It turns away, without locative evidence ("in", "near", "the town
of", "X-based"):

- an operation's name: "Operation Dignity", "Operation Olive Branch" (never a place);
- a person's name: the document names a person with it ("Khalifa Haftar ... Haftar's
  forces"); only a strong locative ("in", "near", "the town of") makes it a place, not
  "loyal to Haftar";
- a compass word standing alone: "the West", "North";
- an ethnic or religious word: "Arab", "Kurdish", "Sunni";
- a single common word, one English writes far more often in lower case ("the Mobile
  Forces", "Hope", "Dignity"; see ``knowledge/wordcase.py``), unless the model labelled
  it a place: "in Mobile" is a place.

(The small English model's tagger reads many unfamiliar town names as adjectives, "the
south Benghazi districts", so its part of speech is no test of a common word.)

Demonyms ("Sudanese") stay found as their country and are set aside as event locations
by :func:`~eventwire.extract.placenowhere.locates_nothing`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.knowledge.placenames import (
    ARTICLES,
    GENERIC_WORDS,
    SETTLEMENT_WORDS,
    TYPE_WORDS,
    name_key,
)
from eventwire.text.calendar_words import CALENDAR_WORDS as CALENDAR_WORDS  # re-exported

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.extract.context import DocContext
    from eventwire.knowledge.gazetteer import Gazetteer

NAME = r"[A-Z][\w'’-]+(?:\s+(?:al-|el-|as-|az-|ad-|de\s|of\s)?[A-Z][\w'’-]+){0,3}"
CAPITALISED = re.compile(r"\b" + NAME)
# Words that open sentences and name some village somewhere ("We", "But", "However").
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "i",
        "we",
        "you",
        "he",
        "she",
        "it",
        "they",
        "me",
        "us",
        "him",
        "her",
        "them",
        "my",
        "our",
        "your",
        "his",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "who",
        "what",
        "when",
        "where",
        "why",
        "how",
        "which",
        "while",
        "if",
        "but",
        "and",
        "or",
        "nor",
        "so",
        "yet",
        "for",
        "of",
        "at",
        "by",
        "in",
        "on",
        "to",
        "from",
        "with",
        "without",
        "into",
        "onto",
        "upon",
        "about",
        "after",
        "before",
        "during",
        "since",
        "until",
        "as",
        "than",
        "then",
        "also",
        "however",
        "although",
        "though",
        "because",
        "even",
        "still",
        "more",
        "most",
        "many",
        "much",
        "some",
        "any",
        "all",
        "both",
        "each",
        "every",
        "no",
        "not",
        "another",
        "other",
        "such",
        "one",
        "only",
        "just",
        "never",
        "ever",
        "again",
        "now",
        "today",
        "yesterday",
        "tomorrow",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "shall",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
    ]
)
# Words that name no place on their own ("West", "Centre", "Province").
NO_NAME_WORDS = GENERIC_WORDS | TYPE_WORDS | SETTLEMENT_WORDS


def names_a_division(name: str) -> bool:
    words = name_key(name).split()
    return len(words) > 1 and (words[0] in TYPE_WORDS or words[-1] in TYPE_WORDS)


def is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters) and "." not in name


# "Operation Dignity", "Operation Olive Branch", "Op. Karama": an operation's name
_OPERATION_BEFORE = re.compile(r"\b(?:[Oo]peration|Op\.)\s+(?:[A-Z][\w'’-]*\s+){0,2}$")
# Evidence that a name is a place: a preposition of place, or a word for a settlement or
# a division governing it ("in Sirte", "the town of Hadi", "outskirts of West")
_STRONG_LOCATIVE = re.compile(
    r"(?i)\b(?:in|at|near|outside|inside|around|across|(?:town|city|village|district|"
    r"province|region|governorate|outskirts|suburbs?|edges?|fringes?|municipality|area)\s+of)"
    r"\s+(?:the\s+)?$"
)
_BASED_AFTER = re.compile(r"^-based\b")
# An appositive giving the kind of place a name is: "Kyaukme, a town in Shan State",
# "Sabon Gari, a farming village near the border", "Omdurman, the twin city of Khartoum".
# The kind word must close its noun phrase, so a person's post is none ("Musa Bello, a
# village head, said", "Amina Yusuf, a town councillor in Kano"), nor what a person is
# from ("Ali, a man from the town").
SETTLEMENT_AFTER = re.compile(
    r"^,\s+(?:a|an|the)\s+"
    r"(?:(?!(?:from|of|in|at|near|who|with|for|to|on|by|and|or)\b)[a-z][\w-]*\s+){0,3}?"
    r"(?:town|village|city|hamlet|settlement|locality|suburb|township|commune)"
    r"(?=\s*[,.;:)]|\s+(?:in|of|near|on|at|by|about|some|close|just|outside|along|across|"
    r"above|below|beside|overlooking|around|north|south|east|west|that|where|which|whose|"
    r"with|\d)\b)"
)
# Words giving a name to what is told before them: "known (locally) as", "nicknamed".
_ALIAS_BEFORE = re.compile(
    r"(?i)\b(?:(?:also\s+|better\s+|widely\s+)?known(?:\s+\w+ly)?\s+as|nicknamed|dubbed|"
    r"alias|a\.?k\.?a\.?)\s+$"
)
# The eight directions; with their adjectives, words that name no place on their own.
DIRECTIONS = frozenset(
    ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"]
)
COMPASS_WORDS = DIRECTIONS | frozenset(
    ["north-east", "north-west", "south-east", "south-west", "northern", "southern"]
    + ["eastern", "western", "central", "middle"]
)
# Peoples and faiths, as nouns or adjectives; a region of the same name ("Amhara") is a
# place once the text says something happened in it.
ETHNIC_RELIGIOUS_WORDS = frozenset(
    [
        "arab",
        "arabs",
        "arabian",
        "kurd",
        "kurds",
        "kurdish",
        "sunni",
        "sunnis",
        "shia",
        "shias",
        "shiite",
        "shiites",
        "alawite",
        "alawites",
        "druze",
        "yazidi",
        "yazidis",
        "christian",
        "christians",
        "muslim",
        "muslims",
        "jewish",
        "jew",
        "jews",
        "catholic",
        "orthodox",
        "coptic",
        "copt",
        "copts",
        "tuareg",
        "berber",
        "berbers",
        "amazigh",
        "tebu",
        "toubou",
        "fulani",
        "hausa",
        "tutsi",
        "hutu",
        "pashtun",
        "pashtuns",
        "hazara",
        "tamil",
        "tamils",
        "rohingya",
        "bamar",
        "oromo",
        "amhara",
        "tigrayan",
        "tigrayans",
        "masalit",
        "zaghawa",
        "fur",
        "baggara",
        "nuer",
        "dinka",
        "turkmen",
        "assyrian",
        "chaldean",
    ]
)


# A lower-case word after a candidate that an adjective would qualify ("Arab towns").
_COMMON_NOUN_AFTER = re.compile(r"^\s+(?!(?:and|or|on|in|at|of|to|from|near|by|as)\b)[a-z]")
_SETTLEMENT_BEFORE = re.compile(r"\b(?:town|village|city|district|hamlet)\s+of\s+$")


class NotPlaces:
    """The document's evidence against place readings, gathered once per document (the
    names it gives people, the spans the model labelled places); call it on each
    candidate span."""

    def __init__(self, ctx: DocContext, gazetteer: Gazetteer, locative: re.Pattern[str]) -> None:
        self.ctx, self.gazetteer, self.locative = ctx, gazetteer, locative
        # every run of words shorter than a person's full name: "Hiftar" of "Khalifa Hiftar"
        self.person_parts: set[tuple[str, ...]] = set()
        self.labelled: set[tuple[int, int]] = set()
        for ent in ctx.view.ents:
            if ent.label_ in ("GPE", "LOC", "FAC"):
                self.labelled.add((ent.start_char, ent.end_char))
            if ent.label_ != "PERSON":
                continue
            parts = _words(ent.text)
            for size in range(1, len(parts)):
                for i in range(len(parts) - size + 1):
                    self.person_parts.add(tuple(parts[i : i + size]))

    def __call__(self, start: int, end: int) -> bool:
        """True when the candidate at [start, end) is an operation's or a person's name, a
        compass word, an ethnic or religious word or a common word with no locative
        evidence (``locative``: the places extractor's words that put a name in place)."""
        text = self.ctx.text
        before = text[max(0, start - 40) : start]
        if _OPERATION_BEFORE.search(before):
            return True
        name = text[start:end]
        strong = bool(
            _STRONG_LOCATIVE.search(before) or SETTLEMENT_AFTER.match(text[end : end + 80])
        )
        if self._persons_name(name) and not _a_state(self.gazetteer, name):
            return not strong
        if strong:
            pass  # "in Florence", "the town of Texas", "Tenga, a village near Kaya": a place
        elif self._given_name(name) or self._a_persons_alias(start, before):
            return True
        if " " in name.strip() or "-" in name.strip("-"):
            return False  # a name of several words is a name
        key = name.lower().strip(".")
        if (
            key in ETHNIC_RELIGIOUS_WORDS
            and _COMMON_NOUN_AFTER.match(text[end : end + 20])
            and not _SETTLEMENT_BEFORE.search(before)
        ):
            # an ethnic or religious word before a common noun it qualifies is an
            # adjective even after a locative: "in the Arab towns", "across Kurdish
            # areas" (but "the village of Arab and its fields" names a place)
            return True
        if self.locative.search(before) or _BASED_AFTER.match(text[end : end + 8]):
            return False
        if key in COMPASS_WORDS or key in ETHNIC_RELIGIOUS_WORDS:
            return True
        # a common word the model itself labelled a place keeps that label ("Tyre", "Nice"
        # read as towns by the model); one found otherwise, as the opening word of a
        # body's name ("the Mobile Forces"), does not
        return (
            self.ctx.resources.word_case.is_common_word(key) and (start, end) not in self.labelled
        )

    def _given_name(self, name: str) -> bool:
        """A given name and a surname the gazetteer takes a place from: two capitalised
        words, the first a place's name, the second no word English writes in lower case
        and no place, the whole no place ("Florence Adeyemi", "Helena Mwangi"). The
        resolver would read the first word as the place a site is named after ("Delhi
        High Court" is in Delhi: a site's other words are common ones)."""
        words = name.split()
        if len(words) != 2 or not all(w[:1].isupper() for w in words):
            return False
        first, second = words
        named = self.gazetteer.candidates
        if any(True for _ in named(name)) or any(True for _ in named(second)):
            return False
        if name_key(second) in ARTICLES or name_key(second) in TYPE_WORDS | SETTLEMENT_WORDS:
            return False
        word_case = self.ctx.resources.word_case
        if word_case.is_common_lowercase_word(second) or word_case.is_common_word(second.lower()):
            return False
        return any(c.match == "main" for c in named(first))

    def _a_persons_alias(self, start: int, before: str) -> bool:
        """A name given to a person: "a 23-year-old known as Kenya", "a man known locally as
        Texas", "a smuggler nicknamed Congo", "Abdi Noor, 31, known as Nevada" -- "known
        as", "nicknamed", "dubbed" or "alias" right after a person (a PERSON name, a noun
        for people, an age), not after a place ("the area known as Triangle" stays one).
        The word before the alias phrase decides, or the noun the parse hangs it on."""
        alias = _ALIAS_BEFORE.search(before)
        if alias is None:
            return False
        doc = self.ctx.doc
        at = start - len(before) + alias.start()
        span = doc.char_span(at, at + 1, alignment_mode="expand")
        name = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or name is None:
            return False
        candidates = []
        i = span.start - 1
        while i >= 0 and doc[i].is_punct:
            i -= 1
        if i >= 0:
            candidates.append(doc[i])
        node = name.root
        for _ in range(4):  # up through "as" and "known" to the noun described
            if node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in ("NOUN", "PROPN"):
                candidates.append(node)
                break
        return any(self._a_person(tok) for tok in candidates)

    def _a_person(self, tok: Token) -> bool:
        """A word for a person: a PERSON name, a noun for people, an age ("a 19-year-old",
        "Abdi Noor, 20,")."""
        words = self.ctx.resources.count_words
        low, lemma = tok.lower_, tok.lemma_.lower()
        return (
            tok.ent_type_ == "PERSON"
            or low in words.people
            or lemma in words.people
            or (len(low) > 4 and low.endswith(words.suffixes) and tok.pos_ == "NOUN")
            or low.endswith("-old")
            or (tok.like_num and tok.i > 0 and tok.nbor(-1).text == ",")
        )

    def _persons_name(self, name: str) -> bool:
        """True when the document names a person with these words and more: a PERSON
        entity holding them beside a given name ("Khalifa Haftar" for "Haftar"). The
        tagger's PERSON label on the name alone is no evidence: it puts it on many an
        unfamiliar town ("Ar Rajban"), and an Arabic article is no given name ("al
        Tabqa")."""
        words = _words(name)
        return bool(words) and not name[:1].islower() and tuple(words) in self.person_parts


def _words(name: str) -> list[str]:
    """A name's words without Arabic articles or a possessive ending."""
    return [w[:-2] if w.endswith(("'s", "’s")) else w for w in name.split()
            if w.lower() not in ARTICLES]  # fmt: skip


def _a_state(gazetteer: Gazetteer, name: str) -> bool:
    """A country or first-level division by its own name ("Jordan"): a tagger's PERSON
    label on it alone is too weak to unmake it."""
    return any(
        c.match == "main" and c.place.precision in ("country", "admin1")
        for c in gazetteer.candidates(name)
    )
