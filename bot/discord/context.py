"""What every command, button and picker shares: the loaded `Podium`, the settings, and the routes that answer.

A *route* turns a command's arguments into a reply. Arguments are strings: free text a user typed, an id, or a
short *ref* to an id (ids longer than fits in a custom_id become `~` + a stable digest). Because a route answers
from strings alone, a page button or a picker choice can answer again after a restart from its custom_id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import discord

from bot.core import Podium
from bot.errors import Ambiguous, NotFound, PodiumError
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.match import Resolution

REF_MAX = 60


class Route:
    """The codes routes are known by in custom_ids (`pg:e:...`, `pk:c:...`): one letter each, to leave the id
    room for its state, and never to change (buttons already posted carry them)."""

    EVENT = "e"
    PODIUM = "p"
    RECORDS = "r"
    ATHLETE = "a"
    COMPARE = "c"
    CHART = "h"
    ABOUT = "i"


def ref_of(item_id: str) -> str:
    """A custom_id-sized reference: the id itself when short, else `~` and a digest stable across restarts."""
    if len(item_id) <= REF_MAX and not item_id.startswith("~"):
        return item_id
    return "~" + hashlib.blake2b(item_id.encode(), digest_size=8).hexdigest()


@dataclass
class Reply:
    """One message's worth of answer. `png` is sent as the attachment `chart.png`."""

    embeds: list[discord.Embed] = field(default_factory=list)
    view: discord.ui.View | None = None
    content: str | None = None
    png: bytes | None = None


@dataclass
class Slow:
    """An answer whose work may take longer than Discord's 3 s: the interaction is deferred, then `finish` runs."""

    finish: Callable[[], Awaitable[Reply]]


Outcome = Reply | Slow
Answer = Callable[["BotContext", int, tuple[str, ...]], Outcome]
Pages = Callable[["BotContext", str, str], list[discord.Embed]]


class PickNeeded(PodiumError):
    """A query fit several candidates: show a picker whose choice fills argument `slot` of route `code`.

    `extra` is the rest of the request (the other argument), kept in the picker's custom_id."""

    def __init__(self, code: str, slot: int, extra: str, ambiguous: Ambiguous) -> None:
        self.code, self.slot, self.extra, self.ambiguous = code, slot, extra, ambiguous
        super().__init__(str(ambiguous))


class PageGone(PodiumError):
    """A page button refers to something no longer in the data."""


@dataclass
class BotContext:
    podium: Podium
    settings: Settings
    routes: dict[str, Answer] = field(default_factory=dict)
    pagers: dict[str, Pages] = field(default_factory=dict)
    _refs: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------ registration (group modules' setup)

    def add_route(self, code: str, answer: Answer) -> None:
        if code in self.routes:
            raise ValueError(f"route code {code!r} is taken")
        self.routes[code] = answer

    def add_pager(self, code: str, pages: Pages) -> None:
        if code in self.pagers:
            raise ValueError(f"pager code {code!r} is taken")
        self.pagers[code] = pages

    # ------------------------------------------------------------ resolving arguments

    def _from_ref(self, kind: str, ref: str, ids: Sequence[str]) -> str | None:
        if not ref.startswith("~"):
            return None
        table = self._refs.get(kind)
        if table is None:
            table = self._refs[kind] = {ref_of(i): i for i in ids if ref_of(i).startswith("~")}
        return table.get(ref)

    def event_from_ref(self, ref: str) -> str:
        """The event id behind a ref, or PageGone when the data no longer has it."""
        index = self.podium.index
        found = ref if ref in index.events else self._from_ref("event", ref, list(index.events))
        if found is None:
            raise PageGone("That event is no longer in my data.")
        return found

    def athlete_from_ref(self, ref: str) -> str:
        index = self.podium.index
        found = ref if ref in index.athletes else self._from_ref("athlete", ref, list(index.athletes))
        if found is None:
            raise PageGone("That athlete is no longer in my data.")
        return found

    def resolution(self, kind: str, text: str) -> Resolution | str:
        """An exact id or ref as itself, else what the matcher makes of the text."""
        clean = text.strip()
        try:
            return self.event_from_ref(clean) if kind == "event" else self.athlete_from_ref(clean)
        except PageGone:
            pass
        return self.podium.resolve("athlete" if kind == "athlete" else "event", clean)

    def need(self, kind: str, text: str, *, code: str, slot: int, extra: str = "") -> str:
        """The one id `text` means; NotFound with suggestions, or PickNeeded when several fit."""
        found = self.resolution(kind, text)
        if isinstance(found, str):
            return found
        if found.outcome == "match":
            return found.candidates[0].id
        if found.outcome == "ambiguous":
            cands = [(c.id, c.name, self.detail(kind, c.id, c.detail)) for c in found.candidates]
            raise PickNeeded(code, slot, extra, Ambiguous(kind, text, cands))
        raise NotFound(kind, text, [c.name for c in found.candidates])

    def soft(self, kind: str, text: str) -> str | None:
        """The id when `text` means exactly one, else None (no error)."""
        found = self.resolution(kind, text)
        if isinstance(found, str):
            return found
        return found.candidates[0].id if found.outcome == "match" else None

    def detail(self, kind: str, item_id: str, detail: str) -> str:
        """A candidate's detail for pickers: the matcher's (sport, Games) plus the nation where known."""
        if kind == "athlete":
            athlete = self.podium.index.athletes.get(item_id)
            if athlete is not None and athlete.nations and not any(n in detail for n in athlete.nations):
                return f"{detail}, {'/'.join(athlete.nations)}"
        return detail


def context_of(interaction: discord.Interaction[Any]) -> BotContext:
    ctx = getattr(interaction.client, "podium_ctx", None)
    if not isinstance(ctx, BotContext):
        raise RuntimeError("this client has no Podium context")
    return ctx
