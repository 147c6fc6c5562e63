"""A server plans the summaries read from other summaries by their statistics: each
summary is analysed as soon as it is written (in the resolution's transaction), so a
store filled in that transaction is not planned as if its tables were empty (the pair
tails were joined by a nested loop: over 8 minutes at 100,000 events, 8 s analysed)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.views.test_actor_roles import EVENTS

from eventwire.model import Resolution
from eventwire.store.sql_summaries import SUMMARIES


@pytest.mark.postgres
def test_every_summary_has_statistics_once_written(
    new_postgres_database: Callable[[], str],
) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as s:
        s.replace_resolution(Resolution(events=tuple(EVENTS)))
        rows = s._all(
            "SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' AND relname = ANY(?)",
            [list(SUMMARIES)],
        )
        assert {r[0] for r in rows} == set(SUMMARIES)
        # never analysed: -1; analysed: the rows counted (none left unknown)
        assert [r[0] for r in rows if r[1] < 0] == [], rows
