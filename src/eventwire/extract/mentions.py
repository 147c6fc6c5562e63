"""Actor mentions in one document, grouped by the entity they name.

Candidates are spaCy entities that can be actors, plus names the model missed:
KB names and acronyms written in the text, and later mentions of a surname the
document already introduced. Each mention is cleaned (brackets, possessives,
titles moved to ``role``), demonyms become an ``affiliation`` (an ISO3 code),
and mentions of one entity share a ``group``: full name then surname, spelling
variants, acronym and expansion, one KB entry. The group's label is voted over its
mentions and the KB, so one mislabelled mention does not decide the type.

Unnamed actors are mentions too: a common noun that names a group of people
("police", "gunmen", "dozens of workers", "security forces"; the list is
``[actors]`` in the ontology) becomes a mention labelled ``GROUP``, qualified by a
nationality adjective or "of/from <country>" when the text gives one ("Syrian
rebels"). All mentions of one such noun and country in a document are one group.
A noun owned by a name ("Haftar's forces", "GNA fighters") is left to the role
filler, which reads it as that name's forces.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from eventwire.extract.aliases import (
    acronym_pairs,
    cue_pairs,
    names_after_cues,
)
from eventwire.extract.component import Component
from eventwire.extract.context import DocContext
from eventwire.extract.datelines import colon_datelines, credit_brackets, dateline_prefix
from eventwire.extract.descriptions import definite_descriptions, known_as_group, names_known_by
from eventwire.extract.docview import DocView
from eventwire.extract.locatives import locative_country
from eventwire.extract.namephrases import (
    ARMED_BRANCH,
    ARMED_NOUNS,
    ARMED_PEOPLE,
    Cand,
    CountriesOfDocument,
    coalitions,
    described_nouns,
    given_names,
    group_word_before,
    headed_names,
    is_acronym,
    lead_name,
    linked_end,
    lone_person,
    named_owner_after,
    names_a_body,
    names_a_group,
    names_armed_group,
    sent_forces,
    state_forces_cand,
    taken_tokens,
    titled_names,
)
from eventwire.extract.namephrases import (
    ORG_HEADS as BODY_HEADS,
)
from eventwire.extract.notactors import (
    NUMBER_WORDS,
    before_place_noun,
    counted_people,
    division_test,
    in_settlement_phrase,
    is_calendar_word,
    is_common_word,
    is_date_stamp,
    named_by_place_noun,
    names_a_platform,
    place_test,
    settlement_appositive,
    stance_length,
    stance_objects,
    without_mojibake,
)
from eventwire.extract.things import before_thing_noun, named_by_thing_noun
from eventwire.extract.titles import is_title, strip_titles, title_before
from eventwire.extract.tongues import in_another_tongue
from eventwire.extract.wire_credits import wire_credits
from eventwire.knowledge.kb import name_letters
from eventwire.knowledge.ontology import Ontology
from eventwire.knowledge.wordcase import WordCase
from eventwire.model import GROUP_LABEL, Mention, Span
from eventwire.registry import extractors
from eventwire.text.names import clean_surface, plain_key
from eventwire.text.translit import family_key, name_key

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
KB_LABELS = {"person": "PERSON", "country": "GPE"}  # every other KB type votes ORG
# Nouns that make a demonym (or a country's possessive) stand for a state actor: "Egyptian
# officials", "Russian forces", "the Serbian parliament", "Israel's high court".
GROUP_NOUNS = frozenset(
    {
        "officials",
        "forces",
        "troops",
        "government",
        "military",
        "army",
        "authorities",
        "diplomats",
        "ministry",
        "navy",
        "jets",
        "warplanes",
        "warships",
        "soldiers",
        "police",
        "intelligence",
        "embassy",
        "delegation",
        "leadership",
        "soldier",
        "policeman",
        "officer",
        # a state's institutions: "the Serbian parliament", "Israel's high court"
        "parliament",
        "court",
        "cabinet",
        "senate",
        "legislature",
        "presidency",
        "judiciary",
        "lawmakers",
        "negotiators",
    }
)
_OWNER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_MAX_NAME_TOKENS = 7
# Plural nouns whose possessive belongs inside an organisation's name ("Tigray People's
# Liberation Front", "Kurdistan Workers' Party"), not to an owner before it.
COLLECTIVE_OWNERS = frozenset(
    ["people", "peoples", "workers", "women", "martyrs", "children", "mothers", "farmers",
     "citizens", "patriots", "mujahideen", "nations", "students", "youth"]
)  # fmt: skip
_LABEL_PRIORITY = {"PERSON": 3, "ORG": 2, "GPE": 1, "NORP": 0}


def extract_mentions(ctx: DocContext) -> dict[str, list[Mention]]:
    doc = ctx.doc
    kb = CountriesOfDocument(ctx.resources.kb, doc)
    lowercase = {t.lower_ for t in ctx.view.tokens if t.is_lower}
    # family names of people named in full ("Condoleezza Rice ... Rice said" keeps "Rice")
    lowercase_names = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    lowercase -= lowercase_names
    is_place = _place_test(ctx)
    words = ctx.resources.word_case
    in_body = ctx.view.zones.in_body
    cands = [
        c
        for ent in doc.ents
        if ent.label_ in ACTOR_LABELS
        if (
            c := _candidate(
                _body_part(ent, in_body), kb, (lowercase, lowercase_names), is_place, words
            )
        )
    ]
    is_division = division_test(ctx.resources.gazetteer)
    cands = [c for c in cands if not _named_by_place_noun(c, is_division)]
    things = _thing_names(doc)  # "the kestrel express": a train, no actor
    cands = [c for c in cands if not _names_a_thing(c, things)]
    cands = _without_overlaps(cands)
    cands = coalitions(ctx.view, cands, kb)
    cands = titled_names(ctx.view, cands, words)
    cands = described_nouns(ctx.view, cands, kb)
    cands += _missed_names(ctx.view, cands, kb)
    cands += headed_names(ctx.view, cands, kb, words)
    cands += names_known_by(ctx.view, cands)  # "The Sitkaw, as the army is known"
    cands += lead_name(ctx.view, cands, words)  # "OUTLET -- Al Nasr said": untagged
    _seat_names(ctx.view.doc, cands, kb)  # "the Gaza health ministry": "Health ministry in Gaza"
    cands += _seat_governments(ctx.view, cands, kb, is_place)
    cands += _group_nouns(ctx.view, cands, kb, ctx.resources.ontology, words, is_place)
    cands = definite_descriptions(ctx.view, cands, ctx.resources.kb)
    cands = _in_body(ctx, cands)
    cands = _states_that_act(doc, cands)
    cands.sort(key=lambda c: (c.start, c.end))
    _same_name_other_case(cands)
    groups = _group(doc, cands, kb)
    labels = _vote_labels(cands, groups)
    mentions = []
    for i, c in enumerate(cands):
        span = doc[c.start : c.end]
        mentions.append(
            Mention(
                article_id=ctx.article.id,
                span=Span(span.start_char, span.end_char, span.text),
                label=labels[groups[i]] if c.group_hint is None else c.label,
                evidence=ctx.evidence(ctx.view.span_sent(span)),
                normalized=c.name,
                role=c.role,
                group=c.group_hint or groups[i],
                affiliation=c.affiliation,
            )
        )
    return {"mentions": mentions}


def _without_overlaps(cands: list[Cand]) -> list[Cand]:
    """One candidate per token: a span widened past its entity ("UN Office for the
    Coordination ..." over "the UN Office") wins over what it covers; longest first."""
    kept: list[Cand] = []
    taken: set[int] = set()
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if not any(i in taken for i in range(c.start, c.end)):
            kept.append(c)
            taken.update(range(c.start, c.end))
    return sorted(kept, key=lambda c: (c.start, c.end))


def _body_part(ent: Any, in_body: Any) -> Any:
    """The words of an entity the tagger ran from a dateline or outlet prefix into the
    lead ("Lake Weekly Post -- Al Nasr" tagged as one name): those in running text after
    any dash, else the entity as it is (dropped later as outside the body)."""
    if in_body(ent.start_char):
        return ent
    start = next((t.i for t in ent if in_body(t.idx)), None)
    if start is None:
        return ent
    doc = ent.doc
    while start < ent.end and doc[start].is_punct:
        start += 1
    if start == ent.end:
        return ent
    span = doc[start : ent.end]
    span.label_ = ent.label_
    return span


def _in_body(ctx: DocContext, cands: list[Cand]) -> list[Cand]:
    """The candidates that start in running text: a name in a headline, byline, caption or
    credit ("AP Photo", "Top photo") is no actor of its own, nor is one that starts in a
    dateline ("TRIPOLI - Forces", "PUNE: the police ...") or its credit bracket ("(Wire -
    Point News - 25th Oct, 2024)"), nor a wire story's outlet and makers ("GOMA (Wire) -",
    "(Reporting by A; editing by B)") wherever the page put them."""
    view, in_body = ctx.view, ctx.view.zones.in_body
    credits = credit_brackets(view.text)  # "(Wire - Daily Point News - 25th Oct, 2024)"
    credits += wire_credits(view.text)  # "GOMA, May 2 (Wire) -", "(Reporting by A)"
    credits += colon_datelines(view.text, place_test(ctx.resources.gazetteer))  # "PUNE: ..."
    kept = []
    for c in cands:
        at = view.tokens[c.start].idx
        if not in_body(at) or any(start <= at < end for start, end in credits):
            continue
        if view.sent_no(c.start) not in view.notice_sents:
            kept.append(c)
    return kept


def _states_that_act(doc: Any, cands: list[Cand]) -> list[Cand]:
    """The candidates less a country's name written as where something is ("fighting in
    Chad", "southern Sudan": :func:`~eventwire.extract.locatives.locative_country`),
    whether the tagger or the KB found it; its state's own nouns ("Chad's army") stay."""
    return [
        c
        for c in cands
        if not (
            c.kb_type == "country"
            and c.group_hint is None
            and locative_country(doc[c.start : c.end])
        )
    ]


def _places(text: str, is_place: Any) -> bool:
    """A place's name, places coordinated in one entity ("Kharkiv and Izium"), or a
    place inside another ("Mekele in Tigray")."""
    parts = re.split(r",\s*(?:and\s+)?|\s+(?:and|in)\s+", text)
    return all(p and is_place(p) for p in parts)


def _named_by_place_noun(c: Cand, is_division: Any) -> bool:
    """A person's or a body's name the KB does not know that ends in a place's noun
    ("Kalvari Village", "Boyaca Department"): the place, no actor."""
    return (
        c.kb_id is None
        and c.role is None
        and c.label in ("PERSON", "ORG")
        and named_by_place_noun(c.name, is_division)
    )


def _thing_names(doc: Any) -> frozenset[str]:
    """Names the document sets before a structure's, a train's or a feast's noun ("the
    kestrel express", "the noor masjid"), case-folded."""
    return frozenset(ent.text.casefold() for ent in doc.ents if before_thing_noun(ent))


def _names_a_thing(c: Cand, things: frozenset[str]) -> bool:
    """A name the KB does not know that names a structure, a train or a feast: before its
    noun anywhere in the article ("the kestrel express ... the kestrel"), or ending in
    it ("Noor Masjid"): no actor."""
    return (
        c.kb_id is None
        and c.role is None
        and c.label in ("PERSON", "ORG", "GPE")
        and (c.name.casefold() in things or named_by_thing_noun(c.name))
    )


def _place_test(ctx: DocContext) -> Any:
    """Whether a name is a place the gazetteer knows well enough to read it as one
    (:func:`~eventwire.extract.notactors.place_test`), or one the document itself calls a
    settlement ("the districts of Ain Zara and Qasr bin Ghashir", "the town of X", "X, a
    village near Y", "the X district") and so a place wherever it names it; one test per
    document."""
    known = place_test(ctx.resources.gazetteer)
    settled = set()
    for ent in ctx.doc.ents:
        root = ent.root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # "the districts of X and Y": Y too
        if in_settlement_phrase(root) or settlement_appositive(ent.root) or before_place_noun(ent):
            settled.add(ent.text)

    def is_place(name: str) -> bool:
        return name in settled or known(name)

    return is_place


# --- candidates ------------------------------------------------------------------


def _candidate(
    ent: Any,
    kb: Any,
    words_of_doc: tuple[set[str], set[str]],
    is_place: Any,
    word_case: WordCase,
) -> Cand | None:
    doc = ent.doc
    ent = _trim(ent, kb)
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
        and title_before([t.text for t in _words_before(doc, ent.start)])
    ):
        ent.label_ = "PERSON"  # "the trust's head mahant ram das": a titled name, no people
    if ent.label_ == "NORP":
        if counted_people(list(ent)) or (
            kb.country_by_demonym(text) is None and _places(text, is_place)
        ):
            return None  # people counted; a town the model took for a people ("Khan Yunis")
        return _demonym(ent, text, kb)
    entry = kb.lookup(text)
    if entry is not None and kb.lookup_exact(text) is None and _places(text, is_place):
        entry = None  # a town spelt like a surname ("Gorazde" ~ Karzai): the town
    role = None
    start = ent.start
    if entry is not None and (titled := _titled_kb_name(ent, text, entry, kb)) is not None:
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
                or _kb_type(kb, stripped) == "person"
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
        else:
            role = None
    if entry is not None and (owned := _country_owned(kb, entry, ent)) is not None:
        return owned
    branch = ARMED_BRANCH.match(text) if entry is None else None
    if branch and (iso3 := kb.country_by_demonym(branch.group(1))):
        return state_forces_cand(kb, iso3, ent.start, ent.end)  # "the Ethiopian Air Force"
    words = [t.text for t in _words_before(doc, ent.start)]
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
        and _places(text, is_place)
        and not (label == "ORG" and names_armed_group(ent))  # "Hamas fighters" (not Hamm)
    ):
        label = "GPE"  # "Misrata", "Kidal": a place the model took for a person or group
    if entry is None and label == "PERSON" and role is None:
        label = _person_or_body(ent, words_of_doc[1])
        if label is None:
            return None  # "Tuareg fighters": a people naming a group, read with its noun
    if entry is None and label == "GPE" and names_armed_group(ent) and not is_place(text):
        label = "ORG"  # "M23 rebels", "the M23 rebel group": the group's name, no place
    if entry is None and label == "GPE":
        iso3 = kb.country_of_capital(text)
        if (body := _place_institution(doc, ent.end)) is not None:
            # "Gaza's civil defence agency said": the place's own body is the actor
            name = doc[ent.start : body].text
            found = kb.lookup(name)
            return Cand(ent.start, body, "ORG", name, kb_id=found.id if found else None,
                        kb_type=found.type if found else None)  # fmt: skip
        if not _agent_role(ent.root):
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
    given = (
        _given_names_before(ent, kb, word_case) if label == "PERSON" and entry is None else start
    )
    if given < start:
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


