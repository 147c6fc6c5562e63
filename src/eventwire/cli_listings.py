"""Commands that list what a store holds: ``places``, ``events``, ``relations`` and
``quotes``; and the table cells and ``--explain`` output the incident listing shares."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.text import Text

from eventwire.cli_options import (
    ActorOption,
    DbOption,
    ExplainOption,
    JsonOption,
    MinSourcesOption,
    ModalityOption,
    PlaceOption,
    SinceOption,
    TypeOption,
    UntilOption,
    open_db,
    settings_for,
)
from eventwire.console import edge, nothing, out, plural, print_json, short, table
from eventwire.export import ExportSource, Filters
from eventwire.export.incident_list import explain_event
from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Place, to_dict
from eventwire.query import actor_relations, find_quotes
from eventwire.views import quote_speaker, type_polarity
from eventwire.views.dates import format_when

commands = typer.Typer()


@commands.command()
def places(db: DbOption = "eventwire.db", as_json: JsonOption = False) -> None:
    """List the places of the store's events, with how many events each holds."""
    with edge():
        store = open_db(settings_for(db=db))
        try:
            rows = store.places()
        finally:
            store.close()
    if not rows:
        raise nothing("the store has no places")
    if as_json:
        print_json([to_dict(p) | {"events": n} for p, n in rows])
        return
    table(
        ("place", "country", "precision", "lat", "lon", "events"),
        ((p.name, p.country or "-", p.precision, _coord(p.lat), _coord(p.lon), n) for p, n in rows),
    )


def _coord(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


@commands.command()
def events(
    db: DbOption = "eventwire.db",
    actor: ActorOption = None,
    type: TypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    place: PlaceOption = None,
    min_sources: MinSourcesOption = 1,
    modality: ModalityOption = None,
    as_json: JsonOption = False,
    explain: ExplainOption = None,
) -> None:
    """List events: date, type, actors, place, counts, sources and the evidence."""
    if explain:
        explain_record(db, explain_event, explain)
        return
    with edge():
        filters = Filters(actor, type, since, until, place, min_sources, modality)
        store = open_db(settings_for(db=db))
        try:
            source = ExportSource(store, filters)
            rows = list(source.events(order="-date"))  # as the pages: newest first
            names = {a.id: a.name for a in source.actors_by_id().values()}
        finally:
            store.close()
    if not rows:
        raise nothing("no events" + (" with these filters" if filters.active else ""))
    if as_json:
        print_json(to_dict(rows))
        return
    table(
        ("date", "type", "actors", "place", "counts", "sources", "evidence"),
        (
            (
                date_cell(e.date, e.date_precision),
                e.type + (" (not)" if e.negated else "")
                + ("" if e.modality == "asserted" else f" ({e.modality})"),
                f"{names.get(e.source_actor or '', '?')} → {names.get(e.target_actor or '', '-')}",
                place_cell(e.location),
                ", ".join(f"{k} {v}" for k, v in e.counts.items()),
                plural(e.source_count, "source"),
                short(e.evidence[0].sentence) if e.evidence else "",
            )
            for e in rows
        ),
    )  # fmt: skip


def date_cell(value: str | None, precision: str | None) -> str:
    """A listing's date: a week at its precision (stored as its Monday, which is no day of
    the act); other dates as their partial ISO value, which already shows their precision."""
    if value and precision == "week":
        return format_when(value, precision)
    return value or ""


def place_cell(place: Place | None) -> str:
    """A listing's place: its name, marked when inferred from the article's country."""
    if place is None:
        return ""
    return place.name + (" (inferred)" if place.inferred else "")


def explain_record(db: str, explain: Any, record_id: str) -> None:
    with edge():
        store = open_db(settings_for(db=db))
        try:
            lines = explain(store, record_id, read_ontology())
        finally:
            store.close()
    for line in lines:
        out.print(line, markup=False, highlight=False)


@commands.command()
def relations(
    db: DbOption = "eventwire.db",
    actor: ActorOption = None,
    type: TypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_sources: MinSourcesOption = 1,
    modality: ModalityOption = None,
    as_json: JsonOption = False,
) -> None:
    """Relations between actor pairs; with --actor, its supporters and opponents."""
    with edge():
        filters = Filters(actor, type, since, until, None, min_sources, modality)
        store = open_db(settings_for(db=db))
        onto = read_ontology()  # this command's copy: relation polarities
        try:
            if actor and not (type or since or until or modality or min_sources != 1):
                grouped = actor_relations(store, actor, onto)
            else:
                grouped = None
                source = ExportSource(store, filters)
                rows = list(source.relations())
                names = {a.id: a.name for a in source.actors_by_id().values()}
        finally:
            store.close()
    if grouped is not None:
        _print_grouped(grouped, as_json)
        return
    if not rows:
        raise nothing("no relations" + (" with these filters" if filters.active else ""))
    if as_json:
        print_json(to_dict(rows))
        return
    table(
        ("source", "relation", "target", "polarity", "modality", "sources", "seen", "evidence"),
        (
            (
                names.get(r.source_actor, r.source_actor),
                r.type,
                names.get(r.target_actor, r.target_actor),
                type_polarity(r.type, r.negated, onto),
                r.modality + (" contested" if r.contested else ""),
                plural(r.source_count, "source"),
                f"{r.first_seen or '?'}..{r.last_seen or '?'}",
                short(r.evidence[0].sentence) if r.evidence else "",
            )
            for r in rows
        ),
    )


def _print_grouped(result: Any, as_json: bool) -> None:
    if as_json:
        print_json(to_dict(result))
        return
    groups = ("supporters", "opponents", "supported", "opposed", "neutral", "uncounted")
    if not any(getattr(result, g) for g in groups):
        raise nothing(f"no relations of {result.actor}")
    for group in groups:
        for row in getattr(result, group):
            r = row.relation
            flag = " contested" if r.contested else ""
            out.print(
                Text.assemble(
                    (group, "bold"),
                    f" {row.other} {r.type} ({row.polarity}, {r.modality}{flag}, "
                    f"{plural(r.source_count, 'source')})",
                )
            )
            for ev in (*r.evidence, *r.denied_evidence)[:3]:
                out.print(f"    {ev.article_id}: {short(ev.sentence, 160)}", markup=False)


@commands.command()
def quotes(
    db: DbOption = "eventwire.db",
    speaker: Annotated[
        str | None, typer.Option(metavar="NAME", help="Speaker name (any spelling).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Direct quotes, optionally of one speaker."""
    with edge():
        store = open_db(settings_for(db=db))
        try:
            rows = find_quotes(store, speaker)
            names = {a.id: a.name for a in store.actors()}
        finally:
            store.close()
    if not rows:
        raise nothing(f"no quotes of {speaker!r}" if speaker else "no quotes")
    if as_json:
        print_json(to_dict(rows))
        return
    for q in rows:
        out.print(
            Text.assemble(
                (quote_speaker(q, names) or "?", "bold"), f": “{q.text}” ({q.article_id})"
            )
        )
