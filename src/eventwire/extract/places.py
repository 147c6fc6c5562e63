"""Toponyms found in the text and resolved: the ``places`` component.

The spans come from :mod:`eventwire.extract.placespans`; each is resolved in the
gazetteer (:mod:`eventwire.extract.toponyms`) with the document's place context
(:mod:`eventwire.extract.placecontext`). A name followed by its area ("Rafah City, North
Sinai") is resolved within that area, and one holding another place ("Basira in
Deir-ez-Zor") as a division. A place that is the subject of a statement verb
("Washington denied", "Moscow said") is a government speaking: ``is_actor=True``, never an
event location; nor are modifiers ("the US dollar") and nationality words. Choosing an
event's place among these is :mod:`eventwire.extract.placechoice`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.component import Component
from eventwire.extract.context import DocContext
from eventwire.extract.placecontext import document_context
from eventwire.extract.placefeatures import (
    feature_word,
    namesakes_across_a_tie,
    resolve_feature,
    tied_features,
    with_tied_namesakes,
)
from eventwire.extract.placeoutliers import far_namesakes
from eventwire.extract.placeparts import with_parts
from eventwire.extract.placespans import (
    DIVISION_KIND_WORDS,
    POSSESSIVE,
    SETTLEMENT_OF,
    colon_dateline_names,
    dash_dateline_name,
    toponym_spans,
)
from eventwire.extract.placewords import DIRECTIONS, NAME
from eventwire.extract.toponyms import names_an_area, qualifier_places, resolve_toponym
from eventwire.knowledge.placenames import name_key
from eventwire.model import Place, PlaceMention, Span
from eventwire.registry import extractors

if TYPE_CHECKING:
    from eventwire.extract.placecontext import PlaceContext
    from eventwire.knowledge.gazetteer import Gazetteer


STATEMENT_VERBS = {
    "say",
    "deny",
    "announce",
    "accuse",
    "condemn",
    "warn",
    "call",
    "urge",
    "reject",
    "welcome",
    "demand",
    "insist",
    "claim",
    "respond",
    "threaten",
    "vow",
    "pledge",
    "refuse",
    "agree",
    "decide",
    "impose",
    "sanction",
    "recognize",
    "recognise",
    "criticize",
    "criticise",
    "support",
    "back",
    "oppose",
    "protest",
    "negotiate",
    "propose",
    "declare",
    "state",
}
# The nouns of a state's armed bodies, which go abroad: "the Kenyan contingent".
ARMED_BODIES = frozenset(
    {
        "troop", "force", "soldier", "army", "contingent", "peacekeeper", "military",
        "serviceman", "servicemen", "police", "policeman", "guard", "navy", "jet",
        "warplane", "aircraft", "battalion", "unit", "personnel", "mission",
    }
)  # fmt: skip
# What a government says or decides, as a noun a capital or a country may own:
# "Tbilisi's account", "Moscow's denial", "Kabul's version of events".
STATEMENT_NOUNS = frozenset(
    {
        "account", "version", "claim", "statement", "denial", "accusation", "allegation",
        "narrative", "position", "response", "assertion", "explanation", "charge",
    }
)  # fmt: skip
_STATEMENT_AFTER = re.compile(
    r"^(?:'s\s+(?:foreign|defence|defense|state)\s+\w+\s+)?\s*(?:has\s+|have\s+|had\s+|also\s+|"
    r"has\s+also\s+|on\s+\w+\s+)?(?:"
    + "|".join(
        sorted(
            {v + s for v in STATEMENT_VERBS for s in ("s", "d", "ed", "es")}
            | {"said", "says", "denied", "denies", "urged", "backed", "agreed", "declared"}
        )
    )
    + r")\b"
)
# A division named by its kind before it: "the region of Sagaing", "the restive province of
# Ituri" are read as "Sagaing region", "Ituri province" (the division, not its namesake
# town); not "the Karmel district of Zorba" (a town's quarter, a capitalised name between),
# nor "the state of Israel", "the emirate of Qatar" (a state's formal name), nor "the
# central district of Bitlis", "the municipality of X" (a town's own part or area).
_KIND_OF_BEFORE = re.compile(
    r"(?:^|\s)[Tt]he\s+(?:[a-z][a-z-]+\s+)?("
    + "|".join(
        sorted(DIVISION_KIND_WORDS - {"state", "emirate", "district", "municipality", "commune"})
    )
    + r")\s+of\s+(?:the\s+)?$"
)
# "the city", "the town", "the village" standing for a town named before (see
# _with_the_town)
_THE_TOWN = re.compile(
    r"\b[Tt]he (city|town|village)\b(?![’'])(?!\s+(?:of|council|hall|centre|center|"
    r"authorities|police|administration|mayor|governor|limits|elders?|chief|head)\b)"
)
# "the village" stands only for a place small enough to be one: a town of this many
# people or more is no village ("Vorukh ... fired on the village" is Vorukh; a story
# naming Goma and then "the village" has named no village)
VILLAGE_MAX = 50_000
# "the capital", not "the capital city of Socotra" (a province's capital, named after it).
_CAPITAL = re.compile(r"\bthe capital\b(?!\s+(?:city\s+)?of\b)")
_IN_AREA = re.compile(
    r"^(?:\s+(?:city|town|village|camp|area))?\s+in\s+(?:the\s+)?"
    r"(?:(?:al|el|as|ad|ar|an)[-\s])?$"
)
_IN_AREA_REACH = 200  # characters: what _IN_AREA can span, with room for odd spacing
_AREA_BEFORE = re.compile(
    r"(?:\bcountryside\s+of\s+(?:the\s+)?|\brural\s+)(?:(?:al|el|as|ad|ar|an)[-\s])?$"
)
_AREA_AFTER = re.compile(r"^\s+(?:countryside|desert|governorate|province)\b")
_SPONSOR = re.compile(r"^-(?:led|backed|supported|sponsored|funded|allied|aligned|brokered)\b")
_HYPHEN_COMPOUND = re.compile(r"^-[a-z]+\b")  # "-led", "-backed"; not "-Beirut" (a road's end)
_LIST_GOES_ON = re.compile(r"^\s*(?:,|and\b|or\b)")
# A place name followed by where it lies: "Rafah City, North Sinai", "El Hassi (Setif)".
_TRAILING_QUALIFIER = re.compile(
    r"^(?:\s+(?:district|subdistrict|area|region|village|town|city|camp|governorate|province))?"
    r"(?:,\s*|\s*\()(" + NAME + r"(?:,\s*" + NAME + r")?)"
)
# A place followed by the area or town it lies in: "Mansura in Raqqa", "Haftanin region
# of Dahuk", "Bara in the southern countryside of Idleb" (but "the town of X" names X).
_LIES_IN = re.compile(
    r"^(?:(?:\s+(?:city|town|village|camp|area|district|subdistrict|neighbourhood|neighborhood|"
    r"quarter|suburb|region|municipality))?\s+in"
    r"|\s+(?:area|district|subdistrict|neighbourhood|neighborhood|quarter|suburb|region)\s+of)"
    r"\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|northern|southern|eastern|western|central|north-?eastern|"
    r"north-?western|south-?eastern|south-?western)\s+)?"
    r"(?:(?:countryside|outskirts|suburbs|province|governorate|region)\s+of\s+(?:the\s+)?)?"
    # an area's name may open with a lower-case Arabic article: "a farm in al-Hasakeh"
    r"((?:(?:al|el|as|ad|ar|an|ash|at|az)-)?" + NAME + r")"
)
_LGA = re.compile(r"\s+(?:[Ll]ocal\s+[Gg]overnment\s+[Aa]rea|LGA)\b")
# The town or area owning a district: "Giza's Haram district", "Cairo's Abbasiya".
_OWNER_BEFORE = re.compile(r"(" + NAME + r")['’]s\s+$")


def extract_places(ctx: DocContext) -> dict[str, list[PlaceMention]]:
    gazetteer = ctx.resources.gazetteer
    words = ctx.resources.place_words
    spans = toponym_spans(ctx, gazetteer)
    # "kanpur: the police said ...": the town the story is filed from, never a
    # government speaking (the parse makes "kanpur" the subject of the verb after it)
    datelines = {start for start, _end in colon_dateline_names(ctx.text, gazetteer)}
    # "AWKA -- ", "GAO, 3 May -- ": a dash dateline's town in capitals is a name, never an
    # acronym ("IS", "AQAP") that only a country or a division code may be
    dash_town = {s for s, _e in dash_dateline_name(ctx.text, ctx.view.zones.dateline, gazetteer)}
    voting = _voting(ctx, spans)
    context = document_context(
        gazetteer,
        [ctx.text[s:e] for s, e in voting],
        _affiliations(ctx, spans),
        ctx.text,
        nationality=_nationality_words(ctx, gazetteer, voting),
    )
    found: list[PlaceMention] = []
    ends = sorted(e for _s, e in spans)
    # a name read the same way gets the same reading in one document: resolved once
    resolved: dict[tuple[str, bool, bool], Place | None] = {}
    features: dict[tuple[str, str], Place | None] = {}
    # names the gazetteer has no reading of, with their feature word ("" for none)
    unread: dict[int, tuple[str, str]] = {}
    for start, end in spans:
        text = ctx.text[start:end]
        sent = ctx.doc.char_span(start, end, alignment_mode="expand")
        sentence = ctx.view.span_sent(sent) if sent is not None else ctx.view.sents[0]
        qualified, rural = _with_qualifier(gazetteer, ctx.text, start, end, context)
        if start in dash_town:
            qualified = qualified.title()
        area = rural or _named_as_area(ctx.text, start, end, ends)
        # "the town of Kufra" is the town, not its province
        settlement = bool(SETTLEMENT_OF.search(ctx.text[max(0, start - 30) : start]))
        kind = _KIND_OF_BEFORE.search(ctx.text[max(0, start - 50) : start])
        bare = qualified
        if kind is not None and not area:
            head, comma, where = qualified.partition(",")
            qualified = f"{head} {kind.group(1).lower()}{comma}{where}"
        # a Local Government Area is Nigeria's district, named after its seat
        qualified = _LGA.sub(" district", qualified)
        key = (qualified, area, settlement)
        feature = feature_word(words, ctx.text, start, end)
        if feature is not None:
            # "the Boni forest", "the Kakuma camp": the feature, not a town spelt alike
            if feature not in features:
                features[feature] = resolve_feature(gazetteer, words, *feature, context)
            reading = features[feature]
            if reading is None:
                unread[start] = feature
        elif key not in resolved:
            resolved[key] = resolve_toponym(
                gazetteer, qualified, context, area=area, settlement=settlement
            )
            if resolved[key] is None and qualified != bare:
                # "the region of Hadibu": no division or area by that name; the name as is
                resolved[key] = resolve_toponym(
                    gazetteer, bare, context, area=area, settlement=settlement
                )
        if feature is None:
            reading = resolved[key]
            if reading is None:
                unread[start] = (text, "")
        found.append(
            PlaceMention(
                article_id=ctx.article.id,
                span=Span(start, end, text),
                place=reading,
                evidence=ctx.evidence(sentence),
                is_actor=start not in datelines and is_metonym(ctx, start, end),
            )
        )
    country = _capital_country(ctx, found, context.countries)
    if country is not None:
        capital = gazetteer.capital(country)
        for m in _CAPITAL.finditer(ctx.text):
            span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if capital is not None and span is not None:
                found.append(
                    PlaceMention(
                        ctx.article.id,
                        Span(m.start(), m.end(), m.group(0)),
                        capital,
                        ctx.evidence(ctx.view.span_sent(span)),
                        described=True,
                    )
                )
    found.sort(key=lambda pm: pm.span.start)
    found = _with_the_town(ctx, found)
    # each mention keeps the zone of the page it lies in, so later steps (an article's
    # incidents) know a dateline's town without reading the text again
    zones = ctx.view.zones
    # "attacked Xa" with the only villages called Xa in another state: a namesake
    found = far_namesakes(
        found, unread, {pm.span.start for pm in found if zones.zone_of(pm.span.start) == "dateline"}
    )
    # "in Xa, in the Tepal municipality": not a namesake in another state
    found, namesakes = namesakes_across_a_tie(ctx.text, with_parts(ctx, found), unread)
    found = with_tied_namesakes(tied_features(ctx.text, found, unread), namesakes)
    return {"places": [replace(pm, zone=zones.zone_of(pm.span.start)) for pm in found]}


def _capital_country(ctx: DocContext, found: list[PlaceMention], votes: Counter[str]) -> str | None:
    """The country whose capital "the capital" is: among the countries the article names
    a place of (not a nationality word: "a Kenyan officer said the gangs hold the
    capital" in a story about Croix-des-Bouquets is Port-au-Prince, not Nairobi), the one
    the document's votes (places, dateline, actors' countries) favour most, then the one
    named most, then the first code; none when only nationality words name a country."""
    norp = {e.start_char for e in ctx.view.ents if e.label_ == "NORP"}
    named: Counter[str] = Counter(
        pm.place.country
        for pm in found
        if pm.place is not None and pm.place.country and pm.span.start not in norp
    )
    if not named:
        return None
    return min(named, key=lambda c: (-votes.get(c, 0), -named[c], c))


def _with_the_town(ctx: DocContext, found: list[PlaceMention]) -> list[PlaceMention]:
    """``found`` with "the city", "the town" and "the village" read as the town named last
    before them: a definite description takes the nearest antecedent of its kind ("Shells
    hit a market in Goma on Sunday. ... Drones struck positions east of the city" is east
    of Goma; "a farmer from Tenga died when troops shelled the village" is
    Tenga, while a town of VILLAGE_MAX people or more is no village's antecedent). Not
    "the city of X", "the town's mayor", "the city council", "the village elders";
    nothing before it, nothing."""
    towns = [
        pm
        for pm in found
        if pm.place is not None and pm.place.precision == "city" and not pm.is_actor
    ]
    if not towns:
        return found
    starts = [pm.span.start for pm in towns]
    added = []
    for m in _THE_TOWN.finditer(ctx.text):
        n = bisect_left(starts, m.start())
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if not n or span is None:
            continue
        antecedent = towns[n - 1].place
        assert antecedent is not None
        if m.group(1) == "village" and (antecedent.population or 0) >= VILLAGE_MAX:
            continue  # the last town named is no village: the village is unnamed
        added.append(
            PlaceMention(
                ctx.article.id,
                Span(m.start(), m.end(), m.group(0)),
                antecedent,
                ctx.evidence(ctx.view.span_sent(span)),
                described=True,
            )
        )
    return sorted([*found, *added], key=lambda pm: pm.span.start) if added else found


def _voting(ctx: DocContext, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that say what the story is about: not a place name modifying a thing ("the
    US dollar", "Arab cities"), which a story anywhere may write, nor one leading or backing
    from elsewhere ("Saudi-led", "Turkey-backed"); nationality words modifying people
    still vote ("Syrian fighters")."""
    norp = {e.start_char for e in ctx.view.ents if e.label_ == "NORP"}
    text = ctx.text
    return [
        (s, e)
        for s, e in spans
        if not _SPONSOR.match(text[e : e + 20]) and (s in norp or not is_modifier(ctx, s, e))
    ]


def _named_as_area(text: str, start: int, end: int, ends: list[int]) -> bool:
    """True when the text uses the name at [start, end) for a region: it holds another
    named place ("Basira in Deir-ez-Zor") or its countryside ("Aleppo countryside",
    "the countryside of Idlib", "rural Hama"). ``ends``: where the document's place names
    end, sorted; only those shortly before ``start`` can be followed by "in"."""
    lo = bisect_left(ends, start - _IN_AREA_REACH)
    if any(_IN_AREA.match(text[e:start]) for e in ends[lo : bisect_left(ends, start)]):
        return True
    return bool(
        _AREA_BEFORE.search(text[max(0, start - 40) : start])
        or _AREA_AFTER.match(text[end : end + 20])
    )


def _with_qualifier(
    gazetteer: Gazetteer, text: str, start: int, end: int, context: PlaceContext | None = None
) -> tuple[str, bool]:
    """The name at [start, end) with the division or country that follows it in the text
    ("Rafah City, North Sinai"), or the area or town it is said to lie in ("Mansura in
    Raqqa", "the Soba area of Khartoum", "Giza's Haram district"), so the resolver keeps to
    that area; and whether that is the countryside of a town ("in rural Aleppo")."""
    name = text[start:end]
    if "," in name:
        return name, False
    after = text[end : end + 80]
    m = _TRAILING_QUALIFIER.match(after)
    if m is not None and not _LIST_GOES_ON.match(after[m.end() :]):
        # "Assiut, Alexandria, and Suez" is a list, not Assiut in Alexandria; a big town
        # qualifies only in a parenthesis ("Ras Jabel (Bizerte)", "(Ezzouhour, Kasserine)")
        area = m.group(1).split(",")[-1].strip()
        if names_an_area(gazetteer, area) or (
            ("(" in m.group(0) or text[max(0, start - 1) : start] == "(")
            and after[m.end() : m.end() + 1] == ")"
            and qualifier_places(gazetteer, area, context)
        ):
            return f"{name}, {area}", False
    m = _LIES_IN.match(after)
    if m is not None and not qualifier_places(gazetteer, POSSESSIVE.sub("", m.group(1)), context):
        # an area the gazetteer does not know, itself said to lie in one it knows: "a
        # village in Jabal Harun in the countryside of Idleb" lies in Idleb
        rest = after[m.end() :]
        further = _LIES_IN.match(rest)
        if further is not None:
            after, m = rest, further
    rural = m is not None and (
        "countryside" in m.group(0)
        or bool(_AREA_AFTER.match(after[m.end() :]) or _AREA_BEFORE.search(after[: m.start(1)]))
    )
    m = m or _OWNER_BEFORE.search(text[max(0, start - 60) : start])
    if m is not None:
        area = POSSESSIVE.sub("", m.group(1))
        if name_key(area) != name_key(name) and qualifier_places(gazetteer, area, context):
            return f"{name}, {area}", rural
    return name, False


def _nationality_words(
    ctx: DocContext, gazetteer: Gazetteer, spans: list[tuple[int, int]]
) -> set[str]:
    """The names among ``spans`` that are the nationality of an armed body wherever the
    text writes them ("the Kenyan contingent", "Pakistani troops", "Tajik border
    guards"): tagged a nationality by the model, no country's own name (the model tags
    "Israel" so at times), and modifying a force's noun (:data:`ARMED_BODIES`) each
    time. Forces go abroad, so such a word says who acted, not where; a nationality of
    people or things ("a Palestinian-owned greenhouse", "Sudanese refugees") is as often
    where they are."""
    norp = ctx.view.ent_starts("NORP")
    armed: dict[str, bool] = {}
    for s, e in spans:
        if s not in norp:
            continue
        word = ctx.text[s:e]
        armed[word] = armed.get(word, True) and _of_armed_body(ctx, s, e)
    return {
        w
        for w, each in armed.items()
        if each
        and not any(
            c.match == "main" and c.place.precision == "country" for c in gazetteer.named(w)
        )
    }


def _of_armed_body(ctx: DocContext, start: int, end: int) -> bool:
    """Whether the word at [start, end) modifies a force's noun ("the Kenyan contingent",
    "Pakistani border troops")."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not ctx.doc.has_annotation("DEP"):
        return False
    head = span.root.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head  # "Tajik border guards": the phrase's own noun
    return span.root.dep_ in ("amod", "compound", "nmod") and head.lemma_.lower() in ARMED_BODIES


def _affiliations(ctx: DocContext, spans: list[tuple[int, int]]) -> list[str]:
    """The countries the document's actors belong to ("Libyan forces", "the Sudanese
    army"), not counting a mention that is itself one of the place names being read
    ("Tripoli" tagged with the country of its best-known namesake): its name votes as a
    place, and its country is the question, not evidence."""
    names = set(spans)
    return [
        m.affiliation
        for m in ctx.mentions
        if m.affiliation and (m.span.start, m.span.end) not in names
    ]


# Nouns a place name may modify and still say where: "Sulaymaniyah city", "the Sidon-Beirut
# highway", "the Aydin governorship". Any other noun makes it a modifier that says what: "US dollar", "Arab cities".
PLACE_HEADS = frozenset(
    [
        "city",
        "town",
        "village",
        "villages",
        "camp",
        "area",
        "district",
        "province",
        "governorate",
        "region",
        "municipality",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "outskirts",
        "countryside",
        "border",
        "crossing",
        "highway",
        "road",
        "street",
        "port",
        "airport",
        "base",
        "airbase",
        "hill",
        "mountain",
        "mountains",
        "valley",
        "desert",
        "coast",
        "oasis",
        "island",
        "islands",
        "river",
        "sea",
        "lake",
        "front",
        "frontline",
        "center",
        "centre",
        "quarter",
        "checkpoint",
        "outpost",
        "garrison",
        "refinery",
        "field",
        "terminal",
        "county",
        "state",
        "locality",
        "subdistrict",
        "plain",
        "plains",
        "areas",
        "towns",
        "cities",
        "camps",
        "entrance",
        "hills",
        "zone",
        "university",
        "hospital",
        "prison",
        # a site a town gives its name to: "the bombing of the Kyaukme market"
        "market",
        "bridge",
        "stadium",
        "school",
        "mosque",
        "church",
        "vicinity",
        "surroundings",
        "environs",
        "governor",
        "governorship",
        # a stretch of a front or of a border held by one command: "the Poonch sector"
        "sector",
        # a territory cut off from its country: "the Vorukh enclave"
        "enclave",
        "exclave",
        "dam",
        "forest",
        "range",
    ]
    # a parse may take the direction for the noun: "Majzar district west of Marib"
    + sorted(DIRECTIONS)
    # a division's kind: "Donetsk oblast", "Rutshuru territory"
    + sorted(DIVISION_KIND_WORDS)
)


def is_modifier(ctx: DocContext, start: int, end: int) -> bool:
    """True when the place at [start, end) modifies a noun that is not itself a place
    ("the US dollar", "Kurdish names", "Turkish and Russian forces", "Saudi-led"): it
    qualifies people or things, it does not locate an event."""
    if _HYPHEN_COMPOUND.match(ctx.text[end : end + 20]):
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
    while head.dep_ == "compound" and head.head.i != head.i and head.pos_ == "PROPN":
        head = head.head  # "the Kahnuj-Ghale Ganj road": the phrase's own noun says what
    return (
        root.dep_ in ("compound", "amod", "nmod")
        and head.i != root.i
        and not (span.start <= head.i < span.end)
        and head.pos_ in ("NOUN", "PROPN")
        and head.lemma_.lower() not in PLACE_HEADS
    )


def is_metonym(ctx: DocContext, start: int, end: int) -> bool:
    """True when the place at [start, end) is the subject of a statement verb."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is not None and ctx.doc.has_annotation("DEP"):
        root = span.root
        head = root.head
        if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in STATEMENT_VERBS:
            return True
        # "Moscow's envoy said"
        if (
            root.dep_ == "poss"
            and head.dep_ == "nsubj"
            and head.head.lemma_.lower() in STATEMENT_VERBS
        ):
            return True
        # "disputing Tbilisi's account of the shooting", "Kyiv's version": a government's
        # word, told by its seat or country, places nothing it tells of
        return root.dep_ == "poss" and head.lemma_.lower() in STATEMENT_NOUNS
    return bool(_STATEMENT_AFTER.match(ctx.text[end : end + 60]))


@extractors.register("places")
class Places(Component):
    """Place names resolved in the gazetteer with the document's context."""

    name = "places"
    requires = ("mentions",)
    assigns = ("places",)

    def __call__(self, ctx: DocContext) -> dict[str, list[PlaceMention]]:
        return extract_places(ctx)
