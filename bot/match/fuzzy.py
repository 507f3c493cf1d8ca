"""Typo-tolerant lookups over a vocabulary of folded tokens, with bounded work per query.

Scorer choices, on purpose: a token is compared with OSA (optimal string alignment: Levenshtein plus adjacent
transpositions, so `glcuklich` is one edit from `glucklich`) with a `score_cutoff`, which bounds the work and
never rewards a short query for being a substring of a long name the way `WRatio`/`partial_ratio` do. Whole
names are only ranked (for suggestions) with `token_sort_ratio` on folded text, where word order must not count.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA


def allowed_edits(token: str) -> int:
    """Edits a typed token may carry: none for 1–3 letters, one for 4–5, two from 6 on. Digits never."""
    if any(ch.isdigit() for ch in token):
        return 0
    n = len(token)
    return 0 if n <= 3 else 1 if n <= 5 else 2


def edits(a: str, b: str, limit: int) -> int | None:
    """OSA distance when it is at most `limit`, else None."""
    if abs(len(a) - len(b)) > limit:
        return None
    d = int(OSA.distance(a, b, score_cutoff=limit))
    return d if d <= limit else None


def ranked(query: str, texts: list[str], limit: int) -> list[tuple[int, float]]:
    """(position, score) of the texts closest to `query` by `token_sort_ratio`, best first (folded input)."""
    found = process.extract(query, texts, scorer=fuzz.token_sort_ratio, processor=None, limit=limit)
    return [(int(pos), float(score)) for _, score, pos in found]


class Vocabulary:
    """Distinct tokens, sorted for prefix ranges and grouped by length for typo search."""

    def __init__(self, tokens: Iterable[str]) -> None:
        self.sorted = sorted(set(tokens))
        self.known = frozenset(self.sorted)
        by_length: dict[int, list[str]] = {}
        for token in self.sorted:
            by_length.setdefault(len(token), []).append(token)
        self.by_length = by_length

    def __contains__(self, token: object) -> bool:
        return token in self.known

    def with_prefix(self, prefix: str, limit: int | None = None) -> list[str]:
        """Tokens starting with `prefix`, in order; at most `limit` of them."""
        start = bisect_left(self.sorted, prefix)
        out: list[str] = []
        for token in self.sorted[start:]:
            if not token.startswith(prefix) or (limit is not None and len(out) >= limit):
                break
            out.append(token)
        return out

    def near(self, token: str, limit: int | None = None) -> list[tuple[str, int]]:
        """Tokens within the allowed edits of `token` (itself included, with 0), closest first."""
        budget = allowed_edits(token) if limit is None else limit
        if budget == 0:
            return [(token, 0)] if token in self.known else []
        out: list[tuple[str, int]] = []
        for length in range(len(token) - budget, len(token) + budget + 1):
            bucket = self.by_length.get(length)
            if not bucket:
                continue
            for found, distance, _ in process.extract(
                token, bucket, scorer=OSA.distance, score_cutoff=budget, limit=None
            ):
                out.append((found, int(distance)))
        out.sort(key=lambda item: item[1])
        return out
