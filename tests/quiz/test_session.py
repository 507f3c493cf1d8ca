"""The game state, driven by an injected clock: scoring, timing, ties, one answer each, pause, skip, stop."""

from __future__ import annotations

import csv
import io

import pytest

from bot.quiz.session import (
    GameEnded,
    GamePaused,
    GameResumed,
    NotAllowed,
    QuestionClosed,
    QuestionOpened,
    QuizSession,
    QuizStateError,
)
from tests.quiz.helpers import at, choice_q, count_q

OPTIONS = ["Dunc Gray", "Jacques van Egmond", "Charles Rampelberg", "Lew Rush"]


def game(n: int = 3, **kwargs: object) -> QuizSession:
    questions = [choice_q(f"q{i}", OPTIONS[i % 4], OPTIONS) for i in range(n)]
    options: dict[str, object] = {"host_id": "host", "seconds": 20.0, "reveal_seconds": 5.0}
    options.update(kwargs)
    return QuizSession(questions, **options)  # type: ignore[arg-type]


def right(session: QuizSession) -> int:
    q = session.current
    assert q is not None
    return q.choices.index(q.answer)


def wrong(session: QuizSession) -> int:
    return (right(session) + 1) % 4


def test_start_opens_the_first_question_with_its_deadline() -> None:
    s = game()
    events = s.start(at(0))
    assert isinstance(events[0], QuestionOpened)
    assert events[0].number == 1 and events[0].total == 3 and events[0].deadline == at(20)
    assert s.time_left(at(5)) == 15.0
    with pytest.raises(QuizStateError):
        s.start(at(1))


def test_points_for_a_right_answer_with_speed_bonus() -> None:
    s = game()
    s.start(at(0))
    fast = s.answer("a", "Ann", at(0), choice=right(s))
    half = s.answer("b", "Bob", at(10), choice=right(s))
    late_but_in = s.answer("c", "Cy", at(20), choice=right(s))  # at the deadline still counts
    miss = s.answer("d", "Di", at(3), choice=wrong(s))
    assert fast.result is not None and fast.result.points == 150 and fast.result.speed_bonus == 50
    assert half.result is not None and half.result.points == 125
    assert late_but_in.result is not None and late_but_in.result.points == 100
    assert miss.result is not None and miss.result.points == 0 and not miss.result.correct
    assert s.answer("e", "Eve", at(20.001), choice=right(s)).outcome == "late"


def test_first_answer_counts_only() -> None:
    s = game()
    s.start(at(0))
    first = s.answer("a", "Ann", at(1), choice=wrong(s))
    again = s.answer("a", "Ann", at(2), choice=right(s))
    assert first.accepted and again.outcome == "duplicate"
    assert again.result == first.result
    assert s.scores["a"].points == 0 and s.scores["a"].answered == 1
    assert len(s.answers) == 1


def test_streak_bonus_and_what_breaks_it() -> None:
    s = game(4, reveal_seconds=0.0)
    s.start(at(0))
    t = 0.0
    points = []
    for i in range(4):
        if i == 2:
            s.answer("a", "Ann", at(t + 20), choice=wrong(s))  # a wrong answer ends the streak
        else:
            outcome = s.answer("a", "Ann", at(t + 20), choice=right(s))  # no speed bonus at the deadline
            assert outcome.result is not None
            points.append(outcome.result.points)
        s.tick(at(t + 20))
        t += 20
    # 1st right: 100; 2nd in a row: +10; after the wrong one the streak starts again.
    assert points == [100, 110, 100]
    assert s.scores["a"].best_streak == 2 and s.scores["a"].streak == 1


def test_no_answer_ends_a_streak_but_a_skip_does_not() -> None:
    s = game(4, reveal_seconds=0.0)
    s.start(at(0))
    s.answer("a", "Ann", at(20), choice=right(s))
    s.tick(at(20))  # question 2 opens
    s.tick(at(40))  # nobody answered: it runs its course
    assert s.scores["a"].streak == 0
    s.answer("a", "Ann", at(60), choice=right(s))
    s.tick(at(60))  # question 4 opens
    assert s.number == 4
    s.skip("host", at(61))
    assert s.scores["a"].streak == 1


def test_closest_guess_partial_credit() -> None:
    q = count_q(42, tolerance=10.0).model_copy(update={"key": "count"})
    s = QuizSession([q], host_id="host", seconds=20)
    s.start(at(0))
    exact = s.answer("a", "Ann", at(20), text="42")
    near = s.answer("b", "Bob", at(20), text="about 47")
    far = s.answer("c", "Cy", at(20), text="90")
    assert exact.result is not None and exact.result.points == 100
    assert near.result is not None and near.result.points == 50 and not near.result.correct
    assert far.result is not None and far.result.points == 0


