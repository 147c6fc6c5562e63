"""The SQL both backends share: every query and write, with small dialect hooks.

Queries are written once with ``?`` placeholders in the SQL that SQLite and
PostgreSQL both accept; a backend supplies the connection, the placeholder style,
the store-level write lock, bulk inserts (``executemany`` or ``COPY``) and the
translation of its driver's errors. New read queries belong here, not in a backend.
Orders name where NULL goes (``NULLS FIRST``/``NULLS LAST``, SQLite's own placement)
so both backends list rows in the same order.

The whole-store views (timeline, map, network, indexes) read summary tables written
with the resolution (:data:`SUMMARIES`: events per date, per place, per actor pair,
each split by type, ACLED type, modality and negation) whenever the filter names only
what a summary keeps; any other filter (an actor, sources, fatalities, a box, ...)
reads ``events`` itself, so a narrowed view is always exact.

Concurrency: every write runs in :meth:`SQLStore._writing`, a transaction holding
the store-level write lock, and moves the ``documents`` generation (stored articles)
or the ``picture`` generation (the documents the resolved picture reflects) in the
same transaction, so readers see the last complete picture and a writer can tell
whether the picture it computed is still the newest (see ``pipeline.refresh``).
"""

from __future__ import annotations

from eventwire.store.sql_actors import ActorsSQL
from eventwire.store.sql_counts import CountsSQL
from eventwire.store.sql_documents import (
    DocumentsSQL,
)
from eventwire.store.sql_event_incidents import EventIncidentsSQL
from eventwire.store.sql_event_mentions import EventMentionsSQL
from eventwire.store.sql_events import EventsSQL
from eventwire.store.sql_incident_views import IncidentViewsSQL
from eventwire.store.sql_network import NetworkSQL
from eventwire.store.sql_pair_tails import (
    PairTailsSQL,
)
from eventwire.store.sql_picture import PictureSQL
from eventwire.store.sql_quotes import QuotesSQL
from eventwire.store.sql_relations import RelationsSQL
from eventwire.store.sql_statistics import StatisticsSQL
from eventwire.store.sql_units import (
    UnitsSQL,
)


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
    IncidentViewsSQL,
    StatisticsSQL,
    UnitsSQL,
    EventMentionsSQL,
    PairTailsSQL,
):
    """A :class:`~eventwire.store.base.Store` over a DB-API connection; see the module doc."""
