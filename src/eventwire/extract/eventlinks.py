"""Links between the events of one document, after each was read on its own.

* consequences: "opened fire on a checkpoint, killing a man" -- the attack's victims are
  its consequence's (qualifier ``target_civilian``);
* exchanges: fire answered ("shelled X; X fired back", "responded to the shelling", "a
  shelling exchange") is open fighting (qualifier ``exchange``);
* statement targets: "offered to hand over the suspects to Britain" -- a statement with
  no target of its own is aimed at its act's;
* anaphora: "the attack", "these attacks" refer back to the last event of their type;
* things told again: "its fighters had attacked the base" -- an act whose object is a
  thing told before with "the" is aimed at that act's target
  (:mod:`eventwire.extract.retold_targets`);
* perpetrators: "a policeman was killed after militants shot him" -- a violent event
  without its doer takes the one doer its sentence names, and those killed in fighting
  are one side of it;
* open and misread sides: "flew to Accra for talks with X" -- the governing verb's
  subject is the doer; "a meeting in Lisbon" -- a place after "in" is no side
  (:mod:`eventwire.extract.eventsides`).

Each pass takes the events with their trigger tokens and returns new events.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.docview import DocView
from eventwire.extract.eventroles import claimant, negated_verb, when_word
from eventwire.extract.eventsides import open_sides_filled, relative_gap
from eventwire.extract.retold_targets import retold_targets
from eventwire.knowledge.ontology import Ontology
from eventwire.model import EventMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwire.extract.actorspans import MentionIndex

# Links by which a participle of consequence hangs on its act: "attacked X, killing 5",
# "struck a market, killing 12 and wounding 31" (advcl, then conj), "opened fire, wounding
# two" (xcomp as parsed).
CONSEQUENCE_DEPS = frozenset({"advcl", "xcomp", "conj"})


def link_events(
    view: DocView,
    events: list[EventMention],
    trigger_at: list[int],
    onto: Ontology,
    index: MentionIndex | None = None,
) -> list[EventMention]:
    """The document's events with what their neighbours say about them (see above);
    ``index`` finds the mention of a claimant no event names (claims with no act named)."""
    doc = view.doc
    if index is not None:
        events = open_sides_filled(view, events, trigger_at, onto, index)
    events = _victims_of_consequences(doc, events, trigger_at)
    events = _exchanges(view, events, trigger_at, onto)
    events = _targets_of_acts(doc, events, trigger_at, onto)
    events = _anaphors(view, events, trigger_at, onto)
    events = _doers_named_later(view, events, trigger_at, onto, index)
    events = retold_targets(view, events, trigger_at, onto)
    return _perpetrators(events, onto, [doc[i] for i in trigger_at])


# Sentences back that an accusation naming no act ("Police blamed X") reaches.
BLAME_REACH = 3
BLAME_VERBS = frozenset({"blame", "accuse"})
# The doer of an act is the accused of another sentence ("Police blamed the Front"): the
# role's status, alleged, while the act keeps its own modality.
SOURCE_ALLEGED = "source_alleged"
# What one claims or takes when owning up to an act: "claimed responsibility".
OWNED_NOUNS = frozenset({"responsibility", "credit"})
# Modalities of an act not done (yet): "said its fighters would attack the base again"
# owns up to nothing told before.
UNDONE = frozenset({"future", "hypothetical"})


def _doers_named_later(
    view: DocView,
    events: list[EventMention],
    trigger_at: list[int],
    onto: Ontology,
    index: MentionIndex | None,
) -> list[EventMention]:
    """A later sentence names the doer of an act told before with no named doer:

    * a body says its own people did an act of that kind ("Gunmen ambushed a patrol. ...
      The Front said its fighters had attacked a convoy"): the body did the earlier act,
      as its claim, unless the two are dated to different days; an act it says they
      will do ("would attack again", :data:`UNDONE`) claims nothing;
    * an accusation naming no act ("Four officers were killed ... Police blamed the
      Front", "It blamed the Front"): the accused named actor did the last act of the
      three sentences before;
    * a claim naming no act ("The Front claimed responsibility through its radio"): the
      claimant did the last act told before.

    A named doer is kept (:func:`name_doer`)."""
    doc, out = view.doc, list(events)
    violent = onto.violent_types
    for k, (e, i) in enumerate(zip(events, trigger_at, strict=True)):
        tok = doc[i]
        if (e.type in violent and e.source is not None and not e.negated
                and e.modality not in UNDONE and _self_told(tok)):  # fmt: skip
            before = [j for j in acts_before(view, out, trigger_at, i, {e.type})
                      if same_day(out[j], e)]  # fmt: skip
            name_doer(view, out, trigger_at, before, e.source, onto, k)
        elif (e.lemma in BLAME_VERBS and e.target is not None and not e.negated
              and not is_unnamed(view, e.target, onto) and _names_no_act(tok)):  # fmt: skip
            here = view.sent_no(i)
            before = [j for j in acts_before(view, out, trigger_at, i, violent)
                      if here - view.sent_no(trigger_at[j]) <= BLAME_REACH]  # fmt: skip
            # the accused is the doer in the accuser's words: that role is alleged, the
            # act keeps the modality its own sentence gives it
            name_doer(view, out, trigger_at, before, e.target, onto, k, SOURCE_ALLEGED)
    if index is None:
        return out
    for tok in view.tokens:
        claimant = _bare_claimant(tok)
        fillers = index.fillers(claimant) if claimant is not None else []
        if not fillers:
            continue
        upto = sum(1 for i in trigger_at if i < tok.i)
        before = acts_before(view, out, trigger_at, tok.i, violent)
        name_doer(view, out, trigger_at, before, fillers[0].span, onto, upto)
    return out


def _self_told(verb: Token) -> bool:
    """An act a body says its own people did, a verb in the clause of its saying: "the
    Front said its fighters (one of its members, the group's men) attacked a convoy"."""
    if verb.pos_ != "VERB" or verb.dep_ != "ccomp" or negated_verb(verb):
        return False
    if verb.head.lemma_.lower() not in SAYING_VERBS:
        return False
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if doer is not None and doer.like_num:  # "one of its members"
        doer = next((p for c in doer.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"), doer)  # fmt: skip
    return doer is not None and any(c.dep_ == "poss" for c in doer.children) and _own(doer)


def _own(doer: Token) -> bool:
    """People named through their own body's possessive: "its fighters", "the group's men"."""
    owner = next(c for c in doer.children if c.dep_ == "poss")
    return owner.lower_ in SELF_POSSESSIVES or (owner.pos_ == "NOUN" and owner.is_lower)


def same_day(a: EventMention, b: EventMention) -> bool:
    """Not dated to two different days."""
    x, y = a.when, b.when
    if x is None or y is None or x.precision != "day" or y.precision != "day":
        return True
    return x.calendar == y.calendar


def _names_no_act(verb: Token) -> bool:
    """An accusation with no act of its own: "Police blamed the Front" (not "blamed the
    Front for the drought", "accused it of looting")."""
    return verb.pos_ == "VERB" and not any(
        c.dep_ == "prep" and c.lower_ in ("for", "of") for c in verb.children
    )


def _bare_claimant(verb: Token) -> Token | None:
    """The subject of a claim naming no act: "X claimed responsibility (through its news
    agency)", "X took credit"; not "claimed responsibility for the attack" (that act is
    named), nor a negated claim."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("claim", "take", "accept", "admit"):
        return None
    owned = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if owned is None or owned.lemma_.lower() not in OWNED_NOUNS or negated_verb(verb):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in (*verb.children, *owned.children)):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.lower_ in ("no", "none") for c in subject.children):
        return None
    return subject


def _victims_of_consequences(
    doc: Doc, events: list[EventMention], trigger_at: list[int]
) -> list[EventMention]:
    """ "Opened fire on a checkpoint, killing a man": the attack's victims are its consequence's."""
    civilian_under = {
        doc[i].head.i
        for e, i in zip(events, trigger_at, strict=True)
        if e.type == "ASSAULT"
        and "target_civilian" in e.qualifiers
        and doc[i].dep_ in CONSEQUENCE_DEPS
    }
    return [
        replace(e, qualifiers=(*e.qualifiers, "target_civilian"))
        if i in civilian_under
        and e.type == "ASSAULT"
        and not any(q.startswith("target_") and q != "target_place" for q in e.qualifiers)
        else e
        for e, i in zip(events, trigger_at, strict=True)
    ]


def _perpetrators(
    events: list[EventMention], onto: Ontology, triggers: list[Token]
) -> list[EventMention]:
    """A violent event stated without its doer takes the one doer another violent event of
    its sentence names for the same victims: "a policeman was killed after militants shot
    him" (the militants killed him). An act told in a relative clause about its doer
    ("captured the commander who led the raid", "the cell that attacked the post") was
    done by the clause's antecedent, named or not: it takes no other act's doer."""
    by_sentence: dict[int, list[EventMention]] = {}
    for e in events:
        by_sentence.setdefault(e.evidence.char_start, []).append(e)
    out = []
    for e, tok in zip(events, triggers, strict=True):
        if (e.type in onto.violent_types and e.source is None and not e.negated
                and not _done_by_antecedent(tok)):  # fmt: skip
            sentence = by_sentence[e.evidence.char_start]
            doers: dict[Span, EventMention] = {}
            victims = {o.target for o in sentence}
            for o in sentence:
                if o is e or o.type != "ASSAULT" or o.negated:
                    continue
                if (o.source is not None and o.source not in victims and o.source != e.target
                        and (e.target is None or o.target in (None, e.target))):  # fmt: skip
                    doers.setdefault(o.source, o)  # a victim of the sentence did not do it
                elif (e.target is not None and o.source == e.target and o.target is not None
                      and o.lemma in onto.rules.fighting):  # fmt: skip
                    doers.setdefault(o.target, o)  # "killed in clashes with X": X killed them
            if len(doers) == 1:
                ((doer, o),) = doers.items()
                side = "source_" if doer == o.source else "target_"
                kinds = tuple("source_" + q.removeprefix(side) for q in o.qualifiers
                              if q.startswith(side))  # fmt: skip
                e = replace(
                    e, source=doer, qualifiers=tuple(dict.fromkeys((*e.qualifiers, *kinds)))
                )
        out.append(e)
    return out


def _done_by_antecedent(trigger: Token) -> bool:
    """An act a relative clause tells of its subject: "the commander who led the raid"."""
    gap = relative_gap(trigger)
    return gap is not None and gap[0] == "source"


ANAPHOR_DETERMINERS = frozenset({"the", "this", "these", "that", "those", "such"})
ANAPHOR_REACH = 3  # sentences back


def _anaphors(
    view: DocView, events: list[EventMention], trigger_at: list[int], onto: Ontology
) -> list[EventMention]:
    """ "The attack", "these attacks" refer back to the last event of their type in the
    three sentences before. An event noun of that kind with no actor of its own takes the
    earlier event's actors and qualifiers (its weapon), so resolution makes one event of
    both ("gunmen bombed the office; the attack killed two"); an event stated "in" or "as a
    result of" such a noun ("wounded in the attack") takes its doer and weapon."""
    doc, sent_no = view.doc, view.sent_no

    def antecedent(noun: Token, etype: str, upto: int) -> EventMention | None:
        here = sent_no(noun)
        before = [o for o, j in zip(out[:upto], trigger_at[:upto], strict=True)
                  if o.type == etype and j < noun.i and not o.negated
                  and here - ANAPHOR_REACH <= sent_no(j)]  # fmt: skip
        return before[-1] if before else None

    out = list(events)
    for k, (e, i) in enumerate(zip(events, trigger_at, strict=True)):
        tok = doc[i]
        if tok.pos_ == "NOUN" and _refers_back(tok) and e.source is not None:
            owned = _owned_up(tok)
            if owned is not None:
                _own_earlier_act(view, out, trigger_at, k, owned, onto)
                continue
        if tok.pos_ == "NOUN" and _anaphoric(tok):
            if e.source is None and e.target is None and (o := antecedent(tok, e.type, k)):
                out[k] = replace(e, source=o.source, target=o.target, lemma=o.lemma or e.lemma,
                                 qualifiers=_merged(e.qualifiers, o.qualifiers, ""))  # fmt: skip
            continue
        for noun in _anaphoric_causes(tok):
            if onto.noun_type(noun.lemma_) == e.type and (o := antecedent(noun, e.type, k)):
                out[k] = replace(
                    e,
                    source=e.source or o.source,
                    qualifiers=_merged(e.qualifiers, o.qualifiers, "means_"),
                )
                break
    return out


# Verbs (lemmas) whose subject says it did not do the act its object names: "the army
# denied carrying out the strike", "the group denied the attack".
DISOWN_VERBS = frozenset({"deny", "reject", "disavow"})
# Verbs between a denial and the act: "denied carrying out (conducting) the strike".
DOING_VERBS = frozenset({"carry", "conduct", "stage", "launch", "mount", "commit", "perpetrate",
                         "execute"})  # fmt: skip


SAYING_VERBS = frozenset({"say", "state", "announce", "claim", "add", "declare", "tell"})
SELF_PRONOUNS = frozenset({"it", "they", "we"})
SELF_POSSESSIVES = frozenset({"its", "their", "our"})


def _owned_up(noun: Token) -> str | None:
    """Whether an act noun naming an earlier act is owned up to or disowned:

    * "claim": "X (later) claimed responsibility for the attack", "X claimed the
      bombing", "the attack was claimed by X", "X said it (its fighters) carried out the
      attack", "the attack was carried out by X",
      "X carried out the attack" (not "X has not claimed the attack", "no group claimed
      it", nor "the army said X carried out the attack", an accusation);
    * "deny": "X denied carrying out the strike", "X denied the attack"."""
    if claimant(noun) is not None:
        return "claim"
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    if verb is None:
        return None
    if verb.lemma_.lower() in DOING_VERBS and verb.dep_ in ("xcomp", "ccomp", "pcomp"):
        if verb.head.lemma_.lower() in DISOWN_VERBS and verb.head.pos_ == "VERB":
            return "deny"  # "denied carrying out the strike"
        doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        said_by_itself = verb.dep_ == "ccomp" and doer is not None and _self(doer)
        return "claim" if said_by_itself and not negated_verb(verb) else None
    if verb.lemma_.lower() in DOING_VERBS and verb.dep_ == "ROOT" and not negated_verb(verb):
        return "claim"  # the outlet says who did it: "the attack was carried out by X"
    if verb.lemma_.lower() in DISOWN_VERBS and verb.pos_ == "VERB":
        return "deny"
    return None


def _self(doer: Token) -> bool:
    """The speaker itself or its own people: "it", "they", "its fighters", "our men"."""
    return doer.lower_ in SELF_PRONOUNS or any(
        c.dep_ == "poss" and c.lower_ in SELF_POSSESSIVES for c in doer.children
    )


def _own_earlier_act(
    view: DocView,
    out: list[EventMention],
    trigger_at: list[int],
    k: int,
    owned: str,
    onto: Ontology,
) -> None:
    """A claim or denial in a later sentence ("The Front later claimed responsibility for
    the attack", "The army denied carrying out the strike") is about the nearest earlier
    act of the same kind anywhere before it in the document. The claim or denial takes
    that act's target; a claim also makes the claimant the doer of every act of that
    sentence (and of the sentences before it telling acts of that kind with no named
    doer, back to one whose doer is named) whose doer was unnamed or only described as armed men ("gunmen"), so
    resolution makes one event of both; a named doer, a people's or a state's ("Sudanese
    soldiers") is kept. A denial leaves the act as told."""
    e = out[k]
    before = acts_before(view, out, trigger_at, trigger_at[k], {e.type})
    if not before:
        return
    o = out[before[-1]]
    out[k] = replace(e, target=e.target or o.target)
    if owned == "claim" and not e.negated and e.modality not in UNDONE and e.source is not None:
        name_doer(view, out, trigger_at, before, e.source, onto, k)


def acts_before(
    view: DocView, out: list[EventMention], trigger_at: list[int], at: int, types: Set[str]
) -> list[int]:
    """Indexes of the acts of ``types``, not negated, told in sentences before token ``at``."""
    here = view.sent_no(at)
    return [j for j, (o, i) in enumerate(zip(out, trigger_at, strict=True))
            if o.type in types and not o.negated and i < at and view.sent_no(i) < here]  # fmt: skip


def name_doer(
    view: DocView,
    out: list[EventMention],
    trigger_at: list[int],
    before: list[int],
    doer: Span,
    onto: Ontology,
    upto: int,
    qualifier: str | None = None,
) -> None:
    """``doer`` did the last act of ``before`` when its doer is unnamed or only armed men
    ("gunmen"). The act may be told over several sentences ("ten soldiers died in the
    assault. Five were wounded. X claimed the attack"): the doer reaches back over the
    acts with no named doer, up to one whose doer is named. ``qualifier`` marks how the
    doer is known (``source_alleged`` for the accused of "Police blamed X")."""
    if not before or not is_unnamed(view, out[before[-1]].source, onto):
        return
    unnamed_by_sentence: dict[int, Span | None] = {}
    for j in reversed(before):
        if not is_unnamed(view, out[j].source, onto):
            break
        unnamed_by_sentence.setdefault(view.sent_no(trigger_at[j]), out[j].source)
    for j in range(upto):  # the acts told before the one naming the doer
        no = view.sent_no(trigger_at[j])
        if out[j].type not in onto.violent_types:
            continue  # "a medic asked for help" told there: no act of the doer's
        if no in unnamed_by_sentence and out[j].source == unnamed_by_sentence[no]:
            marks = (*out[j].qualifiers, qualifier) if qualifier else out[j].qualifiers
            out[j] = replace(out[j], source=doer, qualifiers=tuple(dict.fromkeys(marks)))


def is_unnamed(view: DocView, span: Span | None, onto: Ontology) -> bool:
    """No doer, or one only described as armed men ("gunmen", "armed men", "Islamist
    insurgents"): no name (an acronym is one, whatever its tag: "ISWAP fighters"), no
    people's or country's word, no state's noun."""
    if span is None:
        return True
    words = view.doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None or len(words) == 0:
        return False
    head = words[-1]
    if head.dep_ in ("amod", "compound") and head.head.i > head.i:
        head = head.head  # a span cut before its noun: "Maoist" of "Maoist rebels"
    armed = onto.actor_kind(head.lower_) == "armed"
    # a kind noun capitalised where a sentence starts ("Gunmen ambushed") is no name, nor
    # is a word of creed or region before armed men ("Islamist insurgents")
    if any((t.pos_ == "PROPN" or t.ent_type_ or acronym(t)) and onto.actor_kind(t.lower_) is None
           and not (armed and t.i < head.i and describing(t)) for t in words):  # fmt: skip
        return False
    return onto.actor_kind(words[-1].lower_) != "state"


# Capitalised words of a faith or a region that describe armed men without naming them:
# "Muslim militias", "Anglophone separatists", "Sunni gunmen".
CREED_WORDS = frozenset({"islamic", "muslim", "christian", "sunni", "shia", "shiite", "hindu",
                         "buddhist", "anglophone", "francophone"})  # fmt: skip
# Endings of the words of an ideology: "Islamist", "Maoist", "Salafist", "Marxist".
CREED_ENDINGS = ("ist",)


def acronym(word: Token) -> bool:
    """A word written in capitals, which names a body whatever the tagger makes of it
    ("Suspected ISWAP fighters", the acronym read as a common noun): two letters or more,
    not a sentence's first word alone in capitals ("A")."""
    text = word.text
    return len(text) >= 2 and text.isalpha() and text.isupper()


def describing(word: Token) -> bool:
    """A capitalised word of ideology, faith or region before armed men: "Islamist
    insurgents", "Maoist rebels", "Salafist fighters", "Anglophone separatists" -- no name
    (a name holds another word: "Islamic State fighters", "the Maoist Communist Centre")."""
    lower = word.lower_
    return lower in CREED_WORDS or lower.endswith(CREED_ENDINGS)


def _refers_back(noun: Token) -> bool:
    """An act noun naming an act told before: "the attack", "this raid", "Sunday's raid"."""
    return _anaphoric(noun) or any(c.dep_ == "poss" and when_word(c) for c in noun.children)


def _anaphoric(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ANAPHOR_DETERMINERS for c in noun.children)


def _anaphoric_causes(verb: Token) -> list[Token]:
    """Anaphoric event nouns a verb happened in or by: "wounded in the attack", "died as
    a result of these attacks"."""
    nouns = []
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            nouns.append(pobj)
            nouns += [p for q in pobj.children if q.dep_ == "prep"
                      for p in q.children if p.dep_ == "pobj"]  # fmt: skip
    return [n for n in nouns if n.pos_ == "NOUN" and _anaphoric(n)]


def _merged(own: tuple[str, ...], other: tuple[str, ...], prefix: str) -> tuple[str, ...]:
    """``own`` qualifiers plus ``other``'s that start with ``prefix`` (all for ""), never
    another event's place in a clause ("embedded") or its statement mark."""
    taken = (q for q in other if q.startswith(prefix) and q not in ("embedded", "statement"))
    return tuple(dict.fromkeys((*own, *taken)))


def _targets_of_acts(
    doc: Doc, events: list[EventMention], trigger_at: list[int], onto: Ontology
) -> list[EventMention]:
    """A statement about an act with no target of its own is aimed at the act's target:
    "offered to hand over the suspects to Britain", "agreed to provide aid for Romania"
    (AGREE, target Britain, Romania). The statement types are ``statement = true`` in
    the ontology."""
    acts: dict[int, EventMention] = {}
    for e, i in zip(events, trigger_at, strict=True):
        word = doc[i]
        if word.dep_ == "dobj" and word.head.dep_ == "xcomp":
            word = word.head  # "promised to continue military aid to X": the aid is the act
        if e.target is not None and word.dep_ in ("xcomp", "ccomp"):
            acts.setdefault(word.head.i, e)
    return [
        replace(e, target=act.target)
        if e.type in onto.statement_types
        and e.target is None
        and (act := acts.get(i)) is not None
        and act.source == e.source
        and act.target != e.source
        else e
        for e, i in zip(events, trigger_at, strict=True)
    ]


def _exchanges(
    view: DocView, events: list[EventMention], trigger_at: list[int], onto: Ontology
) -> list[EventMention]:
    """Fire answered is an exchange of fire ("shelled X; X fired back", "responded to the
    shelling", "a shelling exchange"): the attacks of the answer's sentence and of the two
    before it get the qualifier ``exchange`` (Battles / Armed clash, see [acled_exchange])."""
    rules = onto.rules
    doc, sent_of = view.doc, view.sent_no
    answered: set[int] = set()  # sentence numbers with an answer
    exchanged: set[int] = set()  # trigger tokens named as part of an exchange
    for e, i in zip(events, trigger_at, strict=True):
        if e.lemma in rules.counter_triggers:
            answered.add(sent_of(i))
        head = doc[i].head
        if head.dep_ == "prep" and head.lower_ == "of":
            head = head.head  # "an exchange of shelling"
        if head.lemma_.lower() in rules.exchange_nouns or any(
            c.lemma_.lower() in rules.exchange_nouns
            for c in doc[i].children
            if c.dep_ in ("compound", "dobj")
        ):  # "a shelling exchange" (parsed either way)
            exchanged.add(i)
    for tok in view.tokens:
        if (
            tok.lemma_.lower() in rules.counter_verbs
            and tok.pos_ == "VERB"
            and any(
                t.lemma_.lower() == "fire"
                or "ASSAULT" in (onto.noun_type(t.lemma_), onto.verb_type(t.lemma_))
                for t in tok.subtree
                if t.i != tok.i
            )
        ):
            answered.add(sent_of(tok))
    if not answered and not exchanged:
        return events
    near = {k - d for k in answered for d in (0, 1, 2)}
    return [
        replace(e, qualifiers=(*e.qualifiers, "exchange"))
        if e.type == "ASSAULT" and (i in exchanged or sent_of(i) in near)
        else e
        for e, i in zip(events, trigger_at, strict=True)
    ]