def test_a_button_scores_only_the_right_option() -> None:
    # A near wrong option of a count question earns nothing (partial credit is for a typed guess).
    q = count_q(42, tolerance=10.0).model_copy(update={"key": "count", "choices": ["38", "42", "47", "55"]})
    s = QuizSession([q], host_id="host", seconds=20)
    s.start(at(0))
    near = s.answer("a", "Ann", at(10), choice=2)
    typed = s.answer("b", "Bob", at(10), text="47")
    hit = s.answer("c", "Cy", at(10), choice=1)
    assert near.result is not None and near.result.points == 0 and near.result.credit == 0.0
    assert typed.result is not None and typed.result.points > 0 and not typed.result.correct
    assert hit.result is not None and hit.result.correct and hit.result.points == 125


def test_the_question_closes_at_its_deadline_and_the_next_opens_after_the_reveal() -> None:
    s = game()
    s.start(at(0))
    assert s.tick(at(19.9)) == []
    closed = s.tick(at(24))  # the tick came late: the question closed at its deadline
    assert len(closed) == 1 and isinstance(closed[0], QuestionClosed) and closed[0].closed_at == at(20)
    assert s.current is None
    assert s.answer("a", "Ann", at(21), choice=0).outcome == "closed"
    opened = s.tick(at(25))
    assert isinstance(opened[0], QuestionOpened) and opened[0].number == 2


def test_everyone_expected_answered_closes_early() -> None:
    s = game(players=["p1", "p2"])
    s.start(at(0))
    s.answer("p1", "P1", at(1), choice=0)
    assert s.tick(at(2)) == []
    s.answer("p2", "P2", at(3), choice=1)
    events = s.tick(at(3))
    assert isinstance(events[0], QuestionClosed) and events[0].closed_at == at(3)


def test_the_game_ends_with_a_podium_and_ties_share_a_place() -> None:
    s = game(2, reveal_seconds=1.0)
    s.start(at(0))
    s.answer("a", "Ann", at(10), choice=right(s))
    s.answer("b", "Bob", at(10), choice=right(s))
    s.answer("c", "Cy", at(10), choice=wrong(s))
    s.tick(at(20))
    s.tick(at(21))
    s.answer("c", "Cy", at(21), choice=right(s))
    events = s.tick(at(41))
    assert [type(e) for e in events] == [QuestionClosed, GameEnded]
    ended = events[-1]
    assert isinstance(ended, GameEnded) and ended.status == "finished"
    assert [(p.place, p.name, p.points) for p in ended.standings] == [(1, "Cy", 150), (2, "Ann", 125), (2, "Bob", 125)]
    assert [p.place for p in ended.podium] == [1, 2, 2]
    closed = events[0]
    assert isinstance(closed, QuestionClosed) and [a.player_id for a in closed.answers] == ["c"]
    assert [t.name for t in closed.top] == ["Cy", "Ann", "Bob"]
    assert s.over and s.tick(at(99)) == []


def test_tie_break_is_shared_place_not_a_coin_toss() -> None:
    s = game(1)
    s.start(at(0))
    s.answer("a", "Ann", at(4), choice=right(s))
    s.answer("b", "Bob", at(4), choice=right(s))
    s.answer("c", "Cy", at(8), choice=right(s))
    s.answer("d", "Di", at(9), choice=wrong(s))
    ended = s.tick(at(20))[-1]
    assert isinstance(ended, GameEnded)
    assert [(p.place, p.player_id) for p in ended.standings] == [(1, "a"), (1, "b"), (3, "c"), (4, "d")]
    assert [p.player_id for p in ended.podium] == ["a", "b", "c"]  # nobody on the podium without points


def test_pause_stops_the_clock() -> None:
    s = game()
    s.start(at(0))
    with pytest.raises(NotAllowed):
        s.pause("someone", at(5))
    assert isinstance(s.pause("host", at(5))[0], GamePaused)
    assert s.answer("a", "Ann", at(6), choice=right(s)).outcome == "paused"
    assert s.tick(at(100)) == []  # no deadline while paused
    with pytest.raises(QuizStateError):
        s.pause("host", at(101))
    assert isinstance(s.resume("mod", at(105), can_manage=True)[0], GameResumed)
    assert s.time_left(at(105)) == 15.0
    ok = s.answer("a", "Ann", at(115), choice=right(s))  # 15 s of play: 5 left of 20
    assert ok.result is not None and ok.result.elapsed == 15.0 and ok.result.speed_bonus == 12
    assert s.tick(at(119.9)) == []
    assert isinstance(s.tick(at(120))[0], QuestionClosed)


