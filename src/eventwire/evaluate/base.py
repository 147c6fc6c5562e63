"""What every gold set shares: results, misses, the pipeline run, file helpers.

A gold set module reads its format into small frozen records, turns them into
:class:`~eventwire.model.Article` records whose text is exactly the gold text (so
gold character offsets stay valid), runs the real pipeline on them through
:func:`run_pipeline` and scores the resulting :class:`PipelineRun`.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from eventwire.config import Settings
from eventwire.errors import EvalError
from eventwire.evaluate.metrics import Metric
from eventwire.ingest.base import article_id
from eventwire.knowledge.ontology import Ontology, read_ontology
from eventwire.knowledge.resources import Resources
from eventwire.model import (
    Actor,
    Article,
    DocumentRecords,
    Event,
    Resolution,
    mention_key,
)
from eventwire.pipeline import process_articles
from eventwire.registry import Registry
from eventwire.resolve import resolve
from eventwire.resolve.events import main_event

T = TypeVar("T")

gold_sets = Registry("gold_sets")
"""Gold sets by name; each component's ``obj`` is ``evaluate(folder, ctx) -> SetResult``.

Meta: ``folder`` (directory name under the eval root), ``marker`` (a file that
identifies the set's folder), ``title``, ``sample`` (default sample size or None),
``anchors`` (published figures to show next to ours)."""


@dataclass(frozen=True)
class Anchor:
    """A published figure to compare with: what, the value, and where it comes from."""

    metric: str
    value: str
    source: str


@dataclass(frozen=True)
class Miss:
    """One gold item we got wrong: for studying errors by class."""

    set: str
    item: str
    field: str
    gold: Any
    ours: Any
    sentence: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "set": self.set,
            "item": self.item,
            "field": self.field,
            "gold": self.gold,
            "ours": self.ours,
            "sentence": self.sentence,
        }


@dataclass
class SetResult:
    """The figures of one gold set."""

    name: str
    metrics: dict[str, Metric] = field(default_factory=dict)
    groups: dict[str, dict[str, Metric]] = field(default_factory=dict)  # corpus/topic/label
    notes: list[str] = field(default_factory=list)
    sample: str | None = None
    items: int = 0  # gold items read
    articles: int = 0  # texts run through the pipeline
    seconds: float = 0.0
    split: str = "all"  # which half of the set's items was read (see split_of)
    misses: list[Miss] = field(default_factory=list)

    def miss(self, item: str, what: str, gold: Any, ours: Any, sentence: str | None) -> None:
        self.misses.append(Miss(self.name, item, what, gold, ours, sentence))

    def as_dict(self) -> dict[str, Any]:
        return {
            "set": self.name,
            "metrics": {k: m.as_dict() for k, m in self.metrics.items()},
            "groups": {g: {k: m.as_dict() for k, m in ms.items()} for g, ms in self.groups.items()},
            "notes": list(self.notes),
            "sample": self.sample,
            "split": self.split,
            "items": self.items,
            "articles": self.articles,
            "seconds": round(self.seconds, 1),
            "misses": len(self.misses),
        }


SPLITS = ("dev", "test", "all")
DEFAULT_SPLIT = "test"


def split_of(item_id: str) -> str:
    """The fixed half an item belongs to: ``dev`` or ``test``, from the SHA-1 of its id.

    SHA-1 rather than Python's ``hash`` so the split never depends on the hash seed, the
    machine or the order items are read in."""
    digest = hashlib.sha1(item_id.encode("utf-8")).digest()
    return "dev" if digest[0] % 2 == 0 else "test"


def in_split(items: Iterable[T], split: str, key: Callable[[T], str]) -> list[T]:
    """The items of ``split`` (``all`` keeps every item), in their original order."""
    if split not in SPLITS:
        raise EvalError(f"unknown split {split!r} (known: {', '.join(SPLITS)})")
    return [item for item in items if split == "all" or split_of(key(item)) == split]


@dataclass
class EvalContext:
    """Settings and options of one evaluation run, built at the edge."""

    settings: Settings
    limit: int | None = None  # overrides a set's default sample; 0 = no sampling
    split: str = DEFAULT_SPLIT  # dev, test or all (see split_of)
    # written-gold only: keep just these article groups (None: all of the split), then
    # leave out skip_groups (a hold-out batch whose dev half is read as figures only)
    groups: frozenset[str] | None = None
    skip_groups: frozenset[str] = frozenset()
    # meter(label, total) -> a context manager whose value has advance(n): shows how far
    # the pipeline is through a batch of gold texts (the CLI's progress bar or log line)
    meter: Callable[[str, int], AbstractContextManager[Any]] | None = None
    # the run's one copy of the shipped data (each part read on first use), shared by the
    # pipeline run and the scorers
    resources: Resources = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.resources = Resources(self.settings)

    def sample_size(self, default: int | None) -> int | None:
        """How many gold items to use: --limit if given (0 = all), else the set's default."""
        if self.limit is not None:
            return self.limit or None
        return default


@dataclass
class PipelineRun:
    """What the real pipeline made of a batch of gold texts."""

    records: dict[str, DocumentRecords]
    resolution: Resolution
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> name
    demonym_country: Any = None  # word -> ISO3 or None ("Turkish" -> "TUR")
    ontology: Ontology = field(default_factory=read_ontology)  # the run's (lead-event tiers)

    def __post_init__(self) -> None:
        self._actors = {a.id: a for a in self.resolution.actors}
        self._events: dict[str, list[Event]] = defaultdict(list)
        for event in self.resolution.events:
            for article in {ev.article_id for ev in event.evidence}:
                self._events[article].append(event)
        for events in self._events.values():
            events.sort(key=lambda e: min(ev.char_start for ev in e.evidence))
        self._surfaces: dict[tuple[str, str], list[str]] = defaultdict(list)
        for doc in self.records.values():
            for m in doc.mentions:
                actor = self.resolution.mention_actor.get(mention_key(m.article_id, m.span))
                if actor:
                    self._surfaces[(m.article_id, actor)].append(m.span.text)

    def events(self, article: str) -> list[Event]:
        """Our events stated in ``article``, in text order."""
        return list(self._events.get(article, ()))

    def actor(self, actor_id: str | None) -> Actor | None:
        return self._actors.get(actor_id) if actor_id else None

    def actor_texts(self, article: str, actor_id: str | None) -> list[str]:
        """How an actor is written in ``article``, plus its name: for text-overlap scoring.

        Names are compared with demonyms normalised to their country ("Turkish Army" also
        offers "Turkey"), and an unnamed group ("soldiers", "police") is a noun and a
        country, so its country's name is added: "police" of Algeria ~ "Police Forces of
        Algeria"."""
        actor = self.actor(actor_id)
        if actor is None:
            return []
        texts = [*self._surfaces.get((article, actor.id), ()), actor.name]
        countries = {actor.country} if actor.type == "group" and actor.country else set()
        if self.demonym_country is not None:
            countries |= {c for t in texts for w in t.split() if (c := self.demonym_country(w))}
        return texts + [self.country_names[c] for c in sorted(countries) if c in self.country_names]


def run_pipeline(articles: Sequence[Article], ctx: EvalContext) -> PipelineRun:
    """Run extraction and resolution on ``articles`` (in memory, this process)."""
    unique = list({a.id: a for a in articles}.values())
    docs: list[DocumentRecords] = []
    if unique:
        meter = ctx.meter("parsing gold texts", len(unique)) if ctx.meter else nullcontext()
        with meter as m:
            progress = m.advance if m is not None else None
            docs = process_articles(unique, ctx.settings, ctx.resources, progress=progress)
    resolution = resolve(docs, ctx.resources)
    kb = ctx.resources.kb
    names = {e.country: e.name for _name, e in kb.iter_names() if e.type == "country" and e.country}
    return PipelineRun(
        {d.article_id: d for d in docs},
        resolution,
        names,
        kb.country_by_demonym,
        ctx.resources.ontology,
    )


def gold_article(
    text: str, *, published: str | None = None, title: str | None = None, source: str = ""
) -> Article:
    """An article whose text is exactly the gold text, so gold offsets stay valid."""
    precision = None
    if published:
        precision = {4: "year", 7: "month"}.get(len(published), "day")
    return Article(
        id=article_id(text),
        text=text,
        title=title,
        source=source or None,
        published=published,
        published_precision=precision,
    )


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSON-lines gold file; a broken line is an EvalError naming the file."""
    try:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise EvalError(f"{path}:{n}: not JSON ({exc.msg})") from exc
    except OSError as exc:
        raise EvalError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def take(items: list[Any], size: int | None) -> list[Any]:
    """A deterministic sample: ``size`` items evenly spread over ``items`` (all if None)."""
    if size is None or size >= len(items):
        return list(items)
    if size <= 0:
        return []
    step = len(items) / size
    return [items[int(i * step)] for i in range(size)]


def event_codes(event: Event, scheme: str, key: str | None = None) -> tuple[str, ...]:
    """Every code an event carries in a scheme (CAMEO may list several candidate roots)."""
    value = (event.codes or {}).get(scheme)
    if key is not None:
        value = value.get(key) if isinstance(value, dict) else None
    values = value if isinstance(value, (list, tuple)) else [value]
    return tuple(str(v) for v in values if v not in (None, ""))


def event_code(event: Event, scheme: str, key: str | None = None) -> str | None:
    """The first code of an event: ``event_code(e, "cameo")``, ``event_code(e, "acled", "event_type")``."""
    codes = event_codes(event, scheme, key)
    return codes[0] if codes else None


def lead_with(
    events: Sequence[Event], onto: Ontology, scheme: str, key: str | None = None
) -> Event | None:
    """The event a text is about (:func:`~eventwire.resolve.events.main_event`) among its
    non-negated events that carry a code of ``scheme``, else None."""
    return main_event([e for e in events if not e.negated and event_code(e, scheme, key)], onto)


def any_code(events: Sequence[Event], scheme: str, key: str | None, gold: Any) -> bool:
    """Extraction recall: does any non-negated event of the text carry a gold code?"""
    wanted = set(gold) if isinstance(gold, (set, frozenset, list, tuple)) else {gold}
    return any(c in wanted for e in events if not e.negated for c in event_codes(e, scheme, key))


def sentence_of(event: Event | None) -> str | None:
    return event.evidence[0].sentence if event and event.evidence else None


def find_folder(data: Path, folder: str, marker: str) -> Path | None:
    """The set's folder, given the eval root or the folder itself."""
    if (data / marker).is_file():
        return data
    if (data / folder / marker).is_file():
        return data / folder
    return None
