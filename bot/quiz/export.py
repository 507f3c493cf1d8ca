"""A finished game's answers as CSV: one row per answer, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass

COLUMNS = (
    "game",
    "question",
    "kind",
    "prompt",
    "right_answer",
    "player_id",
    "player",
    "given",
    "correct",
    "credit",
    "points",
    "seconds",
    "answered_at",
)


@dataclass(frozen=True)
class ExportRow:
    game: str
    question: int
    kind: str
    prompt: str
    right_answer: str
    player_id: str
    player: str
    given: str
    correct: bool
    credit: float
    points: int
    seconds: float
    answered_at: dt.datetime


def _cell(value: object) -> str:
    text = value.isoformat() if isinstance(value, dt.datetime) else str(value)
    # Players type what they like: a leading = + - @ would run as a formula in a spreadsheet.
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def answers_csv(rows: Iterable[ExportRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(
            [
                _cell(row.game),
                row.question,
                _cell(row.kind),
                _cell(row.prompt),
                _cell(row.right_answer),
                _cell(row.player_id),
                _cell(row.player),
                _cell(row.given),
                "yes" if row.correct else "no",
                f"{row.credit:.2f}",
                row.points,
                f"{row.seconds:.3f}",
                _cell(row.answered_at),
            ]
        )
    return out.getvalue()
