"""A place's name is no actor where the sentence describes it as a place (its appositive
or its verb), or where it qualifies a feature of the land or a route ("the Tamsin road")."""

import spacy
from spacy.tokens import Doc, Span

from eventwire.extract.context import DocContext
from eventwire.extract.mention_candidates import actor_by_use, described_as_place
from eventwire.extract.mentions import extract_mentions
from eventwire.extract.notactors import before_feature_noun, before_place_noun
from eventwire.model import Article

_VOCAB = spacy.blank("en").vocab
_LEMMAS = {"lies": "lie", "has": "have", "seen": "see", "said": "say", "clashes": "clash",
           "borders": "border", "accused": "accuse", "fell": "fall", "rebels": "rebel"}  # fmt: skip


def _doc(words, heads, deps, pos, ents=()):
    lemmas = [_LEMMAS.get(w.lower(), w.lower()) for w in words]
    spaces = [
        w != "-" and (i + 1 == len(words) or words[i + 1] != "-") for i, w in enumerate(words)
    ]
    doc = Doc(_VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def _lies():  # "Tamsin lies 30 km from the border ."
    return _doc(
        ["Tamsin", "lies", "30", "km", "from", "the", "border", "."],
        [1, 1, 3, 1, 1, 6, 4, 1],
        ["nsubj", "ROOT", "nummod", "npadvmod", "prep", "det", "pobj", "punct"],
        ["PROPN", "VERB", "NUM", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
        [(0, 1, "GPE")],
    )


def _town():  # "Orvi , a farming town , has seen clashes ."
    return _doc(
        ["Orvi", ",", "a", "farming", "town", ",", "has", "seen", "clashes", "."],
        [7, 0, 4, 4, 0, 0, 7, 7, 7, 7],
        ["nsubj", "punct", "det", "amod", "appos", "punct", "aux", "ROOT", "dobj", "punct"],
        ["PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PUNCT", "AUX", "VERB", "NOUN", "PUNCT"],
        [(0, 1, "GPE")],
    )


def _accused():  # "Orvi accused the rebels ."
    return _doc(
        ["Orvi", "accused", "the", "rebels", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "det", "dobj", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
        [(0, 1, "GPE")],
    )


def test_a_verb_of_where_or_what_a_place_is():
    assert described_as_place(_lies()[0], known=True)
    assert described_as_place(_lies()[0], known=False)  # no person "lies 30 km from" a border
    assert not described_as_place(_accused()[0], known=True)


def test_a_verb_a_person_takes_decides_only_for_a_known_place():
    # "Dara Vell , 29 , was at home ." with the name tagged as a place
    doc = _doc(
        ["Dara", "Vell", ",", "29", ",", "was", "at", "home", "."],
        [1, 5, 1, 1, 1, 5, 5, 6, 5],
        ["compound", "nsubj", "punct", "appos", "punct", "ROOT", "prep", "pobj", "punct"],
        ["PROPN", "PROPN", "PUNCT", "NUM", "PUNCT", "AUX", "ADP", "NOUN", "PUNCT"],
        [(0, 2, "GPE")],
    )
    doc[5].lemma_ = "be"
    assert not described_as_place(doc[1], known=False)
    assert described_as_place(doc[1], known=True)  # "Zamfara was one of the states hit"


def test_an_appositive_calling_it_a_settlement():
    assert described_as_place(_town()[0], known=False)


def test_a_name_before_a_route_or_land_noun_is_a_place():
    # "Buses stopped on the Tamsin road ."
    doc = _doc(
        ["Buses", "stopped", "on", "the", "Tamsin", "road", "."],
        [1, 1, 1, 5, 5, 2, 1],
        ["nsubj", "ROOT", "prep", "det", "compound", "pobj", "punct"],
        ["NOUN", "VERB", "ADP", "DET", "PROPN", "NOUN", "PUNCT"],
    )
    assert before_feature_noun(doc[4:5]) and before_feature_noun(doc[3:5])
    assert not before_place_noun(doc[4:5])  # the name stays a name elsewhere
    # "the Tamsin camp": a camp may be a faction
    camp = _doc(
        ["the", "Tamsin", "camp", "said", "."],
        [2, 2, 3, 3, 3],
        ["det", "compound", "nsubj", "ROOT", "punct"],
        ["DET", "PROPN", "NOUN", "VERB", "PUNCT"],
    )
    assert not before_feature_noun(camp[1:2])


def _mentions(doc, resources):
    ctx = DocContext(article=Article(id="a", text=doc.text), doc=doc, resources=resources)
    return [m.span.text for m in extract_mentions(ctx)["mentions"]]


def test_the_mention_pass_keeps_a_place_that_acts_only(resources):
    assert "Tamsin" not in _mentions(_lies(), resources)
    assert "Orvi" not in _mentions(_town(), resources)
    assert "Orvi" in _mentions(_accused(), resources)


def test_ground_held_in_the_passive_is_a_place():
    # "Orvi is held by rebels ."
    doc = _doc(
        ["Orvi", "is", "held", "by", "rebels", "."],
        [2, 2, 2, 2, 3, 2],
        ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
        ["PROPN", "AUX", "VERB", "ADP", "NOUN", "PUNCT"],
        [(0, 1, "GPE")],
    )
    doc[2].lemma_ = "hold"
    assert described_as_place(doc[0], known=True)
    # a name the gazetteer lacks may be a hostage: "X is held by rebels"
    assert not described_as_place(doc[0], known=False)
    # "Orvi was warned by the envoy ." stays an actor
    warned = _doc(
        ["Orvi", "was", "warned", "by", "envoys", "."],
        [2, 2, 2, 2, 3, 2],
        ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
        ["PROPN", "AUX", "VERB", "ADP", "NOUN", "PUNCT"],
        [(0, 1, "GPE")],
    )
    warned[2].lemma_ = "warn"
    assert not described_as_place(warned[0], known=True)


# --- a name tagged as a thing that the sentence uses as an actor's ----------------------


def _spokeswoman(label):  # "Its spokeswoman , Aye Nwe Hlaing , said it ."
    return _doc(
        ["Its", "spokeswoman", ",", "Aye", "Nwe", "Hlaing", ",", "said", "it", "."],
        [1, 7, 1, 5, 5, 1, 1, 7, 7, 7],
        ["poss", "nsubj", "punct", "compound", "compound", "appos", "punct", "ROOT", "dobj",
         "punct"],
        ["PRON", "NOUN", "PUNCT", "PROPN", "PROPN", "PROPN", "PUNCT", "VERB", "PRON", "PUNCT"],
        [(3, 6, label)],
    )  # fmt: skip


def test_a_thing_tagged_name_in_apposition_to_a_spokeswoman_is_a_person(resources):
    doc = _spokeswoman("FAC")
    assert actor_by_use(doc.ents[0]).label_ == "PERSON"
    ctx = DocContext(article=Article(id="a", text=doc.text), doc=doc, resources=resources)
    got = {m.span.text: m.label for m in extract_mentions(ctx)["mentions"]}
    assert got.get("Aye Nwe Hlaing") == "PERSON"


def test_a_thing_tagged_name_qualifying_a_body_is_a_body():
    # "the G7 federation attacked ."
    doc = _doc(
        ["the", "G7", "federation", "attacked", "."],
        [2, 2, 3, 3, 3],
        ["det", "compound", "nsubj", "ROOT", "punct"],
        ["DET", "PROPN", "NOUN", "VERB", "PUNCT"],
        [(1, 2, "PRODUCT")],
    )
    assert actor_by_use(doc.ents[0]).label_ == "ORG"


def test_a_bridge_stays_a_thing():
    # "the Kestrel Bridge collapsed ."
    doc = _doc(
        ["the", "Kestrel", "Bridge", "collapsed", "."],
        [2, 2, 3, 3, 3],
        ["det", "compound", "nsubj", "ROOT", "punct"],
        ["DET", "PROPN", "PROPN", "VERB", "PUNCT"],
        [(1, 3, "FAC")],
    )
    assert actor_by_use(doc.ents[0]) is None


def test_a_road_s_name_tagged_with_its_article_is_no_actor_there_only(resources):
    # "Buses stopped on the Tamsin-Orvi road ." with "the Tamsin-Orvi" tagged as a body
    doc = _doc(
        ["Buses", "stopped", "on", "the", "Tamsin", "-", "Orvi", "road", "."],
        [1, 1, 1, 7, 6, 6, 7, 2, 1],
        ["nsubj", "ROOT", "prep", "det", "compound", "punct", "compound", "pobj", "punct"],
        ["NOUN", "VERB", "ADP", "DET", "PROPN", "PUNCT", "PROPN", "NOUN", "PUNCT"],
        [(3, 7, "ORG")],
    )
    assert not any("Orvi" in m for m in _mentions(doc, resources))
    # "The Orvi gang said ." elsewhere in an article is not touched by it
    gang = _doc(
        ["The", "Orvi", "gang", "said", "it", "."],
        [2, 2, 3, 3, 3, 3],
        ["det", "compound", "nsubj", "ROOT", "dobj", "punct"],
        ["DET", "PROPN", "NOUN", "VERB", "PRON", "PUNCT"],
        [(1, 2, "ORG")],
    )
    assert "Orvi" in _mentions(gang, resources)
