"""Definite descriptions of actors ("the group", "the rebels", "the army", "the
spokesman") stand for the one actor the article described so (one rule:
``extract/descriptions.py``). Sentences we wrote; the model parses them, so these are slow."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _actor(records: dict, span) -> str | None:
    """The name of the actor a role's span names (a description names the actor it stands
    for: "the group" -> "Kivu")."""
    if span is None:
        return None
    by_span = {m.span: m for m in records["mentions"]}
    m = by_span.get(span)
    return m.normalized if m is not None else span.text


def sides(run, text: str, trigger: str) -> list[tuple[str | None, str | None]]:
    records = run(text)
    return [
        (_actor(records, e.source), _actor(records, e.target))
        for e in records["events"]
        if e.trigger.text == trigger
    ]


def sources(run, text: str, trigger: str) -> list[str | None]:
    return [s for s, _t in sides(run, text, trigger)]


def groups(run, text):
    """Surface -> group of every mention."""
    return {m.span.text: m.group for m in run(text)["mentions"]}


# --- groups and people described before -------------------------------------------------


def test_the_group_is_the_rebel_group_named_before(run):
    # "the X rebel group" describes X as a group and as rebels
    text = ("Fighters from the Kivu rebel group attacked a base near Goma on Monday. "
            "The group also seized two villages in March.")  # fmt: skip
    assert sources(run, text, "seized") == ["Kivu"]


def test_the_rebels_are_the_rebel_group_but_not_a_plain_organisation(run):
    text = ("Fighters from the Kivu rebel group attacked a base near Goma on Monday. "
            "Oxfam said the rebels killed three soldiers.")  # fmt: skip
    assert sources(run, text, "killed") == ["Kivu"]


def test_the_militants_are_the_group_an_apposition_calls_militant(run):
    # "Hezbollah, the militant group, ..."; "they" then follows the description too
    text = ("Kataib, the militant group, fired rockets at the town on Friday. "
            "The militants said they hit an army base.")  # fmt: skip
    assert sources(run, text, "hit") == ["Kataib"]


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("Chad backed M23 rebels near the border. Later the rebels attacked a town.", "rebels"),
        (
            "Gunmen from the M23 rebel group raided a village. Niger accused Chad of "
            "supporting the group, which Chad denied.",
            "group",
        ),
    ],
)
def test_a_definite_noun_points_back_to_the_one_group_introduced_with_it(
    run_without_kb, text, back
):
    found = groups(run_without_kb, text)
    assert found[back] == found["M23"]


def test_a_definite_noun_with_two_candidate_groups_stays_unnamed(run_without_kb):
    text = "Chad backed M23 rebels and Niger backed CODECO rebels. Later the rebels attacked."
    found = groups(run_without_kb, text)
    assert found["rebels"] not in (found["M23"], found["CODECO"])


def test_a_plural_collective_noun_is_not_a_group_named_in_the_singular(run_without_kb):
    text = "Fighters of the Kivu Front group raided a camp. The groups later claimed it."
    found = groups(run_without_kb, text)
    assert "groups" not in found or found["groups"] != found.get("Kivu Front")


def test_a_description_with_a_name_of_its_own_or_nothing_described_before_is_left_alone(run):
    # no actor was described as a militia before: "the militia" stands for nobody named
    text = ("The Kivu movement held talks in Goma on Monday. "
            "The militia attacked a village on Tuesday.")  # fmt: skip
    assert sources(run, text, "attacked") != ["Kivu"]


def test_an_office_stands_for_the_person_given_it(run):
    text = ("Omar Sidibe, a UN spokesman, said the camp was shelled on Monday. "
            "The spokesman said rebels attacked the camp again on Tuesday.")  # fmt: skip
    records = run(text)
    names = {m.span.text: m.group for m in records["mentions"]}
    assert names.get("spokesman") == names["Omar Sidibe"]


# --- the article's one army -------------------------------------------------------------


def test_the_army_is_the_army_named_before(run):
    text = ("Congo's army said it had retaken the hills on Tuesday. "
            "The army later shelled the rebel camp.")  # fmt: skip
    (src,) = sources(run, text, "shelled")
    assert src is not None and "Congo" in src


def test_a_state_force_with_a_name_of_its_own_is_left_alone(run):
    text = ("Congo's army said it had retaken the hills on Tuesday. "
            "The Malian army shelled a rebel camp.")  # fmt: skip
    (src,) = sources(run, text, "shelled")
    assert src is not None and "Congo" not in src


@pytest.mark.parametrize(
    "text",
    [
        # "army" modifying a place the army holds, the army named only later
        "Fighters from the Kivu rebel group attacked army positions near Goma on Monday. "
        "Congo's army confirmed the attack.",
        # "the air force": the one state force the article names
        "Ethiopian forces shelled Mekele on Sunday. The air force struck Kivu targets on Monday.",
    ],
)
def test_an_unnamed_army_is_the_articles_one_state_force(run, text):
    trigger = "attacked" if "attacked" in text else "struck"
    (pair,) = sides(run, text, trigger)
    state_side = pair[1] if trigger == "attacked" else pair[0]
    assert state_side is not None and state_side not in ("army", "air force")
    named = {m.normalized for m in run(text)["mentions"] if m.span.text[:1].isupper()}
    assert state_side in named  # the named force's own name


@pytest.mark.parametrize("kb", ["on", "off"])
def test_government_troops_are_the_articles_one_state_force(run, run_without_kb, kb):
    text = ("The Malian army said two soldiers were killed on Friday. Rebels said they had "
            "killed dozens of government soldiers near the border.")  # fmt: skip
    found = groups(run if kb == "on" else run_without_kb, text)
    assert found["government soldiers"] == found["Malian army"]


def test_with_two_armies_an_unnamed_army_is_neither(run):
    text = ("Congo's army and the Rwandan army traded fire on Monday. "
            "Rebels attacked army positions near Goma.")  # fmt: skip
    records = run(text)
    named = {m.normalized for m in records["mentions"] if m.span.text[:1].isupper()}
    (pair,) = sides(run, text, "attacked")
    assert pair[1] not in named


def test_its_positions_are_the_army_not_the_rebels_attacking_them(run):
    # a held place owned by a pronoun is its owner; "its" is singular, "the rebels" not
    text = ("Fighters from the Kivu rebel group crossed the river on Monday. "
            "The Congolese army said the rebels attacked its positions near Goma.")  # fmt: skip
    (pair,) = sides(run, text, "attacked")
    assert pair[0] == "Kivu"
    assert pair[1] is not None and pair[1] != "Kivu"


# --- the article's one named government -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            "The Ethiopian government denied the strikes on Monday. Fighting between the "
            "federal government and the rebels broke out in 2020.",
            "Ethiopian government",
        ),
        (
            "Ethiopia's federal government launched an offensive. Later the government said "
            "it had won.",
            "Ethiopia's federal government",
        ),
    ],
)
def test_the_government_is_the_one_government_the_article_names(run, text, named):
    found = groups(run, text)
    bare = next(s for s in found if s in ("federal government", "government"))
    assert found[bare] == found[named]


def test_with_two_governments_named_the_government_is_neither(run):
    text = ("The Ethiopian government and the Eritrean government met on Monday. "
            "Later the government said the talks went well.")  # fmt: skip
    found = groups(run, text)
    assert found.get("government") not in (found["Ethiopian government"],
                                           found["Eritrean government"])  # fmt: skip


# --- a name and the description it is known by -------------------------------------------


def test_a_name_known_as_the_armed_forces_is_the_articles_army(run_without_kb):
    # "X, as the country's armed forces are widely known,": X is the state force, KB or not
    text = ("The Kyaukse monastery was bombed by a military jet on Friday, villagers said. "
            "The Sitthar, as the junta's armed forces are known, did not comment.")  # fmt: skip
    (src,) = sources(run_without_kb, text, "bombed")
    assert src == "Sitthar"


def test_a_name_the_group_calls_itself_is_described_as_a_group(run_without_kb):
    text = ("Jund Dhulfiqar, as the group calls itself, was formed in March. "
            "The group later seized two villages near the border.")  # fmt: skip
    (src,) = sources(run_without_kb, text, "seized")
    assert src == "Jund Dhulfiqar"


@pytest.mark.parametrize("name", ["Tatmadaw", "Sitkaw"])  # tagged as a person; untagged
def test_a_name_known_as_the_armed_forces_is_found_and_typed_as_a_body(run_without_kb, name):
    text = (f"A military jet bombed a school in Kale on Sunday, villagers said.\n\nThe {name}, "
            "as the country's armed forces are widely known, has relied on air power since 2023.")  # fmt: skip
    records = run_without_kb(text)
    (src,) = sources(run_without_kb, text, "bombed")
    assert src == name
    assert {m.label for m in records["mentions"] if m.span.text == name} == {"ORG"}
