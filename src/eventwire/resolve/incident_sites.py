"""The site an act of violence hit, as its own words name it: what tells two strikes on one
town on one day apart.

"A jet bombed the main **market** in Lashio" and "an air strike destroyed a **monastery**
on the edge of Lashio" are two strikes, whatever their day, town and (unnamed) doer share;
"shelled a crowded **market**" and "a rocket attack on a **market**" may be one. A report's
sites are the site nouns (the ontology's ``site_nouns``, read from the versioned data file
``knowledge/data/incident_sites.toml``) in the phrase its act hit: the words after a
violent trigger up to the end of its clause, at most :data:`SITE_REACH` words ("bombed the
main market", "slammed into the vegetable market", "an attack on a school"), never where
the wounded were taken or who spoke ("taken to the town's hospital" is no second clause of
the act's). Two reports that both name the site their act hit, and name no site in common,
tell two incidents (:func:`~eventwire.resolve.incidents.veto`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventwire.model import EventMention

SITE_REACH = 7  # words after the trigger
# a clause of the act ends at these words ("..., killing six", "when", "as", "after")
_CLAUSE_ENDS = frozenset({"killing", "wounding", "injuring", "leaving", "when", "as", "after",
                          "while", "and", "but", "before", "which", "who", "said", "says"})  # fmt: skip
_WORD = re.compile(r"[a-z]+|[,;:.!?\"“”()]")


def _singular(word: str, nouns: frozenset[str]) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in nouns else word


def sites_hit(
    members: Iterable[EventMention], violent: frozenset[str], nouns: frozenset[str]
) -> frozenset[str]:
    """The site nouns (``nouns``: :attr:`Ontology.site_nouns`) the violent acts among
    ``members`` name as what they hit (see the module docstring)."""
    found: set[str] = set()
    for em in members:
        if em.type not in violent:
            continue
        ev = em.evidence
        after = ev.sentence[max(em.trigger.end - ev.char_start, 0) :].casefold()
        for word in _WORD.findall(after)[:SITE_REACH]:
            if not word.isalpha() or word in _CLAUSE_ENDS:
                break
            if (site := _singular(word, nouns)) in nouns:
                found.add(site)
    return frozenset(found)
