import pytest

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.knowledge.kb import load_kb, parse_actor_file, shipped_kb_files


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
    assert kb.country_of_capital("Kiev") == kb.country_of_capital("Kyiv") == "UKR"
    assert kb.lookup("Burma").id == "country:MMR"  # an older name news still prints
    assert kb.is_country_name("United Arab Emirates")
    assert not kb.is_country_name("Libyan National Army")


def test_roles_are_time_bounded():
    roles = load_kb().lookup("Haftar").roles
    marshal = next(r for r in roles if r.title == "Field Marshal")
    assert marshal.start == "2016-09"


def test_user_actor_files_add_and_replace_entries(tmp_path):
    extra = tmp_path / "valley.toml"
    extra.write_text(
        '[[actor]]\nid = "xx:valley-front"\nname = "Valley Front"\ntype = "armed_group"\n'
        'aliases = ["VF", "Valley Front rebels"]\n\n'
        '[[actor]]\nid = "ly:khalifa-haftar"\nname = "Khalifa Haftar"\ntype = "person"\n'
        'country = "LBY"\naliases = ["Marshal Haftar"]\n'
    )
    kb = load_kb(Settings(actor_files=str(extra)))
    assert kb.lookup("VF").id == "xx:valley-front"
    assert kb.entries["ly:khalifa-haftar"].aliases == ("Marshal Haftar",)  # replaced
    assert load_kb(Settings()).lookup("Valley Front") is None  # the shipped KB is untouched
    extra.write_text("[[actor]\nid = broken")
    with pytest.raises(ConfigError, match="valley.toml"):
        load_kb(Settings(actor_files=str(extra)))
    with pytest.raises(ConfigError, match="missing.toml"):
        load_kb(Settings(actor_files=str(tmp_path / "missing.toml")))


def test_user_actor_folder_loads_its_files_in_order(tmp_path):
    (tmp_path / "a.toml").write_text(
        '[[actor]]\nid = "xx:one"\nname = "First Name"\ntype = "armed_group"\n'
    )
    (tmp_path / "b.toml").write_text(
        '[[actor]]\nid = "xx:one"\nname = "Second Name"\ntype = "armed_group"\n'
    )
    (tmp_path / "notes.txt").write_text("not an actor file")
    kb = load_kb(Settings(actor_files=str(tmp_path)))
    assert kb.entries["xx:one"].name == "Second Name"  # b.toml loads after a.toml


def test_shipped_kb_off_keeps_countries_and_user_files(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[[actor]]\nid = "xx:mine"\nname = "My Group"\ntype = "armed_group"\n')
    kb = load_kb(Settings(shipped_kb=False, actor_files=str(extra)))
    assert kb.lookup("Hiftar") is None and kb.lookup("RSF") is None
    assert kb.lookup("My Group").id == "xx:mine"
    assert kb.country_by_demonym("Sudanese") == "SDN"
    assert kb.country_of_capital("Khartoum") == "SDN"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('id = "xx:a"\nname = "A"\n', "xx:a: missing or not a string: type"),
        ('id = "xx:a"\nname = "A"\ntype = "tribe"\n', "xx:a: unknown actor type 'tribe'"),
        ('id = "xx:a"\nname = "A"\ntype = "person"\ncountry = "Sudan"\n', "xx:a: country must be"),
        ('id = "xx:a"\nname = "A"\ntype = "person"\naliases = "A"\n', "xx:a: aliases must be"),
        (
            'id = "xx:a"\nname = "A"\ntype = "person"\nroles = [{ title = "T", start = "May 2020" }]\n',
            "xx:a: role start 'May 2020' is not",
        ),
        (
            'id = "xx:a"\nname = "A"\ntype = "person"\ndistinct_from = ["xx:nobody"]\n',
            "xx:a: distinct_from names unknown actor 'xx:nobody'",
        ),
    ],
)
def test_bad_entry_is_one_line_error_naming_file_and_entry(tmp_path, entry, message):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[actor]]\n" + entry)
    with pytest.raises(ConfigError) as info:
        load_kb(Settings(actor_files=str(bad)))
    text = str(info.value)
    assert "\n" not in text and text.startswith(str(bad)) and message in text


def test_every_shipped_file_cites_its_sources_and_loads():
    names = [f.name for f in shipped_kb_files()]
    assert names == sorted(names) and "libya.toml" in names
    for f in shipped_kb_files():
        header = f.read_text("utf-8").split("[[actor]]", 1)[0]
        assert "eventwire authors" in header and "public" in header, f.name
        parse_actor_file(f.name, f.read_text("utf-8"))
    kb = load_kb()
    assert len(kb.entries) > 600


@pytest.mark.parametrize(
    ("name", "entry_id"),
    [
        ("RSF", "sd:rsf"),
        ("Hemedti", "sd:hemedti"),
        ("Ansar Allah", "ye:houthis"),
        ("HTS", "sy:hts"),
        ("Abu Mohammed al-Jolani", "sy:ahmed-al-sharaa"),
        ("Hashd al-Shaabi", "iq:pmf"),
        ("Zelenskyy", "ua:volodymyr-zelensky"),
        ("IDF", "il:idf"),
        ("Qassam Brigades", "ps:qassam-brigades"),
        ("Hezbollah", "lb:hezbollah"),
        ("March 23 Movement", "cd:m23"),
        ("ENDF", "et:endf"),
        ("JNIM", "ml:jnim"),
        ("Tatmadaw", "mm:tatmadaw"),
        ("al-Shabab", "so:al-shabaab"),
        ("ISIS-K", "af:iskp"),
    ],
)
def test_world_starter_kb_knows_the_main_actors_of_todays_wars(name, entry_id):
    assert load_kb().lookup(name).id == entry_id


def test_movements_leaders_and_armed_wings_stay_apart():
    kb = load_kb()
    for a, b in [
        ("ps:hamas", "ps:qassam-brigades"),
        ("lb:hezbollah", "lb:hassan-nasrallah"),
        ("sd:rsf", "sd:hemedti"),
        ("sy:hts", "sy:ahmed-al-sharaa"),
        ("et:tplf", "et:tdf"),
        ("mm:nug", "mm:pdf"),
    ]:
        assert kb.known_confusion(a, b), (a, b)
    # one acronym, two armies: an ambiguous name resolves to neither
    assert kb.lookup("SNA") is None


def test_office_holders_have_dated_roles():
    kb = load_kb()
    nasrallah = kb.get("lb:hassan-nasrallah").roles[0]
    assert (nasrallah.start, nasrallah.end) == ("1992-02", "2024-09")
    assert [r.start for r in kb.get("ua:volodymyr-zelensky").roles] == ["2019-05"]
