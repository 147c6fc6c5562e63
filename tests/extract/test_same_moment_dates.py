"""An act and the "when" clause hanging on it are one moment: the clause's date dates the
act when the act's own clause states none (issue 13 item 6; sentences we wrote)."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_document
from eventwire.model import Article

pytestmark = pytest.mark.slow

PUBLISHED = "2024-05-15"  # a Wednesday


@pytest.fixture(scope="module")
def dates(nlp, resources):
    def _dates(text: str) -> dict[str, str | None]:
        article = Article(id="m", text=text, published=PUBLISHED, published_precision="day")
        records = extract_document(article, nlp(text), resources)
        return {e.trigger.text: e.when.value if e.when else None for e in records.events}

    return _dates


def test_when_clause_dates_the_act_it_hangs_on(dates) -> None:
    text = (
        "Families in the town spent Monday burying relatives killed when shells fell on "
        "the market the day before."
    )
    assert dates(text)["killed"] == "2024-05-12"


def test_the_acts_own_date_comes_first(dates) -> None:
    text = "Gunmen killed two guards on Tuesday when a patrol, ambushed on Sunday, returned."
    assert dates(text)["killed"] == "2024-05-14"
