"""Turning a results table into rows: column roles, rowspan-shifted rows, ranks, statuses and splits."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from bot.models import Problem, ResultRow
from bot.parse.columns import DASHES, Col, classify, fit, parse_rank, status_of
from bot.parse.page import Table, TableRow
from bot.performance import Performance, Unit, parse_performance, parse_time, split_notes
from bot.text import normalize

_NOC_SUFFIX = re.compile(r"^(.*?\S)\s*\(([A-Z]{3})\)$")
_MEMBER_SPLIT = re.compile(r"\s*(?:,|;|/|\band\b|<br\s*/?>)\s*")


@dataclass(frozen=True)
class Layout:
    columns: list[str]
    kinds: list[Col]
    team: bool
    competitor: int  # index of the column naming the competitor (athlete, or nation in team events)

    def index(self, kind: Col) -> int | None:
        return self.kinds.index(kind) if kind in self.kinds else None

    def result_index(self) -> int | None:
        # The last result-like column is the final one (`Time` after the splits, `Total` after attempts).
        found = [i for i, k in enumerate(self.kinds) if k is Col.RESULT]
        return found[-1] if found else None


def layout_of(header: list[str]) -> Layout | None:
    """The roles of a table's columns, or None when the table is not a results table."""
    columns = [h or f"column {i + 1}" for i, h in enumerate(header)]
    kinds = [classify(h) for h in header]
    # Two result-like columns: only the last is the result, earlier ones are kept as extra columns.
    results = [i for i, k in enumerate(kinds) if k is Col.RESULT]
    for i in results[:-1]:
        kinds[i] = Col.EXTRA
    for i, k in enumerate(kinds):
        if k is Col.NAME and i != kinds.index(Col.NAME):
            kinds[i] = Col.EXTRA
        if k is Col.NATION and i != kinds.index(Col.NATION):
            kinds[i] = Col.EXTRA
    if Col.NAME in kinds:
        return Layout(columns, kinds, team=False, competitor=kinds.index(Col.NAME))
    if Col.NATION in kinds and (Col.RESULT in kinds or Col.RANK in kinds):
        return Layout(columns, kinds, team=True, competitor=kinds.index(Col.NATION))
    if Col.MEMBERS in kinds and (Col.RESULT in kinds or Col.RANK in kinds):
        idx = kinds.index(Col.MEMBERS)
        kinds[idx] = Col.NAME
        return Layout(columns, kinds, team=False, competitor=idx)
    return None


def default_unit(header: str, event_name: str) -> Unit:
    key = normalize(header)
    if key in ("time", "final time", "total time") or key.startswith("time"):
        return "s"
    if key in ("mark", "distance", "height", "best mark"):
        return "m"
    if key in ("points", "pts", "score", "total points"):
        return "pts"
    name = normalize(event_name)
    if re.search(r"jump|throw|put|vault|discus|javelin|hammer", name):
        return "m"
    if re.search(r"athlon|gymnast|diving|dressage|vault|all around|floor|rings|beam|bars|horse|trampoline", name):
        return "pts"
    return "s"


@dataclass
class _Aligned:
    cells: dict[int, str]  # column index -> cell text
    shift: int
    overflow: list[str]


def _align(row: TableRow, layout: Layout, previous: _Aligned | None) -> _Aligned:
    """Pick the leading shift that makes the row's cells fit their columns best.

    A rowspan lost in conversion leaves a row without its first cell(s), shifted left and padded at the end,
    so each shift up to the competitor column is scored by what the cells hold, not by the first cell alone.
    """
    width = len(layout.kinds)
    best: tuple[int, int, _Aligned] | None = None
    max_shift = layout.competitor if previous is not None else 0
    for shift in range(max_shift + 1):
        cells = row.cells
        mapped: dict[int, str] = {}
        overflow: list[str] = []
        for pos, cell in enumerate(cells):
            col = pos + shift
            if col < width:
                mapped[col] = cell
            elif cell:
                overflow.append(cell)
        if shift and overflow:
            continue  # a shifted row is padded at the end, never overflowing
        score = sum(fit(layout.kinds[c], text) for c, text in mapped.items())
        score -= 2 * len(overflow)
        if best is None or score > best[0]:
            best = (score, shift, _Aligned(mapped, shift, overflow))
    assert best is not None
    return best[2]


def _members(text: str) -> list[str]:
    return [m for m in (part.strip() for part in _MEMBER_SPLIT.split(text)) if m]


