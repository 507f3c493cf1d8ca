"""Questions computed from the index, of many kinds, each with its answer, the forms that count and a fact.

Never ask what the data does not settle: a tie for a place accepts every tied name; a nation is asked only where
the page gives it; rows listed without a result (status unknown) are never asked about nor used as a wrong answer
to a place; a value the parser corrected is asked only as corrected; a name that appears twice in an event, or a
split where a finisher has none, is left alone.
"""

from __future__ import annotations

import random
import zlib
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import chain, islice

from bot.errors import BadOption
from bot.index import EventInfo, PodiumIndex, athlete_key
from bot.models import MEDAL_ORDER, Event, Medal, ResultRow, Round
from bot.performance import Unit, format_value
from bot.quiz.matching import games_key, ordinal
from bot.quiz.model import Difficulty, Param, Question
from bot.quiz.names import EITHER_ORDER_NOCS, FAMILY_FIRST_NOCS
from bot.reference import Reference
from bot.text import normalize, slug

# Nations that win the most Olympic medals: plausible wrong answers when an event's own medalists run short.
COMMON_NATIONS = ("USA", "GBR", "FRA", "GER", "ITA", "AUS", "CHN", "JPN", "NED", "CAN", "HUN", "SWE", "URS", "KOR")

_MEDAL_WORD: dict[str, str] = {"gold": "gold", "silver": "silver", "bronze": "bronze"}
_MEDAL_AT: dict[int, Medal] = {1: "gold", 2: "silver", 3: "bronze"}

# The wrong answers a question keeps, the most plausible first: a multiple choice draws its options from the six
# most plausible that the matcher takes as wrong, so a dozen leaves room for ones it would half-accept, while a
# question stays small however many finished (listing every other finisher made an event's questions quadratic).
DISTRACTORS = 12
# Places beyond this are not asked as places (nor in true-or-false duels): "81st or 79th?" is unknowable.
MAX_PLACE = 12
# Split duels are between finishers of the top eight (a final's places).
SPLIT_DUEL_PLACES = 8


# ------------------------------------------------------------------------------------------ small helpers


def event_label(event: Event) -> str:
    """`Cycling – Men's track time trial, 1992 Summer Olympics`."""
    name = event.event or event.title
    games = f"{event.year} {event.season or ''} Olympics".replace("  ", " ") if event.year else "the Olympics"
    return f"{event.sport} – {name}, {games}" if event.sport else f"{name}, {games}"


def games_display(ref: Reference, year: int | None, season: str | None) -> str:
    """`Barcelona 1992` when the host city is known, else `1992 Summer`."""
    host = _host(ref, year, season)
    if host:
        return f"{host} {year}"
    return f"{year} {season or ''}".strip()


def _host(ref: Reference, year: int | None, season: str | None) -> str | None:
    for games in ref.games:
        if games.year == year and (season is None or games.season == season):
            return games.host_city
    return None


def games_forms(ref: Reference, year: int, season: str | None) -> list[str]:
    """Every way to name one Games: `1992`, `1992 Summer`, `Summer 1992`, `Barcelona 1992`, and `Barcelona` alone
    when that city hosted no other Games of the season."""
    forms = [str(year)]
    if season:
        forms += [f"{year} {season}", f"{season} {year}"]
    host = _host(ref, year, season)
    if host:
        places = [host, *next((g.places for g in ref.games if g.year == year and g.host_city == host), ())]
        hosted = [g for g in ref.games if g.host_city == host and (season is None or g.season == season)]
        for place in places:
            forms += [f"{place} {year}", f"{year} {place}"]
            if len(hosted) == 1:
                forms.append(place)
    return forms


def value_text(value: float, unit: Unit | None, precision: int) -> str:
    """A time or mark as the quiz shows it: `1:03.342`, `9.96 s`, `8.67 m`, `1234 pts`."""
    body = format_value(value, unit, precision)
    if unit == "s":
        return body if ":" in body else f"{body} s"
    if unit == "m":
        return f"{body} m"
    if unit == "pts":
        return f"{body} pts"
    return body


def format_hint(value: float, unit: Unit | None, precision: int) -> str:
    """How to write the answer, without giving it away: `(m:ss.xxx)`, `(seconds, to 0.001)`, `(metres, to 0.01)`."""
    decimals = "." + "x" * precision if precision else ""
    if unit == "s":
        if value >= 3600:
            return f"(h:mm:ss{decimals})"
        if value >= 60:
            return f"(m:ss{decimals})"
        return f"(seconds, to {10.0**-precision:.{precision}f})" if precision else "(seconds)"
    if unit == "m":
        return f"(metres, to {10.0**-precision:.{precision}f})" if precision else "(metres)"
    return f"(to {10.0**-precision:.{precision}f})" if precision else ""


