"""The corpus of real results pages (tests/parse/real/): every page loads, breaks no invariant, and every golden
fact written by hand is read right. `python -m bot.bench real` prints the same figures."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from bot.bench.real import RealReport, check_invariants, infobox_medals, judge, table_blocks
from bot.models import Problem
from bot.parse import parse_text
from bot.reference import Reference

REAL = Path(__file__).parent / "real"
PAGES = REAL / "pages"


@pytest.fixture(scope="module")
def report() -> RealReport:
    return judge(PAGES)


def manifest() -> list[dict[str, str]]:
    with (REAL / "manifest.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_the_corpus_spans_sports_seasons_and_eras() -> None:
    rows = manifest()
    assert len(rows) >= 300
    assert {row["file"] for row in rows} == {p.name for p in PAGES.glob("*.txt")}
    assert all(row["url"].startswith("https://en.wikipedia.org/wiki/") for row in rows)
    assert len({row["sport"] for row in rows}) >= 20
    assert {row["season"] for row in rows} == {"Summer", "Winter"}
    decades = {int(row["year"]) // 10 * 10 for row in rows}
    assert set(range(1890, 2030, 10)) <= decades


def test_the_manifest_says_which_excerpts_end_inside_a_table() -> None:
    for row in manifest():
        lines = [line for line in (PAGES / row["file"]).read_text(encoding="utf-8").splitlines() if line.strip()]
        assert (row["ends_in_table"] == "yes") == lines[-1].startswith("|"), row["file"]


def test_every_real_page_loads(report: RealReport) -> None:
    assert report.pages >= 300
    assert report.failed == []


def test_no_real_page_breaks_an_invariant(report: RealReport) -> None:
    assert report.violations == []
    assert report.rows_kept > 0.7 * report.rows  # most rows are results; the rest are headers, records, reported


def test_every_golden_fact_is_read_right(report: RealReport) -> None:
    assert report.golden_pages >= 60
    assert report.golden.right > 5000
    assert report.golden.wrong == []


def test_golden_files_name_pages_of_the_corpus() -> None:
    for path in (REAL / "golden").glob("*.json"):
        golden = json.loads(path.read_text(encoding="utf-8"))
        assert golden["file"] == f"{path.stem}.txt" and (PAGES / golden["file"]).exists()


# The checks themselves must be able to fail.


def test_a_dropped_row_is_a_violation(reference: Reference) -> None:
    text = (
        "= Athletics at the 1992 Summer Olympics – Men's 100 metres =\n\n==Final==\n"
        "| Rank | Athlete | Time |\n| 1 | A B | 9.96 |\n| 2 | C D | 10.02 |\n"
    )
    problems: list[Problem] = []
    event = parse_text(text, "x.txt", reference, problems)
    assert check_invariants(text, event, problems) == []
    event.rounds[0].results.pop()
    assert check_invariants(text, event, problems) == ["line 6: table row neither read nor reported"]


def test_a_lost_medal_nation_and_a_time_as_name_are_violations(reference: Reference) -> None:
    text = (
        "= Athletics at the 1992 Summer Olympics – Men's 100 metres =\n\nInfobox\n- Gold: A B\n- Goldnoc: USA\n\n"
        "==Final==\n| Rank | Athlete | Time |\n| 1 | A B | 9.96 |\n"
    )
    problems: list[Problem] = []
    event = parse_text(text, "x.txt", reference, problems)
    assert infobox_medals(text) == [("gold", "A B", "USA")]
    assert check_invariants(text, event, problems) == []
    event.medals[0].noc = None
    event.rounds[0].results[0].name = "9.96"
    assert check_invariants(text, event, problems) == [
        "infobox gold 'A B' lost its NOC USA",
        "line 9: gold for '9.96', not a gold medallist of the infobox",
        "line 9: competitor '9.96' is a time or number",
    ]


def test_table_blocks_leave_out_rules_and_empty_rows() -> None:
    text = "x\n| a | b |\n|---|---|\n| 1 | 2 |\n| | |\n\n| c |\n"
    assert table_blocks(text) == [[2, 4], [7]]


def test_problem_kinds_are_counted(report: RealReport) -> None:
    kinds = Counter(report.problems)
    assert all(kind and not kind[0].isdigit() for kind in kinds)


def test_a_fold_the_table_does_not_show_and_medals_in_two_rounds_are_violations(reference: Reference) -> None:
    text = (
        "= Athletics at the 1992 Summer Olympics – Men's 100 metres =\n\n==Heats==\n| Rank | Athlete | Time |\n"
        "| 1 | A B | 9.96 |\n\n==Final==\n| Rank | Athlete | Time |\n| 1 | A B | 9.90 |\n| Carl Lewis | | |\n"
    )
    problems: list[Problem] = []
    event = parse_text(text, "x.txt", reference, problems)
    assert check_invariants(text, event, problems) == []
    event.tables[1].merged_lines.append(10)  # as if the shifted row naming Carl Lewis had been folded away
    event.rounds[1].results.pop()
    event.rounds[0].results[0].medal = "gold"
    assert check_invariants(text, event, problems) == [
        "line 10: folded, but holds ['Carl Lewis'] that no row of its table shows",
        "medals in 2 rounds: ['Heats', 'Final']",
        "line 4: medals in a round before the final (Heats)",
    ]
