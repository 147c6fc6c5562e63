"""One spaCy entity made an actor candidate, or dropped.

:func:`name_candidate` trims the entity, reads a title before it as a role, decides
whether a person-, body- or place-tagged name is what it was tagged (a town the model
took for a person is a place; a capital in an agent's role stands for its state), and
drops junk (:mod:`eventwire.extract.notactors`).
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.extract.demonyms import country_owned, demonym_cand
from eventwire.extract.descriptions import known_as_group
from eventwire.extract.mention_trim import (
    ORG_HEADS,
    kb_type_of,
    place_institution,
    trim_entity,
    words_before,
)
from eventwire.extract.namephrases import (
    ARMED_PEOPLE,
    BODY_NOUNS,
    Cand,
    armed_branch_country,
    names_a_body,
    names_a_group,
    names_armed_group,
    state_forces_cand,
)
from eventwire.extract.namephrases import (
    ORG_HEADS as BODY_HEADS,
)
from eventwire.extract.notactors import (
    counted_people,
    is_calendar_word,
    is_common_word,
    is_date_stamp,
    names_a_platform,
    settlement_appositive,
    stance_length,
    without_mojibake,
)
from eventwire.extract.titles import is_title, strip_titles, title_before
from eventwire.extract.tongues import in_another_tongue
from eventwire.knowledge.wordcase import WordCase

SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def names_places(text: str, is_place: Any) -> bool:
    """A place's name, places coordinated in one entity ("Kharkiv and Izium"), or a
    place inside another ("Mekele in Tigray")."""
    parts = re.split(r",\s*(?:and\s+)?|\s+(?:and|in)\s+", text)
    return all(p and is_place(p) for p in parts)


def name_candidate(
    ent: Any,
    kb: Any,
    words_of_doc: tuple[set[str], set[str]],
    is_place: Any,
    word_case: WordCase,
) -> Cand | None:
    doc = ent.doc
    ent = trim_entity(ent, kb)
    if ent is not None and (stance := stance_length(ent)):
        label, ent = ent.label_, doc[ent.start + stance : ent.end] if stance < len(ent) else None
        if ent is not None:
            ent.label_ = label  # "anti-Houthi National Resistance": the name after the stance
    if ent is None:
        return None
    # an article before a name is no part of it ("the", and "a Supreme Council of ...")
    # a page's quote marks read in the wrong code page are no part of a name
    surface = kb.keys.surface(without_mojibake(ent.text))
    text = re.sub(r"^(?:the|an?)\s+", "", surface, flags=re.IGNORECASE)
    text = re.sub(r"\b(al|el|ad|as|an|ar|at)-\s+", r"\1-", text, flags=re.IGNORECASE)
    if not any(ch.isalpha() for ch in text):
        return None
    if (
        ent.label_ == "NORP"
        and kb.country_by_demonym(text) is None
        and title_before([t.text for t in words_before(doc, ent.start)])
    ):
        ent.label_ = "PERSON"  # "the trust's head mahant ram das": a titled name, no people
    if ent.label_ == "NORP":
        if counted_people(list(ent)) or (
            kb.country_by_demonym(text) is None and names_places(text, is_place)
        ):
            return None  # people counted; a town the model took for a people ("Khan Yunis")
        return demonym_cand(ent, text, kb)
    entry = kb.lookup(text)
    if entry is not None and kb.lookup_exact(text) is None and names_places(text, is_place):
        entry = None  # a town spelt like a surname ("Gorazde" ~ Karzai): the town
    role = None
    start = ent.start
    if entry is not None and (titled := titled_kb_name(ent, text, entry, kb)) is not None:
        start, text, role = titled  # "Captain X", a KB alias: X, role "Captain"
    if entry is None:
        stripped, role = strip_titles(text)
        if (
            role
            and not word_case.is_common_lowercase_word(
                stripped.split()[-1]
            )  # "UN General Assembly"
            and (
                ent.label_ == "PERSON"
                or " " in role
                or role.endswith(".")
                or kb_type_of(kb, stripped) == "person"
                # "General Mahamat" tagged as a body: a titled name is a person
                or (
                    ent.label_ == "ORG"
                    and len(stripped.split()) <= 2
                    and not names_a_body(list(ent))
                )
            )
        ):
            text = stripped
            entry = kb.lookup(text)
            start = _after_title(ent, stripped)  # the span is the name, as for a KB name
        else:
            role = None
    if entry is not None and (owned := country_owned(kb, entry, ent)) is not None:
        return owned
    if entry is None and (iso3 := armed_branch_country(text, kb)):
        return state_forces_cand(kb, iso3, ent.start, ent.end)  # "the Kenya Defence Forces"
    words = [t.text for t in words_before(doc, ent.start)]
    role = role or title_before(words)
    if (
        entry is None
        and role
        and ent.label_ == "ORG"
        and len(ent) <= _titled_length(ent, word_case)
        and not names_a_body(list(ent))
    ):
        ent.label_ = "PERSON"  # "Gen. Tiani", "Colonel Bakari": a titled name is a person
    if entry is None and role is None and _not_a_name(ent, text, *words_of_doc, word_case):
        return None
    label = ent.label_
    if (
        entry is None
        and label in ("PERSON", "ORG")
        and role is None
        and names_places(text, is_place)
        and not (label == "ORG" and names_armed_group(ent))  # "Hamas fighters" (not Hamm)
    ):
        label = "GPE"  # "Misrata", "Kidal": a place the model took for a person or group
    if entry is None and label == "PERSON" and role is None:
        label = person_or_body(ent, words_of_doc[1])
        if label is None:
            return None  # "Tuareg fighters": a people naming a group, read with its noun
    if entry is None and label == "GPE" and names_armed_group(ent) and not is_place(text):
        label = "ORG"  # "M23 rebels", "the M23 rebel group": the group's name, no place
    if entry is None and label == "GPE":
        iso3 = kb.country_of_capital(text)
        if (body := place_institution(doc, ent.end)) is not None:
            # "Tyre's civil defence agency reported": the place's own body is the actor
            name = doc[ent.start : body].text
            found = kb.lookup(name)
            return Cand(ent.start, body, "ORG", name, kb_id=found.id if found else None,
                        kb_type=found.type if found else None)  # fmt: skip
        if not _agent_role(ent.root) or (
            iso3 is None and described_as_place(ent.root, is_place(text))
        ):
            return None  # a city in running text is a place, not an actor
        if iso3:  # "Moscow said": the capital stands for the state
            country = kb.country(iso3)
            return Cand(
                ent.start,
                ent.end,
                "GPE",
                country.name if country else text,
                affiliation=iso3,
                group_hint=f"aff:{iso3}",
            )
    affiliation = next((a for w in words if (a := kb.country_by_demonym(w))), None)
    given = given_names_before(ent, kb, word_case) if label == "PERSON" and entry is None else start
    if given < start == ent.start:  # (a stripped title ends the name's words before it)
        text = f"{doc[given : ent.start].text} {text}"  # "Moses" of "Moses Kiptoo"
        start = given
    return Cand(
        start,
        ent.end,
        label,
        text,
        role=role,
        affiliation=affiliation,
        kb_id=entry.id if entry else None,
        kb_type=entry.type if entry else None,
    )


# Labels of things the tagger gives names that a sentence may use as an actor's (not a
# place's: "Darfur rebels" names no body).
THING_LABELS = frozenset({"FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})
# Nouns of one person a name in apposition makes a person: "its spokeswoman, X, said".
PERSON_APPOSITIVES = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "commander", "leader", "chief", "official",
     "governor", "mayor", "founder", "representative"}
)  # fmt: skip
# Nouns of armed people or an organised body a name may qualify: "X fighters", "the X gang".
BODY_MODIFIED = ARMED_PEOPLE | BODY_NOUNS | frozenset({"federation", "alliance", "member"})
ACTING_VERBS = frozenset({"say", "claim", "deny", "accuse", "announce"})


def actor_by_use(ent: Any) -> Any:
    """A name the tagger labelled a thing (a facility, a product, a law: :data:`THING_LABELS`)
    that the sentence uses as an actor's, relabelled by that use: in apposition to a
    person's noun ("the group's spokeswoman, Aye Nwe Hlaing, said"): a person; qualifying
    armed people or a body ("the G7 federation", "three Kestrel fighters"), or the subject
    of a verb of saying or claiming ("the National Security Committee said"): a body. Else
    None: a bridge, a law or a battle stays a thing."""
    root = ent.root
    head = root.head
    if not any(t.text[:1].isupper() for t in ent):
        return None
    qualifies = (
        root.dep_ in ("compound", "amod", "nmod")
        and head.i >= ent.end
        and head.is_lower
        and head.lemma_.lower() in BODY_MODIFIED
    )
    speaks = root.dep_ == "nsubj" and head.lemma_.lower() in ACTING_VERBS and len(ent) > 1
    if root.dep_ == "appos" and head.i < ent.start and head.lemma_.lower() in PERSON_APPOSITIVES:
        label = "PERSON"
    elif qualifies or speaks:
        label = "ORG"
    else:
        return None
    span = ent.doc[ent.start : ent.end]
    span.label_ = label
    return span


# Nouns of people a people's name may modify: "Tuareg fighters", "Karen villagers".
PEOPLE_HEADS = frozenset({"fighter", "rebel", "militia", "militiaman", "militant",
                          "insurgent", "guerrilla", "villager", "civilian", "community",
                          "leader", "elder", "tribesman", "refugee", "group", "force",
                          "people", "region", "area", "state"})  # fmt: skip


def person_or_body(ent: Any, family_names: set[str]) -> str | None:
    """The label of a name the model tagged as a person, by how it is used:

    * ending in an organisation's head word, it is a body ("the Azawad Front", "the
      Patriotic Salvation Movement"): ORG; so is a name with a group's word anywhere in it
      ("Daesh Sistan", "Harakat Nasr al-Din"), and one said to be known as a group or a
      state's forces ("the Sitkaw, as the country's armed forces are widely known");
    * several words after "the" and modifying nothing, it is a body: a person's name takes
      no article ("the Nadia Farouk Institute", "the Ansar al-Qadr"): ORG;
    * one word after "the" and modifying nothing, it is a people ("the Karen fought", "the
      Hazara protested"): NORP;
    * one word modifying a noun of people ("Tuareg fighters", "Karen villagers"), it names
      a people, read with its noun as an unnamed group (None: no mention of its own).

    A family name of someone the article names in full stays a person ("Khalifa Haftar ...
    the Haftar camp")."""
    if names_a_body(list(ent)) or names_a_group(list(ent)) or known_as_group(ent.doc, ent.end):
        return "ORG"
    if len(ent) > 1 and _after_article(ent):
        return "ORG"
    if len(ent) != 1 or ent[0].lower_ in family_names:
        return "PERSON"
    word, doc = ent[0], ent.doc
    if word.dep_ in ("compound", "amod") and word.head.i > word.i:
        if word.head.lemma_.lower() in PEOPLE_HEADS and word.head.pos_ == "NOUN":
            return None
        return "PERSON"
    if ent.start > 0 and doc[ent.start - 1].lower_ == "the":
        return "NORP"
    return "PERSON"


def _after_article(ent: Any) -> bool:
    """Whether a name stands right after "the" (inside the entity or before it) and
    modifies no noun after it ("the Bush administration" is the man's)."""
    doc = ent.doc
    first = ent[0] if ent[0].lower_ == "the" else doc[ent.start - 1] if ent.start > 0 else None
    root = ent.root
    modifies = root.dep_ in ("compound", "amod", "nmod") and root.head.i >= ent.end
    return first is not None and first.lower_ == "the" and not modifies


def _titled_length(ent: Any, word_case: WordCase) -> int:
    """How many words a name after a person's title may have and still be read as a
    person's when the model tagged it a body: two ("Gen. Tiani"), or four when none of
    them is a common English word or an organisation's head word ("Prime Minister Ravi
    Kumar Sharma", often tagged a body in a one-case text the parser read case-restored;
    "Chairman Kestrel Harbour Shipping Lines" and "the leader national unity front" stay
    bodies)."""
    words = [t for t in ent if t.is_alpha]
    plain_name = not any(
        t.lower_ in BODY_HEADS | ORG_HEADS or word_case.is_common_lowercase_word(t.lower_)
        for t in words
    )
    return 4 if plain_name else 2


def _agent_role(root: Any) -> bool:
    """A place name acts only as a subject ("Kyiv said", "Tripoli was warned") or as the
    agent of a passive ("blamed by Washington"); elsewhere it is where something happened."""
    if root.dep_ in SUBJECT_DEPS:
        return True
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


# Verbs whose subject a place is as a place: "X is home to", "X lies 30 km from", "X
# borders Y", "X fell to the rebels", "X has seen clashes", "where X meets Y".
PLACE_VERBS = frozenset(
    {"be", "become", "lie", "sit", "stand", "border", "neighbour", "neighbor", "remain",
     "fall", "see", "meet", "host", "straddle", "stretch"}
)  # fmt: skip
# The verbs of :data:`PLACE_VERBS` no person is the subject of: "X lies 30 km from", "X
# borders Y" ("X was at home", "X fell ill", "X met the envoy" may be a person's).
PLACE_ONLY_VERBS = frozenset({"lie", "border", "neighbour", "neighbor", "straddle", "stretch"})
# Verbs of holding ground whose passive subject a place is: "X is held by the rebels", "X
# was captured in May", "X has been besieged since".
HELD_VERBS = frozenset(
    {"hold", "control", "capture", "seize", "retake", "recapture", "besiege", "surround",
     "encircle", "occupy", "overrun"}
)  # fmt: skip


def described_as_place(root: Any, known: bool) -> bool:
    """A place's name in a subject's seat that the sentence describes as a place, not as
    an actor: an appositive calls it a settlement ("Mogok, a ruby-mining town, has been
    held by ...", "Dagestan, a mainly Muslim region, saw ...": see
    :func:`~eventwire.extract.notactors.settlement_appositive`), or its verb tells where or
    what it is (:data:`PLACE_VERBS`: "Zamfara is one of the states worst hit", "Kharkiv
    lies 30 km from the border", "Bukavu fell to the rebels"), or it is ground held
    (:data:`HELD_VERBS`: "Derna is held by a coalition"). "Tigray said", "Kyiv accused",
    "Tripoli was warned" stay actors. For a name the gazetteer does not know (``known``
    false) only a verb no person takes decides (:data:`PLACE_ONLY_VERBS`): "Karim Nassar,
    29, was at home", "... was captured", a person the tagger took for a place, stays a
    name to read."""
    if settlement_appositive(root):
        return True
    verb = root.head.lemma_.lower()
    if root.dep_ == "nsubjpass":
        return known and verb in HELD_VERBS  # "Derna is held by a coalition of fighters"
    return root.dep_ == "nsubj" and verb in (PLACE_VERBS if known else PLACE_ONLY_VERBS)


def _not_a_name(ent: Any, text: str, lowercase: set[str], names: set[str], words: WordCase) -> bool:
    """Junk the tagger took for a name (see :mod:`eventwire.extract.notactors`): a weekday
    or month alone or a time stamp, a lone capitalised common word, a platform named as
    where one wrote, words of a Hindi or Urdu sentence in Latin letters."""
    if names_a_platform(ent.root):  # "on his Twitter account"
        return True
    if in_another_tongue([t.text for t in ent]):  # "yeh meri marzi": a quote in Hindi
        return True
    if len(ent) != 1:
        return is_date_stamp(text)  # "Wed Apr 6, 2016 9:12": a wire story's time stamp
    return is_calendar_word(text) or is_common_word(ent[0], words, lowercase, names)


def given_names_before(ent: Any, kb: Any, word_case: WordCase) -> int:
    """The first token of a person's name the model cut short ("Mahamat Idriss Deby" tagged
    from "Idriss", "Moses Kiptoo" from "Kiptoo"): capitalised proper nouns right before it
    that the parse joins to it, in no entity of their own, no title and no country's name
    or demonym, no common word ("President", "Nigerian", "Commissioner" stay out)."""
    first = ent.start
    doc = ent.doc
    while first > ent.sent.start and first - ent.start > -3:
        tok = doc[first - 1]
        if not (tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha and tok.ent_type_ == ""):
            break
        if tok.dep_ != "compound" or not ent.start <= tok.head.i < ent.end:
            break
        if is_title(tok.text) or kb.country_by_demonym(tok.text) or kb.is_country_name(tok.text):
            break
        if word_case.is_common_lowercase_word(tok.lower_):
            break
        first -= 1
    return first


def _after_title(ent: Any, name: str) -> int:
    """The first token of ``name``, the end of ``ent`` once its title is stripped."""
    cut = ent.start_char + len(ent.text) - len(name)
    return next((t.i for t in ent if t.idx >= cut), ent.start)


def titled_kb_name(ent: Any, text: str, entry: Any, kb: Any) -> tuple[int, str, str] | None:
    """(first token, name, title) of a KB name written with a title the KB also lists
    ("Captain X", "Colonel Y"): the title is the role, the name the words after it."""
    name, role = strip_titles(text)
    if role is None or (found := kb.lookup(name)) is None or found.id != entry.id:
        return None
    cut = ent.start_char + len(ent.text) - len(name)
    first = next((t.i for t in ent if t.idx >= cut), None)
    return (first, name, role) if first is not None and first > ent.start else None
