"""Stance modifiers: a side and a relation told inside one noun phrase.

English often states who backs or opposes whom with a modifier of the noun naming one of
the sides, not with a verb:

* a stance prefix: "pro-Karlov demonstrators" (the demonstrators back Karlov), "the
  pro-Zarnian Orlo Front" (the Front backs Zarnia), "anti-Front militias" (the militias
  fight the Front: an armed noun's stance against a side is a fight), "anti-Karlov
  activists" (they oppose Karlov); "pro-government" and "anti-government" stand for the
  article's one government (:func:`article_government`);
* a hyphenated participle of backing or alliance: "Zarnian-backed separatists" (Zarnia
  backs them), "Velmar-allied militias", "Front-aligned fighters" (allies), when the
  noun names a group of people the mention pass made an actor (a named group or a
  group noun is read by :mod:`~eventwire.extract.relations` already: "the A-backed Y");
* an act led by someone: "a Velmar-led offensive against X", "the Orlo-led raids"
  (Velmar, the Orlo Front do them: :func:`leader_of_act`); an act against someone:
  "anti-Karlov protests" (aimed at Karlov: :func:`stance_of_act`).

Near misses stand for nobody: a stance on a thing or an idea ("anti-aircraft guns",
"anti-corruption laws", "anti-war marchers"), a hyphenated place, maker or base ("a
Velm-based spokesman", "Zarnian-made rifles"), and a led act with no group to do it
("Zarnian-led talks" are talks, their leader a side only of a sided act).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from eventwire.extract.actorspans import ADDED_LABEL, Filler
from eventwire.extract.bodies import GOVERNMENT_NOUNS
from eventwire.model import Mention, Span
from eventwire.text.names import plain_key

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.extract.actorspans import MentionIndex
    from eventwire.extract.context import DocContext
    from eventwire.knowledge.words import RelationWords

# The two stance prefixes and the relation each states with the named side.
STANCE_PREFIXES = {"pro": "support", "anti": "oppose"}
# Hyphenated participles (lemmas) stating a relation of the one named before the hyphen
# with the group the noun names: "Zarnian-backed separatists", "Front-aligned fighters".
HYPHEN_RELATIONS = {"back": "support", "support": "support", "fund": "support",
                    "finance": "support", "arm": "support", "sponsor": "support",
                    "equip": "support", "ally": "ally", "align": "ally", "affiliate": "ally",
                    "link": "ally"}  # fmt: skip
# Nouns of armed people: their stance against a side is a fight ("anti-Front militias").
ARMED_NOUNS = frozenset({"fighter", "militia", "militiaman", "rebel", "force", "insurgent",
                         "guerrilla", "gunman", "troop", "soldier", "brigade", "paramilitary",
                         "militant", "jihadist", "separatist", "unit", "army"})  # fmt: skip
# Nouns of people or groups a stance or a hyphenated backer may qualify.
PEOPLE_NOUNS = ARMED_NOUNS | {"protester", "demonstrator", "activist", "supporter", "loyalist",
                              "member", "politician", "candidate", "thug", "crowd", "group",
                              "faction", "party", "camp", "bloc", "movement", "coalition",
                              "alliance", "government", "tribe", "tribesman", "lawmaker",
                              "official", "student", "youth", "mob", "marcher", "leader",
                              "organisation", "organization", "council", "administration"}  # fmt: skip


class StanceStatement(NamedTuple):
    """The holder stands in the relation to the other; ``named`` is whichever of the two
    the modifier names (X of "pro-X", "X-backed"), the other being the noun."""

    type: str
    holder: Token
    other: Token
    named: Token


def stance_statements(tok: Token, words: RelationWords) -> Iterator[StanceStatement]:
    """The relation a stance modifier at ``tok`` states (see the module docstring):
    "pro-X N" -> N supports X; "anti-X N" -> N opposes X (armed people fight it);
    "X-backed N" -> X supports N, for a noun of people the relation reader does not
    read already."""
    if (side := prefixed_side(tok)) is not None:
        noun = tok.head
        if not _names_people(noun):
            return
        rtype = STANCE_PREFIXES[tok.lower_]
        if rtype == "oppose" and noun.lemma_.lower() in ARMED_NOUNS:
            rtype = "fight"  # "anti-Front militias" fight the Front
        yield StanceStatement(rtype, noun, side, side)
        return
    if (agent := hyphen_agent(tok, HYPHEN_RELATIONS)) is None:
        return
    noun = tok.head
    read_already = (
        noun.pos_ == "PROPN" or noun.lemma_.lower() in words.group_nouns
    ) and tok.lemma_.lower() in words.describing_verbs  # "the A-backed Y" (relations.py)
    if not read_already and _names_people(noun):
        yield StanceStatement(HYPHEN_RELATIONS[tok.lemma_.lower()], agent, noun, agent)


def prefixed_side(tok: Token) -> Token | None:
    """The side a stance prefix at ``tok`` names: "pro - X N" (three tokens, all hung on
    the noun N) -> X; None for anything else ("pro-rata", a prefix hung elsewhere)."""
    if tok.lower_ not in STANCE_PREFIXES or tok.i + 2 >= len(tok.doc):
        return None
    dash, side = tok.nbor(1), tok.nbor(2)
    noun = tok.head
    if dash.text != "-" or noun.i <= side.i or side.head.i != noun.i:
        return None
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return side


def hyphen_agent(tok: Token, participles: dict[str, str] | frozenset[str]) -> Token | None:
    """The word before the hyphen of a hyphenated participle modifying a noun: "Zarnian -
    backed separatists" -> Zarnian (None when ``tok`` is no such participle)."""
    if tok.tag_ != "VBN" or tok.dep_ not in ("amod", "compound") or tok.i < 2:
        return None
    if tok.lemma_.lower() not in participles or tok.nbor(-1).text != "-":
        return None
    agent = tok.nbor(-2)
    if agent.head.i != tok.i or tok.head.i <= tok.i:
        return None
    return agent


