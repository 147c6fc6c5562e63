"""A toll two acts of one sentence share stays with the act told first whatever order
and batches the reports of the acts come in, refreshed or rebuilt, on every backend
(``resolve/events.py``, ``_count_owners``; the articles are in
``tests/resolve/test_events_count_owners.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.resolve.test_events_count_owners import BOTH, STORMING, as_article, counts_by_act

from eventwire.config import Settings
from eventwire.model import DocumentRecords
from eventwire.pipeline import check_picture, rebuild, refresh
from eventwire.store import open_store


@pytest.mark.parametrize("batches", [[[BOTH], [STORMING]], [[STORMING], [BOTH]],
                                     [[BOTH, STORMING]]])  # fmt: skip
def test_the_owner_is_the_same_in_any_order_and_batch_size(
    store_url: str, tmp_path: Path, batches: list[list[DocumentRecords]]
) -> None:
    whole = Settings(db=str(tmp_path / "whole.db"))
    with open_store(whole) as store:
        store.add_documents([as_article(d) for d in (STORMING, BOTH)])
        rebuild(store, whole)
        expected = counts_by_act(store.events())
    assert expected == {"shelled": {"killed": 6}, "stormed": {"wounded": 3}}
    settings = Settings(db=store_url)
    with open_store(settings) as store:
        for batch in batches:
            store.add_documents([as_article(d) for d in batch])
            refresh(store, settings)
        assert counts_by_act(store.events()) == expected
        assert check_picture(store, settings).same
