"""Answers about medals: how many an athlete or a nation won, and which; did X win an event or a medal; which
nation or athlete won the most; who topped the medal table; the medal table itself."""

from __future__ import annotations

import re
from bisect import bisect_right

from bot.answers import EventSummary, athlete_answer, podium_answer
from bot.ask.compose_event import MEDAL_OF, Ctx, command_of
from bot.ask.model import AskAnswer
from bot.ask.phrasing import event_label, names_and, person
from bot.ask.resolve import Miss
from bot.errors import PodiumError
from bot.medals import MEDAL_KINDS, Scope, medal_table, read_scope
from bot.models import ResultRow


def _scope(c: Ctx) -> Scope:
    text = c.parsed.slots.get("scope", "") or ""
    try:
        return read_scope(c.index, c.matcher.events.grammar, text)
    except PodiumError as err:
        raise Miss("scope", text) from err


def _medal_kind(c: Ctx) -> str | None:
    word = c.parsed.slots.get("medal", "")
    return MEDAL_OF.get(word) if word not in ("", "medal", "medals") else None


def medals_won(c: Ctx, intent: str) -> AskAnswer:
    who = re.sub(r"^the ", "", c.parsed.slots.get("who", ""))
    ref = c.index.reference
    noc = ref.nation_code(who) if who.upper() not in ref.nations else who.upper()
    if noc is None and c.matcher.resolve_athlete(who, suggest=False).outcome == "none":
        noc = c.r.nation(who)
    kind = _medal_kind(c)
    if noc is not None:
        scope = _scope(c)
        table = medal_table(c.index, scope)
        row = next((r for r in table.rows if r.noc == noc), None)
        name = ref.nation(noc).name if ref.nation(noc) else noc  # type: ignore[union-attr]
        counts = {m: getattr(row, m) if row else 0 for m in MEDAL_KINDS}
        where = "" if scope.label == "all Games loaded" else f" ({scope.label})"
        if kind:
            text = f"{name} won {counts[kind]} {kind} medal{'s' if counts[kind] != 1 else ''}{where}, {table.counts}."
        else:
            total = sum(counts.values())
            text = (f"{name} won {total} medal{'s' if total != 1 else ''}{where}: {counts['gold']} gold, "
                    f"{counts['silver']} silver, {counts['bronze']} bronze, {table.counts}.")  # fmt: skip
        return c.answer(None, text, intent, f"/nation {name}", medals=table)
    c.parsed.slots["x"] = who
    aid = c.r.athlete("x")
    answer = athlete_answer(c.index, aid)
    q = c.matcher.events.grammar.parse(c.parsed.slots.get("scope", "") or "")
    medalled: dict[str, tuple[str, EventSummary]] = {}
    for app in answer.appearances:
        if app.line.medal and (not q.years or app.event.year in q.years):
            medalled.setdefault(app.event.id, (app.line.medal, app.event))
    items = [(m, e) for m, e in medalled.values() if not kind or m == kind]
    noun = f"{kind} medal" if kind else "medal"
    listing = "; ".join(f"{m} in {event_label(c.index, c.info(e.id))}" for m, e in items)
    text = f"{answer.name} won {len(items)} {noun}{'s' if len(items) != 1 else ''} in the events loaded" + (
        f": {listing}." if items else ".")  # fmt: skip
    return c.answer(None, text, intent, f"/athlete {answer.name}", athlete=answer)


def most(c: Ctx) -> AskAnswer:
    scope = _scope(c)
    table = medal_table(c.index, scope)
    kind = _medal_kind(c)
    where = "" if scope.label == "all Games loaded" else f" ({scope.label})"
    if not table.rows:
        return c.answer(None, f"No medals are loaded{where}.", "most_golds", "/medals", medals=table)
    if c.parsed.slots.get("medal") in ("topped", "led", "headed", "top", "lead", "head"):
        first = [r for r in table.rows if r.rank == 1]
        r = first[0]
        text = (f"{names_and([x.name for x in first])} topped the medal table{where}: {r.gold} gold, {r.silver} "
                f"silver, {r.bronze} bronze{' each' if len(first) > 1 else ''}, {table.counts}.")  # fmt: skip
        return c.answer(None, text, "most_golds", f"/medals {scope.label if where else ''}".strip(), medals=table)

    def count_of(row: object) -> int:
        return int(getattr(row, kind)) if kind else int(row.total)  # type: ignore[attr-defined]

    top = max(count_of(r) for r in table.rows)
    leaders = [r for r in table.rows if count_of(r) == top]
    noun = f"{kind} medals" if kind else "medals"
    each = " each" if len(leaders) > 1 else ""
    text = f"{names_and([r.name for r in leaders])} won the most {noun}{where}: {top}{each}, {table.counts}."
    return c.answer(None, text, "most_golds", f"/medals {scope.label if where else ''}".strip(), medals=table)


