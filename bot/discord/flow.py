"""How answers reach Discord: replies, page buttons, the ambiguity picker, and the one place errors are reported.

Buttons and pickers are `discord.ui.DynamicItem`s whose whole state lives in the custom_id, so they keep working
after the bot restarts. Only the user who asked can use them; anyone else gets a polite ephemeral refusal.
Every message is sent with `AllowedMentions.none()`.
"""

from __future__ import annotations

import io
import logging
import re
import secrets
from dataclasses import dataclass, replace
from typing import Any

import discord
from discord import app_commands

from bot.discord import embeds
from bot.discord.context import BotContext, PageGone, PickNeeded, Reply, Slow, context_of, ref_of
from bot.errors import Ambiguous, NotFound, PodiumError

log = logging.getLogger(__name__)

CHART_FILE = "chart.png"
NOT_YOURS = "These controls belong to the person who asked. Run the command yourself to get your own copy."

Interaction = discord.Interaction[Any]


def no_mentions() -> discord.AllowedMentions:
    return discord.AllowedMentions.none()


# ---------------------------------------------------------------- state in custom_ids


@dataclass(frozen=True)
class PageState:
    """`pg:<route>:<owner>:<page>:<sub>:<ref>`; `sub` is route-specific (the round for /event)."""

    code: str
    owner: int
    page: int
    sub: str
    ref: str

    TEMPLATE = r"pg:(?P<code>[a-z]):(?P<owner>\d{1,20}):(?P<page>\d{1,4}):(?P<sub>\d{0,3}):(?P<ref>\S{1,64})"

    def custom_id(self) -> str:
        return f"pg:{self.code}:{self.owner}:{self.page}:{self.sub}:{self.ref}"

    @classmethod
    def from_match(cls, match: re.Match[str]) -> PageState:
        return cls(match["code"], int(match["owner"]), int(match["page"]), match["sub"], match["ref"])


@dataclass(frozen=True)
class PickState:
    """`pk:<route>:<owner>:<slot>:<extra>`: the choice fills argument `slot`, `extra` is the other argument."""

    code: str
    owner: int
    slot: int
    extra: str

    TEMPLATE = r"pk:(?P<code>[a-z]):(?P<owner>\d{1,20}):(?P<slot>[01]):(?P<extra>.*)"

    def custom_id(self) -> str:
        head = f"pk:{self.code}:{self.owner}:{self.slot}:"
        return head + self.extra[: embeds.CUSTOM_ID - len(head)]

    @classmethod
    def from_match(cls, match: re.Match[str]) -> PickState:
        return cls(match["code"], int(match["owner"]), int(match["slot"]), match["extra"])

    def args(self, value: str) -> tuple[str, str]:
        return (value, self.extra) if self.slot == 0 else (self.extra, value)


async def owner_only(interaction: Interaction, owner: int) -> bool:
    if interaction.user.id == owner:
        return True
    await interaction.response.send_message(NOT_YOURS, ephemeral=True, allowed_mentions=no_mentions())
    return False


class PageButton(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=PageState.TEMPLATE):
    """Previous/next page of a long answer."""

    def __init__(self, state: PageState, *, label: str, disabled: bool = False) -> None:
        button: discord.ui.Button[discord.ui.View] = discord.ui.Button(
            label=label[: embeds.BUTTON_LABEL],
            style=discord.ButtonStyle.secondary,
            custom_id=state.custom_id(),
            disabled=disabled,
        )
        super().__init__(button)
        self.state = state

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> PageButton:
        label = item.label if isinstance(item, discord.ui.Button) and item.label else "Page"
        return cls(PageState.from_match(match), label=label)

    async def interaction_check(self, interaction: Interaction, /) -> bool:
        return await owner_only(interaction, self.state.owner)

    async def callback(self, interaction: Interaction) -> None:
        try:
            ctx = context_of(interaction)
            await edit_in_place(interaction, page_reply(ctx, self.state))
        except Exception as error:  # every failure gets a reply, never "This interaction failed"
            await report(interaction, error)


