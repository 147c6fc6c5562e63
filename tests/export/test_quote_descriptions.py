"""A quote's unnamed-speaker description in the exports: a JSONL field the schema
requires (null for a named speaker), a Parquet column, and nothing else changed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq
import pytest

from eventwire.export import export, export_records
from eventwire.model import Article, DocumentRecords, Quote, Resolution
from eventwire.schema import validate_record
from eventwire.store.sqlite import SQLiteStore

TEXT = '"The well is dry," medics at the clinic said. "We stay," Ama Diallo said.'
ARTICLE = Article(id="art_1", text=TEXT, title="T", published="2021-05-02")
QUOTES = (
    Quote("quote_a", "The well is dry,", "art_1", TEXT[:45], 1, 17,
          speaker_description="medics at the clinic"),
    Quote("quote_b", "We stay,", "art_1", TEXT[46:], 47, 55),
)  # fmt: skip


@pytest.fixture
def described(memory_store: SQLiteStore) -> SQLiteStore:
    memory_store.add_documents([(ARTICLE, DocumentRecords("art_1"))])
    memory_store.replace_resolution(Resolution(quotes=QUOTES))
    return memory_store


def _quote_records(store: SQLiteStore) -> list[dict[str, object]]:
    return [r for r in export_records(store) if r["kind"] == "quote"]


def test_jsonl_carries_the_description_and_the_schema_requires_it(described: SQLiteStore) -> None:
    records = _quote_records(described)
    assert [r["speaker_description"] for r in records] == ["medics at the clinic", None]
    for record in records:
        validate_record(record)
    missing = dict(records[0])
    del missing["speaker_description"]
    with pytest.raises(jsonschema.ValidationError):
        validate_record(missing)
    with pytest.raises(jsonschema.ValidationError):
        validate_record({**records[0], "speaker_description": 3})


def test_jsonl_lines_gain_only_the_new_field(described: SQLiteStore) -> None:
    out = io.StringIO()
    export(described, "jsonl", out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    quote = next(r for r in lines if r["id"] == "quote_b")
    assert list(quote) == [
        "kind", "id", "text", "article_id", "sentence", "char_start", "char_end", "speaker",
        "speaker_description",
    ]  # fmt: skip


def test_parquet_has_the_description_column(described: SQLiteStore, tmp_path: Path) -> None:
    export(described, "parquet", tmp_path / "pq")
    rows = pq.read_table(tmp_path / "pq" / "quotes.parquet").to_pylist()
    assert [r["speaker_description"] for r in rows] == ["medics at the clinic", None]
