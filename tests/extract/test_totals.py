"""Issue 13 item 7: running and period totals become statistics, never an event's count
(sentences we wrote)."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_document
from eventwire.model import Article, DocumentRecords

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def records(nlp, resources):
    def _records(text: str) -> DocumentRecords:
        article = Article(id="t", text=text, published="2024-05-15", published_precision="day")
        return extract_document(article, nlp(text), resources)

    return _records


def _event_counts(recs: DocumentRecords) -> list[tuple[str, int]]:
    return sorted({(c.kind, c.value) for e in recs.events for c in e.counts})


def test_running_total_since_a_month(records) -> None:
    recs = records("The war has killed at least 3,000 people since April, the agency said.")
    (stat,) = recs.statistics
    assert (stat.counted, stat.value, stat.qualifier) == ("killed", 3000, "at least")
    assert (stat.period_start, stat.period_end, stat.scope) == ("2024-04", None, "conflict")
    assert stat.evidence.sentence.startswith("The war has killed")
    assert recs.counts == () and _event_counts(recs) == []


def test_displacement_in_millions_by_the_fighting(records) -> None:
    recs = records("The fighting has displaced more than 8 million people.")
    (stat,) = recs.statistics
    assert (stat.counted, stat.value, stat.qualifier) == ("displaced", 8_000_000, "more than")
    assert stat.text == "more than 8 million"
    assert _event_counts(recs) == []


def test_period_total_of_a_month(records) -> None:
    recs = records("About 400 people were killed in March, according to the monitoring group.")
    (stat,) = recs.statistics
    assert (stat.value, stat.period_start, stat.period_end) == (400, "2024-03", "2024-03")
    assert _event_counts(recs) == []


def test_the_wars_death_toll(records) -> None:
    recs = records("The war's death toll has risen to 40,000, the health ministry said.")
    (stat,) = recs.statistics
    assert (stat.counted, stat.value) == ("killed", 40000)
    assert _event_counts(recs) == []


def test_killed_in_the_war_in_a_place(records) -> None:
    recs = records("More than 13,000 people have been killed in the war in Darfur.")
    (stat,) = recs.statistics
    assert stat.scope == "place" and stat.place is not None and stat.place.name == "Darfur"


def test_an_actors_running_total(records) -> None:
    recs = records("The RSF has killed at least 2,000 civilians since the start of the year.")
    (stat,) = recs.statistics
    assert stat.scope == "actor" and stat.actor_span is not None
    assert stat.actor_span.text == "RSF"
    assert stat.period_start == "2024"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Gunmen killed 12 villagers in an attack on Monday.", ("killed", 12)),
        ("The death toll from Sunday's attack rose to 40.", ("killed", 40)),
        ("Five people were killed in clashes in the town on 3 March.", ("killed", 5)),
        ("Fighting killed seven soldiers near the border on Tuesday.", ("killed", 7)),
    ],
)
def test_an_incidents_toll_stays_a_count(records, text: str, count: tuple[str, int]) -> None:
    recs = records(text)
    assert recs.statistics == ()
    assert count in {(c.kind, c.value) for c in recs.counts}


def test_a_day_in_the_same_clause_makes_it_an_incident(records) -> None:
    recs = records("Two soldiers were killed in March 2023 near the border, on a Tuesday night.")
    assert recs.statistics == ()


@pytest.mark.parametrize(
    "text",
    [
        "The war has killed at least 3,000 people since April, the agency said.",
        "The fighting has displaced more than 8 million people.",
        "About 400 people were killed in March, according to the monitoring group.",
    ],
)
def test_a_total_makes_no_incident(records, text: str) -> None:
    recs = records(text)
    assert len(recs.statistics) == 1
    assert [e.trigger.text for e in recs.events if e.type == "ASSAULT"] == []


def test_a_relative_clause_after_the_wars_start_date(records) -> None:
    # "which" stands for the war's beginning, not for the date the parser attaches it to
    text = "The civil war began on March 15, 2011, which resulted in the deaths of 1,206 people."
    (stat,) = records(text).statistics
    assert (stat.counted, stat.value, stat.scope) == ("killed", 1206, "conflict")


def test_a_relative_clause_on_an_incident_keeps_its_count(records) -> None:
    recs = records("The bombing, which resulted in the deaths of 12 people, shocked the town.")
    assert recs.statistics == ()
    assert ("killed", 12) in {(c.kind, c.value) for c in recs.counts}


def test_since_a_month_is_a_total_since_a_day_an_incidents_toll(records) -> None:
    (stat,) = records("At least eight leaders have been killed since last July.").statistics
    assert (stat.value, stat.period_start) == (8, "2023-07")
    siege = records("More than 150 people have been killed since the siege began on April 4.")
    assert siege.statistics == () and [c.value for c in siege.counts] == [150]
    war = records("Over 30,000 people have been killed since the war began on 7 October.")
    assert [s.value for s in war.statistics] == [30000]


def test_one_incident_in_a_month_is_no_period_total(records) -> None:
    recs = records("Five soldiers were killed in an ambush in March.")
    assert recs.statistics == ()
    assert ("killed", 5) in {(c.kind, c.value) for c in recs.counts}


@pytest.mark.parametrize(
    "text",
    [
        "So far, more than 120 people have been killed in and around the capital.",
        "The militia has killed at least 90 civilians in the province to date.",
        "Thus far, 2,300 families have been displaced by the fighting, aid workers said.",
    ],
)
def test_a_count_up_to_now_is_a_running_total(records, text: str) -> None:
    recs = records(text)
    (stat,) = recs.statistics
    assert (stat.period_start, stat.period_end) == (None, None)
    assert _event_counts(recs) == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("So far, 12 people have been killed in the attack on the market.", ("killed", 12)),
        ("Rescuers said eight people were killed on Monday so far.", ("killed", 8)),
    ],
)
def test_so_far_in_one_incident_or_day_stays_a_count(records, text: str, count) -> None:
    recs = records(text)
    assert recs.statistics == ()
    assert count in {(c.kind, c.value) for c in recs.counts}


def test_so_far_reaches_a_coordinated_toll(records) -> None:
    recs = records(
        "So far, more than 90 people have been killed, while nearly 300 have been wounded."
    )
    assert sorted((s.counted, s.value) for s in recs.statistics) == [
        ("killed", 90),
        ("wounded", 300),
    ]
    assert _event_counts(recs) == []


def test_a_tally_of_arrests_up_to_now_keeps_the_arrest(records) -> None:
    # the figure is a running total, but the detentions are still an act to code
    recs = records("Police said at least 40 protesters have been arrested so far in the city.")
    assert [(s.counted, s.value) for s in recs.statistics] == [("arrested", 40)]
    assert any(e.type == "COERCE" or "arrest" in e.trigger.text for e in recs.events)
    assert _event_counts(recs) == []


def test_a_present_perfect_tally_of_this_month_is_a_period_total(records) -> None:
    # "have been killed this month": the month so far, not one incident
    recs = records("More than 200 people have been killed in the province this month.")
    (stat,) = recs.statistics
    assert (stat.value, stat.period_start) == (200, "2024-05")
    assert _event_counts(recs) == []
    # the simple past, or one incident named, tells an incident of the month
    recs = records("Rebels killed 20 people this month in an attack on a market.")
    assert recs.statistics == () and ("killed", 20) in _event_counts(recs)


def test_the_period_a_superlative_compares_over_dates_no_event(records) -> None:
    # "the deadliest this year" compares the attack with the year's others
    recs = records("The attack on the garrison killed 12 soldiers, the deadliest this year.")
    assert {e.when.precision for e in recs.events if e.when} == {"publication"}
    recs = records("The biggest offensive since 2019 began on Monday in the north.")
    (offensive,) = [e for e in recs.events if e.trigger.text == "offensive"]
    assert offensive.when is not None and offensive.when.value == "2024-05-13"


def test_bare_since_after_the_conflict_began(records) -> None:
    recs = records(
        "The insurgency began in 2019. The ministry says more than 9,000 people have been "
        "killed since."
    )
    assert [(s.counted, s.value, s.scope) for s in recs.statistics] == [
        ("killed", 9000, "conflict")
    ]
    assert ("killed", 9000) not in _event_counts(recs)


def test_bare_since_after_an_incident_updates_its_toll(records) -> None:
    recs = records("Rebels raided the town on Monday. Two more people have died since.")
    assert recs.statistics == ()
    assert _event_counts(recs) == [("killed", 2)]


def test_period_between_two_months(records) -> None:
    recs = records("More than 130 people were killed in the valley between November and January.")
    (stat,) = recs.statistics
    assert (stat.value, stat.period_start, stat.period_end) == (130, "2023-11", "2024-01")
    assert _event_counts(recs) == []


def test_period_from_one_month_to_another(records) -> None:
    recs = records("About 90 people were killed in the district from January to April.")
    (stat,) = recs.statistics
    assert (stat.value, stat.period_start, stat.period_end) == (90, "2024-01", "2024-04")


def test_two_days_are_an_incident_not_a_period(records) -> None:
    recs = records("Five people were killed in the village between 2 and 3 May.")
    assert recs.statistics == ()
    assert _event_counts(recs) == [("killed", 5)]


def test_the_toll_of_the_act_a_war_began_with_is_not_an_event_count(records) -> None:
    recs = records(
        "The insurgency began when rebels stormed an army base on 2 March 2019, killing "
        "about 300 soldiers."
    )
    assert [(s.value, s.scope) for s in recs.statistics] == [(300, "conflict")]
    assert _event_counts(recs) == []


def test_an_attack_when_something_else_began_keeps_its_count(records) -> None:
    recs = records(
        "Rebels stormed an army base on Friday, killing 30 soldiers, when the talks began."
    )
    assert recs.statistics == ()
    assert _event_counts(recs) == [("killed", 30)]


@pytest.mark.parametrize(
    "text",
    [
        "The ambush came hours before the bombing of a bus station in which seven "
        "passengers were killed.",
        "It happened on the day of the raid on a village further north, which killed at "
        "least seven people.",
        "The clash took place a day after the ambush near the bridge that killed seven "
        "police officers.",
    ],
)
def test_the_toll_of_an_incident_named_to_place_another_in_time(records, text) -> None:
    recs = records(text)
    assert ("killed", 7) not in _event_counts(recs) and recs.statistics == ()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a clause of "after" measured by a length of time (Myanmar, Kenya, Chhattisgarh)
        (
            "Army shells hit the market of Wetlet on Sunday, killing four vendors, a week "
            "after a drone strike on a nearby school killed seven pupils, villagers said.",
            ("killed", 4),
        ),
        (
            "Police killed three gunmen near Garissa on Friday, two days after a roadside "
            "bomb wounded seven officers on the Dadaab road.",
            ("killed", 3),
        ),
        # a phrase of "after" whose act tells its toll in a relative clause (Zamfara)
        (
            "Bandits raided the cattle market at Gummi on Tuesday, killing six herders, "
            "less than a week after an attack on a nearby hamlet in which seven people "
            "died, the police said.",
            ("killed", 6),
        ),
        # "hours before", and one person as the other act's toll (Balochistan)
        (
            "Militants killed two police guards at a checkpoint in Kech, hours before a "
            "grenade killed a shopkeeper in Turbat.",
            ("killed", 2),
        ),
    ],
)
def test_an_earlier_toll_placing_the_story_s_act_in_time_is_no_count(records, text, kept) -> None:
    """The act a length of time away is named to place the sentence's own act, which has
    a toll of its own: its figure is the other act's, told on its own, and no count."""
    recs = records(text)
    assert kept in _event_counts(recs)
    assert [(c.kind, c.value) for c in recs.counts] == [kept]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the only toll of the sentence is the earlier act's: the sentence tells that act
        (
            "A week after an air strike killed 20 people in the village, families are still "
            "searching the rubble.",
            [("killed", 20)],
        ),
        # victims dying a length of time after an act are its own aftermath
        (
            "Two soldiers died in hospital two days after the ambush, which killed nine.",
            [("killed", 2), ("killed", 9)],
        ),
        # "after" with no length tells the act the retaliation answers
        (
            "Troops shelled the ridge, killing five fighters, after the attack in which 12 "
            "soldiers were killed.",
            [("killed", 5), ("killed", 12)],
        ),
    ],
)
def test_a_toll_after_a_length_of_time_stays_when_nothing_else_is_counted(
    records, text, expected
) -> None:
    recs = records(text)
    assert sorted((c.kind, c.value) for c in recs.counts) == sorted(expected)


