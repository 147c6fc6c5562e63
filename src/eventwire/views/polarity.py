"""Which side a relation or event puts two actors on, and how its modality is labelled.

Event types take their polarity from the ontology (each PLOVER type names the relation
it implies and that relation's polarity); relation types are the ontology's relation
names plus the standing relations the relation extractor states ("ally", "proxy").
Labels are the same on every page, list, panel and chart.
"""

from __future__ import annotations

from functools import lru_cache

from eventwire.knowledge.ontology import Ontology, load_ontology
from eventwire.model import COUNTING_MODALITIES, MODALITIES

POLARITIES = ("positive", "negative", "neutral", "negated")
# standing relations from knowledge/data/relation_words.toml that no event type implies
STANDING = {"ally": "positive", "proxy": "positive"}
# modality -> the label shown beside a record; asserted facts carry none
MODALITY_LABELS = {m: m for m in MODALITIES} | {"asserted": "", "future": "expected"}


@lru_cache(maxsize=1)
def _ontology() -> Ontology:
    return load_ontology()


@lru_cache(maxsize=256)
def _type_polarity(type: str) -> str:
    onto = _ontology()
    name = onto.normalise(type)
    if name is not None and onto.types[name].relation is not None:
        return onto.types[name].relation[1]  # type: ignore[index]
    low = type.lower()
    for et in onto.types.values():
        if et.relation is not None and et.relation[0] == low:
            return et.relation[1]
    return STANDING.get(low, "neutral")


def type_polarity(type: str, negated: bool = False) -> str:
    """positive / negative / neutral for an event or relation type; negated wins."""
    return "negated" if negated else _type_polarity(type)


def modality_label(modality: str | None, negated: bool = False) -> str:
    """The label shown for a record's modality ('' for a plain assertion)."""
    if negated:
        return "denied" if modality == "denied" else "negated"
    return MODALITY_LABELS.get(modality or "asserted", modality or "")


def is_counted(modality: str | None, negated: bool = False) -> bool:
    """Does the record say the act happened (so its sources count towards it)?"""
    return not negated and (modality or "asserted") in COUNTING_MODALITIES
