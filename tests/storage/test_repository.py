"""The repository on both engines: migrations, games, answers, scores, streaks, leaderboards, recovery."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.errors import PodiumError
from bot.quiz.session import AnswerResult, QuizSession
from bot.storage.engine import DatabaseUnavailable, StorageError, make_engine, resolve_url
from bot.storage.migrations import LATEST, MIGRATIONS
from bot.storage.repository import ChannelBusy, QuizRepository
from bot.storage.schema import metadata, schema_version
from tests.quiz.helpers import T0, at, choice_q
from tests.storage.conftest import postgres_url

OPTIONS = ["Dunc Gray", "Jacques van Egmond", "Charles Rampelberg", "Lew Rush"]


async def new_game(repo: QuizRepository, channel: str = "c1", guild: str = "g1", owner: str = "shard:0") -> int:
    return await repo.start_game(
        guild_id=guild,
        channel_id=channel,
        owner=owner,
        host_id="host",
        mode="buttons",
        seed=7,
        question_count=3,
        seconds=20,
        now=T0,
        options={"sport": "cycling"},
    )


def answer(number: int, player: str, points: int, *, correct: bool = True, credit: float | None = None,
           when: dt.datetime = T0, streak: int = 1) -> AnswerResult:  # fmt: skip
    return AnswerResult(
        number=number,
        question_key=f"k{number}",
        player_id=player,
        player_name=player.upper(),
        given="Dunc Gray",
        choice=0,
        credit=(1.0 if correct else 0.0) if credit is None else credit,
        correct=correct,
        points=points,
        speed_bonus=0,
        streak_bonus=0,
        streak=streak,
        elapsed=1.5,
        at=when,
    )


async def ask(repo: QuizRepository, game_id: int, number: int, sport: str = "Cycling") -> None:
    q = choice_q(f"k{number}", OPTIONS[0], OPTIONS, sport=sport)
    await repo.ask(game_id, number, q, at(number * 30))


# --------------------------------------------------------------------------------------------- schema


async def test_migrations_reach_the_schema_the_code_queries(repo: QuizRepository) -> None:
    assert await repo.schema_version() == LATEST == len(MIGRATIONS)
    columns = await repo.columns()
    assert columns == {t.name: {c.name for c in t.columns} for t in metadata.tables.values()}
    assert await repo.migrate() == LATEST  # applied once: running again changes nothing
    assert await repo.schema_version() == LATEST


async def test_an_old_database_is_migrated_at_start(database_url: str) -> None:
    engine = make_engine(database_url)
    async with engine.begin() as conn:
        await conn.run_sync(lambda sync: schema_version.create(sync))
        await conn.run_sync(MIGRATIONS[0].apply)
        await conn.execute(schema_version.insert().values(version=1, name=MIGRATIONS[0].name, applied_ms=0))
    await engine.dispose()
    repo = await QuizRepository.open(database_url)
    try:
        assert await repo.schema_version() == LATEST
        assert "player_streaks" in await repo.columns()
    finally:
        await repo.close()


async def test_a_newer_schema_is_refused(repo: QuizRepository, database_url: str) -> None:
    async with repo.engine.begin() as conn:
        await conn.execute(schema_version.insert().values(version=LATEST + 1, name="from the future", applied_ms=0))
    with pytest.raises(StorageError, match="knows up to"):
        await QuizRepository.open(database_url)


async def test_sqlite_is_durable_and_writes_begin_immediately(tmp_path: Path) -> None:
    repo = await QuizRepository.open("sqlite:///" + str(tmp_path / "d.sqlite3"))
    statements: list[str] = []
    sa.event.listen(repo.engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    try:
        async with repo.engine.connect() as conn:
            mode = (await conn.exec_driver_sql("PRAGMA journal_mode")).scalar()
            sync = (await conn.exec_driver_sql("PRAGMA synchronous")).scalar()
        assert (mode, sync) == ("wal", 2)  # 2 is FULL
        game_id = await new_game(repo)
        await ask(repo, game_id, 1)
        statements.clear()
        await repo.record_answer(game_id, answer(1, "ann", 150))
        assert statements[0] == "BEGIN IMMEDIATE"
        statements.clear()
        await repo.leaderboard("g1", now=T0)
        assert statements[0] == "BEGIN"
    finally:
        await repo.close()


def test_relative_sqlite_paths_land_in_their_folder(tmp_path: Path) -> None:
    url = resolve_url("sqlite+aiosqlite:///var/podium.sqlite3", base_dir=tmp_path)
    assert url.database == str(tmp_path / "var" / "podium.sqlite3")
    assert (tmp_path / "var").is_dir()
    assert resolve_url("postgresql://u:p@localhost/db").drivername == "postgresql+asyncpg"
    with pytest.raises(StorageError):
        resolve_url("mysql://u@localhost/db")
    with pytest.raises(StorageError):
        resolve_url("not a url")


# ------------------------------------------------------------------------------------- games, answers


async def test_one_running_game_per_channel_many_channels_at_once(repo: QuizRepository) -> None:
    first = await new_game(repo, "c1")
    with pytest.raises(ChannelBusy) as busy:
        await new_game(repo, "c1")
    assert busy.value.game_id == first
    second = await new_game(repo, "c2")
    assert second != first
    running = await repo.running_game("c1")
    assert running is not None and running.id == first and running.options == {"sport": "cycling"}
    assert await repo.end_game(first, "finished", at(60))
    assert not await repo.end_game(first, "finished", at(61))
    assert await new_game(repo, "c1") not in (first, second)
    last = await repo.last_game("c1")
    assert last is not None and last.id == first and last.status == "finished" and last.ended == at(60)


async def test_answers_scores_and_one_answer_per_player(repo: QuizRepository) -> None:
    game_id = await new_game(repo)
    await ask(repo, game_id, 1)
    assert await repo.record_answer(game_id, answer(1, "ann", 150))
    assert not await repo.record_answer(game_id, answer(1, "ann", 999))  # the first answer counts
    assert await repo.record_answer(game_id, answer(1, "bob", 0, correct=False))
    await ask(repo, game_id, 2)
    assert await repo.record_answer(game_id, answer(2, "bob", 150, streak=1))
    assert await repo.record_answer(game_id, answer(2, "ann", 160, streak=2))
    standings = await repo.standings(game_id)
    assert [(s.place, s.player_id, s.points, s.correct, s.answered, s.best_streak) for s in standings] == [
        (1, "ann", 310, 2, 2, 2),
        (2, "bob", 150, 1, 2, 1),
    ]
    with pytest.raises(StorageError):
        await repo.record_answer(game_id, answer(9, "ann", 1))
    asked = await repo.asked(game_id)
    assert [a.number for a in asked] == [1, 2] and asked[0].question.choices == OPTIONS
    await repo.close_question(game_id, 1, at(50), skipped=True)
    asked = await repo.asked(game_id)
    assert asked[0].closed == at(50) and asked[0].skipped and asked[1].closed is None


async def test_streaks_across_games(repo: QuizRepository) -> None:
    g1 = await new_game(repo, "c1")
    for n in (1, 2, 3):
        await ask(repo, g1, n)
    await repo.record_answer(g1, answer(1, "ann", 100))
    await repo.record_answer(g1, answer(2, "ann", 100))
    await repo.record_answer(g1, answer(3, "ann", 40, correct=False, credit=0.4))  # a near guess: no change
    streak = await repo.streak("g1", "ann")
    assert streak is not None and (streak.current, streak.best, streak.name) == (2, 2, "ANN")
    g2 = await new_game(repo, "c2")
    await ask(repo, g2, 1)
    await ask(repo, g2, 2)
    await repo.record_answer(g2, answer(1, "ann", 100))
    await repo.record_answer(g2, answer(2, "ann", 0, correct=False))
    streak = await repo.streak("g1", "ann")
    assert streak is not None and (streak.current, streak.best) == (0, 3)
    assert await repo.streak("g1", "nobody") is None


async def test_leaderboards_all_time_monthly_per_sport_per_server(repo: QuizRepository) -> None:
    game_id = await new_game(repo, "c1", "g1")
    await ask(repo, game_id, 1, sport="Cycling")
    await ask(repo, game_id, 2, sport="Athletics")
    last_month = dt.datetime(2025, 2, 27, 21, 0, tzinfo=dt.UTC)
    await repo.record_answer(game_id, answer(1, "ann", 150, when=last_month))
    await repo.record_answer(game_id, answer(1, "bob", 100, when=T0))
    await repo.record_answer(game_id, answer(2, "bob", 50, when=T0))
    await repo.record_answer(game_id, answer(2, "cy", 100, when=T0))
    other = await new_game(repo, "c9", "g2")
    await ask(repo, other, 1)
    await repo.record_answer(other, answer(1, "zed", 900, when=T0))

    def table(rows: list) -> list[tuple]:  # type: ignore[type-arg]
        return [(r.place, r.player_id, r.points) for r in rows]

    assert table(await repo.leaderboard("g1", now=T0)) == [(1, "bob", 150), (1, "ann", 150), (3, "cy", 100)]
    assert table(await repo.leaderboard("g1", now=T0, period="month")) == [(1, "bob", 150), (2, "cy", 100)]
    assert table(await repo.leaderboard("g1", now=T0, sport="athletics")) == [(1, "cy", 100), (2, "bob", 50)]
    assert table(await repo.leaderboard("g2", now=T0)) == [(1, "zed", 900)]
    assert table(await repo.leaderboard("g1", now=T0, limit=1)) == [(1, "bob", 150)]
    top = (await repo.leaderboard("g1", now=T0))[0]
    assert top.name == "BOB" and top.correct == 2 and top.answered == 2


async def test_asked_keys_remember_the_server(repo: QuizRepository) -> None:
    g1 = await new_game(repo, "c1", "g1")
    await ask(repo, g1, 1)
    await ask(repo, g1, 2)
    g2 = await new_game(repo, "c2", "g2")
    await ask(repo, g2, 3)
    keys = await repo.asked_keys("g1")
    assert set(keys) == {"k1", "k2"} and keys["k2"] > keys["k1"]
    assert set(await repo.asked_keys("g2")) == {"k3"}


async def test_export_matches_the_session(repo: QuizRepository) -> None:
    questions = [choice_q(f"q{i}", OPTIONS[i], OPTIONS) for i in range(2)]
    session = QuizSession(questions, host_id="host", seconds=20, reveal_seconds=0)
    game_id = await new_game(repo)
    session.game_id = str(game_id)
    session.start(at(0))
    await repo.ask(game_id, 1, questions[0], at(0))
    for player, choice, t in (("ann", 0, 1.25), ("bob", 2, 3.5)):
        outcome = session.answer(player, player.title(), at(t), choice=choice)
        assert outcome.result is not None
        await repo.record_answer(game_id, outcome.result)
    assert await repo.export_rows(game_id) == session.export_rows()


# ------------------------------------------------------------------------------------------- recovery


async def test_recovery_closes_cut_off_games_keeping_scores(repo: QuizRepository) -> None:
    mine = await new_game(repo, "c1", owner="shard:0")
    theirs = await new_game(repo, "c2", owner="shard:1")
    done = await new_game(repo, "c3", owner="shard:0")
    await ask(repo, mine, 1)
    await repo.record_answer(mine, answer(1, "ann", 150))
    await repo.close_question(mine, 1, at(40))
    await ask(repo, mine, 2)
    await repo.record_answer(mine, answer(2, "bob", 120))
    await repo.end_game(done, "finished", at(10))

    cut = await repo.recover(at(500), owners=["shard:0"])
    assert [c.game.id for c in cut] == [mine]
    report = cut[0]
    assert report.game.status == "interrupted" and report.game.ended == at(500) and report.game.channel_id == "c1"
    assert (report.questions_asked, report.answers_kept) == (2, 2)
    assert [(s.player_id, s.points) for s in report.standings] == [("ann", 150), ("bob", 120)]
    asked = await repo.asked(mine)
    assert asked[0].closed == at(40) and asked[1].closed == at(500)
    # The other shard's game runs on; the finished game is untouched.
    assert (await repo.game(theirs)).status == "running"
    assert (await repo.game(done)).status == "finished"
    # Told once: until the channel is told, it is reported again at the next start.
    assert [c.game.id for c in await repo.recover(at(600), owners=["shard:0"])] == [mine]
    await repo.mark_announced(mine)
    assert await repo.recover(at(700), owners=["shard:0"]) == []
    assert (await repo.game(mine)).status == "interrupted"
    # The channel is free again.
    assert await new_game(repo, "c1") > done
    # A process serving every shard closes every shard's games, not the console's.
    console = await new_game(repo, "c4", owner="console")
    swept = await repo.recover(at(800), owner_prefix="shard:")
    assert theirs in [c.game.id for c in swept] and console not in [c.game.id for c in swept]
    assert (await repo.game(console)).status == "running"


async def test_two_processes_share_one_leaderboard(database_url: str) -> None:
    """Two repositories over one database, as two bot processes serving different shards: games in their own
    channels, answers written concurrently, one leaderboard; a player's answer is taken once."""
    a = await QuizRepository.open(database_url)
    b = await QuizRepository.open(database_url)  # migrating again at start is harmless
    try:
        ga = await new_game(a, "chan-a", "guild", owner="shard:0")
        gb = await new_game(b, "chan-b", "guild", owner="shard:1")
        with pytest.raises(ChannelBusy):
            await new_game(b, "chan-a", "guild", owner="shard:1")
        for n in (1, 2):
            await ask(a, ga, n)
            await ask(b, gb, n)
        writes = []
        for n in (1, 2):
            for i in range(4):
                writes.append(a.record_answer(ga, answer(n, f"p{i}", 10 * (i + 1))))
                writes.append(b.record_answer(gb, answer(n, f"p{i}", 1 + i)))
        assert all(await asyncio.gather(*writes))
        # The same player's answer to the same question, arriving through both processes at once, counts once.
        race = await asyncio.gather(
            a.record_answer(ga, answer(2, "p9", 500)), b.record_answer(ga, answer(2, "p9", 700))
        )
        assert sorted(race) == [False, True]
        board_a = await a.leaderboard("guild", now=T0)
        board_b = await b.leaderboard("guild", now=T0)
        assert board_a == board_b
        assert board_a[0].player_id == "p9" and board_a[0].points in (500, 700) and board_a[0].answered == 1
        assert [(r.player_id, r.points) for r in board_a[1:3]] == [("p3", 2 * 40 + 2 * 4), ("p2", 2 * 30 + 2 * 3)]
        assert sum(r.answered for r in board_a) == 17
        # Each process closes only its own games at restart.
        assert [c.game.id for c in await b.recover(at(900), owners=["shard:1"])] == [gb]
        assert (await a.game(ga)).status == "running"
    finally:
        await a.close()
        await b.close()


