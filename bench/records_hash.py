"""Hash the extraction records of a fixed set of articles, to show a speed-up changed nothing.

Usage: python bench/records_hash.py [--profile N]

Extracts the 120 Timeline17 articles of ``ingest_throughput.py``'s real sample (when
../shared/eval is present), examples/corpus and ../shared/corpus/libya-seeds (when
present), and prints one SHA-256 per set over the records as sorted JSON. Run before and
after a change: equal hashes mean byte-identical records. ``--profile N`` also prints the
N eventwire functions with the most cumulative CPU time of the extraction (cProfile;
the model's parse is included); ``--dump FILE`` keeps the whole profile.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pstats
from pathlib import Path

from ingest_throughput import ROOT, TIMELINE17, as_articles, timeline17_texts

from eventwire.config import Settings
from eventwire.ingest import read_sources
from eventwire.model import Article, to_dict
from eventwire.pipeline import process_articles

SEEDS = ROOT.parent / "shared" / "corpus" / "libya-seeds"


def article_sets(settings: Settings) -> dict[str, list[Article]]:
    sets = {}
    if TIMELINE17.exists():
        sets["timeline17"] = as_articles(timeline17_texts(), settings)
    for name, folder in (("examples", ROOT / "examples" / "corpus"), ("seeds", SEEDS)):
        if folder.exists():
            sets[name] = [a for a in read_sources([folder], settings) if isinstance(a, Article)]
    return sets


def digest(articles: list[Article], settings: Settings) -> str:
    records = process_articles(articles, settings)
    text = json.dumps(to_dict(records), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", type=int, default=0, help="print the top N functions")
    parser.add_argument("--dump", type=Path, help="also write the profile to this file")
    args = parser.parse_args()
    settings = Settings(db=":memory:", workers=1)
    sets = article_sets(settings)
    # loaded before hashing (and profiling): the KB, gazetteer, word lists and model
    process_articles(as_articles(["A warm-up article about shelling in Sirte."], settings),
                     settings)  # fmt: skip
    profile = cProfile.Profile() if args.profile else None
    for name, articles in sets.items():
        if profile is not None:
            profile.enable()
        value = digest(articles, settings)
        if profile is not None:
            profile.disable()
        print(f"{name:<11} {len(articles):4d} articles  sha256 {value}")
    if profile is not None:
        if args.dump:
            profile.dump_stats(args.dump)
        stats = pstats.Stats(profile).sort_stats("cumulative")
        stats.print_stats("eventwire", args.profile)


if __name__ == "__main__":
    main()
