"""Actor resolution across documents: one actor per real-world entity.

Units are the document-local mention groups made by the mentions extractor.
Unnamed groups ("police", "gunmen") are merged only with the same group of the
same country (from a nationality adjective or the places of their article).
A state institution every country has ("the Supreme Court", "parliament", "Congress")
is likewise one actor per country: the country its text gives, else its article's.
Units are merged when they share a knowledge-base entry, a transliteration key
(Haftar ~ Hiftar), an acronym written as such and a long name's initials, or when a
one-word name is the family name of exactly one full name. Clustering is decided
per key, never by the order merges are tried (:mod:`eventwire.resolve.actor_keys`):
different given or family names, two KB entries, a country against a non-country
or a user split keep units apart, and a key that several actors carry joins none.
Every merge and every refusal is recorded as a human-readable explanation. An
actor's id comes from its cluster's key, so it does not depend on other actors.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby
from typing import Any

from eventwire.errors import ConfigError
from eventwire.extract.kind_words import PARTY_ROLE
from eventwire.knowledge.resources import Resources
from eventwire.model import Actor, DocumentRecords, Mention, Role, mention_key
from eventwire.resolve.actor_columns import ColumnKeyGraph, SpilledUnits, UnitSpill
from eventwire.resolve.actor_keys import Decision, explain, unit_keys
from eventwire.resolve.actor_mentions import MentionActors
from eventwire.resolve.actor_totals import ClusterTotals
from eventwire.resolve.actor_units import (
    StoredUnit,
    Unit,
    UnitBuilder,
    affiliation_units,
    from_payload,
    to_payload,
    unit_id,
    words_type,
)
from eventwire.resolve.ids import stable_id
from eventwire.resolve.names import plain_key
from eventwire.resolve.overrides import Overrides, load_overrides


@dataclass(frozen=True)
class ActorResolution:
    actors: tuple[Actor, ...]
    mention_actor: Mapping[str, str]
    explanations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # what incremental resolution keeps: the units with their clusters, the key decisions
    units: Sequence[StoredUnit] = ()
    decisions: dict[str, Decision] = field(default_factory=dict)
    totals: dict[str, str] = field(default_factory=dict)  # cluster -> ClusterTotals JSON


def resolve_actors(docs: Iterable[DocumentRecords], resources: Resources) -> ActorResolution:
    """The actors of ``docs`` (a list in any order, or a stream in article-id order).

    Units are made one article at a time; clustering holds only their keys
    (:class:`~eventwire.resolve.actor_columns.ColumnKeyGraph`), the units themselves wait
    on disk and are read back in id order to make their clusters' totals and mention
    links, so the pass never holds every unit at once."""
    kb = resources.kb
    overrides = overrides_of(resources)
    builder = UnitBuilder(kb)
    graph = ColumnKeyGraph()
    spill = UnitSpill()
    affiliated: dict[str, list[Mention]] = defaultdict(list)
    last = ""
    for article in _by_article(docs):
        units, found = builder.units(article)
        for iso3, ms in found.items():
            affiliated[iso3].extend(ms)
        for u in units:
            uid = unit_id(u.article_id, u.group)
            if uid <= last:
                raise ValueError("documents must come in article-id order")
            last = uid
            graph.add(unit_keys(u, overrides), u.is_single_name and u.is_personish)
            spill.add(uid, u.article_id, to_payload(u))
    for ms in affiliated.values():
        ms.sort(key=lambda m: (m.article_id, m.span.start))
    graph.index()
    # the countries whose demonym mentions join a cluster: its articles are counted once
    aff_clusters = {
        iso3: graph.decide(f"kb:{entry.id}").cluster
        for iso3 in sorted(affiliated)
        if (entry := kb.country(iso3)) is not None
    }
    aff_articles: dict[str, set[str]] = defaultdict(set)
    for iso3, key in aff_clusters.items():
        aff_articles[key].update(m.article_id for m in affiliated[iso3])
    built, mention_actor = _clusters_from_spill(spill, graph, aff_articles, kb)
    extra = affiliation_units(affiliated, kb)
    extra = [replace(unit, cluster=graph.decide(unit.anchor).cluster) for unit in extra]
    for iso3, key in aff_clusters.items():
        if key not in built:
            built[key] = ClusterActor(key, [], ClusterTotals())
        built[key].attach(iso3, affiliated[iso3])
    for key, c in built.items():
        c.totals.articles += len(aff_articles.get(key, ()))
    result = build_actors(list(built.values()), kb, overrides)
    mention_actor.update(result.mention_actor)
    carried = {k for s in extra for k in s.keys}
    decisions = {k: graph.decide(k) for k in sorted({*graph.names[: graph.carried], *carried})}
    totals = {c.key: c.totals.to_json() for c in built.values()}
    stored = SpilledUnits(spill, graph, extra)
    return replace(
        result, mention_actor=mention_actor, units=stored, decisions=decisions, totals=totals
    )


def _by_article(docs: Iterable[DocumentRecords]) -> Iterator[list[DocumentRecords]]:
    """The documents of each article in turn, in article-id order (a list is sorted)."""
    if isinstance(docs, Sequence):
        docs = sorted(docs, key=lambda d: d.article_id)
    last: str | None = None
    for article, group in groupby(docs, key=lambda d: d.article_id):
        if last is not None and article < last:
            raise ValueError("documents must come in article-id order")
        last = article
        yield list(group)


def _clusters_from_spill(
    spill: UnitSpill, graph: ColumnKeyGraph, aff_articles: dict[str, set[str]], kb: Any
) -> tuple[dict[str, ClusterActor], MentionActors]:
    """Each cluster's totals and explanation lines, and its units' mention links, from
    the units read back one at a time in id order (clusters in the order of their first
    unit). ``aff_articles`` loses the articles a cluster's units count."""
    built: dict[str, ClusterActor] = {}
    mention_actor = MentionActors()  # every mention of the store: held as columns
    first_on: dict[str, Unit] = {}  # anchor -> its first unit, for anchors naming a cluster
    read: dict[int, Unit] = {}  # units an explanation names, read back by position
    last_article: dict[str, str] = {}
    aids: dict[str, str] = {}

    def bearer_of(via: str, cluster: str) -> Unit:
        i = graph.bearer(via, cluster)
        if i not in read:
            read[i] = spill.unit(i)
        return read[i]

    for i, (_uid, article_id, payload) in enumerate(spill.rows()):
        u = from_payload(article_id, json.loads(payload))
        anchor, key = graph.anchor(i), graph.cluster_of(i)
        if key == anchor:
            first_on.setdefault(anchor, u)
        c = built.get(key)
        if c is None:
            c = built[key] = ClusterActor(key, [], ClusterTotals())
            aids[key] = actor_id(key)
        lines = explain([(u, anchor)], graph.decide, bearer_of, kb, first_on.__getitem__)
        c.totals.add_units([u], kb)
        c.totals.add_lines(lines)
        if last_article.get(key) != u.article_id:
            last_article[key] = u.article_id
            c.totals.articles += 1
            aff_articles.get(key, set()).discard(u.article_id)
        for m in u.mentions:
            mention_actor[mention_key(m.article_id, m.span)] = aids[key]
    return built, mention_actor


