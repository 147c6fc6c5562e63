"""A state's own body written with the state's possessive is one mention; a named
hospital or road the sentence uses as where something happened is no actor (our
sentences)."""

import pytest

from eventwire.extract.mention_owners import _head_word

pytestmark = pytest.mark.slow


def mentions(run, text):
    return {m.span.text: m for m in run(text)["mentions"]}


@pytest.mark.parametrize(
    ("text", "surface", "name", "country"),
    [
        ("Chile's Investigations Police said two officers had been hurt in the raid.",
         "Chile's Investigations Police", "Investigations Police", "CHL"),
        ("The men were held by Peru's National Intelligence Directorate for two days.",
         "Peru's National Intelligence Directorate", "National Intelligence Directorate",
         "PER"),
        ("Kenya's Wildlife Service said rangers had found the bodies near the lake.",
         "Kenya's Wildlife Service", "Wildlife Service", "KEN"),
    ],
)  # fmt: skip
def test_a_states_own_body_with_its_possessive_is_one_mention(run, text, surface, name, country):
    found = mentions(run, text)
    assert surface in found, found.keys()
    assert found[surface].normalized == name
    assert found[surface].affiliation == country


def test_a_gang_or_a_noun_after_the_body_is_left_apart(run):
    found = mentions(run, "Police say the gang works with Mexico's Gulf Cartel on the coast.")
    assert "Mexico's Gulf Cartel" not in found
    found = mentions(run, "Brazil's Federal Police officers arrested five men on Monday.")
    assert "Brazil's Federal Police" not in found


def test_the_head_word_of_a_bodys_name():
    assert _head_word("State Committee for National Security") == "committee"
    assert _head_word("Security Media Cell") == "cell"
    assert _head_word("Federal Police") == "police"


@pytest.mark.parametrize(
    "text",
    [
        "A soldier wounded in the ambush died on Friday at the Marigat District Hospital.",
        "Two traders died overnight, staff at Ruvani Referral Hospital said on Tuesday.",
        "The wounded were flown to the Combined Forces Hospital in Garowe.",
        "The bus was stopped by gunmen on the Kestrel Highway at dusk.",
    ],
)
def test_a_hospital_or_road_named_as_where_is_no_actor(run, text):
    assert not any(m.span.text.endswith(("Hospital", "Highway")) for m in run(text)["mentions"]), (
        text
    )


def test_a_hospital_that_speaks_stays_an_actor(run):
    found = mentions(run, "Marigat District Hospital said 12 bodies had been brought in.")
    assert "Marigat District Hospital" in found
