"""`/quiz` commands: start, answer, skip, pause, resume, stop, scores, leaderboard, export (each forwards to the
runtime in `bot.discord.quiz`)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.discord import embeds
from bot.discord.context import BotContext, context_of
from bot.discord.options import EventQuery
from bot.discord.tree import user_cooldown
from bot.quiz.model import DIFFICULTY_BY_NAME
from bot.quiz_host import GameOptions

if TYPE_CHECKING:  # the runtime module builds this group: imported for types only
    from bot.discord.quiz import QuizRuntime

log = logging.getLogger(__name__)

Interaction = discord.Interaction[Any]
Choice = app_commands.Choice


def safe_sport_choices(interaction: Interaction, current: str) -> list[Choice[str]]:
    """Autocomplete has a hard deadline and no error reply: a failure is logged and offers nothing."""
    try:
        return sport_choices(context_of(interaction), current)
    except Exception:
        log.exception("sport autocomplete failed")
        return []


def sport_choices(ctx: BotContext, current: str) -> list[Choice[str]]:
    sports = sorted({e.sport for e in ctx.podium.index.infos.values() if e.sport})
    key = current.strip().lower()
    found = [s for s in sports if key in s.lower()]
    return [Choice(name=embeds.clip(s, embeds.CHOICE_TEXT), value=s[: embeds.CHOICE_TEXT]) for s in found][
        : embeds.CHOICES
    ]


def group(ctx: BotContext, runtime: QuizRuntime) -> app_commands.Group:
    """The `/quiz` command group: each subcommand forwards to the runtime."""
    cooldown = user_cooldown(ctx.settings)
    quiz = app_commands.Group(name="quiz", description="Quiz nights: questions from the results, against the clock")

    @quiz.command(name="start", description="Start a quiz in this channel")
    @app_commands.describe(
        sport="Only this sport",
        games="Only these Games: a year or host city (`1992`, `Barcelona 1992`)",
        event="Only this event",
        questions="How many questions (default 10)",
        seconds="Seconds per question (default 20)",
        mode="Buttons with four options (default), or typed answers only",
        difficulty="Only easy, medium or hard questions",
    )
    @app_commands.choices(
        mode=[Choice(name="buttons", value="buttons"), Choice(name="typed", value="typed")],
        difficulty=[Choice(name=n, value=n) for n in ("easy", "medium", "hard")],
    )
    @cooldown
    async def start(
        interaction: Interaction,
        sport: app_commands.Range[str, 1, 60] | None = None,
        games: app_commands.Range[str, 1, 60] | None = None,
        event: EventQuery | None = None,
        questions: app_commands.Range[int, 1, 50] | None = None,
        seconds: app_commands.Range[int, 5, 300] | None = None,
        mode: str = "buttons",
        difficulty: str | None = None,
    ) -> None:
        event_id = context_of(interaction).podium.event_id(event) if event else None
        options = GameOptions(
            questions=questions or ctx.settings.quiz.default_questions,
            seconds=float(seconds or ctx.settings.quiz.default_seconds),
            mode="typed" if mode == "typed" else "buttons",
            sport=sport,
            games=games,
            event_id=event_id,
            difficulty=DIFFICULTY_BY_NAME[difficulty] if difficulty else None,
            seed=ctx.settings.quiz.seed,
        )
        await runtime.cmd_start(interaction, options)

    @start.autocomplete("sport")
    async def start_sport(interaction: Interaction, current: str) -> list[Choice[str]]:
        return safe_sport_choices(interaction, current)

    @quiz.command(name="answer", description="Answer the question on screen by typing")
    @app_commands.describe(text="Your answer: a name, a time (1:03.342), a place (3rd), a number...")
    async def answer(interaction: Interaction, text: app_commands.Range[str, 1, 200]) -> None:
        await runtime.cmd_answer(interaction, text)

    @quiz.command(name="skip", description="Close this question now (host or Manage Server)")
    async def skip(interaction: Interaction) -> None:
        await runtime.cmd_steer(interaction, "skip")

    @quiz.command(name="pause", description="Pause the quiz (host or Manage Server)")
    async def pause(interaction: Interaction) -> None:
        await runtime.cmd_steer(interaction, "pause")

    @quiz.command(name="resume", description="Resume a paused quiz (host or Manage Server)")
    async def resume(interaction: Interaction) -> None:
        await runtime.cmd_steer(interaction, "resume")

    @quiz.command(name="stop", description="End the quiz now; answers so far count (host or Manage Server)")
    async def stop(interaction: Interaction) -> None:
        await runtime.cmd_steer(interaction, "stop")

    @quiz.command(name="scores", description="The scores of this channel's quiz")
    @cooldown
    async def scores(interaction: Interaction) -> None:
        await runtime.cmd_scores(interaction)

    @quiz.command(name="leaderboard", description="This server's best quiz players")
    @app_commands.describe(period="All time (default) or this month", sport="Only questions about this sport")
    @app_commands.choices(period=[Choice(name="all time", value="all"), Choice(name="this month", value="month")])
    @cooldown
    async def leaderboard(
        interaction: Interaction, period: str = "all", sport: app_commands.Range[str, 1, 60] | None = None
    ) -> None:
        await runtime.cmd_leaderboard(interaction, period, sport)

    @leaderboard.autocomplete("sport")
    async def leaderboard_sport(interaction: Interaction, current: str) -> list[Choice[str]]:
        return safe_sport_choices(interaction, current)

    @quiz.command(name="export", description="Every answer of this channel's last quiz, as CSV, and the game as JSON")
    @cooldown
    async def export(interaction: Interaction) -> None:
        await runtime.cmd_export(interaction)

    return quiz
