"""Pronoun antecedents: hand-built parses (fast) and the model on whole sentences (slow)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from eventwire.extract.docview import DocView
from eventwire.extract.pronouns import resolve_pronouns
from eventwire.model import Evidence, Mention, Span

VOCAB = spacy.blank("en").vocab  # with the English lower-case and shape getters


def parse(rows: list[tuple[str, int, str, str, str]], sent_starts: set[int] | None = None):
    """rows: (word, head index, dep, pos, tag); sentences start at ``sent_starts``."""
    words = [r[0] for r in rows]
    starts = sent_starts or {0}
    return Doc(
        VOCAB,
        words=words,
        spaces=[i + 1 < len(words) and rows[i + 1][0] not in ".,'s" for i in range(len(words))],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        sent_starts=[i in starts for i in range(len(words))],
    )


def mention(doc: Doc, i: int, j: int, label: str) -> Mention:
    span = doc[i:j]
    return Mention(
        article_id="t",
        span=Span(span.start_char, span.end_char, span.text),
        label=label,
        evidence=Evidence("t", span.sent.text, span.sent.start_char, span.sent.end_char),
        group=span.text.split()[-1].lower(),
    )


def names(doc: Doc, mentions: list[Mention]) -> dict[str, str | None]:
    found = resolve_pronouns(DocView(doc), mentions)
    out = {}
    for tok in doc:
        if tok.i in found:
            ante = found[tok.i]
            out[f"{tok.text}@{tok.i}"] = ante if isinstance(ante, int) else ante.span.text
    return out


def test_subject_beats_a_nested_possessor_and_chains_on():
    # Nadia leads the rest of Omar 's army . She opposes Kassala . She backs Tarek .
    doc = parse(
        [
            ("Nadia", 1, "nsubj", "PROPN", "NNP"),
            ("leads", 1, "ROOT", "VERB", "VBZ"),
            ("the", 3, "det", "DET", "DT"),
            ("rest", 1, "dobj", "NOUN", "NN"),
            ("of", 3, "prep", "ADP", "IN"),
            ("Omar", 7, "poss", "PROPN", "NNP"),
            ("'s", 5, "case", "PART", "POS"),
            ("army", 4, "pobj", "NOUN", "NN"),
            (".", 1, "punct", "PUNCT", "."),
            ("She", 10, "nsubj", "PRON", "PRP"),
            ("opposes", 10, "ROOT", "VERB", "VBZ"),
            ("Kassala", 10, "dobj", "PROPN", "NNP"),
            (".", 10, "punct", "PUNCT", "."),
            ("She", 14, "nsubj", "PRON", "PRP"),
            ("backs", 14, "ROOT", "VERB", "VBZ"),
            ("Tarek", 14, "dobj", "PROPN", "NNP"),
            (".", 14, "punct", "PUNCT", "."),
        ],
        {0, 9, 13},
    )
    ms = [mention(doc, 0, 1, "PERSON"), mention(doc, 5, 6, "PERSON"), mention(doc, 11, 12, "ORG")]
    # the second "She" has no named person in its own or the previous sentence but the
    # first "She", which stands for Nadia
    assert names(doc, ms) == {"She@9": "Nadia", "She@13": "Nadia"}


def clauses(*sentences: tuple[str, str, str | None]) -> Doc:
    """One "subject verb [object] ." sentence per triple: a capitalised word is a name,
    a pronoun is a pronoun and any other word a plural noun."""
    rows: list[tuple[str, int, str, str, str]] = []
    starts = set()
    for subj, verb, obj in sentences:
        n = len(rows)
        starts.add(n)
        rows += [_word(subj, n + 1, "nsubj"), (verb, n + 1, "ROOT", "VERB", "VBD")]
        if obj:
            rows.append(_word(obj, n + 1, "dobj"))
        rows.append((".", n + 1, "punct", "PUNCT", "."))
    return parse(rows, starts)


def _word(text: str, head: int, dep: str) -> tuple[str, int, str, str, str]:
    if text.lower() in ("he", "him", "she", "her", "they", "them"):
        return text, head, dep, "PRON", "PRP"
    if text[0].isupper():
        return text, head, dep, "PROPN", "NNP"
    return text, head, dep, "NOUN", "NNS"


def test_nearest_person_is_not_enough():
    # the previous sentence's subject, not its nearer object
    doc = clauses(("Farid", "met", "Omar"), ("He", "left", None))
    ms = [mention(doc, 0, 1, "PERSON"), mention(doc, 2, 3, "PERSON")]
    assert names(doc, ms) == {"He@4": "Farid"}


def test_object_pronoun_is_not_its_own_clause_subject():
    doc = clauses(("Farid", "met", "Omar"), ("Nadia", "praised", "him"))
    ms = [mention(doc, i, i + 1, "PERSON") for i in (0, 2, 4)]
    assert names(doc, ms) == {"him@6": "Farid"}


def test_they_goes_to_a_group_never_to_a_person():
    doc = clauses(("Farid", "joined", "Hamas"), ("They", "attacked", None))
    ms = [mention(doc, 0, 1, "PERSON"), mention(doc, 2, 3, "ORG")]
    assert names(doc, ms) == {"They@4": "Hamas"}


def test_a_plain_plural_noun_can_win_over_a_name():
    # the villagers (a noun, token 0), not Hamas
    doc = clauses(("villagers", "fled", "Hamas"), ("They", "returned", None))
    assert names(doc, [mention(doc, 2, 3, "ORG")]) == {"They@4": 0}


def test_a_name_in_a_quote_is_no_antecedent_outside_it():
    # Farid said " Omar lied badly " . He left .
    doc = parse(
        [
            ("Farid", 1, "nsubj", "PROPN", "NNP"),
            ("said", 1, "ROOT", "VERB", "VBD"),
            ('"', 4, "punct", "PUNCT", "``"),
            ("Omar", 4, "nsubj", "PROPN", "NNP"),
            ("lied", 1, "ccomp", "VERB", "VBD"),
            ("badly", 4, "advmod", "ADV", "RB"),
            ('"', 4, "punct", "PUNCT", "''"),
            (".", 1, "punct", "PUNCT", "."),
            ("He", 9, "nsubj", "PRON", "PRP"),
            ("left", 9, "ROOT", "VERB", "VBD"),
            (".", 9, "punct", "PUNCT", "."),
        ],
        {0, 8},
    )
    ms = [mention(doc, 0, 1, "PERSON"), mention(doc, 3, 4, "PERSON")]
    # "Omar" is a subject too, and nearer, but inside the quote
    assert names(doc, ms) == {"He@8": "Farid"}


def test_nothing_within_two_sentences_leaves_the_pronoun_open():
    doc = clauses(("Farid", "left", None), ("rains", "fell", None), ("rains", "fell", None),
                  ("He", "returned", None))  # fmt: skip
    assert names(doc, [mention(doc, 0, 1, "PERSON")]) == {}


def rels(run, text):
    return {(r.type, r.source.text, r.target.text) for r in run(text)["relations"]}


@pytest.mark.slow
def test_relations_of_a_pronoun_after_a_possessor(run):
    text = (
        "Yasin Omar commands the remnants of Bashir's army. "
        "He is aligned with the National Congress Party. He opposes the Sovereign Council."
    )
    got = rels(run, text)
    assert ("ally", "Yasin Omar", "the National Congress Party") in got
    assert ("oppose", "Yasin Omar", "the Sovereign Council") in got
    assert not any(src == "Bashir" for _, src, _ in got)


@pytest.mark.slow
def test_they_and_its_in_events(run):
    found = run("The rebels attacked Goma on Sunday. They killed four soldiers.")
    assert {e.source.text for e in found["events"] if e.source} == {"rebels"}
    found = run("Syria says it is willing to withdraw its troops from neighbouring Jordan.")
    retreat = [e for e in found["events"] if e.type == "RETREAT"]
    assert retreat and retreat[0].source.text == "Syria" and retreat[0].target is None


def test_a_phrase_is_not_the_antecedent_of_a_pronoun_inside_it():
    # villagers fled . dozens of them returned .
    doc = parse(
        [
            ("villagers", 1, "nsubj", "NOUN", "NNS"),
            ("fled", 1, "ROOT", "VERB", "VBD"),
            (".", 1, "punct", "PUNCT", "."),
            ("dozens", 6, "nsubj", "NOUN", "NNS"),
            ("of", 3, "prep", "ADP", "IN"),
            ("them", 4, "pobj", "PRON", "PRP"),
            ("returned", 6, "ROOT", "VERB", "VBD"),
            (".", 6, "punct", "PUNCT", "."),
        ],
        {0, 3},
    )
    assert names(doc, []) == {"them@5": 0}


def test_the_agent_of_a_participle_in_a_noun_phrase_is_no_subject():
    # Farid met the council led by Omar . He left .
    doc = parse(
        [
            ("Farid", 1, "nsubj", "PROPN", "NNP"),
            ("met", 1, "ROOT", "VERB", "VBD"),
            ("the", 3, "det", "DET", "DT"),
            ("council", 1, "dobj", "NOUN", "NN"),
            ("led", 3, "acl", "VERB", "VBN"),
            ("by", 4, "agent", "ADP", "IN"),
            ("Omar", 5, "pobj", "PROPN", "NNP"),
            (".", 1, "punct", "PUNCT", "."),
            ("He", 9, "nsubj", "PRON", "PRP"),
            ("left", 9, "ROOT", "VERB", "VBD"),
            (".", 9, "punct", "PUNCT", "."),
        ],
        {0, 8},
    )
    ms = [mention(doc, 0, 1, "PERSON"), mention(doc, 6, 7, "PERSON")]
    assert names(doc, ms) == {"He@8": "Farid"}
