"""`/medals`, `/nation`, `/games`: medal tables (a Games, a sport, a season, or everything loaded), a nation's
medals and medallists, a Games overview. Counts say what they count: the events loaded."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.discord import embeds, flow
from bot.discord.ask_embeds import games_embed, medals_embed, nation_embed
from bot.discord.context import BotContext, Reply, context_of
from bot.discord.tree import user_cooldown
from bot.text import normalize

Choice = app_commands.Choice
Interaction = discord.Interaction[Any]


def _games_labels(ctx: BotContext) -> list[str]:
    """Loaded Games as `Barcelona 1992` (newest first), for autocomplete."""
    hosts = {(g.year, g.season): g.host_city for g in ctx.podium.index.reference.games}
    loaded = sorted({(i.year, i.season) for i in ctx.podium.index.infos.values() if i.year and i.season}, reverse=True)
    return [f"{hosts.get(g, '')} {g[0]} {g[1]}".strip() for g in loaded]


def _matching(options: list[str], current: str) -> list[Choice[str]]:
    key = normalize(current)
    found = [o for o in options if not key or key in normalize(o)]
    return [Choice(name=embeds.clip(o, embeds.CHOICE_TEXT), value=o[: embeds.CHOICE_TEXT]) for o in found][
        : embeds.CHOICES
    ]


def scope_choices(ctx: BotContext, current: str) -> list[Choice[str]]:
    sports = sorted({i.sport for i in ctx.podium.index.infos.values() if i.sport})
    return _matching([*_games_labels(ctx), *sports, "Summer", "Winter"], current)


def nation_choices(ctx: BotContext, current: str) -> list[Choice[str]]:
    index = ctx.podium.index
    codes = {m.noc for i in index.infos.values() for m in i.medals if m.noc}
    codes |= {c for i in index.infos.values() for c in i.row_nations}
    names = sorted(f"{n.name} ({n.code})" for c in codes if (n := index.reference.nation(c)))
    return _matching(names, current)


def _safe(choices: Any) -> Any:
    async def complete(interaction: Interaction, current: str) -> list[Choice[str]]:
        try:
            result: list[Choice[str]] = choices(context_of(interaction), current)
            return result
        except Exception:
            flow.log.exception("autocomplete failed")
            return []

    return complete


def setup(tree: app_commands.CommandTree[Any], ctx: BotContext) -> None:
    cooldown = user_cooldown(ctx.settings)

    @app_commands.command(name="medals", description="A medal table: a Games, a sport, a season, or all loaded")
    @app_commands.describe(scope="A Games (1992, Barcelona), a sport, Summer or Winter; empty for everything")
    @app_commands.autocomplete(scope=_safe(scope_choices))
    @cooldown
    async def medals(interaction: Interaction, scope: app_commands.Range[str, 0, 100] = "") -> None:
        answer = context_of(interaction).podium.medals(scope)
        await flow.send_new(interaction, Reply(embeds=[medals_embed(answer)]))

    @app_commands.command(name="nation", description="A nation's medals by Games and sport, and its medallists")
    @app_commands.describe(nation="A nation's name or code (Spain, ESP, Soviet Union)")
    @app_commands.autocomplete(nation=_safe(nation_choices))
    @cooldown
    async def nation(interaction: Interaction, nation: app_commands.Range[str, 1, 100]) -> None:
        answer = context_of(interaction).podium.nation(nation.rsplit(" (", 1)[0] if nation.endswith(")") else nation)
        await flow.send_new(interaction, Reply(embeds=[nation_embed(answer)]))

    @app_commands.command(name="games", description="A Games overview: host, events loaded, medal table, records")
    @app_commands.describe(games="A Games: a year or a host city (1992, Barcelona, LA 1932)")
    @app_commands.autocomplete(games=_safe(lambda c, cur: _matching(_games_labels(c), cur)))
    @cooldown
    async def games(interaction: Interaction, games: app_commands.Range[str, 1, 100]) -> None:
        answer = context_of(interaction).podium.games(games)
        await flow.send_new(interaction, Reply(embeds=[games_embed(answer)]))

    tree.add_command(medals)
    tree.add_command(nation)
    tree.add_command(games)
