"""`Asker`: a question in plain words to an answer, a picker, two readings to choose from, or what the bot can
answer. Rule-based (intent patterns, then slots through the matcher); no network, no model."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from bot.ask import compose_event as ev
from bot.ask import compose_medals as me
from bot.ask import compose_people as pe
from bot.ask.context import MEMORY_SECONDS, Memory, Who, fragment, looks_like_fragment
from bot.ask.intents import Parsed, readings, tidy
from bot.ask.model import AskAnswer, Reading, Slot
from bot.ask.phrasing import command_query
from bot.ask.resolve import Clarify, Miss, Resolver, clean_event, clean_name
from bot.ask.words import fold_question, place_of
from bot.index import PodiumIndex
from bot.match import Matcher
from bot.match.query import GENDER_WORDS

COMPOSERS: dict[str, Callable[[ev.Ctx], AskAnswer]] = {
    "who_won": ev.who_won, "nth": ev.nth, "winning": ev.winning, "margin_gs": ev.margin_gs,
    "split": ev.split_leader, "count": ev.count, "when": lambda c: ev.when_where(c, "when"),
    "where": lambda c: ev.when_where(c, "where"), "record": ev.record, "results": ev.results,
    "where_finish": pe.where_finish, "result": pe.result, "behind": pe.behind, "beat": pe.beat,
    "margin_ab": lambda c: pe.beat(c, "margin_ab"), "margin_win": pe.margin_win, "h2h": pe.head_to_head,
    "best": pe.best, "appearances": pe.appearances, "did_win": me.did_win, "most_athlete": me.most_athlete,
    "neighbour": pe.neighbour,
    "count_medals": lambda c: me.medals_won(c, "count_medals"),
    "which_medals": lambda c: me.medals_won(c, "which_medals"), "most_golds": me.most, "medal_table": me.table,
}  # fmt: skip
INTENTS = tuple(COMPOSERS)


class Asker:
    def __init__(
        self, index: PodiumIndex, matcher: Matcher, clock: Callable[[], float] = time.monotonic,
        memory_seconds: float = MEMORY_SECONDS,
    ) -> None:  # fmt: skip
        self.index, self.matcher = index, matcher
        self.memory = Memory(clock, memory_seconds)
        self._examples: list[str] | None = None

    # ---------------------------------------------------------------- entry points
    def ask(self, question: str, who: Who | None = None) -> AskAnswer:
        text = tidy(fold_question(_event_first(question)))
        answer = self._ask(text, who)
        answer.question = question
        return answer

    def choose(self, who: Who | None, slot: Slot, item_id: str) -> AskAnswer:
        """The choice made in a picker: the pending question again, with that slot pinned."""
        pending = self.memory.pending(who)
        if pending is None:
            return self._unknown("", "That question is no longer pending: ask it again.")
        parsed = Parsed(pending.intent, dict(pending.slots), {**pending.pins, slot: item_id})
        return self.run(parsed, who)

    # ---------------------------------------------------------------- reading
    def _ask(self, text: str, who: Who | None) -> AskAnswer:
        if not text:
            return self._unknown(text)
        last = self.memory.last(who)
        rest, led = fragment(text)
        if last is not None and (led or looks_like_fragment(text)):
            merged = self._follow(last.parsed, rest if led else text)
            if merged is not None:
                answer = self.run(merged, who)
                answer.follow_up = True
                if answer.kind != "not_understood" or (led and not readings(text)):
                    return answer  # a follow-up that names nothing known says so, rather than being guessed at
        if led and last is None and not readings(text):
            # `and in 1932?` with nothing before it: said, rather than guessed at.
            if not readings(rest):
                return self._unknown(text, "That reads as a follow-up, but you asked me nothing here in the last "
                                     "few minutes: ask the whole question.")  # fmt: skip
            text = rest
        misses: list[tuple[Parsed, Miss]] = []
        for parsed in readings(text):
            try:
                return self._compose(parsed, who)
            except Clarify as need:
                return self._pick(parsed, need, who)
            except Miss as missed:
                misses.append((parsed, missed))
        guessed = self._guess(text)
        if guessed is not None:
            return guessed
        if misses:
            parsed, miss = misses[0]
            hint = f" Closest: {', '.join(miss.suggestions)}." if miss.suggestions else ""
            about = _INTENT_WORDS.get(parsed.intent, "results")
            return self._unknown(text, f"I read this as a question about {about}, but no {miss.kind} I know matches "
                                 f"'{miss.text}'.{hint}")  # fmt: skip
        return self._unknown(text)

    def run(self, parsed: Parsed, who: Who | None) -> AskAnswer:
        try:
            return self._compose(parsed, who)
        except Clarify as need:
            return self._pick(parsed, need, who)
        except Miss as miss:
            return self._unknown("", f"No {miss.kind} I know matches '{miss.text}'.")

    def _compose(self, parsed: Parsed, who: Who | None) -> AskAnswer:
        work = Parsed(parsed.intent, dict(parsed.slots), dict(parsed.pins))
        resolver = Resolver(self.index, self.matcher, work)
        answer = COMPOSERS[parsed.intent](ev.Ctx(self.index, self.matcher, resolver))
        self.memory.remember(who, work)
        if answer.command:
            answer.command = " ".join(answer.command.split())
        return answer

    def _pick(self, parsed: Parsed, need: Clarify, who: Who | None) -> AskAnswer:
        self.memory.remember(who, parsed, pending=parsed)
        kind = "athlete" if need.kind == "athlete" else "event"
        names = "; ".join(f"{c.name} ({c.detail})" for c in need.candidates[:5])
        more = f" and {len(need.candidates) - 5} more" if len(need.candidates) > 5 else ""
        return AskAnswer(
            question="", kind="pick", intent=parsed.intent, pick_slot=need.slot, pick_kind=kind,
            candidates=need.candidates, text=f"Several {kind}s fit — which one? {names}{more}.",
        )  # fmt: skip

    # ---------------------------------------------------------------- follow-ups
    def _follow(self, last: Parsed, text: str) -> Parsed | None:
        words = text.split()
        medal = next((w for w in words if w in ev.MEDAL_OF or w in ("medals", "medallists", "medalists")), None)
        if medal and len(words) <= 2 and last.intent in ("who_won", "nth"):
            return Parsed("who_won", {**last.slots, "medal": medal}, dict(last.pins))
        place = len(words) == 1 and (words[0] == "last" or place_of(words[0]) is not None)
        if place and last.intent in ("who_won", "nth"):
            return Parsed("nth", {**last.slots, "n": words[0]}, dict(last.pins))
        grammar = self.matcher.events.grammar
        q = grammar.parse(text)
        event_text = last.slots.get("e") or last.slots.get("scope")
        if (q.years or q.games is not None or q.gender or q.season) and not q.words:
            key = "e" if "e" in last.slots else "scope"
            base = last.slots.get(key) or ""
            if q.years or q.games is not None:
                base = " ".join(w for w in base.split() if not _year_or_place(w, grammar.places))
            if q.gender:
                base = " ".join(w for w in base.split() if w not in GENDER_WORDS)
            pins = {k: v for k, v in last.pins.items() if k != "e"}
            return Parsed(last.intent, {**last.slots, key: f"{base} {text}".strip()}, pins)
        if last.intent in ("count_medals", "which_medals") and self.index.reference.nation_code(text):
            return Parsed(last.intent, {**last.slots, "who": text}, {})
        name_slot = "x" if "x" in last.slots else "b" if "b" in last.slots else "who" if "who" in last.slots else None
        if name_slot and self.matcher.resolve_athlete(clean_name(text), suggest=False).outcome != "none":
            pins = {k: v for k, v in last.pins.items() if k != name_slot}
            if last.intent in ("where_finish", "result", "behind") and "e" in last.slots and event_text:
                pins.pop("x", None)
            return Parsed(last.intent, {**last.slots, name_slot: text}, pins)
        if event_text is not None and self.matcher.resolve_event(clean_event(text), suggest=False).outcome != "none":
            pins = {k: v for k, v in last.pins.items() if k != "e"}
            return Parsed(last.intent, {**last.slots, "e": text}, pins)
        return None

    # ---------------------------------------------------------------- unsure
    def _guess(self, text: str) -> AskAnswer | None:
        """No pattern fits: name what the words name and offer the two likeliest questions about it."""
        athlete = self.matcher.resolve_athlete(clean_name(text), suggest=False)
        if (
            athlete.outcome != "none"
            and len(text.split()) <= 4
            and not (athlete.outcome == "ambiguous" and self._two_people(text))
        ):
            name = athlete.candidates[0].name if athlete.outcome == "match" else clean_name(text)
            return self._readings(text, [("Medals", f"How many medals did {name} win?"),
                                         ("Best result", f"What was {name}'s best result?")])  # fmt: skip
        event = self.matcher.resolve_event(clean_event(text), suggest=False)
        named = bool(self.matcher.events.grammar.parse(clean_event(text)).words)  # not a bare year or city
        if event.outcome != "none" and named and len(text.split()) <= 10:
            what = command_query(self.index.infos[event.candidates[0].id]) if event.outcome == "match" else text
            return self._readings(text, [("Medallists", f"Who won the {what}?"),
                                         ("Full results", f"Results of the {what}")])  # fmt: skip
        words = text.split()
        for n in range(min(len(words) - 1, 8), 0, -1):
            head, tail = " ".join(words[:n]), " ".join(words[n:])
            if self.matcher.resolve_athlete(head, suggest=False).outcome == "none":
                continue
            if self.matcher.resolve_event(clean_event(tail), suggest=False).outcome != "none":
                return self._readings(text, [("Place", f"Where did {head} finish in the {tail}?"),
                                             ("Result", f"What was {head}'s result in the {tail}?")])  # fmt: skip
            other = self.matcher.resolve_athlete(tail, suggest=False)
            if other.outcome != "none":
                first = self.matcher.resolve_athlete(head, suggest=False)
                a = first.candidates[0].name if first.outcome == "match" else head
                b = other.candidates[0].name if other.outcome == "match" else tail
                return self._readings(text, [("Head to head", f"{a} vs {b}"),
                                             ("Who finished ahead", f"Did {a} beat {b}?")])  # fmt: skip
        return None

    def _two_people(self, text: str) -> bool:
        """`Dressel Chalmers`: two names, each fitting someone, rather than one name fitting several."""
        words = text.split()
        return any(
            self.matcher.resolve_athlete(" ".join(words[:n]), suggest=False).outcome == "match"
            and self.matcher.resolve_athlete(" ".join(words[n:]), suggest=False).outcome == "match"
            for n in range(1, len(words))
        )

    def _readings(self, text: str, options: list[tuple[str, str]]) -> AskAnswer:
        listed = " or ".join(f"“{q}”" for _, q in options)
        return AskAnswer(question="", kind="did_you_mean", text=f"Did you mean {listed}?",
                         readings=[Reading(label=label, question=q) for label, q in options])  # fmt: skip

    def _unknown(self, text: str, why: str | None = None) -> AskAnswer:
        examples = self.examples()
        head = why or "I did not understand that question."
        return AskAnswer(
            question="", kind="not_understood", examples=examples,
            text=f"{head} I answer questions about the results loaded: who won an event, who finished where, "
            "times and margins, splits, records, medal counts. For example: " + " · ".join(examples),
        )  # fmt: skip

    def examples(self) -> list[str]:
        """Three example questions built from the loaded data (the newest event with a winner, the most
        decorated athlete, the newest Games)."""
        if self._examples is None:
            infos = sorted(self.index.infos.values(), key=lambda i: (-(i.year or 0), i.title))
            out = []
            with_gold = next((i for i in infos if any(m.medal == "gold" for m in i.medals)), None)
            if with_gold:
                out.append(f"Who won the {command_query(with_gold)}?")
            top = self.matcher.prominent_athletes(1)
            if top:
                out.append(f"How many medals did {top[0].name} win?")
            if infos and infos[0].year:
                out.append(f"Which nation won the most golds in {infos[0].year}?")
            self._examples = out
        return list(self._examples)


_LEADING_CLAUSE = re.compile(r"^\s*((?:in|at|during|for)\s+[^,?]{3,80}),\s*(.+)$", re.IGNORECASE)


def _event_first(question: str) -> str:
    """`In the 1968 long jump, who was fifth?` -> `who was fifth? in the 1968 long jump`: the event named first,
    before a comma, moves to where the patterns expect it."""
    m = _LEADING_CLAUSE.match(question)
    if not m:
        return question
    return f"{m.group(2).rstrip(' ?!.')} {m.group(1)}"


def _year_or_place(word: str, places: dict[str, set[tuple[int, str]]]) -> bool:
    return (len(word) == 4 and word.isdigit()) or word in places


_INTENT_WORDS = {
    "who_won": "who won", "nth": "who finished where", "winning": "the winning result", "margin_gs": "a margin",
    "split": "a split", "count": "how many took part", "when": "when an event was held",
    "where": "where an event was held", "record": "records", "results": "results", "where_finish": "a place",
    "result": "a result", "behind": "a gap to the winner", "beat": "who finished ahead",
    "margin_ab": "a margin", "margin_win": "a margin", "h2h": "a head to head", "best": "a best result",
    "count_medals": "medals won", "appearances": "an athlete's results", "did_win": "who won",
    "most_athlete": "the most medals", "neighbour": "who finished next to someone",
    "which_medals": "medals won", "most_golds": "the most medals", "medal_table": "a medal table",
}  # fmt: skip
