"""The row reader: the rows of a results table, read by its layout. Rows a lost rowspan shifted, members, crews and
legs, notes, splits, a team's rows written under it, and the label and caption rows between results."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.models import Problem, ResultRow, TableNote
from bot.parse.columns import (
    DASHES,
    NOC_SUFFIX,
    PLACEHOLDERS,
    RANK_RANGE,
    TAKES_ANYTHING,
    Col,
    fit,
    fitter,
    parse_rank,
    status_of,
)
from bot.parse.layout import Layout, default_unit
from bot.parse.page import Table, TableRow
from bot.performance import Unit, parse_time, read_performance, split_notes
from bot.text import normalize

_LEFT_BY_FLAGS = frozenset("—–-•·")
_PLACEHOLDER_INITIALS = frozenset("untUNT")
_MEMBER_SPLIT = re.compile(r"\s*(?:,|;|/|•|·|\band\b|<br\s*/?>)\s*")
_NOTE_CODE = re.compile(r"^=?[A-Za-z]{1,3}$")
# A row holding only this in its first cell names the heat (race, group) of the rows below it in the same table.
_HEAT_LABEL = re.compile(
    r"^(?:heat|semi-?final|quarter-?final|final|repechage|group|pool|race|run|round|qualification|qualifying|"
    r"consolation|classification|ranking|small final|big final|b final|a final)\b[\w ]{0,20}$",
    re.I,
)
_NOTE_SPLIT = re.compile(r"[\s,]+")
_DIGIT = re.compile(r"\d")


def read_results(
    table: Table,
    layout: Layout,
    title: str,
    file: str,
    problems: list[Problem],
    nation_code: Callable[[str], str | None],
    first_row: int = 1,
    note: TableNote | None = None,
) -> list[ResultRow]:
    """The rows of a results table, each with its nation's code where the page names a known nation.

    Every row is a result, a reported problem, or listed in `note.merged_lines` (a repeated header, a row whose
    cells hold nothing, a team's member row folded into the team above it).
    """
    folded: list[int] = note.merged_lines if note is not None else []
    reader = _Reader(table, layout, title, file, problems, nation_code, first_row, folded)
    for raw in table.rows[first_row:]:
        if _may_fold(reader, raw) and _folded_row(reader, raw):
            continue
        row = _Row(raw, _aligned_cells(reader, raw))
        _competitor(reader, row)
        shifted = bool(row.aligned.shift)  # most rows are whole: the steps for shifted rows are skipped
        if (shifted and _members_of_team_above(reader, row)) or _not_understood(reader, row):
            continue
        _crew_or_nation_in_name(reader, row)
        _rank_cell(reader, row)
        _result_cell(reader, row)
        if shifted:
            _from_row_above(reader, row)
        _other_cells(reader, row)
        if reader.split_cols:
            _split_cells(reader, row)
        if row.status is None and row.result is None:
            _status_without_result(reader, row)
        reader.rows.append(_made_row(reader, row))
        reader.previous = row.aligned
        reader.team_above = _leads_team(row)
    return reader.rows


def _may_fold(reader: _Reader, raw: TableRow) -> bool:
    """Whether `_folded_row` could fold the row: a row whose first and last cells are written, under no team, that
    does not start as the header does, is none of the rows it folds (the common case, checked cheaply)."""
    cells = raw.cells
    return (
        not cells[0]
        or not cells[-1]
        or len(cells) < 2
        or reader.team_above
        or (bool(reader.first_row) and cells[0].lower() == reader.header_first)
    )


def _folded_row(reader: _Reader, raw: TableRow) -> bool:
    """Whether the row holds no result of its own and is folded (its line kept in `folded`): an empty padding row,
    a part of the team above (its total, or a member with their leg), a label row naming the heat of the rows below
    it (`| Heat 2 | | |`), a caption over the rows below, or the header repeated inside the table."""
    cells = raw.cells
    rows = reader.rows
    if not any(cells):
        folded = True  # an empty padding row carries nothing
    elif reader.team_above and rows and _team_part(cells, rows[-1], reader.rank_col, extra_of=rows[-1].extra):
        folded = True  # the team's total (`| | 2'32:08 |`) or a member with their leg
    else:
        reader.team_above = False
        if _label_row(cells):
            reader.heat_label = cells[0]
            folded = True
        else:
            # `| Place by judge | | |`: a caption over the rows below, no result.
            folded = bool(reader.competitor and _caption_row(cells)) or _repeats_header(reader, cells)
    if folded:
        reader.folded.append(raw.line)
    return folded


def _repeats_header(reader: _Reader, cells: list[str]) -> bool:
    """Whether the row is the table's header again (a long table repeats it)."""
    if not reader.first_row or cells[0].lower() != reader.header_first:
        return False
    if reader.header_key is None:
        reader.header_key = [normalize(c) for c in reader.header]
    return [normalize(c) for c in cells] == reader.header_key


def _aligned_cells(reader: _Reader, raw: TableRow) -> _Aligned:
    """The row's cells in their columns. A row shifted by a lost rowspan takes the leading cells it lacks from the
    row above."""
    previous = reader.previous
    aligned = reader.aligner.align(raw, previous)
    if aligned.shift and previous is not None:
        for col in range(aligned.shift):
            aligned.cells[col] = previous.cells.get(col, "")
    return aligned


def _competitor(reader: _Reader, row: _Row) -> None:
    """The competitor cell's text as the row's name. A placeholder (`Unknown`: the page does not know who) is kept
    beside the row as written; the dash that stood beside a lost flag (`— England`) is dropped."""
    name = row.aligned.cells.get(reader.competitor, "").strip()
    if name and _placeholder(name):
        row.extra["competitor as written"], name = name, ""
    if name and name[0] in _LEFT_BY_FLAGS and name.lstrip("—–-•· ")[:1].isalpha():
        name = name.lstrip("—–-•· ")
    row.name = name


def _members_of_team_above(reader: _Reader, row: _Row) -> bool:
    """Whether the row lists members of the team above it, and was folded into it: in a team table, a shifted row
    holding only a person's names. (One naming a nation is another team sharing the rank above.)"""
    if not (reader.team and row.aligned.shift and reader.rows):
        return False
    own = _own_cells(row.aligned)
    members_col, competitor = reader.members_col, reader.competitor
    if own and set(own) <= {competitor, members_col}:
        text = own.get(members_col or -1) or own.get(competitor, "")
        if (members_col in own or reader.code_of(text) is None) and reader.fit_name(text) > 0:
            reader.rows[-1].members.extend(_members(text))
            reader.folded.append(row.raw.line)
            return True
    return False


def _placeholder(text: str) -> bool:
    """`Unknown`, `N/A`, `TBD`: what a page writes where it does not know (checked cheaply: most cells are longer,
    or begin with a digit)."""
    return len(text) <= 9 and text[0] in _PLACEHOLDER_INITIALS and normalize(text) in PLACEHOLDERS


def _not_understood(reader: _Reader, row: _Row) -> bool:
    """Whether the row is reported rather than read: its competitor cell holds a time or a number (no name can be
    read from it), or it has no competitor and no rank, result or status either. A row without a competitor (the
    flag or name lost in conversion) but with one of those is kept, its competitor "not given"."""
    name, raw = row.name, row.raw
    if name and reader.fit_name(name) < 0 and not (reader.team and reader.code_of(name)):
        reader.report(raw.line, f"row not understood (competitor cell holds no name: '{name}'): {raw.cells}")
        return True
    if not name and not _says_something(row.aligned.cells, reader.rank_col, reader.result_col, reader.competitor):
        reader.report(raw.line, f"row not understood (no competitor, rank or result): {raw.cells}")
        return True
    return False


def _crew_or_nation_in_name(reader: _Reader, row: _Row) -> None:
    """A crew or relay listed in the athlete column becomes the row's members, the row left unnamed (the caller
    names it from its nation or members); a nation written after a name (`Carl Lewis (USA)`) is kept beside it."""
    name = row.name
    crew = _crew(name, row.extra) if not reader.team and (_may_list_people(name) or ")" in name) else []
    if len(crew) >= 3 and all(reader.fit_name(m) > 0 for m in crew):
        name, row.members = "", crew
    suffix = NOC_SUFFIX.match(name) if name.endswith(")") else None
    if suffix and not reader.team:
        name = suffix.group(1)
        row.extra["nation as written"] = suffix.group(2)
    row.name = name


def _rank_cell(reader: _Reader, row: _Row) -> None:
    """The rank, whether it is shared, a note written beside it (`1 Q`), or the status the cell holds instead; a
    range (`3–4`) is a shared place, a dash a group row; a cell holding none of these is reported."""
    rank_col, extra = reader.rank_col, row.extra
    rank_text = row.aligned.cells.get(rank_col, "").strip() if rank_col is not None else ""
    rank, tied = parse_rank(rank_text)
    if rank is not None and (" " in rank_text or "(" in rank_text):
        extra["rank as written"] = rank_text  # `2 (3)`, `1 Q`
        if rank_text[-1] in "Qq" and rank_text[-2] == " ":
            row.rank_notes.append(rank_text[-1])
    span = RANK_RANGE.match(rank_text) if rank is None else None  # a parsed rank is never a range
    if span:
        rank, tied = int(span.group(1)), True  # `3–4`: a shared 3rd place, as written
        extra["rank as written"] = rank_text
    if rank_text in DASHES and rank_text:
        row.fields["group"] = rank_text
    status = status_of(rank_text) if rank is None else None  # a cell holding a rank holds no status
    if rank_text and rank is None and status is None and rank_text not in DASHES and not row.aligned.shift:
        extra["rank as written"] = rank_text
        reader.report(row.raw.line, f"rank cell not understood: '{rank_text}'")
    row.rank, row.tied, row.status = rank, tied, status


def _result_cell(reader: _Reader, row: _Row) -> None:
    """The result and its value, the notes written beside it (`10.5 WR`), or the status it holds instead (`DNF`); a
    result with digits that cannot be read is reported."""
    if reader.result_col is None:
        return
    fields = row.fields
    value_text, row.notes = split_notes(row.aligned.cells.get(reader.result_col, "").strip())
    if value_text and _placeholder(value_text):
        row.extra["result as written"], value_text = value_text, ""  # `Unknown`: no result known
    if value_text and value_text not in DASHES:
        # No status begins with a digit, as most results do.
        whole = None if value_text[0].isdigit() else status_of(value_text)
        cell_status = None if value_text[0].isdigit() else whole or status_of(value_text.split()[0])
        if cell_status and whole:
            row.status = cell_status  # the cell holds only a status (`DNF`): no result
        elif cell_status:
            row.result = fields["result"] = value_text
            row.status = cell_status
        else:
            row.result = fields["result"] = value_text
            perf = read_performance(value_text, reader.unit)
            if perf is not None:
                _, row.value, fields["unit"], fields["precision"] = perf
                fields["value"] = row.value
    if "value" not in fields and row.result and row.status is None and _DIGIT.search(row.result):
        reader.report(row.raw.line, f"result not understood: '{row.result}'")


def _from_row_above(reader: _Reader, row: _Row) -> None:
    """What a row that lost its rank cell to a rowspan takes from the row above: its rank, when both have the same
    result (the rank cell spanned both rows: a tie; a different result is reported and leaves the row unranked),
    its group, and its status when the row has neither a status nor a result."""
    shift, rank_col, rows = row.aligned.shift, reader.rank_col, reader.rows
    if not (shift and rank_col is not None and rank_col < shift and rows):
        return
    above = rows[-1]
    if above.rank is not None:
        if above.value == row.value and above.result == row.result:
            row.tied = above.tied = True
        else:
            row.rank = None
            message = f"row lacks its rank cell but its result differs from the row above: {row.raw.cells}"
            reader.report(row.raw.line, message)
    elif above.group:
        row.fields["group"] = above.group
    if above.status and above.status != "unknown" and row.status is None and row.result is None:
        row.status = above.status


def _other_cells(reader: _Reader, row: _Row) -> None:
    """The cells besides the rank, competitor, result and splits: notes (a `DSQ` among them beside a time wins, the
    time kept as written), members, a nation written beside an athlete, extra or leading columns kept as written,
    and cells past the last column."""
    cells, extra, notes, members = row.aligned.cells, row.extra, row.notes, row.members
    for col, kind, label in reader.other_cols:
        text = cells.get(col, "")
        if not text:
            continue
        if kind is Col.NOTES:
            notes.extend(_notes(text))
            said = status_of(text) if row.status is None and row.result is not None else None
            if said in _STATUS_OVER_RESULT:
                row.status = said
        elif kind is Col.MEMBERS:
            members.extend(_crew(text, extra))
        elif kind is Col.NATION:
            if not _placeholder(text):
                extra["nation as written"] = text
        else:
            extra[label] = text  # an extra or leading column, kept as written
    for i, text in enumerate(row.aligned.overflow):
        extra[f"column {reader.width + i + 1}"] = text


def _split_cells(reader: _Reader, row: _Row) -> None:
    """Split columns are times along the way, made cumulative; in an event scored otherwise (decathlon points per
    discipline) they are kept as written, as is a split that cannot be read."""
    if not reader.split_cols:
        return
    cells = row.aligned.cells
    split_cells = [(label, cells[col]) for col, label in reader.split_cols if col in cells]
    if not split_cells:
        return
    row_unit = row.fields.get("unit")
    if row_unit in (None, "s") and reader.unit == "s":
        row.splits, converted = _splits(split_cells, row.value if row_unit == "s" else None)
        if converted:
            row.extra["splits as written"] = " ".join(t for _, t in split_cells)
    for label, text in split_cells:
        if text and label not in row.splits and text not in DASHES:
            row.extra[label] = text


def _status_without_result(reader: _Reader, row: _Row) -> None:
    """A row with neither a status nor a result: a status written in another cell (a run's DNF) says why; else,
    unless it is placed, its status is unknown."""
    if row.status is not None or row.result is not None:
        return
    written = [s for s in (status_of(v) for c, v in _own_cells(row.aligned).items() if c != reader.rank_col) if s]
    if written:
        row.status = written[0]
    elif row.rank is None:
        row.status = "unknown"


def _made_row(reader: _Reader, row: _Row) -> ResultRow:
    """The `ResultRow` of what the steps found, with its heat and nation. A team is its nation; a nation written
    beside an athlete is known by its code, or kept as written."""
    fields, extra, cells, name = row.fields, row.extra, row.aligned.cells, row.name
    fields["line"], fields["rank"], fields["name"] = row.raw.line, row.rank, name
    fields["shifted"], fields["members"], fields["tied"] = bool(row.aligned.shift), row.members, row.tied
    fields["splits"], fields["status"] = row.splits, row.status
    fields["notes"] = row.rank_notes + row.notes if row.rank_notes else row.notes
    heat_col = reader.heat_col
    if heat_col is not None and cells.get(heat_col, "").strip():
        fields["heat"] = cells[heat_col].strip()
    elif reader.heat_label is not None:
        fields["heat"] = reader.heat_label
    if reader.team:
        fields["nation"] = reader.code_of(name) if name else None
    elif "nation as written" in extra:
        code = reader.code_of(extra["nation as written"])
        if code:
            fields["nation"] = code
            del extra["nation as written"]
    return _make_row(fields, extra)


def _leads_team(row: _Row) -> bool:
    """Whether rows below may be parts of this one: a team's row (a rank, no name, members or result: its name lost
    with its flag), or members without a name."""
    return (row.rank is not None and not row.name and not row.members and row.result is None) or (
        bool(row.members) and not row.name
    )


class _Reader:
    """One table being read: what its layout says, worked out once, and what the rows read so far leave to the next."""

    def __init__(
        self,
        table: Table,
        layout: Layout,
        title: str,
        file: str,
        problems: list[Problem],
        nation_code: Callable[[str], str | None],
        first_row: int,
        folded: list[int],
    ) -> None:
        self.file, self.problems, self.folded = file, problems, folded
        self.result_col = layout.result_index()
        self.unit: Unit = default_unit(layout.columns[self.result_col], title) if self.result_col is not None else "s"
        self.rank_col = layout.index(Col.RANK)
        self.team, self.competitor, self.members_col, self.heat_col = (
            layout.team,
            layout.competitor,
            layout.members,
            layout.heat,
        )
        self.width = len(layout.kinds)
        self.aligner = _Aligner(layout)
        self.fit_name = fitter(Col.NAME)
        kinds, labels = layout.kinds, layout.columns
        # The columns feeding anything besides the rank, competitor and result, in order.
        self.split_cols = [(col, labels[col]) for col, kind in enumerate(kinds) if kind is Col.SPLIT]
        fed = (Col.NOTES, Col.MEMBERS, Col.EXTRA, Col.LEAD)
        self.other_cols = [
            (col, kind, labels[col])
            for col, kind in enumerate(kinds)
            if kind in fed or (kind is Col.NATION and not layout.team)  # a team's nation is its competitor
        ]
        self.first_row = first_row
        self.header = table.header
        self.header_first = table.header[0].lower() if table.header else None
        self.header_key: list[str] | None = None  # the normalized header, made when a row may repeat it
        self.nation_code = nation_code
        self.codes: dict[str, str | None] = {}  # a table names the same few nations row after row
        # Carried from row to row.
        self.rows: list[ResultRow] = []
        self.previous: _Aligned | None = None  # the last row read into a result, for a shifted row below it
        # The label row above (`Heat 2`), when a table holds several heats.
        self.heat_label = table.header[0] if first_row == 1 and _label_row(table.header) else None
        self.team_above = False  # the row above was a team's (a rank and no name), or one of its members

    def code_of(self, text: str) -> str | None:
        if text not in self.codes:
            self.codes[text] = self.nation_code(text)
        return self.codes[text]

    def report(self, line: int, message: str) -> None:
        self.problems.append(Problem(file=self.file, line=line, message=message))


@dataclass(slots=True)
class _Row:
    """A row being read: what its steps found so far, made into a `ResultRow` once at the end."""

    raw: TableRow
    aligned: _Aligned
    name: str = ""
    # Only the fields given a value are passed to the row, as the row's set fields are kept (and cached) with it.
    fields: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)
    members: list[str] = field(default_factory=list)  # a new list, the row's own
    rank: int | None = None
    tied: bool = False
    rank_notes: list[str] = field(default_factory=list)
    status: str | None = None
    result: str | None = None
    value: float | None = None
    notes: list[str] = field(default_factory=list)
    splits: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class _Aligned:
    cells: dict[int, str]  # column index -> cell text
    shift: int
    overflow: list[str]


