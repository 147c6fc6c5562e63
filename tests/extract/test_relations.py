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


def support(run, text):
    """(holder, other, modality, negated) of every support relation stated in ``text``."""
    return {
        (r.source.text, r.target.text, r.modality, r.negated)
        for r in run(text)["relations"]
        if r.type == "support"
    }


@pytest.mark.parametrize(
    ("text", "holders", "other"),
    [
        ("The Iran-backed Houthi movement fired missiles at Riyadh.", {"Iran"}, "Houthi"),
        ("Chad is among the countries backing Hemedti.", {"Chad"}, "Hemedti"),
        ("Niger is one of Hemedti's main backers.", {"Niger"}, "Hemedti"),
        ("Oman is among Hemedti's backers.", {"Oman"}, "Hemedti"),
        ("Bashir relies on backers like Qatar.", {"Qatar"}, "Bashir"),
        (
            "Bashir faces little pressure from backers such as Qatar and Turkey.",
            {"Qatar", "Turkey"},
            "Bashir",
        ),
        ("Bashir has received weapons from Belarus and Serbia.", {"Belarus", "Serbia"}, "Bashir"),
        (
            "Bashir, who has been getting funding from Qatar, refused to resign.",
            {"Qatar"},
            "Bashir",
        ),
        ("Bashir enjoys the backing of Qatar.", {"Qatar"}, "Bashir"),
        ("Bashir, with the support of Qatar, crushed the protests.", {"Qatar"}, "Bashir"),
        ("Military backing for Hemedti from Chad grew last year.", {"Chad"}, "Hemedti"),
        ("Chad threw its weight behind Hemedti.", {"Chad"}, "Hemedti"),
        ("Chad lent its support to Hemedti.", {"Chad"}, "Hemedti"),
        (
            "Supporters of Hemedti, including Chad and Niger, met in Paris.",
            {"Chad", "Niger"},
            "Hemedti",
        ),
        ("Jordan's King Abdullah, another of the SAF's backers, spoke.", {"Abdullah"}, "SAF"),
        (
            "Jordan, which borders Iraq, is one of the SAF's main foreign backers.",
            {"Jordan"},
            "SAF",
        ),
    ],
)
def test_support_constructions(run, text, holders, other):
    got = support(run, text)
    assert {(h, other, "asserted", False) for h in holders} <= got


def test_hyphenated_agent_of_an_event_noun_is_no_relation(run):
    assert support(run, "The Kremlin-backed ousting of Morsi was condemned.") == set()


def test_list_after_a_verb_gives_each_holder_its_own_modality(run):
    got = support(
        run, "Also backing Bashir: Qatar and Turkey with money; and Iran has allegedly sent drones."
    )
    assert got == {
        ("Qatar", "Bashir", "asserted", False),
        ("Turkey", "Bashir", "asserted", False),
        ("Iran", "Bashir", "alleged", False),
    }


def test_conjunct_that_starts_a_new_clause_is_not_a_target(run):
    got = support(
        run,
        "Chad is believed to be among the countries backing Hemedti and Mali is sending troops.",
    )
    assert ("Chad", "Hemedti", "alleged", False) in got
    assert not any(other == "Mali" for _, other, _, _ in got)


@pytest.mark.parametrize(
    ("text", "modality", "negated"),
    [
        # Negation of a superlative or grading modifier keeps the relation.
        ("Qatar is not Bashir's biggest backer.", "asserted", False),
        ("Qatar is probably not the only backer of Bashir.", "asserted", False),
        ("Qatar is not a backer of Bashir.", "negated", True),
        ("Qatar is no longer an ally of Bashir.", "negated", True),
        ("Qatar is likely a backer of Bashir.", "alleged", False),
        # What the clause says about "pressure" does not reach the backers.
        ("Bashir will not face pressure from backers including Qatar.", "asserted", False),
        ("If Bashir gets support from Qatar, he will win.", "hypothetical", False),
        ("Chad is not among the countries backing Hemedti.", "negated", True),
    ],
)
def test_relation_polarity_and_modality(run, text, modality, negated):
    got = [r for r in run(text)["relations"] if r.target.text in ("Bashir", "Hemedti")]
    assert got and all((r.modality, r.negated) == (modality, negated) for r in got)


def relation_dates(nlp, resources, text):
    import importlib

    from eventwire.extract import DocContext
    from eventwire.model import Article
    from eventwire.registry import extractors

    ctx = DocContext(Article(id="t", text=text, published="2019-04-05"), nlp(text), resources)
    for name in ("mentions", "timexes", "relations"):
        importlib.import_module(
            {"timexes": "eventwire.extract.dates"}.get(name, f"eventwire.extract.{name}")
        )
        comp = extractors.get(name).obj(resources)
        produced = comp(ctx)
        for kind in (*comp.assigns, *comp.extends):
            if kind in produced:
                ctx.put(kind, produced[kind])
    return {(r.source.text, r.when and r.when.value) for r in ctx.relations}