class PickSelect(discord.ui.DynamicItem[discord.ui.Select[discord.ui.View]], template=PickState.TEMPLATE):
    """The ambiguity picker: choosing a candidate answers the original command in place."""

    def __init__(self, state: PickState, options: list[discord.SelectOption], placeholder: str | None = None) -> None:
        select: discord.ui.Select[discord.ui.View] = discord.ui.Select(
            custom_id=state.custom_id(),
            options=options[: embeds.SELECT_OPTIONS],
            placeholder=(placeholder or "Pick the one you mean")[: embeds.PLACEHOLDER],
            min_values=1,
            max_values=1,
        )
        super().__init__(select)
        self.state = state

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> PickSelect:
        options = list(item.options) if isinstance(item, discord.ui.Select) else []
        placeholder = item.placeholder if isinstance(item, discord.ui.Select) else None
        return cls(PickState.from_match(match), options, placeholder)

    async def interaction_check(self, interaction: Interaction, /) -> bool:
        return await owner_only(interaction, self.state.owner)

    async def callback(self, interaction: Interaction) -> None:
        try:
            values = self.item.values
            if not values:
                raise PodiumError("Pick one of the options.")
            await answer_in_place(interaction, self.state.code, self.state.owner, self.state.args(values[0]))
        except Exception as error:
            await report(interaction, error)


DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (PageButton, PickSelect)


# ---------------------------------------------------------------- views


def pager_view(state: PageState, count: int) -> discord.ui.View | None:
    if count <= 1:
        return None
    page = min(max(state.page, 0), count - 1)
    view = discord.ui.View(timeout=None)
    view.add_item(PageButton(replace(state, page=max(page - 1, 0)), label="◀ Previous", disabled=page == 0))
    view.add_item(PageButton(replace(state, page=min(page + 1, count - 1)), label="Next ▶", disabled=page >= count - 1))
    return view


def paged(code: str, owner: int, ref: str, sub: str, pages: list[discord.Embed], page: int = 0) -> Reply:
    """One page of a long answer, with buttons when there are more."""
    page = min(max(page, 0), len(pages) - 1)
    return Reply(embeds=[pages[page]], view=pager_view(PageState(code, owner, page, sub, ref), len(pages)))


def page_reply(ctx: BotContext, state: PageState) -> Reply:
    pager = ctx.pagers.get(state.code)
    if pager is None:
        raise PageGone("These pages belong to a command I no longer have.")
    pages = pager(ctx, state.ref, state.sub)
    return paged(state.code, state.owner, state.ref, state.sub, pages, state.page)


def picker_reply(owner: int, need: PickNeeded) -> Reply:
    err = need.ambiguous
    seen: set[str] = set()
    options: list[discord.SelectOption] = []
    for item_id, name, detail in err.candidates:
        value = ref_of(item_id)
        if value in seen:
            continue
        seen.add(value)
        options.append(
            discord.SelectOption(
                label=embeds.clip(name, embeds.OPTION_TEXT) or "?",
                value=value,
                description=embeds.clip(detail, embeds.OPTION_TEXT) if detail else None,
            )
        )
    shown = options[: embeds.SELECT_OPTIONS]
    more = f" Showing {len(shown)} of {len(options)}: type more to narrow it down." if len(options) > len(shown) else ""
    view = discord.ui.View(timeout=None)
    view.add_item(PickSelect(PickState(need.code, owner, need.slot, need.extra), shown))
    content = f"**{embeds.echo(err.query)}** fits {len(options)} {err.kind}s. Which one do you mean?{more}"
    return Reply(content=embeds.fit_content(content), view=view)


# ---------------------------------------------------------------- sending


def _files(reply: Reply) -> list[discord.File]:
    return [discord.File(io.BytesIO(reply.png), filename=CHART_FILE)] if reply.png else []


async def send_new(interaction: Interaction, reply: Reply, *, ephemeral: bool = False) -> None:
    """The first response to a command."""
    await interaction.response.send_message(
        content=embeds.fit_content(reply.content) if reply.content else None,
        embeds=embeds.fit_message(reply.embeds),
        view=reply.view or discord.utils.MISSING,
        files=_files(reply) or discord.utils.MISSING,
        ephemeral=ephemeral,
        allowed_mentions=no_mentions(),
    )


async def edit_in_place(interaction: Interaction, reply: Reply) -> None:
    """Replace the message a component sits on (or the deferred response) with `reply`."""
    content = embeds.fit_content(reply.content) if reply.content else None
    if not interaction.response.is_done():
        await interaction.response.edit_message(
            content=content,
            embeds=embeds.fit_message(reply.embeds),
            view=reply.view,
            attachments=_files(reply),
            allowed_mentions=no_mentions(),
        )
        return
    await interaction.edit_original_response(
        content=content,
        embeds=embeds.fit_message(reply.embeds),
        view=reply.view,
        attachments=_files(reply),
        allowed_mentions=no_mentions(),
    )


