"""`python -m bot.bench quiz-audit`: seeded games played with no players, and what a host would notice in them.

For each game (seed, seed + 1, ...) the pool is drawn and the questions picked exactly as the bot does; the audit
counts the kinds (over all games, and the largest share of one kind in a game whose pool offers six or more),
leaks (a question about a row an earlier one was about, or whose answer an earlier one named), where the right
option sits (A-D), how often a numeric answer is the smallest or largest option, and difficulty by kind.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bot.index import PodiumIndex
from bot.quiz.model import DIFFICULTY_NAMES, Question
from bot.quiz.overlap import leaks
from bot.quiz.pool import game_pool
from bot.quiz.select import NUMERIC, option_value, pick_questions, right_choices

# The cap on one kind's share of a game holds where the pool offers at least this many kinds.
CAPPED_FROM_KINDS = 6


def is_extreme(question: Question) -> bool | None:
    """Is the right option the smallest or the largest of the options? None when not a numeric question."""
    if question.answer_type not in NUMERIC or len(question.choices) < 3:
        return None
    values = [option_value(question, o) for o in question.choices]
    if any(v is None for v in values):
        return None
    right = right_choices(question)
    if len(right) != 1:
        return None
    value = values[right[0]]
    known = [v for v in values if v is not None]
    return value in (min(known), max(known))


@dataclass
class Audit:
    games: int = 0
    questions: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    games_with_kind: Counter[str] = field(default_factory=Counter)
    pool_kinds: set[str] = field(default_factory=set)
    worst_share: float = 0.0  # the largest share of one kind in a game whose pool offers six kinds or more
    capped_games: int = 0
    leaks: list[tuple[int, int, str]] = field(default_factory=list)  # (game seed, question, why)
    positions: Counter[int] = field(default_factory=Counter)  # the right option's position, 4-option questions
    numeric: int = 0
    extreme: int = 0
    difficulty: Counter[tuple[str, int]] = field(default_factory=Counter)

    def add(self, seed: int, pool: list[Question], game: list[Question]) -> None:
        self.games += 1
        self.questions += len(game)
        kinds = Counter(q.kind for q in game)
        self.kinds.update(kinds)
        self.games_with_kind.update(set(kinds))
        offered = {q.kind for q in pool}
        self.pool_kinds |= offered
        if len(offered) >= CAPPED_FROM_KINDS and game:
            self.capped_games += 1
            self.worst_share = max(self.worst_share, max(kinds.values()) / len(game))
        self.leaks += [(seed, number, why) for number, why in leaks(game)]
        for q in game:
            self.difficulty[(q.kind, q.difficulty)] += 1
            if len(q.choices) == 4:
                right = right_choices(q)
                if len(right) == 1:
                    self.positions[right[0]] += 1
            extreme = is_extreme(q)
            if extreme is not None:
                self.numeric += 1
                self.extreme += int(extreme)

    def summary(self) -> dict[str, Any]:
        four = sum(self.positions.values())
        return {
            "games": self.games,
            "questions": self.questions,
            "kind_share": {k: round(n / max(1, self.questions), 3) for k, n in self.kinds.most_common()},
            "games_with_kind": dict(self.games_with_kind.most_common()),
            "kinds_in_pools": sorted(self.pool_kinds),
            "kinds_never_asked": sorted(self.pool_kinds - set(self.kinds)),
            "worst_kind_share_in_a_game": round(self.worst_share, 3),
            "games_capped": self.capped_games,
            "leaks": len(self.leaks),
            "leak_examples": self.leaks[:5],
            "right_position": {"ABCD"[i]: round(self.positions[i] / max(1, four), 3) for i in range(4)},
            "four_option_questions": four,
            "numeric_questions": self.numeric,
            "numeric_extreme_share": round(self.extreme / max(1, self.numeric), 3),
            "difficulty_by_kind": {
                kind: {DIFFICULTY_NAMES[level]: self.difficulty[(kind, level)] for level in (1, 2, 3)}
                for kind in sorted(self.kinds)
            },
        }


def audit(index: PodiumIndex, games: int = 20, questions: int = 10, seed: int = 1) -> Audit:
    """`games` seeded games of `questions` multiple-choice questions each, picked as `QuizHost` picks them."""
    report = Audit()
    for game_seed in range(seed, seed + games):
        rng = random.Random(game_seed)
        pool = game_pool(index, rng, fresh=2 * questions)
        report.add(game_seed, pool, pick_questions(pool, questions, rng))
    return report


def render(summary: dict[str, Any]) -> str:
    lines = [f"{summary['games']} games, {summary['questions']} questions"]
    lines.append("kind shares: " + ", ".join(f"{k} {100 * v:.1f}%" for k, v in summary["kind_share"].items()))
    lines.append(f"kinds never asked (of those the pools offer): {', '.join(summary['kinds_never_asked']) or 'none'}")
    lines.append(
        f"largest share of one kind in a game (pools of 6+ kinds, {summary['games_capped']} games): "
        f"{100 * summary['worst_kind_share_in_a_game']:.0f}%"
    )
    lines.append(f"leaks: {summary['leaks']}" + (f" e.g. {summary['leak_examples']}" if summary["leaks"] else ""))
    lines.append(
        f"right option position ({summary['four_option_questions']} four-option questions): "
        + ", ".join(f"{k} {100 * v:.1f}%" for k, v in summary["right_position"].items())
    )
    lines.append(
        f"numeric answer is the smallest or largest option: {100 * summary['numeric_extreme_share']:.1f}% "
        f"of {summary['numeric_questions']}"
    )
    lines.append("difficulty by kind (easy/medium/hard):")
    for kind, levels in summary["difficulty_by_kind"].items():
        lines.append(f"  {kind:<16} {levels['easy']:>4} {levels['medium']:>4} {levels['hard']:>4}")
    return "\n".join(lines)
