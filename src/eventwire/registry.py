"""One registry mechanism for every pluggable component.

Built-in readers, extractors, stores and exporters register themselves exactly
the way a user's plug-in would::

    from eventwire.registry import exporters

    @exporters.register("ndjson")
    def write_ndjson(records, out): ...

On first lookup a registry imports its built-in modules (which register themselves),
then the entry points in the group ``eventwire.<registry name>``, so a separately
installed package adds components without editing ours. A name is registered once: a
second component under the same name (built-in, plug-in or entry point) is refused.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

from eventwire.errors import ConfigError


@dataclass(frozen=True)
class Component:
    name: str
    obj: Any
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)


class Registry:
    def __init__(self, name: str, builtins: tuple[str, ...] = ()) -> None:
        self.name = name
        self.builtins = builtins  # modules that register the built-in components
        self._items: dict[str, Component] = {}
        self._entry_points_loaded = False

    def register(
        self,
        name: str,
        *,
        requires: tuple[str, ...] = (),
        assigns: tuple[str, ...] = (),
        **meta: Any,
    ) -> Callable[[Any], Any]:
        def decorator(obj: Any) -> Any:
            self._add(Component(name, obj, tuple(requires), tuple(assigns), dict(meta)))
            return obj

        return decorator

    def _add(self, comp: Component) -> None:
        old = self._items.get(comp.name)
        if old is not None and old.obj is not comp.obj:
            raise ConfigError(f"two {self.name} named {comp.name!r}: {old.obj!r} and {comp.obj!r}")
        self._items[comp.name] = comp

    def unregister(self, name: str) -> None:
        """Remove a component (for tests and for replacing a built-in on purpose)."""
        self._items.pop(name, None)

    def _load_entry_points(self) -> None:
        if self._entry_points_loaded:
            return
        self._entry_points_loaded = True
        for module in self.builtins:
            importlib.import_module(module)
        for ep in entry_points(group=f"eventwire.{self.name}"):
            self._add(Component(ep.name, ep.load()))

    def get(self, name: str) -> Component:
        self._load_entry_points()
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items)) or "none"
            raise ConfigError(f"no {self.name} named {name!r} (known: {known})") from None

    def names(self) -> list[str]:
        self._load_entry_points()
        return list(self._items)

    def __iter__(self) -> Iterator[Component]:
        self._load_entry_points()
        return iter(list(self._items.values()))

    def __contains__(self, name: object) -> bool:
        self._load_entry_points()
        return name in self._items


readers = Registry("readers")
extractors = Registry(
    "extractors",
    builtins=tuple(
        f"eventwire.extract.{m}"
        for m in ("mentions", "dates", "places", "counts", "quotes", "events", "relations")
    ),
)
stores = Registry("stores", builtins=("eventwire.store.sqlite", "eventwire.store.postgres"))
exporters = Registry("exporters")
