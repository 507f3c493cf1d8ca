"""A loopback Discord for end-to-end tests: an aiohttp server on 127.0.0.1 speaking enough of the gateway and the
REST API for a real bot process (the same entry point a user runs) to connect, sync its commands and answer.

It enforces Discord's rules the way the real one does, answering a broken request with Discord's error:
10062 (unknown interaction) for a first response after 3 s, 40060 for a second acknowledgement, 50035 (invalid
form body) for more than 25 autocomplete choices, an embed over the limits, a bad component or command schema.
It also records what Discord would accept but a good bot must not do: sending a message that could mention
someone (`allowed_mentions` missing or not empty) lands in `violations`.

Reuse (for example a quiz end-to-end test)::

    async with LoopbackDiscord() as discord, BotProcess(discord, sync=True) as bot:
        await discord.wait_ready()
        ix = await discord.invoke("quiz", {"start": {"questions": 3}})  # nested dicts are subcommands
        message = await discord.wait_message(ix)
        ix2 = await discord.click(message, custom_id, user=discord.users[1])
        ...
        assert not discord.violations

Gateway: HELLO, IDENTIFY -> READY (with a ws:// `resume_gateway_url`) and GUILD_CREATE, heartbeats and ACKs,
RESUME -> replay of missed events then RESUMED, INVALID_SESSION for an unknown session, INTERACTION_CREATE,
MESSAGE_CREATE when a user writes in a channel (`say()`; only to a bot with the intents for it);
`drop_gateway()` cuts the connection without a close frame. Several shards may connect (`shard_count`); each
guild's events go to its shard.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import secrets
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from aiohttp import WSMsgType, web

ROOT = Path(__file__).resolve().parents[2]
T = TypeVar("T")
API_PREFIX = "/api/v10"
PRIVILEGED_INTENTS = {1 << 1: "GUILD_MEMBERS", 1 << 8: "GUILD_PRESENCES", 1 << 15: "MESSAGE_CONTENT"}
GUILDS, GUILD_MESSAGES, MESSAGE_CONTENT = 1 << 0, 1 << 9, 1 << 15
PERMISSIONS = "2248473465835073"
EPHEMERAL = 1 << 6

# Interaction and callback types.
PING, APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE = 1, 2, 3, 4
CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, AUTOCOMPLETE_RESULT, MODAL = (
    4,
    5,
    6,
    7,
    8,
    9,
)


class DiscordError(Exception):
    def __init__(self, status: int, code: int, message: str, errors: Any = None) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status, self.code, self.message, self.errors = status, code, message, errors

    def body(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.errors is not None:
            out["errors"] = self.errors
        return out


def _json(payload: Any, status: int = 200) -> web.Response:
    # Exactly `application/json`, as Discord sends it (discord.py compares the header as a whole).
    return web.Response(body=json.dumps(payload).encode(), status=status, headers={"Content-Type": "application/json"})


def invalid(problems: Sequence[str]) -> DiscordError:
    return DiscordError(400, 50035, "Invalid Form Body", {"_problems": list(problems)})


# ---------------------------------------------------------------- Discord's limits, checked independently


def embed_problems(embeds: Sequence[Mapping[str, Any]]) -> list[str]:
    problems: list[str] = []
    if len(embeds) > 10:
        problems.append("embeds: more than 10")
    total = 0
    for n, e in enumerate(embeds):
        title, desc = e.get("title") or "", e.get("description") or ""
        footer = (e.get("footer") or {}).get("text") or ""
        author = (e.get("author") or {}).get("name") or ""
        fields = e.get("fields") or []
        if len(title) > 256:
            problems.append(f"embeds.{n}.title: longer than 256")
        if len(desc) > 4096:
            problems.append(f"embeds.{n}.description: longer than 4096")
        if len(footer) > 2048:
            problems.append(f"embeds.{n}.footer.text: longer than 2048")
        if len(author) > 256:
            problems.append(f"embeds.{n}.author.name: longer than 256")
        if len(fields) > 25:
            problems.append(f"embeds.{n}.fields: more than 25")
        total += len(title) + len(desc) + len(footer) + len(author)
        for i, f in enumerate(fields):
            name, value = f.get("name") or "", f.get("value") or ""
            if not 1 <= len(name) <= 256:
                problems.append(f"embeds.{n}.fields.{i}.name: must be 1-256 long")
            if not 1 <= len(value) <= 1024:
                problems.append(f"embeds.{n}.fields.{i}.value: must be 1-1024 long")
            total += len(name) + len(value)
    if total > 6000:
        problems.append(f"embeds: {total} characters in total, over 6000")
    return problems


def component_problems(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    problems: list[str] = []
    if len(rows) > 5:
        problems.append("components: more than 5 rows")
    ids: list[str] = []
    for r, row in enumerate(rows):
        children = row.get("components") or []
        if row.get("type") != 1:
            problems.append(f"components.{r}: top level must be an action row")
        selects = [c for c in children if c.get("type") in (3, 5, 6, 7, 8)]
        if len(children) > 5 or (selects and len(children) > 1) or not children:
            problems.append(f"components.{r}: 1-5 buttons or one select per row")
        for c, child in enumerate(children):
            where = f"components.{r}.components.{c}"
            custom_id = child.get("custom_id")
            if child.get("type") == 2:
                if len(child.get("label") or "") > 80:
                    problems.append(f"{where}.label: longer than 80")
                if child.get("style") == 5:
                    if not child.get("url"):
                        problems.append(f"{where}.url: required for link buttons")
                    continue
            elif child.get("type") == 3:
                options = child.get("options") or []
                if not 1 <= len(options) <= 25:
                    problems.append(f"{where}.options: must be 1-25")
                values = [o.get("value") for o in options]
                if len(set(values)) != len(values):
                    problems.append(f"{where}.options: values must be unique")
                for o, opt in enumerate(options):
                    if not 1 <= len(opt.get("label") or "") <= 100:
                        problems.append(f"{where}.options.{o}.label: must be 1-100 long")
                    if not 1 <= len(opt.get("value") or "") <= 100:
                        problems.append(f"{where}.options.{o}.value: must be 1-100 long")
                    if len(opt.get("description") or "") > 100:
                        problems.append(f"{where}.options.{o}.description: longer than 100")
                if len(child.get("placeholder") or "") > 150:
                    problems.append(f"{where}.placeholder: longer than 150")
            if not custom_id or len(custom_id) > 100:
                problems.append(f"{where}.custom_id: must be 1-100 long")
            ids.append(custom_id or "")
    if len(set(ids)) != len(ids):
        problems.append("components: custom_ids must be unique")
    return problems


def message_problems(data: Mapping[str, Any]) -> list[str]:
    problems = []
    if len(data.get("content") or "") > 2000:
        problems.append("content: longer than 2000")
    problems += embed_problems(data.get("embeds") or [])
    problems += component_problems(data.get("components") or [])
    return problems


def choice_problems(choices: Sequence[Mapping[str, Any]]) -> list[str]:
    problems = []
    if len(choices) > 25:
        problems.append(f"choices: {len(choices)}, more than 25")
    for n, c in enumerate(choices):
        if not 1 <= len(c.get("name") or "") <= 100:
            problems.append(f"choices.{n}.name: must be 1-100 long")
        value = c.get("value")
        if isinstance(value, str) and len(value) > 100:
            problems.append(f"choices.{n}.value: longer than 100")
    return problems


def command_problems(commands: Sequence[Mapping[str, Any]]) -> list[str]:
    problems = []
    names = [c.get("name") for c in commands]
    if len(set(names)) != len(names):
        problems.append("commands: duplicate names")

    def check_options(where: str, options: Sequence[Mapping[str, Any]]) -> None:
        if len(options) > 25:
            problems.append(f"{where}.options: more than 25")
        seen_optional = False
        for o in options:
            w = f"{where}.{o.get('name')}"
            if not (1 <= len(o.get("name") or "") <= 32 and str(o.get("name")).islower()):
                problems.append(f"{w}: name must be 1-32 lowercase")
            if not 1 <= len(o.get("description") or "") <= 100:
                problems.append(f"{w}: description must be 1-100 long")
            if o.get("type") in (1, 2):
                check_options(w, o.get("options") or [])
                continue
            if o.get("required"):
                if seen_optional:
                    problems.append(f"{w}: required options must come first")
            else:
                seen_optional = True
            if o.get("autocomplete") and o.get("choices"):
                problems.append(f"{w}: autocomplete and choices are exclusive")
            if len(o.get("choices") or []) > 25:
                problems.append(f"{w}: more than 25 choices")

    for c in commands:
        where = f"commands.{c.get('name')}"
        if not (1 <= len(c.get("name") or "") <= 32 and str(c.get("name")).islower()):
            problems.append(f"{where}: name must be 1-32 lowercase")
        if c.get("type", 1) == 1 and not 1 <= len(c.get("description") or "") <= 100:
            problems.append(f"{where}: description must be 1-100 long")
        check_options(where, c.get("options") or [])
    return problems


def mention_problems(data: Mapping[str, Any]) -> list[str]:
    """Discord would accept these, but they could ping people: the bot must send `allowed_mentions` parse []."""
    mentions = data.get("allowed_mentions")
    if mentions is None:
        return ["allowed_mentions missing: @everyone in a reply would ping"]
    if mentions.get("parse") or mentions.get("users") or mentions.get("roles") or mentions.get("replied_user"):
        return [f"allowed_mentions not empty: {mentions}"]
    return []


# ---------------------------------------------------------------- state


@dataclass
class Interaction:
    id: str
    token: str
    type: int
    user: dict[str, Any]
    guild_id: str
    payload: dict[str, Any]
    created: float
    responses: list[dict[str, Any]] = field(default_factory=list)
    errors: list[DiscordError] = field(default_factory=list)
    message_id: str | None = None  # the message the response made or updated
    followups: list[str] = field(default_factory=list)

    @property
    def acked(self) -> bool:
        return bool(self.responses)

    @property
    def response(self) -> dict[str, Any] | None:
        return self.responses[0] if self.responses else None


@dataclass
class Session:
    id: str
    shard: tuple[int, int]
    intents: int = 0
    seq: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)
    socket: web.WebSocketResponse | None = None
    request: web.Request | None = None


@dataclass
class Recorded:
    method: str
    path: str
    body: Any
    status: int = 200
    code: int | None = None


class LoopbackDiscord:
    """The fake Discord. Use as `async with LoopbackDiscord() as discord:`; `env()` gives the bot's settings."""

    def __init__(
        self,
        *,
        token: str | None = None,
        guild_count: int = 1,
        shard_count: int = 1,
        ack_deadline: float = 3.0,
        heartbeat_interval_ms: int = 41250,
        max_concurrency: int | None = None,
        privileged_intents: Sequence[str] = (),
    ) -> None:
        self.token = token or "loopback." + secrets.token_urlsafe(24)
        # The privileged intents switched on for the application on the developer portal (none by default).
        self.privileged_intents = set(privileged_intents)
        self.ack_deadline = ack_deadline
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.shard_count = shard_count
        self.max_concurrency = max_concurrency or shard_count
        self._ids = itertools.count(int(time.time() * 1000 - 1420070400000) << 22)
        self.application_id = self._snowflake()
        self.bot_user = self._user(self.application_id, "Podium", bot=True)
        self.guild_ids = self._guild_ids(guild_count, shard_count)
        self.channel_ids = {gid: self._snowflake() for gid in self.guild_ids}
        self.users = [self._user(self._snowflake(), f"fan{n}") for n in range(1, 9)]
        self.commands: dict[str | None, list[dict[str, Any]]] = {}
        self.sync_requests: list[tuple[str | None, list[dict[str, Any]]]] = []
        self.requests: list[Recorded] = []
        self.violations: list[str] = []
        self.rejections: list[DiscordError] = []
        self.unhandled: list[str] = []
        self.messages: dict[str, dict[str, Any]] = {}
        self.reactions: dict[str, list[str]] = {}  # message id -> the emoji the bot reacted with, in order
        self.files: dict[str, bytes] = {}  # attachment id -> bytes
        self.interactions: dict[str, Interaction] = {}
        self.sessions: dict[str, Session] = {}
        self.identifies: list[dict[str, Any]] = []
        self.resumes: list[dict[str, Any]] = []
        self.resume_paths: list[str] = []
        self.heartbeats = 0
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._changed: asyncio.Condition | None = None

    # ------------------------------------------------------------ lifecycle

    async def __aenter__(self) -> LoopbackDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def start(self) -> None:
        self._changed = asyncio.Condition()
        app = web.Application(client_max_size=32 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/resume", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        for session in self.sessions.values():
            if session.socket is not None and not session.socket.closed:
                with contextlib.suppress(Exception):
                    await session.socket.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    @property
    def resume_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/resume"

    def env(self) -> dict[str, str]:
        """The environment that points the bot at this loopback: the two URL settings and the fake token."""
        return {
            "DISCORD_TOKEN": self.token,
            "PODIUM_DISCORD__API_BASE_URL": self.api_base_url,
            "PODIUM_DISCORD__GATEWAY_URL": self.gateway_url,
        }

    # ------------------------------------------------------------ ids and payloads

    def _snowflake(self) -> str:
        return str(next(self._ids))

    def _guild_ids(self, count: int, shards: int) -> list[str]:
        """Guild ids spread over the shards: guild i lives on shard i % shards (Discord: (id >> 22) % shards)."""
        out = []
        while len(out) < count:
            gid = int(self._snowflake())
            if (gid >> 22) % shards == len(out) % shards:
                out.append(str(gid))
        return out

    @staticmethod
    def _user(user_id: str, name: str, *, bot: bool = False) -> dict[str, Any]:
        return {
            "id": user_id,
            "username": name,
            "discriminator": "0",
            "global_name": name,
            "avatar": None,
            "bot": bot,
            "public_flags": 0,
        }

    def shard_of(self, guild_id: str) -> int:
        return (int(guild_id) >> 22) % self.shard_count

    def _channel(self, guild_id: str) -> dict[str, Any]:
        return {
            "id": self.channel_ids[guild_id],
            "type": 0,
            "guild_id": guild_id,
            "name": "results",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }

    def _guild(self, guild_id: str) -> dict[str, Any]:
        everyone = {
            "id": guild_id,
            "name": "@everyone",
            "permissions": PERMISSIONS,
            "position": 0,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }
        return {
            "id": guild_id,
            "name": f"Loopback {guild_id[-4:]}",
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": self.users[0]["id"],
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": [everyone],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": None,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "joined_at": "2024-07-26T19:30:00+00:00",
            "large": False,
            "unavailable": False,
            "member_count": len(self.users) + 1,
            "voice_states": [],
            "members": [],
            "channels": [self._channel(guild_id)],
            "threads": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }

    def _message(
        self,
        channel_id: str,
        data: Mapping[str, Any],
        *,
        interaction: Interaction | None,
        attachments: list[dict[str, Any]],
    ) -> dict[str, Any]:
        message_id = self._snowflake()
        message = {
            "id": message_id,
            "channel_id": channel_id,
            "type": 20 if interaction else 0,
            "author": self.bot_user,
            "content": data.get("content") or "",
            "embeds": data.get("embeds") or [],
            "components": data.get("components") or [],
            "attachments": attachments,
            "timestamp": "2024-07-27T10:00:00+00:00",
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "pinned": False,
            "flags": int(data.get("flags") or 0),
            "application_id": self.application_id,
        }
        if interaction is not None:
            message["webhook_id"] = self.application_id
            message["guild_id"] = interaction.guild_id
        if data.get("message_reference"):  # a reply: which message it answers (snowflakes as strings, as Discord)
            reference = {k: str(v) if k.endswith("_id") else v for k, v in data["message_reference"].items()}
            message["message_reference"] = reference
            message["guild_id"] = reference.get("guild_id")
        self.messages[message_id] = message
        return message

    # ------------------------------------------------------------ waiting

    async def _notify(self) -> None:
        assert self._changed is not None
        async with self._changed:
            self._changed.notify_all()

    async def wait_for(self, predicate: Callable[[], Any], what: str, timeout: float = 10.0) -> Any:
        """Wait until `predicate()` is truthy (re-checked on every change here); its value is returned."""
        assert self._changed is not None
        try:
            async with asyncio.timeout(timeout), self._changed:
                await self._changed.wait_for(predicate)
        except TimeoutError:
            raise AssertionError(
                f"timed out after {timeout}s waiting for {what}; rejections: "
                f"{self.rejections[-3:]}, unhandled: {self.unhandled[-3:]}"
            ) from None
        return predicate()

    async def wait_ready(self, *, synced: bool = True, shards: int | None = None, timeout: float = 20.0) -> None:
        """Until every shard identified and got READY (and, with `synced`, the commands were registered)."""
        wanted = shards or self.shard_count
        await self.wait_for(
            lambda: len({s.shard for s in self.sessions.values() if s.socket}) >= wanted,
            f"{wanted} shard(s) to connect",
            timeout,
        )
        if synced:
            await self.wait_for(lambda: self.commands, "the commands to be synced", timeout)

    async def wait_response(self, ix: Interaction, timeout: float = 5.0) -> dict[str, Any]:
        return await self.wait_for(lambda: ix.response, f"a response to interaction {ix.id}", timeout)  # type: ignore[no-any-return]

    async def wait_message(
        self, ix: Interaction, predicate: Callable[[dict[str, Any]], bool] | None = None, timeout: float = 10.0
    ) -> dict[str, Any]:
        """The message an interaction's response made (or updated), once `predicate` holds for it."""

        def ready() -> dict[str, Any] | None:
            if ix.message_id is None:
                return None
            message = self.messages[ix.message_id]
            return message if predicate is None or predicate(message) else None

        return await self.wait_for(ready, f"the message of interaction {ix.id}", timeout)  # type: ignore[no-any-return]

    # ------------------------------------------------------------ driving the bot like a user

    def command(self, name: str, guild_id: str | None = None) -> dict[str, Any]:
        """A registered command (guild first, then global); a user cannot invoke what was never synced."""
        for scope in (guild_id or self.guild_ids[0], None):
            for cmd in self.commands.get(scope, []):
                if cmd["name"] == name:
                    return cmd
        raise AssertionError(f"/{name} is not registered (synced: {sorted(map(str, self.commands))})")

    @staticmethod
    def _options(values: Mapping[str, Any], focused: str | None) -> list[dict[str, Any]]:
        out = []
        for name, value in values.items():
            if isinstance(value, Mapping):  # a subcommand and its options
                out.append({"type": 1, "name": name, "options": LoopbackDiscord._options(value, focused)})
                continue
            kind = (
                5 if isinstance(value, bool) else 4 if isinstance(value, int) else 10 if isinstance(value, float) else 3
            )
            option: dict[str, Any] = {"type": kind, "name": name, "value": value}
            if name == focused:
                option["focused"] = True
            out.append(option)
        return out

    def build(
        self,
        kind: int,
        data: dict[str, Any],
        *,
        user: dict[str, Any] | None = None,
        guild_id: str | None = None,
        message: dict[str, Any] | None = None,
    ) -> Interaction:
        """An interaction as Discord would send it (not dispatched): unit tests hand its payload to
        `discord.Interaction(data=ix.payload, state=...)`."""
        user = user or self.users[0]
        guild_id = guild_id or self.guild_ids[0]
        ix_id, token = self._snowflake(), "ix." + secrets.token_urlsafe(32)
        payload: dict[str, Any] = {
            "id": ix_id,
            "application_id": self.application_id,
            "type": kind,
            "data": data,
            "guild_id": guild_id,
            "channel_id": self.channel_ids[guild_id],
            "channel": self._channel(guild_id),
            "member": {
                "user": user,
                "roles": [],
                "permissions": PERMISSIONS,
                "joined_at": "2024-07-26T19:30:00+00:00",
                "deaf": False,
                "mute": False,
                "flags": 0,
                "pending": False,
                "nick": None,
                "avatar": None,
                "premium_since": None,
                "communication_disabled_until": None,
            },
            "token": token,
            "version": 1,
            "locale": "en-GB",
            "guild_locale": "en-US",
            "app_permissions": PERMISSIONS,
            "entitlements": [],
            "authorizing_integration_owners": {"0": guild_id},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if message is not None:
            payload["message"] = message
        ix = Interaction(ix_id, token, kind, user, guild_id, payload, time.monotonic())
        if message is not None:
            ix.message_id = message["id"]
        self.interactions[ix_id] = ix
        return ix

    async def _create(
        self,
        kind: int,
        user: dict[str, Any] | None,
        data: dict[str, Any],
        guild_id: str | None,
        message: dict[str, Any] | None = None,
    ) -> Interaction:
        ix = self.build(kind, data, user=user, guild_id=guild_id, message=message)
        await self.dispatch("INTERACTION_CREATE", ix.payload, guild_id=ix.guild_id)
        return ix

    def command_data(
        self, name: str, options: Mapping[str, Any] | None = None, *, focused: str | None = None
    ) -> dict[str, Any]:
        """The `data` of a slash command (or, with `focused`, autocomplete) interaction."""
        registered = next((c for cs in self.commands.values() for c in cs if c["name"] == name), None)
        data: dict[str, Any] = {
            "id": registered["id"] if registered else self._snowflake(),
            "name": name,
            "type": 1,
            "options": self._options(options or {}, focused),
        }
        if registered and registered.get("guild_id"):
            data["guild_id"] = registered["guild_id"]
        return data

    async def invoke(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        user: dict[str, Any] | None = None,
        guild_id: str | None = None,
    ) -> Interaction:
        """A user runs `/name` with `options` (nested mappings are subcommands)."""
        self.command(name, guild_id)  # a user cannot invoke what was never synced
        return await self._create(APPLICATION_COMMAND, user, self.command_data(name, options), guild_id)

    async def autocomplete(
        self,
        name: str,
        options: Mapping[str, Any],
        focused: str,
        *,
        user: dict[str, Any] | None = None,
        timeout: float = 5.0,
    ) -> list[dict[str, Any]]:
        """A user types into option `focused`; the choices the bot offered are returned."""
        self.command(name)
        ix = await self._create(AUTOCOMPLETE, user, self.command_data(name, options, focused=focused), None)
        response = await self.wait_response(ix, timeout)
        assert response["type"] == AUTOCOMPLETE_RESULT, response
        return list(response["data"]["choices"])

    @staticmethod
    def find_component(message: Mapping[str, Any], predicate: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        for row in message.get("components") or []:
            for child in row.get("components") or []:
                if predicate(child):
                    return dict(child)
        raise AssertionError(f"no such component in message {message.get('id')}: {message.get('components')}")

    async def click(
        self, message: Mapping[str, Any], custom_id: str, *, user: dict[str, Any] | None = None
    ) -> Interaction:
        """A user presses the button `custom_id` on `message` (as it is now, after edits)."""
        current = self.messages[str(message["id"])]
        button = self.find_component(current, lambda c: c.get("custom_id") == custom_id)
        assert button.get("type") == 2 and not button.get("disabled"), f"cannot click {button}"
        data = {"custom_id": custom_id, "component_type": 2}
        return await self._create(
            MESSAGE_COMPONENT, user, data, current.get("guild_id"), json.loads(json.dumps(current))
        )

    async def choose(
        self, message: Mapping[str, Any], custom_id: str, values: Sequence[str], *, user: dict[str, Any] | None = None
    ) -> Interaction:
        """A user picks `values` in the select menu `custom_id` on `message`."""
        current = self.messages[str(message["id"])]
        select = self.find_component(current, lambda c: c.get("custom_id") == custom_id)
        offered = {o["value"] for o in select.get("options") or []}
        assert set(values) <= offered, f"{values} not offered in {offered}"
        data = {"custom_id": custom_id, "component_type": 3, "values": list(values)}
        return await self._create(
            MESSAGE_COMPONENT, user, data, current.get("guild_id"), json.loads(json.dumps(current))
        )

    async def say(
        self,
        content: str,
        *,
        user: dict[str, Any] | None = None,
        guild_id: str | None = None,
        mentions: Sequence[dict[str, Any]] = (),
    ) -> dict[str, Any]:
        """A user (or, with a bot user, another bot) writes `content` in the guild's channel. As Discord does, the
        MESSAGE_CREATE goes only to a session that asked for GUILD_MESSAGES, and carries the content only with
        MESSAGE_CONTENT (an intent the bot must also have enabled on the portal: `privileged_intents`) or when the
        message mentions the bot (`mentions` holds `bot_user`; write `<@id>` in `content` as a client does)."""
        user = user or self.users[0]
        guild_id = guild_id or self.guild_ids[0]
        message_id = self._snowflake()
        message: dict[str, Any] = {
            "id": message_id,
            "channel_id": self.channel_ids[guild_id],
            "guild_id": guild_id,
            "type": 0,
            "author": user,
            "member": {"roles": [], "joined_at": "2024-07-26T19:30:00+00:00", "deaf": False, "mute": False},
            "content": content,
            "embeds": [],
            "components": [],
            "attachments": [],
            "timestamp": "2024-07-27T10:00:00+00:00",
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": list(mentions),
            "mention_roles": [],
            "pinned": False,
            "flags": 0,
        }
        self.messages[message_id] = message
        shard = self.shard_of(guild_id)
        live = [s for s in self.sessions.values() if s.shard[0] == shard]
        if live and live[-1].intents & GUILD_MESSAGES:
            to_bot = any(m.get("id") == self.bot_user["id"] for m in mentions)
            seen = message if live[-1].intents & MESSAGE_CONTENT or to_bot else {**message, "content": ""}
            await self.dispatch("MESSAGE_CREATE", seen, guild_id=guild_id)
        return message

    # ------------------------------------------------------------ gateway

    async def dispatch(
        self, event: str, data: dict[str, Any], *, guild_id: str | None = None, session: Session | None = None
    ) -> None:
        """Send a DISPATCH to the session serving `guild_id` (buffered while it is disconnected, replayed on
        RESUME)."""
        if session is None:
            shard = self.shard_of(guild_id) if guild_id else 0
            live = [s for s in self.sessions.values() if s.shard[0] == shard]
            if not live:
                raise AssertionError(f"no session for shard {shard}")
            session = live[-1]
        session.seq += 1
        frame = {"op": 0, "t": event, "s": session.seq, "d": data}
        session.events.append(frame)
        if session.socket is not None and not session.socket.closed:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await session.socket.send_str(json.dumps(frame))
        await self._notify()

    async def drop_gateway(self, shard: int = 0) -> Session:
        """Cut the shard's connection like a network failure: no close frame, the TCP connection just ends."""
        session = next(s for s in self.sessions.values() if s.shard[0] == shard and s.socket is not None)
        request, session.socket, session.request = session.request, None, None
        if request is not None and request.transport is not None:
            request.transport.abort()
        await self._notify()
        return session

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}, "s": None, "t": None})
        session: Session | None = None
        async for msg in ws:
            if msg.type is not WSMsgType.TEXT:
                continue
            frame = json.loads(msg.data)
            op, d = frame.get("op"), frame.get("d")
            if op == 1:
                self.heartbeats += 1
                await ws.send_json({"op": 11, "d": None, "s": None, "t": None})
            elif op == 2:
                session = await self._identify(ws, request, d)
                if session is None:
                    break
            elif op == 6:
                session = await self._resume(ws, request, d)
                if session is None:
                    continue
            await self._notify()
        if session is not None and session.socket is ws:
            session.socket, session.request = None, None
        await self._notify()
        return ws

    async def _identify(self, ws: web.WebSocketResponse, request: web.Request, d: dict[str, Any]) -> Session | None:
        self.identifies.append({k: v for k, v in d.items() if k != "token"})
        if d.get("token") != self.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return None
        intents = int(d.get("intents") or 0)
        privileged = [
            name for bit, name in PRIVILEGED_INTENTS.items() if intents & bit and name not in self.privileged_intents
        ]
        if privileged:
            self.violations.append(f"privileged intents requested: {privileged}")
            await ws.close(code=4014, message=b"Disallowed intent(s).")
            return None
        shard_id, shard_count = d.get("shard") or [0, 1]
        if shard_count != self.shard_count or not 0 <= shard_id < shard_count:
            await ws.close(code=4010, message=b"Invalid shard.")
            return None
        session = Session(secrets.token_hex(16), (shard_id, shard_count), intents, socket=ws, request=request)
        self.sessions[session.id] = session
        guilds = [g for g in self.guild_ids if self.shard_of(g) == shard_id]
        await self.dispatch(
            "READY",
            {
                "v": 10,
                "user": self.bot_user,
                "guilds": [{"id": g, "unavailable": True} for g in guilds],
                "session_id": session.id,
                "resume_gateway_url": self.resume_url,
                "shard": [shard_id, shard_count],
                "application": {"id": self.application_id, "flags": 0},
                "private_channels": [],
                "relationships": [],
                "presences": [],
                "session_type": "normal",
                "geo_ordered_rtc_regions": [],
                "guild_join_requests": [],
            },
            session=session,
        )
        for g in guilds:
            await self.dispatch("GUILD_CREATE", self._guild(g), session=session)
        return session

    async def _resume(self, ws: web.WebSocketResponse, request: web.Request, d: dict[str, Any]) -> Session | None:
        self.resumes.append({k: v for k, v in d.items() if k != "token"})
        self.resume_paths.append(request.path)
        session = self.sessions.get(str(d.get("session_id")))
        if d.get("token") != self.token or session is None:
            await ws.send_json({"op": 9, "d": False, "s": None, "t": None})
            return None
        # Replay what was missed, in order (events dispatched meanwhile are buffered and replayed too), then go live.
        sent = int(d.get("seq") or 0)
        while pending := [f for f in session.events if f["s"] > sent]:
            for frame in pending:
                await ws.send_str(json.dumps(frame))
                sent = frame["s"]
        session.socket, session.request = ws, request
        await self.dispatch("RESUMED", {}, session=session)
        return session

    # ------------------------------------------------------------ REST

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        body, files = await self._body(request)
        record = Recorded(request.method, path, body)
        self.requests.append(record)
        try:
            result = await self._route(request, path, body, files)
        except DiscordError as err:
            record.status, record.code = err.status, err.code
            self.rejections.append(err)
            await self._notify()
            return _json(err.body(), status=err.status)
        await self._notify()
        if result is None:
            return web.Response(status=204)
        return _json(result)

    @staticmethod
    async def _body(request: web.Request) -> tuple[Any, dict[int, tuple[str, bytes]]]:
        files: dict[int, tuple[str, bytes]] = {}
        if request.content_type.startswith("multipart/"):
            body: Any = None
            reader = await request.multipart()
            while (part := await reader.next()) is not None:
                name = getattr(part, "name", None) or ""
                raw = await part.read()  # type: ignore[union-attr]
                if name == "payload_json":
                    body = json.loads(raw)
                elif name.startswith("files["):
                    files[int(name[6:-1])] = (getattr(part, "filename", None) or "file", bytes(raw))
            return body, files
        if request.can_read_body:
            text = await request.text()
            return (json.loads(text) if text else None), files
        return None, files

    def _authorized(self, request: web.Request) -> None:
        if request.headers.get("Authorization") != f"Bot {self.token}":
            raise DiscordError(401, 0, "401: Unauthorized")

    async def _route(self, request: web.Request, path: str, body: Any, files: dict[int, tuple[str, bytes]]) -> Any:
        method, parts = request.method, path.strip("/").split("/")
        app = self.application_id
        if parts[0] == "interactions" and len(parts) == 4 and parts[3] == "callback" and method == "POST":
            return self._callback(parts[1], parts[2], body or {}, files)
        if parts[0] == "webhooks" and len(parts) >= 3:
            if parts[1] != app:
                raise DiscordError(404, 10015, "Unknown Webhook")
            return self._webhook(method, parts[2], parts[3:], body or {}, files)
        self._authorized(request)
        if path == "/users/@me" and method == "GET":
            return self.bot_user
        if path == "/oauth2/applications/@me" and method == "GET":
            return {
                "id": app,
                "name": "Podium",
                "icon": None,
                "description": "",
                "rpc_origins": [],
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": self.users[0],
                "summary": "",
                "verify_key": "0" * 64,
                "team": None,
                "flags": 0,
                "interactions_endpoint_url": None,
            }
        if path == "/gateway" and method == "GET":
            return {"url": self.gateway_url}
        if path == "/gateway/bot" and method == "GET":
            return {
                "url": self.gateway_url,
                "shards": self.shard_count,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 999,
                    "reset_after": 0,
                    "max_concurrency": self.max_concurrency,
                },
            }
        if parts[:2] == ["applications", app] and parts[-1] == "commands":
            guild = parts[3] if len(parts) == 5 and parts[2] == "guilds" else None
            if len(parts) not in (3, 5):
                raise DiscordError(404, 0, "404: Not Found")
            if method == "PUT":
                return self._overwrite(guild, body or [])
            if method == "GET":
                return self.commands.get(guild, [])
        if parts[0] == "channels" and len(parts) == 3 and parts[2] == "messages" and method == "POST":
            problems = message_problems(body or {})
            if problems:
                raise invalid(problems)
            self.violations += [f"channel message: {p}" for p in mention_problems(body or {})]
            return self._message(parts[1], body or {}, interaction=None, attachments=self._attachments(body, files))
        if parts[0] == "channels" and len(parts) == 7 and parts[4] == "reactions" and parts[6] == "@me":
            if method != "PUT":
                raise DiscordError(405, 0, "405: Method Not Allowed")
            message = self.messages.get(parts[3])
            if message is None or message["channel_id"] != parts[1]:
                raise DiscordError(404, 10008, "Unknown Message")
            self.reactions.setdefault(parts[3], []).append(urllib.parse.unquote(parts[5]))
            return None
        if parts[0] == "channels" and len(parts) == 4 and parts[2] == "messages" and method == "GET":
            if parts[3] in self.messages:
                return self.messages[parts[3]]
            raise DiscordError(404, 10008, "Unknown Message")
        self.unhandled.append(f"{method} {path}")
        raise DiscordError(404, 0, "404: Not Found")

    def _overwrite(self, guild: str | None, commands: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if guild is not None and guild not in self.guild_ids:
            raise DiscordError(403, 50001, "Missing Access")
        if len(commands) > 100:
            raise invalid(["more than 100 commands"])
        problems = command_problems(commands)
        if problems:
            raise invalid(problems)
        self.sync_requests.append((guild, commands))
        registered = [
            {
                **c,
                "id": self._snowflake(),
                "application_id": self.application_id,
                "version": self._snowflake(),
                "type": c.get("type", 1),
                **({"guild_id": guild} if guild else {}),
            }
            for c in commands
        ]
        self.commands[guild] = registered
        return registered

    def _attachments(self, body: Any, files: dict[int, tuple[str, bytes]]) -> list[dict[str, Any]]:
        out = []
        for filename, data in (files[k] for k in sorted(files)):
            aid = self._snowflake()
            self.files[aid] = data
            url = f"http://127.0.0.1:{self.port}/attachments/{aid}/{filename}"
            out.append(
                {
                    "id": aid,
                    "filename": filename,
                    "size": len(data),
                    "content_type": "image/png",
                    "url": url,
                    "proxy_url": url,
                }
            )
        return out

    def _interaction(self, ix_id: str, token: str) -> Interaction:
        ix = self.interactions.get(ix_id)
        if ix is None or ix.token != token:
            raise DiscordError(404, 10062, "Unknown interaction")
        return ix

    def _callback(self, ix_id: str, token: str, body: dict[str, Any], files: dict[int, tuple[str, bytes]]) -> Any:
        ix = self._interaction(ix_id, token)
        try:
            return self._respond(ix, body, files)
        except DiscordError as err:
            ix.errors.append(err)
            raise

    def _respond(self, ix: Interaction, body: dict[str, Any], files: dict[int, tuple[str, bytes]]) -> Any:
        if ix.acked:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        if time.monotonic() - ix.created > self.ack_deadline:
            raise DiscordError(404, 10062, "Unknown interaction")
        kind, data = body.get("type"), body.get("data") or {}
        allowed = {
            APPLICATION_COMMAND: {CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, MODAL},
            MESSAGE_COMPONENT: {CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, MODAL},
            AUTOCOMPLETE: {AUTOCOMPLETE_RESULT},
        }[ix.type]
        if kind not in allowed:
            raise invalid([f"type: {kind} is not a valid response to interaction type {ix.type}"])
        if kind == AUTOCOMPLETE_RESULT:
            problems = choice_problems(data.get("choices") or [])
            if problems:
                raise invalid(problems)
        if kind in (CHANNEL_MESSAGE, UPDATE_MESSAGE):
            problems = message_problems(data)
            if problems:
                raise invalid(problems)
            self.violations += [f"interaction {ix.id} response: {p}" for p in mention_problems(data)]
        ix.responses.append(body)
        resource: dict[str, Any] | None = None
        if kind in (CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE):
            flags = int(data.get("flags") or 0)
            if kind == DEFERRED_CHANNEL_MESSAGE:
                flags |= 1 << 7  # loading
            message = self._message(
                self.channel_ids[ix.guild_id],
                {**data, "flags": flags},
                interaction=ix,
                attachments=self._attachments(data, files),
            )
            ix.message_id = message["id"]
            resource = {"type": kind, "message": message}
        elif kind == UPDATE_MESSAGE:
            assert ix.message_id is not None
            message = self._edit(ix.message_id, data, files)
            resource = {"type": kind, "message": message}
        out: dict[str, Any] = {
            "interaction": {
                "id": ix.id,
                "type": ix.type,
                "activity_instance_id": None,
                "response_message_id": ix.message_id,
                "response_message_loading": kind == DEFERRED_CHANNEL_MESSAGE,
                "response_message_ephemeral": bool(int(data.get("flags") or 0) & EPHEMERAL),
            }
        }
        if resource is not None:
            out["resource"] = resource
        return out

    def _edit(self, message_id: str, data: Mapping[str, Any], files: dict[int, tuple[str, bytes]]) -> dict[str, Any]:
        message = self.messages.get(message_id)
        if message is None:
            raise DiscordError(404, 10008, "Unknown Message")
        problems = message_problems({**message, **data})
        if problems:
            raise invalid(problems)
        for key in ("content", "embeds", "components"):
            if key in data:
                message[key] = data[key] if data[key] is not None else ("" if key == "content" else [])
        if "attachments" in data or files:
            kept_ids = {str(a.get("id")) for a in data.get("attachments") or []}
            kept = [a for a in message["attachments"] if a["id"] in kept_ids]
            message["attachments"] = kept + self._attachments(data, files)
        if "flags" in data and data["flags"] is not None:
            message["flags"] = int(data["flags"])
        message["flags"] = int(message.get("flags") or 0) & ~(1 << 7)  # no longer loading
        message["edited_timestamp"] = "2024-07-27T10:00:01+00:00"
        return message

    def _webhook(
        self, method: str, token: str, rest: list[str], body: dict[str, Any], files: dict[int, tuple[str, bytes]]
    ) -> Any:
        ix = next((i for i in self.interactions.values() if i.token == token), None)
        if ix is None:
            raise DiscordError(404, 10015, "Unknown Webhook")
        if not ix.acked:
            # Follow-ups and edits need the interaction answered (or deferred) first.
            raise DiscordError(404, 10015, "Unknown Webhook")
        if not rest and method == "POST":  # follow-up message
            problems = message_problems(body)
            if problems:
                raise invalid(problems)
            self.violations += [f"interaction {ix.id} follow-up: {p}" for p in mention_problems(body)]
            message = self._message(
                self.channel_ids[ix.guild_id], body, interaction=ix, attachments=self._attachments(body, files)
            )
            ix.followups.append(message["id"])
            return message
        if len(rest) == 2 and rest[0] == "messages":
            message_id = ix.message_id if rest[1] == "@original" else rest[1]
            if message_id is None or message_id not in self.messages:
                raise DiscordError(404, 10008, "Unknown Message")
            if method == "GET":
                return self.messages[message_id]
            if method == "PATCH":
                self.violations += [f"interaction {ix.id} edit: {p}" for p in mention_problems(body)]
                return self._edit(message_id, body, files)
            if method == "DELETE":
                self.messages.pop(message_id)
                return None
        self.unhandled.append(f"{method} webhooks/.../{'/'.join(rest)}")
        raise DiscordError(404, 0, "404: Not Found")


# ---------------------------------------------------------------- the real bot process


class BotProcess:
    """`python -m bot run` (or `sync`) as a user runs it, pointed at the loopback through its environment.

    The process runs in a work directory of its own (`workdir`, else a scratch directory made for it, removed at
    `stop`), so no stray `.env` is read, and keeps its parsed-index cache and its quiz database there
    (`podium.sqlite3`, unless `env` names another `PODIUM_QUIZ__DATABASE_URL`): a test bot never creates, migrates
    or recovers games in the developer's `var/podium.sqlite3`. Its output is collected in `output`."""

    def __init__(
        self,
        loopback: LoopbackDiscord,
        *,
        args: Sequence[str] = ("run",),
        sync: bool = True,
        env: Mapping[str, str] | None = None,
        workdir: Path | None = None,
    ) -> None:
        self.loopback = loopback
        self.args = list(args)
        self.sync = sync
        self.extra_env = dict(env or {})
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        if workdir is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="podium-bot-")
            workdir = Path(self._scratch.name)
        self.workdir = workdir
        self.process: asyncio.subprocess.Process | None = None
        self.output: list[str] = []
        self._reader: asyncio.Task[None] | None = None

    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PODIUM_") and k != "DISCORD_TOKEN"}
        env.update(self.loopback.env())
        env["PODIUM_DISCORD__DEV_GUILD_IDS"] = json.dumps([int(g) for g in self.loopback.guild_ids])
        env["PODIUM_DISCORD__SYNC_ON_START"] = "true" if self.sync else "false"
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
        env["PYTHONUNBUFFERED"] = "1"
        env["MPLBACKEND"] = "Agg"
        env["PODIUM_CACHE_DIR"] = str(self.workdir / "cache")  # the bot's own cache, not the developer's
        env["PODIUM_QUIZ__DATABASE_URL"] = self.database_url  # the bot's own database, not the developer's
        env.update(self.extra_env)
        return env

    @property
    def database_url(self) -> str:
        """The quiz database the bot uses: in its work directory unless the test's `env` chose one."""
        default = f"sqlite+aiosqlite:///{self.workdir / 'podium.sqlite3'}"
        return self.extra_env.get("PODIUM_QUIZ__DATABASE_URL", default)

    async def __aenter__(self) -> BotProcess:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            *self.args,
            env=self.environment(),
            cwd=str(self.workdir),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        while line := await self.process.stdout.readline():
            self.output.append(line.decode(errors="replace").rstrip("\n"))

    @property
    def text(self) -> str:
        return "\n".join(self.output)

    async def watch(self, waiting: Awaitable[T]) -> T:
        """Await `waiting`, but fail at once (with the bot's output) if the bot process exits meanwhile."""
        assert self.process is not None
        task = asyncio.ensure_future(waiting)
        exited = asyncio.ensure_future(self.process.wait())
        try:
            await asyncio.wait({task, exited}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            exited.cancel()
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            if self._reader is not None:
                await self._reader
            raise AssertionError(f"the bot exited with {self.process.returncode}:\n{self.text[-4000:]}")
        return task.result()

    async def wait_exit(self, timeout: float = 20.0) -> int:
        assert self.process is not None
        async with asyncio.timeout(timeout):
            code = await self.process.wait()
        if self._reader is not None:
            await self._reader
        return code

    async def stop(self, timeout: float = 10.0) -> int | None:
        """SIGTERM, as a service manager stops it; killed if it does not exit in time. The scratch work directory
        (if one was made) is removed."""
        try:
            return await self._stop(timeout)
        finally:
            if self._scratch is not None:
                self._scratch.cleanup()

    async def _stop(self, timeout: float) -> int | None:
        if self.process is None:
            return None
        if self.process.returncode is None:
            self.process.terminate()
            try:
                async with asyncio.timeout(timeout):
                    await self.process.wait()
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
        if self._reader is not None:
            await self._reader
        return self.process.returncode
