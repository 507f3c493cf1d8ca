"""Medal tables, nations and Games overviews as plain answers (beside `answers.py`).

Counts come from each page's infobox medals (`EventInfo.medals`): one entry per medal awarded, so a team medal
counts once for its nation and two shared bronzes count for each. They say what they count: the events loaded.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pydantic import BaseModel, Field
from rapidfuzz import fuzz, process

from bot.errors import BadOption, NotFound, PodiumError
from bot.index import EventInfo, PodiumIndex
from bot.match.fuzzy import allowed_edits, edits
from bot.match.query import QueryGrammar
from bot.reference import Games, Reference
from bot.text import normalize

COUNTS = "in the events loaded"
MEDAL_KINDS = ("gold", "silver", "bronze")
TOP_ROWS = 10


class MedalRow(BaseModel):
    rank: int
    noc: str
    name: str
    gold: int
    silver: int
    bronze: int
    total: int
    tied: bool = False
    flag: str | None = None


class MedalTableAnswer(BaseModel):
    scope: str
    counts: str = COUNTS
    events: int
    rows: list[MedalRow]
    # Medals whose page names no nation for the winner: not in any row, but said.
    without_nation: int = 0


@dataclass(frozen=True)
class Scope:
    """Which events a table counts: a label and a test on an event's info."""

    label: str
    test: Callable[[EventInfo], bool]


# ---------------------------------------------------------------- ranking


def rank_rows(counts: dict[str, Counter[str]], ref: Reference) -> list[MedalRow]:
    """Gold, then silver, then bronze; rows equal on all three share a rank (1, 2, 2, 4), listed by code."""
    rows: list[MedalRow] = []
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1]["gold"], -kv[1]["silver"], -kv[1]["bronze"], kv[0]))
    previous: tuple[int, int, int] | None = None
    rank = 0
    for position, (noc, c) in enumerate(ordered, start=1):
        key = (c["gold"], c["silver"], c["bronze"])
        if key != previous:
            rank, previous = position, key
        nation = ref.nation(noc)
        rows.append(
            MedalRow(
                rank=rank, noc=noc, name=nation.name if nation else noc, gold=c["gold"], silver=c["silver"],
                bronze=c["bronze"], total=sum(key), flag=nation.flag if nation else None,
            )
        )  # fmt: skip
    for n, row in enumerate(rows):
        row.tied = any(other.rank == row.rank for m, other in enumerate(rows) if m != n)
    return rows


def count_medals(infos: Iterable[EventInfo]) -> tuple[dict[str, Counter[str]], int, int]:
    """Medals by nation over these events, the number of events and of medals without a nation."""
    tallies: dict[str, list[int]] = {}  # plain lists: a whole corpus is 20,000 medals, counted per question
    slot = {"gold": 0, "silver": 1, "bronze": 2}
    events = without = 0
    for info in infos:
        events += 1
        for medal, noc in info.medals:
            if noc:
                tally = tallies.get(noc)
                if tally is None:
                    tally = tallies[noc] = [0, 0, 0]
                tally[slot[medal]] += 1
            else:
                without += 1
    counts = {noc: Counter(gold=t[0], silver=t[1], bronze=t[2]) for noc, t in tallies.items()}
    return counts, events, without


def medal_table(index: PodiumIndex, scope: Scope) -> MedalTableAnswer:
    counts, events, without = count_medals(i for i in index.infos.values() if scope.test(i))
    return MedalTableAnswer(
        scope=scope.label, events=events, rows=rank_rows(counts, index.reference), without_nation=without
    )


# ---------------------------------------------------------------- scopes


def _games_label(ref: Reference, year: int, season: str | None) -> str:
    """`Barcelona 1992`; a year alone names every Games of that year (`Barcelona 1992 and Albertville 1992`)."""
    hosts = [g.host_city for g in ref.games if g.year == year and (not season or g.season == season)]
    return " and ".join(f"{h} {year}" for h in hosts) if hosts else str(year)


