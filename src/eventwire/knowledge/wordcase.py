"""How English usually writes each word (``data/word_case.tsv.gz``): read by the
truecaser, and by the mention extractor to tell a capitalised common word from a name."""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib.resources import files

# A common word: its lower-case spelling at least this frequent (the file's rank: a
# negated log probability, smaller is more frequent) ...
COMMON_RANK = 16
# ... and clearly more probable than its capitalised spelling (log ratio times ten).
COMMON_MARGIN = -7


@lru_cache(maxsize=1)
def word_case() -> dict[str, tuple[str, int, int]]:
    """Lower-case word -> (preferred spelling, its frequency rank, how much more probable
    its capitalised spelling is than the lower-case one: log ratio times ten)."""
    path = files("eventwire.knowledge").joinpath("data", "word_case.tsv.gz")
    table: dict[str, tuple[str, int, int]] = {}
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            key, form, rank, margin = line.rstrip("\n").split("\t")
            table[key] = (key if form == "-" else form, int(rank), int(margin))
    return table


def is_common_lowercase_word(word: str) -> bool:
    """English writes ``word`` in lower case, and often: "emphasis", "civil", not "Misrata"."""
    found = word_case().get(word.lower())
    return (
        found is not None
        and found[0] == word.lower()
        and found[1] <= COMMON_RANK
        and found[2] <= COMMON_MARGIN
    )
