"""Catching values that cannot be right for the event, such as `1:18.13` for a 20 km walk."""

from __future__ import annotations

import re

from bot.performance import parse_time
from bot.text import fold

# Fastest sustained human-powered speeds are near 20 m/s (track cycling); anything over this is a misreading.
MAX_SPEED = 25.0
MIN_SPEED = 0.3

_DISTANCE = re.compile(
    r"(?:(\d+)\s*x\s*)?(\d[\d,]*(?:\.\d+)?)\s*(kilometres?|kilometers?|km|metres?|meters?|m|miles?)\b"
)


def event_distance(event_name: str) -> float | None:
    """Metres covered in the event, from its name: `20 kilometres walk` -> 20000, `4 × 100 metres` -> 400."""
    name = fold(event_name.replace("×", "x"))
    if "half marathon" in name:
        return 21097.5
    if "marathon" in name:
        return 42195.0
    match = _DISTANCE.search(name)
    if not match:
        return None
    legs = int(match.group(1)) if match.group(1) else 1
    amount = float(match.group(2).replace(",", ""))
    unit = match.group(3)
    factor = 1000.0 if unit.startswith("k") else 1609.344 if unit.startswith("mile") else 1.0
    return legs * amount * factor


def correct_time(text: str, seconds: float, distance: float | None) -> tuple[float, str] | None:
    """If `m:ss.xx` is impossible for the distance but `h:mm:ss` fits, the corrected seconds and a note."""
    if distance is None or seconds <= 0:
        return None
    speed = distance / seconds
    if MIN_SPEED <= speed <= MAX_SPEED:
        return None
    if text.count(":") == 1 and "." in text:
        alternative = parse_time(text.replace(".", ":"))
        if alternative is not None and MIN_SPEED <= distance / alternative[0] <= MAX_SPEED:
            fixed = text.replace(".", ":")
            return alternative[0], f"read as {fixed} (h:mm:ss): {text} as m:ss is impossible over {distance:g} m"
    return None
