"""Run our extractors (not places/dates, which need the gazetteer) on one text."""

from __future__ import annotations

import importlib

import pytest

from eventwire.extract import DocContext
from eventwire.model import Article
from eventwire.registry import extractors

ORDER = ("mentions", "counts", "quotes", "events", "relations")


@pytest.fixture(scope="session")
def run(nlp, resources):
    for name in ORDER:
        importlib.import_module(f"eventwire.extract.{name}")

    def _run(text: str) -> dict:
        ctx = DocContext(Article(id="t", text=text, published="2019-04-05"), nlp(text), resources)
        for name in ORDER:
            comp = extractors.get(name)
            produced = comp.obj(ctx)
            for kind in comp.assigns:
                ctx.found[kind] = tuple(produced.get(kind, ()))
        return ctx.found

    return _run
