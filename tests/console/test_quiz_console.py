"""`python -m bot quiz`: the quiz in a terminal, played from a script on standard input."""

from __future__ import annotations

import asyncio
import io
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.console.cli import build_parser
from bot.console.quiz import run_quiz
from bot.core import Podium
from bot.quiz.pool import build_pool
from bot.quiz.select import pick_questions
from bot.storage.repository import QuizRepository

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "data" / "pages"
EXAMPLE = Path(__file__).with_name("quiz_answers.txt")


def play(tmp_path: Path, script: str, *argv: str) -> tuple[int, str]:
    args = build_parser().parse_args(["quiz", "--db", f"sqlite:///{tmp_path / 'q.sqlite3'}", *argv])
    out = io.StringIO()
    code = run_quiz(args, PAGES, stdin=io.StringIO(script), out=out)
    return code, out.getvalue()


def final_scores(text: str) -> dict[str, int]:
    part = text.split("Final scores:", 1)[1]
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"^\s+\d+\. (P\d+)\s+(\d+) points", part, re.M)}


def test_a_scripted_game_scores_exactly(tmp_path: Path, podium: Podium) -> None:
    # The same seed picks the same questions: answer every one right as P1 (2 s in), wrong as P2 (1 s in).
    questions = pick_questions(build_pool(podium.index), 10, random.Random(7))
    lines = []
    for q in questions:
        right = q.choices.index(next(c for c in q.choices if c in q.answer.split(" / ")))
        lines += [f"P1 @2: {'ABCD'[right]}", f"P2 @1: {'ABCD'[(right + 1) % len(q.choices)]}"]
    code, out = play(tmp_path, "\n".join(lines) + "\n", "--players", "2", "--seed", "7")
    assert code == 0
    assert out.count("\nQuestion ") == 10
    # Each right answer: 100 + 45 for speed; streak bonus 0, 10, 20, ... capped at 50.
    assert final_scores(out) == {"P1": 10 * 145 + sum(min(10 * i, 50) for i in range(10)), "P2": 0}
    assert "10 right of 10, best streak 10" in out and "Podium: 🥇 P1" in out
    # The same game again replays exactly, as a new game in the same database.
    code, again = play(tmp_path, "\n".join(lines) + "\n", "--players", "2", "--seed", "7")
    assert again.replace("Quiz #2", "Quiz #1") == out


def test_the_example_script_plays_a_full_game(tmp_path: Path) -> None:
    db = tmp_path / "example.sqlite3"
    done = subprocess.run(
        [sys.executable, "-m", "bot", "quiz", "--players", "2", "--seed", "7", "--db", f"sqlite:///{db}"],
        input=EXAMPLE.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.count("\nQuestion ") == 10 and "Game finished. Final scores:" in out
    scores = final_scores(out)
    assert set(scores) == {"P1", "P2"} and scores["P1"] > scores["P2"] > 0
    assert "(P2: Only the host or a member with Manage Server can skip a question.)" in out
    assert "(P1: already answered: the first answer counts)" in out
    assert "Paused by P1." in out and "(P2: the game is paused)" in out
    # Every answer was stored, and the game is closed.
    rows, game = asyncio.run(_stored(f"sqlite:///{db}"))
    assert len(rows) == 19 and game == "finished"
    # Question 8: P2's answer during the pause was refused, not kept for later; the one after the resume counts.
    eighth = out.split("\nQuestion 8/10")[1].split("\nQuestion 9/10")[0]
    assert eighth.index("Paused by P1.") < eighth.index("(P2: the game is paused)") < eighth.index("Resumed by P1.")
    assert [r.player_id for r in rows if r.question == 8] == ["P1", "P2"]  # type: ignore[attr-defined]


async def _stored(url: str) -> tuple[list[object], str]:
    repo = await QuizRepository.open(url)
    try:
        game = await repo.last_game("console")
        assert game is not None
        return list(await repo.export_rows(game.id)), game.status
    finally:
        await repo.close()


def test_end_of_input_times_out_the_rest_and_typed_mode_shows_no_options(tmp_path: Path) -> None:
    code, out = play(tmp_path, "P1: something\n", "--questions", "3", "--mode", "typed", "--seed", "1")
    assert code == 0
    assert out.count("\nQuestion ") == 3 and "  A) " not in out
    assert out.count("no answers") == 2 and "Game finished" in out


def test_bad_lines_are_reported_not_fatal(tmp_path: Path) -> None:
    script = "P7: hello\nplain text\n/dance\nP1: A\nP2: Z\n/stop\n"
    code, out = play(tmp_path, script, "--players", "2", "--questions", "2", "--seed", "3")
    assert code == 0
    assert "(no player P7" in out and "(whose answer?" in out and "(unknown command /dance" in out
    # `Z` is no option: it counts as a typed (wrong) answer, both have answered, the second question opens.
    assert "P2 ✗ 'Z' +0" in out
    assert "Game stopped. Final scores:" in out and out.count("\nQuestion ") == 2


def test_stop_by_another_player_is_refused_and_a_cut_off_game_is_reported(tmp_path: Path) -> None:
    code, out = play(tmp_path, "P2: /stop\nP1: /stop\n", "--players", "2", "--questions", "2", "--seed", "3")
    assert "(P2: Only the host or a member with Manage Server can stop the game.)" in out
    assert "Game stopped" in out

    async def cut_off() -> int:
        repo = await QuizRepository.open(f"sqlite:///{tmp_path / 'q.sqlite3'}")
        try:
            return await repo.start_game(
                guild_id="console", channel_id="elsewhere", owner="console", host_id="P1", mode="buttons", seed=1,
                question_count=1, seconds=20, now=__import__("datetime").datetime.now(__import__("datetime").UTC),
            )  # fmt: skip
        finally:
            await repo.close()

    game_id = asyncio.run(cut_off())
    code, out = play(tmp_path, "", "--questions", "1", "--seed", "3")
    assert code == 0 and f"(Quiz #{game_id} was cut off and is now closed" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["--sport", "quidditch"], "Unknown sport"), (["--questions", "0"], "1 to 50 questions")],
)
def test_user_errors_exit_1(tmp_path: Path, argv: list[str], message: str) -> None:
    code, out = play(tmp_path, "", *argv)
    assert code == 1 and message in out


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("postgresql+asyncpg://u:secret@127.0.0.1:1/db",
         "Cannot open the quiz database postgresql+asyncpg://u:***@127.0.0.1:1/db: connection refused"),
        ("sqlite:////dev/null/quiz.sqlite3", "Cannot open the quiz database sqlite:////dev/null/quiz.sqlite3: "),
    ],
)  # fmt: skip
def test_a_database_that_cannot_be_opened_is_one_line_not_a_traceback(url: str, said: str) -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "quiz", "--db", url], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, cwd=ROOT, timeout=60)  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert done.stdout.strip().splitlines() == [done.stdout.strip()] and said in done.stdout
    assert "secret" not in done.stdout + done.stderr
