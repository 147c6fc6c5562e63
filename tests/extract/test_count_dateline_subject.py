"""A victim the parser hangs on the dateline as its apposition ("KABALA -- A farmer was
killed"): the dateline holds the victim's role, so the count is read (a hand-built parse,
as the model gives it for some leads)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.extract.counts import kind_for


def _lead() -> Doc:
    # KABALA -- A farmer was killed and two others were injured .
    words = ["KABALA", "--", "A", "farmer", "was", "killed", "and", "two", "others", "were",
             "injured", "."]  # fmt: skip
    heads = [5, 0, 3, 0, 5, 5, 5, 8, 10, 10, 5, 5]
    deps = ["nsubjpass", "punct", "det", "appos", "auxpass", "ROOT", "cc", "nummod",
            "nsubjpass", "auxpass", "conj", "punct"]  # fmt: skip
    tags = ["NNP", ":", "DT", "NN", "VBD", "VBN", "CC", "CD", "NNS", "VBD", "VBN", "."]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "AUX", "VERB", "CCONJ", "NUM", "NOUN", "AUX",
           "VERB", "PUNCT"]  # fmt: skip
    lemmas = ["KABALA", "--", "a", "farmer", "be", "kill", "and", "two", "other", "be",
              "injure", "."]  # fmt: skip
    sent_starts = [True] + [False] * 11
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos,
               lemmas=lemmas, sent_starts=sent_starts)  # fmt: skip


def test_a_victim_hung_on_the_dateline_is_counted(resources) -> None:
    doc = _lead()
    farmer = doc[3]
    found = kind_for(farmer, farmer, resources.count_words)
    assert found is not None
    assert found[0] == "killed"
    assert found[1].text == "killed"


def test_an_apposition_of_a_name_in_the_text_is_not_a_dateline(resources) -> None:
    # "Kabala, a farmer, was killed": the name is no dateline in capitals before a dash
    words = ["Kabala", ",", "a", "farmer", ",", "was", "killed", "."]
    heads = [6, 0, 3, 0, 0, 6, 6, 6]
    deps = ["nsubjpass", "punct", "det", "appos", "punct", "auxpass", "ROOT", "punct"]
    tags = ["NNP", ",", "DT", "NN", ",", "VBD", "VBN", "."]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "AUX", "VERB", "PUNCT"]
    lemmas = ["Kabala", ",", "a", "farmer", ",", "be", "kill", "."]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos,
              lemmas=lemmas, sent_starts=[True] + [False] * 7)  # fmt: skip
    # the farmer is the name's apposition: the name is the one counted, not the farmer
    assert kind_for(doc[3], doc[3], resources.count_words) is None
