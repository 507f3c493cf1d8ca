"""The splits family: who was in the lead at a split, and which of two finishers side by side was ahead there.

Splits are cumulative times (the time at the 250 m mark, after lap 2), so the questions ask who was ahead at that
point, never who was faster over a lap."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from bot.index import PodiumIndex
from bot.models import ResultRow
from bot.quiz.facts import DISTRACTORS, MAX_PLACE, EventFacts, distinct, make_question, question_key
from bot.quiz.kinds.base import Around, Kind, KindParams, Rows
from bot.quiz.matching import ordinal
from bot.quiz.model import Question
from bot.quiz.wording import split_phrase, split_precision
from bot.text import normalize

# Split duels are between finishers of the top eight (a final's places).
SPLIT_DUEL_PLACES = 8


def _labels(facts: EventFacts) -> list[str]:
    if facts.event.team or not facts.ranked:
        return []
    return list(dict.fromkeys(label for r in facts.ranked for label in r.splits))


def split_fastest_questions(facts: EventFacts) -> Iterator[Question]:
    """Who was in the lead at each split."""
    digits = split_precision(facts.ranked)
    for label in _labels(facts):
        yield from split_fastest_at(facts, label, split_phrase(label), digits)


def split_duel_questions(facts: EventFacts) -> Iterator[Question]:
    """Which of two finishers next to each other (both in the top eight) was ahead at a split."""
    digits = split_precision(facts.ranked)
    for label in _labels(facts):
        where = split_phrase(label)
        for a, b in zip(facts.ranked, facts.ranked[1:], strict=False):
            if label not in a.splits or label not in b.splits:
                continue
            if facts.row_of(a.name) is None or facts.row_of(b.name) is None:
                continue
            if (b.rank or MAX_PLACE + 1) > SPLIT_DUEL_PLACES:  # a duel of back-markers: nobody could know it
                continue
            ta, tb = a.splits[label], b.splits[label]
            if round(ta, digits) == round(tb, digits):
                continue
            ahead, behind = (a, b) if ta < tb else (b, a)
            # Named in an order that does not follow the finish (the better finisher first would tell the answer
            # two times in three), but is the same on every run.
            first, second = (a, b) if zlib.crc32(f"{facts.id}|{label}|{a.name}".encode()) % 2 else (b, a)
            if a.rank == b.rank:
                finished = f"they tied for {ordinal(a.rank or 0)}"
            else:
                finished = f"they finished {ordinal(ahead.rank or 0)} and {ordinal(behind.rank or 0)}"
            yield make_question(
                facts,
                key=question_key("split_duel", facts.id, label, a.name, b.name),
                kind="split_duel",
                prompt=f"{facts.label}: who was ahead {where}, {first.name} or {second.name}?",
                answer_type="name",
                answer=ahead.name,
                accepted=[ahead.name],
                fact=f"{ahead.name} ({ahead.splits[label]:.{digits}f} s) was ahead of {behind.name} "
                f"({behind.splits[label]:.{digits}f} s) {where}; {finished}.",
                difficulty=3,
                distractors=[behind.name],
                params={"label": label, "a": a.name, "b": b.name},
            )


def split_fastest_at(facts: EventFacts, label: str, where: str, digits: int) -> Iterator[Question]:
    # Every row of the round must have the split (a DNF may have led at 250 m; a row listed without a result may
    # have too), every name must be unique, and nobody may share the fastest split, or the fastest is not settled.
    if any(label not in r.splits or facts.row_of(r.name) is None for r in facts.rows):
        return
    times = sorted(facts.rows, key=lambda r: (r.splits[label], r.line))
    best = times[0]
    if len(times) > 1 and round(times[1].splits[label], digits) == round(best.splits[label], digits):
        return
    finish = f"finished {ordinal(best.rank)}" if best.rank else f"did not finish ({best.status})"
    distractors = distinct(
        [r.name for r in times[1:4]] + [r.name for r in facts.ranked[:3]] + [r.name for r in times[4:]],
        exclude=[best.name],
        limit=DISTRACTORS,
    )
    yield make_question(
        facts,
        key=question_key("split_fastest", facts.id, label),
        kind="split_fastest",
        prompt=f"{facts.label}: who was in the lead {where}?",
        answer_type="name",
        answer=best.name,
        accepted=[best.name],
        fact=f"{best.name} led {where} ({best.splits[label]:.{digits}f} s) and {finish}.",
        difficulty=3 if best.rank != 1 else 2,
        distractors=distractors,
        params={"label": label, "name": best.name},
    )


def _check_ahead(question: Question, label: str, pool: list[ResultRow | None]) -> list[str]:
    """Splits are cumulative: the answer is who was ahead at that point, so that is what must be asked ("faster
    after lap 2" would mean over lap 2, a lap time the answer was not computed from)."""
    bad = f"{question.key}:"
    out = []
    asked = question.prompt.lower()
    if "faster" in asked or "fastest" in asked or not ("ahead" in asked or "in the lead" in asked):
        out.append(f"{bad} the answer is who was ahead at {label} on cumulative time; the prompt asks otherwise")
    rows = [r for r in pool if r is not None]
    if len(rows) != len(pool) or any(label not in r.splits for r in rows):
        return [*out, f"{bad} a finisher lacks the {label} split"]
    ordered = sorted((r.splits[label], normalize(r.name)) for r in rows)
    if len(ordered) > 1 and abs(ordered[0][0] - ordered[1][0]) < 1e-9:
        out.append(f"{bad} a tie at {label}")
    elif {ordered[0][1]} != {normalize(a) for a in question.accepted}:
        out.append(f"{bad} ahead at {label} is {ordered[0][1]}")
    return out


class SplitFastestParams(KindParams):
    label: str
    name: str


class SplitFastestKind(Kind[SplitFastestParams]):
    name, family, Params = "split_fastest", "splits", SplitFastestParams
    answers_non_finisher = True  # who led at 250 m may not have finished

    def generate(self, facts: EventFacts, around: Around) -> Iterator[Question]:
        return split_fastest_questions(facts)

    def check(self, question: Question, params: SplitFastestParams, rows: Rows, index: PodiumIndex) -> list[str]:
        return _check_ahead(question, params.label, list(rows.rows))


class SplitDuelParams(KindParams):
    label: str
    a: str
    b: str


class SplitDuelKind(Kind[SplitDuelParams]):
    name, family, Params = "split_duel", "splits", SplitDuelParams

    def generate(self, facts: EventFacts, around: Around) -> Iterator[Question]:
        return split_duel_questions(facts)

    def check(self, question: Question, params: SplitDuelParams, rows: Rows, index: PodiumIndex) -> list[str]:
        a, b = rows.one(params.a), rows.one(params.b)
        out = _check_ahead(question, params.label, [a, b])
        if a is not None and b is not None and max(a.rank or 99, b.rank or 99) > SPLIT_DUEL_PLACES:
            out.append(f"{question.key}: a duel of back-markers")
        return out
