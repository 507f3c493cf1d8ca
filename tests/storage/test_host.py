"""Games through the QuizHost, written as they go: on both engines, with a crash (kill -9) in the middle."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from bot.core import Podium
from bot.quiz.session import AnswerResult, GameEnded, QuestionClosed, QuestionOpened, Standing
from bot.quiz_host import AnswerNotSaved, GameOptions, QuizHost
from bot.storage.engine import StorageFault
from bot.storage.repository import ChannelBusy, QuizRepository
from tests.quiz.helpers import at

ROOT = Path(__file__).resolve().parents[2]


def right_choice(host: QuizHost, channel: str) -> int:
    live = host.game_in(channel)
    assert live is not None and live.session.current is not None
    q = live.session.current
    return q.choices.index(next(c for c in q.choices if c in q.answer.split(" / ")))


async def test_a_full_game_is_written_as_it_goes(repo: QuizRepository, podium: Podium) -> None:
    host = QuizHost(podium.index, repo, owner="shard:0", reveal_seconds=5)
    live, events = await host.start(
        guild_id="g", channel_id="c", host_id="h", options=GameOptions(questions=3, seed=7), now=at(0)
    )
    assert isinstance(events[0], QuestionOpened) and live.seed == 7
    t = 0.0
    ended = None
    for _ in range(3):
        await host.answer("c", "ann", "Ann", at(t + 1), choice=right_choice(host, "c"))
        await host.answer("c", "bob", "Bob", at(t + 2), text="certainly not this")
        events = await host.tick("c", at(t + 20))
        assert isinstance(events[0], QuestionClosed)
        if isinstance(events[-1], GameEnded):
            ended = events[-1]
            break
        t += 25
        assert isinstance((await host.tick("c", at(t)))[0], QuestionOpened)
    assert ended is not None and host.game_in("c") is None
    game = await repo.game(live.game_id)
    assert game.status == "finished" and game.seed == 7 and game.question_count == 3
    assert [(s.player_id, s.points) for s in await repo.standings(live.game_id)] == [
        (s.player_id, s.points) for s in ended.standings
    ]
    asked = await repo.asked(live.game_id)
    assert [a.question for a in asked] == list(live.session.questions) and all(a.closed for a in asked)
    game_id, text = await host.export("c")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert game_id == live.game_id and len(rows) == 6 and {r["player"] for r in rows} == {"Ann", "Bob"}
    board = await host.leaderboard("g", at(100))
    assert board[0].player_id == "ann" and board[0].correct == 3


async def test_no_repeats_in_a_server_and_one_game_per_channel(repo: QuizRepository, podium: Podium) -> None:
    host = QuizHost(podium.index, repo, owner="shard:0")
    first, _ = await host.start(guild_id="g", channel_id="c1", host_id="h", options=GameOptions(questions=8, seed=1),
                                now=at(0))  # fmt: skip
    with pytest.raises(ChannelBusy):
        await host.start(guild_id="g", channel_id="c1", host_id="h", options=GameOptions(), now=at(1))
    # Another channel of the same server, at the same time: none of the first game's questions.
    second, _ = await host.start(guild_id="g", channel_id="c2", host_id="h", options=GameOptions(questions=8, seed=1),
                                 now=at(2))  # fmt: skip
    keys1 = {q.key for q in first.session.questions}
    keys2 = {q.key for q in second.session.questions}
    assert not keys1 & keys2
    # Another server may get the very same questions: the memory is per server.
    third, _ = await host.start(guild_id="g2", channel_id="c3", host_id="h", options=GameOptions(questions=8, seed=1),
                                now=at(3))  # fmt: skip
    assert [q.key for q in third.session.questions] == [q.key for q in first.session.questions]


async def test_concurrent_games_never_mix_answers(repo: QuizRepository, podium: Podium) -> None:
    host = QuizHost(podium.index, repo, owner="shard:0")
    a, _ = await host.start(guild_id="g", channel_id="ca", host_id="h", options=GameOptions(questions=2, seed=3),
                            now=at(0))  # fmt: skip
    b, _ = await host.start(guild_id="g", channel_id="cb", host_id="h", options=GameOptions(questions=2, seed=4),
                            now=at(0))  # fmt: skip
    await host.answer("ca", "ann", "Ann", at(1), choice=right_choice(host, "ca"))
    await host.answer("cb", "bob", "Bob", at(1), choice=right_choice(host, "cb"))
    await host.answer("cb", "ann", "Ann", at(2), choice=(right_choice(host, "cb") + 1) % 2)
    assert [s.player_id for s in host.scores("ca")] == ["ann"]
    assert [s.player_id for s in host.scores("cb")] == ["bob", "ann"]
    assert {r.player_id for r in await repo.export_rows(a.game_id)} == {"ann"}
    assert [(s.player_id, s.correct) for s in await repo.standings(b.game_id)] == [("bob", 1), ("ann", 0)]
    assert (await host.answer("nowhere", "ann", "Ann", at(3), choice=0)).outcome == "closed"


async def test_a_restarted_host_closes_the_cut_off_game(repo: QuizRepository, podium: Podium) -> None:
    host = QuizHost(podium.index, repo, owner="shard:0")
    live, _ = await host.start(guild_id="g", channel_id="c", host_id="h", options=GameOptions(questions=3, seed=5),
                               now=at(0))  # fmt: skip
    await host.answer("c", "ann", "Ann", at(1), choice=right_choice(host, "c"))
    # A second process of the same role does not touch a game whose owner is alive:
    second = QuizHost(podium.index, repo, owner="shard:0")
    assert await second.recover(at(30)) == []
    assert (await repo.game(live.game_id)).status == "running"
    # The process dies here (its lease goes with it). A new one starts with the same role:
    await repo.release(host.instance)
    again = QuizHost(podium.index, repo, owner="shard:0")
    cut = await again.recover(at(60))
    assert [c.game.id for c in cut] == [live.game_id]
    assert cut[0].standings[0].player_id == "ann" and cut[0].answers_kept == 1
    other = QuizHost(podium.index, repo, owner="shard:1")
    assert await other.recover(at(61)) == []


def table(rows: list[Standing]) -> list[tuple[str, int, int, int]]:
    return [(s.player_id, s.points, s.correct, s.answered) for s in rows]


async def test_an_answer_whose_write_fails_is_not_counted_and_can_be_given_again(
    repo: QuizRepository, podium: Podium, monkeypatch: pytest.MonkeyPatch
) -> None:
    host = QuizHost(podium.index, repo, owner="shard:0")
    live, _ = await host.start(guild_id="g", channel_id="c", host_id="h", options=GameOptions(questions=2, seed=7),
                               now=at(0))  # fmt: skip
    fault = StorageFault(OperationalError("INSERT INTO answers", {}, Exception("disk I/O error")), "write to")
    record, failures = repo.record_answer, [fault]

    async def flaky(game_id: int, result: AnswerResult) -> bool:
        if failures:
            raise failures.pop()
        return await record(game_id, result)

    monkeypatch.setattr(repo, "record_answer", flaky)
    with pytest.raises(AnswerNotSaved, match="Could not save your answer — try again"):
        await host.answer("c", "ann", "Ann", at(1), choice=right_choice(host, "c"))
    # Nothing of the lost answer counts: not in the game, not in the database.
    assert host.scores("c") == [] and live.session.answered_by() == set() and live.session.answers == []
    retry = await host.answer("c", "ann", "Ann", at(2), choice=right_choice(host, "c"))
    assert retry.accepted and retry.result is not None and retry.result.correct
    assert table(host.scores("c")) == table(await repo.standings(live.game_id)) == [("ann", retry.result.points, 1, 1)]
    assert [(r.player_id, r.points) for r in await repo.export_rows(live.game_id)] == [("ann", retry.result.points)]
    board = await host.leaderboard("g", at(3))
    assert [(r.player_id, r.points) for r in board] == [("ann", retry.result.points)]


async def test_an_answer_another_process_stored_first_is_the_one_that_counts(
    repo: QuizRepository, podium: Podium
) -> None:
    host = QuizHost(podium.index, repo, owner="shard:0")
    live, _ = await host.start(guild_id="g", channel_id="c", host_id="h", options=GameOptions(questions=2, seed=7),
                               now=at(0))  # fmt: skip
    right = right_choice(host, "c")
    # Another process serving this game took Ann's first answer, a wrong one, a moment earlier.
    theirs = live.session.evaluate("ann", "Ann", at(1), choice=(right + 1) % 2)
    assert theirs.result is not None and not theirs.result.correct
    assert await repo.record_answer(live.game_id, theirs.result)
    ours = await host.answer("c", "ann", "Ann", at(2), choice=right)
    assert ours.outcome == "duplicate" and ours.result is not None and not ours.result.correct
    assert table(host.scores("c")) == table(await repo.standings(live.game_id)) == [("ann", 0, 0, 1)]
    again = await host.answer("c", "ann", "Ann", at(3), choice=right)
    assert again.outcome == "duplicate" and table(host.scores("c")) == [("ann", 0, 0, 1)]
    assert [(r.player_id, r.correct) for r in await repo.export_rows(live.game_id)] == [("ann", False)]


CHILD = """
import asyncio, sys
from bot.core import Podium
from bot.quiz_host import AnswerNotSaved, GameOptions, QuizHost
from bot.storage.repository import QuizRepository
from tests.quiz.helpers import at

