"""Incidents (issue 14) against our hand-written set, the Libya seeds and Timeline17.

Usage: python bench/incidents.py [--verbose] [--explain] [--keep DIR] [--skip-set] [--skip-seeds]
                                 [--skip-t17] [--t17-sizes 200,500,1000,2000]
       python bench/incidents.py --rebuild COPY.db   # time one stored corpus's rebuild
       python bench/incidents.py --rebuild DB --merge-sizes 500,1000,2000  # merge step only

1. Our hand-written incident set (tests/data/incidents/): ingested into a temporary
   SQLite store with the library API, then the resolved events are grouped by the gold
   incident of their articles. Prints events per article, events per gold incident,
   how many gold incidents are one record (every report in one event), how many pairs of
   different gold incidents share a record, and the killed/wounded that a sum over a
   gold incident's events gives next to the gold range. On incident records, two gold
   incidents share a record when it holds reports of both and its type is of both their
   incident families: an anniversary march's report recalls the attack it marks, and
   that recalled attack joining the attack's record is no merge of the two.
2. The five Libya seed articles (skipped when absent): events per article, events that
   carry more than one article.
3. Timeline17 conflict articles (skipped when absent), a fixed sample ordered by the
   SHA-256 of their ids: the same figures on the first 200, and the time of ``rebuild``
   as the store grows to each size of ``--t17-sizes`` (articles are ingested once,
   in steps). Run it with ``nice``: on two busy shared cores the model ingests about
   0.7 articles/s, and ``rebuild`` grows faster than linearly (17 s at 200 articles,
   66 s at 500, 616 s at 1,000), so ``--t17-sizes 200,500,1000`` is what fits an hour.

Each corpus is measured twice: mention-level events (the "before" of issue 14: events per
article, counts summed over a gold incident's events) and incidents (incidents per article,
events per incident, gold incidents that are one incident, near-miss pairs sharing one,
best-supported counts against the gold range). The merge step (``resolve_incidents``) is
timed on its own at each store size, and on synthetic article incidents at
``--synthetic-sizes`` (no model needed) to show how it grows.

``--explain`` traces our set's misses: for each gold incident told by several reports (and
each near-miss pair), every pair of reports of its family with the blocks they share (none:
never compared) and the rule that keeps them apart (``resolve.incidents.explain_pair``);
a pair of articles with one compatible pair of reports prints one line.
``--explain-jsonl FILE`` does the same for any articles (JSON Lines with an ``id`` field):
every pair of reports of one family from two of them.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
import time
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path

import eventwire.resolve as resolve_module
from eventwire.config import Settings
from eventwire.evaluate.sets.timeline17 import detokenize
from eventwire.ingest import read_sources
from eventwire.knowledge.ontology import read_ontology
from eventwire.knowledge.resources import Resources
from eventwire.model import (
    COUNT_KINDS,
    Article,
    DocumentRecords,
    Event,
    EventMention,
    Evidence,
    Incident,
    Place,
    Resolution,
    Span,
    When,
)
from eventwire.pipeline import ingest, rebuild
from eventwire.resolve.doc_incidents import DocIncident, document_incidents
from eventwire.resolve.incidents import (
    Report,
    article_reports,
    assign_actors,
    explain_pair,
    link_facets,
    resolve_incidents,
)
from eventwire.store import open_store

ROOT = Path(__file__).resolve().parents[1]
INCIDENTS = ROOT / "tests" / "data" / "incidents"
SEEDS = ROOT.parent / "shared" / "corpus" / "libya-seeds"
T17 = ROOT.parent / "shared" / "eval" / "timeline17_conflict" / "articles.jsonl"
TOWN = frozenset({"point", "city"})
OUTLET_OF_TOPIC = {"cnn": "CNN", "reuters": "Reuters", "bbc": "BBC", "guardian": "The Guardian"}


@dataclass(frozen=True)
class GoldIncident:
    id: str
    family: str
    date: str
    place: str
    counts: dict[str, tuple[int, int]]  # kind -> [low, high]; kinds no report states are absent
    articles: tuple[str, ...]  # our ids ("id" field of the JSONL lines)
    retold_in: tuple[str, ...] = ()  # articles of other incidents that also retell this one


@dataclass(frozen=True)
class CorpusFigures:
    name: str
    articles: int
    events: int
    per_article: float  # mean number of events with evidence in an article
    multi: int  # events whose evidence spans more than one article
    widest: int  # most articles behind one event
    town: float  # share of events placed at a town or a point (not a region or country)
    day: float  # share of events dated to the day
    actor: float  # share of events with a resolved source or target actor
    rebuild_s: float | None = None
    incidents: int = 0
    inc_per_article: float = 0.0  # mean number of incidents with evidence in an article
    events_per_incident: float = 0.0
    merge_s: float | None = None  # resolve_incidents alone


def _range(value: object) -> tuple[int, int]:
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return (value[0], value[1])
    raise ValueError(f"a count range must be [low, high], not {value!r}")


def read_gold(path: Path) -> tuple[list[GoldIncident], list[tuple[str, str, str]]]:
    """The gold incidents and the near-miss pairs (two incident ids and why they differ)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    incidents = [
        GoldIncident(
            id=rec["id"],
            family=rec["family"],
            date=rec["date"],
            place=rec["place"],
            counts={k: _range(rec[k]) for k in COUNT_KINDS if k in rec},
            articles=tuple(rec["articles"]),
            retold_in=tuple(rec.get("retold_in", ())),
        )
        for rec in data.get("incident", ())
    ]
    apart = [(rec["a"], rec["b"], rec["why"]) for rec in data.get("apart", ())]
    return incidents, apart


