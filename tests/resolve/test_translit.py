import pytest

from eventwire.resolve.translit import translit_key


@pytest.mark.parametrize(
    "variants",
    [
        ["Haftar", "Hiftar", "Heftar", "Hifter"],
        ["Gaddafi", "Qaddafi", "Gadhafi", "Kadhafi"],
        ["al-Serraj", "al-Sarraj", "Serraj", "el-Sarraj"],
        ["el-Sisi", "al-Sisi", "Sisi"],
        [
            "Abdel Fattah el-Sisi",
            "Abdul Fattah al-Sisi",
            "Abd al-Fattah el-Sisi",
            "Abdel-Fatah al-Sisi",
        ],
        ["Belhadj", "Belhaj"],
        ["Mohamed", "Muhammad", "Mohammed"],
    ],
)
def test_variants_share_a_key(variants):
    assert len({translit_key(v) for v in variants}) == 1


@pytest.mark.parametrize(
    "a, b",
    [
        ("Ahmed", "Hamed"),
        ("Sergei Shoigu", "Sergei Lavrov"),
        ("Libya", "Libyan National Army"),
        ("Saif Gaddafi", "Muammar Gaddafi"),
    ],
)
def test_different_names_keep_different_keys(a, b):
    assert translit_key(a) != translit_key(b)


def test_search_keys_include_translit_key():
    from eventwire.resolve.names import search_keys

    assert translit_key("Hiftar") in search_keys("Haftar")
