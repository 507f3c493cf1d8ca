"""Every storage test runs on both engines: a SQLite file, and the real PostgreSQL that `.ci/run` starts.

The PostgreSQL leg skips (with the reason) only when PODIUM_TEST_POSTGRES_URL is unset; `.ci/run` always sets it.
Each PostgreSQL test starts from an empty schema.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from bot.storage.engine import resolve_url
from bot.storage.repository import QuizRepository

POSTGRES_ENV = "PODIUM_TEST_POSTGRES_URL"


def postgres_url() -> str | None:
    return os.environ.get(POSTGRES_ENV) or None


async def reset_postgres(url: str) -> None:
    engine = create_async_engine(resolve_url(url))
    try:
        async with engine.begin() as conn:
            await conn.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
            await conn.execute(sa.text("CREATE SCHEMA public"))
    finally:
        await engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'quiz.sqlite3'}"
    url = postgres_url()
    if url is None:
        pytest.skip(f"{POSTGRES_ENV} is unset: no PostgreSQL to test against (.ci/run starts one and sets it)")
    await reset_postgres(url)
    return url


@pytest.fixture
async def repo(database_url: str) -> AsyncIterator[QuizRepository]:
    opened = await QuizRepository.open(database_url)
    try:
        yield opened
    finally:
        await opened.close()
