"""Whatever is typed, the asker answers with one of its four kinds and never raises; a confident answer always
names its source or says what it counts."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.ask import Asker
from bot.core import Podium

WORDS = st.sampled_from(
    [
        "who",
        "won",
        "the",
        "kilo",
        "in",
        "1992",
        "where",
        "did",
        "kelly",
        "finish",
        "time",
        "trial",
        "and",
        "silver",
        "what",
        "about",
        "how",
        "many",
        "medals",
        "spain",
        "did",
        "beat",
        "margin",
        "between",
        "gold",
        "behind",
        "winner",
        "500",
        "m",
        "lap",
        "1",
        "record",
        "before",
        "nation",
        "most",
        "golds",
        "vs",
        "fourth",
        "last",
        "moreno",
        "barcelona",
        "la",
        "1932",
        "walk",
        "20",
        "km",
        "marathon",
        "?",
        "'",
        "-",
        "@everyone",
        "<@1>",
        "é",
        "ø",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(WORDS, max_size=12).map(" ".join) | st.text(max_size=120), min_size=1, max_size=4))
def test_any_text_gets_an_answer_of_a_known_kind(suite_podium: Podium, lines: list[str]) -> None:
    asker = Asker(suite_podium.index, suite_podium.matcher, clock=lambda: 0.0)
    for line in lines:  # in one conversation: follow-ups of anything
        answer = asker.ask(line, ("c", "u"))
        assert answer.kind in ("answer", "pick", "did_you_mean", "not_understood")
        assert answer.text
        if answer.kind == "answer":
            assert (
                answer.source is not None
                or answer.medals is not None
                or answer.athlete is not None
                or (answer.compare is not None)
            )
        if answer.kind == "pick":
            assert answer.candidates and answer.pick_slot
