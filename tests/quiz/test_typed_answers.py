"""Typed answers judged with the bot's own rules and tables: each rule right in other words, and wrong refused."""

from __future__ import annotations

import pytest

from bot.quiz.matching import credit, default_tables, is_right
from bot.quiz.wording import games_forms
from tests.quiz.helpers import perf_q, place_q, question

EVENT = [
    "José Manuel Moreno",
    "William Harvell",
    "Chen Shaoguo",
    "Hwang Young-cho",
    "Mohd Azizulhasni bin Awang",
    "Nicholas A'Hern",
    "Jacques van Egmond",
    "Shane Kelly",
    "Jens Glücklich",
    "Alexander Popov",
]
ORDERS = {"Chen Shaoguo": "family_first", "Hwang Young-cho": "family_first"}


def person_q(answer: str) -> object:
    return question(answer=answer, accepted=[answer], names=EVENT, name_orders=ORDERS)


@pytest.mark.parametrize(
    ("answer", "guess"),
    [
        ("José Manuel Moreno", "Moreno José"),  # word order
        ("José Manuel Moreno", "Jose Moreno"),  # a middle name dropped
        ("José Manuel Moreno", "J. Moreno"),  # an initial
        ("José Manuel Moreno", "JM Moreno"),  # initials written together
        ("José Manuel Moreno", "JOSE MANUEL MORENO"),
        ("José Manuel Moreno", "Morneo"),  # two letters swapped
        ("William Harvell", "Bill Harvell"),  # a nickname
        ("William Harvell", "Harvell"),  # the surname: nobody else in the event has it
        ("Alexander Popov", "Sasha Popov"),
        ("Chen Shaoguo", "Chen"),  # the family name, written first
        ("Chen Shaoguo", "Shaoguo Chen"),
        ("Hwang Young-cho", "Hwang Youngcho"),  # a hyphen joined
        ("Hwang Young-cho", "Hwang Young cho"),
        ("Hwang Young-cho", "Hwang"),
        ("Mohd Azizulhasni bin Awang", "Awang"),
        ("Mohd Azizulhasni bin Awang", "Azizulhasni Awang"),
        ("Nicholas A'Hern", "Ahern"),
        ("Nicholas A'Hern", "Nick A'Hern"),
        ("Jacques van Egmond", "van Egmond"),
        ("Jacques van Egmond", "Egmond"),
        ("Jens Glücklich", "Glucklich"),
        ("Jens Glücklich", "glcuklich"),
        ("José Manuel Moreno", "Mr Moreno"),
        ("José Manuel Moreno", "it was Moreno"),
    ],
)
def test_a_name_right_in_other_words(answer: str, guess: str) -> None:
    assert is_right(person_q(answer), guess)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("answer", "guess"),
    [
        ("Chen Shaoguo", "Shaoguo"),  # a given name taken as a surname
        ("Mohd Azizulhasni bin Awang", "bin"),  # a particle
        ("Mohd Azizulhasni bin Awang", "Mohd"),
        ("Jacques van Egmond", "van"),
        ("Nicholas A'Hern", "Hern"),  # a fragment
        ("José Manuel Moreno", "José"),  # a given name alone
        ("José Manuel Moreno", "José Manuel"),
        ("José Manuel Moreno", "JM"),  # initials alone
        ("José Manuel Moreno", "Shane Kelly"),  # someone else
        ("José Manuel Moreno", "Moreno Kelly"),
        ("William Harvell", "Bob Harvell"),  # a nickname of another name
        ("Shane Kelly", "Kely Shane Jens"),
    ],
)
def test_a_name_wrong_is_refused(answer: str, guess: str) -> None:
    assert not is_right(person_q(answer), guess)  # type: ignore[arg-type]


def test_a_name_of_no_letters_in_the_event_fits_nothing() -> None:
    q = question(answer="Shane Kelly", accepted=["Shane Kelly"], names=["Shane Kelly", "—", "?", ""])
    assert is_right(q, "Kelly") and not is_right(q, "—") and not is_right(q, "")


def test_a_surname_shared_in_the_event_is_not_enough() -> None:
    q = question(answer="Daniel García", accepted=["Daniel García"], names=["Daniel García", "Ana García"])
    assert not is_right(q, "García") and is_right(q, "Daniel Garcia") and is_right(q, "D. García")


def nation_q(name: str, code: str) -> object:
    return question(kind="nation", answer_type="nation", answer=name, accepted=[name, code])


