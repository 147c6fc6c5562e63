"""Office holders as one side of an incident: a head of state or government, a defence
minister or an army chief stands for his state while he holds the office.

"Abiy sent troops to Tigray" and "Ethiopia launched an offensive" name one side when the
actor KB says Abiy Ahmed was Prime Minister of Ethiopia on the event's date. The offices
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

import tomllib
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from importlib import resources

import pycountry

from eventwire.errors import ConfigError
from eventwire.knowledge.ontology import Ontology, load_ontology
from eventwire.model import Actor, Role

TERM_MARK = "@"  # "state:ETH@2018-04-01/2021-12-31": a side held from, to


@lru_cache(maxsize=1)
def _countries_data() -> dict[str, dict[str, list[str]]]:
    """The ``[names]`` and ``[demonyms]`` of the shipped ``countries.toml``."""
    path = "data/countries.toml"
    try:
        text = resources.files("eventwire.knowledge").joinpath(path).read_text("utf-8")
        raw = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the country names: {exc}") from exc
    return {"names": raw.get("names", {}), "demonyms": raw.get("demonyms", {})}


@lru_cache(maxsize=512)
def state_words(country: str) -> tuple[frozenset[str], frozenset[str]]:
    """The folded names of a country (ISO3) and its demonyms: ("ethiopia", "federal
    democratic republic of ethiopia", ...), ("ethiopian",)."""
    data = _countries_data()
    names = list(data["names"].get(country, ()))
    found = pycountry.countries.get(alpha_3=country)
    if found is not None:
        names += [getattr(found, k, None) or "" for k in ("name", "common_name", "official_name")]
    fold = {" ".join(n.casefold().split()).removeprefix("the ") for n in names if n}
    demonyms = {d.casefold() for d in data["demonyms"].get(country, ())}
    return frozenset(fold), frozenset(demonyms)


def names_state(rest: str, country: str, onto: Ontology) -> bool:
    """Whether what an office is of (:meth:`Ontology.office_of`) is the state ``country``
    or its army: "ethiopia", "sudanese armed forces", "israel defense forces", "armed
    forces of ukraine" (never "syrian democratic forces", "libyan national army")."""
    names, demonyms = state_words(country)
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


def holds_for(title: str, country: str, onto: Ontology) -> bool:
    """Whether a role titled ``title`` is an office of ``country`` whose holder stands for
    it: "OFFICE of STATE" or "OFFICE of ARMY" (:func:`names_state`), or the state first,
    by its name or demonym ("United States Secretary of Defense", "Ethiopian Prime
    Minister")."""
    if (rest := onto.office_of(title)) is not None:
        return names_state(rest, country, onto)
    fold = " ".join(title.casefold().split())
    names, demonyms = state_words(country)
    for office in onto.state_offices.offices:
        if fold.endswith(" " + office):
            state = fold[: -len(office) - 1].removeprefix("the ")
            return state in names or state in demonyms
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
    the KB's roles: "state:ISO3@FROM/TO" (ISO days; empty when open)."""
    if actor.type != "person" or not actor.country:
        return []
    terms = []
    for role in sorted(actor.roles, key=_role_key):
        if role.source != "kb" or not holds_for(role.title, actor.country, onto):
            continue
        start = _day(role.start, False).isoformat() if role.start else ""
        end = _day(role.end, True).isoformat() if role.end else ""
        terms.append(f"state:{actor.country}{TERM_MARK}{start}/{end}")
    return list(dict.fromkeys(terms))


def _role_key(role: Role) -> tuple[str, str, str]:
    return (role.start or "", role.end or "", role.title)


def office_sides(actors: Iterable[Actor], onto: Ontology | None = None) -> dict[str, str]:
    """Office holders among ``actors``: actor id -> their terms ("state:ETH@2018-04-01/",
    several joined by ";"), for the map of :func:`~eventwire.resolve.incidents.state_sides`
    (``onto`` defaults to the shipped ontology, the one both resolutions read)."""
    onto = onto or load_ontology()
    out = {}
    for actor in actors:
        if terms := office_terms(actor, onto):
            out[actor.id] = ";".join(terms)
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


def side_keys(side: str) -> list[str]:
    """The side keys an entry of the state sides may give: its own, or each of an office
    holder's terms' ("state:ETH@2018-04-01/" -> ["state:ETH"])."""
    return list(dict.fromkeys(term.partition(TERM_MARK)[0] for term in side.split(";")))
