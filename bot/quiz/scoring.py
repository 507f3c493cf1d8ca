"""The one streak rule, for a game's streak (`QuizSession`) and a server's (the storage applies it, not restates it)."""

from __future__ import annotations

from typing import Literal

StreakStep = Literal["extend", "end", "keep"]


def streak_step(correct: bool, credit: float) -> StreakStep:
    """The one streak rule (a game's and a server's alike): a right answer extends a run of right answers, a wrong
    one ends it, a near guess at a number (partial credit) leaves it as it was."""
    if correct:
        return "extend"
    return "end" if credit == 0 else "keep"


def next_streak(current: int, step: StreakStep) -> int:
    return current + 1 if step == "extend" else 0 if step == "end" else current
