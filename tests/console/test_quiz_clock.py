"""The console quiz on a clock: deadlines that close a question with nobody typing, late answers, Ctrl-C.

The live game is driven with an injected clock and lines that arrive at set moments (`ScheduledLines`): the
loop waits for a line or its next deadline exactly as at a terminal, only the waiting is simulated.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from bot.console.quiz import (
    CHANNEL,
    INTERRUPTED,
    ConsoleQuiz,
    EndOfInput,
    Interrupted,
    points_text,
    status_line,
)
from bot.core import Podium
from bot.quiz.session import AnswerResult
from bot.quiz_host import GameOptions, QuizHost
from bot.storage.repository import QuizRepository
from tests.console.test_quiz_console import final_scores, play

ROOT = Path(__file__).resolve().parents[2]
START = dt.datetime(2026, 7, 1, 20, 0, tzinfo=dt.UTC)

Line = str | Callable[[], str] | BaseException


class FakeClock:
    def __init__(self) -> None:
        self.t = START

    def now(self) -> dt.datetime:
        return self.t


class ScheduledLines:
    """Lines typed at given seconds after the start; waiting for one moves the fake clock instead of sleeping."""

    def __init__(self, clock: FakeClock, lines: list[tuple[float, Line]]) -> None:
        self.clock = clock
        self.lines = sorted(lines, key=lambda line: line[0])

    async def next_line(self, timeout: float | None) -> str | None:
        if self.lines:
            due = START + dt.timedelta(seconds=self.lines[0][0])
            if timeout is None or due <= self.clock.t + dt.timedelta(seconds=timeout):
                _, line = self.lines.pop(0)
                self.clock.t = max(self.clock.t, due)
                if isinstance(line, BaseException):
                    raise line
                return line() if callable(line) else line
        if timeout is None:
            raise EndOfInput()
        self.clock.t += dt.timedelta(seconds=timeout)
        return None


def right_letter(host: QuizHost) -> Callable[[], str]:
    def letter() -> str:
        live = host.game_in(CHANNEL)
        assert live is not None and live.session.current is not None
        q = live.session.current
        return "ABCD"[q.choices.index(next(c for c in q.choices if c in q.answer.split(" / ")))]

    return letter


async def live_game(
    tmp_path: Path, podium: Podium, lines: Callable[[QuizHost], list[tuple[float, Line]]], questions: int = 3
) -> tuple[int, str, QuizRepository]:
    repo = await QuizRepository.open(f"sqlite:///{tmp_path / 'live.sqlite3'}")
    host = QuizHost(podium.index, repo, owner="console", reveal_seconds=4.0)
    out = io.StringIO()
    clock = FakeClock()
    quiz = ConsoleQuiz(host, 1, out)
    options = GameOptions(questions=questions, seconds=20.0, seed=3, remember=False)
    code = await quiz.play_live(options, ScheduledLines(clock, lines(host)), clock)
    return code, out.getvalue(), repo


async def test_a_live_question_closes_at_its_deadline_and_a_late_answer_is_refused(
    tmp_path: Path, podium: Podium
) -> None:
    # Q1 opens at 0 and is answered right at 5 s (it closes then: the only player answered); the reveal lasts 4 s,
    # Q2 opens at 9 and nobody types: it closes at its deadline, 29 s; a line at 31 s, during the reveal, is late.
    code, out, repo = await live_game(tmp_path, podium, lambda host: [(5, right_letter(host)), (31, "P1: A")])
    try:
        assert code == 0
        assert "+138 (100 + 38 speed)" in out  # 5 s of 20 gone: 50 x 0.75 = 37.5, rounded to 38
        second = out.split("\nQuestion 2/3")[1].split("\nQuestion 3/3")[0]
        assert second.count("⏱ 10 s left") == 1 and second.count("⏱ 5 s left") == 1
        assert second.index("⏱ 10 s left") < second.index("⏱ 5 s left") < second.index("no answers")
        assert "(P1: too late: question 2 is closed)" in second
        # The late line did not answer question 3: nobody did, and it too ran out on the clock.
        third = out.split("\nQuestion 3/3")[1]
        assert "no answers" in third and "Game finished" in third
        assert final_scores(out) == {"P1": 138}
        game = await repo.last_game("console")
        assert game is not None and game.status == "finished"
        rows = list(await repo.export_rows(game.id))
        assert [(r.question, r.points) for r in rows] == [(1, 138)]
    finally:
        await repo.close()


async def test_ctrl_c_once_stops_the_game_with_the_answers_kept(tmp_path: Path, podium: Podium) -> None:
    code, out, repo = await live_game(
        tmp_path, podium, lambda host: [(2, right_letter(host)), (12, Interrupted())], questions=5
    )
    try:
        assert code == INTERRUPTED
        assert "(Ctrl-C: the game stops here; every answer given is kept)" in out
        assert "Game stopped. Final scores:" in out and final_scores(out) == {"P1": 145}
        game = await repo.last_game("console")
        assert game is not None and game.status == "stopped"
        assert [r.points for r in await repo.export_rows(game.id)] == [145]
    finally:
        await repo.close()


async def test_end_of_input_on_the_clock_stops_the_game(tmp_path: Path, podium: Podium) -> None:
    code, out, repo = await live_game(tmp_path, podium, lambda host: [(1, EndOfInput())])
    await repo.close()
    assert code == 0 and "(end of input: the game stops here)" in out and "Game stopped" in out


async def test_the_status_line_counts_down(tmp_path: Path, podium: Podium) -> None:
    repo = await QuizRepository.open(f"sqlite:///{tmp_path / 's.sqlite3'}")
    try:
        host = QuizHost(podium.index, repo, owner="console", reveal_seconds=4.0)
        live, _ = await host.start(
            guild_id="g", channel_id="c", host_id="P1", options=GameOptions(questions=2, seed=1), now=START
        )
        assert status_line(live.session, START + dt.timedelta(seconds=7.5)) == "Question 1/2 · 13 s left"
        live.session.pause("P1", START + dt.timedelta(seconds=8))
        assert "paused" in status_line(live.session, START + dt.timedelta(seconds=30))
    finally:
        await repo.close()


def test_a_scripted_answer_after_the_deadline_is_late_not_the_next_questions(tmp_path: Path) -> None:
    code, out = play(tmp_path, "P1 @25: A\nP1 @3: B\n", "--questions", "2", "--seconds", "20", "--seed", "3")
    assert code == 0
    first, second = out.split("\nQuestion 2/2")
    assert "(P1: too late: question 1 closed before this answer)" in first and "no answers" in first
    # The next line answers question 2, 3 s after it opened; the late one was not carried over: one answer in all.
    assert len(re.findall(r"P1 [✓✗~] '[^']+' \+\d+", second)) == 1
    assert re.search(r"P1 +\d+ points \(\d right of 1\)", second)


def test_points_show_where_they_come_from() -> None:
    def result(points: int, speed: int, streak: int) -> AnswerResult:
        return AnswerResult(1, "k", "P1", "P1", "A", 0, 1.0, True, points, speed, streak, 2, 1.0, START)

    assert points_text(result(180, 40, 20)) == "+180 (120 + 40 speed + 20 streak)"
    assert points_text(result(100, 0, 0)) == "+100" and points_text(result(0, 0, 0)) == "+0"


def test_one_ctrl_c_stops_the_process_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "sigint.sqlite3"
    with subprocess.Popen(
        [sys.executable, "-m", "bot", "quiz", "--seed", "2", "--questions", "5", "--db", f"sqlite:///{db}"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    ) as proc:  # the pipes closed on the way out
        assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
        seen = ""
        while not re.search(r"^  \([\d.]+ s\)$", seen, re.M):  # question 1 is on screen
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            seen += line
        proc.stdin.write("P1: A\n")
        proc.stdin.flush()
        while not re.search(r"P1 [✓✗~] ", seen):  # the answer closed question 1 (the only player answered)
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            seen += line
        proc.send_signal(signal.SIGINT)  # once; stdin stays open, as at a terminal (`communicate` would close it)
        proc.wait(timeout=60)
        rest, err = proc.stdout.read(), proc.stderr.read()
    out = seen + rest
    assert proc.returncode == INTERRUPTED, err
    assert "Traceback" not in err and "Game stopped. Final scores:" in out
    assert set(final_scores(out)) == {"P1"}

    async def status() -> str:
        repo = await QuizRepository.open(f"sqlite:///{db}")
        try:
            game = await repo.last_game("console")
            assert game is not None
            return game.status
        finally:
            await repo.close()

    assert asyncio.run(status()) == "stopped"


def test_the_transcript_holds_the_game_as_played(tmp_path: Path) -> None:
    out_file = tmp_path / "night.json"
    script = "P1 @2: A\nP2 @30: B\nP2 @1: C\nP1 @3: 1st\n/stop\n"
    code, out = play(
        tmp_path, script, "--players", "2", "--questions", "3", "--seed", "5", "--transcript", str(out_file)
    )
    assert code == 0 and f"Transcript: {out_file}" in out
    game = json.loads(out_file.read_text(encoding="utf-8"))
    assert set(game) == {"seed", "mode", "questions", "answers", "scores"}
    assert game["seed"] == 5 and game["mode"] == "buttons"
    assert [q["number"] for q in game["questions"]] == [1, 2, 3]  # stopped during question 3
    for q in game["questions"]:
        assert set(q) == {"number", "kind", "difficulty", "text", "options", "answer", "event", "fact"}
        assert q["answer"] in " / ".join(q["options"]) and q["difficulty"] in ("easy", "medium", "hard")
    # P2's answer 30 s in was late for question 1 (refused, kept in the transcript), then answered question 2.
    assert [(a["question"], a["player"], a["result"]) for a in game["answers"]][1] == (1, "P2", "late")
    assert {a["result"] for a in game["answers"]} <= {"right", "partial", "wrong", "late"}
    assert sum(a["points"] for a in game["answers"]) == sum(s["points"] for s in game["scores"])
    assert [s["rank"] for s in game["scores"]] == sorted(s["rank"] for s in game["scores"])


def test_typed_mode_has_no_options_in_the_transcript(tmp_path: Path) -> None:
    out_file = tmp_path / "typed.json"
    code, _ = play(
        tmp_path, "P1: x\n", "--questions", "2", "--mode", "typed", "--seed", "1", "--transcript", str(out_file)
    )
    game = json.loads(out_file.read_text(encoding="utf-8"))
    assert code == 0 and game["mode"] == "typed" and all(q["options"] is None for q in game["questions"])


def test_a_transcript_into_no_folder_is_refused_before_the_game(tmp_path: Path) -> None:
    code, out = play(tmp_path, "", "--transcript", str(tmp_path / "nowhere" / "x.json"))
    assert code == 1 and "Cannot write the transcript" in out and "Question" not in out
