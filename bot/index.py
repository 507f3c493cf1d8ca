"""The index over parsed events: events by id, athletes with every appearance, nations and medal counts."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from bot.models import MEDAL_ORDER, Event, LoadResult, Medal, Problem, ResultRow
from bot.performance import Unit
from bot.reference import Reference
from bot.text import normalize, slug


@dataclass(frozen=True)
class Appearance:
    event_id: str
    round: str | None
    row: ResultRow

    @property
    def medal(self) -> Medal | None:
        return self.row.medal


@dataclass
class Athlete:
    id: str
    name: str
    sport: str
    appearances: list[Appearance] = field(default_factory=list)

    @property
    def nations(self) -> list[str]:
        return sorted({a.row.nation for a in self.appearances if a.row.nation})

    def medal_count(self) -> Counter[str]:
        # One medal per event, whatever number of rounds the athlete rode in it.
        seen: dict[str, str] = {}
        for app in self.appearances:
            if app.medal:
                seen[app.event_id] = app.medal
        return Counter(seen.values())


def event_id(event: Event) -> str:
    return slug(event.file.rsplit(".", 1)[0])[:60]


@dataclass
class PodiumIndex:
    """Everything the answers need, built once from a load."""

    reference: Reference
    events: dict[str, Event]
    athletes: dict[str, Athlete]
    problems: list[Problem]

    def event(self, event_id: str) -> Event:
        return self.events[event_id]

    def athlete(self, athlete_id: str) -> Athlete:
        return self.athletes[athlete_id]

    def medal_table(self) -> dict[str, Counter[str]]:
        table: dict[str, Counter[str]] = defaultdict(Counter)
        for event in self.events.values():
            for medal in event.medals:
                if medal.noc:
                    table[medal.noc][medal.medal] += 1
        return dict(table)

    def event_unit(self, event: Event) -> Unit | None:
        final = event.final_round()
        units = [r.unit for r in (final.results if final else []) if r.unit]
        return units[0] if units else None


def athlete_key(sport: str | None, name: str) -> str:
    return f"{slug(sport or 'unknown')}/{slug(name)}"


def build_index(load: LoadResult, reference: Reference) -> PodiumIndex:
    events: dict[str, Event] = {}
    athletes: dict[str, Athlete] = {}
    for event in load.events:
        eid = event_id(event)
        while eid in events:  # two files that slug alike stay two events
            eid += "-2"
        events[eid] = event
        for rnd in event.rounds:
            for row in rnd.results:
                # A team row stands for its members; an individual row for the athlete it names.
                people = row.members if row.members else ([] if event.team else [row.name])
                for person in people:
                    if not normalize(person):
                        continue
                    # The same normalized name within a sport is taken as one person across Games.
                    key = athlete_key(event.sport, person)
                    athlete = athletes.get(key)
                    if athlete is None:
                        athlete = athletes[key] = Athlete(id=key, name=person, sport=event.sport or "unknown")
                    athlete.appearances.append(Appearance(event_id=eid, round=rnd.name, row=row))
    for athlete in athletes.values():
        athlete.appearances.sort(
            key=lambda a: (MEDAL_ORDER.get(a.medal or "", 9), -(events[a.event_id].year or 0), a.event_id)
        )
    return PodiumIndex(reference=reference, events=events, athletes=athletes, problems=list(load.problems))
