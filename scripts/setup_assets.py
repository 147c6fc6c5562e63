"""One-time setup steps after the Python install: built data files and front-end assets.

Each step is idempotent and quiet when its output is already up to date.
"""

from __future__ import annotations

import importlib
import sys

STEPS = (
    "eventwire.knowledge.gazetteer_build",  # GeoNames -> compact SQLite gazetteer
    "eventwire.web.assets",  # npm packages -> the package's static folder
)


def main() -> int:
    for name in STEPS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue  # that part of eventwire is not built yet
            raise
        module.setup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
