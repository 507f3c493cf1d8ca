"""Each quirk of real pages, on a small page made for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.models import Event, Problem
from bot.parse import load_folder, parse_page, parse_text
from bot.reference import Reference
from tests.parse import pages


def parse(text: str, reference: Reference) -> tuple[Event, list[Problem]]:
    problems: list[Problem] = []
    return parse_text(text, "page.txt", reference, problems), problems


def test_heats_under_nested_headings_keep_wind_lines(reference: Reference) -> None:
    event, problems = parse(pages.SPRINT_HEATS, reference)
    assert problems == []
    assert event.title.endswith("Men's 100 metres")  # a hyphen instead of the en dash
    assert (event.sport, event.year, event.season, event.gender) == ("Athletics", 1996, "Summer", "men")
    assert [r.name for r in event.rounds] == ["Heats – Heat 1", "Heats – Heat 2", "Final"]
    assert [r.conditions for r in event.rounds] == [["Wind: +0.4 m/s"], ["Wind: -0.2 m/s"], ["Wind: +0.7 m/s"]]
    assert (str(event.date_start), str(event.date_end)) == ("1996-07-26", "1996-07-27")


def test_lane_reaction_and_qualification_notes_are_kept(reference: Reference) -> None:
    event, _ = parse(pages.SPRINT_HEATS, reference)
    boldon = event.rounds[0].results[0]
    assert boldon.extra == {"Lane": "4", "Reaction": "0.145"}
    assert boldon.notes == ["Q"]
    assert (boldon.value, boldon.unit, boldon.precision) == (10.11, "s", 2)
    assert event.rounds[0].results[1].nation == "USA"  # a Nation cell that is filled is read


def test_statuses_in_result_and_rank_cells(reference: Reference) -> None:
    event, _ = parse(pages.SPRINT_HEATS, reference)
    heat1 = event.rounds[0].results
    # A cell holding only a status is no result: the status says it.
    assert (heat1[3].rank, heat1[3].status, heat1[3].result) == (4, "DNF", None)
    assert (heat1[4].rank, heat1[4].status, heat1[4].name) == (None, "DSQ", "Fast Starter")
    late = event.rounds[1].results[-1]
    assert (late.name, late.status, late.rank) == ("Late Starter", "DNS", None)


def test_shifted_row_starting_with_a_lane_number_is_a_tie(reference: Reference) -> None:
    event, _ = parse(pages.SPRINT_HEATS, reference)
    slow, tied = event.rounds[1].results[2:4]
    assert (slow.rank, slow.tied) == (3, True)
    assert (tied.name, tied.rank, tied.tied, tied.shifted) == ("Tied Runner", 3, True, True)
    assert tied.extra["Lane"] == "5" and tied.value == 10.30


def test_empty_medal_rank_cells_are_inferred_and_marked(reference: Reference) -> None:
    event, _ = parse(pages.SPRINT_HEATS, reference)
    final = event.rounds[2].results
    assert [(r.rank, r.rank_inferred, r.medal) for r in final] == [
        (1, True, "gold"),
        (2, True, "silver"),
        (3, True, "bronze"),
        (4, False, None),
    ]
    assert final[0].notes == ["WR"]
    assert [r.nation for r in final] == ["CAN", "NAM", "TRI", None]
    # A medalist's heat row gets no medal: medals belong to the final.
    assert all(r.medal is None for rnd in event.rounds[:2] for r in rnd.results)


def test_field_event_marks_attempts_and_no_mark(reference: Reference) -> None:
    event, problems = parse(pages.LONG_JUMP, reference)
    assert problems == []
    rows = event.rounds[0].results
    assert (rows[0].value, rows[0].unit, rows[0].precision, rows[0].nation) == (8.90, "m", 2, "USA")
    assert rows[0].extra == {"1": "8.90", "2": "x", "3": "–"}
    assert rows[1].nation == "GDR"
    assert [(r.rank, r.tied) for r in rows[2:4]] == [(3, True), (3, True)]
    assert (rows[4].status, rows[4].value) == ("NM", None)


def test_points_column(reference: Reference) -> None:
    event, _ = parse(pages.DECATHLON, reference)
    first = event.rounds[0].results[0]
    assert (first.value, first.unit, first.medal, first.nation) == (8611.0, "pts", "gold", "TCH")
    assert event.rounds[0].results[1].nation == "ESP"


def test_team_event_rows_are_nations_with_members(reference: Reference) -> None:
    event, _ = parse(pages.TEAM_PURSUIT, reference)
    assert event.team
    rows = event.rounds[0].results
    assert [(r.name, r.nation, r.medal) for r in rows] == [
        ("Germany", "GER", "gold"),
        ("Australia", "AUS", "silver"),
        ("Denmark", "DEN", None),
    ]
    assert rows[0].members == ["Michael Glöckner", "Jens Lehmann", "Stefan Steinweg", "Guido Fulst"]
    assert rows[1].members[-1] == "Stuart O'Grady"
    assert rows[2].members == []


def test_winter_games_pair_column_and_split(reference: Reference) -> None:
    event, _ = parse(pages.SKATING_WINTER, reference)
    assert (event.season, event.year, event.gender, event.sport) == ("Winter", 1994, "women", "Speed skating")
    first, second = event.rounds[0].results[:2]
    assert first.splits == {"100 m": 10.73} and first.extra == {"Pair": "7"}
    assert second.extra["Behind"] == "+0.36" and second.nation == "CAN"


def test_entities_nbsp_crlf_and_bom(reference: Reference) -> None:
    text = "\ufeff" + pages.DECATHLON.replace("Peñalver", "Pe&ntilde;alver&nbsp;").replace("\n", "\r\n")
    text = text.replace("Robert Změlík | |", "Robert\u00a0Změlík  | |")
    event, problems = parse(text, reference)
    assert problems == []
    assert event.title == "Athletics at the 1992 Summer Olympics – Men's decathlon"
    assert [r.name for r in event.rounds[0].results] == ["Robert Změlík", "Antonio Peñalver", "Dave Johnson"]


def test_unreadable_row_is_reported_not_dropped(reference: Reference) -> None:
    text = pages.DECATHLON.replace("| 3 | Dave Johnson | USA | 8309 | |", "| 3 | 17 | 8309 | 12 | 4 |")
    event, problems = parse(text, reference)
    assert len(event.rounds[0].results) == 2
    assert len(problems) == 1 and problems[0].line is not None
    assert "row not understood" in problems[0].message
    assert text.splitlines()[problems[0].line - 1].startswith("| 3 | 17 |")


def test_folder_with_broken_pages_loads_the_good_ones(tmp_path: Path, reference: Reference) -> None:
    (tmp_path / "good.txt").write_text(pages.LONG_JUMP, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 10)
    (tmp_path / "untitled.txt").write_text("Infobox\n- Games: 1992 Summer\n\nJust prose.\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(pages.LONG_JUMP.replace("–", "-").encode("cp1252"))
    result = load_folder(tmp_path, reference)
    assert sorted(e.file for e in result.events) == ["good.txt", "latin1.txt"]
    by_file = {p.file: p for p in result.problems}
    assert set(by_file) == {"binary.txt", "untitled.txt"}
    assert "binary" in by_file["binary.txt"].message
    assert "no '= Title =' line" in by_file["untitled.txt"].message


def test_page_without_results_table_is_a_problem(tmp_path: Path, reference: Reference) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(pages.page("Rowing at the 1900 Summer Olympics – Men's eight", {}, "No table."), "utf-8")
    event, problems = parse_page(path, reference)
    assert event is not None and event.rounds == []
    assert [p.message for p in problems] == ["no results table found"]


@pytest.mark.parametrize(
    ("title", "sport", "event_name", "season"),
    [
        ("Cycling at the 1992 Summer Olympics – Men's track time trial", "Cycling", "Men's track time trial", "Summer"),
        ("Cycling at the 1992 Summer Olympics - Men's track time trial", "Cycling", "Men's track time trial", "Summer"),
        ("Alpine skiing at the 1994 Winter Olympics – Women's downhill", "Alpine skiing", "Women's downhill", "Winter"),
        ("Short track speed skating at the 2022 Winter Olympics — Mixed 2000 metre relay", "Short track speed skating",
         "Mixed 2000 metre relay", "Winter"),
    ],
)  # fmt: skip
def test_titles(title: str, sport: str, event_name: str, season: str, reference: Reference) -> None:
    body = "==Results==\n| Rank | Athlete | Time |\n| 1 | A Person | 1:00.00 |"
    event, _ = parse(pages.page(title, {}, body), reference)
    assert (event.sport, event.event, event.season) == (sport, event_name, season)


def test_wiki_markup_footnotes_and_codes_beside_names(reference: Reference) -> None:
    body = """
