"""Quotes whose speaker is a body or an unnamed official: "It blamed ...", "a group calling
itself X said", "the statement said" after a body spoke, "the sub-prefect said"
(sentences written for these tests)."""

import pytest

pytestmark = pytest.mark.slow


def speakers(run, text):
    return [(q.text, q.speaker.text if q.speaker else q.speaker_description)
            for q in run(text)["quotes"]]  # fmt: skip


def test_it_blamed_goes_on_from_the_body_subject_before(run):
    text = (
        "The Kestrel Relief Network, a group of local volunteers, put the toll at 14 and "
        'said 40 people were hurt. It blamed "the gunmen of the northern hills", a name '
        "residents use for the militia."
    )
    assert speakers(run, text) == [("the gunmen of the northern hills", "Kestrel Relief Network")]


def test_it_after_a_persons_sentence_is_nobody(run):
    text = (
        'Omar Haddad spoke to the crowd on Monday. It said "the road is closed until '
        'further notice" on the sign.'
    )
    assert [s for _q, s in speakers(run, text)] == [None]


def test_a_group_calling_itself_a_name_speaks_under_it(run):
    text = (
        "A group calling itself the Harbour Resistance Front said on its channel that it "
        'had attacked "the occupiers\' base at the port" with drones.'
    )
    assert speakers(run, text) == [
        ("the occupiers' base at the port", "the Harbour Resistance Front")
    ]


def test_the_statement_after_a_body_spoke_is_that_bodys(run):
    text = (
        'The Kestrel Defence Office rejected as "baseless and fabricated" the claim that its '
        'soldiers had fired first. "The other side is trying to hide its own violations," '
        "the statement said."
    )
    assert [s for _q, s in speakers(run, text)] == [
        "The Kestrel Defence Office",
        "The Kestrel Defence Office",
    ]


def test_the_statement_after_a_person_spoke_is_not_his(run):
    text = (
        'Omar Haddad rejected the claim on Monday. "The other side is hiding its own '
        'violations," the statement said.'
    )
    assert [s for _q, s in speakers(run, text)] == [None]


def test_an_unnamed_official_keeps_his_office_as_the_description(run):
    text = (
        'The attackers, "numerous and heavily armed", came on foot around midnight, the '
        "sub-prefect said."
    )
    assert speakers(run, text) == [("numerous and heavily armed", "sub-prefect")]
    text = (
        "The reserve's manager spoke of the raid. \"We are not soldiers, we count "
        'elephants," the manager said.'
    )
    assert speakers(run, text)[-1][1] is not None


def test_a_quote_after_an_unnamed_official_spoke_keeps_the_description(run):
    # the description of the unnamed speaker, not nobody
    text = (
        "The park's warden, who may not talk to the press, called the raid the worst in "
        'years. "We are rangers, not soldiers."'
    )
    assert speakers(run, text) == [("We are rangers, not soldiers.", "park's warden")]


def test_he_said_after_an_unnamed_officials_sentence_keeps_the_description(run):
    text = (
        "The park's warden, who may not talk to the press, called the raid the worst in "
        'years. "We are rangers, not soldiers," he said.'
    )
    assert speakers(run, text) == [("We are rangers, not soldiers,", "park's warden")]
