"""Actor resolution across documents: one actor per real-world entity.

Units are the document-local mention groups made by the mentions extractor.
Unnamed groups ("police", "gunmen") are merged only with the same group of the
same country (from a nationality adjective or the places of their article).
Units are merged when they share a transliteration key (Haftar ~ Hiftar), when a
surname-only unit matches a full name's surname, when an acronym written as such
matches an expansion's initials (two expansions with the same initials are not
merged for that), or when both match one KB entry. **Blocking evidence wins**:
different given names, different surnames of full names, a country against a
non-country, two different KB entries, or a user split keep units apart. Pairs
are tried in one sorted order, so the result does not depend on article order.
Every merge and every block is recorded as a human-readable explanation.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from eventwire.errors import ConfigError
from eventwire.knowledge.resources import Resources
from eventwire.model import Actor, DocumentRecords, Mention, Role, mention_key
from eventwire.resolve.actor_units import Unit, build_units, initials, unit_type
from eventwire.resolve.ids import stable_id
from eventwire.resolve.names import clean_surface, plain_key
from eventwire.resolve.overrides import Overrides, load_overrides
from eventwire.resolve.translit import translit_key

# Rule order: stronger evidence first; within a rule, larger bearers first.
# Spelling evidence comes before the KB so explanations show the KB-free reason.
_RULES = ("override", "translit", "acronym", "kb", "surname")


@dataclass(frozen=True)
class ActorResolution:
    actors: tuple[Actor, ...]
    mention_actor: dict[str, str]
    explanations: dict[str, tuple[str, ...]] = field(default_factory=dict)


def resolve_actors(docs: Iterable[DocumentRecords], resources: Resources) -> ActorResolution:
    kb = resources.kb
    overrides = _overrides(resources)
    units, affiliated = build_units(docs, kb)
    clusters = _Clusters(units, overrides)
    for rule, _score, a, b, why in _candidate_pairs(units, kb, overrides):
        clusters.try_merge(a, b, rule, why)
    return _build_actors(clusters, affiliated, kb, overrides)


def _overrides(resources: Resources) -> Overrides:
    try:
        return load_overrides(resources.settings.overrides_path)
    except ConfigError:
        raise
    except OSError as exc:  # an unreadable directory is a configuration problem
        raise ConfigError(f"cannot read overrides: {exc}") from exc


def _matches(unit: Unit, name: str) -> bool:
    pk, tk = plain_key(name), translit_key(name)
    return any(plain_key(f) == pk or translit_key(f) == tk for f in unit.forms)


@dataclass
class _Bearing:
    """What a cluster's units say against a merge, gathered once per unit and united on
    merge, so checking a merge costs the same however large the clusters have grown."""

    members: set[int]
    forbid: set[int]  # units a user split keeps away from some member
    kb: set[str]
    country: bool
    kb_types: set[str]
    given: set[str]
    surnames: set[str]

    @classmethod
    def of(cls, i: int, unit: Unit, forbid: set[int]) -> _Bearing:
        return cls({i}, forbid, {unit.kb_id} if unit.kb_id else set(), unit.is_country,
                   {unit.kb_type} if unit.kb_type else set(), unit.given, unit.full_surnames)  # fmt: skip

    def absorb(self, other: _Bearing) -> None:
        self.members |= other.members
        self.forbid |= other.forbid
        self.kb |= other.kb
        self.country = self.country or other.country
        self.kb_types |= other.kb_types
        self.given |= other.given
        self.surnames |= other.surnames


class _Clusters:
    """Union-find over units that refuses a merge when blocking evidence says no."""

    def __init__(self, units: list[Unit], overrides: Overrides) -> None:
        self.units = units
        self.index = {id(u): i for i, u in enumerate(units)}  # a unit's position, by identity
        self.parent = list(range(len(units)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(units))}
        self.reasons: dict[int, list[str]] = defaultdict(list)
        forbid: dict[int, set[int]] = defaultdict(set)
        for name, other in overrides.splits:
            left = [i for i, u in enumerate(units) if _matches(u, name)]
            right = [i for i, u in enumerate(units) if _matches(u, other) and i not in left]
            for a in left:
                forbid[a].update(right)
            for b in right:
                forbid[b].update(left)
        self.bearing = {i: _Bearing.of(i, u, forbid[i]) for i, u in enumerate(units)}

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def try_merge(self, a: int, b: int, rule: str, why: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        block = None if rule == "override" else self.blocked(ra, rb)
        if block:
            note = f"'{self.units[a].label}' kept apart from '{self.units[b].label}': {block}"
            for r in (ra, rb):
                if note not in self.reasons[r]:
                    self.reasons[r].append(note)
            return False
        keep, gone = min(ra, rb), max(ra, rb)
        self.parent[gone] = keep
        self.members[keep] += self.members.pop(gone)
        self.bearing[keep].absorb(self.bearing.pop(gone))
        self.reasons[keep] += self.reasons.pop(gone, [])
        self.reasons[keep].append(why)
        return True

    def blocked(self, ra: int, rb: int) -> str | None:
        A, B = self.bearing[ra], self.bearing[rb]
        if A.forbid & B.members:
            return "user override (split)"
        if A.kb and B.kb and A.kb != B.kb:
            return f"different knowledge-base entries ({', '.join(sorted(A.kb | B.kb))})"
        if A.country != B.country:
            return "a country is not a person or organisation"
        if A.kb_types and B.kb_types and A.kb_types != B.kb_types:
            return f"different types ({', '.join(sorted(A.kb_types | B.kb_types))})"
        if A.given and B.given and not A.given & B.given:
            return f"different given names ({' / '.join(sorted(A.given | B.given))})"
        if A.surnames and B.surnames and not A.surnames & B.surnames:
            return f"different family names ({' / '.join(sorted(A.surnames | B.surnames))})"
        return None

    def groups(self) -> list[list[Unit]]:
        roots = sorted({self.find(i) for i in range(len(self.units))})
        return [[self.units[i] for i in sorted(self.members[r])] for r in roots]

    def reasons_of(self, units: list[Unit]) -> list[str]:
        # by identity: list.index compared whole units field by field, quadratic in units
        return self.reasons.get(self.find(self.index[id(units[0])]), [])


def _candidate_pairs(units: list[Unit], kb: Any, overrides: Overrides) -> list[tuple]:
    """(rule, score, a, b, explanation) for every pair some evidence links, sorted."""
    pairs: list[tuple] = []
    for names in overrides.merges:
        hits = sorted({i for i, u in enumerate(units) for n in names if _matches(u, n)})
        pairs += [
            ("override", 0, hits[0], j, f"user override merges {list(names)}") for j in hits[1:]
        ]
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    spelled: dict[str, list[int]] = defaultdict(list)  # initials of long names -> units
    for i, u in enumerate(units):
        if u.is_group:  # "police" of two articles are one actor only in the same country
            for k in sorted(u.tkeys) if u.country else ():
                blocks[("translit", f"{k}|{u.country}")].append(i)
            continue
        for k in sorted(u.tkeys):  # a set: sorted, so the blocks (and ties below) keep one order
            blocks[("translit", k)].append(i)
        if u.kb_id:
            blocks[("kb", u.kb_id)].append(i)
        for acr in sorted(u.acronyms):
            blocks[("acronym", acr)].append(i)
        for form in u.forms:
            if len(form.split()) > 2 and not u.is_person:
                spelled[initials(form)].append(i)
    # A name spelled out meets an acronym written as such ("Government of National Accord"
    # ~ "GNA"); two spelled-out names with the same initials ("Government in Tobruk",
    # "Government in Tripoli") are not one actor for that.
    for acr, idx in spelled.items():
        if blocks.get(("acronym", acr)):
            blocks[("acronym", acr)].extend(i for i in idx if i not in blocks[("acronym", acr)])
    for (rule, key), idx in blocks.items():
        first = idx[0]
        for j in idx[1:]:
            a, b = units[first], units[j]
            why = _why(rule, key, a, b, kb)
            pairs.append((rule, 0, first, j, why))
    surname_units = defaultdict(list)
    for i, u in enumerate(units):
        for s in u.full_surnames:
            surname_units[s].append(i)
    for i, u in enumerate(units):
        if u.is_single_name and u.is_personish:
            for j in surname_units.get(next(iter(u.tkeys)), []):
                bearer = units[j]
                why = f"'{u.label}' is the family name of '{bearer.label}'"
                pairs.append(("surname", -bearer.size, i, j, why))
    # The same two units may meet under several keys: the explanation breaks the tie.
    pairs.sort(
        key=lambda p: (_RULES.index(p[0]), p[1], units[p[2]].sort_key, units[p[3]].sort_key, p[4])
    )
    return pairs


def _why(rule: str, key: str, a: Unit, b: Unit, kb: Any) -> str:
    if rule == "kb":
        entry = kb.get(key)
        return f"'{a.label}' and '{b.label}' both match knowledge-base entry {entry.name if entry else key!r}"
    if rule == "acronym":
        return f"'{a.label}' and '{b.label}' share the acronym {key}"
    if a.is_group:
        return f"same group '{a.label}' of the same country ({a.country}) in several articles"
    if a.label == b.label:
        return f"same name '{a.label}' in several articles"
    return f"'{a.label}' ~ '{b.label}': same transliteration key '{key}'"


def _build_actors(
    clusters: _Clusters, affiliated: dict[str, list[Mention]], kb: Any, overrides: Overrides
) -> ActorResolution:
    actors: list[Actor] = []
    mention_actor: dict[str, str] = {}
    explanations: dict[str, tuple[str, ...]] = {}
    by_country: dict[str, int] = {}
    groups = clusters.groups()
    built: list[tuple[Actor, list[Mention], list[str]]] = []
    for units in groups:
        mentions = [m for u in units for m in u.mentions]
        actor, reasons = _actor(units, mentions, kb, clusters.reasons_of(units))
        built.append((actor, mentions, reasons))
        if actor.type == "country" and actor.country:
            by_country.setdefault(actor.country, len(built) - 1)
    for iso3 in sorted(affiliated):
        entry = kb.country(iso3)
        if entry is None:
            continue
        ms = affiliated[iso3]
        note = f"{len(ms)} demonym or capital mention(s) linked as affiliation to {entry.name}"
        if iso3 in by_country:
            actor, mentions, reasons = built[by_country[iso3]]
            built[by_country[iso3]] = (actor, mentions + ms, [*reasons, note])
        else:
            actor = Actor(id="", name=entry.name, type="country", country=iso3, kb_id=entry.id)
            built.append((actor, ms, [note]))
    seen_ids: set[str] = set()
    for actor, mentions, reasons in sorted(
        built, key=lambda t: (t[0].kb_id or "", t[0].name, t[0].type)
    ):
        actor = _apply_renames(actor, overrides)
        base = actor.kb_id or f"{translit_key(actor.name)}|{actor.type}"
        actor_id = stable_id("actor", base)
        n = 1
        while actor_id in seen_ids:
            n += 1
            actor_id = stable_id("actor", base, n)
        seen_ids.add(actor_id)
        actor = replace(
            actor,
            id=actor_id,
            mention_count=len(mentions),
            article_count=len({m.article_id for m in mentions}),
        )
        actors.append(actor)
        explanations[actor_id] = tuple(reasons)
        for m in mentions:
            mention_actor[mention_key(m.article_id, m.span)] = actor_id
    actors.sort(key=lambda a: (-a.mention_count, a.name, a.id))
    return ActorResolution(tuple(actors), mention_actor, explanations)


def _actor(units: list[Unit], mentions: list[Mention], kb: Any, merge_reasons: list[str]):
    forms: Counter[str] = Counter()
    for u in units:
        forms.update(u.forms)
    # Most complete form first (more name parts), then the most frequent.
    name = max(forms, key=lambda f: (_completeness(f), forms[f], -len(f), f))
    kb_ids = sorted({u.kb_id for u in units if u.kb_id})
    entry = kb.get(kb_ids[0]) if len(kb_ids) == 1 else None
    types: Counter[str] = Counter()
    for u in units:
        types[unit_type(u, kb)] += u.size
    kind = entry.type if entry else max(types, key=lambda t: (types[t], t))
    affiliations = Counter(m.affiliation for m in mentions if m.affiliation)
    country = (
        entry.country if entry else (affiliations.most_common(1)[0][0] if affiliations else None)
    )
    roles = list(entry.roles) if entry else []
    for title in sorted({m.role for m in mentions if m.role}):
        roles.append(Role(title=title, source="text"))
    # Every surface form seen, the canonical one included when it was seen (export contract).
    aliases = sorted({*forms, *(clean_surface(m.span.text) for m in mentions)} - {""})
    reasons = list(dict.fromkeys(merge_reasons))
    reasons.append(f"canonical name '{name}': most complete, most frequent of {len(forms)} form(s)")
    reasons.append(
        f"type {kind}: " + ("knowledge-base entry" if entry else f"mention labels {dict(types)}")
    )
    if entry:
        reasons.append(f"linked to knowledge-base entry {entry.id}")
    actor = Actor(
        id="",
        name=name,
        type=kind,
        country=country,
        aliases=tuple(aliases),
        roles=tuple(roles),
        kb_id=entry.id if entry else None,
    )
    return actor, reasons


def _completeness(form: str) -> int:
    """Name parts of two letters or more: 'Khalifa Haftar' 2, 'U.S' 0."""
    return sum(len(t) > 1 for t in plain_key(form).split())


def _apply_renames(actor: Actor, overrides: Overrides) -> Actor:
    names = {plain_key(n) for n in (actor.name, *actor.aliases)}
    for name, new in overrides.renames:
        if plain_key(name) in names:
            actor = replace(
                actor, name=new, aliases=tuple(sorted({*actor.aliases, actor.name} - {new}))
            )
    for name, kind in overrides.retypes:
        if plain_key(name) in names:
            actor = replace(actor, type=kind)
    return actor


def explain_actors(store: Any, name: str) -> list[tuple[Actor, list[str]]]:
    """The actors found under ``name`` (any spelling) with why their names were joined."""
    return [(a, store.explanations(a.id)) for a in store.actors(query=name)]
