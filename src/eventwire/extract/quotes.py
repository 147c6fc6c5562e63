"""Direct quotes and their speakers.

Quoted stretches are found in the text (straight or curly marks, at least three
words so scare quotes around a single term are left alone; single marks, as British
outlets quote, in a paragraph with no double ones). Two quoted parts
separated only by a short speech clause ('"We will win," Haftar said, "and soon."')
become one quote. The speaker is the subject of a speech verb outside the quote
in the same sentence(s) (the issuer of a statement noun that speaks: "a report from
Reuters notes that ..."); else the previous sentence when it ends by introducing
the quote ("Haftar said:"), else the next sentence of its paragraph ("..., he added.";
a speech verb after a blank line is another statement). The first
of these that introduces the quote decides: when its speaker is no actor
("diplomats said"), the quote has no speaker. Pronoun speakers go to their most
salient antecedent, descriptions ("said the spokesman") to the person given that office;
"the report said" to the issuer of the report told before ("The state news agency
reported ..."); a statement noun with its issuer as subject of any verb introduces the
quote ("A statement by the council told them "to leave the area by nightfall"").
A "he said"/"she said" speaks for the nearest named person before it whose sex, as the
text gives it (a title, a word in apposition, the pronouns told of them), fits
(:func:`pronoun_speaker`); opening a paragraph, it does not skip the person last named.
"the 29-year-old said" speaks for the person given that age before ("Karim Nassar, 29,").

A quote never runs over a blank line, except by the convention of a quote over several
paragraphs: a paragraph leaves its quote open and the next opens with a quote mark
(one quote). A paragraph that is all quote but for a short lead-in ('After that time,
"..."'), with no speech clause of its own, goes on quoting the speaker of the quote just
before it, in the previous paragraph. Two quoted words are a partial quote only in their
speaker's own clause ('dismissed the reports as an "absolute lie"'); elsewhere, and a
single quoted word, they are scare quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from eventwire.extract.actorspans import MentionIndex
from eventwire.extract.component import Component
from eventwire.extract.context import DocContext
from eventwire.extract.counts import is_people
from eventwire.extract.modality import SPEECH_VERBS, STATEMENT_NOUNS, author_of
from eventwire.knowledge.words import CountWords, QuoteWords
from eventwire.model import Evidence, Mention, QuoteMention, Span
from eventwire.registry import extractors

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

QUOTED = re.compile(r'"([^"]{3,}?)"|“([^”]{3,}?)”')
MIN_WORDS = 3
MAX_BRIDGE_CHARS = 60  # '," Haftar told reporters on Monday, "' fits
SENTENCE_END = re.compile(r"[.!?]\s")


OPENING_MARKS = ('"', "“")
# Verbs that introduce a quote besides the verbs of saying ("He mentioned, "...").
QUOTE_VERBS = SPEECH_VERBS | frozenset({"mention", "remark", "recall", "quip"})


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


def _speaker_in(
    sent: SpacySpan,
    inside: list[tuple[int, int]],
    index: MentionIndex,
    words: CountWords,
    quoted: Sequence[tuple[int, int]] = (),
) -> tuple[bool, Span | None, str | None]:
    """(a speech verb or "according to" introduces the quote here, its speaker mention,
    the description of an unnamed speaker when no actor speaks: "a witness said").
    ``quoted`` holds every quoted stretch of the text: a name inside one is no antecedent
    of a speaker's pronoun."""
    introduced = False
    described: str | None = None
    for tok in sent:
        if any(a <= tok.idx < b for a, b in inside):
            continue
        if tok.lemma_.lower() in QUOTE_VERBS and tok.pos_ == "VERB":
            for child in tok.children:
                # "a man presenting himself as its spokesman" (a gerund the parse may hang
                # on the verb as its clause)
                speaker_like = child.dep_ in ("nsubj", "csubj") or child.tag_ == "VBG"
                if speaker_like and (body := self_presented(child, index)):
                    return True, body, None
                if child.dep_ in ("nsubj", "nsubjpass"):
                    introduced = True
                    if author := author_of(child, index) or _issuer_before(child, index):
                        return True, author, None  # "a report from Reuters notes that ..."
                    if aged := aged_person(child, index, quoted):
                        return True, aged, None  # "the 29-year-old said"
                    if named := named_as(child, index):
                        return True, named, None  # "a man who gave his name as Omar said"
                    if filler := index.filler(child):
                        if child.lower_ in SPEAKER_PRONOUNS:
                            return True, pronoun_speaker(child, filler.span, index, quoted), None
                        return True, filler.span, None
                    described = described or unnamed_source(child, words)
            subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            if not subject and tok.i > 0 and (aged := aged_person(tok.nbor(-1), index, quoted)):
                return True, aged, None  # the parse may make "the 52-year-old" a modifier
        if (quoted_as := _quoted_as_saying(tok, index)) is not None:
            return True, quoted_as, None  # "the agency quoted Marc Lobo as saying"
        if tok.lower_ == "according":
            introduced = True
            for pobj in (t for t in tok.subtree if t.dep_ == "pobj"):
                if filler := index.filler(pobj):
                    return True, filler.span, None
                described = described or unnamed_source(pobj, words)
    if not introduced:  # "A statement by the mission gave them until Thursday "to leave""
        for tok in sent:
            if tok.pos_ == "VERB" and not any(a <= tok.idx < b for a, b in inside):
                for child in tok.children:
                    if child.dep_ == "nsubj" and (author := author_of(child, index)):
                        return True, author, None
    return introduced, None, described


