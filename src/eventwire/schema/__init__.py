"""JSON Schema of the export contract, shipped inside the package."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any


@lru_cache(maxsize=1)
def export_schema() -> dict[str, Any]:
    text = files("eventwire.schema").joinpath("export.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def validate_record(record: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError if ``record`` breaks the export contract."""
    import jsonschema

    jsonschema.validate(record, export_schema())
