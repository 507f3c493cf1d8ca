"""What the bot knows: counts of events, athletes, Games and sports, the problems found at load, its version."""

from __future__ import annotations

from importlib import metadata

from pydantic import BaseModel

from bot.index import PodiumIndex

FALLBACK_VERSION = "0.1.0"


class AboutAnswer(BaseModel):
    version: str
    events: int
    athletes: int
    nations: int
    games: list[str]
    sports: list[str]
    result_rows: int
    problems: list[str]


def version() -> str:
    try:
        return metadata.version("podium")
    except metadata.PackageNotFoundError:
        return FALLBACK_VERSION


def about_answer(index: PodiumIndex) -> AboutAnswer:
    events = list(index.infos.values())
    games = sorted({e.games for e in events if e.year is not None}, key=lambda g: (int(g.split()[0]), g))
    nations = set().union(*(e.row_nations for e in events))
    nations |= {m.noc for e in events for m in e.medals if m.noc}
    return AboutAnswer(
        version=version(),
        events=len(events),
        athletes=len(index.athletes),
        nations=len(nations),
        games=games,
        sports=sorted({e.sport for e in events if e.sport}),
        result_rows=sum(e.rows for e in events),
        problems=[str(p) for p in index.problems],
    )
