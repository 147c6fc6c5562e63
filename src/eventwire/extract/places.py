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
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from eventwire.extract.context import DocContext
from eventwire.knowledge.placenames import (
    ARTICLES,
    GENERIC_WORDS,
    SETTLEMENT_WORDS,
    TYPE_WORDS,
    fold,
    name_key,
)
from eventwire.model import PlaceMention, Span
from eventwire.registry import extractors

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.knowledge.gazetteer import Candidate, Gazetteer
    from eventwire.model import Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:al-|el-|as-|az-|ad-|de\s|of\s)?[A-Z][\w'’-]+){0,3}"
CAPITALISED = re.compile(r"\b" + _NAME)
LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|around|outside|from|to|towards|toward|into|on|across|through|inside|"
    r"(?:city|town|village|villages|port|outskirts|district|region|province|governorate|oasis|"
    r"suburb|suburbs|neighbourhood|neighborhood|area|vicinity|countryside|municipality|environs|"
    r"front|south|north|east|west|southeast|southwest|northeast|northwest|centre|center)\s+of)"
    r"\s+(?:the\s+)?(?:(?:al|el|as|ad|ash|an|ar|at|az)[-\s])?)$"
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
# Capitalised words after "on" or "in" that are dates, not places ("on June 8", "in May").
CALENDAR_WORDS = frozenset(
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday"
    ]
)
# "Martyrs square", "Qasqas road": a site inside a town, named but not the town itself.
NO_NAME_WORDS = GENERIC_WORDS | TYPE_WORDS | SETTLEMENT_WORDS  # no name on their own
_SITE_AFTER = re.compile(
    r"^\s+(?:square|street|road|avenue|bridge|roundabout|mosque|school|hospital|university|"
    r"prison|stadium|market|hotel|church|building|company)\b"
)
_IN_AREA = re.compile(r"^(?:\s+(?:city|town|village|camp|area))?\s+in\s+(?:the\s+)?"
                      r"(?:(?:al|el|as|ad|ar|an)[-\s])?$")
_AREA_BEFORE = re.compile(
    r"(?:\bcountryside\s+of\s+(?:the\s+)?|\brural\s+)(?:(?:al|el|as|ad|ar|an)[-\s])?$"
)
_AREA_AFTER = re.compile(r"^\s+(?:countryside|desert|governorate|province)\b")
_ARTICLE_START = re.compile(r"^(?:al|el|as|az|ad|ash|at|an|ar|ath|adh|es|ez|ed|et|en|er)[-\s]\S")
_HYPHEN_COMPOUND = re.compile(r"^-[a-z]+\b")  # "-led", "-backed"; not "-Beirut" (a road's end)
_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?$")
PRECISION_RANK = {"point": 0, "city": 0, "admin1": 1, "country": 2}
_PARENTHESIS = re.compile(r"(?<=\w)\s+\(([A-Z][^()]{1,80})\)")
_NAME_IN_LIST = re.compile(_NAME)
_NEXT_CAPITAL = re.compile(r"^\s[A-Z]")
_LIST_GOES_ON = re.compile(r"^\s*(?:,|and\b|or\b)")
_NAME_AFTER = re.compile(r"[\s-]+[A-Z][\w'’-]+")
# Words that open sentences and name some village somewhere ("We", "But", "However").
FUNCTION_WORDS = frozenset(
    [
        "a", "an", "the", "i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her",
        "them", "my", "our", "your", "his", "its", "their", "this", "that", "these", "those",
        "there", "here", "who", "what", "when", "where", "why", "how", "which", "while", "if",
        "but", "and", "or", "nor", "so", "yet", "for", "of", "at", "by", "in", "on", "to",
        "from", "with", "without", "into", "onto", "upon", "about", "after", "before", "during",
        "since", "until", "as", "than", "then", "also", "however", "although", "though",
        "because", "even", "still", "more", "most", "many", "much", "some", "any", "all",
        "both", "each", "every", "no", "not", "another", "other", "such", "one", "only", "just",
        "never", "ever", "again", "now", "today", "yesterday", "tomorrow", "is", "are", "was",
        "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
        "would", "can", "could", "should", "may", "might", "must", "shall", "mr", "mrs", "ms",
        "dr", "st"
    ]
)
# A place name followed by where it lies: "Rafah City, North Sinai", "El Hassi (Setif)".
_TRAILING_QUALIFIER = re.compile(r"^(?:,\s*|\s*\()(" + _NAME + r"(?:,\s*" + _NAME + r")?)")

