"""Where a text quotes: the stretches between quote marks, paragraph by paragraph.

Double marks, straight or curly, and single marks in a paragraph that has no double ones;
a stretch of fewer than three words is no quote here (scare quotes around a term). A
paragraph that leaves its quote open, followed by one that opens with a mark, continues the
quote. Parts that a short speech clause separates are grouped into one quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from eventwire.knowledge.words import QuoteWords

QUOTED = re.compile(r'"([^"]{3,}?)"|“([^”]{3,}?)”')
MIN_WORDS = 3
MAX_BRIDGE_CHARS = 60  # '," Haftar told reporters on Monday, "' fits
SENTENCE_END = re.compile(r"[.!?]\s")


OPENING_MARKS = ('"', "“")


def quoted_parts(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted stretches (inside the marks), long enough to be quotes."""
    return quoted_runs(text)[0]


def quoted_runs(
    text: str, paragraphs: Sequence[tuple[int, int]] = ()
) -> tuple[list[tuple[int, int]], set[int]]:
    """Character spans of quoted stretches (inside the marks), long enough to be quotes,
    found paragraph by paragraph (``paragraphs``; the whole text when none), and the
    starts of those that run on into the next paragraph: a paragraph that leaves a quote
    open while the next one opens with a quote mark goes on quoting the same speaker
    (the convention of a quote over several paragraphs)."""
    parts: list[tuple[int, int]] = []
    running: set[int] = set()
    paras = list(paragraphs) or [(0, len(text))]
    for n, (a, b) in enumerate(paras):
        found = []
        for m in QUOTED.finditer(text, a, b):
            group = 1 if m.group(1) is not None else 2
            if len(m.group(group).split()) >= MIN_WORDS:
                found.append((m.start(group), m.end(group)))
        if not DOUBLE_MARKS.search(text, a, b):  # single marks only where no double ones
            found += [(i, j) for i, j in single_quoted(text, a, b)
                      if len(text[i:j].split()) >= MIN_WORDS]  # fmt: skip
        opened = _left_open(text, a, b)
        following = text[paras[n + 1][0] : paras[n + 1][1]].lstrip() if n + 1 < len(paras) else ""
        if opened is not None and following.startswith(OPENING_MARKS):
            end = a + len(text[a:b].rstrip())
            if len(text[opened:end].split()) >= MIN_WORDS:
                found.append((opened, end))
                running.add(opened)
        parts += sorted(found)
    return parts, running


DOUBLE_MARKS = re.compile(r'["“”]')
SINGLE_OPENING = "'‘"
SINGLE_CLOSING = "'’"
# what may stand before an opening mark, and after a closing one
_BEFORE_OPENING = frozenset(" \t\n([—–-")
_AFTER_CLOSING = frozenset(" \t\n.,;:!?)]—–-")


def single_quoted(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches quoted with single marks, as British outlets quote ("'We heard the planes,'
    Ali told reporters"), between ``start`` and ``end`` (inside the marks). An opening
    mark starts a word after a space or a bracket; the closing mark is the next single
    mark that no letter follows, so an apostrophe inside a word ("can't", "Ali's") never
    closes a quote, and "'90s" never opens one."""
    found = []
    i = start
    while i < end:
        ch = text[i]
        opens = (
            ch in SINGLE_OPENING
            and (i == start or text[i - 1] in _BEFORE_OPENING)
            and i + 1 < end
            and text[i + 1].isalpha()
        )
        if not opens:
            i += 1
            continue
        j = i + 1
        while j < end and not (
            text[j] in SINGLE_CLOSING
            and not text[j - 1].isspace()
            and (j + 1 == end or text[j + 1] in _AFTER_CLOSING)
        ):
            if text[j] == "\n":
                break  # a quote never runs over a line
            j += 1
        if j < end and text[j] in SINGLE_CLOSING:
            found.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return found


def _left_open(text: str, start: int, end: int) -> int | None:
    """Where the quote a paragraph leaves open starts (after its mark): an odd straight
    mark last, or a curly opening mark after the last closing one; else None."""
    para = text[start:end]
    straight = [i for i, c in enumerate(para) if c == '"']
    if len(straight) % 2:
        return start + straight[-1] + 1
    opening = para.rfind("“")
    if opening >= 0 and para.rfind("”") < opening:
        return start + opening + 1
    return None


def merge_split(
    text: str,
    parts: list[tuple[int, int]],
    words: QuoteWords,
    running: AbstractSet[int] = frozenset(),
) -> list[list[tuple[int, int]]]:
    """Group quoted parts that one speech clause splits: '"A," X said, "B."' (a word of
    ``words.bridge_forms`` between them), and a part running on into the next paragraph
    (``running``, see :func:`quoted_runs`) with the part that paragraph opens with."""
    groups: list[list[tuple[int, int]]] = []
    for part in parts:
        if groups:
            bridge = text[groups[-1][-1][1] : part[0]]
            if groups[-1][-1][0] in running and bridge.strip() in OPENING_MARKS:
                groups[-1].append(part)
                continue
            found = set(re.findall(r"[a-z]+", bridge.lower()))
            if (
                len(bridge) <= MAX_BRIDGE_CHARS
                and "\n" not in bridge
                and found & words.bridge_forms
                and not SENTENCE_END.search(bridge)  # '"A," X said. "B."': two quotes
            ):
                groups[-1].append(part)
                continue
        groups.append([part])
    return groups


def paragraph_of(paragraphs: Sequence[tuple[int, int]], char: int) -> int:
    """The number of the paragraph holding ``char``."""
    return max(bisect_right([a for a, _b in paragraphs], char) - 1, 0)
