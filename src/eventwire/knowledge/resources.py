"""The data extraction, resolution and evaluation read: one copy per ``Resources``, which
the pipeline builds once per process and settings (no loader keeps a copy of its own)."""

from __future__ import annotations

from functools import cached_property

from eventwire.config import Settings
from eventwire.knowledge.gazetteer import Gazetteer, open_gazetteer
from eventwire.knowledge.kb import KB, load_kb
from eventwire.knowledge.ontology import Ontology, read_ontology
from eventwire.knowledge.outlets import outlet_date_orders
from eventwire.knowledge.place_words import PlaceWords, place_words
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
    def place_words(self) -> PlaceWords:
        """Feature words, people who are there, statement verbs (``extract/place*.py``)."""
        return place_words()

    @cached_property
    def word_case(self) -> WordCase:
        """How English usually writes each word (a common word or a name)."""
        return read_word_case()

    @cached_property
    def trigger_words(self) -> frozenset[str]:
        """The words a token needs, as its lemma or its lower-case form, for
        ``extract/events.py`` to look it up as a trigger (:func:`trigger_words`)."""
        return trigger_words(self.ontology)


def trigger_words(onto: Ontology) -> frozenset[str]:
    """Every word a trigger lookup can start from, in lower case: each key of the verb,
    noun and phrasal indexes; the word before any of a key's spaces ("fire back" is
    looked up from "fire") or before "of" ("exchange of fire" from "exchange"); the word
    after any space or hyphen ("air strike" from "strike", "sit-in" from "in"); and the
    verbs of verb-object entries, the weapons that are subjects and the words that are
    events only for some actors. A token with neither its lemma nor its lower-case form
    among them is no trigger; one with either is looked up in full as before."""
    words: set[str] = set()
    for key in (k.lower() for index in onto.triggers.values() for k in index):
        words.add(key)
        for i, char in enumerate(key):
            if char == " ":
                words.update((key[:i], key[i + 1 :]))
            elif char == "-":
                words.add(key[i + 1 :])
    words.update(onto.verb_object_verbs, onto.weapon_subjects, onto.by_source_kind)
    return frozenset(words) | frozenset(w.lower() for w in words)
