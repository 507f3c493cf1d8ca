"""The index over parsed events: events by id, athletes with every appearance, nations and medal counts.

Kept compact, because a whole Olympics is 7,500 pages and 400,000 result rows: each event is held as a compressed
pickle and decoded when asked for (the last few stay decoded), with an `EventInfo` beside it for what lists and
matchers need; athletes are columns (names, sports, and flat arrays of appearances), and an `Athlete` is made
when one is asked for. As pydantic models, the same data took about three times the memory.
"""

from __future__ import annotations

import pickle
import threading
import zlib
from array import array
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import NamedTuple
from urllib.parse import quote

from bot.models import Event, LoadResult, Medal, Problem, ResultRow
from bot.performance import Unit
from bot.reference import Reference
from bot.text import normalize, slug

# The round number of an appearance known from the infobox alone (a medallist the table does not list): its row
# number is the medal's place in `Event.medals`.
INFOBOX_ROUND = 0xFFFF
KEEP_DECODED = 64  # events kept decoded: an answer touches a handful, a quiz round a few dozen
_MEDALS: tuple[Medal | None, ...] = (None, "gold", "silver", "bronze")
_MEDAL_CODE = {m: n for n, m in enumerate(_MEDALS)}


def encode_event(event: Event) -> bytes:
    return zlib.compress(pickle.dumps(event, protocol=5), 1)


def decode_event(blob: bytes) -> Event:
    event = pickle.loads(zlib.decompress(blob))
    assert isinstance(event, Event)
    return event


class EventStore(Mapping[str, Event]):
    """Events by id, decoded from their compressed form on demand; the most recently used stay decoded.

    A decoded event is shared by every caller until it leaves the cache: treat it as read-only.
    """

    def __init__(self, blobs: dict[str, bytes], keep: int = KEEP_DECODED) -> None:
        self.blobs = blobs
        self._keep = keep
        self._decoded: OrderedDict[str, Event] = OrderedDict()
        self._lock = threading.Lock()  # answers may be computed in worker threads (charts)

    def __getitem__(self, event_id: str) -> Event:
        with self._lock:
            found = self._decoded.get(event_id)
            if found is not None:
                self._decoded.move_to_end(event_id)
                return found
        event = decode_event(self.blobs[event_id])  # KeyError for an unknown id, as a dict
        with self._lock:
            self._decoded[event_id] = event
            while len(self._decoded) > self._keep:
                self._decoded.popitem(last=False)
        return event

    def __contains__(self, event_id: object) -> bool:
        return event_id in self.blobs

    def __iter__(self) -> Iterator[str]:
        return iter(self.blobs)

    def __len__(self) -> int:
        return len(self.blobs)

    def __getstate__(self) -> dict[str, object]:
        return {"blobs": self.blobs, "keep": self._keep}

    def __setstate__(self, state: dict[str, object]) -> None:
        blobs, keep = state["blobs"], state["keep"]
        assert isinstance(blobs, dict) and isinstance(keep, int)
        self.__init__(blobs, keep)  # type: ignore[misc]


class MedalNoc(NamedTuple):
    medal: Medal
    noc: str | None


@dataclass(frozen=True, slots=True)
class EventInfo:
    """What lists, summaries and the matcher need of an event, without its rows."""

    id: str
    file: str
    title: str
    sport: str | None
    event: str | None
    gender: str | None
    year: int | None
    season: str | None
    team: bool
    venue: str | None
    date: str | None
    competitors: int | None
    nations: int | None
    medals: tuple[MedalNoc, ...]  # the infobox's medals, by nation
    rounds: tuple[str | None, ...]  # round names, in page order
    rows: int
    row_nations: tuple[str, ...]  # the nations written in its rows, sorted

    @property
    def games(self) -> str:
        if self.year is None:
            return "unknown Games"
        return f"{self.year} {self.season or ''}".strip()

    @property
    def source_url(self) -> str:
        return "https://en.wikipedia.org/wiki/" + quote(self.title.replace(" ", "_"), safe="_(),'-")


