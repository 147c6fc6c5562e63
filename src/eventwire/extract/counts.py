"""Casualty and victim counts: "more than 150 people have been killed" -> killed=150.

A count needs three things in the parse: a number (digits, number words, or the
vague plurals ACLED codes conservatively: "dozens" = 12, "hundreds" = 100; Indian
numbering too: "two lakh people" = 200,000, "a crore" = 10 million, "lakhs of" = 100,000) or a
single person ("a police officer was killed", "killing a civilian", a named
person "was shot dead"), the people counted (a person noun, a plural demonym,
"2 of them", or the bare number itself), and a kind cue that governs it
("killed", "were wounded", "fled", "dead", "the murder of"). Numbers that
quantify anything else (vehicles, weapons, money, percentages, years, ages)
never have people and a kind cue together, and the entity labels MONEY,
PERCENT, DATE and TIME are refused outright. A count inside "including ..." or
"among them ..." is part of another count and is left out, and so are the people listed
after the number that counts them ("Six died: five guards and the driver"). People under
treatment ("Nineteen more are still being treated") are the wounded. A running or period
total ("has killed 3,000 since April", "400 were killed in March") is a
:class:`~eventwire.model.Statistic`, never a count (:mod:`eventwire.extract.totals`). A
figure an earlier report gave ("An earlier version of this report said six people had
died") is withdrawn when the story gives its own figure of that kind (:func:`superseded`),
and an ordinal with its noun left out is one more person ("killing two guards and
wounding a third": one wounded).

A count may be stated by its result: a number modifying a state word ("left 14 dead and
30 injured", "left 200 homeless"), lives claimed, taken, cost or lost ("claimed 23
lives", "30 people lost their lives"), or bodies counted ("12 bodies were found"). A
running toll stated as reached ("the death toll rose to 40", "..., bringing the toll to
61", "bringing the number killed to 12", "bringing the toll to 10 dead") is marked ``Count.update == "total"`` and people added to an earlier figure ("five
more bodies", "another 12 people died") ``"more"`` (:func:`update_mark`): the incident
join reads the mark, never the sentence again.

The words are data: ``knowledge/data/count_words.toml``.

:func:`eventwire.extract.count_attach.attach_counts` gives the counts to the events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from eventwire.extract.component import Component
from eventwire.extract.context import DocContext
from eventwire.extract.count_disputes import MARK_REACH, dispute_marks
from eventwire.extract.eventroles import past_dateline
from eventwire.extract.modality import modality_of
from eventwire.extract.totals import landmark_toll, measured_landmark, total_of
from eventwire.knowledge.words import CountWords
from eventwire.model import Count, Span, Statistic
from eventwire.registry import extractors
from eventwire.text.calendar_words import month_numbers

if TYPE_CHECKING:
    from spacy.tokens import Token

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
    "tens": 10,
    # Indian numbering: a lakh is a hundred thousand, a crore ten million ("two lakh people")
    "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
}  # fmt: skip
# Ordinal words that number one more victim of a running toll: "a fifth soldier died".
ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)")
VAGUE = frozenset({"dozens", "scores", "hundreds", "thousands", "tens", "lakhs", "crores"})
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "lakh": 100_000,
               "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000}  # fmt: skip
QUALIFIERS = (
    "more than", "at least", "fewer than", "less than", "up to", "as many as", "nearly",
    "almost", "about", "around", "some", "over", "approximately", "roughly", "an estimated",
    "at most", "close to",
)  # fmt: skip
REFUSED_ENTS = frozenset({"MONEY", "PERCENT", "DATE", "TIME", "QUANTITY", "ORDINAL"})
MONTH_WORDS = frozenset(month_numbers(abbreviations=True))  # "May", "Sept"
SINGLE_DETS = frozenset({"a", "an", "the", "another", "one"})
# People nouns that name a group even in the singular: "security staff were hurt".
COLLECTIVE = frozenset({"staff", "personnel", "security", "crew", "people", "family", "youth"})
# Nouns whose "of <number>" says how many people they are: "a family of five".
GROUPS_OF = frozenset({"family", "group", "crew", "team", "household"})
# Verbs whose subject or object a state word describes: "left 40 dead", "found dead".
RESULT_VERBS = frozenset({"be", "leave", "force", "send", "find", "report", "confirm", "declare",
                          "pronounce", "list", "remain"})  # fmt: skip
# A count stated as attempted, threatened or denied is not a casualty.
UNCOUNTED_MODALITIES = frozenset({"negated", "denied", "hypothetical", "future"})
SUBJECT_KINDS = frozenset({"displaced", "missing"})  # "hundreds fled the city"
ATTEMPT_WORDS = frozenset({"attempt", "try", "plot", "seek"})
# Verbs that take lives as their object: "the attack claimed 23 lives", "the blast took the
# lives of four", "the war cost 300 lives", "30 people lost their lives".
LIFE_VERBS = frozenset({"claim", "take", "cost", "lose"})
# Kinds whose adjective names a population rather than what befell it in the act told.
POPULATION_KINDS = frozenset({"displaced"})
# Verbs whose subject is the one who died, whatever else the parse hangs on them.
DYING_VERBS = frozenset({"die", "perish"})
# Verbs that state a running toll reached a figure: "the death toll rose to 40".
RISE_VERBS = frozenset({"rise", "reach", "climb", "stand", "hit", "jump", "increase", "grow",
                        "mount"})  # fmt: skip
# Verbs that carry a toll to a figure: "..., bringing the toll to 61", "raising the toll to 9".
RAISE_VERBS = frozenset({"bring", "raise", "push", "take", "put", "lift"})
TOLL_NOUNS = frozenset({"toll", "number", "tally"})
_DIGITS = re.compile(r"\d{1,3}(,\d{3})+|\d+(\.\d+)?")  # "3,000", "12", "2.5"


TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})


def _tens_before(token: Token) -> Token | None:
    """The tens word of a hyphenated number the tokenizer split ("forty-two" is "forty",
    "-", "two"), when ``token`` is its unit word; else None."""
    # a unit word is one to nine: "thirty-odd", "twenty-first" have none (and a word that
    # is no number needs no look at its neighbours)
    if token.i < 2 or not 0 < WORD_NUMBERS.get(token.lower_, 0) <= 9:
        return None
    hyphen, tens = token.nbor(-1), token.nbor(-2)
    if (
        hyphen.text == "-"
        and not hyphen.whitespace_
        and not tens.whitespace_
        and tens.lower_ in TENS
    ):
        return tens
    return None


def number_value(token: Token) -> tuple[int, str | None] | None:
    """Integer value of a number token (with its multiplier), and "word" for vague plurals.
    The unit of a hyphenated number carries the whole: "twenty-one" is 21."""
    low = token.lower_
    value: float
    if (tens := _tens_before(token)) is not None:
        value, how = WORD_NUMBERS[tens.lower_] + WORD_NUMBERS[low], None
    elif low in WORD_NUMBERS:
        value, how = WORD_NUMBERS[low], ("word" if low in VAGUE else None)
    elif low[:1].isdigit() and _DIGITS.fullmatch(low):  # read for every token: compiled once
        value, how = float(low.replace(",", "")), None
    else:
        return None
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ in MULTIPLIERS and low not in VAGUE:
        value *= MULTIPLIERS[nxt.lower_]
    return int(value), how


def qualifier_of(token: Token) -> str | None:
    token = _tens_before(token) or token  # "at least forty-two": look before "forty"
    start = max(token.i - 3, 0)  # up to three words back, within the sentence
    start = next((j for j in range(token.i, start, -1) if token.doc[j].is_sent_start), start)
    before = token.doc[start : token.i].text.lower()
    for q in QUALIFIERS:
        if before.endswith(q):
            return q
    return None


def is_people(noun: Token, words: CountWords) -> bool:
    """A noun for people: "civilians", "tribesmen", "Albanians", "them"."""
    low, lemma = noun.lower_, noun.lemma_.lower()
    if low in words.people or lemma in words.people or low in words.pronouns:
        return True
    if noun.ent_type_ in ("NORP", "PERSON") and noun.pos_ in ("PROPN", "NOUN"):
        return True
    return noun.pos_ in ("NOUN", "PROPN") and len(low) > 4 and low.endswith(words.suffixes)


def counted_noun(num: Token) -> Token:
    """The noun a number counts: "150 people" -> people, "hundreds of people" -> people."""
    if num.head.lower_ in MULTIPLIERS and num.head.i == num.i + 1:
        num = num.head  # "thirteen thousand people"
    if num.dep_ == "nummod" and num.head.pos_ != "NUM":
        return num.head  # "23 dead, 12 wounded" parses 23 as a modifier of 12
    if num.dep_ == "compound" and num.lower_ in MULTIPLIERS and num.head.pos_ == "NOUN":
        return num.head  # "a lakh residents": the model takes "lakh" for a noun
    if (num.dep_ == "pobj" and num.head.lower_ == "of"
            and num.head.head.lemma_.lower() in GROUPS_OF):  # fmt: skip
        return num.head.head  # "killed a family of three": the family, three people
    noun = num
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return noun


def _kind(token: Token, words: CountWords) -> str | None:
    kind = words.kind_of.get(token.lemma_.lower()) or words.kind_of.get(token.lower_)
    if (
        kind is None
        and token.lemma_.lower() in words.killing_verbs
        and any(
            c.lower_ in words.killing_words
            or any(g.lower_ in words.killing_words for g in c.children)
            for c in token.children
        )
    ):
        return "killed"  # "shot dead", "stabbed to death", "gunned down"
    return kind


def _role_token(noun: Token, anchor: Token, words: CountWords) -> Token:
    """The token whose grammatical role says what happened to the counted people."""
    tok = anchor
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lemma_.lower() in words.totals
    ):
        tok = tok.head.head  # "a total of eighteen Islamists were killed"
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN", "NUM"):
        tok = tok.head  # "a corporal and a guerrilla were killed"
    if tok.dep_ == "appos" and any(c.dep_ == "conj" for c in tok.children):
        tok = tok.head  # "killed a professor, a policeman, and a pedestrian" (a list)
    elif tok.dep_ == "appos" and past_dateline(tok.head).i == tok.i:
        tok = tok.head  # "KABALA -- A farmer was killed": the dateline holds its role
    return tok


def kind_for(noun: Token, num: Token, words: CountWords) -> tuple[str, Token] | None:
    """The count kind a governing word gives the counted noun, with that word. A word
    describing the people says it ("40 dead", "150 people killed", "12 missing"), except
    that people described as wounded who are the subject of "died" are dead: "three
    soldiers wounded in the raid died in hospital" counts three killed, not wounded (but
    "two were killed and one person injured" keeps the injured). An adjective naming a
    population ("displaced families") says who the people are, not what befell them in
    the act told: "an air strike killed 12 displaced people" counts 12 killed, and "the
    camp shelters 2,000 displaced people" no count at all."""
    for child in noun.children:
        if child.dep_ in ("amod", "acl", "relcl", "appos") and (k := _kind(child, words)):
            if k in POPULATION_KINDS and child.dep_ == "amod":
                continue  # "displaced people" say who the people are (see the doc above)
            died = _clause_kind(noun, num, words) if k == "wounded" else None
            if died is not None and died[1].lemma_.lower() in DYING_VERBS:
                return died
            return k, child
    if found := _clause_kind(noun, num, words):
        return found
    if noun.lemma_.lower() in words.remains and noun.i != num.i:
        return "killed", noun  # "12 bodies were found", "rescuers recovered 17 bodies"
    return None


