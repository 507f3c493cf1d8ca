"""Is a typed answer right? Matched by the answer's type: neither loose ("chair" is not "air") nor pedantic.

- names: folded for accents, case and punctuation; a surname alone (any trailing part of the name, `van Egmond`,
  `Egmond`) counts when nobody else in the question's event ends with it; one typo in a name of six letters or
  more counts when it fits nobody else;
- times and marks: `9.96`, `9,96`, `9.96s`, `9.96 s`, `1:03.3`, `63.3` (seconds), `8.67 m`, right when they round
  to the answer at the precision asked (`1:13` is `1:13.0`; `1:03.34` is not `1:03.342`);
- places: `3rd`, `3`, `third`, `bronze`, `=4`, `tied 4th`, `joint fourth`;
- counts: `42`, `forty-two`, `42 competitors`; a guess at a number earns partial credit by distance;
- nations (code or name), Games (`1992`, `Barcelona 1992`, `1992 Summer`), venues and true/false by their forms.

An answer that hedges (two numbers, "4th or 5th") is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from bot.match.fuzzy import edits
from bot.match.names import load_nicknames
from bot.performance import Unit, parse_time
from bot.quiz.model import Question
from bot.quiz.names import NameJudge
from bot.reference import Reference, load_reference
from bot.text import normalize

FULL = 1.0
_EPS = 1e-9

# ---------------------------------------------------------------------------------------------- number words

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINAL_WORDS = {
    "first": "one", "second": "two", "third": "three", "fourth": "four", "fifth": "five", "sixth": "six",
    "seventh": "seven", "eighth": "eight", "ninth": "nine", "tenth": "ten", "eleventh": "eleven", "twelfth": "twelve",
}  # fmt: skip
_FILLER = frozenset({"and", "a", "about", "around", "roughly", "approximately", "approx", "circa", "ca"})


def _cardinal_of_ordinal(word: str) -> str:
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    if word.endswith("ieth"):  # twentieth -> twenty
        return word[:-4] + "y"
    if word.endswith("th") and word[:-2] in _UNITS:  # thirteenth -> thirteen
        return word[:-2]
    if word.endswith("hundredth"):
        return "hundred"
    return word


def words_to_number(words: list[str]) -> int | None:
    """`["forty", "two"]` -> 42, `["one", "hundred", "and", "five"]` -> 105; None unless every word is a number word."""
    total, current, seen = 0, 0, False
    for word in words:
        if word == "and" and seen:
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


_NUMBER_TOKEN = re.compile(r"(?<![\w.,])[-+]?\d+(?:[.,]\d+)?(?![\w.,]*\d)")


def parse_number(text: str) -> float | None:
    """A count as people type it: `42`, `42 competitors`, `forty-two`, `about 40`. None when absent or hedged."""
    raw = text.strip().lower().replace("~", " ")
    numbers = re.findall(r"\d+(?:[.,]\d+)?", raw)
    if len(numbers) > 1:
        return None
    if numbers:
        if re.search(r"\b(or|to)\b|-\s*\d|/", raw.replace(numbers[0], "", 1)):
            return None
        return float(numbers[0].replace(",", "."))
    words = [w for w in re.split(r"[\s-]+", normalize(raw)) if w and w not in _FILLER - {"and"}]
    # Leading number words, then at most a noun (`forty two competitors`).
    for cut in range(len(words), 0, -1):
        value = words_to_number(words[:cut])
        if value is not None:
            return float(value) if len(words) - cut <= 1 else None
    return None


# ----------------------------------------------------------------------------------------------- places

_MEDAL_PLACES = {"gold": 1, "silver": 2, "bronze": 3}
_PLACE_PREFIX = re.compile(r"^(?:tied|joint|equal|shared|t|=)\s*")
_PLACE_NUMBER = re.compile(r"^(\d{1,4})\s*(?:st|nd|rd|th)?$")
_PLACE_NOISE = frozenset({
    "place", "position", "the", "in", "finished", "finish", "finishing", "medal", "overall", "was", "came", "come",
    "ended", "took", "placed", "for", "he", "she", "they", "it", "i", "think",
})  # fmt: skip


def parse_place(text: str) -> int | None:
    """`3rd`, `3`, `third`, `bronze`, `=4`, `tied 4th`, `joint fourth`, `4th place` -> the rank; None otherwise."""
    raw = text.strip().lower()
    raw = re.sub(r"^=\s*", "tied ", raw)
    words = [w for w in re.split(r"[\s\-]+", re.sub(r"[^\w=\s\-]", " ", raw)) if w and w not in _PLACE_NOISE]
    while words and _PLACE_PREFIX.fullmatch(words[0] + " "):
        words = words[1:]
    if not words:
        return None
    if len(words) == 1:
        word = words[0]
        if word in _MEDAL_PLACES:
            return _MEDAL_PLACES[word]
        if word.startswith("t") and _PLACE_NUMBER.match(word[1:]):  # golf style: T4
            word = word[1:]
        found = _PLACE_NUMBER.match(word)
        if found:
            rank = int(found.group(1))
            return rank if rank >= 1 else None
    value = words_to_number([_cardinal_of_ordinal(w) for w in words])
    return value if value is not None and value >= 1 else None


def ordinal(rank: int) -> str:
    """1 -> `1st`, 22 -> `22nd`, 13 -> `13th`."""
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


# -------------------------------------------------------------------------------------- times and marks

_PERF_SUFFIX = re.compile(
    r"\s*(?P<unit>seconds|second|secs|sec|s|metres|metre|meters|meter|m|points|pts|pt|km/h)\.?$", re.IGNORECASE
)


_TIME_PART = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m|'|seconds?|secs?|s|\")(?![a-z])", re.IGNORECASE
)


# Words before a number that hedge or frame it, not change it (`about 1:03.3`, `in 9.96`).
_GUESS_LEAD = re.compile(r"^(?:(?:about|around|roughly|approx(?:imately)?|circa|ca|~|it was|in)\s*)+", re.I)
_MIN_SEC = re.compile(r"(\d+)\s*(?:m|min|mins|minutes?|')\s*(\d{1,2}(?:[.,]\d+)?)\s*(?:s|secs?|seconds?|\")?", re.I)


def _time_in_words(raw: str) -> float | None:
    """`1h 18m 13s`, `1 min 3.342 sec`, `1'03.342"` -> seconds; None unless the whole text is such parts."""
    parts = list(_TIME_PART.finditer(raw))
    if len(parts) < 2 or _TIME_PART.sub("", raw).strip(" ,and"):
        return None
    scale = {"h": 3600.0, "m": 60.0, "'": 60.0, "s": 1.0, '"': 1.0}
    total = 0.0
    for part in parts:
        total += float(part.group(1).replace(",", ".")) * scale[part.group(2)[0].lower()]
    return total


def parse_guess(text: str, unit: Unit | None, near: float | None = None) -> float | None:
    """A typed time or mark in the answer's unit: `9.96`, `9,96`, `9.96s`, `1:03.3`, `1:21:45`, `8.67 m`, `8m67`,
    `1m 03.342s`, `1h 18m 13s`, `1.03.342` (dots for colons; `near`, the answer, tells `1.18.13` as h:mm:ss from
    m:ss.xx)."""
    raw = re.sub(
        r"^(?:(?:about|around|roughly|approx(?:imately)?|circa|ca|~|it was|in)\s*)+", "", text.strip(), flags=re.I
    )
    raw = raw.lstrip("+").rstrip(".!?").strip()
    if unit in (None, "s"):
        spoken = _time_in_words(raw)
        if spoken is not None:
            return spoken
        clipped = _MIN_SEC.fullmatch(raw)  # `1m03.342`, `1min 3.342`, `1'03.342`
        if clipped:
            return float(clipped.group(1)) * 60 + float(clipped.group(2).replace(",", "."))
        dotted = re.fullmatch(r"(\d+)[.](\d{2})[.,](\d+)", raw)
        if dotted:  # `1.03.342`: minutes, seconds and decimals; `1.18.13` over an hour: h.mm.ss
            a, b, c = dotted.groups()
            raw = f"{a}:{b}:{c}" if near is not None and near >= 3600 else f"{a}:{b}.{c}"
    if unit == "m":
        french = re.fullmatch(r"(\d+)\s*m\s*(\d{1,2})", raw, re.IGNORECASE)  # `8m67`
        if french:
            return float(f"{french.group(1)}.{french.group(2)}")
    suffix = _PERF_SUFFIX.search(raw)
    if suffix:
        word = suffix.group("unit").lower()
        written: Unit | None = "s" if word.startswith("s") else "m" if word.startswith("m") else "pts"
        if word == "km/h" or (unit is not None and written != unit):
            return None
        raw = raw[: suffix.start()].strip()
    if not raw:
        return None
    if ":" in raw:
        if unit not in (None, "s"):
            return None
        timed = parse_time(raw)
        return timed[0] if timed else None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", raw):
        return float(raw.replace(",", "."))
    return None


# A time or mark within about 1 % of the answer (and never less than a few of the last digits asked) earns part
# of the points, the nearer the more, at most this share: full credit is for the answer at the precision asked.
NEAR_SHARE = 0.01
NEAR_DIGITS = 5
NEAR_CAP = 0.9


def near_credit(guess: float, answer: float, precision: int) -> float:
    """Partial credit for a time or mark close to the answer (`1:03.34` for 1:03.342); 0 beyond about 1 %."""
    tolerance = max(NEAR_SHARE * abs(answer), NEAR_DIGITS * 10.0**-precision)
    return round(NEAR_CAP * max(0.0, 1.0 - abs(guess - answer) / tolerance), 2)


def within_precision(guess: float, answer: float, precision: int) -> bool:
    """Right when the guess rounds to the answer at the decimals asked."""
    return abs(guess - answer) <= 0.5 * 10.0**-precision + _EPS


# ---------------------------------------------------------------------------------------------- names

_ALIAS_TYPO_MIN = 5


def _compact(text: str) -> str:
    return normalize(text).replace(" ", "")


# ------------------------------------------------------------------------------------- nations, venues...

_GAMES_NOISE = re.compile(r"\b(the|olympics?|olympic|games|of|in|at)\b")
_TRUE = frozenset({
    "true", "t", "yes", "y", "right", "correct", "vrai", "yeah", "yea", "yep", "yup", "ya", "aye", "sure", "indeed",
    "affirmative", "it is true", "that s true", "thats true", "of course", "definitely", "absolutely", "yes it is",
    "yes he did", "yes she did", "he did", "she did",
})  # fmt: skip
_FALSE = frozenset({
    "false", "f", "no", "n", "wrong", "incorrect", "faux", "nope", "nah", "nay", "negative", "not true",
    "it is false", "that s false", "thats false", "definitely not", "of course not", "no way", "not at all",
    "no it is not", "no he didn t", "no she didn t", "he didn t", "she didn t", "he did not", "she did not",
})  # fmt: skip


def games_key(text: str) -> str:
    return _compact(_GAMES_NOISE.sub(" ", normalize(text)))


def games_keys(text: str, years: Iterable[int]) -> set[str]:
    """The keys of a typed Games, with a two-digit year (`Barcelona '92`, `Sydney 00`) read as each of `years`
    it could stand for."""
    keys = {games_key(text)}
    for year in years:
        short = re.sub(rf"(?<!\d)[\'’`]?{year % 100:02d}(?!\d)", str(year), text)
        if short != text:
            keys.add(games_key(short))
    return keys


def parse_boolean(text: str) -> bool | None:
    word = normalize(text)
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    return None


# ---------------------------------------------------------------------------------------------- verdict


@dataclass(frozen=True)
class Tables:
    """The bot's own tables a typed answer is read with: nicknames (`bill` for William), and the reference's
    nations (codes, names, common and historical names, ISO codes) and Games (host cities and their other names)."""

    nicknames: Mapping[str, frozenset[str]] = field(default_factory=dict)
    reference: Reference = field(default_factory=Reference)

    @property
    def iso2(self) -> dict[str, str]:
        return {n.iso2.lower(): code for code, n in self.reference.nations.items() if n.iso2}

    def nation_code(self, text: str) -> str | None:
        found = self.reference.nation_code(text)
        if found is None and len(_compact(text)) == 2:
            found = self.iso2.get(_compact(text))
        return found


@lru_cache(maxsize=1)
def default_tables() -> Tables:
    """The bundled tables (`data/`), read once on first use."""
    return Tables(load_nicknames(), load_reference())


class Judge:
    """Judges answers to one question; the forms of names and aliases are worked out once, not per answer."""

    def __init__(self, question: Question, tables: Tables | None = None) -> None:
        self.question = question
        self.tables = tables or default_tables()
        self._right = {_compact(a) for a in question.accepted}
        self._others: list[str] = []
        self._names: NameJudge | None = None
        self._codes: set[str] = set()
        kind = question.answer_type
        if kind == "name":
            self._names = NameJudge(question.accepted, question.names, self.tables.nicknames, question.name_orders)
        elif kind in ("nation", "venue"):
            self._others = [c for c in (_compact(d) for d in question.distractors) if c and c not in self._right]
        if kind == "nation":
            self._codes = {c for c in (self.tables.nation_code(a) for a in question.accepted) if c}
        self._games = {games_key(a) for a in question.accepted} if kind == "games" else set()
        self._years = sorted({int(y) for a in question.accepted for y in re.findall(r"\d{4}", a)})
        self._ranks = {parse_place(a) for a in question.accepted} if kind == "place" else set()
        self._truth = parse_boolean(question.answer) if kind == "boolean" else None

    def credit(self, text: str) -> float:
        """How right a typed answer (or a chosen option's text) is: 1.0 right, 0.0 wrong, between for near
        guesses at a number."""
        if not text or not text.strip():
            return 0.0
        q = self.question
        kind = q.answer_type
        if kind == "name":
            return FULL if self._names is not None and self._names.is_right(text) else 0.0
        if kind == "nation":
            code = self.tables.nation_code(text)
            if code is not None:
                return FULL if code in self._codes else 0.0
            return FULL if self._alias(text) else 0.0
        if kind == "venue":
            return FULL if self._alias(text) else 0.0
        if kind == "games":
            keys = games_keys(text, self._years) - {""}
            return FULL if keys & self._games else 0.0
        if kind == "boolean":
            said = parse_boolean(text)
            return FULL if said is not None and said == self._truth else 0.0
        if q.value is None:
            return 0.0
        if kind == "place":
            rank = parse_place(text)
            return FULL if rank is not None and rank in self._ranks else 0.0
        if kind == "performance":
            value = parse_guess(text, q.unit, near=q.value)
            if value is None:
                return 0.0
            if within_precision(value, q.value, q.precision):
                return FULL
            return near_credit(value, q.value, q.precision) if q.scoring == "closest" else 0.0
        number = parse_number(text)
        if number is None:
            return 0.0
        if within_precision(number, q.value, q.precision):
            return FULL
        if q.scoring == "closest" and q.tolerance:
            return round(max(0.0, 1.0 - abs(number - q.value) / q.tolerance), 2)
        return 0.0

    def right(self, text: str) -> bool:
        return self.credit(text) >= FULL - _EPS

    def _alias(self, guess: str) -> bool:
        g = _compact(re.sub(r"^\s*the\s+", "", guess, flags=re.IGNORECASE))
        if not g:
            return False
        if g in self._right:
            return True
        if len(g) < _ALIAS_TYPO_MIN:
            return False
        # One slip (an edit, or two letters swapped), unless it is as near a wrong option.
        near_right = any(len(a) >= _ALIAS_TYPO_MIN and edits(g, a, 1) is not None for a in self._right)
        near_wrong = any(edits(g, o, 1) is not None for o in self._others)
        return near_right and not near_wrong


def credit(question: Question, text: str) -> float:
    """One answer's credit (builds a Judge: for many answers to one question, keep a Judge)."""
    return Judge(question).credit(text)


def is_right(question: Question, text: str) -> bool:
    return Judge(question).right(text)
