"""The incident join's notes within bounds: a busy day's vetoes are counted past a few
lines, and the capped notes are exactly the cap of the notes kept whole."""

from __future__ import annotations

import random

from tests.resolve.test_incidents import ONTO, Text, incidents_of

from eventwire.model import Actor, DocumentRecords, Place
from eventwire.resolve.doc_incidents import DocIncident
from eventwire.resolve.incident_notes import MAX_APART, Notes
from eventwire.resolve.incidents import (
    IncidentLinks,
    article_reports,
    assign_actors,
    resolve_incidents,
    state_sides,
)


def capped(lines: list[str]) -> tuple[list[str], int]:
    """What :class:`Notes` should say of ``lines`` kept whole: every join line, the first
    distinct "kept apart" lines up to the cap, and how many more were said (repeats too)."""
    listed = list(dict.fromkeys(lines))
    apart = [x for x in listed if x.startswith("kept apart")]
    kept = set(apart[:MAX_APART])
    out = [x for x in listed if not x.startswith("kept apart") or x in kept]
    return out, sum(x.startswith("kept apart") for x in lines) - len(kept)


def test_merged_notes_are_the_cap_of_the_whole_notes_in_any_merge_history() -> None:
    for seed in range(40):
        rng = random.Random(seed)
        whole: dict[int, list[str]] = {n: [] for n in range(12)}
        notes = {n: Notes() for n in range(12)}
        for step in range(300):
            roots = sorted(whole)
            if len(roots) > 1 and rng.random() < 0.08:
                keep, gone = rng.sample(roots, 2)
                line = f"joined {keep} and {gone} at {step}"
                whole[keep] += whole.pop(gone) + [line]
                notes[keep].absorb(notes.pop(gone), line)
            else:
                root = rng.choice(roots)
                line = f"kept apart from art_{rng.randrange(30):02d}'s report: dates"
                whole[root].append(line)
                notes[root].kept_apart(line)
        for root, lines in whole.items():
            listed, more = capped(lines)
            said = notes[root].said()
            assert dict.fromkeys(said) == dict.fromkeys(
                listed + ([f"kept apart {more} more times (not listed)"] if more else [])
            ), seed
            assert sum(x.startswith("kept apart from") for x in said) <= MAX_APART


TOWNS = [Place(f"geonames:{n}", f"Town {n}", 32.0 + n / 10, 13.0, "LBY", "LY.01", "city")
         for n in range(3 * MAX_APART)]  # fmt: skip


def raid(article_id: str, town: Place) -> DocumentRecords:
    t = Text(article_id).sentence("The Sidra Brigade raided the town on Friday.")
    t.event("ASSAULT", "raided", "2025-03-14", town, source="Sidra Brigade")
    return t.records()


def raids(towns: list[Place]) -> list[DocIncident]:
    """The article incidents of the Sidra Brigade's raids on ``towns``, one article each."""
    docs = [raid(f"art_{n:02d}", town) for n, town in enumerate(towns)]
    actor_of = {f"{d.article_id}:4:17": "actor_sidra" for d in docs}
    told = []
    for doc in docs:
        for inc in incidents_of(doc, actor_of):
            assign_actors(inc, actor_of, frozenset())
            told.append(inc)
    return told


def test_a_busy_day_of_one_side_lists_a_few_vetoes_and_counts_the_rest() -> None:
    # one side raids thirty towns on one day: every pair of its reports shares a block
    # and is vetoed (two different towns), so each incident was kept apart 29 times
    told = raids(TOWNS)
    sides = state_sides([Actor("actor_sidra", "Sidra Brigade", "armed_group", "LBY")], ONTO)
    incs = resolve_incidents(told, {}, [], IncidentLinks(), sides)
    assert len(incs) == len(TOWNS)
    for inc in incs:
        apart = [x for x in inc.explanation if x.startswith("kept apart from")]
        assert len(apart) == MAX_APART
        assert all("two different towns" in x for x in apart)
        rest = len(TOWNS) - 1 - MAX_APART
        assert inc.explanation[-1] == f"kept apart {rest} more times (not listed)"


def test_equal_kept_apart_lines_are_one_string_and_no_set_is_held() -> None:
    """A report vetoed against two clusters gives both the same line: one string, and
    the listed lines are held in a tuple, not a set beside the list."""
    a, b = Notes(), Notes()
    who = "".join(["art_", "07"])  # built at run time: equal strings, two objects
    a.kept_apart(f"kept apart from {who}'s report: dates 3 days apart")
    b.kept_apart(f"kept apart from {who}'s report: dates 3 days apart")
    assert a.lines == b.lines
    assert a.lines[0] is b.lines[0]
    assert not any(isinstance(getattr(n, slot), set) for n in (a, b) for slot in n.__slots__)
    assert Notes().apart is Notes().apart  # a cluster that lists none shares one tuple


def test_reports_naming_no_site_doer_or_target_share_one_empty_set() -> None:
    docs = [raid(f"art_{n:02d}", town) for n, town in enumerate(TOWNS[:4])]
    told = [inc for doc in docs for inc in incidents_of(doc, {})]
    reports = article_reports(told)
    assert len(reports) == 4
    assert all(not r.sites and not r.hit and not r.named for r in reports)
    empties = {id(x) for r in reports for x in (r.sites, r.doers, r.hit, r.named)}
    assert len(empties) == 1


def test_reports_naming_one_side_share_one_set_of_sides() -> None:
    reports = article_reports(raids(TOWNS[:4]))
    assert len(reports) == 4 and all(r.named == reports[0].named != set() for r in reports)
    assert len({id(r.named) for r in reports}) == 1
    assert len({id(r.doers) for r in reports}) == 1
