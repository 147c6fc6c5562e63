"""Office holders as one side of an incident: a head of state or government, a defence
minister or an army chief stands for his state while he holds the office.

"Abiy sent troops to Tigray" and "Ethiopia launched an offensive" name one side when the
actor KB says Abiy Ahmed was Prime Minister of Ethiopia on the event's date. A head of
government may be titled by his government ("Prime Minister of the Government of National
Accord", "the Sudanese government's Prime Minister") or by the capital that stands for it
("Kyiv's Defence Minister"): he stands for the state as the others do. The offices
are the ontology's ``[state_offices]`` (:meth:`~eventwire.knowledge.ontology.Ontology.office_of`);
the state is the one the title names, and it must be the holder's own country, so the
leader of a movement ("President of the M23") never stands for a state.

A full resolution (:func:`~eventwire.resolve.incidents.state_sides`) and the stored state
sides an incremental refresh reads (``Store.state_sides``) both call :func:`office_sides`
on the same actor records, so the two agree. An office holder's entry in that map keeps
his terms ("state:ETH@2018-04-01/" : the side, from, to; an open end when he still holds
it); :func:`side_on` reads the side for an incident's days.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pycountry

from eventwire.knowledge.ontology import Ontology
from eventwire.model import Actor, Role

TERM_MARK = "@"  # "state:ETH@2018-04-01/2021-12-31": a side held from, to
PART_MARK = "/"  # "state:LBY/office:actor_x": one rival government's part of a state's side


def state_words(country: str, onto: Ontology) -> tuple[frozenset[str], frozenset[str]]:
    """The folded names of a country (ISO3) and its demonyms: ("ethiopia", "federal
    democratic republic of ethiopia", ...), ("ethiopian",); the names are the ontology's
    copy of ``countries.toml``'s plus pycountry's."""
    names = set(onto.state_offices.state_names.get(country, ()))
    found = pycountry.countries.get(alpha_3=country)
    if found is not None:
        for key in ("name", "common_name", "official_name"):
            if value := getattr(found, key, None):
                names.add(" ".join(value.casefold().split()).removeprefix("the "))
    return frozenset(names), onto.state_offices.state_demonyms.get(country, frozenset())


def names_state(rest: str, country: str, onto: Ontology) -> bool:
    """Whether what an office is of (:meth:`Ontology.office_of`) is the state ``country``
    or its army: "ethiopia", "sudanese armed forces", "israel defense forces", "armed
    forces of ukraine" (never "syrian democratic forces", "libyan national army")."""
    names, demonyms = state_words(country, onto)
    if rest in names:
        return True
    armies = onto.state_offices.armies
    head, sep, tail = rest.partition(" of ")
    if sep and head in armies and tail.removeprefix("the ") in names:
        return True  # "armed forces of ukraine"
    for army in armies:
        if rest.endswith(" " + army):
            state = rest[: -len(army) - 1]
            if state in demonyms or state in names:
                return True
    return False


GOVERNMENT_WORD = "government"


def names_government(rest: str, country: str, onto: Ontology, capital: str | None = None) -> bool:
    """Whether ``rest`` names a government of ``country``: by the state ("government of
    sudan", "the sudanese government", "ethiopia's government"), by its capital ("the kyiv
    government"), or by a government's own name that names no other state ("government of
    national accord", "national salvation government", "the interim government")."""
    words = rest.removeprefix("the ").split()
    if GOVERNMENT_WORD not in words:
        return False
    core = " ".join(w for w in words if w != GOVERNMENT_WORD)
    core = core.removeprefix("of ").removeprefix("the ").removesuffix("'s").strip()
    names, demonyms = state_words(country, onto)
    if core in names or core in demonyms or (capital and core == capital):
        return True
    return not _names_another_state(core, country, onto)


def _names_another_state(words: str, country: str, onto: Ontology) -> bool:
    """Whether ``words`` name a state other than ``country`` by its name or demonym ("the
    government of sudan" held by an Ethiopian)."""
    padded = f" {words} "
    others = [c.alpha_3 for c in pycountry.countries if c.alpha_3 != country]
    for iso in others:
        names, demonyms = state_words(iso, onto)
        if any(f" {n} " in padded for n in (*names, *demonyms)):
            return True
    return False


def holds_for(title: str, country: str, onto: Ontology, capital: str | None = None) -> bool:
    """Whether a role titled ``title`` is an office of ``country`` whose holder stands for
    it: "OFFICE of STATE" or "OFFICE of ARMY" (:func:`names_state`), "OFFICE of GOVERNMENT"
    (:func:`names_government`: "Prime Minister of the Government of National Accord"), or
    the state first, by its name, demonym, government or capital (``capital``), possessive
    or not ("United States Secretary of Defense", "Ethiopian Prime Minister", "the
    Sudanese government's Prime Minister", "Kyiv's Defence Minister")."""
    if (rest := onto.office_of(title)) is not None:
        return names_state(rest, country, onto) or names_government(rest, country, onto, capital)
    fold = " ".join(title.casefold().replace("’", "'").split())
    names, demonyms = state_words(country, onto)
    for office in onto.state_offices.offices:
        if fold.endswith(" " + office):
            state = fold[: -len(office) - 1].removeprefix("the ").removesuffix("'s")
            return (state in names or state in demonyms or state == capital
                    or names_government(state, country, onto, capital))  # fmt: skip
    return False


def _day(text: str, end: bool) -> date:
    """The first (or last, ``end``) day of an ISO partial date ("2018", "2018-04")."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        if not end:
            return date(parts[0], parts[1], 1)
        year, month = parts[0] + parts[1] // 12, parts[1] % 12 + 1
        return date.fromordinal(date(year, month, 1).toordinal() - 1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


def office_terms(actor: Actor, onto: Ontology) -> list[str]:
    """The terms in which a person held an office that stands for his own state, from
    the KB's roles: "state:ISO3@FROM/TO" (ISO days; empty when open). A title may name
    the state by its capital (the ontology's ``state_offices.capitals``)."""
    if actor.type != "person" or not actor.country:
        return []
    terms = []
    capital = onto.state_offices.capitals.get(actor.country)
    for role in sorted(actor.roles, key=_role_key):
        if role.source != "kb" or not holds_for(role.title, actor.country, onto, capital):
            continue
        start = _day(role.start, False).isoformat() if role.start else ""
        end = _day(role.end, True).isoformat() if role.end else ""
        terms.append(f"state:{actor.country}{TERM_MARK}{start}/{end}")
    return list(dict.fromkeys(terms))


def _role_key(role: Role) -> tuple[str, str, str]:
    return (role.start or "", role.end or "", role.title)


def office_sides(actors: Iterable[Actor], onto: Ontology) -> dict[str, str]:
    """Office holders among ``actors``: actor id -> their terms ("state:ETH@2018-04-01/",
    several joined by ";"), for the map of :func:`~eventwire.resolve.incidents.state_sides`
    (``onto`` is the resolution's: both resolutions read the same one).

    **Rival governments.** Two people who hold the same office of one state at once (two
    prime ministers seated in two cities, each with his own government) are each his own
    part of the state's side while both hold it: "state:LBY/office:actor_x@FROM/TO"
    (:func:`rival_terms`). A part is one with the state's side ("Libya") but never with
    the other part, so the forces of one prime minister and of the other are two sides."""
    actors = list(actors)
    held = {actor.id: office_terms(actor, onto) for actor in actors}
    rivals = rival_terms(actors, onto)
    out = {}
    for actor in actors:
        if terms := held[actor.id]:
            out[actor.id] = ";".join(rivals.get((actor.id, t), t) for t in terms)
    return out


def _office_word(title: str, onto: Ontology) -> str | None:
    """The office a title names (``[state_offices]``, the longest that fits)."""
    fold = " ".join(title.casefold().replace("’", "'").split())
    for office in onto.state_offices.offices:
        if fold.startswith(office + " of ") or fold.endswith(" " + office) or fold == office:
            return office
    return None


RIVAL_OVERLAP_DAYS = 31  # terms told by the month meet for a month at a handover


def _overlap(a0: date, a1: date, b0: date, b1: date) -> bool:
    """Whether two terms share more than :data:`RIVAL_OVERLAP_DAYS` days."""
    first, last = max(a0, b0), min(a1, b1)
    return first <= last and (last - first).days >= RIVAL_OVERLAP_DAYS


def rival_terms(actors: Iterable[Actor], onto: Ontology) -> dict[tuple[str, str], str]:
    """(actor id, term) -> the term as his own part of the state's side, for the terms
    in which another person held the same office of the same state at the same time
    under another title (by the KB's roles: "Prime Minister of the Government of National
    Unity" from 2021 and "Prime Minister of the Government of National Stability" from
    2022, both open). Two holders under one title are a succession, not rivals: a term
    told by the month ("2009-01" to "2017-01") meets its successor's for a month, and a
    KB that leaves a former holder's term open would otherwise make him a rival."""
    spans: dict[tuple[str, str], list[tuple[str, str, date, date, str]]] = {}
    for actor in actors:
        if actor.type != "person" or not actor.country:
            continue
        capital = onto.state_offices.capitals.get(actor.country)
        for role in sorted(actor.roles, key=_role_key):
            if role.source != "kb" or not holds_for(role.title, actor.country, onto, capital):
                continue
            office = _office_word(role.title, onto)
            if office is None:
                continue
            start = _day(role.start, False) if role.start else date.min
            end = _day(role.end, True) if role.end else date.max
            term = (f"state:{actor.country}{TERM_MARK}"
                    f"{role.start and start.isoformat() or ''}/{role.end and end.isoformat() or ''}")  # fmt: skip
            title = " ".join(role.title.casefold().split())
            spans.setdefault((actor.country, office), []).append(
                (actor.id, term, start, end, title)
            )
    out: dict[tuple[str, str], str] = {}
    for (country, _office), held in sorted(spans.items()):
        for aid, term, start, end, title in held:
            if any(other != aid and other_title != title and _overlap(start, end, s, e)
                   for other, _t, s, e, other_title in held):  # fmt: skip
                out[(aid, term)] = term.replace(
                    f"state:{country}{TERM_MARK}",
                    f"state:{country}{PART_MARK}office:{aid}{TERM_MARK}",
                    1,
                )
    return out


def side_on(actor_id: str, side: str | None, days: tuple[int, int] | None) -> str:
    """The side an actor stands for on ``days`` (ordinals, inclusive): ``side`` when it is
    a plain side key; for an office holder, his state's side when a term of his meets
    those days; else the actor himself."""
    if side is None:
        return actor_id
    if TERM_MARK not in side:
        return side
    if days is None:
        return actor_id
    for term in side.split(";"):
        key, _, span = term.partition(TERM_MARK)
        start, _, end = span.partition("/")
        first = date.fromisoformat(start).toordinal() if start else days[0]
        last = date.fromisoformat(end).toordinal() if end else days[1]
        if first <= days[1] and last >= days[0]:
            return key
    return actor_id


def parent_side(side: str) -> str:
    """The state's side a part of it belongs to ("state:LBY/office:actor_x" ->
    "state:LBY"); any other side is its own."""
    return side.partition(PART_MARK)[0]


def side_keys(side: str) -> list[str]:
    """The side keys an entry of the state sides may give: its own, or each of an office
    holder's terms' ("state:ETH@2018-04-01/" -> ["state:ETH"])."""
    return list(dict.fromkeys(term.partition(TERM_MARK)[0] for term in side.split(";")))
