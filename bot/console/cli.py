"""`python -m bot ...`: the console face, one subcommand per slash command, plus check/export/console/run."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO, cast

from pydantic import BaseModel
from rich.console import RenderableType

from bot.console import render, tables
from bot.core import Podium, require_pages
from bot.errors import Ambiguous, BadOption, NotFound, PodiumError
from bot.parse import load_folder
from bot.reference import load_reference
from bot.userinput import printable

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


def program_name() -> str:
    """`podium` when run through the entry point, else `python -m bot`."""
    return "podium" if Path(sys.argv[0]).name == "podium" else "python -m bot"


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise argparse.ArgumentTypeError("a path cannot hold a NUL character")
    return value


def png_path(value: str) -> Path:
    """`--out`: a file name ending in .png (charts are PNG images; a .jpg name would hold PNG bytes)."""
    if not _no_nul(value).strip():
        raise argparse.ArgumentTypeError("give a file name, such as chart.png")
    path = Path(value)
    if path.suffix.lower() != ".png":
        raise argparse.ArgumentTypeError(f"charts are PNG images: name the file something.png, not {value!r}")
    return path


def json_path(value: str) -> Path:
    if not _no_nul(value).strip():
        raise argparse.ArgumentTypeError("give a file name, such as podium.json")
    return Path(value)


def folder_path(value: str) -> Path:
    if not _no_nul(value).strip():
        raise argparse.ArgumentTypeError("give a folder, such as data/pages")
    return Path(value)


def add_chart_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", choices=["gaps", "splits"], default="gaps")
    parser.add_argument("--out", type=png_path, default=Path("chart.png"), help="where to write the PNG")
    parser.add_argument("--force", action="store_true", help="overwrite the --out file if it exists")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", type=folder_path, default=None, help="folder of pages (default: the bundled pages)")
    common.add_argument("--json", action="store_true", help="print the answer as JSON")
    parser = argparse.ArgumentParser(prog=program_name(), description="Podium: Olympic results in a terminal")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, _, _) in QUERY_COMMANDS.items():
        cmd = sub.add_parser(name, parents=[common], help=help_text)
        cmd.add_argument("query", nargs="+")
    compare = sub.add_parser("compare", parents=[common], help="two athletes head to head (A vs B)")
    compare.add_argument("athletes", nargs="+", help='two names: "Name A" "Name B", or words with "vs" between')
    chart = sub.add_parser("chart", parents=[common], help="a PNG chart of an event: gaps or splits")
    chart.add_argument("query", nargs="+")
    add_chart_options(chart)
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
    check.add_argument("folder", nargs="?", type=folder_path)
    check.add_argument("--verbose", "-v", action="store_true", help="also list the tables skipped on purpose, and why")
    export = sub.add_parser("export", parents=[common], help="the whole parsed index as JSON (stdout, or --out)")
    export.add_argument("--out", type=json_path, default=None, help="write the JSON to this file instead")
    export.add_argument("--force", action="store_true", help="overwrite the --out file if it exists")
    sub.add_parser("console", parents=[common], help="interactive console with history and tab completion")
    sub.add_parser("run", parents=[common], help="Discord bot when DISCORD_TOKEN is set, else the console")
    sync = sub.add_parser("sync", parents=[common], help="register the slash commands with Discord, then exit")
    sync.add_argument("--global", dest="force_global", action="store_true", help="globally, even with dev guilds")
    from bot.console.quiz import add_quiz_parser

    add_quiz_parser(sub, common)
    return parser


def _data_dir(args: argparse.Namespace) -> Path:
    """The folder of pages, checked: `DataFolderError` (exit 1) when it is missing or holds no pages."""
    if args.data is not None:
        return require_pages(Path(args.data))
    from bot.settings import load_settings

    return require_pages(load_settings().data_dir)


def _print_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def _error_json(err: PodiumError) -> dict[str, Any]:
    out: dict[str, Any] = {"error": str(err)}
    if isinstance(err, Ambiguous):
        out["candidates"] = [{"id": i, "name": n, "detail": d} for i, n, d in err.candidates]
    if isinstance(err, NotFound):
        out["suggestions"] = err.suggestions
    return out


def show(
    produce: Callable[[], BaseModel],
    draw: Callable[[Any], RenderableType],
    as_json: bool,
    seen: list[PodiumError] | None = None,
) -> int:
    """Print one answer, or the user's error in words (never a traceback). Returns the exit code; the error, if
    any, is added to `seen` (the console offers to pick from an ambiguity)."""
    console = render.make_console()
    try:
        answer = produce()
    except PodiumError as err:
        if seen is not None:
            seen.append(err)
        if as_json:
            _print_json(_error_json(err))
        else:
            console.print(render.render_error(err), soft_wrap=True)
        return 1
    if as_json:
        _print_json(answer.model_dump(mode="json"))
    else:
        console.print(draw(answer))
    return 0


def run_query(podium: Podium, command: str, query: str, as_json: bool, seen: list[PodiumError] | None = None) -> int:
    _, ask, draw = QUERY_COMMANDS[command]
    return show(lambda: ask(podium, query), draw, as_json, seen)


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


def run_compare(podium: Podium, words: Sequence[str], as_json: bool, seen: list[PodiumError] | None = None) -> int:
    return show(lambda: podium.compare(*split_pair(words)), render.render_compare, as_json, seen)


class PrintableWriter(io.TextIOBase):
    """A terminal stream that escapes control characters in what it is given (a quiz echoes user input)."""

    def __init__(self, target: TextIO) -> None:
        self.target = target

    def write(self, text: str) -> int:
        self.target.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self.target.flush()


class OutputError(PodiumError):
    """A file the user asked for cannot be written where they said."""


def write_new_file(out: Path, data: bytes, *, force: bool = False, example: str = "chart.png") -> None:
    """Write `data` to `out`, refusing to replace a file unless `force`: `OutputError` in words, never a
    traceback, when the folder is missing, the path is a folder, or the file system refuses."""
    if out.is_dir():
        raise OutputError(f"{str(out)!r} is a folder: name a file in it, such as {str(out / example)!r}.")
    folder = out.parent
    if not folder.is_dir():
        raise OutputError(f"Cannot write {str(out)!r}: the folder {str(folder)!r} does not exist.")
    try:
        with out.open("wb" if force else "xb") as file:
            file.write(data)
    except FileExistsError:
        raise OutputError(f"{str(out)!r} exists already: pass --force to overwrite it.") from None
    except (OSError, ValueError) as err:  # ValueError: a name the OS cannot take at all
        reason = err.strerror if isinstance(err, OSError) and err.strerror else err
        raise OutputError(f"Cannot write {str(out)!r}: {reason}.") from None


def run_chart(
    podium: Podium,
    query: str,
    kind: str,
    out: Path,
    *,
    force: bool = False,
    as_json: bool = False,
    seen: list[PodiumError] | None = None,
) -> int:
    try:
        chart = podium.chart(query, "splits" if kind == "splits" else "gaps")
        write_new_file(out, chart.png, force=force)
    except PodiumError as err:
        if seen is not None:
            seen.append(err)
        if as_json:
            _print_json(_error_json(err))
        else:
            render.make_console().print(render.render_error(err), soft_wrap=True)
        return 1
    if as_json:
        _print_json({"title": chart.title, "kind": chart.kind, "file": str(out), "note": chart.note})
    else:
        note = f" ({chart.note})" if chart.note else ""
        print(printable(f"{chart.title}: {kind} chart written to {out}{note}"))
    return 0


def run_export(podium: Podium, out: Path | None, *, force: bool = False) -> int:
    """The whole index as JSON: on stdout, or to a new file (`--force` to replace one)."""
    if out is None:
        _print_json(podium.export())
        return 0
    text = json.dumps(podium.export(), ensure_ascii=False, indent=2) + "\n"
    try:
        write_new_file(out, text.encode("utf-8"), force=force, example="podium.json")
    except PodiumError as err:
        render.make_console().print(render.render_error(err), soft_wrap=True)
        return 1
    print(printable(f"{len(podium.index.events)} events written to {out}"))
    return 0


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def run_check(folder: Path, as_json: bool, verbose: bool = False) -> int:
    """Every problem of a folder and the counts (`verbose`: and the tables skipped on purpose); exit 1 when there
    are problems or no pages at all."""
    require_pages(folder)
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
            print(printable(str(problem)))
        if verbose:
            for file, table in skipped:
                print(printable(f"{file}:{table.line}: table skipped on purpose ({table.reason})"))
        print(
            f"{plural(len(result.events), 'event')}, {plural(rows, 'result row')}, "
            f"{plural(len(result.problems), 'problem')}"
        )
    return 1 if result.problems or not result.events else 0


def tolerant_streams() -> None:
    """Bytes that are not UTF-8 on stdin read as U+FFFD, and text the terminal cannot show is replaced: an odd
    byte is never an exception later (in a quiz answer written to the database, say)."""
    for stream, errors in ((sys.stdin, "replace"), (sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=errors)


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m bot ...`. Never a traceback: bad usage or a setting the bot cannot run with is one line on stderr
    and exit status 2; a command that fails (a missing folder, an unwritable file, no database) is one line and 1."""
    from bot.settings import SettingsError

    tolerant_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "quiz":
        check_quiz_args(parser, args)
    try:
        return _main(args)
    except SettingsError as err:
        return fail(err, 2)
    except PodiumError as err:
        return fail(err, 1)
    except BrokenPipeError:  # `podium export | head`: the reader left, nothing to say
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as err:
        return fail(f"{err.strerror or err}" + (f": {err.filename}" if err.filename else ""), 1)
    except KeyboardInterrupt:
        print(f"{program_name()}: interrupted", file=sys.stderr)
        return 130


