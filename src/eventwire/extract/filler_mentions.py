"""The mentions a role filler can be: those the document has and those added for it.

:class:`FillerMentions` holds a document's mentions and finds the one at a span or over
a token, the antecedent of a pronoun, and makes the mentions the role readers add when
the mention pass left a filler out: a proper noun it missed, a demonym standing for its
country or its armed forces, an unnamed group named by a common noun, a town standing
for its state. :class:`~eventwire.extract.actorspans.MentionIndex` builds on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eventwire.extract.context import DocContext
from eventwire.extract.namephrases import state_forces
from eventwire.extract.pronouns import resolve_pronouns
from eventwire.model import GROUP_LABEL, Mention, Span
from eventwire.text.names import clean_surface, plain_key

if TYPE_CHECKING:
    from spacy.tokens import Token

ADDED_LABEL = "ROLE"  # label of mentions added here for role fillers spaCy's NER missed


@dataclass(frozen=True)
class Filler:
    """An actor mention filling a role, with qualifiers such as ``forces``."""

    span: Span
    qualifiers: tuple[str, ...] = ()


@dataclass
class FillerMentions:
    """A document's mentions by span and by token, with those added for role fillers."""

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

    def _drop(self, span: Span) -> None:
        """Forget a mention added here that names no actor after all, for good."""
        self.added = [m for m in self.added if m.span != span]
        self._by_span, self._by_token, self._indexed = {}, {}, 0
        self._places.add(span.start)

    def _add_state(self, token: Token, country: str) -> Mention:
        """A mention of the state ``country`` over a town's name: a capital standing for
        its government ("help from Moscow"), a town attacked across a border."""
        entry = self.ctx.resources.kb.country(country)
        start, end = flat_span(token)
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
        start, own_end = flat_span(token)  # the head and its compound/flat modifiers
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


def flat_first(token: Token) -> Token:
    """The first word of a proper noun with its compound and flat words ("Khan Younis")."""
    words = [t for t in token.subtree if t.i <= token.i and t.dep_ in ("compound", "flat")
             and (t.pos_ == "PROPN" or (t.ent_type_ and t.ent_type_ == token.ent_type_))]  # fmt: skip
    return min([token, *words], key=lambda t: t.i)  # not "capital" of "the capital Juba"


def flat_span(token: Token) -> tuple[int, int]:
    """Characters of a proper noun with its compound and flat words ("Khan Younis")."""
    return flat_first(token).idx, token.idx + len(token.text)


def flat_name(token: Token) -> str:
    # sliced from the name's own tokens: ``Doc.text`` joins the whole document's per call
    return token.doc[flat_first(token).i : token.i + 1].text