def test_pause_between_questions_holds_the_next_one() -> None:
    s = game(reveal_seconds=5.0)
    s.start(at(0))
    s.tick(at(20))
    s.pause("host", at(21))
    assert s.tick(at(30)) == []
    s.resume("host", at(40))
    assert s.tick(at(43.9)) == []
    assert isinstance(s.tick(at(44))[0], QuestionOpened)


def test_skip_and_stop_need_the_host_or_manage_server() -> None:
    s = game()
    s.start(at(0))
    s.answer("a", "Ann", at(2), choice=right(s))
    for steer in (s.skip, s.stop, s.pause):
        with pytest.raises(NotAllowed):
            steer("a", at(3))
    skipped = s.skip("mod", at(3), can_manage=True)
    assert isinstance(skipped[0], QuestionClosed) and skipped[0].skipped
    assert s.scores["a"].points == 145  # answers given before a skip keep their points
    nxt = s.skip("host", at(4))  # between questions: straight to the next
    assert isinstance(nxt[0], QuestionOpened) and nxt[0].number == 2
    stopped = s.stop("host", at(5))
    assert [type(e) for e in stopped] == [QuestionClosed, GameEnded]
    ended = stopped[-1]
    assert isinstance(ended, GameEnded) and ended.status == "stopped"
    assert ended.standings[0].points == 145
    with pytest.raises(QuizStateError):
        s.skip("host", at(6))
    assert s.answer("b", "Bob", at(6), choice=0).outcome == "closed"


def test_invalid_answers() -> None:
    s = game()
    assert s.answer("a", "Ann", at(0), choice=0).outcome == "closed"  # not started
    s.start(at(0))
    assert s.answer("a", "Ann", at(1), choice=7).outcome == "invalid"
    assert s.answer("a", "Ann", at(1), text="   ").outcome == "invalid"
    typed = s.answer("a", "Ann", at(1), text="  " + s.questions[0].answer.upper() + "  ")
    assert typed.result is not None and typed.result.correct and typed.result.choice is None


def test_export_csv_one_row_per_answer_and_no_formulas() -> None:
    s = game(1)
    s.game_id = "g1"
    s.start(at(0))
    s.answer("a", "Ann", at(2), text='=HYPERLINK("http://x")')
    s.answer("b", "Bob, Jr", at(3), choice=right(s))
    rows = list(csv.DictReader(io.StringIO(s.export_csv())))
    assert [r["player"] for r in rows] == ["Ann", "Bob, Jr"]
    assert rows[0]["given"].startswith("'=") and rows[0]["correct"] == "no"
    assert rows[1]["correct"] == "yes" and rows[1]["points"] == "142" and rows[1]["seconds"] == "3.000"
    assert rows[1]["game"] == "g1" and rows[1]["right_answer"] == "Dunc Gray"


def test_evaluate_scores_without_counting_until_commit() -> None:
    s = game()
    s.start(at(0))
    judged = s.evaluate("a", "Ann", at(1), choice=right(s))
    assert judged.accepted and judged.result is not None and judged.result.points > 0
    assert s.scores == {} and s.answers == [] and s.answered_by() == set()
    # Judged again (a retry after a failed write), the answer is still new.
    assert s.evaluate("a", "Ann", at(2), choice=right(s)).accepted
    s.commit(judged.result)
    assert s.scores["a"].points == judged.result.points and s.answered_by() == {"a"}
    assert s.evaluate("a", "Ann", at(3), choice=right(s)).outcome == "duplicate"
    with pytest.raises(QuizStateError):
        s.commit(judged.result)


def test_standings_during_a_question_are_those_of_the_last_reveal() -> None:
    s = game(3, players=["a", "b"])
    s.start(at(0))
    s.answer("a", "Ann", at(2), choice=right(s))
    assert s.revealed_standings() == [] and s.standings()[0].points > 0  # Ann's answer is not told yet
    s.tick(at(20))
    shown = s.revealed_standings()
    assert [(x.name, x.points) for x in shown] == [("Ann", 145)]
    s.tick(at(25))  # the second question opens: still the standings of the first reveal
    s.answer("b", "Bob", at(26), choice=right(s))
    assert s.revealed_standings() == shown
    result = s.answers[0]
    assert (result.base_points, result.speed_bonus, result.streak_bonus) == (100, 45, 0)