# Verbs of a relative clause that give an unnamed speaker's name: "who gave his name only
# as Omar", "who asked to be identified only as Hawa", "known only as Abu Ali".
NAMING_VERBS = frozenset({"give", "identify", "name", "call", "know"})


def named_as(noun: Token, index: MentionIndex) -> Span | None:
    """The name a relative clause on an unnamed speaker gives them: "his neighbour, who
    gave his name only as Omar, said", "a resident who asked to be identified only as Hawa
    said" -- the person named after "as" in a clause of a naming verb; else None."""
    for clause in (c for c in noun.children if c.dep_ in ("relcl", "acl")):
        for tok in clause.subtree:
            if tok.lower_ != "as" or tok.head.lemma_.lower() not in NAMING_VERBS:
                continue
            for pobj in (c for c in tok.children if c.dep_ == "pobj"):
                filler = index.filler(pobj)
                if filler is not None and pobj.ent_type_ == "PERSON":
                    return filler.span
    return None


# Verbs with which an unnamed speaker says whom he speaks for: "a man presenting
# (describing, identifying, introducing) himself as a spokesman for X".
PRESENTING_VERBS = frozenset({"present", "describe", "identify", "introduce"})
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})


def self_presented(subject: Token, index: MentionIndex) -> Span | None:
    """The body an unnamed speaker presents himself as speaking for: "a man presenting
    himself as a spokesman for X said" (X; the claim is his, the words the body's)."""
    for verb in subject.subtree:
        if verb.lemma_.lower() not in PRESENTING_VERBS or not any(
            c.lower_ in REFLEXIVES for c in verb.children
        ):
            continue
        for role in (p for a in verb.children if a.lower_ == "as" for p in a.children):
            for prep in (c for c in role.children if c.lower_ in ("for", "of")):
                for body in (c for c in prep.children if c.dep_ == "pobj"):
                    if (filler := index.filler(body)) is not None:
                        return filler.span
    return None


def _quoted_as_saying(verb: Token, index: MentionIndex) -> Span | None:
    """The speaker of "the agency quoted Marc Lobo as saying": the object of "quote" with
    an "as saying" phrase, not the outlet that quotes them; else None."""
    if verb.lemma_.lower() != "quote" or verb.pos_ != "VERB":
        return None
    if not any(c.lower_ == "as" and any(g.lemma_ in QUOTE_VERBS for g in c.subtree)
               for c in verb.children):  # fmt: skip
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    filler = index.filler(obj) if obj is not None else None
    return filler.span if filler is not None else None


