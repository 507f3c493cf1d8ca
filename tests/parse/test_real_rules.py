"""One small page per rule that real pages taught the parser (the shapes come from tests/parse/real/)."""

from __future__ import annotations

from bot.models import Event, Problem
from bot.parse import parse_text
from bot.parse.infobox import parse_dates
from bot.parse.page import clean_cell, decode
from bot.reference import Reference
from tests.parse import pages

TITLE = "Athletics at the 1988 Summer Olympics – Women's 100 metres"


def parse(text: str, reference: Reference) -> tuple[Event, list[Problem]]:
    problems: list[Problem] = []
    return parse_text(text, "page.txt", reference, problems), problems


def read(body: str, reference: Reference, infobox: dict[str, str] | None = None, title: str = TITLE) -> Event:
    event, _ = parse(pages.page(title, infobox or {}, body), reference)
    return event


# Competitors lost with their flags


def test_a_row_with_a_rank_and_a_result_but_no_competitor_is_kept_not_given(reference: Reference) -> None:
    body = "==Final==\n| Rank | Athlete | Nation | Time |\n| 1 | | | 10.54 |\n| 2 | Evelyn Ashford | | 10.83 |"
    event, problems = parse(pages.page(TITLE, {"Gold": "Florence Griffith-Joyner", "Goldnoc": "USA"}, body), reference)
    first, second = event.rounds[0].results
    assert (first.rank, first.value, first.medal) == (1, 10.54, "gold")
    # the gold's winner and nation, from the infobox (one gold only), marked inferred
    assert (first.name, first.name_source) == ("Florence Griffith-Joyner", "inferred")
    assert (first.nation, first.nation_source) == ("USA", "inferred")
    assert second.name == "Evelyn Ashford" and problems == []


def test_a_row_naming_no_one_and_saying_nothing_is_reported(reference: Reference) -> None:
    body = "==Final==\n| Rank | Athlete | Time |\n| 1 | A B | 10.54 |\n| | | |\n| x | | y |"
    event, problems = parse(pages.page(TITLE, {}, body), reference)
    assert len(event.rounds[0].results) == 1
    assert [p.line for p in problems] == [12] and "no competitor, rank or result" in problems[0].message


def test_a_time_in_the_competitor_column_is_never_a_name(reference: Reference) -> None:
    body = "==Final==\n| Rank | Team | Time |\n| 1 | | |\n| | 5:05:37 | |\n| 2 | Sweden | 5:10:00 |"
    event = read(body, reference, title="Cycling at the 1912 Summer Olympics – Men's team time trial")
    names = [r.name for r in event.rounds[0].results]
    assert "5:05:37" not in names and names == ["", "Sweden"]
    assert event.rounds[0].results[0].result == "5:05:37"  # the team's total, on the row below its rank


# Teams


def test_a_team_row_takes_its_total_and_its_members_from_the_rows_below(reference: Reference) -> None:
    body = (
        "==Results==\n| Place | Competitor |\n| 1 | |\n| | 2'32:08 |\n| Nils Östensson | 36:16 |\n| Nils Täpp | 37:14 |"
    )
    event = read(body, reference, title="Cross-country skiing at the 1948 Winter Olympics – Men's 4 × 10 km relay")
    (team,) = event.rounds[0].results
    assert (team.rank, team.name, team.result, team.value) == (1, "", "2'32:08", 9128.0)
    assert team.members == ["Nils Östensson", "Nils Täpp"]
    assert team.extra["Nils Täpp (leg)"] == "37:14"
    assert event.team and event.tables[0].merged_lines == [11, 12, 13]


