"""Unnamed speakers (our sentences): "a witness said", "a local official, who asked not to
be named, said", "medics said" -- the quote keeps a described speaker, is not dropped and
is not given to the nearest named actor."""

import pytest

from eventwire.extract.quotes import unnamed_source

pytestmark = pytest.mark.slow


def speakers(run, text):
    return [(q.speaker and q.speaker.text, q.speaker_description) for q in run(text)["quotes"]]


def test_a_witness_with_a_place_is_a_described_speaker(run):
    text = (
        "General Omar Ali toured the garrison on Monday. "
        '"We heard gunfire until sunrise," a witness in Kabala said.'
    )
    assert speakers(run, text) == [(None, "witness in Kabala")]


def test_an_aside_is_left_out_of_the_description(run):
    text = (
        '"The convoy never reached the camp," a district official, who asked not to be named, said.'
    )
    assert speakers(run, text) == [(None, "district official")]


def test_plural_sources_and_according_to(run):
    text = '"Most of the wounded were women," medics at the clinic said.'
    assert speakers(run, text) == [(None, "medics at the clinic")]
    text = '"The bridge was blown up before dawn," according to a security source.'
    assert speakers(run, text) == [(None, "security source")]


def test_a_named_speaker_has_no_description(run):
    text = '"We will hold the pass," Omar Ali told reporters.'
    assert speakers(run, text) == [("Omar Ali", None)]


def test_a_paragraph_of_quote_goes_on_with_the_described_speaker(run):
    text = (
        '"They came at night," a witness from the valley told us.\n\n'
        'After that, "nobody dared to go back to the fields."'
    )
    found = speakers(run, text)
    assert found[-1] == found[0]
    assert found[0][1] is not None and "witness" in found[0][1]


def test_pronouns_reports_and_places_are_not_described_speakers(nlp, resources):
    words = resources.count_words
    doc = nlp('"It is over," he said. "Talks failed," the report said. "No," Kabul said.')
    subjects = [t for t in doc if t.dep_ == "nsubj" and t.head.lemma_ == "say"]
    assert [unnamed_source(t, words) for t in subjects] == [None, None, None]


def test_a_definite_source_takes_the_description_it_repeats(run):
    text = (
        "A witness in Kabala said the shelling began before dawn. "
        '"Nobody knows who fired first," the witness told reporters.'
    )
    assert speakers(run, text) == [(None, "witness in Kabala")]


def test_a_definite_source_with_nothing_to_repeat_stays_bare(run):
    text = (
        "A resident of Kabala said the shelling began before dawn. "
        '"Nobody knows who fired first," the witness told reporters.'
    )
    assert speakers(run, text) == [(None, "witness")]
    text = '"Nobody knows who fired first," the witness told reporters.'
    assert speakers(run, text) == [(None, "witness")]


def test_a_chain_of_definite_repetitions_reaches_the_introduction(run):
    text = (
        "A witness in Kabala spoke first. The witness said the shelling began before dawn. "
        '"Nobody knows who fired first," the witness told reporters.'
    )
    assert speakers(run, text) == [(None, "witness in Kabala")]
