"""`/quiz` callbacks with hand-built interactions (no network): what is answered first, and to whom.

The runtime gets a host over a scratch SQLite database; its ticker is not started (nothing here waits on time).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import discord
import pytest

from bot.core import Podium
from bot.discord.app import PodiumClient
from bot.discord.quiz import QuizRuntime
from bot.quiz_host import GameOptions, QuizHost
from bot.settings import load_settings
from bot.storage.repository import QuizRepository
from tests.discord.fakes import Recorder, interaction, make_client, recording, run_tree
from tests.discord.loopback import (
    APPLICATION_COMMAND,
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    EPHEMERAL,
    LoopbackDiscord,
)
from tests.quiz.helpers import at


@pytest.fixture
def factory() -> LoopbackDiscord:
    return LoopbackDiscord()  # not started: only builds payloads as Discord would send them


@pytest.fixture
def rec(factory: LoopbackDiscord) -> Iterator[Recorder]:
    with recording(factory) as recorder:
        yield recorder
    assert not recorder.problems, recorder.problems


@pytest.fixture
async def client(podium: Podium, factory: LoopbackDiscord, tmp_path: Path) -> AsyncIterator[PodiumClient]:
    client = make_client(podium, factory)
    runtime = runtime_of(client)
    runtime.repo = await QuizRepository.open(f"sqlite:///{tmp_path / 'quiz.sqlite3'}")
    runtime.host = QuizHost(podium.index, runtime.repo, owner="shard:0")
    try:
        yield client
    finally:
        await runtime.repo.close()


@pytest.fixture
def patient(monkeypatch: pytest.MonkeyPatch) -> None:
    """However slow the machine, the checks finish within the budget (the slow path has a test of its own)."""
    monkeypatch.setattr("bot.discord.quiz.ACK_BUDGET", 60.0)


def runtime_of(client: PodiumClient) -> QuizRuntime:
    runtime = client.podium_quiz  # type: ignore[attr-defined]
    assert isinstance(runtime, QuizRuntime)
    return runtime


async def quiz(client: PodiumClient, factory: LoopbackDiscord, sub: str, user: int = 0, **options: Any) -> None:
    data = factory.command_data("quiz", {sub: options})
    ix = factory.build(APPLICATION_COMMAND, data, user=factory.users[user])
    await run_tree(client, interaction(client, ix.payload))


def channel(factory: LoopbackDiscord) -> str:
    return factory.channel_ids[factory.guild_ids[0]]


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"sport": "quidditch"}, "Unknown sport 'quidditch'."),
        ({"games": "Atlantis 1900"}, "Unknown Games"),
        ({"games": "1996"}, "No questions fit these options"),  # Games the index has no results of
    ],
)
@pytest.mark.usefixtures("patient")
async def test_a_start_that_cannot_begin_is_told_to_the_host_alone(
    client: PodiumClient, factory: LoopbackDiscord, rec: Recorder, options: dict[str, Any], error: str
) -> None:
    await quiz(client, factory, "start", **options)
    (call,) = rec.calls  # nothing was deferred first: the one response is the ephemeral error
    assert call.body["type"] == CHANNEL_MESSAGE and call.body["data"]["flags"] & EPHEMERAL
    assert error in call.body["data"]["content"]
    assert runtime_of(client).stages == {}


@pytest.mark.usefixtures("patient")
async def test_a_start_in_a_busy_channel_points_to_the_running_game_ephemerally(
    client: PodiumClient, factory: LoopbackDiscord, rec: Recorder
) -> None:
    host = runtime_of(client).host
    assert host is not None
    live, _ = await host.start(guild_id=factory.guild_ids[0], channel_id=channel(factory), host_id="someone",
                               options=GameOptions(questions=2, seed=1), now=at(0))  # fmt: skip
    await quiz(client, factory, "start", user=1)
    (call,) = rec.calls
    assert call.body["type"] == CHANNEL_MESSAGE and call.body["data"]["flags"] & EPHEMERAL
    assert f"game #{live.game_id}" in call.body["data"]["content"]


@pytest.mark.usefixtures("patient")
async def test_a_start_defers_publicly_after_its_checks_then_shows_the_first_question(
    client: PodiumClient, factory: LoopbackDiscord, rec: Recorder
) -> None:
    await quiz(client, factory, "start", questions=2)
    deferred, shown = rec.calls[:2]
    assert deferred.body["type"] == DEFERRED_CHANNEL_MESSAGE and not deferred.body.get("data", {}).get("flags")
    assert shown.method == "PATCH" and shown.path.endswith("/messages/@original")
    assert shown.body["embeds"][0]["title"] == "Question 1/2" and shown.body["content"].startswith("Quiz #")


async def test_checks_outlasting_the_budget_defer_first_and_the_error_stays_private(
    client: PodiumClient, factory: LoopbackDiscord, rec: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.discord.quiz.ACK_BUDGET", 0.0)  # as if picking questions took too long
    await quiz(client, factory, "start", games="1996")
    deferred, deleted, note = rec.calls
    assert deferred.body["type"] == DEFERRED_CHANNEL_MESSAGE
    assert deleted.method == "DELETE" and deleted.path.endswith("/messages/@original")
    assert note.method == "POST" and note.body["flags"] & EPHEMERAL
    assert "No questions fit these options" in note.body["content"]


async def test_steering_is_acknowledged_before_it_waits_for_the_ticker(
    client: PodiumClient, factory: LoopbackDiscord, rec: Recorder
) -> None:
    await quiz(client, factory, "start", questions=2)
    stage = runtime_of(client).stages[int(channel(factory))]
    await stage.lock.acquire()  # the ticker is posting to Discord, which may take a while
    try:
        # Somebody else may not pause: told at once, without waiting.
        before = len(rec.calls)
        async with asyncio.timeout(5):
            await quiz(client, factory, "pause", user=1)
        (refused,) = rec.calls[before:]
        assert refused.body["type"] == CHANNEL_MESSAGE and refused.body["data"]["flags"] & EPHEMERAL
        assert "Only the host" in refused.body["data"]["content"]
        # The host's pause is acknowledged while the lock is still held...
        before = len(rec.calls)
        pausing = asyncio.create_task(quiz(client, factory, "pause"))
        ack = await rec.next_call(before)
        assert ack.body["type"] == DEFERRED_CHANNEL_MESSAGE and ack.body["data"]["flags"] & EPHEMERAL
        assert stage.lock.locked() and not pausing.done()
    finally:
        stage.lock.release()
    await pausing  # ...and carried out once the ticker lets go.
    done = rec.calls[before + 1]
    assert done.method == "PATCH" and done.path.endswith("/messages/@original") and done.body["content"] == "⏸ Paused."
    host = runtime_of(client).host
    assert host is not None and (live := host.game_in(channel(factory))) is not None and live.session.paused
    # A state error after the acknowledgement still goes to the user alone, in the deferred (ephemeral) reply.
    before = len(rec.calls)
    await quiz(client, factory, "pause")
    ack, note = rec.calls[before:]
    assert ack.body["data"]["flags"] & EPHEMERAL and "already paused" in note.body["content"]


# ---------------------------------------------------------------- typed answers written in the channel


@dataclass
class Said:
    """The parts of a `discord.Message` the quiz reads, and what the bot does with it."""

    content: str
    author: Any
    channel: Any
    guild: Any = True
    webhook_id: int | None = None
    forbidden: bool = False
    reactions: list[str] = field(default_factory=list)

    async def add_reaction(self, emoji: str) -> None:
        if self.forbidden:
            raise discord.Forbidden(SimpleNamespace(status=403, reason="Forbidden"), "Missing Permissions")
        self.reactions.append(emoji)


@dataclass
class Channel:
    id: int
    sent: list[str] = field(default_factory=list)

    async def send(self, content: str, *, allowed_mentions: discord.AllowedMentions) -> None:
        assert allowed_mentions.to_dict() == {"parse": []}
        self.sent.append(content)


def author(factory: LoopbackDiscord, n: int, *, bot: bool = False) -> Any:
    user = factory.users[n]
    return SimpleNamespace(id=int(user["id"]), display_name=user["username"], bot=bot)


async def test_channel_messages_answer_a_typed_game_only_with_the_setting_on(
    podium: Podium, factory: LoopbackDiscord, rec: Recorder, tmp_path: Path
) -> None:
    settings = load_settings(discord={"message_content": True, "cooldown_rate": 10, "cooldown_seconds": 60.0})
    chatty = make_client(podium, factory, settings)
    assert chatty.intents.guild_messages and chatty.intents.message_content and hasattr(chatty, "on_message")
    runtime = runtime_of(chatty)
    runtime.repo = await QuizRepository.open(f"sqlite:///{tmp_path / 'chat.sqlite3'}")
    runtime.host = host = QuizHost(podium.index, runtime.repo, owner="shard:0")
    try:
        await quiz(chatty, factory, "start", questions=2, mode="typed")
        here = Channel(int(channel(factory)))
        live = host.game_in(channel(factory))
        assert live is not None and live.session.current is not None and runtime.stages[here.id].chat
        answer = live.session.current.answer.split(" / ")[0]

        async def say(text: str, n: int, **kwargs: Any) -> Said:
            message = Said(text, author(factory, n, bot=kwargs.pop("bot", False)), kwargs.pop("where", here), **kwargs)
            await runtime.on_message(message)  # type: ignore[arg-type]
            return message

        assert (await say(answer, 5, bot=True)).reactions == []  # bots are not players
        assert (await say(answer, 5, webhook_id=1)).reactions == []
        assert (await say(answer, 5, where=Channel(1))).reactions == []  # no game in that channel
        assert (await say(answer, 1)).reactions == ["🔒"]
        assert (await say("something else", 1)).reactions == []  # the first answer counts, quietly
        await host.pause(channel(factory), str(factory.users[0]["id"]), runtime.now(), can_manage=False)
        assert (await say(answer, 2)).reactions == ["⏸️"]
        await host.resume(channel(factory), str(factory.users[0]["id"]), runtime.now(), can_manage=False)
        assert (await say("nope", 3, forbidden=True)).reactions == []
        assert here.sent == [f"🔒 **{factory.users[3]['username']}**: locked in."]  # no reactions allowed: said
        scored = {s.player_id: s.correct for s in host.scores(channel(factory))}
        assert scored == {factory.users[1]["id"]: 1, factory.users[3]["id"]: 0}
        assert {r.player_id for r in await runtime.repo.export_rows(live.game_id)} == set(scored)
    finally:
        await runtime.repo.close()


async def test_without_the_setting_channel_messages_are_not_read(
    client: PodiumClient, factory: LoopbackDiscord, rec: Recorder
) -> None:
    # Guild messages arrive (questions by mention), but without their content unless they mention the bot.
    assert client.intents.guild_messages and not client.intents.message_content
    assert client.podium_ctx.settings.discord.ask_by_mention
    await quiz(client, factory, "start", questions=2, mode="typed")
    runtime = runtime_of(client)
    live = runtime.host.game_in(channel(factory)) if runtime.host else None
    assert live is not None and live.session.current is not None
    said = Said(live.session.current.answer, author(factory, 1), Channel(int(channel(factory))))
    await runtime.on_message(said)  # type: ignore[arg-type]
    assert said.reactions == [] and live.session.answers == []


async def test_an_answer_the_database_refuses_is_one_line_and_the_game_goes_on(
    client: PodiumClient, factory: LoopbackDiscord, rec: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from bot.storage.engine import StorageFault

    runtime = runtime_of(client)
    assert runtime.host is not None and runtime.repo is not None
    await quiz(client, factory, "start", questions=2, mode="typed")
    live = runtime.host.game_in(channel(factory))
    assert live is not None and live.session.current is not None
    record = runtime.repo.record_answer

    async def full_disk(*_: Any) -> bool:
        raise StorageFault(OperationalError("INSERT", {}, Exception("database or disk is full")), "write to")

    monkeypatch.setattr(runtime.repo, "record_answer", full_disk)
    await quiz(client, factory, "answer", user=1, text=live.session.current.answer)
    data = rec.calls[-1].body["data"]
    assert data["flags"] & EPHEMERAL and data["content"] == "Could not save your answer — try again."
    here = Channel(int(channel(factory)))
    said = Said("a guess", author(factory, 2), here)
    await runtime.on_message(said)  # type: ignore[arg-type]
    assert said.reactions == [] and here.sent == []  # chat answers are read only with the setting on
    assert live.session.answers == [] and runtime.host.game_in(channel(factory)) is live
    monkeypatch.setattr(runtime.repo, "record_answer", record)  # storage is back
    await quiz(client, factory, "answer", user=1, text=live.session.current.answer)
    assert rec.calls[-1].body["data"]["content"].startswith("Locked in")


async def test_a_chat_answer_the_database_refuses_is_said_in_the_channel(
    podium: Podium, factory: LoopbackDiscord, rec: Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from bot.storage.engine import StorageFault

    settings = load_settings(discord={"message_content": True})
    chatty = make_client(podium, factory, settings)
    runtime = runtime_of(chatty)
    runtime.repo = repo = await QuizRepository.open(f"sqlite:///{tmp_path / 'chat.sqlite3'}")
    runtime.host = host = QuizHost(podium.index, repo, owner="shard:0")
    try:
        await quiz(chatty, factory, "start", questions=2, mode="typed")
        here = Channel(int(channel(factory)))

        async def locked(*_: Any) -> bool:
            raise StorageFault(OperationalError("INSERT", {}, Exception("database is locked")), "write to")

        monkeypatch.setattr(repo, "record_answer", locked)
        said = Said("@everyone guess", author(factory, 1), here)
        await runtime.on_message(said)  # type: ignore[arg-type]
        assert said.reactions == []
        assert here.sent == [f"⚠️ **{factory.users[1]['username']}**: Could not save your answer — try again."]
        live = host.game_in(channel(factory))
        assert live is not None and live.session.answers == []
    finally:
        await repo.close()


async def test_scores_during_a_question_are_those_of_the_last_reveal(
    client: PodiumClient, factory: LoopbackDiscord, rec: Recorder, patient: None
) -> None:
    await quiz(client, factory, "start", questions=2)
    runtime = runtime_of(client)
    host = runtime.host
    assert host is not None
    live = host.game_in(channel(factory))
    assert live is not None and live.session.current is not None
    q = live.session.current
    player = str(factory.users[1]["id"])
    right = q.choices.index(next(c for c in q.choices if c in q.answer.split(" / ")))
    await host.answer(channel(factory), player, "Ann", runtime.now(), choice=right)

    async def scores_shown() -> dict[str, Any]:
        before = len(rec.calls)
        await quiz(client, factory, "scores", user=2)
        (reply,) = [c for c in rec.calls[before:] if c.body.get("embeds") or c.body.get("data", {}).get("embeds")]
        data = reply.body.get("data", reply.body)
        embed: dict[str, Any] = data["embeds"][0]
        return embed

    # Ann's right answer is not shown while the question is open: that would give it away.
    during = await scores_shown()
    assert "Ann" not in during["description"] and "scores after question 0" in during["title"]
    deadline = live.session.deadline()
    assert deadline is not None
    await host.tick(channel(factory), deadline)
    after = await scores_shown()
    assert "Ann" in after["description"] and "🥇" in after["description"]


def test_no_medal_for_no_points() -> None:
    from bot.discord.quiz_render import standings_text
    from bot.quiz.session import Standing

    rows = [
        Standing(1, "a", "Ann", 120, 1, 1, 1),
        Standing(2, "b", "Bob", 0, 0, 1, 0),
        Standing(2, "c", "Cy", 0, 0, 1, 0),
    ]
    text = standings_text(rows)
    assert text.count("🥇") == 1 and "🥈" not in text and "`2.` **Bob** — 0" in text
