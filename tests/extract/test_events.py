import pytest

pytestmark = pytest.mark.slow


def events(found, etype=None):
    return [
        (e.type, e.source and e.source.text, e.target and e.target.text, e.modality, e.negated)
        for e in found["events"]
        if etype is None or e.type == etype
    ]


def test_active(run):
    assert ("ASSAULT", "Egypt", "Derna", "asserted", False) in events(
        run("Egypt bombed Derna on Friday.")
    )


def test_passive_and_coordination_one_event_per_actor(run):
    got = events(run("Haftar is backed by the UAE, Egypt and France."), "SUPPORT")
    assert {g[1] for g in got} == {"UAE", "Egypt", "France"}
    assert {g[2] for g in got} == {"Haftar"}


def test_possessive_nominalisation(run):
    got = events(run("Haftar's offensive on Tripoli began in April."), "ASSAULT")
    assert got and got[0][1:3] == ("Haftar", "Tripoli")


def test_light_verb_nominalisation(run):
    got = events(run("Khalifa Haftar launched an offensive against Tripoli."), "ASSAULT")
    assert got[0][1:3] == ("Khalifa Haftar", "Tripoli")


def test_forces_of_actor_is_actor_with_qualifier(run):
    found = run("Haftar's forces shelled Tripoli on Monday.")
    ev = [e for e in found["events"] if e.type == "ASSAULT"][0]
    assert ev.source.text == "Haftar" and "forces" in ev.qualifiers


def test_recipient_preferred_over_thing_given(run):
    got = events(run("Russia has provided weapons to Haftar's forces."), "AID")
    assert got[0][1:3] == ("Russia", "Haftar")


def test_denied_backing_is_not_support(run):
    found = run("Khalifa Haftar arrived in Paris. The US has denied backing him.")
    ev = [e for e in found["events"] if e.type == "SUPPORT"][0]
    assert ev.source.text == "US" and ev.target.text == "Khalifa Haftar"
    assert ev.negated and ev.modality == "denied"


def test_hypothetical(run):
    found = run("His greatest error would be to accept help from Israel.")
    aid = [e for e in found["events"] if e.type == "AID"][0]
    assert aid.source.text == "Israel" and aid.modality == "hypothetical"


def test_alleged(run):
    ev = [e for e in run("Russia has allegedly provided weapons to Haftar.")["events"]][0]
    assert (ev.type, ev.modality, ev.negated) == ("AID", "alleged", False)


@pytest.mark.parametrize(
    ("text", "modality", "negated"),
    [
        ("Egypt did not attack the GNA.", "negated", True),
        ("Egypt never attacked the GNA.", "negated", True),
        ("Egypt refused to attack the GNA.", "negated", True),
        ("The UN rejected claims that Egypt attacked the GNA.", "denied", True),
        ("Egypt would attack the GNA.", "hypothetical", False),
        ("Egypt will attack the GNA.", "future", False),
        ("Egypt plans to attack the GNA.", "future", False),
        ("Egypt hopes to attack the GNA.", "future", False),
        ("Egypt reportedly attacked the GNA.", "reported", False),
        ("Egypt is said to have attacked the GNA.", "reported", False),
        ("Egypt is believed to have attacked the GNA.", "alleged", False),
        ("Egypt attacked the GNA.", "asserted", False),
    ],
)
def test_modality_cues(run, text, modality, negated):
    ev = [e for e in run(text)["events"] if e.type == "ASSAULT"][0]
    assert (ev.modality, ev.negated) == (modality, negated)
    assert ev.source.text == "Egypt"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Turkey sent troops to Libya, Erdogan said.", "Erdogan"),
        ("According to Erdogan, Turkey sent troops to Libya.", "Erdogan"),
        ("In a statement from the GNA, Turkey sent troops to Libya.", "GNA"),
        ("Erdogan told Reuters that Turkey sent troops to Libya.", "Erdogan"),
    ],
)
def test_attribution(run, text, who):
    ev = [e for e in run(text)["events"] if e.type == "AID"][0]
    assert ev.attributed_to is not None and ev.attributed_to.text == who


def test_counts_attach_to_violent_event(run):
    ev = [
        e
        for e in run("Haftar's forces attacked Tripoli, killing at least 40 people.")["events"]
        if e.trigger.text == "attacked"
    ][0]
    assert [(c.kind, c.value) for c in ev.counts] == [("killed", 40)]


