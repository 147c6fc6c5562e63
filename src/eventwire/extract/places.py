"""Toponyms found in the text and resolved (see :mod:`eventwire.extract.toponyms`).

Recognition takes the model's GPE/LOC/FAC entities and nationality words, capitalised
phrases that follow a locative word ("in Derna", "outskirts of Sirte") and name a
gazetteer place, well-known places standing alone ("Kentucky"), known names in a
parenthesis after a place ("(Razih, Sadah)") and the towns a road is named after ("the
Sidon-Beirut highway"), so it works without a model too. A name
followed by its area ("Rafah City, North Sinai") is resolved within that area, and one
holding another place ("Basira in Deir-ez-Zor") as a division. A place that is the
subject of a statement verb ("Washington denied", "Moscow said") is a government
speaking: ``is_actor=True``, never an event location; nor are modifiers ("the US
dollar") and nationality words. Choosing an event's place among these is
:mod:`eventwire.extract.placechoice`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from typing import TYPE_CHECKING

from eventwire.extract.component import Component
from eventwire.extract.context import DocContext
from eventwire.extract.placewords import DIRECTIONS, NotPlaces
from eventwire.extract.toponyms import (
    CALENDAR_WORDS,
    CAPITALISED,
    FUNCTION_WORDS,
    NAME,
    PlaceContext,
    document_context,
    document_countries,
    is_acronym,
    names_an_area,
    qualifier_places,
    resolve_toponym,
    text_context,
)
from eventwire.knowledge.placenames import (
    ARTICLES,
    name_key,
)
from eventwire.knowledge.wordcase import is_common_word
from eventwire.model import PlaceMention, Span
from eventwire.registry import extractors

if TYPE_CHECKING:
    from eventwire.knowledge.gazetteer import Gazetteer

# The resolver's public names, still importable from here.
__all__ = [
    "PlaceContext",
    "document_context",
    "document_countries",
    "extract_places",
    "is_metonym",
    "is_modifier",
    "resolve_toponym",
    "text_context",
    "toponym_spans",
]

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|around|outside|from|to|towards|toward|into|on|across|through|inside|"
    r"between|surrounding|shelled|bombed|stormed|entered|captured|besieged|raided|targeted|"
    r"attacked|seized|reached|shelling|targeting|attacking|storming|entering|struck|surrounded|"
    r"(?:city|town|village|villages|port|outskirts|district|region|province|governorate|oasis|"
    r"entrance|entrances|"
    r"suburb|suburbs|neighbourhood|neighborhood|area|vicinity|countryside|municipality|environs|"
    r"front|south|north|east|west|southeast|southwest|northeast|northwest|centre|center|"
    r"[Rr]esidents|[Ii]nhabitants|[Vv]illagers|[Mm]ayor|[Gg]overnor)\s+of)"
    r"\s+(?:the\s+)?(?:(?:rural|southern|northern|eastern|western|central)\s+)?"
    r"(?:(?:al|el|as|ad|ash|an|ar|at|az)[-\s])?)$"
)
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
# "the capital", not "the capital city of Socotra" (a province's capital, named after it).
_CAPITAL = re.compile(r"\bthe capital\b(?!\s+(?:city\s+)?of\b)")
# "Martyrs square", "Qasqas road": a site inside a town, named but not the town itself.
_SITE_AFTER = re.compile(
    r"^\s+(?:square|street|road|avenue|bridge|roundabout|mosque|school|hospital|university|"
    r"prison|stadium|market|hotel|church|building|company)\b"
)
# A site a town's name stands before: "the Zahle roundabout", "the Tulkarm refugee camp".
_TOWN_SITE_AFTER = re.compile(
    r"^\s+(?:(?:refugee|military|main|northern|southern|eastern|western)\s+)?"
    r"(?:roundabout|highway|camp|checkpoint|junction|intersection|crossing|airport|airbase|"
    r"governorate|municipality|outskirts|countryside)\b"
)
_IN_AREA = re.compile(
    r"^(?:\s+(?:city|town|village|camp|area))?\s+in\s+(?:the\s+)?"
    r"(?:(?:al|el|as|ad|ar|an)[-\s])?$"
)
_IN_AREA_REACH = 200  # characters: what _IN_AREA can span, with room for odd spacing
_SETTLEMENT_OF = re.compile(
    r"\b(?:city|town|village|villages|camp|suburb|neighbourhood|"
    r"neighborhood|outskirts|entrance)\s+of\s+(?:the\s+)?$"
)
_AREA_BEFORE = re.compile(
    r"(?:\bcountryside\s+of\s+(?:the\s+)?|\brural\s+)(?:(?:al|el|as|ad|ar|an)[-\s])?$"
)
_AREA_AFTER = re.compile(r"^\s+(?:countryside|desert|governorate|province)\b")
_SPONSOR = re.compile(r"^-(?:led|backed|supported|sponsored|funded|allied|aligned|brokered)\b")
_HYPHEN_COMPOUND = re.compile(r"^-[a-z]+\b")  # "-led", "-backed"; not "-Beirut" (a road's end)
_PARENTHESIS = re.compile(r"(?<=\w)\s+\(([A-Z][^()]{1,80})\)")
_NAME_IN_LIST = re.compile(NAME)
_NEXT_CAPITAL = re.compile(r"^\s[A-Z]")
_LIST_GOES_ON = re.compile(r"^\s*(?:,|and\b|or\b)")
_REST_OF_NAME = re.compile(
    r"(?:\s(?:e|al|el|ad|ar|as|ash|at|az|an|ed|es|ez|bin|ibn|bani|de|"
    r"del|di|da|la|le|Al|El|Ad|Ar|As|Ash|At|Az|An)\s|-e-|\s)[A-Z][\w'’-]+"
)
_NAME_AFTER = re.compile(r"[\s-]+[A-Z][\w'’-]+")
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
    r"(" + NAME + r")"
)
# The town or area owning a district: "Giza's Haram district", "Cairo's Abbasiya".
_OWNER_BEFORE = re.compile(r"(" + NAME + r")['’]s\s+$")
_POSSESSIVE = re.compile(r"['’]s$")
WELL_KNOWN = 500_000  # a city this big is a place wherever its name stands
# A town this big opening a body's name before a common word, or ending it after "of",
# names the town ("the Misrata Military Council", "the University of Benghazi")
ORG_TOWN = 50_000
# A road named after its two ends: "the Sidon-Beirut highway", "Halba - Qoubaiyat road".
_END = r"[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?"
_LISTED = re.compile(r"^(?:,\s*|,?\s+(?:and|or)\s+)$")
_PARTY_STATE = re.compile(r"\b[RDI]-((?:[A-Z][a-z]*\.)+|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")
_ROAD_ENDS = re.compile(r"\b(" + _END + r")\s?-\s?(" + _END + r")\s+(?:highway|road|motorway)\b")


def extract_places(ctx: DocContext) -> dict[str, list[PlaceMention]]:
    gazetteer = ctx.resources.gazetteer
    spans = toponym_spans(ctx, gazetteer)
    context = document_context(
        gazetteer,
        [ctx.text[s:e] for s, e in _voting(ctx, spans)],
        _affiliations(ctx),
        ctx.text,
    )
    found: list[PlaceMention] = []
    ends = sorted(e for _s, e in spans)
    for start, end in spans:
        text = ctx.text[start:end]
        sent = ctx.doc.char_span(start, end, alignment_mode="expand")
        sentence = ctx.view.span_sent(sent) if sent is not None else ctx.view.sents[0]
        qualified, rural = _with_qualifier(gazetteer, ctx.text, start, end)
        found.append(
            PlaceMention(
                article_id=ctx.article.id,
                span=Span(start, end, text),
                place=resolve_toponym(
                    gazetteer,
                    qualified,
                    context,
                    area=rural or _named_as_area(ctx.text, start, end, ends),
                    # "the town of Kufra" is the town, not its province
                    settlement=bool(_SETTLEMENT_OF.search(ctx.text[max(0, start - 30) : start])),
                ),
                evidence=ctx.evidence(sentence),
                is_actor=is_metonym(ctx, start, end),
            )
        )
    dominant = context.countries.most_common(1)
    if dominant:
        capital = gazetteer.capital(dominant[0][0])
        for m in _CAPITAL.finditer(ctx.text):
            span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if capital is not None and span is not None:
                found.append(
                    PlaceMention(
                        ctx.article.id,
                        Span(m.start(), m.end(), m.group(0)),
                        capital,
                        ctx.evidence(ctx.view.span_sent(span)),
                    )
                )
    found.sort(key=lambda pm: pm.span.start)
    return {"places": found}


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


def _with_qualifier(gazetteer: Gazetteer, text: str, start: int, end: int) -> tuple[str, bool]:
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
        # qualifies only in a parenthesis ("Ras Jabel (Bizerte)")
        area = m.group(1).split(",")[-1].strip()
        if names_an_area(gazetteer, area) or (
            "(" in m.group(0)
            and after[m.end() : m.end() + 1] == ")"
            and qualifier_places(gazetteer, area)
        ):
            return f"{name}, {area}", False
    m = _LIES_IN.match(after)
    rural = m is not None and (
        "countryside" in m.group(0)
        or bool(_AREA_AFTER.match(after[m.end() :]) or _AREA_BEFORE.search(after[: m.start(1)]))
    )
    m = m or _OWNER_BEFORE.search(text[max(0, start - 60) : start])
    if m is not None:
        area = _POSSESSIVE.sub("", m.group(1))
        if name_key(area) != name_key(name) and qualifier_places(gazetteer, area):
            return f"{name}, {area}", rural
    return name, False


class _Taken:
    """The character ranges already read as place names, with overlap and "last name
    before" tests by bisection (a scan of every range per phrase made long articles slow)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.ends = sorted(e for _s, e in spans)
        self.longest = max((e - s for s, e in spans), default=0)

    def add(self, span: tuple[int, int]) -> None:
        insort(self.spans, span)
        insort(self.ends, span[1])
        self.longest = max(self.longest, span[1] - span[0])

    def overlaps(self, start: int, end: int) -> bool:
        # a range overlapping [start, end) starts before end and after start - longest
        lo = bisect_left(self.spans, (start - self.longest, start - self.longest))
        hi = bisect_left(self.spans, (end, end))
        return any(s < end and start < e for s, e in self.spans[lo:hi])

    def last_end_before(self, start: int) -> int | None:
        """The greatest end of a range at or before ``start``."""
        n = bisect_right(self.ends, start)
        return self.ends[n - 1] if n else None


