"""Check a generated question against the index again, from the rows themselves, and for ambiguity.

`problems(question, index)` returns what is wrong (empty when the question is sound): an answer the rows do not
give, a tie not accepted in full, a nation the page does not give, a row listed without a result, a corrected value
asked as written, a wrong option that the matcher would take as right, or options with not exactly one right one.
The tests run it over every question of the bundled data and of generated corpora.
"""

from __future__ import annotations

from bot.index import PodiumIndex
from bot.models import Event, ResultRow
from bot.quiz.matching import Judge, games_key, parse_place
from bot.quiz.model import Question
from bot.text import normalize

_RANK_OF_MEDAL = {"gold": 1, "silver": 2, "bronze": 3}


def _final_rows(event: Event) -> list[ResultRow]:
    final = event.final_round()
    return list(final.results) if final else []


def _names(rows: list[ResultRow]) -> set[str]:
    return {normalize(r.name) for r in rows}


def _one_row(rows: list[ResultRow], name: object) -> ResultRow | None:
    found = [r for r in rows if normalize(r.name) == normalize(str(name))]
    return found[0] if len(found) == 1 else None


def _truth(question: Question) -> bool | None:
    return {"true": True, "false": False}.get(question.answer.lower())


def _close(a: float | None, b: float | None, precision: int) -> bool:
    return a is not None and b is not None and abs(a - b) <= 0.5 * 10.0**-precision + 1e-9


def problems(question: Question, index: PodiumIndex) -> list[str]:
    out: list[str] = []
    if question.event_id is None or question.event_id not in index.events:
        return [f"{question.key}: no such event"]
    event = index.events[question.event_id]
    if question.source_url != event.source_url:
        out.append(f"{question.key}: source is not the event's page")
    out += _answer_checks(question)
    out += _kind_checks(question, event, index)
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