def _splits(values: list[tuple[str, str]], final: float | None) -> tuple[dict[str, float], bool]:
    """Cumulative splits; lap times that add up to the result are accumulated. Returns (splits, converted)."""
    parsed = [(label, parse_time(text)) for label, text in values if text and text not in DASHES]
    times = [(label, t[0]) for label, t in parsed if t is not None]
    if not times:
        return {}, False
    increasing = all(b >= a for (_, a), (_, b) in itertools.pairwise(times))
    if not increasing or (final is not None and times[-1][1] > final):
        total = sum(t for _, t in times)
        if (final is not None and abs(total - final) <= max(0.01 * final, 0.2)) or not increasing:
            running = 0.0
            out: dict[str, float] = {}
            for label, t in times:
                running = round(running + t, 6)
                out[label] = running
            return out, True
    return dict(times), False


def read_results(table: Table, layout: Layout, event_name: str, file: str, problems: list[Problem]) -> list[ResultRow]:
    rows: list[ResultRow] = []
    result_col = layout.result_index()
    unit = default_unit(layout.columns[result_col], event_name) if result_col is not None else "s"
    rank_col = layout.index(Col.RANK)
    previous: _Aligned | None = None
    header_key = [normalize(c) for c in table.header]

    for raw in table.rows[1:]:
        if not any(raw.cells):
            continue  # an empty padding row carries nothing
        if [normalize(c) for c in raw.cells] == header_key:
            continue  # the header repeated inside the table
        aligned = _align(raw, layout, previous)
        if aligned.shift and previous is not None:
            for col in range(aligned.shift):
                aligned.cells[col] = previous.cells.get(col, "")
        name = aligned.cells.get(layout.competitor, "").strip()

        # In a team table, a shifted row holding only names lists the members of the team above it.
        if (
            layout.team
            and aligned.shift
            and rows
            and not any(v for c, v in aligned.cells.items() if c > layout.competitor)
        ):
            rows[-1].members.extend(_members(name))
            continue
        if not name or (fit(Col.NAME, name) < 0 and not layout.team):
            problems.append(
                Problem(file=file, line=raw.line, message=f"row not understood (no competitor): {raw.cells}")
            )
            continue

        written_nation = None
        suffix = _NOC_SUFFIX.match(name)
        if suffix and not layout.team:
            name, written_nation = suffix.group(1), suffix.group(2)  # `Carl Lewis (USA)`
        row = ResultRow(line=raw.line, rank=None, name=name, shifted=bool(aligned.shift))
        if written_nation:
            row.extra["nation as written"] = written_nation
        if layout.team:
            row.nation = None  # resolved against the NOC table by the caller
        rank_text = aligned.cells.get(rank_col, "").strip() if rank_col is not None else ""
        rank, tied = parse_rank(rank_text)
        row.rank, row.tied = rank, tied
        if rank_text in DASHES and rank_text:
            row.group = rank_text
        rank_status = status_of(rank_text)

        if aligned.shift and previous is not None and rank_col is not None and rank_col < aligned.shift:
            if rows and rows[-1].rank is not None:
                row.tied = True
                rows[-1].tied = True
            elif rows and rows[-1].group:
                row.group = rows[-1].group
            if rows and rows[-1].status and rows[-1].status != "unknown":
                rank_status = rows[-1].status

        notes: list[str] = []
        perf: Performance | None = None
        status = rank_status
        if result_col is not None:
            cell = aligned.cells.get(result_col, "").strip()
            value_text, notes = split_notes(cell)
            if value_text and value_text not in DASHES:
                cell_status = status_of(value_text) or status_of(value_text.split()[0])
                if cell_status:
                    status = cell_status
                    row.result = value_text
                else:
                    perf = parse_performance(value_text, unit)
                    row.result = value_text
        if perf is not None:
            row.value, row.unit, row.precision = perf.value, perf.unit, perf.precision
        if row.result is None and status is None:
            status = "unknown"
        row.status = status  # type: ignore[assignment]

        split_cells: list[tuple[str, str]] = []
        for col, text in sorted(aligned.cells.items()):
            kind = layout.kinds[col]
            label = layout.columns[col]
            if kind is Col.SPLIT:
                split_cells.append((label, text))
            elif kind is Col.NOTES:
                notes.extend(n for n in re.split(r"[\s,]+", text) if n)
            elif kind is Col.MEMBERS and text:
                row.members.extend(_members(text))
            elif kind is Col.NATION and not layout.team and text:
                row.extra["nation as written"] = text
            elif kind in (Col.EXTRA, Col.LEAD) and text:
                row.extra[label] = text
        for i, text in enumerate(aligned.overflow):
            row.extra[f"column {len(layout.kinds) + i + 1}"] = text
        splits, converted = _splits(split_cells, row.value if row.unit == "s" else None)
        row.splits = splits
        if converted:
            row.extra["splits as written"] = " ".join(t for _, t in split_cells)
        for label, text in split_cells:
            if text and label not in splits and text not in DASHES:
                row.extra[label] = text  # a split cell that is not a time is kept as written
        row.notes = notes
        rows.append(row)
        previous = aligned
    return rows
