"""Actor junk found by frequency on unlabelled wire and web articles (issue 13): a wire
story's time stamp, outlet credit and makers' bracket, and a country named as where
something is. Sentences are ours; tests marked ``slow`` run the real model."""

from __future__ import annotations

import pytest

from eventwire.config import Settings
from eventwire.extract.context import DocContext
from eventwire.extract.mentions import extract_mentions
from eventwire.extract.notactors import in_comment_form, is_date_stamp
from eventwire.extract.wire_credits import wire_credits
from eventwire.knowledge.resources import Resources
from eventwire.model import Article

# --- fast ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stamp",
    [
        "Wed Apr 6, 2016 9:12",
        "Fri Aug",
        "Tue Mar 3",
        "Monday 4 June 2019 10.15 GMT",
        "GOMA | Sun Mar",
    ],
)
def test_time_stamps_are_dates(stamp):
    assert is_date_stamp(stamp)


@pytest.mark.parametrize(
    "name", ["Sun", "Wed", "May", "Sun Yat-sen", "Mar Elias", "June Okoro", "Goma | Sun Mar"]
)
def test_names_that_are_no_time_stamps(name):
    assert not is_date_stamp(name)


def _credited(text: str) -> list[str]:
    return [text[a:b] for a, b in wire_credits(text)]


def test_an_outlet_after_a_dateline_is_a_credit():
    assert _credited("KINSHASA, May 2 (Wire) - Rebels took the town.") == ["Wire"]
    assert _credited("JUBA (Daily Lamp) - Soldiers left the base.") == ["Daily Lamp"]
    assert _credited("Kisumu, Kenya (Lake News) -- Police fired tear gas.") == ["Lake News"]


def test_a_wire_header_is_a_credit():
    text = "GOMA | Wed Apr 6, 2016 9:12am EDT GOMA (Wire) - Rebels took Sake.\nMore text."
    assert _credited(text) == ["Wire", "GOMA | Wed Apr 6, 2016 9:12am EDT GOMA"]
    assert _credited("Rebels | the group said on Monday it held Sake.") == []


def test_a_byline_is_a_credit():
    text = "Output rose. By Ana Lima and Tom Bell GOMA, May 12 (Wire) - Rebels took Sake."
    assert "By Ana Lima and Tom Bell" in _credited(text)
    text = "By Kofi Mensah Lake News, Goma Rebels took the town."
    assert any("Kofi Mensah" in credit for credit in _credited(text))
    assert _credited("By Monday the army had left Goma.") == []


def test_an_acronym_in_running_text_is_no_credit():
    text = "Fighters of the Northern Shield Front (NSF) - a militia - shelled the road."
    assert _credited(text) == []
    assert _credited("The talks (in Arusha) - it was said - failed.") == []


def test_the_makers_bracket_is_a_credit():
    text = "The port reopened. (Reporting by Ana Lima in Beira; editing by Tom Bell)"
    (credit,) = _credited(text)
    assert credit.startswith("(Reporting by Ana Lima") and credit.endswith("Tom Bell)")
    assert _credited("(Additional reporting by Kofi Mensah)") == [
        "(Additional reporting by Kofi Mensah)"
    ]


# --- slow: the constructions in running text -------------------------------------------


@pytest.fixture(scope="module")
def no_kb():
    return Resources(Settings(shipped_kb=False))


def _names(nlp, resources, text):
    ctx = DocContext(article=Article(id="a", text=text), doc=nlp(text), resources=resources)
    ms = extract_mentions(ctx)["mentions"]
    return {m.span.text for m in ms} | {m.normalized for m in ms}


@pytest.mark.slow
def test_wire_header_names_no_actor(nlp, no_kb):
    text = (
        "NAIROBI | Wed Apr 6, 2016 9:12am EDT NAIROBI (Wire) - Gunmen attacked a bus near "
        "Garissa on Tuesday, police said. (Reporting by Ana Lima; editing by Tom Bell)"
    )
    names = _names(nlp, no_kb, text)
    assert not names & {"Wire", "Ana Lima", "Tom Bell", "Wed Apr 6, 2016 9:12am"}
    assert not any(n.startswith("Wed Apr") for n in names)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Heavy fighting was reported in Chad on Sunday, the agency said.", "Chad"),
        ("Thousands of families fled into Niger after the raid.", "Niger"),
        ("Aid workers said the drought in southern Ethiopia had worsened.", "Ethiopia"),
        ("The militia holds several villages across Mali and Niger, residents said.", "Niger"),
        ("Crowds first took to the streets of Chad on Monday.", "Chad"),
        ("Mass protests swept Niger on Friday.", "Niger"),
    ],
)
def test_a_country_named_as_where_is_a_place(nlp, no_kb, text, place):
    assert place not in _names(nlp, no_kb, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Chad said on Sunday that it had closed the border.", "Chad"),
        ("The rebels received weapons from Niger, the report said.", "Niger"),
        ("The donors sent food aid to Ethiopia in March.", "Ethiopia"),
        ("South Sudan accused the militia of the raid.", "South Sudan"),
        ("Gunmen attacked southern Chad in May, killing thirty people.", "Chad"),
    ],
)
def test_a_country_that_acts_stays_the_state(nlp, no_kb, text, state):
    assert state in _names(nlp, no_kb, text)


@pytest.mark.slow
def test_a_name_an_appositive_calls_a_settlement_is_a_place(nlp, no_kb):
    names = _names(nlp, no_kb, "Soldiers entered Kabu, a town south of Lira, and found nothing.")
    assert "Kabu" not in names


@pytest.mark.parametrize(
    "line",
    [
        "Need help using the site? Ring the Lake News switchboard.",
        "The Lake Post is not responsible for the content on pages it links to.",
        "Comments are moderated under our Privacy Policy.",
    ],
)
def test_a_sites_own_notices(line):
    assert in_comment_form(line)


def test_a_policy_in_the_news_is_no_notice():
    assert not in_comment_form("The ministry said the new policy would take effect in May.")


@pytest.mark.slow
def test_a_country_where_an_act_is_is_no_party_to_it(run):
    (war,) = [e for e in run("The war in Chad was high on the agenda last week.")["events"]]
    assert war.target is None and war.source is None
    (attack,) = [e for e in run("Rebels attacked Chad in February.")["events"]]
    assert attack.target is not None and attack.target.text == "Chad"


@pytest.mark.slow
def test_a_sites_notice_tells_no_event_and_names_no_actor(run):
    text = (
        "Need help using the site? Ring the switchboard, or read our headlines on "
        "Twitter: the bishop will resign after a visit to Peru."
    )
    found = run(text)
    assert not found["events"]
    assert "Peru" not in {m.span.text for m in found["mentions"]}
