"""The timexes extractor on sentences we wrote, with a blank pipeline (no model)."""

from __future__ import annotations

import re

import pytest

from eventwire.extract.anchor import when_for
from eventwire.extract.context import DocContext, Resources
from eventwire.extract.dates import (
    day_first_text,
    extract_timexes,
    find_timexes,
    names_something,
    tense_at,
)
from eventwire.model import Article


def _run(blank_nlp, text: str, published: str | None = "2019-04-16") -> dict[str, tuple]:
    article = Article(id="a1", text=text, published=published)
    ctx = DocContext(article=article, doc=blank_nlp(text), resources=Resources())
    return {t.span.text: (t.when.value, t.when.precision) for t in extract_timexes(ctx)["timexes"]}


def test_weekday_month_and_relative_in_running_text(blank_nlp) -> None:
    found = _run(
        blank_nlp,
        "Forces shelled Derna on Sunday. Fighting began last July. The town fell 15 years ago.",
    )
    assert found == {
        "Sunday": ("2019-04-14", "day"),
        "last July": ("2018-07", "month"),
        "15 years ago": ("2004", "year"),
    }


def test_future_clause_picks_the_next_occurrence(blank_nlp) -> None:
    found = _run(blank_nlp, "The talks will resume in September.")
    assert found["September"] == ("2019-09", "month")
    assert _run(blank_nlp, "The talks resumed in September.")["September"] == ("2018-09", "month")


def test_later_is_counted_from_the_previous_date(blank_nlp) -> None:
    found = _run(blank_nlp, "Clashes erupted on April 2. Two days later the militia withdrew.")
    assert found["April 2"] == ("2019-04-02", "day")
    assert found["Two days later"] == ("2019-04-04", "day")


def test_next_day_and_that_day_count_from_the_story_date(blank_nlp) -> None:
    text = (
        "Gunmen attacked the village on 20 June. A boy died the next day. Police came that day. "
        "Earlier that day, a week or so ago, the army left."
    )
    found = _run(blank_nlp, text, published="2016")
    assert found == {
        "20 June": ("2016-06-20", "day"),
        "the next day": ("2016-06-21", "day"),
        "that day": ("2016-06-21", "day"),
        "Earlier that day": ("2016-06-21", "day"),
        "a week or so ago": (None, None),  # "ago" counts from publication: only 2016 known
    }
    assert _run(blank_nlp, "A boy died the next day.", published="2016") == {
        "the next day": (None, None)  # nothing to count from
    }


def test_span_offsets_point_into_the_text(blank_nlp) -> None:
    text = "He arrived in Tripoli on 4 April 2019 with his staff."
    article = Article(id="a1", text=text, published="2019-04-16")
    ctx = DocContext(article=article, doc=blank_nlp(text), resources=Resources())
    (timex,) = extract_timexes(ctx)["timexes"]
    assert text[timex.span.start : timex.span.end] == "4 April 2019"
    assert timex.evidence.sentence == text


def test_undated_article_keeps_relative_text_and_resolves_absolute(blank_nlp) -> None:
    found = _run(blank_nlp, "Fighting began last July and ended on May 16, 2018.", published=None)
    assert found == {"last July": (None, None), "May 16, 2018": ("2018-05-16", "day")}


def test_ranges(blank_nlp) -> None:
    found = _run(blank_nlp, "The war raged between 2014 and 2016.")
    assert found == {"between 2014 and 2016": ("2014", "year")}


def test_finder_finds_quarters_and_fiscal_years() -> None:
    text = "Exports fell in the third quarter of 2018 and in Q1 2019, as in fiscal 2017 and FY2016."
    found = [text[a:b] for a, b in find_timexes(text)]
    assert found == ["third quarter of 2018", "Q1 2019", "fiscal 2017", "FY2016"]


@pytest.mark.parametrize(
    "text",
    ["Haftar may attack the city.", "Troops march to the coast.", "Some 2000 fighters came."],
)
def test_finder_ignores_lookalikes(text: str) -> None:
    assert find_timexes(text) == []


