"""Quote speakers by construction (our sentences): a speech clause speaks for a quote only
in its paragraph, a paragraph that is all quote but a lead-in goes on with the last
speaker, and a two-word partial quote is a quote in its speaker's own clause."""

import pytest

pytestmark = pytest.mark.slow


def quotes(run, text):
    return [(q.text, q.speaker and q.speaker.text) for q in run(text)["quotes"]]


def test_a_speech_clause_in_the_next_paragraph_does_not_speak_for_a_quote(run):
    text = ('Officials met on Monday.\n\nAfter that, "the roads will stay closed to all '
            'trucks."\n\nMonitors said the Kivu Liberation Army had shelled the town.')  # fmt: skip
    assert quotes(run, text) == [("the roads will stay closed to all trucks.", None)]


def test_a_paragraph_of_a_quote_and_a_lead_in_goes_on_with_the_last_speaker(run):
    text = ('"We will open the roads on Friday," Omar Ali told reporters.\n\n'
            'After that time, "every truck will be searched at the gate."')  # fmt: skip
    assert [s for _q, s in quotes(run, text)] == ["Omar Ali", "Omar Ali"]
    # a paragraph of the outlet's own words around a quote is not a continuation
    text = ('"We will open the roads on Friday," Omar Ali told reporters.\n\n'
            'Traders in the old town closed their shops in protest at "a plan made for '
            'the rich" on Sunday.')  # fmt: skip
    assert quotes(run, text)[-1][1] is None


def test_two_quoted_words_in_a_speakers_clause_are_a_partial_quote(run):
    text = 'The Kivu Liberation Army dismissed the reports as an "absolute lie".'
    ((quote, speaker),) = quotes(run, text)
    assert quote == "absolute lie" and speaker is not None
    assert speaker.endswith("Kivu Liberation Army")
    text = 'Omar Ali said the bridge over the river was "all gone" after the shelling.'
    assert quotes(run, text) == [("all gone", "Omar Ali")]


def test_two_quoted_words_in_the_outlets_sentence_stay_scare_quotes(run):
    assert quotes(run, 'The so-called "peace plan" was never signed.') == []
    # one word a speaker calls something is that speaker's (issue 13, tenth study)
    assert quotes(run, 'Omar Ali called them "terrorists" on Monday.') == [
        ("terrorists", "Omar Ali")
    ]


def test_a_sentence_all_quote_goes_on_with_the_speaker_before_it_in_its_paragraph(run):
    text = '"We have retaken the bridge," Omar Ali said. "The rebels fled towards the hills."'
    assert [s for _q, s in quotes(run, text)] == ["Omar Ali", "Omar Ali"]
    # a sentence with words of its own around the quote is not the speaker's
    text = ('"We have retaken the bridge," Omar Ali said. Posters in the market read '
            '"the rebels will return soon" on Sunday.')  # fmt: skip
    assert quotes(run, text)[-1][1] is None
