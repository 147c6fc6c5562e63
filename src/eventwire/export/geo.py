"""GeoJSON: every located incident as a point feature (RFC 7946, longitude first)."""

from __future__ import annotations

import json
from typing import TextIO

from eventwire.export.incidents import row_dict
from eventwire.export.source import ExportSource
from eventwire.registry import exporters


@exporters.register(
    "geojson", target="stream", suffix=".geojson", help="located incidents as map points"
)
def write_geojson(source: ExportSource, out: TextIO) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for row in source.incidents():
        if row.latitude is None or row.longitude is None:
            continue
        feature = {
            "type": "Feature",
            "id": row.event_id_cnty,
            "geometry": {"type": "Point", "coordinates": [row.longitude, row.latitude]},
            "properties": row_dict(row),
        }
        out.write(",\n" if n else "")
        out.write(json.dumps(feature, ensure_ascii=False, allow_nan=False))
        n += 1
    out.write("\n]}\n")
    return n