# Nouns of people a people's name may modify: "Tuareg fighters", "Karen villagers".
PEOPLE_HEADS = frozenset({"fighter", "rebel", "militia", "militiaman", "militant",
                          "insurgent", "guerrilla", "villager", "civilian", "community",
                          "leader", "elder", "tribesman", "refugee", "group", "force",
                          "people", "region", "area", "state"})  # fmt: skip


def _person_or_body(ent: Any, family_names: set[str]) -> str | None:
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


def _country_owned(kb: Any, entry: Any, ent: Any) -> Cand | None:
    """A country's own state noun: "Congo's army" (its armed forces), "Ethiopia's federal
    government" (the country's, as "Congolese army" is: one mention, the country's); the
    country's name right before an armed noun is its forces too ("the Myanmar military",
    "a Myanmar military air strike", "Sudan army positions")."""
    if entry.type != "country":
        return None
    doc = ent.doc
    end = _forces_owned(ent)
    if end is None and ent.end < len(doc) and doc[ent.end].lower_ in ARMED_NOUNS:
        return state_forces_cand(kb, entry.country, ent.start, ent.end + 1)
    if end is None:
        return None
    if doc[end - 1].lower_ in ARMED_NOUNS:
        return state_forces_cand(kb, entry.country, ent.start, end)
    return Cand(
        ent.start,
        end,
        "GPE",
        re.sub(r"^the\s+", "", doc[ent.start : end].text, flags=re.IGNORECASE),
        affiliation=entry.country,
        group_hint=f"aff:{entry.country}",
    )


