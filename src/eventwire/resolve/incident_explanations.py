"""An incident's explanation as people read it: its internal keys put in words."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from contextlib import suppress

from eventwire.errors import NotFound
from eventwire.model import (
    Actor,
)
from eventwire.resolve.offices import (
    PART_MARK,
    side_keys,
)

# the internal keys an explanation may hold: an actor id, or a state side (:func:`~eventwire.resolve.incident_reports.state_side`)
EXPLANATION_KEY = re.compile(
    r"\b(actor_[0-9a-f]{12}|state:[A-Z]{3}(?:/(?:seat:[a-z'\u2019-]+|office:actor_[0-9a-f]{12}))?)"
    r"(?![\w-])"
)


def explanation_keys(lines: Iterable[str]) -> list[str]:
    """The actor ids and state side keys an explanation names, in order, once each."""
    return list(dict.fromkeys(k for line in lines for k in EXPLANATION_KEY.findall(line)))


def explanation_in_words(
    lines: Iterable[str],
    state_sides: Callable[[], dict[str, str]],
    get_actor: Callable[[str], Actor],
) -> list[str]:
    """An explanation as people read it: each actor id replaced by the actor's name and
    each state side key by its country ("side state:LBY" -> "side the state of Libya").
    ``state_sides`` gives the stored state actors' sides (asked only when a line names
    one); ``get_actor`` raises :class:`NotFound` for an actor no longer stored, which is
    then said in words rather than by its key."""
    lines = list(lines)
    keys = explanation_keys(lines)
    words: dict[str, str] = {}
    if any(k.startswith("state:") for k in keys):
        by_side: dict[str, list[Actor]] = defaultdict(list)
        for actor_id, value in sorted(state_sides().items()):
            for side in side_keys(value):
                if side in keys:
                    by_side[side].append(get_actor(actor_id))
        for side, found in by_side.items():
            # the country, else its government or forces, else an office holder of it
            lead = min(found, key=lambda a: (a.type != "country", a.type == "person",
                                             a.name, a.id))  # fmt: skip
            words[side] = (f"the state of {lead.name}" if lead.type == "country"
                           else f"{lead.name}'s state" if lead.type == "person"
                           else f"{lead.name} and its state")  # fmt: skip
    for key in keys:
        if key.startswith("actor_"):
            with suppress(NotFound):
                words[key] = get_actor(key).name

    def say(m: re.Match[str]) -> str:
        key = m.group(1)
        state, part, who = key.partition(f"{PART_MARK}office:")
        if part:  # one rival government's part of a state's side
            with suppress(NotFound):
                return f"the government of {get_actor(who).name}"
            return "a rival government of " + words.get(state, "a state")
        state, part, seat = key.partition(f"{PART_MARK}seat:")
        if part:
            return f"the government seated in {seat.replace('-', ' ').title()}"
        if key in words:
            return words[key]
        return "a state" if key.startswith("state:") else "an actor no longer stored"

    return [EXPLANATION_KEY.sub(say, line) for line in lines]
