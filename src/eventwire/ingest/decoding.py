"""Bytes to text: byte-order mark, declared charset, UTF-8, then detection.

The order follows the HTML standard: a byte-order mark outranks any declaration (a file
that starts with one was written in that encoding), a declaration (HTTP header, ``<meta
charset>``, XML prolog) comes next, then strict UTF-8. Only then is the encoding guessed,
and the chosen encoding is returned so that it can be recorded on the article.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer

from eventwire.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Typographic characters that Windows-1252 puts in 0x80-0x9F and that Western news uses.
_CP1252_PUNCTUATION = set(
    "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u20ac\u2022\u00a0\u00ab\u00bb"
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # Python codec name: "utf-8", "cp1252", "utf-16-le", ...


def _name(encoding: str) -> str:
    return codecs.lookup(encoding).name


def _reads_as_western(data: bytes) -> str | None:
    """The text if ``data`` reads as Western European Windows-1252, else None.

    The HTML standard reads the "iso-8859-1" label as windows-1252, a superset, so Latin-1
    files land here too. Text in another single-byte encoding read this way shows symbols
    inside words ("Minister powiedzia³") or has almost no ASCII letters (Cyrillic), so it is
    left to the detector."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = non_ascii = 0
    for ch in text:
        if ch.isascii():
            letters += ch.isalpha()
        elif ch.isalpha():
            letters += 1
            non_ascii += 1
        elif ch not in _CP1252_PUNCTUATION:
            return None
    return text if letters and non_ascii / letters < 0.3 else None


def decode_bytes(source: str, data: bytes, declared: str | None = None) -> Decoded:
    """Text of ``data``, or an IngestError naming ``source`` and why it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), _name(encoding))
            except UnicodeDecodeError as exc:
                raise IngestError(
                    source,
                    f"starts with a {encoding} byte-order mark but is not {encoding} (byte {exc.start})",
                ) from exc
    if declared:
        try:
            return Decoded(data.decode(declared), _name(declared))
        except LookupError:
            pass  # an unknown charset name: decode as if none was declared
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; the bytes decide below
    # Text never holds NUL bytes unless it is UTF-16 or UTF-32 without a mark: leave those
    # to the detector, which must then say so, or the file is binary.
    has_nul = b"\x00" in data
    if not has_nul:
        try:
            return _text_only(source, Decoded(data.decode("utf-8"), "utf-8"))
        except UnicodeDecodeError:
            pass
        western = _reads_as_western(data)
        if western is not None:
            return Decoded(western, "cp1252")
    best = charset_normalizer.from_bytes(data).best()
    if best is None or (has_nul and not _unmarked_utf16(str(best), best.encoding)):
        raise IngestError(source, "file looks binary (no text encoding fits its bytes)")
    return _text_only(source, Decoded(str(best), _name(best.encoding)))


def _unmarked_utf16(text: str, encoding: str) -> bool:
    """Whether a guess of UTF-16/32 without a byte-order mark is believable: most
    characters are Latin letters, digits, spaces or punctuation (random bytes read as
    UTF-16 become CJK ideographs)."""
    if not encoding.startswith(("utf_16", "utf_32")) or not text:
        return False
    latin = sum(1 for ch in text if ch < "\u0250")
    return latin / len(text) >= 0.8


def _text_only(source: str, decoded: Decoded) -> Decoded:
    """``decoded`` unless control characters say the bytes were never text."""
    controls = sum(1 for ch in decoded.text if ch < " " and ch not in "\t\n\r\f")
    if controls > max(2, len(decoded.text) // 100):
        raise IngestError(source, "file looks binary (control characters in its text)")
    return decoded