def _clause_kind(noun: Token, num: Token, words: CountWords) -> tuple[str, Token] | None:
    """The kind the clause of the counted noun gives it ("were killed", "killing 12")."""
    anchor = num.head if num.dep_ == "nummod" and num.head.pos_ != "NUM" else num
    role = _role_token(noun, anchor, words)
    for tok in {noun.i: noun, anchor.i: anchor, role.i: role}.values():
        if found := _governed_kind(tok, words):
            return found
    return _object_before_report(noun, words)


# Verbs that report what a source said, heading the reporting clause after a lead.
REPORTING_VERBS = frozenset({"say", "tell", "report", "add", "confirm", "state", "announce"})


def _object_before_report(noun: Token, words: CountWords) -> tuple[str, Token] | None:
    """The victims of a lead sentence followed by its reporting clause, when the parse
    takes them for the reporter: in "an air strike killed at least 18 civilians sheltering
    there, a resident said" the small parser may make "civilians" the subject of "said".
    The verb right before the counted phrase, left without an object of its own, is the
    verb they are the object of."""
    head = noun.head
    if noun.dep_ != "nsubj" or head.lemma_ not in REPORTING_VERBS or head.i < noun.i:
        return None
    left = noun.left_edge
    if left.i == 0:
        return None
    verb = noun.doc[left.i - 1]
    if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return None
    kind = _kind(verb, words)
    return (kind, verb) if kind is not None else None


