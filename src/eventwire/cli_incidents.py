"""The ``incidents`` group: incidents listed a page at a time or explained, and the joins
and splits a user records."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from eventwire.cli_listings import date_cell, explain_record, place_cell
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
from eventwire.console import edge, err, nothing, out, plural, print_json, short, table
from eventwire.export import Filters
from eventwire.export.incident_list import explain_incident, incident_page
from eventwire.model import to_dict

incidents_app = typer.Typer(
    no_args_is_help=False, help="Incidents: list, explain, join, split.", rich_markup_mode=None
)


@incidents_app.callback(invoke_without_command=True)
def incidents(
    ctx: typer.Context,
    db: DbOption = "eventwire.db",
    actor: ActorOption = None,
    type: TypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    place: PlaceOption = None,
    min_sources: MinSourcesOption = 1,
    modality: ModalityOption = None,
    sort: Annotated[
        str, typer.Option("--sort", metavar="date|sources", help="Newest or most reported first.")
    ] = "date",
    limit: Annotated[
        int | None, typer.Option("--limit", metavar="N", min=1, help="At most N incidents.")
    ] = None,
    as_json: JsonOption = False,
    explain: ExplainOption = None,
    after: Annotated[
        str | None,
        typer.Option(
            "--after",
            metavar="CURSOR",
            help="The page after this cursor (printed "
            "after a page of --limit rows), in either sort.",
        ),
    ] = None,  # fmt: skip
) -> None:
    """List incidents (one per real-world occurrence): date, type, actors, place, best-supported
    counts with their range, sources and outlets."""
    if ctx.invoked_subcommand is not None:
        return
    if explain:
        explain_record(db, explain_incident, explain)
        return
    with edge():
        filters = Filters(actor, type, since, until, place, min_sources, modality)
        store = open_db(settings_for(db=db))
        try:
            page = incident_page(store, filters, sort, limit, after)
            names = {a.id: a.name for a in store.actors()}
        finally:
            store.close()
    rows = page.items
    if not rows:
        raise nothing("no incidents" + (" with these filters" if filters.active else ""))
    if page.next_after:
        err.print(f"more: --after '{page.next_after}'", markup=False, highlight=False)
    if as_json:
        print_json(to_dict(rows))
        return
    table(
        ("id", "date", "type", "actors", "place", "counts", "sources", "evidence"),
        (
            (
                i.id,
                date_cell(i.date, i.date_precision),
                i.type,
                f"{names.get(i.source_actor or '', '?')} → {names.get(i.target_actor or '', '-')}",
                place_cell(i.location),
                ", ".join(
                    f"{k} {v}" + (f" ({i.count_min[k]}-{i.count_max[k]})"
                                  if i.count_min.get(k) != i.count_max.get(k) else "")
                    for k, v in i.counts.items()
                ),
                f"{plural(i.source_count, 'article')}, {plural(i.outlet_count, 'outlet')}",
                short(i.evidence[0].sentence) if i.evidence else "",
            )
            for i in rows
        ),
    )  # fmt: skip


def _incident_edit(db: str, edit: Any, *args: Any) -> None:
    with edge():
        settings = settings_for(db=db)
        store = open_db(settings)
        try:
            done = edit(store, settings, *args)
        finally:
            store.close()
    for entry in done.written:
        out.print(f"wrote {' / '.join(entry)} to {settings.overrides_path}", markup=False)
    for inc in done.incidents:
        out.print(
            f"now {inc.id}: {inc.type} on {inc.date or 'an unknown date'}, "
            f"{plural(inc.source_count, 'article')}",
            markup=False,
        )


@incidents_app.command("join")
def incidents_join(
    ids: Annotated[
        list[str],
        typer.Argument(metavar="ID", help="Two or more incident, event or article ids."),
    ],
    db: DbOption = "eventwire.db",
) -> None:
    """Record that these are one incident (kept on every rebuild), then rebuild."""
    from eventwire.export.incident_overrides import join_incidents

    _incident_edit(db, join_incidents, ids)


@incidents_app.command("split")
def incidents_split(
    incident_id: Annotated[str, typer.Argument(metavar="ID", help="The incident to split.")],
    out_id: Annotated[
        str,
        typer.Option(
            "--out", metavar="EVENT|ARTICLE", help="A member event or an article to take out."
        ),
    ],
    db: DbOption = "eventwire.db",
) -> None:
    """Take an event's or an article's reports out of an incident (kept on every rebuild),
    then rebuild."""
    from eventwire.export.incident_overrides import split_incident

    _incident_edit(db, split_incident, incident_id, out_id)
