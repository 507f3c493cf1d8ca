"""Small pages written on the fly for matcher tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def page(sport: str, year: int, event: str, names: Sequence[str], season: str = "Summer") -> str:
    rows = "\n".join(f"| {i} | {name} | | {60 + i}.0 | |" for i, name in enumerate(names, start=1))
    return (
        f"= {sport} at the {year} {season} Olympics – {event} =\n\n"
        f"Infobox\n- Event: {event}\n- Games: {year} {season}\n\n"
        f"==Results==\n\n| Rank | Athlete | Nation | Time | Notes |\n{rows}\n"
    )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