def articles_of(event: Event) -> set[str]:
    return {e.article_id for e in event.evidence}


MERGE_TIMES: list[float] = []
# the last merge's article incidents and state sides, for --explain
LAST_MERGE: list[tuple[list[DocIncident], dict[str, str]]] = []


def _timed_merge(*args: object, **kwargs: object) -> list[Incident]:
    told = list(args[0])  # type: ignore[call-overload]
    sides = args[4] if len(args) > 4 else kwargs.get("side_of")
    LAST_MERGE[:] = [(told, dict(sides or {}))]  # type: ignore[call-overload]
    args = (told, *args[1:])
    start = time.perf_counter()
    out = resolve_incidents(*args, **kwargs)  # type: ignore[arg-type]
    MERGE_TIMES.append(time.perf_counter() - start)
    return out


# the resolution calls the merge step through its package namespace: time it there
resolve_module.resolve_incidents = _timed_merge  # type: ignore[attr-defined]


def corpus_figures(
    name: str,
    article_ids: Sequence[str],
    events: Sequence[Event],
    rebuild_s: float | None,
    incidents: Sequence[Incident] = (),
) -> CorpusFigures:
    wanted = set(article_ids)
    told = [{e.article_id for e in i.evidence} & wanted for i in incidents]
    told = [s for s in told if s]
    spans = [(e, articles_of(e) & wanted) for e in events]
    spans = [(e, s) for e, s in spans if s]
    n = len(spans) or 1
    return CorpusFigures(
        name=name,
        articles=len(wanted),
        events=len(spans),
        per_article=sum(len(s) for _e, s in spans) / len(wanted) if wanted else 0.0,
        multi=sum(len(s) > 1 for _e, s in spans),
        widest=max((len(s) for _e, s in spans), default=0),
        town=sum(bool(e.location and e.location.precision in TOWN) for e, _s in spans) / n,
        day=sum(e.date_precision == "day" for e, _s in spans) / n,
        actor=sum(bool(e.source_actor or e.target_actor) for e, _s in spans) / n,
        rebuild_s=rebuild_s,
        incidents=len(told),
        inc_per_article=sum(len(s) for s in told) / len(wanted) if wanted else 0.0,
        events_per_incident=(
            sum(len(i.events) for i in incidents if {e.article_id for e in i.evidence} & wanted)
            / max(len(told), 1)
        ),
        merge_s=MERGE_TIMES[-1] if MERGE_TIMES else None,
    )


