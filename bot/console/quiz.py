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
end of the input the remaining questions run out of time unanswered. An answer timed after its question's deadline
is refused as late (it never counts for the next question). With `--seed`, a game replays exactly (the server's
no-repeat memory is not consulted).

On a terminal the game runs on the real clock: the seconds left count down under the prompt (and `10 s left`,
`5 s left` are printed), a question closes at its deadline whether or not anyone types, an answer is timed when
Enter is pressed, `/next` is the host's skip, and the answer shows for a few seconds before the next question.
Ctrl-C (once) or Ctrl-D stops the game: it is closed as stopped, every answer given is kept, the scores printed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import math
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TextIO

from prompt_toolkit.patch_stdout import patch_stdout

from bot.core import Podium
from bot.errors import PodiumError
from bot.quiz.export import answer_entry, as_json, result_of, transcript
from bot.quiz.model import DIFFICULTY_BY_NAME, Question
from bot.quiz.session import (
    AnswerResult,
    GameEnded,
    GamePaused,
    GameResumed,
    QuestionClosed,
    QuestionOpened,
    QuizEvent,
    QuizSession,
    Standing,
)
from bot.quiz_host import GameOptions, QuizHost
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
# Exit status after Ctrl-C (128 + SIGINT), as a shell reports it.
INTERRUPTED = 130
# Seconds left at which a live question says so (those shorter than the question).
COUNTDOWN_MARKS = (10, 5)
# On the real clock, the answer stays on screen this long before the next question.
LIVE_REVEAL_SECONDS = 4.0
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
    quiz.add_argument("--transcript", type=Path, default=None, metavar="FILE", help="write the game to FILE as JSON")


@dataclass
class Clock:
    """Scripted time: each line a second after the line before, or `@seconds` after the question opened."""

    opened: dt.datetime = EPOCH
    lines: int = 0

    def open(self, at: dt.datetime) -> None:
        self.opened, self.lines = at, 0

    def answer_time(self, at: str | None) -> dt.datetime:
        self.lines += 1
        seconds = float(at) if at is not None else float(self.lines)
        return self.opened + dt.timedelta(seconds=seconds)