@dataclass(frozen=True, slots=True)
class Appearance:
    """One row naming an athlete: where it is, and what the index knows of it without decoding the event."""

    event_id: str
    round: str | None
    round_index: int
    row_index: int
    medal: Medal | None
    nation: str | None
    events: EventStore = field(compare=False, repr=False)
    person: str = ""  # the athlete's name as written here

    @property
    def from_infobox(self) -> bool:
        """A medal the infobox gives and no table row lists: the medal, no result."""
        return self.round_index == INFOBOX_ROUND

    @property
    def row(self) -> ResultRow:
        if self.from_infobox:
            medal = self.events[self.event_id].medals[self.row_index]
            return ResultRow(
                line=0, rank=None, name=self.person, name_source="infobox", nation=medal.noc,
                nation_source="infobox", medal=medal.medal, status="unknown",
            )  # fmt: skip
        return self.events[self.event_id].rounds[self.round_index].results[self.row_index]


@dataclass(frozen=True, slots=True)
class Athlete:
    id: str
    name: str
    sport: str
    appearances: tuple[Appearance, ...]

    @property
    def nations(self) -> list[str]:
        return sorted({a.nation for a in self.appearances if a.nation})

    def medal_count(self) -> Counter[str]:
        # One medal per event, whatever number of rounds the athlete rode in it.
        seen: dict[str, str] = {}
        for app in self.appearances:
            if app.medal:
                seen[app.event_id] = app.medal
        return Counter(seen.values())


@dataclass(frozen=True, slots=True)
class People:
    """The competitors a page names, as columns: one entry per person per row (a team row names its members).
    Columns, because they cross from a worker process and go in and out of the cache: 400,000 small objects
    took seconds to unpickle."""

    keys: tuple[str, ...]  # athlete ids
    names: tuple[str, ...]
    rounds: array[int]
    rows: array[int]
    medals: bytes  # 0 none, 1 gold, 2 silver, 3 bronze
    nations: tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class PageDigest:
    """A parsed page as the index takes it in: the encoded event, its info (id still unset) and the people it
    names. Made where the page is parsed (a worker process at a cold start), so little is left for the index."""

    blob: bytes
    info: EventInfo
    people: People


def digest(event: Event) -> PageDigest:
    keys: list[str] = []
    names: list[str] = []
    rounds, rows_at, medals = array("H"), array("I"), bytearray()
    nations: list[str | None] = []
    codes: dict[str, str] = {}  # one string per nation code, so the pickle writes it once
    sport = slug(event.sport or "unknown")
    rows = 0
    for r, rnd in enumerate(event.rounds):
        rows += len(rnd.results)
        for n, row in enumerate(rnd.results):
            nation = codes.setdefault(row.nation, row.nation) if row.nation else None
            # A team row stands for its members; an individual row for the athlete it names.
            for person in row.members if row.members else ([] if event.team else [row.name]):
                folded = normalize(person)
                if folded:
                    # The same normalized name within a sport is taken as one person across Games.
                    keys.append(_key(sport, folded))
                    names.append(person)
                    rounds.append(r)
                    rows_at.append(n)
                    medals.append(_MEDAL_CODE[row.medal])
                    nations.append(nation)
    # Medallists the infobox names and no row lists (the table was cut, or the names were flags) are athletes too.
    listed = set(keys)
    for m, medal in enumerate(event.medals):
        if medal.source != "infobox":
            continue
        # A team's medal names its members (its `name` is the team or nation, not a person).
        named = medal.name and not event.team and not medal.names_nation
        for person in medal.members or ([medal.name] if named else []):
            key = _key(sport, normalize(person))
            if normalize(person) and key not in listed:
                listed.add(key)
                keys.append(key)
                names.append(person)
                rounds.append(INFOBOX_ROUND)
                rows_at.append(m)
                medals.append(_MEDAL_CODE[medal.medal])
                nations.append(codes.setdefault(medal.noc, medal.noc) if medal.noc else None)
    info = EventInfo(
        id="", file=event.file, title=event.title, sport=event.sport, event=event.event, gender=event.gender,
        year=event.year, season=event.season, team=event.team, venue=event.venue, date=event.date,
        competitors=event.competitors, nations=event.nations,
        medals=tuple(MedalNoc(m.medal, m.noc) for m in event.medals),
        rounds=tuple(rnd.name for rnd in event.rounds), rows=rows, row_nations=tuple(sorted(codes)),
    )  # fmt: skip
    people = People(tuple(keys), tuple(names), rounds, rows_at, bytes(medals), tuple(nations))
    return PageDigest(blob=encode_event(event), info=info, people=people)


