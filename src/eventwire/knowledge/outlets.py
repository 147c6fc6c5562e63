"""Outlet conventions shipped as data (``data/outlets.toml``)."""

from __future__ import annotations

import tomllib
from importlib.resources import files

from eventwire.config import Settings


def read_outlet_date_orders() -> dict[str, str]:
    """Outlet name (lower case) -> 'DMY' or 'MDY', as shipped; read from the file on every
    call (``Resources.date_orders`` keeps one copy, with the user's table over it)."""
    raw = files("eventwire.knowledge").joinpath("data/outlets.toml").read_text("utf-8")
    table = tomllib.loads(raw).get("date_order", {})
    return {str(k).lower(): str(v).upper() for k, v in table.items()}


def outlet_date_orders(settings: Settings | None) -> dict[str, str]:
    """The shipped outlet date orders with ``settings``' ``outlet_date_order`` over them."""
    orders = read_outlet_date_orders()
    if settings is not None:
        orders.update(settings.date_orders())
    return orders
