"""Rendering answers for the terminal with rich tables."""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Sequence

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from bot.about import AboutAnswer
from bot.answers import AthleteAnswer, EventAnswer, EventSummary, Line, PodiumAnswer, RecordsAnswer
from bot.compare import CompareAnswer, split_words, tally_words
from bot.errors import Ambiguous, NotFound, PodiumError
from bot.match import Resolution
from bot.performance import format_value
from bot.userinput import echoed, printable

MEDAL_MARK = {"gold": "🥇", "silver": "🥈", "bronze": "🥉"}


# Columns whose cells are single tokens (a time, a rank, a gap): never wrapped.
_WHOLE = frozenset({"Rank", "Medal", "Result", "Gap", "Margin", "Score", "Games", "Date"})
# A longer word may be folded: a table must still fit 80 columns.
_LONGEST_WORD = 24


def _text(value: str, style: str = "") -> Text:
    """Plain text from a page or a user: never markup, never a control sequence."""
    return Text(printable(value), style=style)


def _append(text: Text, value: str, style: str = "") -> None:
    text.append(printable(value), style=style)


def _add_row(table: Table, *cells: str) -> None:
    """A row of plain text: a page's or a user's `[link=…]` or `[/]` is shown as typed, never read as markup."""
    table.add_row(*(Text(printable(cell)) for cell in cells))


def _grid(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    title: str | None = None,
    keep: Collection[str] = ("Athlete", "Name", "Event", "Holder"),
    whole: Collection[str] = _WHOLE,
) -> Table:
    """A table of plain text that fits the terminal: a column empty in every row is left out (unless in `keep`);
    a column is never narrower than its longest word (so a name or a nation wraps between words, not inside
    one), and times, ranks and gaps are never wrapped at all."""
    table = Table(title=Text(printable(title)) if title else None, title_justify="left", show_edge=False)
    shown = [i for i, h in enumerate(headers) if h in keep or any(row[i] for row in rows)]
    for i in shown:
        header = headers[i]
        cells = [row[i] for row in rows]
        if header in whole:
            table.add_column(header, no_wrap=True, overflow="ellipsis")
            continue
        longest = max((cell_len(word) for cell in cells for word in cell.split()), default=1)
        table.add_column(header, overflow="fold", min_width=min(max(longest, cell_len(header)), _LONGEST_WORD))
    for row in rows:
        _add_row(table, *(row[i] for i in shown))
    return table


def _nation(line: Line) -> str:
    if line.nation_name:
        return f"{line.nation_name} ({line.nation})"
    return line.nation or ""


def _rank(line: Line) -> str:
    mark = MEDAL_MARK.get(line.medal or "", "")
    text = line.rank_text + ("*" if line.rank_inferred else "")
    return f"{mark} {text}".strip()


def _notes(line: Line) -> str:
    parts = list(line.notes)
    if line.status_text:
        parts.append(line.status_text)
    if line.correction:
        parts.append(f"corrected: {line.correction}")
    if line.members:
        parts.append(", ".join(line.members))
    return "; ".join(parts)


def _header(e: EventSummary) -> Text:
    text = _text(e.title, style="bold")
    facts = [f for f in (e.games, e.venue, e.date) if f]
    _append(text, "\n" + " · ".join(facts), style="dim")
    return text


def _source(e: EventSummary) -> Text:
    return _text(f"Source: {e.source_file} — {e.url}", style="dim")


def render_event(answer: EventAnswer) -> RenderableType:
    parts: list[RenderableType] = [_header(answer.event)]
    inferred = False
    for rnd in answer.rounds:
        split_labels = list(dict.fromkeys(k for line in rnd.lines for k in line.splits))
        rows = []
        for line in rnd.lines:
            inferred |= line.rank_inferred
            splits = [
                format_value(line.splits[k], "s", line.precision) if k in line.splits else "" for k in split_labels
            ]
            rows.append(
                [_rank(line), line.name, _nation(line), *splits, line.result or "", line.gap or "", _notes(line)]
            )
        headers = ["Rank", "Athlete", "Nation", *split_labels, "Result", "Gap", "Notes"]
        table = _grid(headers, rows, title=rnd.name or None, whole={*_WHOLE, *split_labels})
        parts.append(table)
        for condition in rnd.conditions:
            parts.append(_text(condition, style="dim"))
    if inferred:
        parts.append(_text("* rank inferred: the page's rank cell was empty (medal icon lost)", style="dim"))
    parts.append(_source(answer.event))
    return Group(*parts)


def render_podium(answer: PodiumAnswer) -> RenderableType:
    rows = [
        [
            MEDAL_MARK.get(line.medal or "", ""),
            line.name,
            _nation(line),
            line.result or "—",
            line.gap or "",
            _notes(line),
        ]
        for line in answer.places
    ]
    table = _grid(("Medal", "Athlete", "Nation", "Result", "Margin", "Notes"), rows)
    parts: list[RenderableType] = [_header(answer.event), table]
    for missing in answer.medals_without_row:
        parts.append(_text(f"In the infobox but not in the results table: {missing}", style="dim"))
    parts.append(_source(answer.event))
    return Group(*parts)


