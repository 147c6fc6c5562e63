"""Who speaks a quote, read from one sentence around it.

The subject of a verb of saying outside the quote, or the object of "according to"; on
the way, the special subjects: a statement noun and who issued it, a person named again
by age or by "he"/"she", an unnamed speaker who gives a name or says whom he speaks for,
and the person an outlet "quoted as saying". When no actor speaks, the description of
the unnamed speaker ("a witness") is kept instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventwire.extract.actorspans import MentionIndex
from eventwire.extract.description_kinds import COLLECTIVE, has_capital
from eventwire.extract.filler_owners import SPEAKER_NOUNS
from eventwire.extract.kind_words import given_as_name
from eventwire.extract.modality import SPEECH_VERBS, STATEMENT_NOUNS, author_of
from eventwire.extract.namephrases import STATE_FORCES_NAME
from eventwire.extract.quote_referents import SPEAKER_PRONOUNS, aged_person, pronoun_speaker
from eventwire.extract.quote_sources import issuer_before, unnamed_source
from eventwire.knowledge.words import CountWords
from eventwire.model import Span
from eventwire.text.names import plain_key

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


# Verbs that introduce a quote besides the verbs of saying ("He mentioned, "..."), and
# verbs that qualify what others said in the speaker's words ("rejected as "baseless" the
# claim", "dismissed the report as "a lie"", "termed it "an outrage""), and blame put in
# the speaker's words ("it blamed "the gangs of the north"").
QUOTE_VERBS = SPEECH_VERBS | frozenset(
    {"mention", "remark", "recall", "quip", "reject", "dismiss", "term", "denounce", "blame"}
)


def shared_subject(verb: Token) -> list[Token]:
    """The subject a verb of saying shares with the verb it is coordinated with or hangs
    on as a participle, when it has none of its own: "the group rejected the charge and
    called it "a lie"", "the group denied it, saying its rifles were "taken from the
    enemy"" (the group). Else nothing."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    if verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        return [c for c in verb.head.children if c.dep_ == "nsubj"]
    return []


