"""Reports that tell a period or a campaign, not one occurrence: they join no other article.

An article incident that states no day may still be a retelling of one act ("shells hit
the market of Zarin", published the next day): the town and the other report's day are the
join's evidence (:mod:`~eventwire.resolve.incident_undated`). But on real reports of a war
most such reports tell no single occurrence at all. Each of their acts is told

* over a **period**: "raids on the valley's villages **for weeks**", "gains **over the
  last two weeks**", "clashes **since March**", "**three months of** protests", "rallies
  **through the week**", "**in recent days**", "fighting **has been going on**";
* as **ongoing or habitual**: "troops **continue to** pound the hills", "the militia **keeps
  attacking**", "**on days when** convoys are shelled", "shelling **every night**";
* as **not yet done** (a plan, a threat, a purpose): "troops are **preparing** an assault",
  "the army **vowed to** storm the town", "police **tried to** detain the organisers", or
  with a modality extraction read as not asserted (future, hypothetical, conditional);
* as a **campaign noun** that names no single act: "the **crackdown**", "the **violence**",
  "the **unrest**", "the **war**", "the **insurgency**".

Such a report carries the town it names, so "the same town, one of them dated" joined it
to whatever act the town saw that week, and one record held a week's background and a real
attack. A report whose every act is told so (:func:`tells_a_period`) joins no report of
another article (:func:`period_veto`) and is filed in no block. One act told once is enough
to keep the report joinable: "the militia seized the ridge on Saturday, and its gunners
still pound the farms below" still tells the seizure. A report that states its own day is
never this case: the day is an occurrence's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Protocol

from eventwire.model import EventMention
from eventwire.resolve.incident_hours import act_clause
from eventwire.text.calendar_words import MONTH_NAMES

# a stretch of time an act is told over ("for weeks", "since March", "in recent days")
_UNITS = r"(?:days|weeks|months|years|nights)"
_MONTHS = "(?:" + "|".join(MONTH_NAMES) + ")"
_PERIOD = re.compile(
    rf"\bfor (?:several |many |two |three |four |five |six |some )?{_UNITS}\b"
    rf"|\bfor (?:the )?(?:past|last) (?:\w+ )?(?:{_UNITS}|week|month|year)\b"
    rf"|\bsince (?:{_MONTHS}|last (?:week|month|year)|the (?:start|beginning|outbreak)|"
    r"early|late|mid|\d{4})\b"
    rf"|\b(?:over|in|during|throughout|through) the (?:past|last|previous|coming) "
    rf"(?:\w+ )?(?:{_UNITS}|week|month|year)\b"
    r"|\bthrough(?:out)? the (?:week|month|year)\b"
    rf"|\bin recent {_UNITS}\b|\brecent {_UNITS}\b"
    rf"|\b(?:\w+ )?{_UNITS} of\b"
    r"|\bhas been going on\b|\bhave been going on\b|\bongoing\b"
    r"|\bevery (?:day|night|week|morning)\b|\bdaily\b|\bnightly\b|\bon days when\b"
    r"|\brepeatedly\b|\bday after day\b|\bnight after night\b"
)
# words just before the trigger that tell it as ongoing, habitual or not yet done
# ("continue to shell", "continue to be killed", "massing for an attack", "will storm")
_NOT_DONE_BEFORE = re.compile(
    r"\b(?:continu(?:e|es|ed|ing)|keep|keeps|kept|still|preparing|planning|massing|will|"
    r"would|could|might|may|fears?|risk|avert|prevent|stop|halt|end)"
    r"(?: to| for(?: an| a| the)?)?(?: be| being)?\W*$"
)
# a verb of intent or demand and its "to", earlier in the sentence: the acts after it are
# what someone means, promises or demands to do ("promised to lift the curfew, disband the
# militia and free the captives", "set the militia a deadline to withdraw")
_INTENT = re.compile(
    r"\b(?:pledg(?:e|es|ed|ing)|vow(?:s|ed|ing)?|promis(?:e|es|ed|ing)|agre(?:e|es|ed)|"
    r"threaten(?:s|ed|ing)?|plan(?:s|ned|ning)?|prepar(?:e|es|ed|ing)|aim(?:s|ed|ing)?|"
    r"seek(?:s|ing)?|sought|want(?:s|ed)?|tr(?:y|ies|ied|ying)|attempt(?:s|ed|ing)?|"
    r"urg(?:e|es|ed|ing)|call(?:s|ed|ing)? on|demand(?:s|ed|ing)?|deadline|order(?:s|ed)?|"
    r"in order|so as) (?:[\w'\u2019-]+ ){0,4}?to\b"
)
_INTENT_WORDS = 10  # words read before the trigger for ``_INTENT``
# a noun that names a campaign or a state of affairs, never one act
CAMPAIGN_NOUNS = frozenset({
    "crackdown", "crackdowns", "violence", "unrest", "repression", "campaign",
    "bloodshed", "uprising", "insurgency", "war", "conflict", "hostilities", "turmoil",
    "revolt", "rebellion", "civil war", "oppression",
})  # fmt: skip
_BEFORE_WORDS = 4  # words read before the trigger for ``_NOT_DONE_BEFORE``
# the words either side of the trigger, in its clause, where its period is told
_NEAR_BEFORE, _NEAR_AFTER = 10, 8
# modalities (``extract.modality``) of an act not done: "alleged" and "reported" acts are
# still told as done
_NOT_DONE_MODALITIES = frozenset({"hypothetical", "future"})


class _Told(Protocol):
    """What the rule reads of a report (:class:`~eventwire.resolve.incidents.Report`)."""

    @property
    def period(self) -> bool: ...


def _words_before(em: EventMention, n: int) -> str:
    """The last ``n`` words of the trigger's sentence before it, folded."""
    ev = em.evidence
    start = max(em.trigger.start - ev.char_start, 0)
    return " ".join(ev.sentence[:start].casefold().split()[-n:])


