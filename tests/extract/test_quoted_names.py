"""A nickname in quotes inside a name, a quoted name after an alias cue, and "call X Y"
(sentences written for these tests)."""

import pytest

pytestmark = pytest.mark.slow


def groups(run, text):
    return {m.span.text: m.group for m in run(text)["mentions"]}


def test_a_nickname_in_quotes_inside_a_name_is_the_persons_other_name(run, run_without_kb):
    text = 'Police arrested the smuggler Tomas "El Lobo" Herrera near the port on Friday.'
    for runner in (run, run_without_kb):
        got = runner(text)["mentions"]
        names = {m.span.text: (m.group, m.normalized) for m in got if m.label == "PERSON"}
        assert names["El Lobo"][0] == names["Tomas"][0] == names["Herrera"][0]
        assert names["Tomas"][1] == "Tomas Herrera"
        assert all(text != 'Tomas "El Lobo" Herrera' for text in names)


def test_a_quoted_name_after_known_as_is_one_name(run):
    got = groups(
        run, 'The faction is led by Ruben Ancasi Mora, known as "Comrade Luis", since 2012.'
    )
    assert got["Comrade Luis"] == got["Ruben Ancasi Mora"]


def test_call_x_y_joins_two_names(run):
    text = (
        "The army blamed the Kestrel Hills Front (KHF), a small armed group. Villagers call "
        'the KHF the "Hill Party".'
    )
    got = groups(run, text)
    assert got["Hill Party"] == got["KHF"]


def test_a_call_naming_no_name_joins_nothing(run):
    text = 'The Kestrel Hills Front attacked the post. The governor called the group "bandits".'
    got = run(text)["mentions"]
    assert all(m.span.text != "bandits" for m in got)
    text = 'Militants of the Sarn Valley Union raided a depot. Officials branded them "terrorists".'
    assert all(m.span.text != "terrorists" for m in run(text)["mentions"])
    text = "Terrorists raided a depot near the lake, officials said."  # unquoted: a group
    assert any(m.span.text.lower() == "terrorists" for m in run(text)["mentions"])
    text = "Prime Minister Omar Haddad called President Ruth Kane on Monday about the truce."
    got = groups(run, text)
    assert got["Omar Haddad"] != got["Ruth Kane"]


def test_a_title_case_quote_is_no_nickname(run):
    got = groups(run, 'Ana Ruiz said "Never Again" was painted on the wall.')
    assert "Never Again" not in got


def test_an_acronym_in_apposition_to_a_body_is_its_name(run, run_without_kb):
    text = "The Kestrel armed forces, the KAF, said two soldiers were hurt on Monday."
    for runner in (run, run_without_kb):
        got = groups(runner, "The Ghanaian military, the GAF, said two soldiers were hurt.")
        assert got["GAF"] == got["Ghanaian military"]
    got = groups(run, text)
    assert "KAF" in got


def test_an_acronym_after_a_person_is_no_name_of_theirs(run):
    got = groups(run, "Omar Haddad, the CEO, said the port was closed.")
    assert "CEO" not in got


def test_known_as_after_a_nicknamed_name_names_the_people_around_him(run):
    text = (
        'The feud began when the sons of the jailed smuggler Tomas "El Lobo" Herrera, known '
        "as Los Lobitos, turned on their uncle."
    )
    got = groups(run, text)
    assert got["El Lobo"] == got["Herrera"]
    assert got.get("Los Lobitos") != got["Herrera"]
