"""A place's articles (the place index's Articles column) as the incident write counts
them (the articles of each incident's own sentences) and as migration 20 filled them on
an older store (the articles of the sentences of each incident's member events) agree on
a store the pipeline builds from reports we wrote, through the real model."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.pipeline import ingest, rebuild
from eventwire.store.migrations import MIGRATIONS
from eventwire.store.sqlite import SQLiteStore

pytestmark = pytest.mark.slow

REPORTS = Path(__file__).parents[1] / "data" / "incidents"


def _migration_20_counts(s: SQLiteStore) -> dict[str, int]:
    """The place articles as migration 20 counts them (its last statement's query)."""
    fill = MIGRATIONS[19].split(";")[-1]
    query = fill[fill.index("SELECT") :]
    return {str(r[0]): int(r[1]) for r in s._all(query)}


def test_the_write_and_migration_20_count_the_same_articles(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "reports.db"))
    with SQLiteStore(settings.db) as s:
        ingest([REPORTS / "reports.jsonl", REPORTS / "reports_where.jsonl"], s, settings)
        rebuild(s, settings)
        written = s.incident_place_articles()
        assert len(written) >= 5 and any(n > 1 for n in written.values())
        assert written == _migration_20_counts(s)
