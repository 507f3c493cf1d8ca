"""Athlete names as the matcher compares them: folded tokens, hyphen and apostrophe joins, nicknames."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from bot.reference import DATA_DIR
from bot.text import fold

_PART = re.compile(r"[a-z0-9]+")
NICKNAMES_FILE = DATA_DIR / "name_nicknames.csv"


@dataclass(frozen=True, slots=True)
class Shape:
    """A name's folded tokens in order, and the joined forms of parts written with a hyphen or apostrophe
    (`Young-cho` -> `youngcho` covering two tokens), so `Hwang Youngcho` and `Hwang Young cho` both fit."""

    tokens: tuple[str, ...]
    joins: tuple[tuple[str, int, int], ...] = ()  # (joined token, first position, number of tokens)


class Folder:
    """Folds names word by word, remembering each word: names share most of their words."""

    def __init__(self) -> None:
        self._words: dict[str, tuple[str, ...]] = {}

    def word(self, word: str) -> tuple[str, ...]:
        parts = self._words.get(word)
        if parts is None:
            parts = self._words[word] = tuple(_PART.findall(fold(word)))
        return parts

    def shape(self, name: str) -> Shape:
        tokens: list[str] = []
        joins: list[tuple[str, int, int]] = []
        for word in name.split():
            parts = self.word(word)
            if len(parts) > 1:
                joins.append(("".join(parts), len(tokens), len(parts)))
            tokens.extend(parts)
        return Shape(tuple(tokens), tuple(joins))


def query_tokens(text: str) -> list[str]:
    """A typed query as folded tokens (`J. M. Moreno` -> `j m moreno`)."""
    return _PART.findall(fold(text))


def load_nicknames(path: Path = NICKNAMES_FILE) -> dict[str, frozenset[str]]:
    """Each name and nickname -> the others of its group (`bob` -> robert, bobby, rob, ...)."""
    groups: dict[str, set[str]] = {}
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            words = {w for w in query_tokens(row["name"])}
            for nick in (row.get("nicknames") or "").split(";"):
                words.update(query_tokens(nick))
            for word in words:
                groups.setdefault(word, set()).update(words - {word})
    return {word: frozenset(others) for word, others in groups.items()}
