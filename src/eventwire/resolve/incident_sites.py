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
violence (:func:`act_nouns`). Two reports that both name the site their act hit, and name
no site in common, tell two incidents (:func:`~eventwire.resolve.incidents.veto`).
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
        after = _after_trigger(em)
        left = SITE_REACH
        for word in _WORD.findall(after):
            if not word.isalpha() or word in _CLAUSE_ENDS:
                break
            if (site := _singular(word, nouns)) in nouns:
                found.add(site)
            left = SITE_REACH if _singular(word, acts) in acts else left - 1
            if not left:
                break
    return frozenset(found)


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