def _run(paths: Sequence[Path], settings: Settings) -> tuple[Resolution, float]:
    """Ingest ``paths`` into the store named by ``settings`` and rebuild; (resolution, rebuild s)."""
    store = open_store(settings)
    try:
        report = ingest(paths, store, settings)
        if report.failures:
            raise SystemExit(f"{report.failures[0].source}: {report.failures[0].problem}")
        start = time.perf_counter()
        resolution = rebuild(store, settings)
        return resolution, time.perf_counter() - start
    finally:
        store.close()


def _ids_by_key(paths: Iterable[Path], settings: Settings) -> dict[str, str]:
    """Our "id" field of each article -> the article id the store gives it."""
    out: dict[str, str] = {}
    for item in read_sources(list(paths), settings):
        if not isinstance(item, Article):
            raise SystemExit(f"{item.source}: {item.problem}")
        out[str(item.metadata["id"])] = item.id
    return out


def _count_sum(events: Iterable[Event], kind: str) -> int:
    return sum(e.counts.get(kind, 0) for e in events)


def _fmt_range(r: tuple[int, int] | None) -> str:
    if r is None:
        return "-"
    return str(r[0]) if r[0] == r[1] else f"{r[0]}-{r[1]}"


def _describe(e: Event, articles: dict[str, str], actors: dict[str, str]) -> str:
    where = e.location.name if e.location else "-"
    arts = ",".join(sorted(articles.get(a, a) for a in articles_of(e)))
    counts = " ".join(f"{k}={v}" for k, v in sorted(e.counts.items()))
    source = actors.get(e.source_actor or "", "-")
    target = actors.get(e.target_actor or "", "-")
    return (f"    {e.type:9} {e.date or '-':10} {where:12} {source} -> {target} "
            f"[{arts}] {counts}")  # fmt: skip


def explain_set(
    incidents: Sequence[GoldIncident],
    apart: Sequence[tuple[str, str, str]],
    ids: dict[str, str],
    actor_names: dict[str, str],
) -> None:
    """For each gold incident told by several reports and each near-miss pair: the blocks
    two reports share and the rule that keeps them apart, report by report (only reports
    of the gold incident's family are compared)."""
    told, sides = LAST_MERGE[0]
    incs = sorted(link_facets(told), key=lambda i: i.id)
    by_article: dict[str, list[Report]] = defaultdict(list)
    for report in article_reports(incs, sides):
        by_article[report.article_id].append(report)
    onto = read_ontology()
    gold = {g.id: g for g in incidents}

    def said(r: Report) -> str:
        names = sorted(actor_names.get(a, a) for a in r.named)
        place = f"{r.place.name} ({r.place.precision})" if r.place else "-"
        return f"{r.type} day={r.day or '-'} place={place} sides={'; '.join(names) or '-'}"

    def compare(label: str, family: str, x: str, y: str) -> None:
        """One line when some report of ``x`` and one of ``y`` are compatible, else every
        pair of their reports with the blocks it shares and the rule that fired."""
        kind = onto.incident_family(family, False)
        found = []
        for a in [r for r in by_article[ids[x]] if r.kind == kind]:
            for b in [r for r in by_article[ids[y]] if r.kind == kind]:
                shared, why = explain_pair(a, b)
                if why is None:
                    print(f"  {label}: {x} x {y}: compatible ({'; '.join(shared)})")
                    return
                found.append((a, b, shared, why))
        print(f"  {label}: {x} x {y}: {'apart' if found else 'no report of the family'}")
        for a, b, shared, why in found:
            print(f"    {why}\n      {x}: {said(a)}\n      {y}: {said(b)}")
            print(f"      shared blocks: {'; '.join(shared) or 'none (never compared)'}")

    print("\n### Why reports stay apart (--explain)")
    for inc in incidents:
        for x, y in combinations(inc.articles, 2):
            compare(inc.id, inc.family, x, y)
    for a, b, why in apart:
        print(f"near miss {a} / {b} ({why})")
        for x in gold[a].articles:
            for y in gold[b].articles:
                compare("near miss", gold[a].family, x, y)