class AthleteTable(Mapping[str, Athlete]):
    """Athletes by id, kept as columns; an `Athlete` is made when one is asked for.

    Athlete `i` has the appearances `starts[i]:starts[i + 1]` of the flat appearance arrays, in the order answers
    list them (medals first, then newest).
    """

    def __init__(
        self,
        ids: list[str],
        names: list[str],
        sports: list[str],
        starts: array[int],
        app_event: array[int],
        app_round: array[int],
        app_row: array[int],
        app_medal: array[int],
        app_nation: array[int],
        event_ids: list[str],
        nations: list[str | None],
        infos: dict[str, EventInfo],
        events: EventStore,
    ) -> None:
        self.ids = ids
        self.names = names
        self.sports = sports
        self.starts = starts
        self.app_event = app_event
        self.app_round = app_round
        self.app_row = app_row
        self.app_medal = app_medal
        self.app_nation = app_nation
        self.event_ids = event_ids
        self.nations = nations
        self._infos = infos
        self._events = events
        self.position = {aid: n for n, aid in enumerate(ids)}

    def __getitem__(self, athlete_id: str) -> Athlete:
        return self.at(self.position[athlete_id])

    def __contains__(self, athlete_id: object) -> bool:
        return athlete_id in self.position

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def at(self, n: int) -> Athlete:
        apps: list[Appearance] = []
        for k in range(self.starts[n], self.starts[n + 1]):
            eid = self.event_ids[self.app_event[k]]
            r = self.app_round[k]
            apps.append(
                Appearance(
                    event_id=eid,
                    round="medal (infobox)" if r == INFOBOX_ROUND else self._infos[eid].rounds[r],
                    round_index=r,
                    row_index=self.app_row[k],
                    medal=_MEDALS[self.app_medal[k]],
                    nation=self.nations[self.app_nation[k]],
                    events=self._events,
                    person=self.names[n],
                )
            )
        return Athlete(id=self.ids[n], name=self.names[n], sport=self.sports[n], appearances=tuple(apps))

    def __getstate__(self) -> dict[str, object]:
        state = {name: getattr(self, name) for name in _TABLE_FIELDS}
        state["infos"], state["events"] = self._infos, self._events
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(**state)  # type: ignore[misc]


_TABLE_FIELDS = (
    "ids", "names", "sports", "starts", "app_event", "app_round", "app_row", "app_medal", "app_nation", "event_ids",
    "nations",
)  # fmt: skip


@dataclass
class PodiumIndex:
    """Everything the answers need, built once from a load."""

    reference: Reference
    events: EventStore
    infos: dict[str, EventInfo]
    athletes: AthleteTable
    problems: list[Problem]

    def event(self, event_id: str) -> Event:
        return self.events[event_id]

    def athlete(self, athlete_id: str) -> Athlete:
        return self.athletes[athlete_id]

    def medal_table(self) -> dict[str, Counter[str]]:
        table: dict[str, Counter[str]] = defaultdict(Counter)
        for info in self.infos.values():
            for medal in info.medals:
                if medal.noc:
                    table[medal.noc][medal.medal] += 1
        return dict(table)

    def event_unit(self, event: Event) -> Unit | None:
        final = event.final_round()
        units = [r.unit for r in (final.results if final else []) if r.unit]
        return units[0] if units else None


