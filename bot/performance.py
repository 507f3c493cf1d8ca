"""Reading performances as written: times, marks and points, with their unit and precision."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel

Unit = Literal["s", "m", "pts", "kg"]

# Trailing annotations that sit in a result cell next to the value.
NOTE_TOKENS = frozenset(
    {"Q", "q", "OR", "WR", "=OR", "=WR", "PB", "SB", "NR", "AR", "ER", "CR", "OB", "WB", "=PB", "=NR", "EOR"}
)

_TIME = re.compile(r"^(?:(?P<h>\d{1,2})[:h])?(?:(?P<m>\d{1,3})[:'])?(?P<s>\d{1,2}(?:[.,]\d+)?|\d+(?:[.,]\d+)?)$")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_UNIT_SUFFIX = re.compile(r"^(?P<num>[+-]?\d+(?:[.,]\d+)?)\s*(?P<unit>m|metres|meters|s|sec|pts|points|kg)$", re.I)


class Performance(BaseModel):
    """A value as the page wrote it plus what it means; `corrected` marks a plausibility fix."""

    text: str
    value: float | None
    unit: Unit | None
    precision: int = 0
    corrected: bool = False
    correction: str | None = None


def _decimals(number: str) -> int:
    for sep in ".,":
        if sep in number:
            return len(number.split(sep, 1)[1])
    return 0


# `h:mm:ss.d`, `m:ss.d` or `s.d` (commas already read as points): digits, a fraction on the last part only.
_CLOCK = re.compile(r"\d+(?::(\d\d))?(?::(\d\d))?(\.\d+)?")


# Older pages write minutes (or hours) with `'` and tenths with `"`: read them as `:` and `.`.
_OLD_STYLE = re.compile(r"(?<=\d)['′](?=\d)|(?<=\d)[\"″](?=\d)")


def _old_style_part(match: re.Match[str]) -> str:
    return ":" if match.group(0) in "'′" else "."


@lru_cache(maxsize=8192)
def parse_time(text: str) -> tuple[float, int] | None:
    """`1:03.342` -> (63.342, 3); `1:21:45` -> (4905.0, 0); `9.96` -> (9.96, 2). None if not a time."""
    # Cached: a page reads each time cell several times (column fit, result, splits).
    raw = text.strip().rstrip("s").strip()
    if "," in raw:
        raw = raw.replace(",", ".")
    if "'" in raw or '"' in raw:
        raw = _OLD_STYLE.sub(_old_style_part, raw)  # `4'52:03` (h'mm:ss), `1'03"4` (m'ss"d), `10"8` (ss"d)
    clock = _CLOCK.fullmatch(raw)
    if clock is None:
        return None
    # Every part but the first is at most 59 (the pattern holds them to two digits).
    part2, part3, fraction = clock.groups()
    if (part2 is not None and int(part2) > 59) or (part3 is not None and int(part3) > 59):
        return None
    seconds = 0.0
    for p in raw.split(":"):
        seconds = seconds * 60 + float(p)
    return round(seconds, 6), len(fraction) - 1 if fraction else 0


def parse_performance(text: str, default_unit: Unit | None) -> Performance | None:
    """Read `1:03.342`, `8.67 m`, `9,96`, `9.96s`, `1234 pts`; None when the text is not a performance.

    `default_unit` comes from the column and event: a bare `8.67` in a long-jump Mark column is metres.
    """
    read = read_performance(text, default_unit)
    if read is None:
        return None
    return Performance(text=read[0], value=read[1], unit=read[2], precision=read[3])


@lru_cache(maxsize=8192)
def read_performance(text: str, default_unit: Unit | None) -> tuple[str, float, Unit | None, int] | None:
    """`parse_performance` as a (text, value, unit, precision) tuple, for callers that need no model."""
    raw = text.strip()
    if not raw:
        return None
    suffix = _UNIT_SUFFIX.match(raw) if raw[-1].isalpha() else None  # a unit ends in a letter: `9.96` has none
    if suffix:
        num = suffix.group("num")
        unit_word = suffix.group("unit").lower()
        unit: Unit = {"m": "m", "p": "pts", "k": "kg"}.get(unit_word[0], "s")  # type: ignore[assignment]
        return raw, float(num.replace(",", ".")), unit, _decimals(num)
    if ":" in raw or default_unit in (None, "s"):
        timed = parse_time(raw)
        if timed is not None and (":" in raw or default_unit == "s"):
            return raw, timed[0], "s", timed[1]
        if ":" in raw:
            return None
    if _NUMBER.match(raw):
        return raw, float(raw.replace(",", ".")), default_unit, _decimals(raw)
    return None


# What a result cell may carry beside its value, at most: a few bracketed notes (`(+1.2)`, `(Q, SB)`) and note
# codes (`WR OR Q`). A cell holding thousands of them is not read further, so that no cell costs quadratic time.
_MAX_BRACKETS = 4
_MAX_NOTE_TOKENS = 8
_TRAILING_BRACKET = re.compile(r"\s*\(([^()]*)\)\s*$")
_WIND = re.compile(r"^[+-−]?\d+(?:[.,]\d+)?$")
_MARKERS = ("*", "†", "‡", "#")
_NOTE_SPLIT = re.compile(r"[\s,]+")


def split_notes(cell: str) -> tuple[str, list[str]]:
    """Separate a result cell's value from what is written beside it.

    `10.21 Q` -> (`10.21`, [`Q`]); `3:32.07 WR, OR` -> (`3:32.07`, [`WR`, `OR`]); `8.72 m (+1.2)` ->
    (`8.72 m`, [`wind +1.2`]); `1:13.0*` -> (`1:13.0`, [`*`]); `8.20 w` -> (`8.20`, [`w`] (wind-assisted)).
    """
    text = cell.strip()
    if " " not in text and "," not in text and ")" not in text and text.isprintable() and not text.endswith(_MARKERS):
        return text, []  # one word, nothing beside it (most cells): printable text has no other space
    notes: list[str] = []
    for _ in range(_MAX_BRACKETS):  # a cell ends with a few bracketed notes at most: each search is linear
        if ")" not in text:  # most cells hold no bracket: skip the search
            break
        bracket = _TRAILING_BRACKET.search(text)
        if not bracket or not text[: bracket.start()].strip():
            break
        inner = bracket.group(1).strip()
        if _WIND.match(inner):
            notes.insert(0, f"wind {inner}")
        else:
            notes[:0] = [t for t in _NOTE_SPLIT.split(inner) if t]
        text = text[: bracket.start()].rstrip()
    tokens = text.replace(",", " ").split()
    trailing = 0
    while len(tokens) > 1 and (tokens[-1] in NOTE_TOKENS or tokens[-1] == "w") and trailing < _MAX_NOTE_TOKENS:
        notes.insert(0, tokens.pop())
        trailing += 1
    if tokens and len(tokens[-1]) > 1 and tokens[-1].endswith(_MARKERS):
        notes.insert(0, tokens[-1][-1])
        tokens[-1] = tokens[-1][:-1]
    return " ".join(tokens), notes


def format_value(value: float, unit: Unit | None, precision: int) -> str:
    """Seconds back into the page's style: 63.342 -> `1:03.342`, 4905 -> `1:21:45`."""
    if unit != "s" or value < 60:
        return f"{value:.{precision}f}"
    sign = "-" if value < 0 else ""
    value = abs(value)
    hours, rest = divmod(value, 3600)
    minutes, seconds = divmod(rest, 60)
    width = 2 + (precision + 1 if precision else 0)
    sec = f"{seconds:0{width}.{precision}f}"
    if hours >= 1:
        return f"{sign}{int(hours)}:{int(minutes):02d}:{sec}"
    return f"{sign}{int(minutes)}:{sec}"


def format_gap(gap: float, unit: Unit | None, precision: int) -> str:
    """The distance behind the winner, in the event's unit: `+0.946`, `+1:02`, `-0.12 m`."""
    body = format_value(abs(gap), unit, precision)
    if unit == "s":
        return f"+{body}"
    suffix = f" {unit}" if unit else ""
    return f"-{body}{suffix}"
