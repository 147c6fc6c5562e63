"""A name opening the lead right after a dateline or an outlet's name ("Lake Weekly Post
-- Al Nasr said ..."): the prefix is no actor, the name after it is one, whether the
tagger ran the two together, cut the dash into the name or missed the name
(``extract/mentions.py``, ``extract/namephrases.py``). Sentences we wrote; slow."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

HEADLINE = "Mine kills soldiers near Garsen\n\n"


@pytest.mark.parametrize(
    ("lead", "name", "outlet"),
    [
        # the tagger runs the outlet and the name together: the name is kept
        ("Lamu Weekly Standard -- Al Shabaab said it had planted the mine that killed "
         "soldiers on the Garsen road on Friday.", "Al Shabaab", "Lamu Weekly Standard"),
        # an outlet's name of four words; the dash is no part of the name after it
        ("Lake Region Standard Daily -- Al Qital has claimed responsibility for the mine "
         "that killed soldiers on the Garsen road on Friday morning.", "Al Qital",
         "Lake Region Standard Daily"),
    ],
)  # fmt: skip
def test_the_name_after_an_outlets_prefix_is_an_actor_and_the_outlet_is_not(
    run_without_kb, lead, name, outlet
):
    names = [m.span.text for m in run_without_kb(HEADLINE + lead)["mentions"]]
    assert name in names
    assert not any(outlet in n or "--" in n for n in names)


def test_a_common_word_opening_the_lead_is_no_name(run_without_kb):
    text = HEADLINE + "Lake Weekly Post -- Gunmen killed two soldiers near Garsen on Friday."
    mentions = run_without_kb(text)["mentions"]
    names = [m.span.text for m in mentions if m.label != "GROUP"]  # unnamed groups apart
    assert "Gunmen" not in names and not any("Lake" in n for n in names)
