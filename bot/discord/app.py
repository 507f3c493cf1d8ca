"""Starting the Discord face: the client, its endpoints (real Discord or proxies), sharding, and command sync.

Command sync is explicit: `python -m bot sync`, or `discord.sync_on_start = true`, which syncs once per process
start (in `setup_hook`, before the gateway connects), never on `on_ready`, which fires again on every reconnect.
With `dev_guild_ids` the commands go to those guilds (instant); without, they are registered globally.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
import discord
import yarl
from discord import app_commands

from bot.core import Podium
from bot.discord import about, ask, athletes, chart, flow, medals, quiz, results
from bot.discord.context import BotContext
from bot.discord.tree import PodiumTree
from bot.errors import PodiumError, hide_password
from bot.settings import DiscordSettings, Settings

log = logging.getLogger(__name__)

Setup = Callable[[app_commands.CommandTree[Any], BotContext], None]

# One module per command group; each has `setup(tree, ctx)` (see bot/discord/__init__.py to add one).
# `ask` last: its mention listener runs after the `on_message` another group installed.
GROUPS: tuple[Setup, ...] = (
    results.setup, athletes.setup, chart.setup, about.setup, quiz.setup, medals.setup, ask.setup,
)  # fmt: skip


def intents(settings: DiscordSettings) -> discord.Intents:
    """Slash commands need no intents; `guilds` keeps guild and channel objects; guild messages (not privileged)
    deliver messages that mention the bot, with their content: questions asked by mention. Nothing privileged
    unless the `message_content` setting asks for it: then typed quiz answers may be written in the channel
    (`mode=typed`), which needs, privileged, the content of every message."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = settings.ask_by_mention
    if settings.message_content:
        wanted.guild_messages = True
        wanted.message_content = True
    return wanted


def client_options(settings: Settings) -> dict[str, Any]:
    options: dict[str, Any] = {
        "intents": intents(settings.discord),
        "allowed_mentions": discord.AllowedMentions.none(),
        "member_cache_flags": discord.MemberCacheFlags.none(),
        "chunk_guilds_at_startup": False,
    }
    if is_sharded(settings.discord):
        options["shard_count"] = settings.discord.shard_count
        options["shard_ids"] = settings.discord.shard_ids
    return options


def is_sharded(settings: DiscordSettings) -> bool:
    return settings.shard_count is not None or settings.shard_ids is not None


def install(tree: app_commands.CommandTree[Any], ctx: BotContext, groups: tuple[Setup, ...] = GROUPS) -> None:
    for setup in groups:
        setup(tree, ctx)


async def _setup_hook(client: PodiumClient | ShardedPodiumClient) -> None:
    client.add_dynamic_items(*flow.DYNAMIC_ITEMS)
    if client.sync_on_start:
        await sync_commands(client.tree, client.podium_ctx.settings)


class PodiumClient(discord.Client):
    def __init__(self, ctx: BotContext, *, sync_on_start: bool = False, groups: tuple[Setup, ...] = GROUPS) -> None:
        super().__init__(**client_options(ctx.settings))
        self.podium_ctx = ctx
        self.sync_on_start = sync_on_start
        self.tree = PodiumTree(self)
        install(self.tree, ctx, groups)

    async def setup_hook(self) -> None:
        await _setup_hook(self)


class ShardedPodiumClient(discord.AutoShardedClient):
    """One process serving many shards: `shard_count` shards, or only `shard_ids` of them when several processes
    split the work.

    At start-up, shards identify as fast as Discord allows: `max_concurrency` at once (one per bucket
    `shard_id % max_concurrency`, each bucket once per 5 s), where discord.py would wait 5 s between every two.
    Re-identifying after start-up keeps discord.py's cautious 5 s."""

    IDENTIFY_WINDOW = 5.0

    def __init__(self, ctx: BotContext, *, sync_on_start: bool = False, groups: tuple[Setup, ...] = GROUPS) -> None:
        super().__init__(**client_options(ctx.settings))
        self.podium_ctx = ctx
        self.sync_on_start = sync_on_start
        self.tree = PodiumTree(self)
        install(self.tree, ctx, groups)
        self.identify_concurrency = 1
        self._launched = False

    async def setup_hook(self) -> None:
        await _setup_hook(self)
        try:
            _, _, limits = await self.http.get_bot_gateway()
            self.identify_concurrency = max(int(limits.get("max_concurrency", 1)), 1)
        except (discord.HTTPException, discord.GatewayNotFound, KeyError, TypeError, ValueError):
            log.warning("could not read max_concurrency from /gateway/bot: identifying one shard per 5 s")

    async def launch_shards(self) -> None:
        await super().launch_shards()
        self._launched = True

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        starting = not self._launched and shard_id is not None
        if initial or (starting and shard_id % self.identify_concurrency != 0):  # type: ignore[operator]
            return
        await asyncio.sleep(self.IDENTIFY_WINDOW)


def build_client(ctx: BotContext, *, sync_on_start: bool = False) -> PodiumClient | ShardedPodiumClient:
    if is_sharded(ctx.settings.discord):
        return ShardedPodiumClient(ctx, sync_on_start=sync_on_start)
    return PodiumClient(ctx, sync_on_start=sync_on_start)