BIG_CITY = 1_000_000  # a city this big, or a capital, is what news means by its division's name
CITY_SHARE = 0.15  # a division's namesake town this large a share of it is what news means
WELL_KNOWN = 500_000  # a city this big is a place wherever its name stands
NEAR_KM = 50  # readings of one name this close are one place
NEIGHBOUR_KM = 150  # a town this close to one the story names is a neighbour
ANCHOR_BONUS = 2.0
CLEAR_MARGIN = 2.0  # a reading ahead of all others by this much is beyond doubt


@dataclass(frozen=True)
class PlaceContext:
    """What a document is about: votes for countries (ISO3) and first-level divisions
    (GeoNames admin1 codes such as "US.KY"), from :func:`document_context`."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[str] = field(default_factory=Counter)
    # (lat, lon, name key) of towns the document names that have one reading only
    anchors: tuple[tuple[float, float, str], ...] = ()
    # how often each name (its key) was counted and the votes it cast, so a name's own
    # votes can be left out when it is resolved
    mentions: Counter[str] = field(default_factory=Counter)
    own: dict[str, tuple[Counter[str], Counter[str]]] = field(default_factory=dict)


@extractors.register("places", assigns=("places",))
def extract_places(ctx: DocContext) -> dict[str, list[PlaceMention]]:
    gazetteer = ctx.resources.gazetteer
    spans = toponym_spans(ctx, gazetteer)
    context = document_context(gazetteer, [ctx.doc.text[s:e] for s, e in spans],
                               _affiliations(ctx))
    found: list[PlaceMention] = []
    for start, end in spans:
        text = ctx.doc.text[start:end]
        sent = ctx.doc.char_span(start, end, alignment_mode="expand")
        sentence = sent.sent if sent is not None else next(iter(ctx.doc.sents))
        found.append(PlaceMention(
            article_id=ctx.article.id,
            span=Span(start, end, text),
            place=resolve_toponym(gazetteer, _with_qualifier(gazetteer, ctx.doc.text, end, text),
                                  context, area=_named_as_area(ctx.doc.text, start, end, spans)),
            evidence=ctx.evidence(sentence),
            is_actor=is_metonym(ctx, start, end),
        ))
    dominant = context.countries.most_common(1)
    if dominant:
        capital = gazetteer.capital(dominant[0][0])
        for m in _CAPITAL.finditer(ctx.doc.text):
            span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if capital is not None and span is not None:
                found.append(PlaceMention(ctx.article.id, Span(m.start(), m.end(), m.group(0)),
                                          capital, ctx.evidence(span.sent)))
    found.sort(key=lambda pm: pm.span.start)
    return {"places": found}


def _named_as_area(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """True when the text uses the name at [start, end) for a region: it holds another
    named place ("Basira in Deir-ez-Zor") or its countryside ("Aleppo countryside",
    "the countryside of Idlib", "rural Hama")."""
    if any(e < start and _IN_AREA.match(text[e:start]) for _s, e in spans):
        return True
    return bool(_AREA_BEFORE.search(text[max(0, start - 40) : start])
                or _AREA_AFTER.match(text[end : end + 20]))


def _with_qualifier(gazetteer: Gazetteer, text: str, end: int, name: str) -> str:
    """``name`` with the division or country that follows it in the text ("Rafah City,
    North Sinai" -> "Rafah City, North Sinai"), so the resolver keeps to that area."""
    after = text[end : end + 80]
    m = _TRAILING_QUALIFIER.match(after)
    if m is None or "," in name or _LIST_GOES_ON.match(after[m.end() :]):
        return name  # "Assiut, Alexandria, and Suez" is a list, not Assiut in Alexandria
    area = m.group(1).split(",")[-1].strip()
    return f"{name}, {area}" if _names_an_area(gazetteer, area) else name


def toponym_spans(ctx: DocContext, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """(start, end) of place names: model entities and nationality words, then locative
    capitalised phrases and known names in a parenthesis after a place ("(Razih, Sadah)")."""
    text = ctx.doc.text
    spans = [_with_name_after_article(text, e.start_char, e.end_char)
             for e in ctx.doc.ents if e.label_ in PLACE_LABELS]
    # "Russian", "Egyptians": a nationality word names its country (as a modifier it is
    # never an event's location, see is_modifier)
    spans += [(e.start_char, e.end_char) for e in ctx.doc.ents if e.label_ == "NORP"
              and any(c.place.precision == "country" and c.match != "skeleton"
                      for c in gazetteer.candidates(e.text))]
    for m in CAPITALISED.finditer(text):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in spans):
            continue
        if not LOCATIVE.search(text[max(0, start - 40) : start]):
            if _well_known(gazetteer, text, start, end):
                spans.append((start, end))
            continue
        if m.group(0).split()[0].lower() in CALENDAR_WORDS \
                or _SITE_AFTER.match(text[end : end + 20]):
            continue
        if gazetteer.candidates(m.group(0)):
            spans.append((start, end))
    for m in _PARENTHESIS.finditer(text):  # "(Razih, Sadah)": where the place before lies
        for part in _NAME_IN_LIST.finditer(m.group(1)):
            start, end = m.start(1) + part.start(), m.start(1) + part.end()
            if not any(s < end and start < e for s, e in spans) \
                    and not _is_acronym(part.group(0)) and any(
                    c.match != "skeleton" for c in gazetteer.candidates(part.group(0))):
                spans.append((start, end))
    spans = [(s + 4, e) if text[s:e].startswith("the ") else (s, e) for s, e in spans]
    return sorted(set(spans))


def _well_known(gazetteer: Gazetteer, text: str, start: int, end: int) -> bool:
    """A capitalised phrase standing alone mid-sentence that is a country, a first-level
    division or a big city by its own name ("Kentucky", "Toronto"): a place wherever it
    stands, though the model missed it."""
    name = text[start:end]
    if start == 0 or text[start - 1] in "\"'“‘(" or re.match(r"[.!?:]\s*$", text[max(0, start - 3) : start]) \
            or _NEXT_CAPITAL.match(text[end : end + 3]) or name.lower() in FUNCTION_WORDS:
        return False  # sentence starts and runs of capitals are people, titles, firms
    key = name_key(name)
    return any(c.match == "main" and name_key(c.place.name) == key
               and (c.place.precision in ("country", "admin1")
                    or (c.place.population or 0) >= WELL_KNOWN)
               for c in gazetteer.candidates(name))


def _with_name_after_article(text: str, start: int, end: int) -> tuple[int, int]:
    """A span that is only an Arabic article ("Al" of "Al Bab") takes the name after it."""
    if text[start:end].lower() not in ARTICLES:
        return start, end
    m = _NAME_AFTER.match(text, end)
    return (start, m.end()) if m else (start, end)


def _affiliations(ctx: DocContext) -> list[str]:
    return [m.affiliation for m in ctx.found.get("mentions", ()) if getattr(m, "affiliation", None)]


def document_countries(gazetteer: Gazetteer, names: Iterable[str],
                       affiliations: Iterable[str] = ()) -> Counter[str]:
    """Votes for the countries a document is about (see :func:`document_context`)."""
    return document_context(gazetteer, names, affiliations).countries


def document_context(gazetteer: Gazetteer, names: Iterable[str],
                     affiliations: Iterable[str] = ()) -> PlaceContext:
    """Votes for the countries and divisions a document is about. A country named counts 3
    for it; a division named ("Kentucky", "Ky.") 3 for itself and 2 for its country; a
    town with a single well-known reading 1 for its country; a name whose readings all
    lie in one division 1 for it; a loose spelling of one big town ("al-Hasakeh") 1 for its
    country; a demonym affiliation ("Libyan forces") 2. :func:`resolve_toponym` leaves a
    name's own votes out when it resolves that name, so no reading confirms itself."""
    votes: Counter[str] = Counter()
    areas: Counter[str] = Counter()
    readings: list[tuple[str, list[Candidate]]] = []
    mentions: Counter[str] = Counter()
    own: dict[str, tuple[Counter[str], Counter[str]]] = {}
    for name in names:
        head, _, qualifier = name.partition(",")
        if not _may_vote(head):
            continue
        key = name_key(head)
        mentions[key] += 1
        name_votes, name_areas, cands = _votes_of(gazetteer, head, qualifier.strip())
        votes += name_votes
        areas += name_areas
        own[key] = (name_votes, name_areas)
        if cands:
            readings.append((head, cands))
    for iso3 in affiliations:
        votes[iso3] += 2
    votes.pop("", None)
    areas.pop("", None)
    first = PlaceContext(votes, areas)
    anchors = []
    for head, cands in readings:
        anchor = _clear_reading(cands, first)
        if anchor is not None and anchor.lat is not None and anchor.lon is not None:
            anchors.append((anchor.lat, anchor.lon, name_key(head)))
    return PlaceContext(votes, areas, tuple(anchors), mentions, own)


def _votes_of(gazetteer: Gazetteer, head: str, qualifier: str
              ) -> tuple[Counter[str], Counter[str], list[Candidate]]:
    """One name's votes for countries and divisions, and its town readings (for anchors)."""
    votes: Counter[str] = Counter()
    areas: Counter[str] = Counter()
    cands = [c for c in gazetteer.candidates(head) if c.match != "skeleton"]
    if qualifier:
        cands += [c for c in gazetteer.candidates(qualifier)
                  if c.match != "skeleton" and c.place.precision in ("country", "admin1")]
    if not cands:
        loose = [c for c in gazetteer.candidates(head) if _big_loose_match(c, head)]
        if len({c.place.country for c in loose}) == 1:
            votes[loose[0].place.country or ""] += 1
        return votes, areas, []
    # A name that is also a division or a big town elsewhere ("Georgia", "Gaza",
    # "Delta") does not vote for one reading: it would only confirm itself.
    countries = [c for c in cands if c.place.precision == "country"]
    if countries:
        if not _rival(cands, countries[0], ("admin1",)):
            votes[countries[0].place.country or ""] += 3
        return votes, areas, []
    divisions = [c for c in cands if c.place.precision == "admin1"]
    if divisions:
        if not _rival(cands, divisions[0], ("admin1", "city")):
            areas[divisions[0].place.admin1 or ""] += 3
            votes[divisions[0].place.country or ""] += 2
        return votes, areas, []
    big = [c for c in cands if (c.place.population or 0) >= 50_000]
    if len({c.place.country for c in big}) == 1:
        votes[big[0].place.country or ""] += 1
    if len({c.place.admin1 for c in cands}) == 1:
        areas[cands[0].place.admin1 or ""] += 1
    return votes, areas, cands


def _without_own_votes(name: str, context: PlaceContext) -> PlaceContext:
    """``context`` less the votes ``name`` cast itself each time the document named it."""
    key = name_key(name)
    times = context.mentions.get(key, 0)
    if not times or key not in context.own:
        return context
    own_votes, own_areas = context.own[key]
    countries = Counter({k: v - times * own_votes.get(k, 0) for k, v in context.countries.items()})
    admin1 = Counter({k: v - times * own_areas.get(k, 0) for k, v in context.admin1.items()})
    return PlaceContext(+countries, +admin1, context.anchors, context.mentions, context.own)


def _rival(cands: list[Candidate], reading: Candidate, kinds: tuple[str, ...]) -> bool:
    """Another country's division or big town of the same name as ``reading``."""
    return any(c.place.country != reading.place.country and c.place.precision in kinds
               and (c.place.precision == "admin1" or (c.place.population or 0) >= 100_000)
               for c in cands)


def _may_vote(name: str) -> bool:
    """False for capitalised words that are seldom place names ("We", "But", "Thursday"),
    which some small place somewhere is called too."""
    word = name.strip().lower()
    return word not in FUNCTION_WORDS and word not in CALENDAR_WORDS


def _clear_reading(cands: list[Candidate], context: PlaceContext) -> Place | None:
    """The town a name means beyond doubt in this story: its readings lie within a few km
    of each other, or the best one outscores every other far from it by a wide margin."""
    towns = [c for c in cands if c.place.precision in ("city", "point")
             and c.place.lat is not None and c.place.lon is not None]
    if not towns or len(towns) != len(cands):
        return None
    ranked = sorted(towns, key=lambda c: _score(c, context), reverse=True)
    best = ranked[0].place
    rivals = [c for c in ranked[1:]
              if _km(best.lat, best.lon, c.place.lat, c.place.lon) > NEAR_KM]  # type: ignore[arg-type]
    if not rivals or _score(ranked[0], context) - _score(rivals[0], context) >= CLEAR_MARGIN:
        return best
    return None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + \
        math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


def text_countries(gazetteer: Gazetteer, text: str) -> Counter[str]:
    """:func:`document_countries` over the capitalised phrases of a plain text."""
    return text_context(gazetteer, text).countries


def text_context(gazetteer: Gazetteer, text: str) -> PlaceContext:
    """:func:`document_context` over the capitalised phrases of a plain text."""
    return document_context(gazetteer, (m.group(0) for m in CAPITALISED.finditer(text)))


def resolve_toponym(gazetteer: Gazetteer, name: str, context: Any = None, *,
                    area: bool = False) -> Place | None:
    """The best reading of ``name``; ``context`` is a document's text, a
    :class:`PlaceContext`, or country votes (a Counter or an iterable of ISO3 codes).
    ``area``: the text uses the name for a region ("Basira in Deir-ez-Zor", "Aleppo
    countryside"), so a division of that name wins over its namesake town."""
    head, _, qualifier = name.partition(",")
    if name_key(head) in ARTICLES:
        return None  # "Al" cut off from "Al Bab" by the model names nothing
    context = _without_own_votes(head, _context(gazetteer, context))
    cands = list(gazetteer.candidates(head.strip()))
    qualifier = qualifier.strip()
    if qualifier:
        within = _qualifier_filter(gazetteer, qualifier, cands)
        if within:
            cands = within
        elif all(c.match == "skeleton" for c in cands) and (
                not cands or _names_an_area(gazetteer, qualifier)):
            # an unknown small place in a known area ("Abu Tawilah, North Sinai"): the area,
            # not a loose likeness elsewhere
            return resolve_toponym(gazetteer, qualifier, context)
    if _is_acronym(head):
        # "IS", "AQAP": an acronym names a place only as a country or division code ("US", "KY")
        cands = [c for c in cands if c.place.precision in ("country", "admin1")]
    # A loose spelling match counts only in a country the story is about ("Rouakeche" in an
    # Algerian note is not the French town "Unieux"), or for a big town in a story without one.
    cands = [c for c in cands if c.match != "skeleton"
             or context.countries.get(c.place.country or "")
             or (not context.countries and _big_loose_match(c, head))]
    if not cands:
        return _place_within(gazetteer, head.strip(), context)
    if all(w in NO_NAME_WORDS for w in name_key(head).split()):
        # "West", "Centre", "the Gulf": a division so named somewhere is no answer unless
        # the story is about its country
        cands = [c for c in cands if context.countries.get(c.place.country or "")]
        if not cands:
            return None
    if _ARTICLE_START.match(fold(head.strip())):
        # "Ad Dali" written with its Arabic article is Yemen's Ad Dali', not China's Dali
        cands = [c for c in cands if _ARTICLE_START.match(fold(c.place.name))] or cands
    if _names_a_division(head):
        # "Kerman province" is the province, not its capital; "Sinai Province" (a militant
        # group's name) is not the Mexican town Sinai
        cands = [c for c in cands if c.place.feature in ("ADM1", "ADM2")] or \
            [c for c in cands if context.countries.get(c.place.country or "")]
        if not cands:
            return None
    best = max(cands, key=lambda c: _rank(c, cands, context))
    if area and best.place.precision == "city":
        division = [c for c in cands if c.place.precision == "admin1"
                    and c.place.admin1 == best.place.admin1]
        return division[0].place if division else best.place
    if best.place.precision == "admin1" and not area:
        return _city_over_division(best, cands).place
    return best.place


def _rank(c: Candidate, cands: list[Candidate], context: PlaceContext) -> float:
    """:func:`_score`, less a division's weight where a big town elsewhere shares its name:
    Egypt's Alexandria governorate may not carry its city past Alexandria, Virginia."""
    score = _score(c, context)
    if c.place.precision == "admin1" and _rival(cands, c, ("city",)):
        score -= _FEATURE_BONUS["admin1"]
    return score


def _big_loose_match(c: Candidate, name: str) -> bool:
    """A loose spelling of a big town, long and close enough to be more than a chance
    likeness ("al-Hasakeh" is Al-Hasakah; "Miniyeh" is not Minnesota)."""
    key = name_key(name)
    return c.match == "skeleton" and (c.place.population or 0) >= 100_000 and len(key) >= 6 \
        and SequenceMatcher(None, key, name_key(c.place.name)).ratio() >= 0.75


def _names_an_area(gazetteer: Gazetteer, name: str) -> bool:
    return any(c.match != "skeleton" and c.place.precision in ("country", "admin1")
               for c in gazetteer.candidates(name))


def _names_a_division(name: str) -> bool:
    words = name_key(name).split()
    return len(words) > 1 and (words[0] in TYPE_WORDS or words[-1] in TYPE_WORDS)


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters) and "." not in name