SPEAKER_PRONOUNS = {"he": "m", "she": "f"}
# What the text itself says of a named person's sex: a title before the name or a word for
# people in apposition to it ("Ms Adeyemi", "Omar Haddad, a father of four", "the
# spokeswoman, Lina Saad"); no list of first names.
FEMALE_WORDS = frozenset({"mrs", "ms", "miss", "madam", "madame", "lady", "dame", "queen",
                          "princess", "sheikha", "mother", "wife", "daughter", "sister",
                          "widow", "grandmother", "aunt", "niece", "woman", "girl", "actress"})  # fmt: skip
MALE_WORDS = frozenset({"mr", "sir", "lord", "king", "prince", "sheikh", "father", "husband",
                        "son", "brother", "widower", "grandfather", "uncle", "nephew", "man",
                        "boy"})  # fmt: skip


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


def _pronoun_sexes(index: MentionIndex, before: int) -> dict[str, set[str]]:
    """The sexes the pronouns before token ``before`` give each person (by mention group,
    else span text): "Ali Musa ... his troops" makes Musa "m". Two sexes for one person
    say nothing (the pronoun pass does not look at sex)."""
    told: dict[str, set[str]] = {}
    for tok in index.ctx.doc[:before]:
        sex = _PRONOUN_SEX.get(tok.lower_)
        if sex is None:
            continue
        ant = index.antecedent(tok)
        if isinstance(ant, Mention):
            told.setdefault(ant.group or ant.span.text, set()).add(sex)
    return told


def pronoun_speaker(
    pronoun: Token, salient: Span, index: MentionIndex, quoted: Sequence[tuple[int, int]]
) -> Span | None:
    """The person a "he said"/"she said" speaks for: the nearest named person before it,
    outside quotes, whose sex as the text gives it does not contradict the pronoun. In its
    paragraph the salient antecedent (``salient``, from the pronoun pass) wins when it fits
    there ("The minister, Ali Musa, met Sara Ruiz. '...,' he said."); with no such person
    in the paragraph, the nearest fitting one told before the break, and only when the
    salient one is the same person or does not fit: a pronoun opening a paragraph does
    not skip over the person last named to another."""
    ctx = index.ctx
    paragraphs = ctx.view.paragraphs
    opens = paragraphs[_paragraph_of(paragraphs, pronoun.idx)][0] if paragraphs else 0
    sex = SPEAKER_PRONOUNS[pronoun.lower_]
    people = [
        m
        for m in index.all()
        if m.label == "PERSON"
        and m.span.end <= pronoun.idx
        and not any(a <= m.span.start < b for a, b in quoted)
    ]
    told = _pronoun_sexes(index, pronoun.i)

    def fits(m: Mention) -> bool:
        said = told.get(m.group or m.span.text, set())
        known = sex_of(m, ctx.doc) or (next(iter(said)) if len(said) == 1 else None)
        return known in (None, sex)

    fitting = [m for m in people if fits(m)]
    if not fitting:
        return None
    salient_one = index.mention(salient)

    def same(m: Mention) -> bool:
        return m.span == salient or bool(salient_one and m.group and m.group == salient_one.group)

    here = [m for m in fitting if m.span.start >= opens]
    if here:
        return salient if any(same(m) for m in here) else here[-1].span
    return fitting[-1].span


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


# nouns that speak for an unnamed person besides the nouns for people ("a witness said",
# "a security source told")
SOURCE_NOUNS = frozenset({"witness", "eyewitness", "source", "survivor", "relative",
                          "spokesperson", "insider", "onlooker", "bystander"})  # fmt: skip
# words that open a description without describing: "a witness", "one resident"
_OPENERS = frozenset({"a", "an", "the", "one", "another", "some", "several", "two", "three"})
# what a description leaves out: "a local official, who asked not to be named"
_ASIDES = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"})


