"""Caption and credit wording is data (``knowledge/data/page_words.toml``) read through
``Resources``: the shipped lists mark caption lines, a file of one's own changes them, and
a broken file is one clear error naming it."""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest

from eventwire.errors import ConfigError
from eventwire.extract.docview import DocView
from eventwire.knowledge.words import PageWords, page_words, parse_page_words


def _shipped() -> dict:
    path = files("eventwire.knowledge").joinpath("data", "page_words.toml")
    return tomllib.loads(path.read_text("utf-8"))


@pytest.mark.parametrize(
    "line",
    [
        "Rescuers search the rubble in Derna on Monday. (AP Photo/Jane Doe)",  # bracketed credit
        "A damaged school in the old town [Image: Harbour Agency]",
        "Top photo: smoke over the port",  # a placement word and a label
        "Pictured: the convoy near the crossing",
        "File photo by Jane Doe",
        "Photographs",  # a label alone on its line
        "The post Ceasefire holds in the south appeared first on Harbour News.",
    ],
)
def test_caption_lines_of_the_shipped_wording(line: str) -> None:
    assert page_words().is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "Photographers were turned back at the checkpoint.",  # a label word opening prose
        "The picture is still unclear, a spokesman said.",
        "Fighters shelled the port (the second time this week).",  # a bracket with no credit
        "The post was abandoned on Monday.",
    ],
)
def test_running_text_is_no_caption(line: str) -> None:
    assert not page_words().is_caption(line)


def test_a_label_added_to_the_file_makes_its_lines_captions(blank_nlp) -> None:
    data = _shipped()
    data["caption_start"]["labels"] = [*data["caption_start"]["labels"], "foto"]
    own = parse_page_words(data, "my_page_words.toml")
    text = "Rebels shelled the port on Monday.\n\nFoto: the port after the shelling.\n\nTwo died."
    caption = text.index("Foto")
    assert DocView(blank_nlp(text), own).zones.zone_of(caption) == "caption"
    assert DocView(blank_nlp(text), page_words()).zones.zone_of(caption) == "body"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"version": 2}, "my_words.toml: version 2, expected 1"),
        ({"syndicated": {"verbs": []}}, r"my_words.toml: \[syndicated\] verbs must be"),
        ({"credit_end": {}}, r"my_words.toml: \[credit_end\] words must be"),
        ({"caption_start": {"placements": ["top"], "labels": [""]}}, "labels must be"),
    ],
)
def test_a_broken_file_is_one_error_naming_it(change: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_page_words({**_shipped(), **change}, "my_words.toml")


def test_zones_need_the_page_words(blank_nlp) -> None:
    view = DocView(blank_nlp("Fighters shelled the port."))
    assert view.sent_no(0) == 0  # the rest of the view needs no wording
    with pytest.raises(ValueError, match="page words"):
        _ = view.zones
    assert isinstance(page_words(), PageWords)
