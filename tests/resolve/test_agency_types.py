"""An agency or a state's police that no KB entry names is typed by its name's words
(issue 13): "the X Directorate", "the Foreign Office", "the Y Intelligence Service" are
`government`; "the Haitian National Police", "the Frontier Corps" are `state_forces`."""

import pytest

from eventwire.resolve.actor_units import words_type


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("General Directorate of Security", "government"),
        ("State Committee for National Security", "government"),
        ("Foreign Office", "government"),
        ("Prime Minister's Office", "government"),
        ("National Intelligence and Security Service", "government"),
        ("Haitian National Police", "state_forces"),
        ("National Police Service", "state_forces"),
        ("Frontier Corps", "state_forces"),
        ("Border Guard Service", "state_forces"),
        ("4th Infantry Division", "state_forces"),
        # unchanged: a rebel army, a relief or news service, a newspaper's office
        ("Kanvar Liberation Army", "armed_group"),
        ("Jesuit Refugee Service", None),
        ("Kestrel News Service", "media"),
    ],
)
def test_words_of_an_agency_or_a_police_force_type_it(name, kind):
    assert words_type([name]) == kind