def toponym_spans(ctx: DocContext, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """(start, end) of place names: model entities and nationality words, then locative
    capitalised phrases and known names in a parenthesis after a place ("(Razih, Sadah)")."""
    text = ctx.text
    spans = [
        _with_name_after_article(text, e.start_char, e.end_char)
        for e in ctx.view.ents
        if e.label_ in PLACE_LABELS
    ]
    spans = [_with_rest_of_name(gazetteer, text, s, e) for s, e in spans]
    # "Russian", "Egyptians": a nationality word names its country (as a modifier it is
    # never an event's location, see is_modifier)
    spans += [
        (e.start_char, e.end_char)
        for e in ctx.view.ents
        if e.label_ == "NORP"
        and any(
            c.place.precision in ("country", "region") and c.match != "skeleton"
            for c in gazetteer.candidates(e.text)
        )
    ]
    # "the DeKalb County Jail", "the University of Cincinnati": a body named after its place
    spans += [
        s
        for e in ctx.view.ents
        if e.label_ == "ORG"
        for s in [_place_in_name(gazetteer, text, e.start_char, e.end_char)]
        if s
    ]
    taken = _Taken(spans)
    for m in CAPITALISED.finditer(text):
        start, end = m.start(), m.end()
        if _POSSESSIVE.search(m.group(0)):
            end -= 2  # "in Derna's old town"
        if taken.overlaps(start, end):
            continue
        if not LOCATIVE.search(text[max(0, start - 40) : start]):
            if _well_known(gazetteer, text, start, end) or (
                _TOWN_SITE_AFTER.match(text[end : end + 30])
                and start > 0
                and text[start - 1] not in "\"'“‘("
                and m.group(0).lower() not in FUNCTION_WORDS
                and any(c.match != "skeleton" for c in gazetteer.candidates(m.group(0)))
            ):
                spans.append((start, end))  # "blocked the Zahle roundabout"
                taken.add((start, end))
            continue
        if m.group(0).split()[0].lower() in CALENDAR_WORDS or _SITE_AFTER.match(
            text[end : end + 20]
        ):
            continue
        # "the town of X" says X is a place: a loose spelling then reads it too
        said_a_place = bool(_SETTLEMENT_OF.search(text[max(0, start - 30) : start]))
        if any(said_a_place or not c.loose for c in gazetteer.candidates(text[start:end])):
            whole = _with_rest_of_name(gazetteer, text, start, end)  # "into Ras al Ain"
            # the rest of the name, unless it runs into a name already read
            added = whole if not taken.overlaps(end, whole[1]) else (start, end)
            spans.append(added)
            taken.add(added)
    for m in _PARENTHESIS.finditer(text):  # "(Razih, Sadah)": where the place before lies
        for part in _NAME_IN_LIST.finditer(m.group(1)):
            start, end = m.start(1) + part.start(), m.start(1) + part.end()
            if (
                not any(s < end and start < e for s, e in spans)
                and not is_acronym(part.group(0))
                and any(c.match != "skeleton" for c in gazetteer.candidates(part.group(0)))
            ):
                spans.append((start, end))
    spans = _road_ends(text, gazetteer, spans)
    spans = _list_goes_on(text, gazetteer, spans)
    # "Rep. Charles Rangel, D-N.Y.": a US lawmaker's state after the party letter
    spans += [
        (m.start(1), m.end(1))
        for m in _PARTY_STATE.finditer(text)
        if not any(s < m.end(1) and m.start(1) < e for s, e in spans)
        and any(c.place.precision == "admin1" for c in gazetteer.candidates(m.group(1)))
    ]
    spans = [(s + 4, e) if text[s:e].startswith("the ") else (s, e) for s, e in spans]
    # "North Sinai's Al Arish": the name without its possessive ending
    spans = [
        (s, e - 2) if _POSSESSIVE.search(text[s:e]) and e - s > 3 else (s, e) for s, e in spans
    ]
    # an operation's or a person's name, a compass, ethnic or common word needs locative
    # evidence (see placewords)
    not_a_place = NotPlaces(ctx, gazetteer, LOCATIVE)
    return sorted({(s, e) for s, e in spans if not not_a_place(s, e)})


def _list_goes_on(
    text: str, gazetteer: Gazetteer, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``spans`` with the names listed after a place ("in Barrow, Jackson and Madison")
    that places are called by."""
    taken = _Taken(spans)
    for m in CAPITALISED.finditer(text):
        start, end = m.start(), m.end()
        if taken.overlaps(start, end) or m.group(0).lower() in FUNCTION_WORDS:
            continue
        before = taken.last_end_before(start)
        if (
            before is not None
            and _LISTED.match(text[before:start])
            and any(c.match != "skeleton" for c in gazetteer.candidates(m.group(0)))
        ):
            taken.add((start, end))
    return taken.spans


def _place_in_name(gazetteer: Gazetteer, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The well-known place an organisation's name is ("the EU"), begins with ("Tennessee
    Valley Authority") or ends with after "of" ("Bank of England"): a country, a
    first-level division, a county or a big town."""
    name = text[start:end]
    if any(
        c.match != "skeleton" and c.place.precision in ("country", "admin1", "region")
        for c in gazetteer.candidates(name)
    ):
        return start, end  # "the EU", "Kentucky" taken for a body
    # the name's own words, past an opening article ("The Mobile Forces": "Mobile ...")
    article = re.match(r"[Tt]he\s+", name)
    skip = article.end() if article else 0
    words = list(re.finditer(r"\S+", name[skip:]))
    start += skip
    name = name[skip:]
    for size in range(len(words) - 1, 0, -1):
        head = name[: words[size - 1].end()]
        # a smaller town opens the name only before a common word ("the Misrata Military
        # Council"), not before more of a longer name ("Bab Ghaliq front")
        common_next = is_common_word(words[size].group(0).lower())
        if _known_area(gazetteer, head, ORG_TOWN if common_next else WELL_KNOWN):
            return start, start + words[size - 1].end()
    m = re.search(r"\bof\s+(?:the\s+)?(" + NAME + r")$", name)
    if m is not None and _known_area(gazetteer, m.group(1), ORG_TOWN):
        return start + m.start(1), start + m.end(1)
    return None


def _known_area(gazetteer: Gazetteer, name: str, people: int = WELL_KNOWN) -> bool:
    key = name_key(name)
    return name.lower() not in FUNCTION_WORDS and any(
        c.match == "main"
        and name_key(c.place.name) == key
        and (
            c.place.precision in ("country", "admin1")
            or c.place.feature == "ADM2"
            or (c.place.population or 0) >= people
        )
        for c in gazetteer.named(name)  # main names only: no transliteration search
    )


def _road_ends(
    text: str, gazetteer: Gazetteer, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``spans`` with the towns a road is named after ("the Sidon-Beirut highway": Sidon,
    Beirut) in place of any span that ran them together."""
    for m in _ROAD_ENDS.finditer(text):
        ends = [
            (m.start(g), m.end(g))
            for g in (1, 2)
            if gazetteer.candidates(m.group(g)) and m.group(g).lower() not in FUNCTION_WORDS
        ]
        if ends:
            spans = [(s, e) for s, e in spans if not any(s < e2 and s2 < e for s2, e2 in ends)]
            spans += ends
    return spans


def _well_known(gazetteer: Gazetteer, text: str, start: int, end: int) -> bool:
    """A capitalised phrase standing alone mid-sentence that is a country, a first-level
    division or a big city by its own name ("Kentucky", "Toronto"): a place wherever it
    stands, though the model missed it."""
    name = text[start:end]
    if (
        start == 0
        or text[start - 1] in "\"'“‘("
        or re.match(r"[.!?:]\s*$", text[max(0, start - 3) : start])
        or _NEXT_CAPITAL.match(text[end : end + 3])
        or name.lower() in FUNCTION_WORDS
    ):
        return False  # sentence starts and runs of capitals are people, titles, firms
    key = name_key(name)
    return any(
        c.match == "main"
        and name_key(c.place.name) == key
        and (
            c.place.precision in ("country", "admin1", "region")
            or (c.place.population or 0) >= WELL_KNOWN
        )
        for c in gazetteer.named(name)  # main names only: no transliteration search
    )


def _with_name_after_article(text: str, start: int, end: int) -> tuple[int, int]:
    """A span that is only an Arabic article ("Al" of "Al Bab") takes the name after it."""
    if text[start:end].lower() not in ARTICLES:
        return start, end
    m = _NAME_AFTER.match(text, end)
    return (start, m.end()) if m else (start, end)


def _with_rest_of_name(gazetteer: Gazetteer, text: str, start: int, end: int) -> tuple[int, int]:
    """A span the model cut short before a linking word of the name ("Kut" of "Kut e
    Abdollah", "Bint" of "Bint Jbeil") takes the rest when a place is called so."""
    m = _REST_OF_NAME.match(text, end)
    if m is None or not any(not c.loose for c in gazetteer.candidates(text[start : m.end()])):
        return start, end
    return start, m.end()


def _affiliations(ctx: DocContext) -> list[str]:
    return [m.affiliation for m in ctx.mentions if m.affiliation]


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
        "stadium",
        "school",
        "mosque",
        "church",
        "vicinity",
        "surroundings",
        "environs",
        "governor",
        "governorship",
    ]
    # a parse may take the direction for the noun: "Majzar district west of Marib"
    + sorted(DIRECTIONS)
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
        return (
            root.dep_ == "poss"
            and head.dep_ == "nsubj"
            and head.head.lemma_.lower() in STATEMENT_VERBS
        )
    return bool(_STATEMENT_AFTER.match(ctx.text[end : end + 60]))


@extractors.register("places")
class Places(Component):
    """Place names resolved in the gazetteer with the document's context."""

    name = "places"
    requires = ("mentions",)
    assigns = ("places",)

    def __call__(self, ctx: DocContext) -> dict[str, list[PlaceMention]]:
        return extract_places(ctx)
