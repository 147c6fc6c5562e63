"""The join's bookkeeping as numbers says and decides what sets and strings did."""

from __future__ import annotations

import random
from collections import defaultdict

from eventwire.resolve.incident_apart import ApartLines, ApartSets
from eventwire.resolve.incident_notes import Notes


def test_apart_sets_answer_as_sets_of_roots_do() -> None:
    rng = random.Random(7)
    sets, reference = ApartSets(), defaultdict(set)
    roots = list(range(40))
    for _ in range(600):
        a, b = rng.sample(roots, 2)
        if rng.random() < 0.8:
            sets.add(a, b)
            reference[a].add(b)
            reference[b].add(a)
        elif len(roots) > 3:  # merge b into a, as the join's union does
            roots.remove(b)
            sets.merged(a, b)
            for other in reference.pop(b, set()):
                reference[other].discard(b)
                reference[other].add(a)
                reference[a].add(other)
        for x in roots:
            for y in roots:
                assert ((x, y) in sets) == (y in reference.get(x, ())), (x, y)


def test_equal_lines_get_one_code_and_read_back_as_text() -> None:
    lines = ApartLines()
    a = lines.code("art-12", "dates 3 days apart")
    assert a == lines.code("art-12", "dates 3 days apart")
    assert a != lines.code("art-13", "dates 3 days apart")
    assert a != lines.code("art-12", "named actors differ")
    assert lines.text(a) == "kept apart from art-12's report: dates 3 days apart"


def test_notes_of_codes_say_what_notes_of_lines_say() -> None:
    rng = random.Random(3)
    lines = ApartLines()
    coded, plain = Notes(), Notes()
    for n in range(40):
        article, why = f"art-{rng.randrange(15)}", rng.choice(("dates 2 days apart", "two towns"))
        if n % 9 == 8:  # a cluster merged in, with notes of its own, then the join's line
            other_coded, other_plain = Notes(), Notes()
            other_coded.kept_apart(lines.code(article, why))
            other_plain.kept_apart(f"kept apart from {article}'s report: {why}")
            coded.absorb(other_coded, f"joined {article} and art-99: same day")
            plain.absorb(other_plain, f"joined {article} and art-99: same day")
        else:
            coded.kept_apart(lines.code(article, why))
            plain.kept_apart(f"kept apart from {article}'s report: {why}")
    assert coded.said(lines.text) == plain.said()


def test_lines_of_article_numbers_read_as_lines_of_article_ids() -> None:
    """A line whose article is a number the caller holds (the join's table of values)
    reads back as the line of its id; an id given as text is numbered apart, so the two
    never take one another's code."""
    ids = ["art-12", "art-13"]
    lines = ApartLines(ids.__getitem__)
    a = lines.code(0, "dates 3 days apart")
    assert a == lines.code(0, "dates 3 days apart")
    assert a != lines.code(1, "dates 3 days apart")
    assert lines.text(a) == "kept apart from art-12's report: dates 3 days apart"
    named = lines.code("art-99", "dates 3 days apart")
    assert named not in (a, lines.code(1, "dates 3 days apart"))
    assert lines.text(named) == "kept apart from art-99's report: dates 3 days apart"
