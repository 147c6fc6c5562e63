"""Finding place names in a text: the spans :mod:`eventwire.extract.places` resolves.

Recognition takes the model's GPE/LOC/FAC entities and nationality words, capitalised
phrases that follow a locative word ("in Derna", "outskirts of Sirte") and name a
gazetteer place, well-known places standing alone ("Kentucky"), known names in a
parenthesis after a place ("(Razih, Sadah)"), names listed after a place ("in Barrow,
Jackson and Madison"), the towns a road is named after ("the Sidon-Beirut highway") and
the places a body's name opens or closes ("the Misrata Military Council", "the University
of Zawiya"), so it works without a model too. Words that read as place names but name
something else without locative evidence are turned away by
:class:`~eventwire.extract.placewords.NotPlaces`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from typing import TYPE_CHECKING

from eventwire.extract.datelines import colon_datelines
from eventwire.extract.notactors import place_test
from eventwire.extract.placewords import (
    CALENDAR_WORDS,
    CAPITALISED,
    FUNCTION_WORDS,
    NAME,
    SETTLEMENT_AFTER,
    NotPlaces,
    is_acronym,
)
from eventwire.knowledge.placenames import ARTICLES, name_key

if TYPE_CHECKING:
    from eventwire.extract.context import DocContext
    from eventwire.knowledge.gazetteer import Gazetteer
    from eventwire.knowledge.wordcase import WordCase

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE = re.compile(
    # a sentence may open with the preposition: "In Kidal on Monday, ..."
    r"(?:\b(?:[Ii]n|[Aa]t|[Nn]ear|[Aa]round|[Oo]utside|from|to|towards|toward|into|on|[Aa]cross|"
    r"through|[Ii]nside|"
    r"between|surrounding|shelled|bombed|stormed|entered|captured|besieged|raided|targeted|"
    r"attacked|seized|reached|shelling|targeting|attacking|storming|entering|struck|surrounded|"
    r"pounded|pounding|bombarded|bombarding|"
    r"(?:city|cities|town|towns|village|villages|port|outskirts|district|region|province|governorate|oasis|"
    r"entrance|entrances|"
    r"suburb|suburbs|neighbourhood|neighborhood|area|vicinity|countryside|municipality|environs|"
    # parts of a town: "several neighbourhoods of Kenscoff", "two localities of Bunia"
    r"neighbourhoods|neighborhoods|locality|localities|"
    # a town's rim: "the northern edge of Kramatorsk", "the fringes of Goma"
    r"edge|edges|fringe|fringes|periphery|"
    r"front|south|north|east|west|southeast|southwest|northeast|northwest|centre|center|"
    # people who live there, one or many: "a resident of Tenga", "villagers of Kaleb"
    r"[Rr]esidents?|[Ii]nhabitants?|[Vv]illagers?|[Mm]ayor|[Gg]overnor)\s+of)"
    r"\s+(?:the\s+)?(?:(?:rural|southern|northern|eastern|western|central)\s+)?"
    r"(?:(?:al|el|as|ad|ash|an|ar|at|az)[-\s])?)$"
)
# A capitalised locative noun heading a run of capitalised words (a sentence's first):
# "Residents of Kadugli said", "Villagers of Tenga fled"; the name follows "of".
_PEOPLE_OF = re.compile(r"^(?:Residents|Inhabitants|Villagers|Mayor|Governor)\s+of\s+(?=\S)")
# A sentence opening with a locative preposition before a name the model did not take for
# a place: "In Kidal on Monday, gunmen ...", "Near Sirte, rebels ..."; the name follows it
# (unless the whole is a name: "In Amenas").
_OPENING_LOCATIVE = re.compile(r"^(?:In|At|Near|Around|Outside|Inside|Across)\s+(?=[A-Z])")
# What closes a fronted locative phrase: a comma, or a time ("In Kidal on Monday, ...").
_FRONTED_END = re.compile(
    r"^\s*(?:,|(?:on|at|in|last|this|early|late|overnight|yesterday|earlier)\b)"
)
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
# A site a town gives its name to, after "the": "the Kyaukme market", "the Mandouri
# bridge" (see _town_named_site).
_TOWN_NAMED_SITE = re.compile(r"^\s+(?:(?:main|central|old|new)\s+)?(?:market|bridge)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# A name set off a named place by a direction: ", south-west of Baghdad".
_PLACED_OFF = re.compile(
    r"^,?\s+(?:some\s+|about\s+)?(?:(?:north|south)[-– ]?(?:east|west)|north|south|east|west)"
    r"(?:ern)?\s+of\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?[A-Z]"
)
SETTLEMENT_OF = re.compile(
    r"\b(?:city|cities|town|towns|village|villages|camp|suburb|neighbourhood|"
    r"neighborhood|outskirts|entrance)\s+of\s+(?:the\s+)?$"
)
# A town's body or building named by the kind of town it serves: "the City Council",
# "the Town Hall", "the Municipal Court" are a site in the town named beside them, never a
# place of their own ("Council" is also a town in Idaho).
_TOWNS_BODY = re.compile(
    r"^(?:City|Town|Village|Municipal|Municipality|Provincial|District)\s+"
    r"(?:Council|Hall|Assembly|Court|Administration|Authority|Offices?|Police|Building)$"
)
_PARENTHESIS = re.compile(r"(?<=\w)\s+\(([A-Z][^()]{1,80})\)")
_NAME_IN_LIST = re.compile(NAME)
_LOWER_AFTER = re.compile(r"^\s[a-z]")
_NEXT_CAPITAL = re.compile(r"^\s[A-Z]")
_REST_OF_NAME = re.compile(
    r"(?:\s(?:e|al|el|ad|ar|as|ash|at|az|an|ed|es|ez|bin|ibn|bani|de|"
    r"del|di|da|la|le|Al|El|Ad|Ar|As|Ash|At|Az|An)\s|-e-|\s)[A-Z][\w'’-]+"
)
_NAME_AFTER = re.compile(r"[\s-]+[A-Z][\w'’-]+")
POSSESSIVE = re.compile(r"['’]s$")
WELL_KNOWN = 500_000  # a city this big is a place wherever its name stands
# A town this big opening a body's name before a common word, or ending it after "of",
# names the town ("the Misrata Military Council", "the University of Benghazi")
ORG_TOWN = 50_000
# A road named after its two ends: "the Sidon-Beirut highway", "Halba - Qoubaiyat road".
_END = r"[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?"
_LISTED = re.compile(r"^(?:,\s*|,?\s+(?:and|or)\s+)$")
_PARTY_STATE = re.compile(r"\b[RDI]-((?:[A-Z][a-z]*\.)+|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")
# A compass direction opening a capitalised run: "North-Western Libya", "South East Mali".
_LEADING_DIRECTION = re.compile(
    r"(?:(?:North|South)(?:[-– ]?(?:[Ee]ast|[Ww]est))?|East|West|Central)(?:ern)?[-– ]+(?=[A-Z])"
)
_ROAD_ENDS = re.compile(r"\b(" + _END + r")\s?-\s?(" + _END + r")\s+(?:highway|road|motorway)\b")
# A division named by its name and its kind: "Ituri province", "the Kidal region", "Donetsk
# oblast", "Rutshuru territory", "Borno State": the kind word is part of the name, so the
# division (not a town of that name) is read, and it is itself evidence of a place.
DIVISION_KINDS = (
    r"province|region|state|governorate|oblast|district|territory|county|department|"
    r"prefecture|raion|rayon|wilaya|municipality|emirate|canton|commune|"
    # Nigeria's second-level division: "Maru Local Government Area", "Gwoza LGA"
    r"[Ll]ocal\s+[Gg]overnment\s+[Aa]rea|LGA"
)
DIVISION_KIND_WORDS = frozenset(DIVISION_KINDS.split("|"))
_LGA_KIND = re.compile(r"(?i)local\s+government\s+area|lga")
# (not "the Karmel district of Zorba": a town's quarter, read with the town it lies in;
# but "Tsafe Local Government Area of Zamfara State", "the Uludere district of Sirnak
# province": a division of the division named after it)
_KIND_AFTER = re.compile(
    r"^\s+(" + DIVISION_KINDS + r")\b(?!\s+of\b(?!\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
    r"\s+(?:[Ss]tate|[Pp]rovince|[Rr]egion|[Gg]overnorate)\b))",
    re.IGNORECASE,
)
# The country or division owning a division named by its kind: "Chad's Lac province".
# Only the first owner: the name may have a possessive of its own ("Bangladesh's Cox's
# Bazar district" is Cox's Bazar, not Bazar).
_OWNER_WORD = r"[A-Z](?:[\w-]|['’](?!s\s))*"  # a word, not closed by a possessive
_OWNER_BEFORE = re.compile(r"^" + _OWNER_WORD + r"(?:\s" + _OWNER_WORD + r")*['’]s\s+(?=[A-Z])")
_NAME_BEFORE_KIND = re.compile(r"\b(" + NAME + r")\s+(?:" + DIVISION_KINDS + r")\b")


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
    text, word_case = ctx.text, ctx.resources.word_case
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
        for s in [_place_in_name(gazetteer, text, e.start_char, e.end_char, word_case)]
        if s
    ]
    # "kanpur: the police said ...": a colon dateline's town the model missed
    spans += [
        (s, e)
        for s, e in colon_dateline_names(text, gazetteer)
        if not any(a < e and s < b for a, b in spans)
    ]
    # "MAROUA --", "GAROUA, 4 March --": a dash dateline's town the model missed
    spans += [
        (s, e)
        for s, e in dash_dateline_name(text, ctx.view.zones.dateline, gazetteer)
        if not any(a < e and s < b for a, b in spans)
    ]
    taken = _Taken(spans)
    bodies = [(e.start_char, e.end_char) for e in ctx.view.ents if e.label_ == "ORG"]
    for m in CAPITALISED.finditer(text):
        start, end = m.start(), m.end()
        if POSSESSIVE.search(m.group(0)):
            end -= 2  # "in Derna's old town"
        lead = _PEOPLE_OF.match(m.group(0))
        if lead is not None:
            start += lead.end()  # "Residents of Kadugli" opening a sentence: Kadugli
        opening = _OPENING_LOCATIVE.match(m.group(0))
        if (
            opening is not None
            and _fronted_place(
                gazetteer, word_case, text, (start, start + opening.end(), end), m.end()
            )
            and not any(s <= start + opening.end() < e for s, e in bodies)  # "In Congress,"
        ):
            start += opening.end()  # "In Kidal on Monday,": Kidal, after a locative
        if taken.overlaps(start, end):
            continue
        # "Kyaukme, a town in Shan State": the appositive says what the name is
        kind_told = bool(SETTLEMENT_AFTER.match(text[end : end + 80]))
        if _town_named_site(gazetteer, word_case, text, start, end):
            spans.append((start, end))  # "the bombing of the Kyaukme market"
            taken.add((start, end))
            continue
        if not kind_told and not LOCATIVE.search(text[max(0, start - 40) : start]):
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
        if text[start:end].split()[0].lower() in CALENDAR_WORDS or _SITE_AFTER.match(
            text[end : end + 20]
        ):
            continue
        # "the town of X" says X is a place: a loose spelling then reads it too
        said_a_place = kind_told or bool(SETTLEMENT_OF.search(text[max(0, start - 30) : start]))
        if ctx.resources.place_words.word_after.match(text[end : end + 20]) or _PLACED_OFF.match(
            text[end : end + 40]
        ):
            # "in the Kuyambana forest", "near the Kajaki dam": a feature the gazetteer
            # may lack, still a place the text names (see placefeatures); so is a name
            # set off a named place by a direction ("near Arab Jabour, south of
            # Baghdad")
            spans.append((start, end))
            taken.add((start, end))
            continue
        direction = _LEADING_DIRECTION.match(m.group(0))
        if direction and not gazetteer.named(text[start:end]):
            # "in North-Western Libya", "South East Mali": a direction written with a
            # capital before a name it is no part of names a part of that place
            # (see placeparts), read from the name on
            start += direction.end()
        if any(said_a_place or not c.loose for c in gazetteer.candidates(text[start:end])):
            whole = _with_rest_of_name(gazetteer, text, start, end)  # "into Ras al Ain"
            # the rest of the name, unless it runs into a name already read
            added = whole if not taken.overlaps(end, whole[1]) else (start, end)
            spans.append(added)
            taken.add(added)
    # a nationality or a language qualifying a word in a parenthesis is none ("(English
    # service)"); a name the model took for one still is ("Sidi Bouafif (Hoceima)")
    peoples = ctx.view.ent_starts("NORP") | ctx.view.ent_starts("LANGUAGE")
    for m in _PARENTHESIS.finditer(text):  # "(Razih, Sadah)": where the place before lies
        parts = list(_NAME_IN_LIST.finditer(m.group(1)))
        area = _parenthesis_area(gazetteer, parts[-1].group(0)) if len(parts) > 1 else set()
        for part in parts:
            start, end = m.start(1) + part.start(), m.start(1) + part.end()
            if (
                not (start in peoples and _LOWER_AFTER.match(text[end : end + 3]))
                and not any(s < end and start < e for s, e in spans)
                and not is_acronym(part.group(0))
                and any(
                    c.match != "skeleton" or c.place.admin1 in area
                    for c in gazetteer.candidates(part.group(0))
                )
            ):
                spans.append((start, end))
    spans = _road_ends(text, gazetteer, spans)
    spans = _list_goes_on(text, gazetteer, spans)
    spans = _with_division_kind(ctx, gazetteer, spans)
    # "Rep. Charles Rangel, D-N.Y.": a US lawmaker's state after the party letter
    spans += [
        (m.start(1), m.end(1))
        for m in _PARTY_STATE.finditer(text)
        if not any(s < m.end(1) and m.start(1) < e for s, e in spans)
        and any(c.place.precision == "admin1" for c in gazetteer.candidates(m.group(1)))
    ]
    spans = [(s + 4, e) if text[s:e].startswith("the ") else (s, e) for s, e in spans]
    # "North Sinai's Al Arish": the name without its possessive ending
    spans = [(s, e - 2) if POSSESSIVE.search(text[s:e]) and e - s > 3 else (s, e) for s, e in spans]
    # an operation's or a person's name, a compass, ethnic or common word needs locative
    # evidence (see placewords)
    not_a_place = NotPlaces(ctx, gazetteer, LOCATIVE)
    return sorted(
        {
            (s, e)
            for s, e in spans
            if not not_a_place(s, e)
            and not _TOWNS_BODY.match(text[s:e])
            # "NIAMEY, June 10 (Wire) -": a month or a day the model took for a place
            # (a loose spelling then found "Unieux" in France) is never one
            and text[s:e].lower() not in CALENDAR_WORDS
        }
    )


def colon_dateline_names(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The towns of datelines written as a place and a colon opening a paragraph, which
    one-case feeds and many South Asian papers write in lower case ("kanpur: the police
    said ...", "Rampur (Kheda): ..."): the model seldom tags a lower-case name, so the
    story's town went unread. The name must be a place the gazetteer knows well
    (:func:`~eventwire.extract.datelines.colon_datelines`)."""
    found = []
    for start, end in colon_datelines(text, place_test(gazetteer)):
        name = re.split(r"\s*[(:]", text[start:end], maxsplit=1)[0].rstrip()
        if name:
            found.append((start, start + len(name)))
    return found


