from __future__ import annotations

from pathlib import Path

import pytest

from bot.bench.generate import generate
from bot.core import Podium


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate(folder, 200, seed=3)
    return folder


@pytest.fixture(scope="session")
def corpus_podium(corpus: Path) -> Podium:
    return Podium.load(corpus)
