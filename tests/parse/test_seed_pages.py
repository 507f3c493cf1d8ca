"""Golden tests: every row of the three seed pages, checked against values read off the pages by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.parse import parse_page
from bot.reference import Reference

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"

# (rank, tied, name, result as written, seconds, status, medal, cumulative splits)
ATHLETICS_1992_MENS_20KM_WALK = [
    (1, False, "Daniel Plaza", "1:21:45", 4905.0, None, "gold", ()),
    (2, False, "Guillaume LeBlanc", "1:22:25", 4945.0, None, "silver", ()),
    (3, False, "Giovanni De Benedictis", "1:23:11", 4991.0, None, "bronze", ()),
    (4, False, "Maurizio Damilano", "1:23:39", 5019.0, None, None, ()),
    (5, False, "Chen Shaoguo", "1:24:06", 5046.0, None, None, ()),
    (6, False, "Jimmy McDonald", "1:25:16", 5116.0, None, None, ()),
    (7, False, "Daniel García", "1:25:35", 5135.0, None, None, ()),
    (8, False, "Sándor Urbanik", "1:26:08", 5168.0, None, None, ()),
    (9, False, "Héctor Moreno", "1:26:23", 5183.0, None, None, ()),
    (10, False, "Miguel Ángel Prieto", "1:26:38", 5198.0, None, None, ()),
    (11, False, "Robert Ihly", "1:26:56", 5216.0, None, None, ()),
    (12, False, "Mikhail Shchennikov", "1:27:17", 5237.0, None, None, ()),
    (13, False, "Vladimir Andreyev", "1:28:25", 5305.0, None, None, ()),
    (14, False, "Tim Berrett", "1:28:25", 5305.0, None, None, ()),
    (15, False, "Stefan Johansson", "1:28:37", 5317.0, None, None, ()),
    (16, False, "Chris Maddocks", "1:28:45", 5325.0, None, None, ()),
    (17, False, "Pavol Blažek", "1:29:23", 5363.0, None, None, ()),
    (18, False, "Walter Arena", "1:29:34", 5374.0, None, None, ()),
    (19, False, "Igor Kollár", "1:29:38", 5378.0, None, None, ()),
    (20, False, "Axel Noack", "1:29:55", 5395.0, None, None, ()),
    (21, False, "Joel Sánchez", "1:30:12", 5412.0, None, None, ()),
    (22, False, "Nicholas A'Hern", "1:31:39", 5499.0, None, None, ()),
    (23, False, "Andrew Penn", "1:31:40", 5500.0, None, None, ()),
    (24, False, "Martin Rush", "1:31:56", 5516.0, None, None, ()),
    (25, False, "Shemisu Hasen", "1:32:39", 5559.0, None, None, ()),
    (26, False, "Viktoras Meškauskas", "1:33:24", 5604.0, None, None, ()),
    (27, False, "Sérgio Galdino", "1:33:32", 5612.0, None, None, ()),
    (28, False, "Ján Záhončík", "1:33:37", 5617.0, None, None, ()),
    (29, False, "Ernesto Canto", "1:33:51", 5631.0, None, None, ()),
    (30, False, "Allen James", "1:35:12", 5712.0, None, None, ()),
    (31, False, "Andrew Jachno", "1:36:49", 5809.0, None, None, ()),
    (32, False, "Marcelo Palma", "1:40:11", 6011.0, None, None, ()),
    (None, False, "Li Mingcai", None, None, "unknown", None, ()),
    (None, False, "Robert Korzeniowski", None, None, "unknown", None, ()),
    (None, False, "Oleg Troshin", None, None, "unknown", None, ()),
    (None, False, "Ademar Kammler", None, None, "unknown", None, ()),
    (None, False, "Jefferson Pérez", None, None, "unknown", None, ()),
    (None, False, "Valentí Massana", None, None, "unknown", None, ()),
    (None, False, "Thierry Toutain", None, None, "unknown", None, ()),
    (None, False, "Bobby O'Leary", None, None, "unknown", None, ()),
    (None, False, "José Urbano", None, None, "unknown", None, ()),
    (None, False, "Saleumphone Sopraseut", None, None, "unknown", None, ()),
]
CYCLING_1932_MENS_TRACK_TIME_TRIAL = [
    (1, False, "Dunc Gray", "1:13.0", 73.0, None, "gold", (27.7, 52.5)),
    (2, False, "Jacques van Egmond", "1:13.3", 73.3, None, "silver", (30.2, 54.6)),
    (3, False, "Charles Rampelberg", "1:13.4", 73.4, None, "bronze", (27.9, 52.4)),
    (4, True, "William Harvell", "1:14.7", 74.7, None, None, (28.6, 54.3)),
    (4, True, "Luigi Consonni", "1:14.7", 74.7, None, None, (27.9, 53.2)),
    (6, False, "Lew Rush", "1:15.6", 75.6, None, None, (28.1, 54.1)),
    (7, False, "Harald Christensen", "1:16.0", 76.0, None, None, (29.5, 55.0)),
    (8, False, "Bernard Mammes", "1:18.0", 78.0, None, None, (29.0, 56.0)),
    (9, False, "Ernesto Grobet", "1:25.2", 85.2, None, None, (31.9, 60.1)),
]
CYCLING_1992_MENS_TRACK_TIME_TRIAL = [
    (1, False, "José Manuel Moreno", "1:03.342", 63.342, None, "gold", (19.007, 32.954, 47.656)),
    (2, False, "Shane Kelly", "1:04.288", 64.288, None, "silver", (18.843, 33.105, 48.151)),
    (3, False, "Erin Hartwell", "1:04.753", 64.753, None, "bronze", (18.993, 33.302, 48.391)),
    (4, False, "Jens Glücklich", "1:04.798", 64.798, None, None, (18.712, 33.084, 48.378)),
    (5, False, "Adler Capelli", "1:05.065", 65.065, None, None, (19.664, 34.207, 49.266)),
    (6, False, "Frédéric Lancien", "1:05.157", 65.157, None, None, (19.398, 33.968, 49.175)),
    (7, False, "Jon Andrews", "1:05.240", 65.24, None, None, (19.795, 34.345, 49.464)),
    (8, False, "Gene Samuel", "1:05.485", 65.485, None, None, (18.969, 33.426, 48.871)),
    (9, False, "Dirk Jan van Hameren", "1:05.524", 65.524, None, None, (19.574, 34.009, 49.259)),
    (10, False, "Keiji Kojima", "1:05.994", 65.994, None, None, (19.688, 34.083, 49.456)),
    (11, False, "Ingus Veips", "1:06.074", 66.074, None, None, (19.248, 33.535, 49.089)),
    (12, False, "Aleksandr Kirichenko", "1:06.137", 66.137, None, None, (18.738, 33.117, 48.724)),
    (13, False, "Christian Meidlinger", "1:06.509", 66.509, None, None, (19.445, 34.17, 49.769)),
    (14, False, "Anthony Stirrat", "1:06.522", 66.522, None, None, (19.831, 34.576, 49.993)),
    (15, False, "Mika Hämäläinen", "1:06.808", 66.808, None, None, (19.48, 34.321, 50.055)),
    (16, False, "Rocco Travella", "1:06.811", 66.811, None, None, (19.192, 33.846, 49.739)),
    (17, False, "Nelson Mario Pons", "1:06.878", 66.878, None, None, (19.296, 34.06, 49.804)),
    (18, False, "César Muciño", "1:06.984", 66.984, None, None, (19.59, 34.187, 49.955)),
    (19, False, "Tom Steels", "1:07.085", 67.085, None, None, (19.629, 34.451, 50.17)),
    (20, False, "Grzegorz Krejner", "1:07.235", 67.235, None, None, (19.504, 34.244, 50.126)),
    (21, False, "Kiril Georgiev", "1:07.371", 67.371, None, None, (19.752, 35.061, 50.965)),
    (22, False, "Sergio Rolando", "1:08.267", 68.267, None, None, (20.206, 35.561, 51.502)),
    (23, False, "Kurt Innes", "1:08.593", 68.593, None, None, (20.206, 35.215, 51.219)),
    (24, False, "Livingstone Alleyne", "1:09.014", 69.014, None, None, (20.434, 35.543, 51.689)),
    (25, False, "José Velásquez", "1:10.143", 70.143, None, None, (20.594, 36.149, 52.515)),
    (26, False, "Sean Bloch", "1:10.145", 70.145, None, None, (19.888, 35.021, 51.786)),
    (27, False, "Herry Janto Setiawan", "1:10.342", 70.342, None, None, (19.781, 35.407, 52.273)),
    (28, False, "Mohamed Reza Banna", "1:11.036", 71.036, None, None, (20.819, 36.572, 53.197)),
    (29, False, "Andrew Myers", "1:13.186", 73.186, None, None, (21.407, 37.694, 54.973)),
    (30, False, "Pedro Vaca", "1:14.175", 74.175, None, None, (21.304, 37.389, 55.069)),
    (31, False, "Neil Lloyd", "1:14.816", 74.816, None, None, (22.138, 38.226, 55.81)),
    (32, False, "Don Campbell", "1:16.192", 76.192, None, None, (22.205, 39.011, 57.042)),
]

GOLDEN = {
    "athletics_1992_mens_20km_walk.txt": ATHLETICS_1992_MENS_20KM_WALK,
    "cycling_1932_mens_track_time_trial.txt": CYCLING_1932_MENS_TRACK_TIME_TRIAL,
    "cycling_1992_mens_track_time_trial.txt": CYCLING_1992_MENS_TRACK_TIME_TRIAL,
}


@pytest.mark.parametrize("file", sorted(GOLDEN))
def test_every_row_of_the_seed_pages(file: str, reference: Reference) -> None:
    event, problems = parse_page(PAGES / file, reference)
    assert event is not None
    assert problems == []
    assert len(event.rounds) == 1 and event.rounds[0].name is None
    rows = [
        (r.rank, r.tied, r.name, r.result, r.value, r.status, r.medal, tuple(r.splits.values()))
        for r in event.rounds[0].results
    ]
    assert rows == GOLDEN[file]


def test_event_facts_from_title_and_infobox(reference: Reference) -> None:
    event, _ = parse_page(PAGES / "cycling_1992_mens_track_time_trial.txt", reference)
    assert event is not None
    assert (event.sport, event.event, event.gender, event.year, event.season) == (
        "Cycling",
        "Men's track time trial",
        "men",
        1992,
        "Summer",
    )
    assert event.venue == "Velòdrom d'Horta"
    assert event.date == "27 July" and str(event.date_start) == "1992-07-27"
    assert (event.competitors, event.nations, event.previous, event.next) == (32, 32, "1988", "1996")
    assert [(m.medal, m.name, m.noc) for m in event.medals] == [
        ("gold", "José Manuel Moreno", "ESP"),
        ("silver", "Shane Kelly", "AUS"),
        ("bronze", "Erin Hartwell", "USA"),
    ]
    first = event.rounds[0].results[0]
    assert first.splits == {"250 m": 19.007, "500 m": 32.954, "750 m": 47.656}
    assert first.extra == {"Speed (km/h)": "56.834"}
    assert (first.unit, first.precision, first.nation) == ("s", 3, "ESP")
    # Nation cells are empty: only medalists get a nation, from the infobox; nobody else gets one invented.
    assert [r.nation for r in event.rounds[0].results[3:]] == [None] * 29


def test_1932_tie_is_restored_from_the_shifted_row(reference: Reference) -> None:
    event, _ = parse_page(PAGES / "cycling_1932_mens_track_time_trial.txt", reference)
    assert event is not None
    harvell, consonni = event.rounds[0].results[3:5]
    assert (harvell.rank, harvell.tied, harvell.shifted) == (4, True, False)
    assert (consonni.rank, consonni.tied, consonni.shifted) == (4, True, True)
    assert consonni.splits == {"Lap 1": 27.9, "Lap 2": 53.2}
    assert str(event.date_start) == "1932-08-01"
    assert event.records == []


def test_walk_group_without_results_is_status_unknown(reference: Reference) -> None:
    event, _ = parse_page(PAGES / "athletics_1992_mens_20km_walk.txt", reference)
    assert event is not None
    unplaced = [r for r in event.rounds[0].results if r.rank is None]
    assert len(unplaced) == 10
    assert {r.group for r in unplaced} == {"—"}
    assert all(r.status == "unknown" and r.result is None for r in unplaced)
    assert sum(1 for r in unplaced if r.shifted) == 9
    assert str(event.date_start) == "1992-07-31"


def test_walk_records_read_as_hours_and_marked_corrected(reference: Reference) -> None:
    event, _ = parse_page(PAGES / "athletics_1992_mens_20km_walk.txt", reference)
    assert event is not None
    world, olympic = event.records
    assert (world.kind, world.result, world.value, world.corrected) == ("World Record", "1:18.13", 4693.0, True)
    assert world.correction and "1:18:13" in world.correction
    assert (world.date, world.place) == ("September 16, 1990", "FRG Hildesheim, West Germany")
    assert world.holder is None  # the holder's cell is empty: not taken from the place
    assert (olympic.kind, olympic.value, olympic.corrected) == ("Olympic Record", 4797.0, True)
