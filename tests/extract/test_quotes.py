import pytest

pytestmark = pytest.mark.slow


def quotes(run, text):
    return [(q.text, q.speaker and q.speaker.text) for q in run(text)["quotes"]]


def test_straight_quote_with_said(run):
    assert quotes(run, '"We will take Tripoli soon," Haftar said.') == [
        ("We will take Tripoli soon,", "Haftar")
    ]


def test_curly_quote(run):
    assert quotes(run, "Erdogan said: “Turkey stands with the GNA.”")[0][1] == "Erdogan"


def test_split_quote_is_one_quote(run):
    got = quotes(run, '"We will take Tripoli," Haftar said, "and nobody can stop us."')
    assert len(got) == 1 and got[0][1] == "Haftar" and "nobody" in got[0][0]


def test_speaker_in_next_sentence_pronoun(run):
    got = quotes(
        run,
        'Erdogan spoke on Monday. "Turkey will never abandon its brothers there." '
        "He added that troops were ready.",
    )
    assert got[0][1] == "Erdogan"


def test_speaker_in_previous_sentence(run):
    got = quotes(run, 'Ghassan Salame told reporters: "This war has no military solution."')
    assert got[0][1] == "Ghassan Salame"


def test_scare_quotes_are_not_quotes(run):
    assert quotes(run, 'Haftar called them "terrorists" on Monday.') == []


def test_quoted_event_attributed_to_speaker(run):
    found = run('"Turkey sent troops to Tripoli," Haftar said.')
    ev = [e for e in found["events"] if e.type == "AID"][0]
    assert ev.attributed_to.text == "Haftar"


def test_a_quote_introduced_by_a_non_actor_has_no_speaker(run):
    got = quotes(
        run,
        'Diplomats told reporters that "the generals will keep backing Hemedti for now." '
        "Chad said in a statement that it backed the talks.",
    )
    assert got[0][1] is None


def test_multi_sentence_quote_attributes_each_event(run):
    found = run('"Turkey sent drones to the GNA. Russia backs Haftar," Ghassan Salame said.')
    speakers = {e.type: e.attributed_to and e.attributed_to.text for e in found["events"]}
    assert speakers.get("AID") == speakers.get("SUPPORT") == "Ghassan Salame"


def test_a_report_from_an_outlet_quotes_the_outlet(run):
    got = quotes(
        run,
        "A new report from Amnesty International warns that the raids “could amount to war crimes.”",
    )
    assert got == [("could amount to war crimes.", "Amnesty International")]
