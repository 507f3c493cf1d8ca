"""`/about`: what the bot knows and its version."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.about import about_answer
from bot.answers import summarize
from bot.discord import embeds, flow
from bot.discord.context import BotContext, Reply, Route
from bot.discord.tree import user_cooldown


def answer_about(ctx: BotContext, owner: int, args: tuple[str, ...]) -> Reply:
    index = ctx.podium.index
    # The field shows a handful of pages and counts the rest: no need to summarize 7,500 of them.
    pages = [summarize(index, eid) for eid in sorted(index.infos)[: embeds.ABOUT_PAGES]]
    return Reply(embeds=[embeds.about_embed(about_answer(index), pages)])


def setup(tree: app_commands.CommandTree[Any], ctx: BotContext) -> None:
    ctx.add_route(Route.ABOUT, answer_about)
    cooldown = user_cooldown(ctx.settings)

    @app_commands.command(name="about", description="What I know: events, athletes, Games, sports, load problems")
    @cooldown
    async def about(interaction: discord.Interaction[Any]) -> None:
        await flow.answer_command(interaction, Route.ABOUT, ("", ""))

    tree.add_command(about)
