"""The story's day is the day of the lead's violent act when the lead states one, and a
lead opened by a dateline is still the lead (sentences written for these tests; the
article is published on Wednesday 15 May 2024)."""

from __future__ import annotations

import pytest
from tests.extract.test_event_date_anaphora import PUBLISHED, dates  # noqa: F401

pytestmark = pytest.mark.slow

SATURDAY, SUNDAY, MONDAY, TUESDAY = "2024-05-11", "2024-05-12", "2024-05-13", "2024-05-14"


def test_a_funeral_day_is_not_the_day_of_the_ambush(dates) -> None:  # noqa: F811
    text = ("Villagers in the hill district on Monday buried four police officers killed "
            "in Saturday's ambush on their convoy.\n\n"
            "Another patrol was attacked on the road to the pass.")  # fmt: skip
    assert dates(text)["attacked"] == (SATURDAY, "publication")


def test_a_visit_day_is_not_the_day_of_the_bombing(dates) -> None:  # noqa: F811
    text = ("The governor on Tuesday toured the market where a car bomb exploded on "
            "Sunday.\n\nGunmen also shot two traders at the bus station.")  # fmt: skip
    assert dates(text)["shot"] == (SUNDAY, "publication")


def test_a_lead_whose_only_day_is_the_saying_keeps_it(dates) -> None:  # noqa: F811
    text = ("Drones struck a fuel depot outside the port city, the navy said on Tuesday."
            "\n\nA second drone hit a radar site on the coast.")  # fmt: skip
    assert dates(text)["hit"] == (TUESDAY, "publication")


def test_a_lead_opened_by_a_dateline_is_the_lead(dates) -> None:  # noqa: F811
    text = ("KADUNA -- Bandits raided a farming village on Sunday, killing nine people."
            "\n\nThe gunmen also burned a clinic in the next village.")  # fmt: skip
    assert dates(text)["burned"] == (SUNDAY, "publication")


def test_the_dateline_day_is_not_the_act_day(dates) -> None:  # noqa: F811
    text = ("GAROUA, 14 May -- Jihadists stormed a border post on Monday, the army said."
            "\n\nThey also looted a depot of grain.")  # fmt: skip
    assert dates(text)["looted"] == (MONDAY, "publication")


def test_an_act_only_threatened_in_the_lead_gives_no_day(dates) -> None:  # noqa: F811
    text = ("Elders met on Monday after the militia threatened to attack the town on "
            "Friday.\n\nGunmen later shot a herder outside the walls.")  # fmt: skip
    # the threatened attack is no act of the story: the first stated day stands in
    assert dates(text)["shot"] == (MONDAY, "publication")
