"""Hand-built questions and a fake clock for the quiz tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.quiz.model import Question

T0 = dt.datetime(2025, 3, 14, 20, 0, 0, tzinfo=dt.UTC)


def at(seconds: float) -> dt.datetime:
    """The injected clock: `seconds` after the start of the evening."""
    return T0 + dt.timedelta(seconds=seconds)


def question(**fields: Any) -> Question:
    base: dict[str, Any] = {
        "key": f"test:{fields.get('answer', 'x')}:{fields.get('kind', 'medal')}",
        "kind": "medal",
        "prompt": "Who?",
        "answer_type": "name",
        "answer": "José Manuel Moreno",
        "fact": "A fact.",
        "event_id": None,
        "title": "A page",
        "source_url": "https://en.wikipedia.org/wiki/A_page",
        "sport": "Cycling",
        "year": 1992,
        "difficulty": 1,
    }
    base.update(fields)
    base.setdefault("accepted", [base["answer"]])
    return Question.model_validate(base)


def name_q(answer: str, names: list[str], accepted: list[str] | None = None) -> Question:
    return question(answer=answer, accepted=accepted or [answer], names=names, distractors=[])


def perf_q(value: float, precision: int, unit: str = "s", answer: str = "") -> Question:
    return question(
        kind="winning_result",
        answer_type="performance",
        answer=answer or str(value),
        value=value,
        unit=unit,
        precision=precision,
    )


def place_q(rank: int, tied: bool = False) -> Question:
    from bot.quiz.matching import ordinal

    text = ("=" if tied else "") + ordinal(rank)
    return question(kind="athlete_place", answer_type="place", answer=text, value=float(rank))


def count_q(value: int, tolerance: float) -> Question:
    return question(
        kind="count",
        answer_type="number",
        answer=str(value),
        value=float(value),
        scoring="closest",
        tolerance=tolerance,
    )


def choice_q(key: str, answer: str, choices: list[str], **extra: Any) -> Question:
    """A multiple-choice name question, options already in order."""
    return question(key=key, answer=answer, choices=choices, names=choices, distractors=[], **extra)
