"""End to end: the real bot process (`python -m bot run`, as a user starts it) against the loopback Discord.

One bot process serves the module (a restart test starts a second one). Every wait is bounded; nothing sleeps.
After each test: the loopback rejected nothing the bot sent, and no message could have mentioned anyone.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from tests.discord.loopback import (
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    EPHEMERAL,
    PRIVILEGED_INTENTS,
    UPDATE_MESSAGE,
    BotProcess,
    Interaction,
    LoopbackDiscord,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")

COOLDOWN_RATE = 4
BOT_ENV = {
    "PODIUM_LOG_LEVEL": "DEBUG",  # the most talkative logs, to check the token never appears in them
    "PODIUM_DISCORD__COOLDOWN_RATE": str(COOLDOWN_RATE),
    "PODIUM_DISCORD__COOLDOWN_SECONDS": "600",
}


class World:
    def __init__(self, discord: LoopbackDiscord, bot: BotProcess) -> None:
        self.discord, self.bot = discord, bot
        self.outputs: list[str] = []

    def user(self, n: int) -> dict[str, Any]:
        return self.discord.users[n]

    async def answer(self, ix: Interaction) -> dict[str, Any]:
        return await self.bot.watch(self.discord.wait_response(ix))

    async def message(self, ix: Interaction, predicate: Any = None) -> dict[str, Any]:
        return await self.bot.watch(self.discord.wait_message(ix, predicate))


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    async with LoopbackDiscord() as discord:
        bot = BotProcess(discord, sync=True, env=BOT_ENV, workdir=tmp_path_factory.mktemp("bot"))
        await bot.start()
        world = World(discord, bot)
        try:
            await bot.watch(discord.wait_ready())
            yield world
        finally:
            await world.bot.stop()  # the bot running now (a test restarts it)
            world.outputs.append(world.bot.text)
        for text in world.outputs:
            assert discord.token not in text, "the token was logged"


@pytest.fixture(autouse=True)
def discord_was_happy(world: World) -> Any:
    yield
    d = world.discord
    assert not d.violations, d.violations
    assert not d.rejections, [e.body() for e in d.rejections]
    assert not d.unhandled, d.unhandled


def embed(message: dict[str, Any]) -> dict[str, Any]:
    assert len(message["embeds"]) == 1, message
    return dict(message["embeds"][0])


def custom_ids(message: dict[str, Any]) -> list[str]:
    return [c["custom_id"] for row in message["components"] for c in row["components"] if "custom_id" in c]


# ---------------------------------------------------------------- connect and sync


async def test_connects_without_privileged_intents_and_syncs_command_schemas(world: World) -> None:
    d = world.discord
    intents = int(d.identifies[0]["intents"])
    assert intents & 1, "the guilds intent"
    assert not any(intents & bit for bit in PRIVILEGED_INTENTS)
    assert d.heartbeats >= 1
    # Synced once, at start, to the development guild (instant), and not globally.
    assert [guild for guild, _ in d.sync_requests] == [d.guild_ids[0]]
    commands = {c["name"]: c for c in d.commands[d.guild_ids[0]]}
    assert set(commands) == {
        "event",
        "podium",
        "athlete",
        "compare",
        "records",
        "chart",
        "about",
        "quiz",
        "ask",
        "medals",
        "nation",
        "games",
    }

    def schema(name: str) -> list[tuple[str, int, bool, bool]]:
        return [(o["name"], o["type"], o.get("required", False), o.get("autocomplete", False))
                for o in commands[name].get("options", [])]  # fmt: skip

    assert schema("event") == [("query", 3, True, True), ("round", 3, False, True)]
    assert schema("podium") == schema("records") == [("query", 3, True, True)]
    assert schema("athlete") == [("name", 3, True, True)]
    assert schema("compare") == [("athlete_a", 3, True, True), ("athlete_b", 3, True, True)]
    assert schema("chart") == [("query", 3, True, True), ("kind", 3, False, False)]
    assert [c["value"] for c in commands["chart"]["options"][1]["choices"]] == ["gaps", "splits"]
    assert schema("about") == []
    assert commands["event"]["options"][0]["max_length"] == 100


# ---------------------------------------------------------------- answers


async def test_podium_answers_with_the_medalists_source_and_link(world: World) -> None:
    ix = await world.discord.invoke("podium", {"query": "1992 time trial"}, user=world.user(0))
    response = await world.answer(ix)
    assert response["type"] == CHANNEL_MESSAGE
    assert response["data"]["allowed_mentions"] == {"parse": []}
    message = await world.message(ix)
    e = embed(message)
    assert e["title"] == "Cycling at the 1992 Summer Olympics – Men's track time trial"
    assert e["url"].startswith("https://en.wikipedia.org/wiki/Cycling_at_the_1992_Summer_Olympics")
    lines = e["description"].splitlines()
    medal_lines = [line for line in lines if line.startswith(("🥇", "🥈", "🥉"))]
    assert [line.split("**")[1] for line in medal_lines] == ["José Manuel Moreno", "Shane Kelly", "Erin Hartwell"]
    assert "🇪🇸 Spain" in medal_lines[0] and "1:03.342" in medal_lines[0]
    assert "margin +0.946" in medal_lines[1]
    assert "cycling_1992_mens_track_time_trial.txt" in e["footer"]["text"]
    assert e["fields"][0]["name"] == "Source" and e["url"] in e["fields"][0]["value"]
    assert not message["flags"] & EPHEMERAL and not message["components"]


async def test_event_shows_ties_and_pages_with_buttons_only_for_the_asker(world: World) -> None:
    d = world.discord
    ix = await d.invoke("event", {"query": "1932 time trial"}, user=world.user(0))
    tied = embed(await world.message(ix))["description"]
    assert "`=4` **William Harvell**" in tied and "`=4` **Luigi Consonni**" in tied
    assert "`1` 🥇 **Dunc Gray** · 🇦🇺 Australia · 1:13.0" in tied

    owner = world.user(1)
    ix = await d.invoke("event", {"query": "walk"}, user=owner)
    first = await world.message(ix)
    assert embed(first)["footer"]["text"].startswith("Page 1/3")
    previous, following = custom_ids(first)
    assert d.find_component(first, lambda c: c.get("custom_id") == previous)["disabled"] is True

    # Someone else presses "next": a polite ephemeral refusal, the message stays as it was.
    stranger = await d.click(first, following, user=world.user(2))
    refusal = await world.answer(stranger)
    assert refusal["type"] == CHANNEL_MESSAGE and refusal["data"]["flags"] & EPHEMERAL
    assert "belong to the person who asked" in refusal["data"]["content"]
    assert embed(d.messages[first["id"]])["footer"]["text"].startswith("Page 1/3")

    # The asker pages forward twice: the message is updated in place.
    turn = await d.click(first, following, user=owner)
    assert (await world.answer(turn))["type"] == UPDATE_MESSAGE
    second = d.messages[first["id"]]
    assert embed(second)["footer"]["text"].startswith("Page 2/3")
    turn = await d.click(second, custom_ids(second)[1], user=owner)
    await world.answer(turn)
    last = d.messages[first["id"]]
    text = embed(last)["description"]
    assert embed(last)["footer"]["text"].startswith("Page 3/3")
    # Rows listed without a result come last and say so.
    assert "**Saleumphone Sopraseut** · *no result listed (status unknown)*" in text
    assert d.find_component(last, lambda c: c.get("label", "").startswith("Next"))["disabled"] is True


async def test_autocomplete_stays_within_discord_limits(world: World) -> None:
    d = world.discord
    empty = await world.bot.watch(d.autocomplete("event", {"query": ""}, "query"))
    assert 1 <= len(empty) <= 25
    many = await world.bot.watch(d.autocomplete("athlete", {"name": ""}, "name"))
    assert len(many) == 25  # more athletes than Discord allows: cut to 25
    assert len({c["value"] for c in many}) == 25
    fuzzy = await world.bot.watch(d.autocomplete("podium", {"query": "time trial"}, "query"))
    assert {c["value"] for c in fuzzy} == {"cycling-1992-mens-track-time-trial", "cycling-1932-mens-track-time-trial"}
    long = await world.bot.watch(d.autocomplete("athlete", {"name": "a" * 100}, "name"))
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in [*empty, *many, *fuzzy, *long])
    # A picked suggestion's value answers exactly.
    ix = await d.invoke("records", {"query": fuzzy[0]["value"]}, user=world.user(3))
    assert embed(await world.message(ix))["title"].startswith("Records — Cycling at the")


async def test_an_ambiguous_query_is_resolved_through_the_picker(world: World) -> None:
    d = world.discord
    owner = world.user(4)
    ix = await d.invoke("podium", {"query": "time trial"}, user=owner)
    response = await world.answer(ix)
    assert response["type"] == CHANNEL_MESSAGE and not response["data"].get("flags", 0) & EPHEMERAL
    picker = await world.message(ix)
    assert "fits 2 events" in picker["content"]
    (select_id,) = custom_ids(picker)
    select = d.find_component(picker, lambda c: c.get("type") == 3)
    labels = {o["label"]: o for o in select["options"]}
    assert set(labels) == {
        "Cycling at the 1992 Summer Olympics – Men's track time trial",
        "Cycling at the 1932 Summer Olympics – Men's track time trial",
    }
    chosen = labels["Cycling at the 1932 Summer Olympics – Men's track time trial"]["value"]

    stranger = await d.choose(picker, select_id, [chosen], user=world.user(5))
    assert (await world.answer(stranger))["data"]["flags"] & EPHEMERAL

    pick = await d.choose(picker, select_id, [chosen], user=owner)
    assert (await world.answer(pick))["type"] == UPDATE_MESSAGE
    answered = d.messages[picker["id"]]
    assert not answered["content"] and not answered["components"]
    assert "**Dunc Gray**" in embed(answered)["description"]


async def test_compare_picks_one_side_and_keeps_the_other(world: World) -> None:
    d = world.discord
    owner = world.user(5)
    ix = await d.invoke("compare", {"athlete_a": "Moreno", "athlete_b": "Shane Kelly"}, user=owner)
    picker = await world.message(ix)
    select = d.find_component(picker, lambda c: c.get("type") == 3)
    jose = next(o["value"] for o in select["options"] if o["label"] == "José Manuel Moreno")
    assert any("ESP" in (o.get("description") or "") for o in select["options"])
    pick = await d.choose(picker, select["custom_id"], [jose], user=owner)
    await world.answer(pick)
    e = embed(d.messages[picker["id"]])
    assert e["title"] == "José Manuel Moreno vs Shane Kelly"
    value = e["fields"][0]["value"]
    assert "→ **José Manuel Moreno** ahead by 0.946" in value
    assert "250 m: Shane Kelly ahead by 0.164" in value and "750 m: José Manuel Moreno ahead by 0.495" in value


async def test_chart_is_deferred_then_sent_as_a_png(world: World) -> None:
    d = world.discord
    ix = await d.invoke("chart", {"query": "1992 time trial", "kind": "splits"}, user=world.user(6))
    assert (await world.answer(ix))["type"] == DEFERRED_CHANNEL_MESSAGE
    message = await world.message(ix, lambda m: m["attachments"])
    (attachment,) = message["attachments"]
    assert attachment["filename"] == "chart.png"
    assert d.files[attachment["id"]].startswith(b"\x89PNG\r\n\x1a\n")
    e = embed(message)
    assert e["image"]["url"] == "attachment://chart.png"
    assert "Split-by-split" in e["description"] and e["url"].startswith("https://en.wikipedia.org/wiki/")


async def test_user_errors_are_ephemeral_and_echoes_cannot_ping(world: World) -> None:
    d = world.discord
    ix = await d.invoke("athlete", {"name": "@everyone **loud**"}, user=world.user(7))
    response = await world.answer(ix)
    data = response["data"]
    assert response["type"] == CHANNEL_MESSAGE and data["flags"] & EPHEMERAL
    assert data["allowed_mentions"] == {"parse": []}
    assert "@everyone" not in data["content"]  # escaped (@\u200beveryone) and, anyway, mentions are off
    assert "\\*\\*loud\\*\\*" in data["content"]
    ix = await d.invoke("chart", {"query": "walk", "kind": "splits"}, user=world.user(7))
    refused = await world.answer(ix)  # refused before deferring: nothing to draw
    assert refused["type"] == CHANNEL_MESSAGE and refused["data"]["flags"] & EPHEMERAL
    assert "nothing to draw" in refused["data"]["content"]


async def test_cooldown_refuses_a_flood_per_user(world: World) -> None:
    d = world.discord
    user = world.user(3)
    responses = []
    for _ in range(COOLDOWN_RATE + 1):
        ix = await d.invoke("about", {}, user=user)
        responses.append(await world.answer(ix))
    for answered in responses[:COOLDOWN_RATE]:
        assert answered["data"]["embeds"][0]["title"].startswith("Podium ")
    refused = responses[-1]["data"]
    assert refused["flags"] & EPHEMERAL and "asking quickly" in refused["content"]
    other = await d.invoke("about", {}, user=world.user(2))
    assert not (await world.answer(other))["data"].get("flags", 0) & EPHEMERAL


# ---------------------------------------------------------------- resilience


async def test_survives_a_dropped_gateway_connection(world: World) -> None:
    d = world.discord
    identified = len(d.identifies)
    await d.drop_gateway()
    # An interaction arrives while the bot is cut off: it must resume, get it replayed and answer within 3 s.
    ix = await d.invoke("podium", {"query": "walk"}, user=world.user(6))
    message = await world.message(ix)
    assert "**Daniel Plaza**" in embed(message)["description"]
    assert len(d.identifies) == identified, "resumed, not re-identified"
    assert d.resume_paths[-1] == "/resume", "resumed on the resume_gateway_url from READY"
    again = await d.invoke("podium", {"query": "1932"}, user=world.user(6))
    assert "**Dunc Gray**" in embed(await world.message(again))["description"]


async def test_page_buttons_keep_working_after_a_restart(world: World) -> None:
    d = world.discord
    owner = world.user(2)
    ix = await d.invoke("event", {"query": "1992 time trial"}, user=owner)
    first = await world.message(ix)
    following = custom_ids(first)[1]
    syncs = len(d.sync_requests)

    before = set(d.sessions)
    await world.bot.stop()
    world.outputs.append(world.bot.text)
    restarted = BotProcess(d, sync=False, env=BOT_ENV, workdir=world.bot.workdir)  # warm start from its cache
    world.bot = restarted
    await restarted.start()
    await restarted.watch(d.wait_for(lambda: any(s.socket for s in d.sessions.values() if s.id not in before),
                                     "the restarted bot to connect"))  # fmt: skip

    turn = await d.click(first, following, user=owner)
    assert (await world.answer(turn))["type"] == UPDATE_MESSAGE
    assert embed(d.messages[first["id"]])["footer"]["text"].startswith("Page 2/3")
    assert len(d.sync_requests) == syncs, "no sync without the setting"


async def test_sync_subcommand_registers_global_commands_without_a_gateway(world: World, tmp_path: Any) -> None:
    d = world.discord
    identified = len(d.identifies)
    sync = BotProcess(d, args=("sync", "--global"), sync=False, env=BOT_ENV, workdir=tmp_path)
    await sync.start()
    code = await sync.wait_exit()
    world.outputs.append(sync.text)
    assert code == 0, sync.text
    assert "synced 12 global commands" in sync.text
    assert {c["name"] for c in d.commands[None]} == {"event", "podium", "athlete", "compare", "records", "chart",
                                                     "about", "quiz", "ask", "medals", "nation", "games"}  # fmt: skip
    assert len(d.identifies) == identified
