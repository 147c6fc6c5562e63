"""The Store protocol every backend implements, and the query filter records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol, runtime_checkable

from eventwire.knowledge.ontology import Ontology
from eventwire.model import (
    Actor,
    Article,
    DocumentRecords,
    Event,
    Incident,
    Place,
    Quote,
    Relation,
    Resolution,
    Statistic,
)
from eventwire.resolve.actor_keys import Decision
from eventwire.resolve.actor_units import StoredUnit
from eventwire.resolve.event_mentions import EventsChange, MentionRow
from eventwire.resolve.incremental import UnitIndex


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # actor id
    type: str | None = None
    since: str | None = None  # ISO date (partial allowed), inclusive
    until: str | None = None
    place: str | None = None  # place id
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    modality: str | None = None
    negated: bool | None = None
    min_sources: int = 1
    limit: int | None = None
    offset: int = 0
    # whole-corpus views (issue 18): several types or places, ACLED type, fatalities, order
    types: tuple[str, ...] = ()  # any of these stored types
    places: tuple[str, ...] = ()  # any of these place ids
    acled: str | None = None  # ACLED event type (codes.acled.event_type)
    min_fatalities: int = 0  # counts["killed"] at least this
    order: str = "date"  # one of EVENT_ORDERS; "-date" is newest first with undated last
    after: tuple[str | None, str] | None = None  # keyset: (date, id) of the last row seen
    # a second actor id, on either side too (both kept): a download of an actor index
    # row's incidents under an actor's filter (no summary keeps it: ``events`` is read)
    with_actor: str | None = None


@dataclass(frozen=True)
class IncidentFilter:
    """Which incidents to list, in which order, which page."""

    actor: str | None = None  # actor id, on either side
    type: str | None = None  # PLOVER type
    since: str | None = None  # ISO date (partial allowed), inclusive
    until: str | None = None
    place: str | None = None  # place id
    acled: str | None = None  # ACLED event type
    min_sources: int = 1  # distinct articles at least
    min_fatalities: int = 0  # best-supported killed at least
    modality: str | None = None
    order: str = "date"  # one of INCIDENT_ORDERS
    limit: int | None = None
    offset: int = 0
    after: tuple[str | None, str] | None = None  # keyset (date orders): last (date, id) seen
    with_actor: str | None = None  # a second actor id, on either side too (both kept)


INCIDENT_ORDERS = {
    "date": "oldest first, undated first",
    "-date": "newest first, undated last",
    "-sources": "most sources first, then newest",
    "-killed": "most killed first, uncounted last, then newest",
    "killed": "fewest killed first, uncounted last, then newest",
    "-wounded": "most wounded first, uncounted last, then newest",
    "wounded": "fewest wounded first, uncounted last, then newest",
    "-displaced": "most displaced first, uncounted last, then newest",
    "displaced": "fewest displaced first, uncounted last, then newest",
}


# event orders a store offers: name -> meaning (a keyset cursor works with the date orders)
EVENT_ORDERS = {
    "date": "oldest first, undated first",
    "-date": "newest first, undated last",
    "-sources": "most sources first, then newest",
    "-killed": "most killed first, then newest",
    "type": "by type, then newest",
}


@dataclass(frozen=True)
class DateCount:
    """Events sharing one stored date and precision, with their counted casualties."""

    date: str | None
    precision: str | None
    events: int
    killed: int
    wounded: int


@dataclass(frozen=True)
class EdgeCount:
    """Events from one actor to another of one type, polarity and modality."""

    source: str
    target: str
    type: str
    negated: bool
    modality: str
    events: int
    sources: int


@dataclass(frozen=True)
class PlaceTotals:
    """Events at one place (of one type, when grouped by type) and their casualties."""

    place: Place
    type: str | None
    events: int
    killed: int
    wounded: int
    displaced: int = 0


@dataclass(frozen=True)
class PictureState:
    """Where a store's resolved picture stands against its documents.

    ``documents`` counts the document writes so far; ``picture`` is that count as it
    was when the stored picture was computed, ``fingerprint`` names the actor overrides
    it was computed with. The picture is current when both match."""

    documents: int
    picture: int
    fingerprint: str

    def current(self, fingerprint: str) -> bool:
        return self.picture >= self.documents and self.fingerprint == fingerprint


@runtime_checkable
class Store(UnitIndex, Protocol):
    """What the pipeline, CLI, API and exporters need from a store."""

    location: str

    @property
    def schema_version(self) -> int: ...

    # documents -------------------------------------------------------------
    def known_article_ids(self, ids: Iterable[str]) -> set[str]: ...

    def add_documents(self, items: Sequence[tuple[Article, DocumentRecords]]) -> int:
        """Store articles with their document records in one transaction.

        Articles already stored are skipped; returns how many were new."""
        ...

    def get_article(self, article_id: str) -> Article: ...

    def iter_articles(self) -> Iterator[Article]: ...

    def iter_document_records(self, upto: int | None = None) -> Iterator[DocumentRecords]:
        """Stored records by article id, streamed; ``upto`` keeps documents generations <= it."""
        ...

    # resolved picture ------------------------------------------------------
    def picture_state(self) -> PictureState: ...

    def replace_resolution(
        self,
        resolution: Resolution,
        generation: int | None = None,
        fingerprint: str = "",
        *,
        force: bool = False,
        event_mentions: Iterable[MentionRow] | None = None,
    ) -> bool:
        """Replace every cross-document record in one transaction, unless a picture of a
        later ``generation`` (or the same one and ``fingerprint``, unless ``force``) is
        stored already; with the resolution's kept ``event_mentions``, which a refresh
        regroups from."""
        ...

    def actors(self, query: str | None = None) -> list[Actor]: ...

    def get_actor(self, actor_id: str) -> Actor: ...

    def events(self, flt: EventFilter | None = None) -> list[Event]: ...

    def get_event(self, event_id: str) -> Event: ...

    def article_events(self, article_id: str) -> list[Event]:
        """Events with evidence in one article."""
        ...

    def relations(self, actor: str | None = None) -> list[Relation]: ...

    def actor_relations(
        self, actor_id: str, per_kind: int
    ) -> tuple[list[Relation], list[tuple[str, bool, str, int]]]:
        """The ``per_kind`` relations with most sources (then by id) of each (type,
        negation, modality) the actor is a side of, most sources first, and how many
        relations of each such kind it has (by type, negation, modality)."""
        ...

    def incidents_of_events(self, flt: EventFilter) -> list[Incident]:
        """Incidents with a member among the events ``flt`` selects, by id."""
        ...

    def event_links(self, flt: EventFilter) -> tuple[set[str], set[str]]:
        """The actor ids and the article ids (of the evidence) of the selected events."""
        ...

    def relations_among(
        self, actor_ids: Iterable[str], *, since: str | None = None, until: str | None = None
    ) -> list[Relation]:
        """Relations between two of ``actor_ids`` (most sources first, then by id); with
        ``since`` or ``until``, only those the network's relation edges keep under the same
        dates: one last seen before ``since`` or first seen after ``until`` is out, one
        without dates stays."""
        ...

    def relation_payloads(self, actor: str | None = None) -> list[dict[str, Any]]:
        """:meth:`relations` as their stored JSON, decoded (no records built)."""
        ...

    def relation_payloads_among(
        self, actor_ids: Iterable[str], *, since: str | None = None, until: str | None = None
    ) -> list[dict[str, Any]]:
        """:meth:`relations_among` as their stored JSON, decoded (no records built)."""
        ...

    def quotes(self, speaker: str | None = None) -> list[Quote]: ...

    def places(self) -> list[tuple[Place, int]]: ...

    def statistics(
        self,
        actor: str | None = None,
        place: str | None = None,
        counted: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Statistic]:
        """Running and period totals about an actor, a place, counting ``counted`` ("killed",
        "displaced" ...), each when given."""
        ...

    def explanations(self, actor_id: str) -> list[str]: ...

    def actor_of_mention(self, mention: str) -> str | None: ...

    def count(self, kind: str) -> int:
        """How many records of one kind (``articles``, ``events``, ... as in stats)."""
        ...

    def stats(self) -> dict[str, int]: ...

    # whole-corpus views (issue 18): aggregates over the events an EventFilter selects;
    # limit, offset and order of the filter are ignored by the aggregates
    def count_events(self, flt: EventFilter) -> int: ...

    def event_dates(self, flt: EventFilter) -> list[DateCount]:
        """Events and casualties per (date, precision), for histograms."""
        ...

    def event_edges(
        self,
        flt: EventFilter,
        among: Sequence[str] | None = None,
        pairs: Sequence[tuple[str, str]] | None = None,
    ) -> list[EdgeCount]:
        """Events between two different actors, per (source, target, type, negated, modality);
        with ``among``, only those between two of these actors; with ``pairs``, only those
        of one of these (source, target) pairs."""
        ...

    def event_edge_rows(
        self, flt: EventFilter, pairs: Sequence[tuple[str, str]]
    ) -> list[tuple[str, str, str, int, str, int, int]]:
        """:meth:`event_edges` of ``pairs`` as (source, target, type, negated (0 or 1),
        modality, events, sources) tuples, where a key may come in several rows whose
        counts add up (a store that reads them in parts need not sum them: the network
        sums them into its edges)."""
        ...

    def edges_summarised(self, flt: EventFilter) -> bool:
        """Whether the edges under ``flt`` come from a summary, where a few pairs cost less
        to read than all (else every read scans the selected events)."""
        ...

    def event_pair_sources(
        self,
        flt: EventFilter,
        among: Sequence[str] | None = None,
        new: Sequence[str] | None = None,
    ) -> list[tuple[str, str, int]]:
        """The sources of the events of each (source, target) pair of different actors
        (with ``among``, two of these; with ``new`` too, one of them of ``new``), by pair."""
        ...

    def event_degrees(self, flt: EventFilter) -> list[tuple[str, int]]:
        """Per actor (by id), the sources of the events between it and another actor."""
        ...

    def relation_edges(
        self,
        flt: EventFilter,
        among: Sequence[str] | None = None,
        pairs: Sequence[tuple[str, str]] | None = None,
        new: Sequence[str] | None = None,
    ) -> list[EdgeCount]:
        """Stated relations per (source, target, type, negated, modality): how many, and
        their sources (at least one each); with ``among``, only those between two of these
        actors, and with ``new`` too, only those with a side among ``new`` (the actors a
        network's next page adds). Of ``flt`` only the actor, negation, modality, minimum
        sources and the dates count (a relation seen in the date range)."""
        ...

    def relation_degrees(self, flt: EventFilter) -> list[tuple[str, int]]:
        """Per actor (by id), the sources of the relations :meth:`relation_edges` keeps
        that it is a side of (both sides of a relation with itself)."""
        ...

    def event_places(self, flt: EventFilter, by_type: bool = True) -> list[PlaceTotals]:
        """Located events per place (and type), with casualties."""
        ...

    def actor_page(self, order: str, limit: int, offset: int) -> list[Actor]:
        """Actors ordered by ``name``, ``type``, ``country``, ``mentions`` or ``articles``
        (a leading ``-`` reverses), one page."""
        ...

    def incidents(self, flt: IncidentFilter | None = None) -> list[Incident]:
        """Incidents matching ``flt`` in its order; keyset pages with ``after``."""
        ...

    def iter_incidents(
        self, flt: IncidentFilter | None = None, batch: int = 500
    ) -> Iterator[Incident]: ...

    def count_incidents(self, flt: IncidentFilter | None = None) -> int: ...

    def get_incident(self, incident_id: str) -> Incident: ...

    def incident_of_event(self, event_id: str) -> list[tuple[Incident, str]]:
        """The incidents an event is a member of (``member``) or a statement about."""
        ...

    # incremental resolution (issue 16): units and keys, partial picture writes; all but
    # replace_units run inside write_lock()
    def write_lock(self) -> AbstractContextManager[None]: ...

    def units_generation(self) -> int:
        """The documents generation the stored units reflect (-1: none stored)."""
        ...

    def replace_units(
        self,
        units: Sequence[StoredUnit],
        decisions: dict[str, Decision],
        generation: int,
        totals: dict[str, str] | None = None,
        fingerprint: str | None = None,
    ) -> bool: ...

    def adopt_units(self, generation: int, fingerprint: str) -> bool:
        """After a picture write: the stored units become the picture's when a full
        resolution of the same documents and overrides stored them (``replace_units``
        with ``fingerprint``, before its picture)."""
        ...

    def iter_new_document_records(self, after: int, upto: int) -> Iterator[DocumentRecords]:
        """Records of documents generations ``after`` < g <= ``upto``, by article id."""
        ...

    def iter_event_records(self, upto: int) -> Iterator[DocumentRecords]:
        """Records of documents generations <= ``upto`` with events, relation statements,
        quotes and the towns their place mentions name only, by article id."""
        ...

    def mention_actors(self) -> Mapping[str, str]: ...

    def group_actor_ids(self) -> frozenset[str]: ...

    def state_sides(self, onto: Ontology) -> dict[str, str]:
        """State actors that are one side of an incident: actor id -> "state:ISO3"; an
        office holder's entry keeps his terms ("state:ISO3@FROM/TO", see
        :func:`~eventwire.resolve.offices.side_on`; his offices read under ``onto``)."""
        ...

    def replace_actors(
        self, actor_ids: Iterable[str], resolution: Resolution, keep_links: Iterable[str] = ()
    ) -> None:
        """Remove the actors ``actor_ids`` and store ``resolution``'s actors and links;
        the actors ``keep_links`` are rewritten keeping their mention links."""
        ...

    def set_cluster_totals(self, totals: dict[str, str | None]) -> None:
        """Store each actor cluster's totals (JSON), or drop them (None)."""
        ...

    def replace_rest(self, resolution: Resolution) -> None:
        """Replace events, relations, quotes and places whole."""
        ...

    # the stored event mentions (migration 23): what a refresh's events pass reads
    def event_mentions_generation(self) -> int:
        """The picture generation the stored event mentions reflect (-1: none)."""
        ...

    def event_mention_keys(self, article_ids: Sequence[str]) -> set[str]:
        """The grouping keys of the stored event mentions of these articles."""
        ...

    def event_ids_of_keys(self, keys: Iterable[str]) -> set[str]:
        """The events the stored mentions of these grouping keys went to."""
        ...

    def event_mention_links(self) -> Iterator[tuple[str, int, int, str, str, str]]:
        """(article, seq, trigger start, type, key, event id) of every stored mention."""
        ...

    def mention_links(self, actor_ids: Iterable[str]) -> dict[str, str]:
        """The stored mention -> actor links of these actors."""
        ...

    def update_rest(self, resolution: Resolution, change: EventsChange, generation: int) -> None:
        """A refresh's write past the actors: the events ``change`` removed and added,
        the kept events' lines where their incidents changed, the regrouped keys'
        mention rows; incidents, relations, quotes, statistics and places whole."""
        ...

    def set_picture(self, generation: int, fingerprint: str) -> None: ...

    def close(self) -> None: ...

    # views that count incidents, not sentences (store/sql_incident_views.py, migration 10)
    def incident_sums(self, flt: IncidentFilter, by: str) -> list[IncidentSums]:
        """Incidents ``flt`` selects grouped ``by`` one of :data:`INCIDENT_GROUPS`, each
        group with its incidents and their best-supported casualty figures summed (limit,
        offset and order of the filter are ignored)."""
        ...

    def incident_places(self, flt: IncidentFilter, by_type: bool = True) -> list[IncidentPlace]:
        """Located incidents ``flt`` selects per place (and type), with casualties."""
        ...

    def incident_place_articles(self) -> dict[str, int]:
        """Per place id, the distinct articles reporting the incidents located there."""
        ...

    def incident_actor_sums(self, actor_ids: Sequence[str]) -> list[IncidentSums]:
        """Per actor (``key`` is the id): incidents it is a side of, and their casualties."""
        ...

    def incident_actor_sums_under(
        self, flt: IncidentFilter, actor_ids: Sequence[str]
    ) -> list[IncidentSums]:
        """Per actor (``key`` is the id): the incidents ``flt`` selects that it is a side
        of, and their casualties and sources."""
        ...

    def actors_by_incidents(self, order: str, limit: int, offset: int) -> list[Actor]:
        """Actors by their incidents or the killed in them (``incidents``, ``killed``; a
        leading ``-`` puts the most first), then by name and id."""
        ...

    # streamed downloads (issue 18): the selected incidents a page at a time
    def incident_keys(self, flt: IncidentFilter) -> list[tuple[str | None, str]]:
        """(date, id) of the incidents ``flt`` selects, undated first, then by date and id."""
        ...

    def incident_keys_of_events(self, flt: EventFilter) -> list[tuple[str | None, str]]:
        """(date, id) of the incidents with a member among the selected events, undated
        first, then by date and id."""
        ...

    def incidents_by_id(self, ids: Sequence[str]) -> list[Incident]:
        """The incidents of ``ids``, in that order (unknown ids left out)."""
        ...

    # downloads of many records (issue 18): the records of a selection read in batches
    def event_actor_ids(self, flt: EventFilter) -> set[str]:
        """The actors of the events ``flt`` selects: the first part of :meth:`event_links`."""
        ...

    def event_article_ids(self, flt: EventFilter) -> set[str]:
        """The articles of the events ``flt`` selects: the second part of
        :meth:`event_links`."""
        ...

    def actors_by_ids(self, ids: Iterable[str]) -> list[Actor]:
        """The actors of ``ids`` by id (unknown ids left out), read a batch at a time."""
        ...

    def articles_by_ids(self, ids: Iterable[str]) -> list[Article]:
        """The articles of ``ids`` by id (unknown ids left out), read a batch at a time."""
        ...

    def actor_heads(self, ids: Iterable[str] | None = None) -> list[Actor]:
        """The actors of ``ids`` (all when None) by id, read from their columns without
        decoding their JSON: name, type, country, KB id and counts; aliases and roles are
        left empty (what a CSV row names)."""
        ...

    def article_lines(self, ids: Iterable[str] | None = None) -> Iterator[str]:
        """The JSON Lines records (no newline) of the articles of ``ids`` (all when None)
        by id, made from their rows (no Article decoded): the bytes of the JSON Lines
        writer's article records."""
        ...

    def actor_lines(self, ids: Iterable[str] | None = None) -> Iterator[str]:
        """The JSON Lines records (no newline) of the actors of ``ids`` by id (all when
        None, in :meth:`actors`' order), made from their stored JSON (no Actor decoded):
        the bytes of the JSON Lines writer's actor records."""
        ...

    def article_outlets(self, ids: Iterable[str]) -> dict[str, str | None]:
        """The outlet of each article of ``ids`` (unknown ids left out), read a batch at
        a time without the articles' text (what a CSV row names)."""
        ...

    def quotes_of_articles(self, article_ids: Iterable[str]) -> list[Quote]:
        """The quotes of these articles, in the order of :meth:`quotes`."""
        ...

    def quote_lines(
        self, speaker: str | None = None, article_ids: Iterable[str] | None = None
    ) -> list[QuoteLine]:
        """The JSON Lines records (no newline) of :meth:`quotes` (of ``speaker``), or of
        :meth:`quotes_of_articles` when ``article_ids`` are given, in the same order, as
        stored with each quote (migration 29), each with its article and speaker."""
        ...

    def relation_lines(self, actor: str | None = None, min_sources: int = 1) -> list[str]:
        """The JSON Lines records (no newline) of :meth:`relation_payloads` with at least
        ``min_sources`` sources, in their order, as stored with each relation."""
        ...

    def relation_lines_among(
        self,
        actor_ids: Iterable[str],
        min_sources: int = 1,
        *,
        since: str | None = None,
        until: str | None = None,
    ) -> list[str]:
        """:meth:`relation_lines` of :meth:`relation_payloads_among`."""
        ...

    def iter_relation_lines_among(
        self,
        actor_ids: Iterable[str],
        min_sources: int = 1,
        *,
        since: str | None = None,
        until: str | None = None,
    ) -> Iterator[str]:
        """:meth:`relation_lines_among` read a batch at a time, never all held at once."""
        ...

    def event_lines(self, flt: EventFilter | None = None) -> list[EventLine]:
        """:meth:`events` as their JSON Lines records (no newline), in the same order, as
        stored with each event, with the keys a keyset page and a place count need."""
        ...

    def event_locations(self, event_ids: Iterable[str]) -> dict[str, Place]:
        """The places of these events, as each event carries it, by event id."""
        ...

    def incident_lines(self, flt: IncidentFilter | None = None) -> list[IncidentLine]:
        """:meth:`incidents` as their JSON Lines records (no newline), in the same order,
        as stored with each incident, with their keyset keys."""
        ...

    def incident_lines_by_id(self, ids: Sequence[str]) -> list[IncidentLine]:
        """The JSON Lines records of :meth:`incidents_by_id`, in the same order."""
        ...

    def event_keys(self, flt: EventFilter) -> list[tuple[str | None, str]]:
        """(date, id) of the events ``flt`` selects, in no particular order (no row read
        where an index covers the filter)."""
        ...

    def event_lines_by_id(self, ids: Sequence[str]) -> list[EventLine]:
        """The JSON Lines records of the events of ``ids``, in that order, as
        :meth:`event_lines` gives them."""
        ...

    def event_addresses(self, flt: EventFilter) -> list[tuple[str | None, str, Any]]:
        """:meth:`event_keys`, each with the address its row is read back by (the
        backend's own, else the id)."""
        ...

    def event_lines_at(self, addresses: Sequence[Any]) -> list[EventLine]:
        """:meth:`event_lines_by_id` of the events at ``addresses``
        (:meth:`event_addresses`), in that order."""
        ...

    def actor_degrees(self, flt: EventFilter, relations: bool) -> list[tuple[str, int]]:
        """:meth:`event_degrees` plus, when ``relations``, :meth:`relation_degrees`,
        summed by actor, in actor order (what the network ranks its actors by)."""
        ...

    def event_incidents(self, event_ids: Iterable[str]) -> dict[str, list[str]]:
        """The ids of the incidents each of ``event_ids`` is a member of (in id order), by
        event id; events of no incident are left out (an event record's ``incidents``)."""
        ...


