"""A quiz night end to end: the real bot process against the loopback Discord, killed with SIGKILL mid-game.

Three users click buttons and the host answers with `/quiz answer`; the scores and the leaderboard are checked;
the bot is killed during question 3 and restarted; the answers already given are kept, the game is closed and
the channel is told. Nothing sleeps: every wait is for something the loopback saw. The test reads the questions'
right answers from the bot's database (the bot never shows them before the reveal).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from bot.storage.repository import QuizRepository
from tests.discord.loopback import (
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    EPHEMERAL,
    BotProcess,
    Interaction,
    LoopbackDiscord,
)


def env(db: Path) -> dict[str, str]:
    return {
        "PODIUM_QUIZ__DATABASE_URL": f"sqlite+aiosqlite:///{db}",
        "PODIUM_QUIZ__REVEAL_SECONDS": "0.2",
        "PODIUM_QUIZ__COUNTDOWN_SECONDS": "1",
        "PODIUM_QUIZ__SEED": "7",  # the same questions every run
        "PODIUM_DISCORD__COOLDOWN_RATE": "100",
    }


class Night:
    def __init__(self, discord: LoopbackDiscord, bot: BotProcess, db: Path) -> None:
        self.d, self.bot, self.db = discord, bot, db

    async def reply(self, ix: Interaction) -> dict[str, Any]:
        return await self.bot.watch(self.d.wait_response(ix))

    async def ephemeral(self, ix: Interaction) -> str:
        response = await self.reply(ix)
        assert response["type"] == CHANNEL_MESSAGE and response["data"]["flags"] & EPHEMERAL, response
        return str(response["data"]["content"])

    async def deferred_note(self, ix: Interaction) -> str:
        """An ephemeral acknowledgement first (deferred), then the note edited into it."""
        response = await self.reply(ix)
        assert response["type"] == DEFERRED_CHANNEL_MESSAGE and response["data"]["flags"] & EPHEMERAL, response
        message = await self.bot.watch(self.d.wait_message(ix, lambda m: bool(m["content"])))
        return str(message["content"])

    async def message_where(self, what: str, test: Any) -> dict[str, Any]:
        def found() -> dict[str, Any] | None:
            return next((m for m in reversed(list(self.d.messages.values())) if test(m)), None)

        return await self.bot.watch(self.d.wait_for(found, what))  # type: ignore[no-any-return]

    async def question(self, game_id: int, number: int) -> tuple[dict[str, Any], int, str]:
        """The question's message (with its buttons), the right option, and the right answer."""
        message = await self.message_where(
            f"question {number}", lambda m: any(f"qz:{game_id}:{number}:" in c for c in custom_ids(m))
        )
        repo = await QuizRepository.open(f"sqlite:///{self.db}")
        try:
            q = (await repo.asked(game_id))[number - 1].question
        finally:
            await repo.close()
        # A tie has several right answers; the options show one of them.
        right = next(c for c in q.choices if c in q.answer.split(" / "))
        return message, q.choices.index(right), right


def custom_ids(message: dict[str, Any]) -> list[str]:
    return [c["custom_id"] for row in message.get("components") or [] for c in row["components"] if "custom_id" in c]


def titles(message: dict[str, Any]) -> list[str]:
    return [str(e.get("title", "")) for e in message.get("embeds") or []]


async def test_a_quiz_night_survives_a_kill_9(tmp_path: Path) -> None:
    db = tmp_path / "quiz.sqlite3"
    async with LoopbackDiscord() as d:
        bot = BotProcess(d, sync=True, env=env(db), workdir=tmp_path)
        await bot.start()
        try:
            night = Night(d, bot, db)
            await bot.watch(d.wait_ready())
            await play_until_killed(night)
            logs = [bot.text]
            # `python -m bot sync` logs in without connecting: it must leave the cut-off game to the bot.
            sync = BotProcess(d, args=("sync",), sync=False, env=env(db), workdir=tmp_path)
            await sync.start()
            assert await sync.wait_exit() == 0, sync.text
            logs.append(sync.text)
            assert await status(db, night.game_id) == "running"  # type: ignore[attr-defined]
            restarted = BotProcess(d, sync=False, env=env(db), workdir=tmp_path)
            night.bot = bot = restarted
            await restarted.start()
            await after_restart(night)
        finally:
            await bot.stop()
        for text in [*logs, bot.text]:
            assert "Traceback" not in text and "ERROR" not in text, text[-3000:]
        assert not d.violations, d.violations
        assert not d.rejections, [e.body() for e in d.rejections]
        assert not d.unhandled, d.unhandled
        assert d.token not in bot.text


