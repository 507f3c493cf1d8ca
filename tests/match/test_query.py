"""Constraints parsed out of event queries."""

from __future__ import annotations

import pytest

from bot.match.query import QueryGrammar, stem
from bot.reference import Reference


@pytest.fixture(scope="module")
def grammar(reference: Reference) -> QueryGrammar:
    return QueryGrammar.from_reference(reference)


def test_year_season_gender_and_words(grammar: QueryGrammar) -> None:
    q = grammar.parse("Women's 100 metres hurdles 1992 summer")
    assert q.years == {1992} and q.season == "Summer" and q.gender == "women"
    assert q.words == ["100", "metre", "hurdle"]


def test_host_cities_name_games_including_other_venue_towns(grammar: QueryGrammar) -> None:
    assert grammar.parse("Hamar 1000m").games == {(1994, "Winter")}
    assert grammar.parse("Barcelona").games == {(1992, "Summer")}
    assert grammar.parse("Los Angeles").games == {(1932, "Summer"), (1984, "Summer"), (2028, "Summer")}
    assert grammar.parse("tokyo").games == {(1964, "Summer"), (2020, "Summer")}


def test_nicknames_and_abbreviations_expand(grammar: QueryGrammar) -> None:
    assert grammar.parse("kilo").words == ["track", "time", "trial"]
    assert grammar.parse("1 km TT").words == ["track", "time", "trial"]
    assert grammar.parse("20k walk").words == ["20", "kilometre", "walk"]
    assert grammar.parse("100 free").words == ["100", "metre", "freestyle"]
    assert grammar.parse("4x100").words == ["4", "100", "metre", "relay"]


def test_units_after_numbers_and_gender_letters(grammar: QueryGrammar) -> None:
    q = grammar.parse("w 500 m")
    assert q.gender == "women" and q.words == ["500", "metre"]
    assert grammar.parse("k-1 500m").words == ["k", "1", "500", "metre"]
    assert grammar.parse("60kg").words == ["60", "kg"]
    assert grammar.parse("10k", literal=True).words == ["10", "kilometre"]


def test_sport_phrases_constrain_single_words_stay_words(grammar: QueryGrammar) -> None:
    q = grammar.parse("track and field 1992")
    assert q.sports == {"athletics"} and q.words == []
    assert grammar.parse("swimming").words == ["swimming"]


def test_partial_keeps_the_last_token_aside(grammar: QueryGrammar) -> None:
    q = grammar.parse("1992 time tr", partial=True)
    assert q.partial == "tr" and q.words == ["time"] and q.years == {1992}
    assert grammar.parse("1992 ", partial=True).partial is None


def test_stem() -> None:
    assert [stem(w) for w in ("metres", "class", "bus", "hurdles", "walk")] == [
        "metre",
        "class",
        "bus",
        "hurdle",
        "walk",
    ]
