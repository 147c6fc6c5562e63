"""Ingest throughput (articles/s) with 1 and 2 workers, against spaCy's own nlp.pipe.

Usage: python bench/ingest_throughput.py [CORPUS_DIR ...] [--repeat N]
Default corpus: examples/corpus, plus ../shared/corpus/libya-seeds when present. The texts
are repeated (each copy made unique) to get a measurable amount of work. Prints figures;
asserts nothing about time.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from eventwire.config import Settings
from eventwire.ingest import read_sources
from eventwire.model import Article
from eventwire.nlp import build_pipeline
from eventwire.pipeline import ingest, rebuild
from eventwire.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]


def load_articles(paths: list[Path], repeat: int) -> list[Article]:
    base = [a for a in read_sources(paths, Settings()) if isinstance(a, Article)]
    out = []
    for i in range(repeat):
        out += [replace(a, text=f"{a.text}\n\nCopy {i}.") for a in base]
    return out


def write(articles: list[Article], folder: Path) -> None:
    for i, a in enumerate(articles):
        (folder / f"{i:05d}.txt").write_text(a.text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=6)
    args = parser.parse_args()
    paths = args.paths or [
        p
        for p in (ROOT / "examples" / "corpus", ROOT.parent / "shared" / "corpus" / "libya-seeds")
        if p.exists()
    ]
    articles = load_articles(paths, args.repeat)
    n = len(articles)
    chars = sum(len(a.text) for a in articles)
    print(f"corpus: {n} articles, {chars} characters")

    nlp = build_pipeline(Settings())
    start = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=32):
        pass
    base = n / (time.perf_counter() - start)
    print(f"spaCy nlp.pipe alone        : {base:7.2f} articles/s")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        write(articles, folder)
        for workers in (1, 2):
            settings = Settings(db=str(Path(tmp) / f"w{workers}.db"), workers=workers)
            with SQLiteStore(settings.db) as store:
                start = time.perf_counter()
                ingest([folder], store, settings)
                mid = time.perf_counter()
                rebuild(store, settings)
                end = time.perf_counter()
            rate = n / (mid - start)
            print(
                f"eventwire ingest, {workers} worker{'s' if workers > 1 else ' '}: {rate:7.2f} articles/s"
                f"  (ratio to nlp.pipe {rate / base:.2f}; rebuild {end - mid:.2f} s)"
            )


if __name__ == "__main__":
    main()
