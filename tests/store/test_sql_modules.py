"""The store's SQL and migrations as modules: the split keeps one store and one list."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import textwrap

import pytest

from eventwire.store.migrations import MIGRATIONS
from eventwire.store.postgres import PostgresStore
from eventwire.store.sqlite import SQLiteStore

RANGES = ("migrations_01_08", "migrations_09_16", "migrations_17_22", "migrations_23_30")


def _placeholder(function: object) -> bool:
    """Whether a function's body (its docstring aside) is only ``raise NotImplementedError``."""
    source = textwrap.dedent(inspect.getsource(function))  # type: ignore[arg-type]
    body = ast.parse(source).body[0].body  # type: ignore[attr-defined]
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    return (
        len(body) == 1
        and isinstance(body[0], ast.Raise)
        and "NotImplementedError" in ast.unparse(body[0])
    )


@pytest.mark.parametrize("store", [SQLiteStore, PostgresStore])
def test_no_method_of_a_backend_is_a_placeholder(store: type) -> None:
    """Mixins declare the helpers they call as placeholders; the order of SQLStore's bases
    must leave the real ones (the connection layer's, the backend's) in front."""
    found = []
    for name in dir(store):
        attr = inspect.getattr_static(store, name)
        function = attr.fget if isinstance(attr, property) else attr
        if inspect.isfunction(function) and _placeholder(function):
            found.append(f"{name} ({function.__qualname__})")
    assert found == []


def test_the_migrations_are_the_range_modules_scripts_in_order() -> None:
    """One ordered registry: the range modules' scripts, each once, in the order the modules
    define them, and each module holding the numbers its name says."""
    scripts: list[str] = []
    for name in RANGES:
        module = importlib.import_module(f"eventwire.store.{name}")
        first, last = (int(n) for n in re.findall(r"\d+", name))
        mine = [v for k, v in vars(module).items() if k.isupper() and isinstance(v, str)]
        assert len(mine) == last - first + 1, name
        assert [MIGRATIONS.index(s) + 1 for s in mine] == list(range(first, last + 1)), name
        scripts += mine
    assert scripts == MIGRATIONS
    assert len(MIGRATIONS) == 30
