"""The records tables: read by what the cells hold, since their header is often a caption, not column names.

Two shapes are met:
- standing records before the Games, one row per record, in either order:
  `| World Record | holder | 1:18.13 | date | place |` or `| World record | 10.49 | USA Florence Griffith-Joyner |
  Indianapolis (USA) | July 16, 1988 |` (the holder's flag became a code fused to the name);
- records set during the Games, with a header: `| Date | Round | Athlete | Country | Time | OR | WR |` (which
  record in its own columns) or `| Date | Event | Name | Nation | Time | Record |`.
"""

from __future__ import annotations

import re

from bot.models import Problem, Record, TableNote
from bot.parse.columns import NOC_SUFFIX, looks_like_time
from bot.parse.page import Table
from bot.performance import Unit, parse_performance, split_notes
from bot.reference import Reference
from bot.text import normalize

_DATE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?\s*\d|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\d{4}-\d{2}-\d{2}|^\d{4}$",
    re.I,
)
_NOC_PREFIX = re.compile(r"^([A-Z]{3})\s+(\S.*)$")
_KIND_WORD = re.compile(r"record|best|\b(?:WR|OR|WB|OB)\b", re.I)
_LIFTS = {"press", "snatch", "clean jerk", "clean and jerk", "jerk", "total"}
_CODES = re.compile(r"\b[A-Z]{3}\b")
_RECORD_CODES = {"wr": "World record", "or": "Olympic record", "wb": "World best", "ob": "Olympic best"}

_SET_COLUMNS = {
    "date": ("date",),
    "round": ("event", "round", "race", "heat", "stage"),
    "name": ("name", "athlete", "athletes", "swimmer", "holder", "competitor", "team", "cyclist", "skater", "crew"),
    "nation": ("nation", "country", "noc", "nationality"),
    "result": ("time", "mark", "result", "distance", "height", "points", "score", "total", "kg", "weight"),
    "kind": ("record", "records", "type", "notes"),
}


def _holder(text: str, ref: Reference) -> tuple[str, str | None]:
    """`Carl Lewis (USA)` or `USA Carl Lewis` -> (`Carl Lewis`, `USA`); a name alone -> (name, None)."""
    match = NOC_SUFFIX.match(text)
    if match and ref.nation_code(match.group(2)):
        return match.group(1), match.group(2)
    match = _NOC_PREFIX.match(text)
    if match and ref.nation_code(match.group(1)):
        return match.group(2), match.group(1)
    return text, None


def _team_holder(text: str, ref: Reference) -> tuple[str, str | None]:
    """`USA Vincent Matthews USA Ron Freeman …`: a team's members, each after their flag's code."""
    codes = _CODES.findall(text)
    names = [part.strip() for part in _CODES.split(text) if part.strip()]
    nation = codes[0] if len(set(codes)) == 1 and ref.nation_code(codes[0]) else None
    return ", ".join(names), nation


def _value(text: str, unit: Unit) -> tuple[str, bool]:
    """The result as written without footnote marks or notes (`40.2(*)` -> `40.2`), and whether it reads."""
    value_text, _ = split_notes(text)
    first = value_text.split()[0] if value_text.split() else ""
    return value_text, bool(first) and (looks_like_time(first) or parse_performance(first, unit) is not None)


def _record(
    line: int, kind: str, result: str, unit: Unit, holder: str | None, nation: str | None, date: str | None,
    place: str | None, round_name: str | None = None,
) -> Record:  # fmt: skip
    perf = parse_performance(result.split()[0], unit)
    return Record(
        line=line, kind=kind, holder=holder, nation=nation, result=result, value=perf.value if perf else None,
        unit=perf.unit if perf else None, precision=perf.precision if perf else 0, date=date, place=place,
        round=round_name,
    )  # fmt: skip


def _set_during(
    table: Table, unit: Unit, file: str, ref: Reference, problems: list[Problem], note: TableNote
) -> list[Record]:
    """One row per record set at these Games; which record in a `Record` column or in `OR`/`WR` columns."""
    header = [normalize(h) for h in table.header]
    note.header_lines.append(table.rows[0].line)
    col = {key: next((i for i, h in enumerate(header) if h in names), None) for key, names in _SET_COLUMNS.items()}
    code_cols = [(i, h) for i, h in enumerate(header) if h in _RECORD_CODES]
    records: list[Record] = []
    for row in table.rows[1:]:
        cells = row.cells + [""] * (len(header) - len(row.cells))
        if not any(cells):
            note.merged_lines.append(row.line)
            continue

        def cell(key: str, cells: list[str] = cells) -> str:
            index = col[key]
            return cells[index].strip() if index is not None and index < len(cells) else ""

        result, readable = _value(cell("result"), unit)
        if not readable:
            problems.append(Problem(file=file, line=row.line, message=f"record row has no result: {row.cells}"))
            continue
        kind = cell("kind")
        if not kind and code_cols:
            kind = ", ".join(cells[i].strip() for i, _ in code_cols if i < len(cells) and cells[i].strip())
        name = cell("name")
        holder, nation = _team_holder(name, ref) if _CODES.findall(name)[1:] else _holder(name, ref)
        nation = ref.nation_code(cell("nation")) or nation if cell("nation") else nation
        records.append(
            _record(
                row.line,
                kind or "Record",
                result,
                unit,
                holder or None,
                nation,
                cell("date") or None,
                None,
                cell("round") or None,
            )
        )
    return records


