"""The conflict gold's scorer: one figure per area, from aliases to same-incident pairs.

:func:`score` matches each gold event to one of ours first (an actor or target in
common, and the same sentence or place), then scores dates, places, counts and
incidents on those matches; aliases, must-not-merge pairs, relations, not-counts and
quotes are scored on their own. Every miss is kept on the result with what we had.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from eventwire.evaluate.base import SetResult
from eventwire.evaluate.exported import COUNT_KINDS, PredEvent, Prediction
from eventwire.evaluate.metrics import Metric, Tally, haversine_km, prf
from eventwire.evaluate.places import same_division, same_name
from eventwire.evaluate.sets.conflict_matching import (
    Gold,
    Owners,
    date_ok,
    fold,
    numbers_in,
    same_sentence_text,
)
from eventwire.knowledge.ontology import Ontology

PLACE_KM = 50.0

# Our event types that state a relation of the gold's kind ("or an event of the
# corresponding kind" in the set's README).
EVENT_RELATION = {
    "ASSAULT": "fight",
    "SUPPORT": "support",
    "AID": "support",
    "CONSULT": "meet",
    "COOPERATE": "ally",
    "REJECT": "oppose",
    "PROTEST": "oppose",
}
UNDIRECTED = frozenset({"fight", "ally", "meet"})


def score(
    gold: dict[str, Any], pred: Prediction, onto: Ontology, name: str = "conflict-gold"
) -> SetResult:
    """Score ``pred`` against ``gold``; ``onto`` reads the gold's type labels. ``name`` is
    the set's (every gold in this schema is scored the same way)."""
    result = SetResult(name, items=0, articles=len(gold["articles"]))
    g = Gold(gold)
    owners = Owners(pred)
    metrics: dict[str, Metric] = {}
    metrics.update(_aliases(g, owners, result))
    metrics["must_not_merge"] = _must_not_merge(g, owners, result)
    metrics.update(_relations(g, owners, pred, result))
    matched = _match_events(g, owners, pred, onto)
    metrics.update(_events(g, matched, result, onto))
    metrics["not_counts"] = _not_counts(g, pred, result)
    metrics["quotes"] = _quotes(g, owners, pred, result)
    metrics.update(_incidents(g, matched, result))
    result.metrics = metrics
    result.items = sum(
        len(gold.get(k, []))
        for k in ("alias_clusters", "must_not_merge", "relations", "events", "not_counts")
    ) + len(gold.get("quotes", []))
    return result


def _aliases(g: Gold, owners: Owners, result: SetResult) -> dict[str, Metric]:
    complete = Tally()
    tp = fp = fn = 0
    spelling_owners: dict[tuple[str, str], set[str]] = {}
    for name, spellings in sorted(g.clusters.items()):
        for s in spellings:
            spelling_owners[(name, s)] = owners.of(s)
        common = set.intersection(*(spelling_owners[(name, s)] for s in spellings))
        if not complete.add(bool(common)):
            got = {
                s: sorted(owners.names.get(o, o) for o in spelling_owners[(name, s)])
                for s in spellings
            }
            result.miss(name, "alias_cluster", spellings, got, None)
    keys = sorted(spelling_owners)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            shared = bool(spelling_owners[a] & spelling_owners[b])
            if a[0] == b[0]:
                tp, fn = tp + shared, fn + (not shared)
            elif shared:
                fp += 1
    pair = prf(tp, fp, fn)
    return {
        "aliases": complete.metric("share of alias clusters whose spellings one actor owns"),
        "alias_pair_precision": Metric(
            pair.precision, tp + fp, "pairs of spellings one actor owns"
        ),
        "alias_pair_recall": Metric(pair.recall, tp + fn),
    }


def _must_not_merge(g: Gold, owners: Owners, result: SetResult) -> Metric:
    kept = Tally()
    for item in g.raw.get("must_not_merge", []):
        a, b = item["pair"]
        owns_a = set().union(*(owners.of(s) for s in g.spellings(a)))
        owns_b = set().union(*(owners.of(s) for s in g.spellings(b)))
        both = owns_a & owns_b
        if not kept.add(not both):
            result.miss(f"{a} / {b}", "must_not_merge", item.get("why"), sorted(both), None)
    return kept.metric("share of pairs no actor or place of ours owns both of")


