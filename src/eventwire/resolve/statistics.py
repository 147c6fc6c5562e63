"""Running and period totals across documents: each statistic of a document, with the
actor its mention resolved to and a stable id.

Statistics are not de-duplicated across articles: two outlets giving a war's toll on
different days are two statements of it, each with its own evidence and period.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import replace

from eventwire.model import DocumentRecords, Statistic, mention_key


def statistic_id(stat: Statistic) -> str:
    """A stable id from where the statistic is stated and what it says."""
    ev = stat.evidence
    key = f"{ev.article_id}\x1f{ev.char_start}\x1f{stat.counted}\x1f{stat.value}\x1f{stat.text}"
    return "stat:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def resolve_statistics(
    docs: Iterable[DocumentRecords], mention_actor: Mapping[str, str]
) -> list[Statistic]:
    """The statistics of ``docs`` with ids and resolved actors; a statistic whose actor
    mention resolved to no actor is about its place, else the conflict."""
    out = []
    for doc in docs:
        for stat in doc.statistics:
            actor = None
            if stat.actor_span is not None:
                actor = mention_actor.get(mention_key(doc.article_id, stat.actor_span))
            scope = "actor" if actor else "place" if stat.place is not None else "conflict"
            out.append(replace(stat, id=statistic_id(stat), actor=actor, scope=scope))
    return sorted(out, key=lambda s: (s.evidence.article_id, s.evidence.char_start, s.id))
