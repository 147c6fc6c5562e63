"""Names of a structure, a train or a feast are no actors: a name set before the noun of
one ("the Varun temple") or ending in it ("the Madhav Mandir", "Old Fort Mosque")."""

import pytest

from eventwire.extract.things import named_by_thing_noun


def test_a_name_ending_in_a_structures_noun_is_a_thing():
    assert named_by_thing_noun("Old Fort Mosque")
    assert named_by_thing_noun("Varun Temple")
    assert named_by_thing_noun("Lantern Festival")
    assert not named_by_thing_noun("Northern Express")  # a newspaper's name
    assert not named_by_thing_noun("Coptic Church")  # a body that speaks
    assert not named_by_thing_noun("Temple")
    assert not named_by_thing_noun("Varun Hospital")  # a hospital speaks for its staff


@pytest.mark.slow
def test_a_name_before_a_temples_noun_is_no_actor_wherever_named(run):
    names = _names(
        run(
            "Pilgrims gathered at the Varun temple on Sunday. Hezbollah said the Varun "
            "shrine had been damaged, and Sunil Dhar, a priest, called for calm."
        )
    )
    assert not any("varun" in n for n in names)
    assert {"hezbollah", "sunil dhar"} <= names


@pytest.mark.slow
def test_a_name_ending_in_a_structures_noun_is_no_actor(run):
    names = _names(
        run(
            "Thousands of devotees reached the Madhav Mandir for the Lantern Festival, and "
            "Kiran Joshi, a trustee, said the Madhav Mandir would stay open."
        )
    )
    assert not any("madhav" in n for n in names)
    assert "kiran joshi" in names


def _names(records):
    return {m.span.text.casefold() for m in records["mentions"]}