def read_scope(index: PodiumIndex, grammar: QueryGrammar, text: str) -> Scope:
    """`1992`, `Barcelona`, `LA 1932`, `cycling`, `winter`, `1992 cycling`, or nothing (everything loaded)."""
    q = grammar.parse(text)
    games = set(q.games or set())
    if q.years:
        games = {g for g in games if g[0] in q.years} if q.games is not None else {(y, "") for y in q.years}
        if q.games is not None and not games:
            raise BadOption(f"'{text}' names a host city and a year of different Games.")
    sports = {sport_of(index.reference, s) or s for s in q.sports}
    loaded = {normalize(i.sport): i.sport for i in index.infos.values() if i.sport}
    for word in q.words:
        # Words come stemmed (`athletics` -> `athletic`): the plural is tried too.
        sport = next(
            (found for w in (word, word + "s") if (found := sport_of(index.reference, w) or loaded.get(w))), None
        )
        if sport is None:
            raise BadOption(
                f"I cannot read '{word}' as Games (a year or host city), a sport or a season. "
                "Try `medals 1992`, `medals Barcelona`, `medals cycling` or `medals winter`."
            )
        sports.add(sport)
    folded_sports = {normalize(s) for s in sports}
    season = q.season

    def test(info: EventInfo) -> bool:
        if games and not any(info.year == y and (not s or info.season == s) for y, s in games):
            return False
        if season and info.season != season:
            return False
        return not folded_sports or normalize(info.sport or "") in folded_sports

    parts = []
    if games:
        # A year alone names the Games of that year whose events are counted (`1992 swimming`: Barcelona only).
        seasonless = {y for y, s in games if not s and not season}
        present = {(i.year, i.season) for i in index.infos.values() if i.year in seasonless and test(i)}
        named = sorted({(y, s or season or "") for y, s in games if y not in seasonless} | {
            (y, s or "") for y, s in present})  # fmt: skip
        named += [(y, "") for y in sorted(seasonless) if not any(n[0] == y for n in named)]
        parts.append(", ".join(_games_label(index.reference, y, s) for y, s in sorted(named)))
    if season and not games:
        parts.append(f"{season} Games")
    if sports:
        parts.append(", ".join(sorted(sports)))
    return Scope(" · ".join(parts) or "all Games loaded", test)


def sport_of(ref: Reference, text: str) -> str | None:
    """The sport a word or phrase names (`swim`, `track and field`), through `data/sports.csv`."""
    return ref.sports.get(normalize(text))


# ---------------------------------------------------------------- nations


def nation_code(index: PodiumIndex, text: str) -> str:
    """A NOC code for `ESP`, `esp`, `Spain`, `Soviet Union`, or a name with a typo; NotFound otherwise."""
    ref = index.reference
    raw = text.strip()
    if raw.upper() in ref.nations and len(raw) == 3:
        return raw.upper()
    code = ref.nation_code(raw)
    if code:
        return code
    names = {n.code: n.name for n in ref.nations.values()}
    folded = normalize(raw)
    # Typos as the matcher allows them (one edit for 4-5 letters, two from 6; a swap is one), one nation only.
    near = {
        c for c, n in names.items() if edits(folded, normalize(n), allowed_edits(folded.replace(" ", ""))) is not None
    }
    if len(near) == 1:
        return near.pop()
    best = process.extract(folded, {c: normalize(n) for c, n in names.items()}, scorer=fuzz.ratio, limit=3)
    raise NotFound("nation", raw, [names[str(b[2])] for b in best if b[1] >= 60])


class GamesMedals(BaseModel):
    games: str
    gold: int
    silver: int
    bronze: int
    total: int


class SportMedals(BaseModel):
    sport: str
    gold: int
    silver: int
    bronze: int
    total: int


class Medallist(BaseModel):
    name: str
    gold: int
    silver: int
    bronze: int
    total: int
    sports: list[str]


class NationAnswer(BaseModel):
    noc: str
    name: str
    flag: str | None
    historical: bool
    counts: str = COUNTS
    events_entered: int
    medals: dict[str, int]
    by_games: list[GamesMedals]
    by_sport: list[SportMedals]
    medallists: list[Medallist]
    # Its best places in events without a medal for it (when it won none, its best results are these).
    best: list[str] = Field(default_factory=list)


def _tally(counter: Counter[str]) -> tuple[int, int, int, int]:
    g, s, b = (counter[m] for m in MEDAL_KINDS)
    return g, s, b, g + s + b


def nation_answer(index: PodiumIndex, query: str, best_limit: int = 10) -> NationAnswer:
    code = nation_code(index, query)
    nation = index.reference.nation(code)
    games: dict[tuple[int, str], Counter[str]] = {}
    sports: dict[str, Counter[str]] = {}
    entered = []
    total: Counter[str] = Counter()
    for info in index.infos.values():
        won = [m.medal for m in info.medals if m.noc == code]
        if won or code in info.row_nations:
            entered.append(info)
        for medal in won:
            total[medal] += 1
            games.setdefault((info.year or 0, info.games), Counter())[medal] += 1
            sports.setdefault(info.sport or "unknown", Counter())[medal] += 1
    if not entered:
        name = nation.name if nation else code
        raise PodiumError(f"No event loaded names {name} ({code}): I know only the results in my pages.")
    by_games = [GamesMedals(games=label, **dict(zip(("gold", "silver", "bronze", "total"), _tally(c), strict=True)))
                for (_, label), c in sorted(games.items())]  # fmt: skip
    by_sport = [
        SportMedals(sport=s, **dict(zip(("gold", "silver", "bronze", "total"), _tally(c), strict=True)))
        for s, c in sorted(sports.items(), key=lambda kv: (-kv[1]["gold"], -kv[1]["silver"], -kv[1]["bronze"]))
    ]
    return NationAnswer(
        noc=code, name=nation.name if nation else code, flag=nation.flag if nation else None,
        historical=nation.historical if nation else False, events_entered=len(entered),
        medals={m: total[m] for m in MEDAL_KINDS}, by_games=by_games, by_sport=by_sport,
        medallists=_medallists(index, code),
        best=[] if sum(total.values()) else _best_places(index, code, entered, best_limit),
    )  # fmt: skip


