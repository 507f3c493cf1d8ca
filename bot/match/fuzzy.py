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
    if not token.isalpha():
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
    """Distinct tokens, sorted for prefix ranges, and grouped for typo search by (first letter, length) and by
    (last two letters, length): a typo is looked for among words sharing the first letter or the last two, so the
    work per lookup is a small slice of the vocabulary. (Typos at both ends of a word at once are not found;
    people rarely make them.)"""

    def __init__(self, tokens: Iterable[str]) -> None:
        self.sorted = sorted(set(tokens))
        self.known = frozenset(self.sorted)
        by_first: dict[tuple[str, int], list[str]] = {}
        by_last: dict[tuple[str, int], list[str]] = {}
        for token in self.sorted:
            by_first.setdefault((token[:1], len(token)), []).append(token)
            by_last.setdefault((token[-2:], len(token)), []).append(token)
        self.by_first = by_first
        self.by_last = by_last

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

    def near(self, token: str, budget: int | None = None) -> list[tuple[str, int]]:
        """Tokens within `budget` edits (default: the allowed edits) of `token`, itself included, closest first."""
        budget = allowed_edits(token) if budget is None else budget
        if budget == 0:
            return [(token, 0)] if token in self.known else []
        out: dict[str, int] = {}
        for length in range(max(1, len(token) - budget), len(token) + budget + 1):
            for bucket in (self.by_first.get((token[:1], length)), self.by_last.get((token[-2:], length))):
                if not bucket:
                    continue
                for found, distance, _ in process.extract(
                    token, bucket, scorer=OSA.distance, score_cutoff=budget, limit=None
                ):
                    out[found] = int(distance)
        return sorted(out.items(), key=lambda item: item[1])
