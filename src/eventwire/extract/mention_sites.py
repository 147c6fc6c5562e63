"""Named buildings and roads the text uses as where something happened: no actors there.

"died at the Kabarnet County Referral Hospital", "was flown to the Combined Military
Hospital", "medics at Nasser Hospital said", "on the Asian Highway": the tagger tags the
name as a body, and the hospital became an actor no one acts as. A hospital may still speak
for its staff ("Nasser Hospital said 12 bodies were brought in"): only the mention whose
sentence puts it after a preposition of place is dropped.
"""

from __future__ import annotations

from typing import Any

from eventwire.extract.namephrases import Cand

# Last words of the name of a building or a road that a sentence names as a place.
SITE_HEADS = frozenset(
    {"hospital", "clinic", "infirmary", "highway", "motorway", "expressway", "road", "prison",
     "jail", "hotel", "school", "university", "market", "airport", "stadium"}
)  # fmt: skip
# Prepositions of where: "at the X Hospital", "to the X Hospital", "on the X Highway".
SITE_PREPOSITIONS = frozenset(
    {"at", "in", "to", "from", "near", "outside", "inside", "into", "on", "along", "toward",
     "towards", "off", "past", "behind", "beside"}
)  # fmt: skip


def used_as_site(doc: Any, c: Cand) -> bool:
    """Whether a candidate the KB does not know names a building or road (its last word is
    one of :data:`SITE_HEADS`) that its sentence uses as a place: the object of a
    preposition of where ("died at the X Hospital", "staff at X Hospital said", "on the
    X Highway"). The subject of a verb ("X Hospital said") is left as it is."""
    if c.kb_id is not None or c.group_hint is not None or c.role is not None:
        return False
    words = c.name.split()
    if len(words) < 2 or words[-1].lower() not in SITE_HEADS:
        return False
    root = doc[c.start : c.end].root
    return (
        root.dep_ == "pobj"
        and root.head.lower_ in SITE_PREPOSITIONS
        and root.head.dep_ != "agent"  # "blamed by the X" is who
    )
