"""The matcher's front: resolve and complete athletes and events of one index, as Candidates."""

from __future__ import annotations

from bot.index import PodiumIndex
from bot.match.athletes import AthleteMatcher, Fit
from bot.match.events import EventFit, EventMatcher
from bot.match.names import load_nicknames
from bot.match.query import QueryGrammar
from bot.match.types import MAX_CHOICES, Candidate, Kind, Outcome, Resolution, clip


class Matcher:
    """Resolves free text to athletes and events of one index; ambiguity is an answer, never a guess."""

    def __init__(self, index: PodiumIndex, nicknames: dict[str, frozenset[str]] | None = None) -> None:
        self.index = index
        self.athletes = AthleteMatcher(index, load_nicknames() if nicknames is None else nicknames)
        self.events = EventMatcher(index, QueryGrammar.from_reference(index.reference))
        self._hosts = {(g.year, g.season): g.host_city for g in index.reference.games}

    # --- details ------------------------------------------------------------------------------------------------
    def athlete_detail(self, athlete_id: str) -> str:
        """`Cycling, 1988 Summer, 1992 Summer`: the sport and every Games, at most 100 characters."""
        athlete = self.index.athletes[athlete_id]
        games = sorted(
            {self.index.events[a.event_id].games for a in athlete.appearances if a.event_id in self.index.events}
        )
        return clip(", ".join([athlete.sport, *games]))

    def event_detail(self, event_id: str) -> str:
        """`1992 Summer, Barcelona`: the Games and, where known, their host city."""
        event = self.index.events[event_id]
        host = self._hosts.get((event.year or 0, event.season or ""))
        return clip(f"{event.games}, {host}" if host else event.games)

    def _athlete(self, fit: Fit) -> Candidate:
        aid = self.athletes.ids[fit.handle]
        return Candidate(
            id=aid, name=clip(self.athletes.names[fit.handle]), detail=self.athlete_detail(aid), score=fit.score
        )

    def _event(self, fit: EventFit) -> Candidate:
        eid = self.events.ids[fit.handle]
        return Candidate(
            id=eid, name=clip(self.events.titles[fit.handle]), detail=self.event_detail(eid), score=fit.score
        )

    # --- resolving ----------------------------------------------------------------------------------------------
    def resolve_athlete(self, query: str) -> Resolution:
        outcome, fits = self.athletes.resolve(query)
        return _verdict(query, "athlete", outcome, [self._athlete(f) for f in fits])

    def resolve_event(self, query: str) -> Resolution:
        outcome, fits = self.events.resolve(query)
        return _verdict(query, "event", outcome, [self._event(f) for f in fits])

    # --- completing ---------------------------------------------------------------------------------------------
    def complete_athlete(self, text: str, limit: int = MAX_CHOICES) -> list[Candidate]:
        """At most 25 (and at most `limit`) names for partial input, each at most 100 characters."""
        return [self._athlete(f) for f in self.athletes.complete(text, limit)]

    def complete_event(self, text: str, limit: int = MAX_CHOICES) -> list[Candidate]:
        """At most 25 (and at most `limit`) event titles for partial input, newest first."""
        return [self._event(f) for f in self.events.complete(text, limit)]


def _verdict(query: str, kind: Kind, outcome: str, candidates: list[Candidate]) -> Resolution:
    verdict: Outcome = "match" if outcome == "match" else "ambiguous" if outcome == "ambiguous" else "none"
    return Resolution(query=query, kind=kind, outcome=verdict, candidates=candidates[:MAX_CHOICES])