def test_an_act_told_after_an_incident_keeps_that_incident_s_toll(records) -> None:
    recs = records(
        "Soldiers retaliated after the attack on the base in which 12 soldiers were killed."
    )
    assert ("killed", 12) in _event_counts(recs)


def test_since_opening_an_estimate_makes_its_figures_totals(records) -> None:
    """A "since" opening the estimate holds for the figures its complement reports."""
    recs = records(
        "Since the first raid on the district in March 2021, officials estimate that more "
        "than 120 civilians have lost their lives there, and that about 40,000 people have "
        "fled their homes."
    )
    assert sorted((s.counted, s.value) for s in recs.statistics) == [
        ("displaced", 40000),
        ("killed", 120),
    ]
    assert _event_counts(recs) == []


def test_since_a_day_opening_a_saying_keeps_the_count(records) -> None:
    """Since a day, it is the toll of an incident going on for days: still a count."""
    recs = records("Since Monday, officials said, 12 soldiers were killed in the town.")
    assert recs.statistics == ()
    assert ("killed", 12) in _event_counts(recs)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Raids on the valley in 2019 killed about 40 herders.", ("2019", "2019")),
        ("Fighting between the two militias in October 2022 killed 70 people.",
         ("2022-10", "2022-10")),
        ("In August 2023, rebels stormed a barracks near the lake, killing 25 soldiers.",
         ("2023-08", "2023-08")),
        ("Bandit raids killed more than 900 people across the state last year, the monitor "
         "said.", ("2023", "2023")),
    ],
)  # fmt: skip
def test_a_toll_of_a_month_or_year_long_past_is_history(records, text, period) -> None:
    """The story is published in May 2024: a toll dated half a year back or more, or in
    an earlier year, is its background, wherever the clause states the date."""
    recs = records(text)
    (stat,) = recs.statistics
    assert (stat.period_start, stat.period_end) == period
    assert _event_counts(recs) == []


def test_a_present_perfect_toll_of_this_year_runs_up_to_now(records) -> None:
    recs = records("Rights groups say at least 250 civilians have been killed in Rakhine "
                   "this year.")  # fmt: skip
    (stat,) = recs.statistics
    assert (stat.value, stat.period_start, stat.period_end) == (250, "2024", "2024")
    assert _event_counts(recs) == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # a month just past is still news: one attack told a few weeks on
        ("Jets bombed the market in April, killing 14 traders.", ("killed", 14)),
        # a day in the clause makes it an incident, whatever year it names
        ("Rebels killed nine soldiers on 3 March 2022 in the hills.", ("killed", 9)),
        # the past year dates another clause, not the one telling the toll
        ("In 2019 the rebels signed a truce, but on Monday they killed eight soldiers.",
         ("killed", 8)),
        ("Gunmen killed 12 villagers on Monday, a year after clashes in 2023 killed 30.",
         ("killed", 12)),
    ],
)  # fmt: skip
def test_a_past_year_elsewhere_or_a_recent_month_keeps_the_count(records, text, count) -> None:
    assert count in _event_counts(records(text))
