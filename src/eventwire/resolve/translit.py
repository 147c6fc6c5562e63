"""Transliteration keys, kept here for the modules that import them from resolve; the one
implementation is :mod:`eventwire.text.translit`."""

from eventwire.text.translit import (
    ARTICLES,
    family_key,
    name_key,
    skeleton,
    token_keys,
    translit_key,
)

__all__ = ["ARTICLES", "family_key", "name_key", "skeleton", "token_keys", "translit_key"]