@pytest.mark.parametrize(
    ("name", "code", "guess"),
    [
        ("United States", "USA", "US"),
        ("United States", "USA", "United States of America"),
        ("United States", "USA", "U.S.A."),
        ("United States", "USA", "america"),
        ("Great Britain", "GBR", "UK"),
        ("Great Britain", "GBR", "Britain"),
        ("Great Britain", "GBR", "United Kingdom"),
        ("Great Britain", "GBR", "gbr"),
        ("Soviet Union", "URS", "USSR"),
        ("Netherlands", "NED", "Holland"),
        ("Netherlands", "NED", "the Netherlands"),
        ("West Germany", "FRG", "FRG"),
        ("Spain", "ESP", "esp"),
        ("Spain", "ESP", "Spian"),  # a slip
    ],
)
def test_a_nation_by_its_codes_names_and_aliases(name: str, code: str, guess: str) -> None:
    assert is_right(nation_q(name, code), guess)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "code", "guess"),
    [("Soviet Union", "URS", "Russia"), ("Germany", "GER", "East Germany"), ("USA", "USA", "UK")],
)
def test_another_nation_is_refused(name: str, code: str, guess: str) -> None:
    assert not is_right(nation_q(name, code), guess)  # type: ignore[arg-type]


def test_games_by_city_year_two_digits_and_other_names() -> None:
    ref = default_tables().reference
    q = question(kind="games", answer_type="games", answer="Barcelona 1992", accepted=games_forms(ref, 1992, "Summer"))
    for guess in ("Barcelona '92", "Barcelona 92", "barcelona 1992", "1992", "the 1992 Olympics", "Summer 1992"):
        assert is_right(q, guess), guess
    for guess in ("Atlanta '96", "1996", "Barcelona '96"):
        assert not is_right(q, guess), guess
    athens = question(
        kind="games", answer_type="games", answer="Athens 2004", accepted=games_forms(ref, 2004, "Summer")
    )
    assert is_right(athens, "Athina 2004") and is_right(athens, "Athens '04")


@pytest.mark.parametrize(
    "guess",
    [
        "1:03.342", "63.342", "63,342", "1:03.342s", "1m 03.342s", "1 min 3.342 sec", "1.03.342", "1'03.342\"",
        "1m03.342", "1min03.342", "01:03.342", "1:03,342", "about 1:03.342", "1:03.342.", "63.342 secs",
    ],
)  # fmt: skip
def test_a_time_in_every_usual_notation(guess: str) -> None:
    assert credit(perf_q(63.342, 3), guess) == 1.0


def test_a_near_time_earns_part_a_wild_one_nothing() -> None:
    q = perf_q(63.342, 3).model_copy(update={"scoring": "closest"})
    near, closer, far = credit(q, "1:03.34"), credit(q, "1:03.341"), credit(q, "1:10.0")
    assert 0 < near < 1 and 0 < closer < 1 and far == 0.0
    assert credit(q, "1:03.9") < near  # the nearer the more
    walk = perf_q(4693.0, 0).model_copy(update={"scoring": "closest"})
    assert credit(walk, "1h 18m 13s") == 1.0 and credit(walk, "1.18.13") == 1.0 and credit(walk, "1:18:13") == 1.0
    jump = perf_q(8.67, 2, unit="m")
    assert credit(jump, "8m67") == 1.0 and credit(jump, "8,67 m") == 1.0 and credit(jump, "8.67 s") == 0.0


@pytest.mark.parametrize("guess", ["came third", "third", "3rd", "3", "bronze", "finished 3rd", "third place"])
def test_a_place_in_words_or_numerals(guess: str) -> None:
    assert is_right(place_q(3), guess)


@pytest.mark.parametrize("guess", ["tied for fourth", "joint 4th", "=4", "fourth", "T4"])
def test_a_tied_place(guess: str) -> None:
    assert is_right(place_q(4), guess)


def test_a_wrong_or_hedged_place_is_refused() -> None:
    for guess in ("came fourth", "3rd or 4th", "silver", "maybe"):
        assert not is_right(place_q(3), guess), guess


@pytest.mark.parametrize(
    ("answer", "guess", "right"),
    [
        ("True", "yeah", True),
        ("True", "yep", True),
        ("True", "Yes!", True),
        ("True", "of course", True),
        ("False", "nope", True),
        ("False", "nah", True),
        ("False", "not true", True),
        ("True", "absolutely", True),
        ("False", "he didn't", True),
        ("False", "no way", True),
        ("True", "nope", False),
        ("False", "yeah", False),
        ("True", "maybe", False),
    ],
)
def test_yes_and_no_variants(answer: str, guess: str, right: bool) -> None:
    q = question(kind="tf_medal", answer_type="boolean", answer=answer, accepted=[answer])
    assert is_right(q, guess) is right