def _rounded(value: float, precision: int) -> float:
    return round(value, precision)


def split_precision(rows: Sequence[ResultRow]) -> int:
    """Splits are written like the result column: the finishers' decimals (3 when unknown)."""
    decimals = [r.precision for r in rows if r.unit == "s"]
    return max(decimals) if decimals else 3


def split_phrase(label: str) -> str:
    """`250 m` -> `at the 250 m mark`; `Lap 1` -> `after lap 1`."""
    if label.strip().lower().startswith("lap"):
        return f"after {label.lower()}"
    return f"at the {label} mark"


def _better(unit: Unit | None) -> Callable[[float, float], bool]:
    """Is a better than b? Times are better lower, marks and points higher."""
    if unit == "s":
        return lambda a, b: a < b
    return lambda a, b: a > b


# ------------------------------------------------------------------------------------------ the settled facts


class EventFacts:
    """What one event settles, computed once: its final round, ranked finishers, names that are unique in it."""

    def __init__(self, index: PodiumIndex, event_id: str, nation_order: Sequence[str] | None = None) -> None:
        self.index = index
        self.id = event_id
        self.event = index.events[event_id]
        self.label = event_label(self.event)
        self.source_url = self.event.source_url
        # Nations by medals won in the whole index (see `_other_nations`): computed once for a pool, not per event.
        self.nation_order = nation_order
        self.final: Round | None = self.event.final_round()
        rows = self.final.results if self.final else []
        self.rows = rows
        # Finishers with a rank and a result, not DNF/DNS/DSQ, not listed-without-result.
        self.finishers = [r for r in rows if r.status is None and r.rank is not None]
        self.ranked = sorted(self.finishers, key=lambda r: (r.rank or 0, r.line))
        self._at: dict[int, list[ResultRow]] = defaultdict(list)  # finishers by place, in page order
        for row in self.finishers:
            self._at[row.rank or 0].append(row)
        self.places = sorted(self._at)  # the places finishers hold
        # A name listed twice in the deciding round (two people, or a page slip) is never asked about.
        counts: dict[str, int] = defaultdict(int)
        for row in rows:
            counts[normalize(row.name)] += 1
        self.unique = {key for key, n in counts.items() if n == 1 and key}
        self._row = {normalize(row.name): row for row in rows}  # for the unique names only (see `row_of`)
        self.names = sorted({row.name for rnd in self.event.rounds for row in rnd.results if normalize(row.name)})
        # Names written family name first (by the nation the page gives them), for judging typed names.
        nocs = {row.name: row.nation for rnd in self.event.rounds for row in rnd.results if row.nation}
        nocs.update({m.name: m.noc for m in self.event.medals if m.noc})
        self.name_orders = {
            name: "family_first" if noc in FAMILY_FIRST_NOCS else "either"
            for name, noc in nocs.items()
            if noc in FAMILY_FIRST_NOCS or noc in EITHER_ORDER_NOCS
        }
        self.unit: Unit | None = next((r.unit for r in self.finishers if r.unit), None)

    def place_settled(self, rank: int) -> bool:
        """Whether a place can be asked as a place: one a fan could know (at most `MAX_PLACE`), read from the page
        rather than inferred, every name at it unique; a tie only when the tied share one result (a dead heat, not
        a bracket placing such as `=5th` for the losing quarter-finalists); a medal place only when the results
        and the infobox agree on its medallists."""
        rows = self.at_rank(rank)
        if not rows or rank > MAX_PLACE or any(r.rank_inferred or self.row_of(r.name) is None for r in rows):
            return False
        if len(rows) > 1 or any(r.tied for r in rows):
            values = {r.value for r in rows}
            if len(rows) < 2 or None in values or len(values) != 1:
                return False
        medal = _MEDAL_AT.get(rank)
        return medal is None or self.medalists(medal) is not None

    def at_rank(self, rank: int) -> list[ResultRow]:
        return list(self._at.get(rank, ()))

    def near(self, rank: float) -> Iterator[ResultRow]:
        """Finishers nearest a place first; of two places as near, the better; in one place, by line. The order of
        sorting them by (distance, place, line), walked outwards from the place so that taking a few is cheap."""
        for place in _nearest(self.places, rank):
            yield from sorted(self._at[place], key=lambda r: r.line)

    def medalists(self, medal: Medal) -> list[str] | None:
        """The medal's holders when the results rows and the infobox agree (or only one of them speaks)."""
        from_rows = [r.name for r in self.rows if r.medal == medal]
        from_box = [m.name for m in self.event.medals if m.medal == medal]
        if from_rows and from_box and {normalize(n) for n in from_rows} != {normalize(n) for n in from_box}:
            return None
        return from_rows or from_box or None

    def medal_noc(self, name: str, medal: Medal) -> str | None:
        row = next((r for r in self.rows if r.medal == medal and normalize(r.name) == normalize(name)), None)
        box = next((m for m in self.event.medals if m.medal == medal and normalize(m.name) == normalize(name)), None)
        nocs = {n for n in (row.nation if row else None, box.noc if box else None) if n}
        return nocs.pop() if len(nocs) == 1 else None

    def row_of(self, name: str) -> ResultRow | None:
        key = normalize(name)
        return self._row[key] if key in self.unique else None

    def winner_row(self) -> ResultRow | None:
        firsts = self.at_rank(1)
        values = {(r.value, r.unit) for r in firsts}
        if not firsts or len(values) != 1 or firsts[0].value is None:
            return None
        return firsts[0]

    def result_text(self, row: ResultRow) -> str:
        if row.value is None:
            return row.result or ""
        return value_text(row.value, row.unit, row.precision)


