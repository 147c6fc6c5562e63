"""Anchoring an event in time and space: the date and place that govern its clause.

Simple first version: the first temporal expression / resolved place in the
event's sentence, else the publication date (precision ``publication``) / None.
The when-and-where work refines this with dependency paths.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.model import Place, When

if TYPE_CHECKING:
    from spacy.tokens import Token


def publication_when(ctx: DocContext) -> When | None:
    if ctx.article.published is None:
        return None
    return When(ctx.article.published, "publication", text=None)


def when_for(ctx: DocContext, token: Token) -> When | None:
    """The date of the clause headed near ``token``."""
    sent = token.sent
    for timex in ctx.found.get("timexes", ()):
        if sent.start_char <= timex.span.start < sent.end_char and timex.when.value:
            return timex.when
    return publication_when(ctx)


def place_for(ctx: DocContext, token: Token) -> Place | None:
    """The place of the clause headed near ``token``, never a metonym acting as an actor."""
    sent = token.sent
    for pm in ctx.found.get("places", ()):
        if sent.start_char <= pm.span.start < sent.end_char and pm.place and not pm.is_actor:
            return pm.place
    return None
