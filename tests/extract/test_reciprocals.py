"""Relations told of two sides at once, or of a war with someone (issue 13, item 4), on
sentences we wrote."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def relations(run, text):
    return {(r.type, r.source.text, r.target.text) for r in run(text)["relations"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Red Hill Front and the army have been fighting for the town since March.",
            ("fight", "The Red Hill Front", "army"),
        ),
        (
            "The army and the Red Hill Front clashed again on Sunday.",
            ("fight", "army", "the Red Hill Front"),
        ),
        (
            "The Red Hill Front and the Blue River Brigade signed an alliance last year.",
            ("ally", "The Red Hill Front", "the Blue River Brigade"),
        ),
        ("Ostland and Kaldor held talks in Doha on Tuesday.", ("meet", "Ostland", "Kaldor")),
        ("Soldiers and police fought side by side.", ("ally", "Soldiers", "police")),
        (
            "The army and the Red Hill Front fought each other for the town.",
            ("fight", "army", "the Red Hill Front"),
        ),
        (
            "The army and the Red Hill Front clashed with one another near the river.",
            ("fight", "army", "the Red Hill Front"),
        ),
    ],
)
def test_a_coordinated_subject_names_both_sides(run, text, expected):
    assert expected in relations(run, text)


def test_a_named_other_side_is_left_to_the_event(run):
    got = relations(run, "The army and the police fought the Red Hill Front near the river.")
    assert ("fight", "army", "police") not in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Red Hill Front has been at war with the army since 2012.",
            ("fight", "The Red Hill Front", "army"),
        ),
        (
            "The Red Hill Front is locked in a war against the army.",
            ("fight", "The Red Hill Front", "army"),
        ),
        ("Ostland's war with Kaldor has killed thousands.", ("fight", "Ostland", "Kaldor")),
    ],
)
def test_a_war_with_someone_is_a_fight_with_them(run, text, expected):
    assert expected in relations(run, text)
