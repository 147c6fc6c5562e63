"""The qualifiers an event carries, read off its roles and its clause.

The kind of group filling a role (``state``, ``armed``, ``civilian``, ``protesters``:
:func:`_kind_of`), a target that is civilians' property or a place, the fillers' own
qualifiers (``forces``), and the clause's weapon (``means_<weapon>``), protest cues and
``embedded`` (:func:`_clause_qualifiers`); :func:`_words` gives the words, lemmas and
word pairs these readings look up in the ontology.

Split out of :mod:`eventwire.extract.events` so that module holds the extractor's flow;
the rules are unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.actorspans import Filler, MentionIndex
from eventwire.knowledge.ontology import Ontology
from eventwire.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def _clause_qualifiers(
    token: Token,
    sent: SpacySpan,
    etype: str,
    onto: Ontology,
    trigger_tokens: set[int],
    targets: list[Span],
) -> tuple[str, ...]:
    """Weapon, protest cues and embedding of a trigger, read off its clause (in ``sent``)."""
    quals: list[str] = []
    # the clause's words are read only for the types that carry a weapon
    if etype in onto.violent_types and (means := onto.means_of(_clause_words(token, targets))):
        quals.append(f"means_{means}")
    if etype == "PROTEST":
        quals += onto.protest_cues(_words(sent))
    cur = token
    while cur.head.i != cur.i:
        # Under another trigger, or describing a noun ("families whose children were
        # kidnapped", "people killed in the war"): background, not the text's event.
        if (
            (cur.dep_ != "conj" and cur.head.i in trigger_tokens)
            or cur.dep_ in ("relcl", "acl")
            or (
                cur.dep_
                == "ccomp"  # "reiterated its demand that Israel ease...": the demand's content
                and any(c.dep_ == "dobj" and c.i in trigger_tokens for c in cur.head.children)
            )
        ):
            quals.append("embedded")
            break
        cur = cur.head
    return tuple(quals)


def _clause_words(token: Token, targets: list[Span]) -> list[str]:
    """Words of the trigger's own phrase, of the phrase it modifies ("artillery targeting")
    and of its verb's subject ("the air force carried out six raids"), not those of its
    targets' names ("shot a member of the Air Force Intelligence")."""
    toks = list(token.subtree)
    head = token.head
    if token.dep_ in ("acl", "relcl", "advcl", "pobj", "dobj", "nsubj", "nsubjpass", "compound"):
        toks += [head, *head.children]
        if head.dep_ == "prep":  # "used poison gas in an attack"
            toks += [
                head.head,
                *(t for c in head.head.children if c.dep_ == "dobj" for t in c.subtree),
            ]
        if token.dep_ == "dobj" and (
            subj := next((c for c in head.children if c.dep_ == "nsubj"), None)
        ):
            toks += list(subj.subtree)
    toks = [t for t in toks if not any(sp.start <= t.idx < sp.end for sp in targets)]
    return _words(toks)


def _words(tokens) -> list[str]:  # noqa: ANN001
    """Lower-cased words, lemmas and two-word phrases of a token sequence."""
    toks = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    words = [w for t in toks for w in (t.lower_, t.lemma_.lower())]
    pairs = [(a, b) for a, b in zip(toks, toks[1:], strict=False) if b.i == a.i + 1]
    words += [f"{a.lemma_.lower()} {b.lemma_.lower()}" for a, b in pairs]
    words += [f"{a.lower_} {b.lower_}" for a, b in pairs]
    return words


def _kind_of(filler: Filler | None, index: MentionIndex, onto: Ontology) -> str | None:
    """``state``, ``armed``, ``civilian``, ``protesters``: what kind of group fills a role."""
    if filler is None:
        return None
    words = filler.span.text.lower().split()
    kind = (len(words) > 1 and onto.actor_kind(" ".join(words[-2:]))) or onto.actor_kind(words[-1])
    if not kind:
        mention = index.mention(filler.span)
        if mention is not None and mention.group.startswith("group:people:"):
            kind = "civilian"  # "Palestinians", "thousands of Kenyans": a nation's people
        elif mention is not None and mention.group.startswith("aff:"):
            # "Egyptian officials", "Turkish forces", "Moscow" act for a state; a plural
            # demonym alone ("Palestinians") names people of a nation, not "Israeli" (jets).
            bare = mention.label == "NORP" and len(words) == 1 and words[0].endswith("s")
            kind = "civilian" if bare else "state"
        elif mention is not None and mention.label == "GPE":
            # a country (or its capital) filling an actor's role is its state: "Russia
            # attacked Ukrainian cities", "Moscow shelled the port" (a place in running text
            # is no actor mention at all)
            kind = "state"
    return kind or None


def _civilian(token: Token | None, onto: Ontology) -> bool:
    """A target that is civilians' property or place ("a civilian car", "the camp", "his home")."""
    if token is None:
        return False
    mods = [c.lemma_ for c in token.children if c.dep_ in ("amod", "compound")]
    if onto.is_civilian_target([token.lemma_, token.lower_, *mods]):
        return True
    # A person named by what they do ("a student member of X", "a qat seller", "a sheikh")
    # or one or a few people of a nation ("a Palestinian", "two Syrians").
    if any(onto.actor_kind(w) == "civilian" for w in (token.lemma_, token.lower_, *mods)):
        return True
    counted = any(c.dep_ in ("det", "nummod") and c.lower_ not in ("the", "this", "that")
                  for c in token.children)  # fmt: skip
    return token.ent_type_ == "NORP" and token.pos_ in ("NOUN", "PROPN") and counted


def _place(token: Token | None, onto: Ontology) -> bool:
    """A target that is a place: a place noun or a named location ("areas", "Hays city")."""
    if token is None:
        return False
    return token.ent_type_ in ("GPE", "LOC", "FAC") or onto.is_place([token.lemma_])


def _named_place(filler: Filler, index: MentionIndex) -> bool:
    """A role filled by a place's name ("fired at Al Mina"): a place, not an opponent."""
    mention = index.mention(filler.span)
    return mention is not None and mention.label in ("GPE", "LOC", "FAC")


def _qualifiers(src: Filler | None, tgt: Filler | None) -> tuple[str, ...]:
    quals = []
    if src and src.qualifiers:
        quals += [f"source_{q}" if q != "forces" else "forces" for q in src.qualifiers]
    if tgt and tgt.qualifiers:
        quals += [f"target_{q}" for q in tgt.qualifiers]
    return tuple(dict.fromkeys(quals))