def unnamed_source(noun: Token, words: CountWords) -> str | None:
    """The description of an unnamed speaker: a noun for people that names no actor ("a
    witness in Tessit said", "one resident told", "medics said", "a local official, who
    asked not to be named, said"), as its phrase without the aside and the opening
    article ("witness in Tessit", "local official"); None for anything else (a pronoun, a
    report, a place)."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("GPE", "LOC", "ORG", "FAC"):
        return None
    if noun.lower_ in words.pronouns:
        return None
    if noun.lemma_.lower() not in SOURCE_NOUNS and not is_people(noun, words):
        return None
    kept: set[int] = set()
    stack = [noun]
    while stack:
        node = stack.pop()
        kept.add(node.i)
        stack.extend(c for c in node.children if c.dep_ not in _ASIDES)
    doc = noun.doc
    ordered = sorted(kept)
    while ordered and doc[ordered[0]].lower_ in _OPENERS and ordered[0] != noun.i:
        ordered.pop(0)
    if not ordered or ordered != list(range(ordered[0], ordered[-1] + 1)):
        ordered = [noun.i]  # a broken phrase: the noun alone
    if ordered == [noun.i] and (earlier := _introduced_before(noun)) is not None:
        return unnamed_source(earlier, words) or noun.text
    return doc[ordered[0] : ordered[-1] + 1].text


SOURCE_REACH = 120  # tokens back: the source was introduced a sentence or two before
_DEFINITE = frozenset({"the", "this", "that"})
_INDEFINITE = frozenset({"a", "an", "one", "another"})


def _introduced_before(noun: Token) -> Token | None:
    """The earlier mention a bare definite source repeats: "a witness in Kabala said the
    shelling began at dawn ... 'We hid,' the witness told reporters" -- the nearest
    noun before it with the same lemma and an indefinite determiner, whose description
    is the fuller one; None when the noun is not definite or none is within reach."""
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children):
        return None
    lemma = noun.lemma_.lower()
    doc = noun.doc
    for i in range(noun.i - 1, max(noun.i - SOURCE_REACH, 0) - 1, -1):
        tok = doc[i]
        # a definite repetition in between ("the witness said ...") refers back too
        if (
            tok.lemma_.lower() == lemma
            and tok.pos_ == noun.pos_
            and any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in tok.children)
        ):
            return tok
    return None


ISSUING_VERBS = frozenset({"report", "announce", "state", "issue", "publish", "release"})
ISSUER_REACH = 120  # tokens back: a report named a few sentences before


def _issuer_before(noun: Token, index: MentionIndex) -> Span | None:
    """Who issued "the report" or "the statement" a speech verb's subject names with no
    issuer of its own: the issuer of the nearest report told before it ("The state news
    agency reported that ... the report said"); else None."""
    if noun.lemma_.lower() not in STATEMENT_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in noun.children):
        return None
    doc = noun.doc
    for i in range(noun.sent.start - 1, max(noun.sent.start - ISSUER_REACH, 0) - 1, -1):
        tok = doc[i]
        if tok.lemma_.lower() in ISSUING_VERBS and tok.pos_ == "VERB":
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None and (filler := index.filler(subject)):
                return filler.span
        if tok.lemma_.lower() in STATEMENT_NOUNS and (author := author_of(tok, index)):
            return author
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