def _medallists(index: PodiumIndex, code: str, limit: int = 25) -> list[Medallist]:
    """The athletes who won medals for this nation (members of teams each), most decorated first."""
    table = index.athletes
    try:
        nation = table.nations.index(code)
    except ValueError:
        return []
    found: dict[int, Counter[str]] = {}
    kinds = (None, "gold", "silver", "bronze")
    for k, (medal, noc) in enumerate(zip(table.app_medal, table.app_nation, strict=True)):
        if medal and noc == nation:
            person = bisect_right(table.starts, k) - 1
            event = table.app_event[k]
            # One medal per event, whatever the rounds: keyed by event.
            found.setdefault(person, Counter())[f"{kinds[medal]}:{event}"] = 1
    rows = []
    for person, won in found.items():
        c = Counter(key.split(":")[0] for key in won)
        g, s, b, t = _tally(c)
        rows.append(Medallist(name=table.names[person], gold=g, silver=s, bronze=b, total=t,
                              sports=[table.sports[person]]))  # fmt: skip
    rows.sort(key=lambda r: (-r.gold, -r.silver, -r.bronze, r.name))
    return rows[:limit]


def _best_places(index: PodiumIndex, code: str, entered: list[EventInfo], limit: int) -> list[str]:
    places: list[tuple[int, str]] = []
    for info in entered[:200]:  # bounded work: a nation without medals entered few events
        final = index.events[info.id].final_round()
        for row in final.results if final else []:
            if row.nation == code and row.rank is not None:
                who = row.name
                places.append((row.rank, f"{_ordinal(row.rank)}: {who}, {info.title} ({row.result or '—'})"))
    places.sort()
    return [text for _, text in places[:limit]]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# ---------------------------------------------------------------- Games


class RecordSet(BaseModel):
    note: str
    name: str
    nation: str | None
    result: str | None
    event: str
    round: str | None


class GamesAnswer(BaseModel):
    games: str
    year: int
    season: str
    host_city: str | None
    host_country: str | None
    counts: str = COUNTS
    events: int
    sports: list[str]
    event_titles: list[str]
    medals: MedalTableAnswer
    records: list[RecordSet]


def find_games(index: PodiumIndex, grammar: QueryGrammar, text: str) -> list[tuple[int, str]]:
    """The loaded Games a query names (`1992`, `Barcelona`, `LA 1932`, `1994 winter`)."""
    q = grammar.parse(text)
    loaded = sorted({(i.year, i.season) for i in index.infos.values() if i.year and i.season}, reverse=True)
    hits = [
        g
        for g in loaded
        if (not q.years or g[0] in q.years)
        and (q.games is None or g in q.games)
        and (q.season is None or g[1] == q.season)
    ]
    if q.words or not (q.years or q.games is not None or q.season):
        hits = []
    return hits


def games_answer(index: PodiumIndex, grammar: QueryGrammar, text: str) -> GamesAnswer:
    hits = find_games(index, grammar, text)
    if not hits:
        loaded = sorted({i.games for i in index.infos.values() if i.year})
        raise NotFound("Games", text, loaded[-5:])
    year, season = hits[0]
    if len(hits) > 1:
        raise BadOption(f"'{text}' fits several Games loaded: " + ", ".join(f"{y} {s}" for y, s in hits) + ".")
    host: Games | None = next((g for g in index.reference.games if g.year == year and g.season == season), None)
    infos = [i for i in index.infos.values() if i.year == year and i.season == season]
    label = f"{host.host_city} {year}" if host else f"{year} {season}"
    table = medal_table(index, Scope(label, lambda i: i.year == year and i.season == season))
    table.rows = table.rows[:TOP_ROWS]
    records: list[RecordSet] = []
    for info in infos:
        event = index.events[info.id]
        for rnd in event.rounds:
            for row in rnd.results:
                for note in row.notes:
                    if note.upper() in ("WR", "OR", "=WR", "=OR", "WB", "OB"):
                        records.append(RecordSet(note=note, name=row.name, nation=row.nation, result=row.result,
                                                 event=info.title, round=rnd.name))  # fmt: skip
    return GamesAnswer(
        games=f"{year} {season}", year=year, season=season, host_city=host.host_city if host else None,
        host_country=host.host_country if host else None, events=len(infos),
        sports=sorted({i.sport for i in infos if i.sport}), event_titles=sorted(i.title for i in infos),
        medals=table, records=records,
    )  # fmt: skip
