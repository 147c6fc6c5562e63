"""Incident routes (``/api/incident-records``, ``/api/incidents/{id}``): parse the query,
call one function of :mod:`eventwire.export.incident_list`, return JSON.

``/api/incidents`` itself is the corpus views' list of resolved events (issue 18), which the
web pages read; the incident records of issue 14 are listed under ``/api/incident-records``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel

from eventwire.api.params import MAX_COUNT, MAX_TEXT, IsoDate, Limit, Modality
from eventwire.export.filters import Filters
from eventwire.export.incident_list import explain_incident, incident_page
from eventwire.model import Incident
from eventwire.store.base import Store

router = APIRouter(tags=["incidents"])


def _store(request: Request) -> Iterator[Store]:
    with request.app.state.stores.borrow() as store:
        yield store


StoreDep = Annotated[Store, Depends(_store)]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]


class IncidentList(BaseModel):
    items: list[Incident]
    total: int
    next_after: str | None = None


class IncidentDetail(BaseModel):
    incident: Incident
    explanation: list[str]


@router.get("/incident-records", response_model=IncidentList)
def list_incident_records(
    store: StoreDep,
    actor: Annotated[Text, Query(description="Actor id or any spelling of its name.")] = None,
    type: Annotated[Text, Query(description="PLOVER type of the incident.")] = None,
    place: Annotated[Text, Query(description="Place id or name.")] = None,
    since: Annotated[IsoDate, Query()] = None,
    until: Annotated[IsoDate, Query()] = None,
    modality: Annotated[Modality | None, Query()] = None,
    min_sources: Annotated[int, Query(ge=1, le=MAX_COUNT, description="Articles at least.")] = 1,
    oldest_first: Annotated[bool, Query(description="Oldest first (else newest).")] = False,
    after: Annotated[
        str | None, Query(max_length=400, description="`next_after` of the previous page.")
    ] = None,
    limit: Limit = 50,
) -> Any:
    """Incidents (one per real-world occurrence), newest first, filtered; page with the
    `after` cursor of the previous page."""
    filters = Filters(actor, type, since, until, place, min_sources, modality)
    return incident_page(store, filters, not oldest_first, limit, after)


@router.get("/incidents/{incident_id}", response_model=IncidentDetail)
def get_incident(incident_id: Annotated[str, Path(max_length=MAX_TEXT)], store: StoreDep) -> Any:
    """One incident with why its reports were joined and others kept apart."""
    return {"incident": store.get_incident(incident_id),
            "explanation": explain_incident(store, incident_id)}  # fmt: skip
