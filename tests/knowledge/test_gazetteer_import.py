"""Importing GeoNames dumps: files we wrote in GeoNames' formats (tests/data/geonames/,
invented places) into a copy of a small gazetteer built here."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.extract.toponyms import resolve_toponym
from eventwire.knowledge.gazetteer import Gazetteer, open_gazetteer
from eventwire.knowledge.gazetteer_build import DEFAULT_PATH, SCHEMA, Builder
from eventwire.knowledge.gazetteer_import import (
    Problem,
    Progress,
    ProgressLog,
    import_dumps,
    import_target,
)
from eventwire.knowledge.gazetteer_info import gazetteer_info
from eventwire.knowledge.gazetteer_seats import write_seats
from eventwire.model import Article
from eventwire.pipeline import process_articles

DATA = Path(__file__).resolve().parents[1] / "data" / "geonames"


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A shipped-like gazetteer: Misratah (geonames:3), its division, Libya."""
    path = tmp_path / "base.sqlite"
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    b = Builder.__new__(Builder)
    b.con, b.next_row = con, 1
    b.add("geonames:3", "Misratah", ["Misrata"], lat=32.38, lon=15.09, country="LBY",
          admin1="LY.72", precision="city", feature="PPL", population=355_000)  # fmt: skip
    b.add("admin1:LY.72", "Sha'biyat Misratah", [], codes=True, lat=32.0, lon=15.0,
          country="LBY", admin1="LY.72", precision="admin1", feature="ADM1")  # fmt: skip
    b.add("country:LBY", "Libya", [], lat=27.0, lon=17.0, country="LBY",
          precision="country", feature="PCLI", population=6_700_000)  # fmt: skip
    con.execute("INSERT INTO meta VALUES ('stamp', 'test-base')")
    con.commit()
    con.close()
    return path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(gazetteer=str(tmp_path / "mine" / "gazetteer.sqlite"))


def _import(settings: Settings, base: Path, *names: str, **kw: object) -> tuple:
    problems: list[Problem] = []
    report = import_dumps(
        [DATA / n for n in names], settings, base=base, on_problem=problems.append, **kw
    )  # type: ignore[arg-type]
    return report, problems


def _names(gaz: Gazetteer, name: str) -> list[str]:
    return [c.place.name for c in gaz.candidates(name)]


def _counts(path: str) -> tuple[int, ...]:
    with sqlite3.connect(path) as con:
        return tuple(
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("place", "name", "skel", "geoname", "source")
        )


def test_import_a_country_file_and_look_up_a_village(settings: Settings, base: Path) -> None:
    report, problems = _import(settings, base, "LY.zip")
    assert problems == []
    (f,) = report.files
    assert (f.file, f.kind, f.status, f.lines) == ("LY.zip", "places", "imported", 9)
    # the normal lookup path: the settings' gazetteer, the resolver of extract/
    gaz = open_gazetteer(settings)
    village = resolve_toponym(gaz, "Bir Qandula")
    assert village is not None
    assert (village.name, village.country, village.precision) == ("Bi’r Qandūlah", "LBY", "city")
    assert (village.lat, village.lon, village.admin1, village.population) == (
        31.4122, 16.0271, "LY.66", 1200,
    )  # fmt: skip
    assert _names(gaz, "Bir Kandula") == ["Bi’r Qandūlah"]  # the row's alternate names
    assert _names(gaz, "Bi'r Qandulah") == ["Bi’r Qandūlah"]  # its ASCII name
    assert _names(gaz, "QDL") == []  # a short code is no name
    district = gaz.candidates("Qandula")[0].place
    assert (district.feature, district.precision, district.population) == ("ADM2", "city", None)
    division = gaz.candidates("Qandula Province")[0].place
    assert (division.feature, division.precision) == ("ADM1", "admin1")


def test_a_place_already_shipped_keeps_its_row_and_gains_names(
    settings: Settings, base: Path
) -> None:
    _import(settings, base, "LY.zip")
    gaz = open_gazetteer(settings)
    (misratah,) = gaz.candidates("Misurata Port")
    assert misratah.place.id == "geonames:3"
    assert misratah.place.population == 355_000  # the shipped row, not the dump's
    assert [c.place.id for c in gaz.candidates("Misratah")] == ["geonames:3"]
    assert [c.place.precision for c in gaz.candidates("Libyen")] == []  # countries stay shipped


