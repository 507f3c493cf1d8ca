"""The matcher's behaviour: verdicts, lists, suggestions, details and autocomplete limits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.console.cli import main
from bot.core import Podium
from bot.match import Candidate, Matcher, Resolution
from tests.match.helpers import page, write


@pytest.fixture(scope="module")
def crowd(tmp_path_factory: pytest.TempPathFactory) -> Podium:
    """Forty Smiths, a name longer than Discord allows, and the same name in two sports."""
    folder = tmp_path_factory.mktemp("crowd")
    smiths = [f"{first} Smith" for first in ("John", "Jane", "Joe", "Jack", "Jim", "Jill", "Jeff", "Jean")]
    smiths += [f"Anna{chr(97 + i)} Smith" for i in range(32)]
    write(folder, "a.txt", page("Athletics", 2000, "Men's 100 metres", smiths))
    long_name = "Maximiliano " + " ".join(["Alejandro"] * 12) + " Rodríguez"
    write(folder, "b.txt", page("Swimming", 2004, "Men's 100 metre freestyle", [long_name, "John Smith"]))
    return Podium.load(folder)


def test_ambiguity_is_an_answer_with_a_short_list(qpodium: Podium) -> None:
    verdict = qpodium.matcher.resolve_athlete("Moreno")
    assert verdict.outcome == "ambiguous"
    assert [(c.name, c.detail) for c in verdict.candidates] == [
        ("José Manuel Moreno", "Cycling, 1992 Summer"),
        ("Héctor Moreno", "Athletics, 1992 Summer"),
    ]


def test_lists_never_exceed_discord_limits(crowd: Podium) -> None:
    verdict = crowd.matcher.resolve_athlete("Smith")
    assert verdict.outcome == "ambiguous" and len(verdict.candidates) == 25
    for found in (crowd.matcher.complete_athlete(t) for t in ("", "s", "sm", "smi", "a", "anna", "j smith", "zz")):
        assert len(found) <= 25
        assert all(len(c.name) <= 100 and len(c.detail) <= 100 for c in found)
    assert len(crowd.matcher.complete_athlete("smith", limit=5)) == 5
    (long,) = [c for c in crowd.matcher.complete_athlete("maximiliano") if c.name.startswith("Maximiliano")]
    assert len(long.name) == 100 and long.name.endswith("…")


def test_same_name_in_two_sports_is_two_people(crowd: Podium) -> None:
    verdict = crowd.matcher.resolve_athlete("John Smith")
    assert verdict.outcome == "ambiguous"
    assert sorted(c.detail for c in verdict.candidates) == ["Athletics, 2000 Summer", "Swimming, 2004 Summer"]


def test_none_suggests_the_closest_names(qpodium: Podium) -> None:
    verdict = qpodium.matcher.resolve_athlete("Consonnnni Luiggi")
    assert verdict.outcome == "none"
    assert verdict.candidates[0].name == "Luigi Consonni"
    assert qpodium.matcher.resolve_athlete("").outcome == "none"
    assert qpodium.matcher.resolve_event("   ").outcome == "none"


def test_exact_beats_typo_and_nickname_classes(qpodium: Podium) -> None:
    # `Bobby` is a given name of two athletes and a nickname of Robert Beck: the exact ones win, together.
    verdict = qpodium.matcher.resolve_athlete("Bobby")
    assert [c.name for c in verdict.candidates] == ["Bobby McGregor", "Bobby O'Leary"]


def test_scores_fall_with_typos(qpodium: Podium) -> None:
    exact = qpodium.matcher.resolve_athlete("Luigi Consonni").candidates[0].score
    typo = qpodium.matcher.resolve_athlete("Luigi Consoni").candidates[0].score
    assert exact == 100.0 and typo < exact


def test_event_lists_are_newest_first(qpodium: Podium) -> None:
    years = [qpodium.index.events[c.id].year for c in qpodium.matcher.resolve_event("winter").candidates]
    assert years == sorted(years, reverse=True)
    assert qpodium.matcher.event_detail(qpodium.matcher.resolve_event("1992 time trial").candidates[0].id) == (
        "1992 Summer, Barcelona"
    )


def test_autocomplete_prefix_first_then_fuzzy(qpodium: Podium) -> None:
    names = [c.name for c in qpodium.matcher.complete_athlete("mor")]
    assert names[:3] == ["José Manuel Moreno", "Koichi Morishita", "Héctor Moreno"]
    assert [c.name for c in qpodium.matcher.complete_athlete("jose m")] == ["José Manuel Moreno"]
    assert [c.name for c in qpodium.matcher.complete_athlete("glcuklich")] == ["Jens Glücklich"]
    assert len(qpodium.matcher.complete_athlete("m")) == 25


def test_event_autocomplete(qpodium: Podium) -> None:
    titles = [c.name for c in qpodium.matcher.complete_event("time tr")]
    assert titles == [
        "Cycling at the 1992 Summer Olympics – Men's track time trial",
        "Cycling at the 1932 Summer Olympics – Men's track time trial",
    ]
    assert all("1994" in c.name for c in qpodium.matcher.complete_event("ham"))  # Hamar: 1994 Winter
    years = [qpodium.index.events[c.id].year for c in qpodium.matcher.complete_event("19")]
    assert years and all(str(y).startswith("19") for y in years) and years == sorted(years, reverse=True)
    assert qpodium.matcher.complete_event("zzzz") == []


def test_public_names_stay_importable_and_typed() -> None:
    assert Candidate(id="x", name="X", detail="d", score=1.0).name == "X"
    assert Resolution(query="q", kind="athlete", outcome="none", candidates=[]).outcome == "none"
    assert callable(Matcher.resolve_athlete) and callable(Matcher.complete_event)


def test_resolve_json_has_exactly_the_documented_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "athlete", "--json", "Moreno"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert list(doc) == ["query", "kind", "outcome", "candidates"]
    assert doc["outcome"] == "ambiguous"
    assert all(list(c) == ["name", "detail", "score"] for c in doc["candidates"])


def test_a_matcher_can_be_built_directly(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", page("Rowing", 2008, "Men's single sculls", ["Olaf Tufte", "Ondřej Synek"]))
    matcher = Podium.load(tmp_path).matcher
    assert matcher.resolve_athlete("ondrej synek").outcome == "match"
    assert matcher.resolve_event("single sculls 2008").outcome == "match"


def test_long_input_is_bounded(qpodium: Podium) -> None:
    text = " ".join(["moreno"] * 300)
    assert qpodium.matcher.resolve_athlete(text).outcome == "none"
    assert len(qpodium.matcher.complete_athlete(text)) <= 25
    assert qpodium.matcher.resolve_event(text).outcome in ("none", "match", "ambiguous")


def test_a_one_word_name_comes_first_among_equal_fits(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", page("Football", 2004, "Men's tournament", ["Cristiano Ronaldo", "Ronaldo"]))
    verdict = Podium.load(tmp_path).matcher.resolve_athlete("ronaldo")
    assert verdict.outcome == "ambiguous"
    assert [c.name for c in verdict.candidates] == ["Ronaldo", "Cristiano Ronaldo"]


def test_the_event_named_word_for_word_wins_over_the_same_words_reordered(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", page("Ski jumping", 2010, "Men's large hill individual", ["Simon Ammann"], "Winter"))
    write(tmp_path, "b.txt", page("Nordic combined", 2010, "Men's individual large hill", ["Bill Demong"], "Winter"))
    matcher = Podium.load(tmp_path).matcher
    assert [c.name for c in matcher.resolve_event("2010 large hill individual").candidates] == [
        "Ski jumping at the 2010 Winter Olympics – Men's large hill individual"
    ]
    assert matcher.resolve_event("large hill 2010").outcome == "ambiguous"


def test_years_of_games_in_the_index_are_years_beyond_the_grammar(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", page("Athletics", 2132, "Men's 100 metres", ["Ada Future"]))
    write(tmp_path, "b.txt", page("Athletics", 2136, "Men's 100 metres", ["Bo Later"]))
    matcher = Podium.load(tmp_path).matcher
    assert [c.name for c in matcher.resolve_event("2132 100 metres").candidates] == [
        "Athletics at the 2132 Summer Olympics – Men's 100 metres"
    ]
