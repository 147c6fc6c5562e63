"""Components are ordered from their declarations and held to them."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from eventwire.errors import ConfigError
from eventwire.extract import Component, ExtractionPipeline, UndeclaredRead
from eventwire.extract.component import BUILTIN_ORDER, order_components
from eventwire.model import Article, Evidence, Mention, Span
from eventwire.registry import Registry, extractors


def component(name: str, requires=(), assigns=(), extends=(), reads=(), returns=None):
    """A component class that reads ``reads`` and returns ``returns`` (default: its assigns)."""

    class Made(Component):
        def __call__(self, ctx):
            for kind in reads:
                ctx.records(kind)
            return {k: () for k in (assigns if returns is None else returns)}

    Made.name, Made.requires, Made.assigns, Made.extends = name, requires, assigns, extends
    return Made


def registry_of(*classes) -> Registry:
    reg = Registry("test")
    for cls in classes:
        reg.register(cls.name)(cls)
    return reg


def test_order_follows_declarations_not_registration():
    late = component("late", requires=("y",), assigns=("z",))
    first = component("first", assigns=("x",))
    middle = component("middle", requires=("x",), assigns=("y",))
    assert [c.name for c in order_components([late, first, middle])] == [
        "first",
        "middle",
        "late",
    ]


def test_a_user_component_runs_before_the_builtin_that_reads_its_kind():
    mine = component("mentions", assigns=("mentions",))
    reader = component("events", requires=("mentions", "weapons"), assigns=("events",))
    weapons = component("weapons", requires=("mentions",), assigns=("weapons",))
    order = [c.name for c in order_components([mine, reader, weapons])]
    assert order == ["mentions", "weapons", "events"]


@pytest.mark.parametrize(
    ("classes", "message"),
    [
        (
            [component("a", assigns=("x",)), component("b", assigns=("x",))],
            "both assign 'x'",
        ),
        ([component("a", requires=("x",))], "reads 'x', which no extractor assigns"),
        (
            [
                component("a", requires=("y",), assigns=("x",)),
                component("b", requires=("x",), assigns=("y",)),
            ],
            "cycle",
        ),
    ],
)
def test_bad_declarations_fail_at_startup(classes, message, resources):
    with pytest.raises(ConfigError, match=message):
        ExtractionPipeline(resources, registry=registry_of(*classes))


def test_reading_an_undeclared_kind_raises(resources, blank_nlp):
    maker = component("maker", assigns=("mentions",))
    sneaky = component("sneaky", assigns=("events",), reads=("mentions",))
    pipeline = ExtractionPipeline(resources, registry=registry_of(maker, sneaky))
    with pytest.raises(UndeclaredRead, match="'sneaky' reads 'mentions'"):
        pipeline(Article(id="a", text="Hello."), blank_nlp("Hello."))


def test_declared_reads_pass_and_records_flow(resources, blank_nlp):
    evidence = Evidence(article_id="a", sentence="Hello.", char_start=0, char_end=6)
    mention = Mention(article_id="a", span=Span(0, 5, "Hello"), label="ORG", evidence=evidence)

    class Maker(Component):
        name, assigns = "maker", ("mentions",)

        def __call__(self, ctx):
            return {"mentions": [mention]}

    class Counter(Component):
        name, requires, assigns = "counter", ("mentions",), ("quotes",)

        def __call__(self, ctx):
            assert ctx.mentions == (mention,)
            return {"quotes": []}

    records = ExtractionPipeline(resources, registry=registry_of(Maker, Counter))(
        Article(id="a", text="Hello."), blank_nlp("Hello.")
    )
    assert records.mentions == (mention,) and records.quotes == ()


def test_returning_an_undeclared_kind_raises(resources, blank_nlp):
    loose = component("loose", assigns=("events",), returns=("events", "quotes"))
    pipeline = ExtractionPipeline(resources, registry=registry_of(loose))
    with pytest.raises(ConfigError, match="returned quotes without declaring it"):
        pipeline(Article(id="a", text="Hello."), blank_nlp("Hello."))


def test_registry_refuses_a_second_component_under_one_name():
    reg = registry_of(component("a", assigns=("x",)))
    with pytest.raises(ConfigError, match="two test named 'a'"):
        reg.register("a")(component("a", assigns=("y",)))


def test_typed_config(resources):
    class Windowed(Component):
        name, assigns = "windowed", ("x",)

        @dataclass(frozen=True)
        class Config:
            window: int = 3

    assert Windowed(resources).config.window == 3
    assert Windowed(resources, {"window": 5}).config.window == 5
    with pytest.raises(ConfigError, match="unknown config widow"):
        Windowed(resources, {"widow": 5})


def test_the_builtins_declare_what_they_read_and_keep_their_order(resources):
    assert ExtractionPipeline(resources).names == list(BUILTIN_ORDER)
    events = extractors.get("events").obj
    assert set(events.requires) == {
        "mentions",
        "timexes",
        "places",
        "counts",
        "quotes",
        "statistics",
    }
