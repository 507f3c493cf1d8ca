"""The question suite (tests/ask/questions.csv) and questions made from a generated corpus: every intent, in
many phrasings, with its expected facts; a confident wrong answer is a failure."""

from __future__ import annotations

from pathlib import Path

from bot.bench.ask import generated_questions, load_suite, run_suite
from bot.core import Podium


def test_the_suite_holds_150_questions_of_every_intent() -> None:
    suite = load_suite()
    assert len(suite) >= 150
    assert {q.expect for q in suite} == {"answer", "clarify", "none"}
    assert len({q.conversation for q in suite if q.conversation}) >= 5


def test_every_suite_question_is_answered_as_expected(suite_podium: Podium) -> None:
    report = run_suite(suite_podium, load_suite())
    assert report.failures == []
    # Every intent the engine knows is asked at least once.
    from bot.ask.engine import INTENTS
    from bot.ask.intents import readings, tidy
    from bot.ask.words import fold_question

    asked = {p.intent for q in load_suite() for p in readings(tidy(fold_question(q.question)))[:1]}
    assert set(INTENTS) <= asked


def test_generated_questions_are_right_or_clarified(corpus: Path, corpus_podium: Podium) -> None:
    questions = generated_questions(corpus_podium, 150, seed=5)
    report = run_suite(corpus_podium, questions)
    assert report.counts["wrong"] == 0, report.failures
    assert report.share("right", "clarified") >= 95.0, report.failures
