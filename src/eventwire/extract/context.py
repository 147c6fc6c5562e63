"""What a component sees: the article, its parse, one view of it, shared resources, and
the records earlier components produced, typed by kind.

A component may read only the kinds it declared (``requires``, or ``extends`` for a kind
it adds to); reading another raises :class:`UndeclaredRead`, so a declaration that does
not match the code fails the first time the code runs, not silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eventwire.errors import ConfigError
from eventwire.extract.docview import DocView
from eventwire.knowledge.resources import Resources
from eventwire.model import (
    Article,
    Count,
    EventMention,
    Evidence,
    Mention,
    Place,
    PlaceMention,
    QuoteMention,
    RelationMention,
    Timex,
    When,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["RECORD_KINDS", "DocContext", "Resources", "UndeclaredRead"]

RECORD_KINDS = (
    "mentions",
    "timexes",
    "places",
    "counts",
    "events",
    "relations",
    "quotes",
    "statistics",
)


class UndeclaredRead(ConfigError):
    """A component read a record kind it did not declare."""


@dataclass
class DocContext:
    article: Article
    doc: Doc
    resources: Resources
    view: DocView = field(init=False)
    # the place mentions an event's place may be chosen from (computed on first use)
    usable_places: list[PlaceMention] | None = field(default=None, init=False)
    # how many of those lie in each country (computed with them; ranks an event's place)
    usable_countries: Counter[str | None] = field(default_factory=Counter, init=False)
    # the article's dominant country as an inferred place, once computed (see
    # placeinferred.inferred_country); a one-element tuple so None can be the answer
    inferred_country: tuple[Place | None] | None = field(default=None, init=False)
    # whether a usable place is where a speaker spoke from, by id (computed on first use)
    speaker_places: dict[int, bool] = field(default_factory=dict, init=False)
    # (start, speech verb's token) of each timex dating a saying (computed on first use)
    saying_dates: tuple[tuple[int, int], ...] | None = field(default=None, init=False)
    # the mentions pronouns were last resolved against, and each resolved pronoun's
    # antecedent (see actorspans.MentionIndex.antecedent)
    antecedents: tuple[tuple[Mention, ...], dict[int, Mention | int]] | None = field(
        default=None, init=False
    )
    # start of each timex when they are in text order, else [] (computed on first use)
    timex_starts: list[int] | None = field(default=None, init=False)
    # whether a timex dates no event (a deadline, a superlative's period), by its span
    # and precision (see anchor.when_for; computed on first use)
    undating: dict[tuple[int, int, str | None], bool] = field(default_factory=dict, init=False)
    # the story's day from its lead, once computed (see carried_days.story_day)
    story_day: tuple[When | None] | None = field(default=None, init=False)
    _records: dict[str, tuple[Any, ...]] = field(default_factory=dict, init=False)
    _reader: str | None = field(default=None, init=False)
    _readable: frozenset[str] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.view = DocView(self.doc, self.resources.page_words)

    @property
    def text(self) -> str:
        """The document's text, read once (``doc.text`` joins every token on each call)."""
        return self.view.text

    def evidence(self, sent: Span) -> Evidence:
        """Evidence for a spaCy sentence of this document: the sentence only, without the
        line ends and spaces that close its paragraph."""
        text = self.view.sent_text(sent).rstrip()
        return Evidence(
            article_id=self.article.id,
            sentence=text,
            char_start=sent.start_char,
            char_end=sent.start_char + len(text),
        )

    # -- records by kind ------------------------------------------------------------------

    def records(self, kind: str) -> tuple[Any, ...]:
        """The records of ``kind`` produced so far; raises if the running component did not
        declare it."""
        if self._readable is not None and kind not in self._readable:
            raise UndeclaredRead(
                f"extractor {self._reader!r} reads {kind!r} but does not declare it "
                "(add it to requires)"
            )
        return self._records.get(kind, ())

    def put(self, kind: str, records: Sequence[Any]) -> None:
        self._records[kind] = tuple(records)

    def all_records(self) -> dict[str, tuple[Any, ...]]:
        return dict(self._records)

    @contextmanager
    def reading_as(self, name: str, kinds: frozenset[str]) -> Iterator[None]:
        """While a component runs, only the kinds it declared can be read."""
        self._reader, self._readable = name, kinds
        try:
            yield
        finally:
            self._reader, self._readable = None, None

    @property
    def mentions(self) -> tuple[Mention, ...]:
        return self.records("mentions")

    @property
    def timexes(self) -> tuple[Timex, ...]:
        return self.records("timexes")

    @property
    def places(self) -> tuple[PlaceMention, ...]:
        return self.records("places")

    @property
    def counts(self) -> tuple[Count, ...]:
        return self.records("counts")

    @property
    def quotes(self) -> tuple[QuoteMention, ...]:
        return self.records("quotes")

    @property
    def events(self) -> tuple[EventMention, ...]:
        return self.records("events")

    @property
    def relations(self) -> tuple[RelationMention, ...]:
        return self.records("relations")
