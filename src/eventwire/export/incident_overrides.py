"""A user's joins and splits of incidents, as ``eventwire incidents join|split`` make them.

Each writes ``[[incident_join]]`` or ``[[incident_split]]`` entries to the overrides file
(the ``overrides`` setting; see docs/incidents.md) and rebuilds the picture, so the
choice survives every later rebuild. Entries name event and article ids, never incident
ids: an incident's id follows its reports, so it may change when they do.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.config import Settings
from eventwire.errors import ConfigError, NotFound
from eventwire.model import Incident
from eventwire.pipeline import rebuild
from eventwire.resolve.overrides import add_override
from eventwire.store.base import Store


@dataclass(frozen=True)
class IncidentEdit:
    """What a join or split wrote and where the named reports are after the rebuild."""

    written: tuple[tuple[str, ...], ...]  # the override entries added, each its ids
    incidents: tuple[Incident, ...]  # the incidents now holding the named reports


def _reference(store: Store, ref: str) -> str:
    """The event or article id an override names for ``ref``: an incident stands by its
    first member event; an event or article id must be stored."""
    try:
        if ref.startswith("incident_"):
            inc = store.get_incident(ref)
            if not inc.events:
                raise ConfigError(f"incident {ref} has no member event to name it by")
            return inc.events[0]
        if ref.startswith("event_"):
            return store.get_event(ref).id
        if ref.startswith("art_"):
            return store.get_article(ref).id
    except NotFound as exc:
        raise ConfigError(f"no stored record {ref!r} ({exc})") from exc
    raise ConfigError(f"{ref!r} is not an incident, event or article id")


def _holding(store: Store, ref: str) -> Incident | None:
    """The incident an event is a member of, or the first one an article reports."""
    if ref.startswith("event_"):
        return next((inc for inc, role in store.incident_of_event(ref) if role == "member"), None)
    for event in store.article_events(ref):
        if held := _holding(store, event.id):
            return held
    return None


def _after(store: Store, refs: list[str]) -> tuple[Incident, ...]:
    found = {inc.id: inc for ref in refs if (inc := _holding(store, ref))}
    return tuple(found[k] for k in sorted(found))


def join_incidents(store: Store, settings: Settings, refs: list[str]) -> IncidentEdit:
    """Record that the incidents holding ``refs`` (incident, event or article ids) are one
    incident, whatever the rules say, and rebuild."""
    named = list(dict.fromkeys(_reference(store, r) for r in refs))
    if len(named) < 2:
        raise ConfigError(f"a join needs two different incidents, events or articles: {refs}")
    add_override(settings.overrides_path, "incident_join", *named)
    rebuild(store, settings)
    return IncidentEdit((tuple(named),), _after(store, named))


def split_incident(store: Store, settings: Settings, incident_id: str, out: str) -> IncidentEdit:
    """Take the reports of ``out`` (a member event or an article of the incident) out of
    incident ``incident_id``: they never share an incident with the incident's other
    articles again. Writes one split per other article, then rebuilds."""
    try:
        inc = store.get_incident(incident_id)
    except NotFound as exc:
        raise ConfigError(f"no stored incident {incident_id!r}") from exc
    articles = sorted({ev.article_id for ev in inc.evidence})
    if out.startswith("event_"):
        if out not in inc.events:
            raise ConfigError(f"event {out} is not a member of incident {incident_id}")
        own = {ev.article_id for ev in store.get_event(out).evidence}
    elif out.startswith("art_"):
        if out not in articles:
            raise ConfigError(f"article {out} does not report incident {incident_id}")
        own = {out}
    else:
        raise ConfigError(f"{out!r} is not an event or article id (take out one of them)")
    others = [a for a in articles if a not in own]
    if not others:
        raise ConfigError(
            f"{out} is reported by every article of incident {incident_id}: "
            "split by one of its articles instead"
        )
    written = []
    for other in others:
        add_override(settings.overrides_path, "incident_split", out, other)
        written.append((out, other))
    rebuild(store, settings)
    return IncidentEdit(tuple(written), _after(store, [out, *others]))
