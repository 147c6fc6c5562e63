"""The Store protocol every backend implements, and the query filter records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from eventwire.model import (
    Actor,
    Article,
    DocumentRecords,
    Event,
    Place,
    Quote,
    Relation,
    Resolution,
)


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # actor id
    type: str | None = None
    since: str | None = None  # ISO date (partial allowed), inclusive
    until: str | None = None
    place: str | None = None  # place id
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    modality: str | None = None
    negated: bool | None = None
    min_sources: int = 1
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class PictureState:
    """Where a store's resolved picture stands against its documents.

    ``documents`` counts the document writes so far; ``picture`` is that count as it
    was when the stored picture was computed, ``fingerprint`` names the actor overrides
    it was computed with. The picture is current when both match."""

    documents: int
    picture: int
    fingerprint: str

    def current(self, fingerprint: str) -> bool:
        return self.picture >= self.documents and self.fingerprint == fingerprint


@runtime_checkable
class Store(Protocol):
    """What the pipeline, CLI, API and exporters need from a store."""

    location: str

    @property
    def schema_version(self) -> int: ...

    # documents -------------------------------------------------------------
    def known_article_ids(self, ids: Iterable[str]) -> set[str]: ...

    def add_documents(self, items: Sequence[tuple[Article, DocumentRecords]]) -> int:
        """Store articles with their document records in one transaction.

        Articles already stored are skipped; returns how many were new."""
        ...

    def get_article(self, article_id: str) -> Article: ...

    def iter_articles(self) -> Iterator[Article]: ...

    def iter_document_records(self, upto: int | None = None) -> Iterator[DocumentRecords]:
        """Stored records by article id, streamed; ``upto`` keeps documents generations <= it."""
        ...

    # resolved picture ------------------------------------------------------
    def picture_state(self) -> PictureState: ...

    def replace_resolution(
        self,
        resolution: Resolution,
        generation: int | None = None,
        fingerprint: str = "",
        *,
        force: bool = False,
    ) -> bool:
        """Replace every cross-document record in one transaction, unless a picture of a
        later ``generation`` (or the same one and ``fingerprint``, unless ``force``) is
        stored already."""
        ...

    def actors(self, query: str | None = None) -> list[Actor]: ...

    def get_actor(self, actor_id: str) -> Actor: ...

    def events(self, flt: EventFilter | None = None) -> list[Event]: ...

    def get_event(self, event_id: str) -> Event: ...

    def article_events(self, article_id: str) -> list[Event]:
        """Events with evidence in one article."""
        ...

    def relations(self, actor: str | None = None) -> list[Relation]: ...

    def quotes(self, speaker: str | None = None) -> list[Quote]: ...

    def places(self) -> list[tuple[Place, int]]: ...

    def explanations(self, actor_id: str) -> list[str]: ...

    def actor_of_mention(self, mention: str) -> str | None: ...

    def stats(self) -> dict[str, int]: ...

    def close(self) -> None: ...