def _unopenable(tmp_path: Path) -> list[tuple[str, str]]:
    """URLs of databases that cannot be opened, and what the error says about each."""
    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("not a database\n", encoding="utf-8")
    cases = [
        ("postgresql+asyncpg://u:secret@127.0.0.1:1/db", "u:***@127.0.0.1:1/db: connection refused"),
        (f"sqlite:///{not_a_db}", "file is not a database"),
        (f"sqlite:///{not_a_db}/quiz.sqlite3", f"{not_a_db}"),  # its folder would be a file
    ]
    url = postgres_url()
    if url is not None:
        user = url.split("://", 1)[1].split("@", 1)[0]
        wrong = url.replace(f"{user}@", f"{user.split(':')[0]}:secret-but-wrong@")
        cases.append((wrong, "password authentication failed"))
        cases.append((url.rsplit("/", 1)[0] + "/no_such_database", 'database "no_such_database" does not exist'))
    return cases


async def test_a_database_that_cannot_be_opened_is_a_user_facing_storage_error(tmp_path: Path) -> None:
    for url, said in _unopenable(tmp_path):
        with pytest.raises(DatabaseUnavailable) as failed:
            await QuizRepository.open(url)
        err = failed.value
        assert isinstance(err, StorageError) and isinstance(err, PodiumError)
        assert str(err).startswith("Cannot open the quiz database ") and said in str(err), str(err)
        assert "secret" not in str(err) and "\n" not in str(err)
