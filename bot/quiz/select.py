"""Picking a game's questions from the pool, and the options of multiple choice.

No question repeats within a game; within a server, questions never asked there come first, then (once the pool
has run out) the ones asked longest ago. Kinds are drawn evenly and capped (no kind over a quarter of a game where
the pool offers six kinds or more), and no question gives away another (see `overlap`). Everything random
comes from the `random.Random` passed in, so a seeded game replays exactly.
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

from bot.quiz.matching import Judge, parse_guess, parse_number, parse_place
from bot.quiz.model import Question
from bot.quiz.overlap import Seen

CHOICES = 4
# Wrong options are drawn from this many of the most plausible distractors.
PLAUSIBLE = 6


# Where the right answer sits among the options ordered by value (smallest first): it may be the smallest or
# the largest, but not so often that guessing an end pays (a third of the time where both sides have options:
# answers with none below, a winner's place, are always the smallest), nor so seldom that guessing the middle
# does. The options are then shuffled: the position shown stays uniform.
NUMERIC_RANK_WEIGHTS: dict[int, tuple[float, ...]] = {4: (0.17, 0.33, 0.33, 0.17), 3: (0.3, 0.4, 0.3)}
NUMERIC = ("performance", "number", "place")


def option_value(question: Question, option: str) -> float | None:
    """The number an option of a numeric question stands for (a place, a count, a time or mark)."""
    if question.answer_type == "place":
        place = parse_place(option)
        return float(place) if place is not None else None
    if question.answer_type == "number":
        return parse_number(option)
    return parse_guess(option, question.unit)


def _numeric_wrong(question: Question, right: str, wrong: list[str], wanted: int, rng: random.Random) -> list[str]:
    """Wrong options on both sides of the answer where the data allows: the answer's rank among the options drawn
    by `NUMERIC_RANK_WEIGHTS`, each side's options from its most plausible (nearest) ones."""
    value = option_value(question, right)
    if value is None:
        return rng.sample(wrong[: max(PLAUSIBLE, wanted - 1)], wanted - 1)
    below = sorted((v, d) for d in wrong if (v := option_value(question, d)) is not None and v < value)
    above = sorted((v, d) for d in wrong if (v := option_value(question, d)) is not None and v > value)
    below_near = [d for _, d in reversed(below)][: PLAUSIBLE // 2 + 1]
    above_near = [d for _, d in above][: PLAUSIBLE // 2 + 1]
    weights = NUMERIC_RANK_WEIGHTS.get(wanted, tuple(1.0 for _ in range(wanted)))
    ranks = [r for r in range(wanted) if len(below_near) >= r and len(above_near) >= wanted - 1 - r]
    if not ranks:
        return rng.sample(wrong[: max(PLAUSIBLE, wanted - 1)], wanted - 1)
    rank = rng.choices(ranks, weights=[weights[r] for r in ranks])[0]
    return rng.sample(below_near, rank) + rng.sample(above_near, wanted - 1 - rank)


def with_choices(question: Question, rng: random.Random, count: int = CHOICES) -> Question | None:
    """The question with its options in the order shown, exactly one of them right; None when the data does not
    give enough settled wrong answers for it. The right option's position is uniform; a numeric answer has wrong
    options on both sides where the data allows (see `NUMERIC_RANK_WEIGHTS`)."""
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
        if question.answer_type in NUMERIC and wanted > 2:
            options = [right, *_numeric_wrong(question, right, wrong, wanted, rng)]
        else:
            options = [right, *rng.sample(wrong[: max(PLAUSIBLE, wanted - 1)], wanted - 1)]
        rng.shuffle(options)
    judge = Judge(question)
    if sum(1 for option in options if judge.right(option)) != 1:
        return None
    return question.model_copy(update={"choices": options})


def right_choices(question: Question) -> list[int]:
    judge = Judge(question)
    return [i for i, option in enumerate(question.choices) if judge.right(option)]


# No kind over this share of a game, where the pool offers at least `CAPPED_FROM_KINDS` kinds (fewer kinds: as
# even a share as they allow).
KIND_SHARE = 0.25
CAPPED_FROM_KINDS = 6


def kind_cap(count: int, kinds: int) -> int:
    """How many questions of one kind a game of `count` may ask when the pool offers `kinds` kinds."""
    if kinds >= CAPPED_FROM_KINDS:
        return max(1, int(count * KIND_SHARE))
    return max(1, math.ceil(count / max(1, kinds)))


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
    server; `last_asked` (key -> when) orders them once every question has been asked.

    Each slot draws a kind first (uniformly among the kinds under the cap), then a question of that kind at the
    level nearest the slot's; the game is then ordered easy to hard (it warms up), no kind twice in a row where
    that can be. A question about a row another one is about, or whose answer another one names, is passed over;
    only when nothing new to the server is left otherwise (a pool of one event) does a game take one, rather than
    repeat a question or stop short."""
    when = last_asked or {}
    fresh: dict[str, dict[int, list[Question]]] = defaultdict(lambda: defaultdict(list))
    stale: dict[str, dict[int, list[Question]]] = defaultdict(lambda: defaultdict(list))
    for question in pool:
        (stale if question.key in asked else fresh)[question.kind][question.difficulty].append(question)
    for queues, old in ((fresh, False), (stale, True)):
        for levels in queues.values():
            for level, queue in levels.items():
                rng.shuffle(queue)
                if old:  # asked longest ago first (the shuffle settles equal times)
                    levels[level] = sorted(queue, key=lambda q: when.get(q.key, 0.0))
    cap = kind_cap(count, len(set(fresh) | set(stale)))
    picked: list[Question] = []
    seen = Seen()
    used: Counter[str] = Counter()
    for slot in range(count):
        target = 1 + (3 * slot) // count
        shown = None
        for queues, strict in ((fresh, True), (fresh, False), (stale, True), (stale, False)):
            age = when if queues is stale else None
            # The first question is easy and the last hard (a game warms up); the others go by kind first.
            exact = slot in (0, count - 1)
            shown = _take(queues, target, rng, choices, seen if strict else None, used, cap, age, exact)
            if shown is not None:
                break
        if shown is None:
            break
        picked.append(shown)
        seen.add(shown)
        used[shown.kind] += 1
    return warmed_up(picked)


def warmed_up(questions: Sequence[Question]) -> list[Question]:
    """Easy to hard; within a level, no kind twice in a row where that can be (the kind with most questions left
    goes next, of those not just asked; otherwise the order they were picked in)."""
    order: list[Question] = []
    for level in sorted({q.difficulty for q in questions}):
        block = [q for q in questions if q.difficulty == level]
        while block:
            last = order[-1].kind if order else None
            left = Counter(q.kind for q in block)
            others = [q for q in block if q.kind != last]
            chosen = max(others, key=lambda q: left[q.kind]) if others else block[0]
            block.remove(chosen)
            order.append(chosen)
    return order


def _take(
    queues: dict[str, dict[int, list[Question]]],
    target: int,
    rng: random.Random,
    choices: bool,
    seen: Seen | None,
    used: Counter[str],
    cap: int,
    age: Mapping[str, float] | None = None,
    exact: bool = False,
) -> Question | None:
    """A question of a kind drawn at random (under the cap first, then any), from the kind's level nearest the
    target. `seen`: pass over questions that clash with the game so far. `age`: questions asked before, the kind
    whose question was asked longest ago first. `exact`: the kinds with a question at the target level first."""
    kinds = sorted(k for k, levels in queues.items() if any(levels.values()))
    under = [k for k in kinds if used[k] < cap]
    for group in (under, kinds):
        drawn = list(group)
        rng.shuffle(drawn)
        if age is not None:
            drawn.sort(key=lambda k: min(age.get(q.key, 0.0) for lv in queues[k].values() for q in lv))
        if exact:  # the kinds with a question at the target level first
            drawn.sort(key=lambda k: not queues[k].get(target))
        for kind in drawn:
            levels = queues[kind]
            for level in sorted(levels, key=lambda lv: (abs(lv - target), lv)):
                queue = levels[level]
                i = 0
                while i < len(queue):
                    if seen is not None and seen.clashes(queue[i], either_way=True):
                        i += 1
                        continue
                    shown = with_choices(queue[i], rng) if choices else queue[i]
                    if shown is None:  # not enough settled wrong answers: never
                        del queue[i]
                    elif seen is not None and seen.clashes(shown, either_way=True):  # its options give one away
                        i += 1
                    else:
                        del queue[i]
                        return shown
    return None