def ordinal_toll(noun: Token) -> int | None:
    """The figure a running toll reaches when one more victim is numbered by an ordinal:
    "a fifth soldier died of his wounds", "the third victim died on Friday" (the toll now
    stands at five, at three). An indefinite or definite article before the ordinal marks
    the victim as the next of a series already told; "first" starts none. Read for the
    dead only: in "three were killed; a fourth man in the car was wounded" the ordinal
    numbers the people in the car, not the wounded."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in noun.children):
        return None
    for child in noun.children:
        if child.dep_ != "amod" or child.i > noun.i:
            continue
        low = child.lower_
        if low in ORDINAL_WORDS:
            return ORDINAL_WORDS[low]
        if (m := _ORDINAL_DIGITS.fullmatch(low)) and int(m.group(1)) > 1:
            return int(m.group(1))
    return None


def _elided_ordinal(tok: Token, words: CountWords) -> tuple[str, Token] | None:
    """One more person told by an ordinal standing for the people just counted, the noun
    left out: "killing two guards and wounding a third", "shot dead one farmer and injured
    a second" (one wounded). The ordinal has an article and no noun or "of" phrase ("a
    third of the herd" is a share, "a second attack" an act), and a number counting people
    comes before it in its sentence; its verb says what befell that person."""
    if tok.lower_ not in ORDINAL_WORDS or tok.dep_ not in ("dobj", "nsubjpass", "nsubj", "conj"):
        return None
    if tok.head.pos_ in ("NOUN", "PROPN") and tok.dep_ != "conj":
        return None
    children = list(tok.children)
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in children):
        return None
    if any(c.dep_ in ("compound", "nummod") or (c.dep_ == "prep" and c.lower_ == "of")
           for c in children):  # fmt: skip
        return None
    sent = tok.sent
    counted = any(
        number_value(t) is not None and is_people(counted_noun(t), words)
        for t in tok.doc[sent.start : tok.i]
        if t.pos_ == "NUM"
    )
    return _governed_kind(tok, words) if counted else None


def _counts_whom(noun: Token, words: CountWords) -> bool:
    """A noun a number of people can count: people, bodies, lives taken, or the victims
    a verb of killing or wounding takes (:func:`victim_of_casualty_verb`)."""
    return (
        is_people(noun, words)
        or noun.lemma_.lower() in words.remains
        or bool(_lives(noun))
        or victim_of_casualty_verb(noun, words)
    )


# The kinds whose verbs only the living undergo: "killed", "wounded".
_LIVING_KINDS = frozenset({"killed", "wounded", "executed"})


def victim_of_casualty_verb(noun: Token, words: CountWords) -> bool:
    """The object of a verb of killing or wounding, or the subject of its passive: "police
    said they had killed three dacoits", "two looters were wounded". Only the living are
    killed or wounded, so the verb says the noun counts people whatever word names them;
    animals are the exception ("raiders killed 40 cattle"), and so is a verb made a
    killing by a particle ("shot down 34 drones"), which takes things. A word in quotation
    marks is a side's own label for its victims ("its fighters killed eight 'apostates'"),
    a claimant's wording the story keeps at a distance, and gets no such reading."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in words.animals:
        return False
    if noun.i > 0 and noun.nbor(-1).is_quote:
        return False
    if noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = noun.head
    kind = words.kind_of.get(verb.lemma_.lower())
    return verb.pos_ == "VERB" and kind in _LIVING_KINDS


