"""The body a noun of people names: whose forces, members, spokesmen or posts they are.

"X's forces", "officers of the National Police", "Hamas-led gunmen", "its members" in
a clause the body's speaker says, "a police patrol", "forces loyal to X" and "Iran's
ally Hezbollah" each name a body through a noun that is not its name.
:class:`FillerOwners` reads that body for
:class:`~eventwire.extract.actorspans.MentionIndex`; the word lists say which nouns
qualify.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.clausechain import SPEECH_VERBS
from eventwire.extract.commanders import led_bodies
from eventwire.extract.eventroles import close_apposition
from eventwire.extract.filler_mentions import Filler, flat_span
from eventwire.extract.filler_places import FillerPlaces
from eventwire.extract.namephrases import ARMED_PEOPLE, armed_owner
from eventwire.extract.pronouns import HELD_NOUNS
from eventwire.model import GROUP_LABEL, Mention, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

FORCE_NOUNS = frozenset(
    [
        "force",
        "forces",
        "army",
        "troop",
        "troops",
        "soldier",
        "soldiers",
        "fighter",
        "fighters",
        "militia",
        "militias",
        "loyalist",
        "loyalists",
        "unit",
        "units",
        "militiaman",
        "militiamen",
        "men",
        "jet",
        "jets",
        "warplane",
        "warplanes",
        "drone",
        "drones",
    ]
)
# Weapons among them: a name before one may be its model ("Shahed drones"), not an owner.
WEAPON_NOUNS = frozenset(["jet", "jets", "warplane", "warplanes", "drone", "drones"])
# Nouns whose owner, when named, is the actor: the forces above and armed people
# ("militants from X", "X gunmen").
OWNED_NOUNS = FORCE_NOUNS | ARMED_PEOPLE
# People who follow a person without being the person: "former Gaddafi regime members",
# "Sadr supporters". The filler is the person with the qualifier ``followers``, and
# relations never count it as the person's own.
FOLLOWER_NOUNS = frozenset(
    ["member", "supporter", "follower", "sympathizer", "sympathiser", "remnant", "partisan",
     "adherent", "disciple", "devotee", "admirer"]
)  # fmt: skip
FOLLOWERS = "followers"
# A body's own people, named through its possessive ("its members", "the group's men").
MEMBER_NOUNS = frozenset({"member", "operative", "cadre", "commando", "bomber"})
# People serving in a body, whom "of/from X" or "X-led" ties to it (actorspans' named owner).
SERVING_NOUNS = OWNED_NOUNS | MEMBER_NOUNS | frozenset(
    {"officer", "policeman", "policemen", "police", "personnel", "agent", "guard", "gunman",
     "gunmen", "combatant", "recruit", "militant", "officers", "mercenary", "mercenaries",
     "contractor", "contractors", "faction", "factions"}
)  # fmt: skip
# Nouns of an armed body that a name before them names: "the Kalo gang", "the Sokwe
# militia" (the body, whatever else is written the same way).
BODY_NOUNS = frozenset({"gang", "cartel", "militia", "faction", "brigade", "battalion"})
# Nouns a body describes itself by in its speaker's clause ("the group's men").
SPEAKING_BODIES = frozenset({"group", "movement", "organisation", "organization", "militia",
                             "front", "alliance", "coalition"})  # fmt: skip
# Labels of a named body (a person's "its members" are not his).
BODY_LABELS = frozenset({"ORG", "NORP", "GPE"})
# People who speak for a body named after "for" or "of".
SPEAKER_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "commander", "leader",
                           "official", "representative", "member"})  # fmt: skip
# Places and units people hold or man, whose holders an attack on them targets.
HOLDER_NOUNS = HELD_NOUNS | frozenset({"patrol", "station", "unit", "vehicle", "tank"})


class FillerOwners(FillerPlaces):
    """Bodies named through their people, posts, leaders or allies."""

    def filler(self, token: Token) -> Filler | None:
        raise NotImplementedError  # MentionIndex.filler reads any token in a role

    def _named_owner(self, token: Token) -> Filler | None:
        """The named body whose people an unnamed group noun names: "officers of the
        National Police", "fighters from the Azawad Front", "Hamas-led gunmen" (the body,
        qualifier ``forces``; a person's men are his body's, else his followers). People
        of a place ("police from Goma") or of another unnamed group stay as they are."""
        if token.lemma_.lower() not in SERVING_NOUNS and token.lower_ not in SERVING_NOUNS:
            return None
        owner = armed_owner(token)
        if owner is None:
            return None
        if self.covering(token) is None and (
            token.lemma_.lower() not in MEMBER_NOUNS
            or (owner.pos_ == "NOUN" and owner.tag_ == "NNS")
        ):
            # only "members of X" has no group mention of its own; "members of Shia clans",
            # "of two Rohingya armed groups" name kinds of group, no body
            return None
        if owner.dep_ == "pobj" and self._named_place(owner):
            if token.lemma_.lower() not in MEMBER_NOUNS or not self._body_elsewhere(owner):
                return None
            # "members of Lakurawa", the name tagged a place here and a body elsewhere:
            # one is a member of a body, never of a place
            return Filler(self._add(owner).span, ("forces",))
        found = self.covering(owner)
        if found is None and owner.pos_ == "NOUN":
            # "police of the UN-approved Support mission": the name next to the noun
            found = self._name_on(owner)
            names = [c for c in owner.children if c.dep_ in ("compound", "nmod") and c.i < owner.i]
            last = names[-1] if names else None
            if (
                found is None
                and last is not None
                and last.pos_ == "PROPN"
                and not self.covering(last)
            ):
                if self._not_an_actor(last):
                    return None
                if not self._named_place(last):
                    found = self._add(last)  # a name the model missed
                elif owner.lemma_.lower() in BODY_NOUNS:
                    # "members of the Kalo gang": a name on a body's noun names the body,
                    # even when a place is written the same (a gang named after its town)
                    found = self._add(last, end=owner.idx + len(owner.text))
                else:
                    return None  # "police of the Goma station"
        if found is None or found.label in (GROUP_LABEL, "GPE", "LOC", "FAC"):
            return None
        if found.label == "PERSON":
            body = self.led_body(found.span)
            return Filler(body, ("forces",)) if body else Filler(found.span, (FOLLOWERS,))
        return Filler(found.span, ("forces",))

    def _body_elsewhere(self, name: Token) -> bool:
        """Whether the document names a body (no place, no person) written as ``name``."""
        start, end = flat_span(name)
        text = self.ctx.text[start:end]
        return any(m.span.text == text and m.label in BODY_LABELS - {"GPE"} for m in self.all())

    def _named_by_modifier(self, token: Token) -> Mention | None:
        """The mention of a name among a noun's modifiers, through the lowercase nouns
        between ("the Harbour Boys gang coalition": Harbour Boys)."""
        for c in token.children:
            if c.dep_ in ("compound", "nmod") and c.i < token.i:
                if (m := self.covering(c)) is not None:
                    return m
                if c.is_lower and (m := self._named_by_modifier(c)) is not None:
                    return m
        return None

    def _own_members(self, token: Token) -> Filler | None:
        """A body's own people named through its possessive: "the Front said its members
        ambushed a patrol", "one of its members targeted", "the group's men attacked the
        post" (the body, qualifier ``forces``; a person's "members" are his followers)."""
        owned = token.lemma_.lower() in OWNED_NOUNS or token.lower_ in FORCE_NOUNS
        if not owned and token.lemma_.lower() not in MEMBER_NOUNS:
            return None
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        if owned:  # "Haftar's forces" is the owned nouns' rule below; the speaker's here
            inner = self._speaker_body(owner)
            return Filler(self.led_body(inner.span) or inner.span, ("forces",)) if inner else None
        inner = self._speaker_body(owner) or self.filler(owner)
        if inner is None:
            return None
        person = (m := self.mention(inner.span)) is not None and m.label == "PERSON"
        return Filler(inner.span, (FOLLOWERS,) if person else ("forces",))

    def _speaker_body(self, noun: Token) -> Filler | None:
        """ "The group" or "its" in a clause a named body's speaker says is that body: "a
        spokesman for the Front said the group's men attacked", "the Front said one of its
        members ..." (the Front; a pronoun's nearest antecedent may be another noun)."""
        own = noun.lower_ in ("its", "their")  # "X said its members ...": X's own
        if not own and (noun.lemma_.lower() not in SPEAKING_BODIES or noun.pos_ != "NOUN"):
            return None
        clause = noun
        while clause.dep_ != "ccomp" and clause.head.i != clause.i:
            clause = clause.head
        verb = clause.head
        if clause.dep_ != "ccomp" or verb.lemma_.lower() not in SPEECH_VERBS:
            return None
        speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if speaker is None:
            return None
        found = self._body_at(speaker)
        if found is None:
            # "a spokesman for the Front", "a commander of the Front", "a caller who gave
            # himself out as an official of the Front"
            office = next((t for t in speaker.subtree if t.lemma_.lower() in SPEAKER_NOUNS
                           and t.pos_ == "NOUN"), None)  # fmt: skip
            body = None if office is None else next(
                (p for c in office.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                 for p in c.children if p.dep_ == "pobj"), None)  # fmt: skip
            found = self._body_at(body) if body is not None else None
        return found

    def _body_at(self, token: Token) -> Filler | None:
        """The named body (no person, no unnamed group) a mention at ``token`` names."""
        found = self.covering(token)
        if found is None:
            return None
        entry = self.ctx.resources.kb.lookup(found.normalized or found.span.text)
        is_body = entry.type != "person" if entry is not None else found.label in BODY_LABELS
        return Filler(found.span) if is_body else None

    def _holders(self, token: Token) -> Filler | None:
        """The people who hold or man a place or a unit, named by a group noun modifying
        it: "a police patrol", "an army checkpoint", "rebel positions", "a camp for
        refugees" (the police, the army, the rebels, the refugees), as the state's forces
        when a demonym names the state ("a Malian army post"). Named holders ("an M23
        base") are the caller's: a mention covers them."""
        if token.lemma_.lower() not in HOLDER_NOUNS:
            return None
        onto, kb = self.ctx.resources.ontology, self.ctx.resources.kb
        words = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
        words += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "for"
                  for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        for word in words:
            kind = onto.actor_kind(word.lower_) or onto.actor_kind(word.lemma_.lower())
            if kind is None or word.pos_ not in ("NOUN", "ADJ") or self.covering(word):
                continue
            country = next((iso3 for c in (*word.children, *token.children)
                            if c.dep_ in ("amod", "compound") and c.i < word.i
                            and (iso3 := kb.country_by_demonym(c.text))), None)  # fmt: skip
            if country is not None and kind == "state":
                demonym = next(c for c in (*word.children, *token.children)
                               if kb.country_by_demonym(c.text) == country)  # fmt: skip
                return Filler(self._add_forces(demonym, country).span)
            return Filler(self._add_group(word, country).span)
        return None

    def led_body(self, span: Span) -> Span | None:
        """The body a person leads, for his forces ("forces loyal to X", "X's men"): the
        armed group the document or the KB ties him to (:mod:`eventwire.extract.commanders`),
        else None, and the forces stay his."""
        mention = self.mention(span)
        if mention is None:
            return None
        if self._led is None:
            kb = self.ctx.resources.kb

            def is_person(m: Mention) -> bool:
                entry = kb.lookup(m.normalized or m.span.text)
                return entry.type == "person" if entry is not None else m.label == "PERSON"

            self._led = led_bodies(
                self.ctx.view.tokens, self.mentions, self.covering, kb, is_person
            )
        body = self._led.get(mention.group)
        return body.span if body is not None else None

    def _named_by_of(self, token: Token) -> Filler | None:
        """The name of an "of" phrase: "forces of the 35th Brigade", also a name modifying
        its noun ("positions of the M23 rebellion": M23)."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (m := self.covering(pobj) or self._name_on(pobj)):
                        return Filler(m.span)
        return None

    def _name_on(self, noun: Token) -> Mention | None:
        """The named body right before a common noun it names: "the M23 rebellion", "the
        UN-approved Support mission" (the name next to the noun; no person, no place)."""
        if noun.pos_ != "NOUN":
            return None
        names = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i]
        found = next((m for c in reversed(names) if (m := self.covering(c))), None)
        if found is None or found.label in (GROUP_LABEL, "PERSON", "GPE", "LOC", "FAC"):
            return None
        return found

    def _names_backed_party(self, token: Token) -> bool:
        """A relation noun with its other party ("Iran's ally", "ally Hezbollah") or a noun
        such a word modifies ("proxy militia"): see :meth:`_backed_party`."""
        agent_nouns = self.ctx.resources.relation_words.agent_nouns
        if token.lemma_.lower() in agent_nouns:
            return close_apposition(token) is not None or any(
                c.dep_ == "poss" for c in token.children
            )
        return any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in agent_nouns
            for c in token.children
        )

    def _backed_party(self, token: Token) -> Filler | None:
        """Such a noun names the party, never its patron: "Iran's ally Hezbollah fired"
        (Hezbollah), "Algeria's proxy militia, the Azawad Front" (the Front); unnamed
        ("Hezbollah's allies attacked"): nobody."""
        name = close_apposition(token)
        if name is None:
            name = next((c for c in token.children if c.dep_ == "appos"), None)
        return self.filler(name) if name is not None else None

    def _known_owner(self, token: Token) -> bool:
        """An owner named by a mention, a demonym, a possessive or "of" ("Hezbollah
        drones", "Iranian drones", "Russia's drones", "drones of the army")."""
        return (
            token.dep_ in ("poss", "pobj")
            or self.covering(token) is not None
            or self.ctx.resources.kb.country_by_demonym(token.text) is not None
        )
