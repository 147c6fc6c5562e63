"""The article's one armed group: a plain description of armed people stands for it.

A story about one armed group often goes on naming it by what its people are, with a kind
noun the text never gave the group: "the Kivu Front, a rebel group, ... soldiers later
killed five fighters", "Fighters of the Mabanga militia attacked ... the army has since
fought the militia", "the Ashur Brigade raided the village ... the militants withdrew". The
description rules of :mod:`~eventwire.extract.descriptions` need the kind ("the rebels" for a
group described as rebels); when no group was described with that kind, a plain description
of armed people stands for the one armed group the article named before it:

* a plural noun of armed people, bare, counted or definite: "fighters", "five
  militants", "the rebels", "the insurgents" (:data:`ARMED_PEOPLE`);
* a definite collective in the singular: "the group", "the militia", "the faction";

whose own words name nothing and set it apart from that group: no name, nationality,
possessive or other modifier ("Kurdish fighters", "rival militants", "pro-government
militias", "its fighters", "local militias" are someone else's or told otherwise), and no
complement of its own ("fighters of the X", "militants from Y", "fighters loyal to Z").

The one armed group: the names before the description of the KB's armed groups and of the
groups the text describes as armed ("X, a rebel group", "the X militia"); a shorter name
inside a longer one ("Mabanga ... the Mabanga militia") is the same body. With two such
groups named before it, or none, or when a group is the other side of the description's
own clause ("the Front attacked the militants": not the Front; "Hamas hides fighters": its
own, and so no other group's either), it stands for nobody.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from eventwire.extract.description_kinds import ARMED_KINDS, GANG_KINDS, definite
from eventwire.extract.namephrases import Cand
from eventwire.text.names import plain_key

# Plural nouns of a group's armed people: "fighters", "the rebels", "five militants".
ARMED_PEOPLE = frozenset({"fighter", "militant", "rebel", "insurgent", "jihadist", "guerrilla",
                          "militiaman", "separatist", "combatant"})  # fmt: skip
# Collective nouns of an armed group, definite and singular: "the group", "the militia".
GROUP_NOUNS = frozenset({"group", "militia", "faction"})
# Kinds any armed group's description may be ("fighters", "the group"); the others
# ("the rebels", "the militia") are not a group the text described with another of them.
GENERIC_KINDS = frozenset({"fighter", "combatant", "group"})
SPECIFIC_KINDS = (ARMED_KINDS | GANG_KINDS) - GENERIC_KINDS - {"organisation", "organization"}
# Kind words that make a described body armed: any kind of armed group but the bare
# "group", which a civil society group is too, unless "armed" says so ("an armed group").
ARMED = "armed"
ARMED_WORDS = (ARMED_KINDS - {"group"}) | GANG_KINDS
# Modifiers that tell armed people apart from nobody: "armed men", "suspected militants".
PLAIN_MODIFIERS = frozenset({"armed", "suspected", "alleged", "islamist", "jihadist"})
PLAIN_DETERMINERS = frozenset({"the", "this", "these", "those"})
# Words after the noun that make it somebody's own: "fighters loyal to Z", "rebels backed
# by W" (an adjective or participle after it), "militants, members of Y"; and the
# prepositions that do: "fighters of X", "militants from Y", "rebels with ties to Z".
OWN_COMPLEMENT_DEPS = frozenset({"amod", "acl", "appos", "poss"})
OWN_PREPS = frozenset({"of", "from", "with", "under", "in", "for", "belonging", "linked"})
# KB types of an armed group.
ARMED_GROUP_TYPES = frozenset({"armed_group"})


def plain_description(tok: Any) -> int | None:
    """Where a plain description of armed people or of an armed group starts ("five
    fighters", "the rebels", "the militia"), else None (see the module docstring)."""
    lemma = tok.lemma_.lower()
    if tok.dep_ in ("compound", "amod", "nmod") or not (tok.text.islower() or tok.is_sent_start):
        return None  # "militia leaders", "rebel positions": a modifier, not a side
    if lemma in GROUP_NOUNS:
        if tok.tag_ != "NN" or definite(tok) is None:
            return None
    elif lemma not in ARMED_PEOPLE or tok.tag_ != "NNS":
        return None
    start = tok.i
    for child in tok.children:
        if child.i > tok.i:
            if child.dep_ in OWN_COMPLEMENT_DEPS or (
                child.dep_ == "prep" and child.lower_ in OWN_PREPS
            ):
                return None
            continue
        if child.dep_ == "det" and child.lower_ in PLAIN_DETERMINERS:
            start = min(start, child.i)
        elif child.dep_ == "nummod" and child.like_num:
            start = min(start, child.left_edge.i)
        elif child.dep_ in ("amod", "compound") and child.lower_ in PLAIN_MODIFIERS:
            start = min(start, child.i)
        else:
            return None  # "Kurdish fighters", "rival militants", "its fighters", "some rebels"
    return start


def armed_groups(
    described: Iterable[tuple[int, Cand, frozenset[str]]],
    named: Iterable[Cand],
    called_armed: set[int],
    forces: set[int],
) -> list[tuple[int, Cand, frozenset[str] | None]]:
    """The article's named bodies that may be armed groups, where each is named, with the
    kind nouns the text gave it: those the text describes with an armed group's (or a
    gang's) kind noun, those the text calls armed (``called_armed``: "X, an armed group")
    and those the KB types as armed groups. A body only called "a group"
    ("a civil society group") and an organisation the KB does not know ("the Ruzizi
    Brigade") may be one (kinds None), so that a description beside them stands for nobody.
    A state's forces (``forces``: where they are named) are no armed group's rival: "the
    fighters" of a story of one group and the army are the group's."""
    found: list[tuple[int, Cand, frozenset[str] | None]] = [
        (
            s,
            c,
            kinds
            if kinds & ARMED_WORDS or c.start in called_armed or c.kb_type in ARMED_GROUP_TYPES
            else None,
        )  # fmt: skip
        for s, c, kinds in described
        if kinds & (ARMED_KINDS | GANG_KINDS)
    ]
    armed = {c.start for _s, c, _k in found}
    found += [(c.start, c, frozenset()) for c in named
              if c.kb_type in ARMED_GROUP_TYPES and c.start not in armed]  # fmt: skip
    armed = {c.start for _s, c, _k in found}
    found += [(c.start, c, None) for c in named
              if c.kb_type is None and c.label == "ORG" and c.start not in armed]  # fmt: skip
    return [(s, c, kinds) for s, c, kinds in found if c.start not in forces]


def groups_before(
    groups: list[tuple[int, Cand, frozenset[str] | None]], tok: Any
) -> dict[str, tuple[Cand, bool]]:
    """The bodies of :func:`armed_groups` named before ``tok``, keyed by their plain names,
    each with whether ``tok`` may stand for it: a known armed group the text gave no other
    kind of armed people ("a rebel group" is not what "the militants" are; "fighters" and
    "the group" are any armed group's). Two names of one KB entry, and an acronym in
    brackets after a name ("the Baloch Liberation Army (BLA)"), are one body."""
    lemma = tok.lemma_.lower()
    generic = lemma in GENERIC_KINDS
    found: dict[str, tuple[Cand, bool]] = {}
    alias: dict[str, str] = {}  # a plain name -> the plain name of its body's first name
    named = [(c, kinds) for s, c, kinds in sorted(groups, key=lambda g: g[0]) if s < tok.i]
    for c, kinds in named:
        key = plain_key(c.name)
        same = next((other for other, _k in named if other is not c and _one_name(tok.doc, c, other)),
                    None)  # fmt: skip
        if same is not None:
            alias.setdefault(key, alias.get(plain_key(same.name), plain_key(same.name)))
        key = alias.get(key, key)
        may = kinds is not None and (generic or not (kinds & SPECIFIC_KINDS))
        if key in found:
            may = may or found[key][1]
            c = found[key][0]
        found[key] = (c, may)
    return found


def _one_name(doc: Any, name: Cand, other: Cand) -> bool:
    """``name`` is another name of ``other``'s body, written after it: the same KB entry, or
    an acronym in brackets right after it ("the Baloch Liberation Army (BLA)")."""
    if name.start < other.start:
        return False
    if name.kb_id is not None and name.kb_id == other.kb_id:
        return True
    return name.start >= 1 and doc[name.start - 1].text == "(" and other.end == name.start - 1


def one_group(groups: dict[str, tuple[Cand, bool]]) -> Cand | None:
    """The one body among names keyed by :func:`plain_key` (see :func:`one_named_body`), when a
    description may stand for it; two bodies, none, or one it may not stand for: None."""
    body = one_named_body(list(groups))
    if body is None:
        return None
    members = [k for k in groups if set(k.split()) <= set(body.split())]
    return groups[body][0] if all(groups[k][1] for k in members) else None


def one_named_body(keys: list[str]) -> str | None:
    """The one body among plain names: a name whose words are all in another's
    ("mabanga", "mabanga militia") is that other; two bodies or none: None."""
    words = {k: set(k.split()) for k in keys}
    longest = [k for k in keys if not any(o != k and words[k] < words[o] for o in keys)]
    return longest[0] if len(longest) == 1 else None


def own_side_acts(tok: Any, group: Cand) -> bool:
    """The description is the object of a verb whose subject may be ``group`` itself told
    by a pronoun or as someone's own people ("its forces killed five militants", "the
    Front said they attacked the rebels"), so it is not read as that group. A pronoun
    whose speaker is someone else is that speaker's ("the army said it fought the
    militia", "the army denied that its troops killed five fighters")."""
    if tok.dep_ not in ("dobj", "pobj", "nsubjpass"):
        return False
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children)
    if subject.pos_ != "PRON" and not owned:
        return False
    speaker = None
    if verb.dep_ == "ccomp":
        speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return (
        speaker is None
        or speaker.pos_ not in ("NOUN", "PROPN")
        or group.start <= speaker.i < group.end
        or speaker.lemma_.lower() in GROUP_NOUNS | ARMED_PEOPLE
    )