def one(found, etype):
    return next(e for e in found["events"] if e.type == etype)


def test_common_noun_actors_make_events(run):
    ev = one(run("Dozens of workers held a protest sit-in in the town."), "PROTEST")
    assert ev.source.text == "workers" and "source_civilian" in ev.qualifiers
    ev = one(run("Militants stormed his home and killed him."), "ASSAULT")
    assert ev.source.text == "Militants" and "source_armed" in ev.qualifiers


def test_clashes_between_two_groups(run):
    ev = one(
        run("Clashes were reported in the city between police and informal traders."), "ASSAULT"
    )
    assert (ev.source.text, ev.target.text) == ("police", "informal traders")
    assert {"source_state", "target_civilian"} <= set(ev.qualifiers)


def test_headline_participle_subject_is_the_victim(run):
    ev = one(run("Farmer killed in the village."), "ASSAULT")
    assert ev.source is None and ev.target.text == "Farmer"


def test_weapon_in_the_clause_is_a_means_qualifier(run):
    ev = one(run("Israeli airstrikes targeted militia positions near the border."), "ASSAULT")
    assert "means_air" in ev.qualifiers and ev.source.text == "Israeli"
    ev = one(run("A roadside bomb killed two soldiers on Monday."), "ASSAULT")
    assert "means_explosive" in ev.qualifiers and "target_state" in ev.qualifiers


def test_event_under_another_trigger_is_embedded(run):
    found = run("Egypt accused Turkey of attacking the port.")
    assert "embedded" not in one(found, "ACCUSE").qualifiers
    assert "embedded" in one(found, "ASSAULT").qualifiers


def test_participle_adjective_is_no_trigger(run):
    found = run("Protesters blocked the road with burning tyres.")
    assert [e.type for e in found["events"]] == ["PROTEST"]
    assert "violent" in found["events"][0].qualifiers


def test_phrasal_trigger_with_object_particle(run):
    ev = one(run("The army took control of the district."), "ASSAULT")
    assert ev.lemma == "take control" and "source_state" in ev.qualifiers


def test_unnamed_group_mentions_with_nationality(run):
    found = run(
        "Syrian rebels shelled the town. The rebels later withdrew. Haftar's forces advanced."
    )
    groups = [m for m in found["mentions"] if m.label == "GROUP"]
    assert [m.span.text for m in groups] == ["Syrian rebels", "rebels"]
    assert (
        {m.group for m in groups} == {"group:rebel:SYR"} == {f"group:rebel:{groups[0].affiliation}"}
    )
    # an owned noun stays with its owner, as forces
    ev = next(e for e in found["events"] if e.trigger.text == "advanced")
    assert ev.source.text == "Haftar" and "forces" in ev.qualifiers


def test_type_depends_on_who_acts(run):
    assert (
        one(run("Hundreds of workers launched a strike at the port."), "PROTEST").source.text
        == "workers"
    )
    assert not run("Residents gathered in the square.")["events"]
    assert one(run("Protesters gathered in the square."), "PROTEST")


def test_civilian_target_by_thing_and_by_consequence(run):
    ev = one(run("Gunmen opened fire on a civilian car at a checkpoint."), "ASSAULT")
    assert "target_civilian" in ev.qualifiers and "source_armed" in ev.qualifiers
    found = run("Gunmen attacked a checkpoint, killing a shepherd.")
    lead = next(e for e in found["events"] if e.trigger.text == "attacked")
    assert "target_civilian" in lead.qualifiers


@pytest.mark.parametrize(
    ("text", "statement", "act"),
    [
        ("Portugal will support Turkey.", "AGREE", "SUPPORT"),
        ("Norway is willing to send aid to Chad.", "AGREE", "AID"),
        ("Egypt will attack the GNA.", "THREATEN", "ASSAULT"),
        (
            "Nigeria will withdraw its troops from Chad unless the rebels disarm.",
            "THREATEN",
            "RETREAT",
        ),
        ("Vice-President Moody Awori has declined to resign.", "REJECT", "RETREAT"),
    ],
)
def test_statements_about_acts_that_have_not_happened(run, text, statement, act):
    found = run(text)
    said = one(found, statement)
    done = one(found, act)
    assert "statement" in said.qualifiers and said.modality == "asserted" and not said.negated
    assert said.source == done.source and "embedded" in done.qualifiers


