"""Assembling an Event from a read page: title, infobox, rounds, medals, nations and records."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import replace

from bot.models import MEDAL_ORDER, Event, Measured, Medal, MedalEntry, Problem, ResultRow, Round, TableNote
from bot.parse.columns import Col, classify, fit, parse_rank, status_of
from bot.parse.page import PageError, RawPage, Section, Table
from bot.parse.plausibility import correct_time, event_distance
from bot.parse.records import read_records
from bot.parse.results import (
    SPAN_LOST,
    Layout,
    default_unit,
    infer_layout,
    layout_of,
    merged_header,
    read_results,
)
from bot.performance import Unit
from bot.reference import Reference
from bot.text import normalize

_TITLE = re.compile(
    r"^(?P<sport>.+?) at the (?P<year>\d{4}) (?P<season>Summer|Winter)(?: Youth)? Olympics?(?: Games)?"
    r"\s*(?:[–—:-]\s*(?P<event>.+))?$"
)
_GAMES = re.compile(r"(?P<year>\d{4})\s*(?P<season>Summer|Winter)?", re.I)
_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for m in names
}  # fmt: skip
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# A month with the days written before it (`16, 17 February`, `1–3 August`) or after it (`August 21–22`).
_DAYS = r"\d{1,2}(?:\s*(?:[–—-]|,|and|&)\s*\d{1,2})*"
_DATE_MENTION = re.compile(
    rf"(?:\b(?P<before>{_DAYS})\s+(?P<month>{_MONTH})\b|\b(?P<month2>{_MONTH})\s+(?P<after>{_DAYS})\b)", re.I
)
_DAY_NUMBER = re.compile(r"\d{1,2}")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# Sections whose tables are never results of this event (a schedule, past champions, the qualifying system).
_SKIP_SECTIONS = (
    "schedule", "see also", "reference", "external link", "background", "competition format", "format",
    "notes", "bibliography", "further reading", "previous", "seeds", "seeding", "teams", "venue", "officials",
    "match officials", "weather", "rosters", "squads",
    "entries", "participating", "draw", "preview",
)  # fmt: skip
_ROUND_NOISE = {"results", "result", "final results", "summary", "competition"}
# `Wind: +0.4 m/s`, `Weather: sunny`, and `Wind +1.1` written without a colon.
_CONDITION = re.compile(r"^(?:(?P<key>[A-Z][A-Za-z ]{1,24}):\s*\S|Wind\s*[+\-−±]?\d)")
_MEDAL_KEYS = {"gold": "gold", "silver": "silver", "bronze": "bronze"}
_MEDAL_KEY = re.compile(r"(gold|silver|bronze)(\d*)")
_MEDAL_NOC_KEY = re.compile(r"(gold|silver|bronze)(\d*) ?noc(\d*)")
_ROSTER_SPLIT = re.compile(r"\s*(?:,|;|<br\s*/?>|\n)\s*")
_PLACEHOLDERS = {"unknown", "tbd", "n a", "none", "not awarded", "vacant", "not known"}
# Events a team or a crew contests (a relay, a pair, a two-man bob, a coxless four, a K-2, the team events).
_TEAM_EVENT = re.compile(
    r"\b(relay|team|teams|pairs?|two man|four man|2 man|4 man|two woman|doubles|double sculls?|quadruple sculls?"
    r"|coxed|coxless|eights?|fours?|k 2|k 4|c 2|c 4|tandem|synchroni[sz]ed|madison|duet|4 x|4x|x 100|x 200"
    r"|x 400|x 10|x 5|x 7|team pursuit|team sprint|crew)\b"
)
_CODE = re.compile(r"[A-Z]{3}")
_SPORT_PREFIX = re.compile(r"^.*?\s+[-–]\s+")
_LEADING_INT = re.compile(r"\s*(\d[\d,]*)")
_MIXED = re.compile(r"\bmixed\b")
_WOMEN = re.compile(r"\b(women|womens|ladies|girls)\b")
_MEN = re.compile(r"\b(men|mens|boys)\b")
_OPEN = re.compile(r"\bopen\b")


def _gender(event: str | None) -> str | None:
    text = normalize(event or "")
    if _MIXED.search(text):
        return "mixed"
    if _WOMEN.search(text):
        return "women"
    if _MEN.search(text):
        return "men"
    if _OPEN.search(text):
        return "open"
    return None


def parse_dates(text: str | None, year: int | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of a date text, the year from the Games where the text has none.

    `July 31`, `August 1, 1932`, `27 July – 3 August`, `August 21–22, 1920`, `April 27–29`, `16, 17 February 2026`,
    `13 February 2018 (heats), 17 February 2018 (final)`.
    """
    if not text:
        return None, None
    years = _YEAR.findall(text)
    year = int(years[-1]) if years else year
    if year is None:
        return None, None
    days: list[dt.date] = []
    for match in _DATE_MENTION.finditer(text[:500]):
        before, after = match.group("before"), match.group("after")
        month_name = match.group("month") or match.group("month2")
        month = _MONTHS[month_name.lower()[:3]]
        numbers = _DAY_NUMBER.findall(before or after or "")
        for day in numbers:
            with contextlib.suppress(ValueError):
                days.append(dt.date(year, month, int(day)))
    if not days:
        return None, None
    return min(days), max(days)


