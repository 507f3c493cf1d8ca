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
# DSQ also stands for DQ; NM for NH (no height); AC (weightlifting: no total) is its own; "unknown" is a row
# listed with neither a result nor a status.
Status = Literal["DNF", "DNS", "DSQ", "NM", "DNQ", "AC", "unknown"]
# Where a fact came from: the page's table row, the page's infobox, or inferred by the parser from other facts.
Source = Literal["table", "infobox", "inferred"]
TableKind = Literal["results", "records", "skipped"]

# `Final`, `Final A`, `Final round`, `Final standings`, `Medal round` — not `Semifinal` or `Quarterfinal`.
_FINAL = re.compile(r"(?<![a-z-])finals?\b|medal round|gold medal|overall standings|final standing|final ranking")
# Rounds before the final: a page whose only table is one of these has no final round.
_EARLIER_ROUND = re.compile(
    r"heat|qualif|semi|quarter|round (?:one|two|1|2|of)|first round|second round|repechage|preliminar|group|pool"
    r"|elimination|seeding|ranking round|short program|compulsory|run 1|race 1"
)
MEDAL_ORDER: dict[str, int] = {"gold": 1, "silver": 2, "bronze": 3}


class Problem(BaseModel):
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class MedalEntry(BaseModel):
    """One medal of the infobox (or, on a page without one, inferred from the final's top places).

    `name` is "" when the page names no one (a team whose flag was lost): `members` then hold the roster.
    """

    medal: Medal
    name: str
    noc: str | None
    members: list[str] = Field(default_factory=list)
    source: Source = "infobox"
    # The medal names a nation (`Gold: Soviet Union` for a team): a team, not a person.
    names_nation: bool = False


class Measured(BaseModel):
    """A performance as the page wrote it (`result`) and what it means; `corrected` marks a plausibility fix."""

    result: str | None = None
    value: float | None = None
    unit: Unit | None = None
    precision: int = 0
    corrected: bool = False
    correction: str | None = None


class ResultRow(Measured):
    """One row of a results table. `name` is "" when the page gives no competitor (its flag or name was lost
    in conversion): the row is kept, never named from another cell; `name_source` says where a name came from.
    `heat` is the row's heat (or pair, race, run) when one table holds several; its rank is within that heat when
    the round's `ranks_per_heat` says so (the ranks restart), else it is the table's overall rank."""

    line: int
    rank: int | None
    tied: bool = False
    rank_inferred: bool = False
    # True when the page's row lacked leading cells (a rowspan lost in conversion) and they were restored.
    shifted: bool = False
    group: str | None = None
    name: str
    name_source: Source = "table"
    heat: str | None = None
    members: list[str] = Field(default_factory=list)
    # A roster written as one run of words that nothing could split: kept as written in `name`.
    roster_unsplit: bool = False
    nation: str | None = None
    nation_source: Source = "table"
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
    # Ranks restart in each heat of the table (a `Heat` column or `Heat 2` label rows): a rank is within its heat.
    ranks_per_heat: bool = False


class Record(Measured):
    """A standing record before the Games, or one set during them (`round` says in which round)."""

    line: int
    kind: str
    holder: str | None = None
    nation: str | None = None
    date: str | None = None
    place: str | None = None
    round: str | None = None


class TableNote(BaseModel):
    """How a table of the page was read: every row line is a result, a record, a problem, or listed here."""

    line: int
    last_line: int
    kind: TableKind
    reason: str  # for results, the round; for records, "records"; for a skipped table, why it was skipped
    header_lines: list[int] = Field(default_factory=list)
    # Rows folded into another (team members under their team) or repeating the header.
    merged_lines: list[int] = Field(default_factory=list)


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
    tables: list[TableNote] = Field(default_factory=list)

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
        last = self.rounds[-1]
        if last.name is not None and _EARLIER_ROUND.search(last.name.lower()):
            return None  # the page (or its excerpt) ends before the final: medals stay with the infobox
        if len(self.rounds) == 1 or last.name is None:
            return last
        return None


class LoadResult(BaseModel):
    events: list[Event]
    problems: list[Problem]
