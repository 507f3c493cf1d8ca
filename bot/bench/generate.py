"""A generated corpus of results pages in the bundled pages' format, deterministic by seed.

Variety on purpose: names from many nations with their accents, family-name-first names, shared surnames and
shared full names, athletes across several Games, ties (`=4` and rowspan-shifted rows), DNF/DNS/DSQ, groups
without a result, heats, semifinals and finals, qualification groups, runs, final standings and team rosters.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from anyascii import anyascii

from bot.bench.catalog import GENDER_WORD, Template, templates
from bot.bench.names import NameFactory
from bot.reference import Reference, load_reference
from bot.text import normalize, slug

LAST_REAL_YEAR = 2024
_CAREER = ((1, 0.45), (2, 0.28), (3, 0.17), (4, 0.1))
RETURNING = 0.9  # at most this share of a field is people already active at these Games
FIELD_SCALE = 1.5


@dataclass(frozen=True)
class GamesSlot:
    year: int
    season: str
    host: str | None


@dataclass
class Person:
    name: str
    noc: str


@dataclass
class Entry:
    """One competitor of a page: an athlete, or a nation with its members."""

    name: str
    noc: str
    members: list[Person] = field(default_factory=list)


@dataclass
class PageSpec:
    games: GamesSlot
    games_index: int  # position among the Games of its season
    template: Template
    gender: str


@dataclass
class Corpus:
    pages: int = 0
    rows: int = 0
    athletes: int = 0
    files: list[str] = field(default_factory=list)


def _games(ref: Reference) -> dict[str, list[GamesSlot]]:
    out: dict[str, list[GamesSlot]] = {"Summer": [], "Winter": []}
    for g in sorted(ref.games, key=lambda g: g.year):
        if g.year <= LAST_REAL_YEAR:
            out[g.season].append(GamesSlot(g.year, g.season, g.host_city))
    return out


def _since(template: Template, gender: str) -> int:
    if gender == "w":
        return max(template.since, 1928 if template.season == "Summer" else 1936)
    return template.since


def plan(count: int, seed: int, ref: Reference) -> list[PageSpec]:
    """Which (Games, event, gender) pages make a corpus of `count` pages, in chronological order."""
    rng = random.Random(seed)
    games = _games(ref)
    specs: list[PageSpec] = []
    catalog = templates()
    while True:
        specs = []
        for season, slots in games.items():
            for i, slot in enumerate(slots):
                for t in catalog:
                    if t.season != season:
                        continue
                    specs.extend(PageSpec(slot, i, t, g) for g in t.genders if _since(t, g) <= slot.year)
        if len(specs) >= count:
            break
        # More pages than Olympic history holds: Games to come, every four years.
        for season, slots in games.items():
            last = slots[-1].year
            slots.append(GamesSlot(last + 4, season, None))
    rng.shuffle(specs)
    chosen = specs[:count]
    chosen.sort(key=lambda s: (s.games.year, s.games.season, s.template.sport, s.template.event, s.gender))
    return chosen


class Generator:
    def __init__(self, seed: int, ref: Reference | None = None) -> None:
        self.seed = seed
        self.rng = random.Random(seed + 1)
        self.ref = ref or load_reference()
        self.names = NameFactory(seed + 2)
        # (sport, gender, season) -> games index -> people active at those Games
        self.active: dict[tuple[str, str, str], dict[int, list[Person]]] = {}
        self.used_names: list[tuple[str, str]] = []  # (sport, name) for shared full names across sports
        self.keys: set[tuple[str, str]] = set()  # (sport, normalized name): the athletes the index will hold

    # --- people -----------------------------------------------------------------------------------------------
    def _career(self) -> int:
        roll, total = self.rng.random(), 0.0
        for length, p in _CAREER:
            total += p
            if roll < total:
                return length
        return 1

    def _new_person(self, sport: str, gender: str, season: str, index: int, noc: str | None = None) -> Person:
        rng = self.rng
        noc = noc or self.names.nation()
        if self.used_names and rng.random() < 0.01:
            # A shared full name: someone of another sport already bears it.
            other_sport, name = rng.choice(self.used_names)
            if other_sport == sport:
                name = self.names.name(noc, gender)
        else:
            name = self.names.name(noc, gender)
        person = Person(name, noc)
        if len(self.used_names) < 50_000 or rng.random() < 0.1:
            self.used_names.append((sport, name))
        pools = self.active.setdefault((sport, gender, season), {})
        for k in range(index + 1, index + self._career()):
            pools.setdefault(k, []).append(person)
        return person

    def _people(
        self, spec: PageSpec, count: int, noc: str | None = None, taken: set[int] | None = None
    ) -> list[Person]:
        t, g = spec.template, spec.gender
        key = (t.sport, g, t.season)
        pool = self.active.setdefault(key, {}).setdefault(spec.games_index, [])
        taken = taken if taken is not None else set()
        rng = self.rng
        out: list[Person] = []
        returning = [p for p in pool if id(p) not in taken and (noc is None or p.noc == noc)]
        rng.shuffle(returning)
        for person in returning[: int(count * RETURNING)]:
            out.append(person)
            taken.add(id(person))
        while len(out) < count:
            person = self._new_person(t.sport, g, t.season, spec.games_index, noc)
            pool.append(person)
            out.append(person)
            taken.add(id(person))
        rng.shuffle(out)
        return out

    def _entries(self, spec: PageSpec) -> list[Entry]:
        t = spec.template
        lo, hi = t.field
        count = max(2, round(self.rng.randint(lo, hi) * FIELD_SCALE))
        if t.team:
            nocs: list[str] = []
            while len(nocs) < count:
                noc = self.names.nation()
                if noc not in nocs or len(nocs) >= len(self.names.nocs):
                    nocs.append(noc)
            taken: set[int] = set()
            entries = []
            for noc in nocs:
                members = self._people(spec, t.team, noc, taken)
                nation = self.ref.nation(noc)
                entries.append(Entry(nation.name if nation else noc, noc, members))
            return entries
        return [Entry(p.name, p.noc, [p]) for p in self._people(spec, count)]

    # --- values -----------------------------------------------------------------------------------------------
    def _values(self, t: Template, year: int, count: int) -> list[float]:
        rng = self.rng
        era = 1 + max(0, LAST_REAL_YEAR - year) * 0.0012
        values: list[float] = []
        current = t.base * (era if t.kind == "time" else 1 / era) * rng.uniform(0.995, 1.01)
        for _ in range(count):
            values.append(current)
            step = rng.uniform(0.0005, 0.012)
            if rng.random() < 0.04:
                step = 0.0  # a tie
            current = current * (1 + step) if t.kind == "time" else current * (1 - step)
        return values

    def _fmt(self, t: Template, value: float, year: int) -> str:
        if t.kind == "time":
            decimals = 1 if year < 1972 else 2 if value < 3600 else 0
            if value >= 3600:
                hours, rest = divmod(round(value), 3600)
                minutes, secs = divmod(rest, 60)
                return f"{hours}:{minutes:02d}:{secs:02d}"
            if value >= 60:
                whole, seconds = divmod(value, 60)
                width = 3 + decimals if decimals else 2
                return f"{int(whole)}:{seconds:0{width}.{decimals}f}"
            return f"{value:.{decimals}f}"
        if t.kind == "mark":
            return f"{value:.2f}"
        if t.base < 200:
            return f"{value:.3f}" if t.sport in ("Gymnastics",) else f"{value:.2f}"
        return str(round(value))

    # --- pages ------------------------------------------------------------------------------------------------
    def title(self, spec: PageSpec) -> tuple[str, str]:
        t = spec.template
        word = GENDER_WORD[spec.gender]
        event = t.event if not word else f"{word} {t.event}"
        event = event[:1].upper() + event[1:]
        return f"{t.sport} at the {spec.games.year} {spec.games.season} Olympics – {event}", event

    def page(self, spec: PageSpec) -> tuple[str, int]:
        """The page text and its number of result rows."""
        rng = self.rng
        t = spec.template
        year = spec.games.year
        title, event = self.title(spec)
        entries = self._entries(spec)
        nation_mode = rng.choices(["code", "name", "empty"], [0.55, 0.15, 0.3])[0]
        table = _Table(self, t, year, nation_mode)
        sections: list[str] = []
        if t.style == "heats":
            final = table.heats(entries, sections)
        elif t.style == "groups":
            final = table.groups(entries, sections)
        elif t.style == "runs":
            final = table.runs(entries, sections)
        elif t.style in ("standings", "roster"):
            final = table.standings(entries, sections)
        else:
            final = table.single(entries, sections)
        lines = [f"= {title} =", "", "Infobox", f"- Event: {t.sport} - {event}", f"- Games: {year} {spec.games.season}"]
        if spec.games.host:
            lines.append(f"- Venue: {rng.choice(['Olympic Stadium', 'Olympic Park', 'Main venue'])}, {spec.games.host}")
        lines.append(f"- Competitors: {sum(max(1, len(e.members)) for e in entries)}")
        lines.append(f"- Nations: {len({e.noc for e in entries})}")
        medals = {1: "Gold", 2: "Silver", 3: "Bronze"}
        seen: dict[str, int] = {}
        for rank, entry in final:
            colour = medals.get(rank)
            if colour is None:
                continue
            seen[colour] = seen.get(colour, 0) + 1
            key = colour if seen[colour] == 1 else f"{colour}{seen[colour]}"
            lines.append(f"- {key}: {entry.name}")
            lines.append(f"- {key}noc: {entry.noc}")
        lines += ["", f"The {event.lower()} at the {year} {spec.games.season} Olympics.", ""]
        if t.kind in ("time", "mark") and rng.random() < 0.3:
            lines += self._records(t, year)
        lines += ["==Results==", "", *sections]
        return "\n".join(lines) + "\n", table.rows

    def _records(self, t: Template, year: int) -> list[str]:
        holder = self.names.name(self.names.nation(), "m")
        value = self._fmt(t, t.base * (0.98 if t.kind == "time" else 1.02), year)
        return [
            "==Records==",
            f"| Standing records prior to the {year} Olympics | | | | |",
            f"| World Record | {holder} | {value} | {self.rng.randint(1, 28)} June {year - 1} | Somewhere |",
            "",
        ]

    def write(self, folder: Path, count: int) -> Corpus:
        folder.mkdir(parents=True, exist_ok=True)
        corpus = Corpus()
        names: set[str] = set()
        for spec in plan(count, self.seed, self.ref):
            text, rows = self.page(spec)
            t = spec.template
            base = f"{slug(t.sport)}_{spec.games.year}_{spec.games.season[0].lower()}_{spec.gender}_{slug(t.event)}"
            name = base.replace("-", "_")[:90]
            while name in names:
                name += "_2"
            names.add(name)
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
            corpus.pages += 1
            corpus.rows += rows
            corpus.files.append(f"{name}.txt")
        corpus.athletes = len(self.keys)
        return corpus


class _Table:
    """Writes results tables for one page and counts their rows."""

    def __init__(self, gen: Generator, t: Template, year: int, nation_mode: str) -> None:
        self.gen, self.t, self.year, self.mode = gen, t, year, nation_mode
        self.rng = gen.rng
        self.rows = 0

    def _who(self, entry: Entry) -> str:
        self.gen.keys.add((self.t.sport, normalize(entry.name)))
        if not self.t.team and self.rng.random() < 0.03:
            return anyascii(entry.name)  # an older page that drops the accents
        return entry.name

    def _nation(self, entry: Entry) -> str:
        if self.mode == "code":
            return entry.noc
        if self.mode == "name":
            nation = self.gen.ref.nation(entry.noc)
            return nation.name if nation else entry.noc
        return ""

    def _competitor(self, entry: Entry) -> list[str]:
        if self.t.team:
            return [entry.name, self._members(entry)]
        return [self._who(entry), self._nation(entry)]

    def _members(self, entry: Entry) -> str:
        return ", ".join(self._who(Entry(p.name, p.noc)) for p in entry.members)

    def _header(self, lead: list[str], result: str | None, tail: list[str]) -> list[str]:
        word = "Result" if self.t.kind == "place" else {"time": "Time", "mark": "Mark", "points": "Points"}[self.t.kind]
        cols = ["Rank", *lead, "Nation", "Athletes"] if self.t.team else ["Rank", *lead, "Athlete", "Nation"]
        if result is not None:
            cols.append(result or word)
        return cols + tail

    def _table(self, header: list[str], body: list[list[str]]) -> list[str]:
        self.rows += len(body)
        lines = ["| " + " | ".join(header) + " |"]
        for cells in body:
            lines.append("| " + " | ".join(cells) + " |")
        return [*lines, ""]

    def _ranked(self, entries: list[Entry], lead: bool, notes: list[str] | None = None) -> list[list[str]]:
        """Rows for entries in finishing order: ranks with ties, statuses at the end, some shifted rows."""
        rng, t = self.rng, self.t
        values = self.gen._values(t, self.year, len(entries))
        status_count = 0
        if t.kind == "time" and len(entries) > 6 and rng.random() < 0.5:
            status_count = rng.randint(1, max(1, len(entries) // 12))
        body: list[list[str]] = []
        rank = 0
        previous: float | None = None
        last_shifted = False
        finishers = len(entries) - status_count
        for i, entry in enumerate(entries):
            lane = [str(i % 8 + 1)] if lead else []
            competitor = self._competitor(entry)
            note = [notes[i] if notes and i < len(notes) else ""]
            if i >= finishers:
                status = rng.choice(["DNF", "DNF", "DNS", "DSQ"])
                if rng.random() < 0.5:
                    body.append([status, *lane, *competitor, "", *note])
                else:
                    body.append(["", *lane, *competitor, status, *note])
                continue
            value = values[i]
            tied = previous is not None and value == previous
            rank = rank if tied else i + 1
            previous = value
            result = self.gen._fmt(t, value, self.year)
            if tied and (last_shifted or rng.random() < 0.5):
                # A rowspan lost in conversion: the tied row lacks its rank cell and is padded at the end.
                body.append([*lane, *competitor, result, *note, ""])
                last_shifted = True
                continue
            last_shifted = False
            if tied:
                body[-1][0] = f"={rank}"
                body.append([f"={rank}", *lane, *competitor, result, *note])
                continue
            body.append([str(rank), *lane, *competitor, result, *note])
        return body

    def single(self, entries: list[Entry], out: list[str]) -> list[tuple[int, Entry]]:
        rng, t = self.rng, self.t
        group_tail = 0
        if t.kind == "time" and not t.team and len(entries) > 20 and rng.random() < 0.15:
            group_tail = rng.randint(2, 6)  # listed under `—` without a result, like the 1992 walk
        ranked = entries[: len(entries) - group_tail]
        body = self._ranked(ranked, lead=False, notes=None)
        for j, entry in enumerate(entries[len(ranked) :]):
            cells = [self._who(entry), self._nation(entry), "", ""]
            body.append(["—", *cells] if j == 0 else [*cells, ""])
        out += self._table(self._header([], "", ["Notes"]), body)
        return [(i + 1, e) for i, e in enumerate(ranked[:3])]

    def heats(self, entries: list[Entry], out: list[str]) -> list[tuple[int, Entry]]:
        rng = self.rng
        size = 8
        rounds: list[tuple[str, list[Entry]]] = []
        field = entries
        if len(field) > size:
            rounds.append(("Heats", field))
            field = field[: max(size, min(16, len(field) // 2))]
        if len(field) > size:
            rounds.append(("Semifinals", field))
            field = field[:size]
        nested = rng.random() < 0.3
        for number, (name, runners) in enumerate(rounds, start=1):
            heading = f"Round {number}" if nested else name
            out += [f"==={heading}===", ""]
            groups = (len(runners) + size - 1) // size
            for h in range(groups):
                chunk = runners[h::groups]
                label = "Heat" if name == "Heats" else "Semifinal"
                out += [f"===={label} {h + 1}====", ""]
                if self.t.kind == "time" and not self.t.team and rng.random() < 0.4:
                    out += [f"Wind: {rng.choice(['+', '-'])}{rng.randint(0, 19) / 10} m/s", ""]
                notes = ["Q" if i < 3 else "q" if i < 4 else "" for i in range(len(chunk))]
                out += self._table(self._header(["Lane"], "", ["Notes"]), self._ranked(chunk, True, notes))
        out += ["===Final===", ""]
        out += self._table(self._header(["Lane"], "", ["Notes"]), self._ranked(field, True, None))
        return [(i + 1, e) for i, e in enumerate(field[:3])]

    def groups(self, entries: list[Entry], out: list[str]) -> list[tuple[int, Entry]]:
        out += ["===Qualification===", ""]
        half = (len(entries) + 1) // 2
        for name, chunk in (("A", entries[0::2]), ("B", entries[1::2])):
            out += [f"====Group {name}====", ""]
            notes = ["q" if i < 6 else "" for i in range(len(chunk))]
            out += self._table(self._header([], "", ["Notes"]), self._ranked(chunk, False, notes))
        final = entries[: min(12, half)]
        out += ["===Final===", ""]
        out += self._table(self._header([], "", ["Notes"]), self._ranked(final, False, None))
        return [(i + 1, e) for i, e in enumerate(final[:3])]

    def runs(self, entries: list[Entry], out: list[str]) -> list[tuple[int, Entry]]:
        t, rng = self.t, self.rng
        values = self.gen._values(t, self.year, len(entries))
        body: list[list[str]] = []
        dnf = rng.randint(0, max(0, len(entries) // 10))
        finishers = len(entries) - dnf
        for i, entry in enumerate(entries):
            competitor = self._competitor(entry)
            bib = [str(rng.randint(1, 99))]
            if i >= finishers:
                run1 = self.gen._fmt(t, values[i] / 2, self.year)
                body.append(["", *bib, *competitor, run1, "DNF", "DNF"])
                continue
            first = values[i] * rng.uniform(0.48, 0.52)
            total = self.gen._fmt(t, values[i], self.year)
            run1 = self.gen._fmt(t, first, self.year)
            run2 = self.gen._fmt(t, values[i] - first, self.year)
            body.append([str(i + 1), *bib, *competitor, run1, run2, total])
        header = self._header(["Bib"], None, ["Run 1", "Run 2", "Total"])
        out += self._table(header, body)
        return [(i + 1, e) for i, e in enumerate(entries[:3])]

    def standings(self, entries: list[Entry], out: list[str]) -> list[tuple[int, Entry]]:
        """Bracket sports and tournaments: final standings, two bronzes, everyone else tied by round."""
        t, rng = self.t, self.rng
        roster = t.style == "roster"
        out += ["===Final standings===", ""]
        body: list[list[str]] = []
        ranks: list[int] = []
        for i in range(len(entries)):
            if roster or i < 2:
                ranks.append(i + 1)
            else:
                block = 1
                while block * 2 <= i:
                    block *= 2
                ranks.append(block + 1 if i >= 2 else i + 1)
        shifted = rng.random() < 0.5
        for i, entry in enumerate(entries):
            competitor = self._competitor(entry)
            tied = i > 0 and ranks[i] == ranks[i - 1]
            if tied and shifted:
                body.append([*competitor, ""])
            else:
                body.append([str(ranks[i]), *competitor])
        if roster:
            header = ["Rank", "Team", "Players"]
        elif t.team:
            header = ["Rank", "Nation", "Athletes"]
        else:
            header = ["Rank", "Athlete", "Nation"]
        out += self._table(header, body)
        return [(ranks[i], e) for i, e in enumerate(entries[:4]) if ranks[i] <= 3]


def generate(folder: Path, pages: int, seed: int = 1) -> Corpus:
    return Generator(seed).write(folder, pages)
