"""Incidents of parsed reports we wrote: the act, its consequences, the anaphor, the
aftermath and a condemnation of one shelling, through the real model."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_document
from eventwire.model import Article
from eventwire.resolve import resolve

pytestmark = pytest.mark.slow

REPORT = (
    "Fighters shelled a crowded market in Gharyan on Friday, killing four civilians and "
    "wounding 11 others, the town council said.\n\n"
    "The United Nations mission condemned the attack and called for an investigation.\n\n"
    "Flights at the small airfield outside the town were suspended."
)
FOLLOW_UP = (
    "Four people were killed when shells hit a market in Gharyan on Friday, a doctor said "
    "on Saturday.\n\nThe bombardment also wounded 12 people."
)


def test_one_report_is_one_incident_with_its_condemnation_linked(nlp, resources) -> None:
    article = Article("art_a", REPORT, published="2025-03-15", published_precision="day")
    res = resolve([extract_document(article, nlp(REPORT), resources)], resources)
    violent = [i for i in res.incidents if i.type == "ASSAULT"]
    assert len(violent) == 1
    (shelling,) = violent
    assert len(shelling.events) >= 2 and shelling.counts.get("killed") == 4
    by_id = {e.id: e for e in res.events}
    assert any(by_id[e].type == "ACCUSE" for e in shelling.statements)  # linked, not merged
    assert not any(by_id[e].type == "ACCUSE" for e in shelling.events)


def test_two_reports_of_one_shelling_are_one_incident_and_counts_not_summed(nlp, resources) -> None:
    docs = [
        extract_document(Article(aid, text, published=day, published_precision="day"),
                         nlp(text), resources)
        for aid, text, day in (("art_a", REPORT, "2025-03-14"),
                               ("art_b", FOLLOW_UP, "2025-03-15"))
    ]  # fmt: skip
    res = resolve(docs, resources)
    both = [i for i in res.incidents if i.source_count == 2]
    assert len(both) == 1 and both[0].type == "ASSAULT"
    assert both[0].counts["killed"] == 4  # two reports of four: never eight


RAID_AS_ATTACK = (
    "Gunmen of the Wadi Brigade stormed a house in Bani Walid on Saturday, killing one man, "
    "a relative said."
)
RAID_AS_ARREST = (
    "The Wadi Brigade raided a house in Bani Walid on Saturday and detained three brothers, "
    "their family said on Sunday."
)
AID_HANDOUT = (
    "The Wadi Brigade handed out food parcels to 300 families in Bani Walid on Saturday, the "
    "municipal council said."
)


def test_a_raid_told_as_an_attack_and_as_an_arrest_is_one_incident(nlp, resources) -> None:
    docs = [
        extract_document(Article(aid, text, published=day, published_precision="day"),
                         nlp(text), resources)
        for aid, text, day in (("art_a", RAID_AS_ATTACK, "2025-04-12"),
                               ("art_b", RAID_AS_ARREST, "2025-04-13"),
                               ("art_c", AID_HANDOUT, "2025-04-12"))
    ]  # fmt: skip
    res = resolve(docs, resources)
    joined = [i for i in res.incidents if i.source_count == 2]
    assert len(joined) == 1 and joined[0].type == "ASSAULT"  # the severer report's type
    assert {e.article_id for e in joined[0].evidence} == {"art_a", "art_b"}  # aid stays apart
