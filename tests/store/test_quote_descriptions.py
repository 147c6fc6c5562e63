"""A quote's unnamed-speaker description through the store, on every backend: written and
read back, and absent (None) on quotes stored before the column existed."""

from __future__ import annotations

import sqlite3

from eventwire.config import Settings
from eventwire.model import Quote, Resolution
from eventwire.store import open_store
from eventwire.store.dialects import postgres_script, sqlite_script
from eventwire.store.migrations import MIGRATIONS

SENTENCE = '"The road was shelled all night," a witness in Kabala said.'
DESCRIBED = Quote(
    id="quote_a",
    text="The road was shelled all night,",
    article_id="art_1",
    sentence=SENTENCE,
    char_start=1,
    char_end=32,
    speaker_description="witness in Kabala",
)
NAMED = Quote(
    id="quote_b",
    text="We hold the bridge",
    article_id="art_2",
    sentence='"We hold the bridge," Colonel Ama Diallo said.',
    char_start=1,
    char_end=19,
    speaker="actor_diallo",
)
# the migration that adds the column (numbered from 1 in migrations.py)
DESCRIPTION_MIGRATION = 15


def test_quote_descriptions_are_written_and_read(store_url: str) -> None:
    with open_store(Settings(db=store_url)) as store:
        store.replace_resolution(Resolution(quotes=(DESCRIBED, NAMED)))
        assert store.quotes() == [DESCRIBED, NAMED]
        assert store.quotes(speaker="actor_diallo") == [NAMED]
        assert store.quotes_of_articles(["art_1"]) == [DESCRIBED]


def _old_row() -> tuple[object, ...]:
    q = DESCRIBED
    return (q.id, None, q.article_id, q.text, q.sentence, q.char_start, q.char_end)


def _store_before_migration(store_url: str) -> None:
    """A store at the schema just before the description column, holding one quote."""
    before = MIGRATIONS[: DESCRIPTION_MIGRATION - 1]
    columns = "id, speaker, article_id, text, sentence, char_start, char_end"
    if "://" not in store_url:
        conn = sqlite3.connect(store_url)
        for script in before:
            conn.executescript(sqlite_script(script))
        conn.execute(f"PRAGMA user_version = {len(before)}")
        conn.execute(f"INSERT INTO quotes ({columns}) VALUES ({','.join('?' * 7)})", _old_row())
        conn.commit()
        conn.close()
        return
    import psycopg

    with psycopg.connect(store_url, autocommit=True) as pg:
        pg.execute("CREATE TABLE schema_version (version INTEGER)")
        pg.execute(f"INSERT INTO schema_version VALUES ({len(before)})".encode())
        for script in before:
            pg.execute(postgres_script(script).encode())
        pg.execute(
            f"INSERT INTO quotes ({columns}) VALUES ({','.join(['%s'] * 7)})".encode(),
            _old_row(),
        )


def test_a_quote_stored_before_the_migration_has_no_description(store_url: str) -> None:
    assert (
        MIGRATIONS[DESCRIPTION_MIGRATION - 1]
        .strip()
        .startswith("ALTER TABLE quotes ADD COLUMN speaker_description")
    )
    _store_before_migration(store_url)
    with open_store(Settings(db=store_url)) as store:
        assert store.schema_version == len(MIGRATIONS)
        (quote,) = store.quotes()
    assert quote.speaker_description is None
    assert quote.speaker is None and quote.text == DESCRIBED.text
