"""Write ``knowledge/data/word_case.tsv.gz``: how English usually writes each word.

    python scripts/derive_word_case.py en_lexeme_prob.json.gz

Run by hand when the file needs refreshing; nothing calls it at build or run time.
The input is ``spacy_lookups_data/data/en_lexeme_prob.json.gz`` from the
``spacy-lookups-data`` wheel (MIT): case-sensitive unigram log probabilities of
about a million word forms, the table spaCy v2's English models carried. For each
alphabetic word we keep its most probable spelling among lower case, capitalised
and all capitals, and that spelling's log probability; forms seen about once are
left out. ``eventwire.truecase`` reads the file to restore the case of texts
written all in capitals or all in lower case.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/eventwire/knowledge/data/word_case.tsv.gz"
HEADER = """\
# How English usually writes each word: lower-case key, preferred spelling ("-" when it
# is the key itself), negated log probability of that spelling (rounded; smaller is
# more frequent) and how much more probable the capitalised (or all-capitals) spelling
# is than the key: difference of natural logs, times ten, negative when the key is the
# more probable; 99 when the key is unseen, -99 when no other spelling is seen. Derived by scripts/derive_word_case.py from the case-sensitive unigram
# table en_lexeme_prob of the spacy-lookups-data package (MIT, Explosion), keeping
# lower case, capitalised and all-capitals spellings of alphabetic words.
"""
WORD = re.compile(r"[A-Za-z]+")
FLOOR = -19.0  # the table's floor is -19.5: forms seen about once say nothing about case


def main(source: str) -> None:
    with gzip.open(source, "rt", encoding="utf-8") as fh:
        probs: dict[str, float] = json.load(fh)
    best: dict[str, tuple[str, float]] = {}
    for form, prob in probs.items():
        key = form.lower()
        if not WORD.fullmatch(form) or form not in (key, key.capitalize(), key.upper()):
            continue
        if prob > best.get(key, ("", -99.0))[1]:
            best[key] = (form, prob)
    lines = []
    for key, (form, prob) in sorted(best.items()):
        if prob <= FLOOR:
            continue
        if form == key:
            other = max(probs.get(key.capitalize(), -99.0), probs.get(key.upper(), -99.0))
            margin = max(-99, round(10 * (other - prob)))
            lines.append(f"{key}\t-\t{round(-prob)}\t{margin}")
        else:
            margin = min(99, round(10 * (prob - probs[key]))) if key in probs else 99
            lines.append(f"{key}\t{form}\t{round(-prob)}\t{margin}")
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(HEADER)
        out.write("\n".join(lines) + "\n")
    print(f"{len(lines)} words -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
