"""Head to head: two athletes in the events both entered, place by place, split by split."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from bot.answers import EventSummary, Line, _winner_value, line_of, summarize
from bot.errors import BadOption
from bot.index import Appearance, PodiumIndex
from bot.performance import Unit, format_value

Side = Literal["a", "b"]


class Showing(BaseModel):
    """One athlete's deciding appearance in an event: the furthest round they reached."""

    round: str | None
    round_index: int
    line: Line


class SplitGap(BaseModel):
    label: str
    a: float
    b: float
    # b minus a in seconds (positive: a was ahead at that point), and as text `+0.293` / `-0.120`.
    diff: float
    diff_text: str


class Meeting(BaseModel):
    event: EventSummary
    a: Showing
    b: Showing
    same_round: bool
    ahead: Side | None
    # How far the one ahead finished in front, in the event's unit, when both have a result in the same round.
    gap: str | None
    unit: Unit | None
    splits: list[SplitGap] = Field(default_factory=list)


class CompareAnswer(BaseModel):
    a_id: str
    a_name: str
    b_id: str
    b_name: str
    meetings: list[Meeting]
    a_ahead: int
    b_ahead: int


def _deciding(index: PodiumIndex, apps: list[Appearance]) -> tuple[Appearance, int]:
    """The appearance in the latest round the athlete reached (the final, for a finalist)."""
    # An infobox-only medal has no round: any listed row counts first.
    ranked = [(-1 if app.from_infobox else app.round_index, app) for app in apps]
    number, app = max(ranked, key=lambda item: item[0])
    return app, number


def _showing(index: PodiumIndex, app: Appearance, number: int) -> Showing:
    event = index.events[app.event_id]
    best = _winner_value(event.rounds[number]) if number >= 0 else None  # an infobox-only medal has number -1
    return Showing(round=app.round, round_index=number, line=line_of(index, app.row, best))


def _better(a: Line, b: Line) -> Side | None:
    """Who finished ahead within one round: a finisher beats a non-finisher, then rank, then value."""
    a_done, b_done = a.status is None and a.result is not None, b.status is None and b.result is not None
    if a_done != b_done:
        return "a" if a_done else "b"
    if not a_done:
        return None
    if a.rank is not None and b.rank is not None and a.rank != b.rank:
        return "a" if a.rank < b.rank else "b"
    if a.value is not None and b.value is not None and a.unit == b.unit and a.value != b.value:
        lower_wins = a.unit == "s"
        return "a" if (a.value < b.value) == lower_wins else "b"
    return None


def _signed(diff: float, precision: int) -> str:
    sign = "+" if diff >= 0 else "-"
    return f"{sign}{format_value(abs(diff), 's', precision)}"


def _precision(*values: float) -> int:
    digits = 0
    for value in values:
        text = f"{value:.6f}".rstrip("0")
        digits = max(digits, len(text.split(".")[1]) if "." in text else 0)
    return min(digits, 3)


def _split_gaps(a: Line, b: Line) -> list[SplitGap]:
    gaps: list[SplitGap] = []
    for label, a_time in a.splits.items():
        b_time = b.splits.get(label)
        if b_time is None:
            continue
        diff = round(b_time - a_time, 6)
        gaps.append(
            SplitGap(label=label, a=a_time, b=b_time, diff=diff, diff_text=_signed(diff, _precision(a_time, b_time)))
        )
    return gaps


def _meeting(index: PodiumIndex, event_id: str, a_apps: list[Appearance], b_apps: list[Appearance]) -> Meeting:
    a_app, a_round = _deciding(index, a_apps)
    b_app, b_round = _deciding(index, b_apps)
    a, b = _showing(index, a_app, a_round), _showing(index, b_app, b_round)
    same = a_round == b_round
    gap: str | None = None
    unit = a.line.unit or b.line.unit
    if same:
        ahead = _better(a.line, b.line)
        first, second = (a.line, b.line) if ahead == "a" else (b.line, a.line)
        if ahead and first.value is not None and second.value is not None and first.unit == second.unit:
            precision = max(a_app.row.precision, b_app.row.precision, 0)
            gap = format_value(abs(second.value - first.value), first.unit, precision)
        splits = _split_gaps(a.line, b.line)
    else:
        # Not in the same race: the one who went further through the rounds is ahead.
        ahead = "a" if a_round > b_round else "b"
        splits = []
    return Meeting(
        event=summarize(index, event_id), a=a, b=b, same_round=same, ahead=ahead, gap=gap, unit=unit, splits=splits
    )


def compare_answer(index: PodiumIndex, a_id: str, b_id: str) -> CompareAnswer:
    """Every event both athletes entered, newest first. Raises BadOption when asked to compare someone with
    themselves."""
    if a_id == b_id:
        raise BadOption("Pick two different athletes to compare.")
    a, b = index.athletes[a_id], index.athletes[b_id]
    a_by_event: dict[str, list[Appearance]] = {}
    for app in a.appearances:
        a_by_event.setdefault(app.event_id, []).append(app)
    b_by_event: dict[str, list[Appearance]] = {}
    for app in b.appearances:
        b_by_event.setdefault(app.event_id, []).append(app)
    shared = [eid for eid in a_by_event if eid in b_by_event]
    shared.sort(key=lambda eid: (-(index.infos[eid].year or 0), eid))
    meetings = [_meeting(index, eid, a_by_event[eid], b_by_event[eid]) for eid in shared]
    return CompareAnswer(
        a_id=a.id,
        a_name=a.name,
        b_id=b.id,
        b_name=b.name,
        meetings=meetings,
        a_ahead=sum(1 for m in meetings if m.ahead == "a"),
        b_ahead=sum(1 for m in meetings if m.ahead == "b"),
    )


def split_words(answer: CompareAnswer, split: SplitGap) -> str:
    """A split in words, never a sign to decode: `Shane Kelly ahead by 0.164` (`level` when equal)."""
    if split.diff == 0:
        return "level"
    leader = answer.a_name if split.diff > 0 else answer.b_name
    return f"{leader} ahead by {split.diff_text.lstrip('+-')}"


def tally_words(answer: CompareAnswer) -> str:
    """`1 shared event: José Manuel Moreno finished ahead in 1, Shane Kelly in 0`."""
    shared = len(answer.meetings)
    events = "1 shared event" if shared == 1 else f"{shared} shared events"
    return f"{events}: {answer.a_name} finished ahead in {answer.a_ahead}, {answer.b_name} in {answer.b_ahead}"
