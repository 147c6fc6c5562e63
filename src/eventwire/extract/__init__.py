"""Per-document extraction: one article and its parse in, :class:`DocumentRecords` out.

Extractors are registered in :data:`eventwire.registry.extractors` with the
record kinds they read (``requires``) and write (``assigns``); they run in
:data:`DEFAULT_ORDER`, skipping any that is not registered, then any extra
registered extractor whose requirements are met.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext, Resources
from eventwire.model import Article, DocumentRecords
from eventwire.registry import extractors

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["DEFAULT_ORDER", "DocContext", "Resources", "extract_document", "load_builtin"]

DEFAULT_ORDER = ("mentions", "timexes", "places", "counts", "quotes", "events", "relations")
RECORD_KINDS = ("mentions", "timexes", "places", "counts", "events", "relations", "quotes")

_BUILTIN_MODULES = (
    "eventwire.extract.mentions",
    "eventwire.extract.dates",
    "eventwire.extract.places",
    "eventwire.extract.counts",
    "eventwire.extract.quotes",
    "eventwire.extract.events",
    "eventwire.extract.relations",
)


@lru_cache(maxsize=1)
def load_builtin() -> None:
    """Import the built-in extractor modules so they register themselves (once per process)."""
    import importlib
    import importlib.util

    for name in _BUILTIN_MODULES:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)


def extract_document(article: Article, doc: Doc, resources: Resources) -> DocumentRecords:
    load_builtin()
    ctx = DocContext(article=article, doc=doc, resources=resources)
    names = [n for n in DEFAULT_ORDER if n in extractors]
    names += [n for n in extractors.names() if n not in names]
    for name in names:
        comp = extractors.get(name)
        if not all(req in ctx.found for req in comp.requires):
            continue
        produced = comp.obj(ctx)
        for kind in comp.assigns:
            ctx.found[kind] = tuple(produced.get(kind, ()))
    return DocumentRecords(article_id=article.id, **{k: ctx.found.get(k, ()) for k in RECORD_KINDS})
