"""A side's figure another side disputes gives way to the story's own figure of its kind
for the same people; a figure only the reporter could not check stays (sentences we
wrote, several conflicts)."""

import pytest

pytestmark = pytest.mark.slow


def figures(run, text):
    return sorted((c.kind, c.value) for c in run(text)["counts"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an apposition of the claimed figure: "a figure X did not confirm"
        (
            "Fighters ambushed a convoy near Gao on Monday, killing five soldiers, the "
            "army said. A spokesman for the rebels said 18 soldiers had died, a figure "
            "the army did not confirm.",
            [("killed", 5)],
        ),
        # the next line calls the figure something: "called the figure propaganda"
        (
            "Guerrillas ambushed a patrol in the hills of Tolima on Tuesday, killing four "
            "soldiers. The guerrillas said they had killed nine soldiers. The army called "
            'the figure "a lie".',
            [("killed", 4)],
        ),
        # "rejected that number", the wounded kind
        (
            "A car bomb wounded 14 police officers outside the station in Mardan, police "
            "said. The group said 40 officers were wounded. The provincial governor "
            "rejected that number.",
            [("wounded", 14)],
        ),
    ],
)
def test_disputed_figure_gives_way(run, text, expected) -> None:
    assert figures(run, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the only figure of its kind stays, disputed or not
        (
            "A militia spokesman said 30 soldiers had died in the raid on the base, a "
            "figure the ministry did not confirm.",
            [("killed", 30)],
        ),
        # the reporter unable to check a figure disputes nothing
        (
            "Gunmen killed nine villagers near Kaura on Sunday. On Friday, troops killed "
            "12 fighters in the forest, a commander said, a figure our reporter could not "
            "check.",
            [("killed", 9), ("killed", 12)],
        ),
        (
            "Jets struck a fuel depot outside Sirte, killing three guards. The army said "
            "its planes had killed 20 fighters elsewhere. The figure could not be verified.",
            [("killed", 3), ("killed", 20)],
        ),
        # another kind of people is another figure: the soldiers are not the villagers
        (
            "Bandits killed six villagers in Zamfara on Sunday. Troops said they had "
            "killed 25 bandits. Local leaders rejected that number.",
            [("killed", 6), ("killed", 25)],
        ),
        # not disputing: "did not dispute the figure"
        (
            "Shelling killed seven civilians in Kherson on Monday, officials said. Rescuers "
            "said 11 civilians had died. The army did not dispute the figure.",
            [("killed", 7), ("killed", 11)],
        ),
    ],
)
def test_figure_stays(run, text, expected) -> None:
    assert figures(run, text) == expected
