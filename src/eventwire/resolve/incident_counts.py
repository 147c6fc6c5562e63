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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from eventwire.model import Count, CountReport, EventMention


def is_update(count: Count) -> bool:
    """Whether a figure is stated as a risen toll ("the death toll rose to 30"), as
    extraction marked it; a figure added to an earlier one ("five more bodies") is not."""
    return count.update == "total"


def report_figures(members: Iterable[EventMention]) -> list[tuple[CountReport, bool]]:
    """One report's figure per kind (its highest), each with whether it is an update."""
    best: dict[str, tuple[CountReport, bool]] = {}
    for em in members:
        for c in em.counts:
            if c.kind not in best or c.value > best[c.kind][0].value:
                best[c.kind] = (CountReport(c.kind, c.value, c.qualifier, c.evidence), is_update(c))
    return list(best.values())


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
