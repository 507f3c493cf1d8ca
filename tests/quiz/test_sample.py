"""A game's pool comes from a seeded draw of events: bounded reads, one seed one pool, sound questions."""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from typing import cast

import pytest

from bot.core import Podium
from bot.errors import BadOption
from bot.index import EventStore, PodiumIndex
from bot.models import Event
from bot.quiz.facts import event_group as _event_group
from bot.quiz.model import Question
from bot.quiz.pool import (
    CROSS_GAMES_OTHERS,
    POOL_EVENTS,
    build_pool,
    draw_events,
    fitting_events,
    game_pool,
    pool_of,
)
from bot.quiz.select import pick_questions, with_choices
from bot.quiz.verify import problems
from bot.quiz_host import GameOptions, QuizHost
from bot.storage.repository import QuizRepository

PAGES = POOL_EVENTS + 12  # more events than a draw takes
LIMIT = 12  # a smaller draw where the test wants several


class CountingStore(EventStore):
    """The index's events, noting every event read (decoded or taken from the decoded ones)."""

    def __init__(self, blobs: dict[str, bytes]) -> None:
        super().__init__(blobs)
        self.read: set[str] = set()

    def __getitem__(self, event_id: str) -> Event:
        self.read.add(event_id)
        return super().__getitem__(event_id)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Podium:
    bench = pytest.importorskip("bot.bench.generate", reason="the corpus generator (bot.bench) is not in this tree")
    folder = tmp_path_factory.mktemp("sample")
    bench.generate(folder, PAGES, seed=5)
    podium = Podium.load(folder)
    assert len(podium.index.infos) == PAGES
    return podium


def counting(index: PodiumIndex) -> tuple[PodiumIndex, CountingStore]:
    store = CountingStore(index.events.blobs)
    return dataclasses.replace(index, events=store), store


def keys(questions: list[Question]) -> list[str]:
    return [q.key for q in questions]


def groups_of(index: PodiumIndex, ids: set[str]) -> set[tuple[str, str, str]]:
    return {_event_group(index.infos[eid]) for eid in ids}


def test_draws_deal_every_event_once_sorted_and_leave_a_small_index_alone() -> None:
    events = [f"e{n:03}" for n in range(100, 0, -1)]
    draws = draw_events(events, random.Random(1), 30)
    assert [len(d) for d in draws] == [30, 30, 30, 10]
    assert sorted(e for d in draws for e in d) == sorted(events)
    assert all(d == sorted(d) for d in draws)
    assert draw_events(events, random.Random(1), 30) == draws
    assert draw_events(events, random.Random(2), 30)[0] != draws[0]
    rng = random.Random(1)
    assert draw_events(events[:30], rng, 30) == [events[:30]]  # in their own order, the rng untouched
    assert rng.random() == random.Random(1).random()
    assert draw_events([], rng, 30) == []


def test_a_draw_reads_at_most_its_events_and_a_few_other_games(corpus: Podium) -> None:
    index, store = counting(corpus.index)
    pool = build_pool(index, rng=random.Random(1))
    drawn = set(draw_events(fitting_events(corpus.index), random.Random(1))[0])
    assert len(drawn) == POOL_EVENTS < PAGES
    assert {q.event_id for q in pool} <= drawn
    assert len({q.event_id for q in pool}) > POOL_EVENTS // 2
    extra = store.read - drawn
    # Cross-Games questions alone read other events: the same event at other Games, a few per drawn one.
    assert len(extra) <= CROSS_GAMES_OTHERS * len(drawn)
    assert groups_of(corpus.index, extra) <= groups_of(corpus.index, drawn)


def test_a_filtered_draw_reads_only_what_fits(corpus: Podium) -> None:
    sport = Counter(info.sport for info in corpus.index.infos.values()).most_common(1)[0][0]
    assert sport is not None
    fits = set(fitting_events(corpus.index, sport=sport))
    assert len(fits) > 3
    index, store = counting(corpus.index)
    pool = build_pool(index, sport=sport, rng=random.Random(4), max_events=3)
    drawn = {q.event_id for q in pool}
    assert 0 < len(drawn) <= 3 and drawn <= fits
    assert store.read <= fits  # the other Games of an event of the sport are of the sport
    assert len(store.read) <= 3 * (1 + CROSS_GAMES_OTHERS)


