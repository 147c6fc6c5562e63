"""Incident routes (``/api/incidents``, ``/api/incidents/{id}``): parse the query, call
one function of :mod:`eventwire.views.incidents` or :mod:`eventwire.export.incident_list`,
return JSON. An incident is one real-world occurrence however many articles report it
(``docs/incidents.md``); the explore page's list of resolved events is ``/api/event-list``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel

from eventwire import views
from eventwire.export.incident_list import explain_incident
from eventwire.http.deps import OntologyDep, StoreDep
from eventwire.http.params import MAX_TEXT, Filter, IncidentOrder, Limit, PageNo, WithActor
from eventwire.model import Incident
from eventwire.views.incidents import IncidentRows

router = APIRouter(tags=["incidents"])


class IncidentDetail(BaseModel):
    incident: Incident
    explanation: list[str]


@router.get("/incidents", response_model=IncidentRows)
def list_incidents(
    request: Request,
    store: StoreDep,
    flt: Filter,
    order: IncidentOrder = "-date",
    page: PageNo = 1,
    after: Annotated[
        str | None,
        Query(max_length=400, description="`next_after` of the previous page (any order)."),
    ] = None,
    limit: Limit = 50,
    with_actor: WithActor = None,
) -> Any:
    """Incidents (one per real-world occurrence) under the shared filter, newest first
    (undated last), oldest first or most reported first (`order`), with the total and page
    count; by page number or by the `after` cursor of the previous page (every order).
    `with_actor` keeps those a second actor is a side of too. `bbox` is refused (422):
    filter incidents by `place`."""
    cf, onto = flt.corpus_filter(), request.app.state.ontology
    return views.list_incident_rows(
        store, cf, order, page, limit, after, onto=onto, with_actor=with_actor
    )


@router.get("/incidents/{incident_id}", response_model=IncidentDetail)
def get_incident(
    incident_id: Annotated[str, Path(max_length=MAX_TEXT)], store: StoreDep, ontology: OntologyDep
) -> Any:
    """One incident with why its reports were joined and others kept apart."""
    return {"incident": store.get_incident(incident_id),
            "explanation": explain_incident(store, incident_id, ontology)}  # fmt: skip
