"""Hostile input through every face: every CLI command, every console command and every slash command, with empty,
blank, huge, control, ANSI, markup, mention, path and number inputs. Never a traceback: an answer, or one clear
line with exit status 1 (failed) or 2 (bad usage); on Discord, one reply and never a possible mention."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.console.cli import main
from bot.console.repl import Repl
from bot.core import Podium
from tests.conftest import PAGES
from tests.discord.fakes import Recorder, interaction, make_client, recording, run_tree
from tests.discord.loopback import APPLICATION_COMMAND, LoopbackDiscord

HOSTILE = [
    "",
    " ",
    "\t \n ",
    "x" * 10_000,
    "Moreno " * 1_500,
    "\x00\x01\x02\x7f",
    "\x1b[2J\x1b[31mred\x1b[0m",
    "\u200b\u2060\ufeff",
    "\u202eesrever",
    "[/]",
    "[link=https://evil.example]Moreno[/link]",
    "[bold red]1992",
    "**bold** __u__ `code` ||spoiler|| > quote",
    "@everyone",
    "@here <@123456789012345678> <@&123456789012345678> <#123>",
    "/nope/../../etc/passwd",
    "C:\\Windows\\win.ini",
    "-1",
    "--",
    "-5 --json",
    "1e309",
    "nan",
    "9" * 40,
    "%s%n{0}{{}}",
    "'\"unclosed",
    "🏅🥇" * 50,
    "\udcff",
]
IDS = [f"h{i}" for i in range(len(HOSTILE))]


@pytest.fixture(autouse=True)
def _sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files a hostile name creates land in a temporary folder; a quiz gets its own database and no answers."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PODIUM_QUIZ__DATABASE_URL", f"sqlite:///{tmp_path / 'default.sqlite3'}")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


def outcome(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse: bad usage
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def assert_clean(code: int, text: str) -> None:
    assert code in (0, 1, 2), code
    assert "Traceback" not in text and "\x1b[2J" not in text


# --------------------------------------------------------------------------------------------------- CLI


@pytest.mark.parametrize("value", HOSTILE, ids=IDS)
@pytest.mark.parametrize("command", ["event", "podium", "athlete", "records", "chart"])
def test_cli_query_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, value: str) -> None:
    extra = ["--out", str(tmp_path / "c.png")] if command == "chart" else []
    code, text = outcome(capsys, [command, *extra, "--", value] if value.startswith("-") else [command, *extra, value])
    assert_clean(code, text)
    if not value.strip() or not value.replace("\u200b", "").replace("\u2060", "").replace("\ufeff", ""):
        assert code != 0


@pytest.mark.parametrize("value", HOSTILE, ids=IDS)
def test_cli_compare_and_resolve(capsys: pytest.CaptureFixture[str], value: str) -> None:
    for argv in (["compare", value, "vs", "Shane Kelly"], ["compare", value], ["resolve", "athlete", value],
                 ["resolve", "event", value], ["resolve", value, "x"]):  # fmt: skip
        code, text = outcome(capsys, argv)
        assert_clean(code, text)


@pytest.mark.parametrize("value", HOSTILE, ids=IDS)
def test_cli_paths(capsys: pytest.CaptureFixture[str], tmp_path: Path, value: str) -> None:
    for argv in (
        ["check", value],
        ["about", "--data", value],
        ["podium", "--data", value, "1992"],
        ["chart", "1992 time trial", "--out", value],
        ["export", "--out", value],
        ["quiz", "--db", value, "--seed", "1", "--questions", "1"],
    ):
        code, text = outcome(capsys, argv)
        assert_clean(code, text)
        if argv[0] in ("check", "about", "podium", "chart") and value != "--":  # no pages there, no .png name
            assert code != 0, argv


@pytest.mark.parametrize("value", HOSTILE, ids=IDS)
def test_cli_numbers(capsys: pytest.CaptureFixture[str], tmp_path: Path, value: str) -> None:
    db = f"sqlite:///{tmp_path / 'q.sqlite3'}"
    for option in ("--seed", "--questions", "--seconds", "--players", "--sport", "--event"):
        code, text = outcome(capsys, ["quiz", "--db", db, "--questions", "1", option, value])
        assert_clean(code, text)


@pytest.mark.parametrize(
    ("name", "value"),
    list(
        itertools.product(
            [
                "PODIUM_DATA_DIR",
                "PODIUM_LOG_LEVEL",
                "PODIUM_QUIZ__SEED",
                "PODIUM_QUIZ__DATABASE_URL",
                "PODIUM_DISCORD__DEV_GUILD_IDS",
                "PODIUM_DISCORD",
                "PODIUM_QUIZ__REVEAL_SECONDS",
            ],
            ["", "abc", "-1", "inf", "[1,", '{"a": 1}', "x" * 10_000, "\x1b[31m"],
        )
    ),
)
def test_cli_settings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    code, text = outcome(capsys, ["about"])
    assert_clean(code, text)


# ----------------------------------------------------------------------------------------------- console


@pytest.fixture(scope="module")
def repl(podium: Podium) -> Repl:
    return Repl(podium, data_dir=PAGES)


CONSOLE = ["event", "podium", "athlete", "records", "compare", "chart", "resolve athlete", "resolve event", "resolve",
           "check", "export --out", "about", "problems", "help", ""]  # fmt: skip


@pytest.mark.parametrize("value", HOSTILE, ids=IDS)
def test_console_commands(repl: Repl, capsys: pytest.CaptureFixture[str], value: str) -> None:
    for command in CONSOLE:
        line = f"{command} {value}".strip() if command else value
        assert repl.handle(line) is True or line.split()[0] in ("quit", "exit")
        captured = capsys.readouterr()
        assert_clean(0, captured.out + captured.err)
    assert repl.handle("1") and repl.handle("99")  # numbers with or without a list open
    capsys.readouterr()


# ----------------------------------------------------------------------------------------------- Discord


@pytest.fixture
def factory() -> LoopbackDiscord:
    return LoopbackDiscord()


@pytest.fixture
def rec(factory: LoopbackDiscord) -> Iterator[Recorder]:
    with recording(factory) as recorder:
        yield recorder
    assert not recorder.problems, recorder.problems  # within Discord's limits, never a possible mention


SLASH: list[tuple[str, str]] = [
    ("event", "query"),
    ("podium", "query"),
    ("records", "query"),
    ("chart", "query"),
    ("athlete", "name"),
    ("compare", "athlete_a"),
]


@pytest.mark.parametrize("value", [v for v in HOSTILE if "\udcff" not in v], ids=IDS[:-1])
async def test_slash_commands(
    podium: Podium, factory: LoopbackDiscord, rec: Recorder, caplog: pytest.LogCaptureFixture, value: str
) -> None:
    client = make_client(podium, factory)
    for command, option in SLASH:
        options: dict[str, Any] = {option: value}
        if command == "compare":
            options["athlete_b"] = "Shane Kelly"
        before = len(rec.calls)
        ix = factory.build(APPLICATION_COMMAND, factory.command_data(command, options), user=factory.users[0])
        await run_tree(client, interaction(client, ix.payload))
        assert len(rec.calls) > before, (command, value)  # answered
        body = rec.calls[-1].body
        data = body.get("data") or body
        assert "Something went wrong" not in str(data.get("content") or ""), (command, value)
    assert not [r for r in caplog.records if r.exc_info]
