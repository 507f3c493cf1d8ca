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
from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein

from bot.performance import Unit, parse_time
from bot.quiz.model import Question
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
_PLACE_NOISE = frozenset({"place", "position", "the", "in", "finished", "medal", "overall", "was"})


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


def parse_guess(text: str, unit: Unit | None) -> float | None:
    """A typed time or mark in the answer's unit: `9.96`, `9,96`, `9.96s`, `1:03.3`, `1:21:45`, `8.67 m`."""
    raw = text.strip().lstrip("+").strip()
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


def within_precision(guess: float, answer: float, precision: int) -> bool:
    """Right when the guess rounds to the answer at the decimals asked."""
    return abs(guess - answer) <= 0.5 * 10.0**-precision + _EPS


# ---------------------------------------------------------------------------------------------- names

_NAME_TYPO_MIN = 6


def _tokens(name: str) -> list[str]:
    return normalize(name).split()


_NAME_SUFFIXES = frozenset({"jr", "sr", "junior", "senior", "ii", "iii", "iv"})


def _forms(name: str) -> set[str]:
    """The compact forms a person may be called by: the full name and every trailing part of it (the surname),
    with or without a generational suffix (`Jr`, `II`)."""
    tokens = _tokens(name)
    cut = len(tokens)
    while cut > 1 and tokens[cut - 1] in _NAME_SUFFIXES:
        cut -= 1
    base, suffix = tokens[:cut], "".join(tokens[cut:])
    return {"".join(base[i:]) + tail for i in range(len(base)) for tail in {"", suffix}}


def _compact(text: str) -> str:
    return normalize(text).replace(" ", "")


def _people(accepted: Iterable[str], names: Iterable[str]) -> dict[str, set[str]]:
    """Everyone the question is about or could be confused with, by compact full name, with their forms."""
    seen: dict[str, set[str]] = {}
    for name in [*accepted, *names]:
        key = _compact(name)
        if key and key not in seen:
            seen[key] = _forms(name)
    return seen


# ------------------------------------------------------------------------------------- nations, venues...

_GAMES_NOISE = re.compile(r"\b(the|olympics?|olympic|games|of|in|at)\b")
_TRUE = frozenset({"true", "t", "yes", "y", "right", "correct", "vrai"})
_FALSE = frozenset({"false", "f", "no", "n", "wrong", "incorrect", "faux"})


def games_key(text: str) -> str:
    return _compact(_GAMES_NOISE.sub(" ", normalize(text)))


def parse_boolean(text: str) -> bool | None:
    word = normalize(text)
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    return None


# ---------------------------------------------------------------------------------------------- verdict


class Judge:
    """Judges answers to one question; the forms of names and aliases are worked out once, not per answer."""

    def __init__(self, question: Question) -> None:
        self.question = question
        self._right = {_compact(a) for a in question.accepted}
        self._people: dict[str, set[str]] = {}
        self._others: list[str] = []
        kind = question.answer_type
        if kind == "name":
            self._people = _people(question.accepted, question.names)
        elif kind in ("nation", "venue"):
            self._others = [c for c in (_compact(d) for d in question.distractors) if c and c not in self._right]
        self._games = {games_key(a) for a in question.accepted} if kind == "games" else set()
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
            return FULL if self._name(text) else 0.0
        if kind in ("nation", "venue"):
            return FULL if self._alias(text) else 0.0
        if kind == "games":
            key = games_key(text)
            return FULL if key and key in self._games else 0.0
        if kind == "boolean":
            said = parse_boolean(text)
            return FULL if said is not None and said == self._truth else 0.0
        if q.value is None:
            return 0.0
        if kind == "place":
            rank = parse_place(text)
            return FULL if rank is not None and rank in self._ranks else 0.0
        if kind == "performance":
            value = parse_guess(text, q.unit)
            return FULL if value is not None and within_precision(value, q.value, q.precision) else 0.0
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

    def _name(self, guess: str) -> bool:
        g = _compact(guess)
        if len(g) < 2:
            return False
        if g in self._right:
            return True
        # A surname alone (`Moreno`, `van Egmond`): right when every person it could mean is a right answer.
        owners = {full for full, forms in self._people.items() if g in forms}
        if owners:
            return owners <= self._right
        if len(g) < _NAME_TYPO_MIN:
            return False
        # One slip of the keyboard, unless it could be someone else just as well.
        near = {
            full
            for full, forms in self._people.items()
            if any(len(f) >= _NAME_TYPO_MIN and Levenshtein.distance(g, f, score_cutoff=1) <= 1 for f in forms)
        }
        return bool(near) and near <= self._right

    def _alias(self, guess: str) -> bool:
        g = _compact(re.sub(r"^\s*the\s+", "", guess, flags=re.IGNORECASE))
        if not g:
            return False
        if g in self._right:
            return True
        if len(g) < _NAME_TYPO_MIN:
            return False
        near_right = any(
            len(a) >= _NAME_TYPO_MIN and Levenshtein.distance(g, a, score_cutoff=1) <= 1 for a in self._right
        )
        near_wrong = any(Levenshtein.distance(g, o, score_cutoff=1) <= 1 for o in self._others)
        return near_right and not near_wrong


def credit(question: Question, text: str) -> float:
    """One answer's credit (builds a Judge: for many answers to one question, keep a Judge)."""
    return Judge(question).credit(text)


def is_right(question: Question, text: str) -> bool:
    return Judge(question).right(text)