def table(c: Ctx) -> AskAnswer:
    scope = _scope(c)
    answer = medal_table(c.index, scope)
    top = "; ".join(f"{r.rank}. {r.name} {r.gold}-{r.silver}-{r.bronze}" for r in answer.rows[:3])
    text = f"Medal table, {scope.label} ({answer.counts}): {top or 'no medals'}."
    return c.answer(None, text, "medal_table", "/medals", medals=answer)


def did_win(c: Ctx) -> AskAnswer:
    """`did the US win the women's 4x100 in 2016`, `did Kelly win a medal in the kilo`: yes or no, and who did."""
    eid = c.r.event()
    info = c.info(eid)
    label = event_label(c.index, info)
    who = re.sub(r"^the ", "", c.parsed.slots.get("who", ""))
    word = c.parsed.slots.get("medal", "")
    wanted = {"gold", "silver", "bronze"} if word in ("a medal", "medal", "medals") else {MEDAL_OF.get(word, "gold")}
    medals = c.index.events[eid].medals
    noc = c.index.reference.nation_code(who)
    rows = final_rows_of(c, eid)
    if noc is not None:
        every = {str(m.medal) for m in medals if m.noc == noc}
        subject = c.index.reference.nation(noc).name if c.index.reference.nation(noc) else noc  # type: ignore[union-attr]
    else:
        c.parsed.slots["x"] = who
        aid, _ = c.r.athlete_in_event("x", "e")  # the Kelly who rode the kilo
        subject = c.index.athletes[aid].name
        every = {str(a.medal) for a in c.index.athletes[aid].appearances if a.event_id == eid and a.medal}
    won = sorted(every & wanted, key=lambda m: MEDAL_RANK[m])
    other = sorted(every - wanted, key=lambda m: MEDAL_RANK[m])
    winners = names_and([person(r, c.index) for r in rows if r.medal == "gold"]) or "the page names no winner"
    command = f"/podium {command_of(info)}"
    podium = podium_answer(c.index, eid)
    if won:
        text = f"Yes: {subject} won {' and '.join(won)} in {label}."
    elif other:
        text = f"No: {subject} won {' and '.join(other)} in {label}, not {' or '.join(sorted(wanted))}."
    elif wanted == {"gold"}:
        text = f"No: {subject} did not win {label}; {winners} won it."
    else:
        text = f"No: {subject} won no {'medal' if len(wanted) > 1 else next(iter(wanted))} in {label}."
    return c.answer(eid, text, "did_win", command, podium=podium)


def most_athlete(c: Ctx) -> AskAnswer:
    """`which athlete won the most medals (in 1992, in swimming)`: one medal per event, members of teams each."""
    scope = _scope(c)
    kind = _medal_kind(c)
    table = c.index.athletes
    allowed = [scope.test(c.index.infos[eid]) for eid in table.event_ids]
    codes = {"gold": 1, "silver": 2, "bronze": 3}
    wanted = bytes([codes[kind]]) if kind else b"\x01\x02\x03"
    # Only medal appearances matter (a few per cent): found in C, then each one's athlete by bisection.
    won: dict[int, set[int]] = {}
    medal_bytes = table.app_medal.tobytes()
    for hit in re.finditer(b"[" + re.escape(wanted) + b"]", medal_bytes):
        k = hit.start()
        event = table.app_event[k]
        if allowed[event]:
            won.setdefault(bisect_right(table.starts, k) - 1, set()).add(event)
    top = max((len(e) for e in won.values()), default=0)
    best = sorted((n for n, e in won.items() if len(e) == top), key=lambda n: table.names[n]) if top else []
    where = "" if scope.label == "all Games loaded" else f" ({scope.label})"
    noun = f"{kind} medals" if kind else "medals"
    if not top:
        return c.answer(None, f"No athlete won {noun}{where} in the events loaded.", "most_athlete", "/medals")
    names = [table.names[n] for n in best[:10]]
    more = f" and {len(best) - 10} more" if len(best) > 10 else ""
    each = " each" if len(best) > 1 else ""
    text = f"{names_and(names)}{more} won the most {noun}{where}: {top}{each}, in the events loaded."
    athlete = athlete_answer(c.index, table.ids[best[0]]) if len(best) == 1 else None
    return c.answer(None, text, "most_athlete", f"/athlete {names[0]}" if athlete else "/medals", athlete=athlete)


MEDAL_RANK = {"gold": 1, "silver": 2, "bronze": 3}


def final_rows_of(c: Ctx, event_id: str) -> list[ResultRow]:
    final = c.index.events[event_id].final_round()
    return list(final.results) if final else []
