"""What one event settles, computed once (`EventFacts`), and the pieces every kind builds its questions from: the
question itself with the event's fields, its key, and wrong answers (other finishers, nearby values, nations).

Never ask what the data does not settle: a tie for a place accepts every tied name; a nation is asked only where
the page gives it; rows listed without a result (status unknown) are never asked about nor used as a wrong answer
to a place; a value the parser corrected is asked only as corrected; a name that appears twice in an event, or a
split where a finisher has none, is left alone.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice

from bot.index import EventInfo, PodiumIndex
from bot.models import Event, Medal, ResultRow, Round
from bot.performance import Unit
from bot.quiz.model import Param, Question
from bot.quiz.names import EITHER_ORDER_NOCS, FAMILY_FIRST_NOCS
from bot.quiz.wording import event_label, rounded, value_text
from bot.text import normalize, slug

# Nations that win the most Olympic medals: plausible wrong answers when an event's own medalists run short.
COMMON_NATIONS = ("USA", "GBR", "FRA", "GER", "ITA", "AUS", "CHN", "JPN", "NED", "CAN", "HUN", "SWE", "URS", "KOR")


MEDAL_AT: dict[int, Medal] = {1: "gold", 2: "silver", 3: "bronze"}


# The wrong answers a question keeps, the most plausible first: a multiple choice draws its options from the six
# most plausible that the matcher takes as wrong, so a dozen leaves room for ones it would half-accept, while a
# question stays small however many finished (listing every other finisher made an event's questions quadratic).
DISTRACTORS = 12


# Places beyond this are not asked as places (nor in true-or-false duels): "81st or 79th?" is unknowable.
MAX_PLACE = 12


def better_than(unit: Unit | None) -> Callable[[float, float], bool]:
    """Is a better than b? Times are better lower, marks and points higher."""
    if unit == "s":
        return lambda a, b: a < b
    return lambda a, b: a > b


class EventFacts:
    """What one event settles, computed once: its final round, ranked finishers, names that are unique in it."""

    def __init__(self, index: PodiumIndex, event_id: str, nation_order: Sequence[str] | None = None) -> None:
        self.index = index
        self.id = event_id
        self.event = index.events[event_id]
        self.label = event_label(self.event)
        self.source_url = self.event.source_url
        # Nations by medals won in the whole index (see `other_nations`): computed once for a pool, not per event.
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
        medal = MEDAL_AT.get(rank)
        return medal is None or self.medalists(medal) is not None

    def at_rank(self, rank: int) -> list[ResultRow]:
        return list(self._at.get(rank, ()))

    def near(self, rank: float) -> Iterator[ResultRow]:
        """Finishers nearest a place first; of two places as near, the better; in one place, by line. The order of
        sorting them by (distance, place, line), walked outwards from the place so that taking a few is cheap."""
        for place in nearest(self.places, rank):
            yield from sorted(self._at[place], key=lambda r: r.line)

    def medalists(self, medal: Medal) -> list[str] | None:
        """The medal's holders when the results rows and the infobox agree (or only one of them speaks)."""
        from_rows = [r.name for r in self.rows if r.medal == medal]
        from_box = [m.name for m in self.event.medals if m.medal == medal]
        if any(not normalize(n) for n in [*from_rows, *from_box]):
            return None  # a medallist without a name: the page does not say who
        if self.rows and any(self.row_of(n) is None for n in from_rows or from_box):
            return None  # a medallist who is not one row of the final (another spelling, a row missing)
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


def make_question(facts: EventFacts, **fields: object) -> Question:
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


def question_key(kind: str, *parts: Param) -> str:
    return ":".join([kind, *(slug(str(p)) if isinstance(p, str) else str(p) for p in parts)])


def distinct(items: Iterable[str], exclude: Sequence[str] = (), limit: int | None = None) -> list[str]:
    return list(islice(distinct_iter(items, exclude), limit))


def distinct_iter(items: Iterable[str], exclude: Sequence[str] = ()) -> Iterator[str]:
    """The items with a name, each name once (as normalized), none of `exclude`; lazily, to stop at a few."""
    seen = {normalize(e) for e in exclude}
    for item in items:
        key = normalize(item)
        if key and key not in seen:
            seen.add(key)
            yield item


def nearest(values: Sequence[int], centre: float) -> Iterator[int]:
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


def name_distractors(facts: EventFacts, rank: float, accepted: Sequence[str]) -> list[str]:
    """Other finishers of the event, nearest place first: plausible, and settled as wrong."""
    return distinct((r.name for r in facts.near(rank)), exclude=accepted, limit=DISTRACTORS)


def value_distractors(value: float, unit: Unit | None, precision: int, real: Sequence[float]) -> list[str]:
    """Nearby values: other real results first, then values a little off either side."""
    step = max(10.0**-precision, abs(value) * 0.012)
    synthetic = [value + k * step for k in (1, -1, 2, -2, 3, -3, 5, -5)]
    out: list[str] = []
    seen = {rounded(value, precision)}
    for candidate in [*real, *synthetic]:
        if candidate <= 0:
            continue
        key = rounded(candidate, precision)
        if key in seen:
            continue
        seen.add(key)
        out.append(value_text(key, unit, precision))
    return out


def count_distractors(value: int) -> list[str]:
    out: list[str] = []
    spread = max(2, round(value * 0.15))
    for k in (1, -1, 2, -2, 3, -3, 4):
        candidate = value + k * spread
        if candidate > 0 and str(candidate) not in out:
            out.append(str(candidate))
    return out


def other_nations(facts: EventFacts, exclude: Sequence[str]) -> Iterator[str]:
    """Nations of the event's other medalists, then of medalists elsewhere in the index, then common ones."""
    found: list[str] = [m.noc for m in facts.event.medals if m.noc]
    found += facts.nation_order if facts.nation_order is not None else nation_order(facts.index)
    found += list(COMMON_NATIONS)
    seen = set(exclude)
    for noc in found:
        if noc not in seen:
            seen.add(noc)
            yield noc


def nation_names(facts: EventFacts, exclude: Sequence[str]) -> list[str]:
    """The names of the first `DISTRACTORS` other nations the reference knows."""
    nations = facts.index.reference.nations
    return list(islice((nations[n].name for n in other_nations(facts, exclude) if n in nations), DISTRACTORS))


def nation_order(index: PodiumIndex) -> list[str]:
    """Nations by medals won in the index, most first (from the infos: no event is decoded)."""
    table = index.medal_table()
    return sorted(table, key=lambda n: (-sum(table[n].values()), n))


def event_group(event: Event | EventInfo) -> tuple[str, str, str]:
    return (normalize(event.sport or ""), normalize(event.event or ""), event.gender or "")
