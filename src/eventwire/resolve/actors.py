"""Actor resolution across documents (simple version: one actor per distinct name)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from eventwire.extract.context import Resources
from eventwire.model import Actor, DocumentRecords, mention_key
from eventwire.resolve.ids import stable_id
from eventwire.resolve.names import plain_key

LABEL_TYPES = {"PERSON": "person", "ORG": "other", "GPE": "country", "NORP": "other"}


@dataclass(frozen=True)
class ActorResolution:
    actors: tuple[Actor, ...]
    mention_actor: dict[str, str]
    explanations: dict[str, tuple[str, ...]] = field(default_factory=dict)


def resolve_actors(docs: Sequence[DocumentRecords], resources: Resources) -> ActorResolution:
    groups: dict[str, list] = defaultdict(list)
    for doc in docs:
        for m in doc.mentions:
            key = plain_key(m.normalized or m.span.text)
            if key:
                groups[key].append(m)
    actors, mention_actor = [], {}
    for key in sorted(groups):
        ms = groups[key]
        forms = Counter(m.normalized or m.span.text for m in ms)
        name = max(forms, key=lambda f: (forms[f], len(f), f))
        label = Counter(m.label for m in ms).most_common(1)[0][0]
        actor_id = stable_id("actor", key)
        actors.append(
            Actor(
                id=actor_id,
                name=name,
                type=LABEL_TYPES.get(label, "other"),
                aliases=tuple(sorted({m.span.text for m in ms})),
                mention_count=len(ms),
                article_count=len({m.article_id for m in ms}),
            )
        )
        for m in ms:
            mention_actor[mention_key(m.article_id, m.span)] = actor_id
    return ActorResolution(tuple(actors), mention_actor)
