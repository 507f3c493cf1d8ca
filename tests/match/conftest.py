from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.bench.quality import quality_podium
from bot.core import Podium


@pytest.fixture(scope="session")
def qpodium() -> Iterator[Podium]:
    """The bundled pages and the matcher's own fixture pages (tests/match/pages), loaded once."""
    with quality_podium() as podium:
        yield podium