def test_a_crew_written_as_one_run_of_words_is_split_only_as_the_infobox_lists_it(reference: Reference) -> None:
    body = (
        "==Final==\n| Rank | Nation | Total |\n| 1 | Guo Jingjing Wu Minxia | 343.50 |\n"
        "| 2 | Julia Pakhalina Anastasia Pozdnyakova | 323.61 |"
    )
    infobox = {"Gold": "Guo Jingjing, Wu Minxia", "Goldnoc": "CHN"}
    event = read(
        body, reference, infobox, "Diving at the 2008 Summer Olympics – Women's synchronized 3 metre springboard"
    )
    gold, silver = event.rounds[0].results
    assert gold.members == ["Guo Jingjing", "Wu Minxia"] and gold.extra["members from"] == "infobox"
    assert (silver.members, silver.roster_unsplit) == ([], True)  # never split by guess


def test_relay_legs_and_bullets_split_the_crew(reference: Reference) -> None:
    body = (
        "==Final==\n| Rank | Nation | Athletes | Time |\n"
        "| 1 | | • Michael Marsh • Leroy Burrell • Carl Lewis | 37.40 |\n"
        "| 2 | | A One (49.82) B Two (49.31) C Three (49.52) | 38.00 |"
    )
    event = read(body, reference, title="Athletics at the 1992 Summer Olympics – Men's 4 × 100 metres relay")
    first, second = event.rounds[0].results
    assert first.members == ["Michael Marsh", "Leroy Burrell", "Carl Lewis"]
    assert second.members == ["A One", "B Two", "C Three"] and second.extra["B Two (leg)"] == "49.31"


def test_team_events_are_marked_by_their_name(reference: Reference) -> None:
    for event_name in ("Two-man", "Men's 4 × 100 metres relay", "Men's coxless four", "Pairs", "Men's team pursuit"):
        event = read("==Final==\n| Rank | Athlete | Time |\n| 1 | A B | 1:00.00 |", reference, {"Event": event_name})
        assert event.team, event_name


# Heats in one table


def test_ranks_that_restart_in_each_heat_are_no_ties_and_no_medals(reference: Reference) -> None:
    body = (
        "==Final==\n| Rank | Heat | Athlete | Time |\n| 1 | 1 | A B | 10.1 |\n| 2 | 1 | C D | 10.2 |\n"
        "| 1 | 2 | E F | 10.0 |\n| 2 | 2 | G H | 10.3 |"
    )
    event = read(body, reference, {"Gold": "E F"})
    rnd = event.rounds[0]
    assert rnd.ranks_per_heat
    assert [(r.rank, r.heat, r.tied, r.medal) for r in rnd.results] == [
        (1, "1", False, None),
        (2, "1", False, None),
        (1, "2", False, None),
        (2, "2", False, None),
    ]


def test_an_overall_ranking_with_a_heat_column_keeps_its_ties(reference: Reference) -> None:
    body = (
        "==Semifinals==\n| Rank | Heat | Athlete | Time |\n| 1 | 5 | A B | 1:58.80 |\n| 2 | 2 | C D | 1:58.98 |\n"
        "| 2 | 5 | E F | 1:58.98 |\n| 4 | 2 | G H | 1:59.18 |"
    )
    rnd = read(body, reference).rounds[0]
    assert not rnd.ranks_per_heat
    assert [r.tied for r in rnd.results] == [False, True, True, False]


def test_label_rows_inside_a_table_name_its_heats(reference: Reference) -> None:
    body = (
        "==Heats==\n| Heat 1 | | | |\n| 1. | | 4:02.6 | QS |\n| 2. | | 4:03.7 | QS |\n| Heat 2 | | | |\n"
        "| 1. | | 4:05.6 | QS |"
    )
    event = read(body, reference, title="Canoeing at the 1968 Summer Olympics – Men's K-1 1000 metres")
    rnd = event.rounds[0]
    assert [(r.rank, r.heat, r.value) for r in rnd.results] == [
        (1, "Heat 1", 242.6),
        (2, "Heat 1", 243.7),
        (1, "Heat 2", 245.6),
    ]
    assert rnd.ranks_per_heat and "columns inferred" in event.tables[0].reason


# Headings and labels


