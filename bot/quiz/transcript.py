"""A game as JSON: what was asked, every answer and how it was judged, the final scores.

    {"seed", "mode",
     "questions": [{"number", "kind", "difficulty", "text", "options" (a list, or null when typed),
                    "answer" (as shown), "event" (the page's title), "fact"}],
     "answers": [{"question", "player", "text", "result" ("right"|"partial"|"wrong"|"late"), "points"}],
     "scores": [{"player", "points", "rank"}]}

The console writes it with `--transcript FILE`; `/quiz export` attaches it beside the CSV.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Literal

from bot.quiz.model import Question

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
