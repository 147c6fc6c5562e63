"""Bare references to a state's forces and government read once the article's places are
known: "the army said", "troops opened fire", "the federal government" stand for the one
state the article names or the country it is about (run in the events pass)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from eventwire.extract.bodies import GOVERNMENT_NOUNS
from eventwire.extract.context import DocContext
from eventwire.extract.description_kinds import DESCRIPTION_DETERMINERS, definite
from eventwire.extract.namephrases import STATE_FORCES_NAME, state_forces
from eventwire.model import GROUP_LABEL, Mention, PlaceMention, Span
from eventwire.text.names import plain_key

# A state's forces named by a bare noun phrase, no state named in it: "the army said",
# "troops opened fire", "soldiers were wounded", "security forces raided a house".
BARE_FORCES = frozenset({"army", "military", "troops", "troop", "soldiers", "soldier",
                         "security forces", "armed forces", "air force", "government forces",
                         "government troops", "government soldiers"})  # fmt: skip


def armies_of_one_state(
    mentions: Sequence[Mention], places: Sequence[PlaceMention], kb: Any, doc: Any = None
) -> list[Mention]:
    """The document's mentions with each bare reference to a state's forces ("the army",
    "the military", "troops", "soldiers", "security forces": an unnamed group with no
    country of its own) made a mention of the article's one state force: the one state
    force it names ("Sudan's army ... troops opened fire"), else, when it names none, the
    forces of the one country all its places lie in ("clashes in Kadugli ... the army
    said": Sudan's, as :func:`~eventwire.extract.namephrases.state_forces` names them;
    the country read by weight, :func:`article_country`, so one misread place does not
    undo it). Forces of two states named, or a story of two countries: left as they are. Forces
    kept, sent or moved by the subject of their verb are that subject's ("the Front said
    it will keep troops around the port"), read from ``doc`` when given."""
    bare = {m.span for m in mentions if _bare_forces(m) and not _moved_by_subject(doc, m)}
    if not bare:
        return list(mentions)
    forces = {m.group: m for m in mentions if m.span not in bare and _names_state_forces(m, kb)}
    if len(forces) > 1:
        return list(mentions)  # "Chadian troops ... Sudan's army": whose "the army" is unknown
    if forces:
        named = next(iter(forces.values()))
        name, group, iso3, label = named.normalized, named.group, named.affiliation, named.label
    else:
        iso3 = article_country(places, mentions, kb)
        if iso3 is None:
            return list(mentions)
        name, _entry = state_forces(kb, iso3)
        group, label = plain_key(name), "ORG"
    return [
        replace(m, label=label, normalized=name, group=group, affiliation=iso3)
        if m.span in bare
        else m
        for m in mentions
    ]


def _bare_forces(m: Mention) -> bool:
    """An unnamed group of a state's forces with no country: "the army", "troops"."""
    if m.label != GROUP_LABEL or m.affiliation:
        return False
    words = m.span.text.lower().split()
    if words and words[0] in DESCRIPTION_DETERMINERS:
        words = words[1:]
    return " ".join(words) in BARE_FORCES


# Verbs whose subject keeps, sends or moves its own forces: "X will keep troops there",
# "X sent soldiers to the border", "X withdrew troops".
FORCES_MOVED_VERBS = frozenset({"keep", "send", "deploy", "move", "withdraw", "pull", "station",
                                "maintain", "have", "mobilise", "mobilize", "dispatch",
                                "redeploy", "recall", "commit", "train", "recruit"})  # fmt: skip


def _moved_by_subject(doc: Any, m: Mention) -> bool:
    """ "Chad sent troops", "the Front will keep troops around the port": forces the
    subject of their verb keeps or moves are its own, not the state's of the story."""
    if doc is None:
        return False
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return (
        root.dep_ == "dobj"
        and root.head.lemma_.lower() in FORCES_MOVED_VERBS
        and any(c.dep_ == "nsubj" for c in root.head.children)
    )


def _names_state_forces(m: Mention, kb: Any) -> bool:
    """A mention naming a state's armed forces: the KB's entry of that type, or the name
    given to a state's forces no entry names ("Armed forces of Sudan")."""
    name = m.normalized or m.span.text
    if STATE_FORCES_NAME.match(name):
        return True
    entry = kb.lookup(name) if m.label != GROUP_LABEL else None
    return entry is not None and entry.type == "state_forces"


# The share of the article's votes (located place mentions, named actors of a known
# country) one country must hold to be the article's country when others are named too,
# and how many votes it must hold then: a story mostly about one country, so one misread
# word ("translated from French" read as France, a neighbour named in a quote) does not
# leave its bare "soldiers" stateless, while a story told of two (a strike across a border,
# a war between neighbours) names none.
CLEAR_SHARE = 0.75
CLEAR_VOTES = 3
# A dateline's place counts twice: the story says it is filed from there.
DATELINE_VOTES = 2


