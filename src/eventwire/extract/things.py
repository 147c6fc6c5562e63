"""Names of things, never actors: a structure, a train or a feast named like a person.

"the kestrel express", "the Varun temple", "the Lantern Festival": the model tags the name
as a person, a body or a place, but it names a thing, where something happens or what it
happens to, never who acts.
"""

from __future__ import annotations

from typing import Any

# Common nouns of a named structure, vehicle or feast: "the Kestrel Express", "the Noor
# mosque", "Varun temple", "the Lantern festival". Not "hospital" (a hospital speaks for its
# staff: "the Nasser hospital said"), nor a newspaper's "Express" ending a capitalised name.
THING_HEADS = frozenset(
    ["express", "train", "temple", "mandir", "masjid", "mosque", "church", "shrine",
     "gurdwara", "dargah", "cathedral", "synagogue", "festival", "stadium", "airport",
     "bridge", "dam"]
)  # fmt: skip
# The heads that end a thing's own name ("Noor Masjid"); never "Express" or "Church" there:
# "the Indian Express" is a newspaper, "the Catholic Church" a body that speaks.
NAME_ENDING_HEADS = THING_HEADS - {"express", "church"}


def before_thing_noun(name: Any) -> bool:
    """ "the kestrel express", "the noor masjid", "the Varun temple": a name (``name``, a
    span) set right before the lower-case noun of a structure, a train or a feast names that
    thing, no actor, wherever the article names it ("the Kestrel ... the train" keeps
    it, "burnt the Kestrel" too). Built like :func:`before_place_noun`."""
    root = name.root
    head = root.head
    return (
        root.dep_ in ("compound", "nmod", "amod")
        and head.i == name.end
        and head.is_lower
        and head.pos_ in ("NOUN", "PROPN")
        and head.lower_ in THING_HEADS
    )


def named_by_thing_noun(name: str) -> bool:
    """A name ending in a structure's or a feast's noun is that thing: "Noor Masjid",
    "the Golden Temple", "Lantern Festival" (never "Express" or "Church": "the Indian
    Express" is a newspaper, "the Catholic Church" a body that speaks)."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in NAME_ENDING_HEADS