def test_feature_classes(settings: Settings, base: Path) -> None:
    report, _ = _import(settings, base, "LY.zip")
    assert report.files[0].filtered == 4  # camp, mountain (S, T), former village, country
    gaz = open_gazetteer(settings)
    assert _names(gaz, "Tawila Camp") == _names(gaz, "Old Zawrat") == []
    report, _ = _import(settings, base, "LY.zip", feature_classes="P,A,S,T")
    assert report.files[0].status == "replaced"  # other classes: another import of the file
    gaz = open_gazetteer(settings)
    camp = gaz.candidates("Mukhayyam at Tawila")[0].place
    assert (camp.name, camp.feature, camp.precision) == ("Tawila Camp", "CMP", "point")
    assert gaz.candidates("Sunayn Mountain")[0].place.feature == "MT"
    assert _names(gaz, "Old Zawrat") == []  # historical places stay out
    with pytest.raises(ConfigError, match="feature classes 'PX'"):
        _import(settings, base, "LY.zip", feature_classes="PX")


def test_reimport_is_idempotent_and_a_newer_file_replaces_its_rows(
    settings: Settings, base: Path, tmp_path: Path
) -> None:
    _import(settings, base, "LY.zip", "alternateNamesV2.zip")
    first = _counts(settings.gazetteer)
    report, _ = _import(settings, base, "LY.zip", "alternateNamesV2.zip")
    assert [f.status for f in report.files] == ["unchanged", "unchanged"]
    assert _counts(settings.gazetteer) == first
    report, _ = _import(settings, base, "LY.zip", force=True)
    assert report.files[0].status == "replaced"
    assert _counts(settings.gazetteer) == first  # same rows, no duplicates
    assert _names(open_gazetteer(settings), "Bir Gandoula") == ["Bi’r Qandūlah"]
    newer = tmp_path / "LY.zip"  # the same file name, newer content
    shutil.copy(DATA / "newer" / "LY.zip", newer)
    import_dumps([newer], settings, base=base)
    gaz = open_gazetteer(settings)
    assert _names(gaz, "Ayn Sultana") == ["Ayn Sultana"]  # new in the newer file
    assert _names(gaz, "Ghadir Hamid") == []  # gone from it, with its alternate names
    assert _names(gaz, "Ghedir Hamed") == []
    assert _names(gaz, "Bir Gandoula") == ["Bi’r Qandūlah"]  # still there: names kept
    with sqlite3.connect(settings.gazetteer) as con:
        files = con.execute("SELECT file, data_date FROM source ORDER BY file").fetchall()
    assert files == [("LY.zip", "2024-09-01"), ("alternateNamesV2.zip", None)]


def test_sources_are_recorded_and_info_reports_them(settings: Settings, base: Path) -> None:
    _import(settings, base, "LY.zip", "admin1CodesASCII.txt")
    info = gazetteer_info(settings)
    assert not info.shipped
    assert info.base_stamp == "test-base"
    ly = info.sources[0]
    digest = hashlib.sha256((DATA / "LY.zip").read_bytes()).hexdigest()
    assert (ly.file, ly.size, ly.sha256, ly.data_date, ly.classes) == (
        "LY.zip", (DATA / "LY.zip").stat().st_size, digest, "2024-06-30", "AP",
    )  # fmt: skip
    assert ly.mtime.endswith("Z")
    assert info.imported_places == 4  # the village, Ghadir Hamid, the districts
    assert info.by_country == [("LBY", 4)]
    assert info.by_class == [("A", 2), ("P", 2)]  # most first, then by letter
    assert ("ADM2", 1) in info.by_feature
    text = "\n".join(info.summary())
    assert "LY.zip" in text and "by country: LBY 4" in text and digest[:16] in text


