"""Plain-words answers, medal tables, nations and Games as Discord messages: every limit holds, pickers and
reading buttons carry their state in custom_ids that fit, text from users and data cannot mention anyone."""

from __future__ import annotations

from collections import Counter
from typing import Any

from bot.ask import Asker
from bot.core import Podium
from bot.discord import embeds
from bot.discord.ask import AskPick, AskReading, MentionLimiter, ask_reply, question_of
from bot.discord.ask_embeds import games_embed, medals_embed, nation_embed
from bot.medals import MedalTableAnswer, rank_rows
from bot.reference import load_reference
from tests.discord.loopback import component_problems, embed_problems


def _message(reply: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    data = [e.to_dict() for e in reply.embeds]
    rows = reply.view.to_components() if reply.view is not None else []
    return data, rows


def test_every_kind_of_answer_fits(podium: Podium) -> None:
    asker = Asker(podium.index, podium.matcher)
    for question in ("who won the kilo in 1992", "where did Moreno finish", "Kelly 1992 time trial",
                     "what is the meaning of life", "medal table", "results of the 20 km walk",
                     "how many medals did José Manuel Moreno win", "Moreno vs Kelly"):  # fmt: skip
        reply = ask_reply(asker.ask(question, ("c", "u")), owner=123456789012345678)
        data, rows = _message(reply)
        assert embed_problems(data) == [] and component_problems(rows) == [], question
        assert embeds.message_problems(reply.embeds) == []


def test_picker_and_readings_carry_their_state(podium: Podium) -> None:
    asker = Asker(podium.index, podium.matcher)
    pick = ask_reply(asker.ask("where did Moreno finish", ("c", "u")), owner=42)
    assert pick.view is not None
    (select,) = [i.item for i in pick.view.children if isinstance(i, AskPick)]
    assert select.custom_id == "ak:p:42:x" and [o.label for o in select.options] == ["José Manuel Moreno",
                                                                                      "Héctor Moreno"]  # fmt: skip
    readings = ask_reply(asker.ask("Kelly 1992 time trial", ("c", "u")), owner=42)
    assert readings.view is not None
    ids = [i.item.custom_id for i in readings.view.children if isinstance(i, AskReading)]
    assert ids == ["ak:r:42:Where did kelly finish in the 1992 time trial?",
                   "ak:r:42:What was kelly's result in the 1992 time trial?"]  # fmt: skip
    assert all(len(i) <= embeds.CUSTOM_ID for i in ids)
    assert AskPick.__discord_ui_compiled_template__.fullmatch("ak:p:42:x")  # type: ignore[attr-defined]
    assert AskReading.__discord_ui_compiled_template__.fullmatch(ids[0])  # type: ignore[attr-defined]


def test_user_text_is_escaped(podium: Podium) -> None:
    asker = Asker(podium.index, podium.matcher)
    answer = asker.ask("who won the **@everyone** final", ("c", "u"))
    description = ask_reply(answer, owner=1).embeds[0].description or ""
    assert "**@everyone**" not in description


def test_medal_tables_fit_at_any_size() -> None:
    ref = load_reference()
    counts = {code: Counter(gold=n % 7, silver=n % 5, bronze=n % 3) for n, code in enumerate(sorted(ref.nations))}
    table = MedalTableAnswer(scope="everything", events=9999, rows=rank_rows(counts, ref), without_nation=3)
    embed = medals_embed(table)
    assert embed_problems([embed.to_dict()]) == []
    assert "more nations" in (embed.description or "") and "3 medals not counted" in (embed.description or "")


def test_nation_and_games_embeds(podium: Podium) -> None:
    spain = nation_embed(podium.nation("Spain"))
    assert spain.title == "🇪🇸 Spain (ESP)" and embed_problems([spain.to_dict()]) == []
    games = games_embed(podium.games("Barcelona"))
    assert games.title == "1992 Summer Olympics — Barcelona, Spain" and embed_problems([games.to_dict()]) == []


def test_mention_text_and_limiter() -> None:
    assert question_of("<@42> who won the kilo? <@!42>", 42) == "who won the kilo?"
    assert question_of("<@7> <@42> hi", 42) == "<@7> hi"
    now = [0.0]
    limiter = MentionLimiter(2, 10.0, clock=lambda: now[0])
    assert limiter.allow(1) and limiter.allow(1) and not limiter.allow(1) and limiter.allow(2)
    now[0] = 10.5
    assert limiter.allow(1)


def test_questions_by_mention_can_be_turned_off(podium: Podium) -> None:
    from bot.discord import app
    from bot.discord.context import BotContext
    from bot.settings import load_settings

    on = load_settings()
    assert on.discord.ask_by_mention and app.intents(on.discord).guild_messages
    off = load_settings(discord={"ask_by_mention": False})
    assert not app.intents(off.discord).guild_messages
    client = app.build_client(BotContext(podium, off))
    assert not hasattr(client, "on_message")  # no listener, and no messages arrive
    assert client.tree.get_command("ask") is not None  # /ask stays
