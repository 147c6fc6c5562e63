"""Outlet conventions shipped as data (``data/outlets.toml``)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def outlet_date_orders() -> dict[str, str]:
    """Outlet name (lower case) -> 'DMY' or 'MDY'."""
    raw = files("eventwire.knowledge").joinpath("data/outlets.toml").read_text("utf-8")
    table = tomllib.loads(raw).get("date_order", {})
    return {str(k).lower(): str(v).upper() for k, v in table.items()}
