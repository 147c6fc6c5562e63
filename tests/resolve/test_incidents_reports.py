"""Incidents across reports: a toll stated as an update, and the site an act hit."""

from __future__ import annotations

from tests.resolve.test_incidents import GHARYAN, ONTO, Text, resolve_all

from eventwire.model import Count, CountReport, DocumentRecords, EventMention, Evidence, Span
from eventwire.resolve.incident_counts import best_counts, is_update
from eventwire.resolve.incident_sites import act_nouns, sites_hit


def _count(
    sentence: str, figure: str, value: int, qualifier: str | None = None, update: str | None = None
) -> Count:
    ev = Evidence("a", sentence, 100, 100 + len(sentence))
    at = 100 + sentence.index(figure)
    return Count("killed", value, qualifier, figure, ev, Span(at, at + len(figure), figure),
                 update=update)  # fmt: skip


def test_an_update_is_the_mark_extraction_set_not_a_second_parse() -> None:
    # the sentences are parsed once, by extraction (tests/extract/test_count_results.py)
    risen = "The death toll from Saturday's raid has risen to 31, an official said."
    assert is_update(_count(risen, "31", 31, update="total"))
    assert not is_update(_count(risen, "31", 31))  # unmarked: a plain figure
    assert not is_update(_count("Five more bodies were found on Sunday.", "Five", 5,
                                update="more"))  # fmt: skip


def test_an_updated_toll_supersedes_the_earlier_lower_counts() -> None:
    first = _count("Gunmen killed at least 12 villagers on Saturday.", "12", 12, "at least")
    update = _count(
        "The death toll from the attack has risen to 31, a governor said.", "31", 31, None, "total"
    )
    later = _count("Some 30 people died in the attack, a charity said.", "30", 30)
    reports = [(CountReport(c.kind, c.value, c.qualifier, c.evidence), is_update(c))
               for c in (first, update, later)]  # fmt: skip
    counts, low, high, kept = best_counts(reports)
    assert counts == {"killed": 31} and low == {"killed": 31} and high == {"killed": 31}
    assert sorted(r.value for r in kept) == [12, 30, 31]  # every report's figure is evidence
    # with no update, the reports disagree: the best-supported figure and a range
    counts, low, high, _ = best_counts([(r, False) for r, _u in reports])
    assert counts == {"killed": 30} and (low, high) == ({"killed": 12}, {"killed": 31})


def test_an_update_in_a_later_report_sets_the_incidents_figure_in_any_order() -> None:
    def report(article_id: str, sentence: str, figure: str, published: str) -> DocumentRecords:
        t = Text(article_id, published).sentence(sentence)
        t.event("ASSAULT", "attack", "2025-03-14", GHARYAN)
        em = t.events[-1]
        at = em.evidence.char_start + sentence.index(figure)
        mark = "total" if "risen" in sentence else None  # as extraction marks it
        count = Count("killed", int(figure), None, figure, em.evidence, Span(at, at + 2, figure),
                      update=mark)  # fmt: skip
        t.events[-1] = EventMention(**{**em.__dict__, "counts": (count,)})
        return t.records()

    docs = [
        report("a", "Gunmen killed 12 people in an attack on Gharyan on Friday.", "12",
               "2025-03-14"),
        report("b", "The toll from Friday's attack on Gharyan has risen to 31.", "31",
               "2025-03-16"),
    ]  # fmt: skip
    for order in (docs, docs[::-1]):
        (inc,) = resolve_all(order)
        assert inc.counts == {"killed": 31} and inc.count_min == {"killed": 31}
        assert sorted(r.value for r in inc.count_reports) == [12, 31]


def _strike(article_id: str, sentence: str, trigger: str) -> DocumentRecords:
    t = Text(article_id, "2025-03-14").sentence(sentence)
    return t.event("ASSAULT", trigger, "2025-03-14", GHARYAN).records()


