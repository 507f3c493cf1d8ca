"""Whatever a page holds, the parser answers with an event or a reported problem, never a crash; and no results row
of a real page is ever lost without a word when the page is damaged."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.models import Event, Problem
from bot.parse import parse_text
from bot.parse.page import PageError, decode, split_lines
from bot.reference import Reference, load_reference
from tests.conftest import PAGES
from tests.parse import pages, real_like_pages

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
    assert all(p.file == "fuzz.txt" for p in problems)
    page_lines = split_lines(text)  # numbered as the reader numbers them (a lone CR ends a line too)
    for rnd in event.rounds:
        for row in rnd.results:  # a result comes from a table row of its round (a table without a header starts
            # with a result), nowhere else
            assert row.line >= rnd.line and page_lines[row.line - 1].lstrip().startswith("|"), (row, rnd.line)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_arbitrary_text_is_an_event_or_a_page_error(reference: Reference, text: str) -> None:
    problems: list[Problem] = []
    try:
        parse_text(text, "any.txt", reference, problems)
    except PageError as err:
        assert str(err)


# ------------------------------------------------------------------------------- row-accounting oracle
#
# Real pages (the bundled ones and the real-like ones of these tests) are mutated one results row at a time: a cell
# blanked, dropped, doubled, swapped or replaced by junk, or a junk copy inserted. The oracle: every row that was a
# result is still one (at its line, shifted by an inserted row), and the mutated or inserted row is a result, a team
# member of one, or a reported problem (its line named) — never silently lost.

JUNK = ["", "—", "???", "x", "1:xx.3", "99999", "-", "=", "DNF", "DSQ", "[[A|B]]", "{{flag|X}}", "&amp;", "NM",
        "9.9.9", "+", "(", "Q", "1e309", "nan", "\x00", "🥇", "   "]  # fmt: skip
MUTATIONS = ("blank", "drop", "double", "swap", "junk", "insert")


def real_pages() -> dict[str, str]:
    """The pages with results rows (a bracket-only page, boxing say, has none to mutate)."""
    found = {path.name: decode(path.read_bytes()) for path in sorted(PAGES.glob("*.txt"))}
    for module in (pages, real_like_pages):
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, str) and "\n|" in value:
                found[name] = value
    return {name: text for name, text in found.items() if result_lines(parse(text, REFERENCE)[0])}


def parse(text: str, reference: Reference) -> tuple[Event, list[Problem]]:
    problems: list[Problem] = []
    return parse_text(text, "mutated.txt", reference, problems), problems


def result_lines(event: Event) -> set[int]:
    return {row.line for rnd in event.rounds for row in rnd.results}


def members(event: Event) -> set[str]:
    return {m for rnd in event.rounds for row in rnd.results for m in row.members}


REFERENCE = load_reference()
REAL = real_pages()


def cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


def mutate(row: str, how: str, at: int, other: int, junk: str) -> str:
    parts = cells(row)
    at, other = at % len(parts), other % len(parts)
    if how == "blank":
        parts[at] = ""
    elif how == "drop" and len(parts) > 1:
        del parts[at]
    elif how == "double":
        parts.insert(at, parts[at])
    elif how == "swap":
        parts[at], parts[other] = parts[other], parts[at]
    else:
        parts[at] = junk
    return "| " + " | ".join(parts) + " |"


def test_the_pages_mutated_are_many_and_varied() -> None:
    assert len(REAL) >= 20 and {"cycling_1992_mens_track_time_trial.txt", "ATHLETICS_1992_MEN_4X100"} <= set(REAL)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    page=st.sampled_from(sorted(REAL)),
    pick=st.integers(min_value=0),
    how=st.sampled_from(MUTATIONS),
    at=st.integers(min_value=0, max_value=20),
    other=st.integers(min_value=0, max_value=20),
    junk=st.sampled_from(JUNK),
)
def test_a_mutated_row_is_a_result_or_a_problem_and_no_other_row_is_lost(
    page: str, pick: int, how: str, at: int, other: int, junk: str
) -> None:
    reference = REFERENCE
    original = REAL[page]
    before, _ = parse(original, reference)
    rows = sorted(result_lines(before))
    target = rows[pick % len(rows)]
    lines = original.split("\n")
    changed = mutate(lines[target - 1], how, at, other, junk)
    if how == "insert":
        lines.insert(target, changed)
        mutated_line = target + 1
        expected = {n + 1 if n > target else n for n in rows}
    else:
        lines[target - 1] = changed
        mutated_line = target
        expected = set(rows) - {target}
    after, problems = parse("\n".join(lines), reference)
    found = result_lines(after)
    reported = {p.line for p in problems if p.line}
    lost = sorted(n for n in expected if n not in found and n not in reported)
    assert not lost, (page, how, changed, [lines[n - 1] for n in lost])
    if not any(cells(changed)):  # a row of empty cells says nothing: nothing to lose
        return
    accounted = (
        mutated_line in found or mutated_line in reported or any(c and c in members(after) for c in cells(changed))
    )
    assert accounted, (page, how, changed)