def _int(text: str | None, key: str, file: str, line: int | None, problems: list[Problem]) -> int | None:
    """The leading count of an infobox value (`32`, `1,024 from 41 nations`); an absurd one is reported."""
    if not text:
        return None
    match = _LEADING_INT.match(text)
    if not match:
        return None
    digits = match.group(1).replace(",", "")
    if len(digits) > 7:  # no event has ten million entrants; also keeps int() far from Python's digit limit
        problems.append(Problem(file=file, line=line, message=f"infobox {key} not a plausible count: '{text[:40]}'"))
        return None
    return int(digits)


def _roster(value: str) -> tuple[str, list[str]]:
    """An infobox medal value: (name, members). `, A, B, C` (the nation was a flag) is a roster with no name;
    `A, B, C` or `A<br>B` is a team's roster, kept as written too; a placeholder (`Unknown`) names no one."""
    text = value.strip()
    if normalize(text) in _PLACEHOLDERS:
        return "", []
    parts = [p.strip() for p in _ROSTER_SPLIT.split(text) if p.strip() and normalize(p) not in _PLACEHOLDERS]
    if text.startswith((",", ";")):
        return "", parts
    if len(parts) >= 2:
        return ", ".join(parts), parts
    return text, []


def _medals(raw: RawPage, ref: Reference) -> list[MedalEntry]:
    """Every medal of the infobox: `Gold`, `Gold2`, with its NOC from `Goldnoc`, `Gold2noc`, `Goldnoc2`, `Gold2 noc`."""
    medals: list[MedalEntry] = []
    info = raw.infobox
    keys = list(info)
    for key in list(keys):  # `Silvernoc: URS` without a `Silver` line: a medal whose winner the page lost
        noc_key = _MEDAL_NOC_KEY.fullmatch(key)
        if noc_key and f"{noc_key.group(1)}{noc_key.group(2) or noc_key.group(3)}" not in info:
            keys.append(f"{noc_key.group(1)}{noc_key.group(2) or noc_key.group(3)}")
    for key in keys:
        value = info.get(key, "")
        match = _MEDAL_KEY.fullmatch(key)
        if not match:
            continue
        colour, n = match.groups()
        noc_text = info.get(f"{colour}{n}noc") or info.get(f"{colour}noc{n}") or info.get(f"{colour}{n} noc")
        if not value and not noc_text:
            continue
        noc = ref.nation_code(noc_text) if noc_text else None
        if noc is None and noc_text and _CODE.fullmatch(noc_text.strip()):
            noc = noc_text.strip()  # a code our table lacks is still the page's word, kept as written
        name, members = _roster(value)
        medals.append(MedalEntry(medal=_MEDAL_KEYS[colour], name=name, noc=noc, members=members))
    medals.sort(key=lambda m: MEDAL_ORDER[m.medal])
    return medals


def _round_name(section: Section) -> str | None:
    parts = [p for p in section.path if normalize(p) not in _ROUND_NOISE]
    return " – ".join(parts) if parts else None


def _label_before(section: Section, table_line: int, after: int) -> str | None:
    """A short line just above a table (`Heat 1`, `Group A`) names it when headings do not."""
    lines = [text for number, text in section.text if after < number < table_line and not _CONDITION.match(text)]
    if lines and len(lines[-1]) <= 40 and not lines[-1].endswith("."):
        return lines[-1].strip("'*: ")
    return None


def _fix_value(row: Measured, distance: float | None) -> None:
    if row.unit != "s" or row.value is None or row.result is None:
        return
    fixed = correct_time(row.result.split()[0], row.value, distance)
    if fixed:
        row.value, row.correction, row.corrected = fixed[0], fixed[1], True
        row.precision = 0


