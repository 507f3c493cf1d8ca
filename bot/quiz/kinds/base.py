"""What a question kind is: one unit that generates its questions from an event's facts and checks them again.

A kind has a name (the `kind` of its questions), a family (the module it lives in), typed parameters (what a
question was computed from: `Params`, stored on the question as plain values) and two duties: `generate` (the
questions an event settles, with what it needs of the other events in `Around`; or `generate_across` for the
kinds that compare events of several Games) and `check` (what is wrong with one of its questions, read from the
rows again: empty when it is sound).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from bot.index import PodiumIndex
from bot.models import Event, ResultRow
from bot.quiz.facts import EventFacts
from bot.quiz.model import Question
from bot.text import normalize

P = TypeVar("P", bound="KindParams")


class KindParams(BaseModel):
    """A kind's parameters. Frozen; unknown fields are refused (a question with another kind's params fails)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


@dataclass(frozen=True)
class Around:
    """What the questions of an event read of the others (from the infos alone): the venues of every Games, the
    events held at several Games (by group: sport, event, gender), and nations by medals won."""

    venues: dict[str, list[str]]
    groups: dict[tuple[str, str, str], list[str]]
    nations: list[str]


@dataclass(frozen=True)
class Rows:
    """An event's deciding round as the checks read it, straight from the model (not from `EventFacts`, so that a
    check does not repeat the generator's reasoning)."""

    event: Event
    rows: list[ResultRow]

    @classmethod
    def of(cls, event: Event) -> Rows:
        final = event.final_round()
        return cls(event, list(final.results) if final else [])

    @property
    def finishers(self) -> list[ResultRow]:
        return [r for r in self.rows if r.status is None and r.rank is not None]

    def one(self, name: object) -> ResultRow | None:
        """The row of a name listed once in the round, else None."""
        found = [r for r in self.rows if normalize(r.name) == normalize(str(name))]
        return found[0] if len(found) == 1 else None


def names_of(rows: Sequence[ResultRow]) -> set[str]:
    return {normalize(r.name) for r in rows}


def answer_truth(question: Question) -> bool | None:
    return {"true": True, "false": False}.get(question.answer.lower())


def close(a: float | None, b: float | None, precision: int) -> bool:
    return a is not None and b is not None and abs(a - b) <= 0.5 * 10.0**-precision + 1e-9


class Kind(Generic[P]):
    name: ClassVar[str]
    family: ClassVar[str]
    Params: type[P]
    # What a name answer may be: a row listed without a result (a medallist whose row is bare), or one that did
    # not finish (who led at a split may have fallen later).
    answers_unlisted_medallist: ClassVar[bool] = False
    answers_non_finisher: ClassVar[bool] = False

    def params(self, question: Question) -> P:
        return self.Params.model_validate(question.params)

    def generate(self, facts: EventFacts, around: Around) -> Iterator[Question]:
        """The questions of this kind that one event settles."""
        return iter(())

    def generate_across(
        self, index: PodiumIndex, group: Sequence[str], facts_of: Callable[[str], EventFacts]
    ) -> Iterator[Question]:
        """The questions of this kind that compare the events of one group (the same event at several Games)."""
        return iter(())

    def check(self, question: Question, params: P, rows: Rows, index: PodiumIndex) -> list[str]:
        """What is wrong with one of this kind's questions (empty when it is sound)."""
        return []
