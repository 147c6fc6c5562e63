"""Names filling a role that are places, or that name nobody.

A town's name in the role of an object is where the act happens, not an actor; a
capital can stand for its state and a town attacked from across a border for the state
it lies in; a dateline's place and a country written as where something happens are
no party. :class:`FillerPlaces` holds these readings for
:class:`~eventwire.extract.actorspans.MentionIndex`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.datelines import colon_datelines
from eventwire.extract.filler_mentions import (
    Filler,
    FillerMentions,
    flat_first,
    flat_name,
    flat_span,
)
from eventwire.extract.locatives import locative_country
from eventwire.extract.notactors import (
    SETTLEMENT_NOUNS,
    counted_people,
    in_settlement_phrase,
    is_calendar_word,
    is_date_stamp,
    letter_digit_code,
    names_a_platform,
    place_test,
    without_mojibake,
)
from eventwire.extract.tongues import in_another_tongue
from eventwire.model import Place, Span

if TYPE_CHECKING:
    from spacy.tokens import Token


class FillerPlaces(FillerMentions):
    """Towns, capitals and countries in a role, and names that stand for no actor."""

    def _country_as_place(self, token: Token) -> bool:
        """A country's name written as where the act is ("the war in Iraq", "unrest
        sweeping Syria"), which the mention pass left out: no party to the act
        (:func:`~eventwire.extract.locatives.locative_country`)."""
        name = token.doc[flat_first(token).i : token.i + 1]
        return self.ctx.resources.kb.is_country_name(name.text) and locative_country(name)

    def _names_town(self, token: Token) -> bool:
        """A town's, district's or region's name no mention covers, in the role of an
        object ("shelled Kharkiv", "seized Walikale", "an attack on the town of Bunia"): the
        place where the act happens, never an actor it acts on (the caller keeps it as the
        event's place). A country stays an actor ("attacked Ukraine", "aid to Bosnia"),
        and so does a name the gazetteer does not know as a place."""
        if in_settlement_phrase(token):
            return True
        name = flat_name(token)
        kb = self.ctx.resources.kb
        if letter_digit_code(name) or kb.is_country_name(name) or kb.lookup(name):
            return False  # "M23", "Ukraine", a group the KB names
        if self._person_named_before(name, flat_span(token)[0]) is not None:
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

    def _town_modifier(self, token: Token) -> bool:
        """A town's name modifying the noun after it, no capital standing for a state."""
        return (
            token.pos_ == "PROPN"
            and token.i + 1 == token.head.i
            and self.ctx.resources.kb.country_of_capital(flat_name(token)) is None
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
            for c in self.ctx.resources.gazetteer.named(flat_name(token))
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

    def _capital_metonym(self, filler: Filler) -> bool:
        mention = self.mention(filler.span)
        kb = self.ctx.resources.kb
        return (
            mention is not None
            and mention in self.added
            and mention.group.startswith("aff:")
            and kb.country_of_capital(mention.span.text) is not None
        )

    def _named_place(self, token: Token) -> bool:
        """A place's name no mention covers ("fighters from Kidal"): where they come from,
        not whose they are."""
        if self.covering(token) is not None:
            return False
        if self._is_place is None:
            self._is_place = place_test(self.ctx.resources.gazetteer)
        return token.ent_type_ in ("GPE", "LOC") or bool(self._is_place(flat_name(token)))

    def _not_an_actor(self, token: Token) -> bool:
        """A proper noun filling a role that names no actor: mojibake without letters,
        people counted ("killed three Americans"), a platform ("on his Twitter account"),
        words of a Hindi or Urdu sentence in Latin letters, a lone month or weekday ("Apr")
        or a lone common word ("National", "Environment"), a wire story's time stamp
        ("Wed Apr 6"), as the mention pass rules
        (:mod:`eventwire.extract.notactors`); a town is :meth:`_names_town`."""
        if names_a_platform(token) or counted_people([token]):
            return True
        if in_another_tongue(flat_name(token).split()):
            return True  # "kaisa insaaf": a quote in Hindi, no name
        if not any(ch.isalpha() for ch in without_mojibake(token.text)):
            return True  # a quote mark read in the wrong code page ("â€™"), no name
        start, end = flat_span(token)
        if end - start != len(token.text):
            return is_date_stamp(flat_name(token))  # "GOMA | Wed Apr 6": a time stamp
        words = self.ctx.resources.word_case
        return is_calendar_word(token.text) or (
            not token.text.isupper() and words.is_common_lowercase_word(token.lower_)
        )


# Roles in which a town's name is the doer's or the owner's, read as before ("Misrata
# said", "the Abala militia attack"): not the object of an act.
_AGENT_DEPS = frozenset({"nsubj", "compound", "amod", "nmod", "poss"})


def object_role(token: Token) -> bool:
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
