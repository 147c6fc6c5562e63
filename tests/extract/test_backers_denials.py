"""Who backs whom (issue 13 item 4) and the scope of denial (item 5), one construction
per test, on sentences we wrote."""

import pytest

pytestmark = pytest.mark.slow


def supports(run, text):
    """(giver, receiver, modality) of every support stated in ``text``: relation
    statements and SUPPORT/AID events alike, as resolution counts both."""
    records = run(text)
    got = {
        (r.source.text, r.target.text, r.modality)
        for r in records["relations"]
        if r.type == "support"
    }
    got |= {
        (e.source.text, e.target.text, e.modality)
        for e in records["events"]
        if e.type in ("SUPPORT", "AID") and e.source and e.target
    }
    return got


def events_of(run, text, etype):
    return [e for e in run(text)["events"] if e.type == etype]


# --- item 4: coordination, absolute clauses, possessives, passives, noun phrases, "to help"


@pytest.mark.parametrize(
    ("text", "givers", "receiver"),
    [
        # coordination in the giver's role of a support noun
        (
            "The junta in Niamey, led by Tiani, gets help from Moscow and Minsk.",
            {"Moscow", "Minsk"},
            "junta",
        ),  # fmt: skip; the junta is an actor of its own (a state's, by its noun)
        (
            "Tiani has backers including Algeria, Russia and Belarus.",
            {"Algeria", "Russia", "Belarus"},
            "Tiani",
        ),  # fmt: skip
        # coordination of a passive agent
        ("Tiani is backed by Algeria and Belarus.", {"Algeria", "Belarus"}, "Tiani"),
        # "support for X from A and B": the parser hangs "from" on X; the phrase is the
        # subject of the next verb, so B starts no clause of its own
        (
            "Support for Tiani from Algeria and Belarus has grown.",
            {"Algeria", "Belarus"},
            "Tiani",
        ),  # fmt: skip
        # "X's backers include A and B"
        ("Tiani's backers include Algeria and Belarus.", {"Algeria", "Belarus"}, "Tiani"),
        # a list of gifts, each with its giver: "weapons from A, money from B"
        (
            "Tiani receives weapons from Belarus, money from Algeria and fuel from Chad.",
            {"Belarus", "Algeria"},
            "Tiani",
        ),  # fmt: skip
    ],
)
def test_every_coordinated_giver_is_kept(run, text, givers, receiver):
    got = supports(run, text)
    assert {(g, receiver, "asserted") for g in givers} <= {
        (g, r, m) for g, r, m in got if r == receiver
    }


def test_absolute_clause_gives_each_verb_its_own_subject(run):
    # "with X V-ing Y and Z V-ing W": Z is the second clause's subject, not Y's conjunct
    text = "With Algeria backing the Azawad movement and Belarus arming Tiani, talks stalled."
    got = supports(run, text)
    assert ("Belarus", "Tiani", "asserted") in got
    assert not any(receiver == "Belarus" for _, receiver, _ in got)
    assert not any(giver == "Algeria" and receiver == "Tiani" for giver, receiver, _ in got)


@pytest.mark.parametrize(
    ("text", "holder", "other"),
    [
        # possessive subject of a copula: "X's closest ally has been Y"
        ("Tiani's closest ally has been Belarus.", "Belarus", "Tiani"),
        # possessive with an apposition: "X's patron Y"
        ("Tiani's patron Belarus sent fuel.", "Belarus", "Tiani"),
        # appositive agent noun: "Y, a backer of X"
        ("Belarus, a backer of Tiani, sent fuel.", "Belarus", "Tiani"),
        # "X counts Y among its allies"
        ("Tiani counts Belarus among his allies.", "Belarus", "Tiani"),
        # the first of a group: "X's backers, led by Y"
        ("Tiani's foreign backers, led by Belarus, met in Minsk.", "Belarus", "Tiani"),
    ],
)
def test_possessive_and_noun_phrase_backers(run, text, holder, other):
    got = {(r.source.text, r.target.text) for r in run(text)["relations"]}
    assert (holder, other) in got


