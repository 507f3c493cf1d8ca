"""The interactive console: the same commands typed at a prompt, with history and tab completion."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Iterable
from pathlib import Path

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.history import FileHistory, History, InMemoryHistory

from bot.console import render
from bot.console.cli import QUERY_COMMANDS, run_chart, run_compare, run_query
from bot.core import Podium

HELP = """Commands:
  event QUERY      full results of an event        (e.g. event 1992 time trial)
  podium QUERY     the medalists of an event       (e.g. podium 20 km walk)
  athlete NAME     every appearance of an athlete  (e.g. athlete Consonni)
  records QUERY    the records listed on the page
  compare A vs B   two athletes head to head       (e.g. compare Jose Moreno vs Shane Kelly)
  chart QUERY      writes a PNG of the gaps behind the winner (chart.png)
  about            what the bot knows
  resolve athlete|event QUERY   what the matcher makes of a query
  problems         what was found wrong in the pages at load
  help             this list;  quit / exit / Ctrl-D to leave
Add --json after the command name for JSON (e.g. podium --json 1992 time trial)."""


class PodiumCompleter(Completer):
    """Completes command names, then athlete or event names through the matcher's autocomplete."""

    def __init__(self, podium: Podium) -> None:
        self.podium = podium

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterable[Completion]:
        text = document.text_before_cursor
        if " " not in text:
            for name in [*QUERY_COMMANDS, "compare", "chart", "about", "resolve", "problems", "help", "quit"]:
                if name.startswith(text):
                    yield Completion(name, start_position=-len(text))
            return
        command, _, rest = text.partition(" ")
        rest = rest.replace("--json", "").strip()
        if command in ("athlete", "compare"):
            found = self.podium.matcher.complete_athlete(rest)
        elif command in ("event", "podium", "records", "chart"):
            found = self.podium.matcher.complete_event(rest)
        else:
            return
        start = -len(text.partition(" ")[2].lstrip())
        for cand in found:
            yield Completion(cand.name, start_position=start, display_meta=cand.detail)


class Repl:
    def __init__(self, podium: Podium, history: Path | None = None) -> None:
        self.podium = podium
        self.history = history

    def handle(self, line: str) -> bool:
        """Run one typed line; False when the user asked to leave."""
        try:
            words = shlex.split(line)
        except ValueError:
            words = line.split()
        if not words:
            return True
        command, rest = words[0].lower(), words[1:]
        as_json = "--json" in rest
        rest = [w for w in rest if w != "--json"]
        console = render.make_console()
        if command in ("quit", "exit"):
            return False
        if command in ("help", "?"):
            print(HELP)
        elif command == "problems":
            for problem in self.podium.problems:
                print(problem)
            print(f"{len(self.podium.problems)} problems")
        elif command == "about":
            console.print(render.render_about(self.podium.about()))
        elif command == "compare" and rest:
            run_compare(self.podium, rest, as_json)
        elif command == "chart" and rest:
            run_chart(self.podium, " ".join(rest), "gaps", Path("chart.png"))
        elif command == "resolve" and rest and rest[0] in ("athlete", "event"):
            console.print(render.render_resolution(self.podium.resolve(rest[0], " ".join(rest[1:]))))  # type: ignore[arg-type]
        elif command in QUERY_COMMANDS and rest:
            run_query(self.podium, command, " ".join(rest), as_json)
        elif command in QUERY_COMMANDS:
            print(f"Usage: {command} QUERY — type 'help' for examples")
        else:
            print(f"Unknown command '{command}'. Type 'help' for the list.")
        return True

    def run(self) -> int:
        events, athletes = len(self.podium.index.events), len(self.podium.index.athletes)
        print(f"Podium console: {events} events, {athletes} athletes. Type 'help' for commands.")
        if not sys.stdin.isatty():
            for line in sys.stdin:
                if not self.handle(line):
                    break
            return 0
        history: History = InMemoryHistory()
        if self.history is not None:
            self.history.parent.mkdir(parents=True, exist_ok=True)
            history = FileHistory(str(self.history))
        session: PromptSession[str] = PromptSession(history=history, completer=PodiumCompleter(self.podium))
        while True:
            try:
                line = session.prompt("podium> ")
            except (EOFError, KeyboardInterrupt):
                return 0
            if not self.handle(line):
                return 0
