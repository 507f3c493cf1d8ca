"""Versioned schema: each migration is a step from one version to the next, applied once, in order, at start.

Each step declares the tables it creates in its own MetaData (never the current `schema` module), so that an old
database and a new one reach the same shape by the same path. Steps run in one transaction, under a lock on
PostgreSQL (two processes starting at once apply each step once) and `BEGIN IMMEDIATE` on SQLite.
Add a step to change the schema; never edit a step that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _v1_games_questions_answers_scores(conn: Connection) -> None:
    md = sa.MetaData()
    games = sa.Table(
        "games",
        md,
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("guild_id", sa.String(32), nullable=False),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("host_id", sa.String(32), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("options", sa.Text, nullable=False),
        sa.Column("seed", sa.BigInteger, nullable=False),
        sa.Column("question_count", sa.Integer, nullable=False),
        sa.Column("seconds", sa.Float, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("started_ms", sa.BigInteger, nullable=False),
        sa.Column("ended_ms", sa.BigInteger),
        sa.Column("announced", sa.Boolean, nullable=False),
    )
    # One running game per channel, whichever process started it.
    running = games.c.status == "running"
    sa.Index(
        "ix_games_running_channel",
        games.c.channel_id,
        unique=True,
        sqlite_where=running,
        postgresql_where=running,
    )
    sa.Index("ix_games_owner_status", games.c.owner, games.c.status)
    sa.Index("ix_games_guild", games.c.guild_id)
    questions = sa.Table(
        "questions",
        md,
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("game_id", Id, sa.ForeignKey("games.id", ondelete="CASCADE"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("sport", sa.String(64)),
        sa.Column("prompt", sa.Text, nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("asked_ms", sa.BigInteger, nullable=False),
        sa.Column("closed_ms", sa.BigInteger),
        sa.Column("skipped", sa.Boolean, nullable=False),
        sa.UniqueConstraint("game_id", "number", name="uq_questions_game_number"),
    )
    sa.Index("ix_questions_key", questions.c.key)
    answers = sa.Table(
        "answers",
        md,
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("game_id", Id, sa.ForeignKey("games.id", ondelete="CASCADE"), nullable=False),
        sa.Column("question_id", Id, sa.ForeignKey("questions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("guild_id", sa.String(32), nullable=False),
        sa.Column("sport", sa.String(64)),
        sa.Column("player_id", sa.String(32), nullable=False),
        sa.Column("player_name", sa.String(100), nullable=False),
        sa.Column("given", sa.Text, nullable=False),
        sa.Column("choice", sa.Integer),
        sa.Column("credit", sa.Float, nullable=False),
        sa.Column("correct", sa.Boolean, nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("elapsed_ms", sa.Integer, nullable=False),
        sa.Column("answered_ms", sa.BigInteger, nullable=False),
        sa.UniqueConstraint("question_id", "player_id", name="uq_answers_question_player"),
    )
    sa.Index("ix_answers_game", answers.c.game_id)
    sa.Table(
        "scores",
        md,
        sa.Column("game_id", Id, sa.ForeignKey("games.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("player_id", sa.String(32), primary_key=True),
        sa.Column("player_name", sa.String(100), nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("correct", sa.Integer, nullable=False),
        sa.Column("answered", sa.Integer, nullable=False),
        sa.Column("best_streak", sa.Integer, nullable=False),
        sa.Column("first_ms", sa.BigInteger, nullable=False),
    )
    md.create_all(conn, checkfirst=False)


def _v2_player_streaks_and_leaderboard_indexes(conn: Connection) -> None:
    md = sa.MetaData()
    sa.Table(
        "player_streaks",
        md,
        sa.Column("guild_id", sa.String(32), primary_key=True),
        sa.Column("player_id", sa.String(32), primary_key=True),
        sa.Column("player_name", sa.String(100), nullable=False),
        sa.Column("current", sa.Integer, nullable=False),
        sa.Column("best", sa.Integer, nullable=False),
        sa.Column("updated_ms", sa.BigInteger, nullable=False),
    )
    md.create_all(conn, checkfirst=False)
    answers = sa.Table("answers", sa.MetaData(), autoload_with=conn)
    sa.Index("ix_answers_guild_time", answers.c.guild_id, answers.c.answered_ms).create(conn)
    sa.Index("ix_answers_guild_sport", answers.c.guild_id, answers.c.sport).create(conn)


def _v3_leases(conn: Connection) -> None:
    md = sa.MetaData()
    sa.Table(
        "leases",
        md,
        sa.Column("instance", sa.String(40), primary_key=True),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("pid", sa.Integer, nullable=False),
        sa.Column("started_ms", sa.BigInteger, nullable=False),
        sa.Column("expires_ms", sa.BigInteger, nullable=False),
    )
    md.create_all(conn, checkfirst=False)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "games, questions, answers, scores", _v1_games_questions_answers_scores),
    Migration(2, "player streaks, leaderboard indexes", _v2_player_streaks_and_leaderboard_indexes),
    Migration(3, "leases: which process is alive to own its games", _v3_leases),
)

LATEST = MIGRATIONS[-1].version
