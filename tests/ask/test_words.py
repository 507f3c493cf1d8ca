"""Questions folded for the rules: numbers in words, ordinals, possessives, accents."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.ask.words import fold_question, ordinal, place_of


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Who finished fourth in the twenty km walk?", "who finished 4th in the 20 km walk"),
        ("What was Moreno's time?", "what was moreno time"),
        ("José Manuel Moreno", "jose manuel moreno"),
        ("one hundred metres", "100 metres"),
        ("thirty-second place", "32nd place"),
        ("lost by a second", "lost by a second"),
        ("who came second", "who came 2nd"),
        ("who won the four-man bobsleigh", "who won the four man bobsleigh"),
        ("twenty kilometres", "20 kilometres"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold_question(text) == folded


@given(st.integers(min_value=1, max_value=999))
def test_ordinals_read_back(n: int) -> None:
    assert place_of(ordinal(n)) == n
    assert ordinal(n)[-2:] in ("st", "nd", "rd", "th")
