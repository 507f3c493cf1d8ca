"""Hand-built interactions for unit tests of the command, autocomplete and component callbacks, as discord.py's
own tests build them (`discord.Interaction(data=..., state=client._connection)`), with the HTTP layer replaced
by a recorder: every response the bot makes is kept, checked against Discord's limits by the loopback's rules."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import discord
from discord import app_commands
from discord.webhook.async_ import AsyncWebhookAdapter, async_context

from bot.core import Podium
from bot.discord import flow
from bot.discord.app import PodiumClient
from bot.discord.context import BotContext
from bot.settings import Settings, load_settings
from tests.discord.loopback import LoopbackDiscord, choice_problems, mention_problems, message_problems


@dataclass
class Call:
    method: str
    path: str
    body: dict[str, Any]
    files: list[discord.File]


class Recorder(AsyncWebhookAdapter):
    """Stands in for discord.py's webhook adapter (interaction callbacks, webhook edits and follow-ups)."""

    def __init__(self, factory: LoopbackDiscord) -> None:
        super().__init__()
        self.factory = factory
        self.calls: list[Call] = []
        self.problems: list[str] = []
        self._changed = asyncio.Event()

    async def request(self, route: Any, session: Any, *, payload: Any = None, multipart: Any = None,
                      files: Any = None, params: Any = None, **_: Any) -> Any:  # fmt: skip
        body: dict[str, Any] = dict(payload or {})
        if multipart:
            body = json.loads(next(part["value"] for part in multipart if part["name"] == "payload_json"))
        call = Call(route.method, route.path, body, list(files or []))
        self.calls.append(call)
        self._changed.set()
        data = body.get("data", body) if route.path.endswith("/callback") else body
        if body.get("type") == 8:
            self.problems += choice_problems(data.get("choices") or [])
        elif body.get("type") in (4, 7) or (route.method in ("POST", "PATCH") and not route.path.endswith("/callback")):
            self.problems += message_problems(data) + mention_problems(data)
        message = self.message(data)
        if route.path.endswith("/callback"):
            kind = body.get("type")
            out: dict[str, Any] = {"interaction": {"id": "1", "type": 2, "response_message_id": message["id"],
                                                   "response_message_loading": kind == 5,
                                                   "response_message_ephemeral": False}}  # fmt: skip
            if kind in (4, 5, 7):
                out["resource"] = {"type": kind, "message": message}
            return out
        return message

    def message(self, data: dict[str, Any]) -> dict[str, Any]:
        guild = self.factory.guild_ids[0]
        return {
            "id": "99", "channel_id": self.factory.channel_ids[guild], "type": 20, "author": self.factory.bot_user,
            "content": data.get("content") or "", "embeds": data.get("embeds") or [],
            "components": data.get("components") or [], "attachments": [], "timestamp": "2024-07-27T10:00:00+00:00",
            "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [], "mention_roles": [],
            "pinned": False, "flags": int(data.get("flags") or 0),
        }  # fmt: skip

    async def next_call(self, after: int, timeout: float = 5.0) -> Call:
        """The first call after the first `after` ones, waiting for it (bounded)."""
        async with asyncio.timeout(timeout):
            while len(self.calls) <= after:
                self._changed.clear()
                await self._changed.wait()
        return self.calls[after]


@contextlib.contextmanager
def recording(factory: LoopbackDiscord) -> Iterator[Recorder]:
    recorder = Recorder(factory)
    token = async_context.set(recorder)
    try:
        yield recorder
    finally:
        async_context.reset(token)


def make_client(podium: Podium, factory: LoopbackDiscord, settings: Settings | None = None) -> PodiumClient:
    """The bot's client as after login (its user known, dynamic items registered), without a connection."""
    settings = settings or load_settings(discord={"cooldown_rate": 3, "cooldown_seconds": 60.0})
    client = PodiumClient(BotContext(podium, settings))
    client._connection.user = discord.ClientUser(state=client._connection, data=factory.bot_user)  # type: ignore[arg-type]
    client.add_dynamic_items(*flow.DYNAMIC_ITEMS)
    return client


def interaction(client: discord.Client, payload: dict[str, Any]) -> discord.Interaction[Any]:
    return discord.Interaction(data=payload, state=client._connection)  # type: ignore[arg-type]


async def run_tree(client: PodiumClient, ix: discord.Interaction[Any]) -> None:
    """What discord.py does with an INTERACTION_CREATE for a slash command or an autocomplete."""
    try:
        await client.tree._call(ix)
    except app_commands.AppCommandError as error:
        await client.tree._dispatch_error(ix, error)


def press(client: PodiumClient, ix: discord.Interaction[Any]) -> None:
    """What discord.py does with a component interaction: find the DynamicItem by its custom_id and run it."""
    data = ix.data or {}
    client._connection._view_store.dispatch_view(int(data["component_type"]), str(data["custom_id"]), ix)
