"""What an article calls a body, read from the words around its one-word name.

A bare acronym or one-word name ("the KDP", "Congress") says little of what it names, and
its own words may mislead ("Congress" is also a legislature's name). The article often
says more, in two constructions read here:

* its members as a modifier: "<Name> MLA(s)", "<Name> MP(s)", "<Name> MLC(s)", "<Name>
  corporator(s)", possessive or not ("two KDP MPs", "the Congress's MLAs"): only a party
  has members elected under its name;
* its side of a house: "the ruling <Name>", "the opposition <Name>": a party, whether in
  power this week or not (the type is the body's, not its role);
* the noun "party" right after a name the tagger cut before it ("the samajwadi party",
  "the Velmar Party" tagged "Velmar"): the party's own name, which the noun completes.

The kind is kept as the mention's ``role`` ("party"), which resolution reads as the
unit's type before the name's words (:func:`eventwire.resolve.actor_units.unit_type`).
Names of several words keep the type their words give ("the ruling Unity Government").
"""

from __future__ import annotations

import re
from typing import Any

PARTY_ROLE = "party"
# Members elected under a party's name: "<Name> MLAs" (no legislature writes its members so).
PARTY_MEMBER_NOUNS = frozenset(
    {"mla", "mlas", "mp", "mps", "mlc", "mlcs", "corporator", "corporators"}
)
HOUSE_SIDES = frozenset({"ruling", "opposition"})


def party_by_context(doc: Any, start: int, end: int) -> bool:
    """Whether the one-word name at tokens [start, end) is written with a party's members
    after it ("KDP MPs", "the Congress's MLAs") or a side of a house before it ("the
    ruling KDP", "the opposition Congress")."""
    i = end
    if i < len(doc) and doc[i].lower_ in ("'s", "’s"):
        i += 1
    if i < len(doc) and doc[i].lower_ in PARTY_MEMBER_NOUNS:
        return True
    return start > 0 and doc[start - 1].lower_ in HOUSE_SIDES


