"""Choosing an event's place among the document's place mentions.

:func:`pick_place` takes the places of the event's own clause first, else of its
sentence (not another clause's subject's), then the most precise, not an origin ("troops
from Misrata") nor a reference point ("Majzar west of Marib"), in the article's main
country, nearest. :func:`locates_nothing` sets aside mentions that are no one's location
(a government speaking, a modifier, a nationality word, a backer, an actor's country, a
dateline, a place named inside an organisation's name), and a place only a speaker's
clause gives ("said in Washington that ...") never places the event reported.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.extract.placefeatures import TIED_FEATURE, tied_to
from eventwire.extract.placeparties import party_country
from eventwire.extract.placeparts import PART_FEATURE, PART_RANK
from eventwire.extract.places import PLACE_HEADS, is_modifier
from eventwire.extract.placesite import site_told_after, site_told_before
from eventwire.extract.placespans import LOCATIVE
from eventwire.model import PlaceMention
from eventwire.text.geo import destination

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.model import Place

_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?$")
# A town named to say where another place lies: "Majzar district west of Marib", "some
# 400 km from the capital", "near the border with Uganda" (but "in the east of Hays" is in
# Hays).
_REFERENCE = re.compile(
    r"(?:(?<!\bthe )\b(?:(?:north|south)[-– ]?(?:east|west)|north|south|east|west)"
    r"(?:ern)?\s+of|\b(?:km|kms|kilometres|kilometers|miles)\s+(?:away\s+from|from|of|outside)|\bborders?\s+with)"
    r"\s+(?:the\s+)?(?:capital(?:\s+city)?,?\s+)?(?:(?:al|el|as|ad|ar|an)[-\s])?$"
)
# A stretch between two places: "on the road between Gao and Ansongo", "between the towns
# of X and Y": the event is near the first end, at neither for sure.
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+(?:towns?|cities|villages?)\s+of\s+)?(?:the\s+)?$")
# A body's own site named by the body: "the headquarters of the Tarhuna Brigade", "the
# base of the Zintan Battalion" lies in the town the body is named after; a region in a
# name ("positions of the Sahel Liberation Front") says no more than the region.
_BODY_SITE = re.compile(
    r"(?i)\b(?:headquarters|base|barracks|compound|offices?)\s+of\s+(?:the\s+)?$"
)
TOWNS = ("city", "point", "admin2")
# A distance and a direction from a reference point: "270 km east of Lima", "some 40
# kilometres from Gao", "60 miles north-west of the capital", "40 miles from the town of
# Kano". The one reading of such a distance: the incidents read it too
# (:func:`distance_before`).
_DISTANCE = re.compile(
    r"(?i)\b(\d[\d,]*(?:\.\d+)?)\s*-?\s*(km|kms|kilomet(?:re|er)s?|miles?|mi)\b\s+"
    r"(?:\((?:[^()]{0,20})\)\s+)?"
    r"(?:((?:north|south)[-– ]?(?:east|west)|north|south|east|west)(?:ern)?\s+)?"
    r"(?:of|away\s+from|from|outside)\s+(?:the\s+)?"
    r"(?:capital(?:\s+city)?,?\s+|(?:town|city|village)\s+of\s+)?(?:(?:al|el|as|ad|ar|an)[-\s])?$"
)
_BEARINGS = {"north": 0.0, "east": 90.0, "south": 180.0, "west": 270.0}
# Farther than this from a reference, a place only that reference gives is no town's
# surroundings: ACLED's 25 km of "near a town".
NEAR_TOWN_KM = 25.0
KM_PER_MILE = 1.609344
# the feature of a place set off a town by a distance and a bearing ("40 km south of
# Tessalit"): its own point, which no town stands for
OFFSET_FEATURE = "OFFSET"
# A second name of a list goes with the first: "the border with Uganda and Rwanda".
_LIST_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?$")
# A side's backer: "the Houthis, backed by Iran", "with support from Turkey" (the
# "Iran-backed" compound is a modifier already, see is_modifier).
_BACKER = re.compile(
    r"(?i)\b(?:(?:backed|supported|armed|funded|financed|sponsored|supplied|trained|equipped)"
    r"\s+by|(?:support|backing|help|weapons|arms|funding)\s+(?:of|from))\s+(?:the\s+)?$"
)
# Verbs whose subject is where something is, not who acts: "Libya has been in turmoil".
_STATE_VERBS = {"be", "have", "see", "remain", "become", "witness", "experience", "lie"}
# "west of Haydan district" is in the district's west, no reference point outside it
_DIVISION_NAMED = re.compile(r"\b(?:district|subdistrict|governorate|province|countryside)\b")
# A district (admin2) ranks between a town and a province, as it lies between them.
PRECISION_RANK = {"point": 0, "city": 0, "admin2": 0.5, "admin1": 1, "country": 2, "region": 3}
# The share of an article's located mentions one country must hold to be inferred as the
# place of an event its sentence does not place: a story mostly about one country.
DOMINANT_SHARE = 0.8


def pick_place(
    ctx: DocContext,
    token: Token,
    usable: list[PlaceMention],
    clause: set[int],
    countries: Counter[str | None],
) -> Place | None:
    """The place of ``token``'s event (:func:`_pick_place`); one given only as a region
    takes the town the next sentences name its site with ("a drone strike on a school in
    the Mopti region. The drone hit the school on the edge of the town of Djenne":
    :func:`placesite.site_told_after`)."""
    place = _pick_place(ctx, token, usable, clause, countries)
    if place is None or place.inferred:
        return place
    return site_told_after(ctx, token, clause, usable, place) or place


def _pick_place(
    ctx: DocContext,
    token: Token,
    usable: list[PlaceMention],
    clause: set[int],
    countries: Counter[str | None],
) -> Place | None:
    """The place of ``token``'s event among ``usable`` mentions of its sentence: those in its
    own clause (``clause``: the clause's token offsets) first, else the sentence's but for
    another clause's subject; then the most precise ("in
    Lebanon in Sidon" is Sidon), not an origin ("troops from Misrata"), not a reference point
    ("Majzar west of Marib"), in the article's main country (``countries``: how many of
    ``usable`` lie in each, counted once per document by the caller), nearest."""
    sent = ctx.view.sent(token)
    in_sentence = [pm for pm in usable if sent.start_char <= pm.span.start < sent.end_char]
    if not in_sentence:
        # "Shells crashed into the market": the market named earlier with its town
        return site_told_before(ctx, token, clause, usable)
    text = ctx.text
    references, beyond = _references(text, in_sentence)
    ends, seconds = _between(text, in_sentence)
    pool = _with_parenthesis(
        text, [pm for pm in in_sentence if pm.span.start in clause], in_sentence
    )
    statement = reported_by(ctx, token)
    if statement is not None:
        # "The government in Khartoum condemned the raid": the act's place is its own,
        # never the condemner's or where the statement was made
        in_sentence = [pm for pm in in_sentence if _places_reported_act(ctx, pm, token, statement)]
        pool = [pm for pm in pool if pm in in_sentence]
        if not pool:
            return None
    if all(pm.place is None or pm.place.id in beyond for pm in pool):
        # a clause naming only what lies across a border ("as gunmen raided a camp close
        # to the frontier with Niger") happened where the clause governing it says
        # ("clashes broke out in northern Mali as ..."): as for a
        # clause naming no place
        pool = []
    if not pool:
        # another clause's place, unless it belongs to that clause's subject ("the visit
        # to Moscow occurred after his army seized the ports": the ports are not in Moscow)
        # or is where a speaker spoke ("the minister said in Washington that rebels had
        # attacked a convoy": the convoy was not in Washington)
        speakers = [pm for pm in in_sentence if _speakers_place(ctx, pm, clause)]
        pool = [
            pm
            for pm in in_sentence
            if not _in_other_subject(ctx, pm, clause)
            and pm not in speakers
            and not _in_other_time(ctx, pm, clause)
        ]
        if not pool:
            return None
    else:
        speakers = []
    if speakers:
        # a reference point that locates the speaker's place locates the speaker, not the
        # event: "police reported in Kassala, 600 km east of Khartoum, that gunmen killed
        # a chief" did not happen in Khartoum
        pool = [pm for pm in pool if pm.place is not None and pm.place.id not in references]
    # a country across the border ("near its border with Rwanda") is where it did not happen;
    # nor is a country named as a party ("an accord with Peru", "allies such as Canada"),
    # which still keeps the sentence from taking an earlier sentence's place
    pool = [
        pm
        for pm in pool
        if pm.place is not None and pm.place.id not in beyond and not _party(ctx, pm)
    ]
    if not pool:
        return None

    containers = _containers(text, in_sentence)

    def rank(pm: PlaceMention) -> tuple:
        place = pm.place
        assert place is not None
        origin = bool(_ORIGIN.search(text[max(0, pm.span.start - 12) : pm.span.start]))
        return (
            origin,
            pm.span.start in containers,  # "Raghwan district (Marib)": Raghwan
            # a reference point ranks as what it makes of the event's place: a town's
            # surroundings ("west of Marib"), or farther ("270 km east of Lima")
            _rank(
                _off_reference(ctx, _near(place, references), pm)
                if place.id in references
                else place
            ),
            place.id in references,
            place.id in seconds,  # "between Gao and Ansongo": near Gao
            -countries[place.country],
            abs(pm.span.start - token.idx),
        )

    chosen = min(pool, key=rank)
    best = chosen.place
    assert best is not None
    if _in_dateline(ctx, chosen):
        # the dateline's town, usable only when the body places nothing: inferred
        return replace(best, inferred=True)
    named = [
        pm
        for pm in (pool if best.id in references else in_sentence)
        if not _ORIGIN.search(text[max(0, pm.span.start - 12) : pm.span.start])
    ]
    place = _near(_refined(best, named, references), references | ends)
    if best.id in references:
        mention = min(
            (pm for pm in pool if pm.place is not None and pm.place.id == best.id),
            key=lambda pm: abs(pm.span.start - token.idx),
        )
        return _off_reference(ctx, place, mention)
    return place


# From a place to a name in the parenthesis after it: "northern Syria (Azaz, ...".
_INTO_PARENTHESIS = re.compile(r"^[^()]{0,30}\((?:[^()]*,\s*)?$")


def _with_parenthesis(
    text: str, pool: list[PlaceMention], in_sentence: list[PlaceMention]
) -> list[PlaceMention]:
    """``pool`` with the places of a parenthesis right after one of its places: "mortars
    hit farms in northern Syria (Azaz, Aleppo)" says where in northern Syria,
    though the parse hangs the parenthesis from another clause."""
    if not pool:
        return pool
    added = [
        pm
        for pm in in_sentence
        if pm not in pool
        and any(
            p.span.end <= pm.span.start
            and _INTO_PARENTHESIS.match(text[p.span.end : pm.span.start])
            for p in pool
        )
    ]
    return pool + added if added else pool


# What joins a place to the area it lies in, named right after it: "Raghwan district
# (Marib)", "Uludere district of Sirnak", "Mansura in Raqqa".
_CONTAINED_IN = re.compile(
    r"^(?:\s*\(|,\s*|(?:\s+(?:city|town|village|camp|area|district|subdistrict|region))?"
    r"\s+(?:in|of)\s+(?:the\s+)?)$"
)


def _containers(text: str, in_sentence: list[PlaceMention]) -> set[int]:
    """Starts of the mentions naming the area the town or district just before them lies
    in: the area ranks after the place it holds, though that place be a district and the
    area a town ("Raghwan district (Marib)" is the district, not the town of Marib); so does
    any other mention read as that area ("An Naqa area (Sahar, Sadah)", the unknown An
    Naqa read as Sadah, is Sahar)."""
    ids = Counter(pm.place.id for pm in in_sentence if pm.place is not None)
    areas = {
        second.place.id
        for first, second in itertools.pairwise(in_sentence)
        if first.place is not None
        and second.place is not None
        and first.place.id != second.place.id
        and _CONTAINED_IN.match(text[first.span.end : second.span.start])
        # a place read as a town or district, and named once: a first name read as an
        # area ("As Sabaa (Tripoli)" read as Tripoli's province) leaves the town first
        and first.place.precision in TOWNS
        and ids[first.place.id] == 1
    }
    # the place a feature is tied to ("the Kuyambana forest, in Gwoza Local Government
    # Area") ranks after the feature, as an area after what it holds
    areas |= {t for pm in in_sentence if pm.place is not None for t in [tied_to(pm.place)] if t}
    return {pm.span.start for pm in in_sentence if pm.place is not None and pm.place.id in areas}


@dataclass(frozen=True)
class Distance:
    """A distance off a reference point as the text states it: "some 270 km east of"."""

    km: float
    figure: str  # as written: "1,200"
    unit: str  # as written: "km", "miles"
    direction: str | None  # "east", "north-west", "northeast"; None without one


def distance_before(text: str) -> Distance | None:
    """The distance off a reference point that ``text`` (the words just before a place
    name) ends with ("270 km east of", "40 miles from the town of"), in kilometres."""
    m = _DISTANCE.search(text)
    if m is None:
        return None
    km = float(m.group(1).replace(",", ""))
    if m.group(2).lower().startswith("mi"):
        km *= KM_PER_MILE
    return Distance(km, m.group(1), m.group(2), m.group(3))


def _near(place: Place, approximate: set[str]) -> Place:
    """A town the event is only placed by ("40 km south of Mopti", "west of Marib", "the
    road between Gao and Ansongo"), with nothing named for itself nearer, keeps its point
    with the precision of its surroundings (``admin2``: ACLED's "near a town"), not of the
    town itself; "the outskirts of Goma" and "in Kufra, 400 km from the capital" stay
    towns."""
    if place.id in approximate and place.precision in ("city", "point"):
        return replace(place, precision="admin2")
    return place


def _off_reference(ctx: DocContext, place: Place, pm: PlaceMention) -> Place:
    """A place given only by its distance from a reference point farther than
    NEAR_TOWN_KM ("an ambush 270 km east of Lima", "some 400 km from the capital") is not
    at the reference: with a direction, the point that distance along it, with a
    province's precision (``admin1``: the distance is round and the road unknown);
    without one, only the reference's country is known."""
    off = distance_before(ctx.text[max(0, pm.span.start - 60) : pm.span.start])
    if off is None or place.lat is None or place.lon is None:
        return place
    km = off.km
    if km <= NEAR_TOWN_KM:
        return place
    if off.direction is None:
        country = ctx.resources.gazetteer.country(place.country) if place.country else None
        return country or place
    words = re.split(r"[-– ]", off.direction.lower())
    if len(words) == 1 and len(words[0]) > 5:  # "northeast"
        words = [words[0][:5], words[0][5:]]
    bearings = [_BEARINGS[w] for w in words]
    bearing = bearings[0] if len(bearings) == 1 else _between_bearings(*bearings)
    lat, lon = destination(place.lat, place.lon, km, bearing)
    direction = "-".join(words)
    return replace(
        place,
        id=f"{place.id}@{km:g}km:{direction}",
        name=f"{off.figure} {off.unit} {direction} of {place.name}",
        lat=round(lat, 4),
        lon=round(lon, 4),
        precision="admin1",
        feature=OFFSET_FEATURE,
        population=None,
    )


def _between_bearings(a: float, b: float) -> float:
    """The bearing halfway between two cardinal ones ("north" and "west": 315)."""
    if abs(a - b) > 180:
        return ((a + b + 360) / 2) % 360
    return (a + b) / 2


def _between(text: str, in_sentence: list[PlaceMention]) -> tuple[set[str], set[str]]:
    """Ids of the places ``in_sentence`` names as the two ends of a stretch ("between Gao
    and Ansongo"), and of the second ends, which rank after the first."""
    ends: set[str] = set()
    seconds: set[str] = set()
    for first, second in itertools.pairwise(in_sentence):
        if (
            first.place is not None
            and second.place is not None
            and _BETWEEN.search(text[max(0, first.span.start - 40) : first.span.start])
            and re.fullmatch(r"\s+and\s+(?:the\s+)?", text[first.span.end : second.span.start])
        ):
            ends.update((first.place.id, second.place.id))
            seconds.add(second.place.id)
    return ends, seconds


def _references(text: str, in_sentence: list[PlaceMention]) -> tuple[set[str], set[str]]:
    """Ids of the places ``in_sentence`` names as reference points ("X, 400 km from Y",
    "west of Marib", "the border with Uganda and Rwanda"), and of the countries among them
    named across a border. A town named as a reference point once is one wherever the
    sentence names it ("Majzar west of Marib city (Marib)"); names listed after one are
    too ("the border with Uganda and Rwanda")."""
    found: set[str] = set()
    beyond: set[str] = set()
    previous: PlaceMention | None = None
    for pm in in_sentence:
        assert pm.place is not None
        before = text[max(0, pm.span.start - 30) : pm.span.start]
        listed = (
            previous is not None
            and previous.place is not None
            and previous.place.id in found
            and bool(_LIST_JOIN.match(text[previous.span.end : pm.span.start]))
        )
        m = _REFERENCE.search(before)
        if listed or (m and not _DIVISION_NAMED.search(text[pm.span.start : pm.span.end + 15])):
            found.add(pm.place.id)
            across = (m is not None and "border" in m.group(0)) or (
                listed and previous is not None and previous.place.id in beyond  # type: ignore[union-attr]
            )
            if across and pm.place.precision == "country":
                beyond.add(pm.place.id)
        previous = pm
    return found, beyond


def _refined(best: Place, named: list[PlaceMention], references: set[str]) -> Place:
    """A country the event's clause names, refined by a town of that country the same
    sentence names for itself: "Russia attacked Ukrainian cities, killing three people in
    Kyiv" happened in Kyiv (a town in another country says nothing about this one); so
    does a part of a country ("shelled villages in eastern Ukraine, killing two in
    Kramatorsk")."""
    if best.precision != "country" and best.feature != PART_FEATURE:
        return best
    inside = [
        pm.place
        for pm in named
        if pm.place is not None
        and pm.place.id not in references
        and pm.place.id != best.id
        and pm.place.feature != PART_FEATURE
        and pm.place.country == best.country
        and (best.admin1 is None or pm.place.admin1 == best.admin1)  # a division's part
        and pm.place.precision in ("city", "point", "admin2", "admin1")
    ]
    towns = {p.id: p for p in inside}
    # one town only: two would leave the event's own one unknown
    return next(iter(towns.values())) if len(towns) == 1 else best


def _root(ctx: DocContext, pm: PlaceMention) -> Token | None:
    """The syntactic head of the mention's words, when the document is parsed."""
    if not ctx.doc.has_annotation("DEP"):
        return None
    span = ctx.doc.char_span(pm.span.start, pm.span.end, alignment_mode="expand")
    return span.root if span is not None else None


def _speech_verb(ctx: DocContext, pm: PlaceMention) -> Token | None:
    """The verb of speech whose clause the mention lies in, if it is one ("said in
    Washington", "told reporters in Geneva")."""
    node = _root(ctx, pm)
    while node is not None and node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    speech = (
        node is not None
        and node.pos_ in ("VERB", "AUX")
        and node.lemma_.lower() in ctx.resources.place_words.statement_verbs
    )
    return node if speech else None


def _speakers_place(ctx: DocContext, pm: PlaceMention, clause: set[int]) -> bool:
    """True when the mention hangs from a statement verb outside ``clause``: the place a
    speaker spoke in ("said in Washington that ...", "told reporters in Geneva"); a place
    set before the sentence's speaker sets the scene of all it tells ("In northern Gaza,
    health officials reported that troops had raided a hospital")."""
    verb = _speech_verb(ctx, pm) if clause else None
    return (
        verb is not None
        and verb.idx not in clause
        and pm.span.start > verb.idx
        and not _in_object(ctx, pm, verb)
    )


def _in_object(ctx: DocContext, pm: PlaceMention, verb: Token) -> bool:
    """Whether the mention lies in the object of the statement ``verb`` ("condemned the
    raid on a camp near Nyala"): what the statement is about, not where it was made. Not
    an object naming people, the statement's listeners ("told reporters in Geneva")."""
    node = _root(ctx, pm)
    while node is not None and node.head.i != verb.i and node.head.i != node.i:
        node = node.head
    return (
        node is not None
        and node.head.i == verb.i
        and node.dep_ in ("dobj", "nsubjpass")
        and node.lemma_.lower() not in ctx.resources.count_words.people
    )


def speaks_from(ctx: DocContext, pm: PlaceMention) -> bool:
    """True when the mention is where someone spoke ("the minister said in Washington"):
    the place of that statement, which a later sentence's event does not carry on in."""
    return _speech_verb(ctx, pm) is not None


def _in_other_subject(ctx: DocContext, pm: PlaceMention, clause: set[int]) -> bool:
    """True when the mention lies in the subject of a verb outside ``clause``."""
    place = node = _root(ctx, pm) if clause else None
    while node is not None and node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        verb = node.head
        if node.dep_ in ("nsubj", "nsubjpass") and verb.idx not in clause:
            if place is not None and _subject_sets_scene(ctx, verb, node, clause, place):
                return False
            # verbs joined by "and" share their subject ("people in Aden cut roads and
            # burned tyres"), unless the clause's verb has its own ("the offensive began
            # with an assault on the bases, and the government in Tripoli called it a
            # coup": the assault was not in Tripoli)
            return not (
                verb.dep_ == "conj" and verb.head.idx in clause and not _own_subject(verb.head)
            ) and not any(
                t.dep_ == "conj" and t.idx in clause and not _own_subject(t) for t in verb.children
            )
        node = verb
    return False


# The prepositions that put a subject's people or things at a place: "Families in X",
# "the garrison at X", "Residents of X" (the last only for people who live there): not
# "the envoy's visit to X", "the convoy from X" (where it went or came from).
_AT_PLACE = frozenset({"in", "at", "inside", "near", "around"})


def _subject_sets_scene(
    ctx: DocContext, verb: Token, subject: Token, clause: set[int], place: Token
) -> bool:
    """Whether ``place``, inside the subject of ``verb`` (a locative in the subject's noun
    phrase: "Families in X", "Residents of X"), places ``clause``, a clause hanging from
    ``verb``: an adverbial clause of an act ("Families in X fled as shells hit the
    market": the market in X), or what people who are there report ("Residents of X
    said militias looted the market"); not what a speaker reports from afar, and not a
    place the subject only goes to or comes from ("The envoy's visit to X ended before
    the militia captured the port": the port is not in X)."""
    below = [c for c in verb.children if c.idx in clause]
    prep = place.head.lower_ if place.dep_ == "pobj" else ""
    words = ctx.resources.place_words
    people = subject.lemma_.lower() in words.people_there
    if not below or not (prep in _AT_PLACE or (prep == "of" and people)):
        return False
    speech = verb.lemma_.lower() in words.statement_verbs
    if below[0].dep_ == "advcl":
        return not speech
    return below[0].dep_ == "ccomp" and speech and people


def reported_by(ctx: DocContext, token: Token) -> Token | None:
    """The verb of a judgement on an act (``reporting_verbs``) whose object, or object's
    phrase, is ``token``'s act: "condemned the raid", "blamed the rebels for the
    attack", "the raid was condemned by ...", "denied the killing of ..."; None when
    ``token`` heads a clause of its own ("said gunmen raided a camp": the raid's clause
    is its own) or the verb above it passes no judgement ("sources in Taiz reported
    clashes", "the police in X announced a strike": the speaker is there)."""
    if not token.doc.has_annotation("DEP"):
        return None
    node = token
    if node.pos_ in ("VERB", "AUX"):
        if node.dep_ not in ("dobj", "pobj", "nsubjpass"):
            return None  # a clause of its own
        node = node.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    verbs = ctx.resources.place_words.reporting_verbs
    if node.i == token.i or node.pos_ != "VERB" or node.lemma_.lower() not in verbs:
        return None
    return node


def _places_reported_act(ctx: DocContext, pm: PlaceMention, act: Token, verb: Token) -> bool:
    """Whether ``pm`` may place ``act``, an act a statement ``verb`` reports ("The
    government in Khartoum condemned the raid on a camp near Nyala"): not a place in the
    statement's subject ("the government in Khartoum"), unless the subject is people who
    are there ("Residents of Kassala reported an attack"), nor in the agent of a passive
    one ("condemned by the governor in Khartoum"), nor one another verb governs ("in a
    statement issued in Khartoum"); a place in the act's own phrase, or one the statement
    verb governs ("fighting was reported in Kassala"), places it."""
    root = _root(ctx, pm)
    if root is None or act.left_edge.i <= root.i <= act.right_edge.i:
        return True
    for child in verb.children:
        if child.dep_ in ("nsubj", "agent") and child.left_edge.i <= root.i <= child.right_edge.i:
            people = ctx.resources.place_words.people_there
            return child.dep_ == "nsubj" and child.lemma_.lower() in people
    node = root
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    return node.i == verb.i


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


# Conjunctions that open a clause of a later time than its governing clause's; not
# "after" or "since", which as often give the act a consequence follows ("three people
# died after Russia attacked Kyiv": in Kyiv).
_OTHER_TIME = frozenset(["before", "until", "till"])
# Where the wounded or the dead were taken, not where they were hurt: a transfer verb,
# then "to" the place or "to (a) hospital in" it ("the wounded were flown to Bamako",
# "taken to a military hospital in Gao", "evacuated to Niamey", "admitted to hospital at
# Mopti"). Not "took to the streets in Gao" (no hospital word before "in").
_TAKEN_TO = re.compile(
    r"\b(?:flown|airlifted|air-lifted|evacuated|taken|transferred|transported|ferried|"
    r"rushed|brought|admitted)\b(?:\s+[\w'-]+){0,4}?\s+(?:to|into)\s+(?:(?:a|an|the)\s+)?"
    r"(?:(?:[\w'-]+\s+){0,2}?(?:hospitals?|clinics?|infirmary|medical\s+(?:centre|center|"
    r"facility)|morgue|mortuary)\s+(?:in|at)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# A movement's destination: "driven back into Chad", "fled to Niger".
_DESTINATION = re.compile(r"\b(?:into|to|towards?)\s+(?:the\s+)?$")


def _in_other_time(ctx: DocContext, pm: PlaceMention, clause: set[int]) -> bool:
    """True when the mention is where a movement went in a clause of a later time than
    ``clause``: "the rebels seized the hills in 2012 before they were chased into Uganda"
    (the hills were not in Uganda), "gunmen looted the depot until soldiers chased them
    into Chad". A place where the later clause happens stays: "troops defused the bomb
    before it exploded in Rutba" (the bomb was in Rutba)."""
    if not _DESTINATION.search(ctx.text[max(0, pm.span.start - 14) : pm.span.start]):
        return False
    node = _root(ctx, pm) if clause else None
    while node is not None and node.head.i != node.i and node.idx not in clause:
        if node.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "mark" and c.lower_ in _OTHER_TIME for c in node.children
        ):
            return True
        node = node.head
    return False


def locates_nothing(ctx: DocContext, pm: PlaceMention) -> bool:
    """A place mention that is no event's location: a metonym acting as an actor, a
    modifier (:func:`is_modifier`), a nationality word ("Saudi-led", "Israelis"), a
    dateline, a backer, an actor's country or town, or a place named inside an
    organisation's name (unless that body's site is where it happened)."""
    if pm.is_actor:
        return True
    if _in_dateline(ctx, pm):
        # "TRIPOLI (Reuters) -": where the reporter files from, not where it happened;
        # the event's place (flagged inferred) only when nothing in the body places it
        return not _only_the_dateline(ctx, pm)
    if _at_body_site(ctx, pm):
        return False  # "an attack on the headquarters of the Tarhuna Brigade"
    if is_modifier(ctx, pm.span.start, pm.span.end):
        return True
    if _BACKER.search(ctx.text[max(0, pm.span.start - 30) : pm.span.start]):
        return True
    if _TAKEN_TO.search(_in_own_sentence(ctx, pm.span.start, 90)) and not _where_clause(ctx, pm):
        return True  # "the wounded were flown to Bamako": not where they were hurt
    if _inside_organisation(ctx, pm) or _group_province(ctx, pm) or _actors_place(ctx, pm):
        return True
    if pm.place is None or pm.place.precision not in ("country", "region"):
        return False
    return pm.span.start in ctx.view.ent_starts("NORP")


def _where_clause(ctx: DocContext, pm: PlaceMention) -> bool:
    """Whether a relative clause of place hangs from the mention, read in the parse (a
    ``relcl`` with "where"): "reinforcements were rushed to Kadugli, where they repelled
    an attack" is a destination that is also where what follows happened."""
    span = ctx.doc.char_span(pm.span.start, pm.span.end, alignment_mode="expand")
    if span is None or not ctx.doc.has_annotation("DEP"):
        return False
    return any(
        child.dep_ == "relcl" and any(w.lower_ == "where" for w in child.children)
        for child in span.root.children
    )


def _in_own_sentence(ctx: DocContext, start: int, width: int) -> str:
    """Up to ``width`` characters before ``start``, cut at the last sentence end."""
    before = ctx.text[max(0, start - width) : start]
    return re.split(r"[.!?;]\s", before)[-1]


def _in_dateline(ctx: DocContext, pm: PlaceMention) -> bool:
    # the zone extraction stored on the mention (a hand-made mention may lack it)
    return (pm.zone or ctx.view.zones.zone_of(pm.span.start)) == "dateline"


def _only_the_dateline(ctx: DocContext, pm: PlaceMention) -> bool:
    """Whether the dateline's town is all the article says of where things happened: a
    town (not a country) no other dateline name contradicts, and no place of the body
    locates anything ("GAO, Mali (Wire) - Gunmen killed five soldiers, the army said.")."""
    if pm.place is None or pm.place.precision not in ("city", "point") or pm.is_actor:
        return False
    for other in ctx.places:
        if other is pm or other.place is None:
            continue
        if _in_dateline(ctx, other):
            if other.place.country != pm.place.country:
                return False  # "GAZA CITY / CAIRO (Wire) -": two desks
        elif not locates_nothing(ctx, other):
            return False
    return True


def _inside_organisation(ctx: DocContext, pm: PlaceMention) -> bool:
    """A place named inside an organisation's or a facility's name ("workers of the
    Benghazi Medical Centre") locates an event only when the body's site is where it
    happened: the name follows a locative ("a bomb exploded at the Benghazi Medical
    Centre", "shelled the Tripoli Central Hospital")."""
    start, end = pm.span.start, pm.span.end
    for ent in ctx.view.ents:
        if ent.start_char > start:
            break
        if (
            ent.label_ in ("ORG", "FAC")
            and ent.start_char <= start
            and end <= ent.end_char
            and (ent.start_char, ent.end_char) != (start, end)
        ):
            before = ctx.text[max(0, ent.start_char - 40) : ent.start_char]
            return _names_more(ctx, ent.start_char, ent.end_char) and not LOCATIVE.search(before)
    return False


# An armed group's "province" (its branch for a region) names the group, not a place:
# a capitalised "Province" (or "Wilaya(t)") after a place name, the whole following the
# parent group's name ("the Islamic State Sahel Province", "ISIS West Africa Province")
# or followed by a group noun ("the Sinai Province group", "Khorasan Province militants").
_GROUP_BEFORE = re.compile(r"\b(?:Islamic\s+State|IS|ISIS|ISIL|Daesh)(?:\s*[-–]\s*|\s+)(?:in\s+)?$")
_GROUP_PROVINCE = re.compile(
    r"(?:\s+|^)(?:Province|Wilaya|Wilayat)$|^\s+(?:Province|Wilaya|Wilayat)\b"
)
_GROUP_NOUN_AFTER = re.compile(
    r"^(?:\s+(?:Province|Wilaya|Wilayat))?\s+(?:group|affiliate|branch|wing|faction|"
    r"militants|fighters|jihadists|insurgents)\b"
)


def _group_province(ctx: DocContext, pm: PlaceMention) -> bool:
    """A place named in an armed group's regional branch ("fighters of the Islamic State
    Sahel Province", "the Sinai Province group claimed the attack") is no place of what
    the group did; where the text says it acted ("killed five soldiers in Menaka") is."""
    name = ctx.text[pm.span.start : pm.span.end]
    after = ctx.text[pm.span.end : pm.span.end + 40]
    if not (_GROUP_PROVINCE.search(name) or _GROUP_PROVINCE.match(after)):
        return False
    before = ctx.text[max(0, pm.span.start - 20) : pm.span.start]
    return bool(_GROUP_BEFORE.search(before) or _GROUP_NOUN_AFTER.match(after))


def _at_body_site(ctx: DocContext, pm: PlaceMention) -> bool:
    """A town opening the name of a body whose own site the text names ("the headquarters
    of the Tarhuna Brigade", "the base of the Zintan Battalion"): the site lies in that
    town, so the town may place what happened there."""
    if pm.place is None or pm.place.precision not in TOWNS:
        return False
    start, end = pm.span.start, pm.span.end
    for ent in ctx.view.ents:
        if ent.start_char > start:
            break
        if ent.label_ in ("ORG", "FAC") and ent.start_char <= start and end <= ent.end_char:
            return bool(_BODY_SITE.search(ctx.text[max(0, ent.start_char - 40) : ent.start_char]))
    return False


def _names_more(ctx: DocContext, start: int, end: int) -> bool:
    """True when the entity at [start, end) has words of its own besides its place names
    ("the Benghazi Medical Centre"); a place the model took for a body ("Tangier
    (Tangier)") names nothing more."""
    rest = ctx.text[start:end]
    for pm in ctx.places:
        if start <= pm.span.start and pm.span.end <= end:
            rest = rest.replace(pm.span.text, " ")
    return any(len(w) > 2 and w.lower() != "the" for w in re.findall(r"[^\W\d_]+", rest))


def _party(ctx: DocContext, pm: PlaceMention) -> bool:
    """A country named as a party to the act (:func:`placeparties.party_country`)."""
    if pm.place is None or pm.place.precision != "country":
        return False
    root = _root(ctx, pm)
    return root is not None and party_country(root, PLACE_HEADS)


def _actors_place(ctx: DocContext, pm: PlaceMention) -> bool:
    """A place standing for a side rather than where it fought: a country that is the
    subject of an active verb ("Russia attacked Ukrainian cities"), the owner of a
    clause's subject ("Ethiopia's federal government launched an offensive", "Misrata's
    brigades advanced"), or the origin of a group ("troops from Chad attacked villagers").
    A town that is a subject stays a place ("Derna was shelled")."""
    root = _root(ctx, pm)
    if root is None:
        return False
    head = root.head
    if (
        root.dep_ == "nsubj"
        and pm.place is not None
        and pm.place.precision == "country"
        and head.pos_ == "VERB"
        and head.lemma_.lower() not in _STATE_VERBS
    ):
        return True  # "Russia attacked", not "Libya has been in turmoil"
    if root.dep_ == "poss" and head.dep_ == "nsubj" and head.lemma_.lower() not in PLACE_HEADS:
        return True
    return (
        root.dep_ == "pobj"
        and head.lower_ == "from"
        and head.head.pos_ in ("NOUN", "PROPN")
        and head.head.lemma_.lower() not in PLACE_HEADS
    )


def inferred_country(ctx: DocContext, usable: list[PlaceMention]) -> Place | None:
    """The article's dominant country, flagged ``inferred``, for an event whose sentence
    names no place of its own ("Gunmen killed two guards." in a story about Libya): the
    country at least DOMINANT_SHARE of the article's usable place mentions lie in, not
    counting where someone spoke ("the minister said in Washington") nor seas and
    continents, nor a reference point ("near the border with Rwanda", "600 km east of
    Khartoum": it may locate a speaker, not the story), nor a party ("talks with Peru");
    and it must be the country the
    article's place names, all of them (dateline, speakers' places and reference points
    too), name most, so one misread name cannot carry a story elsewhere. None when the
    article names no country so dominantly."""
    if ctx.inferred_country is None:
        references, _beyond = _references(ctx.text, sorted(usable, key=lambda pm: pm.span.start))
        countries = Counter(
            pm.place.country
            for pm in usable
            if pm.place is not None
            and pm.place.country
            and pm.place.precision != "region"
            and pm.place.id not in references
            and not speaks_from(ctx, pm)
            and not _party(ctx, pm)
        )
        found = None
        total = sum(countries.values())
        if total:
            iso3, n = top_country(countries)
            country = ctx.resources.gazetteer.country(iso3) if iso3 else None
            if (
                iso3
                and n >= DOMINANT_SHARE * total
                and country is not None
                and _most_named_country(ctx) == iso3
            ):
                division = _dominant_division(ctx, usable, references, iso3)
                found = replace(division or country, inferred=True)
        ctx.inferred_country = (found,)
    return ctx.inferred_country[0]


def top_country(countries: Counter) -> tuple[str | None, int]:
    """The country named most in ``countries`` and how often, ties broken by the code so
    the answer never depends on mention order (None sorts first, as no code)."""
    return min(countries.items(), key=lambda kv: (-kv[1], kv[0] or ""))


def _dominant_division(
    ctx: DocContext, usable: list[PlaceMention], references: set[str], iso3: str
) -> Place | None:
    """The first-level division of the dominant country that a story about one region
    names its places in ("airstrikes on Mekelle ... the Tigray region ... Mekelle town"):
    at least DOMINANT_SHARE, and two or more, of the country's places finer than the
    country lie in it (the country's own name says nothing of where in it)."""
    divisions = Counter(
        pm.place.admin1
        for pm in usable
        if pm.place is not None
        and pm.place.country == iso3
        and pm.place.precision in ("point", "city", "admin2", "admin1")
        and pm.place.feature != PART_FEATURE
        and pm.place.id not in references
        and not speaks_from(ctx, pm)
    )
    total = sum(divisions.values())
    if not total:
        return None
    code, n = min(divisions.items(), key=lambda kv: (-kv[1], kv[0] or ""))
    if code is None or n < 2 or n < DOMINANT_SHARE * total:
        return None
    return ctx.resources.gazetteer.division(code)


def _most_named_country(ctx: DocContext) -> str | None:
    """The country most of the article's resolved place names lie in, None on a tie."""
    counts = Counter(
        pm.place.country
        for pm in ctx.places
        if pm.place is not None and pm.place.country and pm.place.precision != "region"
    ).most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] == counts[1][1]):
        return None
    return counts[0][0]


def _rank(place: Place) -> float:
    """Where a place ranks among precisions, a part between a division and its country; a
    district known only by its seat town ("Derna district" the gazetteer lacks), and a
    feature placed by its town, rank as the town whose point they have."""
    if place.feature == PART_FEATURE:
        return PART_RANK
    if place.precision == "admin2" and (
        (place.feature or "").startswith("PPL") or place.feature == TIED_FEATURE
    ):
        # so does a feature or a name placed by the town the text ties it to ("Avasin
        # (Mergasur)"), which wins over that town as a place over the area it lies in
        return PRECISION_RANK["city"]
    return PRECISION_RANK.get(place.precision, 3)
