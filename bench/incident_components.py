"""How much of a store the incident join must redo for a batch: the reports whose blocking
cells a batch's reports touch, closed under the candidate pairs (a connected component
of the blocking graph is the least set a join can be re-run on and stay exact).

    python bench/incident_components.py [--sizes 3000,10000] [--new 1000]

For ``size`` stored synthetic articles plus ``new`` more (``eventwire.synthetic``), the
article incidents of all of them are made as a resolution makes them, and printed: the
reports, the components of the blocking graph and the largest, then the share of all
reports in the components the batch's reports lie in, for two batches: the ``new``
articles the scale bench adds (dated anywhere over the ten years) and, as a feed
would bring them, the ``new`` articles with the latest dates. Prints figures only.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Sequence

from eventwire.config import Settings
from eventwire.extract import Resources
from eventwire.resolve import resolve_actor_pass
from eventwire.resolve.doc_incidents import document_incidents
from eventwire.resolve.incidents import (
    Report,
    article_reports,
    assign_actors,
    candidate_blocks,
    link_facets,
    state_sides,
)
from eventwire.synthetic import World, synthetic_document


def reports_of(size: int, new: int, resources: Resources) -> list[Report]:
    """The reports (sorted by id) of ``size + new`` synthetic articles."""
    world = World.make(size + new)
    docs = [synthetic_document(world, n)[1] for n in range(size + new)]
    actors = resolve_actor_pass(docs, resources)
    unnamed = frozenset(a.id for a in actors.actors if a.type == "group")
    named = frozenset(actors.mention_actor.values()) - unnamed
    told = []
    for doc in docs:
        for inc in document_incidents(doc, resources.ontology, actors.mention_actor, named):
            assign_actors(inc, actors.mention_actor, unnamed)
            told.append(inc)
    incs = sorted(link_facets(told), key=lambda i: i.id)
    return article_reports(incs, state_sides(actors.actors, resources.ontology))


def components(reports: Sequence[Report]) -> list[int]:
    """Each report's component of the blocking graph (a representative report)."""
    parent = list(range(len(reports)))

    def find(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for members in candidate_blocks(reports).values():
        root = find(members[0])
        for m in members[1:]:
            if (other := find(m)) != root:
                parent[other] = root
    return [find(n) for n in range(len(reports))]


def closed_share(reports: Sequence[Report], comp: list[int], batch: set[str]) -> float:
    sizes = Counter(comp)
    touched = {comp[n] for n, r in enumerate(reports) if r.article_id in batch}
    return sum(sizes[c] for c in touched) / max(len(reports), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="3000,10000")
    parser.add_argument("--new", type=int, default=1000)
    args = parser.parse_args()
    resources = Resources(Settings())
    print("| stored | reports | components | largest | bench batch closed set | feed batch |")
    print("|---|---|---|---|---|---|")
    for size in (int(s) for s in args.sizes.split(",")):
        t = time.process_time()
        reports = reports_of(size, args.new, resources)
        comp = components(reports)
        ids = sorted({r.article_id for r in reports})
        bench = set(ids[-args.new :])  # the last numbers are the new articles
        latest: dict[str, int] = {}
        for r in reports:
            if (w := r.window()) is not None:
                latest[r.article_id] = max(latest.get(r.article_id, w[1]), w[1])
        feed = set(sorted(latest, key=lambda a: (latest[a], a))[-args.new :])
        print(
            f"| {size:,} | {len(reports):,} | {len(set(comp)):,} | {max(Counter(comp).values()):,}"
            f" | {closed_share(reports, comp, bench):.1%} | {closed_share(reports, comp, feed):.1%}"
            f" |  ({time.process_time() - t:.0f} CPU s)"
        )


if __name__ == "__main__":
    main()
