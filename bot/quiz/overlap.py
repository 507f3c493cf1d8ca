"""What one question gives away about another: the rows they are about, and answers named before they are asked.

A game never asks two questions about the same row of an event ("who finished 6th? Jimmy McDonald", then "where
did Jimmy McDonald finish?"), nor a question whose answer an earlier question named: in its prompt, its options,
its answer or the fact shown after it ("Which venue?" after a question that listed that venue as an option).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.quiz.model import Question
from bot.text import normalize

# The parameters of a kind that name a person of the event (see the kinds in `generate`).
PERSON_PARAMS = ("name", "first", "second", "a", "b", "gold", "silver")
# Answers that are names of things a player could read off an earlier question (places, numbers, times and
# true/false are shared by many questions and say nothing about one; nations are too few to keep apart).
NAMED_ANSWERS = ("name", "venue")


def rows_of(question: Question) -> set[tuple[str, str]]:
    """The rows (event, person) a question is about or answers with."""
    event = question.event_id or ""
    people = [str(question.params[p]) for p in PERSON_PARAMS if p in question.params]
    if question.answer_type == "name":
        people += question.accepted
    return {(event, key) for key in (normalize(p) for p in people) if key}


def shown_text(question: Question) -> str:
    """Everything a player reads of a question: prompt, options, answer and fact, normalized."""
    return " ".join(normalize(part) for part in (question.prompt, *question.choices, question.answer, question.fact))


def answer_forms(question: Question) -> list[str]:
    """The answers to look for in earlier questions (only for kinds whose answer is a name)."""
    if question.answer_type not in NAMED_ANSWERS:
        return []
    return [key for key in (normalize(a) for a in question.accepted) if len(key) >= 4]


@dataclass
class Seen:
    """What the questions picked so far for a game have shown."""

    rows: set[tuple[str, str]] = field(default_factory=set)
    text: str = " "
    answers: list[str] = field(default_factory=list)

    def add(self, question: Question) -> None:
        self.rows |= rows_of(question)
        self.text += shown_text(question) + " "
        self.answers += answer_forms(question)

    def clashes(self, question: Question, *, either_way: bool = False) -> str | None:
        """Why the question must not follow these (the same row, or its answer named already), or None. With
        `either_way`, nor come before them (for a game whose order is settled after its questions are picked)."""
        if not self.rows.isdisjoint(rows_of(question)):
            return "row"
        if any(f" {form} " in self.text for form in answer_forms(question)):
            return "named"
        if either_way:
            text = f" {shown_text(question)} "
            if any(f" {form} " in text for form in self.answers):
                return "names"
        return None


def leaks(questions: Iterable[Question]) -> list[tuple[int, str]]:
    """The questions (1-based) of a game that clash with an earlier one, and why."""
    seen = Seen()
    out: list[tuple[int, str]] = []
    for number, question in enumerate(questions, start=1):
        why = seen.clashes(question)
        if why is not None:
            out.append((number, why))
        seen.add(question)
    return out
