"""Typed answers written as channel messages, end to end: the real bot process with `discord.message_content` on,
against the loopback Discord with the message content intent enabled for the application.

Two users write answers in the channel (one right, one wrong), a bot and a repeated answer are ignored, the
answers are acknowledged with a reaction, stored, and scored in the reveal. Nothing sleeps.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.storage.repository import QuizRepository
from tests.discord.loopback import (
    GUILD_MESSAGES,
    GUILDS,
    MESSAGE_CONTENT,
    BotProcess,
    LoopbackDiscord,
)
from tests.discord.test_quiz_e2e import Night, env, titles


@asynccontextmanager
async def _repo(db: Path) -> AsyncIterator[QuizRepository]:
    repo = await QuizRepository.open(f"sqlite:///{db}")
    try:
        yield repo
    finally:
        await repo.close()


async def test_typed_answers_written_in_the_channel_count(tmp_path: Path) -> None:
    db = tmp_path / "quiz.sqlite3"
    async with LoopbackDiscord(privileged_intents=["MESSAGE_CONTENT"]) as d:
        bot = BotProcess(d, sync=True, env={**env(db), "PODIUM_DISCORD__MESSAGE_CONTENT": "true"}, workdir=tmp_path)
        async with bot:
            night = Night(d, bot, db)
            await bot.watch(d.wait_ready())
            (identify,) = d.identifies
            wanted = GUILDS | GUILD_MESSAGES | MESSAGE_CONTENT
            assert identify["intents"] & wanted == wanted
            host, p1, p2 = d.users[0], d.users[1], d.users[2]

            start = await d.invoke("quiz", {"start": {"questions": 2, "seconds": 120, "mode": "typed"}}, user=host)
            first = await bot.watch(d.wait_message(start, lambda m: bool(m["embeds"])))
            found = re.search(r"Quiz #(\d+)", first["content"])
            assert found is not None and not first["components"]  # typed: no buttons
            assert "Write your answer in the channel" in first["embeds"][0]["footer"]["text"]
            game_id = int(found.group(1))
            async with _repo(db) as repo:
                answer = (await repo.asked(game_id))[0].question.answer.split(" / ")[0]

            right = await d.say(answer.upper(), user=p1)
            wrong = await d.say("certainly not this one", user=p2)
            await bot.watch(
                d.wait_for(
                    lambda: d.reactions.get(right["id"]) == ["🔒"] and d.reactions.get(wrong["id"]) == ["🔒"],
                    "both answers to be locked in",
                )
            )
            other_bot = d._user(d._snowflake(), "otherbot", bot=True)
            ignored = await d.say(answer, user=other_bot)
            repeated = await d.say(answer, user=p2)  # the first answer counts

            skip = await d.invoke("quiz", {"skip": {}}, user=host)
            assert "Skipped" in await night.deferred_note(skip)
            reveal = await night.message_where(
                "the answer to question 1", lambda m: any(t.startswith("Answer 1/2") for t in titles(m))
            )
            fields = {f["name"]: f["value"] for f in reveal["embeds"][0]["fields"]}
            assert fields["Right (1 of 2)"] == f"{p1['username']}"
            stop = await d.invoke("quiz", {"stop": {}}, user=host)
            assert "Stopped" in await night.deferred_note(stop)

        async with _repo(db) as repo:
            rows = await repo.export_rows(game_id)
        assert [(r.question, r.player_id, r.correct) for r in rows] == [(1, p1["id"], True), (1, p2["id"], False)]
        assert ignored["id"] not in d.reactions and repeated["id"] not in d.reactions
        assert not d.violations, d.violations
        assert not d.rejections, [e.body() for e in d.rejections]
        assert not d.unhandled, d.unhandled
        assert "Traceback" not in bot.text and "ERROR" not in bot.text, bot.text[-3000:]
