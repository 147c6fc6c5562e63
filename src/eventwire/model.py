"""Typed records: what flows from articles to the store and out to users.

Two layers:

* **Document records** are found in one article, by one pass over its parse:
  :class:`Mention`, :class:`Timex`, :class:`PlaceMention`, :class:`Count`,
  :class:`EventMention`, :class:`RelationMention`, :class:`QuoteMention`,
  gathered in :class:`DocumentRecords`. They refer to actors through mention
  spans (:class:`Span`), never through actor ids, so they can be computed in
  any process and in any order.
* **Resolved records** are computed across all documents of a store:
  :class:`Actor`, :class:`Event`, :class:`Relation`, :class:`Quote`. They refer
  to actors by id and carry :class:`Evidence` back to the sentences.

Every record is a frozen dataclass; :func:`to_dict` and :func:`from_dict` turn
any of them into plain JSON-able dicts and back.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as _date
from typing import Any, TypeVar, Union, cast

# Documented value sets (see docs/export.md).
ACTOR_TYPES = (
    "person",
    "armed_group",
    "government",
    "political_party",
    "coalition",  # an alliance of states or armed groups: "the Saudi-led coalition"
    "country",
    "international_org",
    "media",
    "group",  # unnamed people named by a common noun: "police", "gunmen", "residents"
    "other",
    "state_forces",  # a state's army, air force, navy, police: "Malian Armed Forces", "IDF"
)
MODALITIES = ("asserted", "reported", "alleged", "hypothetical", "future", "denied", "negated")
COUNTING_MODALITIES = ("asserted", "reported", "alleged")
GROUP_LABEL = "GROUP"  # label of unnamed-group mentions ("police", "residents")
DATE_PRECISIONS = ("day", "week", "month", "season", "year", "decade", "publication")
PLACE_PRECISIONS = ("point", "city", "admin1", "country", "region", "admin2")
COUNT_KINDS = ("killed", "wounded", "displaced", "kidnapped", "arrested", "executed", "missing")


@dataclass(frozen=True)
class Evidence:
    """A sentence of an article that states a fact; offsets are into the article text."""

    article_id: str
    sentence: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Span:
    """A stretch of one article's text, by character offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date, partial allowed (YYYY-MM, YYYY)
    published_precision: str | None = None  # day / month / year / None
    published_ambiguous: bool = False
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class When:
    """A normalised time: ISO value (partial allowed) with its precision."""

    value: str | None
    precision: str | None
    text: str | None = None
    end: str | None = None  # last day/month of a range, same format as value

    @property
    def calendar(self) -> str | None:
        """The value as an ISO partial date (YYYY, YYYY-MM or YYYY-MM-DD) that sorts in time.

        TIMEX3-style values become the first calendar date they cover: a week
        ``2019-W15`` its Monday (``2019-04-08``), a season ``2019-SU`` its first month
        (``2019-06``; winter ``2019-WI`` is December of that year), a decade ``199X``
        its first year (``1990``); the precision keeps how much of it is known.
        """
        return calendar_date(self.value)


_ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SEASON_MONTH = {"SP": "03", "SU": "06", "FA": "09", "AU": "09", "WI": "12"}


def calendar_date(value: str | None) -> str | None:
    """A TIMEX3-style date value as an ISO partial date; see :attr:`When.calendar`."""
    if not value:
        return value
    if len(value) == 4 and value[:3].isdigit() and value[3] in "Xx":
        return value[:3] + "0"
    year, _, rest = value.partition("-")
    if not (len(year) == 4 and year.isdigit()):
        return None
    if rest[:1] == "W" and rest[1:3].isdigit():
        return _date.fromisocalendar(int(year), int(rest[1:3]), 1).isoformat()
    if rest[:2] in _SEASON_MONTH:
        return f"{year}-{_SEASON_MONTH[rest[:2]]}"
    if rest[:1] == "Q" and rest[1:2] in ("1", "2", "3", "4"):
        return f"{year}-{(int(rest[1]) - 1) * 3 + 1:02d}"
    return value[:10] if _ISO_PARTIAL.match(value[:10]) else year


