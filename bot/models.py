"""The validated shape of a parsed results page. Absent facts are None, never a guess."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal
from urllib.parse import quote

from pydantic import BaseModel, Field

from bot.performance import Unit

Medal = Literal["gold", "silver", "bronze"]
Season = Literal["Summer", "Winter"]
Gender = Literal["men", "women", "mixed", "open"]
# DSQ also stands for DQ; "unknown" is a row listed with neither a result nor a status.
Status = Literal["DNF", "DNS", "DSQ", "NM", "DNQ", "unknown"]

# `Final`, `Final A`, `Final round`, `Final standings`, `Medal round` — not `Semifinal` or `Quarterfinal`.
_FINAL = re.compile(r"(?<![a-z-])finals?\b|medal round|gold medal|overall standings|final standing|final ranking")
MEDAL_ORDER: dict[str, int] = {"gold": 1, "silver": 2, "bronze": 3}


class Problem(BaseModel):
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class MedalEntry(BaseModel):
    medal: Medal
    name: str
    noc: str | None


class Measured(BaseModel):
    """A performance as the page wrote it (`result`) and what it means; `corrected` marks a plausibility fix."""

    result: str | None = None
    value: float | None = None
    unit: Unit | None = None
    precision: int = 0
    corrected: bool = False
    correction: str | None = None


class ResultRow(Measured):
    line: int
    rank: int | None
    tied: bool = False
    rank_inferred: bool = False
    # True when the page's row lacked leading cells (a rowspan lost in conversion) and they were restored.
    shifted: bool = False
    group: str | None = None
    name: str
    members: list[str] = Field(default_factory=list)
    nation: str | None = None
    status: Status | None = None
    medal: Medal | None = None
    splits: dict[str, float] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)
    extra: dict[str, str] = Field(default_factory=dict)


class Round(BaseModel):
    name: str | None
    line: int
    columns: list[str]
    conditions: list[str] = Field(default_factory=list)
    results: list[ResultRow] = Field(default_factory=list)


class Record(Measured):
    line: int
    kind: str
    holder: str | None = None
    nation: str | None = None
    date: str | None = None
    place: str | None = None


class Event(BaseModel):
    file: str
    title: str
    sport: str | None
    event: str | None
    gender: Gender | None
    year: int | None
    season: Season | None
    venue: str | None = None
    date: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    competitors: int | None = None
    nations: int | None = None
    previous: str | None = None
    next: str | None = None
    team: bool = False
    medals: list[MedalEntry] = Field(default_factory=list)
    rounds: list[Round] = Field(default_factory=list)
    records: list[Record] = Field(default_factory=list)
    infobox: dict[str, str] = Field(default_factory=dict)

    @property
    def games(self) -> str:
        if self.year is None:
            return "unknown Games"
        return f"{self.year} {self.season or ''}".strip()

    @property
    def source_url(self) -> str:
        return "https://en.wikipedia.org/wiki/" + quote(self.title.replace(" ", "_"), safe="_(),'-")

    def final_round(self) -> Round | None:
        """The round medals are decided in: one named as a final, else a page's only or unnamed last table.

        A page whose final table is missing has no final round: medals then stay with the infobox.
        """
        if not self.rounds:
            return None
        finals = [r for r in self.rounds if r.name and _FINAL.search(r.name.lower())]
        exact = [r for r in finals if r.name and r.name.strip().lower() in ("final", "final a", "finals")]
        if exact or finals:
            return (exact or finals)[0]
        if len(self.rounds) == 1 or self.rounds[-1].name is None:
            return self.rounds[-1]
        return None


class LoadResult(BaseModel):
    events: list[Event]
    problems: list[Problem]
