"""Query parameters, validated at the edge: every number bounded, every text capped, every
date an ISO date, so no input reaches a query it could break (a bad one is a 422)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import HTTPException, Query
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from eventwire.views import MAX_LIMIT, parse_iso_date
from eventwire.views.corpus import CorpusFilter

MAX_TEXT = 200  # characters of a name, type or search text
MAX_OFFSET = 1_000_000  # deeper pages: follow the `after` cursor
MAX_COUNT = 1_000_000  # sources, fatalities, network size


def _blank_is_none(value: Any) -> Any:
    """An empty form field means 'no filter'."""
    return None if isinstance(value, str) and not value.strip() else value


def _iso(value: str | None) -> str | None:
    return None if value is None else parse_iso_date(value)


Blank = BeforeValidator(_blank_is_none)
# the length cap sits on the str inside the optional: a blank turned None passes it
Text = Annotated[Annotated[str, Field(max_length=MAX_TEXT)] | None, Blank]
IsoDate = Annotated[
    Annotated[str, Field(max_length=10)] | None,
    Blank,
    Field(description="ISO date: YYYY, YYYY-MM or YYYY-MM-DD."),
    AfterValidator(_iso),
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
PageNo = Annotated[int, Query(ge=1, le=MAX_OFFSET, description="Page number, from 1.")]
Search = Annotated[str | None, Query(max_length=MAX_TEXT, description="Any spelling of a name.")]
WithActor = Annotated[
    str | None,
    Query(
        max_length=MAX_TEXT,
        description="A second actor (id or any spelling): only the incidents it is a side of too.",
    ),
]
# the choices the views offer, as closed lists (anything else is a 422 naming them);
# tests/web/test_api.py checks they match EVENT_ORDERS, INCIDENT_ORDERS, ACTOR_SORTS, PLACE_SORTS,
# UNITS
EventOrder = Literal["-date", "date", "-sources", "-killed", "type"]
IncidentOrder = Literal[
    "-date",
    "date",
    "-sources",
    "-killed",
    "killed",
    "-wounded",
    "wounded",
    "-displaced",
    "displaced",
]  # store.base.INCIDENT_ORDERS
ActorSort = Literal[
    "-mentions", "mentions", "-articles", "articles", "name", "-name", "type", "country",
    "-incidents", "incidents", "-killed", "killed", "-type", "-country",
]  # fmt: skip
PlaceSort = Literal[
    "-incidents",
    "incidents",
    "-killed",
    "killed",
    "name",
    "-name",
    "country",
    "-country",
    "-sources",
    "sources",
    "-articles",
    "articles",
]
Unit = Literal["day", "week", "month", "year"]
Modality = Literal[
    "asserted", "reported", "alleged", "hypothetical", "future", "denied", "negated"
]  # model.MODALITIES


class FilterParams(BaseModel):
    """The shared filter bar: the same parameters on every view, page and download."""

    model_config = ConfigDict(extra="ignore")

    actor: Text = Field(None, description="Actor id or any spelling of its name.")
    type: Text = Field(None, description="Event type, any case ('fight' finds ASSAULT).")
    acled: Text = Field(None, description="ACLED event type ('Battles').")
    place: Text = Field(None, description="Place id or name.")
    since: IsoDate = None
    until: IsoDate = None
    modality: Annotated[Modality | None, Blank] = None
    polarity: Annotated[Literal["affirmed", "negated"] | None, Blank] = None
    min_sources: Annotated[int, Blank] = Field(1, ge=1, le=MAX_COUNT)
    min_fatalities: Annotated[int, Blank] = Field(0, ge=0, le=MAX_COUNT)
    bbox: Annotated[Annotated[str, Field(max_length=100)] | None, Blank] = Field(
        None, description="min_lon,min_lat,max_lon,max_lat"
    )

    def corpus_filter(self) -> CorpusFilter:
        data = self.model_dump()
        data["bbox"] = parse_bbox(self.bbox)
        return CorpusFilter(**data)


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """'min_lon,min_lat,max_lon,max_lat' -> four floats (422 when malformed)."""
    if not value:
        return None
    try:
        parts = tuple(float(p) for p in value.split(","))
    except ValueError:
        parts = ()
    if (
        len(parts) != 4
        or not all(-180 <= parts[i] <= 180 for i in (0, 2))
        or not all(-90 <= parts[i] <= 90 for i in (1, 3))
        or parts[0] > parts[2]
        or parts[1] > parts[3]
    ):
        raise HTTPException(422, "bbox must be min_lon,min_lat,max_lon,max_lat in degrees")
    return parts  # type: ignore[return-value]


Filter = Annotated[FilterParams, Query()]
