"""Turning a results table into rows: column roles, rowspan-shifted rows, ranks, statuses and splits."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.models import Problem, ResultRow, TableNote
from bot.parse.columns import (
    DASHES,
    HEAT_WORDS,
    RANK_RANGE,
    TAKES_ANYTHING,
    Col,
    classify,
    fit,
    fitter,
    parse_rank,
    status_of,
)
from bot.parse.page import Table, TableRow
from bot.performance import Unit, parse_time, read_performance, split_notes
from bot.text import normalize

_NOC_SUFFIX = re.compile(r"^(.*?\S)\s*\(([A-Z]{3})\)$")
_LEFT_BY_FLAGS = frozenset("—–-•·")
# What a page writes where it does not know: kept as written beside the row, never as a name or a result.
PLACEHOLDERS = frozenset({"unknown", "n a", "tbd", "not known", "unk"})
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
_POINTS_SPORTS = re.compile(
    r"gymnast|diving|dressage|trampoline|ski jumping|figure skating|shooting|archery|athlon|nordic combined"
    r"|freestyle skiing|snowboard|artistic swimming|synchron|equestrian|surfing|skateboard|breaking|moguls|aerials"
    r"|halfpipe|slopestyle|big air"
)
_METRE_EVENTS = re.compile(r"\b(long jump|high jump|triple jump|pole vault|shot put|discus|javelin|hammer|standing)")


@dataclass(frozen=True)
class Layout:
    columns: list[str]
    kinds: list[Col]
    team: bool
    competitor: int  # index of the column naming the competitor (athlete, or nation in team events)
    members: int | None = None
    heat: int | None = None  # a `Heat`, `Pair`, `Group`, `Race` or `Run` column: ranks are per heat

    def index(self, kind: Col) -> int | None:
        return self.kinds.index(kind) if kind in self.kinds else None

    def result_index(self) -> int | None:
        # The last result-like column is the final one (`Time` after the splits, `Total` after attempts).
        found = [i for i, k in enumerate(self.kinds) if k is Col.RESULT]
        return found[-1] if found else None


def _unique_labels(header: list[str]) -> list[str]:
    labels: list[str] = []
    for i, cell in enumerate(header):
        label = cell or f"column {i + 1}"
        n = 2
        base = label
        while label in labels:
            label = f"{base} ({n})"
            n += 1
        labels.append(label)
    return labels


def layout_of(header: list[str]) -> Layout | None:
    """The roles of a table's columns, or None when the table is not a results table."""
    columns = _unique_labels(header)
    kinds = [classify(h) for h in header]
    # Two result-like columns: only the last is the result, earlier ones are kept as extra columns.
    results = [i for i, k in enumerate(kinds) if k is Col.RESULT]
    for i in results[:-1]:
        kinds[i] = Col.EXTRA
    # `| Nation | Team | Swimmers |`: beside a nation column, a `Team` or `Club` column names the competitor.
    nations = [i for i, k in enumerate(kinds) if k is Col.NATION]
    if len(nations) > 1 and Col.NAME not in kinds:
        named = next((i for i in nations if normalize(header[i]) in ("team", "club", "teams", "club team")), None)
        if named is not None:
            kinds[named] = Col.NAME
    # A role met again later (the per-run `Rank` of alpine skiing) is kept as an extra column.
    for role in (Col.RANK, Col.NAME, Col.NATION, Col.MEMBERS):
        seen = [i for i, k in enumerate(kinds) if k is role]
        for i in seen[1:]:
            kinds[i] = Col.EXTRA
    members = kinds.index(Col.MEMBERS) if Col.MEMBERS in kinds else None
    heat = next((i for i, k in enumerate(kinds) if k is Col.LEAD and normalize(header[i]) in HEAT_WORDS), None)
    if Col.NAME in kinds:
        return Layout(columns, kinds, team=False, competitor=kinds.index(Col.NAME), members=members, heat=heat)
    if Col.NATION in kinds and (Col.RESULT in kinds or Col.RANK in kinds):
        return Layout(columns, kinds, team=True, competitor=kinds.index(Col.NATION), members=members, heat=heat)
    if members is not None and (Col.RESULT in kinds or Col.RANK in kinds):
        kinds[members] = Col.NAME
        return Layout(columns, kinds, team=False, competitor=members, heat=heat)
    return None


