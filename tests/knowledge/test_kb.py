from eventwire.knowledge.kb import load_kb


def test_lookup_spellings_and_acronyms():
    kb = load_kb()
    assert kb.lookup("Hiftar").id == "ly:khalifa-haftar"
    assert kb.lookup("Khalifa Hifter").id == "ly:khalifa-haftar"
    assert kb.lookup("Saif Gaddafi").id == "ly:saif-gaddafi"
    assert kb.lookup("Gadhafi").id == "ly:muammar-gaddafi"
    assert kb.lookup("GNA").type == "government"
    assert kb.lookup("Libyan National Army").type == "armed_group"
    assert kb.lookup("Libya").type == "country"
    assert kb.lookup("Nobody Atall") is None


def test_loose_single_word_match_only_for_people():
    kb = load_kb()
    assert kb.lookup("Arab") is None  # not Al Arabiya


def test_countries_demonyms_capitals():
    kb = load_kb()
    assert kb.country_by_demonym("Egyptian") == "EGY"
    assert kb.country_by_demonym("Russians") == "RUS"
    assert kb.country_by_demonym("Islamist") is None
    assert kb.country("LBY").name == "Libya"
    assert kb.capital_of("EGY") == "Cairo"
    assert kb.capital_of("Egypt") == "Cairo"
    assert kb.country_of_capital("Moscow") == "RUS"
    assert kb.is_country_name("United Arab Emirates")
    assert not kb.is_country_name("Libyan National Army")


def test_roles_are_time_bounded():
    roles = load_kb().lookup("Haftar").roles
    marshal = next(r for r in roles if r.title == "Field Marshal")
    assert marshal.start == "2016-09"


def test_user_actor_files_add_and_replace_entries(tmp_path):
    import pytest

    from eventwire.config import Settings
    from eventwire.errors import ConfigError

    extra = tmp_path / "sudan.toml"
    extra.write_text(
        '[[actor]]\nid = "sd:rsf"\nname = "Rapid Support Forces"\ntype = "armed_group"\n'
        'country = "SDN"\naliases = ["RSF", "Janjaweed successor force"]\n\n'
        '[[actor]]\nid = "ly:khalifa-haftar"\nname = "Khalifa Haftar"\ntype = "person"\n'
        'country = "LBY"\naliases = ["Marshal Haftar"]\n'
    )
    kb = load_kb(Settings(actor_files=str(extra)))
    assert kb.lookup("RSF").id == "sd:rsf"
    assert kb.entries["ly:khalifa-haftar"].aliases == ("Marshal Haftar",)  # replaced
    assert load_kb(Settings()).lookup("RSF") is None  # the shipped KB is untouched
    extra.write_text("[[actor]\nid = broken")
    with pytest.raises(ConfigError, match="sudan.toml"):
        load_kb(Settings(actor_files=str(extra)))
    with pytest.raises(ConfigError, match="missing.toml"):
        load_kb(Settings(actor_files=str(tmp_path / "missing.toml")))