async def status(db: Path, game_id: int) -> str:
    repo = await QuizRepository.open(f"sqlite:///{db}")
    try:
        return (await repo.game(game_id)).status
    finally:
        await repo.close()


async def play_until_killed(night: Night) -> None:
    d = night.d
    host, p1, p2, p3 = d.users[0], d.users[1], d.users[2], d.users[3]

    # The /quiz group and its options are registered.
    quiz = d.command("quiz")
    subs = {o["name"]: o for o in quiz["options"]}
    assert set(subs) == {"start", "answer", "skip", "pause", "resume", "stop", "scores", "leaderboard", "export"}
    start_options = {o["name"]: o for o in subs["start"]["options"]}
    assert set(start_options) == {"sport", "games", "event", "questions", "seconds", "mode", "difficulty"}
    assert start_options["questions"]["min_value"] == 1 and start_options["questions"]["max_value"] == 50
    assert [c["value"] for c in start_options["mode"]["choices"]] == ["buttons", "typed"]

    start = await d.invoke("quiz", {"start": {"questions": 3, "seconds": 120}}, user=host)
    assert (await night.reply(start))["type"] == DEFERRED_CHANNEL_MESSAGE
    first = await night.bot.watch(d.wait_message(start, lambda m: bool(m["components"])))
    found = re.search(r"Quiz #(\d+)", first["content"])
    assert found is not None
    game_id = int(found.group(1))
    assert len(custom_ids(first)) in (2, 4) and titles(first) == ["Question 1/3"]  # true/false has two

    # A second game in the same channel points to the first, telling only the one who tried.
    again = await d.invoke("quiz", {"start": {}}, user=p1)
    assert f"game #{game_id}" in await night.ephemeral(again)

    for number in (1, 2):
        message, right, answer = await night.question(game_id, number)
        ids = custom_ids(message)
        wrong = ids[(right + 1) % len(ids)]
        assert "Locked in" in await night.ephemeral(await d.click(message, ids[right], user=p1))
        assert "Locked in" in await night.ephemeral(await d.click(message, wrong, user=p2))
        assert "Locked in" in await night.ephemeral(await d.click(message, ids[right], user=p3))
        typed = await d.invoke("quiz", {"answer": {"text": answer.upper()}}, user=host)
        assert "Locked in" in await night.ephemeral(typed)
        if number == 1:
            # One answer each: the first counts. Only the host (or Manage Server) may skip.
            again = await d.click(message, wrong, user=p1)
            assert "first answer counts" in await night.ephemeral(again)
            refused = await d.invoke("quiz", {"skip": {}}, user=p2)
            assert "Only the host" in await night.ephemeral(refused)
        skip = await d.invoke("quiz", {"skip": {}}, user=host)
        assert "Skipped" in await night.deferred_note(skip)
        reveal = await night.message_where(
            f"the answer to question {number}",
            lambda m, n=number: any(t.startswith(f"Answer {n}/3") for t in titles(m)),
        )
        assert answer in reveal["embeds"][0]["title"]
        assert reveal["embeds"][0]["url"].startswith("https://en.wikipedia.org/wiki/")
        closed = d.messages[message["id"]]
        assert all(c["disabled"] for row in closed["components"] for c in row["components"])

    # Scores of this game after two questions: two right answers each for p1, p3 and the host, none for p2.
    scores = await d.invoke("quiz", {"scores": {}}, user=p2)
    assert (await night.reply(scores))["type"] == CHANNEL_MESSAGE
    board = d.messages[(await night.bot.watch(d.wait_message(scores)))["id"]]["embeds"][0]["description"]
    for user in (p1, p3, host):
        assert f"**{user['username']}**" in board and "(2 right)" in board
    assert re.search(rf"\*\*{p2['username']}\*\* — \d+ \(0 right\)", board)  # a near guess may earn a little
    leaders = await d.invoke("quiz", {"leaderboard": {}}, user=p1)
    await night.reply(leaders)
    text = (await night.bot.watch(d.wait_message(leaders)))["embeds"][0]["description"]
    assert text.index(p1["username"]) < text.index(p2["username"]) and "2 right of 2" in text

    # Question 3: one click, acknowledged (so written), then the bot dies without a chance to clean up.
    message, right, _ = await night.question(game_id, 3)
    clicked = await d.click(message, custom_ids(message)[right], user=p1)
    assert "Locked in" in await night.ephemeral(clicked)
    assert night.bot.process is not None
    night.bot.process.kill()
    assert await night.bot.wait_exit() == -9
    night.game_id = game_id  # type: ignore[attr-defined]
    night.last_question = message  # type: ignore[attr-defined]