def _forces_owned(ent: Any) -> int | None:
    """End of "<country>'s [adjective] <state noun>" ("Congo's army"), else None."""
    doc, i = ent.doc, ent.end
    if ent[-1].lower_ not in ("'s", "’s"):  # the tagger may have taken the possessive in
        if i >= len(doc) or doc[i].lower_ not in ("'s", "’s"):
            return None
        i += 1
    while i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i += 1
    return i + 1 if i < len(doc) and doc[i].lower_ in GROUP_NOUNS else None


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


def _trim(ent: Any, kb: Any = None) -> Any:
    """Fix the span: drop a dateline or outlet prefix ("TRIPOLI - Forces"), drop the armed
    people after a group's name ("Hamas fighters": Hamas), drop an owner
    ("Qaddafi's Libyan National Army" -> the army) but not a collective noun's possessive
    inside a name ("Tigray People's Liberation Front", "Kurdistan Workers' Party"), finish a
    name cut after its article ("Ahmed al- Mismari"), drop bare title words."""
    doc = ent.doc
    start, end = ent.start, ent.end
    cut = dateline_prefix(ent.text, lambda w: _kb_type(kb, w) == "media" if kb else False)
    if cut:
        while start < end and doc[start].idx < ent.start_char + cut:
            start += 1
        if start == end:
            return None
    while start < end - 1 and doc[start].text in ("-", "--", "–", "—"):
        start += 1  # "-- Al Nasr" tagged with the dash of a prefix before it
    start = _head_before(doc, start)
    for n in (2, 1):  # "DR Congo" tagged from "Congo" on: the name the KB knows
        before = doc[max(0, start - n) : start]
        if (
            kb is not None
            and len(before) == n
            and all(t.text[:1].isupper() and not t.is_sent_start for t in before)
            and kb.lookup_exact(doc[start - n : end].text) is not None
        ):
            start -= n
            break
    for i in range(end - 2, start, -1):
        if doc[i].lower_ in {"'s", "’s", "'", "’"} and doc[i - 1].lower_ not in COLLECTIVE_OWNERS:
            if doc[i].lower_ in {"'", "’"} and not doc[i - 1].lower_.endswith("s"):
                continue
            if doc[i - 1].ent_type_ in PLACE_ENTS and _place_institution(doc, i) == end:
                break  # "Gaza's health ministry": the place's own body, one name
            start = i + 1
            break
    if end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lemma_ in ARMED_PEOPLE:
        end -= 1  # "Hamas fighters" tagged whole: the group, its fighters read by the role
    if re.search(r"\b(?:al|el|ad|as|an|ar|at)-$", doc[start:end].text, re.IGNORECASE) and (
        end < len(doc) and doc[end].text[:1].isupper()
    ):
        end += 1
    if ent.label_ in ("ORG", "PERSON", "NORP") and doc[end - 1].text[:1].isupper():
        end = linked_end(doc, end)  # "Nusrat al-Islam" tagged, "wal-Muslimin" after it
        start = group_word_before(doc, start)  # "Daesh Sistan" tagged from "Sistan"
    if end < len(doc) and is_title(f"{doc[start:end].text} {doc[end].text}"):
        return None  # "Defence" of "Defence Minister Sergei Shoigu"
    if start == ent.start and end == ent.end:
        return ent
    span = doc[start:end]
    span.label_ = ent.label_
    return span


# Heads of organisations' names that the tagger often leaves out: "UN Office for the
# Coordination of Humanitarian Affairs" tagged from "Coordination" on.
ORG_HEADS = frozenset(
    ["office", "ministry", "commission", "council", "agency", "department", "bureau",
     "committee", "organisation", "organization", "institute", "centre", "center", "fund",
     "observatory", "directorate", "authority", "programme", "program", "mission"]
)  # fmt: skip


