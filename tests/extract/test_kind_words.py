"""What an article calls a one-word body ("ZNP MPs", "the ruling ZNP") types it a party,
whatever its name's words say; names of several words keep their words' type (issue 13)."""

from collections import Counter

import pytest
from tests.extract.test_mentions import run

from eventwire.extract.kind_words import PARTY_ROLE
from eventwire.resolve.actor_units import Unit, unit_type


def _unit_of(ms, name):
    """The document unit of the mentions whose text is ``name``."""
    mine = [m for m in ms if m.span.text == name]
    return Unit(
        "a",
        mine[0].group,
        mentions=mine,
        forms=Counter(m.normalized for m in mine),
        labels=Counter(m.label for m in mine),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Four ZNP MLAs left the hall on Monday. The ZNP later said it would return.",
        "The ZNP's MPs voted against the budget, and the ZNP called it a betrayal.",
        "The ruling ZNP won the vote. Observers said the ZNP had planned it for weeks.",
        "The opposition ZNP boycotted the session; the ZNP held a rally instead.",
    ],
)
def test_members_or_a_side_of_the_house_make_a_party(blank_nlp, resources, text):
    ms = run(blank_nlp, resources, text, [("ZNP", "ORG"), ("ZNP", "ORG")])
    assert PARTY_ROLE in {m.role for m in ms}
    assert unit_type(_unit_of(ms, "ZNP"), kb=None) == "political_party"


def test_a_party_in_government_stays_a_party(blank_nlp, resources):
    """A party running the government this week is still a party, not the government."""
    text = "The ruling Velmar formed a government in May. Velmar ministers resigned later."
    ms = run(blank_nlp, resources, text, [("Velmar", "ORG"), ("Velmar", "ORG")])
    assert unit_type(_unit_of(ms, "Velmar"), kb=None) == "political_party"


def test_congress_as_a_legislature_stays_a_legislature(blank_nlp, resources):
    """Near miss: "members of Congress" name no party; the name's words decide."""
    text = "Members of Congress voted late on Friday, and Congress adjourned for the week."
    ms = run(blank_nlp, resources, text, [("Congress", "ORG"), ("Congress", "ORG")])
    assert {m.role for m in ms} == {None}
    assert unit_type(_unit_of(ms, "Congress"), kb=None) == "government"


def test_congress_with_its_legislators_is_the_party(blank_nlp, resources):
    text = "Six Congress MLAs met the governor. The opposition Congress then walked out."
    ms = run(blank_nlp, resources, text, [("Congress", "ORG"), ("Congress", "ORG")])
    assert unit_type(_unit_of(ms, "Congress"), kb=None) == "political_party"


def test_a_government_named_like_a_body_of_several_words_keeps_its_words(blank_nlp, resources):
    """Near miss: "the ruling Unity Government" is a government; only one-word names take
    their kind from the words around them."""
    text = "The ruling Unity Government met donors. Unity Government MPs stayed away."
    ms = run(blank_nlp, resources, text, [("Unity Government", "ORG"), ("Unity Government", "ORG")])
    assert {m.role for m in ms} == {None}
    assert unit_type(_unit_of(ms, "Unity Government"), kb=None) == "government"


def test_a_person_keeps_being_a_person(blank_nlp, resources):
    """Near miss: a person's name before "MPs" is not a party ("Okafor MPs" is odd, but a
    one-word name tagged a person never takes a body's kind)."""
    text = "The ruling Okafor spoke first, and Okafor left."
    ms = run(blank_nlp, resources, text, [("Okafor", "PERSON"), ("Okafor", "PERSON")])
    assert {m.role for m in ms} == {None}


def _unit(name: str) -> Unit:
    return Unit("a", "g1", forms=Counter({name: 1}), labels=Counter({"ORG": 1}))


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Kestrel Daily", "media"),
        ("Harbour Tribune", "media"),
        ("Morning Chronicle", "media"),
        ("Northern Broadcasting Corporation", "media"),
        ("Velmar Legislature Party", "political_party"),  # a party's own caucus
        ("Velmar Party Central Committee", "political_party"),
        ("Velmar Congress", "government"),  # a name's words alone: a legislature
        ("Union Ministry of Roads", "government"),  # "union" of a federal state, no party
    ],
)
def test_name_words_type_outlets_and_party_bodies(name, kind):
    assert unit_type(_unit(name), kb=None) == kind