def told_over_a_period(em: EventMention) -> bool:
    """Whether one mention tells its act over a period, as ongoing or habitual, as not yet
    done, or by a campaign noun (see the module docstring)."""
    if em.modality in _NOT_DONE_MODALITIES:
        return True
    if " ".join(em.trigger.text.casefold().split()) in CAMPAIGN_NOUNS:
        return True
    if _NOT_DONE_BEFORE.search(_words_before(em, _BEFORE_WORDS)):
        return True
    if _INTENT.search(_words_before(em, _INTENT_WORDS)):
        return True
    return bool(_PERIOD.search(_near(em)))


def _near(em: EventMention) -> str:
    """The words of the act's clause near its trigger (``_NEAR_BEFORE`` before it,
    ``_NEAR_AFTER`` after), folded, and its date phrase with the two words before it
    ("through the week"): another act's period in the same clause ("opened its push on the
    hill villages in early May and the clashes around them have gone on for weeks": the
    push is one act) is not its own."""
    sentence = em.evidence.sentence
    at = max(em.trigger.start - em.evidence.char_start, 0)
    clause = act_clause(em)
    offset = sentence.find(clause)
    if offset < 0 or not offset <= at <= offset + len(clause):
        offset, clause = 0, sentence
    head, tail = clause[: at - offset].split(), clause[at - offset :].split()
    words = head[-_NEAR_BEFORE:] + tail[: _NEAR_AFTER + 1]
    near = " ".join(words).casefold()
    said = (em.when.text or "").casefold() if em.when else ""
    if said and (found := sentence.casefold().find(said)) >= 0:
        near += " | " + " ".join([*sentence[:found].casefold().split()[-2:], said])
    return near


def tells_a_period(day: str | None, members: Iterable[EventMention]) -> bool:
    """Whether a report with no day of its own tells no single occurrence: every one of its
    mentions tells a period, a campaign, a habit or a plan (:func:`told_over_a_period`)."""
    if day:
        return False
    told = list(members)
    return bool(told) and all(told_over_a_period(em) for em in told)


class _Dated(Protocol):
    """What :func:`outside_period_veto` reads of a report."""

    @property
    def day(self) -> str | None: ...

    @property
    def undated(self) -> bool: ...

    def window(self) -> tuple[int, int] | None: ...


def outside_period_veto(a: _Dated, b: _Dated) -> str | None:
    """Why a report dated only by the week, weekend or month it states and a report of a
    day outside that span are two occurrences, else None: "rockets fell on the northern
    quarter over the weekend" (its week) and "jets struck the militia's
    positions on Monday" (the next day). The one day of slack two reports of one act get
    (a late-night act read as the next day) is for two days, each read from a clock; a
    span the text states has its own ends, and an act on the day after it is not within
    it. An undated report (its window the week before publication) and two stated spans
    are not this rule's."""
    for span, other in ((a, b), (b, a)):
        if span.day or span.undated or not other.day:
            continue
        window = span.window()
        day = date.fromisoformat(other.day).toordinal()
        if window is not None and not window[0] <= day <= window[1]:
            return "a day outside the span the other states"
    return None


def period_veto(a: _Told, b: _Told) -> str | None:
    """Why two reports of two articles are not one incident because one of them tells a
    period or a campaign rather than one occurrence, else None."""
    if a.period or b.period:
        return "a report of a period or a campaign, no single occurrence"
    return None