async def main(url):
    repo = await QuizRepository.open(url)
    host = QuizHost(Podium.load().index, repo, owner="console")
    live, _ = await host.start(guild_id="g", channel_id="c", host_id="h",
                               options=GameOptions(questions=5, seed=9), now=at(0))
    q = live.session.current
    await host.answer("c", "ann", "Ann", at(1), choice=q.choices.index(q.answer.split(" / ")[0]))
    await host.answer("c", "bob", "Bob", at(2), text="wrong, surely")
    await host.tick("c", at(20))
    await host.tick("c", at(25))
    await host.answer("c", "ann", "Ann", at(27), text="zzz")
    print("READY", live.game_id, flush=True)
    await asyncio.Event().wait()  # alive until killed

asyncio.run(main(sys.argv[1]))
"""


async def test_kill_9_loses_nothing_answered(database_url: str) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, database_url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("READY"), line
        game_id = int(line.split()[1])
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        assert child.stdout is not None
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    repo = await QuizRepository.open(database_url)
    try:
        rows = await repo.export_rows(game_id)
        assert [(r.question, r.player_id) for r in rows] == [(1, "ann"), (1, "bob"), (2, "ann")]
        cut = await repo.recover(at(100), owners=["console"])
        assert [c.game.id for c in cut] == [game_id]
        assert [(s.player_id, s.correct) for s in cut[0].standings] == [("ann", 1), ("bob", 0)]
        asked = await repo.asked(game_id)
        assert [a.number for a in asked] == [1, 2] and all(a.closed for a in asked)
    finally:
        await repo.close()
