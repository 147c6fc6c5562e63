"""A site told again by its kind: "the market", "the camp" named with its town elsewhere.

A story often names a site once with its place ("she sold grain at the livestock market
in Kadugli", "gunmen raided the Kalma camp near Nyala") and later tells what happened
there by the kind of site alone, in a sentence that names no place ("Shells crashed into
the market while she was weighing grain."). :func:`site_told_before` gives such a clause
the town the site was named with, rather than the country the article implies or the
last place of another paragraph. The other way round, a lead often places its act only
in a region ("a drone strike on a school in the Mopti region") and the next
sentence names the site's town ("The drone hit the school on the edge of the town of
Djenne"): :func:`site_told_after` gives the act that town, when it lies in the region.
The site nouns are the ones an incident's site is told
by (``knowledge/data/incident_sites.toml``, the ontology's ``site_nouns``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.model import Place, PlaceMention

# precisions of a place that says more than the country the article implies
_FINE = ("point", "city", "admin2")
# how many sentences after an act's a site told again may give its town
AFTER_SENTENCES = 2


def site_told_before(
    ctx: DocContext, token: Token, clause: set[int], usable: list[PlaceMention]
) -> Place | None:
    """The place of the site a definite site noun in ``token``'s clause (``clause``: its
    tokens' offsets) stands for: the town, district or point named in the phrase of the
    last earlier mention of that noun ("the livestock market in Kadugli"), or given to
    that mention's verb ("raided a market in Kadugli"); None when no earlier mention of
    the site has one."""
    if not clause or not ctx.doc.has_annotation("DEP"):
        return None
    sites = ctx.resources.ontology.site_nouns
    sent = ctx.view.sent(token)
    nouns = sorted(
        (
            t
            for t in sent
            if t.idx in clause
            and t.pos_ == "NOUN"
            and t.lemma_.lower() in sites
            and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
        ),
        key=lambda t: abs(t.i - token.i),
    )
    for noun in nouns:
        lemma = noun.lemma_.lower()
        for earlier in reversed(ctx.doc[: sent.start]):
            if earlier.lemma_.lower() == lemma and earlier.pos_ == "NOUN":
                place = _named_with(earlier, usable)
                if place is not None:
                    return place
    return None


def site_told_after(
    ctx: DocContext, token: Token, clause: set[int], usable: list[PlaceMention], area: Place
) -> Place | None:
    """The town a site of ``token``'s clause (a site noun: "a strike on a monastery") is
    named with in the next sentences (up to AFTER_SENTENCES), told again by its kind ("the
    school on the edge of the town of Djenne"), when the act was placed only in ``area`` (a
    division, a part of one, or a country) and the town lies in it; None otherwise."""
    if not clause or not ctx.doc.has_annotation("DEP") or area.precision in _FINE:
        return None
    sites = ctx.resources.ontology.site_nouns
    n = ctx.view.sent_no(token)
    sent = ctx.view.sents[n]
    lemmas = {
        t.lemma_.lower()
        for t in sent
        if t.idx in clause and t.pos_ == "NOUN" and t.lemma_.lower() in sites
    }
    if not lemmas:
        return None
    for later in ctx.view.sents[n + 1 : n + 1 + AFTER_SENTENCES]:
        for t in later:
            if (
                t.pos_ == "NOUN"
                and t.lemma_.lower() in lemmas
                and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
            ):
                place = _named_with(t, usable)
                if place is not None and _inside(place, area):
                    return place
    return None


def _inside(place: Place, area: Place) -> bool:
    """Whether ``place`` lies in ``area``: its country, and its division when the area is
    one (or a part of one)."""
    if place.country is None or place.country != area.country:
        return False
    return area.precision == "country" or (area.admin1 is not None and place.admin1 == area.admin1)


def _named_with(noun: Token, usable: list[PlaceMention]) -> Place | None:
    """The town a mention of a site is named with: a usable place in the noun's phrase
    ("the market in Kadugli"), else one the noun's verb governs through a preposition
    ("raided a market in Kadugli on Monday")."""
    spans = [(noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge))]
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ == "VERB":
        for prep in verb.children:
            if prep.dep_ == "prep":
                spans.append((prep.idx, prep.right_edge.idx + len(prep.right_edge)))
    for start, end in spans:
        for pm in usable:
            if (
                start <= pm.span.start < end
                and pm.place is not None
                and pm.place.precision in _FINE
            ):
                return pm.place
    return None