def render_athlete(answer: AthleteAnswer) -> RenderableType:
    medals = " ".join(f"{MEDAL_MARK[k]}×{v}" for k, v in answer.medals.items() if v)
    head = _text(answer.name, style="bold")
    _append(head, f"\n{answer.sport}" + (f" · {', '.join(answer.nations)}" if answer.nations else ""), style="dim")
    if medals:
        _append(head, f"\n{medals}")
    rows = [
        [
            app.event.games,
            app.event.event or app.event.title,
            app.round or "",
            _rank(app.line),
            app.line.result or "",
            app.line.gap or "",
            _notes(app.line),
        ]
        for app in answer.appearances
    ]
    table = _grid(("Games", "Event", "Round", "Rank", "Result", "Gap", "Notes"), rows)
    return Group(head, table)


def render_records(answer: RecordsAnswer) -> RenderableType:
    if not answer.records:
        return Group(_header(answer.event), _text("The page lists no records table."), _source(answer.event))
    rows = []
    for rec in answer.records:
        note = f"corrected: {rec.correction}" if rec.corrected else ""
        holder = " ".join(x for x in (rec.holder, rec.nation and f"({rec.nation})") if x)
        rows.append([rec.kind, holder or "—", rec.result or "", rec.date or "", rec.place or "", note])
    table = _grid(("Record", "Holder", "Result", "Date", "Place", "Notes"), rows)
    return Group(_header(answer.event), table, _source(answer.event))


def render_resolution(res: Resolution) -> RenderableType:
    title = _text(f"{res.kind} '{echoed(res.query)}': {res.outcome}")
    if not res.candidates:
        return title
    table = _grid(("Name", "Detail", "Score"), [[c.name, c.detail, f"{c.score:.0f}"] for c in res.candidates])
    return Group(title, table)


def render_error(err: PodiumError) -> RenderableType:
    if isinstance(err, Ambiguous):
        text = _text(f"'{echoed(err.query)}' fits several {err.kind}s — which one?\n", style="yellow")
        for n, (_, name, detail) in enumerate(err.candidates, start=1):
            _append(text, printable(f"  {n}. {name} ({detail})\n"))
        return text
    if isinstance(err, NotFound) and err.hint:
        return _text(err.hint, style="red")
    if isinstance(err, NotFound):
        text = _text(f"No {err.kind} matches '{echoed(err.query)}'.", style="red")
        if err.suggestions:
            _append(text, printable(f" Did you mean: {', '.join(err.suggestions)}?"))
        return text
    return Text(printable(str(err)), style="red")


# Piped output has no terminal to fit: as wide as a wide terminal (COLUMNS still says otherwise).
PIPED_WIDTH = 120


def make_console(stderr: bool = False) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    width = None
    if not os.environ.get("COLUMNS") and not (hasattr(stream, "isatty") and stream.isatty()):
        width = PIPED_WIDTH
    return Console(stderr=stderr, highlight=False, soft_wrap=False, width=width)


def render_compare(answer: CompareAnswer) -> RenderableType:
    head = _text(f"{answer.a_name} vs {answer.b_name}", style="bold")
    _append(head, f"\n{tally_words(answer)}", style="dim")
    if not answer.meetings:
        return Group(head, _text("They never entered the same event."))
    parts: list[RenderableType] = [head]
    for meeting in answer.meetings:
        rows = [
            [name, showing.round or "", _rank(showing.line), showing.line.result or ""]
            for name, showing in ((answer.a_name, meeting.a), (answer.b_name, meeting.b))
        ]
        table = _grid(("Athlete", "Round", "Rank", "Result"), rows, title=meeting.event.title)
        parts.append(table)
        if meeting.ahead:
            winner = answer.a_name if meeting.ahead == "a" else answer.b_name
            parts.append(_text(f"Ahead: {winner}" + (f" by {meeting.gap}" if meeting.gap else ""), style="dim"))
        for split in meeting.splits:
            a, b = (format_value(v, "s", meeting.a.line.precision) for v in (split.a, split.b))
            parts.append(_text(f"  {split.label}: {a} vs {b} — {split_words(answer, split)}", style="dim"))
    return Group(*parts)


def render_about(answer: AboutAnswer) -> RenderableType:
    text = _text(f"Podium {answer.version}\n", style="bold")
    _append(
        text,
        f"{answer.events} events, {answer.athletes} athletes, {answer.nations} nations, "
        f"{answer.result_rows} result rows\n",
    )
    _append(text, f"Games: {', '.join(answer.games) or '—'}\nSports: {', '.join(answer.sports) or '—'}\n")
    _append(text, f"Problems found at load: {len(answer.problems)}\n")
    for problem in answer.problems[:20]:
        _append(text, f"  {problem}\n", style="dim")
    return text
