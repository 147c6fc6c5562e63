"""Each reader on a tiny fixture we wrote in its set's format."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import EvalError
from eventwire.evaluate.base import find_folder, read_jsonl
from eventwire.evaluate.sets import (
    acled,
    case2021,
    geoparsing,
    india_police,
    muc4,
    petrarch2,
    plover,
    tempeval,
    timeline17,
)


def test_plover_reader(eval_data: Path) -> None:
    golds = plover.read(eval_data / "plover_gsr_cameo" / plover.MARKER)
    assert [g.id for g in golds] == ["T-ASSAULT-1", "T-AGREE-1"]  # no-event record dropped
    g = golds[0]
    assert g.event_type == "ASSAULT" and g.source_texts == ("Rebel fighters",)
    assert g.location == "Zawiya" and g.location_country == "LBY" and g.dead == 4
    assert golds[1].target_texts == () and golds[1].dead is None


def test_acled_reader_maps_legacy_types(eval_data: Path) -> None:
    golds = acled.read(eval_data / "acled_mena_notes" / acled.MARKER)
    assert len(golds) == 3  # the row without notes is dropped
    assert golds[0].event_types == {"Explosions/Remote violence"}
    assert golds[0].country == "LBY" and golds[0].fatalities == 2
    assert (
        golds[2].event_types == {"Explosions/Remote violence"} and golds[2].sub_event_type is None
    )


def test_case2021_reader(eval_data: Path) -> None:
    golds = case2021.read(eval_data / "case2021_task2_event_types" / case2021.MARKER)
    assert golds[0].sub_event_type == "Air/drone strike"
    assert golds[2].event_type is None  # outside ACLED's taxonomy


def test_geoparsing_reader_prefers_corrected_offsets(eval_data: Path) -> None:
    folder = eval_data / "geoparsing_news"
    tr = geoparsing.read(folder / "trnews.jsonl", "trnews")[0]
    assert [t.name for t in tr.toponyms] == ["Benghazi", "Misrata"]  # no coordinates: dropped
    assert all(tr.text[t.start : t.end] == t.name for t in tr.toponyms)
    assert tr.toponyms[0].country == "LBY" and tr.published == "2011-03-20"
    gv = geoparsing.read(folder / "geovirus.jsonl", "geovirus")[0]
    assert gv.text[gv.toponyms[0].start : gv.toponyms[0].end] == "Lagos"


def test_tempeval_reader(eval_data: Path) -> None:
    doc = tempeval.read(eval_data / "tempeval3_timebank_sample" / tempeval.MARKER)[0]
    assert doc.dct == "1998-08-10"
    assert [t.text for t in doc.timexes] == ["today", "last Friday", "two weeks"]
    assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)


def test_timeline17_readers(eval_data: Path) -> None:
    folder = eval_data / "timeline17_conflict"
    arts = timeline17.read_articles(folder / "articles.jsonl", 1)
    assert {a.topic for a in arts} == {"LibyaWar_x", "Other_y"} and len(arts) == 2
    assert "(Feb. 16)," in timeline17.read_articles(folder / "articles.jsonl")[0].text
    tls = timeline17.read_timelines(folder / timeline17.MARKER)
    assert tls[0].dates == ("2011-02-16", "2011-03-19")


def test_detokenize() -> None:
    assert (
        timeline17.detokenize("He did n't go -LRB- yet -RRB- , he said .")
        == "He didn't go (yet), he said."
    )


def test_muc4_reader(eval_data: Path) -> None:
    golds = muc4.read(eval_data / "muc4_terrorism_templates" / muc4.MARKER)
    assert [g.id for g in golds] == ["TST9-1", "TST9-2"]  # irrelevant message dropped
    g = golds[0]
    assert g.published == "1990-01-12" and g.dates == ("1990-01-11",)
    assert g.incident_types == {"ATTACK"} and g.perpetrators == ("SHINING PATH",)
    assert g.deaths == 3 and g.places == ("PERU", "AYACUCHO") and g.country == "PER"
    assert golds[1].dates == () and golds[1].deaths is None and golds[1].published is None


@pytest.mark.parametrize(
    ("fill", "days"),
    [
        (["16 NOV 89"], ("1989-11-16",)),
        (["- 13 NOV 89"], ()),
        (["(18 MAR 89) / (19 MAR 89) / (18 MAR 89 - 19 MAR 89)"], ("1989-03-18", "1989-03-19")),
    ],
)
def test_muc4_dates(fill: list[str], days: tuple[str, ...]) -> None:
    assert muc4.gold_days(fill) == days


def test_india_police_reader(eval_data: Path) -> None:
    doc = india_police.read(eval_data / "india_police_events" / india_police.MARKER)[0]
    assert len(doc.sentences) == 5
    assert doc.sentences[1].labels == {"KILL", "FORCE", "ANY_ACTION"}
    assert all(doc.text[s.start : s.end] == s.text for s in doc.sentences)


def test_petrarch2_reader(eval_data: Path) -> None:
    golds = petrarch2.read(eval_data / "petrarch2_unit_tests" / petrarch2.MARKER)
    assert golds[1].published == "2015-03-10" and golds[1].triples[0].code == "122"
    assert petrarch2.real_country("FRAGOV") == "FRA" and petrarch2.real_country("ARN") is None


def test_find_folder_accepts_root_or_set_folder(eval_data: Path) -> None:
    assert (
        find_folder(eval_data, "plover_gsr_cameo", plover.MARKER) == eval_data / "plover_gsr_cameo"
    )
    own = eval_data / "plover_gsr_cameo"
    assert find_folder(own, "plover_gsr_cameo", plover.MARKER) == own
    assert find_folder(eval_data / "acled_mena_notes", "plover_gsr_cameo", plover.MARKER) is None


def test_broken_jsonl_is_an_eval_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.jsonl"
    bad.write_text('{"a": 1}\n{oops\n')
    with pytest.raises(EvalError, match="x.jsonl:2"):
        list(read_jsonl(bad))