def _state_of(num: Token, word: Token, words: CountWords) -> tuple[str, Token] | None:
    """A number modifying a state word counts the people in that state: "the blast left 14
    dead and 30 injured", "leaving 6 wounded", "the floods left 200 homeless"."""
    if num.dep_ != "nummod" or word.tag_ not in ("JJ", "VBN") or word.i < num.i:
        return None
    kind = _kind(word, words)
    return (kind, word) if kind is not None else None


def update_mark(num: Token, noun: Token, cue: Token) -> str | None:
    """How a figure stands to earlier ones: "total" for a running toll stated as reached
    ("the death toll rose to 40", "..., bringing the toll to 61"), "more" for people added
    to an earlier figure ("five more bodies were found", "another 12 people died"); None
    for a plain figure."""
    verb = _toll_verb(num)
    if verb is not None and verb.i == cue.i:
        return "total"
    if num.dep_ == "nummod" and num.head.i == cue.i and _toll_verb(cue) is not None:
        return "total"  # a toll put at a state: "..., bringing the toll to 10 dead"
    if any(c.lower_ == "more" and num.i < c.i < noun.i for c in noun.children) or any(
        c.dep_ == "det" and c.lower_ == "another" for c in noun.children
    ):
        return "more"
    return None


def _lives(tok: Token) -> Token | None:
    """The verb that takes the lives ``tok`` counts or stands for: "claimed 23 lives" (the
    number's noun is "lives"), "claimed the lives of 40 villagers" (the villagers are "of"
    the lives), "30 people lost their lives" (the people are the subject): else None."""
    if tok.lemma_.lower() == "life" and tok.dep_ == "dobj" and tok.head.lemma_ in LIFE_VERBS:
        return tok.head
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "life":
        return _lives(head.head)
    if tok.dep_ == "nsubj" and head.lemma_ == "lose":
        lost = next((c for c in head.children if c.dep_ == "dobj"), None)
        if lost is not None and lost.lemma_.lower() == "life":
            return head
    return None


def _toll_verb(tok: Token) -> Token | None:
    """The verb that puts a running toll at the figure ``tok``: "the death toll rose to 40",
    "the number of dead stood at 12", "..., bringing the toll to 61"; else None."""
    phrase = _toll_phrase(tok)
    return phrase[0] if phrase is not None else None


