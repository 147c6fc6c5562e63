import pytest

from eventwire.extract.docview import DocView, Zones
from eventwire.knowledge.words import page_words

TEXT = (
    "Clashes near Sirte\n\n"
    "SIRTE, Libya - Fighters shelled the port. Two died.\n\n\n"
    "The army said it would reply."
)


@pytest.fixture
def view(blank_nlp):
    return DocView(blank_nlp(TEXT), page_words())


def test_each_token_knows_its_sentence(view):
    for n, sent in enumerate(view.sents):
        for tok in sent:
            assert view.sent_no(tok) == n and view.sent(tok) == sent == view.span_sent(sent)


def test_tokens_and_sentence_texts_are_spacys(view):
    assert [t.text for t in view.tokens] == [t.text for t in view.doc]
    assert [t.i for t in view.tokens] == list(range(len(view.doc)))
    assert len(view.sents) > 2
    for sent in view.sents:  # a sentence ending in blank lines keeps them out, as spaCy does
        assert view.sent_text(sent) == sent.text


def test_blank_line_before_is_rfind_without_rereading(view):
    for char in range(len(TEXT) + 1):
        assert view.blank_line_before(char) == TEXT.rfind("\n\n", 0, char)


def test_paragraphs_and_zones(view):
    assert [TEXT[a:b] for a, b in view.paragraphs] == [
        "Clashes near Sirte",
        "SIRTE, Libya - Fighters shelled the port. Two died.",
        "The army said it would reply.",
    ]
    zones = view.zones
    assert TEXT[slice(*zones.headline)] == "Clashes near Sirte"
    assert TEXT[slice(*zones.dateline)] == "SIRTE, Libya - "
    assert zones.zone_of(TEXT.index("Fighters")) == "body"
    assert zones.zone_of(0) == "headline"


def test_a_first_sentence_is_no_headline(blank_nlp):
    zones = DocView(blank_nlp("Fighters shelled the port.\n\nTwo died."), page_words()).zones
    assert zones.headline is None and zones.dateline is None and zones.body[0] == 0


def zones_of(blank_nlp, text: str) -> Zones:
    return DocView(blank_nlp(text), page_words()).zones


def named(text: str, zones: Zones) -> dict[str, list[str]]:
    """Each zone's text, by the zone's name, in page order."""
    out: dict[str, list[str]] = {}
    for para in text.split("\n"):
        if para.strip():
            start = text.index(para.strip())
            out.setdefault(zones.zone_of(start), []).append(para.strip())
    return out


def test_display_lines_at_the_top_are_the_headline_with_its_kicker_and_deck(blank_nlp):
    # short lines with no final full stop, before the first paragraph of running text
    text = (
        "WORLD |\n\n"
        "Drones strike fuel depot in the north\n"
        "Saturday 4 May\n\n"
        "A drone struck a fuel depot outside the town on Friday, officials said.\n\n"
        "Fire crews worked through the night."
    )
    assert named(text, zones_of(blank_nlp, text)) == {
        "headline": ["WORLD |", "Drones strike fuel depot in the north", "Saturday 4 May"],
        "body": [
            "A drone struck a fuel depot outside the town on Friday, officials said.",
            "Fire crews worked through the night.",
        ],
    }


def test_a_short_first_line_with_nothing_after_it_is_no_headline(blank_nlp):
    assert zones_of(blank_nlp, "Rebels attacked the town").headline is None
    assert zones_of(blank_nlp, "Rebels attacked\n\nthe town").headline is None


def test_a_paragraph_without_a_final_stop_after_the_headline_is_the_standfirst(blank_nlp):
    text = (
        "Talks stall as fighting spreads\n\n"
        "While envoys met in the capital, the front moved closer to the coast\n\n"
        "The talks broke up on Sunday without a date for the next round.\n\n"
        "Both sides blamed the other."
    )
    zones = zones_of(blank_nlp, text)
    assert text[slice(*zones.standfirst)].startswith("While envoys met")
    assert zones.zone_of(text.index("the front moved")) == "standfirst"
    assert zones.zone_of(text.index("The talks broke")) == "body"


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("PORT HARBOUR, Nowhere - ", "PORT HARBOUR, Nowhere - "),
        ("KALMAR (Wire) — ", "KALMAR (Wire) — "),
        ("Easton - ", "Easton - "),
        ("EASTON, June 3 – ", "EASTON, June 3 – "),
        ("KALMAR (Wire)—", "KALMAR (Wire)—"),
        # an outlet's name of four capitalised words, a spaced double hyphen after it
        ("Lake Region Evening Post -- ", "Lake Region Evening Post -- "),
    ],
)
def test_a_place_and_a_dash_opening_the_body_is_the_dateline(blank_nlp, opening, dateline):
    text = f"Ceasefire holds in the east\n\n{opening}The guns fell silent on Monday."
    zones = zones_of(blank_nlp, text)
    assert text[slice(*zones.dateline)] == dateline
    assert zones.zone_of(text.index("The guns")) == "body"


