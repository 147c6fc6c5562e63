"""A wire story's credits, wherever a flattened page put them: its header with the time
stamp ("GOMA | Wed Apr 6, 2016 9:12am EDT GOMA (Wire) -"), the outlet in brackets
after the dateline ("KINSHASA, May 2 (Wire) - Rebels ...") and the bracket naming the
story's reporters and editors ("(Reporting by Ana Lima; editing by Tom Bell)"). The
names in them made the story; they do not act in it, so no actor is read there
(:mod:`eventwire.extract.mentions`)."""

from __future__ import annotations

import re

from eventwire.extract.notactors import MONTHS

# An outlet's one- to three-word name in brackets, then a dash, after a dateline: a place
# in capitals ("GOMA (Wire) -"), a month and day ("June 3 (Wire) -"), or a comma and a
# country or region ("Goma, Congo (Wire) --"). A bracket after other words ("the Rapid
# Support Forces (RSF) - who") is a name's acronym, not a credit.
_OUTLET_CREDIT = re.compile(
    r"(?:\b[A-Z][A-Z'’.-]{2,}|\b(?:"
    + "|".join(sorted((m.title() for m in MONTHS), key=len, reverse=True))
    + r")\.? \d{1,2}|,[ ]*[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r"\s*\(([A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){0,2})\)\s*[-–—]"
)
# A wire header before the lead: the dateline's place, a bar, the time stamp with its
# zone, and the place again ("GOMA | Wed Apr 6, 2016 9:12am EDT GOMA (Wire) - ...").
_WIRE_HEADER = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z .,'’/-]*\|[^\n|]{0,60}?\b(?:GMT|UTC|BST|EDT|EST|CET|CEST|EAT|CAT"
    r"|WAT|ET)\b(?:\s+[A-Z][A-Z.,'’/-]*(?: [A-Z][A-Z.,'’/-]*)*(?=\s*\())?"
)
# A bracket of the story's makers: "(Reporting by A in Goma; editing by B)", "(Additional
# reporting and writing by A)".
_MAKERS_BRACKET = re.compile(
    r"\((?:additional |further )?(?:reporting|writing|editing|edited|written|compiled)"
    r"(?: and (?:reporting|writing|editing))?\s+by\b[^()]{0,300}\)",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}"
# A byline: "By A B and C D GOMA, May 2 (Wire)" (before a dateline in capitals and a
# date), "By A B Lake News, Goma" (before an outlet named "... News").
_BYLINE = re.compile(
    rf"\bBy {_NAME}(?:(?:,| and) {_NAME})*"
    rf"(?= [A-Z]{{3,}}[A-Z\\/ ]*, [A-Z][a-z]+\.? \d| (?:[A-Z][\w]+ )?News, [A-Z])"
)


def wire_credits(text: str) -> list[tuple[int, int]]:
    """Character ranges of a wire story's credits: its header ("GOMA | Wed Apr 6, 2016
    9:12am EDT GOMA"), the outlet in brackets after the dateline ("KINSHASA, May 2 (Wire)
    - Rebels ...": "Wire") and the bracket naming its
    reporters and editors ("(Reporting by Ana Lima; editing by Tom Bell)"), and its byline
    ("By Ana Lima and Tom Bell KINSHASA, May 2 (Wire)", "By Ana Lima Lake News, Goma"). The names
    in them made the story; they do not act in it."""
    found = [(m.start(1), m.end(1)) for m in _OUTLET_CREDIT.finditer(text)]
    found += [(m.start(), m.end()) for m in _WIRE_HEADER.finditer(text)]
    found += [(m.start(), m.end()) for m in _MAKERS_BRACKET.finditer(text)]
    found += [(m.start(), m.end()) for m in _BYLINE.finditer(text)]
    return found
