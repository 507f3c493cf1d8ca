"""Questions in plain words end to end: the real bot process against the loopback Discord, without the privileged
Message Content intent. A message that mentions the bot gets exactly one reply (a reply to it, mentioning
nobody); a message that does not mention it gets none; follow-ups by mention; the reply's picker and reading
buttons; `/ask`; `/medals`, `/nation`, `/games`. Nothing sleeps."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from tests.discord.loopback import GUILD_MESSAGES, GUILDS, PRIVILEGED_INTENTS, BotProcess, LoopbackDiscord

pytestmark = pytest.mark.asyncio(loop_scope="module")


class World:
    def __init__(self, discord: LoopbackDiscord, bot: BotProcess) -> None:
        self.discord, self.bot = discord, bot

    def replies_to(self, message: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            m
            for m in self.discord.messages.values()
            if (m.get("message_reference") or {}).get("message_id") == message["id"]
        ]

    async def reply(self, message: dict[str, Any]) -> dict[str, Any]:
        replies = await self.bot.watch(
            self.discord.wait_for(lambda: self.replies_to(message), f"a reply to {message['content']!r}")
        )
        return dict(replies[0])

    async def ask(self, text: str, user: int = 1) -> dict[str, Any]:
        d = self.discord
        said = await d.say(f"<@{d.bot_user['id']}> {text}", user=d.users[user], mentions=[d.bot_user])
        return await self.reply(said)


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    async with LoopbackDiscord() as discord:
        bot = BotProcess(discord, sync=True, workdir=tmp_path_factory.mktemp("bot"))
        await bot.start()
        try:
            await bot.watch(discord.wait_ready())
            yield World(discord, bot)
        finally:
            await bot.stop()


@pytest.fixture(autouse=True)
def discord_was_happy(world: World) -> Any:
    yield
    d = world.discord
    assert not d.violations, d.violations
    assert not d.rejections, [e.body() for e in d.rejections]
    assert not d.unhandled, d.unhandled


def description(message: dict[str, Any]) -> str:
    return str(message["embeds"][0]["description"])


async def test_asks_for_guild_messages_and_nothing_privileged(world: World) -> None:
    intents = int(world.discord.identifies[0]["intents"])
    assert intents & (GUILDS | GUILD_MESSAGES) == GUILDS | GUILD_MESSAGES
    assert not any(intents & bit for bit in PRIVILEGED_INTENTS)


async def test_a_mention_gets_one_reply_that_mentions_nobody(world: World) -> None:
    d = world.discord
    said = await d.say(f"<@{d.bot_user['id']}> who won the kilo in 1992?", user=d.users[1], mentions=[d.bot_user])
    reply = await world.reply(said)
    assert description(reply).startswith("José Manuel Moreno (ESP) won the men's track time trial at Barcelona 1992")
    assert reply["embeds"][0]["footer"]["text"] == "as a command: /podium 1992 Men's track time trial"
    assert reply["embeds"][1]["title"].endswith("Men's track time trial")  # the podium table
    # One reply only, to that message; the loopback checked allowed_mentions (no ping, not even the author).
    follow_up = await world.ask("and in 1932?", user=1)
    assert description(follow_up).startswith("Dunc Gray (AUS) won the men's track time trial at Los Angeles 1932")
    assert len(world.replies_to(said)) == 1


async def test_messages_without_a_mention_get_no_reply(world: World) -> None:
    d = world.discord
    quiet = await d.say("who won the kilo in 1992?", user=d.users[2])
    other_bot = d._user(d._snowflake(), "otherbot", bot=True)
    from_bot = await d.say(f"<@{d.bot_user['id']}> who won the kilo?", user=other_bot, mentions=[d.bot_user])
    marker = await world.ask("who won the 20 km walk", user=2)  # answered: so the two before were seen and skipped
    assert "Daniel Plaza" in description(marker)
    assert world.replies_to(quiet) == [] and world.replies_to(from_bot) == []


async def test_follow_ups_are_per_person(world: World) -> None:
    first = await world.ask("where did Shane Kelly finish in the 1992 time trial", user=3)
    assert "Shane Kelly (AUS) finished 2nd" in description(first)
    assert "Erin Hartwell (USA) finished 3rd" in description(await world.ask("and Hartwell?", user=3))
    assert "reads as a follow-up" in description(await world.ask("and Hartwell?", user=4))


async def test_picker_and_reading_buttons(world: World) -> None:
    d = world.discord
    pick = await world.ask("where did Moreno finish", user=1)
    select = d.find_component(pick, lambda c: c.get("type") == 3)
    values = [o["value"] for o in select["options"]]
    assert [o["label"] for o in select["options"]] == ["José Manuel Moreno", "Héctor Moreno"]
    refused = await d.choose(pick, select["custom_id"], [values[1]], user=d.users[2])
    assert (await world.bot.watch(d.wait_response(refused)))["data"]["flags"] & 64  # not theirs: ephemeral
    ix = await d.choose(pick, select["custom_id"], [values[1]], user=d.users[1])
    chosen = await world.bot.watch(d.wait_message(ix, lambda m: "20 kilometres" in str(m["embeds"])))
    assert "Héctor Moreno" in description(chosen) and "20 kilometres walk" in description(chosen)

    unclear = await world.ask("Kelly 1992 time trial", user=1)
    button = d.find_component(unclear, lambda c: c.get("type") == 2 and c.get("label") == "Place")
    ix = await d.click(unclear, button["custom_id"], user=d.users[1])
    placed = await world.bot.watch(d.wait_message(ix, lambda m: "finished" in str(m["embeds"])))
    assert "Shane Kelly (AUS) finished 2nd" in description(placed)


async def test_slash_ask_and_medal_commands(world: World) -> None:
    d = world.discord
    ix = await d.invoke("ask", {"question": "how many competitors were in the 1992 kilo"}, user=d.users[5])
    answered = await world.bot.watch(d.wait_message(ix))
    assert "32 competitors took part" in description(answered)
    ix = await d.invoke("medals", {"scope": "1992"}, user=d.users[5])
    table = await world.bot.watch(d.wait_message(ix))
    assert table["embeds"][0]["title"] == "Medal table: Barcelona 1992"
    assert "**Spain** (ESP) · 🥇 2" in description(table)
    ix = await d.invoke("nation", {"nation": "Spain"}, user=d.users[6])
    assert "Spain (ESP)" in (await world.bot.watch(d.wait_message(ix)))["embeds"][0]["title"]
    ix = await d.invoke("games", {"games": "Barcelona"}, user=d.users[6])
    assert "Barcelona" in (await world.bot.watch(d.wait_message(ix)))["embeds"][0]["title"]
    bad = await d.invoke("medals", {"scope": "quidditch"}, user=d.users[6])
    response = await world.bot.watch(d.wait_response(bad))
    assert response["data"]["flags"] & 64 and "cannot read" in response["data"]["content"]
    choices = await d.autocomplete("medals", {"scope": "barc"}, "scope", user=d.users[7])
    assert [c["name"] for c in choices] == ["Barcelona 1992 Summer"]
