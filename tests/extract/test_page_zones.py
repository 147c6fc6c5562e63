"""Page structure on the parse: a headline, dateline, byline or caption adds no event,
count or actor of its own, and no evidence crosses a blank line (texts written by us)."""

import re

import pytest

pytestmark = pytest.mark.slow

MARKET = (
    "3 killed in shelling of market\n\n"
    "Three civilians were killed when shells hit the market in Easton on Monday, "
    "the mayor said.\n\n"
    "Shops stayed shut on Tuesday."
)


def evidences(records: dict) -> list[str]:
    return [r.evidence.sentence for kind in records.values() for r in kind]


def tolls(records: dict) -> list[tuple[str, str, int]]:
    return [(e.type, c.kind, c.value) for e in records["events"] for c in e.counts]


def test_a_headline_restating_the_lead_adds_no_count(run):
    records = run(MARKET)
    assert [(c.kind, c.value) for c in records["counts"]] == [("killed", 3)]
    # the events and tolls are the body's alone: one count of 3 (not 3 + 3 = 6)
    body = run(MARKET[MARKET.index("Three") :])
    assert tolls(records) == tolls(body)
    assert {value for _type, _kind, value in tolls(records)} == {3}
    assert all(e.evidence.char_start > MARKET.index("\n\n") for e in records["events"])


def test_without_a_blank_line_the_first_line_is_no_headline(run):
    # a one-paragraph text keeps its counts: nothing marks a headline
    records = run("Three civilians were killed when shells hit the market on Monday.")
    assert [(c.kind, c.value) for c in records["counts"]] == [("killed", 3)]


CAPTIONED = (
    "Shelling shuts market\n\n"
    "By Jane Roe and Omar Field\n\n"
    "EASTON - Forces loyal to the council shelled the market on Monday, residents said.\n\n"
    "Top photo | Smoke rises over the market\n\n"
    "Soldiers guard the burnt stalls on Tuesday. (AP Photo/Karl Lund)\n\n"
    "Traders said they would not return."
)


def test_captions_credits_and_bylines_make_no_actor_and_no_event(run):
    records = run(CAPTIONED)
    names = [m.span.text for m in records["mentions"]]
    for junk in ("AP", "AP Photo", "Top photo", "Karl Lund", "Jane Roe", "Omar Field"):
        assert junk not in names
    assert not any(n.startswith("EASTON") for n in names)
    body_end = CAPTIONED.index("\n\nTop photo")
    assert records["events"], "the body's shelling is still an event"
    assert all(e.evidence.char_end <= body_end for e in records["events"])
    assert not any("Soldiers" in m.span.text for m in records["mentions"])


PARAGRAPHS = (
    "Army retakes bridge\n\n"
    "Troops retook the bridge on Sunday after a week of fighting\n\n"
    '"We hold both banks now," a colonel said. "The road is open.\n\n'
    '"Trucks can cross again," he added.\n\n'
    "Rebels shelled the bridge overnight"
)


@pytest.mark.parametrize("text", [MARKET, CAPTIONED, PARAGRAPHS])
def test_no_evidence_crosses_a_blank_line(run, text):
    for sentence in evidences(run(text)):
        assert not re.search(r"\n\s*\n", sentence), sentence
        assert sentence == sentence.strip()


# Wire datelines: the town before the agency is where the story was filed, never an actor
# of the lead's event, and a dash glued to the agency's bracket is no part of a name.
@pytest.mark.parametrize(
    ("body", "doer"),
    [
        ("GOMA, Congo (Wire) \u2014 Rebels attacked army posts on Monday.", None),
        ("WESTPORT (Wire)\u2014Northland attacked the port with drones on Monday.", "Northland"),
        # with a known agency the parser takes it as a second subject beside the body's
        (
            "GOMA (Reuters)\u2014Northland attacked the town on Monday, killing three people.",
            "Northland",
        ),
        (
            "LVIV (Reuters)\u2014Russia shelled Ukrainian villages overnight, wounding five.",
            "Russia",
        ),
    ],
)
def test_a_dateline_names_no_participant(run, body, doer):
    text = "Fighting flares in the north\n\n" + body + "\n\nThe army said it held its posts."
    records = run(text)
    lead = [e for e in records["events"] if e.evidence.char_start < text.index("\n\nThe army")]
    town = body.split(",")[0].split(" (")[0]
    assert lead and all(e.source is None or town not in e.source.text for e in lead)
    if doer is not None:  # every event of the lead, the participle's too
        assert [e.source.text if e.source else None for e in lead] == [doer] * len(lead)
    names = [m.span.text for m in records["mentions"]]
    assert not any(")" in n or "\u2014" in n for n in names)