def _place_within(gazetteer: Gazetteer, name: str, context: PlaceContext) -> Place | None:
    """For a site the gazetteer lacks ("Delhi High Court", "Greater Toronto Area"), the
    longest run of its capitalised words that is a well-known place or one in the story's
    countries: a site named after its town is in that town."""
    words = name.split()
    if len(words) < 2:
        return None
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            part = words[i : i + size]
            if not part[0][:1].isupper() or not part[-1][:1].isupper() \
                    or all(w.lower() in NO_NAME_WORDS for w in part):
                continue
            cands = [c for c in gazetteer.candidates(" ".join(part)) if c.match == "main"
                     and (context.countries.get(c.place.country or "")
                          or c.place.precision == "country"
                          or (c.place.population or 0) >= 100_000)]
            if cands:
                return max(cands, key=lambda c: _score(c, context)).place
    return None


def _city_over_division(division: Candidate, cands: list[Candidate]) -> Candidate:
    """ "New York" and "Washington" in news are the cities: a capital or a big city of the
    division's country that bears its name wins over the division, and so does the town a
    governorate is named after when it holds a good share of its people ("Aswan", "Port
    Said"; not "Quebec", whose province is many times its city)."""
    people = division.place.population or 0
    for c in cands:
        if c.place.precision != "city" or c.match == "skeleton" \
                or c.place.country != division.place.country:
            continue
        size = c.place.population or 0
        if c.place.feature == "PPLC" or size >= BIG_CITY or (
                c.place.admin1 == division.place.admin1 and size >= CITY_SHARE * people):
            return c
    return division


