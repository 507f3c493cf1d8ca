"""The interactive console: the CLI's commands typed at a prompt (the same options, read by the same parser), with
history, tab completion, and `1`, `2`… to pick from an ambiguity list."""

from __future__ import annotations

import argparse
import contextlib
import io
import shlex
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO, cast

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.history import FileHistory, History, InMemoryHistory

from bot.ask import AskAnswer
from bot.console import render, tables
from bot.console.cli import (
    EXTRA_COMMANDS,
    QUERY_COMMANDS,
    PrintableWriter,
    build_parser,
    plural,
    run_chart,
    run_check,
    run_compare,
    run_export,
    run_query,
    show,
    split_pair,
)
from bot.core import Podium
from bot.errors import Ambiguous, PodiumError
from bot.userinput import echoed, printable

HELP = """Commands (the same as `podium COMMAND` in a shell, with the same options):
  event QUERY      full results of an event        (e.g. event 1992 time trial)
  podium QUERY     the medalists of an event       (e.g. podium 20 km walk)
  athlete NAME     every appearance of an athlete  (e.g. athlete Consonni)
  records QUERY    the records listed on the page
  compare A vs B   two athletes head to head       (e.g. compare Jose Moreno vs Shane Kelly)
  chart QUERY [--kind gaps|splits] [--out FILE.png] [--force]   a PNG chart (default chart.png)
  ask QUESTION     a question in plain words       (e.g. ask who won the kilo in 1992?)
                   (any line that is not a command is taken as a question; follow-ups: and in 1932?)
  medals [QUERY]   a medal table                   (e.g. medals 1992, medals cycling, medals)
  nation QUERY     a nation's medals and medallists (e.g. nation Spain)
  games QUERY      a Games overview                (e.g. games Barcelona)
  resolve athlete|event QUERY   what the matcher makes of a query
  about            what the bot knows
  check [FOLDER]   load a folder of pages, print every problem (default: this console's folder)
  export [--out FILE.json] [--force]   the whole parsed index as JSON
  quiz [--players N] [--seed N] [--questions N] [--seconds S] [--mode buttons|typed] [--sport S] ...
                   a quiz night here; answers are read from the following lines
  problems         what was found wrong in the pages at load
  help             this list;  quit / exit / Ctrl-D to leave
Add --json for JSON (e.g. podium --json 1992 time trial). After a "which one?" list, type its number to pick."""

# Commands read by the CLI's own parser (its options, its messages); `run` and `sync` leave the console.
PARSED = (*QUERY_COMMANDS, *EXTRA_COMMANDS, "compare", "chart", "about", "resolve", "check", "export", "quiz")
NAMES = (*PARSED, "problems", "help", "quit", "exit")


@dataclass
class Pick:
    """An ambiguity just listed: a number typed next answers it with that candidate."""

    ids: list[str]
    rerun: Callable[[str], object]


WHO = ("console", "you")  # the console is one channel with one person: follow-ups work across lines


class PodiumCompleter(Completer):
    """Completes command names, then athlete or event names through the matcher's autocomplete (after `vs` in
    `compare`, the second athlete; after `resolve athlete|event`, that kind)."""

    def __init__(self, podium: Podium) -> None:
        self.podium = podium

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterable[Completion]:
        text = document.text_before_cursor
        if " " not in text:
            for name in NAMES:
                if name.startswith(text):
                    yield Completion(name, start_position=-len(text))
            return
        command, _, rest = text.partition(" ")
        kind = None
        if command in ("athlete", "compare"):
            kind = "athlete"
        elif command in ("event", "podium", "records", "chart"):
            kind = "event"
        elif command == "resolve":
            first, _, after = rest.lstrip().partition(" ")
            if not _:
                for option in ("athlete", "event"):
                    if option.startswith(first):
                        yield Completion(option, start_position=-len(first))
                return
            if first in ("athlete", "event"):
                kind, rest = first, after
        if kind is None:
            return
        if command == "compare":
            words = rest.split(" ")
            lowered = [w.lower() for w in words]
            if "vs" in lowered[:-1]:  # the second name: what follows `vs`
                rest = " ".join(words[lowered.index("vs") + 1 :])
        typed = rest.lstrip()
        query = " ".join(w for w in typed.split() if not w.startswith("--"))
        found = (
            self.podium.matcher.complete_athlete(query)
            if kind == "athlete"
            else self.podium.matcher.complete_event(query)
        )
        for cand in found:
            yield Completion(cand.name, start_position=-len(typed), display_meta=cand.detail)


