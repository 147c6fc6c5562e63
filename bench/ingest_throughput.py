"""Ingest throughput (articles/s) with 1 and 2 workers, against spaCy's own nlp.pipe.

Usage: python bench/ingest_throughput.py [CORPUS_DIR ...] [--repeat N] [--only PART] [--runs N]
Three parts, each printing eventwire's figure beside nlp.pipe's on the same texts:

* ``corpus``: examples/corpus, plus ../shared/corpus/libya-seeds when present, repeated
  (each copy made unique) to get a measurable amount of work; 1 and 2 workers.
* ``real``: a fixed sample of 120 Timeline17 news articles of 1,000-20,000 characters
  (../shared/eval/timeline17_conflict, when present); 1 worker. Goal: ratio >= 0.85.
* ``length``: one article of 12.5k, 50k, 100k and 200k characters made by joining real
  articles; eventwire's time over nlp.pipe's. Goal: <= 1.5 at every length (time linear
  in the article's length, as the model's is).

The ``nlp.pipe`` baseline is the model package as shipped (``module.load()``: all its
components, spaCy's attribute ruler and lemmatizer among them) with the same batch size
(32) as eventwire's parse; eventwire parses with its own pipeline (``eventwire.nlp``),
whose token attributes come from a table (``TokenAttributes``) giving the same Doc.

Each ratio is printed twice: by wall-clock time, and by this process's CPU time, which
another program's load on a shared machine moves much less (the wall-clock ratio can
move by a tenth from run to run there). ``--runs N`` repeats ``real`` and ``length`` and
prints each run's ratios and their medians; runs after the first reuse what the first
left in this process's caches (the gazetteer's answers, the token table of
``eventwire.nlp``) from the same texts, so the first run is the cold figure.

Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import importlib
import json
import statistics
import tempfile
import time
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from eventwire.config import Settings
from eventwire.ingest import read_sources
from eventwire.ingest.base import make_article
from eventwire.model import Article
from eventwire.nlp import model_name
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


def clock() -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of this process)."""
    return time.perf_counter(), time.process_time()


def since(start: tuple[float, float]) -> tuple[float, float]:
    now = clock()
    return now[0] - start[0], now[1] - start[1]


@lru_cache(maxsize=1)
def shipped_model() -> Language:
    """The model package as shipped, with every component it loads: the baseline."""
    model: Language = importlib.import_module(model_name(Settings())).load()
    print(f"nlp.pipe baseline: {model_name(Settings())} as shipped, {', '.join(model.pipe_names)}")
    return model


def pipe_seconds(texts: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of spaCy's nlp.pipe alone over ``texts``."""
    nlp = shipped_model()
    list(nlp.pipe(["A warm-up sentence about shelling in Sirte."]))
    start = clock()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return since(start)


def mean(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return (a[0] + b[0]) / 2, (a[1] + b[1]) / 2


def bench_real() -> tuple[float, float] | None:
    """(wall, CPU) ratio of eventwire's ingest rate to nlp.pipe's on the real sample."""
    if not TIMELINE17.exists():
        print("real: skipped (no Timeline17 sample under ../shared/eval)")
        return None
    texts = timeline17_texts()
    print(f"real: {len(texts)} Timeline17 articles, {sum(map(len, texts))} characters")
    # nlp.pipe before and after eventwire, averaged: the machine's load drifts
    first = pipe_seconds(texts)
    settings = Settings(db=":memory:", workers=1)
    # loaded before timing, as nlp.pipe's model is: the KB, gazetteer and word lists
    warm = clock()
    process_articles(as_articles(["A warm-up article about shelling in Sirte."], settings),
                     settings)  # fmt: skip
    print(f"eventwire's resources loaded and warmed in {since(warm)[1]:.2f} CPU s (not timed)")
    with SQLiteStore(":memory:") as store:
        start = clock()
        ingest_articles(as_articles(texts, settings), store, settings)
        ours = since(start)
    pipe = mean(first, pipe_seconds(texts))
    n = len(texts)
    wall, cpu = pipe[0] / ours[0], pipe[1] / ours[1]
    print(f"spaCy nlp.pipe alone        : {n / pipe[0]:7.2f} articles/s "
          f"({n / pipe[1]:.2f} per CPU second)")  # fmt: skip
    print(f"eventwire ingest, 1 worker : {n / ours[0]:7.2f} articles/s "
          f"({n / ours[1]:.2f} per CPU second)")  # fmt: skip
    print(f"ratio to nlp.pipe: {wall:.2f} wall-clock, {cpu:.2f} CPU (goal >= 0.85)")
    return wall, cpu


def bench_length(lengths: tuple[int, ...] = LENGTHS) -> dict[int, tuple[float, float]]:
    """(wall, CPU) ratio of eventwire's time to nlp.pipe's for one article per length."""
    if not TIMELINE17.exists():
        print("length: skipped (no Timeline17 sample under ../shared/eval)")
        return {}
    joined = "\n\n".join(json.loads(line)["text"] for line in TIMELINE17.open(encoding="utf-8"))
    settings = Settings()
    process_articles(as_articles(["A warm-up article about shelling in Sirte."], settings),
                     settings)  # fmt: skip
    print("length: one article made by joining Timeline17 articles")
    ratios = {}
    for n in lengths:
        text = joined[:n]
        first = pipe_seconds([text])
        start = clock()
        process_articles(as_articles([text], settings), settings)
        took = since(start)
        base = mean(first, pipe_seconds([text]))  # before and after: the load drifts
        ratios[n] = took[0] / base[0], took[1] / base[1]
        print(f"  {n:>7} characters: nlp.pipe {base[0]:6.2f} s, eventwire {took[0]:6.2f} s, "
              f"ratio {ratios[n][0]:.2f} wall-clock, {ratios[n][1]:.2f} CPU "
              "(goal <= 1.5)")  # fmt: skip
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=6)
    parser.add_argument("--only", choices=("corpus", "real", "length"))
    parser.add_argument("--lengths", type=int, nargs="+", default=list(LENGTHS))
    parser.add_argument("--runs", type=int, default=1, help="repeat real and length")
    args = parser.parse_args()
    if args.only in (None, "real"):
        real = [r for _ in range(args.runs) if (r := bench_real()) is not None]
        if len(real) > 1:
            summary("real", real)
    if args.only in (None, "length"):
        runs = [bench_length(tuple(args.lengths)) for _ in range(args.runs)]
        for n in args.lengths if len(runs) > 1 and runs[0] else ():
            summary(f"length {n}", [r[n] for r in runs])
    if args.only in (None, "corpus"):
        bench_corpus(args.paths, args.repeat)


def summary(label: str, ratios: list[tuple[float, float]]) -> None:
    for name, k in (("wall-clock", 0), ("CPU", 1)):
        each = [r[k] for r in ratios]
        print(f"{label}: {name} ratio per run {', '.join(f'{r:.2f}' for r in each)}; "
              f"median {statistics.median(each):.2f}")  # fmt: skip


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

    nlp = shipped_model()
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
