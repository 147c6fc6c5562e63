"""The timex finder is tried only where a match can start a word; it finds what the
whole pattern's ``finditer`` finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.extract.dates import FINDER, _finder_matches, find_timexes

# Sentences written for this test, one or more per kind of expression the finder knows.
SENTENCES = [
    "Talks resumed on 3 May 2021 and again on May 14, 2021, after a pause.",
    "The convoy was hit on 25-26 July and between 27 April - 4 May.",
    "Monday, Oct. 26 was quiet; the next morning shelling resumed.",
    "Late last year the militia withdrew, and early in the week it came back.",
    "Two days later the mayor said the strike came three weeks ago.",
    "In 2019 and since mid-2020 the front moved; the 1990s were calmer.",
    "Output fell in Q1 2020, in the first half of 2017, in H2 2018 and in FY2021.",
    "The 2018/19 season, the 1979-83 war and 2019-02-11 are all dated.",
    "Fighting flared yesterday's evening, tonight, this afternoon and the day before.",
    "On the eve of the summit, last spring, and the weekend after it.",
    "Rebels shelled the town on 3/4/2020, witnesses said, late on Friday night.",
    "ſunday and the Kelvin sign in 3 K are odd letters; İn 2015 is dotted.",
    "Nothing here names a time at all, only a market and a road.",
    "The May offensive began in May, as May said it might.",
]


def _whole(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in FINDER.finditer(text)]


@pytest.mark.parametrize("text", SENTENCES)
def test_same_matches_as_the_whole_pattern(text: str) -> None:
    assert [m.span() for m in _finder_matches(text)] == _whole(text)


def test_finds_what_it_should() -> None:
    text = "Output fell in Q1 2020 and in FY2021, and again since mid-2020."
    assert [text[s:e] for s, e in find_timexes(text)] == ["Q1 2020", "FY2021", "mid-2020"]


@pytest.mark.slow
def test_same_matches_on_every_timeline17_text(eval_dir: Path) -> None:
    path = eval_dir / "timeline17_conflict" / "articles.jsonl"
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    differ = [i for i, t in enumerate(texts) if [m.span() for m in _finder_matches(t)] != _whole(t)]
    assert len(texts) > 1000
    assert differ == []


def test_a_word_outside_ascii_is_tried() -> None:
    # case-blind matching lets a dotted capital I stand for "in"
    text = "İn 2015 the talks failed."
    assert [text[s:e] for s, e in find_timexes(text)] == ["2015"]
