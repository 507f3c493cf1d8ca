"""The quiz's one repository: every SQL statement of the bot lives here, the same code on SQLite and PostgreSQL.

Every answer is committed when it is given (one write transaction: the answer, the game's scores, the player's
streak), so a bot killed with `kill -9` loses nothing already answered. At start, `recover` closes the games this
process owned that a shutdown or crash cut off, keeps their scores, and returns them so their channels can be told.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from collections.abc import AsyncIterator, Collection, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.errors import PodiumError
from bot.quiz.export import ExportRow
from bot.quiz.model import Question
from bot.quiz.scoring import next_streak, streak_step
from bot.quiz.session import AnswerResult, PlayerScore, Standing, rank_players
from bot.storage.engine import LOCK_TIMEOUT, WRITE, DatabaseUnavailable, StorageError, StorageFault, make_engine
from bot.storage.migrations import LATEST, MIGRATIONS
from bot.storage.schema import answers, games, leases, metadata, player_streaks, questions, schema_version, scores

GameStatus = Literal["running", "finished", "stopped", "interrupted"]
Period = Literal["all", "month"]
# Any constant: the PostgreSQL advisory lock taken while migrating.
_MIGRATION_LOCK = 7_161_816_519


class ChannelBusy(PodiumError):
    """A game is already running in the channel."""

    def __init__(self, game_id: int) -> None:
        self.game_id = game_id
        super().__init__(f"A quiz is already running in this channel (game #{game_id}): `/quiz stop` ends it.")


@dataclass(frozen=True)
class Lease:
    """A process that owns games: where it runs, and until when it said it would be alive."""

    instance: str
    host: str
    pid: int
    expires_ms: int


def instance_of(owner: str) -> str | None:
    """`shard:0@4f2a…` -> `4f2a…`; None for an owner written before leases (no process vouches for it)."""
    return owner.rpartition("@")[2] if "@" in owner else None


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    except OSError:
        return False
    return True


def lease_alive(lease: Lease | None, now_ms: int, here: str) -> bool:
    """Whether the process behind a lease still lives: on this host, its process says (a `kill -9` is seen at
    once, and a console waiting at a prompt does not need to renew); elsewhere, until its lease expires."""
    if lease is None:
        return False
    if lease.host == here:
        return process_alive(lease.pid)
    return lease.expires_ms > now_ms


def stored_text(text: str, limit: int | None = None) -> str:
    """Text as a column can hold it on both engines: PostgreSQL refuses NUL in text (shown as U+FFFD instead)."""
    text = text.replace("\x00", "\ufffd")
    return text[:limit] if limit is not None else text


def to_ms(moment: dt.datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError("times must be timezone-aware")
    return round(moment.timestamp() * 1000)


def from_ms(ms: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC)


def month_start(now: dt.datetime) -> dt.datetime:
    utc = now.astimezone(dt.UTC)
    return dt.datetime(utc.year, utc.month, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class GameRecord:
    id: int
    guild_id: str
    channel_id: str
    owner: str
    host_id: str
    mode: str
    options: dict[str, Any]
    seed: int
    question_count: int
    seconds: float
    status: GameStatus
    started: dt.datetime
    ended: dt.datetime | None
    announced: bool


@dataclass(frozen=True)
class InterruptedGame:
    """A game a shutdown or crash cut off, now closed: what its channel should be told."""

    game: GameRecord
    questions_asked: int
    answers_kept: int
    standings: list[Standing]


@dataclass(frozen=True)
class LeaderRow:
    place: int
    player_id: str
    name: str
    points: int
    correct: int
    answered: int


@dataclass(frozen=True)
class Streak:
    player_id: str
    name: str
    current: int
    best: int


@dataclass(frozen=True)
class AskedQuestion:
    number: int
    question: Question
    asked: dt.datetime
    closed: dt.datetime | None
    skipped: bool


class QuizRepository:
    """Games, questions asked, answers, scores, leaderboards and streaks, over one async engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    @classmethod
    async def open(
        cls, url: str, base_dir: Path | None = None, *, lock_timeout: float = LOCK_TIMEOUT
    ) -> QuizRepository:
        """Connect and bring the schema up to date (migrations applied at start). `DatabaseUnavailable` (a
        `StorageError`) when the database cannot be reached or opened."""
        try:
            repo = cls(make_engine(url, base_dir, lock_timeout=lock_timeout))
        except OSError as err:  # the SQLite file's folder cannot be made
            raise DatabaseUnavailable(url, err) from err
        try:
            await repo.migrate()
        except StorageFault as err:
            await repo.close()
            raise DatabaseUnavailable(url, err.error) from err
        except (OSError, DBAPIError) as err:
            await repo.close()
            raise DatabaseUnavailable(url, err) from err
        except BaseException:
            await repo.close()
            raise
        return repo

    async def close(self) -> None:
        await self.engine.dispose()

    async def __aenter__(self) -> QuizRepository:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # ------------------------------------------------------------------------------------ transactions

    @asynccontextmanager
    async def _write(self) -> AsyncIterator[AsyncConnection]:
        """A write transaction (`BEGIN IMMEDIATE` on SQLite), committed on leaving. A database that refuses it
        (disk full, read-only, locked, damaged, gone) is a `StorageFault`: nothing of it was kept. A broken
        constraint (`IntegrityError`) is the caller's to read."""
        try:
            async with self.engine.connect() as conn:
                await conn.execution_options(**{WRITE: True})
                async with conn.begin():
                    yield conn
        except IntegrityError:
            raise
        except (DBAPIError, OSError) as err:
            raise StorageFault(err, "write to") from err

    @asynccontextmanager
    async def _read(self) -> AsyncIterator[AsyncConnection]:
        try:
            async with self.engine.connect() as conn, conn.begin():
                yield conn
        except (DBAPIError, OSError) as err:
            raise StorageFault(err, "read") from err

    def _insert(self, table: sa.Table) -> Any:
        """INSERT with ON CONFLICT support: the one place the two dialects differ in spelling, not in meaning."""
        return postgresql.insert(table) if self.dialect == "postgresql" else sqlite.insert(table)

    # ---------------------------------------------------------------------------------------- schema

    async def migrate(self) -> int:
        async with self._write() as conn:
            if self.dialect == "postgresql":
                await conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_MIGRATION_LOCK)))
            await conn.run_sync(lambda sync: schema_version.create(sync, checkfirst=True))
            current = (await conn.execute(sa.select(sa.func.max(schema_version.c.version)))).scalar() or 0
            if current > LATEST:
                raise StorageError(f"The database schema is version {current}; this code knows up to {LATEST}.")
            for step in MIGRATIONS:
                if step.version > current:
                    await conn.run_sync(step.apply)
                    await conn.execute(
                        schema_version.insert().values(
                            version=step.version, name=step.name, applied_ms=to_ms(dt.datetime.now(dt.UTC))
                        )
                    )
            return LATEST

    async def schema_version(self) -> int:
        async with self._read() as conn:
            return int((await conn.execute(sa.select(sa.func.max(schema_version.c.version)))).scalar() or 0)

    async def columns(self) -> dict[str, set[str]]:
        """The tables and columns the database has (to check migrations against the schema the code expects)."""

        def inspect(sync: Any) -> dict[str, set[str]]:
            found = sa.inspect(sync)
            return {t: {c["name"] for c in found.get_columns(t)} for t in metadata.tables if found.has_table(t)}

        async with self.engine.connect() as conn:
            return await conn.run_sync(inspect)

    # ----------------------------------------------------------------------------------------- games

    async def start_game(
        self,
        *,
        guild_id: str,
        channel_id: str,
        owner: str,
        host_id: str,
        mode: str,
        seed: int,
        question_count: int,
        seconds: float,
        now: dt.datetime,
        options: Mapping[str, Any] | None = None,
    ) -> int:
        """A new running game; `ChannelBusy` when the channel has one (checked by the database, across processes)."""
        try:
            async with self._write() as conn:
                result = await conn.execute(
                    games.insert()
                    .values(
                        guild_id=guild_id,
                        channel_id=channel_id,
                        owner=owner,
                        host_id=host_id,
                        mode=mode,
                        options=json.dumps(dict(options or {}), sort_keys=True),
                        seed=seed,
                        question_count=question_count,
                        seconds=seconds,
                        status="running",
                        started_ms=to_ms(now),
                        ended_ms=None,
                        announced=False,
                    )
                    .returning(games.c.id)
                )
                return int(result.scalar_one())
        except IntegrityError:
            running = await self.running_game(channel_id)
            if running is None:
                raise
            raise ChannelBusy(running.id) from None

    async def running_game(self, channel_id: str) -> GameRecord | None:
        async with self._read() as conn:
            row = (
                await conn.execute(games.select().where(games.c.channel_id == channel_id, games.c.status == "running"))
            ).first()
        return _game(row) if row else None

    async def last_game(self, channel_id: str) -> GameRecord | None:
        """The channel's most recent game that is over (for `/quiz export`)."""
        async with self._read() as conn:
            row = (
                await conn.execute(
                    games.select()
                    .where(games.c.channel_id == channel_id, games.c.status != "running")
                    .order_by(games.c.started_ms.desc(), games.c.id.desc())
                    .limit(1)
                )
            ).first()
        return _game(row) if row else None

    async def game(self, game_id: int) -> GameRecord:
        async with self._read() as conn:
            row = (await conn.execute(games.select().where(games.c.id == game_id))).first()
        if row is None:
            raise StorageError(f"No game #{game_id}.")
        return _game(row)

    async def end_game(self, game_id: int, status: GameStatus, now: dt.datetime) -> bool:
        """Close a running game (and any question left open); False if it was not running."""
        ms = to_ms(now)
        async with self._write() as conn:
            await conn.execute(
                questions.update()
                .where(questions.c.game_id == game_id, questions.c.closed_ms.is_(None))
                .values(closed_ms=ms)
            )
            done = await conn.execute(
                games.update()
                .where(games.c.id == game_id, games.c.status == "running")
                .values(status=status, ended_ms=ms, announced=status != "interrupted")
            )
            return bool(done.rowcount)

    async def recover(
        self, now: dt.datetime, owners: Collection[str] | None = None, *, owner_prefix: str | None = None
    ) -> list[InterruptedGame]:
        """Close every running game of these owners (or whose owner starts with `owner_prefix`; all when neither
        is given) whose process is gone: a shutdown or crash cut it off. A game whose owner holds a live lease
        (see `claim`) is being played: it is left alone. An owner `role` also names `role@instance`. Returns the
        games closed, and any earlier interrupted game whose channel was not told yet (see `mark_announced`)."""
        ms = to_ms(now)
        here = socket.gethostname()
        matches = []
        if owners is not None:
            names = list(owners)
            matches.append(
                sa.or_(
                    games.c.owner.in_(names),
                    *(games.c.owner.startswith(f"{name}@", autoescape=True) for name in names),
                )
            )
        if owner_prefix is not None:
            matches.append(games.c.owner.startswith(owner_prefix, autoescape=True))
        owned = sa.and_(sa.true(), *matches)
        async with self._write() as conn:
            running = (
                await conn.execute(sa.select(games.c.id, games.c.owner).where(games.c.status == "running", owned))
            ).all()
            alive = {
                row.instance: lease_alive(Lease(row.instance, row.host, row.pid, row.expires_ms), ms, here)
                for row in await conn.execute(leases.select())
            }
            cut = [r.id for r in running if not alive.get(instance_of(r.owner) or "", False)]
            if cut:
                await conn.execute(
                    questions.update()
                    .where(questions.c.game_id.in_(cut), questions.c.closed_ms.is_(None))
                    .values(closed_ms=ms)
                )
                await conn.execute(
                    games.update().where(games.c.id.in_(cut)).values(status="interrupted", ended_ms=ms, announced=False)
                )
            gone = [instance for instance, live in alive.items() if not live]
            if gone:  # their games are closed now (or were another role's, closed by its own recovery)
                await conn.execute(leases.delete().where(leases.c.instance.in_(gone), ~_owns_running()))
            pending = (
                await conn.execute(
                    games.select()
                    .where(games.c.status == "interrupted", games.c.announced.is_(False), owned)
                    .order_by(games.c.id)
                )
            ).all()
            out = []
            for row in pending:
                asked = (
                    await conn.execute(sa.select(sa.func.count()).where(questions.c.game_id == row.id))
                ).scalar_one()
                kept = (await conn.execute(sa.select(sa.func.count()).where(answers.c.game_id == row.id))).scalar_one()
                out.append(InterruptedGame(_game(row), int(asked), int(kept), await _standings(conn, row.id)))
            return out

    # ------------------------------------------------------------------------------------------ leases

    async def claim(self, instance: str, now: dt.datetime, seconds: float) -> None:
        """This process is alive and owns the games written `role@instance`, for `seconds` from `now` at least
        (and, on this host, as long as its process lives). Renew with `renew`, give up with `release`."""
        ms = to_ms(now)
        stmt = self._insert(leases).values(
            instance=instance,
            host=socket.gethostname()[:255],
            pid=os.getpid(),
            started_ms=ms,
            expires_ms=ms + round(seconds * 1000),
        )
        async with self._write() as conn:
            await conn.execute(
                stmt.on_conflict_do_update(index_elements=["instance"], set_={"expires_ms": stmt.excluded.expires_ms})
            )

    async def renew(self, instance: str, now: dt.datetime, seconds: float) -> None:
        await self.claim(instance, now, seconds)

    async def release(self, instance: str) -> None:
        async with self._write() as conn:
            await conn.execute(leases.delete().where(leases.c.instance == instance))

    async def lease(self, instance: str) -> Lease | None:
        async with self._read() as conn:
            row = (await conn.execute(leases.select().where(leases.c.instance == instance))).first()
        return Lease(row.instance, row.host, row.pid, row.expires_ms) if row else None

    async def mark_announced(self, game_id: int) -> None:
        async with self._write() as conn:
            await conn.execute(games.update().where(games.c.id == game_id).values(announced=True))

    # ------------------------------------------------------------------------------ questions, answers

    async def ask(
        self, game_id: int, number: int, question: Question, now: dt.datetime, *, again: bool = False
    ) -> None:
        """Store a question as asked. `again`: a retry after a refused write, which the database may have kept
        after all (then nothing changes)."""
        async with self._write() as conn:
            insert = self._insert(questions)
            if again:
                insert = insert.on_conflict_do_nothing(index_elements=["game_id", "number"])
            await conn.execute(
                insert.values(
                    game_id=game_id,
                    number=number,
                    key=question.key,
                    kind=question.kind,
                    sport=question.sport,
                    prompt=question.prompt,
                    answer=question.answer,
                    payload=question.model_dump_json(),
                    asked_ms=to_ms(now),
                    closed_ms=None,
                    skipped=False,
                )
            )

    async def close_question(self, game_id: int, number: int, now: dt.datetime, *, skipped: bool = False) -> None:
        async with self._write() as conn:
            await conn.execute(
                questions.update()
                .where(questions.c.game_id == game_id, questions.c.number == number, questions.c.closed_ms.is_(None))
                .values(closed_ms=to_ms(now), skipped=skipped)
            )

    async def record_answer(self, game_id: int, result: AnswerResult) -> bool:
        """Write one answer with the game's score and the player's streak, committed before returning. False when
        the player had answered this question already (the first answer counts, whichever process took it)."""
        async with self._write() as conn:
            found = (
                await conn.execute(
                    sa.select(questions.c.id, questions.c.sport, games.c.guild_id)
                    .join(games, games.c.id == questions.c.game_id)
                    .where(questions.c.game_id == game_id, questions.c.number == result.number)
                )
            ).first()
            if found is None:
                raise StorageError(f"Game #{game_id} has no question {result.number}.")
            ms = to_ms(result.at)
            inserted = await conn.execute(
                self._insert(answers)
                .values(
                    game_id=game_id,
                    question_id=found.id,
                    number=result.number,
                    guild_id=found.guild_id,
                    sport=found.sport,
                    player_id=result.player_id,
                    player_name=stored_text(result.player_name, 100),
                    given=stored_text(result.given),
                    choice=result.choice,
                    credit=result.credit,
                    correct=result.correct,
                    points=result.points,
                    elapsed_ms=round(result.elapsed * 1000),
                    answered_ms=ms,
                )
                .on_conflict_do_nothing(index_elements=["question_id", "player_id"])
                .returning(answers.c.id)
            )
            if inserted.scalar_one_or_none() is None:
                return False
            await self._add_score(conn, game_id, result, ms)
            await self._add_streak(conn, found.guild_id, result, ms)
            return True

    async def stored_answer(self, game_id: int, number: int, player_id: str) -> AnswerResult | None:
        """The answer that counts for this player and question, as stored (its streak and bonuses are not kept:
        they read 0)."""
        async with self._read() as conn:
            row = (
                await conn.execute(
                    sa.select(answers, questions.c.key)
                    .join(questions, questions.c.id == answers.c.question_id)
                    .where(answers.c.game_id == game_id, answers.c.number == number, answers.c.player_id == player_id)
                )
            ).first()
        if row is None:
            return None
        return AnswerResult(
            number=int(row.number),
            question_key=row.key,
            player_id=row.player_id,
            player_name=row.player_name,
            given=row.given,
            choice=row.choice,
            credit=float(row.credit),
            correct=bool(row.correct),
            points=int(row.points),
            speed_bonus=0,
            streak_bonus=0,
            streak=0,
            elapsed=row.elapsed_ms / 1000,
            at=from_ms(row.answered_ms),
        )

    async def _add_score(self, conn: AsyncConnection, game_id: int, result: AnswerResult, ms: int) -> None:
        stmt = self._insert(scores).values(
            game_id=game_id,
            player_id=result.player_id,
            player_name=stored_text(result.player_name, 100),
            points=result.points,
            correct=int(result.correct),
            answered=1,
            best_streak=result.streak,
            first_ms=ms,
        )
        new = stmt.excluded
        await conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["game_id", "player_id"],
                set_={
                    "player_name": new.player_name,
                    "points": scores.c.points + new.points,
                    "correct": scores.c.correct + new.correct,
                    "answered": scores.c.answered + 1,
                    "best_streak": sa.case(
                        (new.best_streak > scores.c.best_streak, new.best_streak), else_=scores.c.best_streak
                    ),
                },
            )
        )

    async def _add_streak(self, conn: AsyncConnection, guild_id: str, result: AnswerResult, ms: int) -> None:
        """The player's run of right answers in this server, across games, by the game's own rule (`streak_step`)."""
        step = streak_step(result.correct, result.credit)
        start = next_streak(0, step)
        stmt = self._insert(player_streaks).values(
            guild_id=guild_id,
            player_id=result.player_id,
            player_name=stored_text(result.player_name, 100),
            current=start,
            best=start,
            updated_ms=ms,
        )
        current, best = player_streaks.c.current, player_streaks.c.best
        changes: dict[str, Any] = {}
        if step == "extend":
            changes = {"current": current + 1, "best": sa.case((current + 1 > best, current + 1), else_=best)}
        elif step == "end":
            changes = {"current": 0}
        await conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["guild_id", "player_id"],
                set_={"player_name": stmt.excluded.player_name, "updated_ms": stmt.excluded.updated_ms, **changes},
            )
        )

    # ------------------------------------------------------------------------------------------ reading

    async def asked(self, game_id: int) -> list[AskedQuestion]:
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    questions.select().where(questions.c.game_id == game_id).order_by(questions.c.number)
                )
            ).all()
        return [
            AskedQuestion(
                number=r.number,
                question=Question.model_validate_json(r.payload),
                asked=from_ms(r.asked_ms),
                closed=from_ms(r.closed_ms) if r.closed_ms is not None else None,
                skipped=bool(r.skipped),
            )
            for r in rows
        ]

    async def asked_keys(self, guild_id: str) -> dict[str, float]:
        """Every question key asked in this server, with when it was last asked (epoch ms): the no-repeat memory."""
        async with self._read() as conn:
            rows = await conn.execute(
                sa.select(questions.c.key, sa.func.max(questions.c.asked_ms))
                .join(games, games.c.id == questions.c.game_id)
                .where(games.c.guild_id == guild_id)
                .group_by(questions.c.key)
            )
            return {key: float(last) for key, last in rows}

    async def standings(self, game_id: int) -> list[Standing]:
        async with self._read() as conn:
            return await _standings(conn, game_id)

    async def leaderboard(
        self,
        guild_id: str,
        *,
        now: dt.datetime,
        period: Period = "all",
        sport: str | None = None,
        limit: int = 10,
    ) -> list[LeaderRow]:
        """This server's players by points: all time or this calendar month (UTC), in all sports or one."""
        conditions = [answers.c.guild_id == guild_id]
        if period == "month":
            conditions.append(answers.c.answered_ms >= to_ms(month_start(now)))
        if sport:
            conditions.append(sa.func.lower(answers.c.sport) == sport.lower())
        points = sa.func.sum(answers.c.points).label("points")
        correct = sa.func.sum(sa.case((answers.c.correct, 1), else_=0)).label("correct")
        answered = sa.func.count().label("answered")
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    sa.select(answers.c.player_id, points, correct, answered, sa.func.min(answers.c.answered_ms))
                    .where(*conditions)
                    .group_by(answers.c.player_id)
                    .order_by(points.desc(), correct.desc(), sa.func.min(answers.c.answered_ms), answers.c.player_id)
                    .limit(limit)
                )
            ).all()
            ids = [r.player_id for r in rows]
            names = dict(
                (
                    await conn.execute(
                        sa.select(player_streaks.c.player_id, player_streaks.c.player_name).where(
                            player_streaks.c.guild_id == guild_id, player_streaks.c.player_id.in_(ids)
                        )
                    )
                ).all()
            )
        out: list[LeaderRow] = []
        for i, r in enumerate(rows):
            total = int(r.points or 0)
            place = out[-1].place if out and out[-1].points == total else i + 1
            out.append(
                LeaderRow(
                    place, r.player_id, names.get(r.player_id, r.player_id), total, int(r.correct), int(r.answered)
                )
            )
        return out

    async def streak(self, guild_id: str, player_id: str) -> Streak | None:
        async with self._read() as conn:
            row = (
                await conn.execute(
                    player_streaks.select().where(
                        player_streaks.c.guild_id == guild_id, player_streaks.c.player_id == player_id
                    )
                )
            ).first()
        return Streak(row.player_id, row.player_name, row.current, row.best) if row else None

    async def export_rows(self, game_id: int) -> list[ExportRow]:
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    sa.select(answers, questions.c.kind, questions.c.prompt, questions.c.answer.label("right"))
                    .join(questions, questions.c.id == answers.c.question_id)
                    .where(answers.c.game_id == game_id)
                    .order_by(answers.c.number, answers.c.answered_ms, answers.c.id)
                )
            ).all()
        return [
            ExportRow(
                game=str(game_id),
                question=r.number,
                kind=r.kind,
                prompt=r.prompt,
                right_answer=r.right,
                player_id=r.player_id,
                player=r.player_name,
                given=r.given,
                correct=bool(r.correct),
                credit=float(r.credit),
                points=int(r.points),
                seconds=r.elapsed_ms / 1000,
                answered_at=from_ms(r.answered_ms),
            )
            for r in rows
        ]