def test_a_dash_later_in_the_body_is_no_dateline(blank_nlp):
    text = "Ceasefire holds\n\nThe guns fell silent.\n\nEASTON - Shops opened again."
    assert zones_of(blank_nlp, text).dateline is None
    text = "Ceasefire holds\n\nThe well-armed militia held the pass."  # a word's hyphen
    assert zones_of(blank_nlp, text).dateline is None


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Roe",
        "By JANE ROE and Omar Field",
        "By Jane Roe, Staff Writer",
    ],
)
def test_by_and_names_on_a_line_of_their_own_is_a_byline(blank_nlp, line):
    text = f"Ceasefire holds\n\n{line}\n\nThe guns fell silent on Monday.\n\nShops opened."
    assert named(text, zones_of(blank_nlp, text))["byline"] == [line]


def test_by_opening_a_sentence_is_no_byline(blank_nlp):
    text = "Ceasefire holds\n\nBy Monday the guns had fallen silent.\n\nShops opened."
    assert "byline" not in named(text, zones_of(blank_nlp, text))


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Residents walk past the burnt market on Monday. (AP Photo/Jane Roe)", True),
        ("A boy carries water in the camp (Photo: Omar Field)", True),
        ("Shelters line the road [Image credit: Jane Roe]", True),
        ("Top photo | A convoy crosses the bridge near the border", True),
        ("Photo: Jane Roe", True),
        ("Photograph: Omar Field/Wire", True),
        ("Main image: smoke rises over the port", True),
        ("Photo by Jane Roe", True),
        ("Pictured: the damaged clinic", True),
        ("The post Market shelled appeared first on Easton Daily.", True),
        # sentences about photos are running text
        ("Photos of the attack spread online within the hour.", False),
        ("The picture on the ground was unclear.", False),
        ("Images from the town show burnt cars, the agency said.", False),
    ],
)
def test_photo_captions_and_credits(blank_nlp, line, caption):
    text = f"Market shelled\n\nShells hit the market on Monday.\n\n{line}\n\nShops shut."
    got = named(text, zones_of(blank_nlp, text))
    assert got.get("caption") == ([line] if caption else None)


def test_a_short_line_between_body_paragraphs_is_a_subhead(blank_nlp):
    text = (
        "Market shelled\n\n"
        "Shells hit the market on Monday.\n\n"
        "A long road to the border\n\n"
        "Families left the town by the coast road.\n\n"
        "Nobody came back"
    )
    got = named(text, zones_of(blank_nlp, text))
    assert got["subhead"] == ["A long road to the border"]
    assert got["body"] == [  # the last line closes the article: nothing follows it
        "Shells hit the market on Monday.",
        "Families left the town by the coast road.",
        "Nobody came back",
    ]


def test_only_the_body_states_facts(blank_nlp):
    text = "Market shelled\n\nBy Jane Roe\n\nEASTON - Shells hit the market.\n\nShops shut."
    zones = zones_of(blank_nlp, text)
    assert [zones.in_body(text.index(w)) for w in ("Market", "Jane", "EASTON", "Shells")] == [
        False,
        False,
        False,
        True,
    ]


def test_in_body_agrees_with_zone_of_at_every_character():
    # overlapping, nested, touching and empty ranges, in no order
    zones = Zones(
        headline=(0, 10),
        dateline=(30, 34),
        body=(12, 90),
        captions=((60, 70), (5, 12), (44, 44)),
        standfirst=(12, 20),
        bylines=((62, 66),),
        subheads=((70, 75), (34, 40)),
    )
    for char in range(-1, 95):
        assert zones.in_body(char) == (zones.zone_of(char) == "body"), char


@pytest.mark.parametrize("item", ["- Three soldiers killed in Gao", "2. Two shops burnt"])
def test_an_item_of_a_list_is_no_subhead(blank_nlp, item):
    text = f"Week of attacks\n\nThe week saw several attacks.\n\n{item}\n\nCalm returned."
    assert "subhead" not in named(text, zones_of(blank_nlp, text))


def test_a_hard_wrapped_paragraph_of_prose_is_no_headline(blank_nlp):
    # its lines end without full stops, but its sentences end inside them
    text = (
        "   EASTON, 5 May (Wire) -- [Report] Early this morning two bombs\n"
        "rocked the port. According to reports, the bombs were planted\n"
        "by urban cells and the cars were destroyed [passage omitted]\n\n"
        "   Later, a group claimed the attack.\n"
    )
    assert zones_of(blank_nlp, text).headline is None
    # nor is a long one whose sentences never end inside a line
    text = "\n".join(["word " * 10] * 5) + "\n\nThe army said it would reply."
    assert zones_of(blank_nlp, text).headline is None


@pytest.mark.parametrize(
    "headline",
    ["Northland Strikes Westport With 'Kamikaze Drones'", "Rebels Shell Port in ‘Final Push’"],
)
def test_a_headline_ending_on_a_quoted_phrase_is_display(blank_nlp, headline):
    # a closing quote after a word, with no stop before it, ends no sentence
    text = f"{headline}\nMay 2, 2022\n\nWESTPORT (Wire)—Northland attacked the port on Monday."
    zones = zones_of(blank_nlp, text)
    assert text[slice(*zones.headline)].startswith(headline)
    assert text[slice(*zones.dateline)] == "WESTPORT (Wire)—"


def test_a_quoted_sentence_closed_after_its_stop_still_ends_a_sentence(blank_nlp):
    text = 'He said: "We will stay."\n\nRebels shelled the port on Monday.'
    assert zones_of(blank_nlp, text).headline is None