def leader_of_act(trigger: Token) -> Token | None:
    """Who leads an act named by a noun: "a Velmar-led offensive", "the Orlo-led raids"
    (the word before the hyphen of "led" modifying the act's noun)."""
    if trigger.pos_ != "NOUN":
        return None
    for child in trigger.children:
        if child.i < trigger.i and (agent := hyphen_agent(child, frozenset({"lead"}))):
            return agent
    for child in trigger.children:  # "a Velmar-led air campaign": through "air"
        if child.dep_ == "compound" and child.i < trigger.i:
            for word in child.children:
                if word.i < child.i and (agent := hyphen_agent(word, frozenset({"lead"}))):
                    return agent
    return None


def stance_of_act(trigger: Token) -> Token | None:
    """Whom an act named by a noun is against, by its stance prefix: "anti-Karlov
    protests", "anti-government marches" (Karlov, the government)."""
    if trigger.pos_ != "NOUN":
        return None
    for child in trigger.children:
        if child.lower_ == "anti" and prefixed_side(child) is not None:
            return child.nbor(2)
    return None


def _names_people(noun: Token) -> bool:
    """A noun naming a group of people or a named group ("demonstrators", "militia
    members", "the Orlo Front"), not a thing ("pro-government newspapers")."""
    if noun.pos_ == "PROPN":
        return True
    return noun.lemma_.lower() in PEOPLE_NOUNS


def side_filler(ctx: DocContext, index: MentionIndex, side: Token) -> Filler | None:
    """The actor a stance names: for "government" (also "regime", "administration") the
    article's one government (:func:`article_government`), else the side's own mention,
    even inside a longer name ("pro-Karlov", "Zarnian-backed"; a demonym's state,
    "pro-Zarnian"), else a capitalised side the article names elsewhere or the KB knows
    ("pro-Karlov" after "President Ivo Karlov": :func:`_named_elsewhere`)."""
    if side.lower_ in GOVERNMENT_NOUNS:
        return article_government(ctx, index, side)
    return index.agent_in_name(side) or _named_elsewhere(ctx, index, side)


def _named_elsewhere(ctx: DocContext, index: MentionIndex, side: Token) -> Filler | None:
    """A capitalised side the parse left without a mention ("pro-Karlov", tagged an
    adjective), as the actor of the article's other mention whose name holds the word
    ("Ivo Karlov"), else as the name the KB knows; a word neither names ("pro-Western")
    is nobody."""
    if not side.text[:1].isupper() or not side.is_alpha:
        return None
    word = side.lower_
    named = next((m for m in index.all()
                  if word in m.span.text.lower().split() and m.span.start != side.idx), None)  # fmt: skip
    if named is None and ctx.resources.kb.lookup(side.text) is None:
        return None
    mention = Mention(
        article_id=ctx.article.id,
        span=Span(side.idx, side.idx + len(side.text), side.text),
        label=named.label if named else ADDED_LABEL,
        evidence=ctx.evidence(ctx.view.sent(side)),
        normalized=named.normalized if named else side.text,
        group=named.group if named else plain_key(side.text),
        affiliation=named.affiliation if named else None,
    )
    index.added.append(mention)
    return Filler(mention.span)


def article_government(ctx: DocContext, index: MentionIndex, token: Token) -> Filler | None:
    """The state whose government "pro-government" names, as a new mention over the word:
    the one country the places of its own sentence lie in ("anti-government protesters
    marched in Sanaa"), else the one state whose government the article names ("the
    Dostani government", "the government" read so by the mention pass) when all its places
    lie in that state, or the one country all its places lie in when it names none. Two
    governments named, a government of one state and places in another, or places in two:
    nobody."""
    sent = ctx.view.sent(token)
    here = _countries(ctx, sent.start_char, sent.end_char)
    if len(here) == 1:  # "anti-government protesters marched in Sanaa": Yemen's
        iso3: str | None = next(iter(here))
    else:
        named = {m.affiliation for m in index.all() if m.affiliation and _names_government(ctx, m)}
        countries = _countries(ctx, 0, len(ctx.text))
        if len(named) > 1 or len(countries) > 1 or (named and countries and named != countries):
            return None
        iso3 = next(iter(named or countries), None)
    if iso3 is None:
        return None
    entry = ctx.resources.kb.country(iso3)
    mention = Mention(
        article_id=ctx.article.id,
        span=Span(token.idx, token.idx + len(token.text), token.text),
        label="GPE",
        evidence=ctx.evidence(ctx.view.sent(token)),
        normalized=entry.name if entry else iso3,
        group=f"aff:{iso3}",
        affiliation=iso3,
    )
    index.added.append(mention)
    return Filler(mention.span)


def _names_government(ctx: DocContext, m: Mention) -> bool:
    """A mention of a state's government: "the Dostani government", "Dostan's regime" (the
    noun in the mention or right after it)."""
    after = ctx.text[m.span.end : m.span.end + 16].lower().replace("'s", "").split()
    words = [*m.span.text.lower().split(), *after[:1]]
    return any(w in GOVERNMENT_NOUNS for w in words)


def _countries(ctx: DocContext, start: int, end: int) -> set[str]:
    """The countries of the places named between two character offsets (regions aside)."""
    return {pm.place.country for pm in ctx.places
            if pm.place is not None and pm.place.country and pm.place.precision != "region"
            and start <= pm.span.start < end}  # fmt: skip