async def after_restart(night: Night) -> None:
    d = night.d
    game_id: int = night.game_id  # type: ignore[attr-defined]
    p1 = d.users[1]
    # The restarted bot closes the cut-off game and tells the channel.
    told = await night.message_where(
        "the channel to be told", lambda m: any(t == f"Quiz #{game_id} was cut off" for t in titles(m))
    )
    assert told["channel_id"] == d.channel_ids[d.guild_ids[0]] and "webhook_id" not in told
    assert "9 answer(s) to 3 question(s)" in told["embeds"][0]["description"]
    await night.bot.watch(d.wait_ready(synced=False))

    repo = await QuizRepository.open(f"sqlite:///{night.db}")
    try:
        game = await repo.game(game_id)
        assert game.status == "interrupted" and game.announced
        rows = await repo.export_rows(game_id)
        assert [(r.question, r.correct) for r in rows].count((3, True)) == 1 and len(rows) == 9
        assert all(a.closed is not None for a in await repo.asked(game_id))
    finally:
        await repo.close()

    # A button of the cut-off game still gets an answer, not "This interaction failed".
    old = night.last_question  # type: ignore[attr-defined]
    late = await d.click(old, custom_ids(old)[0], user=p1)
    assert "quiz is over" in await night.ephemeral(late)
    # The scores kept, and every answer as CSV.
    scores = await d.invoke("quiz", {"scores": {}}, user=p1)
    await night.reply(scores)
    shown = await night.bot.watch(d.wait_message(scores))
    assert titles(shown) == [f"Quiz #{game_id} (interrupted)"]
    assert f"**{p1['username']}** — " in shown["embeds"][0]["description"]
    export = await d.invoke("quiz", {"export": {}}, user=p1)
    await night.reply(export)
    sent = await night.bot.watch(d.wait_message(export))
    attachment, whole = sent["attachments"]
    assert attachment["filename"] == f"quiz-{game_id}.csv"
    table = list(csv.DictReader(io.StringIO(d.files[attachment["id"]].decode())))
    assert len(table) == 9 and {r["question"] for r in table} == {"1", "2", "3"}
    # Beside it, the game as JSON: the questions asked, the same answers judged, the scores.
    assert whole["filename"] == f"quiz-{game_id}.json"
    game = json.loads(d.files[whole["id"]].decode())
    assert [q["number"] for q in game["questions"]] == [1, 2, 3] and game["mode"] == "buttons"
    assert all(len(q["options"]) in (2, 4) and q["answer"] and q["event"] for q in game["questions"])
    assert len(game["answers"]) == 9 and {a["result"] for a in game["answers"]} <= {"right", "partial", "wrong"}
    assert sum(a["points"] for a in game["answers"]) == sum(s["points"] for s in game["scores"])


async def test_a_bot_whose_database_cannot_be_opened_says_why_and_exits(tmp_path: Path) -> None:
    async with LoopbackDiscord() as d:
        url = "postgresql+asyncpg://u:secret@127.0.0.1:1/db"
        bot = BotProcess(d, sync=False, env={"PODIUM_QUIZ__DATABASE_URL": url}, workdir=tmp_path)
        await bot.start()
        try:
            assert await bot.wait_exit() == 1
        finally:
            await bot.stop()
    assert "Traceback" not in bot.text and "secret" not in bot.text, bot.text
    (line,) = [line for line in bot.output if "ERROR" in line]
    assert "Cannot open the quiz database postgresql+asyncpg://u:***@127.0.0.1:1/db: connection refused" in line
    assert not d.identifies  # it never went online
