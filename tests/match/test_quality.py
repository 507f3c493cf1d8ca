"""The quality suite: realistic queries with their expected verdicts (tests/match/quality_cases.csv)."""

from __future__ import annotations

import pytest

from bot.bench.quality import Case, load_cases, problem, report, verdict
from bot.core import Podium

CASES = load_cases()


def test_the_suite_is_large_and_covers_both_kinds_and_all_outcomes() -> None:
    assert len(CASES) >= 80
    assert {c.kind for c in CASES} == {"athlete", "event"}
    assert {c.outcome for c in CASES} == {"match", "ambiguous", "none"}


@pytest.mark.parametrize("case", CASES, ids=[f"{c.line}-{c.kind}-{c.query}" for c in CASES])
def test_case(qpodium: Podium, case: Case) -> None:
    why = problem(case, verdict(qpodium, case))
    assert why is None, why


def test_report_counts_failures(qpodium: Podium) -> None:
    wrong = [c for c in CASES if c.outcome == "match"][:1]
    flipped = [type(c)(c.line, c.kind, c.query, "none", ()) for c in wrong]
    passed, failures = report(qpodium, flipped)
    assert passed == 0 and len(failures) == 1 and "expected none" in failures[0]