PLACE_ENTS = frozenset({"GPE", "LOC"})


def _place_institution(doc: Any, i: int) -> int | None:
    """End of "<place>'s <lowercase words> <organisation head>" when ``i`` is the
    possessive after the place: "Gaza's health ministry", "Gaza's civil defence agency",
    "the region's military administration" is not (no place name); else None."""
    if i >= len(doc) or doc[i].lower_ not in ("'s", "’s"):
        return None
    j = i + 1
    while j < len(doc) and j - i <= 4 and doc[j].is_lower and doc[j].pos_ in ("ADJ", "NOUN"):
        if doc[j].lower_ in ORG_HEADS and not (j + 1 < len(doc) and doc[j + 1].pos_ == "NOUN"):
            return j + 1
        j += 1
    return None


def _head_before(doc: Any, start: int) -> int:
    """Start of "<Head> for/of [the] <entity>" when a capitalised organisation head stands
    before the entity (with its own capitalised qualifiers: "UN Office for the ...")."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ not in ("for", "of"):
        return start
    head = doc[i - 1]
    if head.lower_ not in ORG_HEADS or not head.text[:1].isupper():
        return start
    j = head.i
    while (
        j > 0
        and doc[j - 1].text[:1].isupper()
        and not doc[j - 1].is_sent_start
        and (doc[j - 1].pos_ in ("PROPN", "ADJ") or doc[j - 1].text.isupper())
    ):
        j -= 1
    if doc[j].is_sent_start and doc[j].lower_ == "the":
        j += 1
    return j


def _demonym(ent: Any, text: str, kb: Any) -> Cand | None:
    iso3 = kb.country_by_demonym(text)
    if iso3 is None:
        entry = kb.lookup(text)  # "Muslim Brotherhood" is sometimes tagged NORP
        if entry is None and not text.endswith("s"):
            return None  # an adjective ("Islamist") names no actor
        return Cand(
            ent.start,
            ent.end,
            "NORP",
            text,
            kb_id=entry.id if entry else None,
            kb_type=entry.type if entry else None,
        )
    doc, end = ent.doc, ent.end
    if end + 1 < len(doc) and doc[end].lower_ == "armed" and doc[end + 1].lower_ in ARMED_NOUNS:
        end += 1  # "Malian armed forces"
    if end < len(doc) and doc[end].lower_ in GROUP_NOUNS:
        end += 1
        if doc[end - 1].lower_ in ARMED_NOUNS:  # "Rwandan soldiers": the state's forces
            return state_forces_cand(kb, iso3, ent.start, end)
    elif text.endswith("s") and not _definite(doc, ent.start):
        # "thousands of Peruvians marched", "Kenyans queued to vote", "14 Ethiopians were
        # seized": a plural demonym without "the" names the country's people, not its state
        return Cand(ent.start, end, GROUP_LABEL, text, affiliation=iso3,
                    group_hint=f"group:people:{iso3}")  # fmt: skip
    elif not text.endswith("s"):  # an adjective, not a people ("Palestinians and ...")
        if (shared := _shared_noun(doc, end, kb)) is None:
            return None  # "a Russian hat": a modifier, not an actor
        # "Syrian and Russian jets": each demonym has the noun the last one writes
        if shared.lower_ in ARMED_NOUNS:
            return state_forces_cand(kb, iso3, ent.start, ent.end)
        return Cand(ent.start, ent.end, "NORP", f"{text} {shared.text}", affiliation=iso3,
                    group_hint=f"aff:{iso3}")  # fmt: skip
    return Cand(
        ent.start,
        end,
        "NORP",
        doc[ent.start : end].text,
        affiliation=iso3,
        group_hint=f"aff:{iso3}",
    )


def _definite(doc: Any, start: int) -> bool:
    """Whether "the" (or a possessive) comes before the token at ``start``: "the
    Ghanaians" may be a state's negotiators ("mediators met the Ghanaians"), while a bare
    or counted plural demonym names people ("Ghanaians marched")."""
    return start > 0 and (doc[start - 1].lower_ == "the" or doc[start - 1].tag_ == "POS")


def _shared_noun(doc: Any, end: int, kb: Any) -> Any:
    """The state noun of the last of coordinated demonyms ("Syrian and Russian jets",
    "French, British and US officials") when ``end`` is the first one's end, else None."""
    i = end
    while i + 1 < len(doc) and doc[i].lower_ in (",", "and", "or"):
        i += 1
        if doc[i].lower_ in ("and", "or"):
            continue
        if not kb.country_by_demonym(doc[i].text):
            return None
        i += 1
        if i < len(doc) and doc[i].lower_ in GROUP_NOUNS:
            return doc[i]
    return None


def _words_before(doc: Any, start: int) -> list[Any]:
    """Up to four plain words right before a name, in the same sentence."""
    words: list[Any] = []
    i = start - 1
    while i >= 0 and len(words) < 4:
        tok = doc[i]
        if tok.text == "." and i > 0 and is_title(doc[i - 1].text + "."):
            words.insert(0, doc[i - 1])  # "Col . Goita": the model split the abbreviation
            break
        # an abbreviated title is one token with its stop ("Gen. Tiani", "Col. Goita")
        short = tok.text.endswith(".") and tok.text[:-1].isalpha() and is_title(tok.text)
        if (not tok.is_alpha and not short) or tok.is_stop or tok.ent_type_ == "PERSON":
            break
        if tok.is_sent_end and not short:
            break
        words.insert(0, tok)
        i -= 1
    return words


def _kb_type(kb: Any, name: str) -> str | None:
    entry = kb.lookup(name)
    return entry.type if entry else None


# --- names the model missed ------------------------------------------------------------