def test_malformed_lines_are_reported_and_skipped(settings: Settings, base: Path) -> None:
    report, problems = _import(settings, base, "broken.txt")
    assert [str(p) for p in problems] == [
        "broken.txt:2: expected 19 tab-separated fields, found 7",
        "broken.txt:3: coordinates 131.5,16.0 out of range",
        "broken.txt:4: geonameid '9000002x' is not a number",
        "broken.txt:5: not UTF-8 (invalid continuation byte at byte 16)",
    ]
    assert (report.files[0].skipped, report.files[0].places) == (4, 2)
    assert _names(open_gazetteer(settings), "Bir Nawfal") == ["Bir Nawfal"]  # after them


def test_alternate_names(settings: Settings, base: Path) -> None:
    report, _ = _import(settings, base, "alternateNamesV2.zip", "LY.zip")
    assert [f.kind for f in report.files] == ["places", "alternate names"]  # places first
    gaz = open_gazetteer(settings)
    assert _names(gaz, "Bir Gandoula") == ["Bi’r Qandūlah"]
    assert _names(gaz, "Ghedir Hamed") == ["Ghadir Hamid"]
    # links, airport codes, historic names, names no longer in use, unknown places: out
    for name in ("BQX", "Old Qandoula", "Ghadir Hamid Farms", "Nowhere Town"):
        assert _names(gaz, name) == [], name
    assert report.files[1].filtered == 5


def test_a_countrys_alternate_names_file_is_told_from_its_places_file(
    settings: Settings, base: Path, tmp_path: Path
) -> None:
    """GeoNames names both a country's places and its alternate names ``XX.zip``."""
    other = tmp_path / "alternatenames" / "LY.zip"
    other.parent.mkdir()
    with zipfile.ZipFile(DATA / "alternateNamesV2.zip") as zf:
        rows = zf.read("alternateNamesV2.txt")
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("LY.txt", rows)
    import_dumps([DATA / "LY.zip", other], settings, base=base)
    report = import_dumps([DATA / "LY.zip", other], settings, base=base)
    assert [(f.file, f.kind, f.status) for f in report.files] == [
        ("LY.zip", "places", "unchanged"),
        ("LY.zip", "alternate names", "unchanged"),
    ]
    assert _names(open_gazetteer(settings), "Bir Gandoula") == ["Bi’r Qandūlah"]


def test_admin_code_names(settings: Settings, base: Path) -> None:
    _import(settings, base, "admin2Codes.txt", "admin1CodesASCII.txt", "LY.zip")
    gaz = open_gazetteer(settings)
    assert _names(gaz, "Muntaqat Qandulah") == ["Qandula"]  # admin2: the district's place
    assert _names(gaz, "Sha'biyat Qandulah") == ["Sha'biyat Qandula"]  # admin1 by geonameid
    misratah = [c.place.id for c in gaz.candidates("Misratah")]
    assert "admin1:LY.72" in misratah  # a shipped division gets the file's name too


def test_the_shipped_gazetteer_is_never_written(settings: Settings, base: Path) -> None:
    before = hashlib.sha256(base.read_bytes()).hexdigest()
    report, _ = _import(settings, base, "LY.zip")
    assert report.copied_from == base
    assert hashlib.sha256(base.read_bytes()).hexdigest() == before
    assert _names(Gazetteer(base), "Bir Qandula") == []
    with pytest.raises(ConfigError, match="no gazetteer file to import into"):
        import_target(Settings())
    with pytest.raises(ConfigError, match="is the shipped gazetteer"):
        import_target(Settings(gazetteer=str(DEFAULT_PATH)))


def test_files_that_are_not_dumps_are_refused(
    settings: Settings, base: Path, tmp_path: Path
) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        import_dumps([tmp_path / "SD.zip"], settings, base=base)
    (tmp_path / "countryInfo.txt").write_text("#ISO\n")
    with pytest.raises(ConfigError, match="countryInfo.txt: not a file eventwire imports"):
        import_dumps([tmp_path / "countryInfo.txt"], settings, base=base)
    (tmp_path / "XX.zip").write_bytes(b"not a zip")
    with pytest.raises(ConfigError, match="XX.zip: not a readable zip file"):
        import_dumps([tmp_path / "XX.zip"], settings, base=base)
    assert not Path(settings.gazetteer).exists()  # refused before anything is written


