import tomllib
from dataclasses import replace
from importlib.resources import files

import pytest

from eventwire.errors import ConfigError
from eventwire.knowledge.ontology import PLOVER_TYPES, parse_ontology, read_ontology
from eventwire.knowledge.resources import Resources


@pytest.fixture(scope="module")
def onto():
    return read_ontology()


def test_all_sixteen_plover_types_with_cameo_codes(onto):
    assert set(onto.types) == set(PLOVER_TYPES) and len(PLOVER_TYPES) == 16
    for et in onto.types.values():
        assert et.cameo, et.name
        assert et.verbs or et.nouns


@pytest.mark.parametrize(
    ("lemma", "kind", "expected"),
    [
        ("back", "verb", "SUPPORT"),
        ("backing", "noun", "SUPPORT"),
        ("offensive", "noun", "ASSAULT"),
        ("visit", "noun", "CONSULT"),
        ("strike", "noun", "ASSAULT"),
        ("arrest", "verb", "COERCE"),
        ("provide", "verb", "AID"),
        ("withdraw", "verb", "RETREAT"),
        ("condemn", "verb", "ACCUSE"),
    ],
)
def test_trigger_lookup(onto, lemma, kind, expected):
    lookup = onto.verb_type if kind == "verb" else onto.noun_type
    assert lookup(lemma) == expected


def test_phrasal_verbs(onto):
    assert onto.phrasal_type("pull", "out") == "RETREAT"
    assert onto.phrasal_type("side", "with") == "SUPPORT"
    assert onto.phrasal_type("pull", "over") is None


def test_codes_refine_acled_by_trigger(onto):
    codes = onto.codes("ASSAULT", "airstrike")
    assert codes["plover"] == "ASSAULT"
    assert codes["cameo"] == ["18", "19", "20"]
    assert codes["acled"] == {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
    }
    assert onto.codes("ASSAULT", "clash")["acled"]["event_type"] == "Battles"
    assert onto.codes("CONSULT")["acled"] is None
    assert onto.codes("ACCUSE")["cameo"] == "11"


def test_legacy_labels(onto):
    assert onto.normalise("fight") == "ASSAULT"
    assert onto.normalise("DEMAND") == "REQUEST"
    assert onto.normalise("ARREST") == "COERCE"  # PLOVER's arrest is one of CAMEO 17's acts
    assert onto.normalise("AGREE") == "AGREE"
    assert onto.normalise("NONSENSE") is None


def test_duplicate_trigger_is_rejected():
    data = {"types": {t: {"cameo": ["01"], "verbs": [t.lower()]} for t in PLOVER_TYPES}}
    data["types"]["AGREE"]["verbs"].append("assault")
    with pytest.raises(ConfigError, match="assault"):
        parse_ontology(data)


