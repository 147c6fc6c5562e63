"""Countries named as parties to an act, not as where it happened.

A country's name in a sentence is often one of the sides, partners or counterparts of
what is told, read from the parse: the object of "with" ("a trade accord with Peru",
"talks with Iran"), a member of a list headed by a noun of parties ("partners such as
Canada", "allies, including Germany"), a passive agent ("the plan was rejected by
Brazil"), and each further conjunct of such an object ("objections from Brazil and
India": India as much as Brazil). None of these says where the act took place; the
event keeps the place its clause gives otherwise, or none.

A list of lands still places: "villages in countries such as Niger" lie in Niger. A noun
that names a place ("the border with Uganda") is left to the reference-point rules of
:mod:`placerefs`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.notactors import BORDER_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

# "such as", "including", "like": a list's members after the noun that heads it
_LIST_PREPS = frozenset({"including", "like"})
# nouns whose members are lands: "in countries such as Niger" lists places
_LANDS = frozenset({"country", "nation", "state", "place", "part", "land", "territory"})


def first_conjunct(token: Token) -> Token:
    """The first of a coordination's conjuncts ("Brazil" of "Brazil and India")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def party_country(root: Token, place_heads: frozenset[str]) -> bool:
    """Whether ``root``, the head word of a country's name, names a party rather than a
    place: the object of "with", of a list of parties ("such as", "including", "like"),
    or of a passive "by", or a later conjunct of an origin "from" after a noun ("support
    from Brazil and India"). ``place_heads`` are the nouns that name places ("border",
    "city"): a list or a "with" hanging from one of them still places."""
    node = first_conjunct(root)
    if node.dep_ != "pobj":
        return False
    prep = node.head
    owner = prep.head
    # a shared edge ("the frontier with Sudan") is a reference point, not a party
    edges = place_heads | BORDER_NOUNS
    if owner.lemma_.lower() in edges or owner.lower_ in edges:
        return False
    word = prep.lower_
    if word == "with":
        return True
    if prep.dep_ == "agent" or (word == "by" and owner.pos_ == "VERB"):
        return True
    if word == "from":
        # the first conjunct is the origin rule's own ("troops from Chad"); later ones too
        return node is not root and owner.pos_ in ("NOUN", "PROPN")
    listed = word in _LIST_PREPS or (
        word == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"
    )
    # "villages in countries such as Niger": a list of lands is a list of places
    return listed and owner.pos_ in ("NOUN", "PROPN") and owner.lemma_.lower() not in _LANDS
