"""Command, autocomplete and component callbacks, driven with hand-built `discord.Interaction`s (no network)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.core import Podium
from bot.discord.app import PodiumClient
from bot.discord.context import ref_of
from tests.discord.fakes import Recorder, interaction, make_client, press, recording, run_tree
from tests.discord.loopback import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    AUTOCOMPLETE_RESULT,
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    EPHEMERAL,
    MESSAGE_COMPONENT,
    UPDATE_MESSAGE,
    LoopbackDiscord,
)

SPRINT = """= Athletics at the 1996 Summer Olympics – Men's 100 metres =

Infobox
- Games: 1996 Summer
- Venue: Centennial Olympic Stadium
- Gold: Donovan Bailey
- Goldnoc: CAN
- Silver: Frankie Fredericks
- Silvernoc: NAM
- Bronze: Ato Boldon
- Bronzenoc: TRI

==Results==
===Heats===
====Heat 1====
Wind: +0.4 m/s
| Rank | Lane | Athlete | Nation | Time | Notes |
| 1 | 4 | Ato Boldon | TRI | 10.11 | Q |
| 2 | 5 | Jon_Drummond *fast* | USA | 10.21 | Q |
| 3 | 6 | Other Runner | | DNF | |
====Heat 2====
| Rank | Lane | Athlete | Nation | Time | Notes |
| 1 | 3 | Donovan Bailey | CAN | 10.05 | Q |
| 2 | 7 | Frankie Fredericks | NAM | 10.07 | Q |
===Final===
Wind: +0.7 m/s
| Rank | Lane | Athlete | Nation | Time | Notes |
| 1 | 5 | Donovan Bailey | CAN | 9.84 | WR |
| 2 | 4 | Frankie Fredericks | NAM | 9.89 | |
| 3 | 3 | Ato Boldon | TRI | 9.90 | |
"""


@pytest.fixture
def factory() -> LoopbackDiscord:
    return LoopbackDiscord()  # not started: only builds payloads as Discord would send them


@pytest.fixture
def rec(factory: LoopbackDiscord) -> Iterator[Recorder]:
    with recording(factory) as recorder:
        yield recorder
    assert not recorder.problems, recorder.problems  # within limits, and never a possible mention


@pytest.fixture
def client(podium: Podium, factory: LoopbackDiscord) -> PodiumClient:
    return make_client(podium, factory)


@pytest.fixture(scope="module")
def sprint(tmp_path_factory: pytest.TempPathFactory) -> Podium:
    folder = tmp_path_factory.mktemp("sprint")
    (folder / "sprint.txt").write_text(SPRINT, encoding="utf-8")
    return Podium.load(folder)


async def slash(client: PodiumClient, factory: LoopbackDiscord, command: str, /, user: int = 0, **options: Any) -> None:
    ix = factory.build(APPLICATION_COMMAND, factory.command_data(command, options), user=factory.users[user])
    await run_tree(client, interaction(client, ix.payload))


async def complete(client: PodiumClient, factory: LoopbackDiscord, rec: Recorder, command: str, focused: str, /,
                   **options: Any) -> list[dict[str, Any]]:  # fmt: skip
    before = len(rec.calls)
    ix = factory.build(AUTOCOMPLETE, factory.command_data(command, options, focused=focused))
    await run_tree(client, interaction(client, ix.payload))
    call = await rec.next_call(before)
    assert call.body["type"] == AUTOCOMPLETE_RESULT
    return list(call.body["data"]["choices"])


async def click(client: PodiumClient, factory: LoopbackDiscord, rec: Recorder, message: dict[str, Any],
                custom_id: str, user: int, values: list[str] | None = None) -> dict[str, Any]:  # fmt: skip
    """A user uses a component on `message`; the bot's response body is returned."""
    before = len(rec.calls)
    data: dict[str, Any] = {"custom_id": custom_id, "component_type": 2 if values is None else 3}
    if values is not None:
        data["values"] = values
    ix = factory.build(MESSAGE_COMPONENT, data, user=factory.users[user], message=message)
    press(client, interaction(client, ix.payload))
    return (await rec.next_call(before)).body


def components(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for row in body["data"].get("components") or [] for c in row["components"]]


# ---------------------------------------------------------------- commands