def apply_endpoints(settings: DiscordSettings) -> None:
    """Point discord.py at a REST proxy and a gateway proxy (or a loopback): discord.py builds every REST URL
    from `discord.http.Route.BASE` (interaction callbacks and webhooks included) and connects the gateway to
    `DiscordWebSocket.DEFAULT_GATEWAY` (resumes then use the `resume_gateway_url` the gateway sent). The settings
    checked both URLs when they were loaded."""
    if settings.api_base_url:
        discord.http.Route.BASE = settings.api_base_url.rstrip("/")
    if settings.gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


async def sync_commands(tree: app_commands.CommandTree[Any], settings: Settings, *, force_global: bool = False) -> str:
    """Register the commands: in each development guild (instant), else globally (may take a while to show)."""
    guilds = [] if force_global else settings.discord.dev_guild_ids
    if guilds:
        for guild_id in guilds:
            guild = discord.Object(id=guild_id)
            tree.copy_global_to(guild=guild)
            synced = await tree.sync(guild=guild)
            log.info("synced %d commands to guild %s", len(synced), guild_id)
        return f"synced {len(tree.get_commands())} commands to {len(guilds)} development guild(s)"
    synced = await tree.sync()
    log.info("synced %d global commands", len(synced))
    return f"synced {len(synced)} global commands (they can take a while to appear)"


def configure_logging(level: str) -> None:
    """discord.py's log format, coloured only on a terminal (discord.py colours inside any Docker container, so
    a log piped to a file would hold ANSI codes)."""
    handler = logging.StreamHandler(sys.stderr)
    formatter: logging.Formatter | None = None
    if not sys.stderr.isatty():
        formatter = logging.Formatter("[{asctime}] [{levelname:<8}] {name}: {message}", "%Y-%m-%d %H:%M:%S", style="{")
    if formatter is None:
        discord.utils.setup_logging(handler=handler, level=logging.getLevelName(level.upper()), root=True)
    else:
        discord.utils.setup_logging(
            handler=handler, formatter=formatter, level=logging.getLevelName(level.upper()), root=True
        )


class DiscordUnreachable(PodiumError):
    """Discord (or the configured REST or gateway proxy) could not be reached."""

    def __init__(self, settings: DiscordSettings, error: BaseException) -> None:
        where = settings.api_base_url or settings.gateway_url or "Discord"
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        super().__init__(
            f"Cannot reach {hide_password(where)}: {hide_password(reason)} (check the network and proxies)."
        )


# What a connection that cannot be made raises, from aiohttp or the socket underneath.
UNREACHABLE = (aiohttp.ClientError, OSError, TimeoutError, discord.GatewayNotFound)


def _token(settings: Settings) -> str | None:
    return settings.discord_token.get_secret_value().strip() if settings.discord_token else None


async def _serve(client: PodiumClient | ShardedPodiumClient, token: str) -> int:
    loop = asyncio.get_running_loop()
    stopping: list[asyncio.Task[None]] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # platforms without signal support
            loop.add_signal_handler(sig, lambda: stopping.append(loop.create_task(client.close())))
    try:
        async with client:
            await client.start(token)
    except discord.LoginFailure:
        log.error("Discord rejected the token in DISCORD_TOKEN: check it on the developer portal (Bot > Token)")
        return 1
    except discord.PrivilegedIntentsRequired:
        log.error("a privileged intent is enabled in settings but not on the developer portal")
        return 1
    except PodiumError as err:  # the quiz database cannot be opened, say: the reason, not a traceback
        log.error("%s", err)
        return 1
    except UNREACHABLE as err:
        log.error("%s", DiscordUnreachable(client.podium_ctx.settings.discord, err))
        return 1
    return 0


def run_bot(settings: Settings, data_dir: Path) -> int:
    """Connect to Discord (or the configured proxies) and answer until stopped. Returns the exit code."""
    token = _token(settings)
    if not token:
        print("DISCORD_TOKEN is not set: the bot needs its token (see README)", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    apply_endpoints(settings.discord)
    podium = Podium.load(data_dir, cache_dir=settings.cache_dir)  # warm start from the parsed-index cache
    log.info("loaded %d events, %d athletes, %d problems from %s", len(podium.index.events),
             len(podium.index.athletes), len(podium.problems), data_dir)  # fmt: skip
    client = build_client(BotContext(podium, settings), sync_on_start=settings.discord.sync_on_start)
    return asyncio.run(_serve(client, token))


async def _sync_once(client: PodiumClient | ShardedPodiumClient, token: str, force_global: bool) -> str:
    async with client:
        await client.login(token)  # REST only: no gateway connection is needed to sync
        return await sync_commands(client.tree, client.podium_ctx.settings, force_global=force_global)


def sync_main(settings: Settings, data_dir: Path, *, force_global: bool = False) -> int:
    """`python -m bot sync`: register the slash commands once, then exit."""
    token = _token(settings)
    if not token:
        print("DISCORD_TOKEN is not set: syncing needs the bot's token", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    apply_endpoints(settings.discord)
    podium = Podium.load(data_dir, cache_dir=settings.cache_dir)
    client = build_client(BotContext(podium, settings), sync_on_start=False)
    try:
        print(asyncio.run(_sync_once(client, token, force_global)))
    except discord.LoginFailure:
        log.error("Discord rejected the token in DISCORD_TOKEN")
        return 1
    except discord.HTTPException as err:  # Discord answered, but refused (missing scope, rate limit...)
        log.error("Discord refused the sync: %s", hide_password(str(err)))
        return 1
    except UNREACHABLE as err:
        log.error("%s", DiscordUnreachable(settings.discord, err))
        return 1
    return 0
