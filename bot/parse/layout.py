"""What each column of a results table means: the `Layout` read from its header (merged from two header rows
where the page has them), or inferred from its cells, and the unit of a bare number in its result column."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from bot.parse.columns import HEAT_WORDS, Col, classify, fit, parse_rank
from bot.parse.page import Table
from bot.performance import Unit
from bot.text import normalize

_POINTS_SPORTS = re.compile(
    r"gymnast|diving|dressage|trampoline|ski jumping|figure skating|shooting|archery|athlon|nordic combined"
    r"|freestyle skiing|snowboard|artistic swimming|synchron|equestrian|surfing|skateboard|breaking|moguls|aerials"
    r"|halfpipe|slopestyle|big air"
)
_METRE_EVENTS = re.compile(r"\b(long jump|high jump|triple jump|pole vault|shot put|discus|javelin|hammer|standing)")


@dataclass(frozen=True)
class Layout:
    """The role of each column of a table (`kinds`), under its label (`columns`)."""

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