def _q(facts: EventFacts, **fields: object) -> Question:
    event = facts.event
    base: dict[str, object] = {
        "event_id": facts.id,
        "title": event.title,
        "source_url": facts.source_url,
        "sport": event.sport,
        "year": event.year,
        "names": facts.names,
        "name_orders": facts.name_orders,
    }
    base.update(fields)
    return Question.model_validate(base)


def _key(kind: str, *parts: Param) -> str:
    return ":".join([kind, *(slug(str(p)) if isinstance(p, str) else str(p) for p in parts)])


def _distinct(items: Iterable[str], exclude: Sequence[str] = (), limit: int | None = None) -> list[str]:
    return list(islice(_distinct_iter(items, exclude), limit))


def _distinct_iter(items: Iterable[str], exclude: Sequence[str] = ()) -> Iterator[str]:
    """The items with a name, each name once (as normalized), none of `exclude`; lazily, to stop at a few."""
    seen = {normalize(e) for e in exclude}
    for item in items:
        key = normalize(item)
        if key and key not in seen:
            seen.add(key)
            yield item


def _nearest(values: Sequence[int], centre: float) -> Iterator[int]:
    """Sorted distinct `values`, nearest `centre` first and of two as near the smaller: the order of sorting them
    by (distance, value), walked outwards from the centre."""
    above = bisect_left(values, centre)
    below = above - 1
    while below >= 0 or above < len(values):
        if above >= len(values) or (below >= 0 and centre - values[below] <= values[above] - centre):
            yield values[below]
            below -= 1
        else:
            yield values[above]
            above += 1


def _name_distractors(facts: EventFacts, rank: float, accepted: Sequence[str]) -> list[str]:
    """Other finishers of the event, nearest place first: plausible, and settled as wrong."""
    return _distinct((r.name for r in facts.near(rank)), exclude=accepted, limit=DISTRACTORS)


def _value_distractors(value: float, unit: Unit | None, precision: int, real: Sequence[float]) -> list[str]:
    """Nearby values: other real results first, then values a little off either side."""
    step = max(10.0**-precision, abs(value) * 0.012)
    synthetic = [value + k * step for k in (1, -1, 2, -2, 3, -3, 5, -5)]
    out: list[str] = []
    seen = {_rounded(value, precision)}
    for candidate in [*real, *synthetic]:
        if candidate <= 0:
            continue
        key = _rounded(candidate, precision)
        if key in seen:
            continue
        seen.add(key)
        out.append(value_text(key, unit, precision))
    return out


def _count_distractors(value: int) -> list[str]:
    out: list[str] = []
    spread = max(2, round(value * 0.15))
    for k in (1, -1, 2, -2, 3, -3, 4):
        candidate = value + k * spread
        if candidate > 0 and str(candidate) not in out:
            out.append(str(candidate))
    return out


# --------------------------------------------------------------------------------------------- the kinds


def medal_questions(facts: EventFacts) -> Iterator[Question]:
    """Who won gold, silver or bronze."""
    ref = facts.index.reference
    for medal in ("gold", "silver", "bronze"):
        holders = facts.medalists(medal)
        if not holders:
            continue
        if facts.event.team:
            nocs = [ref.nation_code(h) for h in holders]
            if None in nocs:
                continue
            yield from _team_medal(facts, medal, [n for n in nocs if n])
            continue
        rank = MEDAL_ORDER[medal]
        shared = " (one of them)" if len(holders) > 1 else ""
        rows = [r for r in facts.rows if r.medal == medal]
        result = f" in {facts.result_text(rows[0])}" if len(rows) == 1 and rows[0].value is not None else ""
        yield _q(
            facts,
            key=_key("medal", facts.id, medal),
            kind="medal",
            prompt=f"{facts.label}: who won {medal}{shared}?",
            answer_type="name",
            answer=" / ".join(holders),
            accepted=holders,
            fact=f"{' and '.join(holders)} won {medal}{result}.",
            difficulty=1 if medal == "gold" else 2,
            distractors=_name_distractors(facts, rank, holders),
            params={"medal": medal},
        )