async def test_podium_replies_once_with_the_embed(
    client: PodiumClient, factory: LoopbackDiscord, rec: Recorder
) -> None:
    await slash(client, factory, "podium", query="1992 time trial")
    (call,) = rec.calls
    assert call.path.endswith("/callback") and call.body["type"] == CHANNEL_MESSAGE
    data = call.body["data"]
    assert data["allowed_mentions"] == {"parse": []}
    assert data["embeds"][0]["title"] == "Cycling at the 1992 Summer Olympics – Men's track time trial"
    assert "🥇 **José Manuel Moreno** · 🇪🇸 Spain · 1:03.342" in data["embeds"][0]["description"]


async def test_event_round_option_and_its_autocomplete(sprint: Podium, factory: LoopbackDiscord,
                                                       rec: Recorder) -> None:  # fmt: skip
    client = make_client(sprint, factory)
    choices = await complete(client, factory, rec, "event", "round", query="100 metres", round="")
    assert [c["name"] for c in choices] == ["1. Heats – Heat 1", "2. Heats – Heat 2", "3. Final"]
    narrowed = await complete(client, factory, rec, "event", "round", query="100 metres", round="heat 2")
    assert [c["value"] for c in narrowed] == ["2"]

    await slash(client, factory, "event", query="100 metres", round="final")
    text = rec.calls[-1].body["data"]["embeds"][0]["description"]
    assert "__**Final**__" in text and "*Wind: +0.7 m/s*" in text and "Heat 1" not in text
    assert "`1` 🥇 **Donovan Bailey** · 🇨🇦 Canada · 9.84 · World record" in text
    assert "`2` 🥈 **Frankie Fredericks** · 🇳🇦 Namibia · 9.89 (+0.05)" in text

    await slash(client, factory, "event", query="100 metres", round="1")
    text = rec.calls[-1].body["data"]["embeds"][0]["description"]
    assert "Jon\\_Drummond \\*fast\\*" in text  # data escaped for markdown
    assert text.splitlines()[-1] == "`3` **Other Runner** · *did not finish*"  # listed last, the status its result

    await slash(client, factory, "event", query="100 metres", round="semifinal")
    body = rec.calls[-1].body
    assert body["data"]["flags"] & EPHEMERAL
    assert "No round of this event matches **semifinal**" in body["data"]["content"]
    assert "3. Final" in body["data"]["content"]


