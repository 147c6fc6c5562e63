"""A small resolved store written by us: three events (one without a place), two relations."""

from __future__ import annotations

import pytest

from eventwire.model import (
    Actor,
    Article,
    DocumentRecords,
    Event,
    Evidence,
    Place,
    Quote,
    Relation,
    Resolution,
)
from eventwire.store.sqlite import SQLiteStore

TEXT = (
    "Shelling killed 4 civilians in Tripoli on 9 April 2019, medics said. "
    "Egypt backs the <LNA> & its allies. Militias clashed near Sirte in May."
)
TRIPOLI = Place("geonames:2210247", "Tripoli", 32.88, 13.19, "LBY", "Tripoli", "city")
SIRTE = Place("geonames:2210554", "Sirte", 31.2, 16.59, "LBY", "Surt", "city")


def ev(start: int, end: int) -> Evidence:
    return Evidence("art_1", TEXT[start:end], start, end)


def fill(store: SQLiteStore) -> SQLiteStore:
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
        )
    )  # fmt: skip
    return store


@pytest.fixture
def filled(memory_store: SQLiteStore) -> SQLiteStore:
    return fill(memory_store)