def _is_set_during(header: list[str]) -> bool:
    keys = set(header)
    names_record = bool(keys & set(_SET_COLUMNS["kind"])) or bool(keys & set(_RECORD_CODES))
    return names_record and bool(keys & set(_SET_COLUMNS["result"])) and "date" in keys | set(_SET_COLUMNS["name"])


def read_records(
    table: Table, unit: Unit, file: str, ref: Reference, problems: list[Problem], note: TableNote
) -> list[Record]:
    """The records of a table under a `Records` heading; each row a record or a reported problem."""
    header = [normalize(h) for h in table.header]
    if _is_set_during(header):
        return _set_during(table, unit, file, ref, problems, note)
    records: list[Record] = []
    for number, row in enumerate(table.rows):
        cells = list(row.cells)
        if not any(cells):
            note.merged_lines.append(row.line)
            continue
        kind = cells[0]
        rest = cells[1:]
        if normalize(kind) in _LIFTS:  # `| Snatch | 90 | …` under `| Olympic Record | Press | 92.5 | …`
            base = records[-1].kind.split(" – ")[0] if records else "Record"
            kind = f"{base} – {kind}"
        elif records and _value(kind, unit)[1]:
            kind, rest = records[-1].kind, cells  # `| 40.2(*) | holder | …`: the kind cell spanned the row above
        result_at = next((i for i, c in enumerate(rest) if c and _value(c, unit)[1]), None)
        if result_at is None and number == 0:
            note.header_lines.append(row.line)
            continue  # a caption row such as `Standing records prior to the 1992 Summer Olympics`
        if result_at is None and records and kind and not _KIND_WORD.search(kind) and " – " not in kind:
            # `| GBR Cecil Lee | Brussels (BEL) | 1892 |`: another holder of the record above (kind and value spanned)
            above = records[-1]
            holder, nation, place, date = _people_and_places(cells, [], ref)
            if holder or nation:
                assert above.result is not None
                records.append(_record(row.line, above.kind, above.result, unit, holder, nation, date, place))
                continue
        if result_at is None or not kind or looks_like_time(kind):
            problems.append(Problem(file=file, line=row.line, message=f"record row not understood: {cells}"))
            continue
        before, after = rest[:result_at], rest[result_at + 1 :]
        lifts = [c for c in before if normalize(c) in _LIFTS]
        if lifts:
            kind = f"{kind} – {lifts[0]}"  # weightlifting: a record per lift
            before = [c for c in before if c not in lifts]
        holder, nation, place, date = _people_and_places(before, after, ref)
        records.append(_record(row.line, kind, _value(rest[result_at], unit)[0], unit, holder, nation, date, place))
    return records


def _people_and_places(
    before: list[str], after: list[str], ref: Reference
) -> tuple[str | None, str | None, str | None, str | None]:
    """(holder, nation, place, date) from the cells before and after the result.

    A holder is written before the result (`| WR | holder | 1:18.13 | date | place |`) or, when nothing stands
    between the kind and the result, after it (`| WR | 10.49 | USA Florence Griffith-Joyner | place | date |`).
    An empty cell before the result is the holder's, lost with a flag: the holder is then not given.
    """
    holder: str | None = None
    nation: str | None = None
    dated = [c for c in after if c and _DATE.search(c)]
    date = dated[0] if dated else None
    others = [c for c in after if c and c != date]
    people = [c for c in before if c] if before else others[:1]
    if not before:
        others = others[1:]
    for text in people:
        code = ref.nation_code(text) if len(text) <= 40 else None
        if code and nation is None and (len(text) == 3 or holder is not None):
            nation = code  # a nation cell of its own
        elif holder is None:
            holder, nation = _team_holder(text, ref) if _CODES.findall(text)[1:] else _holder(text, ref)
    place = others[0] if others else None
    return holder, nation, place, date
