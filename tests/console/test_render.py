"""Terminal tables: they fit 80 columns without breaking a time, a name or a nation inside a word."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from bot.console import render
from bot.core import Podium


def shown(renderable: object, width: int = 80) -> str:
    out = io.StringIO()
    Console(file=out, width=width, highlight=False, color_system=None).print(renderable)
    return out.getvalue()


def test_every_event_fits_80_columns_with_whole_words(podium: Podium) -> None:
    for event_id in podium.index.events:
        answer = podium.event(event_id)
        text = shown(render.render_event(answer))
        assert max(len(line) for line in text.splitlines()) <= 80
        words = set(text.replace("│", " ").split())
        for rnd in answer.rounds:
            for line in rnd.lines:
                for cell in (line.name, line.nation_name or "", line.result or "", line.gap or ""):
                    for word in cell.split():
                        assert word in words, (word, event_id)


def test_columns_empty_in_every_row_are_left_out(podium: Podium) -> None:
    answer = podium.athlete("Hämäläinen")
    assert all(not a.round for a in answer.appearances)
    header = shown(render.render_athlete(answer)).splitlines()[2]
    assert "Games" in header and "Round" not in header and "Notes" not in header


def test_piped_output_is_wide_enough_for_a_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    console = render.make_console()  # pytest's stdout is not a terminal
    assert console.width >= 100
