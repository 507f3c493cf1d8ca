from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.performance import format_gap, format_value, parse_performance, parse_time, split_notes
from bot.text import fold, normalize


@pytest.mark.parametrize(
    ("text", "seconds", "precision"),
    [("1:03.342", 63.342, 3), ("1:13.0", 73.0, 1), ("1:21:45", 4905.0, 0), ("9.96", 9.96, 2), ("9,96", 9.96, 2),
     ("9.96s", 9.96, 2), ("2:08:01.5", 7681.5, 1), ("59.99", 59.99, 2)],
)  # fmt: skip
def test_parse_time(text: str, seconds: float, precision: int) -> None:
    assert parse_time(text) == (seconds, precision)


@pytest.mark.parametrize("text", ["", "abc", "1:75.0", "1::2", "1.2:03", "DNF", "1:2:3:4"])
def test_not_a_time(text: str) -> None:
    assert parse_time(text) is None


@given(
    hours=st.integers(0, 9),
    minutes=st.integers(0, 59),
    seconds=st.integers(0, 59),
    fraction=st.integers(0, 999),
    precision=st.integers(0, 3),
)
def test_time_round_trips_through_its_written_form(
    hours: int, minutes: int, seconds: int, fraction: int, precision: int
) -> None:
    frac = str(fraction).zfill(3)[:precision]
    value = hours * 3600 + minutes * 60 + seconds + (int(frac) / 10**precision if precision else 0)
    written = format_value(value, "s", precision)
    parsed = parse_time(written)
    assert parsed is not None
    assert parsed[0] == pytest.approx(value, abs=1e-6)
    assert parsed[1] == precision


def test_marks_and_points() -> None:
    mark = parse_performance("8.67 m", None)
    assert mark is not None and (mark.value, mark.unit, mark.precision) == (8.67, "m", 2)
    bare = parse_performance("8.90", "m")
    assert bare is not None and (bare.value, bare.unit) == (8.90, "m")
    points = parse_performance("8611", "pts")
    assert points is not None and (points.value, points.unit, points.precision) == (8611.0, "pts", 0)
    assert parse_performance("x", "m") is None


def test_notes_split_off_result_cells() -> None:
    assert split_notes("10.21 Q") == ("10.21", ["Q"])
    assert split_notes("9.84 WR") == ("9.84", ["WR"])
    assert split_notes("1:03.342 (OR)") == ("1:03.342", ["OR"])
    assert split_notes("DNF") == ("DNF", [])


def test_gaps_in_the_events_unit() -> None:
    assert format_gap(0.946, "s", 3) == "+0.946"
    assert format_gap(62.0, "s", 0) == "+1:02"
    assert format_gap(0.12, "m", 2) == "-0.12 m"


@given(st.text())
def test_normalize_is_idempotent_ascii_and_lowercase(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert once.isascii() and once == once.lower()
    assert "  " not in once and once == once.strip()


@pytest.mark.parametrize(
    ("raw", "folded"),
    [("Hämäläinen", "hamalainen"), ("Glücklich", "glucklich"), ("Łukasz", "lukasz"), ("Søren", "soren"),
     ("Straße", "strasse"), ("Æbelø", "aebelo"), ("Đoković", "dokovic")],
)  # fmt: skip
def test_fold_handles_letters_decomposition_misses(raw: str, folded: str) -> None:
    assert fold(raw) == folded
