"""What case restoration costs: detection on normal text, restoration on one-case text.

    python bench/truecase.py

Detection runs on every article; restoration only on paragraphs written in one case.
The texts are the example corpus as written, then in capitals and in lower case.
Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import time
from pathlib import Path

from eventwire.config import Settings
from eventwire.extract import Resources
from eventwire.ingest import read_sources
from eventwire.model import Article
from eventwire.truecase import one_case_blocks

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
ROUNDS = 5


def per_kchar(seconds: float, chars: int) -> str:
    return f"{seconds / chars * 1e6:.1f} ms per 1000 characters"


def main() -> None:
    settings = Settings()
    texts = [a.text for a in read_sources([CORPUS], settings) if isinstance(a, Article)]
    chars = sum(map(len, texts))
    start = time.perf_counter()
    for _ in range(ROUNDS):
        for text in texts:
            list(one_case_blocks(text))
    print(
        f"detection, {len(texts)} normal articles: "
        f"{per_kchar((time.perf_counter() - start) / ROUNDS, chars)}"
    )
    start = time.perf_counter()
    truecaser = Resources(settings).truecaser
    print(f"loading the truecaser (KB, word table): {time.perf_counter() - start:.2f} s")
    for name, convert in (("capitals", str.upper), ("lower case", str.lower)):
        one_case = [convert(t) for t in texts]
        start = time.perf_counter()
        for _ in range(ROUNDS):
            for text in one_case:
                truecaser.restore(text)
        print(
            f"restoration, articles in {name}: "
            f"{per_kchar((time.perf_counter() - start) / ROUNDS, chars)}"
        )


if __name__ == "__main__":
    main()
