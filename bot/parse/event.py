"""The front door of the parser: an Event built from a read page, its title and infobox fields first, then its tables
(`tables`), the places and medals of its rounds (`places`) and the times impossible for its distance."""

from __future__ import annotations

import re

from bot.models import Event, Problem
from bot.parse.infobox import gender_of, infobox_count, infobox_medals, parse_dates
from bot.parse.layout import default_unit
from bot.parse.page import PageError, RawPage
from bot.parse.places import settle_places
from bot.parse.plausibility import event_distance
from bot.parse.tables import fix_value, read_tables
from bot.performance import Unit
from bot.reference import Reference
from bot.text import normalize

_TITLE = re.compile(
    r"^(?P<sport>.+?) at the (?P<year>\d{4}) (?P<season>Summer|Winter)(?: Youth)? Olympics?(?: Games)?"
    r"\s*(?:[–—:-]\s*(?P<event>.+))?$"
)
_GAMES = re.compile(r"(?P<year>\d{4})\s*(?P<season>Summer|Winter)?", re.I)
# Events a team or a crew contests (a relay, a pair, a two-man bob, a coxless four, a K-2, the team events).
_TEAM_EVENT = re.compile(
    r"\b(relay|team|teams|pairs?|two man|four man|2 man|4 man|two woman|doubles|double sculls?|quadruple sculls?"
    r"|coxed|coxless|eights?|fours?|k 2|k 4|c 2|c 4|tandem|synchroni[sz]ed|madison|duet|4 x|4x|x 100|x 200"
    r"|x 400|x 10|x 5|x 7|team pursuit|team sprint|crew)\b"
)
_SPORT_PREFIX = re.compile(r"^.*?\s+[-–]\s+")


def build_event(raw: RawPage, file: str, ref: Reference, problems: list[Problem]) -> Event:
    """The event of a read page: what its title and infobox say, then its tables, places and medals."""
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
    medals = infobox_medals(raw, ref)
    event = Event(
        file=file,
        title=raw.title,
        sport=sport,
        event=event_name,
        gender=gender_of(event_name) or gender_of(info.get("event")) or gender_of(raw.title),
        year=year,
        season=season,
        venue=info.get("venue") or None,
        date=date_text or None,
        date_start=start,
        date_end=end,
        competitors=infobox_count(
            info.get("competitors"), "competitors", file, raw.infobox_lines.get("competitors"), problems
        ),
        nations=infobox_count(info.get("nations"), "nations", file, raw.infobox_lines.get("nations"), problems),
        previous=info.get("prev") or None,
        next=info.get("next") or None,
        medals=medals,
        infobox=info,
    )
    distance = event_distance(event_name or "")
    unit: Unit = "s" if distance else default_unit("Result", raw.title)  # a distance race is timed

    read_tables(raw, event, ref, file, problems, distance, unit)
    if _TEAM_EVENT.search(normalize(event_name or "")) or _TEAM_EVENT.search(normalize(info.get("event") or "")):
        event.team = True
    settle_places(event, medals)
    for rnd in event.rounds:
        for row in rnd.results:
            if not row.name and row.nation and event.team:
                # A team whose Nation cell lost its flag, its nation known from the infobox: named after it.
                nation = ref.nation(row.nation)
                if nation is not None:
                    row.name, row.name_source = nation.name, "inferred"
    for record in event.records:
        fix_value(record, distance)
    if not event.rounds:
        problems.append(Problem(file=file, line=None, message="no results table found"))
    return event