def overrides_of(resources: Resources) -> Overrides:
    try:
        return load_overrides(resources.settings.overrides_path)
    except ConfigError:
        raise
    except OSError as exc:  # an unreadable directory is a configuration problem
        raise ConfigError(f"cannot read overrides: {exc}") from exc


@dataclass
class ClusterActor:
    """One cluster's actor input: its running totals (:class:`ClusterTotals`), and the
    units (in sort order) and demonym mentions whose mentions are to be linked to it
    (all of them, or only the new ones when the totals were stored before)."""

    key: str
    units: list[Unit]
    totals: ClusterTotals
    affiliated: list[Mention] = field(default_factory=list)

    @classmethod
    def of(cls, key: str, units: list[Unit], lines: dict[str, str], kb: Any) -> ClusterActor:
        """A cluster from all its units, with their explanation lines."""
        out = cls(key, units, ClusterTotals())
        out.totals.add_units(units, kb)
        out.totals.add_lines(lines)
        return out

    def attach(self, iso3: str, mentions: list[Mention]) -> None:
        """Link one country's demonym and capital mentions to this cluster."""
        self.affiliated = self.affiliated + mentions
        self.totals.add_demonyms(iso3, mentions)

    def count_articles(self) -> None:
        """Count the articles of the units and demonym mentions added (their articles
        are new to the cluster's stored totals)."""
        found = {u.article_id for u in self.units} | {m.article_id for m in self.affiliated}
        self.totals.articles += len(found)