==Results==
| Rank | Athlete | Nation | Time |
| 1 | [[Carl Lewis (athlete)|Carl Lewis]][1] | {{flagIOC|USA|1984 Summer}} | '''9.99''' |
| 2 | Sam Graddy (USA) | | 10.19 |
===Did not finish===
| Rank | Athlete | Nation | Time |
| — | Ron Brown | | |
"""
    event, problems = parse(pages.page("Athletics at the 1984 Summer Olympics – Men's 100 metres", {}, body), reference)
    assert problems == []
    first, second = event.rounds[0].results
    assert (first.name, first.nation, first.value, first.extra) == ("Carl Lewis", "USA", 9.99, {})
    assert (second.name, second.nation) == ("Sam Graddy", "USA")
    (dnf,) = event.rounds[1].results
    assert (dnf.name, dnf.status) == ("Ron Brown", "DNF")


def test_tables_in_one_section_are_named_by_the_line_above(reference: Reference) -> None:
    body = """
==Heats==
Heat 1
| Rank | Athlete | Time |
|---|---|---|
| 1 | Anna Alpha | 1:00.00 |
Heat 2
| Rank | Athlete | Time |
| 1 | Bea Beta | 1:01.00 |

| Rank | Athlete | Time |
| 1 | Cee Gamma | 1:02.00 |
"""
    event, problems = parse(
        pages.page("Swimming at the 2000 Summer Olympics – Women's 100 metre freestyle", {}, body), reference
    )
    assert problems == []
    assert [r.name for r in event.rounds] == ["Heats – Heat 1", "Heats – Heat 2", "Heats – table 3"]
    assert [r.results[0].name for r in event.rounds] == ["Anna Alpha", "Bea Beta", "Cee Gamma"]


def test_a_parser_defect_on_one_page_does_not_stop_the_others(
    tmp_path: Path, reference: Reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.parse as parse_module

    real = parse_module.build_event

    def explode_on_decathlon(raw, file, ref, problems):  # type: ignore[no-untyped-def]
        if "decathlon" in raw.title:
            raise KeyError("boom")
        return real(raw, file, ref, problems)

    monkeypatch.setattr(parse_module, "build_event", explode_on_decathlon)
    (tmp_path / "a.txt").write_text(pages.DECATHLON, encoding="utf-8")
    (tmp_path / "b.txt").write_text(pages.LONG_JUMP, encoding="utf-8")
    result = load_folder(tmp_path, reference)
    assert [e.file for e in result.events] == ["b.txt"]
    assert [(p.file, p.message) for p in result.problems] == [("a.txt", "page could not be parsed (KeyError)")]


@pytest.mark.parametrize("header", ["Athlete(s)", "Athlete name", "Swimmer name", "Rider(s)", "Runner name"])
def test_person_column_spellings_keep_individual_events_individual(header: str, reference: Reference) -> None:
    body = f"==Heats==\n| Rank | {header} | Nation | Time |\n| 1 | Michael Johnson | USA | 43.49 |"
    event, problems = parse(pages.page("Athletics at the 1996 Summer Olympics – Men's 400 metres", {}, body), reference)
    assert problems == [] and not event.team
    row = event.rounds[0].results[0]
    assert (row.name, row.nation, row.value) == ("Michael Johnson", "USA", 43.49)


def test_relay_runners_listed_in_the_athlete_column_are_members(reference: Reference) -> None:
    body = (
        "==Final==\n| Rank | Nation | Athletes | Time |\n"
        "| 1 | United States | Marsh, Burrell, Mitchell, Lewis | 37.40 |"
    )
    title = "Athletics at the 1992 Summer Olympics – Men's 4 × 100 metres relay"
    event, _ = parse(pages.page(title, {}, body), reference)
    row = event.rounds[0].results[0]
    assert (row.name, row.nation, row.members) == ("United States", "USA", ["Marsh", "Burrell", "Mitchell", "Lewis"])


def test_a_table_whose_header_names_no_competitor_is_read_with_inferred_columns(reference: Reference) -> None:
    body = "==Heats==\n| Rank | Who | Time |\n| 1 | Somebody | 10.00 |\n| 2 | Another | 10.10 |"
    event, problems = parse(pages.page("Athletics at the 1996 Summer Olympics – Men's 100 metres", {}, body), reference)
    assert problems == []
    (rnd,) = event.rounds
    assert [(r.rank, r.name, r.value) for r in rnd.results] == [(1, "Somebody", 10.0), (2, "Another", 10.1)]
    assert rnd.columns[:3] == ["rank (inferred)", "competitor (inferred)", "result (inferred)"]
    assert "columns inferred" in event.tables[0].reason


def test_a_table_of_words_only_is_reported_not_read(reference: Reference) -> None:
    body = "==Heats==\n| Rank | Who | When |\n| first | Somebody | morning |\n| second | Another | noon |"
    event, problems = parse(pages.page("Athletics at the 1996 Summer Olympics – Men's 100 metres", {}, body), reference)
    assert [p.message.split(":")[0] for p in problems] == [
        "results table header not understood",
        "no results table found",
    ]
    assert event.tables[0].kind == "skipped"


def test_result_cells_with_wind_markers_and_several_notes(reference: Reference) -> None:
    body = """
