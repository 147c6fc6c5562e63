"""Order-free actor clustering: every unit carries keys, every key is decided on its own.

A unit (one document's mention group) carries keys of several kinds, from strongest
to weakest: a user merge (``override``), its knowledge-base entry (``kb``), an
unnamed group of one country (``group``), a country's name (``country``), a state
institution's generic name with its country (``office``: "supreme court|GHA") and without
it (``body``), a name of two words or more (``name``, by transliteration key), an acronym written as such or
the initials of a long organisation name (``acronym``), a person's family name
(``surname``), a one-word name (``name``). A one-word name and a family name are keyed by
:func:`~eventwire.text.translit.name_key`: a skeleton of up to three consonants carries its
first vowel and its number of vowel groups ("Hair" is no "Hiro", "Homs" no "Hamas", "Mail"
no "Maliya"). Its strongest key is its *anchor*.

A key belongs to the cluster of the units that carry it with a stronger anchor, when
those all lie in one cluster; when they lie in several, the key is ambiguous and
keeps its own cluster ("Gaddafi" alone, beside "Saif Gaddafi" and "Muammar
Gaddafi", is neither); when none does, the key is a cluster of its own. A one-word
name that nobody stronger carries and that some of its units call a person joins
the family name's one bearer the same way. A unit lies in the cluster of its anchor.

So a key's decision reads only the units carrying it and the decisions of stronger
keys: it never depends on the order units arrive in or are compared, and a new unit
can change only the decisions of the keys it carries and of keys below them (what
incremental resolution re-decides). The cluster's key names it (and the actor id).

Blocking evidence is built into the keys: two KB entries, two full names (different
given or family names), a country and a non-country, or one institution of two countries
("the Supreme Court" of Ghana and of Peru) never share an anchor, and the sides of a user
split carry separate keys. An institution of no known country is anchored on its ``body``
key, which joins the one country's when the store names that institution for one country
alone and is ambiguous (its own cluster) when it names several.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.resolve.actor_units import Unit, initials
from eventwire.resolve.names import plain_key
from eventwire.resolve.overrides import Overrides
from eventwire.resolve.translit import family_key, name_key, token_keys, translit_key

# kind -> rank; a ``name`` of two words or more ranks as ``fullname``
RANKS = {"unit": 0, "name": 1, "surname": 2, "acronym": 3, "fullname": 4, "body": 5,
         "office": 6, "country": 7, "group": 7, "kb": 8, "override": 9}  # fmt: skip
# the explanations list merges by rule in this order (spelling before the KB)
EXPLAIN_ORDER = ("override", "name", "fullname", "office", "body", "country", "group", "acronym",
                 "kb", "surname")  # fmt: skip


def kind_of(key: str) -> str:
    kind, _, value = key.partition(":")
    if kind == "name" and " " in value.split("#")[0]:
        return "fullname"
    return kind


def value_of(key: str) -> str:
    return key.partition(":")[2].split("#")[0]


def strength(key: str) -> tuple[int, int, str]:
    """Stronger keys compare greater; ties between a unit's keys break by the text."""
    value = value_of(key)
    return (RANKS[kind_of(key)], len(value.split()), key)


def matches(unit: Unit, name: str) -> bool:
    pk, tk = plain_key(name), translit_key(name)
    return any(plain_key(f) == pk or translit_key(f) == tk for f in unit.forms)


def unit_keys(unit: Unit, overrides: Overrides) -> tuple[str, ...]:
    """The keys a unit carries, strongest (its anchor) first."""
    keys: set[str] = set()
    if unit.is_group:  # "police" of two articles are one actor only in the same country
        keys.update(f"group:{k}|{unit.country}" for k in unit.tkeys if unit.country)
        keys.add(f"unit:{unit.article_id}|{unit.group}")
    else:
        for n, names in enumerate(overrides.merges):
            if any(matches(unit, name) for name in names):
                keys.add(f"override:{n}")
        if unit.kb_id:
            keys.add(f"kb:{unit.kb_id}")
        if unit.is_country:
            keys.update(f"country:{k}" for k in unit.tkeys)
        else:
            keys.update(f"name:{k}" for f in unit.forms if (k := name_key(f)))
        if unit.institution:
            keys.update(institution_keys(unit.institution, unit.country))
        keys.update(f"acronym:{a}" for a in unit.acronyms)
        if not unit.is_person:
            keys.update(f"acronym:{initials(f)}" for f in unit.forms if len(f.split()) > 2)
        keys.update(f"surname:{s}" for s in family_keys(unit))
    # a user split: the units under the second name carry keys of their own
    for n, (name, other) in enumerate(overrides.splits):
        if matches(unit, other) and not matches(unit, name):
            keys = {k if k.startswith("unit:") else f"{k}#split{n}" for k in keys}
    return tuple(sorted(keys, key=strength, reverse=True))


