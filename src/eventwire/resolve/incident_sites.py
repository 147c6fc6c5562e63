"""The site an act of violence hit, as its own words name it: what tells two strikes on one
town on one day apart.

"A jet bombed the main **market** in Lashio" and "an air strike destroyed a **monastery**
on the edge of Lashio" are two strikes, whatever their day, town and (unnamed) doer share;
"shelled a crowded **market**" and "a rocket attack on a **market**" may be one. A report's
sites are the site nouns (the ontology's ``site_nouns``, read from the versioned data file
``knowledge/data/incident_sites.toml``) in the phrase its act hit: the words after a
violent trigger up to the end of its clause, at most :data:`SITE_REACH` words ("bombed the
main market", "slammed into the vegetable market", "an attack on a school"), never where
the wounded were taken or died, or who spoke ("taken to the town's hospital", "two of the
wounded died at the district hospital" are no second clause of the act's). A consequence
told before the act's noun ("were killed in Monday's air strike on a crowded market")
reads the act's phrase from that noun on: the reach starts again at each act noun of
violence (:func:`act_nouns`). An act told by its noun as the subject of its consequence
("the **shelling of a market** in the town last Thursday, which **killed** ten", "Sunday's
**attack on a checkpoint** left four dead") reads the act's phrase from that noun too
(:func:`_subject_act`). Two reports that both name the site their act hit, and name no site
in common, tell two incidents (:func:`~eventwire.resolve.incidents.veto`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventwire.knowledge.ontology import Ontology
from eventwire.model import EventMention

SITE_REACH = 7  # words after the trigger
# a clause of the act ends at these words ("..., killing six", "when", "as", "after")
_CLAUSE_ENDS = frozenset({"killing", "wounding", "injuring", "leaving", "when", "as", "after",
                          "while", "and", "but", "before", "which", "who", "said", "says",
                          # what the victims did or underwent after the act: where they
                          # died or were treated is no site it hit
                          "died", "succumbed", "taken", "rushed", "treated", "admitted",
                          "evacuated"})  # fmt: skip
_WORD = re.compile(r"[a-z]+|[,;:.!?\"“”()]")
# a trigger that tells what an act did to people, not the act: its subject may be the act
_CONSEQUENCES = ("kill", "wound", "injur", "left", "leav", "claim", "maim", "dead", "die")
# the words that make an act noun's phrase an object of its own (what the act hit)
_AIMED = frozenset({"on", "of", "against", "at"})
# an adjunct naming another act, before or after which this one came ("after the shelling
# of the market, gunmen killed four"): its noun is no subject of the consequence
_OTHER_ACT = frozenset({"after", "since", "before", "following", "despite", "like", "unlike",
                        "than", "amid", "during"})  # fmt: skip
_AGENT = re.compile(r"\bby(?:\s+the)?\s*$", re.IGNORECASE)  # "by (the)" before a doer's name
_SUBJECT_REACH = 18  # words between the act noun and its consequence
# words that stand between an act noun and a consequence that is not its own: another
# statement (";"), another act's adjunct, or the consequence's own doer or weapon
_SUBJECT_STOPS = _OTHER_ACT | frozenset({
    ";", ":", "bomb", "bombs", "shell", "shells", "rocket", "rockets", "missile", "missiles",
    "drone", "drones", "mortar", "mortars", "grenade", "grenades", "gunmen", "soldiers",
    "troops", "fighters", "militants", "police",
})  # fmt: skip


def _singular(word: str, nouns: frozenset[str]) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in nouns else word


def act_nouns(onto: Ontology) -> frozenset[str]:
    """The one-word nouns of violent acts (attack, strike, bombardment, shelling...), from
    the ontology's violent types."""
    return frozenset(
        noun for name in onto.violent_types for noun in onto.types[name].nouns if noun.isalpha()
    )


