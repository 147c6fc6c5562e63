"""Quotes given a voice without a verb of saying, and a "he said" that goes to an unnamed
person brought in just before rather than to a named one further back (our sentences)."""

import pytest

pytestmark = pytest.mark.slow


def voices(run, text):
    return [(q.speaker and q.speaker.text, q.speaker_description) for q in run(text)["quotes"]]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Rosa Quispe, a market trader, hid under her stall while the shells fell. '
         '"We could not see anything for the smoke. Then the screaming started."',
         "Rosa Quispe"),
        ('Tomas Ferreira lost his nephew and two cousins in the raid. '
         '"They had gone down to the river to wash the nets."',
         "Tomas Ferreira"),
        ('Amina Yusuf, a nurse at the clinic, had moved the patients into the cellar an '
         'hour before. "We heard the engines turn and we ran."',
         "Amina Yusuf"),
    ],
)  # fmt: skip
def test_a_quote_sentence_after_a_named_person_is_their_voice(run, text, name):
    assert voices(run, text) == [(name, None)]


def test_no_voice_from_a_named_person_who_died_or_a_body(run):
    text = ('Karim Osei died of his wounds in the night. '
            '"He was the only one who could drive the lorry."')  # fmt: skip
    assert voices(run, text) == [(None, None)]
    text = ('The Lantern Aid Network sent two lorries to the camp on Friday. '
            '"The road is open again for the first time in months."')  # fmt: skip
    assert voices(run, text)[0][0] != "Lantern Aid Network"


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ('Sergio Vidal, 41, was wounded in the arm.\n\n'
         'A border officer said the hotline had failed because nobody picked up the phone. '
         '"By the time they called back, the shells had already landed," he said.',
         "border officer"),
        ('Marta Ruiz, a teacher, saw the smoke from her window. A militia commander, who '
         'asked not to be named, rejected calls for the troops to leave. '
         '"We are the ones who bury our dead here," he said.',
         "militia commander"),
        ("The shop's owner, who asked us not to print her name, said the men had come "
         'at dusk. "They did not look at anyone. They just fired," she said.',
         "shop's owner"),
    ],
)  # fmt: skip
def test_a_pronoun_goes_to_the_unnamed_person_just_brought_in(run, text, described):
    assert voices(run, text)[-1] == (None, described)


def test_a_pronoun_still_goes_to_a_named_person_told_in_between(run):
    text = ('A local official, Sergio Vidal, said the hotline had failed. '
            '"Nobody picked up the phone," he said.')  # fmt: skip
    assert voices(run, text) == [("Sergio Vidal", None)]
    text = ('Sergio Vidal, the district spokesman, met reporters. The spokesman said the '
            'hotline had failed. "Nobody picked up the phone," he said.')  # fmt: skip
    speaker, described = voices(run, text)[-1]
    assert described is None and speaker is not None  # the spokesman named, Sergio Vidal


def short_quotes(run, text):
    return {q.text: q.speaker and q.speaker.text for q in run(text)["quotes"]}


def test_a_quoted_word_under_a_speech_clause_set_beside_it(run):
    text = ('The army spokesman, Captain Ali Musa, said the raid began at dawn. Soldiers '
            'stormed the camp and "neutralised" three of the fighters, he said, and seized '
            'two rifles.')  # fmt: skip
    assert short_quotes(run, text).get("neutralised") == "Ali Musa"


def test_a_quoted_phrase_of_a_role_named_in_apposition(run):
    text = ("In a video, the gang's leader, Tomas Ferreira, said his men had shot only "
            '"army spies" and warned that Porto Alto "would be next".')  # fmt: skip
    found = short_quotes(run, text)
    assert found.get("army spies") == "Tomas Ferreira"
