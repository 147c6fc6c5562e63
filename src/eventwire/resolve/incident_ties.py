"""Who leads whom, as an article says it: the ties that let one report's commander and
another report's group be one side of an incident.

"Fighters loyal to Issa Kone ambushed a patrol near Kaya" and "The Liptako Brigade said
it had ambushed a patrol near Kaya ... The brigade, led by Issa Kone, ..." tell one
ambush: one outlet names the commander, the other his group. An article ties a person to
a group when it says one leads the other, in one of these English constructions:

* a group, then its leader: "the Liptako Brigade, led by Issa Kone", "the brigade, which
  is commanded by General Musa Bako" (a definite "the brigade" stands for the one actor
  the article names whose name ends in that noun);
* a leader, then his group: "Hisham Ghadamsi, who heads the Gharyan Protection Force",
  "Issa Kone, the commander of the Liptako Brigade", "General Adel Barouni's Southern
  Operations Command" (a possessive after a commander's title, :data:`COMMAND_TITLES`:
  "CNN's Ben Wedeman" or "Libya's rebels" tie no one).

Only actors the article's mentions resolve to are tied (a span must be a mention: "the
brigade" of a story with no brigade named ties nothing), and only the sentences of its
event mentions are read, so a full resolution and a refresh (which keep no article text)
find the same ties. :func:`~eventwire.resolve.incidents.resolve_incidents` unites the
ties of every article: a person tied to a group stands on the group's side and the group
on his (:func:`tied_sides`), one step only, so two groups are never one side through a
chain of ties.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

from eventwire.model import EventMention, Span, mention_key

MAX_NAME_WORDS = 6  # words a name may span on either side of a connector

# a group, then its leader: "X, led by Y", "X, which is commanded by Y"
_LED_BY = re.compile(
    r",?\s+(?:which|who)?\s*(?:is\s+|are\s+)?(?:led|headed|commanded|run)\s+by\s+", re.I
)
# a leader, then his group: "Y, who heads X", "Y, the commander of X", "Y's X"
_LEADS = re.compile(
    r",?\s+(?:who|which)\s+(?:heads|leads|commands|led|headed|commanded|founded)\s+"
    r"|,\s+(?:the\s+)?(?:leader|head|commander|chief|founder|chairman)\s+of\s+",
    re.I,
)
_POSSESSIVE = re.compile(r"['’]s\s+")
# title words that may stand between "led by" and the name ("led by General Musa Bako")
_TITLES = frozenset({"general", "colonel", "major", "captain", "commander", "field",
                     "marshal", "lieutenant", "brigadier", "sheikh", "warlord", "rebel",
                     "militia", "leader", "former", "the"})  # fmt: skip
_WORD = re.compile(r"\S+")
# the titles of a commander, read before a possessive: "General Adel Barouni's forces"
COMMAND_TITLES = frozenset({"general", "gen", "colonel", "col", "major", "captain", "commander",
                            "marshal", "lieutenant", "brigadier", "sheikh", "warlord", "emir",
                            "leader", "chief", "kingpin"})  # fmt: skip


def leader_ties(
    events: Iterable[EventMention], mention_actor: Mapping[str, str]
) -> frozenset[tuple[str, str]]:
    """(leader, group) actor-id pairs the sentences of ``events`` (one article's) state
    (see the module docstring), each pair sorted."""
    events = list(events)
    sentences = {em.evidence.char_start: em.evidence for em in events}
    spans = [s for em in events for s in (em.source, em.target) if s is not None]
    found: set[tuple[str, str]] = set()
    for start in sorted(sentences):
        ev = sentences[start]
        text = ev.sentence
        for m in _LED_BY.finditer(text):
            group = _actor_before(ev.article_id, text, start, m.start(), mention_actor, spans)
            leader = _actor_after(ev.article_id, text, start, m.end(), mention_actor)
            _add(found, leader, group)
        for m in _LEADS.finditer(text):
            leader = _actor_before(ev.article_id, text, start, m.start(), mention_actor, ())
            group = _actor_after(ev.article_id, text, start, m.end(), mention_actor)
            _add(found, leader, group)
        for m in _POSSESSIVE.finditer(text):
            # "General Adel Barouni's" (a span with or without its "'s"), a commander's
            # title before it: "CNN's Ben Wedeman" or "Libya's rebels" tie no one
            for end in (m.start(), m.start() + 2):
                if (at := _start_before(ev.article_id, text, start, end, mention_actor)) is None:
                    continue
                if _word_before(text, at[0]) in COMMAND_TITLES:
                    group = _actor_after(ev.article_id, text, start, m.end(), mention_actor)
                    _add(found, at[1], group)
                break
    return frozenset(found)


def _add(found: set[tuple[str, str]], a: str | None, b: str | None) -> None:
    if a and b and a != b:
        found.add((min(a, b), max(a, b)))


def _starts(text: str, end: int) -> Iterator[int]:
    """Word starts before ``end``, nearest first, at most :data:`MAX_NAME_WORDS`."""
    words = [m.start() for m in _WORD.finditer(text[:end])]
    return reversed(words[-MAX_NAME_WORDS:])


def _start_before(
    article: str, text: str, base: int, end: int, mention_actor: Mapping[str, str]
) -> tuple[int, str] | None:
    """(start in ``text``, actor) of a mention ending at ``end``, the nearest start first."""
    for start in _starts(text, end):
        if a := mention_actor.get(mention_key(article, Span(base + start, base + end, ""))):
            return start, a
    return None


def _word_before(text: str, at: int) -> str:
    words = text[:at].split()
    return words[-1].casefold().rstrip(".") if words else ""


def _actor_before(
    article: str,
    text: str,
    base: int,
    end: int,
    mention_actor: Mapping[str, str],
    spans: Iterable[Span],
) -> str | None:
    """The actor of a mention ending at ``end`` (the nearest start that is one), or of
    "the NOUN" ending there: the one participant span of the article ending in NOUN."""
    if at := _start_before(article, text, base, end, mention_actor):
        return at[1]
    words = text[:end].split()
    if len(words) >= 2 and words[-2].casefold() == "the" and spans:
        noun = words[-1].casefold()
        told = {a for s in spans if s.text.casefold().split()[-1:] == [noun]
                and (a := mention_actor.get(mention_key(article, s)))}  # fmt: skip
        if len(told) == 1:
            return next(iter(told))
    return None


def _actor_after(
    article: str, text: str, base: int, start: int, mention_actor: Mapping[str, str]
) -> str | None:
    """The actor of a mention starting at ``start`` or after title words there ("General
    Musa Bako"), the longest first."""
    words = list(_WORD.finditer(text, start))[: MAX_NAME_WORDS + 2]
    for first in range(len(words)):
        if first and words[first - 1].group().casefold() not in _TITLES:
            break
        for last in range(min(len(words), first + MAX_NAME_WORDS) - 1, first - 1, -1):
            end = words[last].end()
            while end > words[first].start() and text[end - 1] in ",.;:)\"'’":
                end -= 1
            key = mention_key(article, Span(base + words[first].start(), base + end, ""))
            if a := mention_actor.get(key):
                return a
    return None


def tied_sides(ties: Iterable[tuple[str, str]], named: frozenset[str]) -> dict[str, set[str]]:
    """Each named actor -> the named actors tied to it (one step, both ways)."""
    out: dict[str, set[str]] = defaultdict(set)
    for a, b in ties:
        if a in named and b in named:
            out[a].add(b)
            out[b].add(a)
    return out


# who holds a town, as the article says it: "the RSF-held town of Nyala", "rebel-held
# Goma" (an unnamed holder names no side), "Nyala, which is held by the RSF"
_HELD_BEFORE = re.compile(
    r"-(?:held|controlled|occupied)\s+(?:(?:town|city|village|port|district|capital)\s+of\s+)?$",
    re.I,
)
_HELD_AFTER = re.compile(
    r"^,?\s+(?:which\s+|that\s+)?(?:is\s+|was\s+|has\s+been\s+|remains\s+)?(?:long\s+)?"
    r"(?:held|controlled|occupied)\s+by\s+",
    re.I,
)


def town_holders(
    events: Iterable[EventMention], mention_actor: Mapping[str, str], towns: frozenset[str]
) -> dict[str, str]:
    """Town place id -> the actor the sentences of ``events`` (one article's) say holds
    it, for the towns (``towns``: precisions) the events are placed in: "the RSF-held
    town of Nyala", "Nyala, which is controlled by the RSF". A town two holders are
    said to hold has none."""
    events = list(events)
    places = {em.place.id: em.place for em in events
              if em.place and em.place.precision in towns}  # fmt: skip
    sentences = {em.evidence.char_start: em.evidence for em in events}
    found: dict[str, set[str]] = defaultdict(set)
    for start in sorted(sentences):
        ev = sentences[start]
        text = ev.sentence
        for pid in sorted(places):
            name = re.escape(places[pid].name)
            for m in re.finditer(rf"(?<![\w-]){name}(?![\w-])", text, re.I):
                if held := _HELD_BEFORE.search(text[: m.start()]):
                    a = _actor_before(ev.article_id, text, start, held.start(), mention_actor, ())
                    if a:
                        found[pid].add(a)
                if held := _HELD_AFTER.match(text[m.end() :]):
                    a = _actor_after(
                        ev.article_id, text, start, m.end() + held.end(), mention_actor
                    )
                    if a:
                        found[pid].add(a)
    return {pid: next(iter(a)) for pid, a in sorted(found.items()) if len(a) == 1}


# where a government sits, as the article says it of a named actor: "the Council of
# Unity, based in Aden", "the Council, which is headquartered in Aden", "the Aden-based
# Council of Unity" (what ties a government named by its own name in one report to the
# one another report names by its seat)
_SEAT_NAME = r"(?<![\w'’-])(?!(?:The|A|An|Its|Their|Rival)\b)([A-Z][\w'’]*(?:[ -][A-Z][\w'’]*)?)"
_SEATED_AFTER = re.compile(
    r",\s+(?:which\s+is\s+|that\s+is\s+|now\s+)?(?:based|seated|headquartered)\s+in\s+"
    r"(?:the\s+(?:capital|city|port|town)(?:\s+of)?,?\s+)?" + _SEAT_NAME
)
_SEATED_BEFORE = re.compile(_SEAT_NAME + r"-based\s+(?:the\s+)?")


def fold_seat(name: str) -> str:
    """A seat's name as sides key it: folded, its words joined by "-" ("Sana'a" ->
    "sana'a", "Port Sudan" -> "port-sudan")."""
    return "-".join(name.casefold().replace("-", " ").split())


def stated_seats(
    events: Iterable[EventMention], mention_actor: Mapping[str, str]
) -> dict[str, str]:
    """Actor id -> the seat the sentences of ``events`` (one article's) give it, in one of
    two English constructions: an apposition after the actor's name ("the Council of
    Unity, based in Aden", "..., which is headquartered in the city of Aden") or a
    "<seat>-based" modifier before it ("the Aden-based Council of Unity"). An actor given
    two seats by the article gets none. Only the sentences of event mentions are read, so
    a rebuild and a refresh find the same seats."""
    events = list(events)
    sentences = {em.evidence.char_start: em.evidence for em in events}
    found: dict[str, set[str]] = defaultdict(set)
    for start in sorted(sentences):
        ev = sentences[start]
        text = ev.sentence
        for m in _SEATED_AFTER.finditer(text):
            if a := _actor_before(ev.article_id, text, start, m.start(), mention_actor, ()):
                found[a].add(fold_seat(m.group(1)))
        for m in _SEATED_BEFORE.finditer(text):
            if a := _actor_after(ev.article_id, text, start, m.end(), mention_actor):
                found[a].add(fold_seat(m.group(1)))
    return {a: next(iter(s)) for a, s in sorted(found.items()) if len(s) == 1}
