"""From a token filling a role (subject, object, agent, possessor) to actor mention spans.

Events, relations, quotes and attribution all need the same step: a token of the
parse becomes the :class:`Mention` that covers it. Third-person pronouns go to
their most salient antecedent (see :mod:`eventwire.extract.pronouns`); "X's forces" and "forces loyal to X" go to X with the
qualifier ``forces``; a proper noun that the mention extractor missed becomes a
new mention (kept in :class:`MentionIndex.added` and written by the caller), and
so does a demonym modifying a weapon or an event ("Israeli airstrikes"), as its
country.

:class:`MentionIndex` reads a role's filler here and inherits the rest from three
layers, each in its own module: ``filler_mentions.py`` (the document's mentions and
those added for fillers), ``filler_places.py`` (towns, capitals and names that stand for
nobody) and ``filler_owners.py`` (the body a noun of people names).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.extract.eventroles import ARMY_KIND, armed_modifier
from eventwire.extract.filler_mentions import ADDED_LABEL, Filler, flat_name, flat_span
from eventwire.extract.filler_owners import (
    FOLLOWER_NOUNS,
    FOLLOWERS,
    FORCE_NOUNS,
    OWNED_NOUNS,
    WEAPON_NOUNS,
    FillerOwners,
)
from eventwire.extract.filler_places import object_role
from eventwire.extract.namephrases import COALITION_NOUNS, armed_owner, is_acronym, sworn_to
from eventwire.extract.notactors import DOUBT_WORDS, stance_objects
from eventwire.extract.noun_roles import placed_elsewhere
from eventwire.extract.pronouns import ANAPHORS, held_by
from eventwire.extract.weapons import INSTRUMENT_NOUNS
from eventwire.model import GROUP_LABEL, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

# what other modules and the tests import from here; the first three live in filler_*
__all__ = ["ADDED_LABEL", "FOLLOWERS", "Filler", "MentionIndex"]

NON_ACTOR_PRONOUNS = frozenset(["i", "me", "my", "we", "us", "our", "you", "your", "this", "that"])
NON_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
# Words picking some of a group as a role's filler: "supplied some of them with weapons"
# (only of "them": "some of its militias, including A" is read by its members).
PARTITIVES = frozenset({"some", "many", "most", "several", "all", "none", "few", "each", "both"})


@dataclass
class MentionIndex(FillerOwners):
    @classmethod
    def of(cls, ctx: DocContext) -> MentionIndex:
        return cls(ctx, sorted(ctx.mentions, key=lambda m: m.span.start))

    def agent_in_name(self, token: Token) -> Filler | None:
        """The backer a hyphenated name holds ("Turkish" of "the Turkish-backed factions",
        a name the shipped lists know): the backer's own mention, not the name's."""
        covering = self.covering(token)
        if covering is None or covering.span.end <= token.idx + len(token.text):
            return self.filler(token)
        iso3 = self.ctx.resources.kb.country_by_demonym(token.text)
        return Filler(self._add(token, iso3).span)

    def fillers(self, token: Token | None) -> list[Filler]:
        """Mentions for ``token`` and the tokens coordinated with it."""
        if token is None:
            return []
        out: list[Filler] = []
        for tok in (token, *token.conjuncts):
            filler = self.filler(tok)
            if filler and filler.span not in [f.span for f in out]:
                out.append(filler)
            for other in self._of_conjuncts(tok, filler):
                if other.span not in [f.span for f in out]:
                    out.append(other)
            # "Syrian and Russian jets", "Azawad Front and Kidal Brigade fighters": each
            # coordinated demonym or name modifying the noun names its own side
            for mod in (c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")
                        and c.i < tok.i):  # fmt: skip
                words = (mod, *mod.conjuncts)
                if len(words) < 2 or any(
                    t.i > tok.i or t.pos_ not in ("ADJ", "PROPN") or t.tag_ in ("NNS", "NNPS")
                    for t in words
                ):
                    continue  # not adjectives before the noun ("Palestinians and Israeli forces")
                sides = [self.covering(t) for t in words]
                if filler is None or filler.span not in [m.span for m in sides if m]:
                    continue  # the role is not named by the coordinated words
                for m in sides:
                    if m is not None and m.span not in [f.span for f in out]:
                        out.append(Filler(m.span))
        return out

    def _of_conjuncts(self, noun: Token, filler: Filler | None) -> list[Filler]:
        """The other names of a plural noun's coordinated "of" phrase, when the first names
        its filler: "the juntas of Mali and Burkina Faso", "forces of X and Y" (one each)."""
        if filler is None or noun.tag_ != "NNS":
            return []
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = _pobj_of(of) if of is not None else None
        if pobj is None or (first := self.covering(pobj)) is None or first.span != filler.span:
            return []
        found = (self.filler(c) for c in pobj.conjuncts if c.i > pobj.i)
        return [Filler(f.span, filler.qualifiers) for f in found if f is not None]

    def filler(self, token: Token) -> Filler | None:
        if token.lower_ in PARTITIVES and (them := _of_them(token)) is not None:
            return self.filler(them)  # "supplied some of them with weapons": the group
        if token.ent_type_ in NON_ACTOR_ENTS or token.like_num:
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = _pobj_of(of) if of is not None else None
            # "dozens of workers", "two of its nationals": the people counted.
            return self.filler(pobj) if pobj is not None else None
            # else "the offensive on April 4" has a date, not a target
        low = token.lower_
        pronoun = token.pos_ == "PRON" or (token.pos_ != "PROPN" and token.text.islower())
        if pronoun and low in NON_ACTOR_PRONOUNS:
            return None
        if pronoun and low in ANAPHORS:
            ante = self.antecedent(token)
            if isinstance(ante, int):  # "the villagers ... they": whoever the noun names
                if token.i in self._following:
                    return None  # a chain back to itself
                self._following.add(token.i)
                try:
                    return self.filler(token.doc[ante])
                finally:
                    self._following.discard(token.i)
            return Filler(ante.span) if ante is not None else None
        if (members := self._own_members(token)) is not None:
            return members  # "its members" (before the noun's own antecedent, "members")
        if (
            pronoun
            and token.pos_ == "NOUN"
            and not self._named_by_modifier(token)  # "the Harbour Boys coalition" names it
            and isinstance(ante := self.antecedent(token), Mention)
        ):
            return Filler(ante.span)  # "the group": the named group it stands for (pronouns.py)
        covering = self.covering(token)
        # "Members of X": no group mention covers the noun, which is as unnamed
        unnamed = covering is None or covering.label == GROUP_LABEL or token.is_lower
        if unnamed and (owning := self._named_owner(token)) is not None:
            return owning  # "officers of the National Police", "Hamas-led gunmen"
        if covering:
            return Filler(covering.span)
        if (kind := armed_modifier(token)) is not None:
            # "rebel mortars" with no rebel group described: unnamed rebels; "a military
            # jet" with no state force named: nobody (descriptions.py names the one there is)
            return None if kind == ARMY_KIND else Filler(self._add_group(token, None).span)
        if self._names_backed_party(token):
            return self._backed_party(token)
        if (stance := stance_objects(token)) is not None:
            # "pro-Turkish factions": not Turkey; "anti-Houthi National Resistance forces":
            # the name the stance does not qualify
            names = [c for c in token.children if c.i < token.i and c.i not in stance
                     and c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]  # fmt: skip
            # ("pro-Hadi forces of the 35th Brigade": the brigade)
            return self.filler(names[-1]) if names else self._named_by_of(token)
        if token.lemma_.lower() in OWNED_NOUNS or low in FORCE_NOUNS:
            owner = _owner_of_forces(token)
            if owner is not None and owner.dep_ == "compound" and self._town_modifier(owner):
                # "Abala militia", "Misrata brigades": a local armed group named after its
                # town, neither the town nor unnamed people
                return Filler(self._add(owner, end=token.idx + len(token.text)).span)
            if owner is not None and (
                sworn_to(token, owner) or not (owner.dep_ == "pobj" and self._named_place(owner))
            ):
                if low in WEAPON_NOUNS and not self._known_owner(owner):
                    return None  # "Kamikaze drones", "Shahed drones": a kind, not an owner
                inner = self.filler(owner)
                if inner is None and is_acronym(owner):
                    inner = Filler(self._add(owner).span)  # "ONLF fighters", tagged a noun
                if inner:
                    return Filler(self.led_body(inner.span) or inner.span, ("forces",))
        if token.lower_ in COALITION_NOUNS and (named := self._named_by_modifier(token)):
            return Filler(named.span)  # "the Harbour Boys gang coalition" (namephrases.py)
        for child in token.children:
            # a title with its holder's name in apposition: "the army chief, Idriss Kolo, said"
            # is Kolo, not the army his title names
            if child.dep_ == "appos" and (m := self.covering(child)) and m.label == "PERSON":
                return Filler(m.span)
        for child in token.children:
            if child.dep_ in ("compound", "amod", "nmod") and placed_elsewhere(child):
                continue  # "the Ihiala attack", Ihiala a town elsewhere: no side (noun_roles)
            if child.dep_ in ("compound", "amod", "nmod", "appos") and (m := self.covering(child)):
                followers = m.label == "PERSON" and token.lemma_.lower() in FOLLOWER_NOUNS
                return Filler(m.span, (FOLLOWERS,) if followers else ())
        if (owner := held_by(token)) is not None and (held := self.filler(owner)):
            return held  # "attacked its positions": the army (pronouns.py)
        if (holders := self._holders(token)) is not None:
            return holders  # "targeted a police patrol": the police
        for child in token.children:  # "supported Turkey's efforts", "praised Haiti's record"
            if child.dep_ == "poss" and (m := self.covering(child)):
                return Filler(m.span)
        for child in token.children:  # "rejected an Indian proposal": India's
            if (child.dep_ in ("amod", "compound") and child.i < token.i
                    and (iso3 := self.ctx.resources.kb.country_by_demonym(child.text))):  # fmt: skip
                if self._violent(token) and not _weapon(token):  # "Israeli air strikes"
                    return Filler(self._add_forces(child, iso3).span)  # (see _weapon)
                return Filler(self._add(child, iso3).span)
        if (named_by := self._named_by_of(token)) is not None:
            return named_by
        if token.pos_ == "PROPN":
            if self._in_dateline(token) or not self.ctx.view.zones.in_body(token.idx):
                # "new delhi: the minister ...", "YANGON, May 19 (Wire) -": the story's
                # place, no party; only the body states who acts, as for the mention pass
                return None
            if (capital := self.ctx.resources.kb.country_of_capital(flat_name(token))) is not None:
                if flat_span(token)[0] in self._places:
                    return None  # a place in this role (attacked_towns)
                return Filler(self._add_state(token, capital).span)  # "help from Moscow"
            if self._not_an_actor(token) or (object_role(token) and self._names_town(token)):
                return None
            if self._country_as_place(token):
                return None  # "the war in Iraq", "unrest in Syria": where, not a party
            return Filler(self._add(token).span)
        if token.pos_ == "ADJ" and (iso3 := self.ctx.resources.kb.country_by_demonym(token.text)):
            head = token.head
            if token.dep_ in ("amod", "compound") and self._violent(head) and not _weapon(head):
                return Filler(self._add_forces(token, iso3).span)  # "Israeli airstrikes"
            return Filler(self._add(token, iso3).span)  # "Turkish diplomacy"
        return None

    def _violent(self, token: Token) -> bool:
        """An attack or a weapon: "air strikes", "shelling", "drones", "rockets"."""
        onto = self.ctx.resources.ontology
        lemma = token.lemma_.lower()
        compound = " ".join(t.lower_ for t in token.lefts if t.dep_ == "compound")
        kinds = (onto.noun_type(lemma), onto.noun_type(f"{compound} {lemma}".strip()))
        if lemma in onto.weapon_subjects or onto.means_of([lemma, token.lower_]) is not None:
            return True
        return any(k in onto.violent_types for k in kinds if k)


# A weapon or craft named by a nationality: "a Russian glide bomb killed five", "a Turkish
# drone struck a car", "Iranian missiles hit the base". The nationality names the state that
# fired it (the one a reader would hold to account), where an act noun's ("Israeli air
# strikes", "Israeli fire") names the state's armed forces carrying it out.
WEAPONS_OF_A_STATE = INSTRUMENT_NOUNS - {"fire", "gunfire"}


def _weapon(token: Token) -> bool:
    """A weapon or craft, whose nationality word is the state's (:data:`WEAPONS_OF_A_STATE`)."""
    return token.lemma_.lower() in WEAPONS_OF_A_STATE


def _of_them(token: Token) -> Token | None:
    """The "them" of "some (many, none) of them"."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = _pobj_of(of) if of is not None else None
    return pobj if pobj is not None and pobj.lower_ == "them" else None


def _pobj_of(prep: Token) -> Token | None:
    return next((t for t in prep.children if t.dep_ == "pobj"), None)


def _owner_of_forces(token: Token) -> Token | None:
    """X in "X's forces", "forces of X", "fighters from X", "forces loyal to X",
    "militants belonging to X", "X militants"."""
    for child in token.children:
        if child.dep_ == "poss":
            return child
    if (owner := armed_owner(token)) is not None:
        return owner
    for child in token.children:
        if child.dep_ in ("compound", "amod") and (
            child.pos_ in ("PROPN", "ADJ") or is_acronym(child)
        ):
            if child.lower_ in DOUBT_WORDS:
                continue  # "Suspected Taliban gunmen": the doubt owns no one, the name does
            return child
    return None
