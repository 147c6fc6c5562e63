"""Written gold: news articles on many wars written by the eventwire developers, coded in
the conflict-gold schema and shipped with eventwire (``evaluate/data/written_gold``).

The conflict-gold test half is small; this set measures the same things on more
articles, scored by the same scorer (:func:`~eventwire.evaluate.sets.conflict_gold.score`).
Its dev/test split is fixed in the gold file by article group (the reports of one
incident and the look-alikes kept apart from it are one group), not by hash, so that no
same-incident pair or near miss straddles the two halves. :func:`problems` checks the gold
against its articles; a broken gold file is refused with one line naming it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import EvalError
from eventwire.evaluate.base import EvalContext, SetResult, gold_sets, take
from eventwire.evaluate.exported import COUNT_KINDS
from eventwire.evaluate.sets.conflict_gold import (
    ANCHORS,
    MARKER,
    evaluate_gold,
    gold_of_articles,
    numbers_in,
    read_gold,
)

FOLDER = Path(__file__).resolve().parents[1] / "data" / "written_gold"
HALVES = ("dev", "test")
_ROWS = ("relations", "events", "not_counts", "quotes", "modality_traps")


def groups_in_split(gold: dict[str, Any], split: str) -> list[str]:
    """The article groups of ``split`` as the gold file fixes them (``all``: both halves)."""
    halves = gold.get("split", {})
    if split == "all":
        return sorted(g for half in HALVES for g in halves.get(half, []))
    if split not in HALVES:
        raise EvalError(f"unknown split {split!r} (known: dev, test, all)")
    return sorted(halves.get(split, []))


def chosen_groups(
    gold: dict[str, Any], split: str, keep: frozenset[str] | None, skip: frozenset[str]
) -> list[str]:
    """The groups of ``split`` to score: only ``keep`` when given, never those of ``skip``
    (a hold-out batch whose dev half is read as figures, never as misses). A name that is
    no group of the gold is refused, so that a typo never scores the whole half."""
    known = set(groups_in_split(gold, "all"))
    unknown = sorted((keep or frozenset()) - known) + sorted(skip - known)
    if unknown:
        raise EvalError(
            f"unknown article group(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})"
        )
    groups = groups_in_split(gold, split)
    return [g for g in groups if (keep is None or g in keep) and g not in skip]


def articles_of_groups(gold: dict[str, Any], groups: list[str]) -> list[str]:
    wanted = set(groups)
    return sorted(f for f, meta in gold["articles"].items() if meta.get("group") in wanted)


def problems(gold: dict[str, Any], folder: Path) -> Iterator[str]:
    """What is wrong with the gold, one line each: a spelling, quote start or evidence not
    written in its article, a publication or event date that does not fit its article, a
    not-count that is a count of its article, a pair naming an unknown item, an article in
    no half."""
    texts: dict[str, str] = {}
    for file in sorted(gold["articles"]):
        path = folder / "articles" / f"{file}.txt"
        if not path.is_file():
            yield f"article {file}: no file articles/{file}.txt"
            continue
        texts[file] = path.read_text("utf-8")
    yield from _split_problems(gold)
    yield from _name_problems(gold, texts)
    yield from _row_problems(gold, texts)
    yield from _date_problems(gold, texts)
    yield from _count_problems(gold)
    yield from _pair_problems(gold)


def _split_problems(gold: dict[str, Any]) -> Iterator[str]:
    halves = gold.get("split", {})
    seen: dict[str, str] = {}
    for half in HALVES:
        for group in halves.get(half, []):
            if group in seen:
                yield f"group {group} is in both {seen[group]} and {half}"
            seen[group] = half
    for file, meta in sorted(gold["articles"].items()):
        if meta.get("group") not in seen:
            yield f"article {file}: its group {meta.get('group')!r} is in no half of 'split'"
    side = {f: seen.get(m.get("group", ""), "?") for f, m in gold["articles"].items()}
    for pair in _pairs(gold):
        halves_of = {side.get(x["article"], "?") for x in pair}
        if len(halves_of) > 1:
            yield f"pair {pair[0]['event']}/{pair[1]['event']} straddles dev and test"


def _written(spelling: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(spelling)}(?!\w)", text) is not None


def _name_problems(gold: dict[str, Any], texts: dict[str, str]) -> Iterator[str]:
    known: set[str] = set()
    for key in ("alias_clusters", "place_variants"):
        for name, spellings in sorted(gold.get(key, {}).items()):
            known.add(name)
            for s in spellings:
                if not any(_written(s, t) for t in texts.values()):
                    yield f"{key} {name!r}: spelling {s!r} is in no article"
    for item in gold.get("must_not_merge", []):
        for name in item["pair"]:
            if name not in known and not any(_written(name, t) for t in texts.values()):
                yield f"must_not_merge: {name!r} is no canonical name and in no article"


def _row_problems(gold: dict[str, Any], texts: dict[str, str]) -> Iterator[str]:
    for key in _ROWS:
        for row in gold.get(key, []):
            text = texts.get(row.get("article", ""))
            if text is None:
                yield f"{key}: unknown article {row.get('article')!r}"
                continue
            for field in ("evidence", "starts", "value"):
                if row.get(field) and row[field] not in text:
                    yield f"{key} in {row['article']}: {field} {row[field][:50]!r} is not in it"
    for event in gold.get("events", []):
        if (event.get("lat") is None) != (event.get("lon") is None):
            yield f"event {event['id']}: lat and lon go together"


def _date_problems(gold: dict[str, Any], texts: dict[str, str]) -> Iterator[str]:
    """An article's second line is its publication date; an event is not dated after the
    article that reports it, and a range does not end before it starts."""
    for file, meta in sorted(gold["articles"].items()):
        lines = texts.get(file, "").split("\n")
        said = lines[1].strip() if len(lines) > 1 else ""
        if meta.get("published") and said != meta["published"]:
            yield f"article {file}: published {meta['published']!r}, its second line says {said!r}"
    for event in gold.get("events", []):
        start, end = event.get("date"), event.get("date_end")
        published = gold["articles"].get(event.get("article"), {}).get("published")
        if start and end and end < start:
            yield f"event {event['id']}: date_end {end} is before date {start}"
        if published and (end or start) and (end or start) > published:
            yield f"event {event['id']}: dated after its article was published ({published})"


def _count_problems(gold: dict[str, Any]) -> Iterator[str]:
    """A not-count may not write a number that is a gold count of its article: the scorer
    reads the article's counts, so a right answer would score as a wrong one."""
    counts: dict[str, set[int]] = {}
    for event in gold.get("events", []):
        also = event.get("counts_also_ok", {})
        for kind in COUNT_KINDS:
            if event.get(kind) is not None:
                counts.setdefault(event["article"], set()).update(
                    [event[kind], *also.get(kind, [])]
                )
    for row in gold.get("not_counts", []):
        clash = numbers_in(row.get("value", "")) & counts.get(row.get("article", ""), set())
        if clash:
            yield (
                f"not_counts in {row['article']}: {row['value']!r} writes {min(clash)}, "
                "a gold count of the article"
            )


