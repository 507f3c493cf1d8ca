"""The CLI through its public entry point, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.console.cli import main
from tests.parse import pages

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_podium_1992_time_trial(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "podium", "--json", "1992 time trial")
    assert code == 0
    answer = json.loads(out)
    assert [(p["medal"], p["name"], p["nation"], p["result"], p["gap"]) for p in answer["places"]] == [
        ("gold", "José Manuel Moreno", "ESP", "1:03.342", None),
        ("silver", "Shane Kelly", "AUS", "1:04.288", "+0.946"),
        ("bronze", "Erin Hartwell", "USA", "1:04.753", "+1.411"),
    ]
    assert answer["event"]["url"].startswith("https://en.wikipedia.org/wiki/Cycling_at_the_1992_Summer_Olympics")


def test_podium_text_names_the_nations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "podium", "1992 time trial")
    assert code == 0
    for expected in ("José Manuel Moreno", "(ESP)", "Shane Kelly", "(AUS)", "Erin Hartwell", "(USA)", "1:03.342"):
        assert expected in out


def test_athlete_consonni_shows_tied_fourth(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "athlete", "--json", "Consonni")
    assert code == 0
    answer = json.loads(out)
    (appearance,) = answer["appearances"]
    assert appearance["event"]["year"] == 1932
    assert (appearance["line"]["rank_text"], appearance["line"]["tied"]) == ("=4", True)
    code, out = run(capsys, "athlete", "Consonni")
    assert "=4" in out and "1932" in out


def test_event_lists_unknown_status_rows_last_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "event", "--json", "20 kilometres walk")
    assert code == 0
    lines = json.loads(out)["rounds"][0]["lines"]
    assert len(lines) == 42
    assert [line["status_text"] for line in lines[32:]] == ["no result listed (status unknown)"] * 10
    assert lines[1]["gap"] == "+40" and lines[0]["gap"] is None


def test_records_marks_corrections(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "records", "--json", "walk")
    records = json.loads(out)["records"]
    assert [(r["kind"], r["corrected"], r["value"]) for r in records] == [
        ("World Record", True, 4693.0),
        ("Olympic Record", True, 4797.0),
    ]
    code, out = run(capsys, "records", "1932")
    assert code == 0 and "no records table" in out


def test_unknown_query_is_a_friendly_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "podium", "underwater basket weaving")
    assert code == 1
    assert "No event matches" in out and "Traceback" not in out


def test_ambiguous_query_lists_choices(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "podium", "--json", "time trial")
    assert code == 1
    names = [c["name"] for c in json.loads(out)["candidates"]]
    assert names == [
        "Cycling at the 1992 Summer Olympics – Men's track time trial",
        "Cycling at the 1932 Summer Olympics – Men's track time trial",
    ]


def test_check_reports_broken_pages_and_exits_nonzero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text(pages.LONG_JUMP, encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\xff\x00binary")
    code, out = run(capsys, "check", str(tmp_path))
    assert code == 1
    assert "broken.txt: binary file" in out
    assert "1 event, 5 result rows, 1 problem\n" in out
    code, out = run(capsys, "check", str(ROOT / "data" / "pages"))
    assert code == 0 and "3 events, 83 result rows, 0 problems" in out


def test_export_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "export")
    doc = json.loads(out)
    assert code == 0 and doc["problems"] == []
    event = next(e for e in doc["events"] if e["year"] == 1932)
    for key in ("title", "sport", "event", "gender", "year", "season", "venue", "date", "competitors", "nations"):
        assert key in event
    assert event["medals"][0] == {
        "medal": "gold",
        "name": "Dunc Gray",
        "noc": "AUS",
        "members": [],
        "source": "infobox",
        "names_nation": False,
    }
    row = event["rounds"][0]["results"][4]
    assert (row["name"], row["rank"], row["tied"], row["nation"], row["value"]) == (
        "Luigi Consonni",
        4,
        True,
        None,
        74.7,
    )
    assert row["splits"] == {"Lap 1": 27.9, "Lap 2": 53.2}


def test_data_option_loads_another_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "lj.txt").write_text(pages.LONG_JUMP, encoding="utf-8")
    code, out = run(capsys, "podium", "--json", "--data", str(tmp_path), "long jump")
    assert code == 0
    assert json.loads(out)["places"][0]["name"] == "Bob Beamon"


def test_console_reads_commands_from_stdin(tmp_path: Path) -> None:
    script = "help\npodium 1932\nathlete Consonni\nbogus\nquit\n"
    env = {**os.environ, "PODIUM_CACHE_DIR": str(tmp_path / "cache"), "PODIUM_HISTORY_FILE": str(tmp_path / "h")}
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        input=script,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Dunc Gray" in proc.stdout and "=4" in proc.stdout
    assert "Unknown command 'bogus'" in proc.stdout


def test_compare_head_to_head(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "compare", "--json", "Jose Moreno", "vs", "Shane Kelly")
    assert code == 0
    answer = json.loads(out)
    assert (answer["a_name"], answer["b_name"], answer["a_ahead"], answer["b_ahead"]) == (
        "José Manuel Moreno",
        "Shane Kelly",
        1,
        0,
    )
    (meeting,) = answer["meetings"]
    assert meeting["gap"] == "0.946"
    assert [s["label"] for s in meeting["splits"]] == ["250 m", "500 m", "750 m"]


def test_compare_needs_two_names(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "compare", "Moreno")
    assert code == 1 and "Name two athletes" in out


def test_about_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "about", "--json")
    about = json.loads(out)
    assert code == 0 and (about["events"], about["result_rows"], about["problems"]) == (3, 83, [])


def test_chart_writes_a_png(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "gaps.png"
    code, out = run(capsys, "chart", "1992 time trial", "--out", str(out_file))
    assert code == 0 and "gaps chart written" in out
    assert out_file.read_bytes().startswith(b"\x89PNG")


def test_no_gaps_when_the_winners_result_is_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = pages.page(
        "Athletics at the 1904 Summer Olympics – Men's 60 metres",
        {},
        "==Final==\n| Rank | Athlete | Time |\n| 1 | Archie Hahn | Unknown |\n| 2 | William Hogenson | 7.2 |",
    )
    (tmp_path / "60m.txt").write_text(page, encoding="utf-8")
    code, out = run(capsys, "event", "--json", "--data", str(tmp_path), "60 metres")
    lines = json.loads(out)["rounds"][0]["lines"]
    assert code == 0 and [line["gap"] for line in lines] == [None, None]


@pytest.mark.parametrize(
    ("env", "said"),
    [
        ({"PODIUM_DISCORD__SHARD_IDS": "[0,1]"}, "discord.shard_ids (PODIUM_DISCORD__SHARD_IDS): shard_ids needs "
         "shard_count too"),
        ({"PODIUM_DISCORD__SHARD_COUNT": "2", "PODIUM_DISCORD__SHARD_IDS": "[1,2]"}, "shard ids run from 0 to 1"),
        ({"PODIUM_DISCORD__API_BASE_URL": "127.0.0.1:8080/api/v10"},
         "discord.api_base_url (PODIUM_DISCORD__API_BASE_URL): must be a http:// or https:// URL"),
        ({"PODIUM_DISCORD__GATEWAY_URL": "http://127.0.0.1:8081"}, "must be a ws:// or wss:// URL"),
        ({"PODIUM_QUIZ__DEFAULT_SECONDS": "1"}, "quiz.default_seconds (PODIUM_QUIZ__DEFAULT_SECONDS)"),
    ],
)  # fmt: skip
def test_a_bad_setting_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], env: dict[str, str], said: str
) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)  # whatever happens, nothing connects anywhere
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["run"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.splitlines()) == 1
    assert captured.err.startswith("python -m bot: Bad setting") and said in captured.err


def test_a_bad_setting_stops_the_real_command_without_a_traceback(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PODIUM_") and k != "DISCORD_TOKEN"}
    env.update({"PODIUM_DISCORD__SHARD_IDS": "[0,1]", "DISCORD_TOKEN": "not-a-token", "PYTHONPATH": str(ROOT)})
    # Were the setting accepted, the bot would go no further than a closed local port.
    env.update(
        {
            "PODIUM_DISCORD__API_BASE_URL": "http://127.0.0.1:1/api/v10",
            "PODIUM_DISCORD__GATEWAY_URL": "ws://127.0.0.1:1",
        }
    )
    done = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "python -m bot: Bad setting: discord.shard_ids (PODIUM_DISCORD__SHARD_IDS): shard_ids needs shard_count "
        "too (the total number of shards of the bot)."
    ]
