"""The places family: who finished Nth, where someone finished, and true or false: X ahead of Y, X won a medal."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from bot.index import PodiumIndex
from bot.quiz.facts import DISTRACTORS, MAX_PLACE, EventFacts, make_question, name_distractors, nearest, question_key
from bot.quiz.kinds.base import Around, Kind, KindParams, Rows, answer_truth, names_of
from bot.quiz.matching import ordinal, parse_place
from bot.quiz.model import Question
from bot.text import normalize


def place_questions(facts: EventFacts) -> Iterator[Question]:
    """Who finished Nth (4th and below; a tie accepts every tied name)."""
    if facts.event.team:
        return
    for rank in sorted({r.rank for r in facts.finishers if r.rank and r.rank >= 4}):
        rows = facts.at_rank(rank)
        if not facts.place_settled(rank):
            continue
        names = [r.name for r in rows]
        tied = len(rows) > 1 or any(r.tied for r in rows)
        place = f"tied {ordinal(rank)}" if tied else ordinal(rank)
        result = facts.result_text(rows[0])
        who = " and ".join(names)
        fact = f"{who} {'tied for' if tied else 'finished'} {ordinal(rank)}" + (f" in {result}." if result else ".")
        yield make_question(
            facts,
            key=question_key("place", facts.id, rank),
            kind="place",
            prompt=f"{facts.label}: who finished {place}?" + (" (any of them counts)" if len(rows) > 1 else ""),
            answer_type="name",
            answer=" / ".join(names),
            accepted=names,
            fact=fact,
            difficulty=2 if rank <= 8 else 3,
            distractors=name_distractors(facts, rank, names),
            params={"rank": rank},
        )


def athlete_place_questions(facts: EventFacts) -> Iterator[Question]:
    """Where did X finish (places as `4th`, `fourth`, `bronze`; a tie is told in the fact, not in the answer)."""
    if facts.event.team:
        return
    places = sorted({r.rank for r in facts.finishers if r.rank})
    for row in facts.ranked:
        rank = row.rank
        # The winner's place is who won gold (the medal kind): asked as a place, "1st" is the smallest option.
        if rank is None or rank == 1 or not facts.place_settled(rank):
            continue
        tied = row.tied or len(facts.at_rank(rank)) > 1
        # A tie is told in the fact, not marked in the answer: no option is marked, so none stands out.
        answer = ordinal(rank)
        distractors = [ordinal(p) for p in islice((p for p in nearest(places, rank) if p != rank), DISTRACTORS)]
        if len(distractors) < 3:
            distractors += [ordinal(p) for p in range(1, rank + 5) if p != rank and ordinal(p) not in distractors]
        medal = f" ({row.medal})" if row.medal else ""
        yield make_question(
            facts,
            key=question_key("athlete_place", facts.id, row.name),
            kind="athlete_place",
            prompt=f"{facts.label}: where did {row.name} finish?",
            answer_type="place",
            answer=answer,
            accepted=[answer],
            value=float(rank),
            fact=f"{row.name} finished {'tied ' if tied else ''}{ordinal(rank)}{medal}"
            + (f" in {facts.result_text(row)}." if row.value is not None else "."),
            difficulty=1 if rank <= 3 else 2 if rank <= 8 else 3,
            distractors=distractors,
            params={"name": row.name, "rank": rank},
        )


def tf_ahead_questions(facts: EventFacts) -> Iterator[Question]:
    """True or false: X finished ahead of Y (two places apart, both places a fan could know)."""
    if facts.event.team:
        return
    ranked = [r for r in facts.ranked if r.rank is not None and facts.place_settled(r.rank)]
    for i, (a, b) in enumerate(zip(ranked, ranked[2:], strict=False)):
        if a.rank is None or b.rank is None or a.rank == b.rank:
            continue
        first, second = (a, b) if i % 2 == 0 else (b, a)
        truth = (first.rank or 0) < (second.rank or 0)
        yield make_question(
            facts,
            key=question_key("tf_ahead", facts.id, first.name, second.name),
            kind="tf_ahead",
            prompt=f"{facts.label}: true or false? {first.name} finished ahead of {second.name}.",
            answer_type="boolean",
            answer="True" if truth else "False",
            accepted=["True" if truth else "False"],
            fact=f"{a.name} finished {ordinal(a.rank)}, {b.name} {ordinal(b.rank)}.",
            difficulty=2 if min(a.rank, b.rank) <= 3 else 3,
            distractors=["False" if truth else "True"],
            params={"first": first.name, "second": second.name},
        )


def tf_medal_questions(facts: EventFacts) -> Iterator[Question]:
    """True or false: X won a medal (the gold medallist, the bronze, and 4th: the one just off the podium)."""
    if facts.event.team:
        return
    ranked = [r for r in facts.ranked if r.rank is not None and facts.place_settled(r.rank)]
    fourth = [r for r in facts.at_rank(4) if facts.place_settled(4)]
    medalists = [r for r in ranked if r.medal]
    for row in [*medalists[:1], *medalists[2:3], *fourth[:1]]:
        truth = row.medal is not None
        yield make_question(
            facts,
            key=question_key("tf_medal", facts.id, row.name),
            kind="tf_medal",
            prompt=f"{facts.label}: true or false? {row.name} won a medal.",
            answer_type="boolean",
            answer="True" if truth else "False",
            accepted=["True" if truth else "False"],
            fact=f"{row.name} finished {'tied ' if row.tied else ''}{ordinal(row.rank or 0)}"
            + (f" and won {row.medal}." if row.medal else ", off the podium."),
            difficulty=1 if row.medal == "gold" else 2,
            distractors=["False" if truth else "True"],
            params={"name": row.name},
        )


class PlaceParams(KindParams):
    rank: int


class PlaceKind(Kind[PlaceParams]):
    name, family, Params = "place", "places", PlaceParams

    def generate(self, facts: EventFacts, around: Around) -> Iterator[Question]:
        return place_questions(facts)

    def check(self, question: Question, params: PlaceParams, rows: Rows, index: PodiumIndex) -> list[str]:
        at = [r for r in rows.rows if r.rank == params.rank]
        accepted = {normalize(a) for a in question.accepted}
        if any(r.status is not None for r in at) or names_of(at) != accepted:
            return [f"{question.key}: rank {params.rank} holds {names_of(at)}, question accepts {accepted}"]
        return []


class AthletePlaceParams(KindParams):
    name: str
    rank: int


class AthletePlaceKind(Kind[AthletePlaceParams]):
    name, family, Params = "athlete_place", "places", AthletePlaceParams

    def generate(self, facts: EventFacts, around: Around) -> Iterator[Question]:
        return athlete_place_questions(facts)

    def check(self, question: Question, params: AthletePlaceParams, rows: Rows, index: PodiumIndex) -> list[str]:
        bad = f"{question.key}:"
        row = rows.one(params.name)
        if row is None or row.rank is None or row.status is not None:
            return [f"{bad} {params.name} has no settled place"]
        out = []
        shared = sum(1 for r in rows.finishers if r.rank == row.rank) > 1 or row.tied
        if {parse_place(a) for a in question.accepted} != {row.rank}:
            out.append(f"{bad} place {row.rank} vs {question.accepted}")
        if question.answer.startswith("=") or any(c.startswith("=") for c in question.choices):
            out.append(f"{bad} a tie marked in some options only")
        if shared and "tied" not in question.fact:
            out.append(f"{bad} a tie not told in the fact")
        if row.rank > MAX_PLACE or row.rank_inferred:
            out.append(f"{bad} place {row.rank} is not one a fan could know")
        return out


class TfAheadParams(KindParams):
    first: str
    second: str


class TfAheadKind(Kind[TfAheadParams]):
    name, family, Params = "tf_ahead", "places", TfAheadParams

    def generate(self, facts: EventFacts, around: Around) -> Iterator[Question]:
        return tf_ahead_questions(facts)

    def check(self, question: Question, params: TfAheadParams, rows: Rows, index: PodiumIndex) -> list[str]:
        a, b = rows.one(params.first), rows.one(params.second)
        if a is None or b is None or a.rank is None or b.rank is None or a.rank == b.rank:
            return [f"{question.key}: no settled order"]
        if (a.rank < b.rank) != answer_truth(question):
            return [f"{question.key}: truth is {a.rank < b.rank}"]
        if max(a.rank, b.rank) > MAX_PLACE:
            return [f"{question.key}: a duel of back-markers ({a.rank}, {b.rank})"]
        return []


class TfMedalParams(KindParams):
    name: str


class TfMedalKind(Kind[TfMedalParams]):
    name, family, Params = "tf_medal", "places", TfMedalParams

    def generate(self, facts: EventFacts, around: Around) -> Iterator[Question]:
        return tf_medal_questions(facts)

    def check(self, question: Question, params: TfMedalParams, rows: Rows, index: PodiumIndex) -> list[str]:
        row = rows.one(params.name)
        if row is None or row.status is not None or (row.medal is not None) != answer_truth(question):
            return [f"{question.key}: medal truth not settled by the row"]
        return []