def _missed_names(view: DocView, cands: list[Cand], kb: Any) -> list[Cand]:
    """KB names, acronyms defined in the text and known surnames not tagged by the model."""
    doc, tokens = view.doc, view.tokens
    taken = taken_tokens(len(doc), cands)
    surnames = {
        family_key(c.name): c.label
        for c in cands
        if c.group_hint is None
        and len(c.name.split()) > 1
        and (c.label == "PERSON" or c.kb_type == "person")
    }
    acronyms = defined_acronyms(view.text)
    letters: list[str | None] = [None] * len(doc)  # each token's name letters, when asked

    def letters_of(k: int) -> str:
        if (got := letters[k]) is None:
            got = letters[k] = name_letters(tokens[k].text)
        return got

    found: list[Cand] = []
    for start, end in names_after_cues(doc, taken):  # "(widely known as Abu Musa)"
        found.append(Cand(start, end, _label_before(cands, start), doc[start:end].text))
        for k in range(start, end):
            taken[k] = True
    i = 0
    while i < len(doc):
        tok = tokens[i]
        hit = (
            None
            if taken[i] or not tok.text[:1].isupper()
            else _match_at(view, i, taken, kb, letters_of)
        )
        if hit is None and not taken[i] and tok.is_alpha and tok.text[:1].isupper():
            text = tok.text
            if text in acronyms:
                hit = Cand(i, i + 1, "ORG", text)
            elif (
                len(text) > 3
                and name_key(text) in surnames
                and not _modifies_group_noun(tok)
                and not is_calendar_word(text)
            ):
                hit = Cand(i, i + 1, surnames[name_key(text)], text)
            elif tok.dep_ in SUBJECT_DEPS and (iso3 := kb.country_of_capital(text)):
                # "Kyiv said" with the capital untagged: the state, by metonymy
                country = kb.country(iso3)
                name = country.name if country else text
                hit = Cand(i, i + 1, "GPE", name, affiliation=iso3, group_hint=f"aff:{iso3}")
        if hit is not None:
            found.append(hit)
            i = hit.end
        else:
            i += 1
    return found


def _label_before(cands: list[Cand], start: int) -> str:
    """The label of the name an alias cue follows ("X, known as Y": Y is what X is)."""
    before = [c for c in cands if c.end <= start and c.group_hint is None]
    return max(before, key=lambda c: c.end).label if before else "PERSON"


def _modifies_group_noun(tok: Any) -> bool:
    """ "Houthi rebels", "Sadr supporters": a surname-like word naming a movement's people,
    not the person (a movement, its leader and its armed wing stay apart)."""
    head = tok.head
    return (
        tok.dep_ in ("compound", "amod", "nmod")
        and head.i > tok.i
        and head.pos_ == "NOUN"
        and (head.lower_ in GROUP_NOUNS or head.lemma_.lower() in _PEOPLE_NOUNS)
    )


_PEOPLE_NOUNS = frozenset(
    ["rebel", "fighter", "militia", "militiaman", "supporter", "follower", "loyalist",
     "movement", "group", "force", "official", "leader", "commander", "spokesman", "member"]
)  # fmt: skip


# A name ("Libyan National Army (LNA)"): a run of word characters, spaces, dots, quotes
# and hyphens; then the acronym in brackets after optional white space.
_NAME_RUN = re.compile(r"[\w .'-]+")
_WORD_CHAR = re.compile(r"\w")
_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-Z]{2,6})\)")


def _given_names_before(ent: Any, kb: Any, word_case: WordCase) -> int:
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


def _titled_kb_name(ent: Any, text: str, entry: Any, kb: Any) -> tuple[int, str, str] | None:
    """(first token, name, title) of a KB name written with a title the KB also lists
    ("Captain X", "Colonel Y"): the title is the role, the name the words after it."""
    name, role = strip_titles(text)
    if role is None or (found := kb.lookup(name)) is None or found.id != entry.id:
        return None
    cut = ent.start_char + len(ent.text) - len(name)
    first = next((t.i for t in ent if t.idx >= cut), None)
    return (first, name, role) if first is not None and first > ent.start else None


def defined_acronyms(text: str) -> set[str]:
    """Acronyms written in brackets after a name of two characters or more that starts with
    a word character ("Libyan National Army (LNA)"), in one pass over the text: each run of
    name characters is read once, where a lazy pattern tried every start inside it again."""
    found = set()
    for run in _NAME_RUN.finditer(text):
        start, end = run.span()
        named = end - start >= 2 and _WORD_CHAR.search(text, start, end - 1)
        if named and (m := _BRACKETED_ACRONYM.match(text, end)):
            found.add(m.group(1))
    return found


def _match_at(view: DocView, i: int, taken: list[bool], kb: Any, letters_of: Any) -> Cand | None:
    """The longest run of words from token ``i`` that is a KB name, as a candidate."""
    tokens = view.tokens  # sliced from the view's text: a spaCy span per try is costly
    # Only the runs whose letters can spell a KB name are looked up: most capitalised
    # words start none, and the lookup normalises the text each time.
    sizes, run = [], ""
    for n in range(1, min(_MAX_NAME_TOKENS, len(tokens) - i) + 1):
        run += letters_of(i + n - 1)
        whole, longer = kb.could_name(run)
        if whole and not tokens[i + n - 1].is_punct:  # "Front (" spells what "Front" does
            sizes.append(n)
        if not longer:
            break
    for n in reversed(sizes):
        if any(taken[i : i + n]):
            continue
        last = tokens[i + n - 1]
        text = view.text[tokens[i].idx : last.idx + len(last)]
        if n == 1 and (len(text) < 4 and not text.isupper() or not tokens[i].is_alpha):
            continue
        if _affiliate_follows(tokens, i + n):
            continue  # "Islamic State Sahel Province": a branch's own name, not the body's
        entry = kb.lookup_exact(text)
        # Short acronyms must be written in capitals to count ("IS", not "is").
        if entry is None or (len(text) <= 3 and text not in entry.names):
            continue
        # a KB country the model did not tag may own a state noun: "The DR Congo's army"
        if (owned := _country_owned(kb, entry, view.doc[i : i + n])) is not None:
            return owned
        label = KB_LABELS.get(entry.type, "ORG")
        name, role = strip_titles(text)
        first = i
        if role is not None:
            # a KB alias with its title ("Captain X"): the name is the words after it
            cut = tokens[i].idx + len(text) - len(name)
            first = next((j for j in range(i, i + n) if tokens[j].idx >= cut), i)
        return Cand(first, i + n, label, clean_surface(name if first > i else text), role=role,
                    kb_id=entry.id, kb_type=entry.type)  # fmt: skip
    return None


# Last words of a branch's name written after its parent's: "Islamic State West Africa
# Province", "Hezbollah Foreign Wing".
AFFILIATE_HEADS = frozenset({"Province", "Branch", "Wing", "Chapter"})
_AFFILIATE_REACH = 4  # capitalised words between the parent's name and the head


def _affiliate_follows(tokens: Any, end: int) -> bool:
    """Capitalised words after a known name that end in a branch's head noun: the known
    name only starts the branch's own name ("Islamic State Khorasan Province")."""
    for k in range(end, min(end + _AFFILIATE_REACH + 1, len(tokens))):
        tok = tokens[k]
        if not (tok.is_alpha and tok.text[:1].isupper()):
            return False
        if tok.text in AFFILIATE_HEADS:
            return k > end  # a word of its own before the head: not "X Province"
    return False


# --- governments named by their seat ("the government in Tobruk") --------------------

