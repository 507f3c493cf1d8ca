"""The current schema, as the queries see it. Tables are created and changed only by `migrations` (a test checks
that a migrated database has exactly these columns). Times are epoch milliseconds (UTC), the same on both
engines; ids of Discord things are text (snowflakes overflow some drivers' integers, and `console` is an id too).
"""

from __future__ import annotations

import sqlalchemy as sa

# An integer primary key that autoincrements on both engines (SQLite wants INTEGER for its rowid alias).
Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("applied_ms", sa.BigInteger, nullable=False),
)

games = sa.Table(
    "games",
    metadata,
    sa.Column("id", Id, primary_key=True, autoincrement=True),
    sa.Column("guild_id", sa.String(32), nullable=False),
    sa.Column("channel_id", sa.String(32), nullable=False),
    # Which process may close this game when it restarts: `shard:3`, `console`.
    sa.Column("owner", sa.String(64), nullable=False),
    sa.Column("host_id", sa.String(32), nullable=False),
    sa.Column("mode", sa.String(16), nullable=False),
    sa.Column("options", sa.Text, nullable=False),  # JSON: sport, games, event, difficulty as asked
    sa.Column("seed", sa.BigInteger, nullable=False),
    sa.Column("question_count", sa.Integer, nullable=False),
    sa.Column("seconds", sa.Float, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # running, finished, stopped, interrupted
    sa.Column("started_ms", sa.BigInteger, nullable=False),
    sa.Column("ended_ms", sa.BigInteger),
    # An interrupted game is reported to its channel once; this marks that it was.
    sa.Column("announced", sa.Boolean, nullable=False),
)

questions = sa.Table(
    "questions",
    metadata,
    sa.Column("id", Id, primary_key=True, autoincrement=True),
    sa.Column("game_id", Id, sa.ForeignKey("games.id", ondelete="CASCADE"), nullable=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("key", sa.String(300), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("sport", sa.String(64)),
    sa.Column("prompt", sa.Text, nullable=False),
    sa.Column("answer", sa.Text, nullable=False),
    sa.Column("payload", sa.Text, nullable=False),  # the Question as JSON, options included
    sa.Column("asked_ms", sa.BigInteger, nullable=False),
    sa.Column("closed_ms", sa.BigInteger),
    sa.Column("skipped", sa.Boolean, nullable=False),
    sa.UniqueConstraint("game_id", "number", name="uq_questions_game_number"),
)

answers = sa.Table(
    "answers",
    metadata,
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
    # One answer per player per question, whichever process wrote it.
    sa.UniqueConstraint("question_id", "player_id", name="uq_answers_question_player"),
)

scores = sa.Table(
    "scores",
    metadata,
    sa.Column("game_id", Id, sa.ForeignKey("games.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("player_id", sa.String(32), primary_key=True),
    sa.Column("player_name", sa.String(100), nullable=False),
    sa.Column("points", sa.Integer, nullable=False),
    sa.Column("correct", sa.Integer, nullable=False),
    sa.Column("answered", sa.Integer, nullable=False),
    sa.Column("best_streak", sa.Integer, nullable=False),
    sa.Column("first_ms", sa.BigInteger, nullable=False),
)

player_streaks = sa.Table(
    "player_streaks",
    metadata,
    sa.Column("guild_id", sa.String(32), primary_key=True),
    sa.Column("player_id", sa.String(32), primary_key=True),
    sa.Column("player_name", sa.String(100), nullable=False),
    sa.Column("current", sa.Integer, nullable=False),
    sa.Column("best", sa.Integer, nullable=False),
    sa.Column("updated_ms", sa.BigInteger, nullable=False),
)

# One row per running process that owns games (`games.owner` is `role@instance`): renewed while it lives. A game
# whose owner's lease is gone (expired, or its process dead on this host) was cut off; a live one is left alone.
leases = sa.Table(
    "leases",
    metadata,
    sa.Column("instance", sa.String(40), primary_key=True),
    sa.Column("host", sa.String(255), nullable=False),
    sa.Column("pid", sa.Integer, nullable=False),
    sa.Column("started_ms", sa.BigInteger, nullable=False),
    sa.Column("expires_ms", sa.BigInteger, nullable=False),
)
