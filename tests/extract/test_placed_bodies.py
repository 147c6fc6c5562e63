"""A body named by its place and a generic noun is one mention (sentences written for
these tests)."""

import pytest

pytestmark = pytest.mark.slow


def mentions(runner, text):
    return [(m.span.text, m.normalized) for m in runner(text)["mentions"]]


def test_a_regions_government_is_one_body_and_no_place_mention(run, run_without_kb):
    for runner in (run, run_without_kb):
        got = mentions(runner, "The Kestrel regional government blamed the rebels for the raid.")
        assert ("The Kestrel regional government", "Kestrel regional government") in got
        assert all(text != "Kestrel" for text, _ in got)


def test_an_office_named_by_its_province_with_a_role_possessive(run):
    got = mentions(run, "The Ruvani prosecutor's office said it had opened an investigation.")
    assert ("The Ruvani prosecutor's office", "Ruvani prosecutor's office") in got
    got = mentions(run, "Two traders were shot, the Lanvar attorney general's office said.")
    assert ("the Lanvar attorney general's office", "Lanvar attorney general's office") in got


def test_a_countrys_possessive_or_demonym_and_its_service_are_one_body(run):
    got = run("Ghana's border service said two guards were hurt.")["mentions"]
    service = [m for m in got if "service" in m.span.text]
    assert [(m.span.text, m.affiliation) for m in service] == [("Ghana's border service", "GHA")]
    # the demonym's form is the same body's name
    other = run("The Ghanaian border service denied the report.")["mentions"]
    assert [m.normalized for m in other if "service" in m.span.text] == [service[0].normalized]


def test_a_states_own_government_stays_the_state(run):
    got = run("Kenya's government said the talks had failed.")["mentions"]
    assert [m.affiliation for m in got if "government" in m.span.text] == ["KEN"]
    assert all(m.normalized != "Kenya government" for m in got)


def test_a_noun_modifying_another_is_no_body(run):
    got = mentions(run, "The Kestrel district council members met the envoy on Monday.")
    assert all("council" not in text for text, _ in got)


def test_the_body_named_again_without_its_place(run):
    text = (
        'The Kestrel regional government said the road was closed. "We will reopen it '
        'within the week," the regional government said in a statement.'
    )
    got = run(text)
    bodies = [m for m in got["mentions"] if "government" in m.span.text]
    assert [m.span.text for m in bodies] == [
        "The Kestrel regional government",
        "the regional government",
    ]
    assert bodies[0].group == bodies[1].group
    assert [q.speaker.text for q in got["quotes"] if q.speaker] == ["the regional government"]


def test_two_bodies_so_written_leave_the_short_form_to_neither(run):
    text = (
        "The Amhara regional government and the Oromia regional government met in the "
        "capital. The regional government later said nothing had been agreed."
    )
    got = mentions(run, text)
    assert all(text != "The regional government" for text, _ in got)


def test_a_bodys_quote_names_the_body(run):
    text = (
        'The Tsafe emirate council described the charge as "baseless and unfortunate" and '
        "said its district heads had lost relatives."
    )
    quotes = run(text)["quotes"]
    assert [q.speaker.text for q in quotes if q.speaker] == ["The Tsafe emirate council"]


def test_a_mission_in_a_country_before_its_bracketed_acronym_is_one_name(run):
    got = run("The United Nations Assistance Mission in Somalia (UNSOM) urged both sides to "
              "stop the shelling.")["mentions"]  # fmt: skip
    names = {m.span.text: m.group for m in got}
    assert "The United Nations Assistance Mission in Somalia" in names
    assert names["UNSOM"] == names["The United Nations Assistance Mission in Somalia"]


def test_a_persons_government_is_no_placed_body(run):
    got = mentions(run, "Prime Minister Ruto's government stayed silent on Monday.")
    assert all("government" not in text for text, _ in got)
    got = mentions(run, "The Abiy Ahmed government rejected the report.")
    assert all(name != "Abiy Ahmed government" for _, name in got)


def test_an_organisations_possessive_and_its_agency_are_one_body(run):
    got = mentions(run, "Thousands remain displaced, according to the UN's migration agency.")
    assert ("UN's migration agency", "UN migration agency") in got
    assert all(text != "UN" for text, _ in got)