class _Aligner:
    """Aligns the rows of one table (`align`), with what that needs of its layout worked out once."""

    def __init__(self, layout: Layout) -> None:
        self.width = len(layout.kinds)
        self.limit = max(layout.competitor, layout.members or 0)
        self.competitor = layout.competitor
        self.team = layout.team
        self.fits = [fitter(kind) for kind in layout.kinds]  # how well a cell fits each column
        # The columns whose cells can contradict them; a notes or extra column takes anything.
        self.checks = [(col, self.fits[col]) for col, kind in enumerate(layout.kinds) if kind not in TAKES_ANYTHING]

    def align(self, row: TableRow, previous: _Aligned | None) -> _Aligned:
        """Pick the leading shift that makes the row's cells fit their columns best.

        A rowspan lost in conversion leaves a row without its first cell(s), shifted left and padded at the
        end, so each shift up to the competitor (or members) column is scored by what the cells hold, not by
        the first cell alone: a shifted row may begin with a lane number.
        """
        cells, width = row.cells, self.width
        max_shift = self.limit if previous is not None else 0
        if len(cells) <= width:
            # A shift pushing a written cell past the last column is ruled out: most rows fill the last one,
            # and so leave nothing to weigh.
            if max_shift == 0 or (len(cells) == width and cells[-1]):
                return _Aligned(dict(enumerate(cells)), 0, [])
            # Most other rows are whole: when every cell fits its column as written, no shift can do better.
            count = len(cells)
            for col, fits_column in self.checks:
                if col < count and fits_column(cells[col]) < 0:
                    break
            else:
                name = cells[self.competitor] if self.competitor < len(cells) else ""
                if name or self.team:
                    return _Aligned(dict(enumerate(cells)), 0, [])
        best: tuple[int, int, _Aligned] | None = None
        for shift in range(max_shift + 1):
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
            score = sum(self.fits[c](text) for c, text in mapped.items())
            score -= 2 * len(overflow)
            if best is None or score > best[0]:
                best = (score, shift, _Aligned(mapped, shift, overflow))
        assert best is not None
        return best[2]