# The town opening a dateline in dashes, written in capitals: "MAROUA -- ", "GAROUA, 4
# March -- ", "PORT-AU-PRINCE, Haiti (Wire) -- " (the zone itself is found by
# ``docview._DATELINE``).
_DATELINE_TOWN = re.compile(r"[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3}(?=\s*[,(\-–—])")


def dash_dateline_name(
    text: str, dateline: tuple[int, int] | None, gazetteer: Gazetteer
) -> list[tuple[int, int]]:
    """The town of a dateline in dashes opening the body ("MAROUA -- Gunmen burned a
    market ...", "GAROUA, 4 March -- Two herders ..."): the model seldom tags a small town
    written in capitals, so a local paper's town went unread. The layout is the locative
    evidence; the name must be a settlement, a division or a country the gazetteer holds
    by its main or alternate name (never a loose spelling)."""
    if dateline is None:
        return []
    m = _DATELINE_TOWN.match(text, dateline[0], dateline[1])
    if m is None:
        return []
    known = any(
        c.place.precision in ("point", "city", "admin2", "admin1", "country")
        for c in gazetteer.named(m.group(0).title())
    )
    return [(m.start(), m.end())] if known else []


def _parenthesis_area(gazetteer: Gazetteer, name: str) -> set[str]:
    """The first-level divisions the last name of a parenthesis may be ("(Maarat al-Numan,
    Idlib)": the Idlib governorate): a district or town named before it in the
    parenthesis, written otherwise than the gazetteer writes it ("Maarat al-Numan" for
    "Ma‘arrat an Nu‘mān"), is read by its loose spelling when a place so spelt lies there, as a
    loose spelling is read in the story's countries."""
    return {
        c.place.admin1
        for c in gazetteer.candidates(name)
        if c.match != "skeleton"
        and c.place.admin1
        and c.place.precision in ("admin1", "city")
        and (c.place.precision == "admin1" or (c.place.population or 0) >= ORG_TOWN)
    }