def article_country(
    places: Sequence[PlaceMention], mentions: Sequence[Mention] = (), kb: Any = None
) -> str | None:
    """The country the article is about, read by weight rather than unanimity: each place
    mention in a country (seas and continents aside) and each named actor of a known
    country (its own nationality, or the KB's country for its name) is one vote, a
    dateline's place DATELINE_VOTES (even when it is an outlet's name); the one
    country voted for, else the country holding CLEAR_SHARE of the votes and at least
    CLEAR_VOTES of them. A place read from a word inside a named actor's name ("Moro" in
    "the Moro Islamic Liberation Front", the town in an outlet's name) casts no vote: it
    names the actor, not the scene. None when no country leads so clearly (two countries,
    or none)."""
    names = [m.span for m in mentions if m.label not in (GROUP_LABEL, "GPE")]
    votes: Counter[str] = Counter()
    for pm in places:
        if pm.place is None or not pm.place.country or pm.place.precision == "region":
            continue
        if pm.zone == "dateline":  # where the story is filed from, said by the story
            votes[pm.place.country] += DATELINE_VOTES
        elif not any(_inside(pm.span, n) for n in names):
            votes[pm.place.country] += 1
    for m in mentions:
        if m.label not in (GROUP_LABEL, "GPE") and (country := _country_of(m, kb)):
            votes[country] += 1
    if not votes:
        return None
    (iso3, n), *rest = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    if not rest:
        return iso3
    return iso3 if n >= CLEAR_VOTES and n >= CLEAR_SHARE * sum(votes.values()) else None


def _inside(span: Span, name: Span) -> bool:
    """``span`` a part of the longer ``name``."""
    return name.start <= span.start and span.end <= name.end and name != span


def _country_of(m: Mention, kb: Any) -> str | None:
    """A named actor's country: its own nationality, else the KB's for its name."""
    if m.affiliation:
        return m.affiliation
    if kb is None:
        return None
    entry = kb.lookup(m.normalized or m.span.text)
    return entry.country if entry is not None else None


# Words a state's government is described by, naming no state: "the federal government".
GOVERNMENT_WORDS = frozenset({"federal", "central", "national", "transitional", "interim"})
# Words of a government below the nation's: "the state government" (of an Indian, a
# Nigerian or an American state), "the provincial government", "the local government".
SUBNATIONAL_WORDS = frozenset(
    ["state", "provincial", "province", "regional", "region", "local", "municipal", "city",
     "district", "county", "county's", "state's", "council", "town"]
)  # fmt: skip


def below_the_state(tok: Any) -> bool:
    """ "the state government", "the provincial government", "the BJP state government":
    a government a modifier sets below the nation's, which is not the country's actor
    (a federal country's states and provinces govern themselves)."""
    return any(
        c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i and c.lower_ in SUBNATIONAL_WORDS
        for c in tok.children
    )


def governments_of_one_state(ctx: DocContext) -> list[Mention]:
    """Mentions of the state for "the government" and "the federal (central, national,
    transitional) government" with no state of its own (and "the regime", "the
    administration"), when the article names no government of any state (the mention pass
    reads "the government" as the one it names, :func:`definite_descriptions`) and it is
    about one country (:func:`article_country`): "Rebels shelled Kassala ... the federal
    government condemned it" is Sudan's. Not a modifier ("government troops" are forces, "a government
    building" a place)."""
    iso3 = article_country(ctx.places, ctx.mentions, ctx.resources.kb)
    if iso3 is None:
        return []
    doc = ctx.doc
    taken = {i for m in ctx.mentions for i in _tokens_of(doc, m)}
    if any(doc[i].lower_ in GOVERNMENT_NOUNS for i in taken):
        return []  # a government named ("the Sudanese government"): the mention pass's
    country = ctx.resources.kb.country(iso3)
    found = []
    for tok in ctx.view.tokens:
        if tok.lower_ not in GOVERNMENT_NOUNS or tok.pos_ != "NOUN" or tok.dep_ == "compound":
            continue
        det = definite(tok)
        if (
            det is None
            or tok.i in taken
            or below_the_state(tok)
            or any(
                (c.dep_ == "amod" and c.lower_ not in GOVERNMENT_WORDS)
                or (c.dep_ == "prep" and c.lower_ in ("of", "in"))  # "the government of Chad"
                for c in tok.children
            )
        ):
            continue
        span = doc[det + 1 : tok.i + 1]
        found.append(
            Mention(
                article_id=ctx.article.id,
                span=Span(span.start_char, span.end_char, span.text),
                label="GPE",
                evidence=ctx.evidence(ctx.view.sent(tok)),
                normalized=country.name if country else iso3,
                group=f"aff:{iso3}",
                affiliation=iso3,
            )
        )
    return found


def _tokens_of(doc: Any, m: Mention) -> range:
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)
