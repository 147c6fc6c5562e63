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

The steps live in modules of their own: one entity made a candidate
(:mod:`~eventwire.extract.mention_candidates`, its span fixed by
:mod:`~eventwire.extract.mention_trim`, demonyms by :mod:`~eventwire.extract.demonyms`),
names the model missed (:mod:`~eventwire.extract.missed_names`), offices named by their
seat (:mod:`~eventwire.extract.seat_names`), unnamed groups
(:mod:`~eventwire.extract.group_nouns`), grouping and labels
(:mod:`~eventwire.extract.mention_groups`). This module runs them in order and drops
candidates outside the body, places and things.
"""

from __future__ import annotations

from typing import Any

from eventwire.extract.bodies import institution_countries, owned_institutions
from eventwire.extract.component import Component
from eventwire.extract.context import DocContext
from eventwire.extract.datelines import colon_datelines, credit_brackets
from eventwire.extract.descriptions import definite_descriptions, names_known_by
from eventwire.extract.group_nouns import group_nouns
from eventwire.extract.kind_words import mark_named_bodies, mark_parties, mark_people
from eventwire.extract.locatives import locative_country
from eventwire.extract.mention_candidates import THING_LABELS, actor_by_use, name_candidate
from eventwire.extract.mention_groups import group_cands, same_name_other_case, vote_labels
from eventwire.extract.mention_owners import state_owned_bodies
from eventwire.extract.mention_sites import used_as_site
from eventwire.extract.missed_names import missed_names
from eventwire.extract.namephrases import (
    Cand,
    CountriesOfDocument,
    bracketed_names,
    coalitions,
    described_nouns,
    headed_names,
    lead_name,
    of_complements,
    titled_names,
)
from eventwire.extract.notactors import (
    before_feature_noun,
    before_place_noun,
    division_test,
    in_settlement_phrase,
    named_by_place_noun,
    place_test,
    settlement_appositive,
)
from eventwire.extract.placed_bodies import placed_bodies
from eventwire.extract.quoted_names import appositive_acronyms, quoted_names
from eventwire.extract.seat_names import seat_governments, seat_names
from eventwire.extract.things import before_thing_noun, named_by_thing_noun
from eventwire.extract.wire_credits import wire_credits
from eventwire.model import Mention, Span
from eventwire.registry import extractors

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


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
    # a name tagged as a thing that the sentence uses as an actor's is read as one
    ents = [
        e if e.label_ in ACTOR_LABELS else actor_by_use(e)
        for e in doc.ents
        if e.label_ in ACTOR_LABELS or e.label_ in THING_LABELS
    ]
    cands = [
        c
        for ent in ents
        if ent is not None
        if (
            c := name_candidate(
                _body_part(ent, in_body), kb, (lowercase, lowercase_names), is_place, words
            )
        )
    ]
    cands = _without_feature_places(doc, cands)  # "the Tamsin road", "the Orvi checkpoint"
    is_division = division_test(ctx.resources.gazetteer)
    cands = [c for c in cands if not _named_by_place_noun(c, is_division)]
    things = _thing_names(doc)  # "the kestrel express": a train, no actor
    cands = [c for c in cands if not _names_a_thing(c, things)]
    cands = [c for c in cands if not used_as_site(doc, c)]  # "died at the X Hospital"
    cands = _without_overlaps(cands)
    cands = bracketed_names(doc, cands)  # "the X Front of Ghana (XFG)": one name, "of Ghana" too
    cands = of_complements(doc, cands, kb)  # "the Communist Party" + "of the Philippines"
    cands = quoted_names(doc, cands)  # 'Joaquin "El Chapo" Guzman', 'known as "Comrade Jose"'
    cands = coalitions(ctx.view, cands, kb)
    cands = titled_names(ctx.view, cands, words)
    cands = described_nouns(ctx.view, cands, kb)
    cands += missed_names(ctx.view, cands, kb)
    cands += headed_names(ctx.view, cands, kb, words)
    cands += names_known_by(ctx.view, cands)  # "The Sitkaw, as the army is known"
    cands += lead_name(ctx.view, cands, words)  # "OUTLET -- Al Nasr said": untagged
    seat_names(ctx.view.doc, cands, kb)  # "the Gaza health ministry": "Health ministry in Gaza"
    cands += seat_governments(ctx.view, cands, kb, is_place)
    cands += group_nouns(ctx.view, cands, kb, ctx.resources.ontology, words, is_place)
    cands = definite_descriptions(ctx.view, cands, ctx.resources.kb)
    cands = owned_institutions(doc, cands, kb)  # "Russia's defence ministry": one body
    cands = state_owned_bodies(doc, cands, kb)  # "Brazil's Federal Police": one body
    cands = placed_bodies(doc, cands, kb, words)  # "the Sidama regional government": one body
    cands = appositive_acronyms(doc, cands)  # "The Ghanaian military, the GAF, said"
    cands = _in_body(ctx, cands)
    cands = _states_that_act(doc, cands)
    cands.sort(key=lambda c: (c.start, c.end))
    same_name_other_case(cands)
    mark_parties(doc, cands)  # "KDP MPs", "the ruling KDP": a party, whatever its name says
    mark_people(doc, cands)  # "a resident, Ana Cruz, 52,": a person, whatever the tagger said
    mark_named_bodies(doc, cands)  # "X, the formal name of Y": Y is a body
    institution_countries(doc, cands, kb)  # "the Supreme Court of Kenya": Kenya's court
    groups = group_cands(doc, cands, kb)
    labels = vote_labels(cands, groups)
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


def _without_feature_places(doc: Any, cands: list[Cand]) -> list[Cand]:
    """The candidates less a name the KB does not know where it qualifies a place's or a
    route's noun (:func:`~eventwire.extract.notactors.before_feature_noun`: "on the Tamsin
    road", "the Orvi checkpoint"); only there: the same name elsewhere is read as written."""
    places = [
        (ent.start, ent.end)
        for ent in doc.ents
        if ent.label_ in ACTOR_LABELS | THING_LABELS and before_feature_noun(ent)
    ]
    return [
        c
        for c in cands
        if c.kb_id is not None
        or c.group_hint is not None
        or not any(start <= c.start and c.end <= end for start, end in places)
    ]


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


@extractors.register("mentions")
class Mentions(Component):
    """Names of actors and unnamed groups ("police"), with their KB entries."""

    name = "mentions"
    assigns = ("mentions",)

    def __call__(self, ctx: DocContext) -> dict[str, list[Mention]]:
        return extract_mentions(ctx)