def _members(text: str) -> list[str]:
    if "and" in text or "<br" in text or "•" in text or "·" in text:
        parts = _MEMBER_SPLIT.split(text)
    else:  # only `,`, `;` and `/` can separate: the same parts once stripped, without the slow regex
        parts = text.replace(";", ",").replace("/", ",").split(",")
    return [m for m in (part.strip() for part in parts) if m]


_LEG_RUN = re.compile(r"\(\d{1,2}(?:[:.]\d{1,2})+\)\s+\S")
_LEG_SPLIT = re.compile(r"(?<=\))\s+(?=\S)")
_LEG = re.compile(r"^(?P<name>.*?\S)\s*\((?P<leg>\d{1,2}(?:[:.]\d{1,2})+)\)$")


# Statuses a notes column can give a row that has a result: it was disqualified, or did not finish after all.
_STATUS_OVER_RESULT = frozenset({"DSQ", "DNF", "DNS", "AC"})


def _crew(text: str, extra: dict[str, str]) -> list[str]:
    """The people of a crew cell: split at commas, `and`, `<br>`, bullets, or after each leg time
    (`A (49.82) B (49.31) …`), each leg kept beside the row."""
    members = _members(text)
    if len(members) < 2 and text.count(")") >= 2 and _LEG_RUN.search(text):
        members = _LEG_SPLIT.split(text)
    return _legs(members, extra) if ")" in text else members