def explain_articles(path: Path, tmp: Path) -> None:
    """Every pair of reports of one family from two articles of ``path`` (JSON Lines, as
    ``eventwire ingest`` reads it, each with an ``id`` field): the blocks they share and
    the rule that keeps them apart (for articles outside our set, such as a dev split's
    same-incident pairs)."""
    settings = Settings(db=str(tmp / "explain.db"))
    ids = _ids_by_key([path], settings)
    names = {v: k for k, v in ids.items()}
    resolution, _s = _run([path], settings)
    actor_names = {a.id: a.name for a in resolution.actors}
    told, sides = LAST_MERGE[0]
    reports = article_reports(sorted(link_facets(told), key=lambda i: i.id), sides)
    print(f"\n## Report pairs of {path.name} ({len(ids)} articles, {len(reports)} reports)")
    for a, b in combinations(sorted(reports, key=lambda r: (names.get(r.article_id, ""), r.id)), 2):
        if a.article_id == b.article_id or a.kind != b.kind:
            continue
        shared, why = explain_pair(a, b)
        print(f"  {names.get(a.article_id)} x {names.get(b.article_id)}: {why or 'compatible'}")
        for r in (a, b):
            sides_named = "; ".join(sorted(actor_names.get(x, x) for x in r.named)) or "-"
            place = f"{r.place.name} ({r.place.precision})" if r.place else "-"
            print(f"    {names.get(r.article_id)}: {r.type} day={r.day or '-'} place={place} "
                  f"sides={sides_named}")  # fmt: skip
        print(f"    shared blocks: {'; '.join(shared) or 'none (never compared)'}")


def incident_set(tmp: Path, verbose: bool = False, explain: bool = False) -> CorpusFigures:
    incidents, apart = read_gold(INCIDENTS / "gold.toml")
    files = sorted(INCIDENTS.glob("*.jsonl"))
    settings = Settings(db=str(tmp / "incidents.db"))
    ids = _ids_by_key(files, settings)
    resolution, rebuild_s = _run(files, settings)
    events = list(resolution.events)
    actor_names = {a.id: a.name for a in resolution.actors}
    incident_of = {ids[a]: inc.id for inc in incidents for a in inc.articles}
    by_incident: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        for name in sorted({incident_of[a] for a in articles_of(e) if a in incident_of}):
            by_incident[name].append(e)

    print(f"\n## Our incident set: {len(ids)} articles, {len(incidents)} gold incidents")
    print(f"{'incident':34} {'reports':>7} {'events':>6} {'merged':>6} "
          f"{'killed sum':>10} {'gold':>6} {'wounded sum':>11} {'gold':>6}")  # fmt: skip
    one_record = 0
    multiplied = 0
    for inc in incidents:
        evs = by_incident[inc.id]
        reports = {ids[a] for a in inc.articles}
        merged = any(reports <= articles_of(e) for e in evs)
        one_record += merged
        sums = {kind: _count_sum(evs, kind) for kind in COUNT_KINDS}
        multiplied += any(sums[k] > high for k, (_low, high) in inc.counts.items())
        print(
            f"{inc.id:34} {len(reports):7d} {len(evs):6d} {'yes' if merged else 'no':>6} "
            f"{sums['killed']:10d} {_fmt_range(inc.counts.get('killed')):>6} "
            f"{sums['wounded']:11d} {_fmt_range(inc.counts.get('wounded')):>6}"
        )
        if verbose:
            names = {ids[a]: a.removeprefix("inc-") for a in inc.articles}
            for e in evs:
                print(_describe(e, names, actor_names))
    shared_pairs: set[tuple[str, str]] = set()
    for e in events:
        incs = sorted({incident_of[a] for a in articles_of(e) if a in incident_of})
        shared_pairs.update(combinations(incs, 2))
    near = {tuple(sorted((a, b))) for a, b, _why in apart}
    incident_records = list(resolution.incidents)
    figures = corpus_figures(
        "incident set", sorted(ids.values()), events, rebuild_s, incident_records
    )
    _incident_table(incidents, near, ids, incident_of, incident_records, verbose)
    if explain:
        explain_set(incidents, apart, ids, actor_names)
    print(f"events per article (mean)          : {figures.per_article:.2f}")
    print(f"events per gold incident (mean)    : "
          f"{sum(len(by_incident[i.id]) for i in incidents) / len(incidents):.2f}")  # fmt: skip
    print(f"gold incidents that are one record : {one_record} of {len(incidents)}")
    print(f"gold incident pairs sharing a record: {len(shared_pairs)} "
          f"({len(shared_pairs & near)} of the {len(near)} near-miss pairs)")  # fmt: skip
    print(f"gold incidents whose summed toll exceeds the gold range: {multiplied}")
    print(f"events carrying more than one article: {figures.multi}")
    return figures