def _infer_ranks(rows: list[ResultRow], medals: list[MedalEntry], final: bool) -> None:
    """Fill empty rank cells of the leading rows (medal icons lost in conversion) and mark them inferred."""
    by_name = {normalize(m.name): m for m in medals if m.name}
    leading = []
    for row in rows:
        if row.rank is not None or row.status not in (None, "unknown") or row.group:
            break
        leading.append(row)
    if not leading:
        return
    position = len(leading)
    next_rank = rows[position].rank if position < len(rows) else None
    order_fits = next_rank is None or next_rank == position + 1
    for i, row in enumerate(leading):
        medal = by_name.get(normalize(row.name)) if final and row.name else None
        if medal is not None:
            row.rank, row.rank_inferred = MEDAL_ORDER[medal.medal], True
        elif order_fits and (next_rank is not None or (final and medals)):
            row.rank, row.rank_inferred = i + 1, True
        if row.rank is not None and row.status == "unknown":
            row.status = None  # a placed row: finished, its result simply not given


def ranks_restart(rows: list[ResultRow]) -> bool:
    """Whether the ranks start again in each heat (heat 1: 1, 2, 3 …; heat 2: 1, 2 …), rather than running
    through the table (an overall ranking that only notes each row's heat)."""
    previous: ResultRow | None = None
    for row in rows:
        if row.rank is None:
            continue
        if (
            previous is not None
            and previous.rank is not None
            and row.heat != previous.heat
            and row.rank < previous.rank
        ):
            return True
        previous = row
    return False


def _mark_ties(rows: list[ResultRow], per_heat: bool) -> None:
    """Rows sharing a rank are tied; in a table ranked heat by heat, only within a heat."""
    counts: dict[tuple[str | None, int], int] = {}
    for row in rows:
        if row.rank is not None:
            key = (row.heat if per_heat else None, row.rank)
            counts[key] = counts.get(key, 0) + 1
    for row in rows:
        if row.rank is not None and counts[row.heat if per_heat else None, row.rank] > 1:
            row.tied = True


def _assign_medals(rows: list[ResultRow], medals: list[MedalEntry], team: bool) -> None:
    by_name = {normalize(m.name): m for m in medals if m.name}
    named = set()
    for row in rows:
        medal = by_name.get(normalize(row.name)) if by_name and row.name else None
        if medal is not None:
            row.medal = medal.medal
            named.add(medal.medal)
            if medal.members and not row.members and normalize(" ".join(medal.members)) == normalize(row.name):
                # A crew written as one run of words (`Guo Jingjing Wu Minxia`), split as the infobox lists it.
                row.members = list(medal.members)
                row.extra["members from"] = "infobox"
            if row.nation is None and medal.noc:
                row.nation, row.nation_source = medal.noc, "infobox"
    # A medal whose winner is named differently on the row (a team whose flag was lost): fall back to the rank.
    by_colour: dict[str, list[MedalEntry]] = {}
    for m in medals:
        by_colour.setdefault(m.medal, []).append(m)
    for row in rows:
        if row.medal is None and row.rank in (1, 2, 3) and row.status is None:
            colour = {1: "gold", 2: "silver", 3: "bronze"}[row.rank]
            if colour in by_colour and colour not in named:
                row.medal = colour  # type: ignore[assignment]
                entries = by_colour[colour]
                # A row without its competitor (or a team row) takes the medallist and nation only when the
                # medal went to one winner alone, marked inferred.
                if (team or not row.name) and len(entries) == 1:
                    if row.nation is None and entries[0].noc:
                        row.nation, row.nation_source = entries[0].noc, "inferred"
                    if not row.name and entries[0].name:
                        row.name, row.name_source = entries[0].name, "inferred"


def _medals_from_places(rows: list[ResultRow]) -> list[MedalEntry]:
    """A page without an infobox's medals: the final's first three places (ties share), marked inferred."""
    colours: dict[int, Medal] = {1: "gold", 2: "silver", 3: "bronze"}
    inferred: list[MedalEntry] = []
    for row in rows:
        colour = colours.get(row.rank or 0) if row.status is None and not row.rank_inferred else None
        if colour is None:
            continue
        row.medal = colour
        row.extra["medal"] = "inferred from the place (the page has no infobox medals)"
        inferred.append(MedalEntry(medal=colour, name=row.name, noc=row.nation, members=row.members, source="inferred"))
    return inferred


def _mark_unsplit_rosters(rows: list[ResultRow]) -> None:
    """Where the infobox showed that this table writes crews as one run of words, the other crews are marked
    unsplit: kept as written, since nothing tells where one name ends (never split by guess)."""
    if not any(row.extra.get("members from") == "infobox" for row in rows):
        return
    for row in rows:
        if row.name and not row.members and len(row.name.split()) >= 4:
            row.roster_unsplit = True


