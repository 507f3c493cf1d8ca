from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import Podium
from bot.reference import Reference, load_reference

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "data" / "pages"


@pytest.fixture(scope="session")
def reference() -> Reference:
    return load_reference()


@pytest.fixture(scope="session")
def podium(reference: Reference) -> Podium:
    return Podium.load(PAGES, reference)
