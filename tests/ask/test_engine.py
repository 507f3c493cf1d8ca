"""The asker's behaviour: follow-ups per channel and person with an injected clock, pickers and choosing,
two readings when unclear, examples from the data when not understood; ties, inferred, corrected and status-only
values said as such."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.ask import Asker
from bot.console.cli import main
from bot.core import Podium
from tests.parse.pages import LONG_JUMP, SPRINT_HEATS


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def asker(suite_podium: Podium, clock: Clock) -> Asker:
    return Asker(suite_podium.index, suite_podium.matcher, clock=clock, memory_seconds=300)


ME, OTHER_USER, OTHER_CHANNEL = ("c1", "u1"), ("c1", "u2"), ("c2", "u1")


def test_follow_ups_reuse_the_last_question_of_the_same_person_in_the_same_channel(asker: Asker) -> None:
    assert "José Manuel Moreno" in asker.ask("Who won the kilo in 1992?", ME).text
    again = asker.ask("and in 1932?", ME)
    assert again.follow_up and "Dunc Gray" in again.text
    assert "Jacques van Egmond" in asker.ask("what about silver?", ME).text
    # Someone else, or the same person elsewhere, has no question to follow up.
    assert asker.ask("and in 1932?", OTHER_USER).kind == "not_understood"
    assert asker.ask("what about silver?", OTHER_CHANNEL).kind == "not_understood"


def test_follow_ups_expire(asker: Asker, clock: Clock) -> None:
    asker.ask("where did Shane Kelly finish in the 1992 time trial", ME)
    clock.now += 299
    assert "Erin Hartwell (USA) finished 3rd" in asker.ask("and Hartwell?", ME).text
    clock.now += 301
    assert not asker.ask("and Kelly?", ME).follow_up


def test_a_picker_then_the_choice_answers_the_pending_question(asker: Asker, suite_podium: Podium) -> None:
    pick = asker.ask("where did Moreno finish", ME)
    assert pick.kind == "pick" and pick.pick_slot == "x" and pick.pick_kind == "athlete"
    names = [c.name for c in pick.candidates]
    assert names == ["José Manuel Moreno", "Héctor Moreno"]
    chosen = asker.choose(ME, "x", pick.candidates[1].id)
    assert chosen.kind == "answer" and "Héctor Moreno" in chosen.text and "20 kilometres walk" in chosen.text
    # Nothing pending for someone else.
    assert asker.choose(OTHER_USER, "x", pick.candidates[1].id).kind == "not_understood"


def test_an_event_picker(asker: Asker) -> None:
    pick = asker.ask("who won the time trial", ME)
    assert pick.kind == "pick" and pick.pick_slot == "e"
    assert [c.detail for c in pick.candidates] == ["1992 Summer, Barcelona", "1932 Summer, Los Angeles"]
    assert "Dunc Gray" in asker.choose(ME, "e", pick.candidates[1].id).text


def test_unclear_questions_offer_two_readings_that_answer(asker: Asker) -> None:
    unclear = asker.ask("Kelly 1992 time trial", ME)
    assert unclear.kind == "did_you_mean" and len(unclear.readings) == 2
    for reading in unclear.readings:
        assert asker.ask(reading.question, ME).kind == "answer"


def test_not_understood_says_what_can_be_answered_with_examples_from_the_data(asker: Asker) -> None:
    answer = asker.ask("what is the meaning of life", ME)
    assert answer.kind == "not_understood" and len(answer.examples) == 3
    assert all(asker.ask(q, ("x", "y")).kind == "answer" for q in answer.examples)
    assert asker.ask("", ME).kind == "not_understood"


def test_never_confident_about_an_unknown_event(asker: Asker) -> None:
    answer = asker.ask("who won the quidditch final in 1992", ME)
    assert answer.kind == "not_understood" and "quidditch" in answer.text


def test_answers_carry_source_command_and_table(asker: Asker) -> None:
    answer = asker.ask("who won the kilo in 1992", ME)
    assert answer.text == "José Manuel Moreno (ESP) won the men's track time trial at Barcelona 1992 in 1:03.342."
    assert answer.command == "/podium 1992 Men's track time trial"
    assert answer.source is not None and answer.source.source_file == "cycling_1992_mens_track_time_trial.txt"
    assert answer.podium is not None and [p.name for p in answer.podium.places][:1] == ["José Manuel Moreno"]


def test_ties_name_every_tied_athlete(asker: Asker) -> None:
    text = asker.ask("who finished 4th in the 1932 time trial", ME).text
    assert "William Harvell and Luigi Consonni finished 4th (tied)" in text
    bronze = asker.ask("who won bronze in the 1988 heavyweight boxing", ME).text
    assert "Andrzej Gołota (POL) and Arnold Vanderlyde (NED) took bronze (tied)" in bronze  # `Bronzenoc2: NED`


def test_corrected_values_are_given_as_corrected_and_said(asker: Asker) -> None:
    answer = asker.ask("what was the world record before the 1992 20 km walk", ME)
    assert "1:18:13" in answer.text
    assert any("corrected" in note and "1:18.13" in note for note in answer.notes)


def test_inferred_places_and_statuses_are_said(tmp_path: Path) -> None:
    (tmp_path / "sprint.txt").write_text(SPRINT_HEATS, encoding="utf-8")
    (tmp_path / "jump.txt").write_text(LONG_JUMP, encoding="utf-8")
    podium = Podium.load(tmp_path)
    asker = Asker(podium.index, podium.matcher)
    won = asker.ask("who won the 1996 100 metres")
    assert "Donovan Bailey (CAN) won" in won.text and any("inferred" in n for n in won.notes)
    fouled = asker.ask("where did Someone Fouled finish")
    assert "no mark" in fouled.text and any("a status, not a result" in n for n in fouled.notes)
    dns = asker.ask("where did Late Starter finish")
    assert "has no place" in dns.text and "did not start" in dns.text


def test_cli_ask_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "who", "won", "the", "kilo", "in", "1992?", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kind"] == "answer" and out["intent"] == "who_won"
    assert out["command"] == "/podium 1992 Men's track time trial"
    assert main(["ask", "and", "silver?"]) == 0  # one-shot: no earlier question, so not a follow-up
    assert "reads as a follow-up" in capsys.readouterr().out


def test_console_takes_a_line_that_is_not_a_command_as_a_question(capsys: pytest.CaptureFixture[str]) -> None:
    from bot.console.repl import Repl

    repl = Repl(Podium.load(Path("data/pages")))
    repl.handle("who won the kilo in 1992?")
    repl.handle("and in 1932?")
    repl.handle("where did Moreno finish")
    repl.handle("2")  # the second of the picker's choices
    out = capsys.readouterr().out
    assert "José Manuel Moreno (ESP) won" in out and "Dunc Gray (AUS) won" in out
    assert "Héctor Moreno" in out and "finished" in out.split("Héctor Moreno")[-1]


def test_a_medallist_known_only_from_the_infobox_is_answered_without_a_result(tmp_path: Path) -> None:
    (tmp_path / "archery.txt").write_text(
        "= Archery at the 1904 Summer Olympics – Men's double American round =\n\nInfobox\n- Gold: George Bryant\n"
        "- Goldnoc: USA\n- Silver: Robert Williams\n- Silvernoc: USA\n",
        encoding="utf-8",
    )
    podium = Podium.load(tmp_path, cache_dir=tmp_path / "cache")
    for question in (
        "where did George Bryant finish in the 1904 double american round",
        "how far behind was George Bryant in the 1904 double american round",
        "who finished right behind George Bryant in the 1904 double american round",
    ):
        answer = podium.ask(question)
        assert answer.text.startswith("George Bryant won gold in the men's double American round at St. Louis 1904")
        assert "the page lists no result for them" in answer.text
