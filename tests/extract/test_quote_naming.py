"""Quote speakers named by a relative clause or quoted by an outlet (sentences written for
these tests)."""

import pytest
from tests.extract.test_quotes import quotes

pytestmark = pytest.mark.slow


def test_short_quote_of_a_speaker_who_gave_his_name(run, run_without_kb):
    text = 'His neighbour, who gave his name only as Omar, said the market was "completely gone".'
    for runner in (run, run_without_kb):
        assert quotes(runner, text) == [("completely gone", "Omar")]


def test_full_quote_of_a_speaker_who_gave_her_name(run):
    text = ('A teacher, who gave her name only as Leila, said: "Nobody has slept in the '
            'shelter since the first drones came."')  # fmt: skip
    assert quotes(run, text)[0][1] == "Leila"


def test_short_quote_with_an_unnamed_speaker_keeps_the_description(run):
    # no name given: two quoted words in a description's clause are the unnamed speaker's
    got = run('A neighbour said the market was "completely gone".')["quotes"]
    assert [(q.text, q.speaker, q.speaker_description) for q in got] == [
        ("completely gone", None, "neighbour")
    ]


def test_quoted_as_saying_speaks_for_the_one_quoted(run, run_without_kb):
    text = '"The convoy never reached the town," the agency quoted official Marc Lobo as saying.'
    for runner in (run, run_without_kb):
        assert quotes(runner, text)[0][1] == "Marc Lobo"


def test_statement_signed_by_speaks_for_its_signer(run, run_without_kb):
    text = ('The statement, signed by rebel spokesman Jean-Luc Mbeki, said "the truce is '
            'over and our units will answer".')  # fmt: skip
    for runner in (run, run_without_kb):
        assert quotes(runner, text)[0][1] == "Jean-Luc Mbeki"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Army spokesman Idris Mahamat spoke to reporters in the capital on Monday. "
            '"Our units hold every position along the river."',
            "Idris Mahamat",
        ),
        (
            'Leila Haddad, a nurse, described the night. "The walls shook and the lights '
            'went out. We carried the children to the basement."',
            "Leila Haddad",
        ),
    ],
)
def test_all_quote_sentence_after_someone_spoke(run, run_without_kb, text, speaker):
    for runner in (run, run_without_kb):
        assert quotes(runner, text)[0][1] == speaker


def test_all_quote_sentence_after_no_speaking_has_no_speaker(run):
    text = 'The convoy reached the town at noon. "Nobody had eaten for two days."'
    assert quotes(run, text)[0][1] is None


def test_speaking_in_the_paragraph_before_does_not_carry(run):
    text = 'Idris Mahamat spoke to reporters on Monday.\n\n"Nobody had eaten for two days."'
    assert quotes(run, text)[0][1] is None