def test_results_under_a_medalists_heading_are_read(reference: Reference) -> None:
    body = "==Medalists==\n| Gold | Silver | Bronze |\n\n==Medalists==\n| Rank | Canoer | Time |\n| 1 | A B | 3:48.5 |"
    event = read(body, reference, title="Canoeing at the 1936 Summer Olympics – Men's K-1 1000 metres")
    assert [r.name for r in event.rounds[0].results] == ["A B"]
    assert [(t.kind, t.reason) for t in event.tables] == [("skipped", "medal summary"), ("results", "Medalists")]


def test_definition_list_headings_name_rounds(reference: Reference) -> None:
    body = (
        "==Heats==\n;Heat 1\n| Rank | Athlete | Time |\n| 1 | A B | 10.1 |\n; Heat 2\n"
        "| Rank | Athlete | Time |\n| 1 | C D | 10.2 |"
    )
    assert [r.name for r in read(body, reference).rounds] == ["Heats – Heat 1", "Heats – Heat 2"]


def test_a_table_continued_after_a_heading_without_its_header(reference: Reference) -> None:
    body = (
        "==Final==\n| Rank | Athlete | Time |\n| 1 | A B | 10.1 |\n===Continued===\n| 2 | C D | 10.2 |\n"
        "| 3 | E F | 10.3 |"
    )
    event = read(body, reference)
    assert [r.name for rnd in event.rounds for r in rnd.results] == ["A B", "C D", "E F"]


def test_wind_written_without_a_colon_is_a_condition(reference: Reference) -> None:
    body = "==Final==\nWind +1.1\n| Rank | Athlete | Time |\n| 1 | A B | 10.1 |"
    assert read(body, reference).rounds[0].conditions == ["Wind +1.1"]


# Header names


def test_header_names_of_every_sport(reference: Reference) -> None:
    for name_header in ("Canoer", "Canoeist", "Speed skater", "Skier", "Judoka", "Fencer", "Lifter", "Helmsman"):
        for result_header in ("Time", "kg", "Total", "Score", "Mark", "Average score", "Final best"):
            body = f"==Final==\n| Rank | {name_header} | {result_header} |\n| 1 | A B | 100.5 |"
            (row,) = read(body, reference).rounds[0].results
            assert (row.name, row.value) == ("A B", 100.5), (name_header, result_header)


def test_a_sub_header_of_groups_that_lost_their_spans_is_spread(reference: Reference) -> None:
    body = (
        "==Results==\n| Rank | Helmsman | Race I | Race II | Total |  |  |\n| Rank | Points | Rank | Points | | | |\n"
        "| 1 | A B | 4 | 22 | 1 | 25 | 47 |"
    )
    rnd = read(body, reference, title="Sailing at the 1936 Summer Olympics – O-Jolle").rounds[0]
    assert rnd.columns == [
        "Rank",
        "Helmsman",
        "Race I Rank",
        "Race I Points",
        "Race II Rank",
        "Race II Points",
        "Total",
    ]
    assert rnd.results[0].value == 47


def test_a_sub_header_that_cannot_be_placed_is_reported_not_misread(reference: Reference) -> None:
    body = (
        "==Results==\n| Rank | Name | Nation | Points (Rank) | Average score | |\n| SWE | SUI | GBR | | | |\n"
        "| 1 | A B | | 44 (1) | 43.8 | 5 |"
    )
    event, problems = parse(pages.page(TITLE, {}, body), reference)
    assert event.rounds[0].results[0].result is None
    assert any("lost their column spans" in p.message for p in problems)


# Wiki markup left in cells


def test_markup_left_in_cells() -> None:
    assert clean_cell("align=left") == ""
    assert clean_cell('style="background:gold;" | 1') == "1"
    assert clean_cell("105 <s>110</s>") == "105"  # a struck attempt is not the result
    assert clean_cell("A<br>B") == "A, B"
    assert clean_cell("[[Carl Lewis|Lewis]][1]") == "Lewis"


