"""The one exception tree of eventwire.

    EventwireError
    ├── ConfigError          a setting or a user file (overrides, KB) is invalid
    ├── IngestError          a source file cannot be read or parsed; names the file
    │   └── UnsupportedFormat    no reader handles the file
    ├── NLPError             the spaCy pipeline cannot be built
    ├── StoreError           the store cannot be opened, migrated or written
    │   └── NotFound             a requested record does not exist
    ├── ExportError          an export format is unknown or a record breaks the schema
    └── EvalError            a gold set is missing or malformed

Library code raises these; only the CLI and the API turn them into messages.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""


class ConfigError(EventwireError):
    pass


class IngestError(EventwireError):
    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class UnsupportedFormat(IngestError):
    pass


class NLPError(EventwireError):
    pass


class StoreError(EventwireError):
    pass


class NotFound(StoreError):
    pass


class ExportError(EventwireError):
    pass


class EvalError(EventwireError):
    pass
