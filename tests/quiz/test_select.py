"""Picking questions: seeded, no repeats in a game, nor in a server until the pool runs out; sound options."""

from __future__ import annotations

import itertools
import random
from collections import Counter

import pytest

from bot.core import Podium
from bot.quiz.model import Question
from bot.quiz.pool import build_pool
from bot.quiz.select import kind_cap, pick_questions, right_choices, with_choices


@pytest.fixture(scope="module")
def pool(podium: Podium) -> list[Question]:
    return build_pool(podium.index)


def test_a_seed_replays_exactly(pool: list[Question]) -> None:
    first = pick_questions(pool, 10, random.Random(7))
    again = pick_questions(pool, 10, random.Random(7))
    other = pick_questions(pool, 10, random.Random(8))
    assert first == again
    assert [q.key for q in first] != [q.key for q in other]


def test_no_repeats_in_a_game_and_options_are_sound(pool: list[Question]) -> None:
    for seed in range(5):
        game = pick_questions(pool, 25, random.Random(seed))
        assert len(game) == 25
        assert len({q.key for q in game}) == 25
        for q in game:
            assert len(right_choices(q)) == 1, q.key
            assert len(q.choices) == (2 if q.is_binary else 4)
            assert len(set(q.choices)) == len(q.choices)


def test_kinds_are_mixed(pool: list[Question]) -> None:
    game = pick_questions(pool, 12, random.Random(3))
    kinds = [q.kind for q in game]
    assert all(a != b for a, b in itertools.pairwise(kinds))
    assert len(set(kinds)) >= 6


def test_no_repeats_in_a_server_until_the_pool_runs_out(podium: Podium) -> None:
    pool = build_pool(podium.index, event_id="cycling-1932-mens-track-time-trial", difficulty=1)
    size = len(pool)
    assert size >= 5
    asked: dict[str, float] = {}
    rng = random.Random(1)
    seen: list[str] = []
    games = 0
    while len(set(seen)) < size:
        game = pick_questions(pool, 3, rng, asked=set(asked), last_asked=asked, choices=False)
        keys = [q.key for q in game]
        fresh_left = size - len(set(seen))
        # Every question of a game is new to the server as long as enough new ones are left.
        assert len(set(keys) - set(seen)) == min(3, fresh_left)
        seen += keys
        for k in keys:
            asked[k] = games
        games += 1
    # Once the pool has run out, the questions asked longest ago come back first: the very oldest leads (then a game
    # mixes kinds and passes over give-aways before it goes by age alone).
    again = pick_questions(pool, 3, rng, asked=set(asked), last_asked=asked, choices=False)
    assert len({q.key for q in again}) == 3
    assert asked[again[0].key] == min(asked.values())


def test_typed_mode_has_no_options_and_may_ask_what_buttons_cannot(pool: list[Question]) -> None:
    typed = pick_questions(pool, len(pool), random.Random(2), choices=False)
    buttons = pick_questions(pool, len(pool), random.Random(2))
    assert all(not q.choices for q in typed)
    assert len(typed) == len(pool)
    # Venues and Games have too few settled wrong answers in three pages for four buttons.
    assert {q.kind for q in typed} - {q.kind for q in buttons} == {"venue", "games"}


def test_a_game_warms_up_from_easy_to_hard(pool: list[Question]) -> None:
    for seed in range(3):
        levels = [q.difficulty for q in pick_questions(pool, 9, random.Random(seed))]
        assert levels == sorted(levels) and levels[0] == 1 and levels[-1] == 3


def test_no_kind_over_a_quarter_and_nothing_given_away(pool: list[Question]) -> None:
    from bot.quiz.overlap import leaks, rows_of

    kinds_seen: set[str] = set()
    for seed in range(12):
        game = pick_questions(pool, 10, random.Random(seed))
        assert len(game) == 10
        assert max(Counter(q.kind for q in game).values()) <= 2  # 25 % of 10, the pool offers 13 kinds
        assert leaks(game) == []
        rows = [row for q in game for row in rows_of(q)]
        assert len(rows) == len(set(rows))  # no two questions about one row
        kinds_seen |= {q.kind for q in game}
    # Every kind buttons can ask on these pages turns up within a dozen games.
    offered = {q.kind for q in pool if with_choices(q, random.Random(0)) is not None}
    assert kinds_seen == offered


def test_an_answer_named_in_an_earlier_question_is_a_leak(pool: list[Question]) -> None:
    from bot.quiz.overlap import leaks

    sixth = next(q for q in pool if q.kind == "place" and q.params["rank"] == 6 and "20km-walk" in q.key)
    where = next(q for q in pool if q.kind == "athlete_place" and q.params["name"] == sixth.answer)
    assert leaks([sixth, where]) == [(2, "row")]
    venue = next(q for q in pool if q.kind == "venue")
    named = sixth.model_copy(update={"choices": [venue.answer, "x", "y", "z"]})
    assert leaks([named, venue]) == [(2, "named")] and leaks([venue, sixth]) == []


def test_the_cap_relaxes_only_when_the_pool_offers_few_kinds() -> None:
    assert kind_cap(10, 13) == 2 and kind_cap(20, 6) == 5 and kind_cap(10, 5) == 2 and kind_cap(10, 3) == 4
    assert kind_cap(3, 8) == 1 and kind_cap(1, 1) == 1


def test_no_tells_in_the_options(pool: list[Question]) -> None:
    from bot.quiz.select import option_value

    shown = [q for seed in range(40) for q in pick_questions(pool, 10, random.Random(seed))]
    # A tie is marked in no option (a lone `=4th` stood out).
    assert not any(c.startswith("=") for q in shown for c in q.choices)
    # A numeric answer has options on both sides where the data allows: the winning time is not always the fastest.
    ranks: Counter[int] = Counter()
    for q in shown:
        if q.kind in ("winning_result", "record", "count", "margin") and len(q.choices) == 4:
            values = [option_value(q, c) for c in q.choices]
            assert None not in values
            ranks[sorted(values).index(values[right_choices(q)[0]])] += 1  # type: ignore[type-var]
    assert sum(ranks.values()) >= 40 and all(ranks[r] > 0 for r in range(4))
    assert (ranks[0] + ranks[3]) / sum(ranks.values()) <= 0.45
    # Split duels name the two in an order that does not give the answer away.
    duels = [q for q in pool if q.kind == "split_duel"]
    first = sum(1 for q in duels if q.prompt.rsplit(", ", 1)[1].startswith(q.answer + " or "))
    assert len(duels) >= 30 and 0.3 <= first / len(duels) <= 0.7