def infer_layout(table: Table) -> tuple[Layout, int] | None:
    """The layout of a table whose header names no columns (a caption such as `Heat 1`, or no header at all),
    from what its cells hold: ranks in the first column, a column of results, the competitor between them.

    Returns the layout and the first data row, or None when the cells do not look like results. The columns get
    labels saying they were inferred.
    """
    rows = [r.cells for r in table.rows]
    if not rows:
        return None
    # Leading rows that hold no result and no rank are a caption or header rows the roles could not be read from.
    skip = 0
    while skip < min(2, len(rows) - 1) and not any(
        fit(Col.RESULT, c) > 0 or parse_rank(c)[0] is not None for c in rows[skip]
    ):
        skip += 1
    data = [cells for cells in rows[skip:] if sum(1 for c in cells if c) > 1]
    width = max((len(cells) for cells in data), default=0)
    if len(data) < 2 or width < 2:
        return None

    def share(col: int, kind: Col) -> float:
        cells = [cells[col] for cells in data if col < len(cells) and cells[col]]
        return sum(1 for c in cells if fit(kind, c) > 0) / len(cells) if cells else 0.0

    if share(0, Col.RANK) < 0.6:
        return None
    result = next((c for c in range(width - 1, 0, -1) if share(c, Col.RESULT) >= 0.6), None)
    if result is None or result < 2:
        return None
    kinds = [Col.RANK] + [Col.EXTRA] * (width - 1)
    kinds[1], kinds[result] = Col.NAME, Col.RESULT
    for col in range(result + 1, width):
        kinds[col] = Col.NOTES
    labels = ["rank (inferred)", "competitor (inferred)"] + [f"column {i + 1}" for i in range(2, width)]
    labels[result] = "result (inferred)"
    return Layout(labels, kinds, team=False, competitor=1), skip


