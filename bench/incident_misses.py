"""The same-incident pairs of a gold set's dev split that the scorer misses, sorted by class.

Usage: python bench/incident_misses.py [--set written-gold|conflict-gold] [--data DIR]
       [--skip REGEX] [--merges]

By default the articles of the batches kept unread (:data:`HELD_OUT`: ``w243`` onwards,
the eleventh batch, a transfer check, and the twelfth, a hold-out) are left out, so none
of their items is printed; ``--skip ''`` keeps all.

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

Each miss is also given the step that decides it (``decided by``): no report holds a
gold sentence (no event); one incident by our reports, so the scorer's match decides;
else, of the pairs of reports holding the two gold sentences, a compatible pair kept
apart by the complete link (and the veto between their clusters), a pair the blocks
compare but a rule vetoes (which rule), or a pair no block compares (the rule that would
veto it, or none). The steps are counted with their groups at the end.

``--merges`` also prints the incidents joining reports of two or more articles that no
gold same-incident pair asks for, with their reports and the join's explanation, to read
by hand for wrong merges, and the gold pairs of different incidents whose reports share
one of our incidents (which the scorer may not see, matching other events).

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


# the articles of the check batches (the eleventh, a transfer check, and the twelfth, a
# hold-out: w243 onwards): never printed
HELD_OUT = r"w(24[3-9]|2[5-9][0-9]|[3-9][0-9][0-9])\b"

_DETAIL = re.compile(r"\s*\(.*\)$|^dates \d+ days apart$")


def _rule(why: str | None) -> str:
    """A veto's rule without its particulars ("two different towns (A, B)" is "two
    different towns"), so misses can be counted by rule."""
    if why is None:
        return "no block"
    return "dates days apart" if why.startswith("dates ") else _DETAIL.sub("", why)


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
    parser.add_argument("--merges", action="store_true",
                        help="also print the incidents of two or more articles that no "
                             "gold same-incident pair asks for, to read by hand")  # fmt: skip
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

    def cause(kind: str, rx: list[str], ry: list[str], one: bool) -> str:
        """The step that decides a missed pair: no report of a gold sentence (no event);
        one incident by our reports, so the scorer's match; else, of the pairs of their
        reports, a compatible pair kept apart by the complete link, a pair the blocks
        compare but a rule vetoes, or a pair no block ever compares."""
        if not rx or not ry:
            return "no report holds a gold sentence (no event)"
        if one:
            return ("one incident by our reports; the scorer finds no counterpart"
                    if kind == "a" else "one incident by our reports; the scorer matches "
                    "another event")  # fmt: skip
        found = []
        for p in rx:
            for q in ry:
                shared, why = explain_pair(reports[p], reports[q])
                found.append((why is not None, not shared, _rule(why), p, q))
        vetoed, unpaired, rule, p, q = min(found)
        if not vetoed and not unpaired:
            return f"complete link: {linked_apart(p, q) or 'no veto found'}"
        return f"{'never paired' if unpaired else 'paired but vetoed'}: {rule}"

    def linked_apart(p: str, q: str) -> str:
        """The first veto between the members of the two clusters holding ``p`` and ``q``
        (one article's other report in the other cluster, or another rule)."""
        for i in sorted(report_incidents.get(p, set()) - report_incidents.get(q, set())):
            for j in sorted(report_incidents.get(q, set()) - report_incidents.get(p, set())):
                for m in held[i]:
                    for n in held[j]:
                        if (m, n) != (p, q) and (w := explain_pair(reports[m], reports[n])[1]):
                            return _rule(w)
        return ""

    classes: dict[str, list[str]] = defaultdict(list)
    causes: dict[str, list[str]] = defaultdict(list)  # the deciding step of each miss
    cause_groups: dict[str, set[str]] = defaultdict(set)
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
        why = cause(kind, rx, ry, bool(ix & iy))
        causes[why].append(f"{x['id']}+{y['id']}")
        cause_groups[why].add(group_of.get(x["article"], "-"))
        print(f"\n({kind}) {x['id']} ({x['article']}) + {y['id']} ({y['article']}), group "
              f"{group_of.get(x['article'], '-')}: {x.get('description', '')}")  # fmt: skip
        print(f"    decided by: {why}")
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
    print("  the step that decides each miss:")
    for why, missed in sorted(causes.items(), key=lambda c: (-len(c[1]), c[0])):
        print(f"    {len(missed)} in {len(cause_groups[why])} groups: {why} "
              f"({', '.join(missed)})")  # fmt: skip
    if args.merges:
        _merges(res.incidents, gold, reports, held, sentence_reports, said, files)


def _merges(
    incidents: Sequence[Incident],
    gold: dict[str, Any],
    reports: dict[str, Report],
    held: dict[str, list[str]],
    sentence_reports: Any,
    said: Any,
    files: dict[str, str],
) -> None:
    """The incidents joining reports of two or more articles that no gold same-incident
    pair asks for (no pair's two gold sentences lie in its reports), each with its reports
    and the join's explanation: the cross-article merges to read by hand for wrong ones.
    Also the gold pairs of different incidents whose reports share an incident."""
    by_id = {ge["id"]: ge for ge in gold.get("events", [])}
    asked: set[str] = set()
    for pair in gold.get("same_incident", []):
        x, y = (by_id[p["event"]] for p in pair)
        rx, ry = set(sentence_reports(x)), set(sentence_reports(y))
        asked.update(i for i, members in held.items() if rx & set(members) and ry & set(members))
    shown = 0
    for inc in sorted(incidents, key=lambda i: i.id):
        members = held.get(inc.id, [])
        articles = {reports[m].article_id for m in members if m in reports}
        if len(articles) < 2 or inc.id in asked:
            continue
        shown += 1
        print(f"\nmerge {inc.id}: {len(articles)} articles")
        for m in sorted(members, key=lambda m: files.get(reports[m].article_id, "")):
            print(f"    {said(reports[m])}")
        for line in inc.explanation:
            print(f"    why: {line}")
    print(f"\n{shown} incidents of two or more articles no gold pair asks for")
    for item in gold.get("different_incidents", []):
        if any(p["event"] not in by_id for p in item["pair"]):
            continue  # an event of a held-out article
        x, y = (by_id[p["event"]] for p in item["pair"])
        rx, ry = set(sentence_reports(x)), set(sentence_reports(y))
        if any(rx & set(m) and ry & set(m) for m in held.values()):
            print(f"  different incidents, one incident by our reports: {x['id']}+{y['id']}")


if __name__ == "__main__":
    main()
