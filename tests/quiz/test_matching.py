"""Typed answers are matched by the answer's type: neither loose nor pedantic."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.performance import format_value
from bot.quiz.matching import credit, is_right, ordinal, parse_number, parse_place
from bot.quiz.wording import games_forms
from bot.reference import Reference
from tests.quiz.helpers import count_q, name_q, perf_q, place_q, question

WALK = ["Daniel Plaza", "Guillaume LeBlanc", "Héctor Moreno", "Daniel García", "Bobby O'Leary", "Nicholas A'Hern"]


@pytest.mark.parametrize(
    ("guess", "right"),
    [
        ("José Manuel Moreno", True),
        ("jose manuel moreno", True),
        ("JOSÉ MANUEL MORENO", True),
        ("Jose-Manuel  Moreno.", True),
        ("Moreno", True),  # the surname alone: nobody else in the event is a Moreno
        ("manuel moreno", True),
        ("Morenno", True),  # one slip in a name of six letters or more
        ("José", False),  # a first name is not enough
        ("Manuel", False),
        ("Jose Moreno Manuel", True),  # word order never counts (as for `/athlete`)
        ("Moreno José Manuel", True),
        ("J. M. Moreno", True),  # initials
        ("Hern", False),  # a fragment
        ("Kelly", False),
        ("M", False),
        ("", False),
    ],
)
def test_names_folded_and_surname_alone(guess: str, right: bool) -> None:
    q = name_q("José Manuel Moreno", ["José Manuel Moreno", "Shane Kelly", "Erin Hartwell", "Jens Glücklich"])
    assert is_right(q, guess) is right


def test_surname_alone_refused_when_two_people_share_it() -> None:
    q = name_q("Héctor Moreno", [*WALK, "José Manuel Moreno"])
    assert not is_right(q, "Moreno")
    assert is_right(q, "Hector Moreno")
    alone = name_q("Héctor Moreno", WALK)
    assert is_right(alone, "moreno")


def test_a_typo_that_fits_someone_else_is_refused() -> None:
    q = name_q("Daniel Plaza", [*WALK, "Daniel Plazo"])
    assert not is_right(q, "Daniel Plazq")  # one edit from both Plaza and Plazo
    assert is_right(q, "Daniel Plaza")
    assert not is_right(q, "Plazo")


def test_generational_suffix_and_punctuation() -> None:
    names = ["Noé Hernández", "Noé Hernández Jr", "Robert Korzeniowski"]
    senior, junior = name_q("Noé Hernández", names), name_q("Noé Hernández Jr", names)
    assert not is_right(senior, "Hernandez")  # could be either
    assert is_right(senior, "noe hernandez")
    assert is_right(junior, "Hernandez Jr")
    assert not is_right(junior, "Noe Hernandez")
    oleary = name_q("Bobby O'Leary", WALK)
    for form in ("OLeary", "o'leary", "O Leary", "Bobby OLeary"):
        assert is_right(oleary, form), form


def test_a_tie_accepts_every_tied_name() -> None:
    names = ["William Harvell", "Luigi Consonni", "Lew Rush", "Dunc Gray"]
    q = name_q("William Harvell / Luigi Consonni", names, accepted=["William Harvell", "Luigi Consonni"])
    assert is_right(q, "Harvell") and is_right(q, "Luigi Consonni") and is_right(q, "consoni")
    assert not is_right(q, "Rush")


def test_accents_fold_both_ways() -> None:
    q = name_q("Jens Glücklich", ["Jens Glücklich", "Adler Capelli"])
    assert is_right(q, "Glucklich") and is_right(q, "GLÜCKLICH") and is_right(q, "Gluecklich")


def test_not_loose_chair_is_not_air() -> None:
    venue = question(kind="venue", answer_type="venue", answer="Air", accepted=["Air"], distractors=["Chairs"])
    assert not is_right(venue, "chair")
    rush = name_q("Lew Rush", ["Lew Rush", "Dunc Gray"])
    assert not is_right(rush, "Brush") and not is_right(rush, "Rus") and is_right(rush, "rush")


@pytest.mark.parametrize(
    ("value", "precision", "unit", "right", "wrong"),
    [
        (63.342, 3, "s", ["1:03.342", "1:03,342", "63.342", "63.342s", "1:03.342 s", "63,342 sec", "1:03.3420"],
         ["1:03.34", "1:03.3", "1:03.343", "1:04.342", "63.342 m", "about a minute"]),
        (9.96, 2, "s", ["9.96", "9,96", "9.96s", "9.96 s", "+9.96"], ["9.9", "9.97", "9.96 m", "9:96"]),
        (73.0, 1, "s", ["1:13", "1:13.0", "73", "73.0", "1:13.04"], ["1:13.1", "1:12.9", "13.0"]),
        (4905.0, 0, "s", ["1:21:45", "81:45", "1:21:45.0", "4905"], ["1:21.45", "1:21:46", "1:21"]),
        (8.67, 2, "m", ["8.67", "8,67 m", "8.67m", "8.67 metres"], ["8.7", "8.68", "8.67 s", "8:67"]),
    ],
)  # fmt: skip
def test_times_and_marks_within_the_precision_asked(
    value: float, precision: int, unit: str, right: list[str], wrong: list[str]
) -> None:
    q = perf_q(value, precision, unit)
    for text in right:
        assert is_right(q, text), text
    for text in wrong:
        assert not is_right(q, text), text


@pytest.mark.parametrize(
    ("rank", "tied", "right", "wrong"),
    [
        (3, False, ["3rd", "3", "third", "Third place", "bronze", "bronze medal", "3rd place"],
         ["2nd", "silver", "third or fourth", "4", "33"]),
        (4, True, ["4", "=4", "=4th", "tied 4th", "joint fourth", "T4", "fourth", "4th place"], ["5th", "=5"]),
        (23, False, ["23rd", "twenty-third", "twenty third", "23"], ["22nd", "twenty-two", "32nd"]),
        (1, False, ["1st", "first", "gold", "1"], ["second"]),
    ],
)  # fmt: skip
def test_places(rank: int, tied: bool, right: list[str], wrong: list[str]) -> None:
    q = place_q(rank, tied)
    for text in right:
        assert is_right(q, text), text
    for text in wrong:
        assert not is_right(q, text), text


def test_counts_and_closest_guess_credit() -> None:
    q = count_q(42, tolerance=10.0)
    for text in ("42", "forty-two", "Forty two", "42 competitors", "about 42", "~42"):
        assert credit(q, text) == 1.0, text
    assert credit(q, "41") == 0.9
    assert credit(q, "47") == 0.5
    assert credit(q, "52") == 0.0 and credit(q, "100") == 0.0
    assert credit(q, "40 or 42") == 0.0
    assert credit(q, "many") == 0.0


def test_nations_by_code_or_name() -> None:
    q = question(
        kind="nation",
        answer_type="nation",
        answer="Netherlands",
        accepted=["Netherlands", "NED"],
        distractors=["Australia", "France"],
    )
    for text in ("NED", "ned", "Netherlands", "the netherlands", "Netherlnds"):
        assert is_right(q, text), text
    assert not is_right(q, "France") and not is_right(q, "Holand")


def test_games_forms(reference: Reference) -> None:
    barcelona = question(kind="games", answer_type="games", answer="Barcelona 1992",
                         accepted=games_forms(reference, 1992, "Summer"))  # fmt: skip
    for text in ("1992", "Barcelona 1992", "1992 Summer Olympics", "the 1992 Games", "barcelona", "Summer 1992"):
        assert is_right(barcelona, text), text
    assert not is_right(barcelona, "1988") and not is_right(barcelona, "1992 Winter")
    la = question(kind="games", answer_type="games", answer="Los Angeles 1932",
                  accepted=games_forms(reference, 1932, "Summer"))  # fmt: skip
    assert is_right(la, "Los Angeles 1932") and is_right(la, "1932")
    assert not is_right(la, "Los Angeles")  # it hosted in 1932, 1984 and 2028


def test_true_false() -> None:
    q = question(kind="tf_medal", answer_type="boolean", answer="False", accepted=["False"])
    for text in ("false", "F", "no", "FALSE"):
        assert is_right(q, text)
    for text in ("true", "yes", "maybe", "not sure"):
        assert not is_right(q, text)


# ------------------------------------------------------------------------------------------------ properties


@given(
    st.integers(min_value=1, max_value=9_000_000),
    st.integers(min_value=0, max_value=3),
    st.sampled_from([".", ","]),
    st.sampled_from(["", "s", " s", " sec"]),
)
def test_any_usual_form_of_a_time_is_right(thousandths: int, precision: int, sep: str, suffix: str) -> None:
    value = round(thousandths / 1000, precision) or 10.0**-precision
    q = perf_q(value, precision)
    clock = format_value(value, "s", precision)
    plain = f"{value:.{precision}f}"
    assert is_right(q, clock.replace(".", sep) + suffix)
    assert is_right(q, plain.replace(".", sep) + suffix)


@given(
    st.integers(min_value=1000, max_value=9_000_000),
    st.integers(min_value=0, max_value=3),
    st.integers(min_value=1, max_value=9),
    st.booleans(),
)
def test_a_time_off_by_a_unit_of_the_precision_is_wrong(thousandths: int, precision: int, k: int, up: bool) -> None:
    value = round(thousandths / 1000, precision)
    q = perf_q(value, precision)
    off = value + (k if up else -k) * 10.0**-precision
    assert not is_right(q, format_value(off, "s", precision))


@given(st.integers(min_value=1, max_value=400))
def test_ordinals_read_back(rank: int) -> None:
    assert parse_place(ordinal(rank)) == rank
    assert parse_place(f"={rank}") == rank
    assert parse_place(str(rank)) == rank


@given(st.integers(min_value=0, max_value=99_999))
def test_numbers_read_back(number: int) -> None:
    assert parse_number(str(number)) == number
    assert parse_number(f"{number} competitors") == number


NAMES = ["José Manuel Moreno", "Shane Kelly", "Erin Hartwell", "Jens Glücklich", "Frédéric Lancien"]


@given(st.sampled_from(NAMES), st.data())
def test_case_and_accents_never_matter(name: str, data: st.DataObject) -> None:
    from anyascii import anyascii

    flips = data.draw(st.lists(st.booleans(), min_size=len(name), max_size=len(name)))
    base = data.draw(st.sampled_from([name, anyascii(name)]))
    typed = "".join(c.upper() if f else c.lower() for c, f in zip(base, flips, strict=False))
    assert is_right(name_q(name, NAMES), typed)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=0, max_size=12))
def test_random_text_is_not_a_name(text: str) -> None:
    from rapidfuzz.distance import Levenshtein

    q = name_q("Shane Kelly", NAMES)
    compact = text.replace(" ", "")
    forms = {"shanekelly", "kelly"}
    if is_right(q, text):
        assert any(Levenshtein.distance(compact, f) <= 1 for f in forms)