def institution_keys(name: str, country: str | None) -> set[str]:
    """A state institution's keys: with its country (``office``), the one actor of that
    country's institution; its generic name alone (``body``), which joins that one actor
    when the store holds the name for one country alone (a key of several owners is
    ambiguous) and otherwise stays apart ("the parliament" of Kenya and of Uganda are two
    actors; "the parliament" of no known country, in a store naming both, is neither)."""
    key = translit_key(name)
    return {f"body:{key}", f"office:{key}|{country}"} if country else {f"body:{key}"}


def family_keys(unit: Unit) -> set[str]:
    """The family-name keys of a person's full names, in the form a one-word name's key
    takes (:func:`name_key`), so that "Hair" never meets the family name of "Dilip Hiro"."""
    if not unit.full_surnames:
        return set()
    return {family_key(f) for f in unit.forms if len(token_keys(f)) > 1}


@dataclass(frozen=True)
class Decision:
    """How a key was decided: the cluster it belongs to, the key whose carriers said so
    (itself, or the family name a one-word name fell back to), and when it is ambiguous
    the clusters it could have joined."""

    cluster: str
    via: str
    rivals: tuple[str, ...] = ()


def decide_key(
    key: str, owners: Callable[[str], list[str]], personish_anchored: Callable[[str], bool]
) -> Decision:
    """Decide ``key`` (see the module docstring): ``owners(k)`` are the clusters, sorted,
    of the units carrying ``k`` that are anchored elsewhere (so on a stronger key);
    ``personish_anchored(k)`` whether a unit anchored on ``k`` may be a person."""
    found = owners(key)
    if len(found) > 1:
        return Decision(key, key, tuple(found))
    if found:
        return Decision(found[0], key)
    if kind_of(key) == "name" and personish_anchored(key):
        family = "surname:" + key.partition(":")[2]
        found = owners(family)
        if len(found) > 1:
            return Decision(key, family, tuple(found))
        if found:
            return Decision(found[0], family)
    return Decision(key, key)


class KeyGraph:
    """Units' keys and the per-key decisions (see the module docstring).

    ``keys[i]`` are unit i's keys, strongest first; ``personish[i]`` whether it may be
    a person (a one-word name then meets a family name)."""

    def __init__(self, keys: Sequence[tuple[str, ...]], personish: Sequence[bool]) -> None:
        self.keys = keys
        self.personish = personish
        self.carriers: dict[str, list[int]] = defaultdict(list)
        for i, ks in enumerate(keys):
            for k in ks:
                self.carriers[k].append(i)
        self._decided: dict[str, Decision] = {}
        self._stronger: dict[str, dict[str, list[int]]] = {}

    def anchor(self, i: int) -> str:
        return self.keys[i][0]

    def cluster_of(self, i: int) -> str:
        return self.decide(self.anchor(i)).cluster

    def stronger(self, key: str) -> dict[str, list[int]]:
        """The clusters of the units carrying ``key`` with a stronger anchor, each with
        those units."""
        if key in self._stronger:
            return self._stronger[key]
        out: dict[str, list[int]] = defaultdict(list)
        for i in self.carriers.get(key, ()):
            if self.anchor(i) != key:  # a unit's anchor is its one strongest key
                out[self.cluster_of(i)].append(i)
        self._stronger[key] = out
        return out

    def decide(self, key: str) -> Decision:
        if key not in self._decided:
            self._decided[key] = decide_key(
                key, lambda k: sorted(self.stronger(k)), self.personish_anchored
            )
        return self._decided[key]

    def personish_anchored(self, key: str) -> bool:
        return any(self.personish[i] for i in self.carriers.get(key, ()) if self.anchor(i) == key)

    def bearer(self, via: str, cluster: str) -> int:
        """The first unit (units are in sort order) through which ``via`` joins ``cluster``."""
        return self.stronger(via)[cluster][0]


