"""Where the doer chooser's training examples come from (read by ``train_chooser.py``).

Each source yields documents, each with a test of whether a candidate mention writes a
gold doer of one of its events, or None for an event the source says nothing about:

* ``written-gold``: the repository's written gold, dev groups but the hold-outs; an
  event is matched to the gold event of its sentence and incident family, and a
  candidate is a doer when it writes a spelling of the gold actor (the scorer's ``owns``).
* ``acled``: ACLED's coder notes (dev half), each coded with the one who acted
  (``actor1``; in a battle both sides fight, so ``actor2`` too); a candidate is a doer when
  it shares a content word with that name (the scorer's ``text_overlap``), demonyms read
  as their country; an "unidentified armed group" is any unnamed armed group noun, and a
  state's "military forces" also any unnamed state force noun.
* ``muc4``: MUC-4's mixed-case messages (dev half) with a perpetrator, text overlap with
  any perpetrator string, for every violent event of the message.
* ``india-police``: sentences (dev half) labelled as police killing or using force; a
  candidate is a doer of such a sentence's violent event when it names the police.

The real sets are read only when a data folder is given; the written gold always.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.evaluate.base import gold_article, read_jsonl
from eventwire.evaluate.metrics import content_words, text_overlap
from eventwire.evaluate.sets import acled, india_police, muc4
from eventwire.evaluate.sets.conflict_gold import (
    Gold,
    gold_of_articles,
    owns,
    read_articles,
    same_sentence_text,
)
from eventwire.evaluate.sets.written_gold import FOLDER, articles_of_groups, check
from eventwire.model import Article, EventMention, Mention

# Written-gold dev groups never read nor trained on: the fifth batch's, and a second set
# kept for relations.
HOLD_OUTS = frozenset({"AW", "AY", "BA", "BC", "BE", "AM", "AO", "AQ", "AS", "AV"})
INDIA_DOCS = 150  # india-police dev documents, evenly spread (as its evaluation samples)
_POLICE = re.compile(r"\b(police\w*|cops?|constables?|inspectors?)\b", re.I)

# is_doer(mention, event, mentions, kind) -> True/False, or None: the source has no doer
# for this event (it is left out)
IsDoer = Callable[[Mention, EventMention, tuple[Mention, ...], str | None], bool | None]


@dataclass(frozen=True)
class SourceDoc:
    """One document of one source: its article, its cross-validation group, and the
    test of a candidate against the source's doers."""

    source: str
    group: str
    article: Article
    is_doer: IsDoer


def written_gold(onto: Any) -> tuple[list[SourceDoc], list[str]]:
    gold = check(FOLDER)
    groups = sorted(g for g in gold["split"]["dev"] if g not in HOLD_OUTS)
    sub = gold_of_articles(gold, articles_of_groups(gold, groups))
    articles = read_articles(FOLDER, sub)
    g = Gold(sub)
    out = []
    for name in sorted(articles):
        events = [ge for ge in sub["events"] if ge["article"] == name]
        out.append(SourceDoc("written-gold", sub["articles"][name]["group"], articles[name],
                             _written_doer(g, events, onto)))  # fmt: skip
    return out, groups


def _written_doer(g: Gold, gold_events: list[dict[str, Any]], onto: Any) -> IsDoer:
    def gold_event(e: EventMention) -> dict[str, Any] | None:
        """The gold event told in our event's sentence, of its incident family."""
        family = onto.incident_family(e.type)
        for ge in gold_events:
            if not same_sentence_text(e.evidence.sentence, ge.get("evidence", "")):
                continue
            types = {
                onto.normalise(t) or t for t in (ge["plover_type"], *ge.get("plover_also_ok", []))
            }
            if any(onto.incident_family(t) == family for t in types):
                return ge
        return None

    def is_doer(
        m: Mention, e: EventMention, mentions: tuple[Mention, ...], _kind: str | None
    ) -> bool | None:
        ge = gold_event(e)
        if ge is None:
            return None
        names = [n for n in (ge.get("actor"), *ge.get("also_accept_actor", [])) if n]
        spellings = [s for n in names for s in g.spellings(n)]
        if not spellings:
            return False

        def writes(x: Mention) -> bool:
            return any(owns(x.span.text, s) or owns(x.normalized, s) for s in spellings)

        return writes(m) or (bool(m.group) and any(x.group == m.group and writes(x)
                                                   for x in mentions))  # fmt: skip

    return is_doer