async def answer_command(interaction: Interaction, code: str, args: tuple[str, str]) -> None:
    """Answer a slash command through route `code`. Errors propagate to the tree's handler."""
    ctx = context_of(interaction)
    outcome = ctx.routes[code](ctx, interaction.user.id, args)
    if isinstance(outcome, Slow):
        await interaction.response.defer(thinking=True)
        await edit_in_place(interaction, await outcome.finish())
    else:
        await send_new(interaction, outcome)


async def answer_in_place(interaction: Interaction, code: str, owner: int, args: tuple[str, str]) -> None:
    """Answer route `code` for a component on the original message, replacing that message."""
    ctx = context_of(interaction)
    route = ctx.routes.get(code)
    if route is None:
        raise PageGone("This picker belongs to a command I no longer have.")
    outcome = route(ctx, owner, args)
    if isinstance(outcome, Slow):
        await interaction.response.defer()
        await edit_in_place(interaction, await outcome.finish())
    else:
        await edit_in_place(interaction, outcome)


# ---------------------------------------------------------------- errors


STALE_COMMAND = "This command was updated — an admin needs to run sync (`python -m bot sync`) before it works again."


def unwrap(error: BaseException) -> BaseException:
    if isinstance(error, app_commands.CommandInvokeError):
        return error.original
    if isinstance(error, app_commands.TransformerError) and error.__cause__ is not None:
        return error.__cause__
    return error


def error_text(err: BaseException) -> str | None:
    """The friendly text for an error a user can do something about; None for a bug."""
    if isinstance(err, NotFound) and err.hint:
        return embeds.md(err.hint)
    if isinstance(err, NotFound):
        text = f"No {err.kind} matches **{embeds.echo(err.query)}**."
        if err.suggestions:
            text += " Closest: " + ", ".join(f"**{embeds.md(s)}**" for s in err.suggestions[:10]) + "."
        return text + " Pick from the suggestions as you type, or try fewer words."
    if isinstance(err, Ambiguous):
        names = "; ".join(f"{embeds.md(n)} ({embeds.md(d)})" for _, n, d in err.candidates[:10])
        return f"**{embeds.echo(err.query)}** fits several {err.kind}s: {names}."
    if isinstance(err, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
        # Discord still shows the command as it was registered before the code changed: not the user's doing.
        return STALE_COMMAND
    if isinstance(err, app_commands.CommandOnCooldown):
        return f"You're asking quickly: try again in {err.retry_after:.0f} s."
    if isinstance(err, app_commands.CheckFailure):
        return "You can't use this command here."
    if isinstance(err, PodiumError):
        return str(err)
    return None


async def report(interaction: Interaction, error: BaseException) -> None:
    """The one place errors become replies: a picker for ambiguity, friendly ephemeral text for user errors, and
    for anything unexpected a logged traceback and a short error id the user can quote."""
    err = unwrap(error)
    try:
        if isinstance(err, PickNeeded):
            reply = picker_reply(_owner_of(interaction), err)
            if interaction.type is discord.InteractionType.component:
                await edit_in_place(interaction, reply)
            else:
                await send_new(interaction, reply)
            return
        if isinstance(err, PageGone) and interaction.type is discord.InteractionType.component:
            await edit_in_place(interaction, Reply(content=f"{err} Ask again to get a fresh answer."))
            return
        text = error_text(err)
        if text is None:
            error_id = secrets.token_hex(4)
            command = interaction.command.qualified_name if interaction.command else "component"
            log.error("error %s in %s (user %s)", error_id, command, interaction.user.id, exc_info=err)
            text = f"Something went wrong on my side (error id `{error_id}`). It has been logged."
        await tell(interaction, text)
    except discord.HTTPException:
        log.exception("could not report an error to the user")


def _owner_of(interaction: Interaction) -> int:
    """The owner recorded in the component's custom_id, so a follow-up picker stays theirs."""
    data: dict[str, Any] = dict(interaction.data or {})
    custom_id = str(data.get("custom_id", ""))
    match = re.fullmatch(PickState.TEMPLATE, custom_id) or re.fullmatch(PageState.TEMPLATE, custom_id)
    return int(match["owner"]) if match else interaction.user.id


async def tell(interaction: Interaction, text: str) -> None:
    """An ephemeral note to the user, however far the interaction has got."""
    text = embeds.fit_content(text)
    if not interaction.response.is_done():
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=no_mentions())
    elif interaction.response.type is discord.InteractionResponseType.deferred_channel_message:
        await interaction.edit_original_response(
            content=text, embeds=[], attachments=[], view=None, allowed_mentions=no_mentions()
        )
    else:
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=no_mentions())