def test_one_article_calling_a_name_a_party_types_the_actor(tmp_path):
    """The type is decided once per actor: two articles write "ZNP" bare, one writes its
    MPs; the actor is a party, not "other" by the bare mentions' count."""
    from dataclasses import replace

    from tests.resolve.test_actors import doc

    from eventwire.config import Settings
    from eventwire.extract import Resources
    from eventwire.resolve.actors import resolve_actors

    res = Resources(Settings(db=str(tmp_path / "x.db")))
    docs = [
        doc("a", ("ZNP", "ORG", "g1"), ("ZNP", "ORG", "g1"), ("ZNP", "ORG", "g1")),
        doc("b", ("ZNP", "ORG", "g1"), ("ZNP", "ORG", "g1")),
    ]
    cued = doc("c", ("ZNP", "ORG", "g1"))
    docs.append(replace(cued, mentions=(replace(cued.mentions[0], role=PARTY_ROLE),)))
    actors = resolve_actors(docs, res).actors
    assert [a.type for a in actors if a.name == "ZNP"] == ["political_party"]
    bare = resolve_actors(docs[:2], res).actors
    assert [a.type for a in bare if a.name == "ZNP"] == ["other"]


@pytest.mark.parametrize(
    ("name", "label"), [("velmar", "PERSON"), ("velmar janata", "ORG"), ("Velmar Janata", "ORG")]
)
def test_a_name_cut_before_party_is_completed(blank_nlp, resources, name, label):
    """ "the velmar party" tagged "velmar" (a person to the tagger of a lower-case text):
    the party's name, typed by its word."""
    text = f"leaders of the {name} party met on sunday, and the {name} party later walked out."
    ms = run(blank_nlp, resources, text, [(name, label), (name, label)])
    assert {m.normalized.lower() for m in ms} == {f"{name.lower()} party"}
    assert unit_type(_unit_of(ms, f"{name} party"), kb=None) == "political_party"


def test_a_birthday_party_is_no_name(blank_nlp, resources):
    """Near miss: a person's name before "'s party" is an owner, not a party's name."""
    text = "Guests came to Okafor's party on Friday. Okafor thanked them."
    ms = run(blank_nlp, resources, text, [("Okafor", "PERSON"), ("Okafor", "PERSON")])
    assert {m.normalized for m in ms} == {"Okafor"}


def test_the_words_of_any_name_type_an_actor_its_bare_forms_left_other(tmp_path):
    """Two articles write "ZNP" bare (no kind), one writes "Zorvan National Party (ZNP)":
    one actor, typed by the full name's word, not "other" by the bare forms' count."""
    from tests.resolve.test_actors import doc

    from eventwire.config import Settings
    from eventwire.extract import Resources
    from eventwire.resolve.actors import resolve_actors

    res = Resources(Settings(db=str(tmp_path / "x.db")))
    docs = [
        doc("a", ("ZNP", "ORG", "g1"), ("ZNP", "ORG", "g1"), ("ZNP", "ORG", "g1")),
        doc("b", ("ZNP", "ORG", "g1"), ("ZNP", "ORG", "g1")),
        doc("c", ("Zorvan National Party", "ORG", "g1"), ("ZNP", "ORG", "g1")),
    ]
    actors = [a for a in resolve_actors(docs, res).actors if "ZNP" in a.aliases]
    assert [a.type for a in actors] == ["political_party"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A resident, Tomas Ilunga, 52, said the gunmen came at night.", "Tomas Ilunga"),
        ("Among the dead was the driver of the bus, Arjun Thapa, a father of three.",
         "Arjun Thapa"),
        ("Their mother, Selam Haile, said the boys were farmers.", "Selam Haile"),
        ("The raiders were followers of Musa Kaura, a bandit leader in the hills.", "Musa Kaura"),
        ("The head of the vigilance committee, Idriss Mahamat, was among the dead.",
         "Idriss Mahamat"),
        ("The prefect of the Mayo-Kani department, Paul Ndongo, spoke.", "Paul Ndongo"),
    ],
)  # fmt: skip
def test_a_name_written_with_an_age_or_a_persons_noun_is_a_person(blank_nlp, resources, text, name):
    ms = run(blank_nlp, resources, text, [(name, "ORG")])
    assert {m.label for m in ms if m.span.text == name} == {"PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The spokesman for the police, National Police Service, said nothing.",
         "National Police Service"),
        ("The shipper, Kestrel Harbour Lines, filed the claim.", "Kestrel Harbour Lines"),
        ("The talks were led by Chairman Kestrel Harbour Shipping Lines on Monday.",
         "Kestrel Harbour Shipping Lines"),
        ("Families fled towards Port Salut, a local official said.", "Port Salut"),
    ],
)  # fmt: skip
def test_a_bodys_name_or_a_title_before_a_name_makes_no_person(blank_nlp, resources, text, name):
    ms = run(blank_nlp, resources, text, [(name, "ORG")])
    assert "PERSON" not in {m.label for m in ms if m.span.text == name}
