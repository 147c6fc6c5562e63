"""The join's notes held as packed codes say what :class:`Notes` says, line for line."""

from __future__ import annotations

import random

import pytest

from eventwire.resolve.incident_clusters import ClusterNotes
from eventwire.resolve.incident_notes import MAX_APART, Notes


def _text(code: int) -> str:
    return f"kept apart from art{code}'s report: dates {code % 5 + 2} days apart"


@pytest.mark.parametrize("seed", range(8))
def test_cluster_notes_say_the_lines_notes_say(seed: int) -> None:
    """Random vetoes (some said again and again, past the cap) and merges of clusters:
    the packed notes give the same explanation lines, in the same order, and a merged
    cluster says nothing more."""
    rng = random.Random(seed)
    plain: dict[int, Notes] = {n: Notes() for n in range(10)}
    coded = ClusterNotes(10)
    joined: list[str] = []
    gone: list[int] = []

    def text(code: int) -> str:
        return _text(code) if code >= 0 else joined[-code - 1]

    for _ in range(400):
        live = sorted(plain)
        if len(live) > 1 and rng.random() < 0.1:
            keep, out = rng.sample(live, 2)
            line = f"joined art{keep} and art{out}: side A"
            joined.append(line)
            plain[keep].absorb(plain.pop(out), line)
            coded.absorb(keep, out, -len(joined))
            gone.append(out)
        else:
            root, code = rng.choice(live), rng.randrange(3 * MAX_APART)
            plain[root].kept_apart(_text(code))
            coded.note_apart(root, code)
    assert any(coded.said_apart(root) > MAX_APART for root in plain)  # the cap was reached
    for root, notes in plain.items():
        assert coded.said(root, text) == notes.said()
    assert all(coded.said(root, text) == [] for root in gone)
