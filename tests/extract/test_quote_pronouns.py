"""Quote speakers given after the quote, across two sentences, and as a pronoun resolved to
the nearest fitting named person (our sentences)."""

import pytest

pytestmark = pytest.mark.slow


def speakers(run, text):
    return [q.speaker and q.speaker.text for q in run(text)["quotes"]]


@pytest.mark.parametrize(
    "text",
    [
        '"We will hold the ridge until the rains come," said Colonel Adam Reyes.',
        '"The road to the border is closed to everyone," Adam Reyes added.',
        'According to Adam Reyes, "the convoy never reached the camp by the river."',
        '"The convoy will move again in a week or so," according to Adam Reyes.',
        # a quote of two sentences, its speaker after it
        '"We left at night with nothing. The guns did not stop for hours," said Adam Reyes.',
    ],
)
def test_a_speaker_given_after_the_quote_or_with_according_to(run, text):
    assert speakers(run, text) == ["Adam Reyes"] or speakers(run, text) == ["Colonel Adam Reyes"]


def test_a_quote_sentence_after_a_quote_goes_on_with_its_speaker(run):
    text = ('"We were asleep when the roof fell in," said Karim Nassar, a teacher. '
            '"My brother did not wake up."')  # fmt: skip
    assert speakers(run, text) == ["Karim Nassar", "Karim Nassar"]


def test_a_pronoun_speaker_skips_a_person_the_text_gives_the_other_sex(run):
    for text in (
        "The minister, Mr Ali Musa, met the envoy, Ms Sara Chen, in the capital. "
        '"We agreed on nothing at all," she said.',
        "The envoy, Ms Sara Chen, met the minister, Mr Ali Musa, in the capital. "
        '"We agreed on nothing at all," she said.',
    ):
        assert speakers(run, text) == ["Sara Chen"], text  # the title "Ms" is the role
    text = ("Rita Okoye, a mother of three, fled the village. Her neighbour, Ali Musa, stayed. "
            '"I could not leave my sick father alone," he said.')  # fmt: skip
    assert speakers(run, text) == ["Ali Musa"]


def test_a_pronoun_opening_a_paragraph_does_not_cross_to_another_person(run):
    first = ('The defence minister, Ali Musa, spoke after the raid. '
             '"Our soldiers did their duty," he said.\n\n')  # fmt: skip
    # "he" again: the person named last, across the break
    text = first + '"The army will stay in the town until spring," he said.'
    assert speakers(run, text) == ["Ali Musa", "Ali Musa"]
    # "she" cannot be the man the text called "he": no speaker rather than the wrong one
    text = first + '"The children are hungry and the wells are dry," she said.'
    assert speakers(run, text) == ["Ali Musa", None]


def test_a_sex_word_in_apposition(run):
    text = ('The spokeswoman, Lina Saad, met Omar Haddad on Sunday. '
            '"The convoy will leave at dawn tomorrow," she said.')  # fmt: skip
    assert speakers(run, text) == ["Lina Saad"]


def test_single_marks_quote_as_british_outlets_do(run):
    text = "'We heard the planes and then nothing at all,' Karim Nassar told the radio."
    assert speakers(run, text) == ["Karim Nassar"]
    text = "‘The town's wells are dry and we can't stay,’ said Karim Nassar."
    assert [q.text for q in run(text)["quotes"]] == ["The town's wells are dry and we can't stay,"]


def test_the_n_year_old_is_the_person_given_that_age(run):
    text = ("Karim Nassar, 29, a teacher, was at home when the shells fell. "
            '"We heard the planes and then nothing," the 29-year-old said.')  # fmt: skip
    assert speakers(run, text) == ["Karim Nassar"]
    text = ("Karim Nassar (45) and his neighbour Ali Musa, 52, hid in the cellar. "
            '"We heard the planes and then nothing," the 52-year-old said.')  # fmt: skip
    assert speakers(run, text) == ["Ali Musa"]
    # no one was given that age: no speaker
    text = ("Karim Nassar, 29, was at home when the shells fell. "
            '"We heard the planes and then nothing," the 30-year-old said.')  # fmt: skip
    assert speakers(run, text) == [None]