def _team_medal(facts: EventFacts, medal: Medal, nocs: list[str]) -> Iterator[Question]:
    ref = facts.index.reference
    names = [ref.nations[n].name for n in nocs if n in ref.nations]
    if len(names) != len(nocs):
        return
    others = _nation_names(facts, nocs)
    yield _q(
        facts,
        key=_key("team_medal", facts.id, medal),
        kind="team_medal",
        prompt=f"{facts.label}: which team won {medal}?",
        answer_type="nation",
        answer=" / ".join(names),
        accepted=[*names, *nocs],
        fact=f"{' and '.join(names)} won {medal}.",
        difficulty=1 if medal == "gold" else 2,
        distractors=others,
        params={"medal": medal},
    )


def _other_nations(facts: EventFacts, exclude: Sequence[str]) -> Iterator[str]:
    """Nations of the event's other medalists, then of medalists elsewhere in the index, then common ones."""
    found: list[str] = [m.noc for m in facts.event.medals if m.noc]
    found += facts.nation_order if facts.nation_order is not None else nation_order(facts.index)
    found += list(COMMON_NATIONS)
    seen = set(exclude)
    for noc in found:
        if noc not in seen:
            seen.add(noc)
            yield noc


def _nation_names(facts: EventFacts, exclude: Sequence[str]) -> list[str]:
    """The names of the first `DISTRACTORS` other nations the reference knows."""
    nations = facts.index.reference.nations
    return list(islice((nations[n].name for n in _other_nations(facts, exclude) if n in nations), DISTRACTORS))


def nation_order(index: PodiumIndex) -> list[str]:
    """Nations by medals won in the index, most first (from the infos: no event is decoded)."""
    table = index.medal_table()
    return sorted(table, key=lambda n: (-sum(table[n].values()), n))


def place_questions(facts: EventFacts) -> Iterator[Question]:
    """Who finished Nth (4th and below; a tie accepts every tied name)."""
    if facts.event.team:
        return
    for rank in sorted({r.rank for r in facts.finishers if r.rank and r.rank >= 4}):
        rows = facts.at_rank(rank)
        if not facts.place_settled(rank):
            continue
        names = [r.name for r in rows]
        tied = len(rows) > 1 or any(r.tied for r in rows)
        place = f"tied {ordinal(rank)}" if tied else ordinal(rank)
        result = facts.result_text(rows[0])
        who = " and ".join(names)
        fact = f"{who} {'tied for' if tied else 'finished'} {ordinal(rank)}" + (f" in {result}." if result else ".")
        yield _q(
            facts,
            key=_key("place", facts.id, rank),
            kind="place",
            prompt=f"{facts.label}: who finished {place}?" + (" (any of them counts)" if len(rows) > 1 else ""),
            answer_type="name",
            answer=" / ".join(names),
            accepted=names,
            fact=fact,
            difficulty=2 if rank <= 8 else 3,
            distractors=_name_distractors(facts, rank, names),
            params={"rank": rank},
        )


def athlete_place_questions(facts: EventFacts) -> Iterator[Question]:
    """Where did X finish (places as `4th`, `fourth`, `bronze`; a tied place is `=4th`)."""
    if facts.event.team:
        return
    places = sorted({r.rank for r in facts.finishers if r.rank})
    for row in facts.ranked:
        rank = row.rank
        # The winner's place is who won gold (the medal kind): asked as a place, "1st" is the smallest option.
        if rank is None or rank == 1 or not facts.place_settled(rank):
            continue
        tied = row.tied or len(facts.at_rank(rank)) > 1
        # A tie is told in the fact, not marked in the answer: no option is marked, so none stands out.
        answer = ordinal(rank)
        distractors = [ordinal(p) for p in islice((p for p in _nearest(places, rank) if p != rank), DISTRACTORS)]
        if len(distractors) < 3:
            distractors += [ordinal(p) for p in range(1, rank + 5) if p != rank and ordinal(p) not in distractors]
        medal = f" ({row.medal})" if row.medal else ""
        yield _q(
            facts,
            key=_key("athlete_place", facts.id, row.name),
            kind="athlete_place",
            prompt=f"{facts.label}: where did {row.name} finish?",
            answer_type="place",
            answer=answer,
            accepted=[answer],
            value=float(rank),
            fact=f"{row.name} finished {'tied ' if tied else ''}{ordinal(rank)}{medal}"
            + (f" in {facts.result_text(row)}." if row.value is not None else "."),
            difficulty=1 if rank <= 3 else 2 if rank <= 8 else 3,
            distractors=distractors,
            params={"name": row.name, "rank": rank},
        )