def sites_hit(
    members: Iterable[EventMention],
    violent: frozenset[str],
    nouns: frozenset[str],
    acts: frozenset[str] = frozenset(),
) -> frozenset[str]:
    """The site nouns (``nouns``: :attr:`Ontology.site_nouns`) the violent acts among
    ``members`` name as what they hit (see the module docstring); ``acts``
    (:func:`act_nouns`) are the nouns of acts at which the reach starts again."""
    found: set[str] = set()
    for em in members:
        if em.type not in violent:
            continue
        found |= _read_sites(_WORD.findall(_after_trigger(em)), nouns, acts)
        if acts and (subject := _subject_act(em, acts)):
            found |= _read_sites(subject, nouns, acts)
    return frozenset(found)


def _read_sites(words: list[str], nouns: frozenset[str], acts: frozenset[str]) -> set[str]:
    """The site nouns among ``words`` (folded, from the act's trigger or noun on), read up
    to the end of the act's clause and at most :data:`SITE_REACH` words, starting again at
    each act noun."""
    found: set[str] = set()
    left = SITE_REACH
    for word in words:
        if not word.isalpha() or word in _CLAUSE_ENDS:
            break
        if (site := _singular(word, nouns)) in nouns:
            found.add(site)
        left = SITE_REACH if _singular(word, acts) in acts else left - 1
        if not left:
            break
    return found


def _subject_act(em: EventMention, acts: frozenset[str]) -> list[str]:
    """The words after the act noun that is the subject of a consequence trigger, from
    that noun's object on, or [] when there is none. Construction: an act told by its noun
    with what it hit as its object ("the shelling **of** a market", "an air strike **on** a
    school", "the attack **against** a convoy"), then what it did to people as the
    sentence's verb or in a relative clause ("..., which killed ten", "left four dead",
    "wounded 20"). The noun is the last act noun before the trigger whose next word is one
    of :data:`_AIMED`; one inside an adjunct naming another act ("after the shelling of
    the market, gunmen killed four") or cut from the trigger by a semicolon is not its
    subject."""
    trigger = em.trigger.text.casefold()
    if not (trigger.startswith(_CONSEQUENCES) or em.lemma.casefold().startswith(_CONSEQUENCES)):
        return []
    ev = em.evidence
    before = ev.sentence[: max(em.trigger.start - ev.char_start, 0)]
    doer = em.source
    if doer is not None and doer.end <= em.trigger.start:
        # the doer in an agent phrase after the act noun ("an air strike by the Front on
        # a school killed six"): its name is no part of the act's phrase
        start, end = doer.start - ev.char_start, doer.end - ev.char_start
        agent = _AGENT.search(before[:start]) if 0 <= start < end <= len(before) else None
        if agent is not None:
            before = before[: agent.start()] + before[end:]
    words = _WORD.findall(before.casefold())
    for at in range(len(words) - 1, max(len(words) - 1 - _SUBJECT_REACH, 0) - 1, -1):
        word = words[at]
        if word in _SUBJECT_STOPS:
            return []  # another statement, another act, or another doer or weapon
        if _singular(word, acts) not in acts:
            continue
        if at + 1 >= len(words) or words[at + 1] not in _AIMED:
            return []  # the nearest act noun names nothing it hit
        # the noun's own stretch of the sentence, back to its clause's start
        start = max((n + 1 for n in range(at) if not words[n].isalpha()), default=0)
        if any(w in _OTHER_ACT for w in words[start:at]):
            return []
        return words[at + 1 :]
    return []


def _after_trigger(em: EventMention) -> str:
    """The words of the act's sentence after its trigger, folded, without its doer's name
    when the doer comes after the trigger in an agent phrase ("shells **fired** by the
    Rapid Support Forces crashed into the **market**"): a long name is no part of what the
    act hit, and counted as words it left the site out of reach."""
    ev = em.evidence
    start = max(em.trigger.end - ev.char_start, 0)
    after = ev.sentence[start:]
    doer = em.source
    if doer is not None and doer.start >= em.trigger.end:
        at, end = doer.start - ev.char_start - start, doer.end - ev.char_start - start
        before = after[:at].casefold().split() if 0 <= at < end <= len(after) else []
        if before[-1:] == ["by"] or before[-2:] == ["by", "the"]:
            after = after[:at] + after[end:]
    return after.casefold()
