"""The data extraction, resolution and evaluation read: one copy per ``Resources``, which
the pipeline builds once per process and settings (no loader keeps a copy of its own)."""

from __future__ import annotations

from functools import cached_property

from eventwire.config import Settings
from eventwire.knowledge.gazetteer import Gazetteer, open_gazetteer
from eventwire.knowledge.kb import KB, load_kb
from eventwire.knowledge.ontology import Ontology, read_ontology
from eventwire.knowledge.outlets import outlet_date_orders
from eventwire.knowledge.wordcase import WordCase, read_word_case
from eventwire.knowledge.words import (
    AnchorWords,
    CountWords,
    PageWords,
    QuoteWords,
    RelationWords,
    anchor_words,
    count_words,
    page_words,
    quote_words,
    relation_words,
)


class Resources:
    """Loaded-once data the components need: the knowledge base, the gazetteer, the
    ontology and the word lists. Built at the edge from settings and shared by every
    document of a process; each part is read on first use."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    @cached_property
    def kb(self) -> KB:
        return load_kb(self.settings)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return open_gazetteer(self.settings)

    @cached_property
    def ontology(self) -> Ontology:
        return read_ontology()

    @cached_property
    def date_orders(self) -> dict[str, str]:
        """Outlet (lower case) -> DMY or MDY: the shipped table, the settings' over it."""
        return outlet_date_orders(self.settings)

    @cached_property
    def count_words(self) -> CountWords:
        return count_words()

    @cached_property
    def relation_words(self) -> RelationWords:
        return relation_words()

    @cached_property
    def quote_words(self) -> QuoteWords:
        return quote_words()

    @cached_property
    def anchor_words(self) -> AnchorWords:
        return anchor_words()

    @cached_property
    def page_words(self) -> PageWords:
        """The wording of caption and credit lines (``extract/docview.py``'s zones)."""
        return page_words()

    @cached_property
    def word_case(self) -> WordCase:
        """How English usually writes each word (a common word or a name)."""
        return read_word_case()
