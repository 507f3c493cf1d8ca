"""Pages shaped like real converted Wikipedia articles: what a careful reader concludes from each.

Tests marked xfail document parser defects (the reason names the input and the expected reading); they are strict,
so a fix turns them into failures to un-mark.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.models import Event, Problem, ResultRow, Round
from bot.parse import parse_page, parse_text
from bot.parse.page import split_cells
from bot.reference import Reference
from tests.parse import real_like_pages as pages


def parse(text: str, reference: Reference) -> tuple[Event, list[Problem]]:
    problems: list[Problem] = []
    return parse_text(text, "page.txt", reference, problems), problems


def round_named(event: Event, name: str | None) -> Round:
    matches = [r for r in event.rounds if r.name == name]
    assert matches, f"no round {name!r} in {[r.name for r in event.rounds]}"
    return matches[0]


def by_name(rows: list[ResultRow]) -> dict[str, ResultRow]:
    return {r.name: r for r in rows}


def line_of(text: str, fragment: str) -> int:
    hits = [n for n, line in enumerate(text.split("\n"), start=1) if fragment in line]
    assert len(hits) == 1, f"{fragment!r} found on lines {hits}"
    return hits[0]


def result_problems(text: str, problems: list[Problem], heading: str = "==Results==") -> list[Problem]:
    """Problems reported at or below a heading (the records section above it is checked on its own)."""
    start = line_of(text, heading)
    return [p for p in problems if p.line is None or p.line >= start]


_NOT_RESULTS = ("records", "medalists", "schedule", "see also")


def table_rows(text: str) -> list[tuple[int, list[int]]]:
    """(header line, data row lines) of every table outside records/medalists/schedule sections."""
    tables: list[tuple[int, list[int]]] = []
    skipping = False
    in_table = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if line.startswith("==") and not line.startswith("==="):
            skipping = line.strip("= ").lower().startswith(_NOT_RESULTS)
        if not line.startswith("|"):
            in_table = False
            continue
        cells = split_cells(line)
        if all(set(c) <= set(":-") for c in cells) and any(cells):
            continue  # markdown rule
        if not in_table:
            in_table = True
            if not skipping:
                tables.append((number, []))
            continue
        if not skipping and any(cells):
            tables[-1][1].append(number)
    return tables


ALL_PAGES = {name: getattr(pages, name) for name in dir(pages) if name.isupper()}


# --- Athletics 2008 men's 100 m: rounds, heats, wind, lanes, reaction, ties, medals, records -------------------


def test_sprint_rounds_and_heats_come_from_headings_with_their_wind(reference: Reference) -> None:
    text = pages.ATHLETICS_2008_MEN_100M
    event, problems = parse(text, reference)
    assert result_problems(text, problems) == []
    assert (event.sport, event.event, event.gender, event.year, event.season) == (
        "Athletics",
        "Men's 100 metres",
        "men",
        2008,
        "Summer",
    )
    assert (str(event.date_start), str(event.date_end), event.competitors, event.nations) == (
        "2008-08-15",
        "2008-08-16",
        80,
        64,
    )
    assert [(r.name, r.conditions) for r in event.rounds] == [
        ("Round 1 – Heat 1", ["Wind: −0.2 m/s"]),
        ("Round 1 – Heat 2", ["Wind: +0.3 m/s"]),
        ("Quarterfinals", []),
        ("Semifinals – Semifinal 1", ["Wind: +0.1 m/s"]),
        ("Semifinals – Semifinal 2", ["Wind: −0.1 m/s"]),  # written `&minus;0.1`
        ("Final", ["Wind: +0.0 m/s"]),
    ]
    assert event.final_round() is event.rounds[-1]
    assert [len(r.results) for r in event.rounds] == [8, 6, 6, 6, 3, 8]


def test_sprint_heat_rows_keep_lane_reaction_notes_ties_and_statuses(reference: Reference) -> None:
    event, _ = parse(pages.ATHLETICS_2008_MEN_100M, reference)
    heat1 = event.rounds[0].results
    gay = heat1[0]
    assert (gay.rank, gay.name, gay.result, gay.value, gay.unit, gay.precision) == (
        1,
        "Tyson Gay",
        "10.22",
        10.22,
        "s",
        2,
    )
    assert gay.extra == {"Lane": "5", "Reaction": "0.145"} and gay.notes == ["Q"]
    assert gay.nation is None and gay.medal is None  # empty Nation cell, heat row: nothing invented
    # `T4` twice: a tie for 4th, then 6th.
    assert [(r.rank, r.tied, r.notes) for r in heat1[3:6]] == [(4, True, ["q"]), (4, True, ["q"]), (6, False, [])]
    dns = heat1[7]
    assert (dns.name, dns.rank, dns.status, dns.value, dns.extra) == ("Ahmad Hazer", None, "DNS", None, {"Lane": "9"})
    heat2 = by_name(event.rounds[1].results)
    assert heat2["Asafa Powell"].nation == "JAM"  # a Nation cell that survived as text is read
    henry = heat2["Anson Henry"]  # `DQ` in the rank cell, no time, false start noted
    assert (henry.rank, henry.status, henry.value, henry.result, henry.notes) == (None, "DSQ", None, None, ["FS"])
    assert henry.extra == {"Lane": "7", "Reaction": "0.088"}


def test_sprint_summary_table_with_heat_column_and_equal_sign_ties(reference: Reference) -> None:
    event, _ = parse(pages.ATHLETICS_2008_MEN_100M, reference)
    quarters = round_named(event, "Quarterfinals").results
    assert quarters[0].extra == {"Heat": "2", "Lane": "4"}
    assert [(r.rank, r.tied, r.name) for r in quarters[3:]] == [
        (9, True, "Darvis Patton"),
        (9, True, "Marc Burns"),
        (11, False, "Kim Collins"),
    ]


def test_sprint_note_in_time_cell_and_shifted_tie_starting_with_a_lane(reference: Reference) -> None:
    event, _ = parse(pages.ATHLETICS_2008_MEN_100M, reference)
    semi = round_named(event, "Semifinals – Semifinal 1").results
    dix = semi[1]  # `| 2 | 6 | Walter Dix | | 9.95 Q | |`
    assert (dix.result, dix.value, dix.precision, dix.notes) == ("9.95", 9.95, 2, ["Q"])
    frater, patton, gay = semi[3:6]  # `| 7 | Darvis Patton | | 10.01 | Q | |` lost the shared `4`
    assert (frater.rank, frater.tied) == (4, True)
    assert (patton.name, patton.rank, patton.tied, patton.shifted) == ("Darvis Patton", 4, True, True)
    assert (patton.extra, patton.value, patton.notes, patton.status) == ({"Lane": "7"}, 10.01, ["Q"], None)
    assert (gay.rank, gay.tied) == (6, False)


def test_sprint_final_medal_rows_are_inferred_and_nations_never_invented(reference: Reference) -> None:
    event, _ = parse(pages.ATHLETICS_2008_MEN_100M, reference)
    final = event.rounds[-1].results
    assert [(r.rank, r.rank_inferred, r.medal, r.nation) for r in final] == [
        (1, True, "gold", "JAM"),
        (2, True, "silver", "TTO"),
        (3, True, "bronze", "USA"),
        (4, False, None, "AHO"),  # `Netherlands Antilles` written in the Nation cell
        (5, False, None, None),  # Asafa Powell: Jamaican, but this page's row does not say so
        (6, False, None, None),
        (7, False, None, None),
        (8, False, None, None),
    ]
    bolt = final[0]
    assert (bolt.value, bolt.notes, bolt.extra) == (9.69, ["WR"], {"Lane": "4", "Reaction": "0.165"})
    assert [(m.medal, m.name, m.noc) for m in event.medals] == [
        ("gold", "Usain Bolt", "JAM"),
        ("silver", "Richard Thompson", "TTO"),
        ("bronze", "Walter Dix", "USA"),
    ]
    # Medals belong to the final only.
    assert all(r.medal is None for rnd in event.rounds[:-1] for r in rnd.results)


def test_nation_cell_written_with_an_ampersand_entity(reference: Reference) -> None:
    event, _ = parse(pages.ATHLETICS_2008_MEN_100M, reference)
    burns = by_name(event.rounds[1].results)["Marc Burns"]
    assert burns.nation == "TTO"


def test_sprint_standing_records_with_holder_and_nation_cells(reference: Reference) -> None:
    event, _ = parse(pages.ATHLETICS_2008_MEN_100M, reference)
    records = {r.kind: r for r in event.records}
    wr, orec = records["World record"], records["Olympic record"]
    assert (wr.holder, wr.nation, wr.result, wr.value, wr.unit, wr.precision) == (
        "Usain Bolt",
        "JAM",
        "9.72",
        9.72,
        "s",
        2,
    )
    assert (wr.date, wr.place, wr.corrected) == ("31 May 2008", "New York City, United States", False)
    assert (orec.holder, orec.nation, orec.value, orec.date) == ("Donovan Bailey", "CAN", 9.84, "27 July 1996")


def test_world_leading_row_is_kept_or_reported(reference: Reference) -> None:
    text = pages.ATHLETICS_2008_MEN_100M
    event, problems = parse(text, reference)
    line = line_of(text, "| World Leading |")
    assert any(r.line == line for r in event.records) or any(p.line == line for p in problems)


@pytest.mark.parametrize(
    ("page", "row", "holder", "value"),
    [
        (pages.ATHLETICS_2008_MEN_100M, "| 16 August | Final | Usain Bolt |", "Usain Bolt", 9.69),
        (pages.SWIMMING_2008_MEN_100_FREE, "| 13 August | Semifinal 2 |", "Eamon Sullivan", 47.05),
    ],
    ids=["athletics", "swimming"],
)
def test_records_set_during_the_competition_are_kept(
    page: str, row: str, holder: str, value: float, reference: Reference
) -> None:
    event, _ = parse(page, reference)
    line = line_of(page, row)
    kept = [r for r in event.records if r.line == line]
    assert kept and (kept[0].holder, kept[0].value, kept[0].unit) == (holder, value, "s")


def test_crlf_bom_page_read_from_disk_gives_the_same_rows(tmp_path: Path, reference: Reference) -> None:
    path = tmp_path / "100m.txt"
    path.write_bytes(("\ufeff" + pages.ATHLETICS_2008_MEN_100M.replace("\n", "\r\n")).encode("utf-8"))
    from_disk, _ = parse_page(path, reference)
    in_memory, _ = parse(pages.ATHLETICS_2008_MEN_100M, reference)
    assert from_disk is not None
    assert from_disk.title == "Athletics at the 2008 Summer Olympics – Men's 100 metres"
    assert from_disk.model_dump(exclude={"file"}) == in_memory.model_dump(exclude={"file"})


# --- Relay: team rows and members ------------------------------------------------------------------------------


def test_relay_heat_team_rows_with_members_and_a_disqualified_team(reference: Reference) -> None:
    text = pages.ATHLETICS_1992_MEN_4X100
    event, _ = parse(text, reference)
    assert event.team
    heat = round_named(event, "Heats – Heat 1").results
    assert [(r.rank, r.name, r.nation, r.value, r.status, r.notes) for r in heat] == [
        (1, "United States", "USA", 38.05, None, ["Q"]),
        (2, "Great Britain", "GBR", 38.77, None, ["Q"]),
        (3, "Côte d'Ivoire", heat[2].nation, 38.89, None, ["q"]),
        (None, "Canada", "CAN", None, "DSQ", []),
    ]
    assert heat[0].members == ["Michael Marsh", "Leroy Burrell", "Dennis Mitchell", "Carl Lewis"]
    assert heat[3].members[-1] == "Ben Johnson"
    assert all(r.medal is None for r in heat)


def test_nation_written_with_its_ioc_spelling(reference: Reference) -> None:
    event, _ = parse(pages.ATHLETICS_1992_MEN_4X100, reference)
    assert by_name(round_named(event, "Heats – Heat 1").results)["Côte d'Ivoire"].nation == "CIV"


def test_relay_final_rows_with_empty_nation_cells_keep_their_members(reference: Reference) -> None:
    text = pages.ATHLETICS_1992_MEN_4X100
    event, problems = parse(text, reference)
    assert result_problems(text, problems) == []
    final = round_named(event, "Final").results
    assert len(final) == 8
    assert [(r.rank, r.value, r.status, r.medal, r.nation) for r in final] == [
        (1, 37.40, None, "gold", "USA"),
        (2, 37.98, None, "silver", "NGR"),
        (3, 38.00, None, "bronze", "CUB"),
        (4, 38.08, None, None, None),
        (5, 38.17, None, None, None),
        (6, 38.77, None, None, None),
        (7, 39.31, None, None, None),
        (None, None, "DNF", None, None),
    ]
    assert final[0].members == ["Michael Marsh", "Leroy Burrell", "Dennis Mitchell", "Carl Lewis"]
    assert final[0].notes == ["WR"] and final[0].rank_inferred
    assert final[7].members[0] == "Max Morinière"


# --- Field event: qualification section, attempts, NM ------------------------------------------------------------


def test_long_jump_final_attempts_marks_and_no_mark(reference: Reference) -> None:
    event, _ = parse(pages.ATHLETICS_1996_MEN_LONG_JUMP, reference)
    final = round_named(event, "Final").results
    lewis = final[0]
    assert (lewis.rank, lewis.rank_inferred, lewis.medal, lewis.nation) == (1, True, "gold", "USA")
    assert (lewis.result, lewis.value, lewis.unit, lewis.precision) == ("8.50 m", 8.50, "m", 2)  # `8.50&nbsp;m`
    assert lewis.extra == {"#1": "8.29", "#2": "8.14", "#3": "8.50", "#4": "x", "#5": "–", "#6": "x"}  # `&ndash;`
    assert [(r.rank, r.medal, r.nation) for r in final[1:4]] == [
        (2, "silver", "JAM"),
        (3, "bronze", "USA"),
        (4, None, None),
    ]
    cankar = final[-1]
    assert (cankar.rank, cankar.status, cankar.value, cankar.result) == (12, "NM", None, None)  # a status, no result
    assert cankar.extra == {"#1": "x", "#2": "x", "#3": "x"}


def test_qualification_section_with_a_results_table_is_a_round(reference: Reference) -> None:
    event, _ = parse(pages.ATHLETICS_1996_MEN_LONG_JUMP, reference)
    assert [r.name for r in event.rounds] == ["Qualification", "Final"]
    qual = event.rounds[0].results
    assert len(qual) == 7
    assert (qual[0].name, qual[0].extra["Group"], qual[0].value, qual[0].notes) == ("James Beckford", "A", 8.30, ["Q"])
    assert [(r.rank, r.tied) for r in qual[3:5]] == [(11, True), (11, True)]
    assert (qual[6].status, qual[6].rank) == ("NM", None)
    assert all(r.medal is None for r in qual)


# --- Swimming: heats summary with Heat column, swim-off, tied bronze ---------------------------------------------


def test_swimming_heats_summary_with_heat_and_lane_columns(reference: Reference) -> None:
    text = pages.SWIMMING_2008_MEN_100_FREE
    event, problems = parse(text, reference)
    assert result_problems(text, problems) == []
    assert [r.name for r in event.rounds] == [
        "Heats",
        "Semifinals – Semifinal 1",
        "Semifinals – Semifinal 2",
        "Swim-off",
        "Final",
    ]
    heats = event.rounds[0].results
    assert heats[0].extra == {"Heat": "10", "Lane": "4"}
    assert [(r.rank, r.tied) for r in heats[3:7]] == [(5, True), (5, True), (16, True), (16, True)]
    assert heats[5].notes == ["Q", "SO"]  # `Q, SO`
    assert [(r.name, r.status, r.rank, r.value) for r in heats[7:]] == [
        ("Shaune Fraser", "DNS", None, None),
        ("Mario Todorović", "DSQ", None, None),
    ]


def test_swimming_record_note_in_time_cell_and_reaction_column(reference: Reference) -> None:
    event, _ = parse(pages.SWIMMING_2008_MEN_100_FREE, reference)
    sullivan = round_named(event, "Semifinals – Semifinal 2").results[0]
    assert (sullivan.result, sullivan.value, sullivan.precision) == ("47.05", 47.05, 2)
    assert sorted(sullivan.notes) == ["Q", "WR"]
    assert sullivan.extra == {"Lane": "4", "Reaction": "0.74"}


def test_swimming_final_tied_bronze_row_shifted_with_its_lane(reference: Reference) -> None:
    event, _ = parse(pages.SWIMMING_2008_MEN_100_FREE, reference)
    final_round = event.final_round()
    assert final_round is not None and final_round is round_named(event, "Final")
    final = final_round.results
    assert [(r.rank, r.tied, r.rank_inferred, r.medal, r.nation) for r in final[:5]] == [
        (1, False, True, "gold", "FRA"),
        (2, False, True, "silver", "AUS"),
        (3, True, True, "bronze", "USA"),
        (3, True, True, "bronze", "BRA"),  # Bronze2 / Bronze2noc
        (5, False, False, None, None),
    ]
    cielo = final[3]  # `| 7 | César Cielo | | 47.67 | SA | |`
    assert (cielo.name, cielo.shifted, cielo.extra, cielo.value, cielo.notes) == (
        "César Cielo",
        True,
        {"Lane": "7"},
        47.67,
        ["SA"],
    )
    swim_off = round_named(event, "Swim-off").results
    assert all(r.medal is None for r in swim_off)


def test_record_holder_with_code_in_brackets(reference: Reference) -> None:
    event, _ = parse(pages.SWIMMING_2008_MEN_100_FREE, reference)
    wr, orec = event.records[:2]  # the standing records; records set at these Games follow
    assert (wr.holder, wr.nation, wr.value, wr.place, wr.date) == (
        "Eamon Sullivan",
        "AUS",
        47.24,
        "Sydney, Australia",
        "28 March 2008",
    )
    assert (orec.holder, orec.nation) == ("Pieter van den Hoogenband", "NED")


# --- Speed skating: Pair, Time behind, shifted tie, DQ with a time -----------------------------------------------


def test_speed_skating_pair_behind_tie_and_disqualified_time(reference: Reference) -> None:
    text = pages.SPEED_SKATING_2010_MEN_10000M
    event, problems = parse(text, reference)
    assert problems == []
    assert (event.season, event.year, event.sport, event.event) == (
        "Winter",
        2010,
        "Speed skating",
        "Men's 10000 metres",
    )
    (rnd,) = event.rounds
    assert rnd.name is None  # one unnamed results table
    rows = rnd.results
    lee = rows[0]
    assert (lee.name, lee.rank, lee.rank_inferred, lee.medal, lee.nation) == ("Lee Seung-hoon", 1, True, "gold", "KOR")
    assert (lee.result, lee.value, lee.precision, lee.notes, lee.extra) == (
        "12:58.55",
        778.55,
        2,
        ["OR"],
        {"Pair": "6"},
    )
    assert rows[1].extra == {"Pair": "8", "Time behind": "+3.52"}
    de_vries, baumgartner = rows[5:7]  # `| 2 | Alexej Baumgärtner | | 13:28.20 | +29.65 | | |`
    assert (de_vries.rank, de_vries.tied) == (6, True)
    assert (baumgartner.rank, baumgartner.tied, baumgartner.shifted, baumgartner.extra["Pair"]) == (6, True, True, "2")
    assert (rows[7].rank, rows[7].tied) == (8, False)
    kramer = rows[8]  # DQ in the rank cell, time still shown
    assert (kramer.rank, kramer.status, kramer.value, kramer.medal, kramer.nation) == (None, "DSQ", 774.5, None, None)


# --- Rowing: crews, splits, Final A/B ----------------------------------------------------------------------------


def test_rowing_eight_crews_with_empty_country_cells(reference: Reference) -> None:
    text = pages.ROWING_2012_MEN_EIGHT
    event, problems = parse(text, reference)
    assert problems == []
    final = round_named(event, "Final A").results
    assert [(r.rank, r.value, r.medal, r.nation) for r in final] == [
        (1, 348.75, "gold", "GER"),
        (2, 349.98, "silver", "CAN"),
        (3, 351.18, "bronze", "GBR"),
        (4, 351.48, None, None),
    ]
    assert len(final[0].members) == 9 and final[0].members[0] == "Filip Adamski"
    assert final[2].splits == {"500 m": 83.51, "1000 m": 170.41, "1500 m": 260.10}


def test_rowing_single_sculls_cumulative_splits_and_final_b(reference: Reference) -> None:
    event, problems = parse(pages.ROWING_2012_MEN_SINGLE_SCULLS, reference)
    assert problems == []
    assert event.final_round() is round_named(event, "Final A")
    final_a = event.rounds[0].results
    drysdale = final_a[0]
    assert (drysdale.rank, drysdale.rank_inferred, drysdale.medal, drysdale.nation) == (1, True, "gold", "NZL")
    assert drysdale.splits == {"500 m": 102.01, "1000 m": 209.77, "1500 m": 315.03}
    assert (drysdale.value, drysdale.precision, drysdale.extra) == (417.82, 2, {})
    assert [r.nation for r in final_a] == ["NZL", "CZE", "GBR", None, None, None]
    final_b = round_named(event, "Final B").results
    assert [(r.rank, r.medal, r.rank_inferred) for r in final_b] == [(7, None, False), (8, None, False)]


# --- Judo and boxing: two bronzes, standings without results, brackets ------------------------------------------


def test_judo_final_standing_medal_ranks_and_shared_places(reference: Reference) -> None:
    event, _ = parse(pages.JUDO_2012_MEN_PLUS_100, reference)
    rows = round_named(event, "Final standing").results
    assert [(r.name, r.rank, r.tied, r.rank_inferred, r.medal, r.nation) for r in rows] == [
        ("Teddy Riner", 1, False, True, "gold", "FRA"),
        ("Alexander Mikhaylin", 2, False, True, "silver", "RUS"),
        ("Andreas Tölzer", 3, True, True, "bronze", "GER"),
        ("Rafael Silva", 3, True, True, "bronze", "BRA"),
        ("Óscar Brayson", 5, True, False, None, None),
        ("Kim Sung-min", 5, True, False, None, None),
        ("Ihar Makarau", 7, True, False, None, None),
        ("Abdullo Tangriev", 7, True, False, None, None),
    ]


def test_placed_rows_without_a_result_column_are_not_unknown(reference: Reference) -> None:
    event, _ = parse(pages.JUDO_2012_MEN_PLUS_100, reference)
    rows = round_named(event, "Final standing").results
    assert [r.status for r in rows if r.rank is not None] == [None] * len([r for r in rows if r.rank is not None])
    assert all(r.status is None for r in rows)


def test_judo_bracket_is_reported_not_read_and_both_bronzes_come_from_the_infobox(reference: Reference) -> None:
    text = pages.JUDO_2012_MEN_PLUS_100
    event, problems = parse(text, reference)
    assert [r.name for r in event.rounds] == ["Final standing"]
    bracket = line_of(text, "| Quarterfinals | | Semifinals |")
    assert [p.line for p in problems] == [bracket]
    assert [(m.medal, m.name, m.noc) for m in event.medals] == [
        ("gold", "Teddy Riner", "FRA"),
        ("silver", "Alexander Mikhaylin", "RUS"),
        ("bronze", "Andreas Tölzer", "GER"),
        ("bronze", "Rafael Silva", "BRA"),
    ]


def test_boxing_page_with_only_brackets_keeps_medals_and_reports_the_tables(reference: Reference) -> None:
    text = pages.BOXING_2012_MEN_SUPER_HEAVYWEIGHT
    event, problems = parse(text, reference)
    assert event.rounds == []
    assert [(m.medal, m.name, m.noc) for m in event.medals] == [
        ("gold", "Anthony Joshua", "GBR"),
        ("silver", "Roberto Cammarelle", "ITA"),
        ("bronze", "Magomedrasul Majidov", "AZE"),
        ("bronze", "Ivan Dychko", "KAZ"),
    ]
    lines = {p.line for p in problems}
    assert line_of(text, "| Semifinals | | Final |") in lines
    assert any(p.message == "no results table found" for p in problems)


# --- Decathlon -----------------------------------------------------------------------------------------------------


def test_decathlon_points_total_notes_and_dnf(reference: Reference) -> None:
    event, problems = parse(pages.ATHLETICS_2016_MEN_DECATHLON, reference)
    assert problems == []
    rows = round_named(event, "Final standings").results
    assert [(r.rank, r.rank_inferred, r.value, r.unit, r.precision, r.medal, r.nation) for r in rows[:4]] == [
        (1, True, 8893.0, "pts", 0, "gold", "USA"),
        (2, True, 8834.0, "pts", 0, "silver", "FRA"),
        (3, True, 8666.0, "pts", 0, "bronze", "CAN"),
        (4, False, 8521.0, "pts", 0, None, None),
    ]
    assert rows[0].notes == ["=OR"] and rows[1].notes == ["NR"]
    assert rows[0].extra["LJ"] == "1011" and rows[0].extra["110m H"] == "980"
    braun = rows[4]
    assert (braun.rank, braun.status, braun.value, braun.extra["HJ"]) == (None, "DNF", None, "803")


def test_decathlon_event_columns_are_not_splits(reference: Reference) -> None:
    event, _ = parse(pages.ATHLETICS_2016_MEN_DECATHLON, reference)
    eaton = event.rounds[0].results[0]
    assert eaton.splits == {}
    assert (eaton.extra["100m"], eaton.extra["400m"], eaton.extra["1500m"]) == ("1003", "1040", "867")


# --- Team sport: group standings and final ranking ----------------------------------------------------------------


def test_group_standings_are_team_rows_with_points_and_extras(reference: Reference) -> None:
    event, _ = parse(pages.FOOTBALL_2012_MEN, reference)
    assert event.team and event.gender == "men" and event.competitors == 16
    group = round_named(event, "Group stage – Group A").results
    assert [(r.rank, r.name, r.nation, r.value, r.unit) for r in group] == [
        (1, "Great Britain", "GBR", 7.0, "pts"),
        (2, "Senegal", "SEN", 5.0, "pts"),
        (3, "Uruguay", "URU", 3.0, "pts"),
        (4, "United Arab Emirates", "UAE", 1.0, "pts"),
    ]
    assert group[3].extra == {"Pld": "3", "W": "0", "D": "1", "L": "2", "GF": "4", "GA": "6", "GD": "−2"}
    assert all(r.medal is None and r.status is None for r in group)


def test_free_text_note_is_kept_whole(reference: Reference) -> None:
    event, _ = parse(pages.FOOTBALL_2012_MEN, reference)
    gbr = round_named(event, "Group stage – Group A").results[0]
    assert gbr.notes == ["Advance to knockout stage"]


def test_final_ranking_shared_fifth_place_and_medal_rows(reference: Reference) -> None:
    text = pages.FOOTBALL_2012_MEN
    event, _ = parse(text, reference)
    ranking = round_named(event, "Final ranking").results
    assert [(r.rank, r.name, r.nation, r.medal, r.members) for r in ranking] == [
        (1, "Mexico", "MEX", "gold", []),
        (2, "Brazil", "BRA", "silver", []),
        (3, "South Korea", "KOR", "bronze", []),
        (4, "Japan", "JPN", None, []),
        (5, "Great Britain", "GBR", None, []),
        (5, "Honduras", "HON", None, []),
        (5, "Senegal", "SEN", None, []),
        (5, "Egypt", "EGY", None, []),
    ]
    assert [r.tied for r in ranking] == [False] * 4 + [True] * 4


# --- Winter: alpine skiing -----------------------------------------------------------------------------------------


def test_alpine_runs_total_bib_and_shifted_tie(reference: Reference) -> None:
    event, problems = parse(pages.ALPINE_2010_MEN_GIANT_SLALOM, reference)
    assert problems == []
    assert (event.season, event.sport, event.event, str(event.date_start)) == (
        "Winter",
        "Alpine skiing",
        "Men's giant slalom",
        "2010-02-23",
    )
    rows = event.rounds[0].results
    janka = rows[0]
    assert (janka.rank, janka.rank_inferred, janka.medal, janka.nation) == (1, True, "gold", "SUI")
    assert (janka.result, janka.value, janka.unit, janka.precision) == ("2:37.83", 157.83, "s", 2)
    assert (janka.extra["Bib"], janka.extra["Run 1"], janka.extra["Run 2"]) == ("7", "1:17.27", "1:20.56")
    assert [(r.medal, r.nation) for r in rows[1:4]] == [("silver", "NOR"), ("bronze", "NOR"), (None, None)]
    ligety, cuche = rows[5:7]  # `| 18 | Didier Cuche | ...` lost the shared `6`; it starts with a bib number
    assert (ligety.rank, ligety.tied) == (6, True)
    assert (cuche.name, cuche.rank, cuche.tied, cuche.shifted) == ("Didier Cuche", 6, True, True)
    assert (cuche.extra["Bib"], cuche.value, cuche.extra["Difference"]) == ("18", 158.84, "+1.01")


def test_alpine_statuses_in_the_total_cell(reference: Reference) -> None:
    event, _ = parse(pages.ALPINE_2010_MEN_GIANT_SLALOM, reference)
    rows = by_name(event.rounds[0].results)
    assert [(rows[n].rank, rows[n].status, rows[n].value) for n in ("Bode Miller", "Stephen Kreuzer")] == [
        (None, "DNF", None),
        (None, "DSQ", None),
    ]
    assert (rows["Kevin Esteve Rigail"].status, rows["Kevin Esteve Rigail"].extra["Run 1"]) == ("DNS", "DNS")


def test_alpine_dnf_in_a_run_with_empty_total(reference: Reference) -> None:
    event, _ = parse(pages.ALPINE_2010_MEN_GIANT_SLALOM, reference)
    richard = by_name(event.rounds[0].results)["Cyprien Richard"]
    assert (richard.status, richard.rank, richard.value) == ("DNF", None, None)
    assert richard.extra["Run 1"] == "1:18.10"


def test_alpine_per_run_rank_columns_are_kept(reference: Reference) -> None:
    event, _ = parse(pages.ALPINE_2010_MEN_GIANT_SLALOM, reference)
    janka = event.rounds[0].results[0]
    others = [v for k, v in janka.extra.items() if k not in ("Bib", "Run 1", "Run 2", "Difference")]
    assert others == ["1", "4"]


# --- Early Games ----------------------------------------------------------------------------------------------------


def test_early_games_marathon_sparse_times_and_dash_group(reference: Reference) -> None:
    text = pages.ATHLETICS_1904_MEN_MARATHON
    event, problems = parse(text, reference)
    assert problems == []
    assert (event.year, event.season, str(event.date_start), event.nations) == (1904, "Summer", "1904-08-30", 4)
    rows = event.rounds[0].results
    assert [(r.rank, r.value, r.medal, r.nation) for r in rows[:3]] == [
        (1, 12533.0, "gold", "USA"),
        (2, 12892.0, "silver", "FRA"),
        (3, 13653.0, "bronze", "USA"),
    ]
    carvajal = rows[3]  # placed 4th, time unknown: a place, no value, no status
    assert (carvajal.rank, carvajal.result, carvajal.value, carvajal.status, carvajal.nation) == (
        4,
        None,
        None,
        None,
        None,
    )
    assert carvajal.extra["result as written"] == "Unknown"  # kept beside the row, never read as a result
    lorz, lordon, garcia, pierce = rows[7:]
    assert (lorz.group, lorz.status, lorz.rank) == ("—", "DSQ", None)
    assert (lordon.group, lordon.status) == ("—", "DNF")
    # `| William Garcia | | | | |`: rank and time cells spanned from John Lordon's row.
    assert [(r.group, r.status, r.shifted, r.rank) for r in (garcia, pierce)] == [("—", "DNF", True, None)] * 2


def test_early_games_rank_range_is_not_lost(reference: Reference) -> None:
    event, _ = parse(pages.ATHLETICS_1900_MEN_60M, reference)
    heat = round_named(event, "Heats – Heat 1").results
    for row in heat[2:]:
        assert (row.rank, row.tied) == (3, True) or "3–4" in row.extra.values()


def test_early_games_heats_and_final_with_unknown_times(reference: Reference) -> None:
    event, problems = parse(pages.ATHLETICS_1900_MEN_60M, reference)
    assert problems == []
    assert [r.name for r in event.rounds] == ["Heats – Heat 1", "Heats – Heat 2", "Final"]
    rowley = round_named(event, "Heats – Heat 1").results[1]
    assert (rowley.rank, rowley.result, rowley.value, rowley.status, rowley.notes) == (2, None, None, None, ["Q"])
    assert rowley.extra["result as written"] == "Unknown"
    assert (rowley.medal, rowley.nation) == (None, None)  # a heat row: no medal, no invented nation
    final = event.rounds[-1].results
    assert [(r.rank, r.value, r.precision, r.medal) for r in final] == [
        (1, 7.0, 1, "gold"),
        (2, 7.1, 1, "silver"),
        (3, 7.2, 1, "bronze"),
        (4, 7.2, 1, None),
    ]


# --- Several heats in one section -----------------------------------------------------------------------------------


def test_heats_in_one_section_keep_their_label_and_own_wind(reference: Reference) -> None:
    event, _ = parse(pages.ATHLETICS_1988_WOMEN_100M_QF, reference)
    assert [(r.name, r.conditions) for r in event.rounds] == [
        ("Quarterfinals – Heat 1", ["Wind: +0.7 m/s"]),
        ("Quarterfinals – Heat 2", ["Wind: +1.0 m/s"]),
        ("Final", ["Wind: +3.0 m/s"]),
    ]


def test_page_without_a_final_table_puts_no_medal_on_earlier_rounds(reference: Reference) -> None:
    text = pages.ATHLETICS_1988_WOMEN_100M_QF.split("===Final===")[0]
    event, _ = parse(text, reference)
    assert len(event.medals) == 3
    assert [(r.name, r.medal) for rnd in event.rounds for r in rnd.results if r.medal] == []


# --- Scores that are not seconds or metres ------------------------------------------------------------------------


def test_gymnastics_vault_scores_are_points(reference: Reference) -> None:
    event, _ = parse(pages.GYMNASTICS_2008_WOMEN_VAULT, reference)
    hong = event.rounds[0].results[0]
    assert (hong.value, hong.unit, hong.precision, hong.medal) == (15.65, "pts", 3, "gold")


def test_shooting_total_is_points(reference: Reference) -> None:
    event, _ = parse(pages.SHOOTING_2008_MEN_10M_AIR_PISTOL, reference)
    pang = event.rounds[0].results[0]
    assert (pang.value, pang.unit, pang.precision, pang.medal, pang.nation) == (688.2, "pts", 1, "gold", "CHN")
    assert "586" in pang.notes or "586" in pang.extra.values()  # the qualification score is kept


# --- Bobsleigh: members on their own rows, Country empty --------------------------------------------------------


def test_bobsleigh_sleds_with_members_on_following_rows(reference: Reference) -> None:
    event, problems = parse(pages.BOBSLEIGH_2010_FOUR_MAN, reference)
    assert problems == []
    sleds = event.rounds[0].results
    assert [(r.rank, r.value, r.medal, r.nation) for r in sleds] == [
        (1, 204.46, "gold", "USA"),
        (2, 204.84, "silver", "GER"),
    ]
    assert sleds[0].members == ["Steven Holcomb", "Justin Olsen", "Steve Mesler", "Curtis Tomasevicz"]
    assert sleds[1].members == ["André Lange", "Kevin Kuske", "Alexander Rödiger", "Martin Putze"]
    assert sleds[1].extra["Run 1"] == "51.06" and sleds[1].extra["Behind"] == "+0.38"


# --- Two header rows ----------------------------------------------------------------------------------------------


def test_second_header_row_is_not_an_athlete(reference: Reference) -> None:
    event, _ = parse(pages.SKI_JUMPING_2010_NORMAL_HILL, reference)
    rows = event.rounds[0].results
    assert [r.name for r in rows] == ["Simon Ammann", "Adam Małysz", "Gregor Schlierenzauer", "Andreas Kofler"]
    ammann = rows[0]
    assert (ammann.rank, ammann.rank_inferred, ammann.medal, ammann.value, ammann.unit) == (
        1,
        True,
        "gold",
        276.5,
        "pts",
    )


# --- No table row silently dropped ----------------------------------------------------------------------------------

_DROPS: dict[str, str] = {}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(reason=_DROPS[name], strict=True)) if name in _DROPS else name
        for name in sorted(ALL_PAGES)
    ],
)
def test_every_table_row_is_a_result_or_a_problem(name: str, reference: Reference) -> None:
    text = ALL_PAGES[name]
    event, problems = parse(text, reference)
    result_lines = {r.line for rnd in event.rounds for r in rnd.results}
    problem_lines = {p.line for p in problems}
    members = {m for rnd in event.rounds for r in rnd.results for m in r.members}
    for header, rows in table_rows(text):
        if header in problem_lines:
            continue  # the whole table was reported
        for line in rows:
            if line == header + 1 and name == "SKI_JUMPING_2010_NORMAL_HILL":
                continue  # the second header row, folded into the column labels
            cells = [c for c in split_cells(text.split("\n")[line - 1]) if c]
            absorbed = event.team and len(cells) == 1 and cells[0] in members and name == "BOBSLEIGH_2010_FOUR_MAN"
            assert line in result_lines or line in problem_lines or absorbed, f"line {line} dropped"