async def test_autocomplete_answers_at_once_within_limits(tmp_path: Path, factory: LoopbackDiscord,
                                                          rec: Recorder) -> None:  # fmt: skip
    long_name = "Cycling at the 1992 Summer Olympics – Men's " + "very " * 30 + "long event"
    for n in range(40):
        page = SPRINT.replace("= Athletics at the 1996 Summer Olympics – Men's 100 metres =", f"= {long_name} {n} =")
        (tmp_path / f"p{n}.txt").write_text(page, encoding="utf-8")
    client = make_client(Podium.load(tmp_path), factory)
    for text in ("", "long", "zzzz", "x" * 100):
        choices = await complete(client, factory, rec, "podium", "query", query=text)
        assert len(choices) <= 25
        assert all(1 <= len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    assert len(await complete(client, factory, rec, "podium", "query", query="")) == 25
    assert not any(c.body["type"] == DEFERRED_CHANNEL_MESSAGE for c in rec.calls)


async def test_not_found_is_a_friendly_ephemeral_reply(client: PodiumClient, factory: LoopbackDiscord,
                                                       rec: Recorder) -> None:  # fmt: skip
    await slash(client, factory, "athlete", name="@everyone Zzyzx")
    data = rec.calls[-1].body["data"]
    assert data["flags"] & EPHEMERAL and data["allowed_mentions"] == {"parse": []}
    assert data["content"].startswith("No athlete matches **@\u200beveryone Zzyzx**")


async def test_ambiguity_gets_a_picker_that_answers_in_place(client: PodiumClient, factory: LoopbackDiscord,
                                                             rec: Recorder) -> None:  # fmt: skip
    await slash(client, factory, "podium", user=1, query="time trial")
    body = rec.calls[-1].body
    assert body["type"] == CHANNEL_MESSAGE and not body["data"].get("flags", 0) & EPHEMERAL
    (select,) = components(body)
    assert select["type"] == 3 and len(select["options"]) == 2
    message = rec.message(body["data"])
    chosen = ref_of("cycling-1932-mens-track-time-trial")

    refused = await click(client, factory, rec, message, select["custom_id"], user=2, values=[chosen])
    assert refused["type"] == CHANNEL_MESSAGE and refused["data"]["flags"] & EPHEMERAL

    answered = await click(client, factory, rec, message, select["custom_id"], user=1, values=[chosen])
    assert answered["type"] == UPDATE_MESSAGE
    assert answered["data"]["content"] is None and answered["data"]["components"] == []
    assert "**Dunc Gray**" in answered["data"]["embeds"][0]["description"]


async def test_page_buttons_turn_for_the_owner_only(client: PodiumClient, factory: LoopbackDiscord,
                                                    rec: Recorder) -> None:  # fmt: skip
    await slash(client, factory, "event", user=1, query="walk")
    body = rec.calls[-1].body
    previous, following = components(body)
    assert previous["disabled"] and not following["disabled"]
    message = rec.message(body["data"])

    refused = await click(client, factory, rec, message, following["custom_id"], user=2)
    assert refused["data"]["flags"] & EPHEMERAL and "belong to the person who asked" in refused["data"]["content"]

    turned = await click(client, factory, rec, message, following["custom_id"], user=1)
    assert turned["type"] == UPDATE_MESSAGE
    assert turned["data"]["embeds"][0]["footer"]["text"].startswith("Page 2/3")


async def test_a_stale_page_button_is_disabled_cleanly(client: PodiumClient, factory: LoopbackDiscord,
                                                       rec: Recorder) -> None:  # fmt: skip
    owner = factory.users[1]["id"]
    custom_id = f"pg:e:{owner}:1::no-such-event"
    message = rec.message({"components": [{"type": 1, "components": [
        {"type": 2, "style": 2, "label": "Next ▶", "custom_id": custom_id}]}]})  # fmt: skip
    body = await click(client, factory, rec, message, custom_id, user=1)
    assert body["type"] == UPDATE_MESSAGE and body["data"]["components"] == []
    assert "no longer in my data" in body["data"]["content"]


async def test_unexpected_errors_are_logged_with_an_id(
    client: PodiumClient, factory: LoopbackDiscord, rec: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_: Any) -> Any:
        raise RuntimeError("kaboom")

    client.podium_ctx.routes["p"] = broken
    with caplog.at_level(logging.ERROR):
        await slash(client, factory, "podium", query="1992 time trial")
    data = rec.calls[-1].body["data"]
    assert data["flags"] & EPHEMERAL and "kaboom" not in data["content"]
    match = re.search(r"error id `([0-9a-f]{8})`", data["content"])
    assert match, data["content"]
    assert any(match[1] in r.getMessage() and r.exc_info for r in caplog.records)


async def test_cooldown_is_per_user(client: PodiumClient, factory: LoopbackDiscord, rec: Recorder) -> None:
    for _ in range(3):
        await slash(client, factory, "about", user=1)
        assert rec.calls[-1].body["data"]["embeds"][0]["title"].startswith("Podium")
    await slash(client, factory, "about", user=1)
    assert rec.calls[-1].body["data"]["flags"] & EPHEMERAL
    assert "asking quickly" in rec.calls[-1].body["data"]["content"]
    await slash(client, factory, "about", user=2)
    assert "embeds" in rec.calls[-1].body["data"] and rec.calls[-1].body["data"]["embeds"]
    assert len(rec.calls) == 5  # each call answered exactly once


async def test_chart_defers_then_edits_in_the_png(client: PodiumClient, factory: LoopbackDiscord,
                                                  rec: Recorder) -> None:  # fmt: skip
    await slash(client, factory, "chart", query="1932 time trial")
    deferred, edited = rec.calls
    assert deferred.body["type"] == DEFERRED_CHANNEL_MESSAGE
    assert edited.method == "PATCH" and edited.path.endswith("/messages/@original")
    assert [f.filename for f in edited.files] == ["chart.png"]
    assert edited.files[0].fp.read(8) == b"\x89PNG\r\n\x1a\n"
    assert edited.body["embeds"][0]["image"]["url"] == "attachment://chart.png"


async def test_compare_needs_two_different_athletes(client: PodiumClient, factory: LoopbackDiscord,
                                                    rec: Recorder) -> None:  # fmt: skip
    await slash(client, factory, "compare", athlete_a="Daniel Plaza", athlete_b="daniel plaza")
    data = rec.calls[-1].body["data"]
    assert data["flags"] & EPHEMERAL and "two different athletes" in data["content"]
    await slash(client, factory, "compare", athlete_a="Daniel Plaza", athlete_b="Nobody Atall")
    assert "No athlete matches **Nobody Atall**" in rec.calls[-1].body["data"]["content"]


def test_client_asks_for_no_privileged_intents(client: PodiumClient) -> None:
    intents = client.intents
    assert intents.guilds and not (intents.members or intents.presences or intents.message_content)
    assert client.allowed_mentions is not None and client.allowed_mentions.to_dict() == {"parse": []}
    assert isinstance(client, discord.Client) and not isinstance(client, discord.AutoShardedClient)


async def test_a_chart_picked_from_the_picker_is_deferred_then_drawn_in_place(
    client: PodiumClient, factory: LoopbackDiscord, rec: Recorder
) -> None:
    await slash(client, factory, "chart", user=1, query="time trial", kind="splits")
    body = rec.calls[-1].body
    (select,) = components(body)
    message = rec.message(body["data"])
    before = len(rec.calls)
    deferred = await click(client, factory, rec, message, select["custom_id"], user=1,
                           values=[ref_of("cycling-1992-mens-track-time-trial")])  # fmt: skip
    assert deferred["type"] == 6  # deferred update of the picker's message
    edited = await rec.next_call(before + 1)
    assert edited.method == "PATCH" and [f.filename for f in edited.files] == ["chart.png"]
    assert edited.body["components"] == [] and edited.body["content"] is None
    assert "Split-by-split" in edited.body["embeds"][0]["description"]


async def test_a_failure_after_deferring_replaces_the_thinking_message(
    client: PodiumClient, factory: LoopbackDiscord, rec: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: Any) -> Any:
        raise RuntimeError("no fonts")

    monkeypatch.setattr("bot.discord.chart.make_chart", broken)
    await slash(client, factory, "chart", query="1932 time trial")
    deferred, edited = rec.calls
    assert deferred.body["type"] == DEFERRED_CHANNEL_MESSAGE
    assert edited.method == "PATCH" and re.search(r"error id `[0-9a-f]{8}`", edited.body["content"])
    assert edited.body["embeds"] == [] and edited.body["attachments"] == []


# ---------------------------------------------------------------- stale registrations, invisible input, escaping


async def test_a_command_discord_knows_but_the_code_dropped_asks_for_a_sync(
    client: PodiumClient, factory: LoopbackDiscord, rec: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        await slash(client, factory, "medaltable", query="1992")
    data = rec.calls[-1].body["data"]
    assert data["flags"] & EPHEMERAL
    assert "this command was updated" in data["content"].lower() and "sync" in data["content"]
    assert not [r for r in caplog.records if r.exc_info]


async def test_a_command_whose_options_changed_asks_for_a_sync(
    client: PodiumClient, factory: LoopbackDiscord, rec: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        await slash(client, factory, "podium", old_option="1992 time trial")  # `query` was renamed since
    data = rec.calls[-1].body["data"]
    assert "this command was updated" in data["content"].lower()
    assert not [r for r in caplog.records if r.exc_info]


@pytest.mark.parametrize("typed", ["\u200b", "\u2060\u200d", " \u3164 ", "\u00ad\ufeff", "\u2800"])
async def test_invisible_input_asks_for_an_event(
    client: PodiumClient, factory: LoopbackDiscord, rec: Recorder, typed: str
) -> None:
    await slash(client, factory, "podium", query=typed)
    data = rec.calls[-1].body["data"]
    assert data["flags"] & EPHEMERAL and data["content"] == "Type an event to look up."


async def test_mentions_and_markdown_in_page_text_are_escaped_in_embeds(
    tmp_path: Path, factory: LoopbackDiscord, rec: Recorder
) -> None:
    page = SPRINT.replace(
        "= Athletics at the 1996 Summer Olympics – Men's 100 metres =",
        "= Athletics at the 1996 Summer Olympics – Men's 100 metres @everyone **bold** =",
    ).replace("Ato Boldon", "Ato @here Boldon")
    (tmp_path / "sprint.txt").write_text(page, encoding="utf-8")
    client = make_client(Podium.load(tmp_path), factory)
    await slash(client, factory, "podium", query="100 metres 1996")
    embed = rec.calls[-1].body["data"]["embeds"][0]
    assert "@\u200beveryone" in embed["title"] and "\\*\\*bold\\*\\*" in embed["title"]
    assert "@\u200bhere" in embed["description"]
    assert "@everyone" not in str(embed) and "@here" not in str(embed)
