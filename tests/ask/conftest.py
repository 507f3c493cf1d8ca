from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.bench.ask import SUITE_PAGES
from bot.bench.quality import quality_podium
from bot.core import Podium
from tests.bench.conftest import corpus, corpus_podium

__all__ = ["corpus", "corpus_podium"]  # the generated corpus the benchmark tests use, shared


@pytest.fixture(scope="session")
def suite_podium() -> Iterator[Podium]:
    """The question suite's pages: bundled, the matcher's fixtures and the real pages in tests/ask/pages."""
    with quality_podium(*SUITE_PAGES) as podium:
        yield podium
