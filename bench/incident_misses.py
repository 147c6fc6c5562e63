"""The same-incident pairs of a gold set's dev split that the scorer misses, sorted by class.

Usage: python bench/incident_misses.py [--set written-gold|conflict-gold] [--data DIR]
       [--skip REGEX]

By default the articles of the batches kept unread (:data:`HELD_OUT`: ``w223`` onwards,
the tenth batch, a transfer check, and the eleventh, a hold-out) are left out, so none of
their items is printed; ``--skip ''`` keeps all.

The scorer counts a same-incident pair only when it finds our counterpart of both gold
events (``conflict_scoring._match_events``) and the two are one incident. Each missed pair
falls in one class:

(a) one or both gold events have no counterpart of ours (extraction's to fix);
(b) both are found, but our two events are in two incidents: the reports that hold the
    gold sentences are printed with their day, place, sides, sites and figures, and
    ``resolve.incidents.explain_pair`` says which rule keeps each pair of them apart
    (and which pair of reports of their two clusters, for the complete-link veto);
(c) the reports that hold the two gold sentences share one of our incidents, but the
    scorer's counterpart of one of them is another event.

Each miss is printed with its group (its theatre), and each class with the number of
groups it falls in: a rule is built for a kind of miss seen in several groups. It also
prints how many pairs are one incident by our reports (the gold sentences'
reports share an incident), whether the scorer counts them or not: the scorer's blind
spot. Dev split only: never read the test split item by item. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import eventwire.resolve as resolve_module
from eventwire.config import Settings
from eventwire.evaluate.base import EvalContext, run_pipeline
from eventwire.evaluate.exported import PredEvent, prediction_from_run
from eventwire.evaluate.sets import conflict_gold, written_gold
from eventwire.evaluate.sets.conflict_matching import Gold, Owners, same_sentence_text
from eventwire.evaluate.sets.conflict_scoring import _match_events
from eventwire.model import Incident
from eventwire.resolve.doc_incident_record import event_for
from eventwire.resolve.doc_incidents import DocIncident
from eventwire.resolve.incidents import (
    Report,
    article_reports,
    explain_pair,
    link_facets,
    resolve_incidents,
)

# the last merge's article incidents, state sides and mention -> event map
LAST_MERGE: list[tuple[list[DocIncident], dict[str, str], Any]] = []


def _kept_merge(*args: Any, **kwargs: Any) -> Sequence[Incident]:
    told = list(args[0])
    sides = args[4] if len(args) > 4 else kwargs.get("side_of")
    LAST_MERGE[:] = [(told, dict(sides or {}), args[1])]
    return resolve_incidents(told, *args[1:], **kwargs)


# the resolution calls the merge step through its package namespace: keep its input there
resolve_module.resolve_incidents = _kept_merge  # type: ignore[attr-defined]


# the articles of the check batches (the tenth, a transfer check, and the eleventh, a
# hold-out: w223 onwards): never printed
HELD_OUT = r"w(22[3-9]|2[3-9][0-9]|[3-9][0-9][0-9])\b"

_OUTLET_HEAD = re.compile(r"^\s*\([^()]{1,40}\)\s*")  # "(CNN) " before the first word


def _after_head(text: str) -> str:
    """A sentence after the outlet or dateline head it may open with ("The Review -- ",
    "Saturday 4 October -- ", "(CNN) "), which our sentence and the gold's may cut
    differently."""
    head, mark, rest = text.partition(" -- ")
    text = rest if mark and len(head) <= 80 else text
    return _OUTLET_HEAD.sub("", text).strip()


def _one_sentence(ours: str, gold: str) -> bool:
    """Whether our evidence sentence is the gold's: as the scorer matches them, either way
    round (our sentence may keep an outlet's head the gold leaves out), or after the heads
    either keeps ("UVIRA, Saturday 4 October -- " and "Saturday 4 October -- ", "(CNN) "
    and none)."""
    return (same_sentence_text(ours, gold) or same_sentence_text(gold, ours)
            or same_sentence_text(_after_head(ours), _after_head(gold)))  # fmt: skip


def _groups(name: str, data: Path | None) -> dict[str, str]:
    """Each article's group (its theatre) in the written set, to count the groups a kind
    of miss recurs in; none for the conflict set."""
    if name != "written-gold":
        return {}
    full = written_gold.check(data or written_gold.FOLDER)
    return {a: str(v.get("group", "-")) for a, v in full.get("articles", {}).items()}


def _gold(name: str, data: Path | None) -> tuple[Path, dict[str, Any]]:
    if name == "written-gold":
        folder = data or written_gold.FOLDER
        full = written_gold.check(folder)
        groups = written_gold.groups_in_split(full, "dev")
        return folder, conflict_gold.gold_of_articles(
            full, written_gold.articles_of_groups(full, groups)
        )
    if data is None:
        raise SystemExit("conflict-gold: give --data DIR (the folder of its gold file)")
    return data, conflict_gold.gold_in_split(
        conflict_gold.read_gold(data / conflict_gold.MARKER), "dev"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="written-gold", choices=["written-gold", "conflict-gold"])
    parser.add_argument("--data", type=Path, default=None, help="the gold set's folder")
    parser.add_argument("--skip", default=HELD_OUT, metavar="REGEX",
                        help="leave out the articles whose file name matches (the check "
                             "batches kept unread by default: their items are not "
                             "printed; '' keeps all)")  # fmt: skip
    args = parser.parse_args()
    folder, gold = _gold(args.set, args.data)
    group_of = _groups(args.set, args.data)
    ctx = EvalContext(settings=Settings(), split="dev")
    articles = conflict_gold.read_articles(folder, gold)
    if args.skip:
        articles = {f: a for f, a in articles.items() if not re.match(args.skip, f)}
        gold = {**gold, "events": [e for e in gold.get("events", []) if e["article"] in articles],
                "same_incident": [p for p in gold.get("same_incident", [])
                                  if all(x["article"] in articles for x in p)]}  # fmt: skip
    gold = conflict_gold.restrict_to_texts(gold, (a.text for a in articles.values()))
    run = run_pipeline(list(articles.values()), ctx)
    files = {a.id: f for f, a in articles.items()}
    pred = prediction_from_run(run, files)
    matched = _match_events(Gold(gold), Owners(pred), pred, ctx.resources.ontology)
    res = run.resolution
    names = {a.id: a.name for a in res.actors}
    told, sides, event_of = LAST_MERGE[0]
    incs = sorted(link_facets(told), key=lambda i: i.id)
    reports = {r.id: r for r in article_reports(incs, sides)}
    incident_of = {e: inc.id for inc in res.incidents for e in (*inc.events, *inc.facets)}
    report_incidents: dict[str, set[str]] = {}
    held: dict[str, list[str]] = defaultdict(list)  # incident -> its reports
    for d in incs:
        # by each mention's statement, as the events pass files them: a trigger told of
        # two targets is two events (``doc_incident_record.event_for``)
        events = {event_for(event_of, em) for em in d.members}
        report_incidents[d.id] = {incident_of[e] for e in events if e in incident_of}
        for i in report_incidents[d.id]:
            held[i].append(d.id)
    by_id = {ge["id"]: ge for ge in gold.get("events", [])}

    def sentence_reports(ge: dict[str, Any]) -> list[str]:
        evidence = ge.get("evidence", "")
        return [d.id for d in incs if files.get(d.article_id) == ge["article"]
                and any(_one_sentence(em.evidence.sentence, evidence)
                        for em in d.members)]  # fmt: skip

    def said(r: Report) -> str:
        named = "; ".join(sorted(names.get(a, a) for a in r.named)) or "-"
        doers = "; ".join(sorted(names.get(a, a) for a in r.doers)) or "-"
        place = f"{r.place.name} ({r.place.precision})" if r.place else "-"
        return (f"{files.get(r.article_id)} {r.type} day={r.day or '-'} place={place} "
                f"sides={named} doers={doers} sites={','.join(sorted(r.sites)) or '-'} "
                f"figures={sorted(r.figures)}")  # fmt: skip

    def ours(e: PredEvent | None) -> str:
        if e is None:
            return "-"
        return f"{e.id} ({e.incident or 'no incident'}) {e.type} {e.date} {e.place}"

    classes: dict[str, list[str]] = defaultdict(list)
    groups: dict[str, set[str]] = defaultdict(set)  # the groups (theatres) of each class
    one_by_reports = 0
    pairs = gold.get("same_incident", [])
    for pair in pairs:
        x, y = (by_id[p["event"]] for p in pair)
        a, b = matched.get(x["id"]), matched.get(y["id"])
        rx, ry = sentence_reports(x), sentence_reports(y)
        ix = set().union(*(report_incidents.get(r, set()) for r in rx))
        iy = set().union(*(report_incidents.get(r, set()) for r in ry))
        one_by_reports += bool(ix & iy)
        if a is not None and b is not None and (a.incident or a.id) == (b.incident or b.id):
            continue
        kind = "a" if a is None or b is None else "c" if ix & iy else "b"
        classes[kind].append(f"{x['id']}+{y['id']}")
        groups[kind].add(group_of.get(x["article"], "-"))
        print(f"\n({kind}) {x['id']} ({x['article']}) + {y['id']} ({y['article']}), group "
              f"{group_of.get(x['article'], '-')}: {x.get('description', '')}")  # fmt: skip
        print(f"    ours: {ours(a)} | {ours(b)}")
        for tag, found in (("x", rx), ("y", ry)):
            for rid in found:
                print(f"    report {tag}: {said(reports[rid])}")
        for p in rx:
            for q in ry:
                shared, why = explain_pair(reports[p], reports[q])
                print(f"    {why or 'compatible'} (blocks: {'; '.join(shared) or 'none'})")
                for i in report_incidents.get(p, set()) - report_incidents.get(q, set()):
                    for j in report_incidents.get(q, set()) - report_incidents.get(p, set()):
                        for m in held[i]:
                            for n in held[j]:
                                if (m, n) != (p, q) and (w := explain_pair(reports[m],
                                                                           reports[n])[1]):  # fmt: skip
                                    print(f"      complete link: {files.get(reports[m].article_id)}"
                                          f" x {files.get(reports[n].article_id)}: {w}")  # fmt: skip
    print(f"\n{args.set} dev: {len(pairs)} same-incident pairs, "
          f"{len(pairs) - sum(map(len, classes.values()))} counted by the scorer")  # fmt: skip
    for kind in "abc":
        print(f"  ({kind}) {len(classes[kind])} in {len(groups[kind])} groups: "
              f"{', '.join(classes[kind]) or '-'}")  # fmt: skip
    print(f"  one incident by our reports (the gold sentences' reports share one): "
          f"{one_by_reports} of {len(pairs)}")  # fmt: skip


if __name__ == "__main__":
    main()
