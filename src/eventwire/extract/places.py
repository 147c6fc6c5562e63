"""Toponyms: found in the text, resolved against the gazetteer, metonyms marked as actors.

Recognition takes the model's GPE/LOC/FAC entities plus capitalised phrases
that follow a locative word ("in Derna", "outskirts of Sirte") and name a
gazetteer place, so it works without a model too. Resolution ranks each name's
candidates by the document's country context (countries named, unambiguous
towns, demonym affiliations of actor mentions), the name's own qualifier
("Tripoli, Lebanon"), feature type and population. A place that is the
subject of a statement verb ("Washington denied", "Moscow said") is a
government speaking: ``is_actor=True``, never an event location.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from eventwire.extract.context import DocContext
from eventwire.model import PlaceMention, Span
from eventwire.registry import extractors

if TYPE_CHECKING:
    from eventwire.knowledge.gazetteer import Candidate, Gazetteer
    from eventwire.model import Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:al-|el-|as-|az-|ad-|de\s|of\s)?[A-Z][\w'’-]+){0,3}"
CAPITALISED = re.compile(r"\b" + _NAME)
LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|around|outside|from|to|towards|toward|into|on|across|through|inside|"
    r"(?:city|town|village|port|outskirts|district|region|province|oasis|suburb|south|north|"
    r"east|west|southeast|southwest|northeast|northwest|centre|center)\s+of)\s+(?:the\s+)?)$"
)
STATEMENT_VERBS = {
    "say", "deny", "announce", "accuse", "condemn", "warn", "call", "urge", "reject", "welcome",
    "demand", "insist", "claim", "respond", "threaten", "vow", "pledge", "refuse", "agree",
    "decide", "impose", "sanction", "recognize", "recognise", "criticize", "criticise",
    "support", "back", "oppose", "protest", "negotiate", "propose", "declare", "state",
}
_STATEMENT_AFTER = re.compile(
    r"^(?:'s\s+(?:foreign|defence|defense|state)\s+\w+\s+)?\s*(?:has\s+|have\s+|had\s+|also\s+|"
    r"has\s+also\s+|on\s+\w+\s+)?(?:" + "|".join(
        sorted({v + s for v in STATEMENT_VERBS for s in ("s", "d", "ed", "es")}
               | {"said", "says", "denied", "denies", "urged", "backed", "agreed", "declared"})
    ) + r")\b"
)
_CAPITAL = re.compile(r"\bthe capital\b")


@extractors.register("places", assigns=("places",))
def extract_places(ctx: DocContext) -> dict[str, list[PlaceMention]]:
    gazetteer = ctx.resources.gazetteer
    spans = toponym_spans(ctx, gazetteer)
    context = document_countries(gazetteer, [ctx.doc.text[s:e] for s, e in spans],
                                 _affiliations(ctx))
    found: list[PlaceMention] = []
    for start, end in spans:
        text = ctx.doc.text[start:end]
        sent = ctx.doc.char_span(start, end, alignment_mode="expand")
        sentence = sent.sent if sent is not None else next(iter(ctx.doc.sents))
        found.append(PlaceMention(
            article_id=ctx.article.id,
            span=Span(start, end, text),
            place=resolve_toponym(gazetteer, text, context),
            evidence=ctx.evidence(sentence),
            is_actor=is_metonym(ctx, start, end),
        ))
    dominant = context.most_common(1)
    if dominant:
        capital = gazetteer.capital(dominant[0][0])
        for m in _CAPITAL.finditer(ctx.doc.text):
            span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if capital is not None and span is not None:
                found.append(PlaceMention(ctx.article.id, Span(m.start(), m.end(), m.group(0)),
                                          capital, ctx.evidence(span.sent)))
    found.sort(key=lambda pm: pm.span.start)
    return {"places": found}


def toponym_spans(ctx: DocContext, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """(start, end) of place names: model entities, then locative capitalised phrases."""
    spans = [(e.start_char, e.end_char) for e in ctx.doc.ents if e.label_ in PLACE_LABELS]
    text = ctx.doc.text
    for m in CAPITALISED.finditer(text):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in spans):
            continue
        if not LOCATIVE.search(text[max(0, start - 40) : start]):
            continue
        if gazetteer.candidates(m.group(0)):
            spans.append((start, end))
    spans = [(s + 4, e) if text[s:e].startswith("the ") else (s, e) for s, e in spans]
    return sorted(set(spans))


def _affiliations(ctx: DocContext) -> list[str]:
    return [m.affiliation for m in ctx.found.get("mentions", ()) if getattr(m, "affiliation", None)]


def document_countries(gazetteer: Gazetteer, names: Iterable[str],
                       affiliations: Iterable[str] = ()) -> Counter[str]:
    """Votes for the countries a document is about: countries named count 3, a town
    with a single well-known reading 1, a demonym affiliation ("Libyan forces") 2."""
    votes: Counter[str] = Counter()
    for name in names:
        head = name.split(",")[0]
        cands = gazetteer.candidates(head)
        if not cands:
            continue
        countries = [c for c in cands if c.place.precision == "country" and c.match != "skeleton"]
        if countries:
            votes[countries[0].place.country or ""] += 3
            continue
        big = [c for c in cands if (c.place.population or 0) >= 50_000 and c.match != "skeleton"]
        if len({c.place.country for c in big}) == 1:
            votes[big[0].place.country or ""] += 1
    for iso3 in affiliations:
        votes[iso3] += 2
    votes.pop("", None)
    return votes


def text_countries(gazetteer: Gazetteer, text: str) -> Counter[str]:
    """:func:`document_countries` over the capitalised phrases of a plain text."""
    return document_countries(gazetteer, (m.group(0) for m in CAPITALISED.finditer(text)))


def resolve_toponym(gazetteer: Gazetteer, name: str, context: Any = None) -> Place | None:
    """The best reading of ``name``; ``context`` is a document's text, or country votes
    (a Counter or an iterable of ISO3 codes) from :func:`document_countries`."""
    votes = _votes(gazetteer, context)
    head, _, qualifier = name.partition(",")
    cands = list(gazetteer.candidates(head.strip()))
    if qualifier.strip():
        within = _qualifier_filter(gazetteer, qualifier.strip(), cands)
        if within:
            cands = within
        elif not cands:
            return resolve_toponym(gazetteer, qualifier.strip(), votes)
    if not cands:
        return None
    total = sum(votes.values()) or 1
    best = max(cands, key=lambda c: _score(c, votes, total))
    if best.match == "skeleton" and not votes.get(best.place.country or "") and \
            (best.place.population or 0) < 50_000:
        return None  # a loose spelling match far from the story is more likely wrong
    return best.place


def _votes(gazetteer: Gazetteer, context: Any) -> Counter[str]:
    if context is None:
        return Counter()
    if isinstance(context, str):
        return text_countries(gazetteer, context)
    if isinstance(context, Counter):
        return context
    return Counter(context)


def _qualifier_filter(gazetteer: Gazetteer, qualifier: str, cands: list[Candidate]) -> list:
    areas = [c.place for c in gazetteer.candidates(qualifier)
             if c.place.precision in ("country", "admin1")]
    keep = []
    for c in cands:
        for area in areas:
            if area.precision == "country" and c.place.country == area.country:
                keep.append(c)
                break
            if area.precision == "admin1" and c.place.admin1 == area.admin1:
                keep.append(c)
                break
    return keep


_FEATURE_BONUS = {"country": 3.0, "admin1": 1.5, "point": 2.0}


def _score(c: Candidate, votes: Counter[str], total: int) -> float:
    place = c.place
    score = math.log10((place.population or 0) + 1)
    score += _FEATURE_BONUS.get(place.precision, 0.0)
    if place.feature == "PPLC":
        score += 1.0
    share = votes.get(place.country or "", 0) / total
    if share:
        score += 1.0 + 4.0 * share
    score -= {"main": 0.0, "alternate": 0.5, "skeleton": 3.0}[c.match]
    return score


def is_metonym(ctx: DocContext, start: int, end: int) -> bool:
    """True when the place at [start, end) is the subject of a statement verb."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is not None and ctx.doc.has_annotation("DEP"):
        root = span.root
        head = root.head
        if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in STATEMENT_VERBS:
            return True
        # "Moscow's envoy said"
        return root.dep_ == "poss" and head.dep_ == "nsubj" \
            and head.head.lemma_.lower() in STATEMENT_VERBS
    return bool(_STATEMENT_AFTER.match(ctx.doc.text[end : end + 60]))
