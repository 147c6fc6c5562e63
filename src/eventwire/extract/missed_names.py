"""Names the model did not tag: KB names and aliases written in the text, acronyms
defined in brackets ("Libyan National Army (LNA)"), a known surname written again, a
capital as a subject ("Kyiv said"), names after an alias cue ("widely known as X").
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.extract.aliases import (
    bracket_after,
    names_after_cues,
    short_name_shape,
)
from eventwire.extract.demonyms import GROUP_NOUNS, country_owned
from eventwire.extract.docview import DocView
from eventwire.extract.mention_candidates import SUBJECT_DEPS
from eventwire.extract.namephrases import (
    Cand,
    taken_tokens,
)
from eventwire.extract.notactors import (
    is_calendar_word,
)
from eventwire.extract.titles import strip_titles
from eventwire.knowledge.kb import name_letters
from eventwire.text.names import clean_surface
from eventwire.text.translit import family_key, name_key

KB_LABELS = {"person": "PERSON", "country": "GPE"}  # every other KB type votes ORG


MAX_NAME_TOKENS = 7


def missed_names(view: DocView, cands: list[Cand], kb: Any) -> list[Cand]:
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

    found = bracketed_short_names(doc, cands, taken)  # "the Armed Police Battalion (APBn)"
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


def bracketed_short_names(doc: Any, cands: list[Cand], taken: list[bool]) -> list[Cand]:
    """Short names of another shape than capitals alone that a body's name gives in a
    bracket after it ("the Armed Police Battalion (APBn)", "the VRAEM Special Command
    (CE-VRAEM)"), which the tagger leaves out, and their later uses ("the APBn said"):
    organisations, marked taken. Only after a body's name of two words or more: "the Line
    of Control (LoC)" is a place and no candidate, so its bracket names no actor."""
    found: list[Cand] = []
    shorts: set[str] = set()
    for c in cands:
        inside = bracket_after(doc, c.end)
        if (
            inside is None
            or c.label != "ORG"
            or c.group_hint is not None
            or len(c.name.split()) < 2
            or _CAPITALS.fullmatch(inside[2])  # capitals alone: the text pass finds them
            or not short_name_shape(inside[2])
        ):
            continue
        shorts.add(inside[2])
    for short in sorted(shorts):
        for m in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", doc.text):
            span = doc.char_span(m.start(), m.end())
            if span is not None and not any(taken[span.start : span.end]):
                found.append(Cand(span.start, span.end, "ORG", short))
                taken[span.start : span.end] = [True] * len(span)
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
_CAPITALS = re.compile(r"[A-Z]{2,6}")


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
    for n in range(1, min(MAX_NAME_TOKENS, len(tokens) - i) + 1):
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
        if (owned := country_owned(kb, entry, view.doc[i : i + n])) is not None:
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
