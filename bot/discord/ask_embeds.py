"""Plain-words answers, medal tables, nations and Games as Discord embeds: pure functions, limits enforced."""

from __future__ import annotations

import discord

from bot.ask import AskAnswer
from bot.discord import embeds
from bot.discord.embeds import code, fit_embed, md
from bot.medals import GamesAnswer, MedalRow, MedalTableAnswer, NationAnswer

TABLE_ROWS = 20


def ask_embeds(answer: AskAnswer) -> list[discord.Embed]:
    """The sentence (with notes, source and the command that shows the same), then the table the matching
    command shows when the answer is a list."""
    lines = [md(answer.text)]
    lines += [f"*{md(note)}*" for note in answer.notes]
    if answer.examples:
        lines.append("")
        lines += [f"• {md(q)}" for q in answer.examples]
    head = discord.Embed(description="\n".join(lines), colour=embeds.COLOUR)
    if answer.source is not None:
        name, value = embeds.source_field([answer.source])
        head.add_field(name=name, value=value, inline=False)
    if answer.command:
        head.set_footer(text=f"as a command: {answer.command}")
    out = [fit_embed(head)]
    table = _table(answer)
    if table is not None:
        out.append(table)
    return out


def _table(answer: AskAnswer) -> discord.Embed | None:
    if answer.podium is not None:
        return embeds.podium_embed(answer.podium)
    if answer.event is not None:
        return embeds.event_pages(answer.event, answer.event.final_round)[0]
    if answer.medals is not None:
        return medals_embed(answer.medals)
    if answer.compare is not None and len(answer.compare.meetings) > 1:
        return embeds.compare_embed(answer.compare)
    if answer.athlete is not None:
        return embeds.athlete_pages(answer.athlete)[0]
    if answer.records is not None and answer.records.records:
        return embeds.records_embed(answer.records)
    return None


def medal_line(row: MedalRow) -> str:
    rank = f"={row.rank}" if row.tied else str(row.rank)
    flag = f"{row.flag} " if row.flag else ""
    return (f"{code(rank)} {flag}**{md(row.name)}** ({row.noc}) · 🥇 {row.gold} · 🥈 {row.silver} · 🥉 {row.bronze}"
            f" · {row.total}")  # fmt: skip


def medals_embed(answer: MedalTableAnswer, limit: int = TABLE_ROWS) -> discord.Embed:
    lines = [f"{answer.events} events · medals counted {answer.counts}", ""]
    lines += [medal_line(r) for r in answer.rows[:limit]] or ["*No medals in these events.*"]
    if len(answer.rows) > limit:
        lines.append(f"… and {len(answer.rows) - limit} more nations")
    if answer.without_nation:
        lines.append(f"*{answer.without_nation} medals not counted: their page names no nation.*")
    embed = discord.Embed(title=f"Medal table: {answer.scope}", description="\n".join(lines), colour=embeds.COLOUR)
    return fit_embed(embed)


def nation_embed(answer: NationAnswer) -> discord.Embed:
    m = answer.medals
    flag = f"{answer.flag} " if answer.flag else ""
    lines = [f"🥇 {m['gold']} · 🥈 {m['silver']} · 🥉 {m['bronze']} · {sum(m.values())} medals {answer.counts} "
             f"({answer.events_entered} events entered)"]  # fmt: skip
    if answer.historical:
        lines.append("*A historical NOC.*")
    embed = discord.Embed(title=f"{flag}{answer.name} ({answer.noc})", description="\n".join(lines),
                          colour=embeds.COLOUR)  # fmt: skip
    if answer.by_games:
        value = "\n".join(f"{md(g.games)}: {g.gold}-{g.silver}-{g.bronze}" for g in answer.by_games)
        embed.add_field(name="By Games (gold-silver-bronze)", value=embeds.clip(value, embeds.FIELD_VALUE))
    if answer.by_sport:
        value = "\n".join(f"{md(s.sport)}: {s.gold}-{s.silver}-{s.bronze}" for s in answer.by_sport)
        embed.add_field(name="By sport", value=embeds.clip(value, embeds.FIELD_VALUE))
    if answer.medallists:
        value = "\n".join(f"{md(p.name)} ({md(', '.join(p.sports))}): {p.gold}-{p.silver}-{p.bronze}"
                          for p in answer.medallists)  # fmt: skip
        embed.add_field(name="Medallists", value=embeds.clip(value, embeds.FIELD_VALUE), inline=False)
    if answer.best:
        embed.add_field(name="Best results", value=embeds.clip(md("\n".join(answer.best)), embeds.FIELD_VALUE),
                        inline=False)  # fmt: skip
    return fit_embed(embed)


def games_embed(answer: GamesAnswer) -> discord.Embed:
    where = ", ".join(x for x in (answer.host_city, answer.host_country) if x)
    lines = [f"{answer.events} events loaded: {md(', '.join(answer.sports))}", "",
             f"**Top of the medal table** ({answer.counts})"]  # fmt: skip
    lines += [medal_line(r) for r in answer.medals.rows] or ["*No medals in these events.*"]
    embed = discord.Embed(title=f"{answer.year} {answer.season} Olympics" + (f" — {where}" if where else ""),
                          description="\n".join(lines), colour=embeds.COLOUR)  # fmt: skip
    if answer.records:
        value = "\n".join(f"{md(r.note)}: {md(r.name)} {md(r.result or '')} — {md(r.event)}" for r in answer.records)
        embed.add_field(name="Records set there", value=embeds.clip(value, embeds.FIELD_VALUE), inline=False)
    return fit_embed(embed)