def speaker_in(
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
            for child in (*tok.children, *shared_subject(tok)):
                # "a man presenting himself as its spokesman" (a gerund the parse may hang
                # on the verb as its clause)
                speaker_like = child.dep_ in ("nsubj", "csubj") or child.tag_ == "VBG"
                if speaker_like and (body := self_presented(child, index)):
                    return True, body, None
                if child.dep_ in ("nsubj", "nsubjpass"):
                    introduced = True
                    if author := author_of(child, index) or issuer_before(child, index):
                        return True, author, None  # "a report from Reuters notes that ..."
                    if aged := aged_person(child, index, quoted):
                        return True, aged, None  # "the 29-year-old said"
                    if named := named_as(child, index):
                        return True, named, None  # "a man who gave his name as Omar said"
                    if holder := role_holder(child, index):
                        return True, holder, None  # "the prefect of X, Ana Cruz, said"
                    if child.lower_ in SPEAKER_PRONOUNS and (
                        nearer := unnamed_nearer(child, index, words, quoted)
                    ):
                        return True, None, nearer  # "A local officer said ... "...," he said."
                    if filler := index.filler(child):
                        if child.lower_ in SPEAKER_PRONOUNS:
                            return True, pronoun_speaker(child, filler.span, index, quoted), None
                        return True, filler.span, None
                    if body := spoken_for(child, index) or speaking_body_before(child, index):
                        return True, body, None  # "its spokesman said", "the group said"
                    if child.lower_ in SPEAKER_PRONOUNS:
                        # "he said" the pronoun pass left without an antecedent: the nearest
                        # named person before it who fits, as with one; else the unnamed
                        # speaker the sentence before was about ("The reserve's manager
                        # called the raid the worst. "...," he said.")
                        if person := pronoun_speaker(child, None, index, quoted):
                            return True, person, None
                        return True, None, _unnamed_subject_before(child, words)
                    if child.lower_ == "it" and (body := body_before(child, index)):
                        return True, body, None  # "The X Network put the toll at 14. It said"
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
            found = index.covering(tok)
            person = found is not None and found.label == "PERSON"
            if person and found and found.span.start == tok.idx and given_as_name(noun.doc, tok.i):
                return found.span  # "who goes by the name Ana", "named only as Ana"
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
    himself as a spokesman for X said" (X; the claim is his, the words the body's); and the
    name a group gives itself: "a group calling itself the X Front said" (the X Front)."""
    for verb in subject.subtree:
        if verb.lemma_.lower() == "call" and any(c.lower_ in REFLEXIVES for c in verb.children):
            for name in (c for c in verb.children if c.dep_ in ("oprd", "dobj", "attr", "xcomp")):
                if name.lower_ not in REFLEXIVES and (filler := index.filler(name)) is not None:
                    return filler.span
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


def role_holder(noun: Token, index: MentionIndex) -> Span | None:
    """The person named in apposition to a speaker written as a role with its place or
    body: "the prefect of the Kestrel department, Ana Cruz, said", "said a priest in
    Harbourtown, Father Tomas Berg", "an army spokesman in the north, Captain Omar Haddad,
    said" -- the parse hangs the name on the complement's noun, so the role's own filler
    would be that place or body; and the role's own appositive ("said a priest, Father
    Tomas Berg"), where the role is an unnamed group's noun the filler would keep. Only a
    common noun, and only a name the mentions call a person; else None."""
    if noun.pos_ != "NOUN":
        return None
    complements = [noun]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.i > noun.i):
        complements += [p for p in prep.children if p.dep_ == "pobj"]
    doc = noun.doc
    # the parse may make the name a second subject of the verb, after a comma ("said a
    # priest in Harbourtown, Father Tomas Berg, by telephone")
    seconds = [
        c
        for c in noun.head.children
        if c.dep_ == noun.dep_ == "nsubj" and c.i > noun.i and doc[c.left_edge.i - 1].text == ","
    ]
    for head in complements:
        names = [c for c in head.children if c.dep_ == "appos" and c.i > head.i]
        for name in names + (seconds if head.i == noun.i else []):
            # the appositive's head may be its title, left out of the name ("Father Tomas
            # Berg": the parse's head "Father"): the person named in its words
            for tok in (name, *(t for t in name.subtree if t.i != name.i)):
                found = index.covering(tok)
                if found is not None and found.label == "PERSON":
                    return found.span
    return None


# Nouns of people who speak for a body, not for themselves: "its spokesman said", "their
# commanders said" (the body's words); a member speaks for himself.
SPEAKING_ROLES = SPEAKER_NOUNS - {"member"}


def spoken_for(noun: Token, index: MentionIndex) -> Span | None:
    """The body an unnamed speaker speaks for, when the text names no person for him: a
    speaking role (:data:`SPEAKING_ROLES`) owned by a body ("The brigade denied it. Its
    spokesman said ...", "the front's commanders said": the brigade, the front); and a bare
    "a spokesman" whose sentence goes on from the one before it in its paragraph, where a
    named body is the subject of a verb of saying ("The ministry said troops were sent. A
    spokesman said ...": the ministry). Not a person's, not an unnamed group's; else None."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SPEAKING_ROLES | STATEMENT_NOUNS:
        return None
    if _named_in_apposition(noun):
        return None  # "the group's spokeswoman, Lway Nway Hline, said": she, not the group
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        filler = index.filler(owner)
        if filler is None:  # "the group's statement said": the one body that spoke before
            return speaking_body_before(owner, index)
        return _body(filler.span, index)
    bare = [c.lower_ for c in noun.children] in (["a"], ["an"])
    sent = noun.sent
    if not bare or sent.start == 0:
        return None
    before = noun.doc[sent.start - 1].sent
    if "\n\n" in noun.doc[before.end - 1 : sent.start + 1].text:
        return None  # another paragraph: another statement
    root = before.root
    if root.lemma_.lower() not in QUOTE_VERBS:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    filler = index.filler(subject) if subject is not None else None
    return _body(filler.span if filler is not None else None, index)


def _named_in_apposition(noun: Token) -> bool:
    """Whether a speaking role's noun has a person's name in apposition after it ("its
    spokesman, Tun Aung Kyaw, said"), tagged or not: the text names who speaks."""
    return any(
        c.dep_ == "appos" and c.i > noun.i and c.pos_ == "PROPN" and c.text[:1].isupper()
        for c in noun.children
    )


def speaking_body_before(noun: Token, index: MentionIndex) -> Span | None:
    """The body a speaking "the group" (or "the movement", "the militia": a collective kind
    noun, definite, singular, with no modifier of its own) goes on from when the
    description pass gave it no antecedent: the one named body that spoke before it in the
    article's body, the subject of a verb of saying or claiming ("The Kanvar Front said on
    Friday that ... In a statement, the group blamed ...": the front). A person, a country, a
    state's forces or an unnamed group ("police said") is not such a body; with two
    bodies that spoke, or none, nobody."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in COLLECTIVE or noun.tag_ != "NN":
        return None
    if [c.lower_ for c in noun.children if c.dep_ not in ("case", "punct")] not in (
        ["the"],
        ["this"],
    ):
        return None  # "the rights group", "a group of elders": another group
    bodies: dict[str, Span] = {}
    in_body = index.ctx.view.zones.in_body  # not the headline's or the dateline's words
    for verb in noun.doc[: noun.sent.start]:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in QUOTE_VERBS:
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubj" and in_body(c.idx)):
            filler = index.filler(subject)
            found = index.mention(filler.span) if filler is not None else None
            if found is None or found.label in ("PERSON", "GROUP", "GPE", "NORP"):
                continue
            named = found.normalized or found.span.text
            if not has_capital(named) or STATE_FORCES_NAME.match(named):
                continue
            bodies.setdefault(found.group or plain_key(named), found.span)
    return next(iter(bodies.values())) if len(bodies) == 1 else None


def _body(span: Span | None, index: MentionIndex) -> Span | None:
    """``span`` when it is the mention of a named body (not a person, not an unnamed
    group); else None."""
    found = index.mention(span) if span is not None else None
    if found is None or found.label in ("PERSON", "GROUP"):
        return None
    return found.span


def body_before(pronoun: Token, index: MentionIndex) -> Span | None:
    """The body an "it" speaking goes on from, when the pronoun pass gave it none: the
    subject of the sentence before, in the same paragraph, when that subject is a named
    body ("The Kestrel Relief Network, a group of volunteers, put the toll at 14. It
    blamed "..."", "The Ruvani prosecutor's office opened a case. It said ..."); not a
    person, not people at large."""
    sent = pronoun.sent
    opening = pronoun.i == sent.start or pronoun.nbor(-1).lower_ in ('"', "\u201d", ",")
    if not opening and any(
        t.pos_ in ("NOUN", "PROPN") for t in pronoun.doc[sent.start : pronoun.i]
    ):
        return None  # "it" is not the sentence's first subject
    if sent.start == 0:
        return None
    before = pronoun.doc[sent.start - 1].sent
    if "\n\n" in pronoun.doc[before.end - 1 : sent.start + 1].text:
        return None  # another paragraph
    subject = next((t for t in before if t.dep_ == "nsubj" and t.head.i == before.root.i), None)
    filler = index.filler(subject) if subject is not None else None
    found = index.mention(filler.span) if filler is not None else None
    if found is None or found.label in ("PERSON", "GROUP"):
        return None
    return found.span


def unnamed_nearer(
    pronoun: Token, index: MentionIndex, words: CountWords, quoted: Sequence[tuple[int, int]]
) -> str | None:
    """The description of the unnamed person a "he said"/"she said" speaks for when that
    person is nearer than any named one: the subject of the sentence before, in the same
    paragraph, is one unnamed person brought in there, not "the" one told of before ("A
    border officer said the line had failed. "By the
    time they answered, it was over," he said.": border officer), and no person is named
    between that subject and the pronoun outside quotes (a named person told before it, in
    this paragraph or an earlier one, is further away). Else None, and the named person
    the pronoun pass or :func:`pronoun_speaker` finds speaks."""
    subject = _subject_before(pronoun, quoted)
    if subject is None or subject.tag_ != "NN":
        return None  # "residents" is no "he"
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subject.children):
        return None  # "the spokesman" may be one named before; "a spokesman" is new
    description = unnamed_source(subject, words)
    if description is None:
        return None
    if any(
        m.label == "PERSON"
        and subject.idx <= m.span.start < pronoun.idx
        and not any(a <= m.span.start < b for a, b in quoted)
        for m in index.all()
    ):
        return None  # "A local official, Ana Cruz, said ...": the named one
    return description


def _subject_before(pronoun: Token, quoted: Sequence[tuple[int, int]]) -> Token | None:
    """The subject of the main verb of the sentence before the quote the pronoun's
    sentence ends (over the quote's own sentences: '"They fled. They came back," she
    said'), in the same paragraph; else None."""
    sent = pronoun.sent
    doc = pronoun.doc
    while sent.start > 0:
        before = doc[sent.start - 1].sent
        if "\n\n" in doc[before.end - 1 : sent.start + 1].text:
            return None
        if not any(a <= before.root.idx < b for a, b in quoted):
            return next((t for t in before.root.children if t.dep_ == "nsubj"), None)
        sent = before
    return None


def _unnamed_subject_before(pronoun: Token, words: CountWords) -> str | None:
    """The description of the unnamed person who was the subject of the sentence before a
    "he said" in the same paragraph ("The park's warden called the raid the worst in years.
    "We are rangers," he said.": park's warden); else None."""
    sent = pronoun.sent
    if sent.start == 0:
        return None
    before = pronoun.doc[sent.start - 1].sent
    if "\n\n" in pronoun.doc[before.end - 1 : sent.start + 1].text:
        return None
    subject = next((t for t in before.root.children if t.dep_ == "nsubj"), None)
    return unnamed_source(subject, words) if subject is not None else None
