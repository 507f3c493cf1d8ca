"""What a results table's header cells mean, and how well a cell fits a column of each kind."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from functools import lru_cache

from bot.performance import parse_time
from bot.text import normalize


class Col(Enum):
    RANK = "rank"
    LEAD = "lead"  # lane, pair, heat, bib, order: leading bookkeeping columns
    NAME = "name"
    MEMBERS = "members"
    NATION = "nation"
    RESULT = "result"
    SPLIT = "split"
    NOTES = "notes"
    EXTRA = "extra"


RANK_WORDS = {"rank", "rk", "place", "pl", "pos", "position", "overall rank", "final rank", "standing", "no"}
LEAD_WORDS = {
    "lane", "pair", "heat", "bib", "order", "start", "start no", "group", "race", "draw", "seed", "run", "pool",
    "flight", "semifinal", "quarterfinal", "bib no", "start order", "lane no",
}  # fmt: skip
NAME_WORDS = {
    "athlete", "name", "cyclist", "rider", "swimmer", "skater", "competitor", "boxer", "gymnast", "player",
    "skier", "runner", "walker", "jumper", "thrower", "rower", "archer", "fencer", "lifter", "weightlifter",
    "wrestler", "shooter", "sailor", "diver", "judoka", "pilot", "driver", "biathlete", "canoeist", "kayaker",
    "luger", "slider", "triathlete", "pentathlete", "horse rider", "jockey", "surfer", "climber", "golfer",
    "canoer", "paddler", "bobsledder", "skeleton racer", "snowboarder", "curler", "sprinter", "hurdler",
    "decathlete", "heptathlete", "equestrian", "person", "participant", "entrant", "karateka",
    "taekwondo practitioner", "fighter", "sportsperson", "player name", "individual", "helmsman", "skipper",
    "musher", "boat",
}  # fmt: skip
MEMBER_WORDS = {
    "athletes", "members", "crew", "team members", "swimmers", "riders", "rowers", "players", "cyclists",
    "skaters", "competitors", "names", "roster", "squad", "sailors", "pilots", "canoers", "canoeists",
    "kayakers", "divers", "gymnasts", "fencers", "skiers", "bobsledders", "lugers", "crew members", "team roster",
    "paddlers", "curlers", "boat crew",
}  # fmt: skip
NATION_WORDS = {
    "nation", "country", "nationality", "noc", "team", "nat", "delegation", "representing", "nations", "teams",
    "country team", "national team", "club",
}  # fmt: skip
RESULT_WORDS = {
    "time", "result", "mark", "points", "pts", "score", "total", "distance", "height", "final time",
    "total time", "final", "best", "best mark", "total points", "final result", "performance", "overall",
    "kg", "total kg", "total weight", "weight", "final score", "total score", "times", "race time", "points total",
    "final points", "final mark", "dist", "distance m", "height m", "mark m", "time s", "result m", "score points",
    "best time", "best run", "best score", "wins", "victories", "bouts won", "w", "net", "net score",
    "places", "ordinals", "total ordinals", "ordinal places", "place points", "total places",
}  # fmt: skip
_RESULT_ENDINGS = (" score", " points", " total", " time", " result", " mark", " best")
NOTE_WORDS = {
    "notes", "note", "remarks", "qual", "qualification", "q", "record", "records", "comment", "comments",
    "qualified", "advance", "notes records", "penalty", "penalties",
}  # fmt: skip
# A column that says which heat (pair, race, run, group) of a round a row ran in: ranks are within it.
HEAT_WORDS = {"heat", "pair", "group", "race", "run", "semifinal", "semi final", "quarterfinal", "pool", "flight"}

_SPLIT = re.compile(r"^(\d+(\.\d+)?\s*(m|km|metres|meters)|lap\s*\d+|split\s*\d+|\d+\s*laps?|km\s*\d+)$")
RANK_RANGE = re.compile(r"^(\d{1,3})\s*[–—-]\s*(\d{1,3})$")  # `3–15`: a place shared by a group
# `4`, `=4`, `T4`, `4=`, `4T`, `4th`, `4.`, and a rank written with what follows it on real pages: `2 (3)` (a
# place in brackets: the heat's or the run's), `1 Q` (a qualification mark).
_RANK_CELL = re.compile(r"^(?:t-?|=)?(\d{1,4})(?:st|nd|rd|th)?\s*(?:=|t|\.)?(?:\s*\(\d{1,4}\)|\s+[Qq])?$", re.I)
STATUS_WORDS: dict[str, str] = {
    "dnf": "DNF", "did not finish": "DNF", "ac": "AC", "ret": "DNF", "retired": "DNF", "abandoned": "DNF",
    "r": "DNF", "nt": "AC", "no total": "AC", "elim": "DNF", "eliminated": "DNF", "lap": "DNF", "lapped": "DNF",
    "dns": "DNS", "did not start": "DNS", "withdrew": "DNS", "wd": "DNS", "scratched": "DNS",
    "dsq": "DSQ", "dq": "DSQ", "disqualified": "DSQ", "nm": "NM", "no mark": "NM", "nh": "NM",
    "no height": "NM", "dnq": "DNQ", "did not qualify": "DNQ", "nmr": "NM", "fo": "NM",
    "disq": "DSQ", "dis": "DSQ", "nc": "DNF", "did not compete": "DNS", "dnc": "DNS", "absent": "DNS",
}  # fmt: skip
DASHES = {"—", "–", "-", "−", "―"}
# `Carl Lewis (USA)`: a name with its nation's code after it, in a results or a records table.
NOC_SUFFIX = re.compile(r"^(.*?\S)\s*\(([A-Z]{3})\)$")
# What a page writes where it does not know (normalized): never a name, a result or a medallist.
PLACEHOLDERS = frozenset({"unknown", "n a", "tbd", "not known", "unk", "none", "not awarded", "vacant"})


def _person_column(key: str) -> bool:
    """`Athlete`, `Athlete(s)`, `Athlete name`, `Swimmer name`, `Rider(s)`, `Name`, `Speed skater`, `Ski jumper`:
    a column of people."""
    words = key.replace(" s ", " ").removesuffix(" s").split()
    if not words or key in MEMBER_WORDS:
        return False
    head = words[0]
    return (
        key in NAME_WORDS
        or head in NAME_WORDS
        or (head.rstrip("s") in NAME_WORDS and len(words) > 1)
        or words[-1] == "name"
        or (len(words) == 2 and words[-1] in NAME_WORDS)  # `Speed skater`, `Alpine skier`, `Ski jumper`
        or (len(words) == 1 and head.rstrip("s") in NAME_WORDS and f"{head}" not in MEMBER_WORDS)
    )


@lru_cache(maxsize=1024)  # tables repeat the same few header cells
def classify(header: str) -> Col:
    key = normalize(header)
    if key in RANK_WORDS or header.strip() == "#":
        return Col.RANK
    if key in LEAD_WORDS:
        return Col.LEAD
    if _person_column(key):
        return Col.NAME
    if key in MEMBER_WORDS or key.startswith("athletes") or key.startswith("team members"):
        return Col.MEMBERS
    if key in NATION_WORDS:
        return Col.NATION
    if key in RESULT_WORDS or (key.startswith("time ") and "behind" not in key and "gap" not in key):
        return Col.RESULT
    if key.endswith(_RESULT_ENDINGS) and len(key.split()) == 2 and not any(w in key for w in ("behind", "rank")):
        return Col.RESULT  # `Average score`, `Final total`, `Race time`
    if _SPLIT.match(key.replace(" ", " ")) or _SPLIT.match(header.strip().lower()):
        return Col.SPLIT
    if key in NOTE_WORDS:
        return Col.NOTES
    return Col.EXTRA


def status_of(cell: str) -> str | None:
    text = cell.strip()
    if not text or len(text) > 20 or text[0].isdigit():
        return None
    if text == "R":
        return None  # `R`: through to the repechage (rowing, cycling); a lower-case `r` is retired (DNF)
    key = text.lower()
    if "." in key or "-" in key:
        key = normalize(key)  # `D.N.F.`, `Did-not-start`
    return STATUS_WORDS.get(key)


@lru_cache(maxsize=4096)
def parse_rank(cell: str) -> tuple[int | None, bool]:
    """`=4`, `T4`, `4=`, `4th`, `4.` -> (4, tied?). (None, False) when the cell holds no rank."""
    text = cell.strip()
    match = _RANK_CELL.match(text)
    if not match:
        return None, False
    head = text.split()[0].split("(")[0]
    tied = head.startswith(("=", "T", "t")) or head.endswith(("=", "T", "t"))
    return int(match.group(1)), tied


def looks_like_time(cell: str) -> bool:
    return parse_time(cell.split()[0]) is not None if cell.strip() else False


_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?\s*(?:m|s|pts)?")


def _is_number(cell: str) -> bool:
    return _NUMBER.fullmatch(cell.strip()) is not None


_TWO_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_]", re.S)


def _looks_like_name(cell: str) -> bool:
    letters = cell.replace(" ", "")
    if letters.isalpha():  # most names: letters and spaces only, so neither a number nor a time
        # `status_of(cell) is None`: no digit, dot or dash to look for, the status words are all short.
        return len(letters) >= 2 and cell.strip().lower() not in STATUS_WORDS
    first = cell.split()[0] if cell.split() else ""
    return (
        _TWO_LETTERS.search(cell) is not None
        and not (first[:1].isdigit() and (_is_number(first) or parse_time(first) is not None))
        and status_of(cell) is None
        and not _is_number(cell)
        and ":" not in cell.strip()[:3]
    )


# One scorer per column kind, each cached: a table's ranks, lanes, nations and statuses recur row after row,
# and a row's cells are scored again when its alignment is in doubt.
@lru_cache(maxsize=4096)
def _fit_rank(cell: str) -> int:
    text = cell.strip()
    if not text or text in DASHES:
        return 0
    if parse_rank(text)[0] is not None or status_of(text) or RANK_RANGE.match(text):
        return 2
    return -3 if _looks_like_name(text) else -1


@lru_cache(maxsize=4096)
def _fit_lead(cell: str) -> int:
    text = cell.strip()
    if not text:
        return 0
    return 1 if len(text) <= 4 and not _looks_like_name(text) else -3


@lru_cache(maxsize=4096)
def _fit_name(cell: str) -> int:
    text = cell.strip()
    if not text:
        return -3
    return 3 if _looks_like_name(text) else -3


def _fit_members(cell: str) -> int:
    return _fit_name(cell) if cell.strip() else 0


@lru_cache(maxsize=4096)
def _fit_nation(cell: str) -> int:
    text = cell.strip()
    if not text:
        return 0
    return -2 if _is_number(text) or looks_like_time(text) else 1


@lru_cache(maxsize=4096)
def _fit_result(cell: str) -> int:
    text = cell.strip()
    if not text or text in DASHES:
        return 0
    first = text.split()[0]  # a single word: `looks_like_time(first)` is `parse_time(first) is not None`
    if parse_time(first) is not None or _is_number(first) or status_of(text) or status_of(first):
        return 2
    return -2 if _looks_like_name(text) else 0


@lru_cache(maxsize=4096)
def _fit_split(cell: str) -> int:
    text = cell.strip()
    if not text or text in DASHES:
        return 0
    return 1 if looks_like_time(text) else -2


def _fit_nothing(cell: str) -> int:
    return 0


_FITS: dict[Col, Callable[[str], int]] = {
    Col.RANK: _fit_rank,
    Col.LEAD: _fit_lead,
    Col.NAME: _fit_name,
    Col.MEMBERS: _fit_members,
    Col.NATION: _fit_nation,
    Col.RESULT: _fit_result,
    Col.SPLIT: _fit_split,
    Col.NOTES: _fit_nothing,
    Col.EXTRA: _fit_nothing,
}


# The kinds of column any cell fits (`fit` never negative): checking a cell against one tells nothing.
TAKES_ANYTHING = frozenset(kind for kind, fits in _FITS.items() if fits is _fit_nothing)


def fitter(kind: Col) -> Callable[[str], int]:
    """`fit` for one kind of column, to score many cells without looking the kind up for each."""
    return _FITS[kind]


def fit(kind: Col, cell: str) -> int:
    """How plausible `cell` is in a column of `kind`: positive fits, negative contradicts, 0 says nothing."""
    return _FITS[kind](cell)
