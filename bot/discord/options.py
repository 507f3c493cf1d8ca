"""Slash-command options for fuzzy names: a Transformer per kind that cleans the text and autocompletes it.

Autocomplete answers at once from the matcher (never deferred), within Discord's limits: at most 25 choices,
names and values of at most 100 characters. A choice's value is the candidate's id (or its ref), so a picked
suggestion resolves exactly; text typed without picking is resolved fuzzily when the command runs.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import discord
from discord import app_commands

from bot.discord import embeds
from bot.discord.context import BotContext, context_of, ref_of
from bot.errors import BadOption
from bot.match import Candidate
from bot.userinput import visible

log = logging.getLogger(__name__)

QUERY_MAX = 100
Choice = app_commands.Choice


def clean_query(value: str, what: str) -> str:
    text = visible(str(value))
    if not text:
        raise BadOption(f"Type {what} to look up.")
    return text[:QUERY_MAX]


def choices(candidates: Sequence[Candidate]) -> list[Choice[str]]:
    """Candidates as autocomplete choices: `Name — detail`, value the id or ref; 25 at most, 100 characters each."""
    out: list[Choice[str]] = []
    seen: set[str] = set()
    for c in candidates:
        value = ref_of(c.id)
        if value in seen:
            continue
        seen.add(value)
        label = f"{c.name} — {c.detail}" if c.detail and c.detail not in c.name else c.name
        out.append(Choice(name=embeds.clip(label, embeds.CHOICE_TEXT), value=value[: embeds.CHOICE_TEXT]))
        if len(out) == embeds.CHOICES:
            break
    return out


def event_candidates(ctx: BotContext, text: str) -> list[Candidate]:
    if text.strip():
        return list(ctx.podium.matcher.complete_event(text, embeds.CHOICES))
    # Nothing typed yet: the newest events.
    events = sorted(ctx.podium.index.infos.items(), key=lambda kv: (-(kv[1].year or 0), kv[1].title))
    return [Candidate(id=eid, name=e.title, detail=e.games, score=0.0) for eid, e in events[: embeds.CHOICES]]


def athlete_candidates(ctx: BotContext, text: str) -> list[Candidate]:
    if text.strip():
        found = list(ctx.podium.matcher.complete_athlete(text, embeds.CHOICES))
    else:
        # Nothing typed yet: medalists first.
        found = ctx.podium.matcher.prominent_athletes(embeds.CHOICES)
    return [c.model_copy(update={"detail": ctx.detail("athlete", c.id, c.detail)}) for c in found]


class _Query(app_commands.Transformer[discord.Client]):
    what = "something"

    @property
    def type(self) -> discord.AppCommandOptionType:
        return discord.AppCommandOptionType.string

    @property
    def min_value(self) -> int:
        return 1

    @property
    def max_value(self) -> int:
        return QUERY_MAX

    async def transform(self, interaction: discord.Interaction[Any], value: Any, /) -> str:
        return clean_query(str(value), self.what)

    def candidates(self, ctx: BotContext, text: str) -> list[Candidate]:
        raise NotImplementedError

    async def autocomplete(  # type: ignore[override]
        self, interaction: discord.Interaction[Any], value: int | float | str, /
    ) -> list[Choice[str]]:
        try:
            return choices(self.candidates(context_of(interaction), str(value)[:QUERY_MAX]))
        except Exception:
            log.exception("autocomplete failed for %r", value)
            return []


class EventText(_Query):
    """An event, typed loosely: `1992 time trial`, `kilo`, `20 km walk barcelona`."""

    what = "an event"

    def candidates(self, ctx: BotContext, text: str) -> list[Candidate]:
        return event_candidates(ctx, text)


class AthleteText(_Query):
    """An athlete's name, typed loosely (accents and case optional)."""

    what = "an athlete's name"

    def candidates(self, ctx: BotContext, text: str) -> list[Candidate]:
        return athlete_candidates(ctx, text)


EventQuery = app_commands.Transform[str, EventText]
AthleteQuery = app_commands.Transform[str, AthleteText]
