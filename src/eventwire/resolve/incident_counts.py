"""An incident's figures across its reports: never summed, the best-supported one kept.

Each report gives its figure per kind (its highest for that kind). The incident's figure is
the one most reports give, then one stated exactly ("four", not "at least five"), then the
one nearest the reports' median, then the lower; ``count_min``/``count_max`` give the range
the reports disagree over, and every report's figure is kept as evidence.

**A toll stated as an update** supersedes the lower figures: "the death toll from
Saturday's attack has risen to 31", "..., raising the death toll to 31". Extraction marks
such a figure (``Count.update == "total"``, :func:`eventwire.extract.counts.update_mark`),
so the sentence is parsed in one place. A toll only rises as bodies are found and the
wounded die, so a figure lower than an update is an earlier count, not a disagreement: the
incident's figure is the highest update, the range runs from it to any higher figure a
report gives, and the lower figures stay in ``count_reports`` as what was first reported.
No publication date is needed, so the result never depends on the order reports arrive in.

**One article's figure** (:func:`told_figures`) is the figure its outlet leads with, not
the highest it prints. A news report states its toll first and then, lower down, what
else was said of it: a side's claim ("the rebels said they had killed 30 troops, which
the ministry denied"), a part of the dead ("four of the dead were children"), an
earlier count. So per kind the article's figure is its highest stated update, else the
highest figure of the first sentence that states one (a figure after a definite or
possessive determiner, "the two brothers buried on Sunday", "his three sons", counts
people already known and leads only when no other does); a later figure told as an addition
("three **other** herders were wounded", "two **more** bodies were found", "another 12
died", marked ``update == "more"`` by extraction or saying "other"/"others"/"more") is
added to it, and only such a figure: never a plain figure, so nothing is counted twice.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from eventwire.model import Count, CountReport, EventMention


def is_update(count: Count) -> bool:
    """Whether a figure is stated as a risen toll ("the death toll rose to 30"), as
    extraction marked it; a figure added to an earlier one ("five more bodies") is not."""
    return count.update == "total"


# a figure added to one stated before it: "three other herders", "four others", "two more"
_ADDED = re.compile(r"\b(?:other|others|more)\b(?!\s+than)", re.IGNORECASE)


def is_addition(count: Count) -> bool:
    """Whether a figure is told as people added to a figure stated before it ("three
    **other** herders were wounded", "two **more** bodies", "another 12 died")."""
    return count.update == "more" or bool(_ADDED.search(count.text))


# a determiner before a figure that points at people already known: "the two jawans killed
# in the raid", "his three sons"
_DEFINITE = re.compile(r"\b(?:the|these|those|his|her|their|its|our)\s+$", re.IGNORECASE)


def is_definite(count: Count) -> bool:
    """Whether a figure counts people the text already knows, after a definite or
    possessive determiner ("**the two** brothers buried on Sunday were among the dead",
    "**his three** sons"): a part of the dead a report dwells on, not its toll."""
    if count.span is None:
        return False
    head = count.evidence.sentence[: max(count.span.start - count.evidence.char_start, 0)]
    return bool(_DEFINITE.search(head))


def told_figures(counts: Iterable[Count]) -> dict[str, tuple[Count, int, bool]]:
    """One article's figure per kind (see the module docstring): the count it rests on,
    its value (the lead figure plus the additions told after it) and whether it is an
    update. ``counts`` are one article's; the same count carried by several mentions (one
    span) is read once."""
    seen: dict[tuple[object, ...], Count] = {}
    for c in counts:
        seen.setdefault((c.kind, c.span.start if c.span else c.evidence.char_start, c.value), c)
    by_kind: dict[str, list[Count]] = defaultdict(list)
    for c in seen.values():
        by_kind[c.kind].append(c)
    out: dict[str, tuple[Count, int, bool]] = {}
    for kind, found in sorted(by_kind.items()):
        found.sort(key=_told_at)
        updates = [c for c in found if is_update(c)]
        plain = [c for c in found if not is_update(c) and not is_addition(c)]
        plain = [c for c in plain if not is_definite(c)] or plain
        if updates:
            lead = max(updates, key=lambda c: (c.value, [-x for x in _told_at(c)]))
        elif plain:
            first = plain[0].evidence.char_start
            lead = max((c for c in plain if c.evidence.char_start == first),
                       key=lambda c: (c.value, [-x for x in _told_at(c)]))  # fmt: skip
        else:
            lead = None
        # additions in a later sentence than the lead's (one sentence's "two killed and
        # three others" is read whole by extraction), or all of them when none leads
        after = lead.evidence.char_start if lead is not None else -1
        added = [c for c in found if is_addition(c) and not is_update(c)
                 and c.evidence.char_start > after]  # fmt: skip
        value = (lead.value if lead is not None else 0) + sum(c.value for c in added)
        out[kind] = (lead or added[0], value, lead is not None and is_update(lead))
    return out


def _told_at(c: Count) -> list[int]:
    return [c.evidence.char_start, c.span.start if c.span else c.evidence.char_start]


def report_figures(members: Iterable[EventMention]) -> list[tuple[CountReport, bool]]:
    """One report's figure per kind (:func:`told_figures`), each with whether it is an
    update."""
    told = told_figures(c for em in members for c in em.counts)
    return [(CountReport(kind, value, c.qualifier, c.evidence), update)
            for kind, (c, value, update) in told.items()]  # fmt: skip


def best_counts(
    figures: Sequence[tuple[CountReport, bool]],
) -> tuple[dict[str, int], dict[str, int], dict[str, int], tuple[CountReport, ...]]:
    """Best-supported figure per kind, its range, and each report's figure (see the module
    docstring), from every report's :func:`report_figures`."""
    counts, low, high = {}, {}, {}
    for kind in sorted({r.kind for r, _u in figures}):
        of_kind = [(r, u) for r, u in figures if r.kind == kind]
        updates = [r.value for r, u in of_kind if u]
        if updates:  # a risen toll supersedes the lower, earlier counts
            top = max(updates)
            values = [r.value for r, _u in of_kind if r.value >= top]
            counts[kind], low[kind], high[kind] = top, top, max(values)
            continue
        support = Counter(r.value for r, _u in of_kind)
        exact = {r.value for r, _u in of_kind if not r.qualifier or r.qualifier == "word"}
        middle = sorted(r.value for r, _u in of_kind)[(len(of_kind) - 1) // 2]
        counts[kind] = min(support, key=lambda v: (-support[v], v not in exact, abs(v - middle), v))
        low[kind] = min(support)
        high[kind] = max(support)
    reports = sorted((r for r, _u in figures),
                     key=lambda r: (r.kind, r.evidence.article_id, r.evidence.char_start))  # fmt: skip
    return counts, low, high, tuple(reports)