def _game(row: Any) -> GameRecord:
    return GameRecord(
        id=int(row.id),
        guild_id=row.guild_id,
        channel_id=row.channel_id,
        owner=row.owner,
        host_id=row.host_id,
        mode=row.mode,
        options=json.loads(row.options),
        seed=int(row.seed),
        question_count=int(row.question_count),
        seconds=float(row.seconds),
        status=row.status,
        started=from_ms(row.started_ms),
        ended=from_ms(row.ended_ms) if row.ended_ms is not None else None,
        announced=bool(row.announced),
    )


def _owns_running() -> Any:
    """The lease's instance owns a running game (`role@instance`): correlated with the `leases` row."""
    suffix = sa.literal("%@", sa.String) + leases.c.instance
    return sa.exists().where(games.c.status == "running", games.c.owner.like(suffix))


async def _standings(conn: AsyncConnection, game_id: int) -> list[Standing]:
    rows = (await conn.execute(scores.select().where(scores.c.game_id == game_id).order_by(scores.c.first_ms))).all()
    return rank_players(
        [
            PlayerScore(
                player_id=r.player_id,
                name=r.player_name,
                points=r.points,
                correct=r.correct,
                answered=r.answered,
                best_streak=r.best_streak,
                first_seen=i,
            )
            for i, r in enumerate(rows)
        ]
    )