def test_attribute_cells_split_from_their_content_are_joined(reference: Reference) -> None:
    body = (
        "==Results==\n| Rank | Rider | Nation | Horse | Score |\n"
        "| 1 | A B | align=left | align=left|Draufgänger | 237.42 |"
    )
    (row,) = (
        read(body, reference, title="Equestrian at the 1928 Summer Olympics – Individual dressage").rounds[0].results
    )
    assert (row.name, row.extra["Horse"], row.value) == ("A B", "Draufgänger", 237.42)


def test_infobox_values_lose_stray_pipes_and_brackets(reference: Reference) -> None:
    event = read(
        "==Final==\n| Rank | Athlete | Time |\n| 1 | A B | 10.1 |", reference, {"Next": "2006 |", "Prev": "]] 1998"}
    )
    assert (event.next, event.previous) == ("2006", "1998")


# Statuses anywhere


def test_statuses_in_notes_and_rank_cells(reference: Reference) -> None:
    body = (
        "==Final==\n| Rank | Athlete | Time | Notes |\n| 1 Q | A B | 10.1 | |\n| 2 (3) | C D | 10.2 | |\n"
        "| 5T | E F | 10.3 | |\n| T5 | G H | 10.3 | |\n| | I J | 10.0 | DSQ |\n| | K L | AC | |"
    )
    rows = read(body, reference).rounds[0].results
    assert [(r.rank, r.tied) for r in rows[:4]] == [(1, False), (2, False), (5, True), (5, True)]
    assert rows[0].notes == ["Q"] and rows[1].extra["rank as written"] == "2 (3)"
    assert (rows[4].status, rows[4].result) == ("DSQ", "10.0")  # the status wins, the time is kept as written
    assert (rows[5].status, rows[5].result) == ("AC", None)


# Infobox


def test_numbered_medals_with_their_nations(reference: Reference) -> None:
    infobox = {
        "Gold": "A", "Goldnoc": "USA", "Gold2": "B", "Gold2noc": "JPN", "Bronze": "C", "Bronzenoc": "GER",
        "Bronze2": "D", "Bronzenoc2": "FRA", "Bronze3": "E", "Bronze3noc": "ITA",
    }  # fmt: skip
    event = read("==Final==\n| Rank | Athlete | Time |\n| 1 | A | 10.1 |", reference, infobox)
    assert [(m.medal, m.name, m.noc) for m in event.medals] == [
        ("gold", "A", "USA"), ("gold", "B", "JPN"), ("bronze", "C", "GER"), ("bronze", "D", "FRA"),
        ("bronze", "E", "ITA"),
    ]  # fmt: skip


def test_rosters_and_placeholders_as_medal_values(reference: Reference) -> None:
    infobox = {"Gold": ", Ed Clancy, Geraint Thomas", "Goldnoc": "GBR", "Silver": "Unknown", "Silvernoc": "DEN"}
    event = read("==Final==\n| Rank | Team | Time |\n| 1 | | 3:53.3 |", reference, infobox)
    gold, silver = event.medals
    assert (gold.name, gold.members, gold.noc) == ("", ["Ed Clancy", "Geraint Thomas"], "GBR")
    assert (silver.name, silver.noc) == ("", "DEN")  # `Unknown` names no one


def test_a_medal_with_only_its_nation(reference: Reference) -> None:
    event = read("==Final==\n| Rank | Athlete | Time |\n| 1 | A | 45.9 |", reference, {"Silvernoc": "URS"})
    assert [(m.medal, m.name, m.noc) for m in event.medals] == [("silver", "", "URS")]


def test_every_date_shape() -> None:
    assert parse_dates("August 21–22, 1920", None) == (_d(1920, 8, 21), _d(1920, 8, 22))
    assert parse_dates("April 27–29", 1908) == (_d(1908, 4, 27), _d(1908, 4, 29))
    assert parse_dates("16, 17 February 2026", None) == (_d(2026, 2, 16), _d(2026, 2, 17))
    assert parse_dates("13 February 2018 (heats), 17 February 2018 (final)", None) == (_d(2018, 2, 13), _d(2018, 2, 17))