@dataclass(frozen=True)
class Place:
    id: str  # "geonames:<id>", "country:<ISO3>", "admin1:<code>", "supplement:<slug>"
    name: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None
    precision: str  # point / city / admin2 / admin1 / country / region (continent, sea: no country)
    feature: str | None = None
    population: int | None = None
    # an event's place inferred from the article (its dominant country), not named in the
    # event's sentence: shown to people as "inferred from the article"
    inferred: bool = False
    # a division's seat (the town GeoNames codes PPLA/PPLA2/PPLC in it), when an imported
    # dump tells it: an alternative point for a division named alone, labelled as such;
    # the division keeps its own point and precision
    seat: Seat | None = None


@dataclass(frozen=True)
class Seat:
    """The town a division is governed from, as an alternative point for the division."""

    name: str
    lat: float
    lon: float
    place_id: str


@dataclass(frozen=True)
class Mention:
    """One surface mention of a (possible) actor in an article."""

    article_id: str
    span: Span
    label: str  # spaCy NER label, or KB / rule label
    evidence: Evidence
    normalized: str = ""  # titles, possessives, brackets removed
    role: str | None = None  # stripped title ("Field Marshal", "Prime Minister")
    group: str = ""  # document-local entity group id (same entity within one article)
    affiliation: str | None = None  # ISO3 country for demonyms ("Egyptian officials")


@dataclass(frozen=True)
class Timex:
    article_id: str
    span: Span
    when: When
    evidence: Evidence


@dataclass(frozen=True)
class PlaceMention:
    article_id: str
    span: Span
    place: Place | None
    evidence: Evidence
    is_actor: bool = False  # metonym acting as a government ("Moscow said")
    # made from a description standing for a place named before or known from the
    # article ("the city", "the town", "the capital"), not from a name in the text
    described: bool = False
    # the part of the page the mention lies in, as extraction zoned it ("dateline",
    # "body", "headline", ...; see extract/docview.Zones); None in records stored before
    zone: str | None = None


@dataclass(frozen=True)
class Count:
    kind: str  # one of COUNT_KINDS
    value: int
    qualifier: str | None  # "more than", "at least", "nearly", "about", "word" ...
    text: str
    evidence: Evidence
    span: Span | None = None
    # how the figure stands to earlier ones, set by extraction: "total" for a running toll
    # stated as reached ("the death toll rose to 40"), "more" for people added to an
    # earlier figure ("five more bodies were found"), None for a plain figure
    update: str | None = None


@dataclass(frozen=True)
class EventMention:
    """One event as stated in one sentence of one article."""

    article_id: str
    type: str  # PLOVER label, see docs/ontology.md
    trigger: Span
    evidence: Evidence
    source: Span | None = None  # a Mention span
    target: Span | None = None
    negated: bool = False
    modality: str = "asserted"
    attributed_to: Span | None = None
    when: When | None = None
    place: Place | None = None
    counts: tuple[Count, ...] = ()
    qualifiers: tuple[str, ...] = ()  # e.g. ("forces",)
    lemma: str = ""  # trigger lemma, or "verb particle" of a phrasal trigger: for code lookup


@dataclass(frozen=True)
class RelationMention:
    """An explicit relation statement ("backed by", "ally of") in one sentence."""

    article_id: str
    type: str  # support / oppose / fight / meet / cooperate / ally ...
    source: Span
    target: Span
    evidence: Evidence
    negated: bool = False
    modality: str = "asserted"
    when: When | None = None
    attributed_to: Span | None = None


@dataclass(frozen=True)
class QuoteMention:
    article_id: str
    text: str
    span: Span
    evidence: Evidence
    speaker: Span | None = None
    # an unnamed source the article describes ("a witness in Tessit", "medics") when no
    # actor speaks: who said it, though no one is named
    speaker_description: str | None = None


