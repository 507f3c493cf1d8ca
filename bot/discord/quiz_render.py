"""`/quiz` rendering: the question, the reveal, the scores and the end of a game as embeds (plain functions of
the quiz's events)."""

from __future__ import annotations

from typing import Any

import discord

from bot.discord import embeds
from bot.quiz.model import Question
from bot.quiz.session import (
    AnswerResult,
    GameEnded,
    QuestionClosed,
    QuestionOpened,
    Standing,
)
from bot.storage.repository import InterruptedGame

Interaction = discord.Interaction[Any]

LETTERS = "ABCD"
MEDALS = ("🥇", "🥈", "🥉")


def question_embed(
    q: Question, number: int, total: int, seconds_left: float | None, typed: bool, *, chat: bool = False
) -> discord.Embed:
    """`chat`: typed answers may also be written in the channel (the `message_content` setting)."""
    lines = [embeds.md(q.prompt)]
    if q.choices and not typed:
        lines.append("")
        lines += [f"**{LETTERS[i]}** · {embeds.md(c)}" for i, c in enumerate(q.choices)]
    if typed and chat:
        how = "Write your answer in the channel (or type `/quiz answer`)"
    elif typed or not q.choices:
        how = "Type `/quiz answer`"
    else:
        how = "Click a button (or type `/quiz answer`)"
    embed = discord.Embed(title=f"Question {number}/{total}", description="\n".join(lines), colour=embeds.COLOUR)
    if seconds_left is not None:
        embed.add_field(name="Time", value=f"⏳ {max(0, round(seconds_left))} s left", inline=True)
    embed.add_field(name="Difficulty", value=q.difficulty_name, inline=True)
    embed.set_footer(text=f"{how}. One answer each: the first counts.")
    return embeds.fit_embed(embed)


def place_mark(place: int, points: int) -> str:
    """A medal for the first three places, only for points won (no medal for 0 points)."""
    return MEDALS[place - 1] if place <= 3 and points > 0 else f"`{place}.`"


def standings_text(rows: list[Standing] | tuple[Standing, ...], limit: int = 10) -> str:
    if not rows:
        return "Nobody has scored yet."
    out = []
    for s in rows[:limit]:
        out.append(f"{place_mark(s.place, s.points)} **{embeds.md(s.name)}** — {s.points} ({s.correct} right)")
    return "\n".join(out)


def points_text(a: AnswerResult) -> str:
    """`+165 (100 + 45 speed + 20 streak)`."""
    parts = [str(a.base_points)]
    parts += [f"{a.speed_bonus} speed"] if a.speed_bonus else []
    parts += [f"{a.streak_bonus} streak"] if a.streak_bonus else []
    return f"+{a.points}" + (f" ({' + '.join(parts)})" if len(parts) > 1 else "")


def reveal_embed(event: QuestionClosed) -> discord.Embed:
    q = event.question
    skipped = " (skipped)" if event.skipped else ""
    embed = discord.Embed(
        title=embeds.clip(f"Answer {event.number}/{event.total}: {embeds.md(q.answer)}{skipped}", embeds.TITLE),
        url=q.source_url,
        description=embeds.md(q.fact),
        colour=embeds.COLOUR,
    )
    right = [a.player_name for a in event.answers if a.correct]
    near = [a.player_name for a in event.answers if 0 < a.credit < 1]
    got = ", ".join(embeds.md(n) for n in right) if right else "nobody"
    if near:
        got += " · close: " + ", ".join(embeds.md(n) for n in near)
    embed.add_field(name=f"Right ({len(right)} of {len(event.answers)})", value=embeds.clip(got, 1000), inline=False)
    scored = [a for a in event.answers if a.points > 0]
    if scored:
        embed.add_field(
            name="Points",
            value=embeds.clip("\n".join(f"{embeds.md(a.player_name)} {points_text(a)}" for a in scored), 1000),
            inline=False,
        )
    embed.add_field(name="Top five", value=standings_text(event.top, 5), inline=False)
    embed.add_field(name="Source", value=embeds.link(q.title, q.source_url), inline=False)
    return embeds.fit_embed(embed)


def final_embed(event: GameEnded, game_id: int) -> discord.Embed:
    title = "🏁 Quiz over" if event.status == "finished" else "⏹ Quiz stopped"
    embed = discord.Embed(title=f"{title} (game #{game_id})", colour=embeds.COLOUR)
    podium = "\n".join(f"{MEDALS[p.place - 1]} **{embeds.md(p.name)}** — {p.points}" for p in event.podium)
    embed.description = podium or "No points scored."
    embed.add_field(name="Final scores", value=standings_text(event.standings, 10), inline=False)
    embed.set_footer(text="/quiz export gives every answer as CSV · /quiz leaderboard for this server")
    return embeds.fit_embed(embed)


def cut_off_embed(cut: InterruptedGame) -> discord.Embed:
    embed = discord.Embed(
        title=f"Quiz #{cut.game.id} was cut off",
        description=(
            "The bot restarted in the middle of this quiz. The game is closed; "
            f"{cut.answers_kept} answer(s) to {cut.questions_asked} question(s) are kept and count."
        ),
        colour=embeds.COLOUR,
    )
    embed.add_field(name="Scores", value=standings_text(cut.standings, 10), inline=False)
    return embeds.fit_embed(embed)


def event_seconds(event: QuestionOpened) -> float:
    return (event.deadline - event.opened_at).total_seconds()


def note_embed(text: str) -> discord.Embed:
    return discord.Embed(description=text, colour=embeds.COLOUR)
