"""Blocks of a page that are not its story (a list of other stories' teasers, readers'
comments) tell no event of the article; the story's own colons and speakers stay."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_document
from eventwire.extract.asides import aside_ranges, comment_blocks, is_teaser, teaser_lines
from eventwire.extract.docview import DocView
from eventwire.model import Article

STORY = (
    "Militia fighters shelled the river port of Dorvale on Monday, killing three traders.\n"
    "The provincial governor condemned the shelling.\n"
)
TEASERS = (
    "Ferry strike halts island crossings: Dock workers walked off the job at dawn, "
    "stranding hundreds of passengers on the quay.\n"
    "Bandits ambush mining convoy near Kelmar: Gunmen opened fire on three lorries "
    "carrying copper ore on Sunday, wounding two drivers.\n"
    "Orchard growers count frost losses: A late cold snap ruined much of the apricot "
    "crop across the northern valleys.\n"
)
THREAD = (
    "I do not believe a word of what the governor says about this.\n"
    "April 3, 2014 at 9:12 pm | Report abuse | They should send the army in and be done.\n"
    "The troops would only burn the market again, like last year.\n"
)


def test_a_list_of_teasers_is_found_line_by_line() -> None:
    text = STORY + TEASERS
    found = [text[a:b] for a, b in teaser_lines(text)]
    assert len(found) == 3 and found[1].startswith("Bandits ambush mining convoy")


def test_one_colon_line_alone_is_the_story() -> None:
    text = STORY + "The toll of the night: three traders dead and nine people hurt in the port.\n"
    assert teaser_lines(text) == ()


def test_speakers_and_lead_ins_are_no_teasers() -> None:
    assert not is_teaser("MARA TELLEN, RADIO CORRESPONDENT: The shells landed near the quay.")
    assert not is_teaser("And then - TELLEN: The shells landed near the quay at dawn today.")
    assert not is_teaser("The harbour master told reporters: Nobody was allowed near the quay.")
    assert not is_teaser('Dock workers protest unpaid wages: "We will not load a ship."')
    assert not is_teaser("But the real question is simple: Who pays for the ruined market stalls?")
    assert is_teaser(
        "Ferry strike: crossings halted: Dock workers walked off the job at dawn today."
    )


def test_a_comment_thread_runs_from_its_first_mark_to_the_end() -> None:
    text = STORY + THREAD
    (block,) = comment_blocks(text)
    assert text[block[0] :].startswith("April 3, 2014 at 9:12 pm | Report abuse")
    assert block[1] == len(text)
    policy = STORY + "We welcome comments that keep to the subject.\nSend the army in now.\n"
    assert policy[comment_blocks(policy)[0][0] :].startswith("We welcome comments")


def test_a_notice_above_the_story_opens_no_thread() -> None:
    assert comment_blocks("Comments are closed on this page.\n" + STORY) == ()
    assert aside_ranges(STORY) == ()


def test_the_view_marks_their_sentences(blank_nlp) -> None:
    text = STORY + TEASERS + THREAD
    view = DocView(blank_nlp(text))
    marked = {
        view.sent_text(s).strip()[:7] for n, s in enumerate(view.sents) if n in view.aside_sents
    }
    kept = {view.sent_text(s).strip()[:7] for n, s in enumerate(view.sents)} - marked
    assert {"Bandits", "April 3"} <= marked
    assert "Militia" in kept and "The pro" in kept


@pytest.mark.slow
def test_no_event_from_a_teaser_or_a_comment(nlp, resources) -> None:
    text = STORY + TEASERS + THREAD
    article = Article(id="a1", text=text, published="2014-04-04")
    records = extract_document(article, nlp(text), resources)
    said = {e.evidence.sentence.split()[0] for e in records.events}
    assert "Militia" in said  # the story's shelling
    assert not said & {"Bandits", "Ferry", "April", "They", "The troops"}
    assert "Bandits" in text  # the text keeps them