def mark_parties(doc: Any, cands: list[Any]) -> None:
    """Give the role "party" to one-word body names the article writes as a party's
    (:func:`party_by_context`): named, in no KB entry, tagged a body, with no role yet;
    and complete a name the tagger cut before "party" (:func:`party_noun_after`)."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    for c in cands:
        if party_noun_after(doc, c, taken):
            c.name = f"{c.name} {doc[c.end].text}"
            c.end += 1
            c.label = "ORG"
            taken.add(c.end - 1)
            continue
        if (
            c.group_hint is None
            and c.kb_id is None
            and c.role is None
            and c.label == "ORG"
            and " " not in c.name
            and party_by_context(doc, c.start, c.end)
        ):
            c.role = PARTY_ROLE


def party_noun_after(doc: Any, c: Any, taken: set[int]) -> bool:
    """Whether the noun "party" follows a named candidate the KB does not know, in no
    other candidate ("the samajwadi party" tagged "samajwadi", as a person or a body)."""
    return (
        c.group_hint is None
        and c.kb_id is None
        and c.role is None
        and c.label in ("ORG", "PERSON", "NORP")
        and c.end < len(doc)
        and doc[c.end].lower_ == "party"
        and c.end not in taken
        and not c.name.lower().endswith("party")
    )


# Institutions every state has: a name made only of these words ("the Supreme Court", "the
# National Assembly", "the Defence Ministry", "Congress") names a different body in every
# country, so it is one actor only with its country (:func:`institution_name`). A head noun
# must be among them; "the African National Congress" (a word of its own) is a proper name.
INSTITUTION_HEADS = frozenset(
    {"parliament", "congress", "senate", "assembly", "court", "ministry", "bank", "commission",
     "cabinet", "presidency", "legislature", "treasury", "judiciary", "representatives",
     "office"}
)  # fmt: skip
INSTITUTION_WORDS = INSTITUTION_HEADS | frozenset(
    {"the", "of", "and", "for", "national", "supreme", "constitutional", "high", "federal",
     "central", "electoral", "election", "elections", "independent", "upper", "lower", "house",
     "reserve", "state", "interior", "defence", "defense", "foreign", "affairs", "finance",
     "health", "justice", "home", "information", "education", "security", "internal"}
)  # fmt: skip
_SPELLINGS = {"defense": "defence", "elections": "election"}
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


def institution_name(name: str, kb: Any) -> tuple[str, str | None] | None:
    """The generic words of an institution's name, and the country its name gives, or None
    when the name is no institution every state has. The country is read from a demonym or
    a country's name before the words ("the Ugandan Supreme Court", "Kenya's parliament",
    "the US Congress") or "of"/"in" a country or capital after them ("the Supreme Court of
    Kenya", "the parliament in Nairobi"). "X Ministry" and "Ministry of X" are one key
    ("defence ministry"), as are "defense" and "defence"."""
    words = name.split()
    while words and words[0].lower() == "the":
        words = words[1:]
    iso3 = None
    for i in range(1, len(words) - 1):
        if words[i].lower() in ("of", "in") and (found := country_named(words[i + 1 :], kb)):
            iso3, words = found, words[:i]
            break
    for j in range(min(3, len(words) - 1), 0, -1):
        if found := country_named(words[:j], kb):
            if iso3 not in (None, found):
                return None  # two countries in one name: no one state's body
            iso3, words = found, words[j:]
            break
    low = [_SPELLINGS.get(w, w) for w in (w.lower().strip(".,") for w in words)]
    if not low or not set(low) <= INSTITUTION_WORDS or not set(low) & INSTITUTION_HEADS:
        return None
    if low[0] in ("the", "of", "and", "for") or low[-1] in ("the", "of", "and", "for"):
        return None
    key = " ".join(w for w in low if w != "the")
    if (m := re.fullmatch(r"(ministry|commission) (?:of|for) (.+)", key)) is not None:
        key = f"{m.group(2)} {m.group(1)}"  # "Ministry of Defence" is "the Defence Ministry"
    return key, iso3


def country_named(words: list[str], kb: Any) -> str | None:
    """The ISO3 of the country (or the country of the capital) these words name: a
    country's name, possessive or not, a demonym, a capital ("Nairobi")."""
    if not words:
        return None
    text = _POSSESSIVE.sub("", " ".join(words))
    if text.lower().startswith("the "):
        text = text[4:]
    if not text or not text[0].isupper():
        return None
    if iso3 := kb.country_by_demonym(text):
        return str(iso3)
    entry = kb.lookup_exact(text)
    if entry is not None and entry.type == "country" and entry.country:
        return str(entry.country)
    found = kb.country_of_capital(text)
    return str(found) if found else None


# Nouns of one person an appositive name follows ("a resident, Ana Cruz, said"; "their
# mother, Tigist Alemu"; "the prefect of the district, Paul Mbarga"): the name is a person's.
PERSON_NOUNS = frozenset(
    {"resident", "driver", "mother", "father", "son", "daughter", "brother", "sister", "wife",
     "husband", "widow", "uncle", "aunt", "cousin", "neighbour", "neighbor", "farmer", "trader",
     "teacher", "schoolteacher", "student", "nurse", "doctor", "surgeon", "witness", "survivor",
     "leader", "head", "chief", "commander", "spokesman", "spokeswoman", "spokesperson",
     "prefect", "governor", "mayor", "aide", "adviser", "advisor", "lawyer", "activist",
     "journalist", "reporter", "researcher", "analyst", "shopkeeper", "fisherman", "herder",
     "pastor", "priest", "imam", "cleric", "elder", "chairman", "chairwoman", "director",
     "secretary", "soldier", "officer", "policeman", "constable", "courier", "worker",
     "villager", "official", "administrator", "councillor", "councilor", "man", "woman"}
)  # fmt: skip
# Nouns of an office: right before a name without a comma they are a title, which the title
# rules read ("Chairman Kestrel Harbour Shipping Lines" may be a body).
OFFICE_NOUNS = frozenset(
    {"leader", "head", "chief", "commander", "spokesman", "spokeswoman", "spokesperson",
     "prefect", "governor", "mayor", "chairman", "chairwoman", "director", "secretary",
     "official", "administrator", "officer", "minister"}
)  # fmt: skip
# Words of a body's name: a name with one of them is no person's, whatever is around it.
_BODY_WORDS = re.compile(
    r"(?i)\b(?:army|forces?|police|ministry|office|agency|service|council|committee|party|"
    r"front|movement|union|group|court|bank|hospital|university|company|corporation|"
    r"command|corps|division|brigade|battalion|directorate|authority|commission|assembly|"
    r"parliament|congress|government|news|radio|institute|centre|center|foundation)\b"
)
PERSON_LABEL = "PERSON"


def mark_people(doc: Any, cands: list[Any]) -> None:
    """Label a person the name the tagger took for a body or a place when the article writes
    it as a person's, in two constructions: an age in commas after it ("Ana Cruz, 52,
    said"); a noun of one person in apposition before or after it ("a resident, Ana Cruz,",
    "the driver of the bus, Ana Cruz", "their mother, Ana Cruz", "Ana Cruz, a bandit
    leader") or right before it ("Mayor's aide Ana Cruz"). Only a name of capitalised
    words without a body's word ("the National Police", "Joint Command") and unknown to the
    KB; the group's label is then voted as before."""
    for c in cands:
        if c.label == PERSON_LABEL or c.group_hint is not None or c.kb_id is not None:
            continue
        words = c.name.split()
        if not 0 < len(words) <= 4 or _BODY_WORDS.search(c.name):
            continue
        if not all(w[:1].isupper() for w in words if w.lower() not in NAME_PARTICLES):
            continue
        if (
            _age_after(doc, c.end)
            or _person_noun_near(doc, c.start, c.end)
            or given_as_name(doc, c.start)
        ):
            c.label = PERSON_LABEL


_FORMAL_NAME = re.compile(
    r"(?i)\b(?:the|its|their)\s+(?:formal|official)\s+name\s+(?:of|for)\s+(?:the\s+)?$"
)


def mark_named_bodies(doc: Any, cands: list[Any]) -> None:
    """Label a body the name the tagger took for a person when the article gives its
    formal name: "the Jamaat X, the formal name of Kestrel Haram" (a person has a full
    name, a body a formal or official one). Only a name the KB does not know."""
    for c in cands:
        if c.label != PERSON_LABEL or c.kb_id is not None or c.group_hint is not None:
            continue
        before = doc[max(0, c.start - 6) : c.start].text + " "
        if _FORMAL_NAME.search(before):
            c.label = "ORG"


SPEECH_WORDS = frozenset({"said", "says", "told", "added", "stated", "reported", "explained"})
NAME_PARTICLES = frozenset({"al", "el", "bin", "ben", "ibn", "de", "da", "van", "von", "abu"})


def _age_after(doc: Any, end: int) -> bool:
    """ "<name>, 52," or "<name>, 52." or "(52)": an age right after a name."""
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].like_num:
        after = doc[end + 2].text if end + 2 < len(doc) else "."
        return doc[end + 1].text.isdigit() and 0 < int(doc[end + 1].text) < 110 and after in ",.;"
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        return doc[end + 1].text.isdigit() and 0 < int(doc[end + 1].text) < 110
    return False


