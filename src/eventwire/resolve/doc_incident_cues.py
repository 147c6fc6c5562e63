"""Cues in a mention's own words that the within-article incident rules read: a
determiner pointing back ("the attack"), one more of a kind ("a second air strike"), a
span of time opening another occurrence ("a week after"), a time of day with no day,
a distance off the story's own place ("about 40 km to the south"), and the date a
mention states itself (not the publication date it stands in with)."""

from __future__ import annotations

import re

from eventwire.extract.placerefs import NEAR_TOWN_KM, bearing_after
from eventwire.model import EventMention
from eventwire.text.calendar_words import WEEKDAY_NAMES

ANAPHOR_WORDS = frozenset({"the", "this", "these", "that", "those", "such"})
DAY_WORDS = frozenset({*WEEKDAY_NAMES, "yesterday", "today", "tonight", "weekend", "night"})


def _words_before(em: EventMention, n: int = 2) -> list[str]:
    offset = em.trigger.start - em.evidence.char_start
    head = em.evidence.sentence[: max(offset, 0)]
    # a typographic apostrophe is the same possessive: "Friday’s ambush"
    return head.lower().replace("\u2019", "'").replace("'s ", " 's ").split()[-n:]


# the tolls told where the victims were taken or died, not where the act was
_TAKEN_AWAY = ("wound", "injur", "hurt", "die", "dead", "evacuat")


def told_away(em: EventMention) -> bool:
    """Whether the sentence sets the act a distance off the story's own place, naming no
    reference point: "members of the battalion arrested three men in a camp in Teknaf,
    **about 40 km to the south**", "gunmen fired on two trucks near Mille, **some 140 km
    to the north**" (read as extraction reads it, :func:`bearing_after`). The place the
    distance is counted from is the one the story has told so far, so the act lies
    elsewhere, farther than a town's surroundings (``NEAR_TOWN_KM``). "20 km south of
    Arish" names its reference, and "about 10 km to the west" is still the town's
    surroundings: neither is this case. Read after the trigger only, so a clause before
    the act ("40 km to the north, the army said ...") is not its own. Nor is a toll of
    the wounded or the dead this case: the wounded are taken and die away from the act
    ("two other commandos were wounded and flown to Raipur, about 400 km to the north")."""
    if em.trigger.text.casefold().startswith(_TAKEN_AWAY) or em.lemma.casefold().startswith(
        _TAKEN_AWAY
    ):
        return False
    sentence = em.evidence.sentence
    start = max(em.trigger.start - em.evidence.char_start, 0)
    at = sentence.find(",", start)
    while at != -1:
        if (off := bearing_after(sentence[at:])) is not None and off.km > NEAR_TOWN_KM:
            return True
        at = sentence.find(",", at + 1)
    return False


def is_anaphoric(em: EventMention) -> bool:
    """An event noun a determiner or a day's possessive points back with: "the attack",
    "these shellings", "Saturday's blast", "Wednesday's drone strike" (the word before
    the trigger, or before its modifier); a day's possessive also before two modifiers,
    "Thursday's suicide car bombing", "Sunday’s deadly drone strike"."""
    words = _words_before(em, 4)
    for k in (len(words) - 1, len(words) - 2, len(words) - 3):
        if k < 0:
            continue
        w = words[k]
        if w in ANAPHOR_WORDS and k >= len(words) - 2:
            return True
        if w == "'s" and k > 0 and words[k - 1] in DAY_WORDS:
            return True
    return False


ANOTHER_WORDS = frozenset({"another", "second", "third", "fourth", "fresh", "new", "renewed",
                           "further", "separate", "later", "subsequent"})  # fmt: skip


# a sentence opened by a discourse marker of a distinct occurrence tells a new one:
# "Separately, a rocket hit a school", "In a separate incident, ...", "Elsewhere, ..."
SEPARATE_OPENERS = ("separately", "in a separate ", "elsewhere")


def is_another(em: EventMention) -> bool:
    """An event noun marked as one more of its kind: "another attack", "a second air
    strike", "the third explosion", "a fresh round of shelling" (a word before the trigger,
    or before its modifier), or told in a sentence opened by "Separately", "In a separate
    incident" or "Elsewhere"."""
    opening = em.evidence.sentence.lstrip(" \"'“").lower()
    if opening.startswith(SEPARATE_OPENERS):
        return True
    return any(w in ANOTHER_WORDS for w in _words_before(em, 3)[-2:])


# "<a span of time> after/before" opens a clause or phrase about another occurrence:
# "shelled the town on Monday, a week after jets bombed its clinic", "stormed the
# hideout on Wednesday, a day after a mine tore through a patrol", "days before gunmen
# stormed the camp". Plain "after" ("opened fire after protesters threw stones") does not.


_SPAN_OF_TIME = re.compile(
    r"\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a few"
    r"|some|just|only)\s+)?(?:hours?|days?|nights?|weeks?|fortnight|months?|years?)\s+"
    r"(?:after|before|since)\b",
    re.IGNORECASE,
)


def retold_between(first: EventMention, later: EventMention) -> bool:
    """Whether the text of their sentence between two acts' triggers opens an earlier or
    later occurrence with a span of time ("..., a day after ...", see ``_SPAN_OF_TIME``):
    the act after it is not a consequence of the first."""
    start = first.evidence.char_start
    between = first.evidence.sentence[first.trigger.end - start : later.trigger.start - start]
    return bool(_SPAN_OF_TIME.search(between))


def own_date(em: EventMention) -> str | None:
    """The date a mention states itself (a day, a month "since February"), not the
    publication date an undated clause defaults to, nor the day a time of day alone was
    read as (:func:`is_clock_time`)."""
    if em.when is None or em.when.precision == "publication" or is_clock_time(em.when.text):
        return None
    return em.when.calendar


# a time of day with no day: "at about 10 p.m.", "shortly before 11pm", "at 0300 GMT",
# "around midnight"
_CLOCK = re.compile(
    r"(?:(?:at|about|around|shortly|just|before|after|some|approximately|nearly|until|"
    r"by)\s+)*(?:\d{1,2}:\d{2}|\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\.?|\d{3,4}\s*(?:h|hrs|hours"
    r"|gmt|utc))(?:\s*(?:gmt|utc|local\s+time))?|(?:(?:at|about|around|shortly|just|before|"
    r"after)\s+)*(?:midnight|noon|midday)"
)


def is_clock_time(text: str | None) -> bool:
    """Whether a date phrase names only a time of day ("10 p.m.", "shortly before
    midnight"): the later sentence telling the hour of an act already dated ("The
    raiders came back shortly after 10 p.m. and fired at the shops") states no day of its own,
    though extraction reads the hour as a day (the day of publication, or the day the
    sentences before it gave), so it still retells the act rather than opening an
    incident of its own."""
    return bool(text) and _CLOCK.fullmatch(" ".join((text or "").casefold().split())) is not None


def published_day(em: EventMention) -> str | None:
    """The publication day an undated mention stands in with, if it carries one."""
    return em.when.calendar if em.when and em.when.precision == "publication" else None