def _with_division_kind(
    ctx: DocContext, gazetteer: Gazetteer, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``spans`` with the word naming a division's kind that follows a name taken in
    ("in Ituri province", "Donetsk oblast", "the Darfur region"), and the names found
    before such a word though nothing else read them ("Ituri province was calm"; the model
    may tag the name a nationality, an organisation or nothing). A capitalised kind word
    inside an organisation's name stays out ("the Sinai Province group")."""
    text = ctx.text
    bodies = [(e.start_char, e.end_char) for e in ctx.view.ents if e.label_ == "ORG"]

    def kind_end(start: int, end: int) -> int | None:
        m = _KIND_AFTER.match(text[end : end + 70])
        if m is None or _KIND_AFTER.match(" " + text[start:end].split()[-1]):
            return None  # "Zamfara State" read whole already
        new_end = end + m.end()
        if (
            m.group(1)[0].isupper()
            and not _LGA_KIND.match(m.group(1))  # written with capitals, a body's or not
            and any(s <= start and new_end <= e for s, e in bodies)
        ):
            return None
        return new_end

    out = []
    for start, end in spans:
        new_end = kind_end(start, end)
        out.append((start, new_end) if new_end is not None else (start, end))
    taken = _Taken(out)
    for m in _NAME_BEFORE_KIND.finditer(text):
        start, end = m.start(1), m.end(1)
        while text[start:end].split()[0].lower() in FUNCTION_WORDS and " " in text[start:end]:
            start = text.index(" ", start) + 1  # "In Ituri province": the name after "In"
        owner = _OWNER_BEFORE.search(text[start:end])
        if owner is not None:
            start += owner.end()  # "Chad's Lac province": the name after the owner
        name = text[start:end]
        if taken.overlaps(start, end) or name.lower() in FUNCTION_WORDS:
            continue
        new_end = kind_end(start, end)
        if new_end is not None and any(
            not c.loose and c.place.precision != "country" for c in gazetteer.candidates(name)
        ):
            out.append((start, new_end))
            taken.add((start, new_end))
    return out


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


def _place_in_name(
    gazetteer: Gazetteer, text: str, start: int, end: int, word_case: WordCase
) -> tuple[int, int] | None:
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
        common_next = word_case.is_common_word(words[size].group(0).lower())
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


def _fronted_place(
    gazetteer: Gazetteer,
    word_case: WordCase,
    text: str,
    offsets: tuple[int, int, int],
    run_end: int,
) -> bool:
    """Whether the name at ``start:end``, after a sentence's opening preposition, is a
    fronted locative phrase: the phrase closes with a comma or a time ("In Kidal on
    Monday,"), the name owns nothing ("In Obama's speech" is no place), is no common word
    ("In Congress"), and the preposition is no part of the name ("In Amenas").
    ``offsets``: where the preposition starts, where the name starts, where it ends."""
    opening, start, end = offsets
    name = text[start:end]
    return (
        run_end == end  # "'s" was cut off the run: a possessive
        and bool(_FRONTED_END.match(text[end : end + 12]))
        and not (" " not in name and word_case.is_common_word(name.lower()))
        and not any(not c.loose for c in gazetteer.candidates(text[opening:end]))
    )


def _town_named_site(
    gazetteer: Gazetteer, word_case: WordCase, text: str, start: int, end: int
) -> bool:
    """A town's name before the common noun of a site it gives its name to, after "the":
    "the bombing of the Kyaukme market", "the Mandouri bridge". A town names its market
    and its bridge. A site inside a town named otherwise ("Martyrs square", "the
    Al-Rayyan school") is not read here; nor a road, named after the town it leads to,
    which may lie far along it ("an ambush on the Gimbi road, west of Nekemte"); nor a
    hospital or a prison, where the wounded and the held are taken, not where an act took
    place ("died at the Nekemte hospital after an attack in Oromia"). The name must be a
    town's own or alternate name in the gazetteer, not a loose spelling ("the Catholic
    church" is no Turkish town), no word English writes in lower case and no function or
    calendar word; which town of that name is the context's to say."""
    name = text[start:end]
    if not (
        _TOWN_NAMED_SITE.match(text[end : end + 30])
        and _THE_BEFORE.search(text[max(0, start - 5) : start])
    ):
        return False
    words = name.lower().split()
    if (
        name.lower() in FUNCTION_WORDS
        or words[0] in CALENDAR_WORDS
        or (len(words) == 1 and word_case.is_common_lowercase_word(name))
    ):
        return False
    return any(
        c.place.precision == "city" and c.match != "skeleton" and not c.loose
        for c in gazetteer.candidates(name)
    )


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