def _incident_table(
    incidents: Sequence[GoldIncident],
    near: set[tuple[str, ...]],
    ids: dict[str, str],
    incident_of: dict[str, str],
    records: Sequence[Incident],
    verbose: bool,
) -> None:
    """The same set measured on incident records: one per gold incident?"""
    retells = {ids[a]: g.id for g in incidents for a in g.retold_in}

    def golds_in(inc: Incident) -> set[str]:
        """The gold incidents a record holds reports of; an article that retells another
        incident (``retold_in``) counts for its own only where that one is not told there."""
        arts = {e.article_id for e in inc.evidence if e.article_id in incident_of}
        told = {incident_of[a] for a in arts if a not in retells}
        return {incident_of[a] for a in arts if retells.get(a) not in told}

    by_gold: dict[str, list[Incident]] = defaultdict(list)
    for inc in records:
        for name in sorted(golds_in(inc)):
            by_gold[name].append(inc)
    print("\n### Incident records")
    print(f"{'incident':34} {'reports':>7} {'records':>7} {'one':>4} {'killed':>8} {'gold':>6} "
          f"{'wounded':>8} {'gold':>6} {'in range':>8}")  # fmt: skip
    one = in_range = stated = 0
    for gold in incidents:
        reports = {ids[a] for a in gold.articles}
        recs = by_gold[gold.id]
        whole = [r for r in recs if reports <= {e.article_id for e in r.evidence}]
        one += bool(whole)
        lead = max(recs, key=lambda r: (r.source_count, r.id), default=None)
        ok = []
        for kind, (low, high) in gold.counts.items():
            if lead is not None and kind in lead.counts:
                ok.append(low <= lead.counts[kind] <= high)
        stated += bool(ok)
        in_range += bool(ok) and all(ok)

        def fig(kind: str, r: Incident | None = lead) -> str:
            if r is None or kind not in r.counts:
                return "-"
            lo, hi = r.count_min[kind], r.count_max[kind]
            return f"{r.counts[kind]}" + (f" ({lo}-{hi})" if lo != hi else "")

        print(f"{gold.id:34} {len(reports):7d} {len(recs):7d} {'yes' if whole else 'no':>4} "
              f"{fig('killed'):>8} {_fmt_range(gold.counts.get('killed')):>6} "
              f"{fig('wounded'):>8} {_fmt_range(gold.counts.get('wounded')):>6} "
              f"{'yes' if ok and all(ok) else ('-' if not ok else 'no'):>8}")  # fmt: skip
        if verbose and lead is not None:
            for line in lead.explanation:
                print(f"    {line}")
    # a record shares two gold incidents when it holds reports of both and its type is of
    # both their families: an anniversary march's article recalls the attack it marks,
    # and that recalled attack joining the attack's record is no merge of the two
    onto = read_ontology()
    family = {g.id: onto.incident_family(g.family, False) for g in incidents}
    shared = set()
    for inc in records:
        kind = onto.incident_family(inc.type, inc.sends_armed_men)
        golds = sorted(g for g in golds_in(inc) if family[g] == kind)
        shared.update(combinations(golds, 2))
    print(f"incident records (all)              : {len(records)}")
    print(f"records per gold incident (mean)    : "
          f"{sum(len(by_gold[g.id]) for g in incidents) / len(incidents):.2f}")  # fmt: skip
    print(f"gold incidents that are one record  : {one} of {len(incidents)}")
    print(f"near-miss pairs kept apart          : {len(near - shared)} of {len(near)} "
          f"({len(shared)} gold pairs share a record)")  # fmt: skip
    for a, b in sorted(near & shared):
        print(f"  near miss sharing a record: {a} / {b}")
    print(f"best-supported counts in gold range : {in_range} of {stated} incidents with counts")


