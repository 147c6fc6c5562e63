"""Compare eventwire's token table with the model's attribute ruler and lemmatizer.

Usage: python bench/token_attributes.py [--limit N]

Parses every Timeline17 article (../shared/eval/timeline17_conflict, when present) up to
the dependency parse, then gives each Doc its parts of speech, morphology and lemmas
twice: by the model's own attribute ruler and lemmatizer, and by
``eventwire.nlp.TokenAttributes`` (one instance for all articles, so its tables fill as
they would in an ingest). Prints the number of tokens and of tokens that differ in tag,
dependency, head, part of speech, morphology or lemma (the goal is 0), and the CPU
seconds each way took. Asserts nothing about time.
"""

from __future__ import annotations

import argparse
import json
import time

from ingest_throughput import TIMELINE17
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from spacy.pipeline import AttributeRuler, Lemmatizer

from eventwire.config import Settings
from eventwire.nlp import TOKEN_ATTRIBUTES, TokenAttributes, build_pipeline

COMPARED = [ORTH, TAG, DEP, HEAD, POS, MORPH, LEMMA]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    if not TIMELINE17.exists():
        print("skipped: no Timeline17 articles under ../shared/eval")
        return
    lines = TIMELINE17.read_text("utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line]
    texts = texts[: args.limit] if args.limit else texts
    nlp = build_pipeline(Settings())
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    assert isinstance(ruler, AttributeRuler) and isinstance(lemmatizer, Lemmatizer)
    ours = TokenAttributes(ruler, lemmatizer)
    upstream = [n for n in nlp.pipe_names if n not in (TOKEN_ATTRIBUTES, "ner")]
    tokens = differ = 0
    theirs_s = ours_s = 0.0
    with nlp.select_pipes(enable=upstream):
        for doc in nlp.pipe(texts, batch_size=32):
            start = time.process_time()
            expected = lemmatizer(ruler(doc.copy()))
            mid = time.process_time()
            got = ours(doc.copy())
            theirs_s += mid - start
            ours_s += time.process_time() - mid
            tokens += len(doc)
            differ += int((got.to_array(COMPARED) != expected.to_array(COMPARED)).any(1).sum())
    print(f"{len(texts)} articles, {tokens} tokens: {differ} tokens differ")
    print(f"attribute ruler + lemmatizer {theirs_s:.1f} CPU s; TokenAttributes {ours_s:.1f} CPU s")


if __name__ == "__main__":
    main()
