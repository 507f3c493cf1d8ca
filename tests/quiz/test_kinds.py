"""Each kind is one unit: it generates its questions and checks them, and a check catches a question gone wrong."""

from __future__ import annotations

import pytest

from bot.core import Podium
from bot.quiz.kinds import KINDS
from bot.quiz.model import Question
from bot.quiz.pool import build_pool
from bot.quiz.verify import problems
from tests.quiz.tricky_pages import write_pages


@pytest.fixture(scope="module")
def pools(podium: Podium, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Podium, list[Question]]]:
    folder = tmp_path_factory.mktemp("tricky")
    write_pages(folder)
    tricky = Podium.load(folder)
    return [(podium, build_pool(podium.index)), (tricky, build_pool(tricky.index))]


def test_every_kind_generates_only_its_own_questions_with_typed_params(
    pools: list[tuple[Podium, list[Question]]],
) -> None:
    seen = set()
    for _, pool in pools:
        for q in pool:
            kind = KINDS[q.kind]
            assert kind.name == q.kind
            assert kind.params(q).model_dump() == q.params  # the params are exactly the kind's, typed
            seen.add(q.kind)
    # The bundled and tricky pages exercise most kinds; the ones they cannot have are named.
    assert set(KINDS) - seen <= {"team_medal"}, set(KINDS) - seen


def test_a_check_catches_a_wrong_answer_of_every_kind(pools: list[tuple[Podium, list[Question]]]) -> None:
    caught: set[str] = set()
    for podium, pool in pools:
        for q in pool:
            if q.kind in caught or not q.distractors or q.answer_type == "number":
                continue
            wrong = q.distractors[0]
            bad = q.model_copy(update={"answer": wrong, "accepted": [wrong], "distractors": q.accepted})
            assert problems(q, podium.index) == [], q.key
            assert problems(bad, podium.index), f"{q.key}: {wrong!r} taken as its answer went unnoticed"
            caught.add(q.kind)
    assert len(caught) >= 12, caught


def test_params_of_another_kind_are_refused(podium: Podium) -> None:
    q = next(q for q in build_pool(podium.index) if q.kind == "medal")
    bad = q.model_copy(update={"params": {"rank": 3}})
    (problem,) = problems(bad, podium.index)
    assert "are not a medal's" in problem
