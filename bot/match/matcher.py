"""The matcher's front: resolve and complete athletes and events of one index, as Candidates."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from bot.cache import derived, source_version
from bot.index import PodiumIndex
from bot.match.athletes import AthleteMatcher, Fit
from bot.match.events import EventFit, EventMatcher
from bot.match.names import NICKNAMES_FILE, load_nicknames
from bot.match.query import QueryGrammar
from bot.match.types import MAX_CHOICES, Candidate, Kind, Outcome, Resolution, clip

MATCH_PACKAGE = Path(__file__).resolve().parent


@dataclass
class MatcherParts:
    """The matcher's tables for one index: built in about a second at 150,000 athletes, or read from a cache."""

    athletes: AthleteMatcher
    events: EventMatcher

    @classmethod
    def build(cls, index: PodiumIndex, nicknames: dict[str, frozenset[str]] | None = None) -> MatcherParts:
        names = load_nicknames() if nicknames is None else nicknames
        return cls(AthleteMatcher(index, names), EventMatcher(index, QueryGrammar.from_reference(index.reference)))


class Matcher:
    """Resolves free text to athletes and events of one index; ambiguity is an answer, never a guess."""

    def __init__(
        self,
        index: PodiumIndex,
        nicknames: dict[str, frozenset[str]] | None = None,
        *,
        parts: MatcherParts | None = None,
    ) -> None:
        self.index = index
        built = parts or MatcherParts.build(index, nicknames)
        self.athletes = built.athletes
        self.events = built.events
        self._hosts = {(g.year, g.season): g.host_city for g in index.reference.games}

    @classmethod
    def cached(cls, index: PodiumIndex, cache_dir: Path, fingerprint: str, slot: str = "matcher") -> Matcher:
        """A matcher whose tables come from `cache_dir` when they were built for this index and this code."""
        nick = NICKNAMES_FILE.read_bytes() if NICKNAMES_FILE.exists() else b""
        key = f"{fingerprint}-{source_version([MATCH_PACKAGE])}-{hashlib.sha256(nick).hexdigest()[:12]}"
        parts = derived(cache_dir, slot, key, lambda: MatcherParts.build(index))
        return cls(index, parts=parts)

    # --- details ------------------------------------------------------------------------------------------------
    def athlete_detail(self, athlete_id: str) -> str:
        """`Cycling, 1988 Summer, 1992 Summer`: the sport and every Games, at most 100 characters."""
        athlete = self.index.athletes[athlete_id]
        infos = self.index.infos
        games = sorted({infos[a.event_id].games for a in athlete.appearances if a.event_id in infos})
        return clip(", ".join([athlete.sport, *games]))

    def event_detail(self, event_id: str) -> str:
        """`1992 Summer, Barcelona`: the Games and, where known, their host city."""
        event = self.index.infos[event_id]
        host = self._hosts.get((event.year or 0, event.season or ""))
        return clip(f"{event.games}, {host}" if host else event.games)

    def _athlete(self, fit: Fit) -> Candidate:
        number = self.athletes.order[fit.handle]
        aid = self.index.athletes.ids[number]
        name = clip(self.index.athletes.names[number])
        return Candidate(id=aid, name=name, detail=self.athlete_detail(aid), score=fit.score)

    def _event(self, fit: EventFit) -> Candidate:
        eid = self.events.ids[fit.handle]
        return Candidate(
            id=eid, name=clip(self.events.titles[fit.handle]), detail=self.event_detail(eid), score=fit.score
        )

    def prominent_athletes(self, limit: int = MAX_CHOICES) -> list[Candidate]:
        """The most prominent athletes (medals, then Games): what to offer before anything is typed."""
        return [self._athlete(Fit(h, 0, 0, 0.0)) for h in range(min(limit, MAX_CHOICES, len(self.athletes.order)))]

    # --- resolving ----------------------------------------------------------------------------------------------
    def resolve_athlete(self, query: str, suggest: bool = True) -> Resolution:
        outcome, fits = self.athletes.resolve(query, suggest)
        return _verdict(query, "athlete", outcome, [self._athlete(f) for f in fits])

    def resolve_event(self, query: str, suggest: bool = True) -> Resolution:
        outcome, fits = self.events.resolve(query, suggest)
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
