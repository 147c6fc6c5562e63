"""TokenAttributes gives a Doc the same attributes as the attribute ruler and lemmatizer."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc

from eventwire.nlp import TOKEN_ATTRIBUTES, TokenAttributes, _with_token_attributes

COMPARED = [ORTH, TAG, DEP, HEAD, POS, MORPH, LEMMA]


def _pipeline(extra_pattern: dict | None = None, mode: str = "rule") -> Language:
    """A blank pipeline with a small attribute ruler and a rule lemmatizer."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NNS"}]], {"POS": "NOUN", "MORPH": "Number=Plur"})
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN", "MORPH": "Number=Sing"})
    ruler.add([[{"TAG": "VBD"}]], {"POS": "VERB", "MORPH": "Tense=Past|VerbForm=Fin"})
    ruler.add([[{"TAG": "EX"}]], {"POS": "PRON"})
    ruler.add([[{"TAG": "CD"}]], {"POS": "NUM"})
    ruler.add([[{"TAG": "VBN"}]], {"POS": "VERB", "MORPH": "VerbForm=Part"})
    ruler.add([[{"TAG": {"IN": ["IN", "DT", "PRP", "RB", "CC", "."]}}]], {"POS": "X"})
    # a word and its dependency: "it" as a subject is nominative
    ruler.add([[{"LOWER": "it", "DEP": "nsubj"}]], {"POS": "PRON", "MORPH": "Case=Nom"})
    # two tokens, the second changed: the verb after an expletive "there"
    ruler.add([[{"DEP": "expl"}, {"LOWER": {"IN": ["were", "was"]}}]], {"POS": "AUX"}, index=1)
    # whitespace gets its own tag and dependency
    ruler.add([[{"IS_SPACE": True}]], {"TAG": "_SP", "DEP": "dep", "POS": "SPACE"})
    if extra_pattern is not None:
        ruler.add(**extra_pattern)
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": mode})
    lookups = Lookups()
    lookups.add_table("lemma_rules", {"verb": [["ed", ""], ["ed", "e"]], "noun": [["s", ""]]})
    lookups.add_table("lemma_index", {"verb": ["shell", "fire"], "noun": ["town", "rocket"]})
    lookups.add_table("lemma_exc", {"verb": {"were": ["be"], "was": ["be"]}})
    lookups.add_table("lemma_lookup", {"rockets": "rocket"})
    lemmatizer.initialize(lookups=lookups)
    return nlp


def _doc(nlp: Language, words: list[str], tags: list[str], deps: list[str]) -> Doc:
    heads = [0] * len(words)  # every token under the first: the ruler reads no heads
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


SENTENCES = [
    # "were" as in the next sentence, but no expletive before it: from the table after this
    (["They", "were", "there"], ["PRP", "VBD", "RB"], ["nsubj", "ROOT", "advmod"]),
    (["There", "were", "rockets", "fired", "at", "towns", "."],
     ["EX", "VBD", "NNS", "VBD", "IN", "NNS", "."],
     ["expl", "ROOT", "attr", "acl", "prep", "pobj", "punct"]),
    (["It", "shelled", "the", "town", "\n\n", "It", "was", "there"],
     ["PRP", "VBD", "DT", "NN", "_SP", "PRP", "VBD", "RB"],
     ["nsubj", "ROOT", "det", "dobj", "", "nsubj", "ROOT", "advmod"]),
    (["Rockets", "were", "fired", "and", "there", "was", "shelling", "in", "3", "towns"],
     ["NNS", "VBD", "VBN", "CC", "EX", "VBD", "NN", "IN", "CD", "NNS"],
     ["nsubjpass", "auxpass", "ROOT", "cc", "expl", "conj", "attr", "prep", "pobj", "pobj"]),
]  # fmt: skip


def _by_the_components(nlp: Language, doc: Doc) -> Doc:
    return nlp.get_pipe("lemmatizer")(nlp.get_pipe("attribute_ruler")(doc))