def _d(year: int, month: int, day: int) -> object:
    import datetime as dt

    return dt.date(year, month, day)


def test_gender_from_the_infobox_event_name(reference: Reference) -> None:
    title = "Ski jumping at the 2014 Winter Olympics – Normal hill individual"
    event = read(
        "==Final==\n| Rank | Athlete | Points |\n| 1 | A | 278.7 |",
        reference,
        {"Event": "Men's normal hill individual"},
        title,
    )
    assert event.gender == "men"


def test_a_page_without_infobox_medals_takes_the_final_places_marked_inferred(reference: Reference) -> None:
    text = (
        f"= {TITLE} =\n\n==Final==\n| Rank | Athlete | Time |\n"
        "| 1 | A B | 10.5 |\n| 2 | C D | 10.8 |\n| 3 | E F | 10.9 |\n"
    )
    event, _ = parse(text, reference)
    assert [(m.medal, m.name, m.source) for m in event.medals] == [
        ("gold", "A B", "inferred"), ("silver", "C D", "inferred"), ("bronze", "E F", "inferred"),
    ]  # fmt: skip
    assert event.rounds[0].results[0].extra["medal"].startswith("inferred")


def test_infobox_lines_without_their_infobox_line(reference: Reference) -> None:
    text = (
        f"= {TITLE} =\n\n- Event: Women's 4 × 400 metres relay\n- Gold: A, B\n- Goldnoc: USA\n\n"
        "==Final==\n| Rank | Nation | Time |\n| 1 | | 3:15.27 |\n"
    )
    event, _ = parse(text, reference)
    assert [(m.medal, m.members, m.noc) for m in event.medals] == [("gold", ["A", "B"], "USA")]


# Records


def test_standing_records_in_either_order_with_fused_codes_and_footnotes(reference: Reference) -> None:
    body = (
        "==Records==\n| World record | 10.49 | USA Florence Griffith-Joyner | Indianapolis (USA) | July 16, 1988 |\n"
        "| Olympic record | | 40.2(*) | January 28, 1956 | Cortina (ITA) |\n"
        "| GBR Cecil Lee | Brussels (BEL) | September 25, 1892 |\n\n==Final==\n| Rank | Athlete | Time |\n"
        "| 1 | Ann Bee | 10.5 |"
    )
    event, problems = parse(pages.page(TITLE, {}, body), reference)
    world, olympic, co_holder = event.records
    assert (world.holder, world.nation, world.place, world.date) == (
        "Florence Griffith-Joyner",
        "USA",
        "Indianapolis (USA)",
        "July 16, 1988",
    )
    assert (olympic.result, olympic.value, olympic.holder) == ("40.2", 40.2, None)  # the holder's cell is empty
    assert (co_holder.kind, co_holder.holder, co_holder.nation, co_holder.value) == (
        "Olympic record",
        "Cecil Lee",
        "GBR",
        40.2,
    )
    assert problems == []


def test_records_set_during_the_games(reference: Reference) -> None:
    body = (
        "==Records==\n| Date | Round | Athlete | Country | Time | OR | WR |\n"
        "| September 24, 1988 | Heats | | | 10.88 | OR | |\n"
        "| August 8, 1992 | Final | USA Andrew Valmon USA Quincy Watts | | 2:55.74 | OR | WR |\n\n==Final==\n"
        "| Rank | Athlete | Time |\n| 1 | Ann Bee | 10.5 |"
    )
    first, relay = read(body, reference).records
    assert (first.kind, first.round, first.date, first.holder, first.value) == (
        "OR",
        "Heats",
        "September 24, 1988",
        None,
        10.88,
    )
    assert (relay.kind, relay.holder, relay.nation) == ("OR, WR", "Andrew Valmon, Quincy Watts", "USA")


