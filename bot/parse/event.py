"""Assembling an Event from a read page: title, infobox, rounds, medals, nations and records."""

from __future__ import annotations

import contextlib
import datetime as dt
import re

from bot.models import MEDAL_ORDER, Event, Measured, MedalEntry, Problem, ResultRow, Round
from bot.parse.columns import Col, classify, status_of
from bot.parse.page import PageError, RawPage, Section
from bot.parse.plausibility import correct_time, event_distance
from bot.parse.records import read_records
from bot.parse.results import default_unit, layout_of, merged_header, read_results
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
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:\s*[–—-]\s*\d{{1,2}})?\s+{_MONTH}\b|\b{_MONTH}\s+(\d{{1,2}})\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_SKIP_SECTIONS = (
    "record", "schedule", "see also", "reference", "external link", "background", "competition format",
    "notes", "bibliography", "further reading", "summary of", "medalists", "medallists",
)  # fmt: skip
_ROUND_NOISE = {"results", "result", "final results", "summary", "competition"}
_CONDITION = re.compile(r"^(?P<key>[A-Z][A-Za-z ]{1,24}):\s*\S")
_MEDAL_KEYS = {"gold": "gold", "silver": "silver", "bronze": "bronze"}
_MEDAL_KEY = re.compile(r"(gold|silver|bronze)(\d*)")
_CODE = re.compile(r"[A-Z]{3}")
_SPORT_PREFIX = re.compile(r"^.*?\s+[-–]\s+")
_LEADING_INT = re.compile(r"\s*(\d[\d,]*)")
_DAY_SPAN = re.compile(r"(\d{1,2})\s*[–—-]\s*(\d{1,2})")
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
    """`July 31`, `August 1, 1932`, `27 July – 3 August`: first and last day, the year from the Games if absent."""
    if not text:
        return None, None
    years = _YEAR.findall(text)
    year = int(years[-1]) if years else year
    if year is None:
        return None, None
    days: list[dt.date] = []
    for match in _DAY_MONTH.finditer(text):
        if match.group(1):
            day, month = int(match.group(1)), _MONTHS[match.group(2).lower()[:3]]
            span = _DAY_SPAN.match(match.group(0))
            if span:
                # `1–3 August`: both ends share the month.
                for d in (int(span.group(1)), int(span.group(2))):
                    with contextlib.suppress(ValueError):
                        days.append(dt.date(year, month, d))
                continue
        else:
            day, month = int(match.group(4)), _MONTHS[match.group(3).lower()[:3]]
        try:
            days.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not days:
        return None, None
    return days[0], days[-1]


def _int(text: str | None) -> int | None:
    if not text:
        return None
    match = _LEADING_INT.match(text)
    return int(match.group(1).replace(",", "")) if match else None


def _medals(raw: RawPage, ref: Reference) -> list[MedalEntry]:
    medals: list[MedalEntry] = []
    for key, value in raw.infobox.items():
        match = _MEDAL_KEY.fullmatch(key)
        if not match or not value:
            continue
        noc_text = raw.infobox.get(f"{key}noc") or raw.infobox.get(f"{match.group(1)}{match.group(2)} noc")
        noc = ref.nation_code(noc_text) if noc_text else None
        if noc is None and noc_text and _CODE.fullmatch(noc_text.strip()):
            noc = noc_text.strip()  # a code our table lacks is still the page's word, kept as written
        medals.append(MedalEntry(medal=_MEDAL_KEYS[match.group(1)], name=value, noc=noc))
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
    by_name = {normalize(m.name): m for m in medals}
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


def _mark_ties(rows: list[ResultRow]) -> None:
    counts: dict[int, int] = {}
    for row in rows:
        if row.rank is not None:
            counts[row.rank] = counts.get(row.rank, 0) + 1
    for row in rows:
        if row.rank is not None and counts[row.rank] > 1:
            row.tied = True


def _assign_medals(rows: list[ResultRow], medals: list[MedalEntry], team: bool) -> None:
    by_name = {normalize(m.name): m for m in medals}
    named = set()
    for row in rows:
        medal = by_name.get(normalize(row.name)) if by_name and row.name else None
        if medal is not None:
            row.medal = medal.medal
            named.add(medal.medal)
            if row.nation is None:
                row.nation = medal.noc
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
                # A team row takes the medal's nation only when that medal went to one team alone.
                if team and row.nation is None and len(entries) == 1:
                    row.nation = entries[0].noc


def _conditions(section: Section, table_line: int, after: int, alone: bool) -> list[str]:
    """Lines such as `Wind: +0.4 m/s`: a lone table takes the section's, otherwise those just above it."""
    lines = [(n, text) for n, text in section.text if _CONDITION.match(text) and len(text) < 100]
    if alone:
        return [text for _, text in lines]
    return [text for n, text in lines if after < n < table_line]


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
        gender=_gender(event_name or raw.title),
        year=year,
        season=season,
        venue=info.get("venue") or None,
        date=date_text or None,
        date_start=start,
        date_end=end,
        competitors=_int(info.get("competitors")),
        nations=_int(info.get("nations")),
        previous=info.get("prev") or None,
        next=info.get("next") or None,
        medals=medals,
        infobox=info,
    )
    distance = event_distance(event_name or "")
    unit = default_unit("Time", raw.title) if distance else default_unit("Result", raw.title)

    for section in raw.sections:
        top = normalize(section.path[0]) if section.path else ""
        if any(top.startswith(s) or normalize(section.title).startswith(s) for s in ("record",)):
            for table in section.tables:
                event.records.extend(read_records(table, unit, file, ref, problems))
            continue
        if any(top.startswith(s) for s in _SKIP_SECTIONS):
            continue
        for n, table in enumerate(section.tables):
            labels, first_row = merged_header(table)
            layout = layout_of(labels)
            if layout is None:
                # A table that ranks or times something but names no one is reported, never skipped in silence.
                meant_as_results = any(classify(c) in (Col.RANK, Col.RESULT) for c in labels)
                if len(table.rows) > first_row and (meant_as_results or "result" in top or "final" in top):
                    problems.append(
                        Problem(file=file, line=table.line, message=f"results table header not understood: {labels}")
                    )
                continue
            alone = len(section.tables) == 1
            after = section.tables[n - 1].line if n else section.line
            name = _round_name(section)
            if not alone:
                label = _label_before(section, table.line, after)
                name = " – ".join(p for p in (name, label or f"table {n + 1}") if p)
            rows = read_results(table, layout, raw.title, file, problems, ref.nation_code, first_row)
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

    final = event.final_round()
    for rnd in event.rounds:
        _infer_ranks(rnd.results, medals, final=rnd is final)
        _mark_ties(rnd.results)
    if final is not None:
        _assign_medals(final.results, medals, event.team)
    for rnd in event.rounds:
        for row in rnd.results:
            if not row.name:
                # A team whose Nation cell lost its flag: its nation's name where known, else its members.
                nation = ref.nation(row.nation)
                row.name = nation.name if nation else " / ".join(row.members)
    for record in event.records:
        _fix_value(record, distance)
    if not event.rounds:
        problems.append(Problem(file=file, line=None, message="no results table found"))
    return event
