"""The learned doer chooser (issue 13): the path classes its features read, on parses we
built by hand from sentences we wrote; the fit, the threshold rule and the shipped
weights; and, with the real model, that it only ever fills a doer the rules left open."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import numpy as np
import pytest
from spacy.tokens import Doc

from eventwire.config import Settings
from eventwire.evaluate.sets.written_gold import FOLDER, check
from eventwire.extract import extract_document
from eventwire.extract.chooser import CHOSEN, WEIGHTS_FILE, may_fill, shipped_model
from eventwire.extract.chooser_fit import (
    THRESHOLDS,
    Example,
    FoldFigures,
    fit,
    grouped_cv,
    pick_threshold,
)
from eventwire.extract.doer_features import (
    FEATURES,
    _patient_elsewhere,
    _reporter,
    clause_head,
    clauses_away,
    path_class,
    tree_distance,
)
from eventwire.knowledge.resources import Resources
from eventwire.model import Article, EventMention, Evidence, Span

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "scripts/data/doer_chooser_examples.json"


def _doc(nlp, words, heads, deps, pos=None, lemmas=None):  # noqa: ANN001, ANN202
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos or ["X"] * len(words),
               lemmas=lemmas or [w.lower() for w in words])  # fmt: skip


# "The Ridge Front shelled the depot ." -- the subject of the trigger's verb
SUBJECT = (["The", "Ridge", "Front", "shelled", "the", "depot", "."],
           [2, 2, 3, 3, 5, 3, 3], ["det", "compound", "nsubj", "ROOT", "det", "dobj", "punct"])  # fmt: skip
# "The depot was shelled by the Front ." -- the passive's agent, and the object
PASSIVE = (["The", "depot", "was", "shelled", "by", "the", "Front", "."],
           [1, 3, 3, 3, 3, 6, 4, 3],
           ["det", "nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj", "punct"])  # fmt: skip
# "The Front vowed to attack the depot ." -- a governing verb's subject
GOVERNOR = (["The", "Front", "vowed", "to", "attack", "the", "depot", "."],
            [1, 2, 2, 4, 2, 6, 4, 2],
            ["det", "nsubj", "ROOT", "aux", "xcomp", "det", "dobj", "punct"])  # fmt: skip
# "The Front crossed the river and raided the depot ." -- a conjoined verb's subject
CONJUNCT = (["The", "Front", "crossed", "the", "river", "and", "raided", "the", "depot", "."],
            [1, 2, 2, 4, 2, 2, 2, 8, 6, 2],
            ["det", "nsubj", "ROOT", "det", "dobj", "cc", "conj", "det", "dobj", "punct"])  # fmt: skip
# "The Front 's raid on the depot failed ." -- a possessor, and a preposition's object
POSSESSOR = (["The", "Front", "'s", "raid", "on", "the", "depot", "failed", "."],
             [1, 3, 1, 7, 3, 6, 4, 7, 7],
             ["det", "poss", "case", "nsubj", "prep", "det", "pobj", "ROOT", "punct"])  # fmt: skip
# "the Front , which raided the depot" -- the relative clause's antecedent
RELATIVE = (["the", "Front", ",", "which", "raided", "the", "depot"],
            [1, 1, 1, 4, 1, 6, 4], ["det", "ROOT", "punct", "nsubj", "relcl", "det", "dobj"])  # fmt: skip


@pytest.mark.parametrize(
    ("parse", "trigger", "cand", "path"),
    [
        (SUBJECT, 3, 2, "subject"),
        (SUBJECT, 3, 5, "object"),
        (PASSIVE, 3, 6, "agent"),
        (PASSIVE, 3, 1, "object"),
        (GOVERNOR, 4, 1, "governor_subject"),
        (CONJUNCT, 6, 1, "conjunct_subject"),
        (POSSESSOR, 3, 1, "possessor"),
        (POSSESSOR, 3, 6, "other_prep"),
        (RELATIVE, 4, 1, "relative"),
    ],
)
def test_how_a_candidate_hangs_on_the_trigger(blank_nlp, parse, trigger, cand, path):
    doc = _doc(blank_nlp, *parse)
    assert path_class(doc[trigger], doc[cand]) == path


def test_tree_distance_counts_edges_through_the_common_head(blank_nlp):
    doc = _doc(blank_nlp, *CONJUNCT)
    assert tree_distance(doc[6], doc[1]) == 2  # raided -> crossed -> Front
    assert tree_distance(doc[8], doc[4]) == 3  # depot -> raided -> crossed -> river


# "The Council said its militia shelled the depot ." -- a speaker one clause above the act
SAID = (["The", "Council", "said", "its", "militia", "shelled", "the", "depot", "."],
        [1, 2, 2, 4, 5, 2, 7, 5, 2],
        ["det", "nsubj", "ROOT", "poss", "nsubj", "ccomp", "det", "dobj", "punct"],
        ["DET", "PROPN", "VERB", "PRON", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
        ["the", "council", "say", "its", "militia", "shell", "the", "depot", "."])  # fmt: skip
# "The Front ambushed the convoy that carried the envoy ." -- a patient of another verb
AMBUSH = (["The", "Front", "ambushed", "the", "convoy", "that", "carried", "the", "envoy", "."],
          [1, 2, 2, 4, 2, 6, 4, 8, 6, 2],
          ["det", "nsubj", "ROOT", "det", "dobj", "nsubj", "relcl", "det", "dobj", "punct"],
          ["DET", "PROPN", "VERB", "DET", "NOUN", "PRON", "VERB", "DET", "NOUN", "PUNCT"])  # fmt: skip
# "According to the Guard , rebels raided the depot ." -- the one a story is told after
ACCORDING = (["According", "to", "the", "Guard", ",", "rebels", "raided", "the", "depot", "."],
             [6, 0, 3, 1, 6, 6, 6, 8, 6, 6],
             ["prep", "prep", "det", "pobj", "punct", "nsubj", "ROOT", "det", "dobj", "punct"],
             ["VERB", "ADP", "DET", "PROPN", "PUNCT", "NOUN", "VERB", "DET", "NOUN", "PUNCT"])  # fmt: skip


def test_the_speaker_of_a_reporting_verb_is_a_reporter_one_clause_away(blank_nlp):
    doc = _doc(blank_nlp, *SAID)
    shelled = doc[5]
    assert _reporter(doc[1]) and not _reporter(doc[4])
    assert clauses_away(shelled, doc[1]) == 1
    assert clauses_away(shelled, doc[4]) == 0
    assert clause_head(doc[1]).i != clause_head(shelled).i
    assert clause_head(doc[7]).i == shelled.i


def test_according_to_names_a_reporter(blank_nlp):
    doc = _doc(blank_nlp, *ACCORDING)
    assert _reporter(doc[3]) and not _reporter(doc[5])


def test_the_object_of_another_verb_is_a_patient_not_the_triggers_object(blank_nlp):
    doc = _doc(blank_nlp, *AMBUSH)
    ambushed = doc[2]
    assert _patient_elsewhere(ambushed, doc[8])  # the envoy the convoy carried
    assert not _patient_elsewhere(ambushed, doc[4])  # the act's own object
    assert not _patient_elsewhere(ambushed, doc[1])


def test_the_fit_is_deterministic_and_learns_a_separable_signal():
    xs = np.array([[1.0, 1.0], [1.0, 0.0]] * 20)
    ys = np.array([1.0, 0.0] * 20)
    w1, w2 = fit(xs, ys), fit(xs, ys)
    assert np.array_equal(w1, w2)
    assert w1[1] > 1.0


def test_cross_validation_holds_out_whole_groups():
    # group "g0" alone teaches the opposite: held out, its events are all chosen wrong
    def ex(event: str, group: str, x: float, y: int) -> Example:
        return Example((1.0, x), y, event, group, True)

    examples = []
    for n in range(10):
        g = f"g{n}"
        flip = n == 0
        examples += [ex(f"{g}/a", g, 1.0, int(not flip)), ex(f"{g}/a", g, 0.0, int(flip))]
    figures = grouped_cv(examples, folds=5)
    best = figures[0]
    assert best.filled > 0 and best.right < best.filled


def test_the_threshold_is_the_lowest_reaching_the_precision_wanted():
    figures = [
        FoldFigures(0.3, 20, 10, 30),
        FoldFigures(0.5, 10, 9, 30),
        FoldFigures(0.7, 4, 4, 30),
    ]
    assert pick_threshold(figures) == 0.5
    # none reaches it: the best precision with enough fills
    assert pick_threshold([FoldFigures(0.3, 20, 10, 30), FoldFigures(0.5, 8, 6, 30)]) == 0.5
    assert pick_threshold([FoldFigures(0.3, 2, 2, 30)]) == THRESHOLDS[-1]


def test_the_shipped_weights_name_the_features_and_train_on_dev_groups_only():
    data = json.loads((files("eventwire.knowledge") / "data" / WEIGHTS_FILE).read_text("utf-8"))
    assert tuple(data["features"]) == FEATURES
    assert len(data["weights"]) == len(FEATURES)
    assert data["threshold"] in THRESHOLDS
    gold = check(FOLDER)
    trained = set(data["training_groups"])
    assert trained <= set(gold["split"]["dev"])
    assert not trained & {"AW", "AY", "BA", "BC", "BE", "AM", "AO", "AQ", "AS", "AV"}
    assert shipped_model() is not None
    examples = json.loads(EXAMPLES.read_text("utf-8"))
    assert examples["meta"]["features"] == list(FEATURES)
    assert sum(s["examples"] for s in data["sources"].values()) == len(examples["rows"])


@pytest.mark.slow
def test_the_shipped_weights_match_a_retrain():
    """A refit of the shipped examples gives the shipped weights, to the last digit (no
    parse: a change to an extraction rule leaves it green; the examples are rebuilt with
    ``--data`` when the chooser is retrained)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_chooser.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_real_sources_read_dev_items_only(eval_dir):
    """With the evaluation data present, every real source gives documents of its dev half
    (skipped without it; the refit above needs no data)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from chooser_sources import real_sets

    from eventwire.evaluate.base import split_of

    docs = list(real_sets(eval_dir, lambda _w: None))
    assert {d.source for d in docs} == {"acled", "muc4", "india-police"}
    ids = [d.group.split(":", 1)[1] for d in docs if d.source in ("muc4", "india-police")]
    assert ids and all(split_of(i) == "dev" for i in ids)
    notes = [d.article.text for d in docs if d.source == "acled"]  # split by the note's text
    assert notes and all(split_of(n) == "dev" for n in notes)


STORY = (
    "A bomb tore through a crowded minibus outside Pellworth on Friday, killing nine "
    "passengers. Police blamed the Hill Liberation Front, a rebel group that has fought the "
    "army in the eastern hills since 2019. The Harbour Guard repelled an assault on its "
    "depot the same night."
)


@pytest.mark.slow
def test_the_chooser_fills_only_doers_the_rules_left_open(nlp):
    article = Article(id="a1", text=STORY, title=None, published="2024-05-03")
    doc = nlp(STORY)
    off = extract_document(article, doc, Resources(Settings(doer_chooser=False)))
    on = extract_document(article, doc, Resources(Settings(doer_chooser=True)))
    assert len(on.events) == len(off.events)
    for before, after in zip(off.events, on.events, strict=True):
        if CHOSEN in after.qualifiers:
            assert before.source is None and after.source is not None
        else:
            assert after.source == before.source


@pytest.mark.parametrize(
    ("modality", "source", "fills"),
    [
        ("asserted", None, True),
        ("reported", None, True),
        ("hypothetical", None, False),  # "a war along the coast would follow"
        ("future", None, False),  # "the brigade will storm the ridge"
        ("asserted", Span(0, 9, "The Front"), False),  # a rule chose the doer
    ],
)
def test_the_chooser_fills_only_an_open_doer_of_an_act_told_as_done(
    resources, modality, source, fills
):
    text = "The Front shelled the ridge."
    e = EventMention(
        article_id="a1",
        type="ASSAULT",
        trigger=Span(10, 17, "shelled"),
        evidence=Evidence("a1", text, 0, len(text)),
        source=source,
        modality=modality,
        lemma="shell",
    )
    assert may_fill(e, resources.ontology) is fills
