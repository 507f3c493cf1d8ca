"""Finding the athlete or event a query means. Normalized substring matching; fuzzy matching comes later."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from bot.index import PodiumIndex
from bot.text import normalize

Outcome = Literal["match", "ambiguous", "none"]
Kind = Literal["athlete", "event"]


class Candidate(BaseModel):
    id: str
    name: str
    detail: str
    score: float


class Resolution(BaseModel):
    query: str
    kind: Kind
    outcome: Outcome
    candidates: list[Candidate]


class Matcher:
    """Resolves free text to athletes and events of one index."""

    def __init__(self, index: PodiumIndex) -> None:
        self.index = index
        self._athletes = [(normalize(a.name), a) for a in index.athletes.values()]
        self._events = [
            (normalize(f"{e.title} {e.sport} {e.gender or ''} {e.games}"), eid, e) for eid, e in index.events.items()
        ]

    def athlete_detail(self, athlete_id: str) -> str:
        athlete = self.index.athletes[athlete_id]
        games = sorted({self.index.events[a.event_id].games for a in athlete.appearances})
        return f"{athlete.sport}, {', '.join(games)}"

    def resolve_athlete(self, query: str) -> Resolution:
        key = normalize(query)
        found = [a for name, a in self._athletes if key and key in name] if key else []
        exact = [a for a in found if normalize(a.name) == key]
        chosen = exact or found
        candidates = [Candidate(id=a.id, name=a.name, detail=self.athlete_detail(a.id), score=100.0) for a in chosen]
        return self._verdict(query, "athlete", candidates)

    def resolve_event(self, query: str) -> Resolution:
        tokens = normalize(query).split()
        found = [
            (eid, e) for text, eid, e in self._events if tokens and all(re.search(rf"\b{t}", text) for t in tokens)
        ]
        found.sort(key=lambda item: -(item[1].year or 0))
        candidates = [Candidate(id=eid, name=e.title, detail=e.games, score=100.0) for eid, e in found]
        return self._verdict(query, "event", candidates)

    @staticmethod
    def _verdict(query: str, kind: Kind, candidates: list[Candidate]) -> Resolution:
        outcome: Outcome = "none" if not candidates else "match" if len(candidates) == 1 else "ambiguous"
        return Resolution(query=query, kind=kind, outcome=outcome, candidates=candidates[:25])

    def complete_athlete(self, text: str, limit: int = 25) -> list[Candidate]:
        return self.resolve_athlete(text).candidates[:limit] if text else []

    def complete_event(self, text: str, limit: int = 25) -> list[Candidate]:
        return self.resolve_event(text).candidates[:limit] if text else []
