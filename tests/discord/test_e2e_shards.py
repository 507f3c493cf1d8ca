"""End to end with sharding: one process runs two shards (AutoShardedClient), each guild answered by its shard."""

from __future__ import annotations

from pathlib import Path

from tests.discord.loopback import CHANNEL_MESSAGE, BotProcess, LoopbackDiscord


async def test_two_shards_each_answer_their_guild(tmp_path: Path) -> None:
    async with LoopbackDiscord(guild_count=2, shard_count=2) as discord:
        env = {"PODIUM_DISCORD__SHARD_COUNT": "2"}
        async with BotProcess(discord, sync=True, env=env, workdir=tmp_path) as bot:
            await bot.watch(discord.wait_ready(shards=2))
            assert sorted(tuple(i["shard"]) for i in discord.identifies) == [(0, 2), (1, 2)]
            # The quiz database the bot opened at connect is its own, in its work directory.
            db = tmp_path / "podium.sqlite3"
            assert bot.database_url.endswith(str(db)) and db.is_file()
            for guild in discord.guild_ids:
                ix = await discord.invoke("podium", {"query": "1932 time trial"}, guild_id=guild)
                response = await bot.watch(discord.wait_response(ix))
                assert response["type"] == CHANNEL_MESSAGE
                assert "**Dunc Gray**" in response["data"]["embeds"][0]["description"]
        assert not discord.violations and not discord.rejections and not discord.unhandled
