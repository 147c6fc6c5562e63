"""The export filter keeps a relation whose dates overlap [since, until], a date being the
whole span its precision names: a year overlaps each of its months and days, a month each
of its days, at either end."""

from __future__ import annotations

import pytest

from eventwire.export.filters import Filters


def _seen(first: str | None, last: str | None) -> dict[str, object]:
    return {"source_actor": "act_a", "target_actor": "act_b", "type": "support",
            "first_seen": first, "last_seen": last}  # fmt: skip


@pytest.mark.parametrize(
    ("first", "last", "since", "until", "kept"),
    [
        ("2019", "2019", "2019-05", None, True),  # a year date, a month bound: since
        ("2019", "2019", None, "2019-03", True),  # ... and until
        ("2019", "2019", "2020-01", None, False),
        ("2019", "2019", None, "2018-12", False),
        ("2019-05", "2019-05", "2019-05-31", None, True),  # a month date, a day bound
        ("2019-05", "2019-05", None, "2019-05-01", True),
        ("2019-05", "2019-05", "2019-06-01", None, False),
        ("2019-05", "2019-05", None, "2019-04-30", False),
        ("2018-11", "2019", "2019-12-31", "2019-12-31", True),  # last seen in that year
        ("2019-04-10", "2019-04-20", "2019-04-21", None, False),  # days as before
        ("2019-04-10", "2019-04-20", "2019-04", "2019-04", True),
    ],
)
def test_a_coarser_date_overlaps_a_bound_within_it(
    first: str, last: str, since: str | None, until: str | None, kept: bool
) -> None:
    assert (
        Filters(since=since, until=until).keeps_relation_payload(_seen(first, last), None) is kept
    )
