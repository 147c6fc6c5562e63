"""Synthetic articles with document records, for scale benchmarks and store tests.

Parsing is skipped: each article comes with the records extraction would give it,
drawn with the shapes real news has: a few actors per article, chosen from a pool
where a few names take most mentions (a power law), two to four mentions each, one
to four events with dates spread over years and places from a gazetteer-like pool
(also power-law), some relation statements and quotes. Article ``n`` of a seed is
the same whatever else is generated, so any batch split gives the same records.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from eventwire.model import (
    Article,
    Count,
    DocumentRecords,
    EventMention,
    Evidence,
    Mention,
    Place,
    PlaceMention,
    QuoteMention,
    RelationMention,
    Span,
    When,
)

_GIVEN = (
    "Ali",
    "Omar",
    "Khalid",
    "Salem",
    "Fathi",
    "Hassan",
    "Nouri",
    "Aref",
    "Bashir",
    "Faraj",
    "Idris",
    "Jamal",
    "Mahmoud",
    "Mustafa",
    "Ramadan",
    "Saad",
    "Tarek",
    "Walid",
)
_SYLLABLES = (
    "ba",
    "da",
    "fa",
    "ga",
    "ha",
    "ja",
    "ka",
    "la",
    "ma",
    "na",
    "ra",
    "sa",
    "ta",
    "wa",
    "za",
    "bi",
    "di",
    "fi",
    "mi",
    "ni",
    "ri",
    "si",
    "zi",
    "bu",
    "du",
    "mu",
    "nu",
    "ru",
    "su",
    "tu",
)
_ORG_WORDS = ("Brigade", "Battalion", "Forces", "Council", "Ministry", "Movement", "Front")
_EVENTS = (
    ("ASSAULT", "shelled"),
    ("ASSAULT", "attacked"),
    ("ACCUSE", "accused"),
    ("SUPPORT", "backed"),
    ("CONSULT", "met"),
    ("COERCE", "arrested"),
    ("PROTEST", "protested against"),
    ("THREATEN", "threatened"),
)
_RELATIONS = ("ally", "oppose", "support")  # fmt: skip


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables)).capitalize()


@dataclass(frozen=True)
class World:
    """The pools articles draw from: actor names and places."""

    names: tuple[tuple[str, str], ...]  # (name, NER label)
    places: tuple[Place, ...]

    @classmethod
    def make(cls, articles: int, seed: int = 7) -> World:
        rng = random.Random(seed)
        n_actors = max(50, articles // 10)
        names: dict[str, str] = {}
        while len(names) < n_actors:
            if rng.random() < 0.6:
                names[f"{rng.choice(_GIVEN)} {_word(rng, 3)}"] = "PERSON"
            else:
                names[f"{_word(rng, 2)} {rng.choice(_ORG_WORDS)}"] = "ORG"
        places = tuple(
            Place(
                f"geonames:{900000 + n}",
                f"{_word(rng, 3)}",
                round(rng.uniform(25.0, 33.0), 4),
                round(rng.uniform(10.0, 25.0), 4),
                "LBY",
                None,
                "city",
            )
            for n in range(max(100, min(20000, articles // 20)))
        )
        return cls(tuple(sorted(names.items())), places)


def _skewed(rng: random.Random, size: int) -> int:
    """An index into a pool of ``size`` drawn from a power law (index 0 most likely)."""
    return min(size - 1, int(rng.paretovariate(0.6)) - 1)


def synthetic_document(world: World, n: int, seed: int = 7) -> tuple[Article, DocumentRecords]:
    """Article number ``n`` with its records."""
    rng = random.Random(seed * 1_000_003 + n)
    aid = f"syn_{seed}_{n:08d}"
    actors = sorted({_skewed(rng, len(world.names)) * 7919 % len(world.names)
                     for _ in range(rng.randint(1, 5))})  # fmt: skip
    base_day = rng.randrange(3650)
    year, day = 2015 + base_day // 365, base_day % 365
    parts: list[str] = []
    offset = 0
    sentences: list[Evidence] = []

    def sentence(words: list[str]) -> list[Span]:
        """Append a sentence made of ``words``; returns each word's span."""
        nonlocal offset
        spans, pos = [], offset
        for w in words:
            spans.append(Span(pos, pos + len(w), w))
            pos += len(w) + 1
        text = " ".join(words) + "."
        sentences.append(Evidence(aid, text, offset, offset + len(text)))
        parts.append(text)
        offset += len(text) + 1
        return spans

    mentions: list[Mention] = []
    first_span: dict[int, Span] = {}
    for a in actors:
        name, label = world.names[a]
        for k in range(rng.randint(1, 3)):
            span = sentence([name, "spoke" if k else "was named"])[0]
            mentions.append(Mention(aid, span, label, sentences[-1], normalized=name,
                                    group=f"g{a}"))  # fmt: skip
            first_span.setdefault(a, span)
    events, places, relations, quotes = [], [], [], []
    for _ in range(rng.randint(1, 4)):
        etype, verb = rng.choice(_EVENTS)
        src = rng.choice(actors)
        tgt = rng.choice(actors) if rng.random() < 0.6 else None
        place = world.places[_skewed(rng, len(world.places))]
        spans = sentence(["They", verb, "in", place.name])
        d = min(364, max(0, day + rng.randint(-3, 3)))
        month, mday = 1 + d // 31 % 12, 1 + d % 28
        precise = rng.random() < 0.8
        when = When(f"{year}-{month:02d}-{mday:02d}" if precise else f"{year}-{month:02d}",
                    "day" if precise else "month")  # fmt: skip
        counts: tuple[Count, ...] = ()
        if etype == "ASSAULT" and rng.random() < 0.5:
            counts = (Count("killed", rng.randint(1, 30), None, "killed", sentences[-1],
                            spans[1]),)  # fmt: skip
        places.append(PlaceMention(aid, spans[3], place, sentences[-1]))
        events.append(
            EventMention(aid, etype, spans[1], sentences[-1], first_span[src],
                         first_span[tgt] if tgt is not None else None, when=when, place=place,
                         counts=counts, lemma=verb.split()[0])
        )  # fmt: skip
    if len(actors) > 1 and rng.random() < 0.3:
        spans = sentence(["They", "are", "allies"])
        relations.append(RelationMention(aid, rng.choice(_RELATIONS), first_span[actors[0]],
                                         first_span[actors[1]], sentences[-1]))  # fmt: skip
    if rng.random() < 0.3:
        spans = sentence(['"We', "will", 'return"'])
        quotes.append(QuoteMention(aid, "We will return", Span(spans[0].start, spans[-1].end,
                                   sentences[-1].sentence[:-1]), sentences[-1],
                                   first_span[actors[0]]))  # fmt: skip
    text = " ".join(parts)
    article = Article(aid, text, title=f"Report {n}", outlet="Synthetic Wire",
                      published=f"{year}-{1 + day // 31 % 12:02d}", published_precision="month")  # fmt: skip
    return article, DocumentRecords(
        article_id=aid,
        mentions=tuple(mentions),
        places=tuple(places),
        events=tuple(events),
        relations=tuple(relations),
        quotes=tuple(quotes),
    )