def real_sets(data: Path, demonym: Callable[[str], str | None]) -> Iterator[SourceDoc]:
    """The dev items of ACLED, MUC-4 and india-police under ``data``."""
    by_note: dict[str, list[acled.AcledGold]] = {}
    for a in acled.read(data / "acled_mena_notes" / acled.MARKER, None, "dev"):
        by_note.setdefault(a.notes, []).append(a)
    actor2 = _acled_actor2(data / "acled_mena_notes" / acled.MARKER)
    for notes, rows in by_note.items():
        names = [r.actor1 for r in rows if r.actor1]
        names += [actor2.get(r.id, "") for r in rows if "Battles" in r.event_types]
        if names:
            yield SourceDoc("acled", f"acled:{rows[0].id}", gold_article(notes),
                            _named_doer([n for n in names if n], demonym))  # fmt: skip
    for m in muc4.read(data / "muc4_terrorism_templates" / muc4.MARKER, None, "dev"):
        if m.perpetrators and any(c.islower() for c in m.text):
            yield SourceDoc("muc4", f"muc4:{m.id}", gold_article(m.text, published=m.published),
                            _named_doer(list(m.perpetrators), demonym))  # fmt: skip
    path = data / "india_police_events" / india_police.MARKER
    for d in india_police.read(path, INDIA_DOCS, "dev"):
        spans = [(s.start, s.end) for s in d.sentences if s.labels & {"KILL", "FORCE"}]
        yield SourceDoc("india-police", f"india:{d.id}",
                        gold_article(d.text, published=d.published or None), _police_doer(spans))  # fmt: skip


def _acled_actor2(path: Path) -> dict[str, str]:
    return {r["event_id_cnty"]: r.get("actor2") or "" for r in read_jsonl(path)}


def _core(name: str) -> str:
    """A coder's actor name without its bracketed country or years."""
    return re.sub(r"\([^)]*\)", " ", name).strip()


def _initials(name: str) -> set[str]:
    """The initials of three or more neighbouring capitalised words of a name ("Forces
    of Libya Government of National Accord" gives "GNA" among others; small words inside
    a run are skipped)."""
    out, run = set(), ""
    for w in [*name.split(), "."]:
        if w[:1].isupper():
            run += w[0]
        elif w.lower() not in ("of", "the", "for", "and") or not run:
            out |= {run[i:j] for i in range(len(run)) for j in range(i + 3, len(run) + 1)}
            run = ""
    return out


def _named_doer(names: list[str], demonym: Callable[[str], str | None]) -> IsDoer:
    """A doer named in a coder's words: shares a content word with one of ``names`` (with
    its bracketed country or years dropped), a demonym counting as its country, or writes
    a name's initials; a name with no content word left ("Unidentified Armed Group") is
    any unnamed armed group, and a state's forces also any unnamed state force."""
    cores = [_core(n) for n in names]
    unnamed = any(not content_words(c) for c in cores)
    state = any(re.match(r"(Military|Police) Forces of", c) for c in cores)
    initials = {i for c in cores for i in _initials(c)}

    def is_doer(
        m: Mention, _e: EventMention, _mentions: tuple[Mention, ...], kind: str | None
    ) -> bool:
        texts = [m.span.text, m.normalized]
        texts += [c for t in texts for w in t.split() if (c := demonym(w))]
        if text_overlap(texts, [c for c in cores if content_words(c)]):
            return True
        if any(w in initials for w in m.span.text.split()):
            return True
        lower = m.span.text[:1].islower()
        return lower and ((unnamed and kind == "armed") or (state and kind == "state"))

    return is_doer


def _police_doer(spans: list[tuple[int, int]]) -> IsDoer:
    def is_doer(
        m: Mention, e: EventMention, _mentions: tuple[Mention, ...], _kind: str | None
    ) -> bool | None:
        at = e.trigger.start
        if not any(lo <= at < hi for lo, hi in spans):
            return None
        return bool(_POLICE.search(m.span.text))

    return is_doer
