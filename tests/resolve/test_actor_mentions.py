"""The mention -> actor map held as columns reads as the dict it replaces."""

from __future__ import annotations

import pickle
import random
from collections.abc import Mapping, MutableMapping

import pytest

from eventwire.model import Span, mention_key
from eventwire.resolve.actor_mentions import MentionActors


def _random_links(seed: int) -> list[tuple[str, str]]:
    """Links set in a random order over a few articles, some keys set twice, some keys
    that do not read as article:start:end."""
    rng = random.Random(seed)
    articles = [f"art-{n:03d}" for n in range(12)] + ["feed:2020:7", "x"]
    actors = [f"actor_{n}" for n in range(5)]
    links = []
    for _ in range(400):
        start = rng.randrange(0, 3000)
        key = mention_key(rng.choice(articles), Span(start, start + rng.randrange(1, 30), ""))
        links.append((key, rng.choice(actors)))
    links += [(links[n][0], rng.choice(actors)) for n in range(0, 400, 7)]  # set again
    links += [("odd", "actor_0"), ("a:01:2", "actor_1"), ("a:1:-2", "actor_2"), (":1:2", "a")]
    rng.shuffle(links)
    return links


@pytest.mark.parametrize("seed", range(5))
def test_answers_as_a_dict(seed: int) -> None:
    links = _random_links(seed)
    expected = dict(links)
    held = MentionActors()
    for n, (key, actor) in enumerate(links):
        held[key] = actor
        if n == 200:  # a look-up halfway: later keys are sorted in at the next one
            assert held.get(links[0][0]) == dict(links[: n + 1])[links[0][0]]
    assert len(held) == len(expected)
    assert held == expected and expected == held and held.__ne__(expected) is False
    assert sorted(held) == sorted(expected)
    assert sorted(held.items()) == sorted(expected.items())
    assert sorted(held.values()) == sorted(expected.values())
    keys = held.keys()
    assert len(held.values()) == len(expected) and links[0][0] in keys
    assert list(held.sorted_items()) == sorted(expected.items())
    assert frozenset(held.values()) == frozenset(expected.values())
    for key, actor in expected.items():
        assert held[key] == actor and held.get(key) == actor and key in held
    for missing in ("art-000:1:2", "art-999:5:9", "nothing", "art-001:5", "art-001:x:y"):
        if missing not in expected:
            assert missing not in held and held.get(missing) is None
            assert held.get(missing, "none") == "none"
            with pytest.raises(KeyError):
                held[missing]
    assert pickle.loads(pickle.dumps(held)) == expected
    assert dict(held) == expected and {**held} == expected
    assert held.keys() == expected.keys() and held.items() == expected.items()
    assert (links[0][0], expected[links[0][0]]) in held.items()
    assert ("nothing", "actor_0") not in held.items()


def test_built_from_pairs_and_updated() -> None:
    held = MentionActors([("a1:0:5", "p"), ("a1:9:12", "q")])
    held.update({"a2:3:4": "p"}, a1_0_5="r")
    held.update([("a1:0:5", "s")])
    assert held == {"a1:0:5": "s", "a1:9:12": "q", "a2:3:4": "p", "a1_0_5": "r"}
    assert bool(held) and not MentionActors()


def test_a_mapping_that_only_grows() -> None:
    """Readers take it as a ``Mapping``; it has no way to delete a key."""
    held = MentionActors([("a1:0:5", "p")])
    assert isinstance(held, Mapping) and not isinstance(held, MutableMapping | dict)
    with pytest.raises(AttributeError):
        del held["a1:0:5"]
    assert not hasattr(held, "pop") and not hasattr(held, "clear")
    assert held != ["a1:0:5"] and held != {"a1:0:5": "q"}


def test_items_and_values_read_the_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """``items`` and ``values`` sweep the columns: no key is looked up one at a time."""
    links = dict(_random_links(7))
    held = MentionActors(links)

    def no_lookup(self: MentionActors, key: str) -> str | None:
        raise AssertionError(f"looked up {key}")

    monkeypatch.setattr(MentionActors, "_find", no_lookup)
    assert sorted(held.items()) == sorted(links.items())
    assert sorted(held.values()) == sorted(links.values())
    assert sorted(held) == sorted(links) and len(held.items()) == len(links)


@pytest.mark.parametrize("seed", range(3))
def test_sorted_items_an_article_at_a_time(seed: int) -> None:
    """Links in key order (as the store writes them), where one article's keys are made
    and sorted at a time, and where one article id begins another's ("feed" and
    "feed:2"), so that all are sorted at once."""
    rng = random.Random(seed)
    for articles in (["b-7", "b", "a10", "a1", "a"], ["feed:2", "feed", "feed-1"]):
        links = {
            mention_key(rng.choice(articles), Span(s, s + rng.randrange(1, 200), "")): "x"
            for s in (rng.randrange(0, 2000) for _ in range(300))
        }
        held = MentionActors(links)
        assert list(held.sorted_items()) == sorted(links.items())