def _context(gazetteer: Gazetteer, context: Any) -> PlaceContext:
    if context is None:
        return PlaceContext()
    if isinstance(context, PlaceContext):
        return context
    if isinstance(context, str):
        return text_context(gazetteer, context)
    return PlaceContext(context if isinstance(context, Counter) else Counter(context))


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


def _score(c: Candidate, context: PlaceContext) -> float:
    place = c.place
    votes, areas = context.countries, context.admin1
    score = math.log10((place.population or 0) + 1)
    score += _FEATURE_BONUS.get(place.precision, 0.0)
    if place.feature == "PPLC":
        score += 1.0
    share = votes.get(place.country or "", 0) / (sum(votes.values()) or 1)
    if share:
        score += 1.0 + 4.0 * share
    area_share = areas.get(place.admin1 or "", 0) / (sum(areas.values()) or 1)
    if area_share and place.precision != "admin1":
        score += 1.0 + 3.0 * area_share
    score -= {"main": 0.0, "alternate": 0.5, "skeleton": 3.0}[c.match]
    if context.anchors and place.lat is not None and place.lon is not None \
            and place.precision in ("city", "point") and _near_anchor(place, context.anchors):
        score += ANCHOR_BONUS  # near a town the story names beyond doubt: its neighbour
    return score


