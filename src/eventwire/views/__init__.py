"""View models over store queries: what the REST API returns and the web pages show.

Every function takes a :class:`~eventwire.store.base.Store` and plain arguments and
returns typed records; the API serialises them, the templates render them. Nothing
here knows about HTTP. One module per noun:

* :mod:`~eventwire.views.dates`: a date shown and drawn at its precision;
* :mod:`~eventwire.views.polarity`: which side a type puts actors on, modality labels;
* :mod:`~eventwire.views.records`: pages, actor references, marked text;
* :mod:`~eventwire.views.details`: one record's page and the plain lists;
* :mod:`~eventwire.views.charts`: network, timeline and map JSON of the actor page;
* :mod:`~eventwire.views.corpus`: the shared filter and the events it selects;
* :mod:`~eventwire.views.incidents`: incident records, listed and one by one;
* :mod:`~eventwire.views.incident_counts`: what the whole-corpus views count (incident
  records, their best-supported casualties summed over incidents);
* :mod:`~eventwire.views.timeline`, :mod:`~eventwire.views.maps`,
  :mod:`~eventwire.views.network`, :mod:`~eventwire.views.indexes`: the whole-corpus views;
* :mod:`~eventwire.views.downloads`: the filtered records through a registered exporter.
"""

from __future__ import annotations

from eventwire.views.charts import (
    actor_graph,
    actor_page_data,
    map_points,
    place_page_data,
    timeline_items,
)
from eventwire.views.corpus import (
    CorpusFilter,
    NumberedPage,
    filter_options,
    list_event_rows,
    list_events,
)
from eventwire.views.dates import date_range, format_when, parse_iso_date
from eventwire.views.details import (
    ActorDetail,
    ArticleDetail,
    EventDetail,
    EvidenceInArticle,
    PlaceCount,
    PlaceDetail,
    RelationGroup,
    RelationView,
    actor_detail,
    article_detail,
    event_detail,
    list_articles,
    list_places,
    list_quotes,
    list_relations,
    list_statistics,
    place_detail,
    resolve_actor,
    search_actors,
    stats,
)
from eventwire.views.incident_counts import totals
from eventwire.views.incidents import incident_detail, list_incident_rows
from eventwire.views.indexes import actor_index, place_index
from eventwire.views.labels import (
    code_labels,
    counts_text,
    event_caption,
    event_label,
    quote_speaker,
)
from eventwire.views.maps import map_places
from eventwire.views.network import network
from eventwire.views.polarity import POLARITIES, modality_label, type_polarity
from eventwire.views.records import (
    MAX_LIMIT,
    ActorRef,
    ArticleSummary,
    Names,
    Page,
    Segment,
    highlight,
)
from eventwire.views.timeline import histogram

__all__ = [
    "MAX_LIMIT", "POLARITIES", "ActorDetail", "CorpusFilter", "NumberedPage", "actor_index", 
    "filter_options", "histogram", "list_event_rows", "list_incident_rows", "incident_detail",
    "map_places",
    "network", "place_index", "totals", "ActorRef", "ArticleDetail", "ArticleSummary",
    "EventDetail", "EvidenceInArticle", "Names", "Page", "PlaceCount", "PlaceDetail",
    "RelationGroup", "RelationView", "Segment", "actor_detail", "actor_graph", "actor_page_data",
    "article_detail", "code_labels", "counts_text", "date_range", "event_caption", "event_detail", "event_label", "format_when", "highlight",
    "list_articles", "list_events", "list_places", "list_quotes", "list_relations", "list_statistics", "map_points",
    "modality_label", "parse_iso_date", "place_detail", "place_page_data", "quote_speaker", "resolve_actor",
    "search_actors", "stats", "timeline_items", "type_polarity",
]  # fmt: skip
