"""Issue 13 item 6: the event's own date, not the date something was said (our sentences)."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_document
from eventwire.model import Article

pytestmark = pytest.mark.slow

PUBLISHED = "2024-05-15"  # a Wednesday


@pytest.fixture(scope="module")
def dates(nlp, resources):
    def _dates(text: str) -> dict[str, tuple[str | None, str | None]]:
        article = Article(id="d", text=text, published=PUBLISHED, published_precision="day")
        records = extract_document(article, nlp(text), resources)
        return {
            e.trigger.text: (e.when.value if e.when else None, e.when.precision if e.when else None)
            for e in records.events
        }

    return _dates


def test_reporting_verb_date_does_not_date_the_event(dates) -> None:
    # "said on Tuesday" dates the saying: the shelling took place on a day not given, so
    # the saying's day only stands in for it, as a publication day would
    found = dates("Shelling killed five people in the market, a medic said on Tuesday.")
    assert found["killed"] == ("2024-05-14", "publication")


def test_reporting_verb_date_is_not_carried_to_a_later_undated_sentence(dates) -> None:
    text = (
        "The governor said on Monday that the roads were open. "
        "Militiamen shelled the outskirts of the town."
    )
    assert dates(text)["shelled"] == (PUBLISHED, "publication")


def test_the_event_keeps_its_own_date_beside_a_reporting_date(dates) -> None:
    found = dates("Rebels attacked the garrison on Sunday, the army said on Tuesday.")
    assert found["attacked"] == ("2024-05-12", "day")


def test_possessive_date_dates_the_event_noun(dates) -> None:
    found = dates("Monday's attack also wounded 20 people, officials said on Wednesday.")
    # the noun and the verb it is the subject of are one act (extract.subject_acts)
    assert found == {"attack": ("2024-05-13", "day")}


def test_prepositional_date_on_the_event_noun(dates) -> None:
    found = dates("The commander's visit on March 3rd angered the rebels.")
    assert found["visit"] == ("2024-03-03", "day")


def test_month_modifying_the_event_noun(dates) -> None:
    found = dates("The June offensive drove the militia out of the valley.")
    assert found["offensive"][1] == "month"
    assert found["offensive"][0].endswith("-06")


def test_relative_clause_saying_when_the_event_took_place(dates) -> None:
    found = dates("The attack, which took place on Sunday, killed three soldiers.")
    assert found == {"attack": ("2024-05-12", "day")}


def test_a_statement_keeps_the_date_it_was_made(dates) -> None:
    found = dates("The ministry accused the rebels on Tuesday of shelling the camp.")
    assert found["accused"] == ("2024-05-14", "day")


def test_a_date_opening_the_sentence_frames_what_is_told(dates) -> None:
    found = dates("On 3 May, the army said that rebels had shelled the garrison.")
    assert found["shelled"] == ("2024-05-03", "day")


def test_a_passive_report_dates_the_event_reported(dates) -> None:
    found = dates("Heavy shelling was reported in the northern district on 1 May.")
    assert found["shelling"] == ("2024-05-01", "day")


def test_a_clause_hanging_from_the_event_noun_keeps_its_own_date(dates) -> None:
    text = (
        "On 8 May, residents held a vigil protesting the execution of a teacher arrested "
        "two years ago."
    )
    assert dates(text)["vigil"] == ("2024-05-08", "day")


# --- deixis in what was said counts from the saying (PUBLISHED is Wednesday 15 May)


def test_yesterday_inside_a_quote_counts_from_the_day_it_was_said(dates) -> None:
    text = '"Rebels shelled our village yesterday morning," the mayor said on Monday.'
    assert dates(text)["shelled"] == ("2024-05-12", "day")
    # undated saying: the quote counts from publication, as before
    assert dates('"Rebels shelled our village yesterday," the mayor said.')["shelled"] == (
        "2024-05-14",
        "day",
    )


def test_a_quote_over_several_sentences_counts_from_the_day_it_was_said(dates) -> None:
    text = ('The mayor said on Monday: "They came at dawn. Yesterday they burned the '
            'market."')  # fmt: skip
    assert dates(text)["burned"] == ("2024-05-12", "day")
    text = ('"They came at dawn. Yesterday they burned the market," the mayor said on '
            "Monday.")  # fmt: skip
    assert dates(text)["burned"] == ("2024-05-12", "day")


def test_today_in_a_statement_dated_before_publication_is_the_statements_day(dates) -> None:
    text = "In a Thursday statement, the group said its fighters had fired rockets today."
    assert dates(text)["fired"] == ("2024-05-09", "day")


def test_yesterday_in_a_reported_clause_counts_from_the_saying(dates) -> None:
    found = dates("The ministry said on Monday that rebels had attacked the town yesterday.")
    assert found["attacked"] == ("2024-05-12", "day")
    found = dates("In a statement on Monday, the army said it had shelled the depot yesterday.")
    assert found["shelled"] == ("2024-05-12", "day")


def test_yesterday_in_the_clause_a_speaker_comments_on(dates) -> None:
    # "P, X said on Monday": P is what was said, whichever way the parser hangs it
    found = dates("Shelling killed five people yesterday, a medic said on Monday.")
    assert found["killed"] == ("2024-05-12", "day")
    found = dates("Rebels attacked the town yesterday, the governor said on Monday.")
    assert found["attacked"] == ("2024-05-12", "day")


def test_a_time_counted_from_an_undated_moment_gives_no_day(dates) -> None:
    # "two days after the vote" is not two days after the day the article was printed
    found = dates("Two days after the vote, gunmen attacked a polling station.")
    assert found["attacked"] == (PUBLISHED, "publication")
    # with a day told before, it counts from that day
    found = dates("The vote was held on 5 May. Two days later, gunmen attacked a polling station.")
    assert found["attacked"] == ("2024-05-07", "day")


def test_a_possessive_week_dates_the_event_noun(dates) -> None:
    found = dates("Last week's strike on the depot killed four soldiers.")
    assert found["strike"] == ("2024-W19", "week")


def test_overnight_keeps_the_day_of_the_clause_it_is_joined_to(dates) -> None:
    found = dates("Fighting began overnight and went on into Monday around the port.")
    assert found["Fighting"] == ("2024-05-13", "day")
    # alone, "overnight" names no day: the publication day stands in
    found = dates("Rebels shelled the town overnight, killing three people.")
    assert found["shelled"] == (PUBLISHED, "publication")


def _timex_values(text: str, nlp, resources) -> dict[str, str | None]:
    article = Article(id="d", text=text, published=PUBLISHED, published_precision="day")
    records = extract_document(article, nlp(text), resources)
    return {t.span.text: t.when.value for t in records.timexes}


def test_a_deadline_lies_ahead_and_dates_no_event(dates, nlp, resources) -> None:
    # "gave them until Thursday to leave": the coming Thursday, and the
    # ultimatum was not given on it
    text = "The army gave the rebels until Friday to leave the town."
    assert _timex_values(text, nlp, resources)["Friday"] == "2024-05-17"
    text = (
        'A note from the council gave the gunmen until 6 p.m. on Thursday "to hand over the road".'
    )
    assert _timex_values(text, nlp, resources)["Thursday"] == "2024-05-16"
    assert dates(text)["hand"] == (PUBLISHED, "publication")
    # "until" on a verb that is no granting is the end of what happened
    assert dates("The fighting continued until Monday.")["fighting"] == ("2024-05-13", "day")


def test_a_date_on_a_granting_verb_after_another_clause_is_read(dates) -> None:
    # the word before "on Monday" belongs to the first clause: reading back from it to
    # the granting verb must stop at that clause's root
    found = dates("Fighting ended, and on Monday the army gave the rebels a week to leave.")
    assert found["Fighting"] == ("2024-05-13", "day")


def test_a_relative_clause_of_time_on_a_date_dates_its_own_act(dates) -> None:
    # "since March, when ...": the clause tells what happened in March, whatever the day
    # of the main clause's noun
    found = dates(
        "Tuesday's raid was the worst in the town since March, when a car bomb at the "
        "market killed nine people."
    )
    assert found["raid"] == ("2024-05-14", "day")
    assert found["bomb"] == ("2024-03", "month")
    assert dates("Rebels last entered the valley in 2019, when they burned the mill.")[
        "burned"
    ] == ("2019", "year")


def test_a_when_clause_on_a_verb_keeps_the_sentence_date(dates) -> None:
    # "were killed on Sunday when gunmen attacked": a clause of the same moment, on a verb
    found = dates("Five villagers were killed on Sunday when gunmen attacked the farms.")
    assert found["attacked"] == ("2024-05-12", "day")


def test_a_relative_clause_on_an_event_noun_takes_the_noun_s_date(dates) -> None:
    # the killing told in "which ... said killed 12" is the raid's, dated by the lead's
    # possessive day, even from a later paragraph whose sentence is not in the past
    text = (
        "The army said on Sunday that two gunmen were among those killed in Thursday's raid "
        "on a farm near the river.\n\n"
        "The army did not say how many people had died in the raid, which the local council "
        "said killed 12."
    )
    found = dates(text)
    assert found["raid"] == ("2024-05-09", "day")
    assert found["killed"] == ("2024-05-09", "day")


def test_a_relative_clause_on_an_undated_noun_takes_nothing_from_it(dates) -> None:
    # "an ambush" with no date of its own: the killing keeps the day standing in
    found = dates("Officials said on Tuesday that an ambush, which killed four, was planned.")
    assert found["killed"][1] == "publication"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a time right after "said", before the subject of what was said, is the saying's
        # even when the parse hangs it on the reported verb
        (
            "Police said on Wednesday they had detained nine men in the port on Sunday "
            "over the riot.",
            "detained",
            ("2024-05-12", "day"),
        ),
        (
            "The governor said on Tuesday troops had retaken the ridge.",
            "retaken",
            ("2024-05-14", "publication"),
        ),
        # a time opening the sentence is still a frame for what is told
        ("On Sunday, police said, gunmen raided the depot.", "raided", ("2024-05-12", "day")),
    ],
)
def test_a_time_between_said_and_what_was_said_dates_the_saying(
    dates, text, trigger, expected
) -> None:
    assert dates(text)[trigger] == expected


@pytest.mark.slow
def test_a_time_after_that_is_inside_what_was_said(dates) -> None:
    found = dates("The monitor reported that on Sunday, jets struck two villages near the dam.")
    assert found["struck"] == ("2024-05-12", "day")


@pytest.mark.parametrize(
    "text",
    [
        # the toll counts the dead of the act the wounded were hurt in, not of the day
        # the last of them died (Wednesday 15 May: Sunday the 12th, Tuesday the 14th)
        "A ranger wounded in Sunday's raid on the camp died on Tuesday, bringing the number "
        "killed to six, the park said.",
        "A constable wounded in Sunday's ambush died in hospital on Tuesday night, raising "
        "the number of policemen killed in the ambush to four.",
    ],
)
def test_a_toll_raised_by_a_later_death_is_dated_by_the_act(dates, text) -> None:
    assert dates(text)["killed"] == ("2024-05-12", "day")


def test_people_wounded_in_an_act_told_before_take_its_day(dates) -> None:
    text = (
        "The shelling of the camp on Sunday night killed two children. A boy wounded in "
        "the shelling died on Tuesday. Six other people were wounded in the shelling, a "
        "nurse said."
    )
    assert dates(text)["wounded"] == ("2024-05-12", "day")


def test_the_wounding_keeps_a_day_of_its_own(dates) -> None:
    # refused: the clause dates the wounding itself, whatever the act was dated before
    text = "Rebels shelled the town on Sunday. Four people were wounded in the shelling on Monday."
    assert dates(text)["wounded"] == ("2024-05-13", "day")


def test_a_later_death_outside_a_toll_keeps_its_own_day(dates) -> None:
    # refused: no toll, no wounding "in" an act: the death is Tuesday's
    found = dates("A soldier died in hospital on Tuesday after the ambush, the army said.")
    assert found.get("died", ("2024-05-14", "day")) == ("2024-05-14", "day")