def explain(
    members: Sequence[tuple[Unit, str]],
    decision_of: Callable[[str], Decision],
    bearer_of: Callable[[str, str], Unit],
    kb: Any,
    rep_of: Callable[[str], Unit] | None = None,
) -> dict[str, str]:
    """Why the units ``members`` ((unit, anchor) in sort order) are one cluster, and
    which rivals a member was kept apart from: each line with its sort key (the rule's
    order, then the first unit giving it; the explanation lists them by it).
    ``bearer_of(key, cluster)`` is the first unit of ``cluster`` that carries ``key``
    without being anchored on it; ``rep_of(anchor)`` the first unit of the cluster
    anchored on ``anchor`` (by default the first of ``members``: a whole cluster)."""
    lines: dict[str, str] = {}
    first_on: dict[str, Unit] = {}
    for u, anchor in members:
        first_on.setdefault(anchor, u)

    def line(order: int, u: Unit, text: str) -> None:
        # \x1f between article and group, as unit ids: keys sort as (order, sort key)
        key = f"{order:02d}\x1e{u.article_id}\x1f{u.group}"
        if text not in lines or key < lines[text]:
            lines[text] = key

    for u, anchor in members:
        d = decision_of(anchor)
        if d.rivals:
            bearers = [bearer_of(d.via, rival) for rival in d.rivals]
            line(len(EXPLAIN_ORDER), u, _apart(u, d.via, bearers))
        if d.cluster == anchor:
            rep = rep_of(anchor) if rep_of else first_on[anchor]
            if d.via == anchor and rep.sort_key != u.sort_key:
                kind = kind_of(anchor)
                line(EXPLAIN_ORDER.index(kind), u, _why(kind, anchor, rep, u, kb))
            continue
        bearer = bearer_of(d.via, d.cluster)
        if d.via != anchor:
            kind, why = "surname", f"'{u.label}' is the family name of '{bearer.label}'"
        else:
            kind = kind_of(anchor)
            why = _why(kind, anchor, bearer, u, kb)
        line(EXPLAIN_ORDER.index(kind), u, why)
    return lines


def _why(kind: str, key: str, a: Unit, b: Unit, kb: Any) -> str:
    value = value_of(key)
    if kind == "override":
        return f"user override merges '{a.label}' and '{b.label}'"
    if kind == "kb":
        entry = kb.get(value)
        return f"'{a.label}' and '{b.label}' both match knowledge-base entry {entry.name if entry else value!r}"
    if kind == "acronym":
        return f"'{a.label}' and '{b.label}' share the acronym {value}"
    if kind == "group":
        return f"same group '{a.label}' of the same country ({a.country}) in several articles"
    if kind == "office":
        return f"'{a.label}' and '{b.label}': the same state institution of {a.country}"
    if kind == "body" and a.country:  # a unit of no country joined the one country's
        return (
            f"'{b.label}' joins '{a.label}': the store names the {a.institution} of one "
            f"country alone ({a.country})"
        )
    if kind == "body":
        return f"same institution '{a.label}' of no known country in several articles"
    if a.label == b.label:
        return f"same name '{a.label}' in several articles"
    return f"'{a.label}' ~ '{b.label}': same transliteration key '{value}'"


def _apart(u: Unit, via: str, bearers: list[Unit]) -> str:
    names = " / ".join(f"'{b.label}'" for b in bearers)
    given = [b.given for b in bearers]
    kb_ids = sorted({b.kb_id for b in bearers if b.kb_id})
    if all(given) and len({frozenset(g) for g in given}) == len(given):
        reason = f"different given names ({' / '.join(sorted({g for gs in given for g in gs}))})"
    elif len(kb_ids) > 1:
        reason = f"different knowledge-base entries ({', '.join(kb_ids)})"
    elif kind_of(via) == "body":
        countries = ", ".join(sorted({b.country or "?" for b in bearers}))
        reason = f"the store names the {u.institution} of several countries ({countries})"
    else:
        reason = f"'{value_of(via)}' is shared by {len(bearers)} different actors"
    return f"'{u.label}' kept apart from {names}: {reason}"