def _conditions(section: Section, table_line: int, after: int, alone: bool) -> list[str]:
    """Lines such as `Wind: +0.4 m/s`: a lone table takes the section's, otherwise those just above it."""
    lines = [(n, text) for n, text in section.text if _CONDITION.match(text) and len(text) < 100]
    if alone:
        return [text for _, text in lines]
    return [text for n, text in lines if after < n < table_line]


def _skip_reason(labels: list[str]) -> str | None:
    """Why a table without a results layout is not a results table, when its header says what it is."""
    keys = {normalize(c) for c in labels if c}
    if {"gold", "silver", "bronze"} & keys or any(k.startswith(("gold", "silver", "bronze")) for k in keys):
        return "medal summary"
    if "date" in keys and keys & {"time", "round", "event", "session", "phase", "stage"}:
        return "schedule"
    matches = (
        "winner", "loser", "athlete 1", "athlete 2", "player 1", "player 2", "team 1", "team 2", "home", "away",
        "tpp", "mpp",
    )  # fmt: skip
    if any(k.endswith(matches) for k in keys):
        return "bouts or matches (not a ranking)"
    if not keys:
        return "empty header"
    return None


def read_tables(
    raw: RawPage, event: Event, ref: Reference, file: str, problems: list[Problem], distance: float | None, unit: Unit
) -> None:
    """Every table of the page, in order: records, results rounds, or skipped with a reason (`event.tables`)."""
    previous: Layout | None = None  # the last results layout, for a table continued after a heading
    for section in raw.sections:
        top = normalize(section.path[0]) if section.path else ""
        is_records = top.startswith("record") or normalize(section.title).startswith("record")
        skipped = next((s for s in _SKIP_SECTIONS if top.startswith(s)), None) if not is_records else None
        for n, table in enumerate(section.tables):
            last = table.rows[-1].line
            if is_records:
                note = TableNote(line=table.line, last_line=last, kind="records", reason="records")
                event.records.extend(read_records(table, unit, file, ref, problems, note))
                event.tables.append(note)
                continue
            if skipped:
                why = f"in section '{section.title}'"
                event.tables.append(TableNote(line=table.line, last_line=last, kind="skipped", reason=why))
                continue
            table.join_attribute_cells()
            labels, first_row = merged_header(table)
            layout = layout_of(labels)
            inferred = ""  # what was inferred of the table's columns, if anything
            if layout is None and previous is not None and _continues(table, previous):
                layout, labels, first_row = previous, previous.columns, 0
            if layout is None and _skip_reason(labels) is None:
                found = infer_layout(table)
                if found is not None:
                    (layout, first_row), inferred = found, "columns inferred: the table has no header"
                    labels = list(layout.columns)
            if layout is None:
                meant_as_results = any(classify(c) in (Col.RANK, Col.RESULT) for c in labels)
                medal_section = top.startswith(("medalist", "medallist", "podium", "medal summary"))
                why = _skip_reason(labels) or ("medal summary" if medal_section else "header not understood")
                looks_meant = meant_as_results or "result" in top or "final" in top
                if why == "header not understood" and len(table.rows) > first_row and looks_meant:
                    message = f"results table header not understood: {labels}"
                    problems.append(Problem(file=file, line=table.line, message=message))
                event.tables.append(TableNote(line=table.line, last_line=last, kind="skipped", reason=why))
                continue
            if SPAN_LOST in labels:
                message = "header groups lost their column spans: the columns after them are not read"
                problems.append(Problem(file=file, line=table.line, message=message))
            elif layout.result_index() is None and not inferred:
                layout = _result_from_cells(table, layout, first_row)
                if layout.result_index() is not None:
                    inferred, labels = "result column inferred from its cells", list(layout.columns)
            previous = layout
            alone = len(section.tables) == 1
            after = section.tables[n - 1].line if n else section.line
            name = _round_name(section)
            if not alone:
                label = _label_before(section, table.line, after)
                name = " – ".join(p for p in (name, label or f"table {n + 1}") if p)
            note = TableNote(
                line=table.line,
                last_line=last,
                kind="results",
                reason=(name or "results") + (f" ({inferred})" if inferred else ""),
                header_lines=[row.line for row in table.rows[:first_row]],
            )
            rows = read_results(table, layout, raw.title, file, problems, ref.nation_code, first_row, note)
            event.tables.append(note)
            if layout.team and rows:
                event.team = True
            heading_status = status_of(section.title)
            for row in rows if heading_status or distance is not None else ():
                if heading_status and row.status == "unknown":
                    row.status = heading_status  # type: ignore[assignment]  # listed under `Did not finish`
                if distance is not None:  # only a known distance shows a time impossible
                    _fix_value(row, distance)
            conditions = _conditions(section, table.line, after, alone)
            event.rounds.append(Round(name=name, line=table.line, columns=labels, conditions=conditions, results=rows))


