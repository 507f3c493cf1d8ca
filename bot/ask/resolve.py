"""Slots to ids through the matcher: an event, an athlete, an athlete and the event they entered (each narrows
the other), a nation. Several fits raise `Clarify` (a picker); nothing fits raises `Miss`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ask.intents import Parsed
from bot.ask.model import Slot
from bot.errors import NotFound
from bot.index import PodiumIndex
from bot.match import Candidate, Matcher
from bot.medals import nation_code

# Words around an event's name in a question that say nothing about which event.
_EVENT_NOISE = re.compile(
    r"^(?:(?:in|at|of|for|the|during|from|on)\s+)+|(?:\s+(?:event|race|competition|final|finals|contest|held|"
    r"olympics|games|in|at|was|did|do|compete|competed))+$"
)
# Words that may or may not be part of an event's name: dropped only when the event is not found with them.
_SOFT = frozenset(
    {"race", "event", "competition", "contest", "final", "finals", "title", "medal", "olympic", "held", "for", "with"}
)
# Words of questions that typo-match real names (`winner` ~ Binner, `gold` ~ Gola): never read as a name alone.
NOT_NAMES = frozenset(
    [
        "winner",
        "winners",
        "leader",
        "champion",
        "gold",
        "silver",
        "bronze",
        "medal",
        "medals",
        "medallist",
        "medalist",
        "first",
        "last",
        "time",
        "times",
        "result",
        "results",
        "place",
        "score",
        "mark",
        "record",
        "records",
        "race",
        "event",
        "final",
        "team",
        "nation",
        "country",
        "who",
        "what",
        "when",
        "where",
        "how",
    ]
)
_CONNECTORS = frozenset({"in", "at", "during", "for", "from"})
_NAME_NOISE = re.compile(r"^(?:(?:the|athlete|rider|swimmer|runner|cyclist|skater)\s+)+")


class Clarify(Exception):
    """Several candidates fit a slot: the face shows a picker; the choice pins the slot."""

    def __init__(self, slot: Slot, kind: str, candidates: list[Candidate]) -> None:
        super().__init__(f"{kind} {slot}")
        self.slot, self.kind, self.candidates = slot, kind, candidates


class Miss(Exception):
    """A slot names nothing the bot knows."""

    def __init__(self, kind: str, text: str, suggestions: list[str] | None = None) -> None:
        super().__init__(f"no {kind} '{text}'")
        self.kind, self.text, self.suggestions = kind, text, suggestions or []


_HAPPENED = re.compile(r"\b(?:held|take place|took place|taken place|happen|happened|staged)\b")


def clean_event(text: str) -> str:
    return _EVENT_NOISE.sub("", " ".join(_HAPPENED.sub(" ", text).split())).strip()


def clean_name(text: str) -> str:
    return _NAME_NOISE.sub("", text).strip()


@dataclass
class Resolver:
    index: PodiumIndex
    matcher: Matcher
    parsed: Parsed

    # ---------------------------------------------------------------- one slot
    def _event_fits(self, text: str) -> tuple[str, list[Candidate]]:
        cleaned = clean_event(text)
        res = self.matcher.resolve_event(cleaned, suggest=False)
        if res.outcome == "none":
            softer = " ".join(w for w in cleaned.split() if w not in _SOFT)
            if softer != cleaned:
                res = self.matcher.resolve_event(softer, suggest=False)
        return res.outcome, res.candidates

    def _athlete_fits(self, text: str) -> tuple[str, list[Candidate]]:
        name = clean_name(text)
        if not name or all(word in NOT_NAMES for word in name.split()):
            return "none", []  # `the winner` is no one's name, however close `Binner` is
        res = self.matcher.resolve_athlete(name, suggest=False)
        return res.outcome, res.candidates

    def event(self, slot: Slot = "e") -> str:
        pinned = self.parsed.pins.get(slot)
        if pinned and pinned in self.index.infos:
            return pinned
        text = self.parsed.slots.get(slot, "")
        outcome, cands = self._event_fits(text)
        if outcome == "match":
            return cands[0].id
        if outcome == "ambiguous":
            raise Clarify(slot, "event", cands)
        raise Miss("event", text, self._event_suggestions(text))

    def athlete(self, slot: Slot = "x") -> str:
        pinned = self.parsed.pins.get(slot)
        if pinned and pinned in self.index.athletes:
            return pinned
        text = self.parsed.slots.get(slot, "")
        outcome, cands = self._athlete_fits(text)
        if outcome == "match":
            return cands[0].id
        if outcome == "ambiguous":
            raise Clarify(slot, "athlete", cands)
        raise Miss("athlete", text)

    def _event_suggestions(self, text: str) -> list[str]:
        return [c.name for c in self.matcher.resolve_event(clean_event(text)).candidates[:3]]

    # ---------------------------------------------------------------- an athlete and an event
    def split(self, slot: str = "rest", first: Slot = "x") -> None:
        """`kelly in the 1992 time trial` -> x `kelly`, e `in the 1992 time trial`: the longest leading words that
        name an athlete (up to eight), the rest the event. A slot already split (a follow-up) is left alone."""
        text = self.parsed.slots.pop(slot, "")
        if not text:
            return
        words = text.split()
        if self.parsed.pins.get(first):
            self.parsed.slots.setdefault(first, text)
            self.parsed.slots.setdefault("e", text)
            return
        # Where a connector (`in`, `at`) follows the name, the name is what comes before it: tried first (the
        # last connector first: `jo in sung in the 2004 100 m`), which spares the typo search on longer heads.
        cuts = [i for i, w in enumerate(words) if w in _CONNECTORS and 0 < i <= 8]
        for n in [*reversed(cuts), *range(min(len(words), 8), 0, -1)]:
            head, tail = " ".join(words[:n]), " ".join(words[n:])
            if not clean_name(head):
                continue
            outcome, _ = self._athlete_fits(head)
            if outcome != "none":
                self.parsed.slots[first] = head
                if tail and not self.parsed.slots.get("e"):
                    self.parsed.slots["e"] = tail
                return
        self.parsed.slots[first] = text  # nobody: the athlete slot will say so

    def athlete_in_event(self, xslot: Slot = "x", eslot: Slot = "e") -> tuple[str, str | None]:
        """An athlete, and the event of theirs the question names (None when it names none and they entered
        several; the one event when they entered one). Each side narrows the other."""
        etext = clean_event(self.parsed.slots.get(eslot, ""))
        epin = self.parsed.pins.get(eslot)
        xpin = self.parsed.pins.get(xslot)
        if xpin:
            athletes = [xpin]
        else:
            outcome, cands = self._athlete_fits(self.parsed.slots.get(xslot, ""))
            if outcome == "none":
                raise Miss("athlete", self.parsed.slots.get(xslot, ""))
            athletes = [c.id for c in cands]
            by_id = {c.id: c for c in cands}
        if epin:
            events = [epin]
        elif etext:
            outcome, ecands = self._event_fits(etext)
            if outcome == "none":
                raise Miss("event", etext, self._event_suggestions(etext))
            events = [c.id for c in ecands]
        else:
            events = []
        pairs: list[tuple[str, str | None]] = []
        for aid in athletes:
            entered = {app.event_id for app in self.index.athletes[aid].appearances}
            if events:
                pairs += [(aid, eid) for eid in events if eid in entered]
            else:
                pairs.append((aid, None))
        if not pairs:
            if len(athletes) == 1 and len(events) == 1:
                return athletes[0], events[0]  # the athlete is not in that event: said by the answer
            if len(athletes) > 1:
                raise Clarify(xslot, "athlete", [by_id[a] for a in athletes])
            raise Clarify(eslot, "event", [self._event_candidate(e) for e in events])
        chosen_athletes = list(dict.fromkeys(a for a, _ in pairs))
        if len(chosen_athletes) > 1:
            raise Clarify(xslot, "athlete", [by_id[a] for a in chosen_athletes])
        chosen_events = [e for _, e in pairs if e]
        if len(chosen_events) > 1:
            raise Clarify(eslot, "event", [self._event_candidate(e) for e in chosen_events])
        aid = chosen_athletes[0]
        if chosen_events:
            return aid, chosen_events[0]
        entered_ids = list(dict.fromkeys(app.event_id for app in self.index.athletes[aid].appearances))
        return aid, entered_ids[0] if len(entered_ids) == 1 else None

    def _athletes(self, slot: Slot) -> list[Candidate]:
        pinned = self.parsed.pins.get(slot)
        if pinned and pinned in self.index.athletes:
            return [Candidate(id=pinned, name=self.index.athletes[pinned].name, detail="", score=100.0)]
        text = self.parsed.slots.get(slot, "")
        outcome, cands = self._athlete_fits(text)
        if outcome == "none":
            raise Miss("athlete", text)
        return cands

    def event_choices(self, slot: Slot = "e") -> list[Candidate]:
        """Every event that fits the slot (one when pinned or matched); Miss when none does."""
        pinned = self.parsed.pins.get(slot)
        if pinned and pinned in self.index.infos:
            return [self._event_candidate(pinned)]
        text = self.parsed.slots.get(slot, "")
        outcome, cands = self._event_fits(text)
        if outcome == "none":
            raise Miss("event", text, self._event_suggestions(text))
        return cands

    def two_athletes(self, aslot: Slot, bslot: Slot, events: list[Candidate] | None) -> tuple[str, str, str | None]:
        """Two athletes and the event the question names: where a name or the event fits several, the people
        who met (in one of those events) are kept; several still fitting is a picker."""
        a_cands, b_cands = self._athletes(aslot), self._athletes(bslot)
        allowed = {e.id for e in events} if events is not None else None

        def entered(aid: str) -> set[str]:
            found = {app.event_id for app in self.index.athletes[aid].appearances}
            return found & allowed if allowed is not None else found

        b_events = {b.id: entered(b.id) for b in b_cands}
        pairs = [(a.id, b.id, entered(a.id) & b_events[b.id]) for a in a_cands for b in b_cands if a.id != b.id]
        met = [p for p in pairs if p[2]]
        if len(met) == 1 or (len(a_cands) == 1 and len(b_cands) == 1):
            a, b, shared = (met or pairs)[0] if (met or pairs) else (a_cands[0].id, b_cands[0].id, set())
            if events is None:
                return a, b, None
            if len(shared) > 1:
                raise Clarify("e", "event", [e for e in events if e.id in shared])
            return a, b, next(iter(shared), events[0].id if len(events) == 1 else None)
        a_ids = list(dict.fromkeys(a for a, _, _ in met))
        if len(a_cands) > 1 and len(a_ids) != 1:
            keep = [c for c in a_cands if c.id in a_ids] or a_cands
            raise Clarify(aslot, "athlete", keep)
        if len(b_cands) > 1:
            keep = [c for c in b_cands if c.id in {b for _, b, _ in met}] or b_cands
            raise Clarify(bslot, "athlete", keep)
        shared_all = sorted({e for _, _, s in met for e in s})
        raise Clarify("e", "event", [e for e in (events or []) if e.id in shared_all])

    def _event_candidate(self, event_id: str) -> Candidate:
        info = self.index.infos[event_id]
        return Candidate(id=event_id, name=info.title, detail=self.matcher.event_detail(event_id), score=100.0)

    def events_of(self, athlete_id: str) -> list[Candidate]:
        ids = list(dict.fromkeys(app.event_id for app in self.index.athletes[athlete_id].appearances))
        return [self._event_candidate(e) for e in ids][:25]

    def nation(self, text: str) -> str | None:
        """A NOC for a nation named exactly (code, name or alias); None when the text names none."""
        try:
            return nation_code(self.index, text)
        except NotFound:
            return None
