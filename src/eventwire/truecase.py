"""Case restoration for texts written all in capitals or all in lower case.

spaCy's small model tags, parses and finds names by their case: on an old agency
wire in capitals or a scraped archive in lower case it finds almost nothing. Before
parsing, each paragraph that is overwhelmingly one case (:func:`one_case_blocks`) is
rewritten with the case English would use (:class:`Truecaser`):

* every word in lower case, then
* names the actor KB knows (countries, organisations, people, their aliases, in
  their KB spelling: "LNA", "al-Qaeda"), nationality words ("Egyptian"),
* several-word gazetteer names ("San Salvador", "New Delhi") holding a word that is
  not a frequent lower-case word,
* single words English usually capitalises or writes in capitals (``word_case.tsv.gz``,
  a case-sensitive word-frequency table: "Paris", "Gujarat", "VHP"), and words that
  table does not know at all but the gazetteer does, or that look like acronyms,
* weekday and month names ("may" and "march" only beside a number),
* the first word of a sentence (after . ! ?, at a paragraph or an indented line).

Only letters change case: the restored text has the original's length, character for
character, so offsets into it are offsets into ``Article.text``. Extraction runs on
the restored text; :func:`as_written` then puts the article's own writing back into
everything that quotes it (evidence sentences, span texts, quotes, date and count
words), while derived names (``Mention.normalized``, actor names) keep the restored
case.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from spacy.lang.en.stop_words import STOP_WORDS

from eventwire.knowledge.gazetteer import Gazetteer
from eventwire.knowledge.wordcase import MARGIN, WordCase
from eventwire.model import Article, Count, Evidence, QuoteMention, Span, When
from eventwire.text.calendar_words import MONTH_NAMES, WEEKDAY_NAMES

if TYPE_CHECKING:
    from eventwire.knowledge.kb import KB

R = TypeVar("R")

# Letters, less those that mojibake leaves around quotes ("governmentâ€™s" is "government").
_LETTERS = re.compile(r"[^\W\d_\u00c2\u00c3\u00e2\u0152\u0153]+")
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)\]]*\s")
# What comes before a sentence's first word ("[passage omitted]" begins none).
_SENTENCE_BEFORE = re.compile(r"[.!?][\"'\u2019\u201d)\]]*\s+[\"'(\u2018\u201c]?$")
_PARAGRAPH = re.compile(r"\n[ \t]*\n|\n[ \t]{2,}")
_QUOTE_OPENS = re.compile(r"[:,]\s*[\"\u201c]$")  # 'said, "we will' begins a sentence
_NAME_GAP = re.compile(r"[ \t\n-]+")
_NUMBER = re.compile(r"\d")

MIN_LETTERS = 30  # a shorter block says too little about how the text is written
MIN_WORDS = 5
UPPER_SHARE = 0.97  # at least this share of a block's letters in capitals: written in capitals
LOWER_SHARE = 0.015  # at most this share in capitals, sentences begun in lower case
LONGEST_NAME = 5  # words
DATELINE = 160  # characters: where a dateline may end

# Month words that are also common words: months only beside a number or after "in".
DATE_MONTHS = frozenset(
    [
        "may",
        "march",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
MONTHS = frozenset(MONTH_NAMES) - DATE_MONTHS  # months whatever their neighbours
TIME_PREPOSITIONS = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "during",
    ]
)
WEEKDAYS = frozenset(WEEKDAY_NAMES)
# Abbreviations whose full stop ends no sentence ("Dr. Gutierrez", "Gen. Haftar").
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "cmdr",
        "adm",
        "st",
        "no",
        "vs",
        "etc",
        "jr",
        "sr",
        "prof",
        "gov",
        "sen",
        "rep",
        "rev",
        "ft",
        "mt",
        "brig",
        "cpl",
        "pvt",
        "messrs",
    ]
)
# Words kept lower case inside a name unless they begin it ("Cerro de Pasco").
PARTICLES = frozenset(
    [
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "y",
        "e",
        "of",
        "the",
        "and",
        "bin",
        "ibn",
        "al",
    ]
)
CLITICS = frozenset(["s", "t", "ll", "re", "ve", "d", "m"])  # "don't", "it's", "we'll"


def one_case_blocks(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, in_capitals) of each paragraph written overwhelmingly in one case.

    A paragraph in capitals has at least 97% of its letters in capitals; one in lower
    case has at most 1.5% and begins most of its sentences in lower case (a normal
    paragraph with few names has few capitals too, but not lower-case sentence starts)."""
    start = 0
    for brk in [*_BLOCK_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        kind = _block_case(text, start, end)
        if kind is not None:
            yield start, end, kind
        start = brk.end() if brk else end


def _block_case(text: str, start: int, end: int) -> bool | None:
    block = text[start:end]
    upper = sum(map(str.isupper, block))
    lower = sum(map(str.islower, block))
    letters = upper + lower
    if letters < MIN_LETTERS or LOWER_SHARE * letters < upper < UPPER_SHARE * letters:
        return None  # most paragraphs stop here
    if len(_LETTERS.findall(block)) < MIN_WORDS:
        return None
    if upper >= UPPER_SHARE * letters:
        return True
    firsts = [
        block[m.start()] for m in _LETTERS.finditer(block) if _begins_sentence(block, m.start())
    ]
    if firsts and sum(c.islower() for c in firsts) * 2 > len(firsts):
        return False
    return None


def _begins_sentence(block: str, pos: int) -> bool:
    before = block[max(0, pos - 12) : pos]
    return (not block[:pos].strip()) or bool(_SENTENCE_BEFORE.search(before))


def _stop_words() -> frozenset[str]:
    return frozenset(STOP_WORDS)


class Truecaser:
    """Restores the case of one-case text from the KB, the gazetteer and word frequencies."""

    def __init__(self, kb: KB, words: WordCase, gazetteer_path: str | Path | None = None) -> None:
        self.words = words
        self.stop = _stop_words()
        self.names: dict[str, str] = {}  # lower-case name, single spaces -> KB spelling
        for name, _entry in kb.iter_names():
            self._add_name(name)
        for word in kb.demonym_words():
            self._add_name(word.title())
        # Our own instance, so n-gram probes do not fill the place extractor's cache.
        self.gazetteer = Gazetteer(gazetteer_path) if gazetteer_path else None

    def _add_name(self, name: str) -> None:
        if name != name.lower() and _LETTERS.search(name):
            key = " ".join(name.lower().split())
            self.names.setdefault(key, name)

    def restore(self, text: str) -> str:
        """``text`` with each one-case paragraph restored; same length, only case changes."""
        chars = list(text)
        for start, end, in_capitals in one_case_blocks(text):
            chars[start:end] = self.restore_block(text[start:end], in_capitals)
        restored = "".join(chars)
        if len(restored) != len(text) or restored.lower() != text.lower():
            return text  # a letter whose case change changes its length: leave the text as it is
        return restored

    def restore_block(self, block: str, in_capitals: bool) -> str:
        base = block.lower() if in_capitals else block
        words = [(m.start(), m.end()) for m in _LETTERS.finditer(base)]
        keys = [base[s:e].lower() for s, e in words]
        forms: list[str | None] = [None] * len(words)
        self._names(base, words, keys, forms)
        self._places(base, words, keys, forms)
        gaps = [base[words[i - 1][1] : s] if i else base[:s] for i, (s, _e) in enumerate(words)]
        for i in range(len(words)):
            forms[i] = forms[i] or self._word(i, keys, base, words, gaps[i])
        self._given_names(keys, gaps, forms)
        out = list(base)
        bracket = False
        for i, (s, e) in enumerate(words):
            gap = gaps[i]
            # "--" ends a dateline ("SAN SALVADOR, 10 JAN 90 -- [TEXT] THOSE ...")
            dateline = s < DATELINE and "--" in gap
            starts = i == 0 or dateline or self._starts_sentence(gap, keys[i - 1])
            if starts and "[" in gap:
                bracket = True
            elif bracket and "]" in gap:
                starts, bracket = True, False
            word = base[s:e]
            if any(c.isupper() for c in word):  # written so in a lower-case text: keep it
                continue
            form = forms[i] or word
            if starts and form == word:
                form = word[:1].upper() + word[1:]
            out[s:e] = _apply(word, form)
        return "".join(out)

    def _given_names(self, keys: list[str], gaps: list[str], forms: list[str | None]) -> None:
        """A word that is no common word before a name is part of it ("alfredo Cristiani")."""
        for i in range(len(keys) - 2, -1, -1):
            after = forms[i + 1] or ""
            if (
                after[:1].isupper()
                and forms[i] == keys[i]
                and gaps[i + 1] == " "
                and len(keys[i]) >= 3
                and not self.common(keys[i])
            ):
                forms[i] = keys[i].capitalize()

    @staticmethod
    def _starts_sentence(gap: str, previous: str) -> bool:
        if _PARAGRAPH.search(gap) or _QUOTE_OPENS.search(gap):
            return True
        if not _SENTENCE_END.search(gap + " "):
            return False
        return not (gap.startswith(".") and (previous in ABBREVIATIONS or len(previous) == 1))

    def common(self, key: str) -> bool:
        """A frequent lower-case word (or a function word): no name on its own."""
        return key in self.stop or self.words.is_common_word(key)

    def _names(
        self, base: str, words: list[tuple[int, int]], keys: list[str], forms: list[str | None]
    ) -> None:
        i = 0
        while i < len(words):
            for n in range(min(LONGEST_NAME, len(words) - i), 0, -1):
                end = words[i + n - 1][1]
                phrase = " ".join(base[words[i][0] : end].lower().split())
                name = self.names.get(phrase) or self.names.get(phrase + base[end : end + 1])
                if name is None:
                    continue
                # One word that is also a common word is a name only as "the UN", "the US".
                if (
                    n == 1
                    and self.common(keys[i])
                    and not (name.isupper() and i and keys[i - 1] == "the")
                ):
                    continue
                runs = _LETTERS.findall(name)
                if len(runs) != n:
                    break
                forms[i : i + n] = runs
                i += n - 1
                break
            i += 1

    def _places(
        self, base: str, words: list[tuple[int, int]], keys: list[str], forms: list[str | None]
    ) -> None:
        if self.gazetteer is None:
            return
        joined = [
            bool(_NAME_GAP.fullmatch(base[e : words[i + 1][0]]))
            for i, (_s, e) in enumerate(words[:-1])
        ]
        for n in range(LONGEST_NAME - 1, 1, -1):
            for i in range(len(keys) - n + 1):
                span = keys[i : i + n]
                if any(forms[i : i + n]) or not all(joined[i : i + n - 1]):
                    continue
                if span[0] in PARTICLES - {"al", "el", "la", "de"}:
                    continue
                if span[-1] in self.stop or all(self.common(k) for k in span):
                    continue
                found = self.gazetteer.candidates(" ".join(span), limit=1)
                if found and found[0].match != "skeleton":
                    forms[i : i + n] = [
                        k if j and k in PARTICLES else k.capitalize() for j, k in enumerate(span)
                    ]

    def _word(
        self, i: int, keys: list[str], base: str, words: list[tuple[int, int]], gap: str
    ) -> str:
        key = keys[i]
        if gap.endswith(("'", "\u2019")) and key in CLITICS:
            return key
        if key == "i":
            return "I"
        if len(key) == 1:
            return key
        if key in MONTHS or key in WEEKDAYS:
            return key.capitalize()
        if key in DATE_MONTHS:
            return key.capitalize() if _names_month(base, words, keys, i) else key
        entry = self.words.get(key)
        if entry is not None:
            form, _rank, margin = entry
            if form != key and margin >= MARGIN and key not in self.stop:
                return form
            return key
        if self.gazetteer is not None:
            found = self.gazetteer.candidates(key, limit=1)
            if found and found[0].match != "skeleton":
                return key.capitalize()
        if not any(c in "aeiouy" for c in key):
            return key.upper() if len(key) <= 5 else key
        # A word no frequency list knows is, in news, most often a name ("Cristiani").
        return key.capitalize() if len(key) >= 3 else key


def _names_month(base: str, words: list[tuple[int, int]], keys: list[str], i: int) -> bool:
    """'may', 'march', 'mar'... beside a number ("5 march", "may 1990"), or closing a
    phrase of time ("in may.", "since march,")."""
    before = base[words[i - 1][1] if i else 0 : words[i][0]]
    after = base[words[i][1] : words[i + 1][0] if i + 1 < len(words) else len(base)]
    if _NUMBER.search(before[-4:]) or _NUMBER.search(after[:4]):
        return True
    return i > 0 and keys[i - 1] in TIME_PREPOSITIONS and bool(after.strip())


def _apply(word: str, form: str) -> str:
    """``word`` with the case of ``form`` letter by letter (same letters, same length)."""
    if len(form) != len(word) or form.lower() != word.lower():
        return word
    return "".join(f if len(f) == 1 else w for w, f in zip(word, form, strict=True))


# --- back to the article as written -------------------------------------------------


def case_restored(article: Article, truecaser: Any) -> Article:
    """The article with its one-case paragraphs restored (itself when there are none).

    ``truecaser`` is called only when a paragraph needs it, so normal text costs one
    scan of its letters."""
    if not any(True for _ in one_case_blocks(article.text)):
        return article
    text = truecaser().restore(article.text)
    return article if text == article.text else dataclasses.replace(article, text=text)


def as_written(records: R, article: Article, parsed: Article) -> R:
    """``records`` found in ``parsed`` (the restored text) quoting ``article`` as written.

    Evidence sentences and span texts are re-read from the article by their offsets;
    quote, date and count words by the place they hold in the restored text."""
    if parsed is article:
        return records
    return _rewrite(records, article.text, parsed.text, None)


def _rewrite(value: Any, text: str, restored: str, around: Evidence | None) -> Any:
    if isinstance(value, tuple):
        return tuple(_rewrite(v, text, restored, around) for v in value)
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    if isinstance(value, Evidence):
        return dataclasses.replace(
            value,
            sentence=_as_written(value.sentence, text, restored, value.char_start, value.char_end),
        )
    if isinstance(value, Span):
        return dataclasses.replace(
            value, text=_as_written(value.text, text, restored, value.start, value.end)
        )
    around = getattr(value, "evidence", None) or around
    changes = {
        f.name: _rewrite(getattr(value, f.name), text, restored, around)
        for f in dataclasses.fields(value)
    }
    if isinstance(value, (QuoteMention, Count, When)) and changes.get("text") and around:
        changes["text"] = _as_written(
            changes["text"], text, restored, around.char_start, around.char_end, search=True
        )
    return dataclasses.replace(value, **changes)


def _as_written(
    quoted: str, text: str, restored: str, start: int, end: int, search: bool = False
) -> str:
    if restored[start:end] == quoted:
        return text[start:end]
    if search:
        at = restored.find(quoted, start, end)
        if at >= 0:
            return text[at : at + len(quoted)]
    return quoted
