"""Stable, content-derived identifiers for resolved records."""

from __future__ import annotations

import hashlib


def stable_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:12]}"