==Final==
| Rank | Athlete | Mark |
| 1 | Long Jumper | 8.72 m (+1.2) |
| 2 | Windy Jumper | 8.20 w |
| 3 | Star Jumper | 8.10* |
| 4 | Record Jumper | 8.05 WR, OR |
| 5 | Bad Mark | 8..1 |
"""
    event, problems = parse(pages.page("Athletics at the 1988 Summer Olympics – Men's long jump", {}, body), reference)
    rows = event.rounds[0].results
    assert [(r.value, r.notes) for r in rows[:4]] == [
        (8.72, ["wind +1.2"]),
        (8.20, ["w"]),
        (8.10, ["*"]),
        (8.05, ["WR", "OR"]),
    ]
    assert (rows[4].result, rows[4].value) == ("8..1", None)
    assert [p.message for p in problems] == ["result not understood: '8..1'"]


def test_a_shifted_row_with_a_different_result_is_not_a_tie(reference: Reference) -> None:
    body = """
==Results==
| Rank | Lane | Athlete | Time |
| 4 | 3 | First Runner | 10.04 |
| 5 | Second Runner | 10.11 | |
| zz | 6 | Third Runner | 10.20 |
"""
    event, problems = parse(pages.page("Athletics at the 1996 Summer Olympics – Men's 100 metres", {}, body), reference)
    first, second, third = event.rounds[0].results
    assert (first.rank, first.tied) == (4, False)
    assert (second.rank, second.tied, second.value) == (None, False, 10.11)
    assert (third.rank, third.extra["rank as written"]) == (None, "zz")
    assert [p.message.split(":")[0] for p in problems] == [
        "row lacks its rank cell but its result differs from the row above",
        "rank cell not understood",
    ]