def test_cross_games_questions_read_only_the_nearest_other_games(corpus: Podium) -> None:
    infos = corpus.index.infos
    by_group: dict[tuple[str, str, str], list[str]] = {}
    for eid, info in infos.items():
        by_group.setdefault(_event_group(info), []).append(eid)
    group = max(by_group.values(), key=len)
    assert len(group) >= 3
    one = group[0]
    index, store = counting(corpus.index)
    pool = pool_of(index, [one], others=1)
    assert store.read == {one, _nearest_games(corpus.index, one, group)}
    assert {q.event_id for q in pool} == {one}
    # Without a bound (the full pool), the whole group is read.
    index, store = counting(corpus.index)
    pool_of(index, [one])
    assert store.read == set(group)


def _nearest_games(index: PodiumIndex, eid: str, group: list[str]) -> str:
    year = index.infos[eid].year or 0
    others = [o for o in group if o != eid]
    return min(others, key=lambda o: (abs((index.infos[o].year or 0) - year), index.infos[o].year or 0, o))


def test_one_seed_one_pool_another_seed_another(corpus: Podium) -> None:
    first = build_pool(corpus.index, rng=random.Random(7), max_events=LIMIT)
    assert first == build_pool(corpus.index, rng=random.Random(7), max_events=LIMIT)
    other = build_pool(corpus.index, rng=random.Random(8), max_events=LIMIT)
    assert {q.event_id for q in other} != {q.event_id for q in first}
    assert len(set(keys(first))) == len(first)


def test_every_question_of_a_draw_is_verified(corpus: Podium) -> None:
    pool = build_pool(corpus.index, rng=random.Random(3), max_events=LIMIT)
    assert {q.kind for q in pool} >= {"medal", "place", "athlete_place", "venue", "games", "tf_ahead"}
    index, store = counting(corpus.index)
    found: list[str] = []
    for q in pool:
        store.read.clear()
        found += problems(q, index)
        shown = with_choices(q, random.Random(0))
        if shown is not None:
            found += problems(shown, index)
        # Checking a question reads its event, and for a Games or cross-Games question the same event elsewhere.
        assert q.event_id is not None
        assert groups_of(corpus.index, store.read) == groups_of(corpus.index, {q.event_id}), q.key
    assert found == []


def test_a_small_index_gives_the_full_pool_whatever_the_seed(podium: Podium) -> None:
    full = build_pool(podium.index)
    assert build_pool(podium.index, rng=random.Random(1)) == full
    assert game_pool(podium.index, random.Random(2)) == full
    assert build_pool(podium.index, sport="cycling", rng=random.Random(1)) == build_pool(podium.index, sport="cycling")


def test_a_server_that_used_up_a_draw_gets_the_next_rather_than_repeats(corpus: Podium) -> None:
    first = game_pool(corpus.index, random.Random(5), max_events=LIMIT)
    assert first == build_pool(corpus.index, rng=random.Random(5), max_events=LIMIT)
    asked = set(keys(first))
    wider = game_pool(corpus.index, random.Random(5), asked=asked, fresh=20, max_events=LIMIT)
    assert keys(wider)[: len(first)] == keys(first)
    new = [q for q in wider if q.key not in asked]
    assert len(new) >= 20
    assert not {q.event_id for q in new} & {q.event_id for q in first}
    picked = pick_questions(wider, 10, random.Random(5), asked=asked)
    assert len(picked) == 10 and not set(keys(picked)) & asked
    # Enough new questions in the first draw: nothing more is read.
    assert game_pool(corpus.index, random.Random(5), asked=set(), fresh=20, max_events=LIMIT) == first


def _host(index: PodiumIndex) -> QuizHost:
    return QuizHost(index, cast(QuizRepository, None), owner="test")  # `_pick` never touches the repository


def test_the_host_picks_from_a_draw_one_seed_one_game(corpus: Podium) -> None:
    index, store = counting(corpus.index)
    host = _host(index)
    options = GameOptions(questions=10, mode="buttons", seed=11)
    game = host._pick(options, 11, {})
    assert len(game) == 10
    assert len(store.read) <= POOL_EVENTS * (1 + CROSS_GAMES_OTHERS)
    assert keys(host._pick(options, 11, {})) == keys(game)
    assert [q.choices for q in host._pick(options, 11, {})] == [q.choices for q in game]
    assert keys(host._pick(options, 12, {})) != keys(game)
    # The server's memory: what this game asked is not asked again by the next one with the same seed.
    again = host._pick(options, 11, {key: 1.0 for key in keys(game)})
    assert len(again) == 10 and not set(keys(again)) & set(keys(game))


def test_unknown_options_still_fail_before_anything_is_read(corpus: Podium) -> None:
    index, store = counting(corpus.index)
    with pytest.raises(BadOption):
        build_pool(index, sport="quidditch", rng=random.Random(1))
    with pytest.raises(BadOption):
        build_pool(index, event_id="no-such-event", rng=random.Random(1))
    assert store.read == set()