# how incident_sums groups: name -> the columns of each group's key
INCIDENT_GROUPS = {
    "all": (),
    "date": ("date", "date_precision"),
    "type": ("type",),
    "place": ("place_id",),
}


@dataclass(frozen=True)
class IncidentSums:
    """Incidents of one group (a date and precision, a type, a place, an actor) and the
    best-supported figure of each summed over the incidents: one incident's reports are
    never summed (its figure is the best supported), so this counts what happened."""

    key: tuple[str | None, ...]
    incidents: int
    killed: int
    wounded: int
    displaced: int
    sources: int = 0  # each incident's reporting articles, summed over the incidents


@dataclass(frozen=True)
class IncidentPlace:
    """Located incidents at one place (of one type when grouped by type)."""

    place: Place
    type: str | None
    incidents: int
    killed: int
    wounded: int
    displaced: int
    sources: int = 0  # each incident's reporting articles, summed over the incidents


class EventLine(NamedTuple):
    """An event's export line (its JSON Lines record) with its keyset key and place."""

    id: str
    date: str | None
    place_id: str | None
    line: str


class QuoteLine(NamedTuple):
    """A quote's export line (its JSON Lines record) with what a download selects it by."""

    article_id: str
    speaker: str | None
    line: str


class IncidentLine(NamedTuple):
    """An incident's export line (its JSON Lines record) with its keyset key and place."""

    id: str
    date: str | None
    line: str
    place_id: str | None = None
