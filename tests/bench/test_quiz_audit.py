"""`quiz-audit` on a generated corpus: the caps a host would check hold, and the command prints them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.bench.quiz_audit import audit, render
from bot.core import Podium

ROOT = Path(__file__).resolve().parents[2]


def test_the_audit_holds_the_caps_on_a_generated_corpus(corpus_podium: Podium) -> None:
    summary = audit(corpus_podium.index, games=20, questions=10, seed=1).summary()
    assert summary["games"] == 20 and summary["questions"] == 200
    assert summary["games_capped"] == 20 and summary["worst_kind_share_in_a_game"] <= 0.25
    assert summary["leaks"] == 0
    assert summary["kinds_never_asked"] == []
    positions = summary["right_position"]
    assert summary["four_option_questions"] >= 100
    assert all(0.15 <= share <= 0.35 for share in positions.values()), positions
    assert summary["numeric_questions"] >= 30 and summary["numeric_extreme_share"] <= 0.40
    text = render(summary)
    assert "leaks: 0" in text and "difficulty by kind" in text


def test_the_audit_command_runs_on_the_bundled_pages() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot.bench", "quiz-audit", "--games", "5", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert '"leaks": 0' in done.stdout and '"games": 5' in done.stdout
