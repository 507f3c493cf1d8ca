"""`python -m bot ...`: the console face, one subcommand per slash command, plus check/export/console/run."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from rich.console import RenderableType

from bot.console import render, tables
from bot.core import Podium
from bot.errors import Ambiguous, BadOption, NotFound, PodiumError
from bot.parse import load_folder
from bot.reference import load_reference

QUERY_COMMANDS: dict[str, tuple[str, Callable[[Podium, str], BaseModel], Callable[[Any], RenderableType]]] = {
    "event": ("full results of an event", Podium.event, render.render_event),
    "podium": ("the medalists of an event", Podium.podium, render.render_podium),
    "athlete": ("every appearance of an athlete", Podium.athlete, render.render_athlete),
    "records": ("the records listed on an event's page", Podium.records, render.render_records),
}

# Medal tables, nations and Games (bot/medals.py); the REPL takes them too.
EXTRA_COMMANDS: dict[str, tuple[Callable[[Podium, str], BaseModel], Callable[[Any], RenderableType]]] = {
    "medals": (Podium.medals, tables.render_medals),
    "nation": (Podium.nation, tables.render_nation),
    "games": (Podium.games, tables.render_games),
    "ask": (Podium.ask, tables.render_ask),
}


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", type=Path, default=None, help="folder of pages (default: the bundled pages)")
    common.add_argument("--json", action="store_true", help="print the answer as JSON")
    parser = argparse.ArgumentParser(prog="python -m bot", description="Podium: Olympic results in a terminal")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, _, _) in QUERY_COMMANDS.items():
        cmd = sub.add_parser(name, parents=[common], help=help_text)
        cmd.add_argument("query", nargs="+")
    compare = sub.add_parser("compare", parents=[common], help="two athletes head to head (A vs B)")
    compare.add_argument("athletes", nargs="+", help='two names: "Name A" "Name B", or words with "vs" between')
    chart = sub.add_parser("chart", parents=[common], help="a PNG chart of an event: gaps or splits")
    chart.add_argument("query", nargs="+")
    chart.add_argument("--kind", choices=["gaps", "splits"], default="gaps")
    chart.add_argument("--out", type=Path, default=Path("chart.png"), help="where to write the PNG")
    sub.add_parser("about", parents=[common], help="what the bot knows and its version")
    medals = sub.add_parser("medals", parents=[common], help="a medal table: a Games, a sport, a season or all")
    medals.add_argument("query", nargs="*")
    ask = sub.add_parser("ask", parents=[common], help="a question in plain words (who won the kilo in 1992?)")
    ask.add_argument("query", nargs="+")
    for name, help_text in (("nation", "a nation's medals, medallists and best results"),
                            ("games", "a Games overview: host, events, medal table, records")):  # fmt: skip
        cmd = sub.add_parser(name, parents=[common], help=help_text)
        cmd.add_argument("query", nargs="+")
    resolve = sub.add_parser("resolve", parents=[common], help="what the matcher makes of a query")
    resolve.add_argument("kind", choices=["athlete", "event"])
    resolve.add_argument("query", nargs="+")
    check = sub.add_parser("check", parents=[common], help="load a folder, print every problem and the counts")
    check.add_argument("folder", nargs="?", type=Path)
    check.add_argument("--verbose", "-v", action="store_true", help="also list the tables skipped on purpose, and why")
    sub.add_parser("export", parents=[common], help="the whole parsed index as JSON on stdout")
    sub.add_parser("console", parents=[common], help="interactive console with history and tab completion")
    sub.add_parser("run", parents=[common], help="Discord bot when DISCORD_TOKEN is set, else the console")
    sync = sub.add_parser("sync", parents=[common], help="register the slash commands with Discord, then exit")
    sync.add_argument("--global", dest="force_global", action="store_true", help="globally, even with dev guilds")
    from bot.console.quiz import add_quiz_parser

    add_quiz_parser(sub, common)
    return parser


def _data_dir(args: argparse.Namespace) -> Path:
    if args.data is not None:
        return Path(args.data)
    from bot.settings import load_settings

    return load_settings().data_dir


def _print_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def _error_json(err: PodiumError) -> dict[str, Any]:
    out: dict[str, Any] = {"error": str(err)}
    if isinstance(err, Ambiguous):
        out["candidates"] = [{"id": i, "name": n, "detail": d} for i, n, d in err.candidates]
    if isinstance(err, NotFound):
        out["suggestions"] = err.suggestions
    return out


def show(produce: Callable[[], BaseModel], draw: Callable[[Any], RenderableType], as_json: bool) -> int:
    """Print one answer, or the user's error in words (never a traceback). Returns the exit code."""
    console = render.make_console()
    try:
        answer = produce()
    except PodiumError as err:
        if as_json:
            _print_json(_error_json(err))
        else:
            console.print(render.render_error(err))
        return 1
    if as_json:
        _print_json(answer.model_dump(mode="json"))
    else:
        console.print(draw(answer))
    return 0


