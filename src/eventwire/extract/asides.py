"""Blocks of a page that are not its story, found by their form: their sentences tell no
event of the article, though the text keeps them (they stay readable in the article).

* **A list of other stories** (:func:`teaser_lines`): lines shaped "Headline: blurb."
  -- a short title with no sentence end, a colon, then one sentence that opens with a
  capital ("Storm closes mountain passes: Heavy snow shut three roads into the valley on
  Tuesday.") -- two or more of them close together. A page's "more stories", "most read"
  or video box tells other occurrences in teasers: an event read from one is another
  story's, or the same story's told twice. One such line alone ("The toll: four dead and
  nine hurt.") is the story's own.
* **Readers' comments** (:func:`comment_blocks`): from the first line that carries a
  comment thread's own marks -- a comment stamp ("March 3, 2012 at 4:15 pm | Report
  abuse |"), the site's comment policy ("We welcome comments ...", "Views expressed in
  the comments ...") or its closing ("This discussion is now closed", "Comments are
  closed") -- to the end of the page: the thread follows the story's end, and what
  readers write there is no report.

No rule knows an outlet: each reads the shape of a line or words every comment thread
prints.
"""

from __future__ import annotations

import re

# "Headline words: Blurb sentence." -- a title of 3 to 14 words (no sentence end, no
# bracket or quotation mark; a headline's own colon inside it: "Storm: roads shut"), not a
# speaker's "He said:"; a colon; a sentence of 6 words or more that opens with a capital
# (not with a quotation: 'He added: "We will stay."') and ends with a stop
_COLON = re.compile(r":\s+")
_HEAD = re.compile(r"[A-Z0-9][^.!?()\[\]\n\"“”]+")
_BLURB = re.compile(r"[A-Z][^\n]{20,}[.!?]\s?[\"'”’)]*")
_HEAD_WORDS = (3, 14)
_BLURB_WORDS = 6
_TEASER_GAP = 2  # other lines between two teasers of one list
# a head whose last word introduces what someone said or listed is a sentence, not a
# title ("The message was clear: ..."); so is one that tells a saying in the past tense
# anywhere ("The harbour master told reporters: ..."), which a headline does in the
# present ("Governor says port is safe: ...")
_LEAD_IN_WORDS = frozenset({
    "says", "say", "adds", "writes", "reads", "states", "including", "follows",
    "following", "is", "was", "are", "were", "be", "this", "these", "that", "clear",
    "simple",
})  # fmt: skip
_SAID_WORDS = frozenset({
    "said", "told", "added", "wrote", "read", "stated", "declared", "warned", "explained",
    "tweeted", "announced", "asked", "replied", "noted", "concluded", "insisted",
})  # fmt: skip

# a head opening with a conjunction continues the prose: "But the question is: ..."
_CONJUNCTIONS = frozenset({"and", "but", "or", "so", "yet", "then", "because"})

# the marks of a comment thread: a stamp ("March 9, 2014 at 7:52 am | Report abuse"), the
# site's comment policy and the thread's closing
_COMMENT_MARK = re.compile(
    r"\bat \d{1,2}:\d{2}\s*[ap]\.?m\.?\s*\|\s*(?:report abuse|reply)\b"
    r"|\|\s*report abuse\s*\|"
    r"|\bwe welcome comments\b|\bviews expressed in (?:the|these) comments\b"
    r"|\bthis discussion is (?:now )?closed\b|\bcomments (?:are|have been) closed\b"
    r"|\bcomments? (?:is|are) moderated\b",
    re.IGNORECASE,
)


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def is_teaser(line: str) -> bool:
    """Whether a line has a teaser's shape: "Headline: Blurb sentence." (see the module
    docstring), split at its first or second colon; alone it proves nothing
    (:func:`teaser_lines` asks for a list)."""
    line = line.strip()
    for m in list(_COLON.finditer(line))[:2]:
        head, blurb = line[: m.start()], line[m.end() :]
        words = head.split()
        if (
            _HEAD.fullmatch(head)
            and head.count(":") <= 1
            and _HEAD_WORDS[0] <= len(words) <= _HEAD_WORDS[1]
            and words[-1].lower().strip(",;") not in _LEAD_IN_WORDS
            and not any(w.lower().strip(",;") in _SAID_WORDS for w in words)
            and words[0].lower().strip(",;") not in _CONJUNCTIONS
            and not _speaker_label(words)
            and _BLURB.fullmatch(blurb)
            and len(blurb.split()) >= _BLURB_WORDS
        ):
            return True
    return False


def _speaker_label(words: list[str]) -> bool:
    """A transcript's speaker label ("JANE ROE, CORRESPONDENT: ...", "And then - ROE:
    ..."): the name in capitals is last, or capitals are most of the letters."""
    last = "".join(ch for ch in words[-1] if ch.isalpha())
    if len(last) > 1 and last.isupper():
        return True
    letters = [ch for w in words for ch in w if ch.isalpha()]
    return sum(ch.isupper() for ch in letters) > len(letters) / 2


def teaser_lines(text: str) -> tuple[tuple[int, int], ...]:
    """The lines of ``text`` (character ranges) that are teasers of a list of other
    stories: teaser-shaped lines (:func:`is_teaser`) with another within
    ``_TEASER_GAP`` lines of them."""
    lines = _lines(text)
    shaped = [n for n, (a, b) in enumerate(lines) if is_teaser(text[a:b])]
    listed = [
        n
        for k, n in enumerate(shaped)
        if (k > 0 and n - shaped[k - 1] <= _TEASER_GAP + 1)
        or (k + 1 < len(shaped) and shaped[k + 1] - n <= _TEASER_GAP + 1)
    ]
    return tuple(lines[n] for n in listed)


def comment_blocks(text: str) -> tuple[tuple[int, int], ...]:
    """The readers' comment thread of a page: from the start of the first line carrying a
    comment mark (a stamp, the site's comment policy or the thread's closing) to the end
    of the page; empty when no line carries one, or the first that does opens the page
    (a notice above the story, not a thread after it)."""
    m = _COMMENT_MARK.search(text)
    if m is None:
        return ()
    start = text.rfind("\n", 0, m.start()) + 1
    if not text[:start].strip():
        return ()  # a notice above the story opens no thread: the thread follows a story
    return ((start, len(text)),)


def aside_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """The character ranges of ``text`` that are not its story: teasers of a list of
    other stories and readers' comments, in text order."""
    return tuple(sorted((*teaser_lines(text), *comment_blocks(text))))