def _pairs(gold: dict[str, Any]) -> Iterator[list[dict[str, Any]]]:
    yield from gold.get("same_incident", [])
    for item in gold.get("different_incidents", []):
        yield item["pair"]


def _pair_problems(gold: dict[str, Any]) -> Iterator[str]:
    events = {e["id"]: e["article"] for e in gold.get("events", [])}
    if len(events) != len(gold.get("events", [])):
        yield "events: an id is used twice"
    for pair in _pairs(gold):
        for x in pair:
            if events.get(x["event"]) != x["article"]:
                yield f"pair names event {x['event']!r} of {x['article']}, not a gold event of it"


def check(folder: Path) -> dict[str, Any]:
    """The gold of ``folder``, refused with one line naming the file at its first problem."""
    path = folder / MARKER
    gold = read_gold(path)
    for problem in problems(gold, folder):
        raise EvalError(f"{path}: {problem}")
    return gold


@gold_sets.register(
    "written-gold",
    folder="written_gold",
    marker=MARKER,
    bundled=str(FOLDER),
    title="Written gold (our own articles on many wars, conflict-gold schema)",
    sample=None,
    anchors=ANCHORS,
)
def evaluate(folder: Path, ctx: EvalContext) -> SetResult:
    """``--limit N`` keeps N article groups of the split, evenly spread, after ``--groups``
    and ``--skip-groups`` have chosen among them."""
    gold = check(folder)
    groups = chosen_groups(gold, ctx.split, ctx.groups, ctx.skip_groups)
    groups = take(groups, ctx.sample_size(None))
    result = evaluate_gold(
        folder, gold_of_articles(gold, articles_of_groups(gold, groups)), ctx, "written-gold"
    )
    result.notes.append(f"groups: {', '.join(groups) or 'none'}")
    return result
