"""How English usually writes a word, from ``data/word_case.tsv.gz`` (see its header and
``scripts/derive_word_case.py``): read by truecasing, by place recognition and by the
mention extractor, which all need to tell a common word ("mobile", "dignity",
"emphasis") from a name ("Jordan", "Misrata"). ``Resources.word_case`` holds one table;
:func:`read_word_case` reads the file on every call and keeps no copy."""

from __future__ import annotations

import gzip
from importlib.resources import files

# A common word: its lower-case spelling at least this frequent (the file's rank: a
# negated log probability, smaller is more frequent) and twice as probable as its
# capitalised one ("police", "reading"; not "turkey").
COMMON = 16
MARGIN = 7  # log ratio 0.7 (times ten): twice as probable


class WordCase:
    """Lower-case word -> (preferred spelling, its frequency rank, how much more probable
    its capitalised spelling is than the lower-case one: log ratio times ten)."""

    def __init__(self, table: dict[str, tuple[str, int, int]]) -> None:
        self.table = table

    def get(self, key: str) -> tuple[str, int, int] | None:
        """The entry of a lower-case word, None for a word the table lacks."""
        return self.table.get(key)

    def is_common_word(self, key: str) -> bool:
        """A frequent word English writes in lower case ("mobile", "hope"), given in lower
        case."""
        entry = self.table.get(key)
        return entry is not None and entry[1] <= COMMON and entry[2] <= -MARGIN

    def is_common_lowercase_word(self, word: str) -> bool:
        """``word`` in any case is a common word whose preferred spelling is all lower
        case: "emphasis", "civil", not "Misrata"."""
        key = word.lower()
        found = self.table.get(key)
        return found is not None and found[0] == key and self.is_common_word(key)


def read_word_case() -> WordCase:
    """The shipped table, read from its file (``Resources`` keeps one copy)."""
    path = files("eventwire.knowledge").joinpath("data", "word_case.tsv.gz")
    table: dict[str, tuple[str, int, int]] = {}
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            key, form, rank, margin = line.rstrip("\n").split("\t")
            table[key] = (key if form == "-" else form, int(rank), int(margin))
    return WordCase(table)
