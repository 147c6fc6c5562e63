"""Conflict news gold: hand-coded articles on wars other than Libya (a generality test).

The gold (``gold.json``, schema in the set's README) codes actors and their spellings,
pairs that must stay apart, relations with a status, events with dates, places and
counts, numbers that are not counts, quotes and same-incident pairs. The scorer reads
our output in one plain form, :class:`~eventwire.evaluate.exported.Prediction` (also
readable from JSON, so the scorer is tested on tiny hand-written files). One figure per area; scoring rules in docs/evaluation.md.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from eventwire.errors import EvalError
from eventwire.evaluate.base import (
    Anchor,
    EvalContext,
    SetResult,
    gold_article,
    gold_sets,
    in_split,
    run_pipeline,
)
from eventwire.evaluate.exported import (
    COUNT_KINDS,
    PredEvent,
    Prediction,
    prediction_from_run,
    read_json,
)
from eventwire.evaluate.metrics import (
    Metric,
    Tally,
    content_words,
    haversine_km,
    prf,
    text_overlap,
)
from eventwire.evaluate.places import same_division, same_name
from eventwire.knowledge.ontology import Ontology
from eventwire.model import Article

MARKER = "gold.json"
# The areas with a goal (issue 13); the other figures explain them.
AREAS = (
    "aliases",
    "must_not_merge",
    "relations",
    "event_dates",
    "event_places_50km",
    "counts",
    "not_counts",
    "quotes",
    "same_incident",
)
ANCHORS = tuple(
    Anchor(area, ">= 0.90 with the shipped KB, >= 0.80 without", "eventwire goal, issue 13")
    for area in AREAS
)
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
# Words that may surround a gold spelling in our mention without naming something else:
# "the M23 rebel group" owns the spelling "M23".
_FRAME = frozenset(
    [
        "the",
        "a",
        "an",
        "rebel",
        "rebels",
        "group",
        "movement",
        "fighters",
        "militants",
        "militia",
        "forces",
        "force",
        "army",
        "government",
        "officials",
        "official",
        "'s",
        "s",
    ]
)
_WORD = re.compile(r"[^\W_]+(?:'s)?", re.UNICODE)
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}


# --- the gold -------------------------------------------------------------------------


def read_gold(path: Path) -> dict[str, Any]:
    gold = read_json(path)
    if not isinstance(gold.get("articles"), dict):
        raise EvalError(f"{path}: no 'articles' object")
    return gold


def gold_in_split(gold: dict[str, Any], split: str) -> dict[str, Any]:
    """The gold restricted to the articles of ``split``. A same-incident pair (two outlets,
    one incident) is split as one item, by its first article, so no pair straddles."""
    files = sorted(gold["articles"])
    partner = {}
    for pair in gold.get("same_incident", []):
        a, b = sorted((pair[0]["article"], pair[1]["article"]))
        partner[b] = a
    return gold_of_articles(gold, in_split(files, split, lambda f: partner.get(f, f)))


def gold_of_articles(gold: dict[str, Any], articles: Iterable[str]) -> dict[str, Any]:
    """The gold restricted to ``articles``: their rows, and the pairs wholly inside them."""
    keep = set(articles)
    out = dict(gold)
    out["articles"] = {f: v for f, v in gold["articles"].items() if f in keep}
    for key in ("relations", "events", "not_counts", "quotes"):
        out[key] = [r for r in gold.get(key, []) if r["article"] in keep]
    for key in ("same_incident",):
        out[key] = [p for p in gold.get(key, []) if all(x["article"] in keep for x in p)]
    out["different_incidents"] = [
        d
        for d in gold.get("different_incidents", [])
        if all(x["article"] in keep for x in d["pair"])
    ]
    return out


def restrict_to_texts(gold: dict[str, Any], texts: Iterable[str]) -> dict[str, Any]:
    """The name-level gold (alias clusters, place variants, must-not-merge pairs) cut to
    the spellings written in ``texts``: a split holds only some articles, and a spelling
    it never writes can be owned by nothing."""
    texts = list(texts)

    def written(spellings: Iterable[str]) -> list[str]:
        words = [(s, re.compile(rf"(?<!\w){re.escape(s)}(?!\w)")) for s in spellings]
        return [s for s, pattern in words if any(pattern.search(t) for t in texts)]

    out = dict(gold)
    for key in ("alias_clusters", "place_variants"):
        cut = {name: written(sp) for name, sp in gold.get(key, {}).items()}
        out[key] = {name: sp for name, sp in cut.items() if sp}
    names = Gold(out)
    out["must_not_merge"] = [
        item
        for item in gold.get("must_not_merge", [])
        if all(written(names.spellings(n)) for n in item["pair"])
    ]
    return out


# --- matching -------------------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").casefold().split())


def _words(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


def owns(surface: str, spelling: str) -> bool:
    """Our mention ``surface`` writes the gold ``spelling``: equal after folding case and
    apostrophes, or the spelling framed by words that name no other thing ("the M23
    rebel group" owns "M23")."""
    s, g = _words(surface), _words(spelling)
    if not g:
        return False
    if s == g:
        return True
    for i in range(len(s) - len(g) + 1):
        if s[i : i + len(g)] == g:
            rest = s[:i] + s[i + len(g) :]
            return all(w in _FRAME for w in rest)
    return False


class Owners:
    """Which of our actors and places wrote each gold spelling, per article and overall."""

    def __init__(self, pred: Prediction):
        self._by_article: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for article, surface, owner in pred.mentions:
            self._by_article[article].append((surface, owner))
        self.names = pred.actor_names

    def of(self, spelling: str, article: str | None = None) -> set[str]:
        articles = [article] if article else sorted(self._by_article)
        return {
            owner
            for a in articles
            for surface, owner in self._by_article.get(a, ())
            if owns(surface, spelling)
        } | {aid for aid, name in self.names.items() if owns(name, spelling) and article is None}

    def surfaces(self, owner: str) -> list[str]:
        return [s for ms in self._by_article.values() for s, o in ms if o == owner]


class Gold:
    """The gold's names: each canonical name's spellings, for matching our actors."""

    def __init__(self, gold: dict[str, Any]):
        self.raw = gold
        self.clusters: dict[str, list[str]] = dict(gold.get("alias_clusters", {}))
        self.places: dict[str, list[str]] = dict(gold.get("place_variants", {}))

    def spellings(self, name: str) -> list[str]:
        return self.clusters.get(name) or self.places.get(name) or [name]

    def names_of(self, name: str | None, also: Iterable[str] = ()) -> list[str]:
        return [n for n in (name, *also) if n]

    def matches(self, owners: Owners, actor: str | None, names: Sequence[str]) -> bool:
        """Our actor id is one of the gold names: it wrote one of their spellings, or
        (a description with no spellings coded, "witness in Runyonyi") shares a content
        word with it."""
        if not actor:
            return False
        for name in names:
            if name in self.clusters or name in self.places:
                if any(actor in owners.of(s) for s in self.spellings(name)):
                    return True
            elif text_overlap([*owners.surfaces(actor), owners.names.get(actor, "")], [name]):
                return True
        return False

    def describes(self, description: str | None, name: str) -> bool:
        """Our description of an unnamed speaker is the gold's: the gold speaker is itself a
        description (no alias cluster or place is coded under it) and every content word
        of it is in ours ("witness in Runyonyi" is "a witness in Runyonyi"; "a witness"
        alone, which drops the place, is not)."""
        if not description or name in self.clusters or name in self.places:
            return False
        wanted = content_words(name)
        return bool(wanted) and wanted <= content_words(description)


def numbers_in(value: str) -> set[int]:
    """The numbers a not-count value writes ("50 km (31 miles)" -> {50, 31})."""
    found = {int(float(n.replace(",", ""))) for n in _NUMBER.findall(value)}
    found |= {_NUMBER_WORDS[w] for w in _words(value) if w in _NUMBER_WORDS}
    return found


def date_ok(ours: str | None, gold: str, end: str | None) -> bool:
    """Exact at the gold's precision; with ``end``, any date in the inclusive range."""
    if not ours:
        return False
    if end:
        day = ours[:10]
        return len(day) == 10 and gold <= day <= end
    return ours[: len(gold)] == gold and len(ours) >= len(gold)


# --- scoring --------------------------------------------------------------------------


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
        wanted = _gold_types(ge, onto)
        best: tuple[tuple[int, int], PredEvent] | None = None
        for e in by_article.get(ge["article"], ()):
            # with no actor or target coded, place or sentence alone decide
            if sides and not any(g.matches(owners, x, sides) for x in (e.source, e.target)):
                continue
            same_sentence = same_sentence_text(e.sentence, ge.get("evidence", ""))
            where = 0 if same_sentence else 1 if _place_ok(g, ge, e) else None
            if where is None:
                continue
            rank = (where, _type_rank(e.type, wanted, onto))
            if best is None or rank < best[0]:
                best = (rank, e)
        matched[ge["id"]] = best[1] if best else None
    return matched


def _gold_types(ge: dict[str, Any], onto: Ontology) -> set[str]:
    """The gold event's type and the types it also accepts, as ours (FIGHT is ASSAULT)."""
    return {onto.normalise(t) or t for t in (ge["plover_type"], *ge.get("plover_also_ok", []))}


def _type_rank(ours: str, wanted: set[str], onto: Ontology) -> int:
    """0: a type of the incident family of one of the gold's types (the type itself, or
    an attack told as a raid); 1: any other (a statement about the act, its aftermath)."""
    family = onto.incident_family(ours)
    return 0 if any(onto.incident_family(t) == family for t in wanted) else 1


# A dateline the gold keeps at the head of a lead sentence ("GOMA — ", "KYIV (Reuters)—");
# our evidence is the body's sentence alone (the page's zones), so it is cut before
# comparing.
_DATELINE_HEAD = re.compile(r"^[^\n]{1,60}?(?:\s[-–—]+\s|[–—])(?=\S)")


def same_sentence_text(ours: str, gold: str) -> bool:
    """Our evidence sentence is the gold's, folded, or the gold's after its dateline."""
    a, b = _fold(ours), _fold(gold)
    if a == b:
        return True
    head = _DATELINE_HEAD.match(b)
    return head is not None and b[head.end() :] == a


def _place_ok(g: Gold, ge: dict[str, Any], e: PredEvent) -> bool:
    if ge.get("lat") is not None and ge.get("lon") is not None:
        if e.lat is None or e.lon is None:
            return False
        return haversine_km(ge["lat"], ge["lon"], e.lat, e.lon) <= PLACE_KM
    if not ge.get("place") or not e.place:
        return False
    # by name: one spelling of the gold's ("south-east Lebanon" is "southeastern Lebanon")
    return any(
        _fold(e.place) == _fold(s)
        or same_name(e.place, s)
        or same_division(e.place, e.precision, s)
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
    return _fold(text).strip(" \"'“”‘’«»")


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


# --- the set --------------------------------------------------------------------------


def read_articles(folder: Path, gold: dict[str, Any]) -> dict[str, Article]:
    """Gold file name -> the article as a user would ingest it: the whole text, the
    first line as its title, and the gold publication date."""
    out = {}
    for file, meta in sorted(gold["articles"].items()):
        path = folder / "articles" / f"{file}.txt"
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise EvalError(f"{path}: cannot read ({exc.strerror or exc})") from exc
        title = text.split("\n", 1)[0].strip()
        out[file] = gold_article(text, published=meta.get("published"), title=title)
    return out


@gold_sets.register(
    "conflict-gold",
    folder="conflict_news_gold",
    marker=MARKER,
    title="Conflict news gold (wars other than Libya)",
    sample=None,
    anchors=ANCHORS,
)
def evaluate(folder: Path, ctx: EvalContext) -> SetResult:
    return evaluate_gold(folder, gold_in_split(read_gold(folder / MARKER), ctx.split), ctx)


def evaluate_gold(
    folder: Path, gold: dict[str, Any], ctx: EvalContext, name: str = "conflict-gold"
) -> SetResult:
    """Run the pipeline on the articles of ``gold`` (already cut to a split) and score them:
    every gold set in this schema goes through here."""
    articles = read_articles(folder, gold)
    gold = restrict_to_texts(gold, (a.text for a in articles.values()))
    run = run_pipeline(list(articles.values()), ctx)
    pred = prediction_from_run(run, {a.id: f for f, a in articles.items()})
    result = score(gold, pred, ctx.resources.ontology, name)
    result.sample = f"split {ctx.split}: {', '.join(sorted(articles)) or 'no article'}"
    kb = "off" if not ctx.settings.shipped_kb else "on"
    result.notes.append(f"shipped KB files {kb}")
    return result
