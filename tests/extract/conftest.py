"""Run our extractors (not places/dates, which need the gazetteer) on one text."""

from __future__ import annotations

import importlib

import pytest

from eventwire.config import Settings
from eventwire.extract import DocContext
from eventwire.knowledge.resources import Resources
from eventwire.model import Article
from eventwire.registry import extractors

ORDER = ("mentions", "counts", "quotes", "events", "relations")


@pytest.fixture(scope="session")
def run(nlp, resources):
    return _runner(nlp, resources)


@pytest.fixture(scope="session")
def run_without_kb(nlp):
    """The same with the shipped KB files off, as a user on a new war has them."""
    return _runner(nlp, Resources(Settings(shipped_kb=False)))


def _runner(nlp, resources):
    for name in ORDER:
        importlib.import_module(f"eventwire.extract.{name}")

    components = [extractors.get(name).obj(resources) for name in ORDER]

    def _run(text: str) -> dict:
        # the components in order, without the pipeline's check that what they read was
        # made (no places or dates here): the records they read are simply empty
        ctx = DocContext(Article(id="t", text=text, published="2019-04-05"), nlp(text), resources)
        for comp in components:
            produced = comp(ctx)
            for kind in (*comp.assigns, *comp.extends):
                if kind in produced:
                    ctx.put(kind, produced[kind])
        return ctx.all_records()

    return _run
