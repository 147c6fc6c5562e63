"""Place mentions that are no event's location (:func:`locates_nothing`): a metonym
acting as an actor, a modifier, a nationality word, a dateline, a backer, where the
wounded were taken, an actor's country or town, a place inside an organisation's or an
armed group's name (unless the body's own site is where it happened)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.extract.placeclause import mention_root
from eventwire.extract.placeparties import party_country
from eventwire.extract.placerefs import TOWNS
from eventwire.extract.places import PLACE_HEADS, is_modifier
from eventwire.extract.placespans import LOCATIVE
from eventwire.model import PlaceMention

if TYPE_CHECKING:
    pass

# A body's own site named by the body: "the headquarters of the Tarhuna Brigade", "the
# base of the Zintan Battalion" lies in the town the body is named after; a region in a
# name ("positions of the Sahel Liberation Front") says no more than the region.
_BODY_SITE = re.compile(
    r"(?i)\b(?:headquarters|base|barracks|compound|offices?)\s+of\s+(?:the\s+)?$"
)


# A side's backer: "the Houthis, backed by Iran", "with support from Turkey" (the
# "Iran-backed" compound is a modifier already, see is_modifier).
_BACKER = re.compile(
    r"(?i)\b(?:(?:backed|supported|armed|funded|financed|sponsored|supplied|trained|equipped)"
    r"\s+by|(?:support|backing|help|weapons|arms|funding)\s+(?:of|from))\s+(?:the\s+)?$"
)


# Verbs whose subject is where something is, not who acts: "Libya has been in turmoil".
_STATE_VERBS = {"be", "have", "see", "remain", "become", "witness", "experience", "lie"}


# Where the wounded or the dead were taken, not where they were hurt: a transfer verb,
# then "to" the place or "to (a) hospital in" it ("the wounded were flown to Bamako",
# "taken to a military hospital in Gao", "evacuated to Niamey", "admitted to hospital at
# Mopti"). Not "took to the streets in Gao" (no hospital word before "in").
_TAKEN_TO = re.compile(
    r"\b(?:flown|airlifted|air-lifted|evacuated|taken|transferred|transported|ferried|"
    r"rushed|brought|admitted)\b(?:\s+[\w'-]+){0,4}?\s+(?:to|into)\s+(?:(?:a|an|the)\s+)?"
    r"(?:(?:[\w'-]+\s+){0,2}?(?:hospitals?|clinics?|infirmary|medical\s+(?:centre|center|"
    r"facility)|morgue|mortuary)\s+(?:in|at)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


# Where the wounded died, not where they were hurt: "died in hospital in Goma", "two of
# the soldiers wounded ... have died at the regional hospital in Dapaong", "succumbed to
# his wounds at a clinic in Gao". Not "died in Gao" (no hospital word before "in").
_DIED_IN_HOSPITAL = re.compile(
    r"\b(?:died|succumbed)\b(?:\s+[\w'-]+){0,4}?\s+(?:in|at)\s+(?:(?:a|an|the)\s+)?"
    r"(?:[\w'-]+\s+){0,2}?(?:hospitals?|clinics?|infirmary|medical\s+(?:centre|center|"
    r"facility))\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def locates_nothing(ctx: DocContext, pm: PlaceMention) -> bool:
    """A place mention that is no event's location: a metonym acting as an actor, a
    modifier (:func:`is_modifier`), a nationality word ("Saudi-led", "Israelis"), a
    dateline, a backer, an actor's country or town, or a place named inside an
    organisation's name (unless that body's site is where it happened)."""
    if pm.is_actor:
        return True
    if in_dateline(ctx, pm):
        # "TRIPOLI (Reuters) -": where the reporter files from, not where it happened;
        # the event's place (flagged inferred) only when nothing in the body places it
        return not _only_the_dateline(ctx, pm)
    if _at_body_site(ctx, pm):
        return False  # "an attack on the headquarters of the Tarhuna Brigade"
    if is_modifier(ctx, pm.span.start, pm.span.end) and not _town_of_site(ctx, pm):
        return True
    if _BACKER.search(ctx.text[max(0, pm.span.start - 30) : pm.span.start]):
        return True
    before = _in_own_sentence(ctx, pm.span.start, 90)
    if (_TAKEN_TO.search(before) or _DIED_IN_HOSPITAL.search(before)) and not _where_clause(
        ctx, pm
    ):
        # "the wounded were flown to Bamako", "died in hospital in Goma": not where they
        # were hurt
        return True
    if _inside_organisation(ctx, pm) or _group_province(ctx, pm) or _actors_place(ctx, pm):
        return True
    if pm.place is None or pm.place.precision not in ("country", "region"):
        return False
    return pm.span.start in ctx.view.ent_starts("NORP")


def _town_of_site(ctx: DocContext, pm: PlaceMention) -> bool:
    """A town naming the site a locative governs: "an attack on the Rask police station",
    "shells fell on the Kalemie market", "gunmen stormed the Dori prison", "raided the
    Dori gendarmerie headquarters" -- the site (a noun of
    ``knowledge/data/incident_sites.toml``, or a security force's or an office's site of
    ``place_words.toml``'s ``[town_sites]``) lies in that town, so the town
    places what happened there, as "the market in Rask" would. A town qualifying anything
    else ("the Rask police chief", "Goma traders") still places nothing, nor does a
    country ("a Syrian hospital")."""
    if pm.place is None or pm.place.precision not in TOWNS:
        return False
    root = mention_root(ctx, pm)
    if root is None or root.dep_ not in ("compound", "nmod"):
        return False
    head = root.head
    while head.dep_ == "compound" and head.head.i != head.i and head.head.i > head.i:
        head = head.head  # "the Rask police station": the phrase's last noun
    lemma = head.lemma_.lower()
    if lemma not in ctx.resources.ontology.site_nouns and lemma not in (
        ctx.resources.place_words.town_sites
    ):
        return False
    phrase_start = min(t.idx for t in head.subtree)
    return bool(LOCATIVE.search(ctx.text[max(0, phrase_start - 40) : phrase_start]))


def _where_clause(ctx: DocContext, pm: PlaceMention) -> bool:
    """Whether a relative clause of place hangs from the mention, read in the parse (a
    ``relcl`` with "where"): "reinforcements were rushed to Kadugli, where they repelled
    an attack" is a destination that is also where what follows happened."""
    span = ctx.doc.char_span(pm.span.start, pm.span.end, alignment_mode="expand")
    if span is None or not ctx.doc.has_annotation("DEP"):
        return False
    return any(
        child.dep_ == "relcl" and any(w.lower_ == "where" for w in child.children)
        for child in span.root.children
    )


