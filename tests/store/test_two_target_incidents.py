"""Every stored event of a trigger told of two targets is listed by exactly one stored
incident, rebuilt or refreshed in any order and batch size, on every backend (the
articles: ``tests/resolve/test_events_two_targets.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.resolve.test_events_two_targets import ONE_TARGET, TWO_TARGETS, as_article

from eventwire.config import Settings
from eventwire.model import DocumentRecords
from eventwire.pipeline import check_picture, rebuild, refresh
from eventwire.store import open_store
from eventwire.store.base import Store


def _owners(store: Store) -> dict[str, tuple[str, ...]]:
    """Each stored event's incidents, each checked to exist and list it."""
    out = {}
    for event in store.events():
        found = store.incident_of_event(event.id)
        for inc, role in found:
            stored = store.get_incident(inc.id)
            assert event.id in (stored.events if role == "member" else stored.statements)
        out[event.id] = tuple(sorted(inc.id for inc, _role in found))
    return out


@pytest.mark.parametrize("batches", [[[TWO_TARGETS], [ONE_TARGET]], [[ONE_TARGET], [TWO_TARGETS]],
                                     [[TWO_TARGETS, ONE_TARGET]]])  # fmt: skip
def test_each_event_has_one_incident_refreshed_as_rebuilt(
    store_url: str, tmp_path: Path, batches: list[list[DocumentRecords]]
) -> None:
    whole = Settings(db=str(tmp_path / "whole.db"))
    with open_store(whole) as store:
        store.add_documents([as_article(d) for d in (TWO_TARGETS, ONE_TARGET)])
        rebuild(store, whole)
        expected = _owners(store)
    assert len(expected) == 2
    assert all(len(incs) == 1 for incs in expected.values())
    settings = Settings(db=store_url)
    with open_store(settings) as store:
        for batch in batches:
            store.add_documents([as_article(d) for d in batch])
            refresh(store, settings)
            assert all(len(incs) == 1 for incs in _owners(store).values())
        assert _owners(store) == expected
        assert check_picture(store, settings).same
