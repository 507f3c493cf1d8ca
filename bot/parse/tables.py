"""The table classifier: each table of a page read as records, as a results round (its name, conditions and
layout, continued from the table before or inferred from its cells), or skipped with the reason why."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.models import Event, Measured, Problem, Round, TableNote
from bot.parse.columns import Col, classify, fit, parse_rank, status_of
from bot.parse.layout import SPAN_LOST, Layout, infer_layout, layout_of, merged_header
from bot.parse.page import RawPage, Section, Table
from bot.parse.plausibility import correct_time
from bot.parse.records import read_records
from bot.parse.results import read_results
from bot.performance import Unit
from bot.reference import Reference
from bot.text import normalize

# Sections whose tables are never results of this event (a schedule, past champions, the qualifying system).
_SKIP_SECTIONS = (
    "schedule", "see also", "reference", "external link", "background", "competition format", "format",
    "notes", "bibliography", "further reading", "previous", "seeds", "seeding", "teams", "venue", "officials",
    "match officials", "weather", "rosters", "squads",
    "entries", "participating", "draw", "preview",
)  # fmt: skip
_ROUND_NOISE = {"results", "result", "final results", "summary", "competition"}
# `Wind: +0.4 m/s`, `Weather: sunny`, and `Wind +1.1` written without a colon.
_CONDITION = re.compile(r"^(?:(?P<key>[A-Z][A-Za-z ]{1,24}):\s*\S|Wind\s*[+\-−±]?\d)")


def _round_name(section: Section) -> str | None:
    parts = [p for p in section.path if normalize(p) not in _ROUND_NOISE]
    return " – ".join(parts) if parts else None


def _label_before(section: Section, table_line: int, after: int) -> str | None:
    """A short line just above a table (`Heat 1`, `Group A`) names it when headings do not."""
    lines = [text for number, text in section.text if after < number < table_line and not _CONDITION.match(text)]
    if lines and len(lines[-1]) <= 40 and not lines[-1].endswith("."):
        return lines[-1].strip("'*: ")
    return None


def fix_value(row: Measured, distance: float | None) -> None:
    """A time impossible for the event's distance, read as `m:ss.xx` where `h:mm:ss` fits, is corrected and marked."""
    if row.unit != "s" or row.value is None or row.result is None:
        return
    fixed = correct_time(row.result.split()[0], row.value, distance)
    if fixed:
        row.value, row.correction, row.corrected = fixed[0], fixed[1], True
        row.precision = 0


def _conditions(section: Section, table_line: int, after: int, alone: bool) -> list[str]:
    """Lines such as `Wind: +0.4 m/s`: a lone table takes the section's, otherwise those just above it."""
    lines = [(n, text) for n, text in section.text if _CONDITION.match(text) and len(text) < 100]
    if alone:
        return [text for _, text in lines]
    return [text for n, text in lines if after < n < table_line]


def _skip_reason(labels: list[str]) -> str | None:
    """Why a table without a results layout is not a results table, when its header says what it is."""
    keys = {normalize(c) for c in labels if c}
    if {"gold", "silver", "bronze"} & keys or any(k.startswith(("gold", "silver", "bronze")) for k in keys):
        return "medal summary"
    if "date" in keys and keys & {"time", "round", "event", "session", "phase", "stage"}:
        return "schedule"
    matches = (
        "winner", "loser", "athlete 1", "athlete 2", "player 1", "player 2", "team 1", "team 2", "home", "away",
        "tpp", "mpp",
    )  # fmt: skip
    if any(k.endswith(matches) for k in keys):
        return "bouts or matches (not a ranking)"
    if not keys:
        return "empty header"
    return None


