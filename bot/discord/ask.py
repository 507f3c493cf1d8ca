"""`/ask question:` and messages that mention the bot: a question in plain words, answered with one sentence,
the table the matching command shows, its source, and the command itself; a picker when several athletes or
events fit; two buttons when the question reads two ways.

A message that mentions the bot reaches it with its content without the privileged Message Content intent (the
guild messages intent, not privileged, delivers it); the answer is a reply that mentions nobody. Follow-ups are
per channel and person (`bot/ask/context.py`). A picker's choice answers the question still pending for that
person (kept in memory: after a restart, the picker asks to ask again); a reading's button carries its question.
"""

from __future__ import annotations

import logging
import re
import secrets
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

import discord
from discord import app_commands

from bot.ask import AskAnswer
from bot.discord import embeds, flow
from bot.discord.ask_embeds import ask_embeds
from bot.discord.context import BotContext, Reply, context_of, ref_of
from bot.discord.tree import user_cooldown
from bot.errors import PodiumError

log = logging.getLogger(__name__)

Interaction = discord.Interaction[Any]
QUESTION_MAX = 300
PICK_TEMPLATE = r"ak:p:(?P<owner>\d{1,20}):(?P<slot>[exab])"
READING_TEMPLATE = r"ak:r:(?P<owner>\d{1,20}):(?P<question>.{1,90})"


def who_of(channel_id: int | None, user_id: int) -> tuple[str, str]:
    return (str(channel_id or 0), str(user_id))


def ask_reply(answer: AskAnswer, owner: int) -> Reply:
    view: discord.ui.View | None = None
    if answer.kind == "pick" and answer.candidates and answer.pick_slot:
        view = discord.ui.View(timeout=None)
        options = [
            discord.SelectOption(
                label=embeds.clip(c.name, embeds.OPTION_TEXT) or "?", value=ref_of(c.id),
                description=embeds.clip(c.detail, embeds.OPTION_TEXT) if c.detail else None,
            )
            for c in answer.candidates[: embeds.SELECT_OPTIONS]
        ]  # fmt: skip
        view.add_item(AskPick(owner, answer.pick_slot, options))
    elif answer.readings:
        buttons = [AskReading(owner, r.label, r.question) for r in answer.readings if _fits(owner, r.question)]
        if buttons:
            view = discord.ui.View(timeout=None)
            for button in buttons:
                view.add_item(button)
    return Reply(embeds=ask_embeds(answer), view=view)


def _fits(owner: int, question: str) -> bool:
    return len(f"ak:r:{owner}:{question}") <= embeds.CUSTOM_ID


class AskPick(discord.ui.DynamicItem[discord.ui.Select[discord.ui.View]], template=PICK_TEMPLATE):
    """Several athletes or events fit: the choice answers the pending question in place."""

    def __init__(self, owner: int, slot: str, options: list[discord.SelectOption]) -> None:
        select: discord.ui.Select[discord.ui.View] = discord.ui.Select(
            custom_id=f"ak:p:{owner}:{slot}", options=options or [discord.SelectOption(label="?", value="?")],
            placeholder="Pick the one you mean", min_values=1, max_values=1,
        )  # fmt: skip
        super().__init__(select)
        self.owner, self.slot = owner, slot

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> AskPick:
        options = list(item.options) if isinstance(item, discord.ui.Select) else []
        return cls(int(match["owner"]), match["slot"], options)

    async def interaction_check(self, interaction: Interaction, /) -> bool:
        return await flow.owner_only(interaction, self.owner)

    async def callback(self, interaction: Interaction) -> None:
        try:
            ctx = context_of(interaction)
            values = self.item.values
            if not values:
                raise PodiumError("Pick one of the options.")
            chosen = ctx.event_from_ref(values[0]) if self.slot == "e" else ctx.athlete_from_ref(values[0])
            who = who_of(interaction.channel_id, self.owner)
            answer = ctx.podium.asker.choose(who, self.slot, chosen)  # type: ignore[arg-type]
            await flow.edit_in_place(interaction, ask_reply(answer, self.owner))
        except Exception as error:
            await flow.report(interaction, error)


