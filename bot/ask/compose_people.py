"""Answers about athletes and nations: where one finished, their result, how far behind the winner, whether one
beat another and by how much, head to head, best result, medals won; the nation with the most medals."""

from __future__ import annotations

from bot.answers import _winner_value, athlete_answer, line_of
from bot.ask.compose_event import Ctx, command_of, margin_gs
from bot.ask.model import AskAnswer
from bot.ask.phrasing import UNIT_WORDS, event_label, names_and, notes_of, person, place_text, value_text
from bot.ask.resolve import Clarify, Miss
from bot.ask.words import ordinal
from bot.compare import compare_answer
from bot.index import Appearance
from bot.models import ResultRow


def _gap(text: str) -> str:
    """`+0.946` -> `0.946 s`, `+22` -> `22 s`, `-0.71 m` -> `0.71 m`: a distance, with its unit."""
    body = text.lstrip("+-")
    return body if ":" in body or body.endswith((" m", " kg", " pts")) or not text.startswith("+") else f"{body} s"


def _unit_gap(gap: str, unit: str | None) -> str:
    """A comparison's gap with its unit: `0.465 s`, `1:02`, `0.05 m`, `12 points`."""
    if unit == "s":
        return gap if ":" in gap else f"{gap} s"
    return f"{gap} {UNIT_WORDS[unit]}" if unit in UNIT_WORDS and not gap.endswith(unit) else gap


def _deciding(c: Ctx, athlete_id: str, event_id: str) -> tuple[Appearance, ResultRow] | None:
    """The athlete's row in the round that decided their place: the final if they reached it, else the last."""
    # A medal known from the infobox alone has no round and no result: `_not_in` says so.
    apps = [a for a in c.index.athletes[athlete_id].appearances if a.event_id == event_id and not a.from_infobox]
    if not apps:
        return None
    event = c.index.events[event_id]
    final = event.final_round()
    in_final = [a for a in apps if final is not None and event.rounds[a.round_index] is final]
    app = in_final[0] if in_final else max(apps, key=lambda a: a.round_index)
    return app, app.row


def _athlete_event(c: Ctx) -> tuple[str, str]:
    aid, eid = c.r.athlete_in_event("x", "e")
    if eid is None:
        raise Clarify("e", "event", c.r.events_of(aid))
    return aid, eid


def _not_in(c: Ctx, aid: str, eid: str, intent: str) -> AskAnswer:
    athlete = c.index.athletes[aid]
    name, label = athlete.name, event_label(c.index, c.info(eid))
    medal = next((a.medal for a in athlete.appearances if a.event_id == eid and a.from_infobox), None)
    if medal:
        text = f"{name} won {medal} in {label} (from the infobox); the page lists no result for them."
    else:
        text = f"{name} is not listed in {label}."
    return c.answer(eid, text, intent, f"/athlete {name}")


def where_finish(c: Ctx) -> AskAnswer:
    c.r.split()
    aid, eid = _athlete_event(c)
    found = _deciding(c, aid, eid)
    if found is None:
        return _not_in(c, aid, eid, "where_finish")
    app, row = found
    label = event_label(c.index, c.info(eid))
    command = f"/event {command_of(c.info(eid))}"
    event = c.index.events[eid]
    final = event.final_round()
    if row.rank is None:
        text = f"{person(row, c.index)} has no place in {label}: {place_text(row)}."
        return c.answer(eid, text, "where_finish", command, notes=notes_of(row))
    value = f" in {value_text(row)}" if row.result and row.status is None else ""
    if row.status is not None:
        value = f", {value_text(row)}"
    if final is not None and event.rounds[app.round_index] is not final:
        text = (f"{person(row, c.index)} went out in {app.round or 'an early round'} of {label}: "
                f"{place_text(row)} there{value}.")  # fmt: skip
    else:
        medal = f", winning {row.medal}" if row.medal else ""
        text = f"{person(row, c.index)} finished {place_text(row)} in {label}{value}{medal}."
    return c.answer(eid, text, "where_finish", command, notes=notes_of(row))


def result(c: Ctx) -> AskAnswer:
    c.r.split()
    aid, eid = _athlete_event(c)
    found = _deciding(c, aid, eid)
    if found is None:
        return _not_in(c, aid, eid, "result")
    app, row = found
    label = event_label(c.index, c.info(eid))
    command = f"/event {command_of(c.info(eid))}"
    where = f" ({app.round})" if app.round and app.round.lower() != "final" else ""
    if row.result is None or row.status is not None:
        text = f"{person(row, c.index)} has no result in {label}{where}: {place_text(row)}."
    else:
        what = {"s": "time", "m": "mark", "pts": "score", "kg": "total"}.get(row.unit or "", "result")
        text = f"{person(row, c.index)}'s {what} in {label}{where} was {value_text(row)} ({place_text(row)})."
    return c.answer(eid, text, "result", command, notes=notes_of(row))


