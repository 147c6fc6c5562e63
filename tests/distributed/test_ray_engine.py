"""The Ray engine maps the same per-document function: same store as the local engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.export import export_records
from eventwire.pipeline import ingest, refresh
from eventwire.store.sqlite import SQLiteStore

pytest.importorskip("ray")


def write_corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    towns = ["Derna", "Sirte", "Misrata", "Benghazi"]
    for i in range(n):
        (folder / f"{i:02d}.txt").write_text(
            f"Report {i}\n\nMonday 0{1 + i % 9}/05/2017\nFighters entered {towns[i % 4]}. "
            f"Khalifa Haftar and Egypt denied that {i + 2} people fled.\n"
        )
    return folder


def built(corpus: Path, settings: Settings) -> list[str]:
    with SQLiteStore(settings.db) as store:
        report = ingest([corpus], store, settings)
        assert (report.ingested, report.failed) == (10, 0)
        refresh(store, settings)
        return sorted(json.dumps(r, sort_keys=True) for r in export_records(store))


@pytest.mark.ray
def test_ray_engine_gives_the_store_of_the_local_engine(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 10)
    common = dict(model="blank", batch_size=3, workers=2)
    local = built(corpus, Settings(db=str(tmp_path / "local.db"), **common))  # type: ignore[arg-type]
    on_ray = built(corpus, Settings(db=str(tmp_path / "ray.db"), engine="ray", **common))  # type: ignore[arg-type]
    assert any('"kind": "actor"' in r for r in local)
    assert on_ray == local
