"""A question as the rules read it: folded to lower-case ASCII words, numbers written in words made digits
(`fourth` -> `4th`, `twenty kilometres` -> `20 kilometres`), possessives and punctuation dropped."""

from __future__ import annotations

import re

from bot.text import normalize

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "fortieth": 40, "fiftieth": 50,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000}
# `second` is also a unit of time and `one` a pronoun: made a number only where a number is expected.
_AMBIGUOUS = {"second": "2nd", "one": "1"}
_UNIT_WORDS = frozenset(
    {
        "km",
        "k",
        "kilometre",
        "kilometres",
        "kilometer",
        "kilometers",
        "metre",
        "metres",
        "meter",
        "meters",
        "m",
        "mile",
        "miles",
        "kg",
        "lap",
        "laps",
        "x",
        "hundred",
        "thousand",
    }
)
_POSSESSIVE = re.compile(r"(\w)['’]s\b")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(st|nd|rd|th)$")


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def fold_question(text: str) -> str:
    """`Who finished fourth in the twenty km walk?` -> `who finished 4th in the 20 km walk`."""
    words = normalize(_POSSESSIVE.sub(r"\1", text.replace("-", " "))).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word in _ORDINALS and not (word == "second" and _is_time_unit(words, i)):
            n = _ORDINALS[word]
            if out and n < 10 and i and words[i - 1] in _TENS:  # `thirty second` -> 32nd
                out.pop()
                n += _TENS[words[i - 1]]
            out.append(ordinal(n))
            i += 1
            continue
        number, taken = _cardinal(words, i)
        # A number in words only before a unit (`twenty km`): elsewhere it may be the event's own word
        # (`four-man` bobsleigh, `coxless four`).
        if taken and i + taken < len(words) and words[i + taken] in _UNIT_WORDS:
            out.append(str(number))
            i += taken
            continue
        out.append(word)
        i += 1
    return " ".join(out)


def _is_time_unit(words: list[str], i: int) -> bool:
    """`by a second`, `0.5 second`: the unit; `second place`, `the second`: the place."""
    before = words[i - 1] if i else ""
    return before in ("a", "half") or before.replace(".", "").isdigit()


def _cardinal(words: list[str], i: int) -> tuple[int, int]:
    """The number the words from `i` spell (`twenty two`, `one hundred and five`) and how many words it took."""
    total = current = 0
    taken = 0
    j = i
    while j < len(words):
        word = words[j]
        if word in _UNITS and not (word == "one" and taken == 0 and not _number_follows(words, j)):
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES and taken:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word == "and" and taken and j + 1 < len(words) and (words[j + 1] in _UNITS or words[j + 1] in _TENS):
            pass
        else:
            break
        taken = j - i + 1
        j += 1
    return total + current, taken


def _number_follows(words: list[str], j: int) -> bool:
    """`one hundred`, `one km`: a number; `the one who` is not."""
    nxt = words[j + 1] if j + 1 < len(words) else ""
    return nxt in _SCALES or nxt in ("km", "kilometre", "kilometres", "metre", "metres", "m", "mile", "miles")


def place_of(word: str) -> int | None:
    """`4th` -> 4, `4` -> 4."""
    m = _ORDINAL_DIGITS.match(word)
    if m:
        return int(m.group(1))
    return int(word) if word.isdigit() and len(word) <= 3 else None
