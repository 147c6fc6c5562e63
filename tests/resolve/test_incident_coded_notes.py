"""The join's notes held as codes say what :class:`Notes` says, line for line."""

from __future__ import annotations

import random

import pytest

from eventwire.resolve.incident_clusters import (
    CodedNotes,
    absorb_notes,
    new_notes,
    note_apart,
    notes_said,
    said_apart,
)
from eventwire.resolve.incident_notes import MAX_APART, Notes


def _text(code: int) -> str:
    return f"kept apart from art{code}'s report: dates {code % 5 + 2} days apart"


@pytest.mark.parametrize("seed", range(8))
def test_coded_notes_say_the_lines_notes_say(seed: int) -> None:
    """Random vetoes (some said again and again, past the cap) and merges of clusters:
    the coded notes give the same explanation lines, in the same order."""
    rng = random.Random(seed)
    plain: dict[int, Notes] = {n: Notes() for n in range(10)}
    coded: dict[int, CodedNotes] = {n: new_notes() for n in range(10)}
    joined: list[str] = []

    def text(code: int) -> str:
        return _text(code) if code >= 0 else joined[-code - 1]

    for _ in range(400):
        live = sorted(plain)
        if len(live) > 1 and rng.random() < 0.1:
            keep, gone = rng.sample(live, 2)
            line = f"joined art{keep} and art{gone}: side A"
            joined.append(line)
            plain[keep].absorb(plain.pop(gone), line)
            absorb_notes(coded[keep], coded.pop(gone), -len(joined))
        else:
            root, code = rng.choice(live), rng.randrange(3 * MAX_APART)
            plain[root].kept_apart(_text(code))
            note_apart(coded[root], code)
    assert any(said_apart(c) > MAX_APART for c in coded.values())  # the cap was reached
    for root, notes in plain.items():
        assert notes_said(coded[root], text) == notes.said()
