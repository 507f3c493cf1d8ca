"""The event family: how many competitors or nations took part, and the venue."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import chain, islice
from typing import Literal

from bot.index import PodiumIndex
from bot.quiz.facts import (
    DISTRACTORS,
    EventFacts,
    count_distractors,
    distinct,
    distinct_iter,
    make_question,
    question_key,
)
from bot.quiz.kinds.base import Around, Kind, KindParams, Rows
from bot.quiz.model import Question
from bot.text import normalize


def count_questions(facts: EventFacts) -> Iterator[Question]:
    """How many competitors, how many nations: the closest guess earns partial credit."""
    event = facts.event
    entrants = len({normalize(r.name) for rnd in event.rounds for r in rnd.results if normalize(r.name)})
    for what, value in (("competitors", event.competitors), ("nations", event.nations)):
        if not value or value <= 0:
            continue
        if what == "competitors" and not event.team and entrants > value:
            continue  # the page contradicts itself: more people listed than it says took part
        others = "competitors" if what == "competitors" else "nations were represented"
        yield make_question(
            facts,
            key=question_key("count", facts.id, what),
            kind="count",
            prompt=f"{facts.label}: how many {others if what == 'nations' else 'competitors took part'}? "
            "(closest guess scores)",
            answer_type="number",
            answer=str(value),
            accepted=[str(value)],
            value=float(value),
            scoring="closest",
            tolerance=float(max(2, round(value * 0.25))),
            fact=f"{value} {what}"
            + (f" from {event.nations} nations" if what == "competitors" and event.nations else "")
            + (" took part." if what == "competitors" else " were represented."),
            difficulty=2,
            distractors=count_distractors(value),
            params={"what": what},
        )


def venue_questions(facts: EventFacts, venues: Mapping[str, list[str]]) -> Iterator[Question]:
    """Where the event was held (the venue's name; the part before a comma is enough)."""
    venue = facts.event.venue
    if not venue:
        return
    short = venue.split(",")[0].strip()
    accepted = distinct([venue, short])
    same_games = venues.get(facts.event.games, [])
    every = distinct_iter(chain(same_games, *venues.values()), exclude=[venue, short])
    others = list(islice((o for o in every if normalize(o.split(",")[0]) != normalize(short)), DISTRACTORS))
    yield make_question(
        facts,
        key=question_key("venue", facts.id),
        kind="venue",
        prompt=f"{facts.label}: at which venue was it held?",
        answer_type="venue",
        answer=venue,
        accepted=accepted,
        fact=f"It was held at {venue}.",
        difficulty=2,
        distractors=others,
        params={"venue": venue},
    )


class CountParams(KindParams):
    what: Literal["competitors", "nations"]


class CountKind(Kind[CountParams]):
    name, family, Params = "count", "event", CountParams

    def generate(self, facts: EventFacts, around: Around) -> Iterator[Question]:
        return count_questions(facts)

    def check(self, question: Question, params: CountParams, rows: Rows, index: PodiumIndex) -> list[str]:
        stated = rows.event.competitors if params.what == "competitors" else rows.event.nations
        if stated is None or float(stated) != question.value:
            return [f"{question.key}: the page states {stated}, question says {question.value}"]
        return []


class VenueParams(KindParams):
    venue: str


class VenueKind(Kind[VenueParams]):
    name, family, Params = "venue", "event", VenueParams

    def generate(self, facts: EventFacts, around: Around) -> Iterator[Question]:
        return venue_questions(facts, around.venues)

    def check(self, question: Question, params: VenueParams, rows: Rows, index: PodiumIndex) -> list[str]:
        venue = rows.event.venue
        if venue is None or normalize(venue) not in {normalize(a) for a in question.accepted}:
            return [f"{question.key}: venue {venue} not accepted"]
        return []
