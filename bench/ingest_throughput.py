"""Ingest throughput (articles/s) with 1 and 2 workers, against spaCy's own nlp.pipe.

Usage: python bench/ingest_throughput.py [CORPUS_DIR ...] [--repeat N] [--only PART]
Three parts, each printing eventwire's figure beside nlp.pipe's on the same texts:

* ``corpus``: examples/corpus, plus ../shared/corpus/libya-seeds when present, repeated
  (each copy made unique) to get a measurable amount of work; 1 and 2 workers.
* ``real``: a fixed sample of 120 Timeline17 news articles of 1,000-20,000 characters
  (../shared/eval/timeline17_conflict, when present); 1 worker. Goal: ratio >= 0.85.
* ``length``: one article of 12.5k, 50k, 100k and 200k characters made by joining real
  articles; eventwire's time over nlp.pipe's. Goal: <= 1.5 at every length (time linear
  in the article's length, as the model's is).

Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from eventwire.config import Settings
from eventwire.ingest import read_sources
from eventwire.ingest.base import make_article
from eventwire.model import Article
from eventwire.nlp import build_pipeline
from eventwire.pipeline import ingest, ingest_articles, process_articles, rebuild
from eventwire.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
TIMELINE17 = ROOT.parent / "shared" / "eval" / "timeline17_conflict" / "articles.jsonl"
SAMPLE = 120
LENGTHS = (12_500, 50_000, 100_000, 200_000)


def load_articles(paths: list[Path], repeat: int) -> list[Article]:
    base = [a for a in read_sources(paths, Settings()) if isinstance(a, Article)]
    out = []
    for i in range(repeat):
        out += [replace(a, text=f"{a.text}\n\nCopy {i}.") for a in base]
    return out


def write(articles: list[Article], folder: Path) -> None:
    for i, a in enumerate(articles):
        (folder / f"{i:05d}.txt").write_text(a.text, encoding="utf-8")


def timeline17_texts() -> list[str]:
    """The fixed sample: articles of 1,000-20,000 characters, every k-th in file order."""
    rows = [json.loads(line) for line in TIMELINE17.read_text("utf-8").splitlines() if line]
    texts = [r["text"] for r in rows if 1_000 <= len(r["text"]) <= 20_000]
    step = max(len(texts) // SAMPLE, 1)
    return texts[::step][:SAMPLE]


def as_articles(texts: list[str], settings: Settings) -> list[Article]:
    return [make_article(path=Path(f"{i:05d}.txt"), text=t, settings=settings)
            for i, t in enumerate(texts)]  # fmt: skip


def pipe_seconds(texts: list[str]) -> float:
    nlp = build_pipeline(Settings())
    list(nlp.pipe(["A warm-up sentence about shelling in Sirte."]))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start


def bench_real() -> None:
    if not TIMELINE17.exists():
        print("real: skipped (no Timeline17 sample under ../shared/eval)")
        return
    texts = timeline17_texts()
    print(f"real: {len(texts)} Timeline17 articles, {sum(map(len, texts))} characters")
    # nlp.pipe before and after eventwire, averaged: the machine's load drifts
    first = pipe_seconds(texts)
    settings = Settings(db=":memory:", workers=1)
    with SQLiteStore(":memory:") as store:
        start = time.perf_counter()
        ingest_articles(as_articles(texts, settings), store, settings)
        rate = len(texts) / (time.perf_counter() - start)
    base = 2 * len(texts) / (first + pipe_seconds(texts))
    print(f"spaCy nlp.pipe alone        : {base:7.2f} articles/s")
    print(f"eventwire ingest, 1 worker : {rate:7.2f} articles/s  (ratio to nlp.pipe "
          f"{rate / base:.2f}; goal >= 0.85)")  # fmt: skip


def bench_length(lengths: tuple[int, ...] = LENGTHS) -> None:
    if not TIMELINE17.exists():
        print("length: skipped (no Timeline17 sample under ../shared/eval)")
        return
    joined = "\n\n".join(json.loads(line)["text"] for line in TIMELINE17.open(encoding="utf-8"))
    settings = Settings()
    process_articles(as_articles(["A warm-up article about shelling in Sirte."], settings),
                     settings)  # fmt: skip
    print("length: one article made by joining Timeline17 articles")
    for n in lengths:
        text = joined[:n]
        first = pipe_seconds([text])
        start = time.perf_counter()
        process_articles(as_articles([text], settings), settings)
        took = time.perf_counter() - start
        base = (first + pipe_seconds([text])) / 2  # before and after: the load drifts
        print(f"  {n:>7} characters: nlp.pipe {base:6.2f} s, eventwire {took:6.2f} s, "
              f"ratio {took / base:.2f} (goal <= 1.5)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=6)
    parser.add_argument("--only", choices=("corpus", "real", "length"))
    parser.add_argument("--lengths", type=int, nargs="+", default=list(LENGTHS))
    args = parser.parse_args()
    if args.only in (None, "real"):
        bench_real()
    if args.only in (None, "length"):
        bench_length(tuple(args.lengths))
    if args.only in (None, "corpus"):
        bench_corpus(args.paths, args.repeat)


def bench_corpus(given: list[Path], repeat: int) -> None:
    paths = given or [
        p
        for p in (ROOT / "examples" / "corpus", ROOT.parent / "shared" / "corpus" / "libya-seeds")
        if p.exists()
    ]
    articles = load_articles(paths, repeat)
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