def _toll_phrase(tok: Token) -> tuple[Token, Token, Token | None] | None:
    """The verb, the toll noun and the participle naming what the toll counts, when ``tok``
    is the figure a running toll is put at (see :func:`_toll_verb`); else None.

    A toll named by a participle ("..., bringing the number killed to 12", "raising the
    number of soldiers wounded to 9") is read the same way: the parse hangs the figure on
    the participle, which hangs on the toll noun (or on the people "of" it), and the
    participle says what the toll counts."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("to", "at"):
        return None
    verb = tok.head.head
    participle = noun = None
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        participle, noun = verb, verb.head
        if noun.lemma_ not in TOLL_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ == "of":
            noun = noun.head.head  # "the number of soldiers killed to 11"
        if noun.lemma_ not in TOLL_NOUNS:
            return None
        verb = noun.head
    if verb.lemma_ in RISE_VERBS:
        toll = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    elif verb.lemma_ in RAISE_VERBS:
        toll = next((c for c in verb.children if c.dep_ == "dobj"), None)
    else:
        return None
    if toll is None or toll.lemma_ not in TOLL_NOUNS:
        return None
    if noun is not None and noun.i != toll.i:
        return None  # the participle's toll is not the one this verb puts at the figure
    return verb, toll, participle


def _toll_of(tok: Token, words: CountWords) -> tuple[str, Token] | None:
    """The kind of the toll a :func:`_toll_verb` states ("the wounded toll" is wounded,
    "the number injured" too)."""
    phrase = _toll_phrase(tok)
    if phrase is None:
        return None
    verb, toll, participle = phrase
    told = _kind(participle, words) if participle is not None else None
    return told or words.kind_of.get(_compound_lemma(toll)) or "killed", verb


def _governed_kind(tok: Token, words: CountWords) -> tuple[str, Token] | None:
    head = tok.head
    if (verb := _lives(tok)) is not None:
        return "killed", verb  # lives claimed, taken, cost or lost are the dead
    if head.lemma_.lower() in DYING_VERBS and tok.dep_ != "nsubj":
        return None  # "die" takes no object: one the parse gives it is no victim
    if (
        tok.dep_ == "nsubj"
        and head.lemma_.lower() not in DYING_VERBS
        and any(c.dep_ in ("dobj", "dative") for c in head.children)
        and _kind(head, words) not in SUBJECT_KINDS
    ):
        return None  # "four gunmen killed the mayor": the subject did it
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "conj") and (k := _kind(head, words)):
        return k, head
    if tok.dep_ == "nsubjpass" and (shared := _shared_passive_kind(head, words)) is not None:
        return shared  # "was shot and killed", "were beaten and wounded"
    if tok.dep_ == "nsubjpass" and _under_treatment(head, words):
        return "wounded", head  # "Nineteen more are still being treated"
    if tok.dep_ == "nsubjpass" and _taken_to_care(tok, head, words):
        return "wounded", head  # "a dozen villagers had been carried to clinics"
    if tok.dep_ == "nsubj" and _kept_in_care(tok, head):
        return "wounded", head  # "Four other people remain in hospital"
    of_noun = head.head if tok.dep_ == "pobj" and head.lower_ == "of" else None
    if of_noun is not None and of_noun.pos_ == "NOUN" and (k := _kind(of_noun, words)):
        return k, of_noun  # "the murder of two employees", "the death of the commander"
    copula = head.lemma_ in ("be", "remain")
    if (tok.dep_ in ("nsubjpass", "dobj") or (tok.dep_ == "nsubj" and copula)) and (
        head.lemma_ in RESULT_VERBS
    ):
        for child in head.children:  # "left 40 dead", "were found dead", "was reported killed"
            if child.dep_ in ("acomp", "attr", "oprd", "xcomp", "advcl") and (
                k := _kind(child, words)
            ):
                return k, child
    return _toll_of(tok, words)  # "the death toll rose to 40", "bringing the toll to 61"


# Places where the hurt are treated: "were treated in hospital", "at a clinic".
CARE_PLACES = frozenset({"hospital", "clinic", "infirmary", "ward", "unit"})


def _under_treatment(verb: Token, words: CountWords) -> bool:
    """Whether a passive "treat" tells the people of its subject are the wounded: told as
    going on ("Nineteen more are still being treated", "were being treated at the
    clinic"), or treated for wounds or in a hospital ("12 were treated for burns", "six
    were treated in hospital"). Treated otherwise ("the prisoners were treated well") says
    nothing of wounds."""
    if verb.lemma_.lower() != "treat":
        return False
    if any(c.dep_ == "auxpass" and c.lower_ == "being" for c in verb.children):
        return True
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            lemma = obj.lemma_.lower()
            if prep.lower_ == "for" and (
                words.kind_of.get(lemma) == "wounded" or lemma in ("burn", "shock", "wound")
            ):
                return True
            if prep.lower_ in ("in", "at") and lemma in CARE_PLACES:
                return True
    return False


# Verbs that tell where someone still is: "are still in hospital", "remain in a clinic".
STAYING_VERBS = frozenset({"be", "remain", "stay", "lie"})
# People whose place is a hospital whatever befell anyone: "two doctors are still at the
# clinic" tells nothing of wounds.
CARERS = frozenset({"doctor", "nurse", "medic", "physician", "paramedic", "surgeon", "staff",
                    "volunteer", "worker", "rescuer", "visitor", "relative"})  # fmt: skip


def _kept_in_care(subject: Token, verb: Token) -> bool:
    """Whether the people of ``subject`` are told as still kept in a hospital or clinic
    after an act ("Four other people remain in hospital", "Two people are still in
    hospital", "One officer is still in the clinic"): they are its wounded, as those "still
    being treated" are. The verb says where they are and nothing more ("be", "remain",
    "stay", "lie"), and "in" or "at" a care place says where; the staff of a hospital
    ("two doctors are still at the clinic") are no wounded. "Unit" is a care place only
    as an intensive-care unit: "two soldiers remain in the unit" is their army's."""
    if verb.lemma_.lower() not in STAYING_VERBS or subject.lemma_.lower() in CARERS:
        return False
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            lemma = obj.lemma_.lower()
            if lemma == "unit" and not any(c.lower_ == "care" for c in obj.children):
                continue
            if lemma in CARE_PLACES:
                return True
    return False


# Verbs that carry the hurt to care: "were taken to hospital", "rushed to a clinic".
CARRIED_VERBS = frozenset({"take", "rush", "admit", "evacuate", "airlift", "fly", "ferry"})


def _taken_to_care(subject: Token, verb: Token, words: CountWords) -> bool:
    """Whether a passive verb carrying its subject to a hospital or clinic tells the people
    of its subject are the wounded: "a dozen villagers had been carried to clinics", "Eleven people
    were rushed to hospital", "six soldiers were admitted to the military hospital". Bodies
    taken there are the dead's ("12 bodies were taken to the hospital"), and people taken
    anywhere else ("to a camp") are nothing."""
    if verb.lemma_.lower() not in CARRIED_VERBS or subject.lemma_.lower() in words.remains:
        return False
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into")):
        if any(o.dep_ == "pobj" and o.lemma_.lower() in CARE_PLACES for o in prep.children):
            return True
    return False


def _shared_passive_kind(verb: Token, words: CountWords) -> tuple[str, Token] | None:
    """The kind a passive verb coordinated with ``verb`` gives their shared subject: "the
    reporter was shot and killed" (killed), "two guards were beaten and wounded" -- the
    later participle has no subject of its own, so it tells what befell the same people."""
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue
        if (kind := _kind(conj, words)) is not None:
            return kind, conj
    return None


def _compound_lemma(token: Token) -> str:
    comp = next((c for c in token.children if c.dep_ in ("compound", "amod")), None)
    return comp.lemma_ if comp is not None else ""


def _has_number(noun: Token) -> bool:
    return any(c.dep_ == "nummod" for c in noun.children)


def _in_subset(tokens: Sequence[Token], words: CountWords) -> frozenset[int]:
    """The tokens inside "including ...", "among them ...": part of another count. Read
    down from each such preposition once per document (its subtree holds exactly the
    tokens it is an ancestor of), not up from every token; after "among them" the named
    members run on to the next comma, however the parse hangs them ("killing five
    people, among them a woman, and ...": the woman is one of the five)."""
    found: set[int] = set()
    for a in tokens:
        if _lists_members(a, words):
            found.update(t.i for t in a.subtree)
            continue
        if a.lower_ not in words.subset_words or a.dep_ != "prep":
            continue
        found.update(t.i for t in a.subtree if t.i != a.i)
        last = a.right_edge
        if last.lower_ in words.pronouns and last.i == a.i + 1:
            doc = a.doc
            j = last.i + 1
            while j < len(doc) and not doc[j].is_punct and not doc[j].is_sent_start:
                found.add(j)
                j += 1
    return frozenset(found)


def _lists_members(appos: Token, words: CountWords) -> bool:
    """Whether ``appos`` heads a list of the people a number just counted, set after it in
    apposition: "Nine people died in the bombing: seven guards and the cook", "two
    soldiers, a sergeant and a private, were killed". The listed people are the counted
    ones told again, part of that count and no count of their own."""
    if appos.dep_ != "appos" or appos.i < appos.head.i:
        return False
    return _has_number(appos.head) and is_people(appos.head, words)


def _single(noun: Token, words: CountWords) -> bool:
    """One person: "a soldier", "the driver", a named person (not "soldiers", "no one")."""
    if noun.dep_ in ("compound", "poss", "amod") or noun.tag_ not in ("NN", "NNP", "PRP"):
        return False
    if _has_number(noun):
        return False
    if noun.ent_type_ == "PERSON" or noun.lower_ in ("he", "she"):
        return True
    if noun.tag_ == "NNP" and any(
        c.dep_ == "compound" and c.i < noun.i and c.tag_ == "NNP" and is_people(c, words)
        for c in noun.children
    ):
        return True  # a name after a title the model did not label: "Constable Ravi Das"
    if noun.lemma_.lower() in COLLECTIVE:
        return False
    det = next((c for c in noun.children if c.dep_ in ("det", "poss")), None)
    if det is None:  # headline style: "Gunmen kill police officer"
        return noun.dep_ in ("dobj", "nsubjpass") and noun.tag_ == "NN" and is_people(noun, words)
    single_det = det.dep_ == "poss" or det.lower_ in SINGLE_DETS
    return single_det and (
        is_people(noun, words)
        or noun.lemma_.lower() in words.remains
        or _listed_with_people(noun, words)
    )


def _listed_with_people(noun: Token, words: CountWords) -> bool:
    """Whether a noun is one more person listed after people counted by a number:
    "killing three rangers and a cook", "wounded two guards and a trainee". A list joins
    like with like, so a noun our word list lacks is a person when the list it closes
    counts people ("three rangers"); a list of things ("two trucks and a car") or of people
    without a number ("the guards and a dog") says nothing of it. Only an indefinite
    noun is one more person: in "the killing of 1 policeman and 1 fighter and the injuring
    of 5" the last member of the list is an act."""
    if noun.dep_ != "conj" or noun.tag_ != "NN":
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children):
        return False
    first = noun.head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first.pos_ == "NOUN" and _has_number(first) and is_people(first, words)


