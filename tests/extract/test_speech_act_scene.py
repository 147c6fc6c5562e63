"""A speech act (support, demand, accusation, rejection, threat) with no place or date of
its own takes neither from the scene an earlier sentence set: where and when a speaker
spoke is told with the words or not at all (issues 13 and 15). Sentences we wrote."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import spacy
from spacy.tokens import Doc

from eventwire.config import Settings
from eventwire.extract import extract_document
from eventwire.extract.anchor import SPEECH_ACTS, place_for
from eventwire.extract.context import DocContext, Resources
from eventwire.extract.dates import extract_timexes
from eventwire.extract.places import extract_places
from eventwire.extract.placespeech import said_at
from eventwire.model import Article, Event

_SCENE = "Gunmen stormed a bakery in Derna on Sunday. "


def _ctx(nlp, gazetteer, text: str) -> DocContext:
    resources = Resources(Settings())
    resources.__dict__["gazetteer"] = gazetteer  # stands in for the lazily opened one
    article = Article(id="a1", text=text, published="2019-04-16")
    ctx = DocContext(article=article, doc=nlp(text), resources=resources)
    ctx.put("timexes", extract_timexes(ctx)["timexes"])
    ctx.put("places", extract_places(ctx)["places"])
    return ctx


def test_the_speech_acts_are_the_verbal_types() -> None:
    assert {"ACCUSE", "THREATEN", "REQUEST"} <= SPEECH_ACTS
    assert not SPEECH_ACTS & {"ASSAULT", "PROTEST", "CONSULT", "AID"}


def test_a_speech_act_takes_no_town_from_the_sentence_before(blank_nlp, small_gazetteer) -> None:
    ctx = _ctx(blank_nlp, small_gazetteer, _SCENE + "The mayor condemned the raid.")
    condemned = next(t for t in ctx.doc if t.text == "condemned")
    # an act goes on where the story told it; the mayor's words are not placed there
    assert place_for(ctx, condemned).name == "Darnah"
    said = place_for(ctx, condemned, "ACCUSE")
    assert said is not None and (said.precision, said.inferred) == ("country", True)


def test_a_speech_act_keeps_a_place_of_its_own(blank_nlp, small_gazetteer) -> None:
    ctx = _ctx(blank_nlp, small_gazetteer, _SCENE + "In Misrata, the mayor condemned the raid.")
    condemned = next(t for t in ctx.doc if t.text == "condemned")
    assert place_for(ctx, condemned, "ACCUSE").name == "Misratah"


# --- slow: the whole extraction with the model ------------------------------------------


def _events(nlp, resources, text: str, trigger: str) -> list[Event]:
    article = Article(id="s1", text=text, published="2021-06-09")
    records = extract_document(article, nlp(text), resources)
    return [e for e in records.events if e.trigger.text == trigger]


_LEAD = "Militiamen shelled a clinic in Mongu on Monday, killing two nurses.\n"


@pytest.mark.slow
@pytest.mark.parametrize(
    "follow_up, trigger",
    [
        ("The health minister condemned the shelling.", "condemned"),
        ("A church council warned that it would close its schools.", "warned"),
        ("Opposition leaders demanded an inquiry into the deaths.", "demanded"),
    ],
)
def test_a_later_statement_is_neither_where_nor_when_the_act_was(
    nlp, resources, follow_up: str, trigger: str
) -> None:
    events = _events(nlp, resources, _LEAD + follow_up, trigger)
    assert events, f"no event for {trigger!r}"
    place, when = events[0].place, events[0].when
    assert place is None or place.precision == "country"
    assert when is not None and when.precision == "publication"  # not Monday's day


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("On Monday the interior minister accused Malawi of arming rebels near Chipata.",
         "accused"),
        ("The bishops warned of hunger in Kasama after the floods.", "warned"),
    ],
)  # fmt: skip
def test_a_place_a_statement_speaks_of_is_not_where_it_was_made(
    nlp, resources, text: str, trigger: str
) -> None:
    events = _events(nlp, resources, text, trigger)
    assert events, f"no event for {trigger!r}"
    place = events[0].place
    assert place is None or (place.precision == "country" and place.country != "MWI")


@pytest.mark.slow
def test_a_statement_made_in_a_town_keeps_it(nlp, resources) -> None:
    text = "At a rally in Ndola on Monday, opposition leaders demanded new elections."
    events = _events(nlp, resources, text, "demanded")
    assert events and events[0].place is not None and events[0].place.name == "Ndola"


@pytest.mark.slow
def test_an_act_told_after_still_goes_on_in_the_scene(nlp, resources) -> None:
    events = _events(nlp, resources, _LEAD + "Soldiers fired on the crowd outside.", "fired")
    assert events and events[0].place is not None and events[0].place.name == "Mongu"
    assert events[0].when is not None and events[0].when.value == "2021-06-07"


# --- fast: where a speech act was said, on hand-built parses ----------------------------

_VOCAB = spacy.blank("en").vocab
_STATEMENT = frozenset({"say", "speak", "tell", "warn", "accuse", "demand"})


def _parse(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    lemmas = [{"warned": "warn", "Speaking": "speak", "demanded": "demand",
               "Protesters": "protester", "reporters": "reporter"}.get(w, w.lower())
              for w in words]  # fmt: skip
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def _said_at(doc: Doc, place: int, trigger: int) -> bool:
    ctx = SimpleNamespace(
        doc=doc,
        text=doc.text,
        resources=SimpleNamespace(place_words=SimpleNamespace(statement_verbs=_STATEMENT)),
    )
    token = doc[place]
    mention = SimpleNamespace(span=SimpleNamespace(start=token.idx, end=token.idx + len(token)))
    return said_at(ctx, mention, doc[trigger])  # type: ignore[arg-type]


def test_a_locative_on_the_speech_verb_places_it() -> None:
    # "In Lusaka , the envoy warned rebels ."
    doc = _parse(["In", "Lusaka", ",", "the", "envoy", "warned", "rebels", "."],
                 [5, 0, 5, 4, 5, 5, 5, 5],
                 ["prep", "pobj", "punct", "det", "nsubj", "ROOT", "dobj", "punct"],
                 ["ADP", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "NOUN", "PUNCT"])  # fmt: skip
    assert _said_at(doc, 1, 5)


def test_a_place_in_what_is_said_does_not_place_it() -> None:
    # "The envoy warned of violence in Chipata ." with "in" hung on the verb by the parse
    doc = _parse(["The", "envoy", "warned", "of", "violence", "in", "Chipata", "."],
                 [1, 2, 2, 2, 3, 2, 5, 2],
                 ["det", "nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
                 ["DET", "NOUN", "VERB", "ADP", "NOUN", "ADP", "PROPN", "PUNCT"])  # fmt: skip
    assert not _said_at(doc, 6, 2)
    # ... and hung on the noun
    doc = _parse(["The", "envoy", "warned", "of", "violence", "in", "Chipata", "."],
                 [1, 2, 2, 2, 3, 4, 5, 2],
                 ["det", "nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
                 ["DET", "NOUN", "VERB", "ADP", "NOUN", "ADP", "PROPN", "PUNCT"])  # fmt: skip
    assert not _said_at(doc, 6, 2)


def test_the_speakers_place_and_the_setting_place_it() -> None:
    # "Protesters in Ndola demanded an inquiry ."
    doc = _parse(["Protesters", "in", "Ndola", "demanded", "an", "inquiry", "."],
                 [3, 0, 1, 3, 5, 3, 3],
                 ["nsubj", "prep", "pobj", "ROOT", "det", "dobj", "punct"],
                 ["NOUN", "ADP", "PROPN", "VERB", "DET", "NOUN", "PUNCT"])  # fmt: skip
    assert _said_at(doc, 2, 3)
    # "Speaking in Kitwe , the envoy warned rebels ."
    doc = _parse(["Speaking", "in", "Kitwe", ",", "the", "envoy", "warned", "rebels", "."],
                 [6, 0, 1, 6, 5, 6, 6, 6, 6],
                 ["advcl", "prep", "pobj", "punct", "det", "nsubj", "ROOT", "dobj", "punct"],
                 ["VERB", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "NOUN", "PUNCT"])  # fmt: skip
    assert _said_at(doc, 2, 6)
    # "The envoy warned reporters in Kitwe ." : listeners are a setting, not what is said
    doc = _parse(["The", "envoy", "warned", "reporters", "in", "Kitwe", "."],
                 [1, 2, 2, 2, 2, 4, 2],
                 ["det", "nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
                 ["DET", "NOUN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"])  # fmt: skip
    assert _said_at(doc, 5, 2)
