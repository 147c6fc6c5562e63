import pytest

pytestmark = pytest.mark.slow


def rels(run, text):
    return {(r.type, r.source.text, r.target.text, r.modality) for r in run(text)["relations"]}


def test_backers_including_gives_one_relation_per_member(run):
    got = rels(run, "Haftar has foreign backers including the UAE, Egypt and France.")
    assert {("support", x, "Haftar", "asserted") for x in ("UAE", "Egypt", "France")} <= got


def test_ally_of_appositive(run):
    assert ("ally", "Turkey", "GNA", "asserted") in rels(
        run, "Turkey, an ally of the GNA, sent troops."
    )


def test_opposes(run):
    assert ("oppose", "Turkey", "Haftar", "asserted") in rels(run, "Turkey opposes Haftar.")


def test_aligned_with(run):
    got = rels(run, "The Tripoli Brigades are aligned with the GNA.")
    assert any(t == "ally" and tgt == "GNA" for t, _, tgt, _ in got)


def test_negated_relation(run):
    got = [r for r in run("Egypt is not an ally of Qatar.")["relations"]]
    assert got and got[0].negated