def winning_result_questions(facts: EventFacts) -> Iterator[Question]:
    """The winning time or mark (a corrected value only as corrected)."""
    row = facts.winner_row()
    if row is None or row.value is None:
        return
    what = "time" if row.unit == "s" else "mark" if row.unit == "m" else "score"
    answer = value_text(row.value, row.unit, row.precision)
    real = [r.value for r in facts.ranked[1:6] if r.value is not None and r.unit == row.unit]
    yield _q(
        facts,
        key=_key("winning_result", facts.id),
        kind="winning_result",
        prompt=f"{facts.label}: what was the winning {what}? {format_hint(row.value, row.unit, row.precision)}",
        answer_type="performance",
        scoring="closest",
        answer=answer,
        accepted=[answer],
        value=row.value,
        unit=row.unit,
        precision=row.precision,
        fact=f"{row.name} won in {answer}.",
        difficulty=2,
        distractors=_value_distractors(row.value, row.unit, row.precision, real),
        params={"name": row.name},
    )


def margin_questions(facts: EventFacts) -> Iterator[Question]:
    """The margin between gold and silver."""
    gold, silver = facts.at_rank(1), facts.at_rank(2)
    if len(gold) != 1 or len(silver) != 1:
        return
    a, b = gold[0], silver[0]
    if a.value is None or b.value is None or a.unit != b.unit or a.unit is None:
        return
    precision = max(a.precision, b.precision)
    margin = round(abs(b.value - a.value), precision)
    if margin <= 0:
        return
    gaps = []
    for first, second in zip(facts.ranked[1:6], facts.ranked[2:7], strict=False):
        if first.value is not None and second.value is not None and second.unit == a.unit:
            gaps.append(round(abs(second.value - first.value), precision))
    answer = value_text(margin, a.unit, precision)
    yield _q(
        facts,
        key=_key("margin", facts.id),
        kind="margin",
        prompt=f"{facts.label}: by how much did {a.name} beat {b.name}? {format_hint(margin, a.unit, precision)}",
        answer_type="performance",
        scoring="closest",
        answer=answer,
        accepted=[answer],
        value=margin,
        unit=a.unit,
        precision=precision,
        fact=f"{a.name} ({facts.result_text(a)}) beat {b.name} ({facts.result_text(b)}) by {answer}.",
        difficulty=3,
        distractors=_value_distractors(margin, a.unit, precision, gaps),
        params={"gold": a.name, "silver": b.name},
    )


def nation_questions(facts: EventFacts) -> Iterator[Question]:
    """Which nation a medalist represented, only where the nation is known."""
    if facts.event.team:
        return
    ref = facts.index.reference
    for medal in ("gold", "silver", "bronze"):
        for name in facts.medalists(medal) or []:
            noc = facts.medal_noc(name, medal)
            nation = ref.nation(noc)
            if noc is None or nation is None or (facts.row_of(name) is None and facts.rows):
                continue
            others = _nation_names(facts, [noc])
            yield _q(
                facts,
                key=_key("nation", facts.id, name),
                kind="nation",
                prompt=f"{facts.label}: which nation did {medal} medallist {name} represent?",
                answer_type="nation",
                answer=nation.name,
                accepted=[nation.name, noc],
                fact=f"{name} won {medal} for {nation.name} ({noc}).",
                difficulty=1 if medal == "gold" else 2,
                distractors=others,
                params={"name": name, "medal": medal, "noc": noc},
            )


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
        yield _q(
            facts,
            key=_key("count", facts.id, what),
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
            distractors=_count_distractors(value),
            params={"what": what},
        )


