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
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.extract.eventroles import close_apposition
from eventwire.extract.namephrases import state_forces
from eventwire.extract.notactors import counted_people, names_a_platform, stance_objects
from eventwire.extract.pronouns import ANAPHORS, held_by, resolve_pronouns
from eventwire.model import Mention, Span
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
            # "Syrian and Russian jets": each coordinated demonym names its own side
            for mod in (c for c in tok.children if c.dep_ == "amod" and c.i < tok.i):
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
        if pronoun and token.pos_ == "NOUN" and isinstance(ante := self.antecedent(token), Mention):
            return Filler(ante.span)  # "the group": the named group it stands for (pronouns.py)
        covering = self.covering(token)
        if covering:
            return Filler(covering.span)
        if self._names_backed_party(token):
            return self._backed_party(token)
        if (stance := stance_objects(token)) is not None:
            # "pro-Turkish factions": not Turkey; "anti-Houthi National Resistance forces":
            # the name the stance does not qualify
            names = [c for c in token.children if c.i < token.i and c.i not in stance
                     and c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]  # fmt: skip
            # ("pro-Hadi forces of the 35th Brigade": the brigade)
            return self.filler(names[-1]) if names else self._named_by_of(token)
        if token.lemma_.lower() in FORCE_NOUNS or low in FORCE_NOUNS:
            owner = _owner_of_forces(token)
            if owner is not None:
                inner = self.filler(owner)
                if inner:
                    return Filler(inner.span, ("forces",))
        for child in token.children:
            if child.dep_ in ("compound", "amod", "nmod", "appos") and (m := self.covering(child)):
                followers = m.label == "PERSON" and token.lemma_.lower() in FOLLOWER_NOUNS
                return Filler(m.span, (FOLLOWERS,) if followers else ())
        if (owner := held_by(token)) is not None and (held := self.filler(owner)):
            return held  # "attacked its positions": the army (pronouns.py)
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
            if self._not_an_actor(token):
                return None
            return Filler(self._add(token).span)
        if token.pos_ == "ADJ" and (iso3 := self.ctx.resources.kb.country_by_demonym(token.text)):
            if token.dep_ in ("amod", "compound") and self._violent(token.head):
                return Filler(self._add_forces(token, iso3).span)  # "Israeli airstrikes"
            return Filler(self._add(token, iso3).span)  # "Turkish diplomacy"
        return None

    def _named_by_of(self, token: Token) -> Filler | None:
        """The name of an "of" phrase: "forces of the 35th Brigade"."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (m := self.covering(pobj)):
                        return Filler(m.span)
        return None

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
            and len(words := plain_key(m.span.text).split()) > 1
            and key in (words[0], words[-1])
        }  # whatever the model labelled them, two fitting names make it ambiguous
        person = next(iter(fits.values())) if len(fits) == 1 else None
        return person if person is not None and person.label == "PERSON" else None

    def _not_an_actor(self, token: Token) -> bool:
        """A proper noun filling a role that names no actor: people counted ("killed three
        Americans"), a platform ("on his Twitter account"). A place in an object's role
        ("attacked Kidal") stays a role filler here: the public sets code such targets."""
        return names_a_platform(token) or counted_people([token])

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

    def _add(self, token: Token, country: str | None = None) -> Mention:
        """A mention for a proper noun, or for a demonym standing for its ``country``."""
        # The flat proper-noun phrase: the head and its compound/flat modifiers.
        words = [t for t in token.subtree if t.i <= token.i and t.dep_ in ("compound", "flat")]
        start_tok = min([token, *words], key=lambda t: t.i)
        start, end = start_tok.idx, token.idx + len(token.text)
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


def _pobj_of(prep: Token) -> Token | None:
    return next((t for t in prep.children if t.dep_ == "pobj"), None)


def _owner_of_forces(token: Token) -> Token | None:
    """X in "X's forces", "forces of X", "fighters from X", "forces loyal to X"."""
    for child in token.children:
        if child.dep_ == "poss":
            return child
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            return next((t for t in child.children if t.dep_ == "pobj"), None)
        if child.lemma_ in ("loyal", "allied", "affiliated", "aligned"):
            for prep in child.children:
                if prep.dep_ == "prep":
                    return next((t for t in prep.children if t.dep_ == "pobj"), None)
    for child in token.children:
        if child.dep_ in ("compound", "amod") and child.pos_ in ("PROPN", "ADJ"):
            return child
    return None
