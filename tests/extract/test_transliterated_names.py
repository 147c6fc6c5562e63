"""Transliterated group names kept whole and typed as groups (``extract/namephrases.py``):
links such as "wal-", "lid-", "ul-", "bin" inside a name, and words that make a name a
group's ("Harakat", "Daesh", "Province"). Sentences we wrote."""

from __future__ import annotations

import pytest
import spacy

from eventwire.extract.namephrases import group_word_before, linked_end, names_a_group

NLP = spacy.blank("en")


def _index(doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "cut_after", "whole"),
    [
        ("fighters of Harakat Nasr al-Din wal-Mujahidin crossed", "Din",
         "Harakat Nasr al-Din wal-Mujahidin"),
        ("the Jama'atu Ansar lid-Da'awati wal-Qital said", "Ansar",
         "Jama'atu Ansar lid-Da'awati wal-Qital"),
        ("a cell of Harkat ul-Ansar was found", "Harkat", "Harkat ul-Ansar"),
        ("a son of Salim bin Rashid spoke", "Salim", "Salim bin Rashid"),
    ],
)  # fmt: skip
def test_a_name_cut_before_its_links_is_kept_whole(text, cut_after, whole):
    doc = NLP(text)
    start = _index(doc, whole.split()[0])
    end = linked_end(doc, _index(doc, cut_after) + 1)
    assert doc[start:end].text == whole


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Harakat Nasr said al-Qaeda was behind it", 2),  # a word between: no link
        ("the Nasr Front al - Qital", 3),  # a spaced hyphen: no link
        ("Salim bin laden words", 1),  # a lowercase word after "bin"
    ],
)
def test_words_that_do_not_link_a_name_are_left_out(text, end):
    assert linked_end(NLP(text), end) == end


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Daesh Sistan", True),
        ("Harakat Nasr al-Din", True),
        ("Islamic State Sinai Province", True),
        ("Omar Farouk", False),
        ("Daesh", False),  # one word: left to the model
    ],
)
def test_a_name_with_a_groups_word_is_a_group(text, group):
    assert names_a_group(list(NLP(text))) is group


def test_a_group_word_cut_off_before_a_name_is_put_back():
    doc = NLP("Officials said Daesh Sistan bombed the office.")
    assert group_word_before(doc, _index(doc, "Sistan")) == _index(doc, "Daesh")
    doc = NLP("Officials said Omar Sistan bombed the office.")
    assert group_word_before(doc, _index(doc, "Sistan")) == _index(doc, "Sistan")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The officer said the attackers were fighters of Harakat Nasr al-Din "
         "wal-Mujahidin who had crossed the river.", "Harakat Nasr al-Din wal-Mujahidin"),
        ("Daesh Sistan, a cell loyal to the Islamic State, claimed that its men "
         "had bombed the office.", "Daesh Sistan"),
    ],
)  # fmt: skip
def test_the_pipeline_keeps_a_transliterated_group_name_whole(run_without_kb, text, name):
    mentions = {m.span.text.removeprefix("the "): m for m in run_without_kb(text)["mentions"]}
    assert name in mentions
    assert mentions[name].label == "ORG"