def _owned_event(noun: Token, words: CountWords) -> tuple[str, Token] | None:
    """One victim in "his death", "the envoy's assassination" (not "his killing of five")."""
    kind = words.kind_of.get(noun.lemma_.lower())
    if kind is None or noun.pos_ != "NOUN" or noun.tag_ != "NN":
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None
    if owner.lower_ in ("his", "her") or owner.ent_type_ == "PERSON" or is_people(owner, words):
        return kind, noun
    return None


def _count(
    ctx: DocContext,
    kind: str,
    value: int,
    qualifier: str | None,
    start: int,
    noun: Token,
    update: str | None = None,
) -> Count:
    end = noun.idx + len(noun.text)
    if end <= start:  # "a family of three": from the noun's phrase to the number
        number = next((t for t in noun.subtree if t.idx == start), noun)
        start, end = noun.left_edge.idx, number.idx + len(number.text)
    span = Span(max(start, 0), end, ctx.text[max(start, 0) : end])
    return Count(kind=kind, value=value, qualifier=qualifier, text=span.text,
                 evidence=ctx.evidence(ctx.view.sent(noun)), span=span, update=update)  # fmt: skip


def _stated(found: tuple[str, Token] | None) -> str | None:
    """The kind of a count whose cue is stated as having happened ("tried to kill" is not)."""
    if found is None:
        return None
    kind, cue = found
    if cue.dep_ in ("xcomp", "acl") and cue.head.lemma_.lower() in ATTEMPT_WORDS:
        return None  # "tried to kill", "an attempt to assassinate"
    coordination = cue.head if cue.dep_ == "conj" else cue
    members = [coordination, *(c for c in coordination.children if c.dep_ in ("conj", "advcl"))]
    if any(c.dep_ == "cc" and c.lower_ == "or" for m in members for c in m.children):
        return None  # "killed, injured or captured": which one is not said
    return None if modality_of(cue)[1] in UNCOUNTED_MODALITIES else kind


