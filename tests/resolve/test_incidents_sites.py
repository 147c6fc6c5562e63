"""The site nouns are data (``knowledge/data/incident_sites.toml``): they load with the
ontology, and a noun added to the data tells two strikes apart."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from tests.resolve.test_incidents import GHARYAN, ONTO, Text

from eventwire.errors import ConfigError
from eventwire.knowledge.ontology import Ontology
from eventwire.knowledge.resources import Resources
from eventwire.knowledge.sites import SITES_FILE, read_site_nouns
from eventwire.model import DocumentRecords, Incident
from eventwire.resolve.doc_incidents import document_incidents
from eventwire.resolve.incidents import assign_actors, resolve_incidents


def test_the_shipped_site_nouns_load_with_the_ontology() -> None:
    nouns = read_site_nouns()
    assert {"market", "hospital", "monastery", "school", "station"} <= nouns
    assert "house" not in nouns and "street" not in nouns  # one strike on homes, many words
    assert ONTO.site_nouns == nouns
    assert Resources().ontology.site_nouns == nouns


def _strike(article_id: str, words: str, trigger: str) -> DocumentRecords:
    t = Text(article_id, "2025-03-14").sentence(words)
    return t.event("ASSAULT", trigger, "2025-03-14", GHARYAN).records()


def _resolve(onto: Ontology, *docs: DocumentRecords) -> list[Incident]:
    told = []
    for doc in docs:
        for inc in document_incidents(doc, onto, {}, frozenset()):
            assign_actors(inc, {}, frozenset())
            told.append(inc)
    return resolve_incidents(told, {}, [])


def test_a_site_noun_added_in_the_data_takes_effect(tmp_path: Path) -> None:
    shipped = (Path(__file__).resolve().parents[2] / "src" / "eventwire" / "knowledge" / "data"
               / SITES_FILE).read_text("utf-8")  # fmt: skip
    added = tmp_path / SITES_FILE
    added.write_text(shipped.replace('"market",', '"market", "granary",'), "utf-8")
    granary = _strike("a", "A jet bombed the old granary on Friday.", "bombed")
    market = _strike("b", "A jet bombed the main market on Friday.", "bombed")
    # with the shipped nouns the granary is no site: the two reports may be one strike
    assert len(_resolve(ONTO, granary, market)) == 1
    onto = replace(ONTO, site_nouns=read_site_nouns(added))
    assert "granary" in onto.site_nouns
    (one, two) = _resolve(onto, granary, market)
    assert any("two different sites (granary; market)" in line
               for line in (*one.explanation, *two.explanation))  # fmt: skip


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("version = 2\n[sites]\nnouns = ['market']\n", "version must be 1"),
        ("version = 1\n[sites]\nnouns = []\n", "non-empty list"),
        ("version = 1\n[sites]\nnouns = ['Bus stop']\n", "not one lower-case word"),
        ("version = 1\n[sites\n", "cannot read"),
    ],
)
def test_a_bad_site_file_is_a_one_line_error_naming_it(
    tmp_path: Path, text: str, problem: str
) -> None:
    bad = tmp_path / "sites.toml"
    bad.write_text(text, "utf-8")
    with pytest.raises(ConfigError, match=problem) as err:
        read_site_nouns(bad)
    assert "sites.toml" in str(err.value) and "\n" not in str(err.value)
