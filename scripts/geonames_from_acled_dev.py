"""Write a GeoNames-format place file from the gold locations of the ACLED notes' dev half.

    python scripts/geonames_from_acled_dev.py acled_mena_events.jsonl acled-dev-places.txt
    EVENTWIRE_GAZETTEER=sim.sqlite eventwire gazetteer import acled-dev-places.txt
    EVENTWIRE_GAZETTEER=sim.sqlite eventwire eval acled --split test --data EVAL_DIR

With a third argument ``test`` it writes the other half's locations instead, to score the
dev half the same way (``--split dev``): the two halves never see their own notes' places.

A SIMULATION of a bigger gazetteer, for machines where no GeoNames dump can be had: it is
not GeoNames. Each distinct gold location (name, point, country) of the notes in the
``dev`` half of the fixed split becomes one populated place (class P, code PPL, no
admin codes, no population, no alternate names). Evaluated on the ``test`` half only,
no test note's gold location is written into the gazetteer: a test note gains only when
its village was also the place of a dev note, as a village a real dump holds is found by
any story naming it. It differs from a real dump both ways: a real dump holds every
village (more found) and many more namesakes elsewhere (more to choose among), with
alternate spellings this file lacks. Run by hand; nothing calls it at build or run time.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry

from eventwire.evaluate.base import split_of

FIRST_ID = 990_000_000  # above every GeoNames id, so no real place is replaced


def main(notes_path: Path, out_path: Path, half: str = "dev") -> int:
    seen: dict[tuple[str, float, float], str] = {}
    for line in notes_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        notes = (rec.get("notes") or "").strip()
        name = (rec.get("location") or "").strip()
        lat, lon = rec.get("latitude"), rec.get("longitude")
        # the acled gold set splits by the note's text (evaluate/sets/acled.py)
        if not notes or not name or lat is None or lon is None or split_of(notes) != half:
            continue
        try:
            iso2 = pycountry.countries.lookup(rec.get("country") or "").alpha_2
        except LookupError:
            continue
        seen.setdefault((name, round(float(lat), 5), round(float(lon), 5)), iso2)
    rows = []
    for n, ((name, lat, lon), iso2) in enumerate(sorted(seen.items())):
        ascii_name = name.encode("ascii", "ignore").decode() or name
        # the 19 columns of GeoNames' geoname table
        cols = [str(FIRST_ID + n), name, ascii_name, "", str(lat), str(lon), "P", "PPL",
                iso2, "", "", "", "", "", "0", "", "", "", "2026-01-01"]  # fmt: skip
        rows.append("\t".join(cols))
    out_path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} places from the {half} half's gold locations -> {out_path}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4) or sys.argv[3:] not in ([], ["dev"], ["test"]):
        sys.exit("usage: geonames_from_acled_dev.py NOTES.jsonl OUT.txt [dev|test]")
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), *sys.argv[3:]))
