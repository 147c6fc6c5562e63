"""The named person a speaker's pronoun or age points back to.

"he said" and "she said" go to the nearest person named before whose sex, as the text
tells it (a title, a noun in apposition, the pronouns used of them), does not contradict
the pronoun; "the 29-year-old said" goes to the person named earlier with that age.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventwire.extract.actorspans import MentionIndex
from eventwire.extract.quote_spans import paragraph_of
from eventwire.model import Mention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


SPEAKER_PRONOUNS = {"he": "m", "she": "f"}
# What the text itself says of a named person's sex: a title before the name or a word for
# people in apposition to it ("Ms Adeyemi", "Omar Haddad, a father of four", "the
# spokeswoman, Lina Saad"); no list of first names.
FEMALE_WORDS = frozenset({"mrs", "ms", "miss", "madam", "madame", "lady", "dame", "queen",
                          "princess", "sheikha", "mother", "wife", "daughter", "sister",
                          "widow", "grandmother", "aunt", "niece", "woman", "girl", "actress",
                          "hajiya", "hajia", "alhaja"})  # fmt: skip
MALE_WORDS = frozenset({"mr", "sir", "lord", "king", "prince", "sheikh", "father", "husband",
                        "son", "brother", "widower", "grandfather", "uncle", "nephew", "man",
                        "boy", "alhaji"})  # fmt: skip


def _sex_word(word: str) -> str | None:
    low = word.lower().rstrip(".")
    if low in FEMALE_WORDS or low.endswith(("woman", "women")):
        return "f"  # "spokeswoman", "chairwoman"
    if low in MALE_WORDS or (low.endswith(("sman", "smen")) and low != "human"):
        return "m"  # "spokesman", "congressman"
    return None


def sex_of(mention: Mention, doc: Doc) -> str | None:
    """ "m" or "f" when the text says it of ``mention``'s person (:data:`FEMALE_WORDS`), by
    a title in or before the name or a noun in apposition to it; else None."""
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    words = [t for t in span if t.i != root.i]
    if span.start > 0:
        words.append(doc[span.start - 1])  # "Ms Adeyemi", "Mr. Haddad"
    for near in (*root.children, root.head):
        if near.dep_ == "appos" or root.dep_ == "appos" and near.i == root.head.i:
            words.append(near)  # "Omar Haddad, a father of four"; "the spokeswoman, Lina Saad"
    found = {sex for t in words if (sex := _sex_word(t.text))}
    return found.pop() if len(found) == 1 else None


_PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "himself": "m",
                "she": "f", "her": "f", "hers": "f", "herself": "f"}  # fmt: skip


def _pronoun_sexes(
    index: MentionIndex, before: int, quoted: Sequence[tuple[int, int]] = ()
) -> dict[str, set[str]]:
    """The sexes the pronouns before token ``before`` give each person (by mention group,
    else span text): "Ali Musa ... his troops" makes Musa "m". Two sexes for one person
    say nothing (the pronoun pass does not look at sex). A pronoun inside a quote is the
    speaker's word for someone else ('"We found a mother holding her baby," he said'):
    it tells nothing."""
    told: dict[str, set[str]] = {}
    for tok in index.ctx.doc[:before]:
        sex = _PRONOUN_SEX.get(tok.lower_)
        if sex is None or any(a <= tok.idx < b for a, b in quoted):
            continue
        ant = index.antecedent(tok)
        if isinstance(ant, Mention):
            told.setdefault(ant.group or ant.span.text, set()).add(sex)
    return told


def pronoun_speaker(
    pronoun: Token, salient: Span | None, index: MentionIndex, quoted: Sequence[tuple[int, int]]
) -> Span | None:
    """The person a "he said"/"she said" speaks for: the nearest named person before it,
    outside quotes, whose sex as the text gives it does not contradict the pronoun. In its
    paragraph the salient antecedent (``salient``, from the pronoun pass) wins when it fits
    there ("The minister, Ali Musa, met Sara Ruiz. '...,' he said."); with no such person
    in the paragraph, the nearest fitting one told before the break, and only when the
    salient one is the same person or does not fit: a pronoun opening a paragraph does
    not skip over the person last named to another. Before the break, a person the text
    gives that sex goes before one it says nothing of. With no salient antecedent (None),
    the nearest fitting person in the paragraph, else one told of that sex before it."""
    ctx = index.ctx
    paragraphs = ctx.view.paragraphs
    opens = paragraphs[paragraph_of(paragraphs, pronoun.idx)][0] if paragraphs else 0
    sex = SPEAKER_PRONOUNS[pronoun.lower_]
    people = [
        m
        for m in index.all()
        if m.label == "PERSON"
        and m.span.end <= pronoun.idx
        and not any(a <= m.span.start < b for a, b in quoted)
    ]
    told = _pronoun_sexes(index, pronoun.i, quoted)

    def told_sex(m: Mention) -> str | None:
        said = told.get(m.group or m.span.text, set())
        return sex_of(m, ctx.doc) or (next(iter(said)) if len(said) == 1 else None)

    def fits(m: Mention) -> bool:
        return told_sex(m) in (None, sex)

    fitting = [m for m in people if fits(m)]
    if salient is None:  # no antecedent: before the paragraph, only a person told that sex
        fitting = [m for m in fitting if m.span.start >= opens or told_sex(m) == sex]
    if not fitting:
        return None
    salient_one = index.mention(salient) if salient is not None else None

    def same(m: Mention) -> bool:
        if salient is None:
            return False
        return m.span == salient or bool(salient_one and m.group and m.group == salient_one.group)

    here = [m for m in fitting if m.span.start >= opens]
    if here:
        return salient if any(same(m) for m in here) else here[-1].span
    # across the break, a person the text told of that sex before one it told nothing of
    told_so = [m for m in fitting if told_sex(m) == sex]
    return (told_so or fitting)[-1].span


_YEAR_OLD = re.compile(r"\bthe (\d{1,3})-year-old(?: [a-z]+)?$", re.I)
_AGE_AFTER = re.compile(r"\s*(?:,\s*|\()(\d{1,3})\s*[,)]")  # "Nassar, 29," "Nassar (29)"
AGE_REACH = 3000  # characters back: the person was named with their age earlier in the story


def aged_person(noun: Token, index: MentionIndex, quoted: Sequence[tuple[int, int]]) -> Span | None:
    """The person "the 29-year-old" (or "the 29-year-old teacher") names again: the
    nearest named person before it given that age in apposition ("Karim Nassar, 29, a
    teacher"; "Nassar (29)"), outside quotes; else None."""
    text = index.ctx.text
    end = noun.idx + len(noun.text)
    found = _YEAR_OLD.search(text, max(end - 40, 0), end)  # "the 29-year-old (teacher)"
    if found is None:
        return None
    age, start = found.group(1), found.start()
    for m in reversed(index.all()):
        if m.span.end > start or m.span.end < start - AGE_REACH:
            continue
        if any(a <= m.span.start < b for a, b in quoted):
            continue  # any label: an age in apposition is said of a person
        told = _AGE_AFTER.match(text, m.span.end)
        if told is not None and told.group(1) == age:
            return m.span
    return None