def behind(c: Ctx) -> AskAnswer:
    c.r.split()
    aid, eid = _athlete_event(c)
    found = _deciding(c, aid, eid)
    if found is None:
        return _not_in(c, aid, eid, "behind")
    app, row = found
    label = event_label(c.index, c.info(eid))
    command = f"/event {command_of(c.info(eid))}"
    rnd = c.index.events[eid].rounds[app.round_index]
    line = line_of(c.index, row, _winner_value(rnd))
    where = f" ({app.round})" if app.round and app.round.lower() != "final" else ""
    if row.rank == 1 and row.status is None:
        text = f"{person(row, c.index)} won {label}{where}: nobody was ahead."
    elif line.gap is None:
        text = f"The gap of {person(row, c.index)} in {label}{where} cannot be given: {place_text(row)}" + (
            f", {value_text(row)}" if row.result else "") + "."  # fmt: skip
    else:
        winners = [r for r in rnd.results if r.rank == 1]
        who = f" ({names_and([r.name for r in winners])})" if winners else ""
        text = (f"{person(row, c.index)} finished {_gap(line.gap)} behind the winner{who} in {label}{where}, "
                f"{place_text(row)} in {value_text(row)}.")  # fmt: skip
    return c.answer(eid, text, "behind", command, notes=notes_of(row))


def margin_win(c: Ctx) -> AskAnswer:
    """`by how much did Dan Jansen win`: the margin of the event the athlete won (or the one named)."""
    c.r.split()
    aid, eid = c.r.athlete_in_event("x", "e")
    if eid is None:
        won = list(dict.fromkeys(a.event_id for a in c.index.athletes[aid].appearances if a.medal == "gold"))
        if len(won) != 1:
            raise Clarify("e", "event", c.r.events_of(aid))
        eid = won[0]
    c.parsed.pins["e"] = eid
    return margin_gs(c)


def _pair(c: Ctx) -> tuple[str, str, str | None]:
    """Athletes `a` and `b` (from `rest`: b, then maybe the event) and the event the question names. Two names
    that each fit several people are narrowed to the people who met (in that event)."""
    c.r.split("rest", "b")
    events = c.r.event_choices() if c.parsed.slots.get("e") or c.parsed.pins.get("e") else None
    a, b, eid = c.r.two_athletes("a", "b", events)
    if a == b:
        raise Miss("second athlete", c.parsed.slots.get("b", ""))
    return a, b, eid


def beat(c: Ctx, intent: str = "beat") -> AskAnswer:
    a, b, eid = _pair(c)
    answer = compare_answer(c.index, a, b)
    a_name, b_name = answer.a_name, answer.b_name
    meetings = [m for m in answer.meetings if eid is None or m.event.id == eid]
    command = f"/compare {a_name} {b_name}"
    if not meetings:
        where = f" in {event_label(c.index, c.info(eid))}" if eid else " in the events loaded"
        text = f"{a_name} and {b_name} never met{where}."
        return c.answer(eid, text, intent, command, compare=answer)
    if len(meetings) > 1:
        text = (f"{a_name} and {b_name} met in {len(meetings)} events: {a_name} finished ahead in {answer.a_ahead}, "
                f"{b_name} in {answer.b_ahead}.")  # fmt: skip
        return c.answer(None, text, intent, command, compare=answer)
    m = meetings[0]
    label = event_label(c.index, c.info(m.event.id))
    a_side = ", ".join(x for x in (m.a.line.rank_text, m.a.line.result or m.a.line.status_text) if x)
    b_side = ", ".join(x for x in (m.b.line.rank_text, m.b.line.result or m.b.line.status_text) if x)
    ahead = m.ahead
    ra, rb = m.a.line.rank, m.b.line.rank
    if ahead is None and m.same_round and ra is not None and rb is not None and ra != rb:
        ahead = "a" if ra < rb else "b"  # places without results (a bracket): the better place is ahead
    if ahead is None:
        text = f"Neither finished ahead of the other in {label} ({a_name}: {a_side}; {b_name}: {b_side})."
    else:
        first, second = (a_name, b_name) if ahead == "a" else (b_name, a_name)
        by = f" by {_unit_gap(m.gap, m.unit)}" if m.gap else ""
        lead = "" if intent != "beat" else ("Yes: " if ahead == "a" else "No: ")
        text = f"{lead}{first} finished ahead of {second}{by} in {label} ({a_name}: {a_side}; {b_name}: {b_side})."
    return c.answer(m.event.id, text, intent, command, compare=answer)