def athlete_key(sport: str | None, name: str) -> str:
    return _key(slug(sport or "unknown"), normalize(name))


def _key(sport_slug: str, normalized_name: str) -> str:
    return f"{sport_slug}/{normalized_name.replace(' ', '-')}"


def event_id(file: str) -> str:
    return slug(file.rsplit(".", 1)[0])[:60]


def assemble(pages: Iterable[PageDigest], problems: list[Problem], reference: Reference) -> PodiumIndex:
    """The index of parsed pages (in load order)."""
    blobs: dict[str, bytes] = {}
    infos: dict[str, EventInfo] = {}
    strings: dict[str, str] = {}
    event_ids: list[str] = []
    nation_code: dict[str | None, int] = {None: 0}
    position: dict[str, int] = {}
    names: list[str] = []
    sports: list[str] = []
    # Per athlete, its appearances as (medal order, -year, event id, event number, round, row, medal, nation),
    # sorted by the first three.
    found: list[list[tuple[int, int, str, int, int, int, int, int]]] = []
    for page in pages:
        eid = event_id(page.info.file)
        while eid in blobs:  # two files that slug alike stay two events
            eid += "-2"
        number = len(event_ids)
        event_ids.append(eid)
        blobs[eid] = page.blob
        # Equal strings from many pages become one (codes, sports, round names): the infos stay small.
        info = page.info
        infos[eid] = replace(
            info, id=eid, sport=_shared(strings, info.sport), season=_shared(strings, info.season),
            gender=_shared(strings, info.gender), rounds=tuple(_shared(strings, r) for r in info.rounds),
            row_nations=tuple(_shared(strings, c) or "" for c in info.row_nations),
            medals=tuple(MedalNoc(m.medal, _shared(strings, m.noc)) for m in info.medals),
        )  # fmt: skip
        sport = infos[eid].sport or "unknown"
        minus_year = -(page.info.year or 0)
        people = page.people
        for key, name, r, row, medal, nation in zip(
            people.keys, people.names, people.rounds, people.rows, people.medals, people.nations, strict=True
        ):
            n = position.get(key)
            if n is None:
                n = position[key] = len(names)
                names.append(name)
                sports.append(sport)
                found.append([])
            code = nation_code.get(nation)
            if code is None:
                code = nation_code[nation] = len(nation_code)
            found[n].append((medal or 9, minus_year, eid, number, r, row, medal, code))
    starts = array("I", [0])
    columns = [array("I"), array("H"), array("I"), array("B"), array("H")]
    app_event, app_round, app_row, app_medal, app_nation = columns
    for apps in found:
        if len(apps) > 1:
            apps.sort(key=lambda a: (a[0], a[1], a[2]))  # stable: page order breaks the rest of a tie
        for app in apps:
            app_event.append(app[3])
            app_round.append(app[4])
            app_row.append(app[5])
            app_medal.append(app[6])
            app_nation.append(app[7])
        starts.append(len(app_event))
    store = EventStore(blobs)
    nations = [code for code, _ in sorted(nation_code.items(), key=lambda kv: kv[1])]
    athletes = AthleteTable(
        list(position), names, sports, starts, app_event, app_round, app_row, app_medal, app_nation,
        event_ids, nations, infos, store,
    )  # fmt: skip
    return PodiumIndex(reference=reference, events=store, infos=infos, athletes=athletes, problems=list(problems))


def _shared(strings: dict[str, str], text: str | None) -> str | None:
    return None if text is None else strings.setdefault(text, text)


def build_index(load: LoadResult, reference: Reference) -> PodiumIndex:
    return assemble((digest(event) for event in load.events), list(load.problems), reference)
