"""A past act told in a relative clause of a comparison ("the deadliest since March,
when a car bomb killed nine") keeps its own date and toll through event grouping, and
the new act keeps its own, through the real model, on reports we wrote."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_document
from eventwire.model import Article
from eventwire.resolve import resolve

pytestmark = pytest.mark.slow

AMBUSH = (
    "GAROWE, Somalia (Wire) -- Gunmen of the Coast Front ambushed a police convoy near "
    "Garowe on Friday, killing four officers, the regional police said on Saturday.\n\n"
    "Friday's ambush was the deadliest in the region since March, when a car bomb near the "
    "main market killed nine people."
)
MORTARS = (
    "BAIDOA, Somalia (Wire) -- A mortar attack hit a camp for displaced families in Baidoa "
    "on Tuesday, local officials said on Wednesday.\n\n"
    "It was the worst attack on the town since July, when a roadside bomb killed seven "
    "soldiers."
)


@pytest.mark.parametrize(
    ("text", "published", "past", "toll", "new_day"),
    [(AMBUSH, "2024-11-16", "2024-03", 9, "2024-11-15"),
     (MORTARS, "2024-10-09", "2024-07", 7, "2024-10-08")],
)  # fmt: skip
def test_the_past_act_keeps_its_month_and_toll(
    nlp, resources, text: str, published: str, past: str, toll: int, new_day: str
) -> None:
    article = Article("art_p", text, published=published, published_precision="day")
    res = resolve([extract_document(article, nlp(text), resources)], resources)
    dated = {(e.date, e.date_precision) for e in res.events}
    assert (past, "month") in dated
    assert (new_day, "day") in dated
    tolls = {e.date: e.counts.get("killed") for e in res.events if e.counts.get("killed")}
    assert tolls.get(past) == toll
    assert all(e.date != past for e in res.events if e.date_precision == "day")
