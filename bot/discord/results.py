"""`/event`, `/podium` and `/records`: an event's results, medalists and records."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.answers import EventAnswer, event_answer, podium_answer, records_answer
from bot.discord import embeds, flow
from bot.discord.context import BotContext, PageGone, Reply, Route, context_of, ref_of
from bot.discord.options import EventQuery
from bot.discord.tree import user_cooldown
from bot.errors import BadOption
from bot.text import normalize

Choice = app_commands.Choice


def pick_round(answer: EventAnswer, text: str) -> int | None:
    """The round `text` names: its number (1-based), its name, or a unique part of its name. None for all."""
    text = " ".join(text.split())
    if not text:
        return None
    rounds = answer.rounds
    if len(rounds) <= 1:
        raise BadOption("This event has a single results table: leave `round` empty.")
    if text.isdigit() and 1 <= int(text) <= len(rounds):
        return int(text) - 1
    key = normalize(text)
    names = [normalize(r.name or "") for r in rounds]
    exact = [i for i, name in enumerate(names) if name and name == key]
    partial = [i for i, name in enumerate(names) if key and key in name]
    if exact or len(partial) == 1:
        return (exact or partial)[0]
    listing = ", ".join(f"{i + 1}. {embeds.md(r.name or 'results')}" for i, r in enumerate(rounds))
    raise BadOption(embeds.clip(f"No round of this event matches **{embeds.echo(text)}**. Rounds: {listing}.", 1800))


def round_choices(ctx: BotContext, query: str, current: str) -> list[Choice[str]]:
    event_id = ctx.soft("event", query) if query.strip() else None
    if event_id is None:
        return []
    rounds = ctx.podium.index.events[event_id].rounds
    if len(rounds) <= 1:
        return []
    key = normalize(current)
    found = [
        Choice(name=embeds.clip(f"{i + 1}. {r.name or 'Results'}", embeds.CHOICE_TEXT), value=str(i + 1))
        for i, r in enumerate(rounds)
        if not key or key in normalize(r.name or "results") or key == str(i + 1)
    ]
    return found[: embeds.CHOICES]


def answer_event(ctx: BotContext, owner: int, args: tuple[str, ...]) -> Reply:
    query, round_text = args[0], args[1]
    event_id = ctx.need("event", query, code=Route.EVENT, slot=0, extra=round_text)
    answer = event_answer(ctx.podium.index, event_id)
    sub = pick_round(answer, round_text)
    pages = embeds.event_pages(answer, sub)
    return flow.paged(Route.EVENT, owner, ref_of(event_id), "" if sub is None else str(sub), pages)


def event_pages(ctx: BotContext, ref: str, sub: str) -> list[discord.Embed]:
    answer = event_answer(ctx.podium.index, ctx.event_from_ref(ref))
    number = int(sub) if sub else None
    if number is not None and number >= len(answer.rounds):
        raise PageGone("That round is no longer in my data.")
    return embeds.event_pages(answer, number)


def answer_podium(ctx: BotContext, owner: int, args: tuple[str, ...]) -> Reply:
    event_id = ctx.need("event", args[0], code=Route.PODIUM, slot=0)
    return Reply(embeds=[embeds.podium_embed(podium_answer(ctx.podium.index, event_id))])


def answer_records(ctx: BotContext, owner: int, args: tuple[str, ...]) -> Reply:
    event_id = ctx.need("event", args[0], code=Route.RECORDS, slot=0)
    return Reply(embeds=[embeds.records_embed(records_answer(ctx.podium.index, event_id))])


def setup(tree: app_commands.CommandTree[Any], ctx: BotContext) -> None:
    ctx.add_route(Route.EVENT, answer_event)
    ctx.add_pager(Route.EVENT, event_pages)
    ctx.add_route(Route.PODIUM, answer_podium)
    ctx.add_route(Route.RECORDS, answer_records)
    cooldown = user_cooldown(ctx.settings)

    @app_commands.command(name="event", description="The full results of an event, ranked, with gaps and notes")
    @app_commands.describe(
        query="The event: sport, distance, Games year or host city (pick a suggestion or type freely)",
        round="One round or heat (default: all of them)",
    )
    @cooldown
    async def event(interaction: discord.Interaction[Any], query: EventQuery, round: str | None = None) -> None:
        await flow.answer_command(interaction, Route.EVENT, (query, " ".join((round or "").split())[:64]))

    @event.autocomplete("round")
    async def event_round(interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
        try:
            query = str(getattr(interaction.namespace, "query", "") or "")
            return round_choices(context_of(interaction), query, current)
        except Exception:
            flow.log.exception("round autocomplete failed")
            return []

    @app_commands.command(name="podium", description="The medalists of an event, with nations, results and margins")
    @app_commands.describe(query="The event: sport, distance, Games year or host city")
    @cooldown
    async def podium(interaction: discord.Interaction[Any], query: EventQuery) -> None:
        await flow.answer_command(interaction, Route.PODIUM, (query, ""))

    @app_commands.command(name="records", description="The standing records listed on an event's page")
    @app_commands.describe(query="The event: sport, distance, Games year or host city")
    @cooldown
    async def records(interaction: discord.Interaction[Any], query: EventQuery) -> None:
        await flow.answer_command(interaction, Route.RECORDS, (query, ""))

    tree.add_command(event)
    tree.add_command(podium)
    tree.add_command(records)