def _near_anchor(place: Place, anchors: tuple[tuple[float, float, str], ...]) -> bool:
    """True when another town the story names beyond doubt lies within NEIGHBOUR_KM."""
    lat, lon = place.lat or 0.0, place.lon or 0.0
    span = NEIGHBOUR_KM / 111.0  # degrees of latitude; a cheap box before the exact distance
    wide = span / max(math.cos(math.radians(lat)), 0.1)
    return any(abs(a - lat) <= span and abs(b - lon) <= wide
               and 1.0 < _km(lat, lon, a, b) <= NEIGHBOUR_KM
               for a, b, _key in anchors)


# Nouns a place name may modify and still say where: "Sulaymaniyah city", "the Sidon-Beirut
# highway". Any other noun makes it a modifier that says what: "US dollar", "Arab cities".
PLACE_HEADS = frozenset(
    [
        "city", "town", "village", "villages", "camp", "area", "district", "province",
        "governorate", "region", "municipality", "neighbourhood", "neighborhood", "suburb",
        "outskirts", "countryside", "border", "crossing", "highway", "road", "street", "port",
        "airport", "base", "airbase", "hill", "mountain", "mountains", "valley", "desert",
        "coast", "oasis", "island", "islands", "river", "sea", "lake", "front", "frontline",
        "center", "centre", "quarter", "checkpoint", "outpost", "refinery", "field", "terminal"
    ]
)