def _relation_found(
    g: Gold, owners: Owners, pred: Prediction, row: dict[str, Any], statuses: set[str] | None
) -> bool:
    types = {row["type"], *row.get("also_accept_type", [])}
    sources = g.names_of(row["source"], row.get("also_accept_source", []))
    targets = g.names_of(row["target"], row.get("also_accept_target", []))
    candidates: list[tuple[str | None, str | None, str, str]] = [
        (r.source, r.target, r.type, r.status)
        for r in pred.relations
        if r.article == row["article"]
    ]
    candidates += [
        (e.source, e.target, EVENT_RELATION[e.type], e.status)
        for e in pred.events
        if e.article == row["article"] and e.type in EVENT_RELATION
    ]
    for src, tgt, kind, status in candidates:
        if kind not in types or (statuses is not None and status not in statuses):
            continue
        if g.matches(owners, src, sources) and g.matches(owners, tgt, targets):
            return True
        undirected = kind in UNDIRECTED
        if undirected and g.matches(owners, tgt, sources) and g.matches(owners, src, targets):
            return True
    return False


def _relations(g: Gold, owners: Owners, pred: Prediction, result: SetResult) -> dict[str, Metric]:
    right, found, contested = Tally(), Tally(), Tally()
    for row in g.raw.get("relations", []):
        statuses = {row["status"], *row.get("status_also_ok", [])}
        ok = right.add(_relation_found(g, owners, pred, row, statuses))
        found.add(_relation_found(g, owners, pred, row, None))
        if row["status"] in ("denied", "hypothetical"):
            contested.add(ok)
        if not ok:
            what = f"{row['source']} {row['type']} {row['target']} ({row['status']})"
            result.miss(row["article"], "relation", what, None, row.get("evidence"))
    return {
        "relations": right.metric("found with the right type and status"),
        "relations_any_status": found.metric("found with the right type, any status"),
        "relations_denied_hypothetical": contested.metric("rows coded denied or hypothetical"),
    }


def _match_events(
    g: Gold, owners: Owners, pred: Prediction, onto: Ontology
) -> dict[str, PredEvent | None]:
    """Each gold event's counterpart among ours in its article: an actor or target in
    common (either side; nothing to compare when the gold codes neither) and the same
    place or evidence sentence. The same sentence wins over the same place; among equals,
    a type of the incident family of the gold's types wins over any other
    (:func:`_type_rank`), then text order. A sentence often tells a statement about
    an act beside the act ("the army said it repelled the attack"): the first event of
    the sentence is not the act the gold codes just because it comes first."""
    matched: dict[str, PredEvent | None] = {}
    by_article: dict[str, list[PredEvent]] = defaultdict(list)
    for e in pred.events:
        by_article[e.article].append(e)
    for ge in g.raw.get("events", []):
        sides = [
            n for n in (ge.get("actor"), ge.get("target"), *ge.get("also_accept_actor", [])) if n
        ] + list(ge.get("also_accept_target", []))
        coded = bool(ge.get("actor") or ge.get("target"))
        wanted = _gold_types(ge, onto)
        best: tuple[tuple[int, int], PredEvent] | None = None
        for e in by_article.get(ge["article"], ()):
            # with no actor or target coded, place or sentence alone decide: a side it
            # also accepts widens what matches, never narrows it
            if coded and not any(g.matches(owners, x, sides) for x in (e.source, e.target)):
                continue
            same_sentence = _same_sentence(e.sentence, ge.get("evidence", ""))
            where = 0 if same_sentence else 1 if _place_ok(g, ge, e) else None
            if where is None:
                continue
            rank = (where, _type_rank(e.type, wanted, onto))
            if best is None or rank < best[0]:
                best = (rank, e)
        matched[ge["id"]] = best[1] if best else None
    return matched


def _same_sentence(ours: str | None, gold: str) -> bool:
    """Whether our evidence sentence is the gold's: as :func:`same_sentence_text` reads
    them (the gold's sentence may keep a dateline ours leaves out), or the other way
    round, when ours keeps an outlet's head the gold leaves out ("Jakarta Evening Post --
    Three days ago, gunmen ..." against "Three days ago, gunmen ..."). Read one way only,
    the sentence of the gold event was not found among ours, and an event of another
    sentence placed near the gold's place was taken for its counterpart."""
    ours = ours or ""
    return same_sentence_text(ours, gold) or same_sentence_text(gold, ours)


def _gold_types(ge: dict[str, Any], onto: Ontology) -> set[str]:
    """The gold event's type and the types it also accepts, as ours (FIGHT is ASSAULT)."""
    return {onto.normalise(t) or t for t in (ge["plover_type"], *ge.get("plover_also_ok", []))}


def _type_rank(ours: str, wanted: set[str], onto: Ontology) -> int:
    """0: a type of the incident family of one of the gold's types (the type itself, or
    an attack told as a raid); 1: any other (a statement about the act, its aftermath)."""
    family = onto.incident_family(ours)
    return 0 if any(onto.incident_family(t) == family for t in wanted) else 1


