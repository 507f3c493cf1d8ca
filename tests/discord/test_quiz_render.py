"""The quiz's Discord rendering, without Discord: every message within the limits, buttons' state in custom_ids."""

from __future__ import annotations

import random
import re

from bot.core import Podium
from bot.discord import embeds
from bot.discord.quiz import (
    ANSWER_TEMPLATE,
    final_embed,
    options_view,
    question_embed,
    reveal_embed,
    standings_text,
)
from bot.quiz.model import Question
from bot.quiz.pool import build_pool
from bot.quiz.select import pick_questions
from bot.quiz.session import GameEnded, QuestionClosed, QuizSession
from tests.quiz.helpers import at


def _long(q: Question) -> Question:
    """The same question with everything as long as a user or a page could make it."""
    return q.model_copy(
        update={
            "prompt": q.prompt + " " + "x" * 5000,
            "fact": "*" * 5000,
            "choices": [c + " " + "y" * 200 for c in q.choices],
            "answer": q.answer + "z" * 300,
        }
    )


def test_every_question_and_reveal_fits(podium: Podium) -> None:
    questions = pick_questions(build_pool(podium.index), 40, random.Random(5))
    session = QuizSession(questions, host_id="h", seconds=20)
    session.start(at(0))
    for i, q in enumerate(questions, start=1):
        for shown in (q, _long(q)):
            assert embeds.message_problems([question_embed(shown, i, 40, 12.4, typed=False)]) == []
            view = options_view(123456789012345678, i, shown)
            assert view is not None and len(view.children) == len(q.choices)
            for child in view.children:
                item = getattr(child, "item", child)
                assert len(item.label) <= embeds.BUTTON_LABEL and len(item.custom_id) <= embeds.CUSTOM_ID
                assert re.fullmatch(ANSWER_TEMPLATE, item.custom_id)
        if session.current is not None:
            session.answer("p" * 20, "Name_with*markdown* " * 8, at(i * 30 - 25), choice=0)
        events = session.skip("h", at(i * 30 - 20))
        closed = next(e for e in events if isinstance(e, QuestionClosed))
        assert embeds.message_problems([reveal_embed(closed)]) == []
        long_closed = QuestionClosed(closed.number, closed.total, _long(q), closed.answers, True, closed.top, at(0))
        assert embeds.message_problems([reveal_embed(long_closed)]) == []
        session.tick(at(i * 30))
    ended = session.ended
    assert isinstance(ended, GameEnded)
    assert embeds.message_problems([final_embed(ended, 7)]) == []


def test_closed_buttons_are_disabled_and_show_the_right_one(podium: Podium) -> None:
    (q,) = pick_questions(build_pool(podium.index, difficulty=1), 1, random.Random(1))
    view = options_view(1, 1, q, closed=True)
    assert view is not None
    items = [getattr(c, "item", c) for c in view.children]
    assert all(i.disabled for i in items)
    right = [i for i in items if i.style.name == "success"]
    assert len(right) == 1 and q.answer in right[0].label


def test_standings_escape_names_and_mark_the_podium() -> None:
    from bot.quiz.session import Standing

    rows = [Standing(1, "a", "**Ann**", 150, 1, 1, 1), Standing(2, "b", "Bob", 0, 0, 1, 0)]
    text = standings_text(rows)
    assert text.splitlines()[0].startswith("🥇 **\\*\\*Ann\\*\\***")
    assert text.splitlines()[1].startswith("`2.` **Bob**")  # no medal without points
    assert standings_text([]) == "Nobody has scored yet."