def venue_questions(facts: EventFacts, venues: dict[str, list[str]]) -> Iterator[Question]:
    """Where the event was held (the venue's name; the part before a comma is enough)."""
    venue = facts.event.venue
    if not venue:
        return
    short = venue.split(",")[0].strip()
    accepted = _distinct([venue, short])
    same_games = venues.get(facts.event.games, [])
    every = _distinct_iter(chain(same_games, *venues.values()), exclude=[venue, short])
    others = list(islice((o for o in every if normalize(o.split(",")[0]) != normalize(short)), DISTRACTORS))
    yield _q(
        facts,
        key=_key("venue", facts.id),
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


def games_questions(facts: EventFacts, same_event: dict[tuple[str, str, str], list[str]]) -> Iterator[Question]:
    """At which Games an athlete won a medal in this event (any Games the index has them winning it counts)."""
    if facts.event.team or facts.event.year is None:
        return
    ref = facts.index.reference
    index = facts.index
    group = same_event.get(_event_group(facts.event), [facts.id])
    for medal in ("gold", "silver", "bronze"):
        for name in facts.medalists(medal) or []:
            if facts.rows and facts.row_of(name) is None:
                continue
            athlete = index.athletes.get(athlete_key(facts.event.sport, name))
            won = {facts.id}
            if athlete is not None:
                won |= {a.event_id for a in athlete.appearances if a.medal == medal and a.event_id in group}
            won_games = sorted({(index.infos[e].year or 0, index.infos[e].season) for e in won})
            accepted = [form for y, s in won_games for form in games_forms(ref, y, s)]
            answer = " / ".join(games_display(ref, y, s) for y, s in won_games)
            # Wrong answers only from Games whose results for this event are in the index: settled as wrong. The
            # nearest first; of two as near, the earlier (never the set's order, which varies from run to run).
            held = sorted(
                {(index.infos[e].year or 0, index.infos[e].season) for e in group} - set(won_games),
                key=lambda g: (abs(g[0] - (facts.event.year or 0)), g[0], g[1] or ""),
            )
            yield _q(
                facts,
                key=_key("games", facts.id, name, medal),
                kind="games",
                prompt=f"{facts.event.sport} – {facts.event.event}: at which Games did {name} win {medal}?",
                answer_type="games",
                answer=answer,
                accepted=accepted,
                value=float(facts.event.year),
                fact=f"{name} won {medal} at {answer}.",
                difficulty=1 if medal == "gold" else 2,
                distractors=[games_display(ref, y, s) for y, s in held],
                params={"name": name, "medal": medal},
            )


def split_questions(facts: EventFacts) -> Iterator[Question]:
    """Who was in the lead at a split, and which of two finishers next to each other was ahead there. Splits are
    cumulative times (the time at the 250 m mark, after lap 2), so the questions ask who was ahead at that point,
    never who was faster over a lap."""
    if facts.event.team or not facts.ranked:
        return
    digits = split_precision(facts.ranked)
    labels = list(dict.fromkeys(label for r in facts.ranked for label in r.splits))
    for label in labels:
        where = split_phrase(label)
        yield from _split_fastest(facts, label, where, digits)
        for a, b in zip(facts.ranked, facts.ranked[1:], strict=False):
            if label not in a.splits or label not in b.splits:
                continue
            if facts.row_of(a.name) is None or facts.row_of(b.name) is None:
                continue
            if (b.rank or MAX_PLACE + 1) > SPLIT_DUEL_PLACES:  # a duel of back-markers: nobody could know it
                continue
            ta, tb = a.splits[label], b.splits[label]
            if round(ta, digits) == round(tb, digits):
                continue
            ahead, behind = (a, b) if ta < tb else (b, a)
            # Named in an order that does not follow the finish (the better finisher first would tell the answer
            # two times in three), but is the same on every run.
            first, second = (a, b) if zlib.crc32(f"{facts.id}|{label}|{a.name}".encode()) % 2 else (b, a)
            if a.rank == b.rank:
                finished = f"they tied for {ordinal(a.rank or 0)}"
            else:
                finished = f"they finished {ordinal(ahead.rank or 0)} and {ordinal(behind.rank or 0)}"
            yield _q(
                facts,
                key=_key("split_duel", facts.id, label, a.name, b.name),
                kind="split_duel",
                prompt=f"{facts.label}: who was ahead {where}, {first.name} or {second.name}?",
                answer_type="name",
                answer=ahead.name,
                accepted=[ahead.name],
                fact=f"{ahead.name} ({ahead.splits[label]:.{digits}f} s) was ahead of {behind.name} "
                f"({behind.splits[label]:.{digits}f} s) {where}; {finished}.",
                difficulty=3,
                distractors=[behind.name],
                params={"label": label, "a": a.name, "b": b.name},
            )


def _split_fastest(facts: EventFacts, label: str, where: str, digits: int) -> Iterator[Question]:
    # Every row of the round must have the split (a DNF may have led at 250 m; a row listed without a result may
    # have too), every name must be unique, and nobody may share the fastest split, or the fastest is not settled.
    if any(label not in r.splits or facts.row_of(r.name) is None for r in facts.rows):
        return
    times = sorted(facts.rows, key=lambda r: (r.splits[label], r.line))
    best = times[0]
    if len(times) > 1 and round(times[1].splits[label], digits) == round(best.splits[label], digits):
        return
    finish = f"finished {ordinal(best.rank)}" if best.rank else f"did not finish ({best.status})"
    distractors = _distinct(
        [r.name for r in times[1:4]] + [r.name for r in facts.ranked[:3]] + [r.name for r in times[4:]],
        exclude=[best.name],
        limit=DISTRACTORS,
    )
    yield _q(
        facts,
        key=_key("split_fastest", facts.id, label),
        kind="split_fastest",
        prompt=f"{facts.label}: who was in the lead {where}?",
        answer_type="name",
        answer=best.name,
        accepted=[best.name],
        fact=f"{best.name} led {where} ({best.splits[label]:.{digits}f} s) and {finish}.",
        difficulty=3 if best.rank != 1 else 2,
        distractors=distractors,
        params={"label": label, "name": best.name},
    )


def true_false_questions(facts: EventFacts) -> Iterator[Question]:
    """True or false: X finished ahead of Y; X won a medal."""
    if facts.event.team:
        return
    ranked = [r for r in facts.ranked if r.rank is not None and facts.place_settled(r.rank)]
    for i, (a, b) in enumerate(zip(ranked, ranked[2:], strict=False)):
        if a.rank is None or b.rank is None or a.rank == b.rank:
            continue
        first, second = (a, b) if i % 2 == 0 else (b, a)
        truth = (first.rank or 0) < (second.rank or 0)
        yield _q(
            facts,
            key=_key("tf_ahead", facts.id, first.name, second.name),
            kind="tf_ahead",
            prompt=f"{facts.label}: true or false? {first.name} finished ahead of {second.name}.",
            answer_type="boolean",
            answer="True" if truth else "False",
            accepted=["True" if truth else "False"],
            fact=f"{a.name} finished {ordinal(a.rank)}, {b.name} {ordinal(b.rank)}.",
            difficulty=2 if min(a.rank, b.rank) <= 3 else 3,
            distractors=["False" if truth else "True"],
            params={"first": first.name, "second": second.name},
        )
    fourth = [r for r in facts.at_rank(4) if facts.place_settled(4)]
    medalists = [r for r in ranked if r.medal]
    for row in [*medalists[:1], *medalists[2:3], *fourth[:1]]:
        truth = row.medal is not None
        yield _q(
            facts,
            key=_key("tf_medal", facts.id, row.name),
            kind="tf_medal",
            prompt=f"{facts.label}: true or false? {row.name} won a medal.",
            answer_type="boolean",
            answer="True" if truth else "False",
            accepted=["True" if truth else "False"],
            fact=f"{row.name} finished {'tied ' if row.tied else ''}{ordinal(row.rank or 0)}"
            + (f" and won {row.medal}." if row.medal else ", off the podium."),
            difficulty=1 if row.medal == "gold" else 2,
            distractors=["False" if truth else "True"],
            params={"name": row.name},
        )


def plain_place(ref: Reference, place: str | None) -> str | None:
    """A record's place as a fan says it: `FRG Hildesheim, West Germany` -> `Hildesheim, West Germany` (the
    nation's code the page writes before it is table markup, not words)."""
    if not place:
        return None
    head, _, rest = place.strip().partition(" ")
    if rest and len(head) == 3 and head.isupper() and head in ref.nations:
        return rest.strip()
    return place.strip()


def record_questions(facts: EventFacts) -> Iterator[Question]:
    """The standing records listed on the page, as corrected where the parser corrected them."""
    seen: set[str] = set()
    for record in facts.event.records:
        if record.value is None or record.unit is None or normalize(record.kind) in seen:
            continue
        seen.add(normalize(record.kind))
        answer = value_text(record.value, record.unit, record.precision)
        games = f"{facts.event.year} {facts.event.season or ''}".strip()
        where = plain_place(facts.index.reference, record.place)
        when = f" (set {record.date}" + (f", {where}" if where else "") + ")" if record.date else ""
        real = [r.value for r in facts.event.records if r.value is not None and r.unit == record.unit]
        yield _q(
            facts,
            key=_key("record", facts.id, record.kind),
            kind="record",
            prompt=f"{facts.label}: what was the standing {record.kind} before the {games} Games? "
            f"{format_hint(record.value, record.unit, record.precision)}",
            answer_type="performance",
            scoring="closest",
            answer=answer,
            accepted=[answer],
            value=record.value,
            unit=record.unit,
            precision=record.precision,
            fact=f"The {record.kind} stood at {answer}{when}.",
            difficulty=3,
            distractors=_value_distractors(record.value, record.unit, record.precision, real),
            params={"kind": record.kind},
        )


def _event_group(event: Event | EventInfo) -> tuple[str, str, str]:
    return (normalize(event.sport or ""), normalize(event.event or ""), event.gender or "")


def cross_games_questions(
    index: PodiumIndex, group: Sequence[str], facts_of: Callable[[str], EventFacts] | None = None
) -> Iterator[Question]:
    """True or false: the winning time or mark was better at one Games than at another (`facts_of` gives an
    event's facts when the caller keeps them)."""
    winners = []
    for eid in group:
        facts = facts_of(eid) if facts_of is not None else EventFacts(index, eid)
        row = facts.winner_row()
        if row is not None and row.value is not None and facts.event.year:
            winners.append((facts, row))
    winners.sort(key=lambda w: (w[0].event.year or 0, w[0].id))
    for i, (fa, ra) in enumerate(winners):
        for fb, rb in winners[i + 1 :]:
            if ra.unit != rb.unit or ra.value is None or rb.value is None or fa.event.year == fb.event.year:
                continue
            precision = min(ra.precision, rb.precision)
            if _rounded(ra.value, precision) == _rounded(rb.value, precision):
                continue
            better = _better(ra.unit)
            word = "faster" if ra.unit == "s" else "better"
            first, second = (fb, fa) if (i % 2 == 0) else (fa, fb)
            r1, r2 = (rb, ra) if first is fb else (ra, rb)
            truth = better(r1.value or 0, r2.value or 0)
            ref = index.reference
            g1 = games_display(ref, first.event.year, first.event.season)
            g2 = games_display(ref, second.event.year, second.event.season)
            what = "time" if ra.unit == "s" else "mark"
            yield _q(
                first,
                key=_key("tf_winner", first.id, second.id),
                kind="tf_winner",
                prompt=f"{first.event.sport} – {first.event.event}: true or false? The winning {what} at {g1} was "
                f"{word} than at {g2}.",
                answer_type="boolean",
                answer="True" if truth else "False",
                accepted=["True" if truth else "False"],
                fact=f"{r1.name} won in {first.result_text(r1)} at {g1}; {r2.name} in {second.result_text(r2)} "
                f"at {g2}.",
                difficulty=2,
                distractors=["False" if truth else "True"],
                params={"other": second.id},
            )


# ----------------------------------------------------------------------------------------------- the pool

# A game's pool comes from a seeded draw of this many events when more fit its options. A game asks 10 to 50
# questions and an event gives dozens (a place and a true-or-false per finisher, medals, splits, counts...), so 48
# events give thousands, of every kind and difficulty, from as many pages; and reading them stays about a third of
# a second of CPU on a whole Olympics (7,500 pages: decoding an event and building its questions takes ~5-8 ms, and
# every event of it took minutes). A server that has asked a draw's questions goes on to the next (`game_pool`).
POOL_EVENTS = 48
# A drawn event's cross-Games questions compare it with the other drawn Games of the same event and with at most
# this many more (the nearest in time), so that a draw does not decode the 100 m of every Games.
CROSS_GAMES_OTHERS = 2

EVENT_KINDS: tuple[Callable[[EventFacts], Iterator[Question]], ...] = (
    medal_questions,
    place_questions,
    athlete_place_questions,
    winning_result_questions,
    margin_questions,
    nation_questions,
    count_questions,
    split_questions,
    true_false_questions,
    record_questions,
)


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


@dataclass(frozen=True)
class _Neighbours:
    """What the questions of an event read of the others, from the infos alone: the venues of every Games and the
    events held at several Games (the same sport, event and gender), by group."""

    venues: dict[str, list[str]]
    groups: dict[tuple[str, str, str], list[str]]
    nations: list[str]

    @classmethod
    def of(cls, index: PodiumIndex) -> _Neighbours:
        venues: dict[str, dict[str, None]] = defaultdict(dict)  # one Games' venues, each once, in index order
        groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for eid, e in index.infos.items():
            if e.venue:
                venues[e.games][e.venue] = None
            groups[_event_group(e)].append(eid)
        return cls({g: list(vs) for g, vs in venues.items()}, groups, nation_order(index))


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
    around = _Neighbours.of(index)
    known: dict[str, EventFacts] = {}

    def facts_of(eid: str) -> EventFacts:
        if eid not in known:
            known[eid] = EventFacts(index, eid, around.nations)
        return known[eid]

    chosen = set(events)
    pool: dict[str, Question] = {}
    for eid in events:
        facts = facts_of(eid)
        for make in EVENT_KINDS:
            for question in make(facts):
                pool.setdefault(question.key, question)
        for question in venue_questions(facts, around.venues):
            pool.setdefault(question.key, question)
        for question in games_questions(facts, around.groups):
            pool.setdefault(question.key, question)
    for group in around.groups.values():
        if len(group) > 1 and not chosen.isdisjoint(group):
            for question in cross_games_questions(index, _compared(index, group, chosen, others), facts_of):
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
