"""Relations whose side is a plain description of armed people standing for the article's
one armed group ("soldiers killed five fighters", "the army fought the militants";
``extract/one_group.py``): the relation keeps the status its statement gives it, and the
group's own people are never its target. Sentences we wrote, through the real model and
resolution with the shipped actor lists off."""

from __future__ import annotations

import pytest
from tests.extract.test_actors_and_sides import picture

from eventwire.config import Settings
from eventwire.knowledge.resources import Resources

pytestmark = pytest.mark.slow

FRONT = "The Kivu Front, an armed group, attacked a village near Goma on Monday. "


@pytest.fixture(scope="module")
def bare():
    return Resources(Settings(shipped_kb=False))


def fights_on(nlp, res, text: str) -> set[tuple[str, str, bool, str]]:
    pic = picture(nlp, res, text)
    names = {a.id: a.name for a in pic.actors}
    return {
        (names[r.source_actor], names[r.target_actor], r.negated, r.modality)
        for r in pic.relations
        if r.type == "fight"
    }


def _against_front(found: set[tuple[str, str, bool, str]]) -> set[tuple[bool, str]]:
    return {(negated, modality) for _s, target, negated, modality in found
            if target == "Kivu Front"}  # fmt: skip


def test_fighters_killed_by_troops_are_the_fronts(nlp, bare):
    text = FRONT + "On Tuesday troops killed five fighters near the river, the army said."
    assert (False, "asserted") in _against_front(fights_on(nlp, bare, text))


def test_a_denied_fight_keeps_its_denial(nlp, bare):
    text = FRONT + "The army denied that its troops had killed five fighters near the river."
    found = _against_front(fights_on(nlp, bare, text))
    assert found and all(negated for negated, _m in found)


def test_a_fight_only_promised_stays_hypothetical(nlp, bare):
    text = FRONT + "The army said on Tuesday that troops would attack the fighters in the hills."
    found = _against_front(fights_on(nlp, bare, text))
    assert found and all(m != "asserted" for _n, m in found)


def test_the_groups_own_fighters_are_not_its_target(nlp, bare):
    text = FRONT + "The group said on Tuesday that its forces had killed five militants."
    assert not any(source == target for source, target, _n, _m in fights_on(nlp, bare, text))
    assert _against_front(fights_on(nlp, bare, text)) == set()
