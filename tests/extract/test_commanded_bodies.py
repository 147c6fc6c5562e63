"""A body under another's command is its ally: "answers (reports) to", "takes orders from",
"is attached (subordinate) to" (issue 13, round 27: dev misses in four written-gold
groups). Sentences we wrote about several wars, with the refusals the reading keeps."""

from __future__ import annotations

import pytest
from tests.extract.test_relation_charges import has, rels

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "body", "commander"),
    [
        (
            "The Harbour Brigade, a force that answers to the Ministry of Defence, took the port.",
            "Harbour Brigade",
            "Ministry of Defence",
        ),
        (
            "Officials say the Kessar Brigade now reports to the Sahel Front.",
            "Kessar Brigade",
            "Sahel Front",
        ),
        (
            "The Marsh Battalion takes its orders from the Kessar Army, residents said.",
            "Marsh Battalion",
            "Kessar Army",
        ),
        (
            "The Iron Column is attached to the Interior Ministry.",
            "Iron Column",
            "Interior Ministry",
        ),
    ],
)
def test_a_body_under_command_is_an_ally(run, text, body, commander):
    got = rels(run, text)
    assert has(got, "ally", body, commander), got


@pytest.mark.parametrize(
    "text",
    [
        # telling someone of an act serves no one
        "Villagers reported the attack to the Kessar Army on Monday.",
        # orders about, not from, a body
        "The Marsh Battalion took orders to attack the Sahel Front.",
    ],
)
def test_no_tie_without_command(run, text):
    got = rels(run, text)
    assert not any(k == "ally" for k, *_ in got), got


def test_a_tie_said_to_be_over_is_not_asserted(run):
    got = rels(run, "The Iron Column says it no longer takes orders from the Kessar Army.")
    assert not has(got, "ally", "Iron Column", "Kessar Army", "asserted") or any(
        n for k, _s, _t, _m, n in got if k == "ally"
    ), got


def test_a_denied_tie_keeps_its_status(run):
    got = rels(run, "The Kessar Brigade denies that it answers to the Sahel Front.")
    assert has(got, "ally", "Kessar Brigade", "Sahel Front", "denied"), got
