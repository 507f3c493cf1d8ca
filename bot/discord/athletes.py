"""`/athlete` and `/compare`: every appearance of an athlete, and two athletes head to head."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.answers import athlete_answer
from bot.compare import compare_answer
from bot.discord import embeds, flow
from bot.discord.context import BotContext, Reply, Route, ref_of
from bot.discord.options import AthleteQuery
from bot.discord.tree import user_cooldown
from bot.errors import NotFound


def answer_athlete(ctx: BotContext, owner: int, args: tuple[str, ...]) -> Reply:
    athlete_id = ctx.need("athlete", args[0], code=Route.ATHLETE, slot=0)
    pages = embeds.athlete_pages(athlete_answer(ctx.podium.index, athlete_id))
    return flow.paged(Route.ATHLETE, owner, ref_of(athlete_id), "", pages)


def athlete_pages(ctx: BotContext, ref: str, sub: str) -> list[discord.Embed]:
    return embeds.athlete_pages(athlete_answer(ctx.podium.index, ctx.athlete_from_ref(ref)))


def answer_compare(ctx: BotContext, owner: int, args: tuple[str, ...]) -> Reply:
    """Both names must exist; a side that fits several athletes gets a picker that remembers the other side
    (its id when that is settled, else what was typed)."""
    a_text, b_text = args[0], args[1]
    for text in (a_text, b_text):
        found = ctx.resolution("athlete", text)
        if not isinstance(found, str) and found.outcome == "none":
            raise NotFound("athlete", text, [c.name for c in found.candidates])
    a_soft, b_soft = ctx.soft("athlete", a_text), ctx.soft("athlete", b_text)
    a_id = ctx.need("athlete", a_text, code=Route.COMPARE, slot=0, extra=ref_of(b_soft) if b_soft else b_text)
    b_id = ctx.need("athlete", b_text, code=Route.COMPARE, slot=1, extra=ref_of(a_soft or a_id))
    return Reply(embeds=[embeds.compare_embed(compare_answer(ctx.podium.index, a_id, b_id))])


def setup(tree: app_commands.CommandTree[Any], ctx: BotContext) -> None:
    ctx.add_route(Route.ATHLETE, answer_athlete)
    ctx.add_pager(Route.ATHLETE, athlete_pages)
    ctx.add_route(Route.COMPARE, answer_compare)
    cooldown = user_cooldown(ctx.settings)

    @app_commands.command(name="athlete", description="Every appearance of an athlete, medals first")
    @app_commands.describe(name="The athlete's name (accents and case optional)")
    @cooldown
    async def athlete(interaction: discord.Interaction[Any], name: AthleteQuery) -> None:
        await flow.answer_command(interaction, Route.ATHLETE, (name, ""))

    @app_commands.command(name="compare", description="Two athletes head to head in the events both entered")
    @app_commands.describe(athlete_a="The first athlete", athlete_b="The second athlete")
    @cooldown
    async def compare(interaction: discord.Interaction[Any], athlete_a: AthleteQuery, athlete_b: AthleteQuery) -> None:
        await flow.answer_command(interaction, Route.COMPARE, (athlete_a, athlete_b))

    tree.add_command(athlete)
    tree.add_command(compare)
