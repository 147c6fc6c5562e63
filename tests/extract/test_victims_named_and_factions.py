"""The side an act hit, told by its victims or by a faction of a named body (issue 13):
"struck a military vehicle, killing two fighters of X" hit X, not the doer's own army
the bare word "military" would resolve to; "a clash between rival factions of X" is
fought by X. Sentences we wrote."""

import pytest

pytestmark = pytest.mark.slow


def _violent(run, text):
    return [e for e in run(text)["events"] if e.type == "ASSAULT"]


def _target(run, text):
    (event,) = _violent(run, text)
    return event.target.text if event.target is not None else None


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            "A Turkish drone struck a military vehicle near Kobani on Monday, "
            "killing two fighters of the People's Protection Units.",
            "People's Protection Units",
        ),
        (
            "An Israeli jet hit an army truck south of Tyre, killing three members of Hezbollah.",
            "Hezbollah",
        ),
        (
            "A Kenyan warplane bombed a military vehicle near Mandera on Tuesday, killing "
            "four fighters of the Ogaden National Liberation Front.",
            "Ogaden National Liberation Front",
        ),
    ],
)
def test_named_victims_are_the_side_hit_rather_than_an_army_word(run, text, named):
    target = _target(run, text)
    assert target is not None and named in target


def test_unnamed_victims_leave_the_army_word_as_the_target(run):
    # the post was the army's, and the soldiers killed name no other body
    text = "Militants attacked an army post near Djibo, killing at least 20 soldiers."
    assert _target(run, text) == "army"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            "Two men were shot dead in a clash between rival factions of the Karen "
            "National Union near Myawaddy, police said.",
            "Karen National Union",
        ),
        (
            "Fighting broke out between two factions of the Sudan People's Liberation "
            "Movement near Bor on Sunday.",
            "Sudan People's Liberation Movement",
        ),
    ],
)
def test_factions_of_a_named_body_fight_as_that_body(run, text, named):
    sides = [s.text for e in _violent(run, text) for s in (e.source, e.target) if s is not None]
    assert any(named in s for s in sides)


def test_a_faction_named_on_its_own_keeps_its_name(run):
    # a faction with a name of its own is no faction "of" the body it attacks
    text = "The Democratic faction attacked a rally of the United Front in Khagrachari."
    doers = [e.source.text for e in _violent(run, text) if e.source is not None]
    assert not any("United Front" in d for d in doers)