def test_a_relative_passive_backs_its_antecedent(run):
    # "X, who are supported by A and B": the relative pronoun stands for X
    got = supports(
        run, "Talks excluded the Azawad movement, who are supported by Algeria and Chad."
    )
    assert {("Algeria", "the Azawad movement"), ("Chad", "the Azawad movement")} <= {
        (g, r) for g, r, _ in got
    } or {("Algeria", "Azawad"), ("Chad", "Azawad")} <= {(g, r) for g, r, _ in got}


def test_coordinated_passive_participles_share_the_agent(run):
    # "is armed and funded by X": X gives to the subject through both participles
    got = supports(run, "The Azawad movement is armed and funded by Algeria.")
    assert ("Algeria", "Azawad", "asserted") in {
        (g, r.removeprefix("The ").removeprefix("the "), m) for g, r, m in got
    }


def test_money_pledged_to_help_an_operation_supports_its_owner(run):
    # "pledged N to help fund X's offensive": the pledge is made; its purpose is no future
    got = supports(run, "Algeria pledged millions to help fund Tiani's offensive.")
    assert ("Algeria", "Tiani", "asserted") in got


def test_troops_sent_to_help_an_actor_support_it(run):
    got = supports(run, "Belarus sent troops to help Tiani retake the town.")
    assert ("Belarus", "Tiani", "asserted") in got


def test_a_promise_to_act_stays_future(run):
    got = [e for e in run("Algeria pledged to arm Tiani.")["events"] if e.type == "AID"]
    assert got and all(e.modality == "future" for e in got)


# --- item 5: scope of denial, rebuttal and hedging


@pytest.mark.parametrize(
    ("text", "giver", "receiver", "denier"),
    [
        # "denied/rejected claims that P"
        ("The minister rejected claims that Belarus armed Tiani.", "Belarus", "Tiani", None),
        # an unnamed person denying is no one we can name, not the accused
        ("She rejected claims that Belarus armed Tiani.", "Belarus", "Tiani", "-"),
        # "P, which X denies": the relative clause hangs on P's own argument
        (
            "Tiani is said to be funded by Algeria, which denies it.",
            "Algeria",
            "Tiani",
            "Algeria",
        ),  # fmt: skip
        # "accused X of P, which both countries have denied": the denier is the accused
        (
            "Monitors accused Algeria and Belarus of arming Tiani, which both countries have denied.",
            "Algeria",
            "Tiani",
            "Algeria",
        ),  # fmt: skip
        # "X is accused of P, but it denies it"
        ("Belarus is accused of arming Tiani, but it denies it.", "Belarus", "Tiani", "Belarus"),
        # "accused X of P although X denies the allegation"
        (
            "Monitors accused Belarus of arming Tiani although it denies the allegation.",
            "Belarus",
            "Tiani",
            "Belarus",
        ),  # fmt: skip
        # "the allegations that P were baseless"
        ("The allegations that Belarus armed Tiani were baseless.", "Belarus", "Tiani", None),
        # "rebutted reports that P"
        ("The ministry rebutted reports that Belarus armed Tiani.", "Belarus", "Tiani", None),
        # "dismissed as baseless reports that it P": the pronoun is the one dismissing
        (
            "Belarus dismissed as baseless reports that it had armed Tiani.",
            "Belarus",
            "Tiani",
            "Belarus",
        ),  # fmt: skip
        # "X denied claims by Y that it P": the pronoun is the denier, who denies
        (
            "Belarus denied on Monday claims by Monitors that it arms Tiani.",
            "Belarus",
            "Tiani",
            "Belarus",
        ),  # fmt: skip
    ],
)
def test_rebutted_support_is_denied_and_uncounted(run, text, giver, receiver, denier):
    records = run(text)
    found = [
        x
        for x in (*records["events"], *records["relations"])
        if getattr(x, "type", "") in ("SUPPORT", "AID", "support")
        and x.source is not None
        and x.source.text == giver
        and x.target is not None
        and x.target.text == receiver
    ]
    assert found
    assert all(x.negated and x.modality == "denied" for x in found)
    if denier == "-":
        assert all(x.attributed_to is None for x in found)
    elif denier is not None:
        assert all(x.attributed_to is not None and x.attributed_to.text == denier for x in found)