@pytest.mark.slow
def test_with_the_model_the_parse_decides_the_tense(nlp) -> None:
    text = "Officials said the conference will open on Tuesday. The militia withdrew on Tuesday."
    article = Article(id="a1", text=text, published="2019-04-16")
    ctx = DocContext(article=article, doc=nlp(text), resources=Resources())
    values = [t.when.value for t in extract_timexes(ctx)["timexes"] if t.span.text == "Tuesday"]
    assert values == ["2019-04-23", "2019-04-16"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks are set to resume Monday.",
        "The league planned to hold a rally on Monday.",
        "A summit is scheduled for Monday.",
    ],
)
def test_without_a_parse_schedule_wording_makes_the_clause_future(blank_nlp, sentence: str) -> None:
    assert _run(blank_nlp, sentence)["Monday"] == ("2019-04-22", "day")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("The peace talks are set to resume on Monday in Belfast.", "future"),
        ("The team planned to leave the capital on Thursday.", "future"),
        ("The issue is expected to dominate a summit set for Washington in April.", "future"),
        ("On Tuesday, the league plans to hold a news conference.", "future"),
        ("Officials said they would vote on Friday.", "future"),
        ("The army is going to withdraw on Friday.", "future"),
        ("A memorial service planned for Saturday was cancelled.", "past"),
        ("On Tuesday, the league planned to hold a rally but it was banned.", "past"),
        ("Rebels attacked the town on Sunday.", "past"),
        ("He went to fight in Syria in March.", "past"),
        ("The storm will hit Haiti today and reach Florida early on Wednesday.", "future"),
        ("Rebels attacked the town and seized the base on Monday.", "past"),
    ],
)
def test_with_the_model_intent_and_schedule_verbs_look_ahead(
    nlp, sentence: str, tense: str
) -> None:
    first = re.search(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|April|March", sentence)
    assert first is not None
    assert tense_at(nlp(sentence), first.start()) == tense


def _dated_ctx(nlp, text: str, published: str | None) -> DocContext:
    precision = {4: "year", 7: "month"}.get(len(published or ""), "day")
    article = Article(id="a1", text=text, published=published, published_precision=precision)
    ctx = DocContext(article=article, doc=nlp(text), resources=Resources())
    ctx.put("timexes", extract_timexes(ctx)["timexes"])
    return ctx


def test_finder_keeps_weekday_with_month_day_and_finds_weekends(blank_nlp) -> None:
    found = _run(
        blank_nlp, "The paper said on Monday, April 8 that fighting eased over the weekend."
    )
    assert found == {
        "Monday, April 8": ("2019-04-08", "day"),
        "the weekend": ("2019-04-13", "week"),
    }


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Late last week, militiamen torched two villages near the lake.", "Late last week"),
        ("The convoy was ambushed early last week, officials said.", "early last week"),
        ("At the end of last week the rebels shelled the airport.", "the end of last week"),
    ],
)
def test_the_finder_keeps_the_part_of_a_week_it_is_told(blank_nlp, text, found) -> None:
    # the word naming the part of the week belongs to the expression: it moves the day
    (span,) = _run(blank_nlp, text)
    assert span == found


def test_dates_that_name_a_street_or_group_are_not_times(blank_nlp) -> None:
    text = "Shells hit the July 7 neighbourhood and 26 September Street on 2 April."
    assert _run(blank_nlp, text) == {"2 April": ("2019-04-02", "day")}
    veterans = "Veterans of the 1956 uprising marched."
    assert not names_something(veterans, veterans.index("1956"), veterans.index(" uprising"))


def test_a_year_only_publication_date_stands_in_for_no_event_date(blank_nlp) -> None:
    text = "Shelling hit homes in Derna. Talks went on."
    assert when_for(_dated_ctx(blank_nlp, text, "2019"), blank_nlp(text)[1]) is None
    dated = when_for(_dated_ctx(blank_nlp, text, "2019-04-16"), blank_nlp(text)[1])
    assert (dated.value, dated.precision) == ("2019-04-16", "publication")


@pytest.mark.slow
def test_an_unplaceable_clause_date_is_not_replaced_by_another_clauses(nlp) -> None:
    text = "Fighters were killed over the weekend near the town, which saw clashes on June 8."
    ctx = _dated_ctx(nlp, text, "2016")  # only the year: the weekend cannot be placed
    killed = next(t for t in ctx.doc if t.text == "killed")
    assert when_for(ctx, killed) is None
    ctx = _dated_ctx(nlp, text, "2016-06-20")
    assert (
        when_for(ctx, next(t for t in ctx.doc if t.text == "killed")).value == "2016-06-18"
    )  # the Saturday of that weekend


@pytest.mark.slow
def test_a_length_of_time_is_kept_but_does_not_date_the_event(nlp) -> None:
    text = "After two months of fighting, rebels captured the town on Sunday."
    ctx = _dated_ctx(nlp, text, "2019-04-16")
    assert {t.span.text: t.when.value for t in ctx.timexes} == {
        "two months": None,
        "Sunday": "2019-04-14",
    }
    captured = next(t for t in ctx.doc if t.text == "captured")
    assert when_for(ctx, captured).value == "2019-04-14"