def _kind_checks(q: Question, event: Event, index: PodiumIndex) -> list[str]:
    rows = _final_rows(event)
    finishers = [r for r in rows if r.status is None and r.rank is not None]
    p = q.params
    bad = f"{q.key}:"
    out: list[str] = []
    credit = Judge(q).credit
    accepted = {normalize(a) for a in q.accepted}

    if q.answer_type == "name":
        for name in q.accepted:
            row = _one_row(rows, name)
            if rows and row is None:
                out.append(f"{bad} {name} is not one row of the final round")
            elif row is not None and row.status == "unknown" and not (q.kind == "medal" and row.medal):
                out.append(f"{bad} {name} is listed without a result")
            elif row is not None and row.status not in (None, "unknown") and q.kind != "split_fastest":
                out.append(f"{bad} {name} has status {row.status}")

    if q.kind == "medal":
        medal = str(p["medal"])
        holders = _names([r for r in rows if r.medal == medal]) or {
            normalize(m.name) for m in event.medals if m.medal == medal
        }
        box = {normalize(m.name) for m in event.medals if m.medal == medal}
        if accepted != holders or (box and box != holders):
            out.append(f"{bad} holders {holders} / infobox {box} differ from {accepted}")
    elif q.kind == "place":
        rank = int(p["rank"])
        at = [r for r in rows if r.rank == rank]
        if any(r.status is not None for r in at) or _names(at) != accepted:
            out.append(f"{bad} rank {rank} holds {_names(at)}, question accepts {accepted}")
    elif q.kind == "athlete_place":
        row = _one_row(rows, p["name"])
        if row is None or row.rank is None or row.status is not None:
            out.append(f"{bad} {p['name']} has no settled place")
        else:
            shared = sum(1 for r in finishers if r.rank == row.rank) > 1 or row.tied
            if {parse_place(a) for a in q.accepted} != {row.rank}:
                out.append(f"{bad} place {row.rank} vs {q.accepted}")
            if q.answer.startswith("=") or any(c.startswith("=") for c in q.choices):
                out.append(f"{bad} a tie marked in some options only")
            if shared and "tied" not in q.fact:
                out.append(f"{bad} a tie not told in the fact")
            if row.rank > 12 or row.rank_inferred:
                out.append(f"{bad} place {row.rank} is not one a fan could know")
    elif q.kind == "winning_result":
        firsts = [r for r in finishers if r.rank == 1]
        values = {r.value for r in firsts}
        if len(values) != 1 or not _close(firsts[0].value, q.value, q.precision):
            out.append(f"{bad} winners' values {values} vs {q.value}")
        elif firsts[0].corrected and credit(firsts[0].result or "") > 0.0:
            out.append(f"{bad} a corrected value asked as written")
    elif q.kind == "margin":
        gold = [r for r in finishers if r.rank == 1]
        silver = [r for r in finishers if r.rank == 2]
        if len(gold) != 1 or len(silver) != 1 or gold[0].value is None or silver[0].value is None:
            out.append(f"{bad} no single gold and silver")
        elif not _close(abs(silver[0].value - gold[0].value), q.value, q.precision):
            out.append(f"{bad} margin {abs(silver[0].value - gold[0].value)} vs {q.value}")
    elif q.kind in ("nation", "team_medal"):
        noc = str(p.get("noc", ""))
        if q.kind == "nation":
            row = _one_row(rows, p["name"])
            entries = [m for m in event.medals if normalize(m.name) == normalize(str(p["name"])) and m.noc]
            known = {x for x in [row.nation if row else None, *(m.noc for m in entries)] if x}
            if known != {noc}:
                out.append(f"{bad} nation {noc} but the page gives {known or 'none'}")
        nation = index.reference.nation(noc) if noc else None
        if q.kind == "nation" and (nation is None or normalize(nation.name) not in accepted):
            out.append(f"{bad} nation {noc} unknown to the reference")
    elif q.kind == "count":
        stated = event.competitors if p["what"] == "competitors" else event.nations
        if stated is None or float(stated) != q.value:
            out.append(f"{bad} the page states {stated}, question says {q.value}")
    elif q.kind == "venue":
        if event.venue is None or normalize(event.venue) not in accepted:
            out.append(f"{bad} venue {event.venue} not accepted")
    elif q.kind == "games":
        name, medal = str(p["name"]), str(p["medal"])
        won = {
            (e.year, e.season)
            for e in (
                index.events[i.id]
                for i in index.infos.values()
                if normalize(i.sport or "") == normalize(event.sport or "")
                and normalize(i.event or "") == normalize(event.event or "")
                and i.gender == event.gender
            )
            if any(r.medal == medal and normalize(r.name) == normalize(name) for r in _final_rows(e))
        }
        keys = {games_key(a) for a in q.accepted}
        if any(str(year) not in keys for year, _ in won) or not won:
            out.append(f"{bad} {name} won {medal} at {won}, accepted {q.accepted}")
        for wrong in q.distractors:
            if games_key(wrong) in keys:
                out.append(f"{bad} wrong option {wrong} is a Games {name} won at")
    elif q.kind in ("split_fastest", "split_duel"):
        # Splits are cumulative: the answer is who was ahead at that point, so that is what must be asked
        # ("faster after lap 2" would mean over lap 2, a lap time the answer was not computed from).
        label = str(p["label"])
        asked = q.prompt.lower()
        if "faster" in asked or "fastest" in asked or not ("ahead" in asked or "in the lead" in asked):
            out.append(f"{bad} the answer is who was ahead at {label} on cumulative time; the prompt asks otherwise")
        pool = [*rows] if q.kind == "split_fastest" else [_one_row(rows, p["a"]), _one_row(rows, p["b"])]
        if any(r is None or label not in r.splits for r in pool):
            out.append(f"{bad} a finisher lacks the {label} split")
        else:
            ordered = sorted((r.splits[label], normalize(r.name)) for r in pool if r is not None)
            if len(ordered) > 1 and abs(ordered[0][0] - ordered[1][0]) < 1e-9:
                out.append(f"{bad} a tie at {label}")
            elif {ordered[0][1]} != accepted:
                out.append(f"{bad} ahead at {label} is {ordered[0][1]}")
    elif q.kind == "tf_ahead":
        a, b = _one_row(rows, p["first"]), _one_row(rows, p["second"])
        if a is None or b is None or a.rank is None or b.rank is None or a.rank == b.rank:
            out.append(f"{bad} no settled order")
        elif (a.rank < b.rank) != _truth(q):
            out.append(f"{bad} truth is {a.rank < b.rank}")
    elif q.kind == "tf_medal":
        row = _one_row(rows, p["name"])
        if row is None or row.status is not None or (row.medal is not None) != _truth(q):
            out.append(f"{bad} medal truth not settled by the row")
    elif q.kind == "tf_winner":
        other = index.events.get(str(p["other"]))
        win_a = [r for r in finishers if r.rank == 1]
        win_b = [r for r in _final_rows(other) if r.rank == 1 and r.status is None] if other else []
        if len(win_a) != 1 or len(win_b) != 1 or win_a[0].value is None or win_b[0].value is None:
            out.append(f"{bad} winners not settled")
        else:
            va, vb = win_a[0].value, win_b[0].value
            truth = va < vb if win_a[0].unit == "s" else va > vb
            if truth != _truth(q) or va == vb:
                out.append(f"{bad} truth is {truth}")
    elif q.kind == "record":
        found = [r for r in event.records if normalize(r.kind) == normalize(str(p["kind"]))]
        if not found or not _close(found[0].value, q.value, q.precision):
            out.append(f"{bad} record value differs")
        elif found[0].corrected and credit(found[0].result or "") > 0.0:
            out.append(f"{bad} a corrected record asked as written")
    return out
