"""Shipped data has one owner: a Resources. The readers keep no process-wide copy."""

from __future__ import annotations

from dataclasses import replace

from eventwire.config import Settings
from eventwire.knowledge.kb import load_kb
from eventwire.knowledge.ontology import read_ontology
from eventwire.knowledge.resources import Resources, trigger_words
from eventwire.knowledge.wordcase import read_word_case
from eventwire.model import Event, Evidence
from eventwire.resolve.relations import resolve_relations
from eventwire.views.corpus import matching_types
from eventwire.views.polarity import type_polarity


def test_readers_return_fresh_copies_and_resources_keep_one() -> None:
    settings = Settings()
    assert load_kb(settings) is not load_kb(settings)
    assert read_ontology() is not read_ontology()
    assert read_word_case() is not read_word_case()
    resources = Resources(settings)
    assert resources.kb is resources.kb
    assert resources.ontology is resources.ontology
    assert Resources(settings).kb is not resources.kb


def test_resolution_reads_the_ontology_it_is_given() -> None:
    evidence = Evidence("a", "Militia A shelled militia B.", 0, 28)
    event = Event("e1", "ASSAULT", {}, (evidence,), source_actor="A", target_actor="B")
    resources = Resources()
    shipped = resolve_relations([], [event], {}, resources)
    assert [(r.source_actor, r.target_actor, r.type) for r in shipped] == [("A", "B", "fight")]
    # the same event under an ontology whose ASSAULT implies no relation makes none
    onto = resources.ontology
    assault = replace(onto.types["ASSAULT"], relation=None)
    resources.__dict__["ontology"] = replace(onto, types={**onto.types, "ASSAULT": assault})
    assert resolve_relations([], [event], {}, resources) == []


def test_two_resources_with_different_settings_share_no_outlet_table() -> None:
    shipped, user = Resources(), Resources(Settings(outlet_date_order="Harbour Gazette=MDY"))
    assert "harbour gazette" not in shipped.date_orders
    assert user.date_orders["harbour gazette"] == "MDY"
    assert shipped.date_orders["libya herald"] == user.date_orders["libya herald"] == "DMY"
    assert shipped.date_orders is not user.date_orders
    assert shipped.ontology is not user.ontology
    # a user's order wins over the shipped one for the same outlet
    assert (
        Resources(Settings(outlet_date_order="Libya Herald=MDY")).date_orders["libya herald"]
        == "MDY"
    )


def test_two_resources_share_no_word_table() -> None:
    first, second = Resources(), Resources()
    for name in ("count_words", "relation_words", "quote_words", "anchor_words", "page_words",
                 "word_case"):  # fmt: skip
        assert getattr(first, name) is getattr(first, name)  # one copy per Resources
        assert getattr(first, name) is not getattr(second, name), name


def test_views_read_the_ontology_they_are_given() -> None:
    # no process-wide copy behind the views: the caller's ontology decides
    onto = read_ontology()
    assert type_polarity("ASSAULT", False, onto) == "negative"
    assert "fight" in matching_types("assault", onto)  # the old PLOVER name of the type
    quiet = replace(onto, types={**onto.types, "ASSAULT": replace(onto.types["ASSAULT"],
                                                                  relation=None)})  # fmt: skip
    assert type_polarity("ASSAULT", False, quiet) == "neutral"
    renamed = replace(onto, legacy={k: v for k, v in onto.legacy.items() if v != "ASSAULT"})
    assert "fight" not in matching_types("assault", renamed)


def test_trigger_words_hold_every_word_a_trigger_is_looked_up_from() -> None:
    onto = replace(
        read_ontology(),
        triggers={
            "verb": {"Shell": "ASSAULT"},
            "noun": {"air strike": "ASSAULT", "exchange of fire": "FIGHT", "sit-in": "PROTEST"},
            "phrasal": {"fire back": "ASSAULT"},
        },
        weapon_subjects=frozenset({"rocket"}),
        by_source_kind={"gather": {"protesters": "PROTEST"}},
        verb_objects=(),
    )
    words = trigger_words(onto)
    # the keys (in lower case); a compound's head, a phrasal verb's verb, the noun before
    # "of", the word after a hyphen; weapon subjects and words typed by their actor
    for word in ("shell", "air strike", "strike", "fire", "exchange", "in", "rocket", "gather"):
        assert word in words, word
    assert not {"the", "said", "minister", "Shell"} & words


def test_resources_build_the_trigger_words_of_their_ontology_once() -> None:
    resources = Resources()
    assert resources.trigger_words is resources.trigger_words
    assert {"attack", "clash", "shell"} <= resources.trigger_words
