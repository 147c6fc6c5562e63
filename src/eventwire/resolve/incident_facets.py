"""Protests fired on, linked to the act aimed at them before the join.

An article incident whose members are all protests fired on
(:func:`~eventwire.resolve.facets.is_protest_in_act`) is no incident of its own: it is
listed as a facet of the act of violence its article aims at it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from eventwire.model import (
    EventMention,
)
from eventwire.resolve.doc_incidents import (
    DocIncident,
)
from eventwire.resolve.facets import is_protest_in_act


def link_facets(incs: Iterable[DocIncident]) -> list[DocIncident]:
    """Article incidents with each protest fired on (:func:`~eventwire.resolve.facets.is_protest_in_act`) linked to
    the incident of the act aimed at it, in its article, as a facet listed with its
    statements: an incident whose members are all such protests is no incident of its
    own. The others are returned as they were, in their order; the given incidents are
    never changed (an act that takes a facet is returned as a new copy)."""
    incs = list(incs)
    by_article: dict[str, list[DocIncident]] = defaultdict(list)
    for inc in incs:
        by_article[inc.article_id].append(inc)
    folded: set[int] = set()
    taken: dict[int, list[DocIncident]] = defaultdict(list)  # act -> the protests it takes
    for told in by_article.values():
        sentences: dict[int, list[EventMention]] = defaultdict(list)
        owner: dict[int, DocIncident] = {}
        for inc in told:
            for em in inc.members:
                sentences[em.evidence.char_start].append(em)
                owner[id(em)] = inc
        for inc in told:
            violent = inc.onto.violent_types
            if inc.type in violent or not inc.members:
                continue
            acts = [_act_aimed_at(em, sentences[em.evidence.char_start], owner, violent)
                    for em in inc.members]  # fmt: skip
            if all(acts):
                act = min((a for a in acts if a), key=lambda a: a.id)
                taken[id(act)].append(inc)
                folded.add(id(inc))
    out = []
    for inc in incs:
        if id(inc) in folded:
            continue
        if protests := taken.get(id(inc)):
            facets = [em for p in protests for em in (*p.members, *p.statements)]
            inc = replace(inc, statements=[*inc.statements, *facets],
                          rules=[*inc.rules, "a protest fired on"])  # fmt: skip
        out.append(inc)
    return out


def _act_aimed_at(
    em: EventMention,
    sentence: Sequence[EventMention],
    owner: dict[int, DocIncident],
    violent: frozenset[str],
) -> DocIncident | None:
    """The incident of the act of violence that ``em``, a protest, was fired on in its
    sentence, or None when it is no protest fired on."""
    if not is_protest_in_act(em, sentence, violent):
        return None
    acts = [owner[id(o)] for o in sentence if owner[id(o)].type in violent]
    return min(acts, key=lambda a: a.id, default=None)
