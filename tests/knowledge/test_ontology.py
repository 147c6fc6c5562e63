import pytest

from eventwire.errors import ConfigError
from eventwire.knowledge.ontology import PLOVER_TYPES, load_ontology, parse_ontology


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


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
    assert codes["acled"] == {"event_type": "Explosions/Remote violence",
                              "sub_event_type": "Air/drone strike"}
    assert onto.codes("ASSAULT", "clash")["acled"]["event_type"] == "Battles"
    assert onto.codes("CONSULT")["acled"] is None
    assert onto.codes("ACCUSE")["cameo"] == "11"


def test_legacy_labels(onto):
    assert onto.normalise("fight") == "ASSAULT"
    assert onto.normalise("DEMAND") == "REQUEST"
    assert onto.normalise("AGREE") == "AGREE"
    assert onto.normalise("NONSENSE") is None


def test_duplicate_trigger_is_rejected():
    data = {"types": {t: {"cameo": ["01"], "verbs": [t.lower()]} for t in PLOVER_TYPES}}
    data["types"]["AGREE"]["verbs"].append("assault")
    with pytest.raises(ConfigError, match="assault"):
        parse_ontology(data)