def _legs(members: list[str], extra: dict[str, str]) -> list[str]:
    """`Pavlo Khnykin (49.82)`: a member with their leg's time, kept beside the row."""
    names = []
    for member in members:
        leg = _LEG.match(member) if member.endswith(")") else None
        if leg:
            member = leg.group("name")
            extra[f"{member} (leg)"] = leg.group("leg")
        names.append(member)
    return names


def _notes(text: str) -> list[str]:
    """`Q, SO` -> [`Q`, `SO`]; free text (`Advance to knockout stage`) stays one note."""
    if len(text) <= 3 and text.isalpha() and text.isascii():
        return [text]  # one code (`Q`, `WR`), as most notes are
    tokens = [t for t in _NOTE_SPLIT.split(text) if t]
    return tokens if all(_NOTE_CODE.match(t) for t in tokens) else [text.strip()]


def _splits(values: list[tuple[str, str]], final: float | None) -> tuple[dict[str, float], bool]:
    """Cumulative splits; lap times that add up to the result are accumulated. Returns (splits, converted)."""
    parsed = [(label, parse_time(text)) for label, text in values if text and text not in DASHES]
    times = [(label, t[0]) for label, t in parsed if t is not None]
    if not times:
        return {}, False
    increasing = all(b >= a for (_, a), (_, b) in itertools.pairwise(times))
    if increasing and (final is None or times[-1][1] <= final):
        return dict(times), False
    total = sum(t for _, t in times)
    if final is not None and abs(total - final) <= max(0.01 * final, 0.2):
        running = 0.0
        out: dict[str, float] = {}
        for label, t in times:
            running = round(running + t, 6)
            out[label] = running
        return out, True
    return {}, False  # neither cumulative nor laps adding up: kept as written by the caller