def read_tables(
    raw: RawPage, event: Event, ref: Reference, file: str, problems: list[Problem], distance: float | None, unit: Unit
) -> None:
    """Every table of the page, in order: records, results rounds, or skipped with a reason (`event.tables`)."""
    previous: Layout | None = None  # the last results layout, for a table continued after a heading
    for section in raw.sections:
        top = normalize(section.path[0]) if section.path else ""
        is_records = top.startswith("record") or normalize(section.title).startswith("record")
        skipped = next((s for s in _SKIP_SECTIONS if top.startswith(s)), None) if not is_records else None
        for n, table in enumerate(section.tables):
            last = table.rows[-1].line
            if is_records:
                note = TableNote(line=table.line, last_line=last, kind="records", reason="records")
                event.records.extend(read_records(table, unit, file, ref, problems, note))
                event.tables.append(note)
                continue
            if skipped:
                why = f"in section '{section.title}'"
                event.tables.append(TableNote(line=table.line, last_line=last, kind="skipped", reason=why))
                continue
            table.join_attribute_cells()
            labels, first_row = merged_header(table)
            layout = layout_of(labels)
            inferred = ""  # what was inferred of the table's columns, if anything
            if layout is None and previous is not None and _continues(table, previous):
                layout, labels, first_row = previous, previous.columns, 0
            if layout is None and _skip_reason(labels) is None:
                found = infer_layout(table)
                if found is not None:
                    (layout, first_row), inferred = found, "columns inferred: the table has no header"
                    labels = list(layout.columns)
            if layout is None:
                meant_as_results = any(classify(c) in (Col.RANK, Col.RESULT) for c in labels)
                medal_section = top.startswith(("medalist", "medallist", "podium", "medal summary"))
                why = _skip_reason(labels) or ("medal summary" if medal_section else "header not understood")
                looks_meant = meant_as_results or "result" in top or "final" in top
                if why == "header not understood" and len(table.rows) > first_row and looks_meant:
                    message = f"results table header not understood: {labels}"
                    problems.append(Problem(file=file, line=table.line, message=message))
                event.tables.append(TableNote(line=table.line, last_line=last, kind="skipped", reason=why))
                continue
            if SPAN_LOST in labels:
                message = "header groups lost their column spans: the columns after them are not read"
                problems.append(Problem(file=file, line=table.line, message=message))
            elif layout.result_index() is None and not inferred:
                layout = _result_from_cells(table, layout, first_row)
                if layout.result_index() is not None:
                    inferred, labels = "result column inferred from its cells", list(layout.columns)
            previous = layout
            alone = len(section.tables) == 1
            after = section.tables[n - 1].line if n else section.line
            name = _round_name(section)
            if not alone:
                label = _label_before(section, table.line, after)
                name = " – ".join(p for p in (name, label or f"table {n + 1}") if p)
            note = TableNote(
                line=table.line,
                last_line=last,
                kind="results",
                reason=(name or "results") + (f" ({inferred})" if inferred else ""),
                header_lines=[row.line for row in table.rows[:first_row]],
            )
            rows = read_results(table, layout, raw.title, file, problems, ref.nation_code, first_row, note)
            event.tables.append(note)
            if layout.team and rows:
                event.team = True
            heading_status = status_of(section.title)
            for row in rows if heading_status or distance is not None else ():
                if heading_status and row.status == "unknown":
                    row.status = heading_status  # type: ignore[assignment]  # listed under `Did not finish`
                if distance is not None:  # only a known distance shows a time impossible
                    fix_value(row, distance)
            conditions = _conditions(section, table.line, after, alone)
            event.rounds.append(Round(name=name, line=table.line, columns=labels, conditions=conditions, results=rows))


def _result_from_cells(table: Table, layout: Layout, first_row: int) -> Layout:
    """A layout without a result column whose header left some columns unnamed: the rightmost unnamed column
    holding results in most rows is taken as the result (`| Rank | Nation | Triathletes | | | | |`)."""
    rows = [row.cells for row in table.rows[first_row:]]
    for col in range(len(layout.kinds) - 1, layout.competitor, -1):
        if table.header[col] if col < len(table.header) else False:
            continue
        cells = [cells[col] for cells in rows if col < len(cells) and cells[col]]
        if len(cells) >= 2 and sum(1 for c in cells if fit(Col.RESULT, c) > 0) >= 0.6 * len(rows):
            kinds = list(layout.kinds)
            kinds[col] = Col.RESULT
            columns = list(layout.columns)
            columns[col] = f"result (inferred: {columns[col]})"
            return replace(layout, kinds=kinds, columns=columns)
    return layout


def _continues(table: Table, previous: Layout) -> bool:
    """A table cut by a heading and continued without its header: as wide as the last one, starting with a rank."""
    first = table.rows[0].cells
    return len(first) == len(previous.kinds) and parse_rank(first[0])[0] is not None
