"""The main job on the bundled sample: ingest, rebuild, export, summarise."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eventwire.config import Settings
from eventwire.export import export
from eventwire.pipeline import ingest, refresh
from eventwire.store import open_store


@dataclass
class DemoSummary:
    store: str
    export: str
    counts: dict[str, int]
    failures: list[str] = field(default_factory=list)


def run_demo(corpus: Path, settings: Settings, output: Path) -> DemoSummary:
    store = open_store(settings)
    try:
        report = ingest([corpus], store, settings)
        refresh(store, settings)
        export(store, "jsonl", output)
        counts = store.stats()
    finally:
        store.close()
    return DemoSummary(
        store=str(Path(settings.db).resolve()),
        export=str(output.resolve()),
        counts=counts,
        failures=[str(f) for f in report.failures],
    )