def extract_quotes(ctx: DocContext) -> dict[str, list[QuoteMention]]:
    text, sents = ctx.text, ctx.view.sents
    index = MentionIndex.of(ctx)
    ends = [s.end_char for s in sents]
    quotes = []
    parts, running = quoted_runs(text, ctx.view.paragraphs)
    words = ctx.resources.count_words  # the nouns for people an unnamed speaker is one of
    # (paragraph, speaker, unnamed speaker's description) of the last quote
    previous: tuple[int, Span | None, str | None] | None = None
    for group in merge_split(text, parts, ctx.resources.quote_words, running):
        start, end = group[0][0], group[-1][1]
        # the sentences the quote touches, found by bisection (sentences are in order)
        first = bisect_right(ends, start - 1)
        last = bisect_left(ctx.view.sent_start_chars, end + 1) - 1
        covered = sents[first : last + 1]
        if not covered:
            continue
        # The first place that introduces the quote names its speaker, or no one
        # ('"Diplomats" told Reuters that "..."' is not the next sentence's speaker).
        places = list(covered)
        # the sentence before ("Haftar said:") or after ("..., he added.") speaks for the
        # quote only in its paragraph: a new paragraph's speech verb is another statement
        if first > 0 and sents[first - 1].text.rstrip().endswith(":"):
            places.append(sents[first - 1])
        if last + 1 < len(sents) and _same_paragraph(ctx, end, sents[last + 1]):
            places.append(sents[last + 1])
        speaker, introduced, described = None, False, None
        for place in places:
            introduced, speaker, described = _speaker_in(place, group, index, words, parts)
            if introduced:
                break
        paragraph = _paragraph_of(ctx.view.paragraphs, start)
        # a paragraph that is all quote goes on quoting the last speaker
        after = previous is not None and previous[0] == paragraph - 1
        if not introduced and after and previous and _nearly_all_quote(text, ctx, start, end):
            speaker, described = previous[1], previous[2]
        # and a sentence that is all quote goes on quoting the speaker of the quote before
        # it in its paragraph ('"We hold the bridge," Ali said. "The rebels fled."')
        same = previous is not None and previous[0] == paragraph
        outside = text[covered[0].start_char : start] + " " + text[end : covered[-1].end_char]
        if not introduced and same and previous and len(re.findall(r"\w+", outside)) == 0:
            speaker, described = previous[1], previous[2]
        elif not introduced and first > 0 and not re.findall(r"\w+", outside):
            # a sentence that is all quote after one telling that someone spoke, in its
            # paragraph: 'The spokesman spoke to reporters. "We hold every position."'
            before = sents[first - 1]
            if _same_paragraph(ctx, start, before) and (who := _communicator(before, index)):
                speaker = who
        previous = (_paragraph_of(ctx.view.paragraphs, end), speaker, described)
        quote_text = " ... ".join(text[a:b].strip() for a, b in group)
        # the evidence is the quote's sentences in its first paragraph (a quote running
        # over several paragraphs is still one quote; its evidence crosses no blank line)
        own = [s for s in covered if ctx.view.blank_line_before(s.start_char) < start]
        first_char = covered[0].start_char
        last_char = first_char + len(text[first_char : own[-1].end_char].rstrip())
        evidence = Evidence(
            article_id=ctx.article.id,
            sentence=text[first_char:last_char],
            char_start=first_char,
            char_end=last_char,
        )
        quotes.append(
            QuoteMention(
                article_id=ctx.article.id,
                text=quote_text,
                span=Span(start, end, text[start:end]),
                evidence=evidence,
                speaker=speaker,
                speaker_description=None if speaker else described,
            )
        )
    quotes += _short_quotes(ctx, index, {q.span.start for q in quotes})
    return {"quotes": sorted(quotes, key=lambda q: q.span.start)}


# Verbs telling that someone addressed others, whose next sentence, all quote, is what
# they said: "spoke to reporters", "addressed his fighters", "described the night".
COMMUNICATING_VERBS = QUOTE_VERBS | frozenset(
    {"speak", "address", "describe", "explain", "recount", "write", "post", "tweet"}
)


def _communicator(sent: SpacySpan, index: MentionIndex) -> Span | None:
    """The actor a sentence tells spoke or wrote ("Colonel Idris Mahamat spoke to reporters
    on Monday"): the subject of its main verb when that is a verb of communicating."""
    root = sent.root
    if root.pos_ != "VERB" or root.lemma_.lower() not in COMMUNICATING_VERBS:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    filler = index.filler(subject) if subject is not None else None
    return filler.span if filler is not None else None


