"""A town's name before the noun of a site it gives its name to ("the Kyaukme market",
"the Mandouri bridge") is that town (``placespans._town_named_site``), on sentences we
wrote. The model and the shipped gazetteer are the point: marked slow."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_document
from eventwire.model import Article

pytestmark = pytest.mark.slow


def _records(nlp, resources, text: str):
    return extract_document(Article(id="s1", text=text, published="2024-06-07"), nlp(text),
                            resources)  # fmt: skip


def _event_place(nlp, resources, text: str, trigger: str) -> str | None:
    events = [e for e in _records(nlp, resources, text).events if e.trigger.text == trigger]
    assert events, f"no event for {trigger!r}"
    return events[0].place.name if events[0].place else None


def _place_names(nlp, resources, text: str) -> set[str]:
    return {pm.span.text for pm in _records(nlp, resources, text).places if pm.place}


@pytest.mark.parametrize(
    ("text", "trigger", "town"),
    [
        ("A jet bombed the Kyaukme market in Shan State on Friday, killing eight people.",
         "bombed", "Kyaukme"),
        ("Rebels blew up the Mandouri bridge in northern Togo overnight, the army said.",
         "blew", "Mandouri"),
        ("Gunmen attacked the Beledweyne main market on Monday, police said.",
         "attacked", "Beledweyne"),
        ("Three more people wounded in Friday's shelling of the Kadugli market died on "
         "Sunday, medics said.", "wounded", "Kadugli"),
        ("Soldiers guarding the Bossangoa bridge were attacked before dawn, the army said.",
         "attacked", "Bossangoa"),
    ],
)  # fmt: skip
def test_a_site_named_after_its_town_is_in_the_town(
    nlp, resources, text: str, trigger: str, town: str
) -> None:
    assert _event_place(nlp, resources, text, trigger) == town


def test_a_road_and_a_site_named_otherwise_are_no_town(nlp, resources) -> None:
    # a road leads away to the town it is named after
    text = "Bandits ambushed a truck on the Gimbi road, west of Nekemte, on Monday."
    assert "Gimbi" not in _place_names(nlp, resources, text)
    # a common word and a loose spelling make no town
    text = "Protesters gathered at the Catholic church in Kabul on Friday."
    assert _place_names(nlp, resources, text) == {"Kabul"}
    # a person's name on a bridge: no town of that name in the story's country
    text = "Police fired tear gas at protesters on the Mandela bridge in Johannesburg on Friday."
    assert _event_place(nlp, resources, text, "fired") == "Johannesburg"
