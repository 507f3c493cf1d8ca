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

from bot.ask import AskAnswer
from bot.console import render, tables
from bot.console.cli import EXTRA_COMMANDS, QUERY_COMMANDS, run_chart, run_compare, run_query, show
from bot.core import Podium

HELP = """Commands:
  event QUERY      full results of an event        (e.g. event 1992 time trial)
  podium QUERY     the medalists of an event       (e.g. podium 20 km walk)
  athlete NAME     every appearance of an athlete  (e.g. athlete Consonni)
  records QUERY    the records listed on the page
  compare A vs B   two athletes head to head       (e.g. compare Jose Moreno vs Shane Kelly)
  chart QUERY      writes a PNG of the gaps behind the winner (chart.png)
  about            what the bot knows
  ask QUESTION     a question in plain words       (e.g. ask who won the kilo in 1992?)
                   (any line that is not a command is taken as a question; follow-ups: and in 1932?)
  medals [QUERY]   a medal table                   (e.g. medals 1992, medals cycling, medals)
  nation QUERY     a nation's medals and medallists (e.g. nation Spain)
  games QUERY      a Games overview                (e.g. games Barcelona)
  resolve athlete|event QUERY   what the matcher makes of a query
  problems         what was found wrong in the pages at load
  help             this list;  quit / exit / Ctrl-D to leave
Add --json after the command name for JSON (e.g. podium --json 1992 time trial)."""


WHO = ("console", "you")  # the console is one channel with one person: follow-ups work across lines


class PodiumCompleter(Completer):
    """Completes command names, then athlete or event names through the matcher's autocomplete."""

    def __init__(self, podium: Podium) -> None:
        self.podium = podium

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterable[Completion]:
        text = document.text_before_cursor
        if " " not in text:
            for name in [
                *QUERY_COMMANDS,
                *EXTRA_COMMANDS,
                "compare",
                "chart",
                "about",
                "resolve",
                "problems",
                "help",
                "quit",
            ]:
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
        self.last_answer: AskAnswer | None = None

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
        elif command in EXTRA_COMMANDS and (rest or command == "medals"):
            if command == "ask":
                self.ask(" ".join(rest), as_json)
            else:
                produce, draw = EXTRA_COMMANDS[command]
                show(lambda: produce(self.podium, " ".join(rest)), draw, as_json)
        else:
            self.ask(line.strip(), as_json, one_word=len(words) == 1)  # not a command: a question in plain words
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
            print(f"Unknown command '{question}'. Type 'help' for the list, or ask a question in plain words.")
            return
        show(lambda: answer, tables.render_ask, as_json)

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
