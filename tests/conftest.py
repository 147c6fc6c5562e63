"""Shared fixtures. Fast by default: blank pipelines and in-memory stores.

Fixtures that load the spaCy model are for tests marked ``slow``; fixtures that
read ``../shared`` skip cleanly when it is absent. PostgreSQL tests (marked
``postgres``) run against ``EVENTWIRE_TEST_POSTGRES`` (a server URL) when set, else
against a throwaway cluster this session starts (initdb in a temporary directory,
``pg_ctl start`` on a free loopback port, stopped at the end).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.extract import Resources
from eventwire.model import (
    Actor,
    Article,
    CountReport,
    DocumentRecords,
    Event,
    Evidence,
    Incident,
    Place,
    Quote,
    Relation,
    Resolution,
)
from eventwire.store.pg_cluster import fresh_database, server_binary, throwaway_cluster
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


@pytest.fixture
def small_gazetteer(tmp_path: Path):
    """A hand-made gazetteer of a few places (Tripoli in Libya and Lebanon, Derna, ...)."""
    import sqlite3

    from eventwire.knowledge.gazetteer import Gazetteer
    from eventwire.knowledge.gazetteer_build import SCHEMA, Builder

    path = tmp_path / "g.sqlite"
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    b = Builder.__new__(Builder)
    b.con, b.next_row = con, 1
    city = {"precision": "city", "feature": "PPL"}
    b.add(
        "geonames:1",
        "Tripoli",
        ["Tarabulus"],
        lat=32.89,
        lon=13.19,
        country="LBY",
        admin1="LY.77",
        population=1_300_000,
        **{**city, "feature": "PPLC"},
    )
    b.add(
        "geonames:2",
        "Tripoli",
        [],
        lat=34.44,
        lon=35.85,
        country="LBN",
        admin1="LB.03",
        population=230_000,
        **city,
    )
    b.add(
        "geonames:3",
        "Misratah",
        ["Misrata", "MRA"],
        lat=32.38,
        lon=15.09,
        country="LBY",
        admin1="LY.72",
        population=355_000,
        **city,
    )
    b.add(
        "geonames:4",
        "Darnah",
        ["Derna"],
        lat=32.77,
        lon=22.64,
        country="LBY",
        admin1="LY.70",
        population=100_000,
        **city,
    )
    b.add(
        "geonames:5",
        "Derna",
        [],
        lat=47.2,
        lon=22.0,
        country="ROU",
        admin1="RO.05",
        population=3_000,
        **city,
    )
    b.add(
        "geonames:6",
        "Al Burayqah",
        ["Marsa Brega"],
        lat=30.41,
        lon=19.58,
        country="LBY",
        admin1="LY.83",
        population=31_000,
        **city,
    )
    b.add(
        "country:LBY",
        "Libya",
        [],
        lat=27.0,
        lon=17.0,
        country="LBY",
        precision="country",
        feature="PCLI",
        population=6_700_000,
    )
    b.add(
        "country:LBN",
        "Lebanon",
        [],
        lat=33.8,
        lon=35.8,
        country="LBN",
        precision="country",
        feature="PCLI",
        population=6_800_000,
    )
    b.add(
        "country:USA",
        "United States",
        ["U.S.", "US"],
        codes=True,
        lat=39.8,
        lon=-98.5,
        country="USA",
        precision="country",
        feature="PCLI",
        population=327_000_000,
    )
    con.execute("INSERT INTO capital VALUES ('LBY', 1)")
    con.commit()
    con.close()
    return Gazetteer(path)


# A small resolved picture written by us, for exports and the command line ----------
TEXT = (
    "Shelling killed 4 civilians in Tripoli on 9 April 2019, medics said. "
    "Egypt backs the <LNA> & its allies. Militias clashed near Sirte in May."
)
TRIPOLI = Place("geonames:2210247", "Tripoli", 32.88, 13.19, "LBY", "Tripoli", "city")
SIRTE = Place("geonames:2210554", "Sirte", 31.2, 16.59, "LBY", "Surt", "city")


def ev(start: int, end: int) -> Evidence:
    return Evidence("art_1", TEXT[start:end], start, end)


def fill(store: SQLiteStore) -> SQLiteStore:
    """Three events (one without a place), two relations, four actors, one article."""
    article = Article(
        "art_1", TEXT, title="Clashes", outlet="Harbour Gazette", source="a.txt",
        published="2019-04-10", published_precision="day",
    )  # fmt: skip
    store.add_documents([(article, DocumentRecords("art_1"))])
    acled_shell = {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"}  # fmt: skip
    acled_battle = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    store.replace_resolution(
        Resolution(
            actors=(
                Actor("actor_lna", 'Libyan <National> Army & "allies"', "armed_group", "LBY", ("LNA",), 5, 1),  # fmt: skip
                Actor("actor_egy", "Egypt", "country", "EGY", ("Egypt",), 2, 1),
                Actor("actor_civ", "civilians", "group", None, ("civilians",), 1, 1),
                Actor("actor_mil", "militias", "group", "LBY", ("militias",), 1, 1),
            ),
            events=(
                Event(
                    "event_a", "ASSAULT", {"cameo": "19", "plover": "ASSAULT", "acled": acled_shell},
                    (ev(0, 68),), "actor_lna", "actor_civ", "2019-04-09", "day", TRIPOLI,
                    modality="reported", counts={"killed": 4}, qualifiers=("target_civilian",),
                    source_count=2,
                ),
                Event(
                    "event_b", "SUPPORT", {"cameo": ["05", "06"], "plover": "SUPPORT"},
                    (ev(69, 104),), "actor_egy", "actor_lna", "2019-04-10", "publication",
                ),
                Event(
                    "event_c", "FIGHT", {"cameo": "19", "plover": "FIGHT", "acled": acled_battle},
                    (ev(105, 140),), "actor_mil", None, "2019-05", "month", SIRTE,
                ),
            ),
            relations=(
                Relation("rel_1", "actor_egy", "actor_lna", "support", (ev(69, 104),),
                         first_seen="2019-04-10", last_seen="2019-04-10", source_count=2),
                Relation("rel_2", "actor_lna", "actor_civ", "fight", (ev(0, 68),),
                         modality="reported", first_seen="2019-04-09", last_seen="2019-04-09"),
            ),
            quotes=(Quote("quote_1", "medics said", "art_1", TEXT[:68], 56, 67, None),),
            places=(TRIPOLI, SIRTE),
            incidents=(
                Incident(
                    "incident_a", "ASSAULT", {"cameo": "19", "plover": "ASSAULT", "acled": acled_shell},
                    (ev(0, 68),), "actor_lna", "actor_civ", "2019-04-09", "day", TRIPOLI,
                    counts={"killed": 4}, count_min={"killed": 4}, count_max={"killed": 6},
                    count_reports=(CountReport("killed", 4, None, ev(0, 68)),),
                    source_count=2, events=("event_a",), qualifiers=("target_civilian",),
                    modality="reported", explanation=("art_1: act and consequence",),
                ),
                Incident(
                    "incident_b", "SUPPORT", {"cameo": ["05", "06"], "plover": "SUPPORT"},
                    (ev(69, 104),), "actor_egy", "actor_lna", "2019-04-10", "publication",
                    events=("event_b",),
                ),
                Incident(
                    "incident_c", "FIGHT", {"cameo": "19", "plover": "FIGHT", "acled": acled_battle},
                    (ev(105, 140),), "actor_mil", None, "2019-05", "month", SIRTE,
                    events=("event_c",),
                ),
            ),
        )
    )  # fmt: skip
    return store


@pytest.fixture
def filled(memory_store: SQLiteStore) -> SQLiteStore:
    """An in-memory store holding a small resolved picture (see :func:`fill`)."""
    return fill(memory_store)


@pytest.fixture
def filled_db(tmp_path: Path) -> str:
    """A store file holding the picture of :func:`fill`, for the command line."""
    path = tmp_path / "filled.db"
    with SQLiteStore(path) as store:
        fill(store)
    return str(path)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL of a PostgreSQL server on which databases may be created freely."""
    if url := os.environ.get("EVENTWIRE_TEST_POSTGRES"):
        yield url
        return
    if not (server_binary("initdb") and server_binary("pg_ctl")):
        pytest.skip("PostgreSQL's initdb and pg_ctl are not installed")
    with throwaway_cluster() as url:
        yield url


@pytest.fixture
def new_postgres_database(postgres_server: str) -> Callable[[], str]:
    """Makes new empty databases on the test server; returns their URLs."""
    return lambda: fresh_database(postgres_server)
