"""Answers as plain data: each face (console, Discord) renders them its own way."""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, Field

from bot.index import Appearance, PodiumIndex
from bot.models import Event, Medal, MedalEntry, ResultRow, Round
from bot.performance import Unit, format_gap

STATUS_TEXT = {
    "DNF": "did not finish",
    "DNS": "did not start",
    "DSQ": "disqualified",
    "NM": "no mark",
    "DNQ": "did not qualify",
    "unknown": "no result listed (status unknown)",
}


class EventSummary(BaseModel):
    id: str
    title: str
    sport: str | None
    event: str | None
    games: str
    year: int | None
    season: str | None
    venue: str | None
    date: str | None
    competitors: int | None
    nations: int | None
    source_file: str
    url: str


class Line(BaseModel):
    rank_text: str
    rank: int | None
    tied: bool
    rank_inferred: bool
    name: str
    members: list[str] = Field(default_factory=list)
    nation: str | None
    nation_name: str | None
    flag: str | None
    result: str | None
    gap: str | None
    status: str | None
    status_text: str | None
    medal: Medal | None
    splits: dict[str, float] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)
    extra: dict[str, str] = Field(default_factory=dict)
    correction: str | None = None
    # The result as a number in its unit (seconds, metres, points), for charts and comparisons.
    value: float | None = None
    unit: Unit | None = None
    precision: int = 0


class RoundAnswer(BaseModel):
    name: str | None
    conditions: list[str]
    lines: list[Line]


class EventAnswer(BaseModel):
    event: EventSummary
    rounds: list[RoundAnswer]
    # Which of `rounds` decided the medals (`Event.final_round`); None when the page has no final round.
    final_round: int | None = None


class PodiumAnswer(BaseModel):
    event: EventSummary
    places: list[Line]
    medals_without_row: list[str] = Field(default_factory=list)


class AppearanceLine(BaseModel):
    event: EventSummary
    round: str | None
    line: Line


class AthleteAnswer(BaseModel):
    id: str
    name: str
    sport: str
    nations: list[str]
    medals: dict[str, int]
    appearances: list[AppearanceLine]


class RecordLine(BaseModel):
    kind: str
    holder: str | None
    nation: str | None
    result: str | None
    value: float | None
    unit: Unit | None
    corrected: bool
    correction: str | None
    date: str | None
    place: str | None


class RecordsAnswer(BaseModel):
    event: EventSummary
    records: list[RecordLine]


def summarize(index: PodiumIndex, event_id: str) -> EventSummary:
    e = index.infos[event_id]  # no need to decode the event
    return EventSummary(
        id=event_id, title=e.title, sport=e.sport, event=e.event, games=e.games, year=e.year, season=e.season,
        venue=e.venue, date=e.date, competitors=e.competitors, nations=e.nations, source_file=e.file,
        url=e.source_url,
    )  # fmt: skip


def rank_text(row: ResultRow) -> str:
    if row.rank is not None:
        return f"={row.rank}" if row.tied else str(row.rank)
    if row.status and row.status != "unknown":
        return row.status
    return row.group or "—"


def _winner_value(rnd: Round) -> float | None:
    """The value gaps are measured from: the rank-1 row's. No gaps when the winner's value is unknown, and the
    best value only when the table ranks no one at all."""
    firsts = [r for r in rnd.results if r.rank == 1 and r.status is None]
    if firsts:
        return firsts[0].value
    if any(r.rank is not None for r in rnd.results):
        return None
    values = [r.value for r in rnd.results if r.value is not None and r.status is None]
    if not values:
        return None
    unit = next(r.unit for r in rnd.results if r.value is not None)
    return min(values) if unit == "s" else max(values)


def line_of(index: PodiumIndex, row: ResultRow, best: float | None) -> Line:
    nation = index.reference.nation(row.nation)
    gap = None
    if best is not None and row.value is not None and row.status is None and row.value != best:
        diff = row.value - best if row.unit == "s" else best - row.value
        gap = format_gap(diff, row.unit, max(row.precision, 0))
    return Line(
        rank_text=rank_text(row), rank=row.rank, tied=row.tied, rank_inferred=row.rank_inferred,
        name=row.name or NOT_GIVEN,
        members=row.members, nation=row.nation, nation_name=nation.name if nation else None,
        flag=nation.flag if nation else None, result=row.result, gap=gap, status=row.status,
        status_text=STATUS_TEXT.get(row.status or ""), medal=row.medal, splits=row.splits, notes=row.notes,
        extra=row.extra, correction=row.correction, value=row.value, unit=row.unit, precision=row.precision,
    )  # fmt: skip


