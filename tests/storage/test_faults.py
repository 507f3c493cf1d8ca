"""Storage faults in the middle of a game, on real databases: a lock held past the timeout, a full disk, a read-only
file system, a damaged file, a NUL byte. The player is told in one line, the answer is not acknowledged and does
not count, the game goes on, and its writes catch up when storage recovers.

The full and read-only file systems are a small tmpfs mounted for the test (as root, as in CI); elsewhere those
tests skip with the reason.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from bot.core import Podium
from bot.quiz.session import GameEnded, QuestionClosed, QuestionOpened
from bot.quiz_host import AnswerNotSaved, GameOptions, LiveGame, QuizHost
from bot.storage.engine import DatabaseUnavailable, StorageFault, resolve_url
from bot.storage.repository import QuizRepository
from tests.quiz.helpers import at
from tests.storage.conftest import POSTGRES_ENV, postgres_url, reset_postgres

LOCK_TIMEOUT = 0.2


def right_choice(live: LiveGame) -> int:
    q = live.session.current
    assert q is not None
    return q.choices.index(next(c for c in q.choices if c in q.answer.split(" / ")))


async def start(repo: QuizRepository, podium: Podium, questions: int = 2) -> tuple[QuizHost, LiveGame]:
    host = QuizHost(podium.index, repo, owner="shard:0", reveal_seconds=5)
    live, _ = await host.start(
        guild_id="g", channel_id="c", host_id="h", options=GameOptions(questions=questions, seed=7), now=at(0)
    )
    return host, live


async def play_to_the_end(host: QuizHost, live: LiveGame, start_at: float) -> GameEnded:
    t = start_at
    for _ in range(100):
        for event in await host.tick("c", at(t)):
            if isinstance(event, GameEnded):
                return event
        t += 10
    raise AssertionError("the game never ended")


@pytest.fixture
async def quick_repo(database_url: str) -> AsyncIterator[QuizRepository]:
    opened = await QuizRepository.open(database_url, lock_timeout=LOCK_TIMEOUT)
    try:
        yield opened
    finally:
        await opened.close()


@contextlib.asynccontextmanager
async def answers_locked(database_url: str) -> AsyncIterator[None]:
    """Another connection holds the write lock (SQLite) or a lock on the answers table (PostgreSQL)."""
    if database_url.startswith("sqlite"):
        path = resolve_url(database_url).database
        assert path is not None
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    engine = create_async_engine(resolve_url(database_url))
    try:
        async with engine.connect() as conn, conn.begin():
            await conn.execute(sa.text("LOCK TABLE answers IN ACCESS EXCLUSIVE MODE"))
            yield
    finally:
        await engine.dispose()


async def test_a_lock_held_past_the_timeout_refuses_the_answer_and_the_game_goes_on(
    database_url: str, quick_repo: QuizRepository, podium: Podium
) -> None:
    host, live = await start(quick_repo, podium)
    async with answers_locked(database_url):
        with pytest.raises(AnswerNotSaved) as refused:
            await host.answer("c", "ann", "Ann", at(1), choice=right_choice(live))
        assert str(refused.value) == "Could not save your answer — try again."
        assert live.session.answered_by() == set() and host.scores("c") == []
    again = await host.answer("c", "ann", "Ann", at(2), choice=right_choice(live))
    assert again.accepted and again.result is not None
    ended = await play_to_the_end(host, live, 30)
    assert [(s.player_id, s.points) for s in ended.standings] == [("ann", again.result.points)]
    assert [(s.player_id, s.points) for s in await quick_repo.standings(live.game_id)] == [("ann", again.result.points)]
    assert (await quick_repo.game(live.game_id)).status == "finished"


async def test_writes_refused_during_a_tick_wait_and_catch_up(
    database_url: str, quick_repo: QuizRepository, podium: Podium
) -> None:
    host, live = await start(quick_repo, podium, questions=2)
    async with answers_locked(database_url):
        events = await host.tick("c", at(25))
        assert [type(e) for e in events] == [QuestionClosed, QuestionOpened] and live.session.number == 2
        # On SQLite every write waits for the lock (the close and the next ask wait); PostgreSQL locked answers.
        assert len(live.unsaved) == (2 if database_url.startswith("sqlite") else 0)
    # The database is back: the next answer writes what waited first, then itself.
    outcome = await host.answer("c", "bob", "Bob", at(27), choice=right_choice(live))
    assert outcome.accepted and live.unsaved == []
    asked = await quick_repo.asked(live.game_id)
    assert [a.number for a in asked] == [1, 2] and asked[0].closed is not None
    ended = await play_to_the_end(host, live, 60)
    assert [s.player_id for s in ended.standings] == ["bob"]
    assert host.game_in("c") is None


async def test_a_nul_byte_in_an_answer_is_stored(repo: QuizRepository, podium: Podium) -> None:
    host = QuizHost(podium.index, repo, owner="shard:0")
    live, _ = await host.start(
        guild_id="g",
        channel_id="c",
        host_id="h",
        options=GameOptions(questions=1, seed=3, mode="typed"),
        now=at(0),
    )
    outcome = await host.answer("c", "ann", "Ann\x00<@everyone>", at(1), text="Moreno\x00; DROP TABLE answers")
    assert outcome.accepted
    (row,) = await repo.export_rows(live.game_id)
    assert row.given == "Moreno\ufffd; DROP TABLE answers" and row.player == "Ann\ufffd<@everyone>"


# ------------------------------------------------------------------------ file system faults (SQLite)


@pytest.fixture
def small_mount(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs of our own, or a skip saying why there cannot be one."""
    where = tmp_path / "mnt"
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(where)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root in CI): {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path) -> Path:
    """Fill the file system to the last byte; the file to delete to make room again."""
    filler = folder / f"filler-{uuid.uuid4().hex}"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
    return filler


