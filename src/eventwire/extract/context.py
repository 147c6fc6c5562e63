"""What an extractor sees: the article, its parse, shared resources and earlier results."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from eventwire.config import Settings
from eventwire.extract.docview import DocView
from eventwire.model import Article, Evidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class Resources:
    """Loaded-once data an extractor may need (knowledge base, gazetteer).

    Built at the edge from settings and shared by every document of a process."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    @cached_property
    def kb(self) -> Any:
        from eventwire.knowledge.kb import load_kb

        return load_kb(self.settings)

    @cached_property
    def gazetteer(self) -> Any:
        from eventwire.knowledge.gazetteer import open_gazetteer

        return open_gazetteer(self.settings)

    @cached_property
    def truecaser(self) -> Any:
        from eventwire.truecase import Truecaser

        return Truecaser(self.kb, self.gazetteer.path)


@dataclass
class DocContext:
    article: Article
    doc: Doc
    resources: Resources
    found: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    # per-document values derived from ``found`` that many events ask for; keyed by the
    # asking function's name and the length of what it was derived from
    memo: dict[tuple[str, int], Any] = field(default_factory=dict)
    view: DocView = field(init=False)

    def __post_init__(self) -> None:
        self.view = DocView(self.doc)

    @property
    def text(self) -> str:
        """The document's text, read once (``doc.text`` joins every token on each call)."""
        return self.view.text

    def evidence(self, sent: Span) -> Evidence:
        """Evidence for a spaCy sentence of this document."""
        return Evidence(
            article_id=self.article.id,
            sentence=sent.text,
            char_start=sent.start_char,
            char_end=sent.end_char,
        )
