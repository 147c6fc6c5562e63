"""Case restoration of one-case text: names back, common words left, offsets kept."""

from __future__ import annotations

import dataclasses

import pytest

from eventwire.config import Settings
from eventwire.extract import Resources
from eventwire.model import Article, Evidence, Span
from eventwire.pipeline import process_articles
from eventwire.truecase import Truecaser, as_written, case_restored, one_case_blocks

NORMAL = (
    "Gunmen killed two policemen in San Salvador on Monday, the FMLN said. "
    "Egyptian officials in Cairo condemned the attack, and I expect the United Nations "
    "to send observers in May."
)


@pytest.fixture(scope="module")
def truecaser() -> Truecaser:
    resources = Resources(Settings())
    return Truecaser(resources.kb, resources.word_case, resources.gazetteer.path)


@pytest.mark.parametrize("written", [NORMAL.upper(), NORMAL.lower()])
def test_one_case_text_gets_its_names_back(truecaser: Truecaser, written: str) -> None:
    assert truecaser.restore(written) == NORMAL


def test_common_words_that_name_places_stay_lower_case(truecaser: Truecaser) -> None:
    text = (
        "THE POLICE SAID THE MOBILE TEAM WAS READING A REPORT AT THE BAR OF THE HOTEL "
        "WHEN THEY WILL MARCH TO THE SQUARE."
    )
    assert truecaser.restore(text) == (
        "The police said the mobile team was reading a report at the bar of the hotel "
        "when they will march to the square."
    )


def test_kb_acronyms_are_capitals_and_pronouns_are_not(truecaser: Truecaser) -> None:
    text = "forces of the lna told us on 5 march that they may attack sirte. it is over."
    assert truecaser.restore(text) == (
        "Forces of the LNA told us on 5 March that they may attack Sirte. It is over."
    )


def test_kb_names_that_are_also_common_words(truecaser: Truecaser) -> None:
    text = "THE US AND TURKEY SENT TROOPS . THE U.S. EMBASSY SAID IT WOULD TELL US ."
    assert truecaser.restore(text) == (
        "The US and Turkey sent troops . The U.S. embassy said it would tell us ."
    )


def test_words_no_list_knows_are_names_and_so_are_given_names_before_them(
    truecaser: Truecaser,
) -> None:
    assert truecaser.restore("THE ARMY SAID ALFREDO CRISTIANI VISITED ZACAMIL ON MONDAY.") == (
        "The army said Alfredo Cristiani visited Zacamil on Monday."
    )


def test_mojibake_around_quotes_is_no_part_of_a_word(truecaser: Truecaser) -> None:
    text = "the government\u00e2\u20ac\u2122s troops entered ayodhya on friday, police said."
    assert truecaser.restore(text) == (
        "The government\u00e2\u20ac\u2122s troops entered Ayodhya on Friday, police said."
    )


@pytest.mark.parametrize(
    "text",
    [
        NORMAL,
        "the LNA said on Monday it had taken the town; a spokesman, Ahmed al-Mismari, agreed.",
        "GUNMEN attacked a convoy near Sirte, the UN said. NATO and the EU condemned it.",
        "nothing here",
        # few capitals, but its sentences begin in capitals (an editorial note begins none)
        "   The witnesses said that the two men had been waiting\nnear the market for most of the "
        "morning before the\nshooting began. [passage omitted]",
    ],
)
def test_normal_and_mixed_text_is_untouched(truecaser: Truecaser, text: str) -> None:
    assert list(one_case_blocks(text)) == []
    assert truecaser.restore(text) == text
    article = Article(id="a", text=text)
    assert case_restored(article, lambda: pytest.fail("no truecaser needed")) is article


def test_only_one_case_paragraphs_change_and_offsets_hold(truecaser: Truecaser) -> None:
    caps = "REBELS SHELLED TRIPOLI ON FRIDAY, KILLING FOUR CIVILIANS, THE GOVERNMENT SAID."
    text = f"{NORMAL}\n\n{caps}\n\n{NORMAL.lower()}"
    restored = truecaser.restore(text)
    assert len(restored) == len(text)
    assert restored.lower() == text.lower()
    first, second, third = restored.split("\n\n")
    assert first == NORMAL
    assert (
        second == "Rebels shelled Tripoli on Friday, killing four civilians, the government said."
    )
    assert third == NORMAL


def test_evidence_and_spans_quote_the_article_as_written() -> None:
    text = (
        "FORCES OF THE LIBYAN NATIONAL ARMY SHELLED SIRTE ON 5 MARCH 2019, KILLING FOUR "
        "CIVILIANS, THE UNITED NATIONS SAID."
    )
    article = Article(id="caps", text=text)
    settings = Settings(model="blank")
    restored_records = process_articles([article], settings)[0]
    mentions = restored_records.mentions
    assert mentions, "the KB names should be found in the restored text"
    for found in _walk(restored_records):
        if isinstance(found, Evidence):
            assert found.sentence == text[found.char_start : found.char_end]
        if isinstance(found, Span):
            assert found.text == text[found.start : found.end]
    # Names derived from the text keep the restored case.
    assert {m.normalized for m in mentions} >= {"Libyan National Army", "United Nations"}
    plain = process_articles([article], settings.with_(case_restore=False))[0]
    assert "United Nations" not in {m.normalized for m in plain.mentions}


def test_as_written_reads_quotes_back_by_offsets() -> None:
    article = Article(id="a", text="HE SAID IT.")
    parsed = dataclasses.replace(article, text="He said it.")
    evidence = Evidence("a", "He said it.", 0, 11)
    span = Span(3, 7, "said")
    assert as_written((evidence, span), article, parsed) == (
        Evidence("a", "HE SAID IT.", 0, 11),
        Span(3, 7, "SAID"),
    )
    assert as_written((evidence,), article, article) == (evidence,)


def _walk(value: object):
    if isinstance(value, tuple):
        for v in value:
            yield from _walk(v)
    elif dataclasses.is_dataclass(value):
        yield value
        for f in dataclasses.fields(value):
            yield from _walk(getattr(value, f.name))


@pytest.mark.slow
def test_the_model_reads_a_wire_written_in_capitals() -> None:
    text = (
        "GUNMEN KILLED TWO POLICEMEN IN SAN SALVADOR ON MONDAY, THE ARMED FORCES PRESS "
        "OFFICE SAID. THE ATTACK TOOK PLACE NEAR THE CATHEDRAL."
    )
    article = Article(id="wire", text=text)
    (restored,) = process_articles([article], Settings())
    (plain,) = process_articles([article], Settings(case_restore=False))
    # In capitals the model takes any run of words for an organisation.
    assert any("TOOK PLACE" in m.span.text for m in plain.mentions)
    assert not any("TOOK PLACE" in m.span.text for m in restored.mentions)
    assert "SAN SALVADOR" in {p.span.text for p in restored.places}
    assert [t.when.text for t in restored.timexes] == ["MONDAY"]