def _in_own_sentence(ctx: DocContext, start: int, width: int) -> str:
    """Up to ``width`` characters before ``start``, cut at the last sentence end."""
    before = ctx.text[max(0, start - width) : start]
    return re.split(r"[.!?;]\s", before)[-1]


def in_dateline(ctx: DocContext, pm: PlaceMention) -> bool:
    # the zone extraction stored on the mention (a hand-made mention may lack it)
    return (pm.zone or ctx.view.zones.zone_of(pm.span.start)) == "dateline"


def _only_the_dateline(ctx: DocContext, pm: PlaceMention) -> bool:
    """Whether the dateline's town is all the article says of where things happened: a
    town (not a country) no other dateline name contradicts, and no place of the body
    locates anything ("GAO, Mali (Wire) - Gunmen killed five soldiers, the army said.")."""
    if pm.place is None or pm.place.precision not in ("city", "point") or pm.is_actor:
        return False
    for other in ctx.places:
        if other is pm or other.place is None:
            continue
        if in_dateline(ctx, other):
            if other.place.country != pm.place.country:
                return False  # "GAZA CITY / CAIRO (Wire) -": two desks
        elif not locates_nothing(ctx, other):
            return False
    return True


def _inside_organisation(ctx: DocContext, pm: PlaceMention) -> bool:
    """A place named inside an organisation's or a facility's name ("workers of the
    Benghazi Medical Centre") locates an event only when the body's site is where it
    happened: the name follows a locative ("a bomb exploded at the Benghazi Medical
    Centre", "shelled the Tripoli Central Hospital")."""
    start, end = pm.span.start, pm.span.end
    for ent in ctx.view.ents:
        if ent.start_char > start:
            break
        if (
            ent.label_ in ("ORG", "FAC")
            and ent.start_char <= start
            and end <= ent.end_char
            and (ent.start_char, ent.end_char) != (start, end)
        ):
            before = ctx.text[max(0, ent.start_char - 40) : ent.start_char]
            return _names_more(ctx, ent.start_char, ent.end_char) and not LOCATIVE.search(before)
    return False