def _place_ok(g: Gold, ge: dict[str, Any], e: PredEvent) -> bool:
    if ge.get("lat") is not None and ge.get("lon") is not None:
        if e.lat is None or e.lon is None:
            return False
        return haversine_km(ge["lat"], ge["lon"], e.lat, e.lon) <= PLACE_KM
    if not ge.get("place") or not e.place:
        return False
    # by name: one spelling of the gold's ("south-east Lebanon" is "southeastern Lebanon")
    return any(
        fold(e.place) == fold(s) or same_name(e.place, s) or same_division(e.place, e.precision, s)
        for s in g.spellings(ge["place"])
    )


def _events(
    g: Gold, matched: dict[str, PredEvent | None], result: SetResult, onto: Ontology
) -> dict[str, Metric]:
    found, etype, date, place, counts = (Tally() for _ in range(5))
    for ge in g.raw.get("events", []):
        ours = matched[ge["id"]]
        item = f"{ge['article']}/{ge['id']}"
        sentence = ge.get("evidence")
        if not found.add(ours is not None):
            result.miss(item, "event", ge.get("description"), None, sentence)
        wanted = _gold_types(ge, onto)
        etype.add(ours is not None and ours.type in wanted)
        if ge.get("date") and not date.add(
            ours is not None and date_ok(ours.date, ge["date"], ge.get("date_end"))
        ):
            result.miss(item, "event_date", ge["date"], ours and ours.date, sentence)
        if ge.get("place") and not place.add(ours is not None and _place_ok(g, ge, ours)):
            result.miss(item, "event_place", ge["place"], ours and ours.place, sentence)
        also = ge.get("counts_also_ok", {})
        for kind in COUNT_KINDS:
            if ge.get(kind) is None:
                continue
            accepted = {ge[kind], *also.get(kind, [])}
            value = ours.counts.get(kind) if ours else None
            if not counts.add(value in accepted):
                result.miss(item, kind, ge[kind], value, sentence)
    return {
        "events_matched": found.metric(
            "gold events with a counterpart (actor or target, and place or sentence)"
        ),
        "event_types": etype.metric("PLOVER type, FIGHT read as our ASSAULT"),
        "event_dates": date.metric("exact at the gold's precision, or within its range"),
        "event_places_50km": place.metric(
            "within 50 km, or by name where the gold has no coordinates"
        ),
        "counts": counts.metric("killed, wounded, displaced: exact or an accepted alternative"),
    }


def _not_counts(g: Gold, pred: Prediction, result: SetResult) -> Metric:
    clean = Tally()
    figures: dict[str, set[int]] = defaultdict(set)
    for e in pred.events:
        figures[e.article] |= set(e.counts.values())
    for nc in g.raw.get("not_counts", []):
        wrong = numbers_in(nc["value"]) & figures.get(nc["article"], set())
        if not clean.add(not wrong):
            result.miss(nc["article"], "not_count", nc["value"], sorted(wrong), nc.get("why"))
    return clean.metric(
        "share of non-count numbers that no event of the article carries as a count"
    )


def _quote_start(text: str) -> str:
    return fold(text).strip(" \"'“”‘’«»")


def _quotes(g: Gold, owners: Owners, pred: Prediction, result: SetResult) -> Metric:
    right = Tally()
    for gq in g.raw.get("quotes", []):
        start = _quote_start(gq["starts"])
        candidates = [
            q
            for q in pred.quotes
            if q.article == gq["article"] and _quote_start(q.text).startswith(start)
        ]
        ok = any(
            g.matches(owners, q.speaker, [gq["speaker"]])
            or g.describes(q.speaker_description, gq["speaker"])
            for q in candidates
        )
        if not right.add(ok):
            ours = [
                owners.names.get(q.speaker or "", q.speaker) or q.speaker_description
                for q in candidates
            ] or None
            result.miss(gq["article"], "quote", f"{gq['speaker']}: {gq['starts']}", ours, None)
    return right.metric("quote found by its first words, with the gold speaker")


def _incidents(
    g: Gold, matched: dict[str, PredEvent | None], result: SetResult
) -> dict[str, Metric]:
    same, apart = Tally(), Tally()

    def one(a: PredEvent | None, b: PredEvent | None) -> bool:
        """Whether two matched events are one incident (one event is one incident too)."""
        return a is not None and b is not None and (a.incident or a.id) == (b.incident or b.id)

    for pair in g.raw.get("same_incident", []):
        a, b = (matched.get(x["event"]) for x in pair)
        if not same.add(one(a, b)):
            result.miss(
                f"{pair[0]['event']}+{pair[1]['event']}", "same_incident", True, False, None
            )
    for item in g.raw.get("different_incidents", []):
        a, b = (matched.get(x["event"]) for x in item["pair"])
        if not apart.add(not one(a, b)):
            ids = "+".join(x["event"] for x in item["pair"])
            result.miss(ids, "different_incidents", False, True, item.get("why"))
    return {
        "same_incident": same.metric("pairs exported as one incident"),
        "different_incidents_apart": apart.metric("look-alike pairs not merged"),
    }
