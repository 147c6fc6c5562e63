"""The SQL both backends share: every query and write, with small dialect hooks.

Queries are written once with ``?`` placeholders in the SQL that SQLite and
PostgreSQL both accept; a backend supplies the connection, the placeholder style,
the store-level write lock, bulk inserts (``executemany`` or ``COPY``) and the
translation of its driver's errors. New read queries belong in the mixin of their
noun below, not in a backend.
Orders name where NULL goes (``NULLS FIRST``/``NULLS LAST``, SQLite's own placement)
so both backends list rows in the same order.

:class:`SQLStore` is its mixins, one module each: the connection layer they stand on
(``sql_base.py``: hooks, state, many keys or statements at once), the events a filter
selects (``sql_selection.py``), documents, the picture's write, actors, events, the
incidents of events, relations, quotes, the views' counts, the network's edges and its
degrees (``sql_documents.py``, ``sql_picture.py``, ``sql_actors.py``, ``sql_events.py``,
``sql_event_incidents.py``, ``sql_relations.py``, ``sql_quotes.py``, ``sql_counts.py``,
``sql_network.py``, ``sql_degrees.py``), and those of incidents, statistics, units,
event mentions and pair tails.

The whole-store views (timeline, map, network, indexes) read summary tables written
with the resolution (:data:`~eventwire.store.sql_summaries.SUMMARIES`: events per date,
per place, per actor pair, each split by type, ACLED type, modality and negation)
whenever the filter names only what a summary keeps (``sql_plans.py``); any other
filter (an actor, sources, fatalities, a box, ...) reads ``events`` itself, so a
narrowed view is always exact.

Concurrency: every write runs in :meth:`SQLStore._writing`, a transaction holding
the store-level write lock, and moves the ``documents`` generation (stored articles)
or the ``picture`` generation (the documents the resolved picture reflects) in the
same transaction, so readers see the last complete picture and a writer can tell
whether the picture it computed is still the newest (see ``pipeline.refresh``).
"""

from __future__ import annotations

from eventwire.store.sql_actors import ActorsSQL
from eventwire.store.sql_base import CHUNK, as_json
from eventwire.store.sql_counts import CountsSQL
from eventwire.store.sql_degrees import DegreesSQL
from eventwire.store.sql_documents import ARTICLE_COLUMNS, DocumentsSQL
from eventwire.store.sql_event_incidents import EventIncidentsSQL
from eventwire.store.sql_event_mentions import EventMentionsSQL
from eventwire.store.sql_events import ORDER_SQL, EventsSQL
from eventwire.store.sql_incident_views import IncidentViewsSQL
from eventwire.store.sql_network import PAIR_CHUNK, NetworkSQL
from eventwire.store.sql_pair_tails import PairTailsSQL
from eventwire.store.sql_picture import PICTURE_TABLES, PictureSQL
from eventwire.store.sql_quotes import QuotesSQL
from eventwire.store.sql_relations import RelationsSQL
from eventwire.store.sql_statistics import StatisticsSQL
from eventwire.store.sql_summaries import SOURCES_FLOOR, SUMMARIES
from eventwire.store.sql_units import UnitsSQL

# the names callers have imported from here, each defined in the module of its noun
__all__ = [
    "ARTICLE_COLUMNS",
    "CHUNK",
    "ORDER_SQL",
    "PAIR_CHUNK",
    "PICTURE_TABLES",
    "SOURCES_FLOOR",
    "SUMMARIES",
    "SQLStore",
    "as_json",
]


class SQLStore(
    DocumentsSQL,
    PictureSQL,
    ActorsSQL,
    EventsSQL,
    EventIncidentsSQL,
    RelationsSQL,
    QuotesSQL,
    CountsSQL,
    NetworkSQL,
    DegreesSQL,
    IncidentViewsSQL,
    StatisticsSQL,
    UnitsSQL,
    EventMentionsSQL,
    PairTailsSQL,
):
    """A :class:`~eventwire.store.base.Store` over a DB-API connection; see the module doc.

    The mixins of this module's nouns come first: their connection layer
    (:class:`~eventwire.store.sql_base.SQLBase`) then stands before the placeholders
    the older mixins declare for the same helpers."""