def test_sites_are_what_the_act_hit_not_where_the_wounded_went() -> None:
    def sites(sentence: str, trigger: str) -> frozenset[str]:
        return sites_hit(
            _strike("a", sentence, trigger).events, ONTO.violent_types, ONTO.site_nouns
        )

    assert sites("A jet bombed the main market in the town on Friday.", "bombed") == {"market"}
    assert sites("Rockets slammed into two crowded markets.", "slammed") == {"market"}
    assert sites("Four died in a rocket attack on a school.", "attack") == {"school"}
    assert sites("Shells killed four, and the wounded went to the hospital.", "killed") == set()
    assert sites("A strike hit homes near the river.", "hit") == set()


def test_a_doers_long_name_after_by_is_not_counted_in_the_sites_reach() -> None:
    def sites(sentence: str, trigger: str, doer: str | None) -> frozenset[str]:
        t = Text("a", "2025-03-14").sentence(sentence)
        t.event("ASSAULT", trigger, "2025-03-14", GHARYAN, source=doer)
        return sites_hit(t.records().events, ONTO.violent_types, ONTO.site_nouns)

    long_name = "the Southern Sector Popular Defence Forces"
    told = f"Rockets fired by {long_name} crashed into the market."
    assert sites(told, "fired", long_name) == {"market"}
    assert sites(told, "fired", None) == set()  # no doer read: the name still counts
    # a doer named before the trigger is not in its reach at all; nor is one not after "by"
    assert sites(f"Gunmen of {long_name} fired rockets into a school.", "fired",
                 f"Gunmen of {long_name}") == {"school"}  # fmt: skip
    far = "Rockets fired at dawn from hills held by the Front fell near the old market."
    assert sites(far, "fired", "the Front") == set()


def test_two_strikes_on_one_town_and_day_at_two_sites_stay_apart() -> None:
    market = [_strike("a", "A jet bombed the main market of the town.", "bombed"),
              _strike("b", "An air strike hit a crowded market in the town.", "hit")]  # fmt: skip
    monastery = [_strike("c", "An air strike destroyed a monastery in the town.", "destroyed")]
    unsited = [_strike("d", "An air strike killed six people in the town.", "killed")]
    incs = resolve_all(market + monastery)
    assert sorted(i.source_count for i in incs) == [1, 2]
    lone = next(i for i in incs if i.source_count == 1)
    assert any("two different sites (market; monastery)" in line for line in lone.explanation)
    # a report that names no site may join either
    assert len(resolve_all(market + unsited)) == 1


def test_a_consequence_reads_the_site_from_the_acts_noun_not_where_victims_died() -> None:
    acts = act_nouns(ONTO)

    def sites(sentence: str, trigger: str) -> frozenset[str]:
        events = _strike("a", sentence, trigger).events
        return sites_hit(events, ONTO.violent_types, ONTO.site_nouns, acts)

    # "killed in <the act's noun phrase> of a school": the reach starts again at the noun
    told = "Nine were killed in Sunday's heavy rocket bombardment of the old girls' school."
    assert sites(told, "killed") == {"school"}
    assert sites_hit(_strike("a", told, "killed").events, ONTO.violent_types,
                     ONTO.site_nouns) == set()  # fmt: skip
    # where the wounded later died or were treated is no site the act hit
    assert sites("Shells hit the depot; the wounded died at a clinic.", "hit") == set()
    assert sites("Six of the wounded died at the hospital on Monday.", "wounded") == set()
    assert sites("Seven wounded were rushed to the hospital.", "wounded") == set()


def test_a_toll_report_and_the_strike_report_of_one_school_are_one_incident() -> None:
    strike = _strike("a", "A drone strike hit a school used as a shelter in the town.", "hit")
    t = Text("b", "2025-03-15").sentence(
        "The dead from Friday's drone bombardment of the big primary school rose to 11 "
        "after two of the wounded died at the hospital."
    )
    t.event("ASSAULT", "dead", "2025-03-14", GHARYAN)
    t.event("ASSAULT", "wounded", "2025-03-14", GHARYAN)
    (one,) = resolve_all([strike, t.records()])
    assert one.source_count == 2