def synthetic(sizes: Sequence[int]) -> None:
    """Time the merge step on synthetic articles: each tells one of size/3 incidents (a
    town of 60 across 4 countries, one of 3 types, every third day in turn) in two
    sentences, so about three reports per incident and 20 per type and day."""
    if not sizes:
        return
    print("\n## Merge step on synthetic articles (no model)")
    print(f"{'articles':>8} {'reports':>8} {'incidents':>9} {'merge s':>8} {'ms/article':>10}")
    towns = [Place(f"geonames:{k}", f"Town{k}", 30.0 + k / 10, 13.0, f"C{k % 4}",
                   f"A{k % 12}", "city") for k in range(60)]  # fmt: skip
    onto = read_ontology()
    for size in sizes:
        rng = random.Random(size)
        docs = []
        for n in range(size):
            k = rng.randrange(max(size // 3, 1))
            town = towns[k % len(towns)]
            day = date.fromordinal(date(2024, 1, 1).toordinal() + 3 * (k // len(towns))).isoformat()
            etype = ("ASSAULT", "COERCE", "PROTEST")[k % 3]
            text = "Shells hit the town on Friday, killing two. The attack was condemned."
            ev1 = Evidence(f"a{n}", text[:31], 0, 31)
            ev2 = Evidence(f"a{n}", text[32:], 32, len(text))
            ems = (
                EventMention(f"a{n}", etype, Span(7, 10, "hit"), ev1, when=When(day, "day"),
                             place=town),
                EventMention(f"a{n}", etype, Span(36, 42, "attack"), ev2,
                             when=When(day, "publication"), place=None),
            )  # fmt: skip
            docs.append(DocumentRecords(f"a{n}", events=ems))
        told = []
        for doc in docs:
            for inc in document_incidents(doc, onto, {}):
                assign_actors(inc, {}, frozenset())
                told.append(inc)
        start = time.perf_counter()
        out = resolve_incidents(told, {}, [])
        spent = time.perf_counter() - start
        print(f"{size:8d} {len(told):8d} {len(out):9d} {spent:8.3f} {1000 * spent / size:10.3f}")


def seeds(tmp: Path) -> CorpusFigures | None:
    if not SEEDS.is_dir():
        print("\n(Libya seeds absent: skipped)")
        return None
    settings = Settings(db=str(tmp / "seeds.db"))
    ids = [a.id for a in read_sources([SEEDS], settings) if isinstance(a, Article)]
    resolution, rebuild_s = _run([SEEDS], settings)
    return corpus_figures(
        "Libya seeds", ids, list(resolution.events), rebuild_s, list(resolution.incidents)
    )


def t17_sample() -> list[dict[str, str | None]]:
    """Timeline17 articles in a fixed order: by the SHA-256 of their ids."""
    records = [json.loads(line) for line in T17.read_text(encoding="utf-8").splitlines() if line]
    records.sort(key=lambda r: hashlib.sha256(r["id"].encode("utf-8")).hexdigest())
    return [
        {
            "id": r["id"],
            "title": None,
            "published": r.get("pub_date") or None,
            "outlet": OUTLET_OF_TOPIC.get(r["topic"].rsplit("_", 1)[-1], r["topic"]),
            "text": detokenize(r["text"]),
        }
        for r in records
    ]


def timeline17(tmp: Path, sizes: Sequence[int]) -> list[CorpusFigures]:
    if not T17.is_file():
        print("\n(Timeline17 absent: skipped)")
        return []
    sample = t17_sample()
    settings = Settings(db=str(tmp / "t17.db"))
    store = open_store(settings)
    out = []
    try:
        done = 0
        ids: list[str] = []
        for size in sorted(sizes):
            size = min(size, len(sample))
            part = tmp / f"t17_{done}_{size}.jsonl"
            with part.open("w", encoding="utf-8") as fh:
                for rec in sample[done:size]:
                    fh.write(json.dumps({k: v for k, v in rec.items() if v}) + "\n")
            ids += [a.id for a in read_sources([part], settings) if isinstance(a, Article)]
            start = time.perf_counter()
            report = ingest([part], store, settings)
            ingest_s = time.perf_counter() - start
            start = time.perf_counter()
            resolution = rebuild(store, settings)
            rebuild_s = time.perf_counter() - start
            out.append(
                corpus_figures(f"Timeline17 {size}", ids, list(resolution.events), rebuild_s,
                               list(resolution.incidents))
            )  # fmt: skip
            print(
                f"Timeline17 {size:5d} articles: ingest of {report.ingested} new in "
                f"{ingest_s:.1f} s ({report.failed} unreadable), rebuild {rebuild_s:.2f} s "
                f"({1000 * rebuild_s / size:.2f} ms per article), merge step "
                f"{MERGE_TIMES[-1]:.3f} s",
                flush=True,
            )
            print_table(out[-1:])
            done = size
    finally:
        store.close()
    return out


def rebuild_store(path: Path) -> CorpusFigures:
    """Time ``rebuild`` (and its merge step) on a stored corpus as it is: pass a COPY of a
    store, as the rebuild rewrites its picture (and the code's migrations upgrade it)."""
    settings = Settings(db=str(path))
    with open_store(settings) as store:
        ids = [a.id for a in store.iter_articles()]
        start = time.perf_counter()
        resolution = rebuild(store, settings)
        rebuild_s = time.perf_counter() - start
    print(f"{path.name}: {len(ids)} articles, rebuild {rebuild_s:.1f} s "
          f"({1000 * rebuild_s / max(len(ids), 1):.1f} ms per article), merge step "
          f"{MERGE_TIMES[-1]:.3f} s", flush=True)  # fmt: skip
    return corpus_figures(f"store {len(ids)}", ids, list(resolution.events), rebuild_s,
                          list(resolution.incidents))  # fmt: skip


def merge_at_sizes(path: Path, sizes: Sequence[int]) -> None:
    """The merge step on the first N documents of a stored corpus (by article id), each
    size resolved on its own: how it grows with real articles."""
    settings = Settings(db=str(path))
    with open_store(settings) as store:
        docs = sorted(store.iter_document_records(), key=lambda d: d.article_id)
    resources = Resources(settings)
    print("articles  incidents  merge s  ms/article")
    for size in sizes:
        part = docs[:size]
        incidents = resolve_module.resolve(part, resources).incidents
        print(f"{len(part):8d} {len(incidents):10d} {MERGE_TIMES[-1]:8.3f} "
              f"{1000 * MERGE_TIMES[-1] / max(len(part), 1):11.2f}", flush=True)  # fmt: skip


def print_table(rows: Sequence[CorpusFigures]) -> None:
    print(f"{'corpus':18} {'articles':>8} {'events':>7} {'ev/article':>10} "
          f"{'ev >1 art':>9} {'max art/ev':>10} {'town':>5} {'day':>5} {'actor':>5} "
          f"{'rebuild s':>9} {'incidents':>9} {'inc/art':>7} {'ev/inc':>6} {'merge s':>7}")  # fmt: skip
    for r in rows:
        rebuild_s = f"{r.rebuild_s:9.2f}" if r.rebuild_s is not None else f"{'-':>9}"
        merge_s = f"{r.merge_s:7.3f}" if r.merge_s is not None else f"{'-':>7}"
        print(f"{r.name:18} {r.articles:8d} {r.events:7d} {r.per_article:10.2f} "
              f"{r.multi:9d} {r.widest:10d} {r.town:5.2f} {r.day:5.2f} {r.actor:5.2f} "
              f"{rebuild_s} {r.incidents:9d} {r.inc_per_article:7.2f} "
              f"{r.events_per_incident:6.2f} {merge_s}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list each incident's events")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="our set: for each pair of "
        "reports, the blocks they share and the rule that keeps them apart",
    )
    parser.add_argument("--explain-jsonl", type=Path, metavar="FILE", help="only: every "
                        "pair of reports of one family from two of these articles, with the "
                        "blocks they share and the rule that keeps them apart")  # fmt: skip
    parser.add_argument("--skip-set", action="store_true")
    parser.add_argument("--skip-seeds", action="store_true")
    parser.add_argument("--skip-t17", action="store_true")
    parser.add_argument("--t17-sizes", default="200,500,1000,2000",
                        help="comma-separated store sizes at which rebuild is timed")  # fmt: skip
    parser.add_argument("--synthetic-sizes", default="500,1000,2000,4000",
                        help="article counts at which the merge step is timed on synthetic "
                        "article incidents ('' to skip)")  # fmt: skip
    parser.add_argument("--keep", type=Path, help="keep the stores in this folder; a run "
                        "stopped half way then resumes, as ingest skips stored articles")  # fmt: skip
    parser.add_argument("--rebuild", type=Path, metavar="DB", help="only time the rebuild of "
                        "this stored corpus (give a copy: it is rewritten and migrated)")  # fmt: skip
    parser.add_argument("--merge-sizes", default="", metavar="N,N", help="with --rebuild: "
                        "time only the merge step on the first N stored articles")  # fmt: skip
    args = parser.parse_args()
    if args.explain_jsonl:
        with tempfile.TemporaryDirectory() as name:
            explain_articles(args.explain_jsonl, Path(name))
        return
    if args.rebuild and args.merge_sizes:
        merge_at_sizes(args.rebuild, [int(n) for n in args.merge_sizes.split(",") if n.strip()])
        return
    if args.rebuild:
        print_table([rebuild_store(args.rebuild)])
        return
    sizes = [int(s) for s in args.t17_sizes.split(",") if s.strip()]
    synthetic([int(s) for s in args.synthetic_sizes.split(",") if s.strip()])
    rows: list[CorpusFigures] = []
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(args.keep or name)
        tmp.mkdir(parents=True, exist_ok=True)
        if not args.skip_set:
            rows.append(incident_set(tmp, args.verbose, args.explain))
        if not args.skip_seeds and (seed_row := seeds(tmp)):
            rows.append(seed_row)
        if not args.skip_t17:
            rows += timeline17(tmp, sizes)
    print("\nAll corpora:")
    print_table(rows)


if __name__ == "__main__":
    main()
