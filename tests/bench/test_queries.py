"""Benchmark queries, their oracle, and how verdicts are scored."""

from __future__ import annotations

import pytest

from bot.bench.queries import Query, athlete_queries, attach_fits, event_queries, score
from bot.core import Podium


@pytest.fixture(scope="module")
def podium(corpus_podium: Podium) -> Podium:
    return corpus_podium


def test_scoring_the_way_a_user_feels_it() -> None:
    q = Query("athlete", "surname", "Nagy", "a", fits={"a", "b"})
    assert score(q, "match", ["a"]) == "right"
    assert score(q, "match", ["b"]) == "wrong"
    assert score(q, "ambiguous", ["b", "a"]) == "honest"
    assert score(q, "ambiguous", ["b", "c"]) == "missed"
    assert score(q, "none", ["a"]) == "missed"
    alone = Query("athlete", "exact", "Imre Nagy", "a", fits={"a"})
    assert score(alone, "ambiguous", ["a", "b"]) == "missed"  # hedging when only one fits is not honest
    crowd = Query("athlete", "surname", "Smith", "a", fits={f"s{i}" for i in range(40)} | {"a"})
    assert score(crowd, "ambiguous", [f"s{i}" for i in range(25)]) == "honest"  # more fit than a list holds
    assert score(crowd, "ambiguous", [f"s{i}" for i in range(24)] + ["x"]) == "missed"


def test_queries_are_deterministic_and_carry_their_intended_answer(podium: Podium) -> None:
    first = athlete_queries(podium.index, 60, 9)
    assert [(q.text, q.intended) for q in first] == [(q.text, q.intended) for q in athlete_queries(podium.index, 60, 9)]
    attach_fits(podium.index, first)
    assert all(q.intended in q.fits and q.intended in podium.index.athletes for q in first)
    assert {q.variant for q in first} >= {"exact", "surname", "typo1"}
    typo = next(q for q in first if q.variant.startswith("typo"))
    assert typo.clean is not None and typo.text != typo.clean
    events = event_queries(podium.index, 40, 9)
    assert all(q.intended in q.fits and q.intended in podium.index.events for q in events)


def test_the_matcher_beats_the_naive_baseline_on_a_small_corpus(podium: Podium) -> None:
    queries = athlete_queries(podium.index, 80, 4)
    attach_fits(podium.index, queries)
    verdicts = [podium.matcher.resolve_athlete(q.text) for q in queries]
    outcomes = [score(q, v.outcome, [c.id for c in v.candidates]) for q, v in zip(queries, verdicts, strict=True)]
    assert outcomes.count("wrong") == 0
    assert outcomes.count("right") + outcomes.count("honest") >= 0.95 * len(queries)
