"""A coalition or alliance named without a KB entry is typed ``coalition`` (issue 13)."""

from collections import Counter

import pytest

from eventwire.resolve.actor_units import Unit, unit_type


def _unit(name: str, label: str = "ORG") -> Unit:
    return Unit("a", "g1", forms=Counter({name: 1}), labels=Counter({label: 1}))


@pytest.mark.parametrize(
    "name", ["Saudi-led coalition", "a Western alliance", "Three Brotherhood Alliance"]
)
def test_coalition_words_type_the_actor(name):
    assert unit_type(_unit(name), kb=None) == "coalition"


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Azawad Liberation Front", "armed_group"), ("Justice Party", "political_party")],
)
def test_other_organisation_words_keep_their_type(name, kind):
    assert unit_type(_unit(name), kb=None) == kind
