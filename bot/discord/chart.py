"""`/chart`: a picture of an event (gaps behind the winner, or split-by-split progression).

Drawing can take longer than Discord's 3 s, so the interaction is deferred first and the PNG is made by
`bot.charts` in a worker thread (`asyncio.to_thread`), off the event loop.
"""

from __future__ import annotations

import asyncio
from typing import Any

import discord
from discord import app_commands

from bot.answers import event_answer
from bot.charts import CHART_KINDS, ChartKind, available_kinds, default_round, make_chart
from bot.discord import embeds, flow
from bot.discord.context import BotContext, Reply, Route, Slow
from bot.discord.options import EventQuery
from bot.discord.tree import user_cooldown
from bot.errors import BadOption

KIND_WORDS = {"gaps": "gaps behind the winner", "splits": "split-by-split progression"}


def answer_chart(ctx: BotContext, owner: int, args: tuple[str, ...]) -> Slow:
    query, kind_text = args[0], args[1]
    event_id = ctx.need("event", query, code=Route.CHART, slot=0, extra=kind_text)
    answer = event_answer(ctx.podium.index, event_id)
    number = default_round(answer)
    kinds = available_kinds(answer, number)
    kind: ChartKind = "splits" if kind_text == "splits" else "gaps"
    if kind not in kinds:
        other = [k for k in kinds if k != kind]
        hint = f" Try `kind: {other[0]}`." if other else ""
        raise BadOption(f"This event has nothing to draw as {KIND_WORDS[kind]}.{hint}")

    async def finish() -> Reply:
        chart = await asyncio.to_thread(make_chart, answer, kind, number)
        return Reply(embeds=[embeds.chart_embed(answer.event, chart, flow.CHART_FILE)], png=chart.png)

    return Slow(finish)


def setup(tree: app_commands.CommandTree[Any], ctx: BotContext) -> None:
    ctx.add_route(Route.CHART, answer_chart)
    cooldown = user_cooldown(ctx.settings)

    @app_commands.command(name="chart", description="A picture of an event: gaps behind the winner, or splits")
    @app_commands.describe(
        query="The event: sport, distance, Games year or host city",
        kind="gaps: how far behind the winner; splits: the progression at each split (where the page has splits)",
    )
    @cooldown
    async def chart(interaction: discord.Interaction[Any], query: EventQuery, kind: ChartKind | None = None) -> None:
        await flow.answer_command(interaction, Route.CHART, (query, kind or CHART_KINDS[0]))

    tree.add_command(chart)
