"""Actor mentions: named entities that can be actors, with their surface cleaned."""

from __future__ import annotations

from eventwire.extract.context import DocContext
from eventwire.model import Mention, Span
from eventwire.registry import extractors
from eventwire.resolve.names import clean_surface, plain_key

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


@extractors.register("mentions", assigns=("mentions",))
def extract_mentions(ctx: DocContext) -> dict[str, list[Mention]]:
    mentions = []
    for ent in ctx.doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        surface = clean_surface(ent.text)
        if not any(c.isalpha() for c in surface):
            continue
        mentions.append(
            Mention(
                article_id=ctx.article.id,
                span=Span(ent.start_char, ent.end_char, ent.text),
                label=ent.label_,
                evidence=ctx.evidence(ent.sent),
                normalized=surface,
                group=plain_key(surface),
            )
        )
    return {"mentions": mentions}
