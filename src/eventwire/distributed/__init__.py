"""Engines that map the per-document function over many machines; no logic of their own.

An engine takes a picklable function and an iterable of batches and yields the
function's result for each batch, in order. What the function does (parse, extract)
is the pipeline's business; an engine only decides where it runs.
"""

from __future__ import annotations

from eventwire.distributed.ray_engine import ray_map

__all__ = ["ray_map"]
