"""The console mirrors the CLI: every command with its options, a number to pick from an ambiguity, completion."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document

from bot.console.repl import PodiumCompleter, Repl
from bot.core import Podium
from tests.conftest import PAGES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def repl(podium: Podium) -> Repl:
    return Repl(podium, data_dir=PAGES)


def said(repl: Repl, capsys: pytest.CaptureFixture[str], line: str) -> str:
    assert repl.handle(line)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return captured.out + captured.err


@pytest.mark.parametrize(
    "line",
    [
        "check",
        "resolve event 1992 time trial",
        "resolve athlete Moreno",
        "about",
        "about --json",
        "podium --json 1992 time trial",
        "compare Jose Moreno vs Shane Kelly",
    ],
)
def test_every_cli_command_is_a_console_command(repl: Repl, capsys: pytest.CaptureFixture[str], line: str) -> None:
    out = said(repl, capsys, line)
    assert "Unknown command" not in out and "error:" not in out and out.strip()


def test_chart_takes_kind_and_out(repl: Repl, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "splits.png"
    out = said(repl, capsys, f"chart 1992 time trial --kind splits --out {target}")
    assert "splits chart written to" in out and target.read_bytes().startswith(b"\x89PNG")
    out = said(repl, capsys, f"chart 1992 time trial --out {target}")
    assert "--force" in out
    out = said(repl, capsys, f"chart 1992 time trial --out {tmp_path / 'x.jpg'}")
    assert "PNG" in out and "Unknown command" not in out


def test_export_to_a_file(repl: Repl, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "all.json"
    out = said(repl, capsys, f"export --out {target}")
    assert "3 events written" in out
    assert len(json.loads(target.read_text(encoding="utf-8"))["events"]) == 3


def test_check_of_another_folder(repl: Repl, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = said(repl, capsys, f"check {tmp_path}")
    assert "holds no pages" in out


def test_options_are_not_read_as_the_query(repl: Repl, capsys: pytest.CaptureFixture[str]) -> None:
    out = said(repl, capsys, "podium --json 1992 time trial")
    assert json.loads(out)["places"][0]["name"] == "José Manuel Moreno"


def test_a_number_picks_from_the_ambiguity_list(repl: Repl, capsys: pytest.CaptureFixture[str]) -> None:
    out = said(repl, capsys, "athlete Moreno")
    assert "which one?" in out and "Type 1 to 2" in out
    first = out.split("1. ")[1].split(" (")[0]
    out = said(repl, capsys, "1")
    assert out.startswith(first) and "Unknown command" not in out
    out = said(repl, capsys, "1")  # the list was answered: a number alone is no command now
    assert "Unknown command '1'" in out


def test_a_number_picks_the_ambiguous_side_of_a_comparison(repl: Repl, capsys: pytest.CaptureFixture[str]) -> None:
    out = said(repl, capsys, "compare Moreno vs Shane Kelly")
    assert "which one?" in out
    number = 1 if out.split("1. ")[1].startswith("José") else 2
    out = said(repl, capsys, str(number))
    assert "José Manuel Moreno vs Shane Kelly" in out


def test_a_number_out_of_range_is_said(repl: Repl, capsys: pytest.CaptureFixture[str]) -> None:
    said(repl, capsys, "athlete Moreno")
    assert "Pick a number from 1 to 2" in said(repl, capsys, "7")


def completions(podium: Podium, text: str) -> list[str]:
    return [c.text for c in PodiumCompleter(podium).get_completions(Document(text), CompleteEvent())]


def test_completion_after_vs_completes_the_second_athlete(podium: Podium) -> None:
    found = completions(podium, "compare Jose Moreno vs Shane K")
    assert "Shane Kelly" in found
    (first,) = [c for c in PodiumCompleter(podium).get_completions(Document("compare Moreno vs Kel"), CompleteEvent())]
    assert first.text == "Shane Kelly" and first.start_position == -len("Kel")


def test_completion_for_resolve(podium: Podium) -> None:
    assert completions(podium, "resolve at") == ["athlete"]
    assert "Shane Kelly" in completions(podium, "resolve athlete Shane")
    assert any("time trial" in c for c in completions(podium, "resolve event 1992 time"))


def test_quiz_is_played_inside_the_console(tmp_path: Path) -> None:
    script = f"podium 1932\nquiz --seed 3 --questions 1 --db sqlite:///{tmp_path / 'q.sqlite3'}\nA\n"
    env = {**os.environ, "PODIUM_CACHE_DIR": str(tmp_path / "cache"), "PODIUM_HISTORY_FILE": str(tmp_path / "h")}
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "console"], input=script, capture_output=True, text=True, cwd=ROOT,
        timeout=120, env=env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Dunc Gray" in proc.stdout and "Quiz #1: 1 questions" in proc.stdout and "Final scores" in proc.stdout
    assert "Unknown command" not in proc.stdout and "Traceback" not in proc.stderr
