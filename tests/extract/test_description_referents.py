"""Sides told by a description or a pronoun resolved to the actor the text means, or to
nobody (``extract/descriptions.py::referent_of``). Sentences we wrote, several conflicts;
the model parses them, so these are slow."""

from __future__ import annotations

import importlib

import pytest

from eventwire.extract import DocContext
from eventwire.extract.actorspans import MentionIndex
from eventwire.extract.descriptions import referent_of
from eventwire.model import Article
from eventwire.registry import extractors

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def referent(nlp, resources):
    """text, word (its n-th occurrence) -> the name of the actor it stands for, or None."""
    importlib.import_module("eventwire.extract.mentions")
    component = extractors.get("mentions").obj(resources)

    def _referent(text: str, word: str, nth: int = 0) -> str | None:
        ctx = DocContext(Article(id="t", text=text, published="2024-03-01"), nlp(text), resources)
        ctx.put("mentions", component(ctx)["mentions"])
        token = [t for t in ctx.doc if t.text == word][nth]
        found = referent_of(MentionIndex.of(ctx), token)
        return found.normalized if found is not None else None

    return _referent


def _has(name: str | None, part: str) -> bool:
    return name is not None and part.lower() in name.lower()


# --- an apposition of a kind noun stands for the name it describes ----------------------


def test_an_apposed_group_is_the_name_it_describes(referent):
    text = ("Ambazonian separatists blamed the Ambazonia Defence Forces, an armed group "
            "that has fought the Cameroonian army since 2017, for the kidnapping.")  # fmt: skip
    assert _has(referent(text, "group"), "Ambazonia")


def test_an_apposed_coalition_of_militias_is_the_name(referent):
    text = ("The Popular Mobilisation Forces, a loose coalition of mostly Shia militias, said "
            "on Monday that two of its fighters were killed near Tikrit.")  # fmt: skip
    assert _has(referent(text, "coalition"), "Popular Mobili")


def test_a_person_with_an_apposed_group_is_not_the_group(referent):
    text = "Ali Hassan, a member of the group, told reporters the fighters had left Kismayo."
    assert referent(text, "group") is None


# --- two bodies of one kind: nobody, and never the other side of its own clause -------------------------------

TWO_GROUPS = ("Fighters of the FARC rebel group and the EMC rebel group clashed in Catatumbo "
              "in January. ")  # fmt: skip


def test_two_groups_described_before_are_refused_even_one_named_just_before(referent):
    text = TWO_GROUPS + ("On Sunday the army killed four members of the EMC near Tibu. "
                         "The group said it would retaliate.")  # fmt: skip
    assert referent(text, "group", 2) is None


def test_two_groups_named_just_before_are_refused(referent):
    text = TWO_GROUPS + ("On Sunday the FARC and the EMC fought near Tibu, the army said. "
                         "The group said it would retaliate.")  # fmt: skip
    assert referent(text, "group", 2) is None


def test_the_other_side_of_its_own_clause_is_not_what_it_means(referent):
    # the EMC is the clause's subject, so "the group" it attacked is the other one
    text = TWO_GROUPS + "On Sunday the EMC attacked the group near Tibu."
    assert _has(referent(text, "group", 2), "FARC")


def test_a_description_of_another_kind_is_refused(referent):
    text = ("Hezbollah, the militant group, fired rockets at an Israeli border post on Friday. "
            "The rebels said they had hit a barracks.")  # fmt: skip
    assert referent(text, "rebels") is None


# --- pronouns ------------------------------------------------------------------------


def test_its_is_never_a_plural_unnamed_group(referent):
    text = ("The Arakan Army said women and children had fled before the junta shelled its "
            "positions near Sittwe.")  # fmt: skip
    assert not _has(referent(text, "its"), "women")


def test_a_pronoun_with_no_antecedent_names_nobody(referent):
    text = "They fired on the convoy near the border on Sunday, witnesses said."
    assert referent(text, "They") is None


def test_the_speakers_own_side_names_nobody(referent):
    text = ('"Our fighters will not leave the town," a commander of the Sudan Liberation '
            "Movement said on Sunday.")  # fmt: skip
    assert referent(text, "Our") is None
    assert referent(text, "fighters") is None


# --- a partitive pronoun: some of the group ------------------------------------------


def test_some_of_them_is_the_group_they_stand_for(referent):
    text = ("The Houthis hold Sanaa and the Red Sea coast, and Iran, which has sent some of "
            "them drones, denies arming the movement.")  # fmt: skip
    assert _has(referent(text, "some"), "Houthi")


def test_some_of_the_villagers_names_no_actor(referent):
    text = "Gunmen killed some of the villagers near Beni on Monday, the army said."
    assert referent(text, "some") is None


# --- "A and its N": the pronoun in a conjunct is A's ----------------------------------


def test_its_in_a_conjunct_is_the_name_it_is_joined_to(referent):
    text = "Hamas and its allies fired rockets at Sderot on Tuesday, the Israeli army said."
    assert _has(referent(text, "its"), "Hamas")


def test_its_inside_the_names_own_phrase_is_not_the_name(referent):
    text = "Residents fled when the leader of its branch in Goma was arrested, police said."
    assert referent(text, "its") is None


# --- "it" as the subject of what a body says, its speaker found through the clause ----------


def test_it_after_a_second_verb_of_saying_is_the_shared_subject(referent):
    text = ("Uganda rejects the charge and says it gives only political support to the "
            "Congolese army.")  # fmt: skip
    assert _has(referent(text, "it"), "Uganda")


def test_it_in_a_relative_clause_of_saying_is_the_described_body(referent):
    text = ("The Arakan Army, an armed group that says it fights for the Rakhine people, "
            "attacked a police post.")  # fmt: skip
    assert _has(referent(text, "it"), "Arakan")


def test_it_in_a_second_coordinated_clause_is_the_speaker(referent):
    text = ("Hezbollah said on Friday that it had not fired the rockets and that it does not "
            "target Israeli civilians.")  # fmt: skip
    assert _has(referent(text, "it", 1), "Hezbollah")


def test_it_after_a_clause_with_a_named_subject_of_its_own_is_nobody(referent):
    text = ("Security officials say the Kuki-Chin National Front has trained with rebels in "
            "Myanmar, and that it draws money from Hamas.")  # fmt: skip
    assert referent(text, "it") is None


def test_it_is_never_a_plural_speaker(referent):
    assert referent("Officials in Goma say it was armed by Rwanda.", "it") is None


def test_it_is_not_read_across_a_sentence_the_parser_ran_on(referent):
    text = ("New Delhi accuses Pakistan of arming militants who cross the LoC. Islamabad rejects "
            "the charge and says it gives only moral support to Kashmiris.")  # fmt: skip
    assert not _has(referent(text, "it"), "Delhi")
