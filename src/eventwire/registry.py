"""One registry mechanism for every pluggable component.

Built-in readers, extractors, stores and exporters register themselves exactly
the way a user's plug-in would::

    from eventwire.registry import exporters

    @exporters.register("ndjson")
    def write_ndjson(records, out): ...

Entry points in the group ``eventwire.<registry name>`` are loaded on first lookup,
so a separately installed package can add components without editing ours.
"""

from __future__ import annotations

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
    def __init__(self, name: str) -> None:
        self.name = name
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
            self._items[name] = Component(name, obj, tuple(requires), tuple(assigns), dict(meta))
            return obj

        return decorator

    def _load_entry_points(self) -> None:
        if self._entry_points_loaded:
            return
        self._entry_points_loaded = True
        for ep in entry_points(group=f"eventwire.{self.name}"):
            if ep.name not in self._items:
                self._items[ep.name] = Component(ep.name, ep.load())

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
extractors = Registry("extractors")
stores = Registry("stores")
exporters = Registry("exporters")
