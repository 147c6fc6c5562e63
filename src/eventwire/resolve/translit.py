"""Transliteration keys, kept here for the modules that import them from resolve; the one
implementation is :mod:`eventwire.text.translit`."""

from eventwire.text.translit import ARTICLES, skeleton, token_keys, translit_key

__all__ = ["ARTICLES", "skeleton", "token_keys", "translit_key"]
