"""The quality suite: realistic queries over the bundled pages and small pages of our own, each with its expected
verdict. Used by `tests/match/test_quality.py` and by `python -m bot.bench quality` (which prints the accuracy).

Cases file (CSV): `kind,query,outcome,names`. `names` holds expected names (athletes) or page titles (events),
separated by ` | `. For `match`, the one answer. For `ambiguous`, the whole list in order; ending with ` | …`,
only its first entries. For `none`, names that must be among the suggestions (may be empty).
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.core import Podium
from bot.match.types import Resolution
from bot.reference import DATA_DIR
from bot.settings import ROOT

CASES_DIR = ROOT / "tests" / "match"
CASES_FILE = CASES_DIR / "quality_cases.csv"
FIXTURE_PAGES = CASES_DIR / "pages"
MORE = "…"


@dataclass(frozen=True)
class Case:
    line: int
    kind: str
    query: str
    outcome: str
    names: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.kind} {self.query!r}"


def load_cases(path: Path = CASES_FILE) -> list[Case]:
    cases = []
    with path.open(encoding="utf-8", newline="") as handle:
        for n, row in enumerate(csv.DictReader(handle), start=2):
            if not row["kind"] or row["kind"].startswith("#"):
                continue
            names = tuple(x.strip() for x in (row.get("names") or "").split(" | ") if x.strip())
            cases.append(Case(n, row["kind"].strip(), row["query"], row["outcome"].strip(), names))
    return cases


@contextmanager
def quality_podium(*folders: Path) -> Iterator[Podium]:
    """One Podium over the bundled pages and the fixture pages (copied together into a temporary folder)."""
    sources = folders or (DATA_DIR / "pages", FIXTURE_PAGES)
    with tempfile.TemporaryDirectory(prefix="podium-quality-") as tmp:
        for folder in sources:
            for page in sorted(folder.glob("*.txt")):
                shutil.copy(page, Path(tmp) / page.name)
        yield Podium.load(Path(tmp))


def verdict(podium: Podium, case: Case) -> Resolution:
    return podium.resolve("athlete" if case.kind == "athlete" else "event", case.query)


def problem(case: Case, got: Resolution) -> str | None:
    """Why the verdict is not the expected one, or None when it is."""
    names = [c.name for c in got.candidates]
    if got.outcome != case.outcome:
        return f"expected {case.outcome}, got {got.outcome}: {names[:5]}"
    if case.outcome == "match" and names[:1] != list(case.names[:1]):
        return f"expected {case.names[:1]}, got {names[:1]}"
    if case.outcome == "ambiguous" and case.names:
        if case.names[-1] == MORE:
            head = list(case.names[:-1])
            if names[: len(head)] != head:
                return f"expected the list to start {head}, got {names[: len(head) + 1]}"
        elif names != list(case.names):
            return f"expected exactly {list(case.names)}, got {names}"
    if case.outcome == "none":
        missing = [n for n in case.names if n not in names]
        if missing:
            return f"expected suggestions {missing}, got {names}"
    return None


def report(podium: Podium, cases: list[Case]) -> tuple[int, list[str]]:
    failures = []
    for case in cases:
        why = problem(case, verdict(podium, case))
        if why:
            failures.append(f"line {case.line}: {case}: {why}")
    return len(cases) - len(failures), failures
