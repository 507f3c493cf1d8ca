"""The infobox reader: the event's gender from its name, dates, counts of competitors and nations, and the medals
with their rosters and nations."""

from __future__ import annotations

import contextlib
import datetime as dt
import re

from bot.models import MEDAL_ORDER, MedalEntry, Problem
from bot.parse.columns import PLACEHOLDERS
from bot.parse.page import RawPage
from bot.reference import Reference
from bot.text import normalize

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
_MEDAL_KEYS = {"gold": "gold", "silver": "silver", "bronze": "bronze"}
_MEDAL_KEY = re.compile(r"(gold|silver|bronze)(\d*)")
_MEDAL_NOC_KEY = re.compile(r"(gold|silver|bronze)(\d*) ?noc(\d*)")
_ROSTER_SPLIT = re.compile(r"\s*(?:,|;|<br\s*/?>|\n)\s*")
_CODE = re.compile(r"[A-Z]{3}")
_LEADING_INT = re.compile(r"\s*(\d[\d,]*)")
_MIXED = re.compile(r"\bmixed\b")
_WOMEN = re.compile(r"\b(women|womens|ladies|girls)\b")
_MEN = re.compile(r"\b(men|mens|boys)\b")
_OPEN = re.compile(r"\bopen\b")


def gender_of(event: str | None) -> str | None:
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


def infobox_count(text: str | None, key: str, file: str, line: int | None, problems: list[Problem]) -> int | None:
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
    if normalize(text) in PLACEHOLDERS:
        return "", []
    parts = [p.strip() for p in _ROSTER_SPLIT.split(text) if p.strip() and normalize(p) not in PLACEHOLDERS]
    if text.startswith((",", ";")):
        return "", _people(parts)
    if len(parts) >= 2:
        return ", ".join(parts), _people(parts)
    return text, []


# `George Bryant (archer)`: the article's disambiguator, which the conversion left beside the linked name (and
# often wrote the name a second time without it).
_DISAMBIGUATOR = re.compile(r"\s*\((?:[a-z][a-z ]{1,30}|born \d{4}|\d{4})\)$")


def _people(parts: list[str]) -> list[str]:
    """A roster's people: each once, without a disambiguator."""
    people: dict[str, str] = {}
    for part in parts:
        name = _DISAMBIGUATOR.sub("", part)
        people.setdefault(normalize(name), name)
    return list(people.values())


def infobox_medals(raw: RawPage, ref: Reference) -> list[MedalEntry]:
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
        nation = ref.nation_code(name) if name and not members and len(name) <= 40 else None
        entry = MedalEntry(medal=_MEDAL_KEYS[colour], name=name, noc=noc or nation, members=members)
        entry.names_nation = nation is not None
        medals.append(entry)
    medals.sort(key=lambda m: MEDAL_ORDER[m.medal])
    return medals
