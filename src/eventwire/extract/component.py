"""Extraction components and the pipeline that orders and checks them.

A component is a class registered in :data:`eventwire.registry.extractors` under a stable
name, the way spaCy registers factories::

    @extractors.register("weapons")
    class Weapons(Component):
        requires = ("mentions",)      # kinds it reads
        assigns = ("weapons",)        # kinds it creates (one component per kind)
        extends = ()                  # kinds another component created that it adds to

        @dataclass(frozen=True)
        class Config:                 # typed settings, from ExtractionPipeline(config=...)
            window: int = 3

        def __call__(self, ctx): return {"weapons": [...]}

:class:`ExtractionPipeline` orders the registered components from these declarations
(a component runs after those creating what it reads or extends; ties keep the built-in
order, then registration order, so user components fit between built-ins) and fails at
startup when a kind is read that nothing creates, two components create the same kind,
or the declarations form a cycle. While a component runs, the context lets it read only
what it declared, and a component returning an undeclared kind is an error too.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, ClassVar

from eventwire.errors import ConfigError
from eventwire.extract.context import RECORD_KINDS, DocContext
from eventwire.knowledge.resources import Resources
from eventwire.model import Article, DocumentRecords
from eventwire.registry import Registry, extractors

Produced = Mapping[str, Sequence[Any]]

# The built-ins' order where the declarations leave a choice (it is part of their
# behaviour: "quotes" reads the mentions as "mentions" made them, before "events" adds).
BUILTIN_ORDER = ("mentions", "timexes", "places", "counts", "quotes", "events", "relations")


@dataclass(frozen=True)
class NoConfig:
    """A component with nothing to configure."""


class Component:
    """Base class of extraction components (see the module docstring)."""

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()
    extends: ClassVar[tuple[str, ...]] = ()
    Config: ClassVar[type] = NoConfig

    def __init__(self, resources: Resources, config: Mapping[str, Any] | None = None) -> None:
        self.resources = resources
        known = {f.name for f in fields(self.Config)}
        unknown = sorted(set(config or {}) - known)
        if unknown:
            raise ConfigError(f"extractor {self.name!r}: unknown config {', '.join(unknown)}")
        self.config = self.Config(**(config or {}))

    def __call__(self, ctx: DocContext) -> Produced:
        raise NotImplementedError


def _declared(obj: Any, name: str) -> type[Component]:
    if not (isinstance(obj, type) and issubclass(obj, Component)):
        raise ConfigError(f"extractor {name!r} is not a Component subclass")
    return obj


def order_components(classes: Sequence[type[Component]]) -> list[type[Component]]:
    """``classes`` in an order their declarations allow; ConfigError when none does."""
    creator: dict[str, str] = {}
    for cls in classes:
        for kind in cls.assigns:
            if kind in creator:
                raise ConfigError(
                    f"extractors {creator[kind]!r} and {cls.name!r} both assign {kind!r}"
                )
            creator[kind] = cls.name
    by_name = {cls.name: cls for cls in classes}
    after: dict[str, set[str]] = {cls.name: set() for cls in classes}
    for cls in classes:
        for kind in (*cls.requires, *cls.extends):
            if kind not in creator:
                raise ConfigError(
                    f"extractor {cls.name!r} reads {kind!r}, which no extractor assigns"
                )
            if creator[kind] != cls.name:
                after[cls.name].add(creator[kind])
    rank = {name: n for n, name in enumerate(BUILTIN_ORDER)}
    position = {cls.name: (rank.get(cls.name, len(rank)), n) for n, cls in enumerate(classes)}
    waiting = {name: set(deps) for name, deps in after.items()}
    ready = [(position[n], n) for n, deps in waiting.items() if not deps]
    heapq.heapify(ready)
    out: list[type[Component]] = []
    while ready:
        _pos, name = heapq.heappop(ready)
        out.append(by_name[name])
        for other, deps in waiting.items():
            if name in deps:
                deps.discard(name)
                if not deps:
                    heapq.heappush(ready, (position[other], other))
    if len(out) < len(classes):
        stuck = sorted(n for n, deps in waiting.items() if deps)
        raise ConfigError(f"extractors {', '.join(stuck)} depend on each other in a cycle")
    return out


class ExtractionPipeline:
    """The registered components, ordered and checked once, run on one document at a time."""

    def __init__(
        self,
        resources: Resources,
        *,
        registry: Registry = extractors,
        config: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        config = config or {}
        classes = []
        for comp in registry:
            cls = _declared(comp.obj, comp.name)
            if cls.name != comp.name:
                raise ConfigError(f"extractor registered as {comp.name!r} is named {cls.name!r}")
            classes.append(cls)
        unknown = sorted(set(config) - {cls.name for cls in classes})
        if unknown:
            raise ConfigError(f"config for unknown extractor(s) {', '.join(unknown)}")
        self.components = [
            cls(resources, config.get(cls.name)) for cls in order_components(classes)
        ]
        self.resources = resources

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def __call__(self, article: Article, doc: Any) -> DocumentRecords:
        ctx = DocContext(article=article, doc=doc, resources=self.resources)
        for comp in self.components:
            readable = frozenset((*comp.requires, *comp.extends))
            with ctx.reading_as(comp.name, readable):
                produced = comp(ctx)
            undeclared = sorted(set(produced) - {*comp.assigns, *comp.extends})
            if undeclared:
                raise ConfigError(
                    f"extractor {comp.name!r} returned {', '.join(undeclared)} "
                    "without declaring it (add it to assigns)"
                )
            for kind in comp.assigns:
                ctx.put(kind, produced.get(kind, ()))
            for kind in comp.extends:
                if kind in produced:
                    ctx.put(kind, produced[kind])
        records = ctx.all_records()
        return DocumentRecords(
            article_id=article.id, **{k: records.get(k, ()) for k in RECORD_KINDS}
        )
