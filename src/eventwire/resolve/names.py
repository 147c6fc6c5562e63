"""Name normalisation, kept here for the modules that import it from resolve; the one
implementation is :mod:`eventwire.text.names`."""

from eventwire.text.fold import fold
from eventwire.text.names import clean_surface, plain_key, search_keys

__all__ = ["clean_surface", "fold", "plain_key", "search_keys"]
