"""What the CLI says when a command cannot run: one line, exit 1 (failed) or 2 (bad usage), never a traceback."""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.console.cli import main
from tests.parse import pages

ANSI = "\x1b["


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse's own usage errors
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


@pytest.fixture(autouse=True)
def _root_logging() -> Iterator[None]:
    """`run` and `sync` set up logging on the root logger: put it back as it was."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ------------------------------------------------------------------------------------------ chart --out


def test_chart_out_to_a_missing_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "chart", "1992 time trial", "--out", str(tmp_path / "nope" / "c.png"))
    assert code == 1
    assert "does not exist" in out and str(tmp_path / "nope") in out


def test_chart_out_to_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "pictures.png"
    folder.mkdir()
    code, out, _ = run(capsys, "chart", "1992 time trial", "--out", str(folder))
    assert code == 1
    assert "is a folder" in out


def test_chart_out_under_a_file_cannot_be_written(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, out, _ = run(capsys, "chart", "1992 time trial", "--out", str(blocker / "c.png"))
    assert code == 1
    assert "Cannot write" in out


@pytest.mark.parametrize("out", ["", "  ", "chart.jpg", "chart"])
def test_chart_out_that_is_no_png_name_is_bad_usage(capsys: pytest.CaptureFixture[str], out: str) -> None:
    code, _, err = run(capsys, "chart", "1992 time trial", "--out", out)
    assert code == 2
    assert "--out" in err


def test_chart_never_overwrites_without_force(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "mine.png"
    target.write_bytes(b"precious")
    code, out, _ = run(capsys, "chart", "1992 time trial", "--out", str(target))
    assert code == 1 and "--force" in out
    assert target.read_bytes() == b"precious"
    code, _, _ = run(capsys, "chart", "1992 time trial", "--out", str(target), "--force")
    assert code == 0
    assert target.read_bytes().startswith(b"\x89PNG")


def test_chart_json_is_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "c.png"
    code, out, _ = run(capsys, "chart", "--json", "1992 time trial", "--out", str(target), "--kind", "splits")
    assert code == 0
    answer = json.loads(out)
    assert answer["file"] == str(target) and answer["kind"] == "splits"
    code, out, _ = run(capsys, "chart", "--json", "underwater basket weaving", "--out", str(tmp_path / "d.png"))
    assert code == 1 and "No event matches" in json.loads(out)["error"]


# ------------------------------------------------------------------------------------------- settings


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("PODIUM_DISCORD__DEV_GUILD_IDS", "abc", "PODIUM_DISCORD__DEV_GUILD_IDS"),
        ("PODIUM_DISCORD", "notadict", "PODIUM_DISCORD"),
        ("PODIUM_LOG_LEVEL", "garbage", "PODIUM_LOG_LEVEL"),
        ("PODIUM_QUIZ__REVEAL_SECONDS", "inf", "PODIUM_QUIZ__REVEAL_SECONDS"),
        ("PODIUM_QUIZ__COUNTDOWN_SECONDS", "-3", "PODIUM_QUIZ__COUNTDOWN_SECONDS"),
        ("PODIUM_QUIZ__REVEAL_SECONDS", "1e308", "PODIUM_QUIZ__REVEAL_SECONDS"),
        ("PODIUM_DISCORD__COOLDOWN_SECONDS", "nan", "PODIUM_DISCORD__COOLDOWN_SECONDS"),
        ("PODIUM_QUIZ__SEED", str(2**64), "PODIUM_QUIZ__SEED"),
        ("PODIUM_QUIZ__SEED", "-1", "PODIUM_QUIZ__SEED"),
        ("PODIUM_DATA_DIR", "", "PODIUM_DATA_DIR"),
    ],
)
def test_a_bad_setting_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str, value: str, said: str
) -> None:
    monkeypatch.setenv(name, value)
    code, _out, err = run(capsys, "about")
    assert code == 2
    assert err.count("\n") == 1 and said in err and "Bad setting" in err


def test_a_bad_toml_file_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bad = tmp_path / "settings.toml"
    bad.write_text("log_level = \n[quiz\n", encoding="utf-8")
    monkeypatch.setenv("PODIUM_CONFIG", str(bad))
    code, _, err = run(capsys, "about")
    assert code == 2 and "not valid TOML" in err and err.count("\n") == 1
    monkeypatch.setenv("PODIUM_CONFIG", str(tmp_path / "missing.toml"))
    code, _, err = run(capsys, "about")
    assert code == 2 and "does not exist" in err


def test_a_database_url_password_is_never_shown(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PODIUM_QUIZ__DATABASE_URL", "postgresql://u:hunter2@/x:y:z")
    code, out, err = run(capsys, "quiz", "--seed", "1")
    assert code == 1
    assert "hunter2" not in out + err and "***" in out + err
    monkeypatch.setenv("PODIUM_DISCORD__API_BASE_URL", "ftp://u:hunter2@host/api")
    code, out, err = run(capsys, "about")
    assert code == 2 and "hunter2" not in out + err


@pytest.mark.parametrize(
    "argv",
    [
        ["quiz", "--seed", str(2**64)],
        ["quiz", "--seed", "-5"],
        ["quiz", "--seconds", "inf"],
        ["quiz", "--seconds", "nan"],
        ["quiz", "--questions", "0"],
        ["quiz", "--players", "1000"],
        ["quiz", "--seed", "x"],
    ],
)
def test_quiz_numbers_out_of_range_are_bad_usage(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and "error: argument" in err


# ---------------------------------------------------------------------------------------- data folder


def test_a_missing_data_folder_is_said(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for argv in (["podium", "1992", "--data", "/nope"], ["about", "--data", "/nope"], ["check", "/nope"]):
        code, _, err = run(capsys, *argv)
        assert code == 1 and "does not exist" in err


def test_an_empty_data_folder_is_said(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not a page")
    for argv in (["about", "--data", str(tmp_path)], ["check", str(tmp_path)], ["console", "--data", str(tmp_path)]):
        code, _, err = run(capsys, *argv)
        assert code == 1 and "holds no pages" in err


def test_check_counts_in_the_singular(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(pages.LONG_JUMP, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path))
    assert code == 0
    assert out.strip().endswith("1 event, 5 result rows, 0 problems")


# ------------------------------------------------------------------------------------------ markup


@pytest.mark.parametrize("query", ["[/]", "[link=https://evil.example]Moreno", "[bold red]x[/bold red]", "\\[b]"])
def test_markup_in_a_query_is_plain_text(capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, out, _ = run(capsys, "resolve", "athlete", query)
    assert code == 0
    assert query in out
    code, out, _ = run(capsys, "athlete", query)
    assert code == 1 and query in out


def test_markup_in_page_text_is_plain_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    # (No `/` in it: in a results cell that separates team members.)
    page = pages.LONG_JUMP.replace("Bob Beamon", "Bob [blink red]Beamon")
    assert page != pages.LONG_JUMP
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    code, out, _ = run(capsys, "event", "--data", str(tmp_path), "long jump")
    assert code == 0
    assert "Bob [blink red]Beamon" in out


# ---------------------------------------------------------------------------------------- Discord runs


def test_sync_without_a_token_is_one_plain_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("PODIUM_DISCORD_TOKEN", raising=False)
    monkeypatch.setenv("PODIUM_CONFIG", str(Path(__file__).resolve().parents[2] / "config" / "settings.toml"))
    code, out, err = run(capsys, "sync")
    assert code == 2
    assert err == "DISCORD_TOKEN is not set: syncing needs the bot's token\n" and ANSI not in out + err


@pytest.mark.parametrize("command", ["sync", "run"])
def test_an_unreachable_discord_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    port = closed_port()
    monkeypatch.setenv("DISCORD_TOKEN", "not-a-real-token")
    monkeypatch.setenv("PODIUM_DISCORD__API_BASE_URL", f"http://127.0.0.1:{port}/api/v10")
    monkeypatch.setenv("PODIUM_DISCORD__GATEWAY_URL", f"ws://127.0.0.1:{port}")
    monkeypatch.setenv("PODIUM_LOG_LEVEL", "ERROR")
    code, _out, err = run(capsys, command)
    assert code == 1
    assert f"Cannot reach http://127.0.0.1:{port}/api/v10" in err
    assert ANSI not in err and len(err.strip().splitlines()) == 1


# ------------------------------------------------------------------------------------ unloaded sports


@pytest.mark.parametrize("query", ["curling", "curling 1992", "men's curling", "swimming 100m"])
def test_a_sport_with_no_events_loaded_is_said(capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, out, _ = run(capsys, "podium", query)
    assert code == 1
    sport = "swimming" if query.startswith("swimming") else "curling"
    assert f"No {sport} events are loaded" in out
    assert "Cycling at" not in out and "Athletics at" not in out and "sports loaded: Athletics, Cycling" in out


@pytest.mark.parametrize("query", ["cycling 1992", "1992 time trial", "walk", "track and field 1992"])
def test_a_loaded_sport_is_answered_as_before(capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, out, _ = run(capsys, "podium", query)
    assert "events are loaded" not in out
    assert code == 0 or "which one?" in out


def test_invalid_utf8_on_quiz_stdin_is_read_not_a_crash(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-m", "bot", "quiz", "--seed", "3", "--questions", "1", "--db",
         f"sqlite:///{tmp_path / 'q.sqlite3'}"],
        input=b"P1: \xff\xfe Moreno \xc3\n",
        capture_output=True,
        cwd=root,
        timeout=120,
        env={**os.environ, "PODIUM_CACHE_DIR": str(tmp_path / "cache")},
    )  # fmt: skip
    out = done.stdout.decode("utf-8")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "P1 ✗ '\ufffd\ufffd Moreno \ufffd'" in out and b"Traceback" not in done.stderr


def test_run_on_a_missing_folder_says_so(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    code, out, err = run(capsys, "run", "--data", "/nope")
    assert code == 1 and "does not exist" in err and "Podium console" not in out


def test_compare_says_who_is_ahead_in_words(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(capsys, "compare", "Jose Moreno", "vs", "Shane Kelly")
    assert code == 0
    assert "1 shared event: José Manuel Moreno finished ahead in 1, Shane Kelly in 0" in out
    assert "250 m: 19.007 vs 18.843 — Shane Kelly ahead by 0.164" in out
    assert "500 m: 32.954 vs 33.105 — José Manuel Moreno ahead by 0.151" in out
    assert "(+" not in out and "(-" not in out