class Repl:
    def __init__(self, podium: Podium, history: Path | None = None, data_dir: Path | None = None) -> None:
        self.podium = podium
        self.history = history
        self.data_dir = data_dir
        self.parser = build_parser()
        self.pick: Pick | None = None
        self.last_answer: AskAnswer | None = None

    def handle(self, line: str) -> bool:
        """Run one typed line; False when the user asked to leave."""
        try:
            words = shlex.split(line)
        except ValueError:  # an unclosed quote: read the words as typed
            words = line.split()
        if not words:
            return True
        if len(words) == 1 and words[0].isdigit() and self.pick is not None:
            self._choose(int(words[0]))
            return True
        self.pick = None
        if len(words) == 1 and words[0].isdigit() and self.last_answer is not None:
            self.ask(words[0])  # the number of a choice the last answer offered
            return True
        command = words[0].lower()
        if command in ("quit", "exit"):
            return False
        if command in ("help", "?"):
            print(HELP)
        elif command == "problems":
            for problem in self.podium.problems:
                print(printable(str(problem)))
            print(plural(len(self.podium.problems), "problem"))
        elif command in PARSED:
            args = self._parse([command, *words[1:]])
            if args is not None:
                try:
                    self._run(args)
                except PodiumError as err:
                    render.make_console().print(render.render_error(err), soft_wrap=True)
                except OSError as err:  # a file the command reads or writes: one line, the console goes on
                    print(printable(f"{err.strerror or err}" + (f": {err.filename}" if err.filename else "")))
        elif command in ("run", "sync", "console"):
            print(f"'{command}' starts from a shell, not from inside the console.")
        else:
            self.ask(line.strip(), one_word=len(words) == 1)  # not a command: a question in plain words
        return True

    def ask(self, question: str, as_json: bool = False, one_word: bool = False) -> None:
        """A question, or the number of a choice offered by the previous answer (a picker, two readings)."""
        last, self.last_answer = self.last_answer, None
        choice = int(question) if question.isdigit() else 0
        if last is not None and last.kind == "pick" and 1 <= choice <= len(last.candidates) and last.pick_slot:
            answer = self.podium.asker.choose(WHO, last.pick_slot, last.candidates[choice - 1].id)
        elif last is not None and last.kind == "did_you_mean" and 1 <= choice <= len(last.readings):
            answer = self.podium.ask(last.readings[choice - 1].question, WHO)
        else:
            answer = self.podium.ask(question, WHO)
        self.last_answer = answer
        if one_word and answer.kind == "not_understood" and not as_json:
            print(f"Unknown command '{echoed(question)}'. Type 'help' for the list, or ask a question in plain words.")
            return
        show(lambda: answer, tables.render_ask, as_json)

    def _parse(self, words: list[str]) -> argparse.Namespace | None:
        """The CLI parser's reading of a line, or None after it printed why it cannot (never an exit)."""
        errors = io.StringIO()
        try:
            with contextlib.redirect_stderr(errors):
                return self.parser.parse_args(words)
        except SystemExit:
            said = errors.getvalue().strip().splitlines()
            message = said[-1] if said else "cannot read that line"
            print(printable(message.replace(f"{self.parser.prog} ", "", 1).strip()), "— type 'help' for the commands")
            return None

    def _run(self, args: argparse.Namespace) -> None:
        command: str = args.command
        seen: list[PodiumError] = []
        as_json: bool = getattr(args, "json", False)
        if command == "about":
            about = self.podium.about()
            if as_json:
                print(about.model_dump_json(indent=2))
            else:
                render.make_console().print(render.render_about(about))
        elif command == "check":
            folder = args.folder or self.data_dir
            if folder is None:
                print("Name a folder: check FOLDER")
                return
            run_check(folder, as_json)
        elif command == "export":
            run_export(self.podium, args.out, force=args.force)
        elif command == "ask":
            self.ask(" ".join(args.query), as_json)
        elif command in EXTRA_COMMANDS:
            produce, draw = EXTRA_COMMANDS[command]
            query = " ".join(args.query)
            show(lambda: produce(self.podium, query), draw, as_json)
        elif command == "quiz":
            self._quiz(args)
        elif command == "compare":
            run_compare(self.podium, args.athletes, as_json, seen)
            self._offer(seen, lambda chosen: run_compare(self.podium, _swap(args.athletes, seen[0], chosen), as_json))
        elif command == "resolve":
            render.make_console().print(render.render_resolution(self.podium.resolve(args.kind, " ".join(args.query))))
        elif command == "chart":
            query = " ".join(args.query)
            run_chart(self.podium, query, args.kind, args.out, force=args.force, as_json=as_json, seen=seen)
            self._offer(seen, lambda chosen: run_chart(self.podium, chosen, args.kind, args.out, force=args.force))
        else:
            run_query(self.podium, command, " ".join(args.query), as_json, seen)
            self._offer(seen, lambda chosen: run_query(self.podium, command, chosen, as_json))

    def _offer(self, seen: list[PodiumError], rerun: Callable[[str], object]) -> None:
        if seen and isinstance(seen[0], Ambiguous):
            self.pick = Pick([i for i, _, _ in seen[0].candidates], rerun)
            print(f"Type 1 to {len(self.pick.ids)} to pick one.")

    def _choose(self, number: int) -> None:
        assert self.pick is not None
        if not 1 <= number <= len(self.pick.ids):
            print(f"Pick a number from 1 to {len(self.pick.ids)}.")
            return
        pick, self.pick = self.pick, None
        pick.rerun(pick.ids[number - 1])

    def _quiz(self, args: argparse.Namespace) -> None:
        from bot.console.cli import check_quiz_args
        from bot.console.quiz import run_quiz

        try:
            check_quiz_args(self.parser, args)
        except SystemExit:
            return
        if self.data_dir is None:
            print("The quiz needs the console's folder of pages.")
            return
        run_quiz(args, self.data_dir, out=cast(TextIO, PrintableWriter(sys.stdout)))

    def run(self) -> int:
        events, athletes = len(self.podium.index.events), len(self.podium.index.athletes)
        print(f"Podium console: {events} events, {athletes} athletes. Type 'help' for commands.")
        if not sys.stdin.isatty():
            for line in iter(sys.stdin.readline, ""):
                if not self.handle(line):
                    break
            return 0
        history: History = InMemoryHistory()
        if self.history is not None:
            try:
                self.history.parent.mkdir(parents=True, exist_ok=True)
                with self.history.open("a", encoding="utf-8"):
                    pass
                history = FileHistory(str(self.history))
            except OSError as err:  # the history is a comfort: without it the console still runs
                print(printable(f"(history not kept: {self.history}: {err.strerror or err})"))
        session: PromptSession[str] = PromptSession(history=history, completer=PodiumCompleter(self.podium))
        while True:
            try:
                line = session.prompt("podium> ")
            except (EOFError, KeyboardInterrupt):
                return 0
            if not self.handle(line):
                return 0


def _swap(words: list[str], err: PodiumError, chosen: str) -> list[str]:
    """The two names of a comparison with the ambiguous one replaced by the picked id."""
    a, b = split_pair(words)
    if isinstance(err, Ambiguous) and err.query == b and err.query != a:
        return [a, chosen]
    return [chosen, b]