def test_a_rebuttal_in_the_next_sentence_denies_the_accusation(run):
    text = "Monitors accused Belarus of arming Tiani. Belarus rejects the allegations."
    got = [e for e in run(text)["events"] if e.type in ("AID", "SUPPORT") and e.target]
    assert got and all(e.modality == "denied" for e in got)
    assert all(e.attributed_to is not None and e.attributed_to.text == "Belarus" for e in got)


def test_allegations_called_baseless_in_the_next_sentence_are_denied_by_who_says_so(run):
    text = "Monitors accused Belarus of arming Tiani. The allegations are baseless, Minsk said."
    got = [e for e in run(text)["events"] if e.type in ("AID", "SUPPORT") and e.target]
    assert got and all(e.modality == "denied" for e in got)
    assert all(e.attributed_to is not None and e.attributed_to.text == "Minsk" for e in got)


def test_an_accusation_itself_is_not_denied_by_the_rebuttal(run):
    text = "Monitors accused Belarus of arming Tiani, but it denies it."
    accusations = events_of(run, text, "ACCUSE")
    assert accusations and not any(e.negated for e in accusations)


def test_a_later_sentence_does_not_deny_an_assertion(run):
    # Only a claim is rebutted by the next sentence; the writer's own statement stands.
    text = "Belarus armed Tiani last year. Algeria rejects the allegations."
    got = [e for e in run(text)["events"] if e.type == "AID"]
    assert got and all(e.modality == "asserted" for e in got)


def test_denial_reaches_its_own_clause_not_an_event_setting_it(run):
    # "denied backing the rebels in their war with the army": a denied support, no denied war
    records = run("Belarus has denied backing the Azawad rebels in their war with the army.")
    support = [e for e in records["events"] if e.type in ("SUPPORT", "AID")]
    fights = [e for e in records["events"] if e.type in ("ASSAULT", "FIGHT")]
    assert support and all(e.negated for e in support)
    assert fights and not any(e.negated for e in fights)


def test_a_claim_called_a_lie_is_denied(run):
    # "called reports of P an absolute lie"
    text = "The spokesman called reports of Algeria's air strikes on Kidal an absolute lie."
    got = events_of(run, text, "ASSAULT")
    assert got and all(e.modality == "denied" for e in got)
    # the denier is the unnamed spokesman: no one, and never the accused named in the claim
    assert all(e.attributed_to is None for e in got)


def test_denial_does_not_reach_an_event_named_as_a_purpose(run):
    # "denies supplying drones to Russia for the war": the war is not denied
    records = run("Belarus denies supplying drones to Tiani for the war in Azawad.")
    assert any(e.negated for e in records["events"] if e.type in ("AID", "SUPPORT"))
    assert not any(e.negated for e in records["events"] if e.type == "ASSAULT")


def test_hedges_still_reach_an_event_setting_a_clause(run):
    got = events_of(run, "Five people were reportedly killed in an air strike by Algeria.",
                    "ASSAULT")  # fmt: skip
    assert got and all(e.modality == "reported" for e in got)


def test_taking_part_keeps_the_negation(run):
    got = events_of(run, "Belarus did not take part in the attack on the town.", "ASSAULT")
    assert got and all(e.negated for e in got)


def test_an_event_that_does_not_stop_is_not_negated(run):
    # aspectual verb with the event as subject: the event goes on
    got = events_of(run, "Aid cannot reach the town, given that the fighting does not stop.",
                    "ASSAULT")  # fmt: skip
    assert got and not any(e.negated for e in got)


