"""Resolution keeps an unnamed speaker's description on the quote, and only there."""

from __future__ import annotations

from eventwire.model import DocumentRecords, Evidence, QuoteMention, Span, mention_key
from eventwire.resolve.quotes import resolve_quotes

TEXT = '"The wells are dry," medics at the clinic said. "We stay," Colonel Ama Diallo said.'


def _quote(start: int, end: int, **speaker: object) -> QuoteMention:
    evidence = Evidence("art_1", TEXT, 0, len(TEXT))
    return QuoteMention(
        "art_1", TEXT[start:end], Span(start, end, TEXT[start:end]), evidence, **speaker
    )  # type: ignore[arg-type]


def test_a_described_speaker_reaches_the_quote_and_a_named_one_does_not() -> None:
    diallo = Span(TEXT.index("Ama"), TEXT.index("Ama") + len("Ama Diallo"), "Ama Diallo")
    doc = DocumentRecords(
        article_id="art_1",
        quotes=(
            _quote(1, 18, speaker_description="medics at the clinic"),
            # a named speaker wins over a description the extractor also saw
            _quote(49, 56, speaker=diallo, speaker_description="colonel"),
            # a named speaker that resolves to no actor is still not an unnamed source
            _quote(49, 56, speaker=Span(0, 3, "Ama")),
        ),
    )
    quotes = resolve_quotes([doc], {mention_key("art_1", diallo): "actor_diallo"})
    assert [(q.speaker, q.speaker_description) for q in quotes] == [
        (None, "medics at the clinic"),
        ("actor_diallo", None),
        (None, None),
    ]
