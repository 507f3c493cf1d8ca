"""The quiz on real results pages (the corpus under tests/parse/real/pages): every question sound, the caps held."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bot.bench.quiz_audit import audit
from bot.core import Podium
from bot.quiz.pool import build_pool
from bot.quiz.select import with_choices
from bot.quiz.verify import problems

REAL = Path(__file__).resolve().parents[1] / "parse" / "real" / "pages"
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="no real pages in this checkout")


@pytest.fixture(scope="module")
def real() -> Podium:
    return Podium.load(REAL)


def test_every_question_of_the_real_pages_is_sound(real: Podium) -> None:
    found: list[str] = []
    pool = build_pool(real.index)
    assert len(pool) > 1000
    for q in pool:
        found += problems(q, real.index)
        shown = with_choices(q, random.Random(1))
        if shown is not None:
            found += problems(shown, real.index)
    assert found == []


def test_the_audit_holds_on_the_real_pages(real: Podium) -> None:
    summary = audit(real.index, games=20, questions=10, seed=1).summary()
    assert summary["leaks"] == 0 and summary["worst_kind_share_in_a_game"] <= 0.25
    assert summary["numeric_extreme_share"] <= 0.40 and summary["kinds_never_asked"] == []
