"""Quotes with their speakers resolved to actors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from eventwire.model import DocumentRecords, Quote, mention_key
from eventwire.resolve.ids import stable_id


def resolve_quotes(
    docs: Sequence[DocumentRecords], mention_actor: Mapping[str, str]
) -> list[Quote]:
    quotes = []
    for doc in docs:
        for q in doc.quotes:
            speaker = mention_actor.get(mention_key(q.article_id, q.speaker)) if q.speaker else None
            quotes.append(
                Quote(
                    id=stable_id("quote", q.article_id, q.span.start, q.span.end),
                    text=q.text,
                    article_id=q.article_id,
                    sentence=q.evidence.sentence,
                    char_start=q.span.start,
                    char_end=q.span.end,
                    speaker=speaker,
                    # a named speaker that resolved to no actor is not an unnamed source
                    speaker_description=None if q.speaker else q.speaker_description,
                )
            )
    return quotes