def check_quiz_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Numbers a game cannot use are bad usage (exit 2), told before anything loads."""
    from bot.settings import MAX_SEED

    if args.seed is not None and not 0 <= args.seed <= MAX_SEED:
        parser.error(f"argument --seed: a seed is a whole number from 0 to {MAX_SEED}")
    if args.seconds is not None and not 5 <= args.seconds <= 300:  # also inf and nan
        parser.error("argument --seconds: a question lasts 5 to 300 seconds")
    if args.questions is not None and not 1 <= args.questions <= 50:
        parser.error("argument --questions: a quiz has 1 to 50 questions")
    if not 1 <= args.players <= 26:
        parser.error("argument --players: 1 to 26 players")


def fail(err: object, code: int) -> int:
    print(printable(f"{program_name()}: {err}"), file=sys.stderr)
    return code


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

        return run_quiz(args, _data_dir(args), out=cast(TextIO, PrintableWriter(sys.stdout)))
    if command == "console":
        from bot.console.repl import Repl
        from bot.settings import load_settings

        settings = load_settings()
        podium = Podium.load(_data_dir(args), cache_dir=settings.cache_dir)  # a warm start for the session
        return Repl(podium, history=settings.history_file, data_dir=_data_dir(args)).run()
    from bot.settings import load_settings

    # From the index cache too: a one-shot question on a whole Olympics then costs a third of a second, not a parse.
    podium = Podium.load(_data_dir(args), cache_dir=load_settings().cache_dir)
    if command == "export":
        return run_export(podium, args.out, force=args.force)
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
        return run_chart(podium, query, args.kind, args.out, force=args.force, as_json=args.json)
    if command == "resolve":
        verdict = podium.resolve(args.kind, query)
        if args.json:
            _print_json(verdict.model_dump(mode="json", exclude={"candidates": {"__all__": {"id"}}}))
        else:
            render.make_console().print(render.render_resolution(verdict))
        return 0
    return run_query(podium, command, query, args.json)
