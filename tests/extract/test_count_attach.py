"""Counts given to the violent events of their sentence, or of a sentence nearby."""

from dataclasses import replace

from eventwire.extract.count_attach import attach_counts, sentence_totals
from eventwire.model import Count, EventMention, Evidence, Span

VIOLENT = frozenset({"ASSAULT"})
STARTS = [0, 100, 200, 300]


def count(kind, value, sentence):
    return Count(kind, value, None, f"{value}", Evidence("a", "s", sentence, sentence + 90))


def event(sentence, etype="ASSAULT"):
    return EventMention(
        "a", etype, Span(sentence, sentence + 5, "x"), Evidence("a", "s", sentence, sentence + 90)
    )


def given(events):
    return [{c.kind: c.value for c in e.counts} for e in events]


def test_different_victims_of_one_sentence_add_up():
    totals = sentence_totals([count("killed", 6, 0), count("killed", 3, 0), count("wounded", 4, 0)])
    assert sorted((c.kind, c.value) for c in totals) == [("killed", 9), ("wounded", 4)]


def test_a_toll_stated_as_reached_is_its_sentences_figure_not_a_sum():
    # "five more bodies were found, bringing the toll to 30": 30, not 35
    more = replace(count("killed", 5, 0), update="more")
    toll = replace(count("killed", 30, 0), update="total")
    totals = sentence_totals([more, toll, count("wounded", 4, 0), count("killed", 2, 100)])
    assert sorted((c.evidence.char_start, c.kind, c.value, c.update) for c in totals) == [
        (0, "killed", 30, "total"),
        (0, "wounded", 4, None),
        (100, "killed", 2, None),  # another sentence keeps its own
    ]


def test_counts_go_to_the_violent_events_of_their_sentence_only():
    events = attach_counts(
        [event(0), event(0, "AID"), event(200)], [count("killed", 2, 0)], STARTS, VIOLENT
    )
    assert given(events) == [{"killed": 2}, {}, {}]


def test_a_sentence_without_a_violent_event_gives_its_counts_to_the_one_before():
    events = attach_counts([event(0), event(300)], [count("killed", 2, 100)], STARTS, VIOLENT)
    assert given(events) == [{"killed": 2}, {}]


def test_a_count_before_any_violent_event_stays_unattached():
    events = attach_counts([event(200)], [count("killed", 2, 100)], STARTS, VIOLENT)
    assert given(events) == [{}]


def test_a_restated_toll_keeps_the_larger_figure():
    counts = [count("killed", 14, 0), count("killed", 18, 100)]
    assert given(attach_counts([event(0)], counts, STARTS, VIOLENT)) == [{"killed": 18}]


def test_a_count_two_sentences_on_belongs_to_no_earlier_event():
    events = attach_counts([event(0)], [count("displaced", 900, 200)], STARTS, VIOLENT)
    assert given(events) == [{}]