class WallClock:
    """The real clock, for a game played live at a terminal."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class NowSource(Protocol):
    def now(self) -> dt.datetime: ...


class EndOfInput(Exception):
    """Standard input is closed (the end of a script, or Ctrl-D at a terminal)."""


class Interrupted(Exception):
    """Ctrl-C, read as a key by the prompt (on a terminal) or as a signal."""


class LineSource(Protocol):
    async def next_line(self, timeout: float | None) -> str | None:
        """The next line, or None when `timeout` seconds pass without one; `EndOfInput` once input is closed,
        `Interrupted` on Ctrl-C."""


class ThreadedLines:
    """Lines of a stream read in a daemon thread, so that the event loop (the clock, Ctrl-C) never waits on a
    blocking read, and a process stopped mid-read does not wait for one more line to exit."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.queue: asyncio.Queue[str | BaseException] = asyncio.Queue()
        self.interrupted = asyncio.Event()
        self.thread: threading.Thread | None = None

    def _read(self, loop: asyncio.AbstractEventLoop) -> None:
        try:
            for line in iter(self.stream.readline, ""):
                loop.call_soon_threadsafe(self.queue.put_nowait, line)
        except (OSError, ValueError) as err:  # stdin closed under the reader at exit
            loop.call_soon_threadsafe(self.queue.put_nowait, EndOfInput(str(err)))
            return
        loop.call_soon_threadsafe(self.queue.put_nowait, EndOfInput())

    def interrupt(self) -> None:
        self.interrupted.set()

    async def next_line(self, timeout: float | None) -> str | None:
        if self.thread is None:
            self.thread = threading.Thread(target=self._read, args=(asyncio.get_running_loop(),), daemon=True)
            self.thread.start()
        if self.interrupted.is_set():
            raise Interrupted()
        line = asyncio.ensure_future(self.queue.get())
        stop = asyncio.ensure_future(self.interrupted.wait())
        try:
            await asyncio.wait({line, stop}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stop.cancel()
            if not line.done():
                line.cancel()
        if self.interrupted.is_set() and not line.done():
            raise Interrupted()
        if not line.done() or line.cancelled():
            return None
        got = line.result()
        if isinstance(got, BaseException):
            raise got
        return got


def _print(out: TextIO, text: str = "") -> None:
    out.write(text + "\n")


def _standings(rows: list[Standing] | tuple[Standing, ...]) -> Iterator[str]:
    for s in rows:
        streak = f", best streak {s.best_streak}" if s.best_streak > 1 else ""
        yield f"  {s.place:>2}. {s.name:<12} {s.points:>5} points ({s.correct} right of {s.answered}{streak})"


class PromptLines:
    """Lines typed at a terminal, read by prompt_toolkit under a bottom bar that counts the seconds down; the
    quiz prints above the prompt (`patch_stdout`). Ctrl-C at the prompt is a key press: it stops the game."""

    def __init__(self, toolbar: Callable[[], str]) -> None:
        self.toolbar = toolbar
        self.queue: asyncio.Queue[str | BaseException] = asyncio.Queue()
        self.task: asyncio.Task[None] | None = None

    async def _read(self) -> None:
        from prompt_toolkit import PromptSession

        session: PromptSession[str] = PromptSession()
        while True:
            try:
                line = await session.prompt_async("> ", bottom_toolbar=self.toolbar, refresh_interval=0.25)
            except KeyboardInterrupt:
                self.queue.put_nowait(Interrupted())
                return
            except EOFError:
                self.queue.put_nowait(EndOfInput())
                return
            self.queue.put_nowait(line)

    def interrupt(self) -> None:
        self.queue.put_nowait(Interrupted())

    async def next_line(self, timeout: float | None) -> str | None:
        if self.task is None:
            self.task = asyncio.create_task(self._read())
        try:
            got = await asyncio.wait_for(self.queue.get(), timeout)
        except TimeoutError:
            return None
        if isinstance(got, BaseException):
            raise got
        return got

    async def close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task


def status_line(session: QuizSession | None, now: dt.datetime) -> str:
    """The live countdown under the prompt: `Question 3/10 · 12 s left`."""
    if session is None or session.over:
        return "game over"
    if session.paused:
        return f"Question {session.number}/{session.total} · paused (/resume)"
    if session.status == "asking":
        return f"Question {session.number}/{session.total} · {math.ceil(session.time_left(now)):d} s left"
    return f"Question {session.number}/{session.total} closed · the next one is coming"


def points_text(a: AnswerResult) -> str:
    """`+165 (100 + 45 speed + 20 streak)`: an answer's points and where they come from."""
    parts = [str(a.base_points)]
    if a.speed_bonus:
        parts.append(f"{a.speed_bonus} speed")
    if a.streak_bonus:
        parts.append(f"{a.streak_bonus} streak")
    return f"+{a.points}" + (f" ({' + '.join(parts)})" if len(parts) > 1 else "")


class ConsoleQuiz:
    def __init__(self, host: QuizHost, players: int, out: TextIO, clock: Clock | None = None) -> None:
        self.host = host
        self.players = [f"P{i}" for i in range(1, players + 1)]
        self.out = out
        self.clock = clock or Clock()
        self.now = EPOCH
        self.ended: GameEnded | None = None
        self.live_clock: NowSource | None = None  # set for a game on the real clock (see `play_live`)
        self.counted: set[int] = set()  # the countdown marks already shown for the question on screen
        # For the transcript: the questions as asked, every answer as judged (late ones too), the game's seed.
        self.asked: dict[int, Question] = {}
        self.answers: list[dict[str, Any]] = []
        self.seed: int | None = None
        self.mode = "buttons"

    def say(self, text: str = "") -> None:
        _print(self.out, text)

    def session(self) -> QuizSession | None:
        live = self.host.game_in(CHANNEL)
        return live.session if live else None

    def render(self, events: list[QuizEvent]) -> None:
        for event in events:
            if isinstance(event, QuestionOpened):
                self.clock.open(event.opened_at)
                self.counted = set()
                q = event.question
                self.asked[event.number] = q
                self.say(f"\nQuestion {event.number}/{event.total} · {q.difficulty_name} · {q.kind}")
                self.say(q.prompt)
                for letter, option in zip(LETTERS, q.choices, strict=False):
                    self.say(f"  {letter}) {option}")
                seconds = (event.deadline - event.opened_at).total_seconds()
                self.say(f"  ({seconds:g} s)")
            elif isinstance(event, QuestionClosed):
                q = event.question
                marks = []
                for a in event.answers:
                    sign = "✓" if a.correct else "~" if a.credit > 0 else "✗"
                    marks.append(f"{a.player_name} {sign} {a.given!r} {points_text(a)}")
                    self.answers.append(
                        answer_entry(a.number, a.player_name, a.given, result_of(a.correct, a.credit), a.points)
                    )
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

    def transcript(self) -> dict[str, Any]:
        """The game as JSON (see `bot.quiz.export`): what was asked, every answer, the final scores."""
        standings = self.ended.standings if self.ended else ()
        return transcript(
            seed=self.seed,
            mode=self.mode,
            questions=self.asked.items(),
            answers=self.answers,
            scores=[(s.name, s.points, s.place) for s in standings],
        )

    async def begin(self, options: GameOptions) -> None:
        live, events = await self.host.start(
            guild_id=GUILD, channel_id=CHANNEL, host_id="P1", options=options, now=self.now, players=self.players
        )
        self.seed, self.mode = live.seed, options.mode
        remember = "" if options.seed is None else f", seed {live.seed}"
        self.say(
            f"Quiz #{live.game_id}: {live.session.total} questions, {options.seconds:g} s each, "
            f"players {', '.join(self.players)} (P1 hosts{remember})"
        )
        self.render(events)

    async def play(self, options: GameOptions, source: LineSource) -> int:
        """A scripted game: answer times from the script (see the module's help), not from the clock."""
        await self.begin(options)
        try:
            while not self.ended:
                try:
                    raw = await source.next_line(None)
                except EndOfInput:
                    break
                if raw is not None:
                    await self.line(raw)
        except Interrupted:
            await self.interrupted()
            return INTERRUPTED
        while not self.ended:  # the input ran out: the remaining questions time out
            session = self.session()
            if session is None:
                break
            if session.paused:
                self.render(await self.host.resume(CHANNEL, "P1", self.now, can_manage=True))
            deadline = session.deadline()
            self.now = deadline if deadline is not None else self.now + dt.timedelta(seconds=self.host.reveal_seconds)
            self.render(await self.host.tick(CHANNEL, self.now))
        return 0

    async def play_live(self, options: GameOptions, source: LineSource, clock: NowSource) -> int:
        """A game on the clock: a question closes at its deadline whether or not anyone types, the seconds left
        are shown as they run out, an answer is timed when it arrives, and one that arrives after its question
        closed is refused as late. The end of input (Ctrl-D) or Ctrl-C stops the game, the scores kept."""
        self.live_clock = clock
        self.now = clock.now()
        await self.begin(options)
        try:
            while not self.ended:
                wake = self.next_wake()
                timeout = None if wake is None else max(0.0, (wake - clock.now()).total_seconds())
                try:
                    raw = await source.next_line(timeout)
                except EndOfInput:
                    self.say("(end of input: the game stops here)")
                    await self.stop_now()
                    break
                self.now = max(self.now, clock.now())
                if raw is not None:
                    await self.line(raw)
                    continue
                self.countdown()
                self.render(await self.host.tick(CHANNEL, self.now))
        except Interrupted:
            await self.interrupted()
            return INTERRUPTED
        return 0

    def next_wake(self) -> dt.datetime | None:
        """When the live loop must look again without a line: a countdown mark, the deadline, the next question;
        None while paused (only a line can change anything)."""
        session = self.session()
        if session is None:
            return None
        deadline = session.deadline()
        if deadline is None:
            return session.next_opens_at()
        marks = [
            deadline - dt.timedelta(seconds=m)
            for m in COUNTDOWN_MARKS
            if m < session.seconds and m not in self.counted and deadline - dt.timedelta(seconds=m) > self.now
        ]
        return min([deadline, *marks])

    def countdown(self) -> None:
        """`10 s left`, `5 s left`: shown once each as the question's time runs down (the last one passed only)."""
        session = self.session()
        if session is None or session.status != "asking" or session.paused:
            return
        left = session.time_left(self.now)
        due = [m for m in COUNTDOWN_MARKS if m < session.seconds and m not in self.counted and left <= m and left > 0]
        if due:
            self.counted.update(m for m in COUNTDOWN_MARKS if m >= min(due))
            self.say(f"  ⏱ {min(due)} s left")

    async def stop_now(self) -> None:
        session = self.session()
        if session is not None and not session.over:
            self.render(await self.host.stop(CHANNEL, "P1", self.now, can_manage=True))

    async def interrupted(self) -> None:
        """Ctrl-C: the game is closed as stopped, every answer given kept, the scores printed."""
        if self.live_clock is not None:
            self.now = max(self.now, self.live_clock.now())
        self.say("\n(Ctrl-C: the game stops here; every answer given is kept)")
        await self.stop_now()

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
        if self.live_clock is None:
            self.now = max(self.now, self.clock.answer_time(found.group("at")))
        session = self.session()
        # The question on screen when the line was typed: the answer is for that one, or for none.
        aimed = session.number if session is not None and session.status == "asking" else None
        current = session.current if session else None
        choice = None
        if current is not None and current.choices and len(body) == 1 and body.upper() in LETTERS:
            choice = LETTERS.index(body.upper())
            if choice >= len(current.choices):
                self.say(f"  ({body} is not an option)")
                return
        # The clock may have run past the deadline: close first, as the real clock would have.
        events = await self.host.tick(CHANNEL, self.now)
        session = self.session()
        moved_on = session is None or session.status != "asking" or session.number != aimed
        if aimed is not None and moved_on:
            # Said after the question it was meant for closes, before the next one opens.
            self.render([e for e in events if not isinstance(e, QuestionOpened)])
            self.say(f"  ({who}: {REFUSED['late']}: question {aimed} closed before this answer)")
            self.answers.append(answer_entry(aimed, who, body, "late", 0))
            self.render([e for e in events if isinstance(e, QuestionOpened)])
            return
        self.render(events)
        try:
            outcome = await self.host.answer(
                CHANNEL, who, who, self.now, choice=choice, text=None if choice is not None else body
            )
        except PodiumError as err:  # the database refused it: not acknowledged, the game goes on
            self.say(f"  ({who}: {err})")
            return
        if not outcome.accepted:
            closed = session is not None and outcome.outcome == "closed" and session.number > 0
            said = f"{REFUSED['late']}: question {session.number} is closed" if closed and session else None
            if said is not None and session is not None:
                self.answers.append(answer_entry(session.number, who, body, "late", 0))
            self.say(f"  ({who}: {said or REFUSED[outcome.outcome]})")
        self.render(await self.host.tick(CHANNEL, self.now))

    async def command(self, who: str, name: str) -> None:
        steer: dict[str, Callable[..., Any]] = {
            "skip": self.host.skip,
            "pause": self.host.pause,
            "resume": self.host.resume,
            "stop": self.host.stop,
        }
        try:
            if name == "next" and self.live_clock is not None:
                # On the real clock, closing now is the host's skip (moving the clock on would give the next
                # question's answers the seconds skipped as a speed bonus).
                self.render(await self.host.skip(CHANNEL, who, self.now, can_manage=False))
            elif name == "next":
                session = self.session()
                deadline = session.deadline() if session else None
                if deadline is not None:
                    self.now = max(self.now, deadline)
                self.render(await self.host.tick(CHANNEL, self.now))
                if session and not session.over and session.status == "between":
                    self.now += dt.timedelta(seconds=self.host.reveal_seconds)
                    self.render(await self.host.tick(CHANNEL, self.now))
            elif name == "scores":
                session = self.session()
                if session is None:
                    raise PodiumError("No quiz is running.")
                if session.status == "asking":
                    self.say(f"  (scores after question {session.number - 1}: this one's answers count at its end)")
                for line in _standings(session.revealed_standings()):
                    self.say(line)
            elif name in steer:
                self.render(await steer[name](CHANNEL, who, self.now, can_manage=False))
                if name == "skip" and self.live_clock is None:
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
    out_file: Path | None = args.transcript
    if out_file is not None and not out_file.parent.is_dir():
        raise PodiumError(f"Cannot write the transcript to {out_file}: no folder {out_file.parent}.")
    repo = await QuizRepository.open(args.db or settings.quiz.database_url, base_dir=ROOT)
    try:
        live = stdin.isatty()
        host = QuizHost(podium.index, repo, owner=OWNER, reveal_seconds=LIVE_REVEAL_SECONDS if live else 0.0)
        for cut in await host.recover(dt.datetime.now(dt.UTC)):
            names = ", ".join(f"{s.name} {s.points}" for s in cut.standings) or "no answers"
            _print(out, f"(Quiz #{cut.game.id} was cut off and is now closed; scores kept: {names})")
            await repo.mark_announced(cut.game.id)
        quiz = ConsoleQuiz(host, args.players, out)
        if live:
            clock = WallClock()
            prompt = PromptLines(lambda: status_line(quiz.session(), clock.now()))
            try:
                with patch_stdout(raw=True), _on_sigint(prompt.interrupt):
                    quiz.out = sys.stdout  # printed above the prompt
                    code = await quiz.play_live(options, prompt, clock)
            finally:
                await prompt.close()
        else:
            lines = ThreadedLines(stdin)
            with _on_sigint(lines.interrupt):
                code = await quiz.play(options, lines)
        if out_file is not None:
            try:
                out_file.write_text(as_json(quiz.transcript()), encoding="utf-8")
            except OSError as err:
                raise PodiumError(f"Cannot write the transcript to {out_file}: {err.strerror or err}.") from err
            _print(out, f"Transcript: {out_file}")
        return code
    finally:
        await repo.close()


@contextlib.contextmanager
def _on_sigint(handler: Callable[[], None]) -> Iterator[None]:
    """Ctrl-C (SIGINT) calls `handler` on the event loop, once per press, instead of raising wherever the program
    happens to be: the game then stops cleanly. Where the loop cannot take signals (not the main thread), the
    default stays: asyncio cancels the game's task and `run_quiz` reports the interruption."""
    loop = asyncio.get_running_loop()
    try:
        loop.add_signal_handler(signal.SIGINT, handler)
    except (NotImplementedError, RuntimeError, ValueError):
        yield
        return
    try:
        yield
    finally:
        loop.remove_signal_handler(signal.SIGINT)


def run_quiz(args: argparse.Namespace, data_dir: Path, stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    """The `quiz` subcommand. User errors are printed (exit 1), never raised."""
    try:
        return asyncio.run(_run(args, data_dir, stdin or sys.stdin, out or sys.stdout))
    except PodiumError as err:
        (out or sys.stdout).write(f"{err}\n")
        return 1
    except KeyboardInterrupt:  # Ctrl-C before a game started (loading the pages, opening the database)
        (out or sys.stdout).write("\n(Ctrl-C: no game was started)\n")
        return INTERRUPTED