@pytest.mark.parametrize(
    ("etype", "lemma", "quals", "expected"),
    [
        ("ASSAULT", "target", ("means_air",), ("Explosions/Remote violence", "Air/drone strike")),
        (
            "ASSAULT",
            "kill",
            ("means_explosive",),
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        ("ASSAULT", "kill", ("target_civilian",), ("Violence against civilians", "Attack")),
        ("ASSAULT", "clash", ("source_armed", "target_state"), ("Battles", "Armed clash")),
        (
            "ASSAULT",
            "clash",
            ("source_civilian", "target_state"),
            ("Riots", "Violent demonstration"),
        ),
        ("ASSAULT", "clash", ("source_civilian", "target_armed"), ("Riots", "Mob violence")),
        ("ASSAULT", "clash", ("means_shelling",), ("Battles", "Armed clash")),
        (
            "ASSAULT",
            "attack",
            ("source_armed", "target_civilian"),
            ("Violence against civilians", "Attack"),
        ),
        ("ASSAULT", "attack", ("target_state",), ("Battles", "Armed clash")),
        ("ASSAULT", "take control", ("source_state",), ("Battles", "Government regains territory")),
        (
            "ASSAULT",
            "capture",
            ("source_armed",),
            ("Battles", "Non-state actor overtakes territory"),
        ),
        (
            "ASSAULT",
            "kill",
            ("target_protesters",),
            ("Protests", "Excessive force against protesters"),
        ),
        ("COERCE", "disperse", ("target_protesters",), ("Protests", "Protest with intervention")),
        # force that says no harm by itself ([acled_force_against_protesters])
        ("ASSAULT", "beat", ("target_protesters",), ("Protests", "Protest with intervention")),
        ("PROTEST", "protest", ("violent",), ("Riots", "Violent demonstration")),
        ("PROTEST", "protest", ("intervention",), ("Protests", "Protest with intervention")),
        ("PROTEST", "protest", (), ("Protests", "Peaceful protest")),
        ("COERCE", "kidnap", (), ("Violence against civilians", "Abduction/forced disappearance")),
        ("COERCE", "arrest", (), ("Strategic developments", "Arrests")),
        ("COERCE", "loot", (), ("Strategic developments", "Looting/property destruction")),
        ("COERCE", "burn", ("source_civilian",), ("Riots", "Violent demonstration")),
        (
            "ASSAULT",
            "fire at",
            ("target_place",),
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        ("COERCE", "blow up", ("means_suicide",), ("Explosions/Remote violence", "Suicide bomb")),
        (
            "ASSAULT",
            "capture",
            ("source_state", "means_shelling"),
            ("Battles", "Government regains territory"),
        ),
        ("COERCE", "defuse landmine", (), ("Strategic developments", "Disrupted weapons use")),
        (
            "MOBILIZE",
            "set post",
            (),
            ("Strategic developments", "Headquarters or base established"),
        ),
    ],
)
def test_acled_sub_event_rule(onto, etype, lemma, quals, expected):
    assert onto.acled(etype, lemma, quals) == expected


def test_means_and_actor_kinds(onto):
    assert onto.means_of(["the", "mortar", "fell"]) == "shelling"
    assert onto.means_of(["suicide bomber", "bomb"]) == "suicide"  # the more specific class first
    assert onto.means_of(["gun"]) is None
    assert onto.actor_kind("police") == "state" and onto.actor_kind("gunmen") == "armed"
    assert (
        onto.actor_kind("residents") == "civilian" and onto.actor_kind("Protesters") == "protesters"
    )
    assert onto.actor_kind("officials") is None


def test_actor_noun_in_two_kinds_is_refused():
    data = {
        "types": {t: {"cameo": ["01"], "verbs": [t.lower()]} for t in PLOVER_TYPES},
        "actors": {"state": ["police"], "civilian": ["police"]},
    }
    with pytest.raises(ConfigError):
        parse_ontology(data)


def test_acled_takes_the_first_weapon_stated_not_a_set_order(onto):
    # An event merged from two statements naming different weapons: the first one wins,
    # whatever the hash seed (it used to be whichever a set yielded first).
    air_first = onto.acled("ASSAULT", "attack", ("means_air", "means_shelling"))
    shelling_first = onto.acled("ASSAULT", "attack", ("means_shelling", "means_air"))
    assert air_first == ("Explosions/Remote violence", "Air/drone strike")
    assert shelling_first == ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_violent_types_are_data(onto):
    # which types carry casualty counts and weapons is a field of the ontology file
    assert onto.violent_types == {"ASSAULT", "COERCE"}
    assert onto.acled("COERCE", "raid", ("means_suicide",))[1] == "Suicide bomb"
    assert onto.acled("AID", "send", ("means_suicide",)) != (
        "Explosions/Remote violence",
        "Suicide bomb",
    )


def test_per_type_role_rules_are_ontology_fields(onto):
    # what used to be Python branches on type names: the data say which types
    assert onto.statement_types == {"AGREE", "REJECT", "THREATEN", "REQUEST"}
    assert [n for n, et in onto.types.items() if et.recipient_target] == ["AID"]
    assert {n: et.noun_place_preps for n, et in onto.types.items() if et.noun_place_preps} == {
        "PROTEST": frozenset({"in", "at"})
    }


def test_a_new_type_takes_role_rules_from_its_data():
    data = tomllib.loads(
        (files("eventwire.knowledge") / "data" / "ontology.toml").read_text("utf-8")
    )
    data["types"]["AID"].pop("recipient_target")
    data["types"]["MOBILIZE"] |= {"recipient_target": True, "statement": True}
    data["types"]["MOBILIZE"]["noun_place_preps"] = ["near"]
    onto = parse_ontology(data)
    assert not onto.types["AID"].recipient_target
    assert onto.types["MOBILIZE"].recipient_target
    assert "MOBILIZE" in onto.statement_types
    assert onto.types["MOBILIZE"].noun_place_preps == {"near"}


def test_each_read_is_a_fresh_copy_resources_keep_one():
    # no process-wide copy: a Resources owns the ontology it was given
    assert read_ontology() is not read_ontology()
    resources = Resources()
    assert resources.ontology is resources.ontology
    assert resources.ontology is not Resources().ontology


def test_nonlethal_force_against_protesters_is_data():
    data = tomllib.loads(
        (files("eventwire.knowledge") / "data" / "ontology.toml").read_text("utf-8")
    )
    data["acled_force_against_protesters"]["nonlethal_triggers"] = ["fire"]
    onto = parse_ontology(data)
    assert onto.acled("ASSAULT", "beat", ["target_protesters"]) == (
        "Protests",
        "Excessive force against protesters",
    )
    assert onto.acled("ASSAULT", "fire", ["target_protesters"]) == (
        "Protests",
        "Protest with intervention",
    )


# The lead-event tiers as they stood in resolve/events.py before they became ontology data.
OLD_SEVERITY = {
    "ASSAULT": 2, "COERCE": 1, "PROTEST": 1, "SANCTION": 1, "MOBILIZE": 1, "RETREAT": 1,
    "AID": 1, "CONCEDE": 1, "AGREE": 1, "COOPERATE": 1, "SUPPORT": 0, "CONSULT": 0,
    "THREATEN": 0, "REJECT": 0, "REQUEST": 0, "ACCUSE": 0,
}  # fmt: skip


def test_severity_of_every_type_keeps_the_old_lead_event_tiers(onto):
    assert {name: et.severity for name, et in onto.types.items()} == OLD_SEVERITY
    assert onto.severity("ASSAULT") == 2 and onto.severity("NOT_A_TYPE") == 0


@pytest.mark.parametrize("bad", ["high", -1, 1.5, True])
def test_a_severity_that_is_no_whole_number_is_refused(bad):
    data = tomllib.loads(files("eventwire.knowledge").joinpath("data/ontology.toml").read_text())
    data["types"]["AID"]["severity"] = bad
    with pytest.raises(ConfigError, match="severity of AID"):
        parse_ontology(data)


def test_polarity_comes_from_the_types_relation_field(onto):
    assert onto.polarity("ASSAULT") == "negative" and onto.polarity("fight") == "negative"
    assert onto.polarity("FIGHT") == "negative"  # an older PLOVER label
    assert onto.polarity("AID") == "positive" and onto.polarity("meet") == "neutral"
    assert onto.polarity("CONCEDE") is None and onto.polarity("ally") is None
    friendly = replace(onto.types["ASSAULT"], relation=("spar", "positive"))
    other = replace(onto, types={**onto.types, "ASSAULT": friendly})
    assert other.polarity("ASSAULT") == "positive" and other.polarity("spar") == "positive"
