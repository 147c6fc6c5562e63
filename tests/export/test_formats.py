"""Every export format opened by the reader its users have: pandas, pyarrow, networkx, geojson."""

from __future__ import annotations

import json
from pathlib import Path

import geojson
import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest

from eventwire.errors import ExportError, NotFound
from eventwire.export import COLUMNS, Filters, export, formats
from eventwire.export import source as source_module
from eventwire.export.parquet import FILES, schemas
from eventwire.schema import validate_record
from eventwire.store.sqlite import SQLiteStore


def test_every_format_is_registered_with_a_description() -> None:
    names = [name for name, _ in formats()]
    assert {"jsonl", "csv", "geojson", "graphml", "gexf", "parquet"} <= set(names)
    assert all(help_text for _, help_text in formats())


def test_jsonl_validates_against_the_contract(filled: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    n = export(filled, "jsonl", out)
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert n == len(records) == 1 + 4 + 3 + 3 + 2 + 1 + 2
    for record in records:
        validate_record(record)


def test_csv_reads_in_pandas_with_acled_columns_first(filled: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    assert export(filled, "csv", out) == 3
    frame = pd.read_csv(out)
    assert tuple(frame.columns) == COLUMNS
    assert list(frame.columns[:4]) == ["event_id_cnty", "event_date", "year", "time_precision"]
    shell = frame.set_index("event_id_cnty").loc["incident_a"]
    assert shell["event_date"] == "2019-04-09" and shell["time_precision"] == 1
    assert shell["disorder_type"] == "Political violence"
    assert shell["sub_event_type"] == "Shelling/artillery/missile attack"
    assert shell["actor1"] == 'Libyan <National> Army & "allies"' and shell["actor2"] == "civilians"
    assert shell["country"] == "Libya" and shell["iso"] == 434
    assert shell["latitude"] == pytest.approx(32.88) and shell["geo_precision"] == 1
    assert shell["fatalities"] == 4 and shell["civilian_targeting"] == "Civilian targeting"
    assert shell["source"] == "Harbour Gazette" and shell["source_count"] == 2
    assert shell["notes"].startswith("Shelling killed 4 civilians")
    assert shell["evidence"] == "art_1:0-68"
    assert (shell["killed_min"], shell["killed_max"], shell["event_ids"]) == (4, 6, "event_a")
    month = frame.set_index("event_id_cnty").loc["incident_c"]
    # a month-precision date is written as its first day with ACLED's widest precision
    assert month["event_date"] == "2019-05-01" and month["time_precision"] == 3
    assert month["date"] == "2019-05" and month["date_precision"] == "month"
    support = frame.set_index("event_id_cnty").loc["incident_b"]
    assert support["inter1"] == "External/Other forces"  # Egypt, acting on a Libyan actor
    assert support["cameo_code"] == "05;06" and pd.isna(support["location"])


def test_geojson_is_valid_and_has_only_located_points(filled: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "x.geojson"
    assert export(filled, "geojson", out) == 2
    collection = geojson.loads(out.read_text("utf-8"))
    assert collection.is_valid, collection.errors()
    by_id = {f["id"]: f for f in collection["features"]}
    assert set(by_id) == {"incident_a", "incident_c"}
    assert by_id["incident_a"]["geometry"]["coordinates"] == [13.19, 32.88]  # longitude first
    assert by_id["incident_c"]["properties"]["place_precision"] == "city"


def test_empty_geojson_is_still_valid(memory_store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "empty.geojson"
    assert export(memory_store, "geojson", out) == 0
    assert geojson.loads(out.read_text("utf-8")).is_valid


def test_graphml_opens_in_networkx(filled: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "x.graphml"
    export(filled, "graphml", out)
    graph = nx.read_graphml(out)
    assert graph.is_directed() and graph.number_of_nodes() == 4
    lna = graph.nodes["actor_lna"]
    assert lna["label"] == 'Libyan <National> Army & "allies"'  # escaped, read back intact
    assert lna["type"] == "armed_group" and lna["mention_count"] == 5
    edge = graph.edges["actor_egy", "actor_lna"]
    assert edge["relation"] == "support" and edge["polarity"] == "positive"
    assert edge["source_count"] == 2 and edge["negated"] is False
    assert edge["evidence"] == "Egypt backs the <LNA> & its allies."


def test_gexf_opens_in_networkx(filled: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "x.gexf"
    export(filled, "gexf", out)
    graph = nx.read_gexf(out)
    assert graph.number_of_nodes() == 4 and graph.number_of_edges() == 2
    assert graph.nodes["actor_egy"]["label"] == "Egypt"
    assert graph.nodes["actor_egy"]["country"] == "EGY"
    edge = graph.edges["actor_lna", "actor_civ"]
    assert edge["relation"] == "fight" and edge["polarity"] == "negative"
    assert edge["modality"] == "reported" and edge["first_seen"] == "2019-04-09"


def test_parquet_folder_has_a_file_per_kind_with_the_fixed_schema(
    filled: SQLiteStore, tmp_path: Path
) -> None:
    out = tmp_path / "pq"
    export(filled, "parquet", out)
    expected = schemas()
    rows = {}
    for name in FILES:
        table = pq.read_table(out / f"{name}.parquet")
        assert table.schema.equals(expected[name]), name
        rows[name] = table.num_rows
    assert rows == {
        "articles": 1, "actors": 4, "events": 3, "relations": 2, "quotes": 1, "places": 2,
        "incidents": 3,
    }  # fmt: skip
    events = pq.read_table(out / "events.parquet").to_pylist()
    shell = next(e for e in events if e["id"] == "event_a")
    assert shell["location"]["name"] == "Tripoli" and dict(shell["counts"]) == {"killed": 4}
    assert json.loads(shell["codes"])["cameo"] == "19"
    assert shell["evidence"][0]["char_end"] == 68


def test_empty_store_parquet_keeps_the_schema(memory_store: SQLiteStore, tmp_path: Path) -> None:
    export(memory_store, "parquet", tmp_path / "pq")
    table = pq.read_table(tmp_path / "pq" / "incidents.parquet")
    assert table.num_rows == 0 and table.schema.equals(schemas()["incidents"])


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(actor="LNA"), ["incident_a", "incident_b"]),
        (Filters(type="assault"), ["incident_a"]),
        (Filters(since="2019-04-10"), ["incident_b", "incident_c"]),
        (Filters(until="2019-04"), ["incident_a", "incident_b"]),
        (Filters(place="sirte"), ["incident_c"]),
        (Filters(place="geonames:2210247"), ["incident_a"]),
        (Filters(min_sources=2), ["incident_a"]),
        (Filters(modality="reported"), ["incident_a"]),
    ],
)
def test_filters_select_incidents(
    filled: SQLiteStore, tmp_path: Path, filters: Filters, expected: list[str]
) -> None:
    out = tmp_path / "x.csv"
    export(filled, "csv", out, filters)
    assert pd.read_csv(out)["event_id_cnty"].tolist() == expected


def test_filters_select_graph_edges_and_their_actors(filled: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "x.graphml"
    export(filled, "graphml", out, Filters(min_sources=2))
    graph = nx.read_graphml(out)
    assert sorted(graph.nodes) == ["actor_egy", "actor_lna"]
    assert list(graph.edges) == [("actor_egy", "actor_lna")]


def test_a_filter_that_matches_nothing_named_is_an_error(filled: SQLiteStore) -> None:
    with pytest.raises(NotFound, match="no place matches 'Atlantis'"):
        export(filled, "csv", Path("unused.csv"), Filters(place="Atlantis"))
    with pytest.raises(ExportError, match="modality"):
        Filters(modality="certain")


def test_a_failed_export_leaves_the_existing_file_untouched(
    filled: SQLiteStore, tmp_path: Path
) -> None:
    out = tmp_path / "keep.csv"
    out.write_text("previous export\n")
    with pytest.raises(NotFound, match="no actor matches"):
        export(filled, "csv", out, Filters(actor="Nobody At All"))
    assert out.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.csv"]  # no partial file left


def test_a_failed_folder_export_leaves_the_existing_folder(
    filled: SQLiteStore, tmp_path: Path
) -> None:
    out = tmp_path / "pq"
    export(filled, "parquet", out)
    before = sorted(p.name for p in out.iterdir())
    with pytest.raises(NotFound):
        export(filled, "parquet", out, Filters(actor="Nobody At All"))
    assert sorted(p.name for p in out.iterdir()) == before
    assert [p.name for p in tmp_path.iterdir()] == ["pq"]


def test_a_missing_output_folder_is_one_clear_error(filled: SQLiteStore, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export(filled, "csv", tmp_path / "no" / "x.csv")


def test_incidents_are_read_a_keyset_page_at_a_time(
    filled: SQLiteStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(source_module, "PAGE", 2)
    pages: list[tuple[int | None, object]] = []
    real = filled.incident_lines

    def spy(flt=None):  # type: ignore[no-untyped-def]
        pages.append((flt.limit, flt.after) if flt else (None, None))
        return real(flt)

    def decoded(flt=None):  # type: ignore[no-untyped-def]
        raise AssertionError("the CSV rows are made from the stored lines")

    monkeypatch.setattr(filled, "incident_lines", spy)
    monkeypatch.setattr(filled, "incidents", decoded)
    out = tmp_path / "x.csv"
    assert export(filled, "csv", out) == 3
    # two pages of lines, the second after the last (date, id) seen; never the whole table
    assert pages == [(2, None), (2, ("2019-04-10", "incident_b"))]
    assert pd.read_csv(out)["event_id_cnty"].tolist() == ["incident_a", "incident_b", "incident_c"]


def test_a_plug_in_format_registers_like_the_built_in_ones(
    filled: SQLiteStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.registry import Component, exporters

    def write_kinds(records, out) -> int:  # the plain-records signature of the registry docs
        kinds = [r["kind"] for r in records]
        out.write(" ".join(kinds))
        return len(kinds)

    monkeypatch.setitem(exporters._items, "kinds", Component("kinds", write_kinds))
    out = tmp_path / "kinds.txt"
    assert export(filled, "kinds", out, Filters(min_sources=2)) == 1 + 4 + 1 + 1 + 1 + 1 + 2
    assert out.read_text().split().count("event") == 1  # the filter reaches plug-ins too


def test_csv_admin1_holds_the_division_name_when_the_gazetteer_knows_it(
    filled: SQLiteStore, tmp_path: Path
) -> None:
    out = tmp_path / "named.csv"
    # the fixture's places carry a division code; a gazetteer lookup names it
    export(filled, "csv", out, division={"Tripoli": "Tarabulus Division"}.get)
    rows = pd.read_csv(out).set_index("event_id_cnty")
    assert rows.loc["incident_a", "admin1"] == "Tarabulus Division"
    export(filled, "csv", out, division=lambda code: None)  # unknown code: the code stays
    assert pd.read_csv(out).set_index("event_id_cnty").loc["incident_a", "admin1"] == "Tripoli"
