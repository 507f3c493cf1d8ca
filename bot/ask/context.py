"""Follow-up memory: the last question each person asked in each channel, for a few minutes, with an injected
clock. `and in 1996?`, `what about silver?`, `and Kelly?` reuse the other parts of the last question."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from bot.ask.intents import Parsed

Who = tuple[str, str]  # (channel id, user id): ids, never Discord objects
MEMORY_SECONDS = 300.0
MAX_PEOPLE = 10_000

FOLLOW_UP = re.compile(
    r"^(?:and|but|what about|how about|and what about|and how about|same for|same but|now|ok and|then)\s+(?P<rest>.+)$"
)
_YEAR = re.compile(r"\b(18[89]\d|19\d\d|20\d\d)\b")
_MEDALS = {"gold", "golds", "silver", "silvers", "bronze", "bronzes", "medals", "medallists", "medalists", "winner"}


@dataclass
class Remembered:
    at: float
    parsed: Parsed
    pending: Parsed | None = None  # a question waiting for a choice in a picker


class Memory:
    def __init__(self, clock: Callable[[], float], seconds: float = MEMORY_SECONDS) -> None:
        self.clock, self.seconds = clock, seconds
        self._by: OrderedDict[Who, Remembered] = OrderedDict()

    def last(self, who: Who | None) -> Remembered | None:
        if who is None:
            return None
        found = self._by.get(who)
        if found is None or self.clock() - found.at > self.seconds:
            return None
        return found

    def remember(self, who: Who | None, parsed: Parsed, pending: Parsed | None = None) -> None:
        if who is None:
            return
        self._by[who] = Remembered(self.clock(), parsed, pending)
        self._by.move_to_end(who)
        while len(self._by) > MAX_PEOPLE:
            self._by.popitem(last=False)

    def pending(self, who: Who | None) -> Parsed | None:
        found = self.last(who)
        return found.pending if found else None


def fragment(text: str) -> tuple[str, bool]:
    """The part of a follow-up after `and`, `what about` ...; and whether such a lead was there."""
    m = FOLLOW_UP.match(text)
    if m:
        rest = re.sub(r"^(?:in|at|for|the)\s+", "", m.group("rest"))
        return rest, True
    return text, False


def looks_like_fragment(text: str) -> bool:
    """A bare `1996`, `silver`, `4th`, `women`: only meaningful after another question."""
    words = text.split()
    if not words or len(words) > 3:
        return False
    return all(_YEAR.fullmatch(w) or w in _MEDALS or re.fullmatch(r"\d+(st|nd|rd|th)|last", w)
               or w in ("in", "the", "at", "women", "men", "womens", "mens") for w in words)  # fmt: skip