def run_query(podium: Podium, command: str, query: str, as_json: bool) -> int:
    _, ask, draw = QUERY_COMMANDS[command]
    return show(lambda: ask(podium, query), draw, as_json)


def split_pair(words: Sequence[str]) -> tuple[str, str]:
    """`"A" "B"` or `A words vs B words`: the two names of a comparison."""
    lowered = [w.lower() for w in words]
    for sep in ("vs", "vs.", "v", "|", "--"):
        if sep in lowered:
            at = lowered.index(sep)
            return " ".join(words[:at]), " ".join(words[at + 1 :])
    if len(words) == 2:
        return words[0], words[1]
    raise BadOption('Name two athletes: compare "Name A" "Name B", or compare Name A vs Name B.')


def run_compare(podium: Podium, words: Sequence[str], as_json: bool) -> int:
    return show(lambda: podium.compare(*split_pair(words)), render.render_compare, as_json)


def run_chart(podium: Podium, query: str, kind: str, out: Path) -> int:
    try:
        chart = podium.chart(query, "splits" if kind == "splits" else "gaps")
    except PodiumError as err:
        render.make_console().print(render.render_error(err))
        return 1
    out.write_bytes(chart.png)
    print(f"{chart.title}: {kind} chart written to {out}" + (f" ({chart.note})" if chart.note else ""))
    return 0


def run_check(folder: Path, as_json: bool, verbose: bool = False) -> int:
    result = load_folder(folder, load_reference())
    rows = sum(len(r.results) for e in result.events for r in e.rounds)
    skipped = [(e.file, t) for e in result.events for t in e.tables if t.kind == "skipped"]
    if as_json:
        doc: dict[str, object] = {
            "events": len(result.events),
            "rows": rows,
            "problems": [p.model_dump(mode="json") for p in result.problems],
        }
        if verbose:
            doc["skipped_tables"] = [{"file": f, "line": t.line, "reason": t.reason} for f, t in skipped]
        _print_json(doc)
    else:
        for problem in result.problems:
            print(problem)
        if verbose:
            for file, table in skipped:
                print(f"{file}:{table.line}: table skipped on purpose ({table.reason})")
        print(f"{len(result.events)} events, {rows} result rows, {len(result.problems)} problems")
    return 1 if result.problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m bot ...`. A setting the bot cannot run with is one line on stderr and exit status 2."""
    from bot.settings import SettingsError

    args = build_parser().parse_args(argv)
    try:
        return _main(args)
    except SettingsError as err:
        print(f"python -m bot: {err}", file=sys.stderr)
        return 2


def _main(args: argparse.Namespace) -> int:
    command: str = args.command
    if command == "check":
        return run_check(args.folder or _data_dir(args), args.json, args.verbose)
    if command == "run":
        from bot.runner import run

        return run(_data_dir(args))
    if command == "sync":
        from bot.discord.app import sync_main
        from bot.settings import load_settings

        return sync_main(load_settings(), _data_dir(args), force_global=args.force_global)
    if command == "quiz":
        from bot.console.quiz import run_quiz

        return run_quiz(args, _data_dir(args))
    if command == "console":
        from bot.console.repl import Repl
        from bot.settings import load_settings

        settings = load_settings()
        podium = Podium.load(_data_dir(args), cache_dir=settings.cache_dir)  # a warm start for the session
        return Repl(podium, history=settings.history_file).run()
    from bot.settings import load_settings

    # From the index cache too: a one-shot question on a whole Olympics then costs a third of a second, not a parse.
    podium = Podium.load(_data_dir(args), cache_dir=load_settings().cache_dir)
    if command == "export":
        _print_json(podium.export())
        return 0
    if command == "about":
        about = podium.about()
        if args.json:
            _print_json(about.model_dump(mode="json"))
        else:
            render.make_console().print(render.render_about(about))
        return 0
    if command == "compare":
        return run_compare(podium, args.athletes, args.json)
    query = " ".join(args.query)
    if command in EXTRA_COMMANDS:
        return show(lambda: EXTRA_COMMANDS[command][0](podium, query), EXTRA_COMMANDS[command][1], args.json)
    if command == "chart":
        return run_chart(podium, query, args.kind, args.out)
    if command == "resolve":
        verdict = podium.resolve(args.kind, query)
        if args.json:
            _print_json(verdict.model_dump(mode="json", exclude={"candidates": {"__all__": {"id"}}}))
        else:
            render.make_console().print(render.render_resolution(verdict))
        return 0
    return run_query(podium, command, query, args.json)
