"""A country named as where something is, goes or comes from: a place, not the state.

"fighting in Chad", "fled into Niger", "southern Sudan", "the streets of Egypt", "protests
swept Egypt", "in Kano, Nigeria", "flew her children to Britain": the country is where, and
its state does not act there. "Chad said", "help from Chad", "aid to Chad" and "Chad's
army" stay the state.
"""

from __future__ import annotations

from typing import Any

from eventwire.extract.notactors import BORDER_NOUNS, REGION_ADJECTIVES

# Prepositions whose object is where something is or goes: "clashes in Chad", "fled into
# Niger", "troops across Mali". Not "from" ("help from Qatar": the helper) nor "to"
# ("aid to Sudan": the one helped).
LOCATIVE_PREPS = frozenset(
    ["in", "into", "inside", "within", "throughout", "across", "around", "near", "outside"]
)


def locative_country(name: Any) -> bool:
    """A country's name (``name``, a span) written as where something is or goes: the
    object of a place preposition ("fighting in Chad", "crossed into Niger"), named by a
    part of it ("in southern Sudan", "Basra, southern Iraq", in lower case: "South Sudan"
    is a name; "the streets of Egypt", "the north of Mali"), or swept by unrest ("protests
    swept Egypt"), or where one travels (:func:`_way_of_travel`). A part of a country an act
    is aimed at is the state's ("gunmen attacked southern Chad": Chad is attacked). The
    country's state does not act there; it is the place. "Chad said",
    "help from Chad", "aid to Chad" and "Chad's army" stay the state."""
    root = name.root
    if root.dep_ in ("appos", "compound", "npadvmod", "pobj") and any(
        c.dep_ in ("amod", "compound") and c.i < name.start and c.lower_ in REGION_ADJECTIVES
        and c.is_lower
        for c in root.children
    ):  # fmt: skip
        return True  # "Basra, southern Iraq", "the northern Niger town", "flown to northern Sudan"
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "in Chad and Niger": Niger too
    head = root.head
    if _address_part(root):
        return True
    if root.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in BORDER_NOUNS:
        return True  # "close to the border with Chad": where, not the state
    if root.dep_ == "dobj":  # "protests swept Egypt", "the unrest gripping Syria"
        return head.lemma_.lower() in SWEEPING_VERBS
    if root.dep_ != "pobj" or head.dep_ != "prep":
        return False
    if head.lower_ == "of":  # "the streets of Egypt", "the north of Mali"
        return head.head.lemma_.lower() in PLACE_PART_NOUNS
    return head.lower_ in LOCATIVE_PREPS or _way_of_travel(head)


def _way_of_travel(prep: Any) -> bool:
    """A country as where one goes, comes from or flies over: the object of "to" or "from"
    after a verb or noun of travel ("she flew her children to Britain", "he reported from
    Peru", "a trip to Nepal", "went back to Chile"), of "from" after a verb of speaking
    ("she spoke from Yemen"), or of "over" after a word of flight
    ("patrols over Yemen", "a no-fly zone over Mali"). Not "aid to Chad", "help from
    Chad", "sent arms to Chad" or "control over Chad": the state helped, helping, armed or
    ruled."""
    word = prep.lower_
    head = prep.head
    if head.lower_ in ("back", "home", "away", "out") and head.head.i != head.i:
        head = head.head  # "went back to Chile", "brought home from Iraq"
    lemma = head.lemma_.lower()
    if word == "over":
        return lemma in FLIGHT_WORDS
    if word not in ("to", "from"):
        return False
    if head.pos_ in ("VERB", "AUX"):
        return lemma in TRAVEL_VERBS or (word == "from" and lemma in SPEAKING_VERBS)
    return head.pos_ == "NOUN" and lemma in (TRAVEL_NOUNS_TO if word == "to" else TRAVEL_NOUNS_FROM)


# Verbs of going, taking or coming whose "to"/"from" object is a place ("fled to Chad",
# "pulled out troops from Iraq"); not "send", "supply" or "come" ("arms came from Iran":
# the supplier), nor "appeal" or "talk" (the state addressed).
TRAVEL_VERBS = frozenset(
    ["go", "travel", "fly", "flee", "move", "take", "bring", "pull", "withdraw", "return",
     "evacuate", "escape", "deport", "relocate", "migrate", "head", "drive", "walk",
     "repatriate", "report", "ban", "expel", "arrive", "sail"]
)  # fmt: skip
# Verbs of speaking whose "from" object is where the speaker is ("she spoke from Yemen",
# "he wrote from Chad"); "to" after them is whom one speaks to, the state.
SPEAKING_VERBS = frozenset(["speak", "say", "write", "talk", "call", "broadcast", "tell"])
# Nouns of a journey to a country ("a visit to Peru", "access to Syria"); from one, only
# the line one speaks on ("on the phone from Syria"): "help from Chad" is Chad's.
TRAVEL_NOUNS_TO = frozenset(
    ["visit", "trip", "journey", "return", "flight", "access", "travel", "route", "road",
     "way", "tour", "voyage", "deportation", "passage", "entry"]
)  # fmt: skip
TRAVEL_NOUNS_FROM = frozenset(["phone", "line", "telephone"])
# Words of flight whose "over" object is the airspace crossed ("jets flying over Iraq").
FLIGHT_WORDS = frozenset(
    ["fly", "zone", "patrol", "flight", "overflight", "airspace", "sky", "hover", "circle",
     "drone", "surveillance", "reconnaissance"]
)  # fmt: skip


def _address_part(root: Any) -> bool:
    """A country written as part of a place's address: after a town in apposition
    ("in Kano, Nigeria") or as the first word of a city's name the model split ("Kuwait
    City")."""
    head = root.head
    if root.dep_ == "compound" and head.lower_ == "city" and head.i == root.i + 1:
        return True
    return (
        root.dep_ == "appos"
        and head.i < root.i
        and head.ent_type_ in ("GPE", "LOC")
        and root.doc[root.i - 1].text == ","
        and head.head.dep_ == "prep"
        and head.head.lower_ in LOCATIVE_PREPS
    )


# Verbs of unrest spreading over a country, their object the place: "protests swept
# Egypt", "violence engulfing Libya", "the crisis gripping Sudan".
SWEEPING_VERBS = frozenset({"sweep", "engulf", "grip", "rock", "roil", "convulse", "spread"})
# Parts of a country named before "of" it: "the streets of Egypt", "the north of Mali".
PLACE_PART_NOUNS = frozenset(
    ["street", "city", "town", "village", "north", "south", "east", "west", "centre", "center",
     "part", "border", "boundary", "boundaries", "frontier", "outskirts", "province",
     "region", "territory", "interior", "coast",
     "countryside", "capital"]
)  # fmt: skip
