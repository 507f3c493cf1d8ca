"""The command tree: one central error handler, and the per-user cooldown every command gets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord import app_commands

from bot.discord import flow
from bot.settings import Settings

T = TypeVar("T")


class PodiumTree(app_commands.CommandTree[discord.Client]):
    async def on_error(self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError, /) -> None:
        await flow.report(interaction, error)


def user_cooldown(settings: Settings) -> Callable[[T], T]:
    """At most `cooldown_rate` uses of a command per `cooldown_seconds`, per user. The check runs before the
    first response, so a refused call is answered once, ephemerally, by the tree's handler."""
    return app_commands.checks.cooldown(settings.discord.cooldown_rate, settings.discord.cooldown_seconds)
