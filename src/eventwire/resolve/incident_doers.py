"""Who did it, as two reports name it: one act under two names, or an act and a counter-attack.

The join's actor rule keeps two reports apart when each names a side the other does not
("named actors differ"). Two outlets often name one doer differently, and actor
resolution does not always know the names are one group: a local paper gives the name
people in the town use ("the Janjaweed" for the Rapid Support Forces), a group's own
outlet its own name ("Daesh Khorasan" for the Islamic State's regional branch), a wire
the name of the movement behind the fighters. In one town on one stated day, one act of
one type is then told with two doers, and the actor rule alone kept its two reports
apart.

**One act, its doer named two ways** (:func:`doer_named_two_ways`): two reports of one
type, in one town, that state one and the same day, each naming an armed group (no
state) as the doer and none naming the other's doer as its target, are one act when
they share a detail of it besides the town and the day (:func:`act_ties`): a site both
say was hit ("the market"), a figure both give (the same kind and number), or a risen
toll in one that is no lower than the other's figure of that kind ("the toll has risen
to eight" after "killing six"). Two groups' acts in one town on one day that share no
such detail stay apart, as do two strikes on two sites, two days' acts, and a state's act
beside a group's (an army's strike and a group's attack are two claims of one deed, or
two deeds: the actor rule keeps them apart as before).

**An attack and a counter-attack** (:func:`counter_attack_veto`): the side one report
names as the doer is only the target in the other, whose own doer is an armed group the
first never names, and the two are not placed in one town: "the rebels shelled a camp
outside one town" and "a militia attacked rebel positions near another" share the rebels, but as
the doer of one act and the target of another. Before, the shared side joined them. One
clash told from its two ends stays joinable: the reports name each other's doer
("fighters attacked the post" / "troops repelled the fighters who attacked the post"), a
state is the other doer (the army's account of repelling an attack), or both are placed
in one town.

**The victims named by one report, the doer by the other** (:func:`victims_and_doer`): a
report that names no doer, only whom the act hit ("the dead are Maria Chavez, 71, and her
neighbour"; "two soldiers of the border guard were killed"), and a report that names only
the doer ("cartel drones killed two people"), with no side hit, share no side but
contradict nothing: each tells the end of the act the other leaves out. Naming the dead
made such a report less joinable than one naming nobody, which joins the doer's report
of its town and day. They join on the same terms as reports naming nobody: one town, one
of them dated to the day (the dates meet), and one type. A report whose victim is the
other's doer (a reply), a doer's report that names another victim, two reports naming
two victims, and reports of two towns, two weeks or two types are not this case; nor is
a state's side hit, which is one clash told from its two ends when the other names an
armed group as the doer (``state_against_group``, on its own terms) and two states when
it names another state.
"""

from __future__ import annotations

from typing import Protocol

from eventwire.model import Place
from eventwire.resolve.doc_incidents import town_of
from eventwire.resolve.offices import parent_side


class _Told(Protocol):
    """What the rules read of a report (:class:`~eventwire.resolve.incidents.Report`)."""

    @property
    def type(self) -> str: ...
    @property
    def day(self) -> str | None: ...
    @property
    def place(self) -> Place | None: ...
    @property
    def named(self) -> frozenset[str]: ...
    @property
    def doers(self) -> frozenset[str]: ...
    @property
    def hit(self) -> frozenset[str]: ...
    @property
    def sites(self) -> frozenset[str]: ...
    @property
    def figures(self) -> frozenset[tuple[str, int]]: ...
    @property
    def risen(self) -> bool: ...


def _any_state(sides: frozenset[str]) -> bool:
    return any(parent_side(s).startswith("state:") for s in sides)


def _one_town(a: _Told, b: _Told) -> bool:
    ta, tb = town_of(a.place), town_of(b.place)
    return bool(ta and tb and ta.id == tb.id)


def _risen_over(risen: _Told, other: _Told) -> bool:
    """Whether ``risen`` gives a risen toll no lower than ``other``'s figure of its kind."""
    return risen.risen and any(
        kind == k and value >= v for kind, value in risen.figures for k, v in other.figures
    )


def act_ties(a: _Told, b: _Told) -> list[str]:
    """The details of one act two reports share besides their town and day: a site both
    name as hit, a figure both give, a risen toll of one over the other's figure."""
    ties = []
    if a.sites & b.sites:
        ties.append("site " + ", ".join(sorted(a.sites & b.sites)))
    if shared := a.figures & b.figures:
        ties.append("figure " + ", ".join(f"{k} {v}" for k, v in sorted(shared)))
    if _risen_over(a, b) or _risen_over(b, a):
        ties.append("a risen toll")
    return ties


def doer_named_two_ways(a: _Told, b: _Told) -> list[str]:
    """The details that make two reports naming two different armed groups as the doer
    one act (see the module docstring), or [] when they are not that case."""
    if a.type != b.type or not (a.day and a.day == b.day) or not _one_town(a, b):
        return []
    if not (a.doers and b.doers) or a.doers & b.doers:
        return []
    if _any_state(a.doers) or _any_state(b.doers):
        return []
    if a.doers & b.hit or b.doers & a.hit:
        return []  # one's doer is the other's target: two ends of a clash, or a reply
    return act_ties(a, b)


def victims_and_doer(a: _Told, b: _Told) -> bool:
    """Whether one report names only whom the act hit and the other only its doer, in one
    town on a day one of them states, with one type (see the module docstring)."""
    if a.type != b.type or not (a.day or b.day) or not _one_town(a, b):
        return False
    for hit_only, done_only in ((a, b), (b, a)):
        if hit_only.doers or not hit_only.hit or done_only.hit or not done_only.doers:
            continue
        if _any_state(hit_only.hit):
            continue  # a state's forces hit: one clash from its two ends, or two states
        if hit_only.hit & done_only.doers:
            continue  # the doer of one is the victim of the other: a reply, not this case
        return True
    return False


def counter_attack_veto(a: _Told, b: _Told) -> str | None:
    """Why two reports are an attack and a counter-attack on its doer (see the module
    docstring), else None."""
    if _one_town(a, b) or a.doers & b.doers:
        return None
    for one, other in ((a, b), (b, a)):
        turned = sorted((one.doers & other.hit) - other.doers - one.hit)
        own = other.doers - one.named
        if turned and own and not _any_state(other.doers):
            return f"{turned[0]} the doer of one and the target of another doer in the other"
    return None
