"""The HTTP face of eventwire: REST API and web UI in one FastAPI app.

``create_app(settings)`` builds it; ``serve(settings)`` runs it with uvicorn.
"""

from __future__ import annotations

from eventwire.api.app import create_app
from eventwire.api.server import serve

__all__ = ["create_app", "serve"]
