"""Partial quotes of one or two words in a speaker's clause, "he said" with no antecedent
from the pronoun pass, a pronoun inside a quote, and a name the parse makes a second
subject (sentences written for these tests)."""

import pytest

pytestmark = pytest.mark.slow


def speakers(run, text):
    return [(q.text, q.speaker.text if q.speaker else q.speaker_description)
            for q in run(text)["quotes"]]  # fmt: skip


def test_one_quoted_word_in_a_speakers_clause_is_a_quote(run):
    text = ("The Ghanaian defence ministry said on Saturday that its forces had "
            '"neutralised" 12 fighters near the border.')  # fmt: skip
    assert speakers(run, text) == [("neutralised", "Ghanaian defence ministry")]


def test_a_word_a_body_calls_a_charge_is_its_quote(run):
    text = ('The rebels accused the army of shelling the market, a charge Kestrel Front '
            'leaders called "absurd".')  # fmt: skip
    got = speakers(run, text)
    assert [q for q, _ in got] == ["absurd"]
    assert got[0][1] is not None


def test_a_coordinated_verb_of_saying_shares_its_subject(run):
    text = 'The Kestrel Front denies this and says its money comes from "loyal members" abroad.'
    assert speakers(run, text) == [("loyal members", "The Kestrel Front")]


def test_an_unnamed_sources_partial_quote_keeps_the_description(run):
    text = 'A spokesman said the raid had been planned "for weeks" and was no reprisal.'
    assert speakers(run, text) == [("for weeks", "spokesman")]


def test_quoted_words_in_the_outlets_own_sentence_stay_scare_quotes(run):
    assert speakers(run, 'Analysts say the so-called "peace plan" has failed.') == []
    assert speakers(run, 'The "rebels" fled into the forest before dawn.') == []


def test_he_said_goes_to_the_person_named_before_in_the_paragraph(run):
    text = (
        "About 300 families had sheltered in the hall, said Omar Haddad, a volunteer who "
        'helped carry the wounded. "We found a mother still holding her baby," he said.'
    )
    got = speakers(run, text)
    assert got[-1] == ("We found a mother still holding her baby,", "Omar Haddad")


def test_a_pronoun_inside_a_quote_tells_nothing_of_the_speakers_sex(run):
    text = (
        'Omar Haddad, a volunteer, reached the hall at dawn. "Her house was gone and she '
        'had nowhere to go," he said.'
    )
    assert speakers(run, text)[-1][1] == "Omar Haddad"


def test_she_said_after_a_break_goes_to_the_woman_told_before(run):
    text = (
        "Amina Sule sold grain at the market before the war. She now sleeps under a plastic "
        "sheet in the camp, where Musa Ado runs the water point.\n\n"
        '"We came here with nothing at all," she said.'
    )
    assert speakers(run, text)[-1][1] == "Amina Sule"


def test_a_name_the_parse_makes_a_second_subject_speaks(run):
    text = ('"They fear both sides now," said a priest in Harbourtown, Father Tomas Berg, '
            "by telephone.")  # fmt: skip
    assert speakers(run, text) == [("They fear both sides now,", "Tomas Berg")]
