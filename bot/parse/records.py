"""The records table: read by what the cells hold, since its header is often a caption, not column names.

Two shapes are met: standing records (`| World Record | holder | 1:18.13 | date | place |`, the header a caption)
and records set during the competition (`| Date | Event | Name | Nation | Time | Record |`, the kind last).
"""

from __future__ import annotations

import re

from bot.models import Problem, Record
from bot.parse.columns import looks_like_time
from bot.parse.page import Table
from bot.performance import Unit, parse_performance
from bot.reference import Reference
from bot.text import normalize

_KIND = re.compile(r"record|best|leading|\b(WR|OR|WB|OB|AR|ER|CR|NR|=WR|=OR)\b", re.I)
_KIND_CELL = re.compile(r"^=?(WR|OR|WB|OB|AR|ER|CR|NR|OB)$")
_DATE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{4}-\d{2}-\d{2}|\b\d{1,2} \w+ \d{4}", re.I
)
_NOC_SUFFIX = re.compile(r"^(.*?\S)\s*\(([A-Z]{3})\)$")


def _holder(text: str, ref: Reference) -> tuple[str, str | None]:
    match = _NOC_SUFFIX.match(text)
    if match and ref.nation_code(match.group(2)):
        return match.group(1), match.group(2)
    return text, None


def _perf_at(cells: list[str], unit: Unit) -> int | None:
    return next(
        (i for i, c in enumerate(cells) if c and (looks_like_time(c) or parse_performance(c.split()[0], unit))),
        None,
    )


def _record(
    line: int, kind: str, result: str, unit: Unit, holder: str | None, nation: str | None, date: str | None,
    place: str | None,
) -> Record:  # fmt: skip
    perf = parse_performance(result.split()[0], unit)
    return Record(
        line=line, kind=kind, holder=holder, nation=nation, result=result, value=perf.value if perf else None,
        unit=perf.unit if perf else None, precision=perf.precision if perf else 0, date=date, place=place,
    )  # fmt: skip


def _set_during(table: Table, unit: Unit, file: str, ref: Reference, problems: list[Problem]) -> list[Record]:
    """`| Date | Event | Name | Nation | Time | Record |`: one row per record set at these Games."""
    header = [normalize(h) for h in table.header]
    col = {key: next((i for i, h in enumerate(header) if h in names), None) for key, names in _SET_COLUMNS.items()}
    records: list[Record] = []
    for row in table.rows[1:]:
        cells = row.cells + [""] * (len(header) - len(row.cells))
        if not any(cells):
            continue

        def cell(key: str, cells: list[str] = cells) -> str:
            index = col[key]
            return cells[index].strip() if index is not None and index < len(cells) else ""

        result = cell("result")
        if not result or parse_performance(result.split()[0], unit) is None:
            problems.append(Problem(file=file, line=row.line, message=f"record row has no result: {row.cells}"))
            continue
        holder, nation = _holder(cell("name"), ref)
        nation = ref.nation_code(cell("nation")) if cell("nation") else nation
        round_name = cell("round")
        records.append(
            _record(
                row.line,
                cell("kind") or "Record",
                result,
                unit,
                holder or None,
                nation,
                cell("date") or None,
                round_name or None,
            )
        )
    return records


_SET_COLUMNS = {
    "date": ("date",),
    "round": ("event", "round", "race", "heat"),
    "name": ("name", "athlete", "athletes", "swimmer", "holder", "competitor"),
    "nation": ("nation", "country", "noc", "nationality"),
    "result": ("time", "mark", "result", "distance", "height", "points", "score"),
    "kind": ("record", "records", "type"),
}


def read_records(table: Table, unit: Unit, file: str, ref: Reference, problems: list[Problem]) -> list[Record]:
    header = [normalize(h) for h in table.header]
    if any(h in _SET_COLUMNS["kind"] for h in header) and any(h in _SET_COLUMNS["result"] for h in header):
        return _set_during(table, unit, file, ref, problems)
    records: list[Record] = []
    for number, row in enumerate(table.rows):
        cells = list(row.cells)
        if not any(cells):
            continue
        kind = cells[0]
        rest = cells[1:]
        result_at = _perf_at(rest, unit)
        if result_at is None and number == 0:
            continue  # a caption row such as `Standing records prior to the 1992 Summer Olympics`
        if result_at is None or not kind or looks_like_time(kind):
            problems.append(Problem(file=file, line=row.line, message=f"record row not understood: {cells}"))
            continue
        before = [c for c in rest[:result_at] if c]
        after = [c for c in rest[result_at + 1 :] if c]
        holder: str | None = None
        nation: str | None = None
        for text in before:
            code = ref.nation_code(text)
            if code and nation is None and (len(text) == 3 or holder is not None):
                nation = code
            elif holder is None:
                holder, written = _holder(text, ref)
                nation = nation or written
        date = next((c for c in after if _DATE.search(c)), None)
        place = next((c for c in after if c != date), None)
        records.append(_record(row.line, kind, rest[result_at], unit, holder, nation, date, place))
    return records
