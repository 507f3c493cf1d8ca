"""Whatever a page holds, the parser answers with an event or a reported problem, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.models import Problem
from bot.parse import parse_text
from bot.parse.page import PageError
from bot.reference import Reference
from tests.parse import pages

CELLS = st.sampled_from(
    ["", "1", "=4", "T2", "—", "DNF", "DSQ", "1:03.342", "9.96", "8.67 m", "x", "Q", "WR", "Name Surname",
     "Éva Ñoño", "USA", "Spain", "(GER)", "3–4", "+0.12", "1:21:45", "Lap 1", "250 m", "Time", "Rank", "Athlete",
     "Nation", "Points", "Team", "[[A|B]]", "{{flagIOC|FRA}}", "&amp;", "|", "  "]
)  # fmt: skip
ROW = st.lists(CELLS, min_size=0, max_size=9).map(lambda cells: "| " + " | ".join(cells) + " |")
LINE = st.one_of(
    ROW,
    st.sampled_from(["==Results==", "===Heat 1===", "====Final====", "==Records==", "Wind: +0.4 m/s", "", "Heat 2"]),
    st.text(max_size=30),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(LINE, max_size=30))
def test_random_tables_never_crash_the_parser(reference: Reference, lines: list[str]) -> None:
    text = pages.page(
        "Athletics at the 1992 Summer Olympics – Men's 100 metres", {"Gold": "Name Surname"}, "\n".join(lines)
    )
    problems: list[Problem] = []
    event = parse_text(text, "fuzz.txt", reference, problems)
    rows = sum(len(r.results) for r in event.rounds)
    assert rows >= 0 and all(p.file == "fuzz.txt" for p in problems)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_arbitrary_text_is_an_event_or_a_page_error(reference: Reference, text: str) -> None:
    problems: list[Problem] = []
    try:
        parse_text(text, "any.txt", reference, problems)
    except PageError as err:
        assert str(err)
