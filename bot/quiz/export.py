"""A game exported: its answers as CSV (one row per answer, safe to open in a spreadsheet), and the whole game as
a JSON transcript:

    {"seed", "mode",
     "questions": [{"number", "kind", "difficulty", "text", "options" (a list, or null when typed),
                    "answer" (as shown), "event" (the page's title), "fact"}],
     "answers": [{"question", "player", "text", "result" ("right"|"partial"|"wrong"|"late"), "points"}],
     "scores": [{"player", "points", "rank"}]}

The console writes the transcript with `--transcript FILE`; `/quiz export` attaches it beside the CSV.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from bot.quiz.model import Question

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


# ------------------------------------------------------------------------------------------ the transcript

Result = Literal["right", "partial", "wrong", "late"]


def result_of(correct: bool, credit: float) -> Result:
    if correct:
        return "right"
    return "partial" if credit > 0 else "wrong"


def question_entry(number: int, question: Question) -> dict[str, Any]:
    return {
        "number": number,
        "kind": question.kind,
        "difficulty": question.difficulty_name,
        "text": question.prompt,
        "options": list(question.choices) if question.choices else None,
        "answer": question.answer,
        "event": question.title,
        "fact": question.fact,
    }


def answer_entry(question: int, player: str, text: str, result: Result, points: int) -> dict[str, Any]:
    return {"question": question, "player": player, "text": text, "result": result, "points": points}


def transcript(
    *,
    seed: int | None,
    mode: str,
    questions: Iterable[tuple[int, Question]],
    answers: Iterable[dict[str, Any]],
    scores: Iterable[tuple[str, int, int]],
) -> dict[str, Any]:
    """`questions` as (number, question); `answers` from `answer_entry`, in the order given; `scores` as
    (player, points, rank), best first."""
    return {
        "seed": seed,
        "mode": mode,
        "questions": [question_entry(n, q) for n, q in sorted(questions, key=lambda nq: nq[0])],
        "answers": list(answers),
        "scores": [{"player": p, "points": points, "rank": rank} for p, points, rank in scores],
    }


def as_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