# Robustness


def test_doubled_carriage_returns_are_one_line_end(reference: Reference) -> None:
    text = pages.page(TITLE, {}, "==Final==\n| Rank | Athlete | Time |\n| 1 | Ann Bee | 10.5 |\n| 2 | Bo Cee | 10.6 |")
    event, _ = parse(decode(text.replace("\n", "\r\r\n").encode()), reference)
    assert len(event.rounds) == 1 and len(event.rounds[0].results) == 2


def test_hostile_cells_cost_linear_time(reference: Reference) -> None:
    # No clock here: the quadratic versions took minutes a page, so the suite itself would stall on them.
    for cell in ("[[" * 50_000, "(1)" * 50_000, "x]]" * 30_000, "Q " * 50_000, "{{" * 50_000, "&amp;" * 30_000):
        body = f"==Final==\n| Rank | Athlete | Time |\n| 1 | Ann Bee | 10.5 {cell} |\n| 2 | {cell} | 10.6 |"
        event, problems = parse(pages.page(TITLE, {"Venue": cell}, body), reference)
        assert event.rounds[0].results[0].name == "Ann Bee"
        assert all(p.line for p in problems)  # whatever is not read is reported where it stands


def test_a_number_of_any_length_in_the_infobox_is_refused_not_fatal(reference: Reference) -> None:
    event, problems = parse(
        pages.page(TITLE, {"Competitors": "9" * 5000}, "==Final==\n| Rank | Athlete | Time |\n| 1 | Ann Bee | 10.5 |"),
        reference,
    )
    assert event.competitors is None
    assert any("not a plausible count" in p.message for p in problems)


def test_a_caption_row_is_folded_but_a_shifted_row_holding_only_a_name_is_read(reference: Reference) -> None:
    body = (
        "==Final==\n| Rank | Athlete | Nation |\n| Place by judge | | |\n| 1 | Ye Xiulan | |\n| 3 | Oh Jae-ho | |\n"
        "| Derick Ó hAlmhain | | |"
    )
    event = read(body, reference, title="Fencing at the 1920 Summer Olympics – Men's individual épée")
    assert [(r.rank, r.name, r.tied) for r in event.rounds[0].results] == [
        (1, "Ye Xiulan", False),
        (3, "Oh Jae-ho", True),
        (3, "Derick Ó hAlmhain", True),
    ]
    assert event.tables[0].merged_lines == [10]


def test_a_capital_r_is_the_repechage_not_a_retirement(reference: Reference) -> None:
    body = "==Heats==\n| Rank | Athlete | Time | Notes |\n| 1 | Ann Bee | 7:10.00 | Q |\n| 2 | Bo Cee | 7:12.00 | R |"
    event = read(body, reference, title="Rowing at the 1988 Summer Olympics – Men's single sculls")
    assert [(r.status, r.notes) for r in event.rounds[0].results] == [(None, ["Q"]), (None, ["R"])]


def test_a_shifted_member_row_with_of_in_the_name_is_a_member(reference: Reference) -> None:
    body = (
        "==Results==\n| Rank | Nation | Crew |\n| 1 | Greece | Georgios Zaimis |\n"
        "| Crown Prince Constantine of Greece | | |"
    )
    event = read(body, reference, title="Sailing at the 1960 Summer Olympics – Dragon")
    (greece,) = event.rounds[0].results
    assert greece.members == ["Georgios Zaimis", "Crown Prince Constantine of Greece"]


def test_headings_and_titles_of_long_runs_of_spaces_read_at_once(reference: Reference) -> None:
    text = f"= {' ' * 5000}{TITLE} =\n\n== {' ' * 5000}Final ==\n| Rank | Athlete | Time |\n| 1 | Ann Bee | 10.1 |\n"
    event, _ = parse(text, reference)
    assert (event.title, event.rounds[0].name) == (TITLE, "Final")
