"""Days carried over to an event told with none of its own: the day an earlier sentence
of the paragraph gave ("On 6 May militants fired a rocket. It hit a house."), the day the
story's lead gives its act (:func:`story_day`), the publication day standing in
(:func:`publication_when`); and when nothing carries over: a sentence not told in the past
(:func:`told_in_past`), an act told as planned, supposed or denied (:func:`not_done`).
:func:`eventwire.extract.anchor.when_for` reads them in that order.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.extract.modality import modality_of
from eventwire.extract.timex import is_duration
from eventwire.extract.triggers import TRIGGER_POS, trigger_type
from eventwire.model import Timex, When

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Verbs that set one act after another: "the raid comes a week after jets bombed a school".
SEQUENCE_VERBS = frozenset({"come", "follow"})


def publication_when(ctx: DocContext) -> When | None:
    """The publication day standing in for an event's date; a publication date known only
    to the month or year says nothing about the event's day, so it stands in for nothing."""
    published = ctx.article.published
    if (
        published is None
        or len(published) < 10
        or ctx.article.published_precision
        in (
            "month",
            "year",
        )
    ):
        return None
    return When(ctx.article.published, "publication", text=None)


def paragraph_before(ctx: DocContext, sent: Span) -> tuple[int, int]:
    """(where the sentence's paragraph starts, where the sentence's text starts): the
    stretch an earlier date or place may carry over from."""
    text = ctx.view.sent_text(sent)  # made once per sentence (Span.text rebuilds it)
    start = sent.start_char + len(text) - len(text.lstrip())  # past a "\n\n" token
    return ctx.view.blank_line_before(start), start


def told_in_past(root: Token) -> bool:
    """A sentence in the simple past or pluperfect ("It hit a house", "were killed", "had
    fled") goes on with the story's day, as does the journalist's present of one act set
    after another ("The raid comes a week after ..."); the present and present perfect
    ("the province has sunk into disorder") speak of now."""
    auxes = {c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"has", "have", "is", "are", "am", "will", "'s", "'re"}:
        return False
    if root.tag_ == "VBZ" and root.lemma_.lower() in SEQUENCE_VERBS:
        return True  # "The latest raid comes a week after ...": the raid told, in the present
    return root.tag_ == "VBD" or bool(auxes & {"was", "were", "had"})


# the statuses of an act the text does not tell as done (see modality.modality_of)
NOT_DONE = frozenset({"future", "hypothetical", "negated"})


def not_done(token: Token) -> bool:
    """Whether the act at ``token`` is told as planned, supposed or denied ("they planned
    to hold talks", "troops could storm the town", "aid was not let in"): it happened on
    no day of the story, so a day an earlier sentence gave does not date it."""
    negated, modality = modality_of(token)
    return negated or modality in NOT_DONE


STORY_DAY_REACH = 7  # days before publication the lead's day may be: the story's own week


def story_day(
    ctx: DocContext,
    paragraph: int,
    saying: Callable[[], set[int]],
    dates_nothing: Callable[[Timex], bool],
    act_day: Callable[[Token], When | None],
) -> When | None:
    """The day the story's lead gives its act, standing in for the publication day for an
    act told in the past with no day of its own in a later paragraph: "Jets struck a
    market in the city on Monday. <new paragraph> Rescuers said a strike also hit a
    school." -- the school was hit that Monday, not on the day of publication. The lead is
    the first body paragraph, a dateline opening it or not (:func:`lead_paragraph`); its
    day is the day of its first violent act that states one (:func:`lead_act_day`), else
    the first day-precision time there that dates an act (not a deadline or a length),
    else the day its speaker told it ("..., the army said on Monday"), at most
    :data:`STORY_DAY_REACH` days before publication. Precision ``publication``, as the
    day it replaces: the act happened then or before. ``saying`` gives the starts of the
    times that date a speaker's saying, ``dates_nothing`` tells a deadline or a compared
    period, ``act_day`` dates an act's trigger (all from :mod:`eventwire.extract.anchor`)."""
    published = publication_when(ctx)
    if published is None:
        return None  # no day to compare
    lead = lead_paragraph(ctx)
    if lead is None or paragraph <= lead[0]:
        return None  # no lead, or the act is in the lead itself
    if ctx.story_day is None:
        ctx.story_day = (_lead_day(ctx, lead, published.value, saying, dates_nothing, act_day),)
    return ctx.story_day[0]


def lead_paragraph(ctx: DocContext) -> tuple[int, int] | None:
    """The story's lead: the first paragraph with body text. A dateline opening it
    ("PICHARI -- Troops ...", "GAROUA, 4 March -- Gunmen ...") is no body text, but the
    paragraph goes on with the lead's own words after it: the lead starts there."""
    dateline = ctx.view.zones.dateline
    for start, end in ctx.view.paragraphs:
        if dateline is not None and dateline[0] <= start < dateline[1] < end:
            start = dateline[1]  # the words after "GAROUA, 4 March -- "
        text = ctx.text[start:end]
        start += len(text) - len(text.lstrip())
        if start < end and ctx.view.zones.in_body(start):
            return start, end
    return None


def _lead_day(
    ctx: DocContext,
    lead: tuple[int, int],
    published: str | None,
    saying: Callable[[], set[int]],
    dates_nothing: Callable[[Timex], bool],
    act_day: Callable[[Token], When | None],
) -> When | None:
    """The story's day from its lead ``lead`` (see :func:`story_day`)."""
    if (acted := lead_act_day(ctx, lead, published, act_day)) is not None:
        return acted
    lead_start, lead_end = lead
    said = saying()
    days = [t for t in ctx.timexes if lead_start <= t.span.start < lead_end
            and t.when.precision == "day" and t.when.value and not is_duration(t.span.text)
            and in_story_week(t.when.value, published)
            and not dates_nothing(t)]  # fmt: skip
    # the act's day, else the day the lead's speaker told it (the act happened by then)
    day = next((t for t in days if t.span.start not in said), days[0] if days else None)
    return When(day.when.value, "publication", text=day.when.text) if day else None


def lead_act_day(
    ctx: DocContext,
    lead: tuple[int, int],
    published: str | None,
    act_day: Callable[[Token], When | None],
) -> When | None:
    """The day the lead gives its violent act, when it states one: the lead's first day
    may date something else the story is about -- a funeral, a saying, a visit -- while
    the act told beside it has its own ("Villagers on Monday buried the six soldiers
    killed in Saturday's ambush": the ambush, the story's act, was on Saturday). The
    first violent act of the lead, in text order, told as done and dated to a day of the
    story's week by its own clause or phrase (``act_day``, the day attached to its
    trigger or a day possessive of its noun); a saying's day or a publication day
    standing in for it is no day the act states. Precision ``publication``."""
    onto = ctx.resources.ontology
    lead_start, lead_end = lead
    for token in ctx.view.tokens:
        if token.idx < lead_start or token.pos_ not in TRIGGER_POS:
            continue
        if token.idx >= lead_end:
            break
        if trigger_type(token, onto) not in onto.violent_types or not_done(token):
            continue
        when = act_day(token)
        if (when is not None and when.precision == "day" and when.value
                and in_story_week(when.value, published)):  # fmt: skip
            return When(when.value, "publication", text=when.text)
    return None


def in_story_week(day: str, published: str | None) -> bool:
    """Whether ``day`` is the publication day or one of the week before it."""
    if published is None:
        return False
    try:
        gap = (date.fromisoformat(published[:10]) - date.fromisoformat(day[:10])).days
    except ValueError:
        return False
    return 0 <= gap <= STORY_DAY_REACH
