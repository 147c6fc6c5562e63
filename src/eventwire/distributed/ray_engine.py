"""Ray: batches mapped with Ray Data ``map_batches`` over a pool of actors.

Each actor is a long-lived process that calls the function on one batch at a time,
so whatever the function loads once per process (the spaCy model, the knowledge base,
the gazetteer) is loaded once per actor and never travels through the object store;
only the batches and their results do. Without an address a local Ray runtime is
started with ``workers`` CPUs (what tests use); with one, the cluster's.
"""

from __future__ import annotations

import importlib
import pickle
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from typing import Any, TypeVar

from eventwire.errors import ConfigError

B = TypeVar("B")
R = TypeVar("R")


def _ray() -> ModuleType:
    # Ray is optional and takes over a second to import: loaded when the engine is used.
    try:
        importlib.import_module("ray.data")
        return importlib.import_module("ray")
    except ImportError as exc:
        raise ConfigError("the ray engine needs Ray; install eventwire[ray]") from exc


class _Apply:
    """A Ray Data actor: holds the function, applies it to each pickled batch."""

    def __init__(self, fn: Callable[[Any], Any]) -> None:
        self.fn = fn

    def __call__(self, rows: dict[str, Any]) -> dict[str, list[bytes]]:
        return {"result": [pickle.dumps(self.fn(pickle.loads(b))) for b in rows["batch"]]}


def ray_map(
    fn: Callable[[B], R],
    batches: Iterable[B],
    *,
    address: str = "",
    workers: int = 2,
) -> Iterator[R]:
    """``fn(batch)`` for every batch, computed by ``workers`` Ray actors, in batch order."""
    ray = _ray()
    if not ray.is_initialized():
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=max(1, workers), include_dashboard=False, log_to_driver=False)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    items = [{"batch": pickle.dumps(b)} for b in batches]
    if not items:
        return
    dataset = ray.data.from_items(items, override_num_blocks=len(items)).map_batches(
        _Apply,
        fn_constructor_args=(fn,),
        batch_size=1,
        concurrency=max(1, workers),
        num_cpus=1,
    )
    for row in dataset.iter_rows():
        yield pickle.loads(row["result"])
