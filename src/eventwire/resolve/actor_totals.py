"""Running totals of one actor cluster: all that building its actor reads.

An actor is built from its cluster's units (:func:`~eventwire.resolve.actors.build_actors`):
its name from the forms and how often each is written, its type from the units' types
weighted by their mentions, its country from its mentions' affiliations, its aliases,
roles, mention and article counts, and its explanation from one line per unit. Each of
these is a sum or a first occurrence, so a cluster keeps them as :class:`ClusterTotals`:
a full resolution makes them from all the units, and an incremental refresh adds the
units of a batch to the stored totals when they come after every unit the cluster has
(a hub actor named in most articles is then updated from the new units alone). Where a
value is picked among ties by the order it was first seen in, the totals keep where it
was first seen (a unit id, and a mention's place in it), so adding units in order gives
exactly what a rebuild from all of them gives.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from eventwire.model import Mention
from eventwire.resolve.actor_units import Unit, unit_id, unit_type
from eventwire.resolve.names import clean_surface

__all__ = ["ClusterTotals", "place"]


def place(uid: str, index: int = 0) -> str:
    """Where something was first seen, as a string that sorts as (unit, mention index)."""
    # \x1e sorts before any printable character, as unit ids' own separator does
    return f"{uid}\x1e{index:07d}"


@dataclass
class ClusterTotals:
    """The totals of one cluster's units (see the module docstring).

    ``types`` and ``affiliations`` map a value to [count, first place]; ``lines`` maps an
    explanation line to its sort key (rule order, then the first unit giving it);
    ``demonyms`` counts the demonym and capital mentions linked per country."""

    units: int = 0  # real units (demonym units are counted in ``demonyms``)
    last: str = ""  # the greatest unit id, demonym units included
    mentions: int = 0  # demonym mentions included
    articles: int = 0  # distinct articles, demonym mentions included
    forms: dict[str, int] = field(default_factory=dict)
    types: dict[str, list[Any]] = field(default_factory=dict)
    kb_ids: dict[str, int] = field(default_factory=dict)
    affiliations: dict[str, list[Any]] = field(default_factory=dict)
    roles: dict[str, int] = field(default_factory=dict)
    surfaces: dict[str, int] = field(default_factory=dict)  # cleaned mention texts
    lines: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, int] = field(default_factory=dict)

    def add_units(self, units: Iterable[Unit], kb: Any) -> None:
        """Add real units (in id order, after every unit already added)."""
        for u in units:
            uid = unit_id(u.article_id, u.group)
            self.units += 1
            self.last = max(self.last, uid)
            self.mentions += u.size
            for form, n in u.forms.items():
                self.forms[form] = self.forms.get(form, 0) + n
            _first(self.types, unit_type(u, kb), u.size, place(uid))
            if u.kb_id:
                self.kb_ids[u.kb_id] = self.kb_ids.get(u.kb_id, 0) + 1
            for i, m in enumerate(u.mentions):
                if m.affiliation:
                    _first(self.affiliations, m.affiliation, 1, place(uid, i))
                if m.role:
                    self.roles[m.role] = self.roles.get(m.role, 0) + 1
                text = clean_surface(m.span.text)
                self.surfaces[text] = self.surfaces.get(text, 0) + 1

    def add_demonyms(self, iso3: str, mentions: list[Mention]) -> None:
        """Add one country's demonym and capital mentions linked to this cluster."""
        self.mentions += len(mentions)
        self.demonyms[iso3] = self.demonyms.get(iso3, 0) + len(mentions)
        for m in mentions:
            self.last = max(self.last, unit_id(m.article_id, f"aff:{iso3}"))

    def add_lines(self, lines: dict[str, str]) -> None:
        for text, key in lines.items():
            if text not in self.lines or key < self.lines[text]:
                self.lines[text] = key

    def reasons(self) -> list[str]:
        """The explanation lines in order."""
        return sorted(self.lines, key=lambda t: self.lines[t])

    def lead(self, counts: dict[str, list[Any]]) -> str | None:
        """The value counted most; among ties the one seen first."""
        return min(counts, key=lambda v: (-counts[v][0], counts[v][1])) if counts else None

    def type_counts(self) -> dict[str, int]:
        """Types by mentions, in the order first seen."""
        return {t: self.types[t][0] for t in sorted(self.types, key=lambda t: self.types[t][1])}

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ClusterTotals:
        return cls(**json.loads(text))


def _first(counts: dict[str, list[Any]], value: str, n: int, where: str) -> None:
    if value in counts:
        counts[value][0] += n
        counts[value][1] = min(counts[value][1], where)
    else:
        counts[value] = [n, where]