def is_modifier(ctx: DocContext, start: int, end: int) -> bool:
    """True when the place at [start, end) modifies a noun that is not itself a place
    ("the US dollar", "Kurdish names", "Turkish and Russian forces", "Saudi-led"): it
    qualifies people or things, it does not locate an event."""
    if _HYPHEN_COMPOUND.match(ctx.doc.text[end : end + 20]):
        return True  # "Saudi-led", "Turkey-backed", "US-based"
    if not ctx.doc.has_annotation("DEP"):
        return False
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "Turkish and Russian forces": Russian modifies as Turkish does
    head = root.head
    return (root.dep_ in ("compound", "amod", "nmod") and head.i != root.i
            and not (span.start <= head.i < span.end)
            and head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() not in PLACE_HEADS)


def pick_place(ctx: DocContext, token: Token, usable: list[PlaceMention],
               clause: set[int]) -> Place | None:
    """The place of ``token``'s event among ``usable`` mentions of its sentence: those in its
    own clause (``clause``: the clause's token offsets) first; then the most precise ("in
    Lebanon in Sidon" is Sidon), not an origin ("troops from Misrata"), in the article's
    main country, nearest."""
    sent = token.sent
    in_sentence = [pm for pm in usable if sent.start_char <= pm.span.start < sent.end_char]
    if not in_sentence:
        return None
    pool = [pm for pm in in_sentence if pm.span.start in clause] or in_sentence
    countries = Counter(pm.place.country for pm in usable if pm.place is not None)
    text = ctx.doc.text

    def rank(pm: PlaceMention) -> tuple:
        place = pm.place
        assert place is not None
        origin = bool(_ORIGIN.search(text[max(0, pm.span.start - 12) : pm.span.start]))
        return (origin, PRECISION_RANK.get(place.precision, 3), -countries[place.country],
                abs(pm.span.start - token.idx))

    return min(pool, key=rank).place


def locates_nothing(ctx: DocContext, pm: PlaceMention) -> bool:
    """A place mention that is no event's location: a metonym acting as an actor, a
    modifier (:func:`is_modifier`) or a nationality word ("Saudi-led", "Israelis")."""
    if pm.is_actor or is_modifier(ctx, pm.span.start, pm.span.end):
        return True
    return pm.place is not None and pm.place.precision == "country" and any(
        e.label_ == "NORP" and e.start_char == pm.span.start for e in ctx.doc.ents)


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