def test_must_is_a_request_of_the_speaker(run):
    found = run("Britain said that Libya must hand over the suspects.")
    req = one(found, "REQUEST")
    assert (req.source.text, req.target.text) == ("Britain", "Libya")


def test_past_act_is_no_statement(run):
    found = run("Portugal supported Turkey.")
    assert [e.type for e in found["events"]] == ["SUPPORT"]


@pytest.mark.parametrize(
    ("text", "etype", "lemma"),
    [
        ("Sappers defused hundreds of landmines near the town.", "COERCE", "defuse landmine"),
        ("Police found a cache of ammunition in the village.", "COERCE", "find cache"),
        ("Turkish forces have set up a new military post near the town.", "MOBILIZE", "set post"),
    ],
)
def test_verb_with_object_of_a_kind(run, text, etype, lemma):
    assert one(run(text), etype).lemma == lemma


def test_found_without_weapons_is_no_event(run):
    assert not run("Police found the missing boy in the village.")["events"]


def test_noun_trigger_agent_and_event_noun_as_subject(run):
    found = run("The attack carried out by the FMLN against the army killed one civilian.")
    # one act: the noun keeps its own target, the verb it is the subject of adds its toll
    (attack,) = found["events"]
    assert (attack.trigger.text, attack.source.text, attack.target.text) == (
        "attack",
        "FMLN",
        "army",
    )
    assert [(c.kind, c.value) for c in attack.counts] == [("killed", 1)]


def test_coordinated_verbs_share_the_object(run):
    found = run("Unidentified gunmen shot and killed two civilians in the town.")
    shot = next(e for e in found["events"] if e.trigger.text == "shot")
    assert (shot.source.text, shot.target.text) == ("Unidentified gunmen", "civilians")


def test_event_describing_a_noun_is_background(run):
    found = run("Families whose children were kidnapped by the group held a sit-in in the city.")
    assert "embedded" in one(found, "COERCE").qualifiers
    assert "embedded" not in one(found, "PROTEST").qualifiers


def test_weapon_subject_of_a_plain_verb_is_an_attack(run):
    ev = one(run("Three rockets fell near the airport on Monday."), "ASSAULT")
    assert ev.lemma == "rocket" and "means_shelling" in ev.qualifiers
    found = run("A roadside bomb killed two soldiers.")
    assert [e.trigger.text for e in found["events"]] == ["killed"]


def test_coordinated_noun_subject_is_an_event(run):
    assert one(run("Rocket and artillery shelling was reported on the town."), "ASSAULT")


def test_participation_and_agent_nouns(run):
    ev = one(run("Hundreds of people participated in a demonstration in the capital."), "PROTEST")
    assert ev.source.text == "people"
    ev = one(run("Hundreds of protesters demanded new elections."), "PROTEST")
    assert ev.source.text == "protesters"


def test_own_pronoun_and_demand_content(run):
    found = run("The ILO reiterated its demand that Israel ease the restrictions.")
    req = one(found, "REQUEST")
    assert req.source.text == "ILO" and "embedded" not in req.qualifiers
    assert "embedded" in one(found, "CONCEDE").qualifiers


def test_arrived_on_a_visit(run):
    assert (
        one(run("Saddam Hussein arrived in Amman on a visit."), "CONSULT").source.text
        == "Saddam Hussein"
    )


def test_target_of_opened_fire_and_people_of_a_nation(run):
    ev = one(run("Gunmen opened fire on a civilian near the market."), "ASSAULT")
    assert ev.target.text == "civilian" and "target_civilian" in ev.qualifiers
    ev = one(run("Israeli forces detained three Palestinians in the village."), "COERCE")
    assert {"source_state", "target_civilian"} <= set(ev.qualifiers)


def test_weapon_words_in_a_target_name_are_no_means(run):
    ev = one(run("Gunmen shot a member of the Air Force Intelligence in the town."), "ASSAULT")
    assert not any(q.startswith("means_") for q in ev.qualifiers)


def test_passive_phrasal_and_weapon_used_in_an_attack(run):
    ev = one(run("A grenade was thrown at the concert by gunmen."), "ASSAULT")
    assert ev.lemma == "throw grenade"
    ev = one(run("Militants used poison gas in an attack on the town."), "ASSAULT")
    assert "means_chemical" in ev.qualifiers