def test_a_relation_is_dated_by_its_own_clause(nlp, resources):
    got = relation_dates(nlp, resources, "In 2016, Qatar was one of Bashir's main backers.")
    assert ("Qatar", "2016") in got


def test_a_relation_is_not_dated_by_another_clause(nlp, resources):
    text = "Bashir has backers including Qatar, which has seen him as an asset since 2011."
    assert ("Qatar", "2019-04-05") in relation_dates(nlp, resources, text)


def test_a_headline_run_into_the_first_sentence_gives_no_relation(run):
    text = "Rebels retake the port from Bashir's army\nForces loyal to the Council took the port."
    assert not any(r.source.text == "Bashir" for r in run(text)["relations"])


def test_a_named_relation_is_attributed_to_who_names_it(run):
    got = run("The UN called Qatar a key backer of the rebels.")["relations"]
    assert [
        (r.source.text, r.target.text, r.attributed_to and r.attributed_to.text) for r in got
    ] == [("Qatar", "rebels", "UN")]


def test_a_small_clause_relation_keeps_its_modality(run):
    got = run("His experience could make Hemedti a likely ally of President Putin.")["relations"]
    assert [(r.source.text, r.modality) for r in got] == [("Hemedti", "hypothetical")]


def test_relative_clause_subject_reaches_a_controlled_relation_verb(run):
    got = support(
        run, "Oman, which is also believed to support Hemedti from the air, did not respond."
    )
    assert got == {("Oman", "Hemedti", "alleged", False)}


@pytest.mark.parametrize(
    ("text", "modality", "negated"),
    [
        # A noun phrase presupposes its relation; the clause around it does not reach it.
        (
            "Hemedti's foreign backers, including Chad and Niger, denied the report.",
            "asserted",
            False,
        ),
        ("Turkey, an ally of the GNA, did not send troops.", "asserted", False),
        ("The Qatar-backed Houthi movement did not fire missiles.", "asserted", False),
        ("Alleged backers of Hemedti, including Chad, met in Paris.", "alleged", False),
        # What the clause predicates is under its modality.
        ("Chad denied being among Hemedti's backers.", "denied", True),
        ("Officers from Chad could put their full support behind Hemedti.", "hypothetical", False),
    ],
)
def test_presupposed_and_predicated_relations(run, text, modality, negated):
    got = run(text)["relations"]
    assert got and all((r.modality, r.negated) == (modality, negated) for r in got)


def test_an_armed_rival_fights_and_a_rival_opposes(run):
    text = "The Sahel Front is an armed rival of the Azawad Movement."
    assert ("fight", "The Sahel Front", "the Azawad Movement", "asserted") in rels(run, text)
    text = "The Sahel Front is a political rival of the Azawad Movement."
    assert ("oppose", "The Sahel Front", "the Azawad Movement", "asserted") in rels(run, text)


def test_a_speakers_it_keeps_the_status_of_its_clause(run):
    # "it" is the speaker of the clause (extract/pronouns.py); the clause's status stands
    got = {(e.type, e.source.text, e.target.text, e.negated)
           for e in run("Uganda denies the report and says it has never armed the Allied "
                        "Democratic Forces.")["events"] if e.source and e.target}  # fmt: skip
    assert ("AID", "Uganda", "the Allied Democratic Forces", True) in got
    got = {(e.type, e.source.text, e.modality) for e in run(
        "Uganda summoned the envoy and said it would back the Congolese army if the talks "
        "failed.")["events"] if e.source}  # fmt: skip
    assert ("SUPPORT", "Uganda", "future") in got


def test_a_fight_for_a_people_is_no_fight_against_them(run):
    got = [e for e in run("The Arakan Army, an armed group that says it fights for the Rakhine "
                          "people, attacked a police post.")["events"]
           if e.target is not None and "Rakhine" in e.target.text]  # fmt: skip
    assert got == []


def test_fighting_alongside_in_a_relative_clause_is_the_antecedents(run):
    got = rels(run, "Eritrea, which fought beside the Ethiopian army in Tigray, denied the report.")
    assert ("ally", "Eritrea", "Ethiopian army", "asserted") in got
    got = rels(
        run,
        "The Tigray People's Liberation Front, which was killed alongside the army, held the town.",
    )
    assert not any(t == "ally" for t, *_ in got)  # a fate shared, not a side