def head_to_head(c: Ctx) -> AskAnswer:
    a, b, _ = c.r.two_athletes("a", "b", None)
    if a == b:
        raise Miss("second athlete", c.parsed.slots.get("b", ""))
    answer = compare_answer(c.index, a, b)
    command = f"/compare {answer.a_name} {answer.b_name}"
    if not answer.meetings:
        text = f"{answer.a_name} and {answer.b_name} never entered the same event in the pages loaded."
    else:
        text = (f"{answer.a_name} vs {answer.b_name}: {len(answer.meetings)} events together; {answer.a_name} "
                f"ahead in {answer.a_ahead}, {answer.b_name} in {answer.b_ahead}.")  # fmt: skip
    return c.answer(answer.meetings[0].event.id if len(answer.meetings) == 1 else None, text, "h2h", command,
                    compare=answer)  # fmt: skip


def best(c: Ctx) -> AskAnswer:
    aid = c.r.athlete("x")
    answer = athlete_answer(c.index, aid)
    ranked = [a for a in answer.appearances if a.line.rank is not None]
    command = f"/athlete {answer.name}"
    if not ranked:
        return c.answer(None, f"{answer.name} has no ranked result in the pages loaded.", "best", command,
                        athlete=answer)  # fmt: skip
    top = min(ranked, key=lambda a: (a.line.rank or 0, a.round is not None and "final" not in a.round.lower(),
                                     -(a.event.year or 0)))  # fmt: skip
    info = c.info(top.event.id)
    value = ""
    if top.line.result and top.line.status is None:
        unit = top.line.unit
        suffix = f" {UNIT_WORDS[unit]}" if unit in UNIT_WORDS and not top.line.result.endswith(unit) else ""
        value = f" {'with' if unit in UNIT_WORDS else 'in'} {top.line.result}{suffix}"
    where = f" ({top.round})" if top.round and "final" not in top.round.lower() else ""
    rank = f"tied {ordinal(top.line.rank or 0)}" if top.line.tied else ordinal(top.line.rank or 0)
    text = f"{answer.name}'s best result: {rank} in {event_label(c.index, info)}{where}{value}."
    return c.answer(top.event.id, text, "best", command, athlete=answer)


def appearances(c: Ctx) -> AskAnswer:
    """`what were Dæhlie's results`: every event entered, places first, with the athlete's table."""
    aid = c.r.athlete("x")
    answer = athlete_answer(c.index, aid)
    seen: dict[str, str] = {}
    for app in answer.appearances:
        if app.event.id in seen:
            continue
        _, row = _deciding(c, aid, app.event.id) or (None, None)
        if row is not None:
            seen[app.event.id] = f"{place_text(row)} in {event_label(c.index, c.info(app.event.id))}"
    listing = "; ".join(list(seen.values())[:6]) + ("; …" if len(seen) > 6 else "")
    text = f"{answer.name} competed in {len(seen)} event{'s' if len(seen) != 1 else ''} in the pages loaded: {listing}."
    return c.answer(None, text, "appearances", f"/athlete {answer.name}", athlete=answer)


def neighbour(c: Ctx) -> AskAnswer:
    """`who finished behind Moreno in 1992`: the next place after (or before) the athlete's, in their round."""
    c.r.split()
    aid, eid = _athlete_event(c)
    found = _deciding(c, aid, eid)
    if found is None:
        return _not_in(c, aid, eid, "neighbour")
    app, row = found
    label = event_label(c.index, c.info(eid))
    command = f"/event {command_of(c.info(eid))}"
    if row.rank is None:
        return c.answer(eid, f"{person(row, c.index)} has no place in {label}: {place_text(row)}.", "neighbour",
                        command, notes=notes_of(row))  # fmt: skip
    behind = c.parsed.slots.get("dir") in ("behind", "after")
    ranks = sorted({r.rank for r in c.index.events[eid].rounds[app.round_index].results if r.rank is not None})
    others = [r for r in ranks if (r > row.rank if behind else r < row.rank)]
    if not others:
        text = f"Nobody finished {'behind' if behind else 'ahead of'} {row.name} in {label}" + (
            f" ({app.round})" if app.round else "") + "."  # fmt: skip
        return c.answer(eid, text, "neighbour", command)
    rank = others[0] if behind else others[-1]
    rows = [r for r in c.index.events[eid].rounds[app.round_index].results if r.rank == rank]
    value = f" in {value_text(rows[0])}" if rows[0].result and rows[0].status is None else ""
    where = f" ({app.round})" if app.round and app.round.lower() != "final" else ""
    side = "right behind" if behind else "right ahead of"
    who = names_and([person(r, c.index) for r in rows])
    text = f"{who} finished {ordinal(rank)}{where}, {side} {row.name} ({place_text(row)}) in {label}{value}."
    return c.answer(eid, text, "neighbour", command, notes=[n for r in rows for n in notes_of(r)])
