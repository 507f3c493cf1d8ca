"""How facts are said: an event with its Games, a person with their nation, a value with its unit, and notes
for values that are inferred, corrected or a status instead of a result."""

from __future__ import annotations

from bot.answers import STATUS_TEXT
from bot.ask.words import ordinal
from bot.index import EventInfo, PodiumIndex
from bot.models import ResultRow, Round
from bot.performance import format_value

UNIT_WORDS = {"m": "m", "kg": "kg", "pts": "points"}


def games_label(index: PodiumIndex, info: EventInfo) -> str:
    host = next((g.host_city for g in index.reference.games if g.year == info.year and g.season == info.season), None)
    if host and info.year:
        return f"{host} {info.year}"
    return f"the {info.games} Games"


def event_name(info: EventInfo) -> str:
    name = (info.event or info.title).strip()
    return name[:1].lower() + name[1:] if name[:2] != name[:2].upper() else name


def event_label(index: PodiumIndex, info: EventInfo) -> str:
    """`the men's track time trial at Barcelona 1992`."""
    return f"the {event_name(info)} at {games_label(index, info)}"


def command_query(info: EventInfo) -> str:
    """What to type after `/podium` for this event: its year and name (`1992 men's track time trial`)."""
    return f"{info.year or ''} {info.event or info.title}".strip()


def person(row: ResultRow, index: PodiumIndex) -> str:
    return f"{row.name} ({row.nation})" if row.nation else row.name


def value_text(row: ResultRow) -> str:
    """The result as written, with its unit where the page left it off: `1:03.342`, `8.90 m`, `245 points`."""
    if row.result is None or row.status is not None:
        return STATUS_TEXT.get(row.status or "unknown", "no result")
    text = row.result
    if row.corrected and row.value is not None:  # the value as corrected; the note says what was written
        return format_value(row.value, row.unit, row.precision) + (
            f" {UNIT_WORDS[row.unit]}" if row.unit in UNIT_WORDS else ""
        )
    unit = UNIT_WORDS.get(row.unit or "")
    if unit and not text.rstrip().endswith(row.unit or "") and text.replace(".", "").replace(",", "").isdigit():
        text = f"{text} {unit}"
    return text


def notes_of(row: ResultRow) -> list[str]:
    out = []
    if row.rank_inferred:
        out.append(f"{row.name}'s place is inferred from the medals: the page leaves the rank cell empty.")
    if row.corrected:
        out.append(f"{row.name}'s result was corrected: {row.correction or 'the value as written was implausible'}.")
    if row.status:
        out.append(f"{row.name}: {STATUS_TEXT[row.status]} — a status, not a result.")
    return out


def place_text(row: ResultRow) -> str:
    if row.rank is None:
        return STATUS_TEXT.get(row.status or "unknown", "without a place")
    text = ordinal(row.rank)
    return f"tied {text}" if row.tied else text


def names_and(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def deciding_round(rounds: list[Round], final: Round | None) -> Round | None:
    return final or (rounds[-1] if rounds else None)
