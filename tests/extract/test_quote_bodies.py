"""Unnamed speakers who speak for a body: "its spokesman said", "a spokesman said"."""

import pytest

pytestmark = pytest.mark.slow


def speakers(run, text):
    return [(q.text, q.speaker and q.speaker.text) for q in run(text)["quotes"]]


def test_a_body_s_own_spokesman_speaks_for_it(run):
    got = speakers(
        run,
        "The Arakan Army denied the report on Monday. Its spokesman said the fighters "
        '"had left the town days before the strike".',
    )
    assert got == [("had left the town days before the strike", "The Arakan Army")]


def test_commanders_of_a_named_group_speak_for_it(run):
    got = speakers(
        run,
        "The Houthis hold the port. Their commanders said on Friday that they would "
        '"defend every house in the city".',
    )
    assert got[0][1] == "Houthis"


def test_a_bare_spokesman_goes_on_from_the_body_that_spoke(run):
    got = speakers(
        run,
        "The Kenya Defence Forces said on Sunday that troops had reached the border. "
        'A spokesman said more units would arrive "within days".',
    )
    assert got == [("within days", "The Kenya Defence Forces")]


def test_a_bare_spokesman_after_a_sentence_of_no_saying_is_unnamed(run):
    got = run(
        "Elders met the Arakan Army near Paletwa on Monday. A spokesman said the talks had "
        '"gone on far too long for everyone".'
    )["quotes"]
    assert got[0].speaker is None and got[0].speaker_description == "spokesman"


def test_a_bare_spokesman_in_the_next_paragraph_is_unnamed(run):
    got = run(
        "The Kenya Defence Forces said on Sunday that troops had reached the border.\n\n"
        'A spokesman said more units would arrive "before the rains come back".'
    )["quotes"]
    assert got[0].speaker is None


def test_a_person_s_spokesman_is_not_turned_into_a_body(run):
    got = run(
        'Governor Amina Bello was in Abuja. Her spokesman said the attack was "a plan to '
        'frighten the whole state".'
    )["quotes"]
    assert got[0].speaker is None or got[0].speaker.text != "Governor Amina Bello"


def test_the_group_goes_on_from_the_one_body_that_spoke(run):
    got = speakers(
        run,
        "The Ogaden National Liberation Front said on Friday that its fighters had left the "
        "town.\n\nIn a message to reporters, the group blamed the attack on "
        '"soldiers who wear no uniform".',
    )
    assert got == [("soldiers who wear no uniform", "The Ogaden National Liberation Front")]


def test_the_group_s_statement_speaks_for_that_body(run):
    got = speakers(
        run,
        "Jund al-Aqsa claimed the ambush near Idlib on Sunday. Two soldiers died, police said."
        '\n\nThe group\'s statement said its men had "taken the hill before dawn".',
    )
    assert got[0][1] == "Jund al-Aqsa"


def test_the_group_after_two_bodies_that_spoke_is_nobody(run):
    got = run(
        "The Ogaden National Liberation Front said its fighters had left. The Somali "
        "Regional Council said troops had arrived. The group said the road was "
        '"closed to every truck from the south".'
    )["quotes"]
    assert got[0].speaker is None


def test_the_group_is_not_a_state_s_army_or_a_country(run):
    got = run(
        "Kenya said on Monday that its troops had crossed the border. The Kenyan army said "
        "the camp was taken. The group said its fighters had "
        '"withdrawn long before the troops came".'
    )["quotes"]
    assert got[0].speaker is None


def test_a_modified_group_is_another_group(run):
    got = run(
        "The Ogaden National Liberation Front said its fighters had left the town. The rights "
        'group said the villagers had been "left with nothing to eat".'
    )["quotes"]
    assert got[0].speaker is None or "Ogaden" not in got[0].speaker.text


def test_a_spokesman_named_in_apposition_does_not_speak_for_the_body(run):
    # the name may be one the tagger does not know: the body is never the speaker then
    got = speakers(
        run,
        "The Kestrel Front said it held the bridge. The group's spokeswoman, Aye Nwe Hlaing, "
        'said by phone that its fighters "will not withdraw".',
    )
    assert got[0][1] != "The Kestrel Front"