def _own_cells(aligned: _Aligned) -> dict[int, str]:
    return {c: v for c, v in aligned.cells.items() if c >= aligned.shift and v}


def _make_row(fields: dict[str, Any], extra: dict[str, str]) -> ResultRow:
    """`ResultRow(**fields)` with `extra` as its extra cells (left unset, as the page's own fields are the set ones).

    Validated, through pydantic's public `model_validate` (1.7 µs a row here; `model_construct` took 13 µs). Writing
    the model's private slots instead, as this once did, saved about a tenth of the parse (callgrind), but depends
    on pydantic's internals.
    """
    row = ResultRow.model_validate(fields)
    row.extra.update(extra)
    return row


def _may_list_people(name: str) -> bool:
    """Whether `_members` could split `name` at all: most names hold none of its separators."""
    return "," in name or ";" in name or "/" in name or "and" in name or "<br" in name or "•" in name or "·" in name


def _team_part(cells: list[str], team: ResultRow, rank_col: int | None, extra_of: dict[str, str]) -> bool:
    """Read a row under a team's row into it, when it is one of its parts; say whether it was.

    A team whose name was lost with its flag is written as a row with its rank (`| 1 | |`), then, in rows of their
    own, its total (`| | 2'32:08 |`) and its members with their legs (`| Nils Östensson | 36:16 |`).
    """
    written = [(i, c) for i, c in enumerate(cells) if c]
    if len(written) == 1 and written[0][0] != rank_col and team.result is None and fit(Col.RESULT, written[0][1]) > 0:
        text = written[0][1]
        value_text, notes = split_notes(text)
        perf = read_performance(value_text, "s")
        if perf is None:
            return False
        team.result, team.value, team.unit, team.precision = value_text, perf[1], perf[2], perf[3]
        team.notes.extend(notes)
        if team.status == "unknown":
            team.status = None
        return True
    first = cells[0] if cells else ""
    if rank_col == 0 and first and _person_like(first) and fitter(Col.NAME)(first) > 0 and len(written) <= 3:
        team.members.append(first)
        leg = next((c for i, c in written if i and fit(Col.RESULT, c) > 0), None)
        if leg:
            extra_of[f"{first} (leg)"] = leg
        return True
    return False