SHORT_WORDS = 2  # a quoted phrase of two words is a quote only in a speaker's own clause
# verbs whose object a speaker characterises in their own words: 'dismissed the reports as
# an "absolute lie"', 'branded the raid "pure aggression"'
CHARACTERISING_VERBS = frozenset({"dismiss", "reject", "denounce", "condemn", "deride"})
SHORT_QUOTE_REACH = 6  # clauses up from the phrase to the verb of its speaker


def _short_quotes(
    ctx: DocContext, index: MentionIndex, taken: AbstractSet[int]
) -> list[QuoteMention]:
    """Partial quotes of two words that a speaker's own clause holds: 'dismissed the
    reports as an "absolute lie"', 'said the staircase was "all gone"' -- the phrase hangs
    (through the clauses of what was said) under a verb of saying or of dismissing whose
    subject is an actor. Two quoted words in the outlet's own sentence ('the so-called
    "peace plan"') or one word ('called them "terrorists"') stay scare quotes."""
    found = []
    for m in QUOTED.finditer(ctx.text):
        group = 1 if m.group(1) is not None else 2
        start, end = m.start(group), m.end(group)
        if start in taken or len(m.group(group).split()) != SHORT_WORDS:
            continue
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is None or (speaker := _speaker_of_phrase(span.root, index)) is None:
            continue
        found.append(
            QuoteMention(
                article_id=ctx.article.id,
                text=ctx.text[start:end],
                span=Span(start, end, ctx.text[start:end]),
                evidence=ctx.evidence(ctx.view.span_sent(span)),
                speaker=speaker,
            )
        )
    return found


def _speaker_of_phrase(token: Token, index: MentionIndex) -> Span | None:
    """The actor whose verb of saying or dismissing governs ``token``, if any."""
    node = token
    for _ in range(SHORT_QUOTE_REACH * 3):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ != "VERB":
            continue
        lemma = node.lemma_.lower()
        if lemma in QUOTE_VERBS or lemma in CHARACTERISING_VERBS:
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is None:
                return None
            filler = index.filler(subject)
            return filler.span if filler is not None else named_as(subject, index)
    return None


def _paragraph_of(paragraphs: Sequence[tuple[int, int]], char: int) -> int:
    """The number of the paragraph holding ``char``."""
    return max(bisect_right([a for a, _b in paragraphs], char) - 1, 0)


def _same_paragraph(ctx: DocContext, char: int, sent: SpacySpan) -> bool:
    """Whether ``sent``'s words start in the paragraph holding ``char``."""
    text = ctx.view.sent_text(sent)
    words = sent.start_char + len(text) - len(text.lstrip())  # past a "\n\n" token
    return ctx.view.blank_line_before(words) == ctx.view.blank_line_before(char)


LEAD_IN_WORDS = 6  # "After that time," before a quote that goes on with a statement


def _nearly_all_quote(text: str, ctx: DocContext, start: int, end: int) -> bool:
    """Whether the quote from ``start`` to ``end`` is its paragraph but for its marks and
    a short lead-in ('From then on, "nobody will be let through"'): a paragraph
    that goes on quoting the statement of the paragraph before."""
    paragraphs = ctx.view.paragraphs
    if not paragraphs:
        return False
    first, last = paragraphs[_paragraph_of(paragraphs, start)]
    if end > last:
        return text[first:start].strip() in OPENING_MARKS  # runs on into the next one
    outside = text[first:start] + " " + text[end:last]
    return len(re.findall(r"\w+", outside)) <= LEAD_IN_WORDS


@extractors.register("quotes")
class Quotes(Component):
    """Direct quotes and their speakers."""

    name = "quotes"
    requires = ("mentions",)
    assigns = ("quotes",)

    def __call__(self, ctx: DocContext) -> dict[str, list[QuoteMention]]:
        return extract_quotes(ctx)