def test_the_table_gives_what_the_ruler_and_lemmatizer_give_cold_and_warm():
    nlp = _pipeline()
    ours = TokenAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))
    for _pass in range(2):  # the second pass answers every one-token case from the table
        for words, tags, deps in SENTENCES:
            expected = _by_the_components(nlp, _doc(nlp, words, tags, deps))
            got = ours(_doc(nlp, words, tags, deps))
            assert (got.to_array(COMPARED) == expected.to_array(COMPARED)).all()
            assert [(t.pos_, str(t.morph), t.lemma_) for t in got] == [
                (t.pos_, str(t.morph), t.lemma_) for t in expected
            ]
    assert ours.table  # it remembered the tokens no two-token pattern points at
    # the verb after "there" comes from the two-token pattern, the one before from the tag
    doc = ours(_doc(nlp, *SENTENCES[3]))
    assert [(t.pos_, t.lemma_) for t in (doc[1], doc[5])] == [("VERB", "be"), ("AUX", "was")]


def test_the_pipeline_runs_the_table_in_place_of_the_two_components():
    nlp = _with_token_attributes(_pipeline())
    assert nlp.pipe_names == [TOKEN_ATTRIBUTES]
    assert {"attribute_ruler", "lemmatizer"} <= set(nlp.disabled)
    assert _with_token_attributes(nlp).pipe_names == [TOKEN_ATTRIBUTES]  # once only


@pytest.mark.parametrize(
    "pattern",
    [
        # an optional token: a match's length is not fixed
        {"patterns": [[{"LOWER": "the"}, {"LOWER": "next", "OP": "?"}]], "attrs": {"POS": "DET"}},
        # an entity type is not the token's own (text, tag, dependency)
        {"patterns": [[{"ENT_TYPE": "GPE"}]], "attrs": {"POS": "PROPN"}},
    ],
)
def test_a_ruler_whose_answer_is_not_the_tokens_own_is_left_alone(pattern):
    nlp = _pipeline(pattern)
    assert not TokenAttributes.fits(nlp)
    assert TOKEN_ATTRIBUTES not in _with_token_attributes(nlp).pipe_names


def test_a_lookup_lemmatizer_is_left_alone():
    assert not TokenAttributes.fits(_pipeline(mode="lookup"))


@pytest.mark.slow
def test_the_model_pipeline_gives_what_its_ruler_and_lemmatizer_give(nlp):
    assert TOKEN_ATTRIBUTES in nlp.pipe_names
    ours = nlp.get_pipe(TOKEN_ATTRIBUTES)
    texts = [
        "There were three people killed when rockets hit the town of Sirte on Monday.",
        "Let's see, the spokesman said: it ain't over, we're gonna hold the bridge.",
        "Militants   fired on\n\n  a checkpoint; it was the second attack in 2 days.",
    ]
    upstream = [n for n in nlp.pipe_names if n not in (TOKEN_ATTRIBUTES, "ner")]
    with nlp.select_pipes(enable=upstream):
        parsed = list(nlp.pipe(texts))
    for doc in parsed:
        expected = _by_the_components(nlp, doc.copy())
        got = ours(doc.copy())
        assert (got.to_array(COMPARED) == expected.to_array(COMPARED)).all()
        assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]
    # the two-token patterns of the model apply: "ai n't" is "be", "gon na" "go"
    lemmas = {t.text: t.lemma_ for t in ours(parsed[1].copy())}
    assert lemmas["ai"] == "be" and lemmas["gon"] == "go"


