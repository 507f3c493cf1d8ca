"""One async engine for either database, chosen by the URL: SQLite (aiosqlite) by default, PostgreSQL (asyncpg).

SQLite is set up for a bot that may be killed at any moment: WAL journal, `synchronous=FULL` (a commit is on disk
before it returns), foreign keys on, a busy timeout, and write transactions begun with `BEGIN IMMEDIATE` so that
two writers queue at the start instead of failing at their first write.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import StaticPool

from bot.errors import PodiumError

# Execution option marking a connection that will write (see `_begin`).
WRITE = "podium_write"


class StorageError(PodiumError):
    """The database cannot be used: a bad URL, or a schema newer than this code."""


def resolve_url(url: str, base_dir: Path | None = None) -> URL:
    """The async driver for the URL's database, and a relative SQLite path made absolute against `base_dir`
    (its folder created)."""
    try:
        parsed = make_url(url)
    except Exception as err:  # sqlalchemy raises ArgumentError, but anything unparseable is the same to a user
        raise StorageError(f"Not a database URL: {url!r}") from err
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        parsed = parsed.set(drivername="sqlite+aiosqlite")
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            path = Path(database)
            if not path.is_absolute() and base_dir is not None:
                path = base_dir / path
            path.parent.mkdir(parents=True, exist_ok=True)
            parsed = parsed.set(database=str(path))
        return parsed
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+asyncpg")
    raise StorageError(f"Unsupported database {backend!r}: use sqlite or postgresql.")


def make_engine(url: str, base_dir: Path | None = None) -> AsyncEngine:
    resolved = resolve_url(url, base_dir)
    if resolved.get_backend_name() != "sqlite":
        return create_async_engine(resolved, pool_pre_ping=True)
    memory = (resolved.database or ":memory:") == ":memory:"
    options: dict[str, Any] = {"poolclass": StaticPool} if memory else {}
    engine = create_async_engine(resolved, **options)
    event.listen(engine.sync_engine, "connect", _sqlite_connect(memory))
    event.listen(engine.sync_engine, "begin", _begin)
    return engine


def _sqlite_connect(memory: bool) -> Any:
    def connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver must not open transactions on its own: `_begin` does, deferred or immediate.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.close()

    return connect


def _begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")