def _ordered(rows: list[ResultRow]) -> list[ResultRow]:
    """Ranked rows in page order, then rows without a result or with a status, labelled at the end."""
    finished = [r for r in rows if r.status is None]
    others = [r for r in rows if r.status is not None]
    return finished + others


def event_answer(index: PodiumIndex, event_id: str) -> EventAnswer:
    e = index.events[event_id]
    rounds = []
    for rnd in e.rounds:
        best = _winner_value(rnd)
        rounds.append(
            RoundAnswer(
                name=rnd.name,
                conditions=rnd.conditions,
                lines=[line_of(index, r, best) for r in _ordered(rnd.results)],
            )
        )
    final = e.final_round()
    final_index = next((i for i, rnd in enumerate(e.rounds) if rnd is final), None)
    return EventAnswer(event=summarize(index, event_id), rounds=rounds, final_round=final_index)


# What an answer shows where the page gives no competitor (its name was lost with a flag).
NOT_GIVEN = "(not given)"


def medal_name(medal: MedalEntry) -> str:
    """A medallist as an answer shows them: their name, else their team's roster, else "(not given)"."""
    return medal.name or ", ".join(medal.members) or NOT_GIVEN


def podium_answer(index: PodiumIndex, event_id: str) -> PodiumAnswer:
    e: Event = index.events[event_id]
    final = e.final_round()
    places: list[Line] = []
    if final is not None:
        best = _winner_value(final)
        medal_rows = [r for r in final.results if r.medal]
        medal_rows.sort(key=lambda r: ({"gold": 1, "silver": 2, "bronze": 3}[r.medal or "gold"], r.line))
        places = [line_of(index, r, best) for r in medal_rows]
    named = {(p.medal, p.name) for p in places}
    missing = [
        f"{m.medal}: {medal_name(m)}" for m in e.medals if (m.medal, medal_name(m)) not in named and m.medal and m.name
    ]
    if not places:
        # No results row carries the medal: answer from the infobox alone, without inventing a result.
        for m in e.medals:
            nation = index.reference.nation(m.noc)
            places.append(
                Line(
                    rank_text={"gold": "1", "silver": "2", "bronze": "3"}[m.medal],
                    rank=None,
                    tied=False,
                    rank_inferred=False,
                    name=medal_name(m),
                    members=m.members,
                    nation=m.noc,
                    nation_name=nation.name if nation else None,
                    flag=nation.flag if nation else None,
                    result=None,
                    gap=None,
                    status=None,
                    status_text=None,
                    medal=m.medal,
                )
            )
        missing = []
    return PodiumAnswer(event=summarize(index, event_id), places=places, medals_without_row=missing)


def athlete_answer(index: PodiumIndex, athlete_id: str) -> AthleteAnswer:
    athlete = index.athletes[athlete_id]
    lines: list[AppearanceLine] = []
    for app in athlete.appearances:
        lines.append(_appearance(index, app))
    medals: Counter[str] = athlete.medal_count()
    return AthleteAnswer(
        id=athlete.id,
        name=athlete.name,
        sport=athlete.sport,
        nations=athlete.nations,
        medals={k: medals.get(k, 0) for k in ("gold", "silver", "bronze")},
        appearances=lines,
    )


def _appearance(index: PodiumIndex, app: Appearance) -> AppearanceLine:
    best = None if app.from_infobox else _winner_value(index.events[app.event_id].rounds[app.round_index])
    return AppearanceLine(event=summarize(index, app.event_id), round=app.round, line=line_of(index, app.row, best))


def records_answer(index: PodiumIndex, event_id: str) -> RecordsAnswer:
    e = index.events[event_id]
    return RecordsAnswer(
        event=summarize(index, event_id),
        records=[
            RecordLine(
                kind=r.kind,
                holder=r.holder,
                nation=r.nation,
                result=r.result,
                value=r.value,
                unit=r.unit,
                corrected=r.corrected,
                correction=r.correction,
                date=r.date,
                place=r.place,
            )
            for r in e.records
        ],
    )