def test_words_no_pattern_names_share_the_rulers_answer():
    nlp = _pipeline()
    ours = TokenAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))
    words, tags = ["towns", "rockets", "it", "it"], ["NNS", "NNS", "PRP", "PRP"]
    deps = ["dobj", "dobj", "nsubj", "dobj"]
    expected = _by_the_components(nlp, _doc(nlp, words, tags, deps))
    got = ours(_doc(nlp, words, tags, deps))
    assert (got.to_array(COMPARED) == expected.to_array(COMPARED)).all()
    # "towns" and "rockets" are two tokens of the table but one answer of the ruler's
    # (a plural noun as an object); "it" is named by a pattern, so it keeps its own
    assert len(ours.table) == 4 and len(ours.ruled) == 3
    assert [t.lemma_ for t in got] == ["town", "rocket", "it", "it"]


def test_a_regex_of_the_ruler_tells_the_words_it_matches_apart():
    pattern = {"patterns": [[{"LOWER": {"REGEX": "^shell"}}]], "attrs": {"POS": "ADJ"}}
    nlp = _pipeline(pattern)
    assert TokenAttributes.fits(nlp)
    ours = TokenAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))
    words, tags = ["Militants", "shelled", "and", "fired"], ["NNS", "VBD", "CC", "VBD"]
    deps = ["nsubj", "ROOT", "cc", "ROOT"]  # "shelled" and "fired" alike but for the regex
    for _pass in range(2):
        expected = _by_the_components(nlp, _doc(nlp, words, tags, deps))
        got = ours(_doc(nlp, words, tags, deps))
        assert (got.to_array(COMPARED) == expected.to_array(COMPARED)).all()
    assert [got[1].pos_, got[3].pos_] == ["ADJ", "VERB"]


def test_the_models_lemmatizer_keeps_its_own_lookups():
    nlp = _pipeline()
    lemmatizer = nlp.get_pipe("lemmatizer")
    ours = TokenAttributes(nlp.get_pipe("attribute_ruler"), lemmatizer)
    # the copy's index is a set for membership; the component's own tables are as loaded
    assert isinstance(lemmatizer.lookups.get_table("lemma_index")["verb"], list)
    assert ours.lemmatizer.lookups.get_table("lemma_index")["verb"] == {"shell", "fire"}
    assert ours.lemmatizer is not lemmatizer


def test_several_token_patterns_are_matched_only_around_their_marked_word():
    # the mark is the second token's word: a match starts one token before an "all"
    pattern = {
        "patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]],
        "attrs": {"POS": "PRON"},
        "index": 0,
    }
    nlp = _pipeline(pattern)
    ours = TokenAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))
    assert ours.marks is not None and [(m.offset, m.length) for m in ours.marks] == [
        (0, 2),  # "there were": the expletive's dependency, one value against four words
        (1, 2),
    ]
    words = ["all", "y'", "all", "were", "there", "and", "there", "were", "all", "y'"]
    tags = ["DT", "PRP", "DT", "VBD", "RB", "CC", "EX", "VBD", "DT", "PRP"]
    deps = ["det", "nsubj", "det", "ROOT", "advmod", "cc", "expl", "conj", "attr", "dobj"]
    doc = _doc(nlp, words, tags, deps)
    assert sorted(ours._wide_matches(doc)) == sorted(ours.wide(doc, allow_missing=True))
    expected = _by_the_components(nlp, _doc(nlp, words, tags, deps))
    got = ours(_doc(nlp, words, tags, deps))
    assert (got.to_array(COMPARED) == expected.to_array(COMPARED)).all()
    assert [got[1].pos_, got[7].pos_] == ["PRON", "AUX"]


def test_a_several_token_pattern_without_a_marked_word_is_matched_everywhere():
    pattern = {
        "patterns": [[{"LOWER": {"REGEX": "^it$"}}, {"TAG": {"NOT_IN": ["VBD"]}}]],
        "attrs": {"POS": "PRON"},
        "index": 0,
    }
    nlp = _pipeline(pattern)
    ours = TokenAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))
    assert ours.marks is None
    words, tags, deps = SENTENCES[2]
    expected = _by_the_components(nlp, _doc(nlp, words, tags, deps))
    got = ours(_doc(nlp, words, tags, deps))
    assert (got.to_array(COMPARED) == expected.to_array(COMPARED)).all()