def actor_id(key: str) -> str:
    """An actor's id from its cluster's key: a KB actor's from its entry, as before."""
    return stable_id("actor", key[3:] if key.startswith("kb:") else key)


def build_actors(built: list[ClusterActor], kb: Any, overrides: Overrides) -> ActorResolution:
    """The actors of ``built`` from their totals, and the links of their new mentions."""
    actors: list[Actor] = []
    mention_actor: dict[str, str] = {}
    explanations: dict[str, tuple[str, ...]] = {}
    for c in built:
        aid = actor_id(c.key)
        t = c.totals
        notes = [
            f"{n} demonym or capital mention(s) linked as affiliation to {kb.country(iso3).name}"
            for iso3, n in sorted(t.demonyms.items())
        ]
        if t.units:
            actor, reasons = _actor(t, kb, t.reasons() + notes, _office_country(c.key))
        else:
            iso3 = min(t.demonyms)
            entry = kb.country(iso3)
            # Only demonyms name it ("Tunisians"): its entry's name is its one spelling, so
            # that every actor has at least one alias (export contract).
            actor = Actor(
                id="",
                name=entry.name,
                type="country",
                country=iso3,
                aliases=(entry.name,),
                kb_id=entry.id,
            )
            reasons = notes
        actor = replace(
            _apply_renames(actor, overrides),
            id=aid,
            mention_count=t.mentions,
            article_count=t.articles,
        )
        actors.append(actor)
        explanations[aid] = tuple(reasons)
        for m in [m for u in c.units for m in u.mentions] + c.affiliated:
            mention_actor[mention_key(m.article_id, m.span)] = aid
    actors.sort(key=lambda a: (-a.mention_count, a.name, a.id))
    return ActorResolution(tuple(actors), mention_actor, explanations)


def _office_country(key: str) -> str | None:
    """The country of a state institution's cluster ("office:<name>|GHA"): its article's,
    when no mention of it was written with a country."""
    if not key.startswith("office:"):
        return None
    return key.split("#")[0].rpartition("|")[2] or None  # "#split0": a user split's side


def _actor(
    t: ClusterTotals, kb: Any, merge_reasons: list[str], office: str | None = None
) -> tuple[Actor, list[str]]:
    forms = t.forms
    # Most complete form first (more name parts), then the most frequent.
    name = max(forms, key=lambda f: (_completeness(f), forms[f], -len(f), f))
    kb_ids = sorted(t.kb_ids)
    entry = kb.get(kb_ids[0]) if len(kb_ids) == 1 else None
    types = t.type_counts()
    kind = entry.type if entry else max(types, key=lambda k: (types[k], k))
    # The type is decided once per actor: one article's "KDP MPs" makes a party, and the
    # words of any of its names type an actor the bare forms left "other" ("BJP" in most
    # articles, "Bharatiya Janata Party" in one).
    if entry is None and PARTY_ROLE in t.roles:
        kind = "political_party"
    elif entry is None and kind == "other":
        kind = words_type(forms) or kind
    affiliation = t.lead(t.affiliations)
    country = entry.country if entry else affiliation or office
    roles = list(entry.roles) if entry else []
    for title in sorted(t.roles):
        roles.append(Role(title=title, source="text"))
    # Every surface form seen, the canonical one included when it was seen (export contract).
    aliases = sorted({*forms, *t.surfaces} - {""})
    reasons = list(dict.fromkeys(merge_reasons))
    reasons.append(f"canonical name '{name}': most complete, most frequent of {len(forms)} form(s)")
    reasons.append(
        f"type {kind}: " + ("knowledge-base entry" if entry else f"mention labels {types}")
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