def test_progress_log() -> None:
    lines: list[str] = []
    with ProgressLog(lines.append, terminal=False, max_problems=1) as log:
        log.progress(Progress("XX.zip", 50, 100, 10))  # the first is written
        log.progress(Progress("XX.zip", 60, 100, 12))  # within 10 s: not written
        log.progress(Progress("XX.zip", 100, 100, 20))  # the end always is
        log.problem(Problem("XX.zip", 3, "empty name"))
        log.problem(Problem("XX.zip", 4, "empty name"))
    assert lines == [
        "XX.zip:  50.0% of 0.0 MB, 10 lines\n",
        "XX.zip: 100.0% of 0.0 MB, 20 lines\n",
        "skipped XX.zip:3: empty name\n",
        "... and 1 more malformed lines\n",
    ]


def test_cli_import_and_info(settings: Settings, base: Path, tmp_path: Path) -> None:
    Path(settings.gazetteer).parent.mkdir()
    shutil.copy(base, settings.gazetteer)  # an existing gazetteer: imported into as it is
    runner = CliRunner()
    env = {"EVENTWIRE_GAZETTEER": settings.gazetteer}
    result = runner.invoke(app, ["gazetteer", "import", str(DATA / "broken.txt")], env=env)
    assert result.exit_code == 0, result.output
    assert "skipped broken.txt:2: expected 19 tab-separated fields, found 7" in result.output
    assert "broken.txt (places): imported; 6 lines, 2 places" in result.output
    result = runner.invoke(app, ["gazetteer", "info", "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert '"file": "broken.txt"' in result.output
    result = runner.invoke(app, ["gazetteer", "import", str(DATA / "LY.zip")], env={})
    assert result.exit_code == 1
    assert "no gazetteer file to import into" in result.output


ARTICLE = (
    "Gunmen attacked the village of Bir Qandula in Libya on Monday, killing three people, "
    "residents said."
)


def test_an_article_names_an_imported_village(settings: Settings, base: Path) -> None:
    """Through the pipeline (blank model: the gazetteer rules alone), no change in extract/."""
    from eventwire.model import Article
    from eventwire.pipeline import process_articles

    _import(settings, base, "LY.zip")
    (records,) = process_articles([Article(id="a1", text=ARTICLE)], settings.with_(model="blank"))
    places = {pm.span.text: pm.place.name for pm in records.places if pm.place}
    assert places["Bir Qandula"] == "Bi’r Qandūlah"


@pytest.mark.slow
def test_an_event_is_placed_in_an_imported_village(settings: Settings) -> None:
    """With the shipped gazetteer the attack is only placed in Libya; with a country file
    imported into a copy of it, in the village."""
    from eventwire.model import Article
    from eventwire.pipeline import process_articles

    shipped = process_articles([Article(id="a1", text=ARTICLE)], Settings())[0]
    assert {e.place.precision for e in shipped.events if e.place} == {"country"}
    import_dumps([DATA / "LY.zip"], settings)  # the shipped gazetteer, copied
    (records,) = process_articles([Article(id="a1", text=ARTICLE)], settings)
    assert {e.place.id for e in records.events if e.place} == {"geonames:90000001"}


def test_a_places_district_comes_from_its_row_and_the_admin2_names(
    settings: Settings, base: Path
) -> None:
    _import(settings, base, "LY.zip")
    gaz = open_gazetteer(settings)
    assert gaz.district_name("geonames:90000001") == "LY.66.90000002"  # the code, unnamed
    assert gaz.district_name("geonames:90000008") is None  # the row gives no district
    assert gaz.district_name("geonames:90000002") == "Qandula"  # a district is its own
    assert gaz.district_name("geonames:3") is None  # shipped, and the dump gives none
    gaz.close()
    _import(settings, base, "admin2Codes.txt")
    gaz = open_gazetteer(settings)
    assert gaz.district_name("geonames:90000001") == "Muntaqat Qandūlah"
    # the exporter's one callable: a code names a first-level division, an id a district
    assert gaz.division_name("geonames:90000001") == "Muntaqat Qandūlah"
    assert Gazetteer(base).district_name("geonames:3") is None  # no import tables


def test_the_csv_admin2_column_names_the_district(settings: Settings, base: Path) -> None:
    from eventwire.export.incidents import incident_row
    from eventwire.model import Evidence, Incident

    _import(settings, base, "LY.zip", "admin2Codes.txt")
    gaz = open_gazetteer(settings)
    village = resolve_toponym(gaz, "Bir Qandula")
    text = "Gunmen attacked a checkpoint in Bir Qandula."
    incident = Incident("i1", "ASSAULT", {}, (Evidence("a1", text, 0, len(text)),),
                        location=village)  # fmt: skip
    row = incident_row(incident, {}, lambda _a: None, gaz.division_name)
    assert (row.admin1, row.admin2) == ("LY.66", "Muntaqat Qandūlah")
    assert incident_row(incident, {}, lambda _a: None).admin2 == ""  # no gazetteer given


def test_a_shipped_county_is_its_own_district(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    b = Builder.__new__(Builder)
    b.con, b.next_row = con, 1
    b.add("admin2:US.KS.ford-county", "Ford County", [], lat=37.69, lon=-99.88, country="USA",
          admin1="US.KS", precision="city", feature="ADM2")  # fmt: skip
    con.commit()
    con.close()
    gaz = Gazetteer(path)
    assert gaz.district_name("admin2:US.KS.ford-county") == "Ford County"
    assert gaz.district_name("admin2:US.KS.nowhere") is None
    assert gaz.district_name("country:USA") is None


# --- sites (classes S and H): a camp for displaced people, an airport, a border post and
# a wadi from SD_sites.txt, found in a sentence only when the import kept their classes

SITES = DATA / "SD_sites.txt"
CAMP_ARTICLE = (
    "Militiamen attacked the Um Naqira camp for displaced people in Sudan on Monday, "
    "killing four residents, aid workers said."
)


def _imported(settings: Settings, base: Path, classes: str) -> list[Problem]:
    problems: list[Problem] = []
    import_dumps([SITES], settings, base=base, feature_classes=classes,
                 on_problem=problems.append)  # fmt: skip
    return problems


def test_sites_are_kept_only_with_their_classes(settings: Settings, base: Path) -> None:
    assert _imported(settings, base, "PA") == []
    gaz = open_gazetteer(settings)
    assert [c.place.name for c in gaz.candidates("Dar Naqira")] == ["Dar Naqira"]
    assert gaz.candidates("Umm Naqira Camp") == ()
    _imported(settings, base, "PASTH")
    gaz = open_gazetteer(settings)
    found = {
        name: (c.place.feature, c.place.precision, c.place.country)
        for name in ("Um Naqira IDP Camp", "Suri Airfield", "Khor Tiba Post", "Kurma Valley")
        for c in gaz.candidates(name)[:1]
    }
    assert found == {
        "Um Naqira IDP Camp": ("CMPRF", "point", "SDN"),
        "Suri Airfield": ("AIRP", "point", "SDN"),
        "Khor Tiba Post": ("PSTB", "point", "SDN"),
        "Kurma Valley": ("WAD", "point", "SDN"),
    }
    assert gaz.candidates("JSX") == ()  # an airport's code is no name


def _places(settings: Settings) -> dict[str, str]:
    (records,) = process_articles(
        [Article(id="a1", text=CAMP_ARTICLE)], settings.with_(model="blank")
    )
    return {pm.span.text: pm.place.feature or "" for pm in records.places if pm.place}


def test_a_camp_named_in_a_sentence_is_found_with_the_sites_class(
    settings: Settings, base: Path
) -> None:
    _imported(settings, base, "PA")
    assert "CMPRF" not in _places(settings).values()
    # another file: the pipeline keeps a gazetteer it opened for the process's life
    with_sites = settings.with_(gazetteer=settings.gazetteer.replace(".sqlite", "-sites.sqlite"))
    _imported(with_sites, base, "PAS")
    assert _places(with_sites) == {"Um Naqira": "CMPRF"}


@pytest.mark.slow
def test_an_attack_on_a_camp_is_placed_at_the_camp(settings: Settings) -> None:
    """The real model and the shipped gazetteer, copied, with the sites imported."""
    import_dumps([SITES], settings, feature_classes="PAS")
    (records,) = process_articles([Article(id="a1", text=CAMP_ARTICLE)], settings)
    attack = next(e for e in records.events if e.trigger.text == "attacked")
    assert attack.place is not None and attack.place.id == "geonames:91000001"


# --- divisions' seats from the dump's feature codes (PPLA, PPLA2, PPLC) -----------------
# SD_seats.txt: invented divisions and towns, and the base's Misratah coded PPLA


def _seats_gazetteer(settings: Settings, base: Path) -> Gazetteer:
    report, problems = _import(settings, base, "SD_seats.txt")
    assert problems == []
    return Gazetteer(report.gazetteer)


def _division(gaz: Gazetteer, name: str, precision: str) -> str:
    return next(c.place.id for c in gaz.candidates(name) if c.place.precision == precision)


def test_a_first_level_division_gets_its_ppla_not_its_biggest_town(
    settings: Settings, base: Path
) -> None:
    gaz = _seats_gazetteer(settings, base)
    seat = gaz.seat(_division(gaz, "Wilayat Tamra", "admin1"))
    assert seat is not None
    assert (seat.name, seat.lat, seat.lon) == ("Tamra", 14.2, 30.1)  # not Bir Sahra


def test_the_capital_is_the_seat_of_the_division_it_lies_in(settings: Settings, base: Path) -> None:
    gaz = _seats_gazetteer(settings, base)
    seat = gaz.seat(_division(gaz, "Wilayat Kafr", "admin1"))
    assert seat is not None and seat.name == "Kafr City"


def test_a_second_level_division_gets_its_ppla2(settings: Settings, base: Path) -> None:
    gaz = _seats_gazetteer(settings, base)
    seat = gaz.seat("geonames:92000004")
    assert seat is not None and seat.name == "Um Sidr"


def test_a_division_without_a_coded_seat_has_none(settings: Settings, base: Path) -> None:
    gaz = _seats_gazetteer(settings, base)
    assert gaz.seat(_division(gaz, "Wilayat Ramla", "admin1")) is None


def test_a_shipped_town_coded_ppla_by_the_dump_is_its_divisions_seat(
    settings: Settings, base: Path
) -> None:
    # the shipped row keeps its row and its PPL code; the dump's code is recorded apart
    gaz = _seats_gazetteer(settings, base)
    seat = gaz.seat("admin1:LY.72")
    assert seat is not None and (seat.name, seat.place_id) == ("Misratah", "geonames:3")


def test_the_shipped_gazetteer_has_no_seats(base: Path) -> None:
    assert Gazetteer(base).seat("admin1:LY.72") is None


def test_a_division_named_alone_keeps_its_point_and_carries_its_seat(
    settings: Settings, base: Path
) -> None:
    gaz = _seats_gazetteer(settings, base)
    place = resolve_toponym(gaz, "Tamra state", ["SDN"])
    assert place is not None
    assert (place.precision, place.lat, place.lon) == ("admin1", 14.5, 30.5)
    assert place.seat is not None and place.seat.name == "Tamra"
    # the town named alone is the town, with no seat of its own
    town = resolve_toponym(gaz, "Tamra", ["SDN"])
    assert town is not None and town.precision == "city" and town.seat is None


def test_seats_are_the_same_after_a_reimport_and_a_rewrite(settings: Settings, base: Path) -> None:
    gaz = _seats_gazetteer(settings, base)
    path = gaz.path
    with sqlite3.connect(path) as con:
        before = con.execute("SELECT * FROM seat ORDER BY division").fetchall()
    _import(settings, base, "SD_seats.txt", force=True)
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT * FROM seat ORDER BY division").fetchall() == before
        assert write_seats(con) == len(before) == 4


def test_info_says_how_many_divisions_have_a_seat(settings: Settings, base: Path) -> None:
    gaz = _seats_gazetteer(settings, base)
    with sqlite3.connect(gaz.path) as con:
        seats = con.execute("SELECT count(*) FROM seat").fetchone()[0]
        divisions = con.execute(
            "SELECT count(*) FROM place WHERE feature IN ('ADM1', 'ADM2')"
        ).fetchone()[0]
    info = gazetteer_info(settings)
    assert seats >= 4  # Tamra, Kafr, the second-level one and Misratah's province
    assert (info.divisions_with_seat, info.divisions) == (seats, divisions)
    assert info.divisions > info.divisions_with_seat  # Ramla's has none
    assert f"divisions with a seat: {seats:,} of {divisions:,}" in "\n".join(info.summary())
    # nothing imported, nothing to say: the shipped file's summary has no seat line
    shipped = gazetteer_info(replace(settings, gazetteer=str(base)))
    assert shipped.shipped and not any("seat" in line for line in shipped.summary())


# ---- one town held twice, under two spellings (the build's rule, run on import) ---------


def _dump_line(gid: int, name: str, others: str, lat: float, people: int, code: str = "PPL") -> str:
    return "\t".join([
        str(gid), name, name, others, f"{lat:.5f}", "15.00000", "P", code, "LY", "", "66",
        "", "", "", str(people), "", "100", "Africa/Tripoli", "2024-06-01",
    ])  # fmt: skip


def _write_dump(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _ids(gaz: Gazetteer, name: str) -> set[str]:
    return {c.place.id for c in gaz.candidates(name)}


def test_an_imported_town_held_twice_is_found_by_its_bigger_row(
    settings: Settings, base: Path, tmp_path: Path
) -> None:
    dump = _write_dump(
        tmp_path / "LY_twice.txt",
        _dump_line(95000001, "Wadi Tarkal", "", 30.0, 800),  # the stray row
        _dump_line(95000002, "Wadi Tarkkal", "Wadi Tarkal", 30.3, 25000),  # 33 km north
    )
    import_dumps([dump], settings, base=base)
    gaz = open_gazetteer(settings)
    assert _ids(gaz, "Wadi Tarkal") == {"geonames:95000002"}
    assert _ids(gaz, "Wadi Tarkkal") == {"geonames:95000002"}


def test_a_later_alternate_names_file_can_make_a_town_twice(
    settings: Settings, base: Path, tmp_path: Path
) -> None:
    places = _write_dump(
        tmp_path / "LY_pair.txt",
        _dump_line(95000011, "Qasr Dulaym", "", 30.0, 600),
        _dump_line(95000012, "Qasr Dulaim", "", 30.2, 40000),
    )
    import_dumps([places], settings, base=base)
    assert _ids(open_gazetteer(settings), "Qasr Dulaym") == {"geonames:95000011"}
    names = _write_dump(
        tmp_path / "alternateNames_pair.txt",
        "\t".join(["8800001", "95000012", "en", "Qasr Dulaym", "", "", "", "", "", ""]),
    )
    import_dumps([names], settings, base=base)
    assert _ids(open_gazetteer(settings), "Qasr Dulaym") == {"geonames:95000012"}


def test_imported_towns_of_one_name_that_are_two_towns_keep_it(
    settings: Settings, base: Path, tmp_path: Path
) -> None:
    dump = _write_dump(
        tmp_path / "LY_two.txt",
        # far apart: two towns
        _dump_line(95000021, "Bir Hasun", "", 28.0, 700),
        _dump_line(95000022, "Bir Hassun", "Bir Hasun", 30.5, 30000),  # 278 km
        # another name the bigger town also bears
        _dump_line(95000023, "Zuwaytin", "", 29.0, 500),
        _dump_line(95000024, "Sidi Marzuq", "Zuwaytin", 29.1, 60000),
        # the smaller row is a division's seat, not a plain town
        _dump_line(95000025, "Ajdabun", "", 27.0, 900, "PPLA2"),
        _dump_line(95000026, "Ajdaboun", "Ajdabun", 27.1, 20000),
    )
    import_dumps([dump], settings, base=base)
    gaz = open_gazetteer(settings)
    assert "geonames:95000021" in _ids(gaz, "Bir Hasun")
    assert "geonames:95000023" in _ids(gaz, "Zuwaytin")
    assert "geonames:95000025" in _ids(gaz, "Ajdabun")