def default_unit(header: str, title: str) -> Unit:
    """The unit of a bare number in a result column, from the column's name, else from the sport and event."""
    key = normalize(header)
    if key in ("time", "final time", "total time") or key.startswith("time"):
        return "s"
    if key in ("mark", "distance", "height", "best mark"):
        return "m"
    if key in ("points", "pts", "score", "total points", "score total"):
        return "pts"
    name = normalize(title)
    if _POINTS_SPORTS.search(name):
        return "pts"
    if "weightlifting" in name:
        return "kg"
    if _METRE_EVENTS.search(name):
        return "m"
    return "s"


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

    Validated through the model's constructor, pydantic's supported path: measured at 4 µs a row, faster than
    `model_construct` (13 µs) and as fast as writing the model's private slots was, without depending on them.
    """
    row = ResultRow(**fields)
    row.extra.update(extra)
    return row


def _may_list_people(name: str) -> bool:
    """Whether `_members` could split `name` at all: most names hold none of its separators."""
    return "," in name or ";" in name or "/" in name or "and" in name or "<br" in name or "•" in name or "·" in name


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
    rows: list[ResultRow] = []
    result_col = layout.result_index()
    unit = default_unit(layout.columns[result_col], title) if result_col is not None else "s"
    rank_col = layout.index(Col.RANK)
    previous: _Aligned | None = None
    header_key: list[str] | None = None  # the normalized header, made when a row may repeat it
    # Looked up once per table, not per row or cell.
    team, competitor, members_col = layout.team, layout.competitor, layout.members
    kinds, labels, width = layout.kinds, layout.columns, len(layout.kinds)
    aligner = _Aligner(layout)
    fit_name = fitter(Col.NAME)
    notes_kind, members_kind, nation_kind = Col.NOTES, Col.MEMBERS, Col.NATION
    # The columns feeding anything besides the rank, competitor and result, in order.
    split_cols = [(col, labels[col]) for col, kind in enumerate(kinds) if kind is Col.SPLIT]
    fed = (Col.NOTES, Col.MEMBERS, Col.EXTRA, Col.LEAD)
    other_cols = [
        (col, kind, labels[col])
        for col, kind in enumerate(kinds)
        if kind in fed or (kind is nation_kind and not team)  # a team's nation is its competitor
    ]
    header_first = table.header[0].lower() if table.header else None
    heat_label: str | None = None  # the label row above (`Heat 2`), when a table holds several heats
    if first_row == 1 and _label_row(table.header):
        heat_label = table.header[0]
    codes: dict[str, str | None] = {}  # a table names the same few nations row after row

    def code_of(text: str) -> str | None:
        if text not in codes:
            codes[text] = nation_code(text)
        return codes[text]

    team_above = False  # the row above was a team's (a rank and no name), or one of its members
    for raw in table.rows[first_row:]:
        extra: dict[str, str] = {}
        if not any(raw.cells):
            folded.append(raw.line)
            continue  # an empty padding row carries nothing
        if team_above and rows and _team_part(raw.cells, rows[-1], rank_col, extra_of=rows[-1].extra):
            folded.append(raw.line)  # the team's total (`| | 2'32:08 |`) or a member with their leg
            continue
        team_above = False
        if _label_row(raw.cells):
            heat_label = raw.cells[0]
            folded.append(raw.line)
            continue
        if competitor and _caption_row(raw.cells):
            folded.append(raw.line)  # `| Place by judge | | |`: a caption over the rows below, no result
            continue
        if first_row and raw.cells[0].lower() == header_first:
            if header_key is None:
                header_key = [normalize(c) for c in table.header]
            if [normalize(c) for c in raw.cells] == header_key:
                folded.append(raw.line)
                continue  # the header repeated inside the table
        aligned = aligner.align(raw, previous)
        shift = aligned.shift
        cells = aligned.cells
        if shift and previous is not None:
            for col in range(shift):
                cells[col] = previous.cells.get(col, "")
        name = cells.get(competitor, "").strip()
        if name and normalize(name) in PLACEHOLDERS:
            extra["competitor as written"], name = name, ""  # `Unknown`: the page does not know who
        if name and name[0] in _LEFT_BY_FLAGS and name.lstrip("—–-•· ")[:1].isalpha():
            name = name.lstrip("—–-•· ")  # `— England`: the dash that stood beside a lost flag

        # In a team table a shifted row holding only a person's names lists members of the team above it;
        # one naming a nation is another team sharing the rank above.
        if team and shift and rows:
            own = _own_cells(aligned)
            if own and set(own) <= {competitor, members_col}:
                text = own.get(members_col or -1) or own.get(competitor, "")
                if (members_col in own or code_of(text) is None) and fit_name(text) > 0:
                    rows[-1].members.extend(_members(text))
                    folded.append(raw.line)
                    continue
        if name and fit_name(name) < 0 and not (team and code_of(name)):
            # The competitor column holds a time or a number: no name can be read from the row.
            message = f"row not understood (competitor cell holds no name: '{name}'): {raw.cells}"
            problems.append(Problem(file=file, line=raw.line, message=message))
            continue
        if not name and not _says_something(cells, rank_col, result_col, competitor):
            message = f"row not understood (no competitor, rank or result): {raw.cells}"
            problems.append(Problem(file=file, line=raw.line, message=message))
            continue
        # A row without a competitor (the flag or name lost in conversion) is kept, its competitor "not given".

        crew = _crew(name, extra) if not team and (_may_list_people(name) or ")" in name) else []
        if len(crew) >= 3 and all(fit_name(m) > 0 for m in crew):
            name = ""  # a crew or relay listed in the athlete column: named by the caller from nation or members
        else:
            crew = []
        # The row's fields are gathered here and the row made once at the end. Only the fields given a value
        # are passed, as the row's set fields are kept (and cached) with it.
        fields: dict[str, Any] = {}
        suffix = _NOC_SUFFIX.match(name) if name.endswith(")") else None
        if suffix and not team:
            name = suffix.group(1)
            extra["nation as written"] = suffix.group(2)  # `Carl Lewis (USA)`
        rank_text = cells.get(rank_col, "").strip() if rank_col is not None else ""
        rank, tied = parse_rank(rank_text)
        rank_notes: list[str] = []
        if rank is not None and (" " in rank_text or "(" in rank_text):
            extra["rank as written"] = rank_text  # `2 (3)`, `1 Q`
            if rank_text[-1] in "Qq" and rank_text[-2] == " ":
                rank_notes.append(rank_text[-1])
        span = RANK_RANGE.match(rank_text) if rank is None else None  # a parsed rank is never a range
        if span:
            rank, tied = int(span.group(1)), True  # `3–4`: a shared 3rd place, as written
            extra["rank as written"] = rank_text
        if rank_text in DASHES and rank_text:
            fields["group"] = rank_text
        status = status_of(rank_text) if rank is None else None  # a cell holding a rank holds no status
        if rank_text and rank is None and status is None and rank_text not in DASHES and not shift:
            extra["rank as written"] = rank_text
            problems.append(Problem(file=file, line=raw.line, message=f"rank cell not understood: '{rank_text}'"))

        inherits_rank = bool(shift and rank_col is not None and rank_col < shift and rows)

        notes: list[str] = []
        result: str | None = None
        value: float | None = None
        if result_col is not None:
            value_text, notes = split_notes(cells.get(result_col, "").strip())
            if normalize(value_text) in PLACEHOLDERS:
                extra["result as written"], value_text = value_text, ""  # `Unknown`: no result known
            if value_text and value_text not in DASHES:
                # No status begins with a digit, as most results do.
                cell_status = (
                    None if value_text[0].isdigit() else status_of(value_text) or status_of(value_text.split()[0])
                )
                if cell_status and status_of(value_text):
                    status = cell_status  # the cell holds only a status (`DNF`): no result
                elif cell_status:
                    result = fields["result"] = value_text
                    status = cell_status
                else:
                    result = fields["result"] = value_text
                    perf = read_performance(value_text, unit)
                    if perf is not None:
                        _, value, fields["unit"], fields["precision"] = perf
                        fields["value"] = value
        if "value" not in fields and result and status is None and _DIGIT.search(result):
            problems.append(Problem(file=file, line=raw.line, message=f"result not understood: '{result}'"))
        if inherits_rank:
            above = rows[-1]
            if above.rank is not None:
                if above.value == value and above.result == result:
                    tied = above.tied = True  # the rank cell spanned both rows: a tie
                else:
                    rank = None
                    problems.append(
                        Problem(
                            file=file,
                            line=raw.line,
                            message=f"row lacks its rank cell but its result differs from the row above: {raw.cells}",
                        )
                    )
            elif above.group:
                fields["group"] = above.group
            if above.status and above.status != "unknown" and status is None and result is None:
                status = above.status

        members = crew  # a new list, the row's own
        split_cells = [(label, cells[col]) for col, label in split_cols if col in cells] if split_cols else []
        for col, kind, label in other_cols:
            text = cells.get(col, "")
            if not text:
                continue
            if kind is notes_kind:
                notes.extend(_notes(text))
                if status is None and result is not None and status_of(text) in _STATUS_OVER_RESULT:
                    status = status_of(text)  # `DSQ` beside a time: the status wins, the time is kept as written
            elif kind is members_kind:
                members.extend(_crew(text, extra))
            elif kind is nation_kind:
                if normalize(text) not in PLACEHOLDERS:
                    extra["nation as written"] = text
            else:
                extra[label] = text  # an extra or leading column, kept as written
        if aligned.overflow:
            for i, text in enumerate(aligned.overflow):
                extra[f"column {width + i + 1}"] = text
        splits: dict[str, float] = {}
        if split_cells:
            # Split columns are times along the way; in an event scored otherwise (decathlon points per
            # discipline) they are kept as written.
            row_unit = fields.get("unit")
            if row_unit in (None, "s") and unit == "s":
                splits, converted = _splits(split_cells, value if row_unit == "s" else None)
                if converted:
                    extra["splits as written"] = " ".join(t for _, t in split_cells)
            for label, text in split_cells:
                if text and label not in splits and text not in DASHES:
                    extra[label] = text
        if status is None and result is None:
            # No result: a status written in another cell (a run's DNF) says why; else it is unknown.
            written = [s for s in (status_of(v) for c, v in _own_cells(aligned).items() if c != rank_col) if s]
            if written:
                status = written[0]
            elif rank is None:
                status = "unknown"
        fields["line"], fields["rank"], fields["name"], fields["shifted"] = raw.line, rank, name, bool(shift)
        fields["members"], fields["tied"], fields["splits"], fields["status"] = members, tied, splits, status
        fields["notes"] = rank_notes + notes if rank_notes else notes
        if layout.heat is not None and cells.get(layout.heat, "").strip():
            fields["heat"] = cells[layout.heat].strip()
        elif heat_label is not None:
            fields["heat"] = heat_label
        # A team is its nation; a nation written beside an athlete is known by its code, or kept as written.
        if team:
            fields["nation"] = code_of(name) if name else None
        elif "nation as written" in extra:
            code = code_of(extra["nation as written"])
            if code:
                fields["nation"] = code
                del extra["nation as written"]
        rows.append(_make_row(fields, extra))
        previous = aligned
        team_above = (rank is not None and not name and not members and result is None) or (bool(members) and not name)
    return rows


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
    """A row holding one text in its first cell and nothing else, that is neither a rank nor a status."""
    first = cells[0] if cells else ""
    return (
        bool(first)
        and not any(cells[1:])
        and parse_rank(first)[0] is None
        and status_of(first) is None
        and not RANK_RANGE.match(first)
        and first not in DASHES
        and fit(Col.RESULT, first) <= 0
        and not _person_like(first)
    )


_PARTICLES = frozenset(
    {"van", "von", "de", "da", "der", "den", "la", "le", "du", "di", "dos", "das", "af", "bin", "al"}
)


def _person_like(text: str) -> bool:
    """`William Merz`, `Dirk Jan van Hameren`: every word capitalized but the usual particles (a shifted row
    holding only a name is no caption)."""
    words = text.split()
    return all(w[:1].isupper() or w in _PARTICLES for w in words) and len(words) <= 5


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


def _caption(cells: list[str]) -> bool:
    """A first row holding one text across the table (a caption), or the same text in every cell (a colspan)."""
    texts = [c for c in cells if c]
    return len(texts) == 1 or (len(texts) > 1 and len(set(texts)) == 1)


_SMALL_NUMBER = re.compile(r"^\d{1,2}\.?$")


def _numbered(texts: list[str]) -> bool:
    """A second header row numbering attempts, dives or judges: `1 2 3 1 2 3` or `1 2 3 4 5 6`, maybe `Result`."""
    numbers = [int(t.rstrip(".")) for t in texts if _SMALL_NUMBER.match(t)]
    if len(numbers) < 3 or len(numbers) < len(texts) - len(texts) // 3 or numbers[0] != 1:
        return False
    return all(b == a + 1 or b == 1 for a, b in itertools.pairwise(numbers))


def _spread_groups(header: list[str], sub: list[str], table: Table) -> list[str] | None:
    """Labels for a header whose group cells lost their colspans (`Race I … Race VII`, then `Total`, padded with
    empty cells at the end) over a sub-header repeating under each group (`Rank | Points | Rank | Points …`).

    With n labels, a data width W and m sub-header cells, g = m - (W - n) groups of k = m / g columns each stand
    before the last label(s); the layout is taken only when these numbers work out exactly, else None.
    """
    labels = [h for h in header if h]
    subs = [s for s in sub if s]
    width = max((len(row.cells) for row in table.rows[2:]), default=0)
    n, m = len(labels), len(subs)
    groups = m - (width - n)
    if groups <= 0 or m % groups or labels != header[:n]:
        return None
    k = m // groups
    for trailing in (1, 0, 2):
        before = n - groups - trailing
        if before < 1 or before + groups * k + trailing != width:
            continue
        spread = labels[:before]
        for j in range(groups):
            spread.extend(f"{labels[before + j]} {subs[j * k + t]}" for t in range(k))
        return spread + labels[n - trailing :]
    return None


SPAN_LOST = "(column not placed: the header lost its spans)"


def merged_header(table: Table) -> tuple[list[str], int]:
    """The header, with a second header row (`Distance (m) | Points` under `Round 1`) folded into it.

    Returns the column labels and the index of the first data row.
    """
    header = list(table.header)
    if len(table.rows) < 2 or "" not in header:
        return header, 1
    sub = table.rows[1].cells
    texts = [c for c in sub if c]
    if _caption(header) and layout_of(sub) is not None:
        return list(sub), 2  # `| Heat 1 of 2 | | |` above the real header
    if _numbered(texts):
        # attempt or dive numbers (`1 | 2 | 3 | 1 | 2 | 3`) under the lifts or dives
        return _spread_groups(header, sub, table) or header, 2
    if len(texts) < 2 or any(parse_rank(c)[0] is not None or fit(Col.RESULT, c) > 0 for c in texts):
        return header, 1
    if not all(classify(c) is not Col.EXTRA or "(" in c or len(c.split()) <= 2 for c in texts):
        return header, 1
    spread = _spread_groups(header, sub, table)
    if spread is not None:
        return spread, 2
    last = max((i for i, h in enumerate(header) if h), default=-1)
    if last >= 0 and all(header[: last + 1]):
        # Every empty header cell is at the end: the groups lost their spans and the labels after the first
        # group cannot be placed. Only the leading rank, competitor and nation columns keep their labels.
        keep = 0
        while keep <= last and classify(header[keep]) in (Col.RANK, Col.NAME, Col.NATION, Col.LEAD, Col.MEMBERS):
            keep += 1
        return header[:keep] + [SPAN_LOST] * (len(header) - keep), 2
    # The sub-header sits under the first group heading: the first header cell followed by an empty one.
    start = next((i for i in range(len(header) - 1) if header[i] and not header[i + 1]), None)
    if start is None:
        return header, 1
    group = ""
    labels = list(header)
    for i in range(start, len(header)):
        group = header[i] or group
        pos = i - start
        if pos < len(sub) and sub[pos]:
            labels[i] = f"{group} {sub[pos]}".strip()
        elif not header[i]:
            labels[i] = ""
    return labels, 2
