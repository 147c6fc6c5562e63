"""Helpers for the evaluate tests: fake pipeline runs built from hand-made events."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluate.base import PipelineRun, gold_article
from eventwire.model import (
    Actor,
    DocumentRecords,
    Event,
    Evidence,
    Mention,
    Place,
    PlaceMention,
    Resolution,
    Span,
    Timex,
    When,
    mention_key,
)

EVAL_DATA = Path(__file__).resolve().parents[1] / "data" / "eval"


@pytest.fixture
def eval_data() -> Path:
    return EVAL_DATA


class FakeRun:
    """Builds a PipelineRun by hand: events, actors and mentions on gold texts."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.actors: dict[str, Actor] = {}
        self.mention_actor: dict[str, str] = {}
        self.docs: dict[str, dict[str, list]] = {}

    def _doc(self, aid: str) -> dict[str, list]:
        return self.docs.setdefault(aid, {"mentions": [], "places": [], "timexes": []})

    def actor(self, text: str, article: str, surface: str, country: str | None = None) -> str:
        actor_id = "actor_" + surface.replace(" ", "_")
        self.actors[actor_id] = Actor(actor_id, surface, "other", country=country)
        start = text.find(surface)
        span = Span(start, start + len(surface), surface)
        ev = Evidence(article, text, 0, len(text))
        self._doc(article)["mentions"].append(Mention(article, span, "ORG", ev))
        self.mention_actor[mention_key(article, span)] = actor_id
        return actor_id

    def event(
        self,
        text: str,
        type: str = "ASSAULT",
        *,
        published: str | None = None,
        codes: dict | None = None,
        source: str | None = None,
        target: str | None = None,
        source_country: str | None = None,
        target_country: str | None = None,
        counts: dict | None = None,
        date: str | None = None,
        precision: str | None = "day",
        place: Place | None = None,
        sentence: tuple[int, int] | None = None,
        source_count: int = 1,
        negated: bool = False,
    ) -> Event:
        aid = gold_article(text, published=published).id
        start, end = sentence or (0, len(text))
        src = self.actor(text, aid, source, source_country) if source else None
        tgt = self.actor(text, aid, target, target_country) if target else None
        event = Event(
            id=f"ev{len(self.events)}",
            type=type,
            codes=codes or {},
            evidence=(Evidence(aid, text[start:end], start, end),),
            source_actor=src,
            target_actor=tgt,
            date=date,
            date_precision=precision if date else None,
            location=place,
            counts=counts or {},
            source_count=source_count,
            negated=negated,
        )
        self.events.append(event)
        self._doc(aid)
        return event

    def place(
        self,
        text: str,
        surface: str,
        published: str | None = None,
        place: Place | None = None,
        described: bool = False,
    ) -> None:
        aid = gold_article(text, published=published).id
        start = text.index(surface)
        ev = Evidence(aid, text, 0, len(text))
        span = Span(start, start + len(surface), surface)
        self._doc(aid)["places"].append(PlaceMention(aid, span, place, ev, described=described))

    def timex(
        self, text: str, surface: str, value: str | None, published: str | None = None
    ) -> None:
        aid = gold_article(text, published=published).id
        start = text.index(surface)
        ev = Evidence(aid, text, 0, len(text))
        span = Span(start, start + len(surface), surface)
        self._doc(aid)["timexes"].append(
            Timex(aid, span, When(value, "day" if value else None), ev)
        )

    def build(self) -> PipelineRun:
        records = {
            aid: DocumentRecords(
                aid,
                mentions=tuple(d["mentions"]),
                places=tuple(d["places"]),
                timexes=tuple(d["timexes"]),
            )
            for aid, d in self.docs.items()
        }
        resolution = Resolution(
            actors=tuple(self.actors.values()),
            mention_actor=self.mention_actor,
            events=tuple(self.events),
        )
        return PipelineRun(records, resolution)


@pytest.fixture
def fake() -> FakeRun:
    return FakeRun()


def _place(name: str, lat: float, lon: float, country: str) -> Place:
    return Place(f"test:{name}", name, lat, lon, country, None, "city")


@pytest.fixture
def make_place():
    return _place