def _counts_people(tok: Token, words: CountWords) -> bool:
    """A number the model labels a date or time that counts people all the same: "Between
    10 and 15 soldiers were killed" (a date never counts soldiers), "wounding 31"."""
    if tok.ent_type_ not in ("DATE", "TIME") or number_value(tok) is None:
        return False
    if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and _kind(tok.head, words):
        # the bare object of a casualty verb: "killing 12 and wounding 31, according to
        # medics" (the model may call 31 a date); not beside a month ("wounded 31 May")
        doc = tok.doc
        near = {doc[i].lower_.rstrip(".") for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)}
        return near.isdisjoint(MONTH_WORDS)
    head = tok.head
    while head.dep_ == "conj" and head.head.i != head.i and head.pos_ == "NUM":
        head = head.head  # "10 and 15 soldiers": 15 is a conjunct of 10
    noun = head if tok.dep_ == "nummod" else head.head if head.dep_ == "nummod" else head
    return noun.pos_ in ("NOUN", "PROPN") and is_people(noun, words)


def _range_low(tok: Token, value: int) -> tuple[int, str | None]:
    """A range of people counts as its lower bound, qualified "between": "killed 10 to 15
    people" and "between 10 and 15 soldiers" are at least 10 (the upper bound is a guess
    the report does not stand by)."""
    for child in tok.children:
        if child.dep_ == "quantmod" and (low := number_value(child)) is not None:
            return min(low[0], value), "between"  # "10 to 15": 10 hangs on 15
    if any(c.dep_ == "conj" and number_value(c) is not None for c in tok.children):
        return value, "between"  # "between 10 and 15": 15 is 10's conjunct
    return value, None


def extract_counts(ctx: DocContext) -> dict[str, list[Any]]:
    """Counts of people, and the running or period totals among them as statistics
    (:mod:`eventwire.extract.totals`): a war's toll is no event's count."""
    words = ctx.resources.count_words
    counts: list[Count] = []
    withdrawn: set[int] = set()  # figures an earlier report gave (see :func:`superseded`)
    landmarks: dict[int, tuple[int, int]] = {}  # count -> the clause it is told in
    partitives: set[int] = set()  # counts told as "three of whom": see _parts_told_again
    statistics: list[Statistic] = []
    in_body = ctx.view.zones.in_body
    in_subset = _in_subset(ctx.view.tokens, words)
    for tok in ctx.view.tokens:
        if not in_body(tok.idx):
            continue  # a headline or caption restates the body's count: it adds none
        if (found := _elided_ordinal(tok, words)) and (kind := _stated(found)):
            counts.append(_count(ctx, kind, 1, None, tok.left_edge.idx, tok))  # "a third"
            continue
        refused = tok.ent_type_ in REFUSED_ENTS and not _counts_people(tok, words)
        if refused or tok.i in in_subset:
            continue  # years, money, percentages; "including an imam"
        parsed = number_value(tok)
        if parsed is None:
            found = kind_for(tok, tok, words) if _single(tok, words) else _owned_event(tok, words)
            if kind := _stated(found):
                start = next((c.idx for c in tok.lefts if c.dep_ in ("det", "poss")), tok.idx)
                nth = ordinal_toll(tok) if kind == "killed" else None
                if nth is not None:  # "a fifth soldier died": 5 now
                    counts.append(_count(ctx, kind, nth, None, start, tok, "total"))
                else:
                    counts.append(_count(ctx, kind, 1, None, start, tok))
                if found is not None and (landmark := measured_landmark(found[1])) is not None:
                    landmarks[len(counts) - 1] = (landmark.left_edge.idx, _end(landmark.right_edge))
            continue
        if tok.dep_ == "appos" or (tok.i > 0 and tok.nbor(-1).lower_ in MULTIPLIERS):
            continue  # ages ("Haftar, 73,")
        if tok.lower_ in MULTIPLIERS and tok.i > 0 and number_value(tok.nbor(-1)) is not None:
            continue  # "thirteen thousand": read at "thirteen"
        value, how = parsed
        value, ranged = _range_low(tok, value)
        noun = counted_noun(tok)
        if noun.i != tok.i and not _counts_whom(noun, words):
            found = _state_of(tok, noun, words)  # "left 14 dead"
            if found is None:
                continue  # counts vehicles, weapons, days...
            noun = tok
        elif noun.head.lower_ == "of" and noun.head.head.i == tok.i and _has_number(noun):
            continue  # "2 of the 14 fishermen" is part of the 14
        else:
            found = kind_for(noun, tok, words)
        kind = _stated(found)
        if found is None or kind is None:
            continue
        if landmark_toll(found[1]):
            continue  # "came hours before the raid in which six were killed": another's
        qualifier = ranged or qualifier_of(tok) or how
        if total := total_of(ctx, found[1], tok, kind, value, qualifier):
            statistics.append(total)  # "has killed 3,000 since April": the war's, no event's
            continue
        start = tok.idx - len(qualifier) - 1 if qualifier and qualifier != "word" else tok.idx
        update = update_mark(tok, noun, found[1])
        counts.append(_count(ctx, kind, value, qualifier, start, noun, update))
        if noun.lower_ in RELATIVE_PARTITIVES and noun.head.lower_ == "of":
            partitives.add(len(counts) - 1)
        if superseded(found[1]):
            withdrawn.add(len(counts) - 1)
        if (landmark := measured_landmark(found[1])) is not None:
            landmarks[len(counts) - 1] = (landmark.left_edge.idx, _end(landmark.right_edge))
    # a figure an earlier report gave is withdrawn when the story gives one of its own
    told = {c.kind for n, c in enumerate(counts) if n not in withdrawn}
    # a toll told only to place the sentence's act in time is another act's
    landmarked = _landmark_tolls(counts, landmarks)
    parts = _parts_told_again(counts, partitives)
    kept = [n for n in range(len(counts))
            if n not in landmarked | parts
            and (n not in withdrawn or counts[n].kind not in told)]  # fmt: skip
    # a side's figure another side disputes gives way to the story's own
    disputed = _given_way(ctx, [counts[n] for n in kept])
    counts = [counts[n] for k, n in enumerate(kept) if k not in disputed]
    return {"counts": counts, "statistics": statistics}