def remount(where: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(where)], check=True, capture_output=True)


async def test_a_full_disk_refuses_the_answer_until_there_is_room(small_mount: Path, podium: Podium) -> None:
    repo = await QuizRepository.open(f"sqlite+aiosqlite:///{small_mount / 'quiz.sqlite3'}")
    try:
        host, live = await start(repo, podium)
        filler = fill(small_mount)
        refused = 0
        for i in range(20):  # answers small enough to fit in pages already allocated may still go in
            try:
                await host.answer("c", f"p{i}", f"Player {i} " + "x" * 90, at(1), choice=right_choice(live))
            except AnswerNotSaved:
                refused += 1
        assert refused > 0
        stored = {r.player_id for r in await repo.export_rows(live.game_id)}
        assert {p for p in live.session.answered_by()} == stored  # what counts is exactly what was stored
        filler.unlink()
        outcome = await host.answer("c", "late", "Late", at(2), choice=right_choice(live))
        assert outcome.accepted
        ended = await play_to_the_end(host, live, 30)
        assert {s.player_id for s in ended.standings} == stored | {"late"}
    finally:
        await repo.close()


async def test_a_read_only_file_system_refuses_the_answer_until_it_is_writable(
    small_mount: Path, podium: Podium
) -> None:
    repo = await QuizRepository.open(f"sqlite+aiosqlite:///{small_mount / 'quiz.sqlite3'}")
    try:
        host, live = await start(repo, podium)
        await repo.engine.dispose()  # no file open for writing, or the kernel refuses to remount (busy)
        remount(small_mount, "ro")
        try:
            with pytest.raises(AnswerNotSaved):
                await host.answer("c", "ann", "Ann", at(1), choice=right_choice(live))
            assert await host.tick("c", at(25))  # the question closes on time, its write waits
        finally:
            remount(small_mount, "rw")
        await repo.engine.dispose()  # connections that saw the read-only file are let go
        ended = await play_to_the_end(host, live, 30)
        assert ended.standings == () or list(ended.standings) == []
        assert (await repo.game(live.game_id)).status == "finished"
    finally:
        await repo.close()


async def test_a_damaged_database_file_is_one_line_not_a_crash(tmp_path: Path, podium: Podium) -> None:
    path = tmp_path / "quiz.sqlite3"
    repo = await QuizRepository.open(f"sqlite+aiosqlite:///{path}")
    host, live = await start(repo, podium)
    async with repo.engine.connect() as conn:
        await conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    await repo.engine.dispose()
    with path.open("r+b") as file:  # every page but the header's: garbage
        size = file.seek(0, 2)
        file.seek(4096)
        file.write(b"\xa5" * (size - 4096))
    try:
        with pytest.raises(AnswerNotSaved):
            await host.answer("c", "ann", "Ann", at(1), choice=right_choice(live))
        with pytest.raises(StorageFault, match="Could not read the quiz database"):
            await repo.standings(live.game_id)
        await host.tick("c", at(25))  # no exception: the game goes on, its writes wait
    finally:
        await repo.close()
    with pytest.raises(DatabaseUnavailable) as refused:
        await QuizRepository.open(f"sqlite+aiosqlite:///{path}")
    assert "\n" not in str(refused.value)


async def test_a_read_only_postgresql_refuses_the_answer_until_it_is_writable(podium: Podium) -> None:
    database_url = postgres_url()
    if database_url is None:
        pytest.skip(f"{POSTGRES_ENV} is unset: no PostgreSQL to test against (.ci/run starts one and sets it)")
    await reset_postgres(database_url)
    admin = create_async_engine(resolve_url(database_url), isolation_level="AUTOCOMMIT")

    async def read_only(on: bool) -> None:
        async with admin.connect() as conn:
            name = (await conn.execute(sa.text("SELECT current_database()"))).scalar_one()
            value = "on" if on else "off"
            await conn.execute(sa.text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = {value}'))

    repo = await QuizRepository.open(database_url)
    try:
        host, live = await start(repo, podium)
        await read_only(True)
        await repo.engine.dispose()  # new connections read the database's setting
        try:
            with pytest.raises(AnswerNotSaved):
                await host.answer("c", "ann", "Ann", at(1), choice=right_choice(live))
            await host.tick("c", at(25))
            assert live.unsaved
        finally:
            await read_only(False)
        await repo.engine.dispose()
        ended = await play_to_the_end(host, live, 30)
        assert list(ended.standings) == []
        assert (await repo.game(live.game_id)).status == "finished"
    finally:
        await repo.close()
        await admin.dispose()