SEAT_NOUNS = frozenset({"government", "administration", "cabinet", "parliament"})
# Offices named with the place they sit in: "the health ministry in Gaza", "officials in
# Khartoum", "the Gaza health ministry" (a government body typed by its head noun, the
# place kept as its seat in the name; never dropped, never a place).
AGENCY_NOUNS = frozenset({"ministry", "officials", "authorities", "department", "bureau"})


def _seat_governments(view: DocView, cands: list[Cand], kb: Any, is_place: Any) -> list[Cand]:
    """A government named by the city it sits in: "the government in Tobruk", "the
    Tobruk-based government", "the rival Bayda government". All three are one name,
    "<Noun> in <City>", so they group together and a KB alias can say whose it is. A
    country's government ("the government in Libya", "the Libyan government") is the
    country's, handled elsewhere; an ordinary capital stands for its state (metonymy)."""
    found: list[Cand] = []
    doc = view.doc
    taken = {i for c in cands for i in range(c.start, c.end)}
    for tok in view.tokens:
        agency = tok.lower_ in AGENCY_NOUNS
        if (tok.lemma_.lower() not in SEAT_NOUNS and not agency) or tok.pos_ not in (
            "NOUN",
            "PROPN",
        ):
            continue
        if tok.i in taken:
            continue
        city, start, end = None, tok.i, tok.i + 1
        prep = next(
            (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at")), None
        )
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if pobj is None and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in ("in", "at"):
            pobj = doc[tok.i + 2]  # "aligned with the government in Tobruk": "in" hung on the verb
        if pobj is not None and (
            pobj.ent_type_ == "GPE" or (agency and _seat_place(pobj, is_place))
        ):
            city = _entity_of(pobj)  # an office's seat the model took for a name ("Goma")
            end = city.end
        for child in tok.children:  # "the Tobruk-based government", "the Bayda government"
            if (
                city is not None
                or child.dep_ not in ("compound", "amod", "nmod")
                or child.i > tok.i
            ):
                continue
            place = next(
                (t for t in child.subtree
                 if t.ent_type_ == "GPE" or (agency and _seat_place(t, is_place))),
                None,
            )  # fmt: skip
            if place is not None:
                city, start = _entity_of(place), min(t.i for t in child.subtree)
        if city is None or kb.country_by_demonym(city.text) or kb.is_country_name(city.text):
            continue
        if any(i in taken for i in range(start, end)):
            continue
        words = tok.lemma_.lower()
        if agency:  # "the health ministry in Gaza": the office's own words, with the seat
            first = _office_start(tok)
            if city.start < tok.i:  # "the Kharkiv health ministry": the seat comes first
                first = max(first, city.end)
            start, words = min(start, first), doc[first : tok.i + 1].text.lower()
        name = f"{words} in {clean_surface(city.text)}"
        entry = kb.lookup(name) or (
            kb.lookup(f"{clean_surface(city.text)} {words}") if agency else None
        )
        found.append(
            Cand(
                start,
                end,
                "ORG",
                name[:1].upper() + name[1:],
                kb_id=entry.id if entry else None,
                kb_type=entry.type if entry else None,
            )
        )
        taken.update(range(start, end))
    return found


def _seat_place(tok: Any, is_place: Any) -> bool:
    """A capitalised word the gazetteer knows as a place, whatever the model tagged it
    ("Kharkiv officials": a noun to the model)."""
    named = tok.pos_ == "PROPN" or (tok.text[:1].isupper() and tok.pos_ == "NOUN")
    return (
        named
        and tok.ent_type_ in ("", "GPE", "ORG", "PERSON", "LOC")
        and bool(is_place(_entity_of(tok).text))
    )


def _office_start(tok: Any) -> int:
    """The first word of an office's own name before its noun: "the (health) ministry",
    "(local) officials" (no article, no place, no possessive)."""
    start = tok.i
    while start > 0:
        prev = tok.doc[start - 1]
        if prev.head.i != tok.i or prev.dep_ not in ("compound", "amod") or prev.ent_type_:
            break
        if prev.pos_ not in ("NOUN", "ADJ") or (start > 1 and tok.doc[start - 2].text == "-"):
            break  # "the Hamas-run health ministry": the runner is no part of the office
        start -= 1
    return start


def _seat_names(doc: Any, cands: list[Cand], kb: Any) -> None:
    """A name the model found as "<Town> <office>" ("the Gaza health ministry") is named
    "<office> in <Town>", as "the health ministry in Gaza" is, so both are one actor. A
    country's office ("the Sudanese health ministry") stays the country's."""
    for c in cands:
        last, first = doc[c.end - 1], doc[c.start]
        if c.label != "ORG" or c.kb_id or last.lower_ not in AGENCY_NOUNS | SEAT_NOUNS:
            continue
        if first.lower_ == "the":
            first = doc[c.start + 1]
        if first.ent_type_ != "GPE" or first.i >= last.i:
            continue
        city = _entity_of(first)
        if city.end > last.i or kb.country_by_demonym(city.text) or kb.is_country_name(city.text):
            continue
        office = doc[city.end : last.i + 1].text.lower()
        name = f"{office} in {clean_surface(city.text)}"
        c.name = name[:1].upper() + name[1:]


def _entity_of(tok: Any) -> Any:
    """The named entity a token is part of (the token alone when none)."""
    return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), tok.doc[tok.i : tok.i + 1])


# --- unnamed groups ("police", "gunmen") ----------------------------------------------


