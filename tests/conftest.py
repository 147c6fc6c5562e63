"""Shared fixtures. Fast by default: blank pipelines and in-memory stores.

Fixtures that load the spaCy model are for tests marked ``slow``; fixtures that
read ``../shared`` skip cleanly when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.extract import Resources
from eventwire.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "test.db"))


@pytest.fixture
def memory_store():
    store = SQLiteStore(":memory:")
    yield store
    store.close()


@pytest.fixture(scope="session")
def nlp():
    """The real English model (use in tests marked slow)."""
    from eventwire.nlp import build_pipeline

    return build_pipeline(Settings())


@pytest.fixture(scope="session")
def blank_nlp():
    from eventwire.nlp import blank_pipeline

    return blank_pipeline()


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources(Settings())


@pytest.fixture
def data_dir() -> Path:
    return DATA


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not present: {'/'.join(parts)}")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("corpus", "libya-seeds")


@pytest.fixture
def eval_dir() -> Path:
    return shared_path("eval")