# Words between "name"/"named" and the name it gives: "gave only her first name, Ana",
# "asked to be named only as Ana", "goes by the name 'Ana'".
_NAMING_GAP = frozenset({",", "as", "only", "simply", '"', "\u201c", "'", "\u2018"})
_NAMING_WORDS = frozenset({"name", "named", "identified"})
_WHO = frozenset({"who", "whom"})


def given_as_name(doc: Any, start: int) -> bool:
    """A name someone gives as theirs in a relative clause on them: "a nurse, who gave only
    her first name, Ana, said", "a driver who asked to be named only as Ana", "the
    spokesman, who goes by the name Ana": the words before the name end in "name",
    "named" or "identified" (with "as", "only", a comma or a quote mark between), and
    "who" opens the clause a few words before."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in _NAMING_GAP:
        i -= 1
    if i < 0 or i == start - 1 and doc[i].lower_ != "name" or doc[i].lower_ not in _NAMING_WORDS:
        return False  # ("named X" with nothing between is a name's verb: "a group named X")
    sent_start = doc[i].sent.start
    return any(doc[k].lower_ in _WHO for k in range(max(sent_start, i - 8), i))


def _person_noun_near(doc: Any, start: int, end: int) -> bool:
    """A noun of one person right before a name ("resident Ana Cruz"), before the comma of
    an appositive, its complement between ("the driver of the bus, Ana Cruz"), or in an
    appositive after it ("Ana Cruz, a bandit leader")."""
    if start > 0 and doc[start - 1].lower_ in PERSON_NOUNS - OFFICE_NOUNS:
        return True  # an office before a name is its title, read as such before
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("a", "an"):
        for tok in doc[end + 2 : min(len(doc), end + 6)]:
            if tok.is_punct:
                break
            if tok.lower_ in PERSON_NOUNS:
                # "fled to Jacmel, a local official said": who said it, no apposition
                after = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
                return after not in SPEECH_WORDS
    if start < 2 or doc[start - 1].text != ",":
        return False
    for i in range(start - 2, max(-1, start - 9), -1):
        tok = doc[i]
        if (tok.is_punct and tok.text != "-") or tok.lower_ in ("said", "says", "and", "or"):
            return False  # a hyphen joins a complement's name ("the Mayo-Kani department")
        if tok.lower_ in PERSON_NOUNS and (i == 0 or doc[i - 1].lower_ != "of"):
            return True  # "the head of the committee, X" (not "a group of residents, X")
    return False
