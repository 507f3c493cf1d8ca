"""Check a generated question against the index again, from the rows themselves, and for ambiguity.

`problems(question, index)` returns what is wrong (empty when the question is sound): what every question must
hold (its event and source, its own answer judged right, no wrong option judged right, exactly one right option,
a name answer that is one row of the deciding round with a result), then what its kind checks (see
`bot.quiz.kinds`: an answer the rows do not give, a tie not accepted in full, a nation the page does not give, a
corrected value asked as written...). The tests run it over every question of the bundled data and of generated
corpora.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from bot.index import PodiumIndex
from bot.quiz.kinds import KINDS
from bot.quiz.kinds.base import Kind, Rows
from bot.quiz.matching import Judge
from bot.quiz.model import Question
from bot.text import normalize


def problems(question: Question, index: PodiumIndex) -> list[str]:
    if question.event_id is None or question.event_id not in index.events:
        return [f"{question.key}: no such event"]
    kind = KINDS.get(question.kind)
    if kind is None:
        return [f"{question.key}: no kind {question.kind}"]
    try:
        params = kind.params(question)
    except ValidationError as err:
        return [f"{question.key}: parameters {question.params} are not a {kind.name}'s: {err.error_count()} errors"]
    event = index.events[question.event_id]
    out: list[str] = []
    if question.source_url != event.source_url:
        out.append(f"{question.key}: source is not the event's page")
    rows = Rows.of(event)
    out += _answer_checks(question)
    out += _name_rows(question, kind, rows)
    out += kind.check(question, params, rows, index)
    return out


def _answer_checks(q: Question) -> list[str]:
    out: list[str] = []
    credit = Judge(q).credit
    if not q.accepted:
        out.append(f"{q.key}: nothing is accepted")
    for form in q.accepted:
        if credit(form) < 1.0:
            out.append(f"{q.key}: its own answer {form!r} is judged wrong")
    for wrong in q.distractors:
        given = credit(wrong)
        if given >= 1.0 or (q.scoring == "exact" and given > 0.0):
            out.append(f"{q.key}: wrong option {wrong!r} is judged right")
    if q.choices:
        rights = [c for c in q.choices if credit(c) >= 1.0]
        if len(rights) != 1:
            out.append(f"{q.key}: {len(rights)} options are right: {rights}")
        if len({normalize(c) for c in q.choices}) != len(q.choices):
            out.append(f"{q.key}: repeated options {q.choices}")
    return out


def _name_rows(q: Question, kind: Kind[Any], rows: Rows) -> list[str]:
    """A name answer is one row of the deciding round, with a result (unless the kind says otherwise)."""
    if q.answer_type != "name":
        return []
    out: list[str] = []
    for name in q.accepted:
        row = rows.one(name)
        if rows.rows and row is None:
            out.append(f"{q.key}: {name} is not one row of the final round")
        elif row is not None and row.status == "unknown" and not (kind.answers_unlisted_medallist and row.medal):
            out.append(f"{q.key}: {name} is listed without a result")
        elif row is not None and row.status not in (None, "unknown") and not kind.answers_non_finisher:
            out.append(f"{q.key}: {name} has status {row.status}")
    return out