def _group_nouns(
    view: DocView, cands: list[Cand], kb: Any, onto: Ontology, words: WordCase, is_place: Any
) -> list[Cand]:
    """Common nouns naming a group of people, with their nationality when the text gives one."""
    doc = view.doc
    taken = taken_tokens(len(doc), cands)
    found: list[Cand] = []
    sets: list[tuple[Cand, str, bool]] = []  # (candidate, set kind, singular)
    for tok in view.tokens:
        if (
            taken[tok.i]
            or tok.pos_ not in ("NOUN", "PROPN")
            or (tok.ent_type_ in ("PERSON", "ORG", "GPE") and not _lone_common_word(tok, words))
        ):
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        two = (
            prev is not None
            and not taken[prev.i]
            and onto.actor_kind(f"{prev.lower_} {tok.lower_}")
        )
        if not two and not onto.actor_kind(tok.lower_):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.dep_ == "compound" and nxt.head.i != tok.i:
            continue  # "police station", "army base": a modifier, not an actor
        if tok.dep_ == "compound":
            continue
        affiliation = None
        owned = False
        place = None  # "Hubli police", "the Gujarat police": the force of a town or state
        people = None  # "Kurdish forces": the forces of a people with no state of its own
        stance = stance_objects(tok) or set()  # "pro-Turkish factions": not Turkey's
        for child in tok.children:
            if child.dep_ not in _OWNER_DEPS or child.i > tok.i or child.i in stance:
                continue
            iso3 = kb.country_by_demonym(child.text)
            if iso3:
                affiliation = iso3
            elif _people_adjective(child, taken, kb):
                people = child
            elif (child.dep_ == "compound" and child.pos_ == "PROPN" and not taken[child.i]
                  and child.ent_type_ in ("", "GPE", "LOC", "NORP") and not is_acronym(child)
                  and onto.actor_kind(tok.lower_) == "state"):  # fmt: skip
                place = child
            elif (
                child.dep_ == "poss"
                or child.pos_ == "PROPN"
                or child.ent_type_
                or is_acronym(child)
            ):
                # "Haftar's forces", "Houthi fighters", "ONLF fighters": the role filler decides
                owned = True
        if owned or sent_forces(tok) or named_owner_after(tok, taken, is_place):
            continue
        affiliation = affiliation or _country_after(tok, kb)
        civilian = onto.actor_kind(tok.lower_) == "civilian"  # people at large, counted apart
        start = min(
            (
                c.i
                for c in tok.children
                if c.dep_ in ("amod", "compound")
                and c.i < tok.i
                and (c.tag_ not in ("VBN", "VBG", "VBD") or c.lower_ == "armed")
                and not (civilian and _unnaming_word(c))
            ),
            default=tok.i,
        )  # fmt: skip; not "absorbed army units", nor "the right people"
        if stance:
            start = max(start, max(stance) + 1)  # the name is what the stance qualifies
        if two:
            start = min(start, tok.i - 1)
        if any(taken[start : tok.i + 1]):
            start = tok.i
        noun = tok.lemma_.lower()
        if people is not None:  # "Syrian Kurdish forces": a people's, not Syria's forces
            affiliation, noun = None, f"{people.lower_} {noun}"  # one group per people
        if place is not None:
            start = min(start, min(t.i for t in place.subtree))
            noun = f"{doc[start : tok.i].text.lower()} {noun}"  # one force per town
        name = doc[start : tok.i + 1].text
        if (patron := _patron_compound(tok)) is not None and start > patron[0]:
            # "Turkish-backed factions", "Ankara-aligned forces": the patron names them
            # apart from other factions ("US-backed factions" are others); the patron's
            # own words stay outside the span, a backer of its own
            patron_words = doc[patron[0] : patron[1]].text
            name, noun = f"{patron_words} {name}", f"{patron_words.lower()} {noun}"
        found.append(
            Cand(
                start,
                tok.i + 1,
                GROUP_LABEL,
                name,
                affiliation=affiliation,
                group_hint=f"group:{noun}:{affiliation or ''}",
            )
        )
        sets.append((found[-1], _set_kind(tok, onto), tok.tag_ == "NN"))
        for i in range(start, tok.i + 1):
            taken[i] = True
    _split_sets(sets)
    # "Syrian rebels ... the rebels": a bare noun takes the one nationality the document gives it.
    nationalities: dict[str, set[str]] = {}
    for c in found:
        if c.affiliation and c.group_hint:
            nationalities.setdefault(c.group_hint.split(":")[1], set()).add(c.affiliation)
    for c in found:
        lemma = c.group_hint.split(":")[1] if c.group_hint else ""
        if c.affiliation is None and len(nationalities.get(lemma, ())) == 1:
            c.affiliation = next(iter(nationalities[lemma]))
            parts = (c.group_hint or "").split(":")
            c.group_hint = ":".join([*parts[:2], c.affiliation, *parts[3:]])
    # "Malian armed forces", "soldiers from Chad": the state's armed forces, not a group
    return [
        state_forces_cand(kb, c.affiliation, c.start, c.end)
        if c.affiliation and doc[c.end - 1].lower_ in ARMED_NOUNS
        else c
        for c in found
    ]


# Words that count or set apart the people a noun names: "several people", "other men".
_SET_WORDS = frozenset(
    ["several", "many", "some", "other", "few", "numerous", "dozens", "scores", "hundreds",
     "thousands", "tens", "millions"]
) | NUMBER_WORDS  # fmt: skip
# Words of judgement that say how the writer sees people, not who they are: "the right
# people to talk to", "a forthright woman", "not a single person".
_JUDGEMENT_WORDS = frozenset(
    ["right", "wrong", "good", "bad", "best", "worst", "strong", "weak", "capable",
     "talented", "intelligent", "forthright", "single", "ordinary", "certain", "such",
     "mere", "same", "various", "so-called", "many", "few", "several", "numerous",
     "countless", "enough"]
)  # fmt: skip


def _unnaming_word(word: Any) -> bool:
    """A modifier that is no part of the name of people at large (the ontology's
    civilians, whose counted sets stay apart by :func:`_split_sets`): a quantity ("fewer
    people", "five crore people", "most residents") or a judgement ("the right people",
    "a forthright woman"); "armed residents" and "Muslim villagers" keep theirs, so the
    people are named for who they are, not for how many or how good."""
    return (
        word.lower_ in _JUDGEMENT_WORDS
        or word.lower_ in NUMBER_WORDS
        or word.tag_ in ("JJR", "JJS", "CD")
    )


def _set_kind(tok: Any, onto: Ontology) -> str:
    """How a noun of people at large (the ontology's civilians) delimits its people:
    "counted" with a number, a quantifier or "other" ("seven people", "dozens of
    civilians", "other men"), "single" for one person with "a"/"an" ("an elderly
    farmer"), "definite" for "the villagers", "these men", else "" (bare: "people")."""
    if onto.actor_kind(tok.lower_) != "civilian":
        return ""
    head = tok.head
    if any(
        c.dep_ == "nummod" or (c.dep_ in ("amod", "det", "compound") and c.lower_ in _SET_WORDS)
        for c in tok.children
    ) or (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and (head.head.like_num or head.head.lower_ in _SET_WORDS)
    ):
        return "counted"
    dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
    if tok.tag_ == "NN" and dets & {"a", "an"}:
        return "single"
    return "definite" if dets & {"the", "these", "those", "this", "that"} else ""


def _split_sets(sets: list[tuple[Cand, str, bool]]) -> None:
    """People at large counted apart are apart: "seven people were hurt ... 5,000 people
    marched" are two groups, and "an elderly farmer" is not "the farmers" of another
    paragraph. Each counted or single mention opens a set of its own; a definite mention
    ("the people", "the farmer") points back to the last set of its noun and number
    before it; a bare one ("people were urged to keep off the roads") and a definite one with
    no set before it stay in the document's one group of that noun, as before."""
    last: dict[tuple[str, bool], str] = {}
    for c, kind, singular in sets:
        base = c.group_hint or ""
        if kind in ("counted", "single"):
            c.group_hint = last[(base, singular)] = f"{base}:{c.start}"
        elif kind == "definite" and (base, singular) in last:
            c.group_hint = last[(base, singular)]


