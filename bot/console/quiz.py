"""`python -m bot quiz`: the quiz night in a terminal, for one or more local players, answers read from stdin.

The same game as on Discord (the same QuizHost, storage and scoring). Standard input, one line at a time:

    P1: José Manuel Moreno     player 1's answer to the question on screen (typed, matched by type)
    P2: b                      a letter A-D picks an option (multiple choice, the default mode)
    P2 @4.5: 1:03.342          answered 4.5 s after the question opened (default: 1 s after the previous line)
    /next                      close the question now; players who have not answered get nothing
    /skip  /pause  /resume  /stop  /scores
                               the host's commands (the host is P1); `P2: /skip` tries it as P2 (refused);
                               an answer while the game is paused is refused: answer again after /resume
    # a comment, or a blank line: ignored

With one player, `P1:` may be left out. A question closes when every player has answered (or at `/next`); at the
end of the input the remaining questions run out of time unanswered. On a terminal, answer times are measured
on the clock instead. With `--seed`, a game replays exactly (the server's no-repeat memory is not consulted).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from bot.core import Podium
from bot.errors import PodiumError
from bot.quiz.host import GameOptions, QuizHost
from bot.quiz.model import DIFFICULTY_BY_NAME
from bot.quiz.session import (
    GameEnded,
    GamePaused,
    GameResumed,
    QuestionClosed,
    QuestionOpened,
    QuizEvent,
    Standing,
)
from bot.storage.repository import QuizRepository

GUILD = CHANNEL = OWNER = "console"
LETTERS = "ABCD"
MEDALS = ("🥇", "🥈", "🥉")
_LINE = re.compile(r"^\s*(?:(?P<who>[Pp]\d+)\s*(?:@\s*(?P<at>\d+(?:\.\d+)?)\s*)?:)?\s*(?P<text>.*?)\s*$")
REFUSED = {
    "duplicate": "already answered: the first answer counts",
    "late": "too late",
    "paused": "the game is paused",
    "closed": "no question open",
    "invalid": "not an answer",
}
# Where the scripted clock starts; any fixed moment would do (a replayed game prints the same).
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def add_quiz_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    quiz = sub.add_parser(
        "quiz",
        parents=[common],
        help="a quiz night in the terminal, answers from stdin",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    quiz.add_argument("--players", type=int, default=1, help="local players P1..PN (default 1; P1 hosts)")
    quiz.add_argument("--seed", type=int, default=None, help="replay a game exactly")
    quiz.add_argument("--questions", type=int, default=None, help="how many questions (default from settings)")
    quiz.add_argument("--seconds", type=float, default=None, help="seconds per question (default from settings)")
    quiz.add_argument("--mode", choices=["buttons", "typed"], default="buttons", help="options shown, or typed only")
    quiz.add_argument("--sport", default=None, help="only this sport")
    quiz.add_argument("--games", default=None, help="only these Games (`1992`, `Barcelona 1992`)")
    quiz.add_argument("--event", default=None, help="only this event (a query, as for `event`)")
    quiz.add_argument("--difficulty", choices=sorted(DIFFICULTY_BY_NAME), default=None)
    quiz.add_argument("--db", default=None, help="database URL (default: settings quiz.database_url)")


@dataclass
class Clock:
    """Scripted time (each line a second later, or `@seconds`) or, on a terminal, the wall clock."""

    live: bool
    opened: dt.datetime = EPOCH
    opened_wall: float = 0.0
    lines: int = 0

    def open(self, at: dt.datetime) -> None:
        self.opened, self.opened_wall, self.lines = at, time.monotonic(), 0

    def answer_time(self, at: str | None) -> dt.datetime:
        self.lines += 1
        if at is not None:
            seconds = float(at)
        elif self.live:
            seconds = time.monotonic() - self.opened_wall
        else:
            seconds = float(self.lines)
        return self.opened + dt.timedelta(seconds=seconds)


def _print(out: TextIO, text: str = "") -> None:
    out.write(text + "\n")


def _standings(rows: list[Standing] | tuple[Standing, ...]) -> Iterator[str]:
    for s in rows:
        streak = f", best streak {s.best_streak}" if s.best_streak > 1 else ""
        yield f"  {s.place:>2}. {s.name:<12} {s.points:>5} points ({s.correct} right of {s.answered}{streak})"


class ConsoleQuiz:
    def __init__(self, host: QuizHost, players: int, out: TextIO, clock: Clock) -> None:
        self.host = host
        self.players = [f"P{i}" for i in range(1, players + 1)]
        self.out = out
        self.clock = clock
        self.now = EPOCH
        self.ended: GameEnded | None = None

    def say(self, text: str = "") -> None:
        _print(self.out, text)

    def render(self, events: list[QuizEvent]) -> None:
        for event in events:
            if isinstance(event, QuestionOpened):
                self.clock.open(event.opened_at)
                q = event.question
                self.say(f"\nQuestion {event.number}/{event.total} · {q.difficulty_name} · {q.kind}")
                self.say(q.prompt)
                for letter, option in zip(LETTERS, q.choices, strict=False):
                    self.say(f"  {letter}) {option}")
                self.say(f"  ({self.host_seconds():g} s)")
            elif isinstance(event, QuestionClosed):
                q = event.question
                marks = []
                for a in event.answers:
                    sign = "✓" if a.correct else "~" if a.credit > 0 else "✗"
                    marks.append(f"{a.player_name} {sign} {a.given!r} +{a.points}")
                self.say("  " + (" | ".join(marks) if marks else "no answers"))
                self.say(f"Answer: {q.answer}{' (skipped)' if event.skipped else ''}. {q.fact}")
                self.say(f"Source: {q.source_url}")
                if event.top:
                    self.say("Top: " + " · ".join(f"{t.place}. {t.name} {t.points}" for t in event.top))
            elif isinstance(event, GamePaused):
                self.say(f"Paused by {event.by}.")
            elif isinstance(event, GameResumed):
                self.say(f"Resumed by {event.by}.")
            elif isinstance(event, GameEnded):
                self.ended = event
                self.say(f"\nGame {event.status}. Final scores:")
                for line in _standings(event.standings):
                    self.say(line)
                if not event.standings:
                    self.say("  nobody answered")
                if event.podium:
                    self.say("Podium: " + "  ".join(f"{MEDALS[p.place - 1]} {p.name}" for p in event.podium))

    def host_seconds(self) -> float:
        live = self.host.game_in(CHANNEL)
        return live.session.seconds if live else 0.0

    async def play(self, options: GameOptions, lines: Iterator[str]) -> int:
        live, events = await self.host.start(
            guild_id=GUILD, channel_id=CHANNEL, host_id="P1", options=options, now=self.now, players=self.players
        )
        remember = "" if options.seed is None else f", seed {live.seed}"
        self.say(
            f"Quiz #{live.game_id}: {live.session.total} questions, {options.seconds:g} s each, "
            f"players {', '.join(self.players)} (P1 hosts{remember})"
        )
        self.render(events)
        for raw in lines:
            if self.ended:
                break
            await self.line(raw)
        while not self.ended:  # the input ran out: the remaining questions time out
            session = live.session
            if session.paused:
                self.render(await self.host.resume(CHANNEL, "P1", self.now, can_manage=True))
            deadline = session.deadline()
            self.now = deadline if deadline is not None else self.now + dt.timedelta(seconds=self.host.reveal_seconds)
            self.render(await self.host.tick(CHANNEL, self.now))
        return 0

    async def line(self, raw: str) -> None:
        text = raw.strip()
        if not text or text.startswith("#"):
            return
        found = _LINE.match(text)
        assert found is not None  # the pattern matches any line
        who = (found.group("who") or "P1").upper()
        body = found.group("text")
        if who not in self.players:
            self.say(f"  (no player {who}: players are {', '.join(self.players)})")
            return
        if body.startswith("/"):
            await self.command(who, body[1:].strip().lower())
            return
        if found.group("who") is None and len(self.players) > 1:
            self.say(f"  (whose answer? write `P1: {body}`)")
            return
        self.now = max(self.now, self.clock.answer_time(found.group("at")))
        live = self.host.game_in(CHANNEL)
        current = live.session.current if live else None
        choice = None
        if current is not None and current.choices and len(body) == 1 and body.upper() in LETTERS:
            choice = LETTERS.index(body.upper())
            if choice >= len(current.choices):
                self.say(f"  ({body} is not an option)")
                return
        # The clock may have run past the deadline: close first, as the real clock would have.
        self.render(await self.host.tick(CHANNEL, self.now))
        try:
            outcome = await self.host.answer(
                CHANNEL, who, who, self.now, choice=choice, text=None if choice is not None else body
            )
        except PodiumError as err:  # the database refused it: not acknowledged, the game goes on
            self.say(f"  ({who}: {err})")
            return
        if not outcome.accepted:
            self.say(f"  ({who}: {REFUSED[outcome.outcome]})")
        self.render(await self.host.tick(CHANNEL, self.now))

    async def command(self, who: str, name: str) -> None:
        steer: dict[str, Callable[..., Any]] = {
            "skip": self.host.skip,
            "pause": self.host.pause,
            "resume": self.host.resume,
            "stop": self.host.stop,
        }
        try:
            if name == "next":
                live = self.host.game_in(CHANNEL)
                deadline = live.session.deadline() if live else None
                if deadline is not None:
                    self.now = max(self.now, deadline)
                self.render(await self.host.tick(CHANNEL, self.now))
                if live and not live.session.over and live.session.status == "between":
                    self.now += dt.timedelta(seconds=self.host.reveal_seconds)
                    self.render(await self.host.tick(CHANNEL, self.now))
            elif name == "scores":
                for line in _standings(self.host.scores(CHANNEL)):
                    self.say(line)
            elif name in steer:
                self.render(await steer[name](CHANNEL, who, self.now, can_manage=False))
                if name == "skip":
                    self.now += dt.timedelta(seconds=self.host.reveal_seconds)
                    self.render(await self.host.tick(CHANNEL, self.now))
            else:
                self.say(f"  (unknown command /{name}: /next /skip /pause /resume /stop /scores)")
        except PodiumError as err:
            self.say(f"  ({who}: {err})")


async def _run(args: argparse.Namespace, data_dir: Path, stdin: TextIO, out: TextIO) -> int:
    from bot.settings import ROOT, load_settings

    settings = load_settings()
    podium = Podium.load(data_dir, cache_dir=settings.cache_dir)
    options = GameOptions(
        questions=settings.quiz.default_questions if args.questions is None else args.questions,
        seconds=float(settings.quiz.default_seconds if args.seconds is None else args.seconds),
        mode=args.mode,
        sport=args.sport,
        games=args.games,
        event_id=podium.event_id(args.event) if args.event else None,
        difficulty=DIFFICULTY_BY_NAME[args.difficulty] if args.difficulty else None,
        seed=args.seed,
        remember=args.seed is None,
    )
    if not 1 <= args.players <= 26:
        raise PodiumError("Between 1 and 26 players.")
    repo = await QuizRepository.open(args.db or settings.quiz.database_url, base_dir=ROOT)
    try:
        host = QuizHost(podium.index, repo, owner=OWNER, reveal_seconds=0.0)
        for cut in await host.recover(dt.datetime.now(dt.UTC)):
            names = ", ".join(f"{s.name} {s.points}" for s in cut.standings) or "no answers"
            _print(out, f"(Quiz #{cut.game.id} was cut off and is now closed; scores kept: {names})")
            await repo.mark_announced(cut.game.id)
        clock = Clock(live=stdin.isatty())
        quiz = ConsoleQuiz(host, args.players, out, clock)
        if clock.live:
            quiz.now = dt.datetime.now(dt.UTC)
        return await quiz.play(options, iter(stdin.readline, ""))
    finally:
        await repo.close()


def run_quiz(args: argparse.Namespace, data_dir: Path, stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    """The `quiz` subcommand. User errors are printed (exit 1), never raised."""
    try:
        return asyncio.run(_run(args, data_dir, stdin or sys.stdin, out or sys.stdout))
    except PodiumError as err:
        (out or sys.stdout).write(f"{err}\n")
        return 1