class AskReading(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=READING_TEMPLATE):
    """One reading of an unclear question: pressing it asks that question (its text is in the custom_id)."""

    def __init__(self, owner: int, label: str, question: str) -> None:
        button: discord.ui.Button[discord.ui.View] = discord.ui.Button(
            label=embeds.clip(label, embeds.BUTTON_LABEL), style=discord.ButtonStyle.primary,
            custom_id=f"ak:r:{owner}:{question}"[: embeds.CUSTOM_ID],
        )  # fmt: skip
        super().__init__(button)
        self.owner, self.question = owner, question

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> AskReading:
        label = item.label if isinstance(item, discord.ui.Button) and item.label else "Ask"
        return cls(int(match["owner"]), label, match["question"])

    async def interaction_check(self, interaction: Interaction, /) -> bool:
        return await flow.owner_only(interaction, self.owner)

    async def callback(self, interaction: Interaction) -> None:
        try:
            ctx = context_of(interaction)
            answer = ctx.podium.asker.ask(self.question, who_of(interaction.channel_id, self.owner))
            await flow.edit_in_place(interaction, ask_reply(answer, self.owner))
        except Exception as error:
            await flow.report(interaction, error)


class MentionLimiter:
    """At most `rate` questions by mention per `seconds`, per user (slash commands have discord.py's cooldown)."""

    def __init__(self, rate: int, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate, self.seconds, self.clock = rate, seconds, clock
        self._seen: dict[int, deque[float]] = {}

    def allow(self, user_id: int) -> bool:
        now = self.clock()
        times = self._seen.setdefault(user_id, deque())
        while times and now - times[0] > self.seconds:
            times.popleft()
        if len(times) >= self.rate:
            return False
        times.append(now)
        if len(self._seen) > 10_000:
            self._seen = {u: t for u, t in self._seen.items() if t and now - t[-1] <= self.seconds}
        return True


def question_of(content: str, bot_id: int) -> str:
    """The message without the mentions of the bot (`<@id>`, `<@!id>`)."""
    return " ".join(re.sub(rf"<@!?{bot_id}>", " ", content).split())


async def answer_mention(
    ctx: BotContext, client: discord.Client, limiter: MentionLimiter, message: discord.Message
) -> None:
    me = client.user
    if me is None or message.author.bot or message.webhook_id is not None or message.guild is None:
        return
    if not any(user.id == me.id for user in message.mentions):
        return
    if not limiter.allow(message.author.id):
        return  # quietly: a reply per refused message would be the flood itself
    question = question_of(message.content, me.id)[:QUESTION_MAX]
    try:
        answer = ctx.podium.asker.ask(question, who_of(message.channel.id, message.author.id))
        reply = ask_reply(answer, message.author.id)
        view = reply.view or discord.utils.MISSING
        fitted = embeds.fit_message(reply.embeds)
        try:
            await message.reply(embeds=fitted, view=view, allowed_mentions=flow.no_mentions(), mention_author=False)
        except discord.Forbidden:
            # Replying needs Read Message History; without it, the answer goes to the channel as a message.
            await message.channel.send(embeds=fitted, view=view, allowed_mentions=flow.no_mentions())
    except discord.HTTPException:
        log.exception("could not reply to a question in channel %s", message.channel.id)
    except Exception:
        error_id = secrets.token_hex(4)
        log.exception("error %s answering a mention (user %s)", error_id, message.author.id)
        await message.reply(f"Something went wrong on my side (error id `{error_id}`). It has been logged.",
                            allowed_mentions=flow.no_mentions(), mention_author=False)  # fmt: skip


def listen_for_mentions(client: discord.Client, ctx: BotContext) -> None:
    """Answer messages that mention the bot, after whatever `on_message` another group installed (the quiz's)."""
    limiter = MentionLimiter(ctx.settings.discord.cooldown_rate, ctx.settings.discord.cooldown_seconds)
    previous: Callable[[discord.Message], Awaitable[None]] | None = getattr(client, "on_message", None)

    async def on_message(message: discord.Message) -> None:
        if previous is not None:
            await previous(message)
        await answer_mention(ctx, client, limiter, message)

    client.event(on_message)


def setup(tree: app_commands.CommandTree[Any], ctx: BotContext) -> None:
    client = tree.client
    client.add_dynamic_items(AskPick, AskReading)
    if ctx.settings.discord.ask_by_mention:
        listen_for_mentions(client, ctx)
    cooldown = user_cooldown(ctx.settings)

    @app_commands.command(name="ask", description="Ask in plain words: who won the kilo in 1992?")
    @app_commands.describe(question="Your question, e.g. where did Kelly finish in the 1992 time trial?")
    @cooldown
    async def ask(interaction: Interaction, question: app_commands.Range[str, 1, QUESTION_MAX]) -> None:
        answer = context_of(interaction).podium.asker.ask(question, who_of(interaction.channel_id, interaction.user.id))
        await flow.send_new(interaction, ask_reply(answer, interaction.user.id))

    tree.add_command(ask)
