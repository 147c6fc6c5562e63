"""An outlet's credit with a note that the story is translated, opening the lead ("Le
Courrier du Soir (translated from French) -- "), is the page's dateline, however the
outlet's name is written (texts written by us)."""

import pytest

from eventwire.extract.datelines import translated_credit
from eventwire.extract.docview import DocView
from eventwire.knowledge.words import page_words


@pytest.mark.parametrize(
    "credit",
    [
        "Le Courrier du Soir (translated from French) -- ",
        "Diario del Valle Norte (translated from Spanish) -- ",
        "Al-Sabah Today (translated from Arabic) -- ",
        "Dainik Barta (report translated from Bengali) — ",
    ],
)
def test_an_outlet_and_a_translation_note_before_a_dash_is_a_credit(blank_nlp, credit):
    text = f"Market shelled in the east\n\n{credit}Shells hit the market on Monday."
    assert translated_credit(text, text.index(credit)) == text.index("Shells")
    zones = DocView(blank_nlp(text), page_words()).zones
    assert text[slice(*zones.dateline)] == credit
    assert zones.zone_of(text.index("Shells")) == "body"


@pytest.mark.parametrize(
    "text",
    [
        # a clause in lower case before the bracket: no outlet's name
        "Gunmen killed two (translated from the police report) -- then fled.",
        # no translation note, no dash
        "Le Courrier du Soir (Wire) said on Monday that shells hit the market.",
        "Le Courrier du Soir (translated from French) said shells hit the market.",
    ],
)
def test_other_openings_are_no_translated_credit(text):
    assert translated_credit(text, 0) is None