# The relative pronouns a partitive count stands on: "three of whom", "two of which".
RELATIVE_PARTITIVES = frozenset({"whom", "which"})


def _parts_told_again(counts: list[Count], partitives: set[int]) -> set[int]:
    """The indexes of ``partitives`` ("Nine people were wounded, three of whom are still
    being treated") that are a part of a count told just before them in their sentence:
    one of the same kind, no smaller. The relative pronoun takes its people from that
    count, so its figure is no count of its own; a part of another kind stays ("seven
    were wounded, two of whom later died": two killed)."""
    parts = set()
    for n in partitives:
        part = counts[n]
        if any(
            whole.evidence.sentence == part.evidence.sentence
            and whole.kind == part.kind
            and whole.value >= part.value
            and whole.span is not None
            and part.span is not None
            and whole.span.end <= part.span.start
            for whole in counts[:n]
        ):
            parts.add(n)
    return parts


def _given_way(ctx: DocContext, counts: list[Count]) -> set[int]:
    """The indexes of ``counts`` a side disputes (:mod:`eventwire.extract.count_disputes`:
    "..., a figure the army did not confirm"; "The army called the figure propaganda")
    that give way to another figure of their kind for the same people that nobody
    disputes ("killing five soldiers" beside "18 soldiers had died, a figure the army did
    not confirm"). The figure a mark names is the last one told before it, in its sentence
    or the one before."""
    view = ctx.view
    disputed: set[int] = set()
    for mark in dispute_marks(view.tokens):
        here = view.sent_no(mark)
        before = [n for n, c in enumerate(counts) if c.span is not None
                  and c.span.start < mark.idx
                  and here - MARK_REACH <= view.sent_at_char(c.span.start) <= here]  # fmt: skip
        if before:
            disputed.add(before[-1])
    nouns = [_counted_lemma(ctx, c) for c in counts]

    def same_people(m: int, n: int) -> bool:
        return counts[m].kind == counts[n].kind and (
            None in (nouns[m], nouns[n]) or nouns[m] == nouns[n]
        )

    undisputed = [m for m in range(len(counts)) if m not in disputed]
    return {n for n in disputed if any(same_people(m, n) for m in undisputed)}


def _counted_lemma(ctx: DocContext, count: Count) -> str | None:
    """The lemma of the noun a count counts ("five soldiers": soldier), None for a bare
    number ("killing five")."""
    if count.span is None:
        return None
    last = ctx.doc.char_span(count.span.end - 1, count.span.end, alignment_mode="expand")
    if last is None or not len(last) or last[-1].like_num:
        return None
    return last[-1].lemma_.lower()


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _landmark_tolls(counts: list[Count], landmarks: dict[int, tuple[int, int]]) -> set[int]:
    """The counts told inside a clause placing another act a length of time from the act
    of their sentence (:func:`~eventwire.extract.totals.measured_landmark`: "Troops killed
    six fighters on Wednesday, a day after a roadside bomb killed four police officers"),
    when that sentence's act has a toll of its own outside the clause: the other act is
    named to place it in time, and its toll is no count of the story (the four). A
    sentence whose only toll is inside such a clause ("A week after an air strike killed
    20 people, residents are still burying the dead") keeps it."""
    dropped = set()
    for n, (start, end) in landmarks.items():
        sentence = counts[n].evidence.char_start
        if any(
            m != n
            and c.evidence.char_start == sentence
            and c.span is not None
            and not start <= c.span.start < end
            for m, c in enumerate(counts)
        ):
            dropped.add(n)
    return dropped


# A source told as superseded by what the story now says: "an earlier version of this
# report", "initial reports", "earlier figures from medics", "the first count".
EARLIER_WORDS = frozenset({"earlier", "initial", "first", "previous", "original", "preliminary"})
SOURCE_NOUNS = frozenset({"version", "report", "figure", "estimate", "account", "count", "tally",
                          "toll", "statement", "story"})  # fmt: skip


def superseded(cue: Token) -> bool:
    """Whether the figure whose cue is ``cue`` is told as given by an earlier report that
    the story corrects or updates: "An earlier version of this report said six people had
    died", "Earlier counts by rescuers had set the toll at nine", "Initial reports
    said four soldiers were killed". The subject of the cue's verb, or of the verb of
    saying above it, is a report or figure called earlier; such a figure is no count when
    the story gives its own of that kind (see :func:`extract_counts`)."""
    node = cue
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if (
                subject is not None
                and subject.lemma_.lower() in SOURCE_NOUNS
                and any(c.dep_ == "amod" and c.lower_ in EARLIER_WORDS for c in subject.children)
            ):
                return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


@extractors.register("counts")
class Counts(Component):
    """Casualty and people counts ("killing 12 civilians")."""

    name = "counts"
    requires = ("mentions", "places", "timexes")  # a total's actor, place and period
    assigns = ("counts", "statistics")

    def __call__(self, ctx: DocContext) -> dict[str, list[Any]]:
        return extract_counts(ctx)