# Participles a patron's name is hyphenated to: "Turkish-backed", "Ankara-aligned".
PATRON_PARTICIPLES = frozenset({"backed", "supported", "aligned", "funded", "armed", "led"})


def _patron_compound(tok: Any) -> tuple[int, int] | None:
    """Tokens [start, end) of "<Name>-backed" (or -supported, -aligned, -funded, -armed,
    -led) modifying ``tok``, else None."""
    doc = tok.doc
    for c in tok.children:
        if c.i < tok.i and c.dep_ == "amod" and c.lower_ in PATRON_PARTICIPLES:
            name = [g for g in c.children if g.i < c.i and g.dep_ in ("npadvmod", "compound")]
            if name and doc[c.i - 1].text == "-" and name[0].text[:1].isupper():
                return min(t.i for t in name[0].subtree), c.i + 1
    return None


def _people_adjective(tok: Any, taken: list[bool], kb: Any) -> bool:
    """An adjective naming a people that has no state of its own and no name of the KB
    ("Kurdish forces", "Tuareg fighters"): the group is named by it, not owned by it."""
    if taken[tok.i] or kb.lookup(tok.text) is not None:
        return False
    if tok.dep_ == "amod" and tok.pos_ == "ADJ" and tok.ent_type_ == "NORP":
        return True
    # a people the model took for a person: "Tuareg fighters", "Karen villagers"
    return (
        tok.ent_type_ == "PERSON"
        and tok.dep_ in ("compound", "amod")
        and tok.head.lemma_.lower() in PEOPLE_HEADS
        and (tok.i == 0 or tok.doc[tok.i - 1].ent_type_ != "PERSON")
        and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].i == tok.head.i)
    )


def _lone_common_word(tok: Any, words: WordCase) -> bool:
    """A one-word entity that is a common word ("Farmer killed in the village"): the
    tagger's name is junk, the noun may still name people."""
    doc = tok.doc
    alone = tok.ent_iob_ == "B" and (tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")
    return alone and words.is_common_lowercase_word(tok.text)


def _country_after(tok: Any, kb: Any) -> str | None:
    """ISO3 of "<noun> of/from <country>" ("soldiers from Chad")."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ == "GPE":
                    entry = kb.lookup(pobj.text)
                    if entry is not None and entry.type == "country":
                        return entry.country
    return None


# --- grouping and labels ---------------------------------------------------------------


def _group(doc: Any, cands: list[Cand], kb: Any) -> list[str]:
    parent = list(range(len(cands)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    keys = [kb.keys.translit(c.name) for c in cands]
    # a one-word name meets another, or a family name, by its finer key ("Here" is no
    # "Hiro", "IS" no "US": text.translit.name_key)
    short = [
        name_key(c.name) if k and " " not in k else k for c, k in zip(cands, keys, strict=True)
    ]
    full_people: dict[str, list[int]] = {}
    for i, c in enumerate(cands):
        if (
            c.group_hint is None
            and len(keys[i].split()) > 1
            and (c.label == "PERSON" or c.kb_type == "person")
        ):
            full_people.setdefault(keys[i].split()[-1], []).append(i)
    given = given_names(cands, keys, full_people)
    first_by_key: dict[str, int] = {}
    first_by_kb: dict[str, int] = {}
    for i, c in enumerate(cands):
        if c.group_hint is not None or not keys[i]:
            continue
        bearers = full_people.get(keys[i], []) if " " not in keys[i] else []
        if bearers and c.kb_type in (None, "person"):
            # News gives the full name first: a surname joins the nearest full name before
            # it that fits (two brothers named earlier: the nearer one; never a name the KB
            # keeps apart from the surname's own entry); one written before any full name
            # is left to cross-document resolution. A one-word name the KB knows as a
            # group ("Houthi") is the movement, never its leader.
            fits = [
                b
                for b in bearers
                if b < i and _may_join(c, cands[b]) and family_key(cands[b].name) == short[i]
            ]
            if fits:
                union(i, fits[-1])
            continue
        bearer = given.get(keys[i])
        if bearer is not None and bearer < i and lone_person(c) and _may_join(c, cands[bearer]):
            union(i, bearer)  # "Prime Minister Abiy Ahmed ... Abiy said"
            continue
        union(i, first_by_key.setdefault(short[i], i))
        if c.kb_id:
            union(i, first_by_kb.setdefault(c.kb_id, i))
    named = [i for i, c in enumerate(cands) if c.group_hint is None]
    for a, b in cue_pairs(doc, [cands[i] for i in named]):
        if _may_join(cands[named[a]], cands[named[b]]):
            union(named[a], named[b])
    for a, b in acronym_pairs(doc, [cands[i] for i in named]):
        if _may_join(cands[named[a]], cands[named[b]]):
            union(named[a], named[b])
    names: dict[int, str] = {}
    out = []
    for i in range(len(cands)):
        root = find(i)
        out.append(names.setdefault(root, f"g{len(names) + 1}"))
    return out


def _may_join(a: Cand, b: Cand) -> bool:
    """Two names may be one actor unless the KB knows them as two entries."""
    return not (a.kb_id and b.kb_id and a.kb_id != b.kb_id)


def _same_name_other_case(cands: list[Cand]) -> None:
    """ "Malian Armed Forces" ... "Malian armed forces": an unnamed-group phrase written
    like a name of the same document, in another case, is that name."""
    by_key = {plain_key(c.name): c for c in cands if c.group_hint is None and " " in c.name}
    for c in cands:
        if c.label != GROUP_LABEL:
            continue
        named = by_key.get(plain_key(c.name))
        if named is not None:
            c.label, c.name, c.group_hint = named.label, named.name, None
            c.kb_id, c.kb_type = named.kb_id, named.kb_type


def _vote_labels(cands: list[Cand], groups: list[str]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = {}
    for c, g in zip(cands, groups, strict=True):
        counter = votes.setdefault(g, Counter())
        counter[c.label] += 1
        if c.kb_type:
            counter[KB_LABELS.get(c.kb_type, "ORG")] += 2
        elif c.role and c.label == "PERSON":
            counter["PERSON"] += 2  # "Mahant Ram Das ... Das": the title says a person
    return {
        g: max(counter, key=lambda lab: (counter[lab], _LABEL_PRIORITY.get(lab, -1)))
        for g, counter in votes.items()
    }


@extractors.register("mentions")
class Mentions(Component):
    """Names of actors and unnamed groups ("police"), with their KB entries."""

    name = "mentions"
    assigns = ("mentions",)

    def __call__(self, ctx: DocContext) -> dict[str, list[Mention]]:
        return extract_mentions(ctx)
