"""The loopback enforces Discord's rules: otherwise the end-to-end suite could not fail where Discord would."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import pytest_asyncio

from tests.discord.loopback import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    CHANNEL_MESSAGE,
    ROOT,
    BotProcess,
    LoopbackDiscord,
)

OK_MESSAGE = {"content": "hi", "allowed_mentions": {"parse": []}}


@pytest_asyncio.fixture
async def loop() -> AsyncIterator[tuple[LoopbackDiscord, aiohttp.ClientSession]]:
    async with LoopbackDiscord() as discord, aiohttp.ClientSession() as http:
        yield discord, http


async def post(http: aiohttp.ClientSession, url: str, body: Any) -> tuple[int, dict[str, Any]]:
    async with http.post(url, json=body) as response:
        return response.status, await response.json(content_type=None)


def callback(discord: LoopbackDiscord, ix: Any) -> str:
    return f"{discord.api_base_url}/interactions/{ix.id}/{ix.token}/callback?with_response=1"


async def test_a_first_response_after_3_seconds_is_an_unknown_interaction(loop: Any) -> None:
    discord, http = loop
    ix = discord.build(APPLICATION_COMMAND, discord.command_data("podium", {"query": "x"}))
    ix.created -= 3.5  # Discord's clock ran out while the bot thought
    status, body = await post(http, callback(discord, ix), {"type": CHANNEL_MESSAGE, "data": OK_MESSAGE})
    assert (status, body["code"]) == (404, 10062)
    assert not ix.acked


async def test_a_second_acknowledgement_is_refused(loop: Any) -> None:
    discord, http = loop
    ix = discord.build(APPLICATION_COMMAND, discord.command_data("podium", {"query": "x"}))
    status, body = await post(http, callback(discord, ix), {"type": CHANNEL_MESSAGE, "data": OK_MESSAGE})
    assert status == 200 and body["resource"]["message"]["content"] == "hi"
    status, body = await post(http, callback(discord, ix), {"type": CHANNEL_MESSAGE, "data": OK_MESSAGE})
    assert (status, body["code"]) == (400, 40060)


async def test_more_than_25_choices_or_an_oversized_embed_is_an_invalid_form_body(loop: Any) -> None:
    discord, http = loop
    ix = discord.build(AUTOCOMPLETE, discord.command_data("podium", {"query": "x"}, focused="query"))
    choices = [{"name": f"c{n}", "value": f"v{n}"} for n in range(26)]
    status, body = await post(http, callback(discord, ix), {"type": 8, "data": {"choices": choices}})
    assert (status, body["code"]) == (400, 50035)
    ix = discord.build(APPLICATION_COMMAND, discord.command_data("podium", {"query": "x"}))
    big = {"embeds": [{"title": "t", "description": "d" * 4097}], "allowed_mentions": {"parse": []}}
    status, body = await post(http, callback(discord, ix), {"type": CHANNEL_MESSAGE, "data": big})
    assert (status, body["code"]) == (400, 50035)
    total = {"embeds": [{"description": "d" * 4000}, {"description": "d" * 2001}], "allowed_mentions": {"parse": []}}
    status, body = await post(http, callback(discord, ix), {"type": CHANNEL_MESSAGE, "data": total})
    assert (status, body["code"]) == (400, 50035)
    assert not ix.acked  # a rejected response acknowledges nothing


async def test_mentions_are_recorded_as_violations(loop: Any) -> None:
    discord, http = loop
    ix = discord.build(APPLICATION_COMMAND, discord.command_data("podium", {"query": "x"}))
    status, _ = await post(http, callback(discord, ix), {"type": CHANNEL_MESSAGE, "data": {"content": "@everyone"}})
    assert status == 200  # Discord would accept it, and ping everyone
    assert discord.violations and "allowed_mentions missing" in discord.violations[0]


async def test_webhook_edits_need_an_acknowledged_interaction(loop: Any) -> None:
    discord, http = loop
    ix = discord.build(APPLICATION_COMMAND, discord.command_data("podium", {"query": "x"}))
    url = f"{discord.api_base_url}/webhooks/{discord.application_id}/{ix.token}/messages/@original"
    async with http.patch(url, json=OK_MESSAGE) as response:
        assert (response.status, (await response.json())["code"]) == (404, 10015)


async def test_rest_needs_the_bot_token_and_unknown_routes_are_noted(loop: Any) -> None:
    discord, http = loop
    async with http.get(discord.api_base_url + "/users/@me") as response:
        assert response.status == 401
    headers = {"Authorization": f"Bot {discord.token}"}
    async with http.get(discord.api_base_url + "/users/@me", headers=headers) as response:
        assert response.headers["Content-Type"] == "application/json"
        assert (await response.json())["id"] == discord.application_id
    async with http.get(discord.api_base_url + "/guilds/1/members", headers=headers) as response:
        assert response.status == 404
    assert discord.unhandled == ["GET /guilds/1/members"]


async def test_command_schemas_are_validated(loop: Any) -> None:
    discord, http = loop
    headers = {"Authorization": f"Bot {discord.token}"}
    url = f"{discord.api_base_url}/applications/{discord.application_id}/commands"
    bad = [{"name": "Podium", "description": "", "options": [
        {"type": 3, "name": "b", "description": "x", "required": False},
        {"type": 3, "name": "a", "description": "x", "required": True}]}]  # fmt: skip
    async with http.put(url, json=bad, headers=headers) as response:
        body = await response.json()
    assert (response.status, body["code"]) == (400, 50035)
    assert len(body["errors"]["_problems"]) == 3


async def test_gateway_refuses_privileged_intents_and_bad_tokens(loop: Any) -> None:
    discord, http = loop
    for token, intents, code in ((discord.token, 1 << 15, 4014), ("wrong", 1, 4004)):
        async with http.ws_connect(discord.gateway_url) as ws:
            hello = await ws.receive_json(timeout=5)
            assert hello["op"] == 10
            await ws.send_json({"op": 2, "d": {"token": token, "intents": intents, "properties": {}}})
            closing = await ws.receive(timeout=5)
            assert closing.type is aiohttp.WSMsgType.CLOSE and closing.data == code


async def test_identify_ready_heartbeat_and_resume_with_replay(loop: Any) -> None:
    discord, http = loop
    async with http.ws_connect(discord.gateway_url) as ws:
        await ws.receive_json(timeout=5)
        await ws.send_json({"op": 2, "d": {"token": discord.token, "intents": 1, "properties": {}}})
        ready = await ws.receive_json(timeout=5)
        assert ready["t"] == "READY" and ready["d"]["resume_gateway_url"] == discord.resume_url
        assert (await ws.receive_json(timeout=5))["t"] == "GUILD_CREATE"
        await ws.send_json({"op": 1, "d": 2})
        assert (await ws.receive_json(timeout=5))["op"] == 11
    session = ready["d"]["session_id"]
    await discord.wait_for(lambda: all(s.socket is None for s in discord.sessions.values()), "the socket to close")
    missed = discord.build(APPLICATION_COMMAND, discord.command_data("podium", {"query": "x"}))
    await discord.dispatch("INTERACTION_CREATE", missed.payload, guild_id=missed.guild_id)  # while disconnected
    async with http.ws_connect(discord.resume_url) as ws:
        await ws.receive_json(timeout=5)
        await ws.send_json({"op": 6, "d": {"token": discord.token, "session_id": session, "seq": 2}})
        replayed = await ws.receive_json(timeout=5)
        assert replayed["t"] == "INTERACTION_CREATE" and replayed["d"]["id"] == missed.id
        assert (await ws.receive_json(timeout=5))["t"] == "RESUMED"
    async with http.ws_connect(discord.resume_url) as ws:
        await ws.receive_json(timeout=5)
        await ws.send_json({"op": 6, "d": {"token": discord.token, "session_id": "nope", "seq": 1}})
        invalid = await ws.receive_json(timeout=5)
        assert invalid == {"op": 9, "d": False, "s": None, "t": None}
    assert json.dumps(discord.resumes)  # recorded, without the token
    assert all("token" not in r for r in discord.resumes + discord.identifies)


def test_a_test_bot_keeps_its_database_and_cache_in_its_own_work_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The developer's own settings never leak into a test bot.
    monkeypatch.setenv("PODIUM_QUIZ__DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'podium.sqlite3'}")
    discord = LoopbackDiscord()
    env = BotProcess(discord, workdir=tmp_path).environment()
    assert env["PODIUM_QUIZ__DATABASE_URL"] == f"sqlite+aiosqlite:///{tmp_path / 'podium.sqlite3'}"
    assert env["PODIUM_CACHE_DIR"] == str(tmp_path / "cache")
    # Without a work directory, a scratch one of its own (removed when the bot stops).
    scratch = BotProcess(discord)
    url = scratch.environment()["PODIUM_QUIZ__DATABASE_URL"]
    assert url.endswith(str(scratch.workdir / "podium.sqlite3")) and not scratch.workdir.is_relative_to(ROOT)
    asyncio.run(scratch.stop())
    assert not scratch.workdir.exists()
    # A test that wants another database still says so.
    chosen = BotProcess(discord, env={"PODIUM_QUIZ__DATABASE_URL": "sqlite:///x.sqlite3"}, workdir=tmp_path)
    assert chosen.environment()["PODIUM_QUIZ__DATABASE_URL"] == "sqlite:///x.sqlite3"
