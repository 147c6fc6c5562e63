"""Per-document extraction: one article and its parse in, :class:`DocumentRecords` out.

Extractors are :class:`~eventwire.extract.component.Component` classes registered in
:data:`eventwire.registry.extractors` with the record kinds they read (``requires``),
create (``assigns``) and add to (``extends``); :class:`ExtractionPipeline` orders and
checks them once, then runs them on each document with one shared
:class:`~eventwire.extract.docview.DocView`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.component import Component, ExtractionPipeline
from eventwire.extract.context import RECORD_KINDS, DocContext, UndeclaredRead
from eventwire.knowledge.resources import Resources
from eventwire.model import Article, DocumentRecords

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "RECORD_KINDS",
    "Component",
    "DocContext",
    "ExtractionPipeline",
    "Resources",
    "UndeclaredRead",
    "extract_document",
]


def extract_document(article: Article, doc: Doc, resources: Resources) -> DocumentRecords:
    """Run the registered extractors on one document (building the pipeline each call;
    code extracting many documents builds one :class:`ExtractionPipeline` and calls it)."""
    return ExtractionPipeline(resources)(article, doc)
