"""The records table: read by what the cells hold, since its header is often a caption, not column names."""

from __future__ import annotations

import re

from bot.models import Problem, Record
from bot.parse.columns import looks_like_time
from bot.parse.page import Table
from bot.performance import Unit, parse_performance
from bot.reference import Reference

_KIND = re.compile(r"record|best|\b(WR|OR|WB|OB)\b", re.I)
_DATE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b.*\d{4}|\d{4}-\d{2}-\d{2}|\b\d{1,2} \w+ \d{4}",
    re.I,
)


def read_records(table: Table, unit: Unit, file: str, ref: Reference, problems: list[Problem]) -> list[Record]:
    records: list[Record] = []
    for number, row in enumerate(table.rows):
        cells = list(row.cells)
        if not any(cells):
            continue
        kind = cells[0]
        if not _KIND.search(kind):
            continue  # the caption or header row
        rest = cells[1:]
        result_at = next(
            (i for i, c in enumerate(rest) if c and (looks_like_time(c) or parse_performance(c, unit))), None
        )
        if result_at is None and number == 0:
            continue  # a caption row such as `Standing records prior to the 1992 Summer Olympics`
        if result_at is None:
            problems.append(Problem(file=file, line=row.line, message=f"record row has no result: {cells}"))
            continue
        perf = parse_performance(rest[result_at].split()[0] if unit == "s" else rest[result_at], unit)
        before = [c for c in rest[:result_at] if c]
        after = [c for c in rest[result_at + 1 :] if c]
        holder = nation = None
        for text in before:
            code = ref.nation_code(text)
            if code and nation is None and (len(text) == 3 or holder is not None):
                nation = code
            elif holder is None:
                holder = text
        date = next((c for c in after if _DATE.search(c)), None)
        place = next((c for c in after if c != date), None)
        records.append(
            Record(
                line=row.line,
                kind=kind,
                holder=holder,
                nation=nation,
                result=rest[result_at],
                value=perf.value if perf else None,
                unit=perf.unit if perf else None,
                precision=perf.precision if perf else 0,
                date=date,
                place=place,
            )
        )
    return records