def test_targets_of_demands_and_nested_nouns(run):
    assert (
        one(run("China demanded that the US cancel the arms sale."), "REQUEST").target.text == "US"
    )
    ev = one(run("Italy announced a suspension of air links with Serbia."), "SANCTION")
    assert ev.target.text == "Serbia"


def test_fire_at_a_place_and_dates_are_no_particles(run):
    ev = one(run("On 5 May 2020, the forces fired machine guns at residential areas."), "ASSAULT")
    assert ev.lemma == "fire at" and "target_place" in ev.qualifiers
    ev = one(run("Gunmen fired on 5 May at the patrol."), "ASSAULT")
    assert ev.lemma != "fire on"


def test_by_doing_takes_the_subject(run):
    found = run("The protesters blocked the bridge by setting fire to a truck.")
    fire = next(e for e in found["events"] if e.trigger.text == "setting")
    assert fire.source.text == "protesters" and "source_protesters" in fire.qualifiers


@pytest.mark.parametrize(
    ("text", "etype", "lemma"),
    [
        (
            "Rebels and government forces exchanged prisoners near the city.",
            "AGREE",
            "exchange prisoner",
        ),
        ("Fifty shops were destroyed after the clash.", "COERCE", "destroy shop"),
    ],
)
def test_more_verbs_with_objects_of_a_kind(run, text, etype, lemma):
    assert one(run(text), etype).lemma == lemma


@pytest.mark.parametrize(
    "text",
    [
        "Two men were killed in police firing near the bus stand.",
        "A boy died in police firing near the bus stand.",
        "Police resorted to lathicharge near the bus stand.",
    ],
)
def test_police_force_written_as_a_noun(run, text):
    doers = {e.source.text.lower() for e in run(text)["events"] if e.type == "ASSAULT" and e.source}
    assert doers == {"police"}


def test_soldiers_firing_on_a_crowd_are_the_ones_firing(run):
    ev = one(run("Witnesses saw soldiers firing on the crowd."), "ASSAULT")
    assert ev.source.text == "soldiers"


def test_a_source_s_own_forces_are_no_target(run):
    ev = one(run("Chad has strengthened its forces along the border."), "MOBILIZE")
    assert ev.source.text == "Chad" and ev.target is None


@pytest.mark.parametrize(
    ("text", "victims", "killed"),
    [
        ("Three herders were found dead near the well.", "herders", 3),
        ("Villagers found the bodies of two men in a ditch.", "men", 2),
    ],
)
def test_people_found_dead_were_killed_by_no_one_named(run, text, victims, killed):
    ev = one(run(text), "ASSAULT")
    assert ev.source is None and ev.target.text == victims
    assert {(c.kind, c.value) for c in ev.counts} == {("killed", killed)}


def test_one_civilian_shot_is_a_civilian_target(run):
    ev = one(run("Gunmen shot dead a shopkeeper in the old market."), "ASSAULT")
    assert ev.target.text == "shopkeeper" and "target_civilian" in ev.qualifiers


def test_an_acronym_read_as_is_makes_no_passive(run):
    ev = one(run("IS militants attacked a checkpoint near the town."), "ASSAULT")
    assert ev.source is not None and ev.source.text == "militants"


def test_aid_given_and_exercises(run):
    ev = one(run("The European Union on Friday gave Chad 4 million euros of aid."), "AID")
    assert (ev.source.text, ev.target.text) == ("The European Union", "Chad")
    assert one(run("Japan and India launched joint exercises off the coast."), "COOPERATE")
    ev = one(run("The army held military exercises near the border."), "MOBILIZE")
    assert ev.source.text == "army"
    assert one(run("The navy began war games in the gulf."), "MOBILIZE")


def test_stone_throwing_is_a_violent_protest(run):
    ev = one(run("Youths resorted to throwing stones at the soldiers."), "PROTEST")
    assert ev.source.text == "Youths" and "violent" in ev.qualifiers


def test_security_tightened_and_areas_sealed_off(run):
    assert one(run("The army beefed up security in the city."), "MOBILIZE").source.text == "army"
    assert one(run("Police sealed off the area on Friday."), "COERCE").source.text == "Police"
    ev = one(run("Two men died in police firing near the market."), "ASSAULT")
    assert ev.source.text.lower() == "police"


