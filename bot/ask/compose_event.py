"""Answers about one event: who won (a medal, the medals), who finished Nth or last, the winning value, the
margin between gold and silver, the leader at a split, how many competitors or nations, when and where, the
records before it, the full results."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers import PodiumAnswer, event_answer, podium_answer, records_answer, summarize
from bot.ask.intents import Parsed
from bot.ask.model import AskAnswer
from bot.ask.phrasing import command_query, event_label, names_and, notes_of, person, value_text
from bot.ask.resolve import Miss, Resolver
from bot.ask.words import ordinal, place_of
from bot.index import EventInfo, PodiumIndex
from bot.match import Matcher
from bot.models import Event, ResultRow, Round
from bot.performance import format_value

MEDAL_OF = {"gold": "gold", "golds": "gold", "1st": "gold", "winner": "gold", "winners": "gold", "champion": "gold",
            "gold medallist": "gold", "gold medalist": "gold", "silver": "silver", "silvers": "silver",
            "2nd": "silver", "silver medallist": "silver", "silver medalist": "silver", "runner up": "silver",
            "bronze": "bronze", "bronzes": "bronze", "3rd": "bronze", "bronze medallist": "bronze",
            "bronze medalist": "bronze", "fastest": "gold", "quickest": "gold", "best": "gold", "top": "gold",
            "top 3": "medals", "top three": "medals", "first 3": "medals", "first three": "medals",
            "top 3 finishers": "medals",
            "topped": "gold", "led": "gold", "headed": "gold", "lead": "gold", "head": "gold"}  # fmt: skip
RANK_OF = {"gold": 1, "silver": 2, "bronze": 3}


@dataclass
class Ctx:
    index: PodiumIndex
    matcher: Matcher
    r: Resolver

    @property
    def parsed(self) -> Parsed:
        return self.r.parsed

    def info(self, event_id: str) -> EventInfo:
        return self.index.infos[event_id]

    def answer(self, event_id: str | None, text: str, intent: str, command: str | None, **extra: object) -> AskAnswer:
        source = summarize(self.index, event_id) if event_id else None
        return AskAnswer.model_validate(
            {"question": "", "kind": "answer", "text": text, "intent": intent, "command": command,
             "source": source, **extra}
        )  # fmt: skip


def final_rows(event: Event) -> tuple[Round | None, list[ResultRow]]:
    final = event.final_round()
    return final, list(final.results) if final else []


def who_won(c: Ctx) -> AskAnswer:
    eid = c.r.event()
    info = c.info(eid)
    label = event_label(c.index, info)
    word = c.parsed.slots.get("medal", "").strip()
    medal = MEDAL_OF.get(word)
    podium = podium_answer(c.index, eid)
    command = f"/podium {command_of(info)}"
    if not podium.places:
        return c.answer(eid, f"The page of {label} names no medallists.", "who_won", command)
    if not word:  # `who won the kilo`: the winner, with the podium beside
        return _winner(c, eid, label, command, podium)
    if medal is None or medal == "medals":
        parts = []
        for colour in ("gold", "silver", "bronze"):
            lines = [p for p in podium.places if p.medal == colour]
            if lines:
                who = names_and([f"{p.name} ({p.nation})" if p.nation else p.name for p in lines])
                parts.append(f"{colour} {who}" + (f" ({lines[0].result})" if lines[0].result else ""))
        text = f"The medallists of {label}: " + "; ".join(parts) + "."
        return c.answer(eid, text, "who_won", command, podium=podium)
    rows = [r for r in final_rows(c.index.events[eid])[1] if r.medal == medal]
    notes = [n for r in rows for n in notes_of(r)]
    if rows:
        who = names_and([person(r, c.index) for r in rows])
        verb = "won" if medal == "gold" else "took"
        tied = " (tied)" if len(rows) > 1 else ""
        value = f" in {value_text(rows[0])}" if rows[0].result else ""
        if rows[0].unit in ("m", "pts", "kg") and rows[0].result:
            value = f" with {value_text(rows[0])}"
        text = f"{who} {verb} {medal}{tied} in {label}{value}."
    else:
        entries = [p for p in podium.places if p.medal == medal]
        if not entries:
            return c.answer(eid, f"No {medal} medal is listed for {label}.", "who_won", command, podium=podium)
        who = names_and([f"{p.name} ({p.nation})" if p.nation else p.name for p in entries])
        text = f"{who} won {medal} in {label} (from the infobox: the results table lists no row for it)."
    return c.answer(eid, text, "who_won", command, podium=podium, notes=notes)


def _winner(c: Ctx, eid: str, label: str, command: str, podium: PodiumAnswer) -> AskAnswer:
    rows = [r for r in final_rows(c.index.events[eid])[1] if r.medal == "gold"]
    if not rows:
        golds = [p for p in podium.places if p.medal == "gold"]
        who = names_and([f"{p.name} ({p.nation})" if p.nation else p.name for p in golds])
        return c.answer(eid, f"{who} won {label} (from the infobox).", "who_won", command, podium=podium)
    who = names_and([person(r, c.index) for r in rows])
    tied = " (tied for gold)" if len(rows) > 1 else ""
    value = ""
    if rows[0].result and rows[0].status is None:
        value = f" with {value_text(rows[0])}" if rows[0].unit in ("m", "pts", "kg") else f" in {value_text(rows[0])}"
    notes = [n for r in rows for n in notes_of(r)]
    return c.answer(eid, f"{who} won {label}{tied}{value}.", "who_won", command, podium=podium, notes=notes)


def command_of(info: EventInfo) -> str:
    return command_query(info)


def nth(c: Ctx) -> AskAnswer:
    eid = c.r.event()
    info = c.info(eid)
    label = event_label(c.index, info)
    final, rows = final_rows(c.index.events[eid])
    command = f"/event {command_of(info)}"
    n_text = c.parsed.slots.get("n", "")
    ranked = [r for r in rows if r.rank is not None]
    if not ranked:
        return c.answer(eid, f"The results of {label} rank no one.", "nth", command)
    if n_text == "last":
        n = max(r.rank or 0 for r in ranked)
        who_rows = [r for r in ranked if r.rank == n]
        unranked = [r for r in rows if r.rank is None]
        kinds = ", ".join(sorted({r.status or "no result" for r in unranked}))
        note = [f"{len(unranked)} more listed without a place ({kinds})."] if unranked else []
        value = f" in {value_text(who_rows[0])}" if who_rows[0].result else ""
        who = names_and([person(r, c.index) for r in who_rows])
        text = f"{who} finished last of the ranked finishers of {label}, {ordinal(n)}{value}."
        return c.answer(eid, text, "nth", command, notes=note + [x for r in who_rows for x in notes_of(r)])
    place = place_of(n_text)
    if place is None:
        raise Miss("place", n_text)
    n = place
    who_rows = [r for r in ranked if r.rank == n]
    if not who_rows:
        return c.answer(eid, f"Nobody is listed {ordinal(n)} in {label} ({len(ranked)} ranked).", "nth", command)
    tied = " (tied)" if len(who_rows) > 1 else ""
    value = f" in {value_text(who_rows[0])}" if who_rows[0].result else ""
    round_name = f" ({final.name})" if final and final.name and final.name.lower() != "final" else ""
    who = names_and([person(r, c.index) for r in who_rows])
    text = f"{who} finished {ordinal(n)}{tied} in {label}{round_name}{value}."
    return c.answer(eid, text, "nth", command, notes=[x for r in who_rows for x in notes_of(r)])


def winning(c: Ctx) -> AskAnswer:
    eid = c.r.event()
    info = c.info(eid)
    label = event_label(c.index, info)
    rows = [r for r in final_rows(c.index.events[eid])[1] if r.rank == 1 and r.status is None]
    command = f"/podium {command_of(info)}"
    if not rows or not rows[0].result:
        return c.answer(eid, f"The page of {label} gives no winning result.", "winning", command)
    what = {"s": "time", "m": "mark", "pts": "score", "kg": "total"}.get(rows[0].unit or "", "result")
    text = (
        f"The winning {what} in {label} was {value_text(rows[0])}, by {names_and([person(r, c.index) for r in rows])}."
    )
    return c.answer(eid, text, "winning", command, notes=[x for r in rows for x in notes_of(r)])


def margin_gs(c: Ctx) -> AskAnswer:
    eid = c.r.event()
    info = c.info(eid)
    label = event_label(c.index, info)
    rows = final_rows(c.index.events[eid])[1]
    command = f"/podium {command_of(info)}"
    first = [r for r in rows if r.rank == 1 and r.status is None and r.value is not None]
    second = [r for r in rows if r.rank == 2 and r.status is None and r.value is not None]
    if len(first) > 1:
        return c.answer(
            eid,
            f"{names_and([person(r, c.index) for r in first])} tied for gold in {label}: no margin.",
            "margin_gs",
            command,
        )
    if not first or not second:
        return c.answer(
            eid, f"The page of {label} does not give both the gold and silver results.", "margin_gs", command
        )
    g, s = first[0], second[0]
    diff = abs((s.value or 0) - (g.value or 0))
    gap = format_value(diff, g.unit, max(g.precision, s.precision))
    unit = (" s" if ":" not in gap else "") if g.unit == "s" else f" {g.unit}" if g.unit else ""
    text = (f"{person(g, c.index)} beat {person(s, c.index)} by {gap}{unit} in {label} "
            f"({value_text(g)} to {value_text(s)}).")  # fmt: skip
    return c.answer(eid, text, "margin_gs", command, notes=notes_of(g) + notes_of(s))


def _split_label(event: Event, final: Round | None, text: str) -> tuple[Round, str] | None:
    key = text.replace(" ", "").replace("metres", "m").replace("meters", "m").replace("metre", "m")
    rounds = [final] if final else []
    rounds += [r for r in event.rounds if r is not final]
    for rnd in rounds:
        labels = list(dict.fromkeys(k for row in rnd.results for k in row.splits))
        for label in labels:
            folded = label.lower().replace(" ", "").replace("metres", "m")
            if folded == key or folded == key + "m" or folded.replace("lap", "") == key.replace("lap", ""):
                return rnd, label
    return None


def split_leader(c: Ctx) -> AskAnswer:
    eid = c.r.event()
    info = c.info(eid)
    label = event_label(c.index, info)
    event = c.index.events[eid]
    final, _ = final_rows(event)
    found = _split_label(event, final, c.parsed.slots.get("split", ""))
    command = f"/event {command_of(info)}"
    if found is None:
        labels = sorted({k for rnd in event.rounds for row in rnd.results for k in row.splits})
        have = f" It has splits at {', '.join(labels)}." if labels else " It has no splits."
        return c.answer(
            eid, f"The page of {label} has no split at {c.parsed.slots.get('split')}.{have}", "split", command
        )
    rnd, split = found
    timed = [(row.splits[split], row) for row in rnd.results if split in row.splits]
    best = min(t for t, _ in timed)
    leaders = [row for t, row in timed if t == best]
    precision = max((row.precision for row in leaders), default=3)
    where = f" ({rnd.name})" if rnd.name else ""
    text = (f"{names_and([person(r, c.index) for r in leaders])} led {label}{where} at {split} in "
            f"{format_value(best, 's', precision)}.")  # fmt: skip
    winner = [r for r in rnd.results if r.rank == 1]
    notes = []
    if winner and winner[0] not in leaders:
        notes.append(f"{winner[0].name} won: splits are cumulative times, so the lead changed later.")
    return c.answer(eid, text, "split", command, notes=notes)


def count(c: Ctx) -> AskAnswer:
    eid = c.r.event()
    info = c.info(eid)
    label = event_label(c.index, info)
    what = c.parsed.slots.get("what", "competitors")
    nations = what in ("nations", "countries", "nocs")
    teams = what == "teams"
    number = info.nations if nations else info.competitors
    command = f"/event {command_of(info)}"
    if teams and info.team:
        rows = final_rows(c.index.events[eid])[1]
        number = len(rows) if rows else None
    noun = "nations" if nations else "teams" if teams else "competitors"
    if number is None:
        rows = final_rows(c.index.events[eid])[1]
        listed = len({r.nation for r in rows if r.nation}) if nations else len(rows)
        if not listed:
            return c.answer(eid, f"The page of {label} does not give the number of {noun}.", "count", command)
        text = f"The final of {label} lists {listed} {noun}; the page gives no total for the event."
        return c.answer(eid, text, "count", command)
    return c.answer(eid, f"{number} {noun} took part in {label}.", "count", command)


def when_where(c: Ctx, intent: str) -> AskAnswer:
    eid = c.r.event()
    info = c.info(eid)
    label = event_label(c.index, info)
    command = f"/event {command_of(info)}"
    if intent == "when":
        if info.date:
            text = (
                f"{label[:1].upper()}{label[1:]} was held on {info.date}"
                + (f" {info.year}" if info.year and str(info.year) not in info.date else "")
                + "."
            )
        else:
            text = f"The page of {label} gives no date; it was part of the {info.games} Games."
        return c.answer(eid, text, "when", command)
    if info.venue:
        text = f"{label[:1].upper()}{label[1:]} was held at {info.venue}."
    else:
        text = f"The page of {label} names no venue."
    return c.answer(eid, text, "where", command)


def record(c: Ctx) -> AskAnswer:
    eid = c.r.event()
    info = c.info(eid)
    label = event_label(c.index, info)
    answer = records_answer(c.index, eid)
    kind = c.parsed.slots.get("kind", "")
    want = {"world": "world", "wr": "world", "olympic": "olympic", "or": "olympic"}.get(kind)
    command = f"/records {command_of(info)}"
    recs = [r for r in c.index.events[eid].records if not want or want in r.kind.lower()]
    if not recs:
        which = f"{want} " if want else ""
        return c.answer(eid, f"The page of {label} lists no {which}record.", "record", command, records=answer)
    parts = []
    notes = []
    for rec in recs:
        holder = f"{rec.holder} ({rec.nation})" if rec.holder and rec.nation else rec.holder or "unknown holder"
        when = ", ".join(x for x in (rec.place, rec.date) if x)
        value = rec.result or "—"
        if rec.corrected and rec.value is not None:
            value = format_value(rec.value, rec.unit, rec.precision)
            notes.append(f"The {rec.kind.lower()} is given as corrected ({rec.result} as written): {rec.correction}.")
        parts.append(f"{rec.kind}: {value} by {holder}" + (f" ({when})" if when else ""))
    text = f"Before {label}: " + "; ".join(parts) + "."
    return c.answer(eid, text, "record", command, records=answer, notes=notes)


def results(c: Ctx) -> AskAnswer:
    eid = c.r.event()
    info = c.info(eid)
    answer = event_answer(c.index, eid)
    final_index = answer.final_round if answer.final_round is not None else len(answer.rounds) - 1
    lines = answer.rounds[final_index].lines if answer.rounds else []
    top = "; ".join(f"{ln.rank_text}. {ln.name}" + (f" {ln.result}" if ln.result else "") for ln in lines[:3])
    text = f"The results of {event_label(c.index, info)}" + (f": {top} …" if top else ": no table.")
    text += f" ({sum(len(r.lines) for r in answer.rounds)} rows in {len(answer.rounds)} table(s))."
    return c.answer(eid, text, "results", f"/event {command_of(info)}", event=answer)
