"""Office holders as their state's side across reports: "Abiy sent troops" and "Ethiopia
launched an offensive" share a side while the KB says Abiy held his office; a full
rebuild and an incremental refresh agree."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.knowledge.ontology import read_ontology
from eventwire.model import (
    Actor,
    Article,
    DocumentRecords,
    EventMention,
    Evidence,
    Mention,
    Place,
    Resolution,
    Role,
    Span,
    When,
)
from eventwire.pipeline import rebuild, refresh
from eventwire.resolve.incidents import explanation_in_words, state_sides
from eventwire.resolve.offices import names_state, office_sides, office_terms, side_on
from eventwire.store import open_store
from eventwire.store.pg_cluster import fresh_database
from eventwire.store.sqlite import SQLiteStore

ONTO = read_ontology()
TIGRAY = Place("admin1:ET.08", "Tigray", 14.0, 39.0, "ETH", "ET.08", "admin1")


def person(name: str, country: str, *roles: tuple[str, str | None, str | None]) -> Actor:
    return Actor(f"actor_{name.split()[0].lower()}", name, "person", country,
                 roles=tuple(Role(t, s, e) for t, s, e in roles))  # fmt: skip


def ordinal(day: str) -> int:
    return date.fromisoformat(day).toordinal()


# --- which offices stand for a state ---------------------------------------------------


def test_heads_of_government_defence_ministers_and_army_chiefs_stand_for_their_state() -> None:
    pm = person("Tesfaye Alemu", "ETH", ("Prime Minister of Ethiopia", "2018-04", None))
    chief = person("Osman Idris", "SDN",
                   ("Commander-in-Chief of the Sudanese Armed Forces", "2019-04", None))  # fmt: skip
    minister = person("Taras Koval", "UKR", ("Minister of Defence of Ukraine", "2021", "2023-09"))
    general = person("Yaron Levi", "ISR",
                     ("Chief of the General Staff of the Israel Defense Forces", "2023", None))  # fmt: skip
    army = person("Ivan Petrenko", "UKR",
                  ("Commander-in-Chief of the Armed Forces of Ukraine", "2024-02", None))  # fmt: skip
    assert office_terms(pm, ONTO) == ["state:ETH@2018-04-01/"]
    assert office_terms(chief, ONTO) == ["state:SDN@2019-04-01/"]
    assert office_terms(minister, ONTO) == ["state:UKR@2021-01-01/2023-09-30"]
    assert office_terms(general, ONTO) == ["state:ISR@2023-01-01/"]
    assert office_terms(army, ONTO) == ["state:UKR@2024-02-01/"]
    # the state first, by its name or demonym
    secretary = person("John Carter", "USA", ("United States Secretary of Defense", "2021", None))
    assert office_terms(secretary, ONTO) == ["state:USA@2021-01-01/"]
    premier = person("Tesfaye Alemu", "ETH", ("Ethiopian Prime Minister", "2018-04", None))
    assert office_terms(premier, ONTO) == ["state:ETH@2018-04-01/"]


def test_rebels_deputies_and_other_ministers_stand_for_no_state() -> None:
    for title in ("President of the M23", "Leader of the Houthi movement",
                  "Commander-in-Chief of the Syrian Democratic Forces",
                  "General Commander of the Libyan National Army",
                  "Deputy Commander-in-Chief of the Sudanese Armed Forces",
                  "Minister of Foreign Affairs of Ethiopia", "Vice President of Ethiopia",
                  "President of the Tigray Interim Regional Administration",
                  "Commander of the Rapid Support Forces", "Ethiopian Deputy Prime Minister",
                  "Ethiopia Secretary of State", "Tigray Front Commander"):  # fmt: skip
        assert office_terms(person("Kidane Bekele", "ETH", (title, "2019", None)), ONTO) == [], (
            title
        )
    # the office must be of the holder's own country
    assert office_terms(person("Kidane Bekele", "ERI", ("President of Ethiopia", None, None)),
                        ONTO) == []  # fmt: skip
    # only what the KB says, never a title read in the text
    told = Actor("actor_x", "Kidane Bekele", "person", "ETH",
                 roles=(Role("Prime Minister of Ethiopia", source="text"),))  # fmt: skip
    assert office_terms(told, ONTO) == []
    # a country's army after its demonym, not a movement named after the country
    assert names_state("sudanese armed forces", "SDN", ONTO)
    assert not names_state("syrian democratic forces", "SYR", ONTO)


def test_an_office_holder_is_his_state_only_within_his_term() -> None:
    sides = office_sides([person("Tesfaye Alemu", "ETH",
                                 ("Prime Minister of Ethiopia", "2018-04", "2022-06"))], ONTO)  # fmt: skip
    term = sides["actor_tesfaye"]
    assert side_on("actor_tesfaye", term, (ordinal("2020-11-04"),) * 2) == "state:ETH"
    assert side_on("actor_tesfaye", term, (ordinal("2016-05-01"),) * 2) == "actor_tesfaye"
    assert side_on("actor_tesfaye", term, (ordinal("2022-07-01"),) * 2) == "actor_tesfaye"
    # a month that the term meets
    june = (ordinal("2022-06-01"), ordinal("2022-06-30"))
    assert side_on("actor_tesfaye", term, june) == "state:ETH"
    # a plain side is a side whatever the day; an actor with none stands for himself
    assert side_on("actor_e", "state:ETH", None) == "state:ETH"
    assert side_on("actor_z", None, june) == "actor_z"


def test_state_sides_hold_states_their_forces_and_office_holders() -> None:
    actors = [Actor("actor_eth", "Ethiopia", "country", "ETH"),
              Actor("actor_enaf", "Ethiopian National Army", "state_forces", "ETH"),
              Actor("actor_tpf", "Tigray People's Front", "armed_group", "ETH"),
              person("Tesfaye Alemu", "ETH", ("Prime Minister of Ethiopia", "2018-04", None)),
              person("Dawit Haile", "ETH", ("Chairman of the Tigray Front", "2017", None))]  # fmt: skip
    assert state_sides(actors, ONTO) == {"actor_eth": "state:ETH", "actor_enaf": "state:ETH",
                                         "actor_tesfaye": "state:ETH@2018-04-01/"}  # fmt: skip


# --- across reports, in a rebuild and in a refresh ---------------------------------------


def report(article_id: str, published: str, sentence: str, doer: str, trigger: str,
           label: str, day: str | None) -> tuple[Article, DocumentRecords]:  # fmt: skip
    ev = Evidence(article_id, sentence, 0, len(sentence))
    at = sentence.index(trigger)
    who = Span(sentence.index(doer), sentence.index(doer) + len(doer), doer)
    when = When(day, "day") if day else When(published, "publication")
    article = Article(article_id, sentence, outlet=f"Wire {article_id}", published=published,
                      published_precision="day")  # fmt: skip
    return article, DocumentRecords(
        article_id,
        mentions=(Mention(article_id, who, label, ev, normalized=doer, group="g1"),),
        events=(EventMention(article_id, "ASSAULT", Span(at, at + len(trigger), trigger), ev,
                             source=who, when=when, place=TIGRAY, lemma=trigger),),
    )  # fmt: skip


ABIY = "Abiy ordered an offensive in Tigray on Wednesday."
STATE = "Ethiopia launched an offensive in Tigray on Wednesday."


def documents() -> list[tuple[Article, DocumentRecords]]:
    return [
        report("art_a", "2020-11-05", ABIY, "Abiy", "offensive", "PERSON", "2020-11-04"),
        report("art_b", "2020-11-05", STATE, "Ethiopia", "offensive", "GPE", "2020-11-04"),
        # before his term (the KB's Prime Minister from April 2018): his own side only
        report("art_c", "2016-05-05", ABIY, "Abiy", "offensive", "PERSON", "2016-05-04"),
        report("art_d", "2016-05-05", STATE, "Ethiopia", "offensive", "GPE", "2016-05-04"),
        # undated: the office held at publication
        report("art_e", "2020-11-06", "Abiy ordered an offensive in Tigray.", "Abiy",
               "offensive", "PERSON", None),
    ]  # fmt: skip


def picture(store: SQLiteStore) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted({ev.article_id for ev in inc.evidence}))
                  for inc in store.incidents())  # fmt: skip


def test_a_head_of_government_and_his_state_are_one_side_in_a_rebuild_and_a_refresh(
    tmp_path: Path,
) -> None:
    docs = documents()
    whole = Settings(db=str(tmp_path / "whole.db"))
    with SQLiteStore(whole.db) as store:
        store.add_documents(docs)
        rebuild(store, whole)
        expected = picture(store)
        # the stored sides follow the resolver's rule on the stored actors
        sides = store.state_sides(ONTO)
        assert sides == state_sides(store.actors(), ONTO)
        assert any(v.startswith("state:ETH@") for v in sides.values())
    assert ("art_a", "art_b", "art_e") in expected
    assert ("art_c",) in expected and ("art_d",) in expected
    for split in (1, 2, 4):
        settings = Settings(db=str(tmp_path / f"batches{split}.db"))
        with SQLiteStore(settings.db) as store:
            for batch in (docs[:split], docs[split:]):
                store.add_documents(batch)
                refresh(store, settings)
            assert picture(store) == expected


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_stored_sides_of_office_holders_follow_the_resolver_on_each_backend(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url = str(tmp_path / "s.db")
    if backend == "postgres":
        url = fresh_database(request.getfixturevalue("postgres_server"))
    pm = replace(person("Tesfaye Alemu", "ETH", ("Prime Minister of Ethiopia", "2018-04", None)),
                 kb_id="et:tesfaye")  # fmt: skip
    rebel = replace(person("Dawit Haile", "ETH", ("President of the Tigray Front", "2019", None)),
                    kb_id="et:dawit")  # fmt: skip
    actors = (Actor("actor_eth", "Ethiopia", "country", "ETH"), pm, rebel)
    with open_store(Settings(db=url)) as store:
        store.replace_resolution(Resolution(actors=actors))
        assert store.state_sides(ONTO) == state_sides(store.actors(), ONTO)
        assert store.state_sides(ONTO) == {"actor_eth": "state:ETH",
                                       "actor_tesfaye": "state:ETH@2018-04-01/"}  # fmt: skip


def test_an_explanation_names_the_state_an_office_holder_stands_for() -> None:
    pm = person("Tesfaye Alemu", "ETH", ("Prime Minister of Ethiopia", "2018-04", None))
    army = Actor("actor_army", "Ethiopian Army", "government", "ETH")
    line = ["joined art_a and art_b: ASSAULT, side state:ETH, dates within a day"]

    def said(*actors: Actor) -> list[str]:
        by_id = {a.id: a for a in actors}
        return explanation_in_words(line, lambda: state_sides(actors, ONTO), by_id.__getitem__)

    assert said(pm) == ["joined art_a and art_b: ASSAULT, side Tesfaye Alemu's state, "
                        "dates within a day"]  # fmt: skip
    # a state's own actor is named before an office holder of it
    assert "side Ethiopian Army and its state" in said(pm, army)[0]


def test_a_head_of_government_titled_by_his_government_or_capital_stands_for_his_state() -> None:
    for title in ("Prime Minister of the Government of National Accord",
                  "Prime Minister of the Interim Government",
                  "Prime Minister of the Government of Libya",
                  "The Libyan government's Prime Minister",
                  "Tripoli's Defence Minister", "Tripoli’s Prime Minister",
                  "Libya's Prime Minister"):  # fmt: skip
        holder = person("Salem Draoui", "LBY", (title, "2019-05", None))
        assert office_terms(holder, ONTO) == ["state:LBY@2019-05-01/"], title
    # a government of another state, another state's capital, or no government at all
    for title in ("Prime Minister of the Government of Sudan",
                  "The Sudanese government's Prime Minister", "Khartoum's Defence Minister",
                  "Prime Minister of the Kurdistan Region", "Tobruk's Prime Minister",
                  "Minister of Interior of the Government of National Accord"):  # fmt: skip
        holder = person("Salem Draoui", "LBY", (title, "2019-05", None))
        assert office_terms(holder, ONTO) == [], title
