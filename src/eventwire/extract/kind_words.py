"""What an article calls a body, read from the words around its one-word name.

A bare acronym or one-word name ("the KDP", "Congress") says little of what it names, and
its own words may mislead ("Congress" is also a legislature's name). The article often
says more, in two constructions read here:

* its members as a modifier: "<Name> MLA(s)", "<Name> MP(s)", "<Name> MLC(s)", "<Name>
  corporator(s)", possessive or not ("two KDP MPs", "the Congress's MLAs"): only a party
  has members elected under its name;
* its side of a house: "the ruling <Name>", "the opposition <Name>": a party, whether in
  power this week or not (the type is the body's, not its role);
* the noun "party" right after a name the tagger cut before it ("the samajwadi party",
  "the Velmar Party" tagged "Velmar"): the party's own name, which the noun completes.

The kind is kept as the mention's ``role`` ("party"), which resolution reads as the
unit's type before the name's words (:func:`eventwire.resolve.actor_units.unit_type`).
Names of several words keep the type their words give ("the ruling Unity Government").
"""

from __future__ import annotations

from typing import Any

PARTY_ROLE = "party"
# Members elected under a party's name: "<Name> MLAs" (no legislature writes its members so).
PARTY_MEMBER_NOUNS = frozenset(
    {"mla", "mlas", "mp", "mps", "mlc", "mlcs", "corporator", "corporators"}
)
HOUSE_SIDES = frozenset({"ruling", "opposition"})


def party_by_context(doc: Any, start: int, end: int) -> bool:
    """Whether the one-word name at tokens [start, end) is written with a party's members
    after it ("KDP MPs", "the Congress's MLAs") or a side of a house before it ("the
    ruling KDP", "the opposition Congress")."""
    i = end
    if i < len(doc) and doc[i].lower_ in ("'s", "’s"):
        i += 1
    if i < len(doc) and doc[i].lower_ in PARTY_MEMBER_NOUNS:
        return True
    return start > 0 and doc[start - 1].lower_ in HOUSE_SIDES


def mark_parties(doc: Any, cands: list[Any]) -> None:
    """Give the role "party" to one-word body names the article writes as a party's
    (:func:`party_by_context`): named, in no KB entry, tagged a body, with no role yet;
    and complete a name the tagger cut before "party" (:func:`party_noun_after`)."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    for c in cands:
        if party_noun_after(doc, c, taken):
            c.name = f"{c.name} {doc[c.end].text}"
            c.end += 1
            c.label = "ORG"
            taken.add(c.end - 1)
            continue
        if (
            c.group_hint is None
            and c.kb_id is None
            and c.role is None
            and c.label == "ORG"
            and " " not in c.name
            and party_by_context(doc, c.start, c.end)
        ):
            c.role = PARTY_ROLE


def party_noun_after(doc: Any, c: Any, taken: set[int]) -> bool:
    """Whether the noun "party" follows a named candidate the KB does not know, in no
    other candidate ("the samajwadi party" tagged "samajwadi", as a person or a body)."""
    return (
        c.group_hint is None
        and c.kb_id is None
        and c.role is None
        and c.label in ("ORG", "PERSON", "NORP")
        and c.end < len(doc)
        and doc[c.end].lower_ == "party"
        and c.end not in taken
        and not c.name.lower().endswith("party")
    )
