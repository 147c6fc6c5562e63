"""One article's figure for an incident: the toll it leads with, not the highest it prints;
a later figure is added to it only when the text tells it as more people ("three other",
"two more")."""

from __future__ import annotations

from eventwire.model import Count, EventMention, Evidence, Span
from eventwire.resolve.incident_counts import best_counts, is_addition, report_figures, told_figures

ARTICLE = """\
Gunmen ambushed a supply convoy near Tarkwa on Monday, killing six drivers and wounding nine. \
The Red Hills Front said its fighters had killed 20 soldiers, a figure the army disputed. \
Three other drivers were wounded, a hospital said. \
Four of the dead were brothers from one village."""


def _count(
    figure: str, value: int, kind: str = "killed", update: str | None = None, text: str = ARTICLE
) -> Count:
    at = text.index(figure)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    ev = Evidence("a", text[start:end], start, end)
    return Count(kind, value, None, figure, ev, Span(at, at + len(figure), figure), update=update)


LEAD_KILLED = _count("six drivers", 6)
LEAD_WOUNDED = _count("wounding nine", 9, "wounded")
CLAIM = _count("20 soldiers", 20)
OTHERS = _count("Three other drivers", 3, "wounded")
PART = _count("Four of the dead", 4)


def _values(counts: list[Count]) -> dict[str, int]:
    return {kind: value for kind, (_c, value, _u) in told_figures(counts).items()}


def test_a_sides_claim_lower_down_is_not_the_articles_figure() -> None:
    # the group's "20 soldiers" is higher than the lead's six, but it is a claim the
    # article prints after its own toll: before, the highest figure (20) was the article's
    assert _values([LEAD_KILLED, CLAIM]) == {"killed": 6}
    assert _values([CLAIM, LEAD_KILLED]) == {"killed": 6}  # order-free


def test_a_part_of_the_dead_is_not_added_and_not_the_figure() -> None:
    assert _values([LEAD_KILLED, PART]) == {"killed": 6}


def test_a_figure_told_as_other_people_is_added_to_the_lead() -> None:
    assert is_addition(OTHERS) and not is_addition(LEAD_WOUNDED)
    assert _values([LEAD_KILLED, LEAD_WOUNDED, OTHERS, CLAIM, PART]) == {
        "killed": 6,
        "wounded": 12,
    }


def test_an_addition_with_no_lead_of_its_kind_is_the_figure() -> None:
    # "killing six ... Three other drivers were wounded": no wounded figure before it
    assert _values([LEAD_KILLED, OTHERS]) == {"killed": 6, "wounded": 3}


def test_more_marked_by_extraction_is_added_but_more_than_is_not() -> None:
    text = (
        "More than 40 people were killed when jets bombed the depot at Sefa on Friday. "
        "Rescuers found five more bodies on Saturday."
    )
    lead = _count("More than 40 people", 40, text=text)
    more = _count("five more bodies", 5, update="more", text=text)
    assert not is_addition(lead)
    assert _values([lead, more]) == {"killed": 45}


def test_a_risen_toll_is_the_figure_whatever_was_told_first() -> None:
    text = (
        "A car bomb killed eight people at a checkpoint in Dalen on Sunday. "
        "Officials said 11 were killed. The toll later rose to 14, a doctor said."
    )
    first = _count("eight people", 8, text=text)
    plain = _count("11 were killed", 11, text=text)
    risen = _count("14", 14, update="total", text=text)
    told = told_figures([first, plain, risen])
    assert told["killed"][1:] == (14, True)


def test_one_count_carried_by_several_mentions_is_read_once() -> None:
    assert _values([OTHERS, OTHERS, LEAD_WOUNDED, LEAD_WOUNDED]) == {"wounded": 12}


def test_an_incidents_figure_across_reports_is_never_a_sum() -> None:
    # two articles' lead figures disagree: the incident keeps one, with the range
    ev = LEAD_KILLED.evidence
    em = EventMention("a", "ASSAULT", Span(8, 16, "ambushed"), ev, counts=(LEAD_KILLED, CLAIM))
    other = _count("eight", 8, text="Gunmen killed eight drivers near Tarkwa on Monday.")
    em2 = EventMention("b", "ASSAULT", Span(7, 13, "killed"), other.evidence, counts=(other,))
    figures = report_figures([em]) + report_figures([em2])
    counts, low, high, _ = best_counts(figures)
    assert counts == {"killed": 6} and low == {"killed": 6} and high == {"killed": 8}


def test_a_figure_of_people_already_known_does_not_lead() -> None:
    # a feature opens on "the two brothers" and gives the toll in its second sentence
    text = (
        "Mourners met the coffins of the two brothers killed in the bus bombing at Kessa. "
        "Nine people died in the bombing, among them four pupils."
    )
    known = _count("two brothers", 2, text=text)
    toll = _count("Nine people", 9, text=text)
    assert _values([known, toll]) == {"killed": 9}
    assert _values([known]) == {"killed": 2}  # the only figure still counts
