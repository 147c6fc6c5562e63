"""Which side a relation or event puts two actors on, and how its modality is labelled.

Event types take their polarity from the ontology's fields (each PLOVER type names the
relation it implies and that relation's polarity: ``Ontology.polarity``); relation types
are the ontology's relation names plus the standing relations the relation extractor
states ("ally", "proxy"). This module keeps no table of its own.
Labels are the same on every page, list, panel and chart.
"""

from __future__ import annotations

from eventwire.knowledge.ontology import Ontology
from eventwire.model import COUNTING_MODALITIES, MODALITIES

POLARITIES = ("positive", "negative", "neutral", "negated")
# standing relations from knowledge/data/relation_words.toml that no event type implies
STANDING = {"ally": "positive", "proxy": "positive"}
# modality -> the label shown beside a record; asserted facts carry none
MODALITY_LABELS = {m: m for m in MODALITIES} | {"asserted": "", "future": "expected"}


def type_polarity(type: str, negated: bool, onto: Ontology) -> str:
    """positive / negative / neutral for an event or relation type under ``onto`` (the
    caller's copy: the app's, the command's); negated wins."""
    if negated:
        return "negated"
    return onto.polarity(type) or STANDING.get(type.lower(), "neutral")


def modality_label(modality: str | None, negated: bool = False) -> str:
    """The label shown for a record's modality ('' for a plain assertion)."""
    if negated:
        return "denied" if modality == "denied" else "negated"
    return MODALITY_LABELS.get(modality or "asserted", modality or "")


def is_counted(modality: str | None, negated: bool = False) -> bool:
    """Does the record say the act happened (so its sources count towards it)?"""
    return not negated and (modality or "asserted") in COUNTING_MODALITIES