def test_unidentified_individuals_are_an_armed_group(run):
    ev = one(
        run("The mayor was killed today by unidentified individuals in the capital."), "ASSAULT"
    )
    assert ev.source.text == "unidentified individuals" and "source_armed" in ev.qualifiers


def _acled(ev):
    from eventwire.knowledge.ontology import read_ontology

    return read_ontology().acled(ev.type, ev.lemma, ev.qualifiers)


def test_what_is_fired_is_the_means_not_the_target(run):
    ev = one(run("Rebel fighters fired an RPG at an army checkpoint near the bridge."), "ASSAULT")
    assert ev.target is None or ev.target.text != "RPG"
    assert "means_grenade" in ev.qualifiers
    ev = one(run("The militia fired machine guns at farms in the valley."), "ASSAULT")
    assert "target_place" in ev.qualifiers


@pytest.mark.parametrize(
    "text",
    [
        "Tribal fighters shelled army positions near the dam. The army fired back.",
        "Army units responded to the rebels' shelling of their base.",
    ],
)
def test_fire_answered_is_an_exchange_so_a_battle(run, text):
    found = run(text)
    shelled = next(e for e in found["events"] if e.lemma.startswith("shell"))
    assert "exchange" in shelled.qualifiers
    assert _acled(shelled) == ("Battles", "Armed clash")
    ev = one(run("A shelling exchange between the two brigades lasted all night."), "ASSAULT")
    assert _acled(ev) == ("Battles", "Armed clash")


def test_shelling_unanswered_stays_remote_violence(run):
    ev = one(run("Tribal fighters shelled army positions near the dam."), "ASSAULT")
    assert "exchange" not in ev.qualifiers
    assert _acled(ev)[0] == "Explosions/Remote violence"


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers shot a teacher member of the union in the market.",
        "Masked men beat a fruit seller outside the mosque.",
        "Border guards opened fire at a Syrian near the fence.",
    ],
)
def test_one_person_attacked_is_a_civilian_target(run, text):
    ev = one(run(text), "ASSAULT")
    assert "target_civilian" in ev.qualifiers
    assert _acled(ev)[0] == "Violence against civilians"


def test_civilians_gathering_with_a_claim_protest(run):
    ev = one(
        run("Dozens of teachers gathered outside the ministry, demanding unpaid wages."), "PROTEST"
    )
    assert ev.source.text == "teachers"
    assert not run("Dozens of teachers gathered outside the ministry on Sunday.")["events"]
    ev = one(run("Villagers closed the highway in protest at the power cuts."), "PROTEST")
    assert ev.source.text == "Villagers"


def test_forces_entering_a_place_move(run):
    ev = one(run("A Jordanian army convoy entered the border town on Monday."), "MOBILIZE")
    assert _acled(ev) == ("Strategic developments", "Change to group/activity")
    assert not any(e.type == "MOBILIZE" for e in run("The minister arrived in Rome.")["events"])


def test_a_persons_followers_are_not_the_person(run):
    found = run("Former Tantawi regime members attacked the rally in the square.")
    ev = one(found, "ASSAULT")
    assert ev.source.text == "Tantawi" and "source_followers" in ev.qualifiers
    ev = one(run("Tantawi attacked the rally in the square."), "ASSAULT")
    assert "source_followers" not in ev.qualifiers


@pytest.mark.parametrize(
    ("text", "etype", "target"),
    [
        ("Canada will back Kenya's bid for a council seat.", "SUPPORT", "Kenya"),
        ("Chile rejected a Peruvian proposal on fishing rights.", "REJECT", "Peru"),
        ("The emir arrived in Doha on an official visit.", "CONSULT", "Doha"),
        ("Norway offered to send doctors to Yemen.", "AGREE", "Yemen"),
        (
            "The union repeated its demand that the Ghanaian government raise wages.",
            "REQUEST",
            "government",
        ),
    ],
)
def test_targets_named_through_what_they_own_or_where_one_goes(run, text, etype, target):
    ev = one(run(text), etype)
    assert ev.target is not None and target in ev.target.text


def test_the_owner_of_a_civilian_place_does_not_make_it_a_battle(run):
    ev = one(run("Soldiers attacked a Syrian village at dawn."), "ASSAULT")
    assert ev.target.text == "Syrian" and "target_state" not in ev.qualifiers
    assert "target_civilian" in ev.qualifiers


