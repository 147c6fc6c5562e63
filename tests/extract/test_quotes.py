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
    assert quotes(run, 'The so-called "rebels" fled on Monday.') == []
    # the word a speaker calls them is the speaker's own
    assert [s for _q, s in quotes(run, 'Haftar called them "terrorists" on Monday.')] == ["Haftar"]


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


def test_a_quote_left_open_runs_on_into_the_next_paragraph(run):
    # the convention of a quote over paragraphs: no closing mark, the next opens with one
    text = ('Officials met on Monday.\n\n"The shelling went on all night and the town is empty.'
            '\n\n"We have nowhere to go," said Amina Salem, a teacher.')  # fmt: skip
    ((quote, speaker),) = quotes(run, text)
    assert quote.startswith("The shelling went on") and "nowhere to go" in quote
    assert speaker == "Amina Salem"


def test_a_paragraph_all_quote_goes_on_the_last_speaker(run):
    text = ('"We will rebuild the school," the governor, Omar Ali, told reporters.\n\n'
            '"And we will not leave the town again."')  # fmt: skip
    assert quotes(run, text) == [
        ("We will rebuild the school,", "Omar Ali"),
        ("And we will not leave the town again.", "Omar Ali"),
    ]
    # in the same paragraph, or with a speech clause of its own, it does not
    text = ('"We will rebuild the school," Omar Ali said.\n\n'
            '"The road is closed," residents said.')  # fmt: skip
    assert quotes(run, text)[1][1] == "residents"


def test_a_quote_introduced_by_mentioned_and_a_pronoun(run):
    text = 'President Omar Ali spoke on Monday. He mentioned, "Drones are attacking the city."'
    assert quotes(run, text) == [("Drones are attacking the city.", "Omar Ali")]


def test_said_the_spokesman_is_the_person_given_that_office(run):
    text = ('"Two convoys were turned back at the bridge," said Jens Berg, a UN spokesman.\n\n'
            '"The road stays closed to trucks," said the spokesman for the agency.')  # fmt: skip
    records = run(text)
    # the description is a mention of the person it stands for (extract/descriptions.py)
    named = {m.span: m.normalized for m in records["mentions"]}
    assert [named.get(q.speaker) for q in records["quotes"]] == ["Jens Berg", "Jens Berg"]


def test_two_sentences_each_quoted_are_two_quotes(run):
    text = '"We will hold the town," Omar Ali said. "Nobody will make us leave it."'
    assert [q for q, _s in quotes(run, text)] == [
        "We will hold the town,",
        "Nobody will make us leave it.",
    ]


def test_the_report_said_is_the_issuer_of_the_report_told_before(run):
    text = ("The Kivu Press Agency reported on Monday that the air force had struck rebel "
            'targets. The raids were "aimed only at depots," the report said.')  # fmt: skip
    ((quote, speaker),) = quotes(run, text)
    assert quote == "aimed only at depots,"
    assert speaker is not None and speaker.endswith("Kivu Press Agency")


def test_a_statement_by_an_issuer_introduces_a_quote_with_any_verb(run):
    text = ('A statement by the UN mission gave the rebels until Thursday "to hand in '
            'their weapons at a base."')  # fmt: skip
    speaker = quotes(run, text)[0][1]
    assert speaker is not None and speaker.startswith("UN")
