"""The quiz package stays pure: it never imports storage, the faces, or anything that reads a clock."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

QUIZ = Path(__file__).resolve().parents[2] / "bot" / "quiz"
FORBIDDEN = ("bot.storage", "bot.discord", "bot.console", "bot.quiz_host", "discord", "sqlalchemy", "time")


@pytest.mark.parametrize("module", sorted(QUIZ.glob("*.py")), ids=lambda p: p.name)
def test_the_quiz_package_imports_nothing_above_it(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    bad = [m for m in imported if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)]
    assert bad == [], f"{module.name} imports {bad}"


def test_one_streak_rule() -> None:
    from bot.quiz.scoring import next_streak, streak_step

    assert next_streak(2, streak_step(True, 1.0)) == 3
    assert next_streak(2, streak_step(False, 0.0)) == 0
    assert next_streak(2, streak_step(False, 0.5)) == 2
