"""One quiz game's state: pure and clock-injected. Every call takes `now`; nothing here sleeps or reads a clock.

A face (Discord, the console) forwards what players do and calls `tick(now)` from time to time; the session
answers with events to render: a question opened, a question closed (the answer, the fact, the top five), the game
paused, resumed, or ended (the podium of players).

Scoring: a right answer earns `base` points (times the credit for a near guess at a number), a speed bonus of up
to `speed` points falling linearly to 0 at the deadline, and from the second right answer in a row a streak bonus
of `streak_step` points per answer in the streak beyond the first (capped). A wrong answer, or no answer to a
question that ran its course, ends the streak; a near guess (partial credit) neither extends nor ends it.
One answer per player per question: the first counts. Skip closes the question at once: answers already given
keep their points, nobody who had not answered loses a streak. Stop closes the game, answers kept. Skip, pause,
resume and stop are for the host or a member with Manage Server.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from bot.errors import PodiumError
from bot.quiz.export import ExportRow, answers_csv
from bot.quiz.matching import Judge
from bot.quiz.model import Question
from bot.quiz.scoring import next_streak, streak_step

Status = Literal["ready", "asking", "between", "finished", "stopped"]
EndStatus = Literal["finished", "stopped", "interrupted"]
Outcome = Literal["accepted", "duplicate", "late", "paused", "closed", "invalid"]
Steer = Literal["skip", "pause", "resume", "stop"]
STEER_WHAT: dict[Steer, str] = {
    "skip": "skip a question",
    "pause": "pause the game",
    "resume": "resume the game",
    "stop": "stop the game",
}
MAX_ANSWER = 200


class NotAllowed(PodiumError):
    """Only the host, or a member with Manage Server, may steer a game."""


class QuizStateError(PodiumError):
    """The game is not in a state where this makes sense (resume a game that runs, skip a finished game)."""


@dataclass(frozen=True)
class ScoringRules:
    base: int = 100
    speed: int = 50
    streak_step: int = 10
    streak_cap: int = 50


@dataclass(frozen=True)
class AnswerResult:
    number: int
    question_key: str
    player_id: str
    player_name: str
    given: str
    choice: int | None
    credit: float
    correct: bool
    points: int
    speed_bonus: int
    streak_bonus: int
    streak: int
    elapsed: float  # seconds of play since the question opened, pauses left out
    at: dt.datetime

    @property
    def base_points(self) -> int:
        """The points for the answer itself (the base times its credit), without the speed and streak bonuses."""
        return self.points - self.speed_bonus - self.streak_bonus


@dataclass
class PlayerScore:
    player_id: str
    name: str
    points: int = 0
    correct: int = 0
    answered: int = 0
    streak: int = 0
    best_streak: int = 0
    first_seen: int = 0


@dataclass(frozen=True)
class Standing:
    place: int
    player_id: str
    name: str
    points: int
    correct: int
    answered: int
    best_streak: int


@dataclass(frozen=True)
class AnswerOutcome:
    outcome: Outcome
    result: AnswerResult | None = None

    @property
    def accepted(self) -> bool:
        return self.outcome == "accepted"


@dataclass(frozen=True)
class QuestionOpened:
    number: int
    total: int
    question: Question
    opened_at: dt.datetime
    deadline: dt.datetime


@dataclass(frozen=True)
class QuestionClosed:
    number: int
    total: int
    question: Question
    answers: tuple[AnswerResult, ...]
    skipped: bool
    top: tuple[Standing, ...]
    closed_at: dt.datetime


@dataclass(frozen=True)
class GamePaused:
    by: str
    at: dt.datetime


@dataclass(frozen=True)
class GameResumed:
    by: str
    at: dt.datetime


@dataclass(frozen=True)
class GameEnded:
    status: EndStatus
    standings: tuple[Standing, ...]
    podium: tuple[Standing, ...]
    at: dt.datetime


QuizEvent = QuestionOpened | QuestionClosed | GamePaused | GameResumed | GameEnded


def rank_players(scores: Collection[PlayerScore]) -> list[Standing]:
    """Most points first; equal points share a place (1, 1, 3), listed by right answers then first to play."""
    ordered = sorted(scores, key=lambda s: (-s.points, -s.correct, s.first_seen))
    out: list[Standing] = []
    for i, s in enumerate(ordered):
        place = out[-1].place if out and out[-1].points == s.points else i + 1
        out.append(Standing(place, s.player_id, s.name, s.points, s.correct, s.answered, s.best_streak))
    return out


def podium_of(standings: Sequence[Standing]) -> tuple[Standing, ...]:
    return tuple(s for s in standings if s.place <= 3 and s.points > 0)


@dataclass
class QuizSession:
    """A game of `questions` (already picked, with options for multiple choice)."""

    questions: Sequence[Question]
    host_id: str
    seconds: float = 20.0
    reveal_seconds: float = 5.0
    # When every one of these players has answered, the question closes without waiting for the clock.
    players: Collection[str] = ()
    rules: ScoringRules = field(default_factory=ScoringRules)
    game_id: str = ""

    status: Status = field(default="ready", init=False)
    number: int = field(default=0, init=False)  # the question on screen (1-based), 0 before the start
    paused_at: dt.datetime | None = field(default=None, init=False)
    answers: list[AnswerResult] = field(default_factory=list, init=False)
    scores: dict[str, PlayerScore] = field(default_factory=dict, init=False)
    _opened_at: dt.datetime | None = field(default=None, init=False)
    _paused_for: dt.timedelta = field(default=dt.timedelta(0), init=False)
    _next_at: dt.datetime | None = field(default=None, init=False)
    _answered: dict[str, AnswerResult] = field(default_factory=dict, init=False)
    _ended: GameEnded | None = field(default=None, init=False)
    _judges: dict[str, Judge] = field(default_factory=dict, init=False)
    _revealed: tuple[Standing, ...] = field(default=(), init=False)

    def __post_init__(self) -> None:
        if not self.questions:
            raise QuizStateError("No questions fit these options.")
        if self.seconds <= 0:
            raise QuizStateError("A question needs some seconds.")

    # ------------------------------------------------------------------------------------------- views

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def current(self) -> Question | None:
        return self.questions[self.number - 1] if self.status == "asking" else None

    @property
    def paused(self) -> bool:
        return self.paused_at is not None

    @property
    def over(self) -> bool:
        return self.status in ("finished", "stopped")

    @property
    def ended(self) -> GameEnded | None:
        return self._ended

    def elapsed(self, now: dt.datetime) -> float:
        """Seconds of play on the current question (pauses left out)."""
        if self._opened_at is None:
            return 0.0
        paused = self._paused_for + ((now - self.paused_at) if self.paused_at else dt.timedelta(0))
        return max(0.0, (now - self._opened_at - paused).total_seconds())

    def time_left(self, now: dt.datetime) -> float:
        return max(0.0, self.seconds - self.elapsed(now)) if self.status == "asking" else 0.0

    def deadline(self) -> dt.datetime | None:
        """When the current question closes if nobody pauses (None while paused or between questions)."""
        if self.status != "asking" or self._opened_at is None or self.paused:
            return None
        return self._opened_at + self._paused_for + dt.timedelta(seconds=self.seconds)

    def next_opens_at(self) -> dt.datetime | None:
        """When the next question opens, between questions (None while asking, paused or over)."""
        return None if self.paused or self.status != "between" else self._next_at

    def standings(self) -> list[Standing]:
        return rank_players(self.scores.values())

    def revealed_standings(self) -> list[Standing]:
        """The standings as of the last answer revealed: while a question is open, its answers do not count yet
        (showing them would tell who has already got it right)."""
        if self.status == "asking":
            return list(self._revealed)
        return self.standings()

    def top(self, count: int = 5) -> tuple[Standing, ...]:
        return tuple(self.standings()[:count])

    def podium(self) -> tuple[Standing, ...]:
        return podium_of(self.standings())

    def answered_by(self) -> set[str]:
        return set(self._answered)

    # --------------------------------------------------------------------------------------- the game

    def start(self, now: dt.datetime) -> list[QuizEvent]:
        if self.status != "ready":
            raise QuizStateError("The game has already started.")
        return [self._open(1, now)]

    def tick(self, now: dt.datetime) -> list[QuizEvent]:
        """Close a question whose time is up (or that everyone answered), open the next after the reveal."""
        events: list[QuizEvent] = []
        if self.paused or self.over:
            return events
        if self.status == "asking":
            deadline = self.deadline()
            everyone = bool(self.players) and set(self.players) <= set(self._answered)
            if deadline is not None and (now >= deadline or everyone):
                events += self._close(min(now, deadline), skipped=False)
        if self.status == "between" and self._next_at is not None and now >= self._next_at:
            events.append(self._open(self.number + 1, now))
        return events

    def answer(
        self,
        player_id: str,
        player_name: str,
        now: dt.datetime,
        *,
        choice: int | None = None,
        text: str | None = None,
    ) -> AnswerOutcome:
        """A player's answer: an option (0-based) or typed text. Only the first answer of a player counts.
        `evaluate` then `commit`, for a caller with nothing to write in between."""
        outcome = self.evaluate(player_id, player_name, now, choice=choice, text=text)
        if outcome.accepted and outcome.result is not None:
            self.commit(outcome.result)
        return outcome

    def evaluate(
        self,
        player_id: str,
        player_name: str,
        now: dt.datetime,
        *,
        choice: int | None = None,
        text: str | None = None,
    ) -> AnswerOutcome:
        """Judge and score an answer without changing the game: an accepted outcome's result counts only once
        `commit` takes it (after it is stored), so an answer whose write fails can be given again."""
        question = self.current
        if question is None:
            return AnswerOutcome("closed")
        if self.paused:
            return AnswerOutcome("paused")
        elapsed = self.elapsed(now)
        if elapsed > self.seconds:
            return AnswerOutcome("late")
        if player_id in self._answered:
            return AnswerOutcome("duplicate", self._answered[player_id])
        if choice is not None:
            if not 0 <= choice < len(question.choices):
                return AnswerOutcome("invalid")
            given = question.choices[choice]
        elif text is not None and text.strip():
            given = " ".join(text.split())[:MAX_ANSWER]
        else:
            return AnswerOutcome("invalid")
        judge = self._judge(question)
        # An option is right or wrong: partial credit is for a typed number (a near guess), never for a button.
        got = (1.0 if judge.right(given) else 0.0) if choice is not None else judge.credit(given)
        correct = got >= 1.0
        speed = round(self.rules.speed * got * max(0.0, 1.0 - elapsed / self.seconds)) if got > 0 else 0
        streak = self._streak_after(player_id, correct, got)
        streak_bonus = min(self.rules.streak_step * (streak - 1), self.rules.streak_cap) if correct and streak else 0
        result = AnswerResult(
            number=self.number,
            question_key=question.key,
            player_id=player_id,
            player_name=player_name,
            given=given,
            choice=choice,
            credit=got,
            correct=correct,
            points=round(self.rules.base * got) + speed + streak_bonus,
            speed_bonus=speed,
            streak_bonus=streak_bonus,
            streak=streak,
            elapsed=round(elapsed, 3),
            at=now,
        )
        return AnswerOutcome("accepted", result)

    def commit(self, result: AnswerResult) -> None:
        """Count an answer `evaluate` accepted (or one another process stored first, see `adopt`): the player's
        points, right answers and streak. Refused when the question moved on or the player has an answer."""
        if self.current is None or result.number != self.number:
            raise QuizStateError(f"Question {result.number} is not open.")
        if result.player_id in self._answered:
            raise QuizStateError(f"{result.player_name} has answered question {result.number} already.")
        score = self._player(result.player_id, result.player_name)
        score.points += result.points
        score.answered += 1
        score.correct += int(result.correct)
        score.streak = result.streak
        score.best_streak = max(score.best_streak, score.streak)
        self._answered[result.player_id] = result
        self.answers.append(result)

    def adopt(self, stored: AnswerResult) -> AnswerResult:
        """Count an answer that was stored first by someone else (another process serving this game): its points
        as stored, the player's streak carried on as if this session had taken it."""
        result = replace(stored, streak=self._streak_after(stored.player_id, stored.correct, stored.credit))
        self.commit(result)
        return result

    def _streak_after(self, player_id: str, correct: bool, credit: float) -> int:
        """The player's streak after this answer: one more when right, 0 when wrong, unchanged for a near guess."""
        score = self.scores.get(player_id)
        return next_streak(score.streak if score is not None else 0, streak_step(correct, credit))

    def skip(self, actor: str, now: dt.datetime, *, can_manage: bool = False) -> list[QuizEvent]:
        """Close the question now (or, between questions, go straight to the next)."""
        self.authorize(actor, "skip", can_manage=can_manage)
        if self.over or self.status == "ready":
            raise QuizStateError("There is no question to skip.")
        if self.paused:
            raise QuizStateError("The game is paused: resume it first.")
        if self.status == "asking":
            return self._close(now, skipped=True)
        return [self._open(self.number + 1, now)]

    def pause(self, actor: str, now: dt.datetime, *, can_manage: bool = False) -> list[QuizEvent]:
        self.authorize(actor, "pause", can_manage=can_manage)
        if self.over or self.status == "ready":
            raise QuizStateError("The game is not running.")
        if self.paused:
            raise QuizStateError("The game is already paused.")
        self.paused_at = now
        return [GamePaused(by=actor, at=now)]

    def resume(self, actor: str, now: dt.datetime, *, can_manage: bool = False) -> list[QuizEvent]:
        self.authorize(actor, "resume", can_manage=can_manage)
        if self.paused_at is None:
            raise QuizStateError("The game is not paused.")
        held = now - self.paused_at
        self.paused_at = None
        if self.status == "asking":
            self._paused_for += held
        elif self._next_at is not None:
            self._next_at += held
        return [GameResumed(by=actor, at=now)]

    def stop(self, actor: str, now: dt.datetime, *, can_manage: bool = False) -> list[QuizEvent]:
        """End the game now: answers given so far keep their points."""
        self.authorize(actor, "stop", can_manage=can_manage)
        if self.over:
            raise QuizStateError("The game is over already.")
        events: list[QuizEvent] = []
        if self.paused_at is not None:
            self.resume(actor, now, can_manage=True)
        if self.status == "asking":
            events += self._close(now, skipped=True, last=True)
        events.append(self._end("stopped", now))
        return events

    def export_rows(self) -> list[ExportRow]:
        by_number = {i + 1: q for i, q in enumerate(self.questions)}
        return [
            ExportRow(
                game=self.game_id,
                question=a.number,
                kind=by_number[a.number].kind,
                prompt=by_number[a.number].prompt,
                right_answer=by_number[a.number].answer,
                player_id=a.player_id,
                player=a.player_name,
                given=a.given,
                correct=a.correct,
                credit=a.credit,
                points=a.points,
                seconds=a.elapsed,
                answered_at=a.at,
            )
            for a in self.answers
        ]

    def export_csv(self) -> str:
        return answers_csv(self.export_rows())

    # -------------------------------------------------------------------------------------- internals

    def authorize(self, actor: str, action: Steer, *, can_manage: bool = False) -> None:
        """`NotAllowed` unless `actor` may skip, pause, resume or stop: the host, or a member with Manage Server."""
        if actor != self.host_id and not can_manage:
            raise NotAllowed(f"Only the host or a member with Manage Server can {STEER_WHAT[action]}.")

    def _judge(self, question: Question) -> Judge:
        judge = self._judges.get(question.key)
        if judge is None:
            judge = self._judges[question.key] = Judge(question)
        return judge

    def _player(self, player_id: str, name: str) -> PlayerScore:
        score = self.scores.get(player_id)
        if score is None:
            score = self.scores[player_id] = PlayerScore(player_id, name, first_seen=len(self.scores))
        score.name = name
        return score

    def _open(self, number: int, now: dt.datetime) -> QuestionOpened:
        self.number = number
        self.status = "asking"
        self._opened_at = now
        self._paused_for = dt.timedelta(0)
        self._next_at = None
        self._answered = {}
        question = self.questions[number - 1]
        return QuestionOpened(number, self.total, question, now, now + dt.timedelta(seconds=self.seconds))

    def _close(self, now: dt.datetime, *, skipped: bool, last: bool = False) -> list[QuizEvent]:
        question = self.questions[self.number - 1]
        if not skipped:
            for player_id, score in self.scores.items():
                if player_id not in self._answered:
                    score.streak = 0
        answers = tuple(a for a in self.answers if a.number == self.number)
        self._revealed = tuple(self.standings())
        self.status = "between"
        self._next_at = now + dt.timedelta(seconds=self.reveal_seconds)
        events: list[QuizEvent] = [
            QuestionClosed(self.number, self.total, question, answers, skipped, self.top(5), closed_at=now)
        ]
        if self.number >= self.total and not last:
            events.append(self._end("finished", now))
        return events

    def _end(self, status: Literal["finished", "stopped"], now: dt.datetime) -> GameEnded:
        self.status = status
        self._next_at = None
        standings = tuple(self.standings())
        self._ended = GameEnded(status, standings, podium_of(standings), now)
        return self._ended
