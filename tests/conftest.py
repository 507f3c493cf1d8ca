from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import Podium
from bot.reference import Reference, load_reference

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "data" / "pages"


@pytest.fixture(autouse=True)
def _own_cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands that load through the index cache write it under a temporary folder, not the checkout's var/."""
    monkeypatch.setenv("PODIUM_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def reference() -> Reference:
    return load_reference()


@pytest.fixture(scope="session")
def podium(reference: Reference) -> Podium:
    return Podium.load(PAGES, reference)
