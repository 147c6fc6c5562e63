"""Who backs whom, by construction: fighting beside, "accused of receiving arms", "its
allied militias", the hyphenated backer of one conjunct, "between X and Y" read as one
phrase, and a title's named holder as a speaker."""

import pytest
from spacy.tokens import Doc

from eventwire.extract.eventroles import between_first, gerund_after_preposition

slow = pytest.mark.slow


def rels(run, text):
    return {(r.type, r.source.text, r.target.text, r.modality) for r in run(text)["relations"]}


@slow
def test_fighting_beside_makes_allies_and_camping_beside_does_not(run):
    got = rels(run, "Chadian troops fought beside the Dawn Brigade near Tessit.")
    assert ("ally", "Chadian troops", "the Dawn Brigade", "asserted") in got
    assert rels(run, "The rebels camped beside the Dawn Brigade near Tessit.") == set()


@slow
@pytest.mark.parametrize(
    ("text", "receiver"),
    [
        # active: the object is the one charged
        (
            "Malian officials accuse the Dawn Brigade of receiving cash and weapons from Qatar.",
            "the Dawn Brigade",
        ),
        # passive: the subject is
        (
            "The Dawn Brigade has long been suspected of getting weapons from Qatar.",
            "The Dawn Brigade",
        ),  # fmt: skip
    ],
)
def test_accused_of_receiving_support_is_alleged_support(run, text, receiver):
    assert ("support", "Qatar", receiver, "alleged") in rels(run, text)


@slow
def test_possessed_allied_noun_is_an_ally_of_the_possessor(run):
    got = rels(run, "Chad's army and its allied tribal fighters, known as the Kanem Guard, hold "
                    "the ridge.")  # fmt: skip
    assert ("ally", "the Kanem Guard", "Chad's army", "asserted") in got


@slow
def test_hyphenated_backer_backs_its_own_noun_not_the_other_conjunct(run):
    got = rels(run, "Clashes between the Dawn Brigade and Qatari-backed militias east of Tessit "
                    "killed four fighters.")  # fmt: skip
    assert ("support", "Qatari", "militias", "asserted") in got
    assert not any(tgt == "the Dawn Brigade" for _, _, tgt, _ in got)


@slow
def test_named_title_holder_speaks_not_the_body_his_title_names(run):
    text = (
        "Chad's army chief, Idriss Kolo, told reporters in Abeche that his men would go on "
        '"chasing the raiders to the last hideout".'
    )
    quotes = run(text)["quotes"]
    assert [q.speaker.text for q in quotes] == ["Idriss Kolo"]


@pytest.mark.parametrize(
    ("heads", "deps", "first"),
    [
        # "between the SDF and allied factions" parsed as one phrase headed by "factions"
        ([0, 0, 6, 6, 3, 6, 1], ["ROOT", "prep", "det", "nmod", "cc", "amod", "pobj"], "SDF"),
        # the same words with their own conjuncts need no repair
        ([0, 0, 3, 1, 3, 6, 3], ["ROOT", "prep", "det", "pobj", "cc", "amod", "conj"], None),
    ],
)
def test_between_read_as_one_phrase_gives_its_first_side(blank_nlp, heads, deps, first):
    words = ["clashes", "between", "the", "SDF", "and", "allied", "factions"]
    doc = Doc(blank_nlp.vocab, words=words, heads=heads, deps=deps)
    found = between_first(next(t for t in doc if t.dep_ == "pobj"))  # the side "between" takes
    assert (found.text if found is not None else None) == first


@slow
def test_backer_inside_a_known_hyphenated_name_is_its_own_actor(run):
    # "Turkish-backed factions" is a name the shipped Syria list knows: Turkey still backs it
    got = rels(run, "Since January, Turkish-backed factions in the Syrian National Army have "
                    "shelled villages near Kobani.")  # fmt: skip
    assert ("support", "Turkish", "Turkish-backed factions", "asserted") in got


@slow
@pytest.mark.parametrize(
    ("text", "armed"),
    [
        (
            "Niamey says its worry is the Kanem Guard, a militia that it accuses Bamako of arming.",
            "the Kanem Guard",
        ),  # fmt: skip
        (
            "The Dawn Brigade is a militia that Niamey accuses Bamako of arming.",
            "The Dawn Brigade",
        ),  # fmt: skip
        # the relative pronoun is the accuser: the object is the one armed
        (
            "The Dawn Brigade, a group that accuses Bamako of arming the Kanem Guard, denied it.",
            "the Kanem Guard",
        ),  # fmt: skip
    ],
)
def test_the_noun_an_accusation_leaves_as_its_object_is_the_one_armed(run, text, armed):
    aid = [(e.source.text, e.target.text, e.modality) for e in run(text)["events"]
           if e.type == "AID" and e.source and e.target]  # fmt: skip
    assert aid == [("Bamako", armed, "alleged")]


@pytest.mark.parametrize(
    ("deps", "pos", "gerund"),
    [
        # "accused Bamako of arming": the parser may make the gerund a pcomp or a pobj
        (["ROOT", "dobj", "prep", "pcomp"], ["VERB", "PROPN", "ADP", "VERB"], True),
        (["ROOT", "dobj", "prep", "pobj"], ["VERB", "PROPN", "ADP", "VERB"], True),
        # "accused Bamako of treason": a noun is no act
        (["ROOT", "dobj", "prep", "pobj"], ["VERB", "PROPN", "ADP", "NOUN"], False),
    ],
)
def test_a_gerund_after_a_preposition_is_read_whatever_its_label(blank_nlp, deps, pos, gerund):
    words = ["accused", "Bamako", "of", "arming"]
    doc = Doc(blank_nlp.vocab, words=words, heads=[0, 0, 0, 2], deps=deps, pos=pos)
    assert gerund_after_preposition(doc[3]) is gerund
