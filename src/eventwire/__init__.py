"""eventwire: a sourced, queryable picture of an armed conflict from news articles."""

from eventwire.config import Settings
from eventwire.errors import EventwireError

__version__ = "0.1.0"

__all__ = ["EventwireError", "Settings", "__version__"]
