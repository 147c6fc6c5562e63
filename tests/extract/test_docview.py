import pytest

from eventwire.extract.docview import DocView

TEXT = (
    "Clashes near Sirte\n\n"
    "SIRTE, Libya - Fighters shelled the port. Two died.\n\n\n"
    "The army said it would reply."
)


@pytest.fixture
def view(blank_nlp):
    return DocView(blank_nlp(TEXT))


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
    zones = DocView(blank_nlp("Fighters shelled the port.\n\nTwo died.")).zones
    assert zones.headline is None and zones.dateline is None and zones.body[0] == 0
