"""A process that has already geocoded with a gazetteer sees what a later import writes
into that file (an API server, a notebook, a test session): the pipeline's loaded data
is keyed on the file's state, not only on the settings."""

from __future__ import annotations

from pathlib import Path

from tests.knowledge.test_gazetteer_import import DATA, base, settings

from eventwire.config import Settings
from eventwire.knowledge.gazetteer import gazetteer_stamp
from eventwire.knowledge.gazetteer_import import import_dumps
from eventwire.model import Article
from eventwire.pipeline import _process_resources, process_articles

__all__ = ["base", "settings"]  # the fixtures, shared with the import tests

# one invented village in GeoNames' 19 tab-separated columns
VILLAGE_ROW = "\t".join(
    ["90000101", "Qasr Tamrit", "Qasr Tamrit", "Tamrit", "31.52000", "16.41000", "P", "PPL"]
    + ["LY", "", "66", "", "", "", "800", "", "240", "Africa/Tripoli", "2024-05-01"]
)
ARTICLE = "Gunmen raided the village of Qasr Tamrit in Libya on Monday, residents said."


def _places(settings: Settings) -> dict[str, str | None]:
    (records,) = process_articles([Article(id="a1", text=ARTICLE)], settings.with_(model="blank"))
    return {pm.span.text: pm.place.name if pm.place else None for pm in records.places}


def test_a_village_imported_later_in_the_same_process_is_found(
    settings: Settings, base: Path, tmp_path: Path
) -> None:
    import_dumps([DATA / "LY.zip"], settings, base=base)
    assert _places(settings).get("Qasr Tamrit") is None  # looked up, and not known yet
    dump = tmp_path / "LY_more.txt"
    dump.write_text(VILLAGE_ROW + "\n", encoding="utf-8")
    import_dumps([dump], settings)
    assert _places(settings)["Qasr Tamrit"] == "Qasr Tamrit"


def test_the_loaded_data_is_kept_until_the_file_changes(
    settings: Settings, base: Path, tmp_path: Path
) -> None:
    import_dumps([DATA / "LY.zip"], settings, base=base)
    first = _process_resources(settings)
    assert _process_resources(settings) is first  # loaded once
    dump = tmp_path / "LY_more.txt"
    dump.write_text(VILLAGE_ROW + "\n", encoding="utf-8")
    before = gazetteer_stamp(settings)
    import_dumps([dump], settings)
    assert gazetteer_stamp(settings) != before
    assert _process_resources(settings) is not first
    # re-importing the same file changes nothing, so the loaded data stays
    again = _process_resources(settings)
    import_dumps([dump], settings)
    assert _process_resources(settings) is again


def test_the_shipped_gazetteer_has_no_stamp() -> None:
    assert gazetteer_stamp(Settings()) is None