@dataclass(frozen=True)
class DocumentRecords:
    """Everything found in one article; the unit written to the store per document."""

    article_id: str
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[Timex, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    counts: tuple[Count, ...] = ()
    events: tuple[EventMention, ...] = ()
    relations: tuple[RelationMention, ...] = ()
    quotes: tuple[QuoteMention, ...] = ()
    statistics: tuple[Statistic, ...] = ()


@dataclass(frozen=True)
class Role:
    title: str
    start: str | None = None  # ISO partial date
    end: str | None = None
    source: str = "kb"  # "kb" or "text"


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str  # one of ACTOR_TYPES
    country: str | None = None  # ISO 3166 alpha-3
    aliases: tuple[str, ...] = ()
    mention_count: int = 0
    article_count: int = 0
    roles: tuple[Role, ...] = ()
    kb_id: str | None = None


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    codes: dict[str, Any]
    evidence: tuple[Evidence, ...]
    source_actor: str | None = None
    target_actor: str | None = None
    date: str | None = None
    date_precision: str | None = None
    location: Place | None = None
    negated: bool = False
    modality: str = "asserted"
    attributed_to: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    source_count: int = 1
    qualifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    id: str
    source_actor: str
    target_actor: str
    type: str
    evidence: tuple[Evidence, ...]
    negated: bool = False
    modality: str = "asserted"
    contested: bool = False
    first_seen: str | None = None
    last_seen: str | None = None
    source_count: int = 1
    denied_evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Quote:
    id: str
    text: str
    article_id: str
    sentence: str
    char_start: int
    char_end: int
    speaker: str | None = None
    # who said it when no actor is named ("witness in Kabala", "medics"): the extracted
    # description of the unnamed source; None whenever ``speaker`` is set
    speaker_description: str | None = None


# --- dict conversion ---------------------------------------------------------

T = TypeVar("T")


# A record class's field names, looked up once: storing a batch converts every record
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_PLAIN = (str, int, float, bool, type(None))


def to_dict(record: Any) -> Any:
    """A record (or tuple/list/dict of records) as plain JSON-able values."""
    cls = type(record)
    if cls in _PLAIN:
        return record
    names = _FIELD_NAMES.get(cls)
    if names is None and dataclasses.is_dataclass(record) and not isinstance(record, type):
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(record))
    if names is not None:
        return {name: to_dict(getattr(record, name)) for name in names}
    if isinstance(record, (list, tuple)):
        return [to_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record


# Converters compiled once per type: reflecting on type hints for every field of every
# record took most of a rebuild's time (the store hands back records as JSON).
_CONVERTERS: dict[Any, Callable[[Any], Any]] = {}
_BUILDERS: dict[type, Callable[[dict[str, Any]], Any]] = {}


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record of type ``cls`` from :func:`to_dict` output."""
    build = _BUILDERS.get(cls)
    if build is None:
        build = _BUILDERS[cls] = _builder(cls)
    return cast(T, build(data))


def _builder(cls: type) -> Callable[[dict[str, Any]], Any]:
    hints = typing.get_type_hints(cls)
    fields = [(f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls)]

    def build(data: dict[str, Any]) -> Any:
        return cls(**{name: conv(data[name]) for name, conv in fields if name in data})

    return build


def _identity(value: Any) -> Any:
    return value


def _converter(tp: Any) -> Callable[[Any], Any]:
    conv = _CONVERTERS.get(tp)
    if conv is None:
        conv = _CONVERTERS[tp] = _compile(tp)
    return conv


def _compile(tp: Any) -> Callable[[Any], Any]:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _converter(args[0]) if len(args) == 1 else _identity
    if origin is tuple:
        item = _converter(typing.get_args(tp)[0])
        if item is _identity:
            return lambda v: None if v is None else tuple(v)
        return lambda v: None if v is None else tuple(item(x) for x in v)
    if dataclasses.is_dataclass(tp):
        return lambda v: None if v is None else from_dict(tp, v)  # type: ignore[arg-type]
    return _identity


@dataclass(frozen=True)
class CountReport:
    """One report's figure for an incident's count (``kind``), kept as evidence."""

    kind: str  # one of COUNT_KINDS
    value: int
    qualifier: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Incident:
    """One real-world occurrence, however many sentences and articles report it.

    Its mention-level events (``events``) are its evidence; statements about it
    (condemnations, claims, denials) stay events of their own, linked in
    ``statements``. ``counts`` holds the best-supported figure per kind (never a
    sum), ``count_min``/``count_max`` the range the reports give, ``count_reports``
    each report's figure. ``source_count`` counts distinct articles, ``outlet_count``
    distinct outlets (filled in when stored, from the articles' outlets)."""

    id: str
    type: str
    codes: dict[str, Any]
    evidence: tuple[Evidence, ...]
    source_actor: str | None = None
    target_actor: str | None = None
    date: str | None = None
    date_precision: str | None = None
    location: Place | None = None
    counts: dict[str, int] = field(default_factory=dict)
    count_min: dict[str, int] = field(default_factory=dict)
    count_max: dict[str, int] = field(default_factory=dict)
    count_reports: tuple[CountReport, ...] = ()
    source_count: int = 1
    outlet_count: int = 0
    events: tuple[str, ...] = ()  # member event ids
    statements: tuple[str, ...] = ()  # event ids of statements about it
    explanation: tuple[str, ...] = ()  # why its reports were joined or kept apart
    qualifiers: tuple[str, ...] = ()  # its lead event's (weapon, civilian target ...)
    modality: str = "asserted"  # how its reports state it: the most common of its members'
    # an AID or MOBILIZE act of it sent armed men ("sent troops"): it is then compared in
    # that type's incident family (``[incident_families]`` deployments), stored or not
    sends_armed_men: bool = False
    # the statements that are facets of the act, part of the occurrence (support given in
    # it, the protest it was aimed at), unlike a condemnation, a claim or a denial of it
    facets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resolution:
    """The cross-document picture computed from all stored document records."""

    actors: tuple[Actor, ...] = ()
    mention_actor: Mapping[str, str] = field(default_factory=dict)  # mention_key() -> actor id
    events: Sequence[Event] = ()  # a rebuild's are read back from disk (resolve/event_spill.py)
    relations: Sequence[Relation] = ()  # a rebuild's, quotes and statistics too, from disk
    quotes: Sequence[Quote] = ()
    places: tuple[Place, ...] = ()
    explanations: dict[str, tuple[str, ...]] = field(default_factory=dict)  # actor id -> reasons
    statistics: Sequence[Statistic] = ()
    incidents: Sequence[Incident] = ()  # a rebuild's too (resolve/record_file.py)


def mention_key(article_id: str, span: Span) -> str:
    """Stable key of a mention span, used to map mentions to actors."""
    return f"{article_id}:{span.start}:{span.end}"


STATISTIC_SCOPES = ("conflict", "actor", "place")


@dataclass(frozen=True)
class Statistic:
    """A running or period total of a conflict, an actor or a place ("the war has killed
    at least 3,000 since April"), never one event's count; see ``extract/totals.py``.

    As a document record it names its actor by mention span (``actor_span``); resolution
    fills ``id`` and ``actor`` (the resolved actor id)."""

    counted: str  # one of COUNT_KINDS: what is counted (killed, displaced ...)
    value: int
    qualifier: str | None  # "at least", "more than" ... as in Count
    text: str
    evidence: Evidence
    period_start: str | None = None  # ISO partial date, when stated
    period_end: str | None = None  # None with a start: up to the report
    scope: str = "conflict"  # one of STATISTIC_SCOPES
    actor_span: Span | None = None
    place: Place | None = None
    actor: str | None = None
    id: str = ""
    cue: Span | None = None  # the word saying what happened ("killed", "toll")
