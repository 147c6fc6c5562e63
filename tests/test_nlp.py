import pytest

from eventwire.nlp import blank_pipeline, parse, pieces


def test_pieces_cut_at_paragraphs_and_join_back():
    text = "First paragraph here.\n\nSecond one is a bit longer.\n\nThird."
    parts = pieces(text, 30)
    assert "".join(parts) == text
    assert all(len(p) <= 30 for p in parts)
    assert parts[0] == "First paragraph here."


def test_pieces_of_one_unbroken_run_are_cut_at_the_limit():
    assert pieces("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_a_text_over_the_model_limit_is_parsed_in_pieces_into_one_doc():
    nlp = blank_pipeline()
    nlp.max_length = 60
    long = "Gunmen attacked a checkpoint. Two died.\n\n" * 4 + "The army replied."
    short = "A short one."
    docs = list(parse(nlp, [short, long, short], batch_size=2))
    assert [d.text for d in docs] == [short, long, short]
    # the same sentences as one parse of the whole text would give
    nlp.max_length = 1000
    assert [s.text for s in docs[1].sents] == [s.text for s in nlp(long).sents]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Three killed in shelling of market\n\nThree civilians were killed on Monday.",
        "Three killed in shelling of market \n \n\nThree civilians were killed on Monday.",
    ],
)
def test_a_sentence_never_crosses_a_blank_line(nlp, blank_nlp, text):
    # the model's parser would join a headline without a full stop to the next sentence
    for pipeline in (nlp, blank_nlp):
        sents = [s.text.strip() for s in pipeline(text).sents]
        assert sents == [
            "Three killed in shelling of market",
            "Three civilians were killed on Monday.",
        ]


def test_a_single_line_break_is_left_to_the_parser(blank_nlp):
    assert len(list(blank_nlp("Three civilians\nwere killed on Monday.").sents)) == 1


@pytest.mark.parametrize("dash", ["\u2014", "\u2013"])
def test_a_dash_glued_to_a_dateline_bracket_is_split_off(dash):
    # "KYIV (Wire)—Russia": the agency, its bracket, the dash and the first word apart
    words = [t.text for t in blank_pipeline()(f"KYIV (Wire){dash}Northland attacked.")]
    assert words[:6] == ["KYIV", "(", "Wire", ")", dash, "Northland"]
    # a spaced hyphen and a hyphenated word are left as they were
    assert [t.text for t in blank_pipeline()("(Wire) - well-armed men")] == [
        "(",
        "Wire",
        ")",
        "-",
        "well",
        "-",
        "armed",
        "men",
    ]