# An armed group's "province" (its branch for a region) names the group, not a place:
# a capitalised "Province" (or "Wilaya(t)") after a place name, the whole following the
# parent group's name ("the Islamic State Sahel Province", "ISIS West Africa Province")
# or followed by a group noun ("the Sinai Province group", "Khorasan Province militants").
_GROUP_BEFORE = re.compile(r"\b(?:Islamic\s+State|IS|ISIS|ISIL|Daesh)(?:\s*[-–]\s*|\s+)(?:in\s+)?$")


_GROUP_PROVINCE = re.compile(
    r"(?:\s+|^)(?:Province|Wilaya|Wilayat)$|^\s+(?:Province|Wilaya|Wilayat)\b"
)


_GROUP_NOUN_AFTER = re.compile(
    r"^(?:\s+(?:Province|Wilaya|Wilayat))?\s+(?:group|affiliate|branch|wing|faction|"
    r"militants|fighters|jihadists|insurgents)\b"
)


def _group_province(ctx: DocContext, pm: PlaceMention) -> bool:
    """A place named in an armed group's regional branch ("fighters of the Islamic State
    Sahel Province", "the Sinai Province group claimed the attack") is no place of what
    the group did; where the text says it acted ("killed five soldiers in Menaka") is."""
    name = ctx.text[pm.span.start : pm.span.end]
    after = ctx.text[pm.span.end : pm.span.end + 40]
    if not (_GROUP_PROVINCE.search(name) or _GROUP_PROVINCE.match(after)):
        return False
    before = ctx.text[max(0, pm.span.start - 20) : pm.span.start]
    return bool(_GROUP_BEFORE.search(before) or _GROUP_NOUN_AFTER.match(after))


def _at_body_site(ctx: DocContext, pm: PlaceMention) -> bool:
    """A town opening the name of a body whose own site the text names ("the headquarters
    of the Tarhuna Brigade", "the base of the Zintan Battalion"): the site lies in that
    town, so the town may place what happened there."""
    if pm.place is None or pm.place.precision not in TOWNS:
        return False
    start, end = pm.span.start, pm.span.end
    for ent in ctx.view.ents:
        if ent.start_char > start:
            break
        if ent.label_ in ("ORG", "FAC") and ent.start_char <= start and end <= ent.end_char:
            return bool(_BODY_SITE.search(ctx.text[max(0, ent.start_char - 40) : ent.start_char]))
    return False


def _names_more(ctx: DocContext, start: int, end: int) -> bool:
    """True when the entity at [start, end) has words of its own besides its place names
    ("the Benghazi Medical Centre"); a place the model took for a body ("Tangier
    (Tangier)") names nothing more."""
    rest = ctx.text[start:end]
    for pm in ctx.places:
        if start <= pm.span.start and pm.span.end <= end:
            rest = rest.replace(pm.span.text, " ")
    return any(len(w) > 2 and w.lower() != "the" for w in re.findall(r"[^\W\d_]+", rest))


def is_party(ctx: DocContext, pm: PlaceMention) -> bool:
    """A country named as a party to the act (:func:`placeparties.party_country`)."""
    if pm.place is None or pm.place.precision != "country":
        return False
    root = mention_root(ctx, pm)
    return root is not None and party_country(root, PLACE_HEADS)


def _actors_place(ctx: DocContext, pm: PlaceMention) -> bool:
    """A place standing for a side rather than where it fought: a country that is the
    subject of an active verb ("Russia attacked Ukrainian cities"), the owner of a
    clause's subject ("Ethiopia's federal government launched an offensive", "Misrata's
    brigades advanced"), or the origin of a group ("troops from Chad attacked villagers").
    A town that is a subject stays a place ("Derna was shelled")."""
    root = mention_root(ctx, pm)
    if root is None:
        return False
    head = root.head
    if (
        root.dep_ == "nsubj"
        and pm.place is not None
        and pm.place.precision == "country"
        and head.pos_ == "VERB"
        and head.lemma_.lower() not in _STATE_VERBS
    ):
        return True  # "Russia attacked", not "Libya has been in turmoil"
    if root.dep_ == "poss" and head.dep_ == "nsubj" and head.lemma_.lower() not in PLACE_HEADS:
        return True
    return (
        root.dep_ == "pobj"
        and head.lower_ == "from"
        and head.head.pos_ in ("NOUN", "PROPN")
        and head.head.lemma_.lower() not in PLACE_HEADS
    )
