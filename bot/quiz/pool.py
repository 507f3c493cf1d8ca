"""A game's pool: the questions of the events that fit its options, every kind's, in a stable order (keys
unique). On a large index, a seeded draw of events rather than all of them (see `build_pool`, `game_pool`)."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Collection, Sequence
from collections.abc import Set as AbstractSet

from bot.errors import BadOption
from bot.index import PodiumIndex
from bot.quiz.facts import EventFacts, event_group, nation_order
from bot.quiz.kinds import KINDS
from bot.quiz.kinds.base import Around
from bot.quiz.matching import games_key
from bot.quiz.model import Difficulty, Question
from bot.quiz.wording import games_forms
from bot.reference import Reference
from bot.text import normalize

# A game's pool comes from a seeded draw of this many events when more fit its options. A game asks 10 to 50
# questions and an event gives dozens (a place and a true-or-false per finisher, medals, splits, counts...), so 48
# events give thousands, of every kind and difficulty, from as many pages; and reading them stays about a third of
# a second of CPU on a whole Olympics (7,500 pages: decoding an event and building its questions takes ~5-8 ms, and
# every event of it took minutes). A server that has asked a draw's questions goes on to the next (`game_pool`).
POOL_EVENTS = 48


# A drawn event's cross-Games questions compare it with the other drawn Games of the same event and with at most
# this many more (the nearest in time), so that a draw does not decode the 100 m of every Games.
CROSS_GAMES_OTHERS = 2


def resolve_sport(ref: Reference, text: str) -> str:
    sport = ref.sports.get(normalize(text))
    if sport is None:
        raise BadOption(f"Unknown sport '{text}'.")
    return sport


def resolve_games(ref: Reference, text: str) -> tuple[int, str | None]:
    """`1992`, `1992 Summer`, `Barcelona 1992`, `Barcelona` -> (1992, 'Summer')."""
    key = games_key(text)
    found = {
        (g.year, g.season)
        for g in ref.games
        if key in {games_key(f) for f in games_forms(ref, g.year, g.season)} or key == games_key(g.host_city)
    }
    if len(found) == 1:
        return found.pop()
    if len({year for year, _ in found}) == 1:  # `1992`: the Summer and the Winter Games of that year
        return found.pop()[0], None
    if not found:
        raise BadOption(f"Unknown Games '{text}'.")
    listed = ", ".join(f"{y} {s}" for y, s in sorted(found))
    raise BadOption(f"'{text}' could be several Games: {listed}.")


def fitting_events(
    index: PodiumIndex, *, sport: str | None = None, games: str | None = None, event_id: str | None = None
) -> list[str]:
    """The ids of the events the filters fit, in index order, from the infos alone (nothing decoded)."""
    ref = index.reference
    wanted_sport = normalize(resolve_sport(ref, sport)) if sport else None
    wanted_games = resolve_games(ref, games) if games else None
    if event_id is not None and event_id not in index.infos:
        raise BadOption(f"Unknown event '{event_id}'.")
    return [
        eid
        for eid, e in index.infos.items()
        if (event_id is None or eid == event_id)
        and (wanted_sport is None or normalize(e.sport or "") == wanted_sport)
        and (wanted_games is None or (e.year == wanted_games[0] and wanted_games[1] in (None, e.season)))
    ]


def draw_events(events: Sequence[str], rng: random.Random, limit: int = POOL_EVENTS) -> list[list[str]]:
    """The events dealt into seeded draws of at most `limit` each, every draw sorted by id (a draw is a set: its
    order must not depend on the deal). A game's pool comes from the first draw, and from the next ones only when
    the server has asked the first's questions already. When the events fit in one draw, that draw is all of them
    in their own order and `rng` is left untouched, so a small index gives the same games as without draws."""
    if len(events) <= limit:
        return [list(events)] if events else []
    order = list(events)
    rng.shuffle(order)
    return [sorted(order[start : start + limit]) for start in range(0, len(order), limit)]


def around_of(index: PodiumIndex) -> Around:
    """What the questions of an event read of the others, from the infos alone (nothing decoded)."""
    venues: dict[str, dict[str, None]] = defaultdict(dict)  # one Games' venues, each once, in index order
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for eid, e in index.infos.items():
        if e.venue:
            venues[e.games][e.venue] = None
        groups[event_group(e)].append(eid)
    return Around({g: list(vs) for g, vs in venues.items()}, dict(groups), nation_order(index))


def _compared(index: PodiumIndex, group: Sequence[str], chosen: AbstractSet[str], others: int | None) -> list[str]:
    """The events of a group that the cross-Games questions of its chosen events read: the whole group, or (with
    `others`) the chosen ones and, for each, the `others` of the rest held nearest in time to it (ties: the earlier
    Games, then the id), so that a drawn 100 m does not decode the 100 m of every Games."""
    if others is None:
        return list(group)
    rest = [eid for eid in group if eid not in chosen]
    keep = {eid for eid in group if eid in chosen}
    for eid in group:
        if eid in chosen:
            year = index.infos[eid].year or 0
            near = sorted(rest, key=lambda o: (abs((index.infos[o].year or 0) - year), index.infos[o].year or 0, o))
            keep.update(near[:others])
    return [eid for eid in group if eid in keep]


def pool_of(
    index: PodiumIndex, events: Collection[str], *, difficulty: int | None = None, others: int | None = None
) -> list[Question]:
    """The questions of these events, in a stable order (keys unique). Only these events are decoded, and for
    cross-Games questions at most `others` more per event (None: the whole group, as for the full pool)."""
    around = around_of(index)
    known: dict[str, EventFacts] = {}

    def facts_of(eid: str) -> EventFacts:
        if eid not in known:
            known[eid] = EventFacts(index, eid, around.nations)
        return known[eid]

    chosen = set(events)
    pool: dict[str, Question] = {}
    for eid in events:
        facts = facts_of(eid)
        for kind in KINDS.values():
            for question in kind.generate(facts, around):
                pool.setdefault(question.key, question)
    for group in around.groups.values():
        if len(group) > 1 and not chosen.isdisjoint(group):
            compared = _compared(index, group, chosen, others)
            for kind in KINDS.values():
                for question in kind.generate_across(index, compared, facts_of):
                    if question.event_id in chosen:
                        pool.setdefault(question.key, question)
    questions = list(pool.values())
    if difficulty is not None:
        questions = [q for q in questions if q.difficulty == difficulty]
    return questions


def build_pool(
    index: PodiumIndex,
    *,
    sport: str | None = None,
    games: str | None = None,
    event_id: str | None = None,
    difficulty: int | None = None,
    rng: random.Random | None = None,
    max_events: int = POOL_EVENTS,
) -> list[Question]:
    """The questions the index settles, in a stable order (keys unique); filters narrow it.

    Without `rng`, every question of every event the filters fit: minutes on a whole Olympics (what the tests
    and checks of a small index want). With it, the questions of a seeded draw of at most `max_events` of those
    events (`draw_events`): the same for the same seed, and exactly the full pool when the events are fewer."""
    events = fitting_events(index, sport=sport, games=games, event_id=event_id)
    if rng is None or len(events) <= max_events:
        return pool_of(index, events, difficulty=difficulty)
    return pool_of(index, draw_events(events, rng, max_events)[0], difficulty=difficulty, others=CROSS_GAMES_OTHERS)


def game_pool(
    index: PodiumIndex,
    rng: random.Random,
    *,
    sport: str | None = None,
    games: str | None = None,
    event_id: str | None = None,
    difficulty: int | None = None,
    asked: AbstractSet[str] = frozenset(),
    fresh: int = 0,
    max_events: int = POOL_EVENTS,
) -> list[Question]:
    """A game's pool: the questions of the first seeded draw of events (see `build_pool`), and of the next draws
    while fewer than `fresh` of them are new to the server (not in `asked`). A server that has used up a draw's
    questions gets other events' rather than repeats; repeats come only once every fitting event is read."""
    events = fitting_events(index, sport=sport, games=games, event_id=event_id)
    others = CROSS_GAMES_OTHERS if len(events) > max_events else None
    pool: dict[str, Question] = {}
    for draw in draw_events(events, rng, max_events):
        for question in pool_of(index, draw, difficulty=difficulty, others=others):
            pool.setdefault(question.key, question)
        if sum(1 for key in pool if key not in asked) >= fresh:
            break
    return list(pool.values())


def as_difficulty(level: int) -> Difficulty:
    if level not in (1, 2, 3):
        raise BadOption("Difficulty is easy, medium or hard.")
    return level  # type: ignore[return-value]
