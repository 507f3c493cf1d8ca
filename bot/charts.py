"""Pictures of an event's results, as PNG bytes: the gaps behind the winner, or the split-by-split progression.

Pure functions of answer models; they use matplotlib's object API (no pyplot, no global figure state), so they
are safe to run in a worker thread (`asyncio.to_thread`), off the bot's event loop.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from bot.answers import EventAnswer, Line, RoundAnswer
from bot.errors import BadOption

if TYPE_CHECKING:
    from matplotlib.figure import Figure

ChartKind = Literal["gaps", "splits"]
CHART_KINDS: tuple[ChartKind, ...] = ("gaps", "splits")
MAX_BARS = 30
MAX_LINES = 8
MEDAL_COLOURS = {"gold": "#d4af37", "silver": "#a8a9ad", "bronze": "#cd7f32"}
BAR_COLOUR = "#5b7fa6"
UNIT_WORDS = {"s": "seconds", "m": "metres", "pts": "points"}


class Chart(BaseModel):
    kind: ChartKind
    round_index: int
    title: str
    png: bytes
    # What was left out so the picture stays legible (e.g. "first 30 of 42 finishers").
    note: str | None = None


def default_round(answer: EventAnswer) -> int:
    """The round drawn unless one is asked for: the final round, as everything else decides it
    (`Event.final_round`, carried in the answer); on a page without one (its final table missing), the last round
    there is, named in the chart's title."""
    if answer.final_round is not None:
        return answer.final_round
    return max(len(answer.rounds) - 1, 0)


def _finishers(rnd: RoundAnswer) -> list[Line]:
    return [line for line in rnd.lines if line.status is None and line.value is not None]


def available_kinds(answer: EventAnswer, round_index: int) -> list[ChartKind]:
    if not answer.rounds:
        return []
    rnd = answer.rounds[round_index]
    kinds: list[ChartKind] = []
    if len(_finishers(rnd)) >= 2:
        kinds.append("gaps")
    if sum(1 for line in _finishers(rnd) if line.splits) >= 2:
        kinds.append("splits")
    return kinds


def _label(line: Line) -> str:
    nation = f" ({line.nation})" if line.nation else ""
    return f"{line.rank_text}. {line.name}{nation}"


def _title(answer: EventAnswer, rnd: RoundAnswer) -> str:
    name = answer.event.event or answer.event.title
    return f"{answer.event.games} – {name}" + (f" – {rnd.name}" if rnd.name else "")


def _gap_value(line: Line, best: float) -> float:
    assert line.value is not None
    return line.value - best if line.unit == "s" else best - line.value


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def gaps_chart(answer: EventAnswer, round_index: int | None = None) -> Chart:
    """Horizontal bars: how far behind the winner each finisher was, in the event's own unit."""
    from matplotlib.figure import Figure

    number = default_round(answer) if round_index is None else round_index
    if not answer.rounds:
        raise BadOption("This event has no results table to chart.")
    rnd = answer.rounds[number]
    finishers = _finishers(rnd)
    if len(finishers) < 2:
        raise BadOption("This round has fewer than two results with a value, so there are no gaps to draw.")
    unit = finishers[0].unit
    values = [line.value for line in finishers if line.value is not None]
    best = min(values) if unit == "s" else max(values)
    shown = finishers[:MAX_BARS]
    note = f"first {MAX_BARS} of {len(finishers)} finishers" if len(finishers) > MAX_BARS else None
    gaps = [_gap_value(line, best) for line in shown]
    figure = Figure(figsize=(8, 1.2 + 0.32 * len(shown)), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    colours = [MEDAL_COLOURS.get(line.medal or "", BAR_COLOUR) for line in shown]
    positions = list(range(len(shown)))
    axes.barh(positions, gaps, color=colours)
    axes.set_yticks(positions, [_label(line) for line in shown], fontsize=8)
    axes.invert_yaxis()
    for pos, (gap, line) in enumerate(zip(gaps, shown, strict=True)):
        axes.annotate(line.gap or "winner", (gap, pos), xytext=(3, 0), textcoords="offset points", va="center",
                      fontsize=7)  # fmt: skip
    axes.set_xlabel(f"{UNIT_WORDS.get(unit or '', 'units')} behind the winner")
    axes.margins(x=0.12)
    title = _title(answer, rnd)
    axes.set_title(title + (f"\n({note})" if note else ""), fontsize=10)
    return Chart(kind="gaps", round_index=number, title=title, png=_png(figure), note=note)


def splits_chart(answer: EventAnswer, round_index: int | None = None) -> Chart:
    """Lines: each athlete's time behind the fastest at every split point and at the finish."""
    from matplotlib.figure import Figure

    number = default_round(answer) if round_index is None else round_index
    if not answer.rounds:
        raise BadOption("This event has no results table to chart.")
    rnd = answer.rounds[number]
    riders = [line for line in _finishers(rnd) if line.splits]
    if len(riders) < 2:
        raise BadOption("This round lists no splits to draw; try the `gaps` chart.")
    labels = list(dict.fromkeys(label for line in riders for label in line.splits))
    checkpoints = [*labels, "Finish"]

    def time_at(line: Line, point: str) -> float | None:
        return line.value if point == "Finish" else line.splits.get(point)

    leaders: dict[str, float] = {}
    for point in checkpoints:
        times = [t for line in riders if (t := time_at(line, point)) is not None]
        if times:
            leaders[point] = min(times)
    shown = riders[:MAX_LINES]
    note = f"first {MAX_LINES} of {len(riders)} with splits" if len(riders) > MAX_LINES else None
    figure = Figure(figsize=(8, 4.8), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    for line in shown:
        xs: list[int] = []
        ys: list[float] = []
        for pos, point in enumerate(checkpoints):
            t = time_at(line, point)
            if t is not None and point in leaders:
                xs.append(pos)
                ys.append(t - leaders[point])
        axes.plot(xs, ys, marker="o", linewidth=1.5, label=_label(line),
                  color=MEDAL_COLOURS.get(line.medal or ""))  # fmt: skip
    axes.set_xticks(list(range(len(checkpoints))), checkpoints)
    axes.set_ylabel("seconds behind the fastest at that point")
    axes.invert_yaxis()
    axes.grid(alpha=0.3)
    axes.legend(fontsize=7, loc="best")
    title = _title(answer, rnd)
    axes.set_title(title + (f"\n({note})" if note else ""), fontsize=10)
    return Chart(kind="splits", round_index=number, title=title, png=_png(figure), note=note)


def make_chart(answer: EventAnswer, kind: ChartKind, round_index: int | None = None) -> Chart:
    return splits_chart(answer, round_index) if kind == "splits" else gaps_chart(answer, round_index)
