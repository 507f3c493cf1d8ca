"""Rendering medal tables, nations, Games and plain-words answers for the terminal."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from bot.ask import AskAnswer
from bot.console import render
from bot.medals import GamesAnswer, MedalTableAnswer, NationAnswer


def _medal_table(answer: MedalTableAnswer, title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left", show_edge=False)
    for col in ("Rank", "Nation", "🥇", "🥈", "🥉", "Total"):
        table.add_column(col, justify="right" if col != "Nation" else "left")
    for row in answer.rows:
        name = f"{row.flag} {row.name}" if row.flag else row.name
        rank = f"={row.rank}" if row.tied else str(row.rank)
        table.add_row(rank, f"{name} ({row.noc})", str(row.gold), str(row.silver), str(row.bronze), str(row.total))
    return table


def render_medals(answer: MedalTableAnswer) -> RenderableType:
    head = Text(f"Medal table: {answer.scope}", style="bold")
    head.append(f"\n{answer.events} events, medals counted {answer.counts}", style="dim")
    parts: list[RenderableType] = [head]
    parts.append(_medal_table(answer) if answer.rows else Text("No medals in these events."))
    if answer.without_nation:
        parts.append(Text(f"{answer.without_nation} medals are not counted: their page names no nation.", "dim"))
    return Group(*parts)


def render_nation(answer: NationAnswer) -> RenderableType:
    flag = f"{answer.flag} " if answer.flag else ""
    head = Text(f"{flag}{answer.name} ({answer.noc})", style="bold")
    if answer.historical:
        head.append("  historical NOC", style="dim")
    m = answer.medals
    head.append(
        f"\n🥇 {m['gold']}  🥈 {m['silver']}  🥉 {m['bronze']}  {sum(m.values())} medals {answer.counts} "
        f"({answer.events_entered} events entered)",
    )
    parts: list[RenderableType] = [head]
    for title, rows in (("By Games", answer.by_games), ("By sport", answer.by_sport)):
        if rows:
            table = Table(title=title, title_justify="left", show_edge=False)
            for col in (title.split()[-1].capitalize(), "🥇", "🥈", "🥉", "Total"):
                table.add_column(col)
            for r in rows:
                label = getattr(r, "games", None) or getattr(r, "sport", "")
                table.add_row(label, str(r.gold), str(r.silver), str(r.bronze), str(r.total))
            parts.append(table)
    if answer.medallists:
        table = Table(title="Medallists", title_justify="left", show_edge=False)
        for col in ("Athlete", "Sport", "🥇", "🥈", "🥉"):
            table.add_column(col)
        for p in answer.medallists:
            table.add_row(p.name, ", ".join(p.sports), str(p.gold), str(p.silver), str(p.bronze))
        parts.append(table)
    if answer.best:
        parts.append(Text("Best results:\n" + "\n".join(f"  {b}" for b in answer.best)))
    return Group(*parts)


def render_games(answer: GamesAnswer) -> RenderableType:
    where = ", ".join(x for x in (answer.host_city, answer.host_country) if x)
    head = Text(f"{answer.year} {answer.season} Olympics" + (f" — {where}" if where else ""), style="bold")
    head.append(f"\n{answer.events} events loaded: {', '.join(answer.sports)}", style="dim")
    parts: list[RenderableType] = [head, _medal_table(answer.medals, f"Top of the medal table ({answer.counts})")]
    if answer.records:
        lines = [f"  {r.note}: {r.name} {r.result or ''} — {r.event}" for r in answer.records[:15]]
        parts.append(Text("Records set there:\n" + "\n".join(lines)))
    else:
        parts.append(Text("No record is marked in the results of these events.", style="dim"))
    return Group(*parts)


def render_ask(answer: AskAnswer) -> RenderableType:
    """The sentence first, then the table the matching command shows, the source and the command itself."""
    style = {"answer": "bold", "pick": "yellow", "did_you_mean": "yellow", "not_understood": "red"}[answer.kind]
    parts: list[RenderableType] = [Text(answer.text, style=style)]
    for note in answer.notes:
        parts.append(Text(f"  note: {note}", style="dim"))
    if answer.kind == "pick":
        parts.append(Text("\n".join(f"  {n}. {c.name} ({c.detail})" for n, c in enumerate(answer.candidates, 1))))
        parts.append(Text("Type the number of the one you mean.", style="dim"))
    for n, reading in enumerate(answer.readings, start=1):
        parts.append(Text(f"  {n}. {reading.question}"))
    if answer.readings:
        parts.append(Text("Type the number of the reading you mean.", style="dim"))
    table = _ask_table(answer)
    if table is not None:
        parts.append(table)
    sourced = answer.podium is not None or answer.event is not None or answer.records is not None
    if answer.source is not None and not (sourced and table is not None):
        parts.append(Text(f"Source: {answer.source.source_file} — {answer.source.url}", style="dim"))
    if answer.command:
        parts.append(Text(f"as a command: {answer.command}", style="dim"))
    return Group(*parts)


def _ask_table(answer: AskAnswer) -> RenderableType | None:
    if answer.podium is not None:
        return render.render_podium(answer.podium)
    if answer.event is not None:
        return render.render_event(answer.event)
    if answer.medals is not None:
        return _medal_table(answer.medals)
    if answer.compare is not None and len(answer.compare.meetings) > 1:
        return render.render_compare(answer.compare)
    if answer.athlete is not None:
        return render.render_athlete(answer.athlete)
    if answer.records is not None and answer.records.records:
        return render.render_records(answer.records)
    return None