def test_a_death_stated_without_its_doer_takes_the_doer_of_its_sentence(run):
    found = run("A farmer was killed near his field after masked gunmen shot him.")
    killed = next(e for e in found["events"] if e.trigger.text == "killed")
    assert killed.source is not None and killed.source.text.endswith("gunmen")
    assert "source_armed" in killed.qualifiers


def test_those_killed_in_fighting_were_one_side_of_it(run):
    found = run("Three border guards were killed in clashes with smugglers near the crossing.")
    killed = next(e for e in found["events"] if e.trigger.text == "killed")
    assert killed.source is not None and killed.source.text == "smugglers"
    clash = next(e for e in found["events"] if e.trigger.text == "clashes")
    assert clash.source is not None and clash.source.text == "border guards"


def test_no_doer_is_borrowed_from_a_victim(run):
    found = run("Gunmen opened fire on a bus, killing a driver and wounding two passengers.")
    assert not any(
        e.source is not None and e.source.text in ("driver", "passengers") for e in found["events"]
    )


def test_a_light_verb_the_model_mislemmatises_still_gives_the_source(run):
    ev = one(run("Retired teachers staged a protest in front of the ministry."), "PROTEST")
    assert ev.source is not None and ev.source.text == "teachers"


def test_a_protest_in_a_town_has_the_town_as_place_not_target(run):
    ev = one(run("A group of pensioners held a protest in Ghardaia on Monday."), "PROTEST")
    assert ev.target is None and ev.source is not None and ev.source.text == "pensioners"


def test_the_police_of_a_town_are_police_not_the_town(run):
    ev = one(run("Hubli police arrested 20 people on Sunday."), "COERCE")
    assert ev.source is not None and ev.source.text == "Hubli police"
    assert "source_state" in ev.qualifiers
    ev = one(run("Haftar's forces shelled the city."), "ASSAULT")
    assert ev.source.text == "Haftar" and "forces" in ev.qualifiers


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Forces loyal to the general are marching on the capital.", "ASSAULT"),
        ("Thousands of students marched on the parliament to demand reforms.", "PROTEST"),
        ("Key army units have rallied behind the general.", "SUPPORT"),
    ],
)
def test_marching_on_and_rallying_behind_depend_on_who(run, text, etype):
    assert one(run(text), etype).trigger.text in ("marching", "marched", "rallied")


def test_verbs_with_objects_that_make_no_event(run):
    assert not run("The group released grisly photos of the hostages.")["events"]
    assert one(run("Egypt released twelve fishermen on Monday."), "CONCEDE")
    assert not any(
        e.trigger.text == "launched" for e in run("The ministry launched a new website.")["events"]
    )


def test_shooting_at_something_is_active_and_an_ambulance_is_civilian(run):
    ev = one(run("Gunmen shot at an ambulance near the town."), "ASSAULT")
    assert ev.source is not None and ev.source.text == "Gunmen"
    assert "target_civilian" in ev.qualifiers
    ev = one(run("A soldier fired upon a family near the market."), "ASSAULT")
    assert ev.target is not None and ev.target.text == "family"


@pytest.mark.parametrize(
    ("text", "word", "doer", "means"),
    [
        (
            "Gunmen bombed the party office on Monday. The attack killed two guards.",
            "attack",
            "Gunmen",
            "means_explosive",
        ),
        (
            "Rebels shelled the town at dawn. Two children were killed in the attack.",
            "killed",
            "Rebels",
            "means_shelling",
        ),
    ],
)
def test_the_attack_refers_back_to_the_last_attack(run, text, word, doer, means):
    ev = next(e for e in run(text)["events"] if e.trigger.text == word)
    assert ev.source is not None and ev.source.text == doer and means in ev.qualifiers


def test_an_attack_with_nothing_before_it_stays_unattributed(run):
    found = run("The attack killed two guards near the border.")
    assert all(e.source is None for e in found["events"])


def test_failing_to_stop_violence_is_a_negated_intervention(run):
    found = run("The police failed to prevent the mob from burning the shops.")
    ev = one(found, "COERCE")
    assert ev.source.text == "police" and ev.negated
    ev = one(run("Soldiers stopped the aid convoy at the checkpoint."), "COERCE")
    assert ev.source.text == "Soldiers" and not ev.negated


def test_a_ban_is_a_strategic_development(run):
    ev = one(run("The governor extended the ban on all marches in the province."), "SANCTION")
    assert _acled(ev) == ("Strategic developments", "Other")
