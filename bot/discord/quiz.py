"""`/quiz`: quiz nights in a channel. The game logic is the pure `QuizSession` behind a `QuizHost`; this module only
renders and forwards.

One game per channel, many channels at once. A question is a message with four buttons (`qz:<game>:<n>:<i>`, a
`DynamicItem`, so a click after a restart gets a polite answer instead of "This interaction failed"); a click is
acknowledged ephemerally and is written to the database before it is. `/quiz answer` types an answer (no
privileged intent needed); with the `discord.message_content` setting on, a message written in the channel of a
`mode=typed` game is its author's answer too (`QuizRuntime.on_message`), acknowledged with a reaction. A ticker
closes questions on time, shows the answer, the fact, the source and the top five, opens the next, and edits the
question's countdown at most every `quiz.countdown_seconds`. Messages go out as follow-ups of `/quiz start` while
its token lives (15 minutes), then as channel messages.

When the client connects, the database is opened (migrated) and games a shutdown or crash cut off are closed,
their channels told.
Each game belongs to the shard of its guild (`shard:<n>`), so processes serving other shards leave it alone.

This module holds the live games (the runtime: the ticker, buttons, answers, steering); `quiz_commands` the
`/quiz` commands and `quiz_render` the embeds.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import io
import logging
import re
import time
from dataclasses import dataclass, field
from typing import Any

import discord
from discord import app_commands

from bot.discord import embeds, flow, quiz_commands
from bot.discord.context import BotContext, Reply
from bot.discord.quiz_render import (
    LETTERS,
    cut_off_embed,
    event_seconds,
    final_embed,
    place_mark,
    question_embed,
    reveal_embed,
    standings_text,
)
from bot.discord.quiz_render import (
    note_embed as _note,
)
from bot.errors import PodiumError
from bot.quiz.model import Question
from bot.quiz.session import (
    GameEnded,
    GamePaused,
    GameResumed,
    QuestionClosed,
    QuestionOpened,
    QuizEvent,
    Steer,
)
from bot.quiz_host import GameOptions, LiveGame, QuizHost
from bot.storage.repository import InterruptedGame, QuizRepository

log = logging.getLogger(__name__)

Interaction = discord.Interaction[Any]
Choice = app_commands.Choice

TICK = 0.5
# Interaction tokens live 15 minutes: follow-ups until 14, channel messages after.
TOKEN_BUDGET = 14 * 60
# Seconds `/quiz start` may spend on its checks before it must acknowledge (Discord's deadline is 3 s).
ACK_BUDGET = 2.0
# The custom_id of an option button: `qz:<game>:<question>:<option>`.
ANSWER_PREFIX = "qz"
ANSWER_TEMPLATE = ANSWER_PREFIX + r":(?P<game>\d{1,18}):(?P<number>\d{1,3}):(?P<choice>[0-3])"
REFUSED = {
    "duplicate": "You already answered this question: the first answer counts.",
    "late": "Time is up for this question.",
    "paused": "The quiz is paused: wait for the host to resume it.",
    "closed": "This question is closed.",
    "invalid": "That is not an answer.",
}
ATTRIBUTE = "podium_quiz"
# How a typed answer written in the channel is acknowledged (a repeated answer gets nothing).
CHAT_REACTIONS = {"accepted": "🔒", "late": "⌛", "paused": "⏸️"}


def runtime_of(interaction: Interaction) -> QuizRuntime:
    runtime = getattr(interaction.client, ATTRIBUTE, None)
    if not isinstance(runtime, QuizRuntime):
        raise RuntimeError("this client runs no quiz")
    return runtime


class AnswerButton(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=ANSWER_TEMPLATE):
    """One option of a question. All its state is in the custom_id: game, question number, option."""

    def __init__(
        self,
        game_id: int,
        number: int,
        choice: int,
        label: str,
        *,
        disabled: bool = False,
        style: discord.ButtonStyle = discord.ButtonStyle.secondary,
    ) -> None:
        super().__init__(
            discord.ui.Button(
                label=embeds.clip(label, embeds.BUTTON_LABEL),
                style=style,
                custom_id=f"{ANSWER_PREFIX}:{game_id}:{number}:{choice}",
                disabled=disabled,
            )
        )
        self.game_id, self.number, self.choice = game_id, number, choice

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> AnswerButton:
        label = item.label if isinstance(item, discord.ui.Button) and item.label else "?"
        return cls(int(match["game"]), int(match["number"]), int(match["choice"]), label)

    async def callback(self, interaction: Interaction) -> None:
        try:
            await runtime_of(interaction).click(interaction, self.game_id, self.number, self.choice)
        except Exception as error:  # every click gets a reply, never "This interaction failed"
            await flow.report(interaction, error)


def options_view(game_id: int, number: int, q: Question, *, closed: bool = False) -> discord.ui.View | None:
    if not q.choices:
        return None
    view = discord.ui.View(timeout=None)
    right = q.answer.split(" / ")
    for i, option in enumerate(q.choices):
        style = discord.ButtonStyle.secondary
        if closed and option in right:
            style = discord.ButtonStyle.success
        view.add_item(AnswerButton(game_id, number, i, f"{LETTERS[i]} · {option}", disabled=closed, style=style))
    return view


# ------------------------------------------------------------------------------------------------ runtime


@dataclass
class Stage:
    """What Discord shows of one live game: where to post, the question message, when the countdown was edited."""

    channel_id: int
    guild_id: int
    game_id: int
    typed: bool
    interaction: Interaction | None
    started: float
    chat: bool = False  # typed answers may be written in the channel (the `message_content` setting)
    message: Any = None  # the current question's message (editable)
    number: int = 0
    edited: float = 0.0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class QuizRuntime:
    """The quiz games of one bot process: the host, the database, the Discord side of each live game, the ticker."""

    def __init__(self, ctx: BotContext, client: discord.Client) -> None:
        self.ctx = ctx
        self.client = client
        self.settings = ctx.settings.quiz
        # Typed answers written as channel messages (needs the privileged message content intent).
        self.chat = ctx.settings.discord.message_content
        self.host: QuizHost | None = None
        self.repo: QuizRepository | None = None
        self.stages: dict[int, Stage] = {}
        self._ticker: asyncio.Task[None] | None = None

    # ---------------------------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        """Open the database, close the games a crash cut off (telling their channels), start the ticker. Once."""
        from bot.settings import ROOT

        if self.repo is not None:
            return
        self.repo = await QuizRepository.open(self.settings.database_url, base_dir=ROOT)
        self.host = QuizHost(
            self.ctx.podium.index, self.repo, owner="shard:0", reveal_seconds=self.settings.reveal_seconds
        )
        shard_ids = self.ctx.settings.discord.shard_ids
        if shard_ids:
            cut = await self.host.recover(self.now(), owners=[f"shard:{i}" for i in shard_ids])
        else:
            cut = await self.host.recover(self.now(), owner_prefix="shard:")
        for game in cut:
            await self._announce(game)
        self._ticker = asyncio.create_task(self._tick_forever(), name="quiz-ticker")

    async def close(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ticker
        if self.host is not None:
            await self.host.release()
        if self.repo is not None:
            await self.repo.close()

    @staticmethod
    def now() -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def _host(self) -> QuizHost:
        if self.host is None:
            raise PodiumError("The quiz is still starting up: try again in a moment.")
        return self.host

    def owner_of(self, guild_id: int) -> str:
        count = getattr(self.client, "shard_count", None) or 1
        return f"shard:{(guild_id >> 22) % count}"

    async def _announce(self, cut: InterruptedGame) -> None:
        assert self.repo is not None
        channel = self.client.get_partial_messageable(int(cut.game.channel_id), guild_id=int(cut.game.guild_id))
        try:
            await channel.send(embed=cut_off_embed(cut), allowed_mentions=flow.no_mentions())
        except discord.NotFound:
            log.info("channel of cut-off quiz #%s is gone", cut.game.id)
        except discord.Forbidden:
            log.info("cannot post in the channel of cut-off quiz #%s", cut.game.id)
        except discord.HTTPException:
            log.exception("could not tell the channel of cut-off quiz #%s (will retry at next start)", cut.game.id)
            return
        await self.repo.mark_announced(cut.game.id)

    # ---------------------------------------------------------------------------------- the ticker

    async def _tick_forever(self) -> None:
        while True:
            await asyncio.sleep(TICK)
            if self.host is not None:
                await self.host.renew(self.now())  # this process is alive: its games are not cut off
            for channel_id in list(self.stages):
                try:
                    await self._tick(channel_id)
                except Exception:
                    log.exception("quiz tick failed in channel %s", channel_id)

    async def _tick(self, channel_id: int) -> None:
        stage = self.stages.get(channel_id)
        if stage is None:
            return
        async with stage.lock:
            host = self._host()
            events = await host.tick(str(channel_id), self.now())
            await self._render(stage, events)
            live = host.game_in(str(channel_id))
            if live is None:  # over (its end may have failed to render): nothing more to show
                self.stages.pop(channel_id, None)
            elif not events:
                await self._countdown(stage, live)

    async def _countdown(self, stage: Stage, live: LiveGame) -> None:
        session = live.session
        q = session.current
        if q is None or stage.message is None or session.paused:
            return
        if time.monotonic() - stage.edited < self.settings.countdown_seconds:
            return
        stage.edited = time.monotonic()
        left = session.time_left(self.now())
        embed = question_embed(q, session.number, session.total, left, stage.typed, chat=stage.chat)
        with contextlib.suppress(discord.HTTPException):
            await stage.message.edit(embed=embed, allowed_mentions=flow.no_mentions())

    # ---------------------------------------------------------------------------------- rendering

    async def _post(self, stage: Stage, embed: discord.Embed, view: discord.ui.View | None = None) -> Any:
        kwargs: dict[str, Any] = {"embed": embed, "allowed_mentions": flow.no_mentions()}
        if view is not None:
            kwargs["view"] = view
        if stage.interaction is not None and time.monotonic() - stage.started < TOKEN_BUDGET:
            return await stage.interaction.followup.send(wait=True, **kwargs)
        channel = self.client.get_partial_messageable(stage.channel_id, guild_id=stage.guild_id)
        return await channel.send(**kwargs)

    async def _render(self, stage: Stage, events: list[QuizEvent]) -> None:
        for event in events:
            if isinstance(event, QuestionOpened):
                q = event.question
                stage.number = event.number
                stage.edited = time.monotonic()
                view = None if stage.typed else options_view(stage.game_id, event.number, q)
                left = float(event_seconds(event))
                embed = question_embed(q, event.number, event.total, left, stage.typed, chat=stage.chat)
                stage.message = await self._post(stage, embed, view)
            elif isinstance(event, QuestionClosed):
                if stage.message is not None:
                    q = event.question
                    embed = question_embed(q, event.number, event.total, None, stage.typed, chat=stage.chat)
                    closed = None if stage.typed else options_view(stage.game_id, event.number, q, closed=True)
                    with contextlib.suppress(discord.HTTPException):
                        await stage.message.edit(embed=embed, view=closed, allowed_mentions=flow.no_mentions())
                    stage.message = None
                await self._post(stage, reveal_embed(event))
            elif isinstance(event, GameEnded):
                await self._post(stage, final_embed(event, stage.game_id))
                self.stages.pop(stage.channel_id, None)
            elif isinstance(event, GamePaused):
                await self._post(stage, _note("⏸ Paused by the host. `/quiz resume` carries on."))
            elif isinstance(event, GameResumed):
                await self._post(stage, _note("▶ Resumed."))

    # ---------------------------------------------------------------------------------- commands

    async def cmd_start(self, interaction: Interaction, options: GameOptions) -> None:
        """The guard checks (a game already in the channel, an unknown sport or Games, no questions that fit) run
        before the first response, so their errors reach the host alone (ephemeral); then the response is deferred
        (publicly: the game is for the channel). Should picking the questions outlast `ACK_BUDGET`, the response is
        deferred first to keep Discord's 3 s; an error found after that replaces the public "thinking" message
        with an ephemeral note (see `_retract`)."""
        host = self._host()
        channel_id, guild_id = _where(interaction)
        planning = asyncio.ensure_future(
            host.prepare(
                guild_id=str(guild_id),
                channel_id=str(channel_id),
                host_id=str(interaction.user.id),
                options=options,
                now=self.now(),
                owner=self.owner_of(guild_id),
            )
        )
        try:
            await asyncio.wait({planning}, timeout=ACK_BUDGET)
            if planning.done():
                plan = planning.result()  # a guard's error propagates: nothing sent yet, the reply is ephemeral
                await interaction.response.defer(thinking=True)
            else:
                await interaction.response.defer(thinking=True)
                plan = await planning
        except PodiumError as err:
            if not interaction.response.is_done():
                raise
            await _retract(interaction, err)
            return
        finally:
            planning.cancel()
        typed = options.mode == "typed"
        stage = Stage(channel_id, guild_id, 0, typed, interaction, time.monotonic(), chat=typed and self.chat)
        try:
            live, events = await host.begin(plan, self.now())
        except PodiumError as err:  # a game started in this channel meanwhile (here or in another process)
            await _retract(interaction, err)
            return
        stage.game_id = live.game_id
        self.stages[channel_id] = stage
        async with stage.lock:
            opened = next(e for e in events if isinstance(e, QuestionOpened))
            stage.number, stage.edited = opened.number, time.monotonic()
            q = opened.question
            embed = question_embed(q, opened.number, opened.total, options.seconds, stage.typed, chat=stage.chat)
            view = None if stage.typed else options_view(live.game_id, opened.number, q)
            intro = (
                f"Quiz #{live.game_id}: {live.session.total} questions, {options.seconds:g} s each, hosted by "
                f"{embeds.md(interaction.user.display_name)}."
            )
            await interaction.edit_original_response(
                content=intro, embed=embed, view=view, allowed_mentions=flow.no_mentions()
            )
            stage.message = await interaction.original_response()

    async def click(self, interaction: Interaction, game_id: int, number: int, choice: int) -> None:
        channel_id, _ = _where(interaction)
        live = self._host().game_in(str(channel_id))
        if live is None or live.game_id != game_id:
            await flow.tell(interaction, "This quiz is over: `/quiz start` begins a new one.")
            return
        if live.session.number != number or live.session.current is None:
            await flow.tell(interaction, REFUSED["closed"])
            return
        await self._answer(interaction, choice=choice)

    async def cmd_answer(self, interaction: Interaction, text: str) -> None:
        await self._answer(interaction, text=text)

    async def _answer(self, interaction: Interaction, *, choice: int | None = None, text: str | None = None) -> None:
        channel_id, _ = _where(interaction)
        host = self._host()
        if host.game_in(str(channel_id)) is None:
            raise PodiumError("No quiz is running in this channel: `/quiz start` begins one.")
        user = interaction.user
        outcome = await host.answer(
            str(channel_id), str(user.id), user.display_name, self.now(), choice=choice, text=text
        )
        if outcome.accepted and outcome.result is not None:
            said = f"**{LETTERS[choice]}**" if choice is not None else f"**{embeds.echo(outcome.result.given)}**"
            await flow.tell(interaction, f"Locked in: {said}.")
        else:
            await flow.tell(interaction, REFUSED[outcome.outcome])

    async def on_message(self, message: discord.Message) -> None:
        """A typed answer written in the channel: with the `message_content` setting on, in a channel whose game
        is `mode=typed`, while a question is open. The author's answer goes through the same path as
        `/quiz answer` (stored before it is acknowledged). Bots, webhooks and other channels are ignored; so is a
        repeated answer (the first counts, and chatter after answering stays quiet). Acknowledged with a reaction:
        🔒 locked in, ⌛ too late, ⏸️ paused (a note in the channel instead where reacting is not allowed)."""
        if not self.chat or message.author.bot or message.webhook_id is not None or message.guild is None:
            return
        channel_id = message.channel.id
        stage = self.stages.get(channel_id)
        if stage is None or not stage.typed or self.host is None:
            return
        live = self.host.game_in(str(channel_id))
        text = message.content.strip()
        if live is None or live.mode != "typed" or live.session.current is None or not text:
            return
        user = message.author
        try:
            outcome = await self.host.answer(str(channel_id), str(user.id), user.display_name, self.now(), text=text)
        except PodiumError as err:  # the database refused it: not acknowledged, said in one line
            with contextlib.suppress(discord.HTTPException):
                await message.channel.send(
                    f"⚠️ **{embeds.md(user.display_name)}**: {embeds.md(str(err))}", allowed_mentions=flow.no_mentions()
                )
            return
        emoji = CHAT_REACTIONS.get(outcome.outcome)
        if emoji is None:
            return
        try:
            await message.add_reaction(emoji)
        except discord.Forbidden:  # no Add Reactions or Read Message History here: say it instead
            note = "locked in" if outcome.accepted else REFUSED[outcome.outcome].rstrip(".").lower()
            with contextlib.suppress(discord.HTTPException):
                await message.channel.send(
                    f"{emoji} **{embeds.md(user.display_name)}**: {note}.", allowed_mentions=flow.no_mentions()
                )
        except discord.HTTPException:
            log.warning("could not acknowledge a typed answer in channel %s", channel_id)

    async def cmd_steer(self, interaction: Interaction, action: Steer) -> None:
        """Skip, pause, resume or stop. The guard checks (a game in this channel; the host, or Manage Server) are
        answered at once; past them the command is acknowledged (deferred, ephemeral) before it waits for the
        stage's lock, which the ticker holds while it posts to Discord, so Discord's 3 s are never missed."""
        channel_id, _ = _where(interaction)
        host = self._host()
        stage = self.stages.get(channel_id)
        live = host.game_in(str(channel_id))
        if stage is None or live is None:
            raise PodiumError("No quiz is running in this channel.")
        can_manage = bool(interaction.permissions.manage_guild)
        live.session.authorize(str(interaction.user.id), action, can_manage=can_manage)
        await interaction.response.defer(ephemeral=True, thinking=True)
        steer = {"skip": host.skip, "pause": host.pause, "resume": host.resume, "stop": host.stop}[action]
        async with stage.lock:
            events = await steer(str(channel_id), str(interaction.user.id), self.now(), can_manage=can_manage)
            done = {"skip": "⏭ Skipped.", "pause": "⏸ Paused.", "resume": "▶ Resumed.", "stop": "⏹ Stopped."}
            await flow.tell(interaction, done[action])
            await self._render(stage, events)
            if action == "skip":  # straight on to the next question rather than waiting for the reveal
                await self._render(stage, await host.tick(str(channel_id), self.now()))

    async def cmd_scores(self, interaction: Interaction) -> None:
        channel_id, _ = _where(interaction)
        host = self._host()
        live = host.game_in(str(channel_id))
        if live is not None:
            rows = live.session.revealed_standings()
            title = f"Quiz #{live.game_id}: question {live.session.number} of {live.session.total}"
            if live.session.status == "asking":  # its answers are not shown before the reveal
                title += f" · scores after question {live.session.number - 1}"
        else:
            last = await host.repo.last_game(str(channel_id))
            if last is None:
                raise PodiumError("No quiz has been played in this channel yet.")
            rows = await host.repo.standings(last.id)
            title = f"Quiz #{last.id} ({last.status})"
        embed = discord.Embed(title=title, description=standings_text(rows, 20), colour=embeds.COLOUR)
        await flow.send_new(interaction, Reply(embeds=[embed]))

    async def cmd_leaderboard(self, interaction: Interaction, period: str, sport: str | None) -> None:
        _, guild_id = _where(interaction)
        rows = await self._host().leaderboard(
            str(guild_id), self.now(), period="month" if period == "month" else "all", sport=sport
        )
        scope = "this month" if period == "month" else "all time"
        title = f"Quiz leaderboard · {scope}" + (f" · {embeds.md(sport)}" if sport else "")
        lines = [
            f"{place_mark(r.place, r.points)} **{embeds.md(r.name)}** — {r.points} ({r.correct} right of {r.answered})"
            for r in rows
        ]
        embed = discord.Embed(title=title, description="\n".join(lines) or "No answers yet.", colour=embeds.COLOUR)
        await flow.send_new(interaction, Reply(embeds=[embed]))

    async def cmd_export(self, interaction: Interaction) -> None:
        channel_id, _ = _where(interaction)
        game_id, table, document = await self._host().export_files(str(channel_id))
        await interaction.response.send_message(
            content=f"Every answer of quiz #{game_id} (CSV), and the whole game as JSON.",
            files=[
                discord.File(io.BytesIO(table.encode("utf-8")), filename=f"quiz-{game_id}.csv"),
                discord.File(io.BytesIO(document.encode("utf-8")), filename=f"quiz-{game_id}.json"),
            ],
            allowed_mentions=flow.no_mentions(),
        )


async def _retract(interaction: Interaction, err: PodiumError) -> None:
    """An error found after a public deferral: the "thinking" message goes, the note goes to the user alone."""
    with contextlib.suppress(discord.HTTPException):
        await interaction.delete_original_response()
    text = flow.error_text(err) or str(err)
    await interaction.followup.send(embeds.fit_content(text), ephemeral=True, allowed_mentions=flow.no_mentions())


def _where(interaction: Interaction) -> tuple[int, int]:
    if interaction.guild_id is None or interaction.channel_id is None:
        raise PodiumError("Quizzes are played in a server's channels.")
    return interaction.channel_id, interaction.guild_id


def _chain(client: discord.Client, runtime: QuizRuntime) -> None:
    """Open the database and recover cut-off games when the client connects (after login, before the gateway:
    `python -m bot sync` logs in without connecting and must not touch running games), and close them with the
    client. Wraps the client's own `connect` and `close`; never replaces what they do."""
    connect, close = client.connect, client.close

    async def hooked_connect(*, reconnect: bool = True) -> None:
        await runtime.start()
        await connect(reconnect=reconnect)

    async def hooked_close() -> None:
        await runtime.close()
        await close()

    client.connect = hooked_connect  # type: ignore[method-assign]
    client.close = hooked_close  # type: ignore[method-assign]


def _listen_for_answers(client: discord.Client, runtime: QuizRuntime) -> None:
    """Typed answers written in the channel (only with the `message_content` setting on)."""

    async def on_message(message: discord.Message) -> None:
        try:
            await runtime.on_message(message)
        except Exception:
            log.exception("a typed answer in channel %s failed", message.channel.id)

    client.event(on_message)


def setup(tree: app_commands.CommandTree[Any], ctx: BotContext) -> None:
    client = tree.client
    runtime = QuizRuntime(ctx, client)
    setattr(client, ATTRIBUTE, runtime)
    client.add_dynamic_items(AnswerButton)
    _chain(client, runtime)
    if runtime.chat:
        _listen_for_answers(client, runtime)
    tree.add_command(quiz_commands.group(ctx, runtime))