def test_day_first_ranges_and_a_day_before_may_are_found() -> None:
    text = "Talks were moved to 18-19 March, then to 28 January - 2 February. He left on 9 May."
    assert [text[s:e] for s, e in find_timexes(text)] == [
        "18-19 March", "28 January - 2 February", "9 May"
    ]  # fmt: skip
    other = "They May go. Elections since May."
    assert [other[s:e] for s, e in find_timexes(other)] == ["May"]


def test_a_day_month_after_at_or_near_names_a_place() -> None:
    text = "Mortars hit houses at 14 October and near 6 April, not on 9 May."
    kept = [(s, e) for s, e in find_timexes(text) if not names_something(text, s, e)]
    assert [text[s:e] for s, e in kept] == ["9 May"]


def test_numeric_dates_read_in_the_texts_own_order(blank_nlp) -> None:
    day_first = "On 2 June 2018 the convoy left. It was stopped on 5/6/2018 near the border."
    assert _run(blank_nlp, day_first)["5/6/2018"] == ("2018-06-05", "day")
    month_first = "On June 2, 2018 the convoy left. It was stopped on 5/6/2018 near the border."
    assert _run(blank_nlp, month_first)["5/6/2018"] == ("2018-05-06", "day")
    assert day_first_text("Shops closed on 5/6/2018.") is None


def test_the_day_counts_from_the_story_date(blank_nlp) -> None:
    text = "Gunmen raided the market on 20 June. Shelling resumed later in the day."
    found = _run(blank_nlp, text, published="2016")
    assert found["later in the day"] == ("2016-06-20", "day")


def test_the_outlets_date_order_reads_numeric_dates_first(blank_nlp) -> None:
    from eventwire.config import Settings

    text = "On 2 June 2018 the convoy left. It was stopped on 5/6/2018 near the border."
    article = Article(id="a1", text=text, published="2018-06-10", source="Valley Courier")
    resources = Resources(Settings(outlet_date_order="valley courier=MDY"))
    ctx = DocContext(article=article, doc=blank_nlp(text), resources=resources)
    found = {t.span.text: t.when.value for t in extract_timexes(ctx)["timexes"]}
    assert found["5/6/2018"] == "2018-05-06"


def test_finder_finds_halves_of_a_year_but_not_of_a_match() -> None:
    text = "Sales rose in the first half of 2017 and in H2 2018. In the first half, Ajax led."
    assert [text[s:e] for s, e in find_timexes(text)] == ["first half of 2017", "H2 2018"]


def test_finder_finds_short_year_spans_and_iso_dates() -> None:
    text = "After the 1979-83 drought and the 2016/17 season, talks began on 2019-02-11."
    assert [text[s:e] for s, e in find_timexes(text)] == ["1979-83", "2016/17", "2019-02-11"]


def test_finder_reads_tokenised_dates_whole(blank_nlp) -> None:
    text = "Troops entered the town on Sunday , May 8 , 2016 after a siege ."
    assert [text[s:e] for s, e in find_timexes(text)] == ["Sunday , May 8 , 2016"]
    assert _run(blank_nlp, text)["Sunday , May 8 , 2016"] == ("2016-05-08", "day")


@pytest.mark.slow
def test_a_story_goes_on_in_the_day_it_gave_last_within_its_paragraph(nlp) -> None:
    text = "On 6 May 2020 militants fired a rocket at the base. It hit a house nearby."
    ctx = _dated_ctx(nlp, text, "2020")
    hit = next(t for t in ctx.doc if t.text == "hit")
    assert (when_for(ctx, hit).value, when_for(ctx, hit).precision) == ("2020-05-06", "day")
    text = "On 6 May 2020 militants fired a rocket at the base. So far, ten have been killed."
    ctx = _dated_ctx(nlp, text, "2020-05-09")
    killed = next(t for t in ctx.doc if t.text == "killed")
    assert when_for(ctx, killed).precision == "publication"  # a toll up to now
    text = "On 6 May 2020 militants fired a rocket at the base. The town has been tense."
    ctx = _dated_ctx(nlp, text, "2020-05-09")
    tense = next(t for t in ctx.doc if t.text == "been")
    assert when_for(ctx, tense).precision == "publication"  # the present speaks of now
    text = "On 6 May 2020 militants fired a rocket at the base.\n\nThe talks went on."
    ctx = _dated_ctx(nlp, text, "2020-05-09")
    went = next(t for t in ctx.doc if t.text == "went")
    assert when_for(ctx, went).precision == "publication"


@pytest.mark.slow
def test_idioms_with_a_time_word_name_no_time(nlp) -> None:
    text = "At the end of the day these groups back the rebels, and to this day they do, he said on Monday."
    ctx = DocContext(
        article=Article(id="a1", text=text, published="2019-04-16"),
        doc=nlp(text),
        resources=Resources(),
    )
    assert [t.span.text for t in extract_timexes(ctx)["timexes"]] == ["Monday"]
