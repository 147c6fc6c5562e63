"""From a token filling a role (subject, object, agent, possessor) to actor mention spans.

Events, relations, quotes and attribution all need the same step: a token of the
parse becomes the :class:`Mention` that covers it. Third-person pronouns go to
their most salient antecedent (see :mod:`eventwire.extract.pronouns`); "X's forces" and "forces loyal to X" go to X with the
qualifier ``forces``; a proper noun that the mention extractor missed becomes a
new mention (kept in :class:`MentionIndex.added` and written by the caller), and
so does a demonym modifying a weapon or an event ("Israeli airstrikes"), as its
country.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eventwire.extract.clausechain import SPEECH_VERBS
from eventwire.extract.commanders import led_bodies
from eventwire.extract.context import DocContext
from eventwire.extract.datelines import colon_datelines
from eventwire.extract.eventroles import ARMY_KIND, armed_modifier, close_apposition
from eventwire.extract.locatives import locative_country
from eventwire.extract.namephrases import (
    ARMED_PEOPLE,
    COALITION_NOUNS,
    armed_owner,
    is_acronym,
    state_forces,
    sworn_to,
)
from eventwire.extract.notactors import (
    SETTLEMENT_NOUNS,
    counted_people,
    in_settlement_phrase,
    is_calendar_word,
    is_date_stamp,
    letter_digit_code,
    names_a_platform,
    place_test,
    stance_objects,
    without_mojibake,
)
from eventwire.extract.pronouns import ANAPHORS, HELD_NOUNS, held_by, resolve_pronouns
from eventwire.extract.tongues import in_another_tongue
from eventwire.model import GROUP_LABEL, Mention, Place, Span
from eventwire.text.names import clean_surface, plain_key

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
NON_ACTOR_PRONOUNS = frozenset(["i", "me", "my", "we", "us", "our", "you", "your", "this", "that"])
NON_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
ADDED_LABEL = "ROLE"  # label of mentions added here for role fillers spaCy's NER missed


@dataclass(frozen=True)
class Filler:
    """An actor mention filling a role, with qualifiers such as ``forces``."""

    span: Span
    qualifiers: tuple[str, ...] = ()


@dataclass
class MentionIndex:
    ctx: DocContext
    mentions: list[Mention]
    added: list[Mention] = field(default_factory=list)
    _antecedents: dict[int, Mention | int] | None = None
    _following: set[int] = field(default_factory=set)  # pronouns whose noun is being read
    _by_span: dict[Span, Mention] = field(default_factory=dict)
    _by_token: dict[int, Mention] = field(default_factory=dict)  # token start -> mention
    _indexed: int = 0  # how many of mentions + added the two dicts hold
    _is_place: Any = None  # the document's place test (notactors.place_test), built once
    _places: set[int] = field(default_factory=set)  # starts of capitals read as places
    _led: dict[str, Mention] | None = None  # person group -> the body he leads (commanders)
    _datelines: list[tuple[int, int]] | None = None  # "PUNE: ..." (datelines.colon_datelines)

    @classmethod
    def of(cls, ctx: DocContext) -> MentionIndex:
        return cls(ctx, sorted(ctx.mentions, key=lambda m: m.span.start))

    def all(self) -> tuple[Mention, ...]:
        merged = {(m.span.start, m.span.end): m for m in self.mentions}
        for m in self.added:
            merged.setdefault((m.span.start, m.span.end), m)
        return tuple(sorted(merged.values(), key=lambda m: (m.span.start, m.span.end)))

    def mention(self, span: Span) -> Mention | None:
        """The mention at exactly ``span`` (found or added here), if any."""
        return self._lookups()[0].get(span)

    def covering(self, token: Token) -> Mention | None:
        """The first mention (found, then added) covering the token's first character."""
        return self._lookups()[1].get(token.idx)

    def agent_in_name(self, token: Token) -> Filler | None:
        """The backer a hyphenated name holds ("Turkish" of "the Turkish-backed factions",
        a name the shipped lists know): the backer's own mention, not the name's."""
        covering = self.covering(token)
        if covering is None or covering.span.end <= token.idx + len(token.text):
            return self.filler(token)
        iso3 = self.ctx.resources.kb.country_by_demonym(token.text)
        return Filler(self._add(token, iso3).span)

    def _lookups(self) -> tuple[dict[Span, Mention], dict[int, Mention]]:
        """Mentions by span and by the start of each token they cover, in the order
        found then added; brought up to date when mentions were added since."""
        everything = (*self.mentions, *self.added)
        for m in everything[self._indexed :]:
            self._by_span.setdefault(m.span, m)
            covered = self.ctx.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            for tok in covered if covered is not None else ():
                if m.span.start <= tok.idx < m.span.end:
                    self._by_token.setdefault(tok.idx, m)
        self._indexed = len(everything)
        return self._by_span, self._by_token

    def antecedent(self, token: Token) -> Mention | int | None:
        """The mention a pronoun stands for, or the index of a plain noun it stands for."""
        if self._antecedents is None:
            # components reading the same mentions (quotes, events; relations when events
            # added none) share one resolution per document
            kept = self.ctx.antecedents
            if kept is not None and kept[0] == tuple(self.mentions):
                self._antecedents = kept[1]
            else:
                self._antecedents = resolve_pronouns(self.ctx.view, self.mentions)
                self.ctx.antecedents = (tuple(self.mentions), self._antecedents)
        return self._antecedents.get(token.i)

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
        unnamed = covering is not None and (covering.label == GROUP_LABEL or token.is_lower)
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
                if self._violent(token):  # "Israeli air strikes": its armed forces'
                    return Filler(self._add_forces(child, iso3).span)
                return Filler(self._add(child, iso3).span)
        if (named_by := self._named_by_of(token)) is not None:
            return named_by
        if token.pos_ == "PROPN":
            if self._in_dateline(token):
                return None  # "new delhi: the minister ...": the story's place, no party
            if (capital := self.ctx.resources.kb.country_of_capital(_flat_name(token))) is not None:
                if _flat_span(token)[0] in self._places:
                    return None  # a place in this role (attacked_towns)
                return Filler(self._add_state(token, capital).span)  # "help from Moscow"
            if self._not_an_actor(token) or (_object_role(token) and self._names_town(token)):
                return None
            if self._country_as_place(token):
                return None  # "the war in Iraq", "unrest in Syria": where, not a party
            return Filler(self._add(token).span)
        if token.pos_ == "ADJ" and (iso3 := self.ctx.resources.kb.country_by_demonym(token.text)):
            if token.dep_ in ("amod", "compound") and self._violent(token.head):
                return Filler(self._add_forces(token, iso3).span)  # "Israeli airstrikes"
            return Filler(self._add(token, iso3).span)  # "Turkish diplomacy"
        return None

    def _named_owner(self, token: Token) -> Filler | None:
        """The named body whose people an unnamed group noun names: "officers of the
        National Police", "fighters from the Azawad Front", "Hamas-led gunmen" (the body,
        qualifier ``forces``; a person's men are his body's, else his followers). People
        of a place ("police from Goma") or of another unnamed group stay as they are."""
        if token.lemma_.lower() not in SERVING_NOUNS and token.lower_ not in SERVING_NOUNS:
            return None
        owner = armed_owner(token)
        if owner is None or (owner.dep_ == "pobj" and self._named_place(owner)):
            return None
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
                if self._named_place(last) or self._not_an_actor(last):
                    return None  # "police of the Goma station"
                found = self._add(last)  # a name the model missed
        if found is None or found.label in (GROUP_LABEL, "GPE", "LOC", "FAC"):
            return None
        if found.label == "PERSON":
            body = self.led_body(found.span)
            return Filler(body, ("forces",)) if body else Filler(found.span, (FOLLOWERS,))
        return Filler(found.span, ("forces",))

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

    def _add_group(self, token: Token, country: str | None) -> Mention:
        """A mention of the unnamed group a common noun names ("police"), as the mention
        pass makes them (:mod:`eventwire.extract.mentions`)."""
        start, end = token.idx, token.idx + len(token.text)
        mention = Mention(
            article_id=self.ctx.article.id,
            span=Span(start, end, token.text),
            label=GROUP_LABEL,
            evidence=self.ctx.evidence(self.ctx.view.sent(token)),
            normalized=token.text,
            group=f"group:{token.lemma_.lower()}:{country or ''}",
            affiliation=country,
        )
        self.added.append(mention)
        return mention

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

    def _person_named_before(self, text: str, start: int) -> Mention | None:
        """The one person named in full earlier in the document whose given or family name
        a one-word name the model missed is: "Prime Minister Abiy Ahmed ... Abiy sent
        troops". None when two full names fit ("Vitalii Klitschko", "Vitalii Dushevskiy")."""
        key = plain_key(text)
        if not key or " " in key:
            return None
        fits = {
            m.group: m
            for m in self.mentions
            if m.span.end <= start
            and len(words := self.ctx.resources.kb.keys.plain(m.span.text).split()) > 1
            and key in (words[0], words[-1])
        }  # whatever the model labelled them, two fitting names make it ambiguous
        person = next(iter(fits.values())) if len(fits) == 1 else None
        return person if person is not None and person.label == "PERSON" else None

    def _country_as_place(self, token: Token) -> bool:
        """A country's name written as where the act is ("the war in Iraq", "unrest
        sweeping Syria"), which the mention pass left out: no party to the act
        (:func:`~eventwire.extract.locatives.locative_country`)."""
        name = token.doc[_flat_first(token).i : token.i + 1]
        return self.ctx.resources.kb.is_country_name(name.text) and locative_country(name)

    def _names_town(self, token: Token) -> bool:
        """A town's, district's or region's name no mention covers, in the role of an
        object ("shelled Kharkiv", "seized Walikale", "an attack on the town of Bunia"): the
        place where the act happens, never an actor it acts on (the caller keeps it as the
        event's place). A country stays an actor ("attacked Ukraine", "aid to Bosnia"),
        and so does a name the gazetteer does not know as a place."""
        if in_settlement_phrase(token):
            return True
        name = _flat_name(token)
        kb = self.ctx.resources.kb
        if letter_digit_code(name) or kb.is_country_name(name) or kb.lookup(name):
            return False  # "M23", "Ukraine", a group the KB names
        if self._person_named_before(name, _flat_span(token)[0]) is not None:
            return False  # "Abiy Ahmed ... Abiy sent troops", whatever the tagger says
        if any(c.place.precision == "country" for c in self.ctx.resources.gazetteer.named(name)):
            return False  # "Macedonia": a country by another of its names
        if self._is_place is None:
            self._is_place = place_test(self.ctx.resources.gazetteer)
        return self.covering(token) is None and bool(self._is_place(name))

    def _in_dateline(self, token: Token) -> bool:
        """Whether the token is in a dateline of a place and a colon opening a paragraph
        (:func:`~eventwire.extract.datelines.colon_datelines`)."""
        if self._datelines is None:
            if self._is_place is None:
                self._is_place = place_test(self.ctx.resources.gazetteer)
            self._datelines = colon_datelines(self.ctx.view.text, self._is_place)
        return any(start <= token.idx < end for start, end in self._datelines)

    def _known_owner(self, token: Token) -> bool:
        """An owner named by a mention, a demonym, a possessive or "of" ("Hezbollah
        drones", "Iranian drones", "Russia's drones", "drones of the army")."""
        return (
            token.dep_ in ("poss", "pobj")
            or self.covering(token) is not None
            or self.ctx.resources.kb.country_by_demonym(token.text) is not None
        )

    def _town_modifier(self, token: Token) -> bool:
        """A town's name modifying the noun after it, no capital standing for a state."""
        return (
            token.pos_ == "PROPN"
            and token.i + 1 == token.head.i
            and self.ctx.resources.kb.country_of_capital(_flat_name(token)) is None
            and self._names_town(token)
        )

    def names_a_town(self, tokens: list[Token | None]) -> bool:
        """Whether one of ``tokens`` is a town's name (:meth:`_names_town`)."""
        return any(t is not None and t.pos_ == "PROPN" and self._names_town(t) for t in tokens)

    def town_country(self, token: Token | None, place: Place | None = None) -> str | None:
        """The country of the town ``token`` names ("Odesa", "the city of Odesa", "the
        regional capital Juba"): the country of the event's ``place`` when the name has a
        reading there (not the Odessa in Texas), else the one country all its readings
        lie in."""
        token = _town_token(token) if token is not None else None
        if token is None or not self._names_town(token):
            return None
        found = {
            c.place.country
            for c in self.ctx.resources.gazetteer.named(_flat_name(token))
            if c.place.precision == "admin1" or (c.place.population or 0) >= 10_000
        }  # the readings place_test counts: not a namesake village
        if place is not None and place.country in found:
            return place.country
        return found.pop() if len(found) == 1 and None not in found else None

    def country_of(self, span: Span | None) -> str | None:
        """The state a role filler belongs to: a demonym's or a state force's country,
        or the KB entry's country ("Russia", "Hezbollah")."""
        mention = self.mention(span) if span is not None else None
        if mention is None:
            return None
        if mention.affiliation:
            return mention.affiliation
        entry = self.ctx.resources.kb.lookup(mention.normalized or mention.span.text)
        return entry.country if entry is not None else None

    def attacked_towns(
        self,
        targets: list[Filler | None],
        tgt_toks: list[Token | None],
        sources: list[Filler | None],
        place: Place | None,
    ) -> list[Filler | None]:
        """The targets of a violent act, with towns read as its place. A capital stands
        for the state governed from it ("an offensive against Tripoli", "Russia attacked
        Kyiv"), unless the doer is that state itself ("the Syrian army shelled Damascus":
        a place). Another town is the state's only when the doer is of another state ("Hezbollah
        fired rockets at Nahariya": Israel); when the doer's state is unknown or is the
        town's own ("the army shelled Idlib", rebels taking a town), the act names no
        state and the town stays its place."""
        doers = {self.country_of(f.span) for f in sources if f is not None}
        foreign = bool(doers) and None not in doers
        kept = []
        for t in targets:
            if t is None:
                continue
            if self._capital_metonym(t) and any(
                self._state_organ(f, self.country_of(t.span)) for f in sources
            ):
                self._drop(t.span)  # "the Syrian army shelled Damascus": a place
                continue
            kept.append(t)
        if kept:
            return list(kept)
        token = next((t for t in tgt_toks if t is not None), None)
        country = self.town_country(token, place)
        if token is None or country is None or not foreign or country in doers:
            return [None]
        return [Filler(self._add_state(token, country).span)]

    def _state_organ(self, filler: Filler | None, country: str | None) -> bool:
        """Whether a doer is ``country``'s state itself: the country, its capital or
        government, its forces ("the Syrian army"), named or by demonym."""
        mention = self.mention(filler.span) if filler is not None else None
        if mention is None or country is None:
            return False
        if mention.group == f"aff:{country}":
            return True
        entry = self.ctx.resources.kb.lookup(mention.normalized or mention.span.text)
        return (
            entry is not None
            and entry.country == country
            and entry.type in ("country", "government", "state_forces")
        )

    def _drop(self, span: Span) -> None:
        """Forget a mention added here that names no actor after all, for good."""
        self.added = [m for m in self.added if m.span != span]
        self._by_span, self._by_token, self._indexed = {}, {}, 0
        self._places.add(span.start)

    def _capital_metonym(self, filler: Filler) -> bool:
        mention = self.mention(filler.span)
        kb = self.ctx.resources.kb
        return (
            mention is not None
            and mention in self.added
            and mention.group.startswith("aff:")
            and kb.country_of_capital(mention.span.text) is not None
        )

    def _add_state(self, token: Token, country: str) -> Mention:
        """A mention of the state ``country`` over a town's name: a capital standing for
        its government ("help from Moscow"), a town attacked across a border."""
        entry = self.ctx.resources.kb.country(country)
        start, end = _flat_span(token)
        mention = Mention(
            article_id=self.ctx.article.id,
            span=Span(start, end, self.ctx.text[start:end]),
            label="GPE",
            evidence=self.ctx.evidence(self.ctx.view.sent(token)),
            normalized=entry.name if entry else country,
            group=f"aff:{country}",
            affiliation=country,
        )
        self.added.append(mention)
        return mention

    def _named_place(self, token: Token) -> bool:
        """A place's name no mention covers ("fighters from Kidal"): where they come from,
        not whose they are."""
        if self.covering(token) is not None:
            return False
        if self._is_place is None:
            self._is_place = place_test(self.ctx.resources.gazetteer)
        return token.ent_type_ in ("GPE", "LOC") or bool(self._is_place(_flat_name(token)))

    def _not_an_actor(self, token: Token) -> bool:
        """A proper noun filling a role that names no actor: mojibake without letters,
        people counted ("killed three Americans"), a platform ("on his Twitter account"),
        words of a Hindi or Urdu sentence in Latin letters, a lone month or weekday ("Apr")
        or a lone common word ("National", "Environment"), a wire story's time stamp
        ("Wed Apr 6"), as the mention pass rules
        (:mod:`eventwire.extract.notactors`); a town is :meth:`_names_town`."""
        if names_a_platform(token) or counted_people([token]):
            return True
        if in_another_tongue(_flat_name(token).split()):
            return True  # "kaisa insaaf": a quote in Hindi, no name
        if not any(ch.isalpha() for ch in without_mojibake(token.text)):
            return True  # a quote mark read in the wrong code page ("â€™"), no name
        start, end = _flat_span(token)
        if end - start != len(token.text):
            return is_date_stamp(_flat_name(token))  # "GOMA | Wed Apr 6": a time stamp
        words = self.ctx.resources.word_case
        return is_calendar_word(token.text) or (
            not token.text.isupper() and words.is_common_lowercase_word(token.lower_)
        )

    def _violent(self, token: Token) -> bool:
        """An attack or a weapon: "air strikes", "shelling", "drones", "rockets"."""
        onto = self.ctx.resources.ontology
        lemma = token.lemma_.lower()
        compound = " ".join(t.lower_ for t in token.lefts if t.dep_ == "compound")
        kinds = (onto.noun_type(lemma), onto.noun_type(f"{compound} {lemma}".strip()))
        if lemma in onto.weapon_subjects or onto.means_of([lemma, token.lower_]) is not None:
            return True
        return any(k in onto.violent_types for k in kinds if k)

    def _add_forces(self, token: Token, country: str) -> Mention:
        """A mention of ``country``'s armed forces for the demonym ``token``."""
        name, _entry = state_forces(self.ctx.resources.kb, country)
        start, end = token.idx, token.idx + len(token.text)
        mention = Mention(
            article_id=self.ctx.article.id,
            span=Span(start, end, token.text),
            label="ORG",
            evidence=self.ctx.evidence(self.ctx.view.sent(token)),
            normalized=name,
            group=plain_key(name),
            affiliation=country,
        )
        self.added.append(mention)
        return mention

    def _add(self, token: Token, country: str | None = None, end: int | None = None) -> Mention:
        """A mention for a proper noun, or for a demonym standing for its ``country``;
        ``end`` widens it to the end of a noun it names ("Abala militia")."""
        start, own_end = _flat_span(token)  # the head and its compound/flat modifiers
        end = end or own_end
        text = self.ctx.text[start:end]
        person = None if country else self._person_named_before(text, start)
        mention = Mention(
            article_id=self.ctx.article.id,
            span=Span(start, end, text),
            label="NORP" if country else person.label if person else ADDED_LABEL,
            evidence=self.ctx.evidence(self.ctx.view.sent(token)),
            normalized=clean_surface(text),
            group=f"aff:{country}" if country else person.group if person else plain_key(text),
            affiliation=country,
        )
        self.added.append(mention)
        return mention


