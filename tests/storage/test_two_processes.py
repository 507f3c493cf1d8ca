"""Two console quizzes on one database, as two real processes: the second never takes the first's live game for cut
off; once the first is killed (`kill -9`), the next start closes its game and keeps its answers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from bot.storage.repository import QuizRepository
from tests.quiz.helpers import at

ROOT = Path(__file__).resolve().parents[2]


def quiz(database_url: str, tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "quiz", "--db", database_url, "--seed", "11", "--questions", "3", *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "PODIUM_CACHE_DIR": str(tmp_path / "cache")},
    )


def read_until(child: subprocess.Popen[str], marker: str) -> str:
    assert child.stdout is not None
    seen = []
    for line in child.stdout:
        seen.append(line)
        if marker in line:
            return "".join(seen)
    raise AssertionError(f"{marker!r} never came: {''.join(seen)}")


async def test_a_second_console_leaves_the_first_ones_game_alone(database_url: str, tmp_path: Path) -> None:
    first = quiz(database_url, tmp_path)
    try:
        started = read_until(first, "(20 s)")  # its first question is on screen; it waits for an answer
        game_id = int(started.split("Quiz #")[1].split(":")[0])
        assert first.stdin is not None
        first.stdin.write("A\n")
        first.stdin.flush()

        second = subprocess.run(
            [sys.executable, "-m", "bot", "quiz", "--db", database_url, "--seed", "12"],
            cwd=ROOT,
            input="",
            capture_output=True,
            text=True,
            env={**os.environ, "PODIUM_CACHE_DIR": str(tmp_path / "cache")},
            timeout=120,
        )
        assert "cut off" not in second.stdout
        assert f"A quiz is already running in this channel (game #{game_id})" in second.stdout
        assert second.returncode == 1 and "Traceback" not in second.stdout + second.stderr

        repo = await QuizRepository.open(database_url)
        try:
            assert (await repo.game(game_id)).status == "running"
            assert await repo.recover(at(0), owners=["console"]) == []  # its owner is alive
        finally:
            await repo.close()
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=10)  # reaps it and closes its pipes

    third = subprocess.run(
        [sys.executable, "-m", "bot", "quiz", "--db", database_url, "--seed", "13", "--questions", "1"],
        cwd=ROOT,
        input="",
        capture_output=True,
        text=True,
        env={**os.environ, "PODIUM_CACHE_DIR": str(tmp_path / "cache")},
        timeout=120,
    )
    assert f"(Quiz #{game_id} was cut off and is now closed; scores kept: P1 " in third.stdout
    assert third.returncode == 0, third.stdout + third.stderr