def _result_from_cells(table: Table, layout: Layout, first_row: int) -> Layout:
    """A layout without a result column whose header left some columns unnamed: the rightmost unnamed column
    holding results in most rows is taken as the result (`| Rank | Nation | Triathletes | | | | |`)."""
    rows = [row.cells for row in table.rows[first_row:]]
    for col in range(len(layout.kinds) - 1, layout.competitor, -1):
        if table.header[col] if col < len(table.header) else False:
            continue
        cells = [cells[col] for cells in rows if col < len(cells) and cells[col]]
        if len(cells) >= 2 and sum(1 for c in cells if fit(Col.RESULT, c) > 0) >= 0.6 * len(rows):
            kinds = list(layout.kinds)
            kinds[col] = Col.RESULT
            columns = list(layout.columns)
            columns[col] = f"result (inferred: {columns[col]})"
            return replace(layout, kinds=kinds, columns=columns)
    return layout


def _continues(table: Table, previous: Layout) -> bool:
    """A table cut by a heading and continued without its header: as wide as the last one, starting with a rank."""
    first = table.rows[0].cells
    return len(first) == len(previous.kinds) and parse_rank(first[0])[0] is not None


def build_event(raw: RawPage, file: str, ref: Reference, problems: list[Problem]) -> Event:
    info = raw.infobox
    match = _TITLE.match(raw.title)
    sport = event_name = None
    year: int | None = None
    season: str | None = None
    if match:
        sport, year, season = match.group("sport"), int(match.group("year")), match.group("season")
        event_name = match.group("event")
    games = _GAMES.search(info.get("games", ""))
    if games:
        year = year or int(games.group("year"))
        season = season or (games.group("season") or "").capitalize() or None
    if not event_name and info.get("event"):
        event_name = _SPORT_PREFIX.sub("", info["event"])
    if not match and not info:
        raise PageError(f"title '{raw.title}' is not '<Sport> at the <year> <season> Olympics – <event>'", 1)
    if not match:
        problems.append(Problem(file=file, line=raw.title_line, message="title not in the usual form"))

    date_text = info.get("date") or info.get("dates")
    start, end = parse_dates(date_text, year)
    medals = _medals(raw, ref)
    event = Event(
        file=file,
        title=raw.title,
        sport=sport,
        event=event_name,
        gender=_gender(event_name) or _gender(info.get("event")) or _gender(raw.title),
        year=year,
        season=season,
        venue=info.get("venue") or None,
        date=date_text or None,
        date_start=start,
        date_end=end,
        competitors=_int(info.get("competitors"), "competitors", file, raw.infobox_lines.get("competitors"), problems),
        nations=_int(info.get("nations"), "nations", file, raw.infobox_lines.get("nations"), problems),
        previous=info.get("prev") or None,
        next=info.get("next") or None,
        medals=medals,
        infobox=info,
    )
    distance = event_distance(event_name or "")
    unit = default_unit("Time", raw.title) if distance else default_unit("Result", raw.title)

    read_tables(raw, event, ref, file, problems, distance, unit)
    if _TEAM_EVENT.search(normalize(event_name or "")) or _TEAM_EVENT.search(normalize(info.get("event") or "")):
        event.team = True
    final = event.final_round()
    for rnd in event.rounds:
        _infer_ranks(rnd.results, medals, final=rnd is final)
        rnd.ranks_per_heat = ranks_restart(rnd.results)
        _mark_ties(rnd.results, rnd.ranks_per_heat)
    if final is not None and not final.ranks_per_heat:  # a table ranked heat by heat holds no medal places
        _assign_medals(final.results, medals, event.team)
        _mark_unsplit_rosters(final.results)
        if not medals:
            event.medals = _medals_from_places(final.results)
    for rnd in event.rounds:
        for row in rnd.results:
            if not row.name and row.nation and event.team:
                # A team whose Nation cell lost its flag, its nation known from the infobox: named after it.
                nation = ref.nation(row.nation)
                if nation is not None:
                    row.name, row.name_source = nation.name, "inferred"
    for record in event.records:
        _fix_value(record, distance)
    if not event.rounds:
        problems.append(Problem(file=file, line=None, message="no results table found"))
    return event
