"""Casualty and victim counts: "more than 150 people have been killed" -> killed=150.

A count needs three things in the parse: a number (digits, number words, or the
vague plurals ACLED codes conservatively: "dozens" = 12, "hundreds" = 100), the
thing counted (a person noun, or the bare number itself), and a kind cue that
governs it ("killed", "were wounded", "fled", "dead"). Numbers that quantify
anything else (vehicles, weapons, money, percentages, years, ages) never have a
person noun and a kind cue together, and the entity labels MONEY, PERCENT, DATE
and TIME are refused outright.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.model import Count, Span
from eventwire.registry import extractors

if TYPE_CHECKING:
    from spacy.tokens import Token

KIND_LEMMAS = {
    "killed": {"kill", "die", "dead", "death", "slay", "massacre", "perish", "fatality", "toll",
               "body", "casualty"},
    "wounded": {"wound", "injure", "injured", "hurt", "wounded", "injury"},
    "displaced": {"displace", "flee", "uproot", "displaced", "refugee"},
    "kidnapped": {"kidnap", "abduct", "hostage"},
    "arrested": {"arrest", "detain", "jail", "imprison"},
    "executed": {"execute"},
    "missing": {"missing", "disappear"},
}  # fmt: skip
KIND_OF = {lemma: kind for kind, lemmas in KIND_LEMMAS.items() for lemma in lemmas}
PERSON_NOUNS = frozenset(
    [
        "people",
        "person",
        "civilian",
        "civilians",
        "fighter",
        "fighters",
        "soldier",
        "soldiers",
        "militant",
        "militants",
        "migrant",
        "migrants",
        "child",
        "children",
        "woman",
        "women",
        "man",
        "men",
        "member",
        "members",
        "resident",
        "residents",
        "protester",
        "protesters",
        "worker",
        "workers",
        "troop",
        "troops",
        "policeman",
        "policemen",
        "officer",
        "officers",
        "family",
        "families",
        "refugee",
        "refugees",
        "individual",
        "individuals",
        "combatant",
        "combatants",
        "mercenary",
        "mercenaries",
        "rebel",
        "rebels",
        "student",
        "students",
        "passenger",
        "passengers",
        "hostage",
        "hostages",
        "prisoner",
        "prisoners",
        "journalist",
        "journalists",
    ]
)
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
    "tens": 10,
}  # fmt: skip
VAGUE = frozenset({"dozens", "scores", "hundreds", "thousands", "tens"})
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
QUALIFIERS = (
    "more than", "at least", "fewer than", "less than", "up to", "as many as", "nearly",
    "almost", "about", "around", "some", "over", "approximately", "roughly", "an estimated",
    "at most", "close to",
)  # fmt: skip
REFUSED_ENTS = frozenset({"MONEY", "PERCENT", "DATE", "TIME", "QUANTITY", "ORDINAL"})


def number_value(token: Token) -> tuple[int, str | None] | None:
    """Integer value of a number token (with its multiplier), and "word" for vague plurals."""
    low = token.lower_
    if low in WORD_NUMBERS:
        value, how = WORD_NUMBERS[low], ("word" if low in VAGUE else None)
    elif re.fullmatch(r"\d{1,3}(,\d{3})+|\d+(\.\d+)?", low):
        value, how = float(low.replace(",", "")), None
    else:
        return None
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ in MULTIPLIERS and low not in VAGUE:
        value *= MULTIPLIERS[nxt.lower_]
    return int(value), how


def qualifier_of(token: Token) -> str | None:
    before = token.doc[max(token.sent.start, token.i - 3) : token.i].text.lower()
    for q in QUALIFIERS:
        if before.endswith(q):
            return q
    return None


def counted_noun(num: Token) -> Token:
    """The noun a number counts: "150 people" -> people, "hundreds of people" -> people."""
    noun = num.head if num.dep_ == "nummod" else num
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return noun


def kind_for(noun: Token, num: Token) -> str | None:
    """The count kind a governing word gives the counted noun, if any."""
    for child in noun.children:  # "40 dead", "150 people killed", "12 missing"
        if child.dep_ in ("amod", "acl", "relcl", "appos") and (k := KIND_OF.get(child.lemma_)):
            return k
    anchor = num.head if num.dep_ == "nummod" else num
    for tok in (noun, anchor):
        head = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "conj") and (
            k := KIND_OF.get(head.lemma_) or KIND_OF.get(head.lower_)
        ):
            return k
        if tok.dep_ == "nsubj" and head.lemma_ == "be":  # "three journalists are missing"
            for child in head.children:
                if child.dep_ in ("acomp", "attr") and (k := KIND_OF.get(child.lemma_)):
                    return k
        if tok.dep_ == "dobj" and head.lemma_ in ("leave", "force", "send"):  # left 40 dead
            for child in head.children:
                if child.dep_ in ("oprd", "xcomp", "ccomp", "advcl") and (
                    k := KIND_OF.get(child.lemma_)
                ):
                    return k
        if tok.dep_ == "pobj" and head.head.lemma_ in ("rise", "reach", "climb", "stand", "hit"):
            verb = head.head  # "the death toll rose to 40"
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lemma_ in ("toll", "number"):
                return KIND_OF.get(_compound_lemma(subj)) or "killed"
    return None


def _compound_lemma(token: Token) -> str:
    comp = next((c for c in token.children if c.dep_ in ("compound", "amod")), None)
    return comp.lemma_ if comp is not None else ""


@extractors.register("counts", assigns=("counts",))
def extract_counts(ctx: DocContext) -> dict[str, list[Count]]:
    counts: list[Count] = []
    for tok in ctx.doc:
        if tok.ent_type_ in REFUSED_ENTS or tok.dep_ == "appos":
            continue  # ages ("Haftar, 73,"), years, money, percentages
        parsed = number_value(tok)
        if parsed is None or (tok.i > 0 and tok.nbor(-1).lower_ in MULTIPLIERS):
            continue
        value, how = parsed
        noun = counted_noun(tok)
        if noun.i != tok.i and noun.lower_ not in PERSON_NOUNS and noun.lemma_ not in PERSON_NOUNS:
            continue  # counts vehicles, weapons, days...
        kind = kind_for(noun, tok)
        if kind is None:
            continue
        qualifier = qualifier_of(tok) or how
        start = tok.idx - len(qualifier) - 1 if qualifier and qualifier != "word" else tok.idx
        span = Span(
            max(start, 0),
            noun.idx + len(noun.text),
            ctx.doc.text[max(start, 0) : noun.idx + len(noun.text)],
        )
        counts.append(
            Count(kind=kind, value=value, qualifier=qualifier, text=span.text,
                  evidence=ctx.evidence(tok.sent), span=span)
        )  # fmt: skip
    return {"counts": counts}
