"""The parser's fast paths answer exactly as the plain code they skip: checked against that code here."""

from __future__ import annotations

import html
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.parse.columns import _looks_like_name, status_of
from bot.parse.page import clean_cell, split_cells
from bot.parse.results import _MEMBER_SPLIT, _NOTE_CODE, _NOTE_SPLIT, _members, _notes
from bot.performance import _MARKERS, _TRAILING_BRACKET, _WIND, NOTE_TOKENS, parse_time, split_notes
from bot.text import clean_text, fold, normalize

# Characters the fast paths look for, and some they must not mistake for plain ones.
ODD = " \t\n\x0b\x1c\x85\u00a0\u2007\u202f\u200b\ufeff\u2028\u3000|[]{}&;#'*,:.()-+0123456789sSQRWéłe\u0301²٥"
TEXT = st.text(alphabet=st.sampled_from(ODD) | st.characters(), max_size=16)
SNIPPETS = st.sampled_from(["&amp;", "&#45;", "&nbsp;", "''", "[[a|b]]", "{{flag|USA}}", "[1]", "  ", "--", " pts"])
MARKUP = st.lists(st.one_of(TEXT, SNIPPETS), max_size=6).map("".join)

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u200b\ufeff]+")


def _clean_text_plain(raw: str) -> str:
    text = html.unescape(raw) if "&" in raw else raw
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", text).strip()


def _parse_time_plain(text: str) -> tuple[float, int] | None:
    raw = text.strip().rstrip("s").strip()
    # older notation between digits: `'` for `:` (`4'52:03`), `"` for `.` (`10"8`)
    raw = re.sub(r"(?<=\d)['′](?=\d)", ":", raw)
    raw = re.sub(r"(?<=\d)[\"″](?=\d)", ".", raw)
    if not raw or raw.count(":") > 2:
        return None
    parts = raw.replace(",", ".").split(":")
    if not all(parts) or not all(re.fullmatch(r"\d+(?:\.\d+)?", p) for p in parts):
        return None
    if any("." in p for p in parts[:-1]):
        return None
    for p in parts[1:]:
        whole = p.split(".")[0]
        if len(whole) != 2 or int(whole) > 59:
            return None
    seconds = 0.0
    for p in parts:
        seconds = seconds * 60 + float(p)
    decimals = len(parts[-1].split(".", 1)[1]) if "." in parts[-1] else 0
    return round(seconds, 6), decimals


@settings(max_examples=3000, deadline=None)
@given(MARKUP)
def test_clean_text_fast_path_changes_nothing(text: str) -> None:
    assert clean_text(text) == _clean_text_plain(text)


@settings(max_examples=2000, deadline=None)
@given(st.lists(MARKUP, min_size=1, max_size=5))
def test_plain_rows_split_as_cleaned_cells(cells: list[str]) -> None:
    line = "| " + " | ".join(cells) + " |"
    body = line.strip()[1:].removesuffix("|")
    if "[[" not in body and "{{" not in body:
        assert split_cells(line) == [clean_cell(cell) for cell in body.split("|")]


TIMES = st.lists(
    st.one_of(
        st.sampled_from(["0", "5", "00", "09", "59", "60", "100", "5.5", "59.99", "07,2", "1.", ".5", "٥٩"]), TEXT
    ),
    min_size=1,
    max_size=4,
).map(":".join)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(TIMES, TIMES.map(lambda t: f" {t}s "), TEXT))
def test_parse_time_as_plain_reading(text: str) -> None:
    assert parse_time(text) == _parse_time_plain(text)


def _split_notes_plain(cell: str) -> tuple[str, list[str]]:
    text = cell.strip()
    notes: list[str] = []
    for _ in range(4):  # at most four bracketed notes are read
        bracket = _TRAILING_BRACKET.search(text)
        if not bracket or not text[: bracket.start()].strip():
            break
        inner = bracket.group(1).strip()
        if _WIND.match(inner):
            notes.insert(0, f"wind {inner}")
        else:
            notes[:0] = [t for t in re.split(r"[\s,]+", inner) if t]
        text = text[: bracket.start()].rstrip()
    bracketed = len(notes)
    tokens = text.replace(",", " ").split()
    while len(tokens) > 1 and (tokens[-1] in NOTE_TOKENS or tokens[-1] == "w") and len(notes) - bracketed < 8:
        notes.insert(0, tokens.pop())
    if tokens and len(tokens[-1]) > 1 and tokens[-1].endswith(_MARKERS):
        notes.insert(0, tokens[-1][-1])
        tokens[-1] = tokens[-1][:-1]
    return " ".join(tokens), notes


@settings(max_examples=3000, deadline=None)
@given(
    st.one_of(
        TIMES,
        MARKUP,
        st.lists(st.one_of(TIMES, st.sampled_from(["Q", "WR", "(+1.2)", "(Q, SB)", "*"])), max_size=4).map(" ".join),
    )
)
def test_split_notes_fast_path(text: str) -> None:
    assert split_notes(text) == _split_notes_plain(text)


MEMBER_LISTS = st.lists(
    st.one_of(TEXT, st.sampled_from([", ", ";", " / ", " and ", "Sandra", "<br>", "<br />", "\u00a0", "  "])),
    max_size=8,
).map("".join)


@settings(max_examples=3000, deadline=None)
@given(MEMBER_LISTS)
def test_members_split_as_the_pattern_splits(text: str) -> None:
    assert _members(text) == [m for m in (part.strip() for part in _MEMBER_SPLIT.split(text)) if m]


@settings(max_examples=3000, deadline=None)
@given(st.one_of(MARKUP, st.text(alphabet=st.characters(max_codepoint=127), max_size=16)))
def test_normalize_fast_path_as_fold_then_words(text: str) -> None:
    assert normalize(text) == re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()


@settings(max_examples=3000, deadline=None)
@given(
    st.one_of(MARKUP, st.sampled_from(["Carl Lewis", "DNF", "Did not finish", "x", "Ōta Yūki", "ǅ ǈ", "Ⅻ", "5 pts"]))
)
def test_names_of_letters_read_as_by_the_full_check(cell: str) -> None:
    first = cell.split()[0] if cell.split() else ""
    plain = (
        re.search(r"[^\W\d_].*?[^\W\d_]", cell, re.S) is not None
        # `43.4 OR`: a cell that starts with a number or a time is a result with its note, not a name
        and not (
            first[:1].isdigit() and (re.fullmatch(r"[+-]?\d+(?:[.,]\d+)?\s*(?:m|s|pts)?", first) or parse_time(first))
        )
        and status_of(cell) is None
        and re.fullmatch(r"[+-]?\d+(?:[.,]\d+)?\s*(?:m|s|pts)?", cell.strip()) is None
        and ":" not in cell.strip()[:3]
    )
    assert _looks_like_name(cell) == plain


@settings(max_examples=2000, deadline=None)
@given(st.one_of(TEXT, st.sampled_from(["Q", "q", "WR", "=OR", "SO", "abcd", "é", "Q\n", "1"])))
def test_notes_fast_path(text: str) -> None:
    tokens = [t for t in _NOTE_SPLIT.split(text) if t]
    plain = tokens if all(_NOTE_CODE.match(t) for t in tokens) else [text.strip()]
    assert _notes(text) == plain