def _label_row(cells: list[str]) -> bool:
    """`| Heat 2 | | | |`: a row naming the heat of the rows below it."""
    return bool(cells) and bool(cells[0]) and not any(cells[1:]) and _HEAT_LABEL.match(cells[0]) is not None


def _caption_row(cells: list[str]) -> bool:
    """A row holding one text in its first cell and nothing else, worded as a caption (`Place by judge`): not a
    rank, a status, a result or a name (a shifted row holding only a name is a competitor, never a caption)."""
    first = cells[0] if cells else ""
    return (
        bool(first)
        and not any(cells[1:])
        and not _CAPTION_WORDS.isdisjoint(first.lower().split())
        and parse_rank(first)[0] is None
        and status_of(first) is None
        and not RANK_RANGE.match(first)
        and first not in DASHES
        and fit(Col.RESULT, first) <= 0
        and not _person_like(first)
    )


# The words of a caption over a table's rows; no name holds them.
_CAPTION_WORDS = frozenset(
    {"by", "of", "per", "the", "for", "after", "at", "from", "with", "judge", "judges", "place", "places", "points"}
)


_PARTICLES = frozenset(
    {"van", "von", "de", "da", "der", "den", "la", "le", "du", "di", "dos", "das", "af", "bin", "al", "of"}
)


def _person_like(text: str) -> bool:
    """`William Merz`, `Dirk Jan van Hameren`: every word capitalized but the usual particles (a shifted row
    holding only a name is no caption)."""
    words = text.split()
    # `Ó hAlmhain`, `deSouza`: a word capitalized after its first letter is a name's too
    return all(w[:1].isupper() or w in _PARTICLES or not w.islower() for w in words) and len(words) <= 5


def _says_something(cells: dict[int, str], rank_col: int | None, result_col: int | None, competitor: int) -> bool:
    """Whether a row without a competitor still holds a rank, a result or a status worth keeping."""
    for col, text in cells.items():
        if col == competitor or not text.strip() or text.strip() in DASHES:
            continue
        if status_of(text) or (col == result_col and fit(Col.RESULT, text) > 0):
            return True
        if col == rank_col and (parse_rank(text)[0] is not None or RANK_RANGE.match(text.strip())):
            return True
    return False
