"""Medal tables: ranking rules (gold, silver, bronze; equal rows share a rank), shared and team medals,
historical NOCs, scopes; nations and Games overviews; the console and CLI faces."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.console.cli import main
from bot.core import Podium
from bot.errors import BadOption, NotFound, PodiumError
from bot.medals import rank_rows
from bot.reference import Reference
from tests.medals.pages import write


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("medal-pages"))


@pytest.fixture(scope="module")
def podium(folder: Path) -> Podium:
    return Podium.load(folder)


def rows(podium: Podium, query: str = "") -> list[tuple[int, str, int, int, int, int]]:
    return [(r.rank, r.noc, r.gold, r.silver, r.bronze, r.total) for r in podium.medals(query).rows]


def test_whole_table_ranks_gold_then_silver_then_bronze(podium: Podium) -> None:
    # Equal rows share a rank and the next rank skips; silver breaks a tie in gold, bronze one in silver.
    assert rows(podium) == [
        (1, "USA", 1, 1, 1, 3),
        (2, "EUN", 1, 0, 0, 1),
        (2, "FRG", 1, 0, 0, 1),
        (2, "KOR", 1, 0, 0, 1),
        (5, "URS", 0, 1, 1, 2),
        (6, "GBR", 0, 1, 0, 1),
        (7, "FRA", 0, 0, 2, 2),
        (8, "GDR", 0, 0, 1, 1),
    ]
    assert [r.tied for r in podium.medals().rows] == [False, True, True, True, False, False, False, False]


def test_shared_bronzes_count_for_each_and_team_medal_once(podium: Podium) -> None:
    table = {r.noc: r for r in podium.medals("1988").rows}
    assert (table["URS"].silver, table["URS"].bronze) == (1, 1)  # eight silver + shared judo bronze
    assert table["GDR"].bronze == 1
    assert table["FRG"].gold == 1 and table["FRG"].total == 1  # a crew of four wins one gold for its nation
    assert sum(r.bronze for r in podium.medals("1988").rows) == 4  # judo 2, eight 1, swimming 1


def test_historical_nocs_are_their_own_rows_with_their_names(podium: Podium) -> None:
    named = {r.noc: (r.name, r.flag) for r in podium.medals().rows}
    assert named["URS"][0] == "Soviet Union" and named["URS"][1] is None
    assert named["FRG"][0] == "West Germany"
    assert named["GDR"][0] == "East Germany"
    assert named["EUN"][0] == "Unified Team"
    assert named["USA"][1] == "🇺🇸"


def test_a_medal_without_a_nation_is_said_not_guessed(podium: Podium) -> None:
    answer = podium.medals("Barcelona")
    assert answer.scope == "Barcelona 1992"
    assert answer.without_nation == 1
    assert [r.noc for r in answer.rows] == ["EUN", "FRA"]
    assert answer.counts == "in the events loaded"


@pytest.mark.parametrize(
    ("query", "scope", "events"),
    [("", "all Games loaded", 4), ("1988", "Seoul 1988", 3), ("seoul", "Seoul 1988", 3),
     ("swimming", "Swimming", 2), ("swim 1992", "Barcelona 1992 · Swimming", 1), ("summer", "Summer Games", 4),
     ("winter", "Winter Games", 0), ("rowing", "Rowing", 1)],
)  # fmt: skip
def test_scopes(podium: Podium, query: str, scope: str, events: int) -> None:
    answer = podium.medals(query)
    assert (answer.scope, answer.events) == (scope, events)


def test_unreadable_scope_is_a_helpful_error(podium: Podium) -> None:
    with pytest.raises(BadOption, match="cannot read 'quidditch'"):
        podium.medals("quidditch")


@given(st.dictionaries(st.sampled_from(["AAA", "BBB", "CCC", "DDD", "EEE"]),
                       st.tuples(*[st.integers(0, 3)] * 3), min_size=1))  # fmt: skip
def test_ranking_rule_holds_for_any_counts(counts: dict[str, tuple[int, int, int]]) -> None:
    table = rank_rows({k: Counter(gold=g, silver=s, bronze=b) for k, (g, s, b) in counts.items()}, Reference())
    keys = [(r.gold, r.silver, r.bronze) for r in table]
    assert keys == sorted(keys, reverse=True)
    for n, row in enumerate(table):
        assert row.total == row.gold + row.silver + row.bronze
        # A row's rank is one more than the rows strictly ahead of it.
        assert row.rank == 1 + sum(1 for k in keys if k > keys[n])
        assert row.tied == (keys.count(keys[n]) > 1)


def test_nation_answer(podium: Podium) -> None:
    usa = podium.nation("united states")
    assert usa.noc == "USA" and usa.medals == {"gold": 1, "silver": 1, "bronze": 1}
    assert [(g.games, g.total) for g in usa.by_games] == [("1988 Summer", 3)]
    assert {s.sport: s.total for s in usa.by_sport} == {"Swimming": 2, "Rowing": 1}
    names = [m.name for m in usa.medallists]
    assert names[:2] == ["Matt Biondi", "Chris Jacobs"] and "Amy A" in names
    assert podium.nation("URS").historical
    assert podium.nation("Frnace").noc == "FRA"  # a typo in a name
    assert podium.nation("fra").medals["bronze"] == 2
    with pytest.raises(NotFound):
        podium.nation("Atlantis")
    with pytest.raises(PodiumError, match="No event loaded names Japan"):
        podium.nation("Japan")  # a real nation, in no page loaded


def test_a_nation_without_medals_shows_its_best_results(podium: Podium) -> None:
    canada = podium.nation("Canada")
    assert canada.medals == {"gold": 0, "silver": 0, "bronze": 0} and canada.events_entered == 1
    assert canada.best == ["4th: Tom Ponting, Swimming at the 1988 Summer Olympics – Men's 100 metre freestyle (49.84)"]


def test_games_answer(podium: Podium) -> None:
    seoul = podium.games("1988")
    assert (seoul.host_city, seoul.season, seoul.events) == ("Seoul", "Summer", 3)
    assert seoul.medals.rows[0].noc == "USA"
    assert [(r.note, r.name) for r in seoul.records] == [("OR", "Matt Biondi")]
    with pytest.raises(NotFound):
        podium.games("1900")


def test_cli_medals_json(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["medals", "1988", "--json", "--data", str(folder)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["scope"] == "Seoul 1988"
    first = out["rows"][0]
    assert {k: first[k] for k in ("rank", "noc", "name", "gold", "silver", "bronze", "total")} == {
        "rank": 1, "noc": "USA", "name": "United States", "gold": 1, "silver": 1, "bronze": 1, "total": 3,
    }  # fmt: skip


def test_cli_nation_and_games_render(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nation", "Soviet", "Union", "--data", str(folder)]) == 0
    assert "Soviet Union (URS)" in capsys.readouterr().out
    assert main(["games", "Seoul", "--data", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "1988 Summer Olympics" in out and "Matt Biondi" in out
    assert main(["medals", "quidditch", "--data", str(folder)]) == 1
    assert "cannot read" in capsys.readouterr().out
