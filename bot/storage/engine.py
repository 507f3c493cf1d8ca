"""One async engine for either database, chosen by the URL: SQLite (aiosqlite) by default, PostgreSQL (asyncpg).

SQLite is set up for a bot that may be killed at any moment: WAL journal, `synchronous=FULL` (a commit is on disk
before it returns), foreign keys on, a busy timeout, and write transactions begun with `BEGIN IMMEDIATE` so that
two writers queue at the start instead of failing at their first write.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import StaticPool

from bot.errors import PodiumError, hide_password

# Execution option marking a connection that will write (see `_begin`).
WRITE = "podium_write"


class StorageError(PodiumError):
    """The database cannot be used: a bad URL, or a schema newer than this code."""


class StorageFault(StorageError):
    """The database refused a read or write while the bot was running: disk full, read-only, a lock held past the
    timeout, a damaged file, the server gone. Nothing of the failed transaction was kept; trying again later may
    work. The message says what happened in a few words (never a URL's password)."""

    def __init__(self, error: BaseException, doing: str = "use") -> None:
        self.error = error
        super().__init__(f"Could not {doing} the quiz database: {hide_password(describe(error))}.")


class DatabaseUnavailable(StorageError):
    """The database cannot be reached or opened: no server at that address, a refused login, an unknown database,
    a SQLite file that cannot be made or is not a database. The message names the URL (its password hidden)."""

    def __init__(self, url: str, error: BaseException) -> None:
        self.url = shown_url(url)
        super().__init__(f"Cannot open the quiz database {self.url}: {describe(error)}.")


def shown_url(url: str) -> str:
    """The URL as it may be shown to a user or logged: never its password (even in a URL too broken to parse)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy can read: mask what looks like a password, show the rest
        return hide_password(url)


def describe(error: BaseException) -> str:
    """What went wrong connecting, in a few words (the driver's own message where it has a clear one)."""
    if isinstance(error, DBAPIError):
        inner = error.orig if error.orig is not None else error
        return str(inner).strip().splitlines()[0] if str(inner).strip() else type(inner).__name__
    if isinstance(error, ConnectionRefusedError):
        return "connection refused (is the server running, at that host and port?)"
    if isinstance(error, socket.gaierror):
        return f"unknown host ({error.strerror or error})"
    if isinstance(error, TimeoutError):
        return "no answer in time"
    if isinstance(error, OSError):
        where = f": {error.filename}" if error.filename else ""
        return f"{error.strerror or error}{where}"
    return str(error) or type(error).__name__


def resolve_url(url: str, base_dir: Path | None = None) -> URL:
    """The async driver for the URL's database, and a relative SQLite path made absolute against `base_dir`
    (its folder created)."""
    try:
        parsed = make_url(url)
    except Exception as err:  # sqlalchemy raises ArgumentError, but anything unparseable is the same to a user
        raise StorageError(f"Not a database URL: {shown_url(url)!r}") from err
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


# How long a write waits for a lock another connection holds before it fails (a `StorageFault`), on both engines.
LOCK_TIMEOUT = 15.0


def make_engine(url: str, base_dir: Path | None = None, *, lock_timeout: float = LOCK_TIMEOUT) -> AsyncEngine:
    resolved = resolve_url(url, base_dir)
    timeout_ms = max(1, round(lock_timeout * 1000))
    if resolved.get_backend_name() != "sqlite":
        settings = {"lock_timeout": str(timeout_ms)}
        return create_async_engine(resolved, pool_pre_ping=True, connect_args={"server_settings": settings})
    memory = (resolved.database or ":memory:") == ":memory:"
    options: dict[str, Any] = {"poolclass": StaticPool} if memory else {}
    engine = create_async_engine(resolved, **options)
    event.listen(engine.sync_engine, "connect", _sqlite_connect(memory, timeout_ms))
    event.listen(engine.sync_engine, "begin", _begin)
    return engine


def _sqlite_connect(memory: bool, timeout_ms: int) -> Any:
    def connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver must not open transactions on its own: `_begin` does, deferred or immediate.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(timeout_ms)}")
        cursor.close()

    return connect


def _begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")
