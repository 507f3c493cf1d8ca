"""How questions say things: an event's label, a Games, a time or mark, a split, a record's place."""

from __future__ import annotations

from collections.abc import Sequence

from bot.models import Event, ResultRow
from bot.performance import Unit, format_value
from bot.reference import Reference


def event_label(event: Event) -> str:
    """`Cycling – Men's track time trial, 1992 Summer Olympics`."""
    name = event.event or event.title
    games = f"{event.year} {event.season or ''} Olympics".replace("  ", " ") if event.year else "the Olympics"
    return f"{event.sport} – {name}, {games}" if event.sport else f"{name}, {games}"


def games_display(ref: Reference, year: int | None, season: str | None) -> str:
    """`Barcelona 1992` when the host city is known, else `1992 Summer`."""
    host = host_city(ref, year, season)
    if host:
        return f"{host} {year}"
    return f"{year} {season or ''}".strip()


def host_city(ref: Reference, year: int | None, season: str | None) -> str | None:
    for games in ref.games:
        if games.year == year and (season is None or games.season == season):
            return games.host_city
    return None


def games_forms(ref: Reference, year: int, season: str | None) -> list[str]:
    """Every way to name one Games: `1992`, `1992 Summer`, `Summer 1992`, `Barcelona 1992`, and `Barcelona` alone
    when that city hosted no other Games of the season."""
    forms = [str(year)]
    if season:
        forms += [f"{year} {season}", f"{season} {year}"]
    host = host_city(ref, year, season)
    if host:
        places = [host, *next((g.places for g in ref.games if g.year == year and g.host_city == host), ())]
        hosted = [g for g in ref.games if g.host_city == host and (season is None or g.season == season)]
        for place in places:
            forms += [f"{place} {year}", f"{year} {place}"]
            # The city alone names these Games only when it hosted no others (Sapporo held events in 2020, but
            # `Sapporo` is the 1972 Winter Games).
            elsewhere = [g for g in ref.games if g.host_city == place and (g.year, g.season) != (year, season)]
            if len(hosted) == 1 and not elsewhere:
                forms.append(place)
    return forms


def value_text(value: float, unit: Unit | None, precision: int) -> str:
    """A time or mark as the quiz shows it: `1:03.342`, `9.96 s`, `8.67 m`, `1234 pts`."""
    body = format_value(value, unit, precision)
    if unit == "s":
        return body if ":" in body else f"{body} s"
    if unit == "m":
        return f"{body} m"
    if unit == "pts":
        return f"{body} pts"
    return body


def format_hint(value: float, unit: Unit | None, precision: int) -> str:
    """How to write the answer, without giving it away: `(m:ss.xxx)`, `(seconds, to 0.001)`, `(metres, to 0.01)`."""
    decimals = "." + "x" * precision if precision else ""
    if unit == "s":
        if value >= 3600:
            return f"(h:mm:ss{decimals})"
        if value >= 60:
            return f"(m:ss{decimals})"
        return f"(seconds, to {10.0**-precision:.{precision}f})" if precision else "(seconds)"
    if unit == "m":
        return f"(metres, to {10.0**-precision:.{precision}f})" if precision else "(metres)"
    return f"(to {10.0**-precision:.{precision}f})" if precision else ""


def rounded(value: float, precision: int) -> float:
    return round(value, precision)


def split_precision(rows: Sequence[ResultRow]) -> int:
    """Splits are written like the result column: the finishers' decimals (3 when unknown)."""
    decimals = [r.precision for r in rows if r.unit == "s"]
    return max(decimals) if decimals else 3


def split_phrase(label: str) -> str:
    """`250 m` -> `at the 250 m mark`; `Lap 1` -> `after lap 1`."""
    if label.strip().lower().startswith("lap"):
        return f"after {label.lower()}"
    return f"at the {label} mark"


def plain_place(ref: Reference, place: str | None) -> str | None:
    """A record's place as a fan says it: `FRG Hildesheim, West Germany` -> `Hildesheim, West Germany` (the
    nation's code the page writes before it is table markup, not words)."""
    if not place:
        return None
    head, _, rest = place.strip().partition(" ")
    if rest and len(head) == 3 and head.isupper() and head in ref.nations:
        return rest.strip()
    return place.strip()
