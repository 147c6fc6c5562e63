"""A stance adjective is never an actor's name (issue 13)."""

import pytest

from eventwire.extract.notactors import is_stance_adjective, stance_length


@pytest.mark.parametrize("text", ["Pro-Ankara", "pro-Turkey", "Anti-Houthi", "anti - Kremlin"])
def test_stance_adjectives(text):
    assert is_stance_adjective(text)


@pytest.mark.parametrize("text", ["Prosper Nkurunziza", "Antioch", "Pro", "Professional Front"])
def test_names_that_begin_alike_are_names(text):
    assert not is_stance_adjective(text)


def test_stance_length_reads_tokens(blank_nlp):
    def length(text):
        return stance_length(blank_nlp(text))

    assert length("anti-Houthi National Resistance") == 3
    assert length("Pro-Ankara") in (1, 3)  # one token or three, as the tokenizer splits it
    assert length("National Resistance") == 0
