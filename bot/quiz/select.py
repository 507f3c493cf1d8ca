"""Picking a game's questions from the pool, and the options of multiple choice.

No question repeats within a game; within a server, questions never asked there come first, then (once the pool
has run out) the ones asked longest ago. Kinds are mixed so a game is not ten places in a row. Everything random
comes from the `random.Random` passed in, so a seeded game replays exactly.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

from bot.quiz.matching import Judge
from bot.quiz.model import Question

CHOICES = 4
# Wrong options are drawn from this many of the most plausible distractors.
PLAUSIBLE = 6


def with_choices(question: Question, rng: random.Random, count: int = CHOICES) -> Question | None:
    """The question with its options in the order shown, exactly one of them right; None when the data does not
    give enough settled wrong answers for it."""
    if question.answer_type == "boolean":
        options = ["True", "False"]
    else:
        wanted = 2 if question.is_binary else count
        right = rng.choice(question.answer.split(" / "))
        judge = Judge(question)
        # Only settled wrong answers; for an exact question not even half right.
        wrong = [d for d in question.distractors if judge.credit(d) < 1.0]
        if question.scoring == "exact":
            wrong = [d for d in wrong if judge.credit(d) == 0.0]
        if len(wrong) < wanted - 1:
            return None
        top = wrong[: max(PLAUSIBLE, wanted - 1)]
        options = [right, *rng.sample(top, wanted - 1)]
        if question.kind == "split_duel":
            options = [str(question.params["a"]), str(question.params["b"])]
        else:
            rng.shuffle(options)
    judge = Judge(question)
    if sum(1 for option in options if judge.right(option)) != 1:
        return None
    return question.model_copy(update={"choices": options})


def right_choices(question: Question) -> list[int]:
    judge = Judge(question)
    return [i for i, option in enumerate(question.choices) if judge.right(option)]


def _mixed(questions: Sequence[Question], rng: random.Random) -> list[Question]:
    """Shuffle, then deal kinds in turn (a random kind each time) so that kinds alternate."""
    by_kind: dict[str, list[Question]] = defaultdict(list)
    for question in questions:
        by_kind[question.kind].append(question)
    for group in by_kind.values():
        rng.shuffle(group)
    order: list[Question] = []
    kinds = sorted(by_kind)
    last: str | None = None
    while kinds:
        options = [k for k in kinds if k != last] or kinds
        kind = rng.choice(options)
        order.append(by_kind[kind].pop())
        last = kind
        if not by_kind[kind]:
            kinds.remove(kind)
    return order


def pick_questions(
    pool: Sequence[Question],
    count: int,
    rng: random.Random,
    *,
    asked: AbstractSet[str] = frozenset(),
    last_asked: Mapping[str, float] | None = None,
    choices: bool = True,
) -> list[Question]:
    """`count` distinct questions (fewer if the pool is smaller). `asked` holds the keys already asked in this
    server; `last_asked` (key -> when) orders them once every question has been asked."""
    when = last_asked or {}
    # Per difficulty: questions new to the server (kinds mixed), and the ones asked before (longest ago first).
    fresh: dict[int, list[Question]] = {}
    stale: dict[int, list[Question]] = {}
    for level in (1, 2, 3):
        fresh[level] = _mixed([q for q in pool if q.key not in asked and q.difficulty == level], rng)
        old = [q for q in pool if q.key in asked and q.difficulty == level]
        rng.shuffle(old)
        stale[level] = sorted(old, key=lambda q: when.get(q.key, 0.0), reverse=True)  # taken from the end
    picked: list[Question] = []
    for slot in range(count):
        # A game warms up: easy questions first, hard ones last (the nearest level when one runs short). Every
        # question new to the server comes before any asked there before.
        target = 1 + (3 * slot) // count
        last = picked[-1].kind if picked else None
        shown = _take(fresh, target, rng, choices, last) or _take(stale, target, rng, choices, last)
        if shown is None:
            break
        picked.append(shown)
    return picked


def _take(
    queues: dict[int, list[Question]], target: int, rng: random.Random, choices: bool, last_kind: str | None
) -> Question | None:
    """The next question from the level nearest the target, of another kind than the last one if it can be."""
    for level in sorted(queues, key=lambda lv: (abs(lv - target), lv)):
        queue = queues[level]
        while queue:
            at = next((i for i in range(len(queue) - 1, -1, -1) if queue[i].kind != last_kind), len(queue) - 1)
            question = queue.pop(at)
            shown = with_choices(question, rng) if choices else question
            if shown is not None:
                return shown
    return None
