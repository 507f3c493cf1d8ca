"""Starting up: endpoints from settings, sharding, explicit command sync (guild and global)."""

from __future__ import annotations

from pathlib import Path

import discord
import pytest
import yarl

from bot.core import Podium
from bot.discord import app
from bot.discord.context import BotContext
from bot.settings import SettingsError, load_settings
from tests.discord.loopback import LoopbackDiscord


@pytest.fixture
def endpoints(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a test sets on discord.py's endpoints is put back afterwards."""
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    )


def test_endpoints_come_from_settings(endpoints: None) -> None:
    settings = load_settings(
        discord={"api_base_url": "http://127.0.0.1:9/api/v10/", "gateway_url": "ws://127.0.0.1:9/gw"}
    )
    app.apply_endpoints(settings.discord)
    assert discord.http.Route("GET", "/users/@me").url == "http://127.0.0.1:9/api/v10/users/@me"
    assert yarl.URL("ws://127.0.0.1:9/gw") == discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY


@pytest.mark.parametrize(
    ("discord_settings", "said"),
    [
        ({"gateway_url": "http://nope"}, "discord.gateway_url (PODIUM_DISCORD__GATEWAY_URL): must be a ws://"),
        ({"api_base_url": "ftp://nope"}, "discord.api_base_url (PODIUM_DISCORD__API_BASE_URL): must be a http://"),
        ({"api_base_url": "http:///api/v10"}, "must be a http:// or https:// URL"),  # no host
        ({"shard_ids": [0, 1]}, "discord.shard_ids (PODIUM_DISCORD__SHARD_IDS): shard_ids needs shard_count"),
        ({"shard_count": 2, "shard_ids": [2]}, "shard ids run from 0 to 1 with shard_count 2"),
        ({"shard_count": 2, "shard_ids": [1, 1]}, "a shard id is listed twice"),
        ({"shard_count": 0}, "discord.shard_count (PODIUM_DISCORD__SHARD_COUNT): Input should be greater than 0"),
    ],
)
def test_settings_discord_py_would_refuse_are_refused_at_load(discord_settings: dict[str, object], said: str) -> None:
    with pytest.raises(SettingsError) as refused:
        load_settings(discord=discord_settings)
    assert said in str(refused.value) and "\n" not in str(refused.value)


def test_unset_endpoints_leave_discord_alone(endpoints: None) -> None:
    before = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    app.apply_endpoints(load_settings(discord={"api_base_url": None, "gateway_url": None}).discord)
    assert before == (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)


def test_shard_settings_make_an_auto_sharded_client(podium: Podium) -> None:
    settings = load_settings(discord={"shard_count": 4, "shard_ids": [2, 3]})
    client = app.build_client(BotContext(podium, settings))
    assert isinstance(client, discord.AutoShardedClient)
    assert client.shard_count == 4 and client.shard_ids == [2, 3]
    plain = app.build_client(BotContext(podium, load_settings(discord={"shard_count": None, "shard_ids": None})))
    assert not isinstance(plain, discord.AutoShardedClient)


async def test_sync_goes_to_dev_guilds_else_global(podium: Podium, endpoints: None) -> None:
    async with LoopbackDiscord(guild_count=2) as loopback:
        guilds = [int(g) for g in loopback.guild_ids]
        settings = load_settings(discord={"api_base_url": loopback.api_base_url, "dev_guild_ids": guilds})
        app.apply_endpoints(settings.discord)
        client = app.build_client(BotContext(podium, settings))
        async with client:
            await client.login(loopback.token)
            said = await app.sync_commands(client.tree, settings)
            assert said == "synced 12 commands to 2 development guild(s)"
            assert [g for g, _ in loopback.sync_requests] == loopback.guild_ids
            assert None not in loopback.commands
            said = await app.sync_commands(client.tree, settings, force_global=True)
            assert said.startswith("synced 12 global commands")
            assert {c["name"] for c in loopback.commands[None]} == {c.name for c in client.tree.get_commands()}
        assert not loopback.rejections and not loopback.identifies  # REST only, no gateway


def test_run_bot_needs_a_token(tmp_path: Path) -> None:
    settings = load_settings().model_copy(update={"discord_token": None})
    assert app.run_bot(settings, tmp_path) == 2
    assert app.sync_main(settings, tmp_path) == 2