# A body's own people, named through its possessive ("its members", "the group's men").
MEMBER_NOUNS = frozenset({"member", "operative", "cadre", "commando", "bomber"})
# People serving in a body, whom "of/from X" or "X-led" ties to it (actorspans' named owner).
SERVING_NOUNS = OWNED_NOUNS | MEMBER_NOUNS | frozenset(
    {"officer", "policeman", "policemen", "police", "personnel", "agent", "guard", "gunman",
     "gunmen", "combatant", "recruit", "militant", "officers", "mercenary", "mercenaries",
     "contractor", "contractors"}
)  # fmt: skip
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
# Roles in which a town's name is the doer's or the owner's, read as before ("Misrata
# said", "the Abala militia attack"): not the object of an act.
_AGENT_DEPS = frozenset({"nsubj", "compound", "amod", "nmod", "poss"})


def _object_role(token: Token) -> bool:
    """Whether a name fills an object's role: "shelled Kharkiv (and Izium)", "an attack
    on Bunia", "the village of Tshanzu"; not a subject or a modifier."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ not in _AGENT_DEPS


def _town_token(token: Token) -> Token | None:
    """The name in "Odesa", "the city of Odesa", "the regional capital Juba"."""
    if token.pos_ == "PROPN":
        return token
    if token.lemma_.lower() not in SETTLEMENT_NOUNS | {"capital"}:
        return None
    for child in token.children:
        if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN" and child.i > token.i:
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((t for t in child.children if t.dep_ == "pobj" and t.pos_ == "PROPN"), None)
    return None


def _flat_first(token: Token) -> Token:
    """The first word of a proper noun with its compound and flat words ("Khan Younis")."""
    words = [t for t in token.subtree if t.i <= token.i and t.dep_ in ("compound", "flat")
             and (t.pos_ == "PROPN" or (t.ent_type_ and t.ent_type_ == token.ent_type_))]  # fmt: skip
    return min([token, *words], key=lambda t: t.i)  # not "capital" of "the capital Juba"


def _flat_span(token: Token) -> tuple[int, int]:
    """Characters of a proper noun with its compound and flat words ("Khan Younis")."""
    return _flat_first(token).idx, token.idx + len(token.text)


def _flat_name(token: Token) -> str:
    # sliced from the name's own tokens: ``Doc.text`` joins the whole document's per call
    return token.doc[_flat_first(token).i : token.i + 1].text


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
            return child
    return None
