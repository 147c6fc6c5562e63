"""How our output is matched to the conflict gold: spellings, numbers, dates, sentences.

A mention of ours writes a gold spelling when the two are equal after folding case and
apostrophes, or when the words around the spelling name nothing else. :class:`Owners`
says which of our actors wrote each spelling and :class:`Gold` which gold names an
actor of ours is; the other readers compare a not-count's numbers, a date at the
gold's precision, and an evidence sentence with the gold's (its dateline cut).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from eventwire.evaluate.exported import Prediction
from eventwire.evaluate.metrics import content_words, text_overlap

# Words that may surround a gold spelling in our mention without naming something else:
# "the M23 rebel group" owns the spelling "M23".
_FRAME = frozenset(
    [
        "the",
        "a",
        "an",
        "rebel",
        "rebels",
        "group",
        "movement",
        "fighters",
        "militants",
        "militia",
        "forces",
        "force",
        "army",
        "government",
        "officials",
        "official",
        "'s",
        "s",
    ]
)
_WORD = re.compile(r"[^\W_]+(?:'s)?", re.UNICODE)
_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}


def fold(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").casefold().split())


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def owns(surface: str, spelling: str) -> bool:
    """Our mention ``surface`` writes the gold ``spelling``: equal after folding case and
    apostrophes, or the spelling framed by words that name no other thing ("the M23
    rebel group" owns "M23")."""
    s, g = _words(surface), _words(spelling)
    if not g:
        return False
    if s == g:
        return True
    for i in range(len(s) - len(g) + 1):
        if s[i : i + len(g)] == g:
            rest = s[:i] + s[i + len(g) :]
            return all(w in _FRAME for w in rest)
    return False


class Owners:
    """Which of our actors and places wrote each gold spelling, per article and overall."""

    def __init__(self, pred: Prediction):
        self._by_article: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for article, surface, owner in pred.mentions:
            self._by_article[article].append((surface, owner))
        self.names = pred.actor_names

    def of(self, spelling: str, article: str | None = None) -> set[str]:
        articles = [article] if article else sorted(self._by_article)
        return {
            owner
            for a in articles
            for surface, owner in self._by_article.get(a, ())
            if owns(surface, spelling)
        } | {aid for aid, name in self.names.items() if owns(name, spelling) and article is None}

    def surfaces(self, owner: str) -> list[str]:
        return [s for ms in self._by_article.values() for s, o in ms if o == owner]


class Gold:
    """The gold's names: each canonical name's spellings, for matching our actors."""

    def __init__(self, gold: dict[str, Any]):
        self.raw = gold
        self.clusters: dict[str, list[str]] = dict(gold.get("alias_clusters", {}))
        self.places: dict[str, list[str]] = dict(gold.get("place_variants", {}))

    def spellings(self, name: str) -> list[str]:
        return self.clusters.get(name) or self.places.get(name) or [name]

    def names_of(self, name: str | None, also: Iterable[str] = ()) -> list[str]:
        return [n for n in (name, *also) if n]

    def matches(self, owners: Owners, actor: str | None, names: Sequence[str]) -> bool:
        """Our actor id is one of the gold names: it wrote one of their spellings, or
        (a description with no spellings coded, "witness in Runyonyi") shares a content
        word with it."""
        if not actor:
            return False
        for name in names:
            if name in self.clusters or name in self.places:
                if any(actor in owners.of(s) for s in self.spellings(name)):
                    return True
            elif text_overlap([*owners.surfaces(actor), owners.names.get(actor, "")], [name]):
                return True
        return False

    def describes(self, description: str | None, name: str) -> bool:
        """Our description of an unnamed speaker is the gold's: the gold speaker is itself a
        description (no alias cluster or place is coded under it) and every content word
        of it is in ours ("witness in Runyonyi" is "a witness in Runyonyi"; "a witness"
        alone, which drops the place, is not)."""
        if not description or name in self.clusters or name in self.places:
            return False
        wanted = content_words(name)
        return bool(wanted) and wanted <= content_words(description)


_TENS = {
    w: 10 * n
    for n, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2
    )
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[^\W\d_]+", re.UNICODE)


def numbers_in(value: str) -> set[int]:
    """The numbers a not-count value writes ("50 km (31 miles)" -> {50, 31}): a figure
    with its scale word is one number ("about 1.2 million" -> {1200000}, "a million",
    "two hundred"), a compound of number words is one ("Twenty-three" -> {23}), and a
    plural of a scale ("thousands") writes none."""
    tokens = _NUMBER_TOKEN.findall(fold(value).replace("-", " "))
    found: set[int] = set()
    n = 0
    while n < len(tokens):
        token, amount = tokens[n], None
        if token[0].isdigit():
            amount = float(token.replace(",", ""))
        elif token in _TENS:
            amount = _TENS[token]
            if n + 1 < len(tokens) and 0 < _NUMBER_WORDS.get(tokens[n + 1], 0) < 10:
                n += 1
                amount += _NUMBER_WORDS[tokens[n]]
        elif token in _NUMBER_WORDS:
            amount = _NUMBER_WORDS[token]
        elif token == "a" and n + 1 < len(tokens) and tokens[n + 1] in _SCALES:
            amount = 1
        if amount is not None:
            while n + 1 < len(tokens) and tokens[n + 1] in _SCALES:
                n += 1
                amount *= _SCALES[tokens[n]]
            found.add(int(amount))
        n += 1
    return found


def date_ok(ours: str | None, gold: str, end: str | None) -> bool:
    """Exact at the gold's precision; with ``end``, any date in the inclusive range."""
    if not ours:
        return False
    if end:
        day = ours[:10]
        return len(day) == 10 and gold <= day <= end
    return ours[: len(gold)] == gold and len(ours) >= len(gold)


# A dateline the gold keeps at the head of a lead sentence ("GOMA — ", "KYIV (Reuters)—");
# our evidence is the body's sentence alone (the page's zones), so it is cut before
# comparing.
_DATELINE_HEAD = re.compile(r"^[^\n]{1,60}?(?:\s[-–—]+\s|[–—])(?=\S)")


def same_sentence_text(ours: str, gold: str) -> bool:
    """Our evidence sentence is the gold's, folded, or the gold's after its dateline."""
    a, b = fold(ours), fold(gold)
    if a == b:
        return True
    head = _DATELINE_HEAD.match(b)
    return head is not None and b[head.end() :] == a
