"""Actor clustering is decided per key: the same actors whatever order documents come in,
and a new document changes only the actors its keys reach."""

import random

import pytest

from eventwire.config import Settings
from eventwire.extract import Resources
from eventwire.model import DocumentRecords, Evidence, Mention, Span
from eventwire.resolve.actor_keys import KeyGraph, strength, unit_keys
from eventwire.resolve.actor_units import Unit
from eventwire.resolve.actors import resolve_actors
from eventwire.resolve.overrides import Overrides

# invented people and organisations; spellings vary as transliterations do
PEOPLE = [
    ("Bashir", ("Qumrawi", "Kumrawi", "Gumrawi")),
    ("Omar", ("Zintawi", "Zentawi")),
    ("Yusuf", ("Zintawi",)),
    ("Salem", ("Daraji", "Deraji")),
    ("Nouri", ("Fassani",)),
]
ORGS = [("Coastal Defence Brigade", "CDB"), ("Central Desert Battalion", "CDB"),
        ("Western Shield Force", "WSF")]  # fmt: skip


def random_doc(rng: random.Random, n: int) -> DocumentRecords:
    """A document naming a few of the invented actors, each as a full name, a family
    name alone or both, or an organisation by name, acronym or both."""
    aid = f"doc{n:04d}"
    mentions, pos = [], 0
    for g in range(rng.randint(1, 4)):
        if rng.random() < 0.6:
            given, spellings = rng.choice(PEOPLE)
            family = rng.choice(spellings)
            forms = rng.choice([[f"{given} {family}"], [family], [f"{given} {family}", family]])
            label = rng.choice(["PERSON", "PERSON", "ORG"])
        else:
            name, acronym = rng.choice(ORGS)
            forms = rng.choice([[name], [acronym], [name, acronym]])
            label = "ORG"
        for text in forms:
            span = Span(pos, pos + len(text), text)
            mentions.append(Mention(aid, span, label, Evidence(aid, text, pos, span.end),
                                    normalized=text, group=f"g{g}"))  # fmt: skip
            pos = span.end + 1
    return DocumentRecords(article_id=aid, mentions=tuple(mentions))


@pytest.fixture(scope="module")
def res(tmp_path_factory):
    return Resources(Settings(db=str(tmp_path_factory.mktemp("kb") / "x.db")))


def picture(r):
    return (r.actors, r.mention_actor, r.explanations)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_actors_in_any_document_order(res, seed):
    rng = random.Random(seed)
    docs = [random_doc(rng, n) for n in range(60)]
    expected = picture(resolve_actors(docs, res))
    for _ in range(4):
        rng.shuffle(docs)
        assert picture(resolve_actors(docs, res)) == expected


def test_a_family_name_shared_by_two_people_joins_neither(res):
    rng = random.Random(5)
    docs = [random_doc(rng, n) for n in range(80)]
    r = resolve_actors(docs, res)
    zintawis = [a for a in r.actors if "Zintawi" in (a.name, *a.aliases)]
    names = {a.name for a in zintawis}
    assert {"Omar Zintawi", "Yusuf Zintawi"} <= names
    alone = next(a for a in zintawis if a.name == "Zintawi")
    assert any("different given names" in e for e in r.explanations[alone.id])


def test_new_document_changes_only_actors_its_keys_reach(res):
    rng = random.Random(11)
    docs = [random_doc(rng, n) for n in range(50)]
    before = resolve_actors(docs, res)
    new = [DocumentRecords("doc9999", mentions=(Mention(
        "doc9999", Span(0, 13, "Nouri Fassani"), "PERSON",
        Evidence("doc9999", "Nouri Fassani", 0, 13), normalized="Nouri Fassani", group="g0"),))]  # fmt: skip
    after = resolve_actors(docs + new, res)
    touched = {a.id for a in after.actors if "Nouri Fassani" in (a.name, *a.aliases)}
    unchanged = {a.id: a for a in before.actors if a.id not in touched}
    assert unchanged == {a.id: a for a in after.actors if a.id not in touched}
    assert {k: v for k, v in before.mention_actor.items() if v not in touched} == {
        k: v for k, v in after.mention_actor.items() if v not in touched
    }


def _unit(article, forms, label="PERSON"):
    u = Unit(article, "g1")
    for f in forms:
        u.forms[f] += 1
        u.labels[label] += 1
    return u


def test_a_key_is_decided_by_its_stronger_carriers_only():
    units = [
        _unit("a", ["Khalid Marzouq", "Marzouq"]),  # anchor: the full name
        _unit("b", ["Marzouq"]),  # one word: joins the full name that also carries it
        _unit("c", ["Khalid Marzouk"]),  # the full name's other spelling: same key
    ]
    keys = [unit_keys(u, Overrides()) for u in units]
    assert all(strength(ks[0]) >= strength(k) for ks in keys for k in ks)
    graph = KeyGraph(keys, [u.is_single_name and u.is_personish for u in units])
    assert len({graph.cluster_of(i) for i in range(3)}) == 1
    # the decisions do not depend on the order the units are given in
    back = KeyGraph(keys[::-1], [u.is_single_name and u.is_personish for u in units[::-1]])
    assert [back.cluster_of(i) for i in range(3)][::-1] == [graph.cluster_of(i) for i in range(3)]
