"""The results family: the winning time or mark, the margin between gold and silver, the standing records, and
true or false across Games (the winning time was faster at one than at another)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from bot.index import PodiumIndex
from bot.quiz.facts import EventFacts, better_than, make_question, question_key, value_distractors
from bot.quiz.kinds.base import Around, Kind, KindParams, Rows, answer_truth, close
from bot.quiz.matching import Judge
from bot.quiz.model import Question
from bot.quiz.wording import format_hint, games_display, plain_place, rounded, value_text
from bot.text import normalize


def winning_result_questions(facts: EventFacts) -> Iterator[Question]:
    """The winning time or mark (a corrected value only as corrected)."""
    row = facts.winner_row()
    if row is None or row.value is None:
        return
    what = "time" if row.unit == "s" else "mark" if row.unit == "m" else "score"
    answer = value_text(row.value, row.unit, row.precision)
    real = [r.value for r in facts.ranked[1:6] if r.value is not None and r.unit == row.unit]
    yield make_question(
        facts,
        key=question_key("winning_result", facts.id),
        kind="winning_result",
        prompt=f"{facts.label}: what was the winning {what}? {format_hint(row.value, row.unit, row.precision)}",
        answer_type="performance",
        scoring="closest",
        answer=answer,
        accepted=[answer],
        value=row.value,
        unit=row.unit,
        precision=row.precision,
        fact=f"{row.name} won in {answer}.",
        difficulty=2,
        distractors=value_distractors(row.value, row.unit, row.precision, real),
        params={"name": row.name},
    )


def margin_questions(facts: EventFacts) -> Iterator[Question]:
    """The margin between gold and silver."""
    gold, silver = facts.at_rank(1), facts.at_rank(2)
    if len(gold) != 1 or len(silver) != 1:
        return
    a, b = gold[0], silver[0]
    if a.value is None or b.value is None or a.unit != b.unit or a.unit is None:
        return
    precision = max(a.precision, b.precision)
    margin = round(abs(b.value - a.value), precision)
    if margin <= 0:
        return
    gaps = []
    for first, second in zip(facts.ranked[1:6], facts.ranked[2:7], strict=False):
        if first.value is not None and second.value is not None and second.unit == a.unit:
            gaps.append(round(abs(second.value - first.value), precision))
    answer = value_text(margin, a.unit, precision)
    yield make_question(
        facts,
        key=question_key("margin", facts.id),
        kind="margin",
        prompt=f"{facts.label}: by how much did {a.name} beat {b.name}? {format_hint(margin, a.unit, precision)}",
        answer_type="performance",
        scoring="closest",
        answer=answer,
        accepted=[answer],
        value=margin,
        unit=a.unit,
        precision=precision,
        fact=f"{a.name} ({facts.result_text(a)}) beat {b.name} ({facts.result_text(b)}) by {answer}.",
        difficulty=3,
        distractors=value_distractors(margin, a.unit, precision, gaps),
        params={"gold": a.name, "silver": b.name},
    )


def record_questions(facts: EventFacts) -> Iterator[Question]:
    """The standing records listed on the page, as corrected where the parser corrected them."""
    seen: set[str] = set()
    for record in facts.event.records:
        if record.value is None or record.unit is None or normalize(record.kind) in seen:
            continue
        seen.add(normalize(record.kind))
        answer = value_text(record.value, record.unit, record.precision)
        games = f"{facts.event.year} {facts.event.season or ''}".strip()
        where = plain_place(facts.index.reference, record.place)
        when = f" (set {record.date}" + (f", {where}" if where else "") + ")" if record.date else ""
        real = [r.value for r in facts.event.records if r.value is not None and r.unit == record.unit]
        yield make_question(
            facts,
            key=question_key("record", facts.id, record.kind),
            kind="record",
            prompt=f"{facts.label}: what was the standing {record.kind} before the {games} Games? "
            f"{format_hint(record.value, record.unit, record.precision)}",
            answer_type="performance",
            scoring="closest",
            answer=answer,
            accepted=[answer],
            value=record.value,
            unit=record.unit,
            precision=record.precision,
            fact=f"The {record.kind} stood at {answer}{when}.",
            difficulty=3,
            distractors=value_distractors(record.value, record.unit, record.precision, real),
            params={"kind": record.kind},
        )


def cross_games_questions(
    index: PodiumIndex, group: Sequence[str], facts_of: Callable[[str], EventFacts] | None = None
) -> Iterator[Question]:
    """True or false: the winning time or mark was better at one Games than at another (`facts_of` gives an
    event's facts when the caller keeps them)."""
    winners = []
    for eid in group:
        facts = facts_of(eid) if facts_of is not None else EventFacts(index, eid)
        row = facts.winner_row()
        if row is not None and row.value is not None and facts.event.year:
            winners.append((facts, row))
    winners.sort(key=lambda w: (w[0].event.year or 0, w[0].id))
    for i, (fa, ra) in enumerate(winners):
        for fb, rb in winners[i + 1 :]:
            if ra.unit != rb.unit or ra.value is None or rb.value is None or fa.event.year == fb.event.year:
                continue
            precision = min(ra.precision, rb.precision)
            if rounded(ra.value, precision) == rounded(rb.value, precision):
                continue
            better = better_than(ra.unit)
            word = "faster" if ra.unit == "s" else "better"
            first, second = (fb, fa) if (i % 2 == 0) else (fa, fb)
            r1, r2 = (rb, ra) if first is fb else (ra, rb)
            truth = better(r1.value or 0, r2.value or 0)
            ref = index.reference
            g1 = games_display(ref, first.event.year, first.event.season)
            g2 = games_display(ref, second.event.year, second.event.season)
            what = "time" if ra.unit == "s" else "mark"
            yield make_question(
                first,
                key=question_key("tf_winner", first.id, second.id),
                kind="tf_winner",
                prompt=f"{first.event.sport} – {first.event.event}: true or false? The winning {what} at {g1} was "
                f"{word} than at {g2}.",
                answer_type="boolean",
                answer="True" if truth else "False",
                accepted=["True" if truth else "False"],
                fact=f"{r1.name} won in {first.result_text(r1)} at {g1}; {r2.name} in {second.result_text(r2)} "
                f"at {g2}.",
                difficulty=2,
                distractors=["False" if truth else "True"],
                params={"other": second.id},
            )


class WinningResultParams(KindParams):
    name: str


class WinningResultKind(Kind[WinningResultParams]):
    name, family, Params = "winning_result", "results", WinningResultParams

    def generate(self, facts: EventFacts, around: Around) -> Iterator[Question]:
        return winning_result_questions(facts)

    def check(self, question: Question, params: WinningResultParams, rows: Rows, index: PodiumIndex) -> list[str]:
        firsts = [r for r in rows.finishers if r.rank == 1]
        values = {r.value for r in firsts}
        if len(values) != 1 or not close(firsts[0].value, question.value, question.precision):
            return [f"{question.key}: winners' values {values} vs {question.value}"]
        if firsts[0].corrected and Judge(question).right(firsts[0].result or ""):
            return [f"{question.key}: a corrected value asked as written"]
        return []


class MarginParams(KindParams):
    gold: str
    silver: str


class MarginKind(Kind[MarginParams]):
    name, family, Params = "margin", "results", MarginParams

    def generate(self, facts: EventFacts, around: Around) -> Iterator[Question]:
        return margin_questions(facts)

    def check(self, question: Question, params: MarginParams, rows: Rows, index: PodiumIndex) -> list[str]:
        gold = [r for r in rows.finishers if r.rank == 1]
        silver = [r for r in rows.finishers if r.rank == 2]
        if len(gold) != 1 or len(silver) != 1 or gold[0].value is None or silver[0].value is None:
            return [f"{question.key}: no single gold and silver"]
        margin = abs(silver[0].value - gold[0].value)
        if not close(margin, question.value, question.precision):
            return [f"{question.key}: margin {margin} vs {question.value}"]
        return []


class RecordParams(KindParams):
    kind: str


class RecordKind(Kind[RecordParams]):
    name, family, Params = "record", "results", RecordParams

    def generate(self, facts: EventFacts, around: Around) -> Iterator[Question]:
        return record_questions(facts)

    def check(self, question: Question, params: RecordParams, rows: Rows, index: PodiumIndex) -> list[str]:
        found = [r for r in rows.event.records if normalize(r.kind) == normalize(params.kind)]
        if not found or not close(found[0].value, question.value, question.precision):
            return [f"{question.key}: record value differs"]
        if found[0].corrected and Judge(question).right(found[0].result or ""):
            return [f"{question.key}: a corrected record asked as written"]
        return []


class TfWinnerParams(KindParams):
    other: str


class TfWinnerKind(Kind[TfWinnerParams]):
    name, family, Params = "tf_winner", "results", TfWinnerParams

    def generate_across(
        self, index: PodiumIndex, group: Sequence[str], facts_of: Callable[[str], EventFacts]
    ) -> Iterator[Question]:
        return cross_games_questions(index, group, facts_of)

    def check(self, question: Question, params: TfWinnerParams, rows: Rows, index: PodiumIndex) -> list[str]:
        other = index.events.get(params.other)
        win_a = [r for r in rows.finishers if r.rank == 1]
        win_b = [r for r in Rows.of(other).finishers if r.rank == 1] if other else []
        # A dead heat for gold settles the winning time as well as a single winner does.
        if len({r.value for r in win_a}) != 1 or len({r.value for r in win_b}) != 1:
            return [f"{question.key}: winners not settled"]
        if win_a[0].value is None or win_b[0].value is None:
            return [f"{question.key}: winners not settled"]
        va, vb = win_a[0].value, win_b[0].value
        faster = va < vb if win_a[0].unit == "s" else va > vb
        if faster != answer_truth(question) or va == vb:
            return [f"{question.key}: truth is {faster}"]
        return []