def test_a_relative_clause_without_a_rebuttal_denies_nothing(run):
    text = "Tiani is funded by Algeria, which denies visas to journalists."
    got = [e for e in run(text)["events"] if e.type in ("AID", "SUPPORT") and e.target]
    assert got and not any(e.negated for e in got)


def test_a_possessive_pronoun_in_a_second_conjunct_is_the_first(run):
    # "X and its patron, Y": "its" agrees with X
    got = run("Observers met the Azawad movement and its patron, Algeria.")["relations"]
    assert ("Algeria", "Azawad") in {(r.source.text, r.target.text) for r in got}


def test_a_possessive_pronoun_that_cannot_be_the_first_conjunct(run):
    # "all Malians and his backers": "his" is not the Malians
    text = "Tiani spoke to all Malians and his foreign backers, headed by Belarus, on Monday."
    got = {(r.source.text, r.target.text) for r in run(text)["relations"]}
    assert ("Belarus", "Malians") not in got


def test_a_presupposed_relation_is_not_under_the_denial_of_its_clause(run):
    # the phrase "X and its patron, Y" is not what the clause around it denies
    got = run("The Azawad movement and its patron, Algeria, denied the report.")["relations"]
    assert got and all(r.modality == "asserted" and not r.negated for r in got)


def test_a_noun_parsed_as_a_denial_verb_without_a_denier_denies_nothing(run):
    text = "Chad accepted a plan for ending its border dispute with its neighbours, officials said."
    got = [e for e in run(text)["events"] if e.source and e.source.text == "Chad"]
    assert got and not any(e.negated for e in got)


def test_an_active_verb_after_a_passive_keeps_its_own_subject(run):
    # "has been indicted by X and will resign": X does not resign
    text = "Tiani has been indicted by the ICC and will resign."
    got = [e for e in run(text)["events"] if e.trigger.text == "resign"]
    assert got and not any(e.source and e.source.text == "ICC" for e in got)


@pytest.mark.parametrize(
    ("text", "modality", "negated"),
    [
        # a negated verb of stopping cancels out: the shelling went on
        ("The Azawad rebels never stopped shelling Kidal.", "asserted", False),
        # a negated speech verb with a wh-clause presupposes the clause
        ("The army did not say why the Azawad rebels attacked Kidal.", "asserted", False),
        # an unconfirmed claim is alleged, not denied
        ("Officials could not confirm that the Azawad rebels attacked Kidal.", "alleged", False),
        # "whether" keeps the clause open
        ("The army did not say whether the Azawad rebels attacked Kidal.", "hypothetical", False),
        # a plain negation still negates its own clause
        ("The Azawad rebels did not attack Kidal.", "negated", True),
    ],
)
def test_negation_reaches_only_the_clause_it_negates(run, text, modality, negated):
    got = [e for e in run(text)["events"] if e.type == "ASSAULT"]
    assert got and all((e.modality, e.negated) == (modality, negated) for e in got)


def test_a_denial_taken_back_denies_nothing(run):
    # "initially denied ..., but later admitted": retracted
    text = (
        "The government initially denied that its aircraft bombed the town but later admitted it."
    )
    (bombed,) = [e for e in events_of(run, text, "ASSAULT") if e.trigger.text == "bombed"]
    assert not bombed.negated and bombed.modality != "denied"
    # without the admission it stays a denial
    text = "The government denied that its aircraft bombed the town."
    (bombed,) = [e for e in events_of(run, text, "ASSAULT") if e.trigger.text == "bombed"]
    assert bombed.modality == "denied"


def test_a_rebuttal_does_not_reach_over_a_paragraph_break(run):
    text = ('"A second air strike reportedly wounded nine people," a UN spokesman said.'
            "\n\nThe army rejected the allegations.")  # fmt: skip
    assert [e.negated for e in events_of(run, text, "ASSAULT")] == [False] * len(
        events_of(run, text, "ASSAULT")
    )
    text = ('A UN spokesman said a second air strike reportedly wounded nine people. '
            "The army rejected the allegations.")  # fmt: skip
    assert any(e.negated for e in events_of(run, text, "ASSAULT"))
