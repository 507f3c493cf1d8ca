"""Finding the athlete a typed name means, and completing a name being typed.

Athletes are numbered by prominence (medals, then Games, then recency), so a sorted set of numbers is already in
the order lists are shown in. A query is split into folded tokens; each token may match a name token exactly,
as an initial (`j` for `José`), as a nickname (`bob` for `Robert`), as a join of parts written with a hyphen
(`youngcho` for `Young-cho`), and, only when nothing fits exactly, with typos (OSA, bounded by the token's length)
or as a prefix. Word order never counts. Every query token must be used: unmatched name tokens (middle names,
a given name left out) are fine. The fits of the lowest cost are the answer: one is a match, several are an
ambiguity, shown with the fullest fits first, then the most prominent.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from bot.index import PodiumIndex
from bot.match.fuzzy import Vocabulary, allowed_edits, edits, ranked
from bot.match.names import Folder, Shape, query_tokens
from bot.match.types import MAX_CHOICES

VERIFY_LIMIT = 4000  # candidates checked per stage at most, the most prominent first
COMPLETE_SCAN = 250  # candidates autocomplete checks when only initials and a prefix were typed
MAX_WORDS = 8  # a name is never longer; longer input is not searched
MAX_COST = 2  # typos, prefixes and nicknames a fit may carry in all
PREFIX_MIN = 4  # a truncated word counts from this many letters (`hamal` for Hämäläinen)
# Typo levels: none; typos by word length; and, beside a longer word, also one in a three-letter word.
EXACT, TYPOS, LOOSE = 0, 1, 2
SUGGESTIONS = 5
_TOP = MAX_CHOICES  # how many athletes a short prefix keeps, for autocomplete


@dataclass(frozen=True, slots=True)
class Typed:
    """A typed token and what it may match: itself, as an initial, a nickname, a prefix, or with typos."""

    text: str
    initial: bool
    nicknames: frozenset[str]
    budget: int  # typo edits allowed
    prefix_cost: int | None  # the cost of matching as a prefix; None: not allowed

    def cost(self, token: str) -> int | None:
        typed = self.text
        if token == typed:
            return 0
        if self.initial:
            return 0 if token.startswith(typed) else None
        if token in self.nicknames:
            return 1
        if self.prefix_cost is not None and token.startswith(typed):
            return self.prefix_cost
        if self.budget:
            return edits(typed, token, self.budget)
        return None


@dataclass(frozen=True, slots=True)
class Fit:
    handle: int  # the athlete's number (its prominence rank)
    cost: int  # 0 is an exact fit; each typo edit, prefix or nickname adds one
    unmatched: int  # name tokens the query left out
    score: float


def _score(cost: int, unmatched: int) -> float:
    """100 for the whole name, 95 when words of the name were left out; 15 less for each typo, prefix, nickname."""
    return float(max(0, 100 - 15 * cost - (5 if unmatched else 0)))


def prominence_order(index: PodiumIndex) -> list[int]:
    """Athlete numbers (of the index's athlete table), most prominent first: medals (gold 3, silver 2, bronze 1,
    one per event), then Games, then the latest year. Ties keep the index's order, which is deterministic."""
    table = index.athletes
    years = [index.infos[eid].year or 0 for eid in table.event_ids]
    weights = (0, 3, 2, 1)  # by the table's medal code: none, gold, silver, bronze
    starts, app_event, app_medal = table.starts, table.app_event, table.app_medal
    keyed: list[tuple[int, int]] = []
    for n in range(len(table)):
        medals: dict[int, int] = {}
        seen: set[int] = set()
        for k in range(starts[n], starts[n + 1]):
            event = app_event[k]
            seen.add(years[event])
            if app_medal[k]:
                medals[event] = weights[app_medal[k]]
        weight = sum(medals.values())
        keyed.append((-(weight * 10**8 + len(seen) * 10**4 + max(seen, default=0)), n))
    keyed.sort()
    return [n for _, n in keyed]


class AthleteMatcher:
    def __init__(self, index: PodiumIndex, nicknames: dict[str, frozenset[str]]) -> None:
        order = prominence_order(index)
        folder = Folder()
        # Handles are prominence ranks; `order` maps them to the index's athlete numbers (ids stay in the index).
        self.order = array("I", order)
        names = [index.athletes.names[n] for n in order]
        self.nicknames = nicknames
        # Each name as its folded tokens joined by spaces (compact to keep and to cache); the few names written
        # with hyphens or apostrophes also keep their joins.
        self.folded: list[str] = []
        self.joins: dict[int, tuple[tuple[str, int, int], ...]] = {}
        single: dict[str, list[int]] = {}  # names of one word, by that word
        post: dict[str, list[int]] = {}
        first: dict[str, list[int]] = {}
        for h, name in enumerate(names):
            shape = folder.shape(name)
            tokens = shape.tokens
            self.folded.append(" ".join(tokens))
            if tokens:
                first.setdefault(tokens[0], []).append(h)
            if len(tokens) == 1:
                single.setdefault(tokens[0], []).append(h)
            for token in set(tokens):
                post.setdefault(token, []).append(h)
            if shape.joins:
                self.joins[h] = shape.joins
                for joined, _, _ in shape.joins:
                    found = post.setdefault(joined, [])
                    if not found or found[-1] != h:
                        found.append(h)
        # Postings as arrays of 4-byte numbers: lists of int objects took five times the memory.
        self.post = {t: array("I", hs) for t, hs in post.items()}
        self.first = {t: array("I", hs) for t, hs in first.items()}
        self.single = {t: array("I", hs) for t, hs in single.items()}
        self.vocab = Vocabulary(post)
        self.first_vocab = Vocabulary(first)
        self.top_any = _prefix_tops(self.post)
        self.top_first = _prefix_tops(self.first)

    # --- resolving ----------------------------------------------------------------------------------------------
    def resolve(self, query: str, suggest: bool = True) -> tuple[str, list[Fit]]:
        """(outcome, fits best first); for "none" the fits are suggestions (when `suggest`)."""
        tokens = query_tokens(query)
        if not any(len(t) > 1 for t in tokens) or len(tokens) > MAX_WORDS:
            return "none", []  # initials alone name no one; nor does a sentence
        alternatives = self._alternatives(tokens)
        fits = self._stage(alternatives, EXACT)
        if not fits:
            words = [t for t in tokens if len(t) > 1]
            loose = len(words) >= 2 and any(len(t) >= PREFIX_MIN for t in words)
            fits = self._stage(alternatives, LOOSE if loose else TYPOS)
        if not fits:
            return "none", self._suggest(tokens) if suggest else []
        best = min(f.cost for f in fits)
        chosen = sorted((f for f in fits if f.cost == best), key=lambda f: (f.unmatched > 0, f.handle))
        return ("match" if len(chosen) == 1 else "ambiguous"), chosen[:MAX_CHOICES]

    def _alternatives(self, tokens: list[str]) -> list[list[str]]:
        """The query as typed, and with two neighbouring words joined where the join is a known name token
        (`Chen Shao Guo` -> `Chen Shaoguo`)."""
        out = [tokens]
        for i in range(len(tokens) - 1):
            joined = tokens[i] + tokens[i + 1]
            if len(tokens[i]) > 1 and len(tokens[i + 1]) > 1 and joined in self.vocab:
                out.append([*tokens[:i], joined, *tokens[i + 2 :]])
        return out

    @staticmethod
    def _budget(word: str, typos: int) -> int:
        """Edits a typed word may carry at this typo level."""
        if typos == EXACT:
            return 0
        if typos == LOOSE and len(word) == 3 and word.isalpha():
            return 1
        return allowed_edits(word)

    def _near(self, word: str, typos: int) -> dict[str, int]:
        """Name tokens a typed word may stand for, with their cost."""
        found: dict[str, int] = {}
        if word in self.vocab:
            found[word] = 0
        for nick in self.nicknames.get(word, ()):
            if nick in self.vocab:
                found.setdefault(nick, 1)
        if typos:
            for token, distance in self.vocab.near(word, self._budget(word, typos)):
                if distance < found.get(token, MAX_COST + 1):
                    found[token] = distance
            if len(word) >= PREFIX_MIN or (typos == LOOSE and len(word) == 3):
                for token in self.vocab.with_prefix(word, limit=200):
                    found.setdefault(token, 1)
        return found

    def _candidates(self, options: list[dict[str, int]]) -> set[int]:
        sized = sorted(options, key=lambda o: sum(len(self.post[t]) for t in o))
        result: set[int] | None = None
        for option in sized:
            if len(option) == 1:
                (token,) = option
                members = self.post[token]
                result = set(members) if result is None else result.intersection(members)
            else:
                union: set[int] = set()
                for token in option:
                    union.update(self.post[token])
                result = union if result is None else result & union
            if not result:
                return set()
        return result or set()

    def _stage(self, alternatives: list[list[str]], typos: int) -> list[Fit]:
        fits: dict[int, Fit] = {}
        for tokens in alternatives:
            words = [t for t in tokens if len(t) > 1]
            options = [self._near(w, typos) for w in words]
            if not all(options):
                continue
            if len(tokens) == 1:
                self._one_word(options[0], fits)
                continue
            prepared = self.prepare(tokens, typos)
            for h in islice(sorted(self._candidates(options)), VERIFY_LIMIT):
                fit = self._align(prepared, h)
                if fit is not None and (h not in fits or fit.cost < fits[h].cost):
                    fits[h] = fit
        return list(fits.values())

    def _one_word(self, option: dict[str, int], fits: dict[int, Fit]) -> None:
        """A one-word query: every name holding one of the word's readings fits, at that reading's cost. Only the
        best class is kept, and in it the names of one word first, then the most prominent: enough to list."""
        best = min(option.values())
        tokens = [t for t, cost in option.items() if cost == best]
        ordered = self.post[tokens[0]] if len(tokens) == 1 else _distinct(heapq.merge(*(self.post[t] for t in tokens)))
        whole = [h for t in tokens for h in self.single.get(t, ())]
        for h in [*whole, *islice(ordered, MAX_CHOICES + 1)]:
            unmatched = len(self.folded[h].split()) - 1
            fit = Fit(h, best, unmatched, _score(best, unmatched))
            if h not in fits or fit.cost < fits[h].cost:
                fits[h] = fit

    def shape(self, h: int) -> Shape:
        return Shape(tuple(self.folded[h].split()), self.joins.get(h, ()))

    def prepare(self, tokens: Sequence[str], typos: int, last_prefix: bool = False) -> list[Typed]:
        """What each typed token may match, worked out once per query rather than once per candidate."""
        out = []
        for k, typed in enumerate(tokens):
            short_prefix = typos == LOOSE and len(typed) == 3
            out.append(
                Typed(
                    text=typed,
                    initial=len(typed) == 1,
                    nicknames=self.nicknames.get(typed, frozenset()),
                    budget=self._budget(typed, typos) if len(typed) > 1 else 0,
                    prefix_cost=(
                        0 if last_prefix and k == len(tokens) - 1
                        else 1 if typos and (len(typed) >= PREFIX_MIN or short_prefix)
                        else None
                    ),
                )
            )  # fmt: skip
        return out

    def align(self, tokens: Sequence[str], h: int, typos: int, last_prefix: bool = False) -> Fit | None:
        """The cheapest way to map every query token onto a distinct part of athlete `h`'s name, or None."""
        return self._align(self.prepare(tokens, typos, last_prefix), h)

    def _align(self, prepared: list[Typed], h: int) -> Fit | None:
        names = self.folded[h].split()
        joins = self.joins.get(h, ())
        options: list[list[tuple[int, int]]] = []
        for typed in prepared:
            found: list[tuple[int, int]] = []
            for i, token in enumerate(names):
                cost = typed.cost(token)
                if cost is not None:
                    found.append((cost, 1 << i))
            if not typed.initial:
                for joined, start, count in joins:
                    cost = typed.cost(joined)
                    if cost is not None:
                        found.append((cost, ((1 << count) - 1) << start))
            if not found:
                return None
            options.append(found)
        best = _assign(options)
        if best is None or best[0] > MAX_COST:
            return None
        cost, mask = best
        unmatched = len(names) - mask.bit_count()
        return Fit(h, cost, unmatched, _score(cost, unmatched))

    def _suggest(self, tokens: list[str]) -> list[Fit]:
        """The closest names when nothing fits: tokens a little further off, ranked by the whole name."""
        pool: set[int] = set()
        for word in (t for t in tokens if len(t) > 1):
            near = self.vocab.near(word, min(3, allowed_edits(word) + 1)) if len(word) > 3 else []
            near += [(t, 1) for t in self.vocab.with_prefix(word[:3], limit=30)]
            for token, _ in near:
                pool.update(self.post[token][:200])
        if not pool:
            return []
        handles = sorted(pool)[:VERIFY_LIMIT]
        texts = [self.folded[h] for h in handles]
        found = ranked(" ".join(tokens), texts, SUGGESTIONS)
        return [Fit(handles[pos], MAX_COST + 1, 0, score) for pos, score in found]

    # --- completing ---------------------------------------------------------------------------------------------
    def complete(self, text: str, limit: int) -> list[Fit]:
        """Names for partial input: names starting with it, then names with a word starting with it, then
        names the input fits with typos; most prominent first within each."""
        tokens = query_tokens(text)[:MAX_WORDS]
        limit = max(0, min(limit, MAX_CHOICES))
        if not tokens:
            return [Fit(h, 0, 0, 100.0) for h in range(min(limit, len(self.order)))]
        head, last = tokens[:-1], tokens[-1]
        out: dict[int, Fit] = {}
        if not head:
            for h in self._prefix(self.top_first, self.first, self.first_vocab, last, limit):
                out.setdefault(h, Fit(h, 0, 0, 100.0))
            for h in self._prefix(self.top_any, self.post, self.vocab, last, limit):
                if len(out) >= limit:
                    break
                out.setdefault(h, Fit(h, 0, 0, 90.0))
        else:
            self._complete_words(tokens, limit, out)
        if not out and len(last) >= 3:  # nothing starts so: the input may hold a typo
            _, fits = self.resolve(text, suggest=False)
            for fit in fits:
                if len(out) >= limit:
                    break
                out.setdefault(fit.handle, Fit(fit.handle, fit.cost, fit.unmatched, min(fit.score, 80.0)))
        return list(out.values())[:limit]

    def _prefix(
        self, tops: dict[str, list[int]], post: dict[str, array[int]], vocab: Vocabulary, prefix: str, limit: int
    ) -> list[int]:
        if prefix in tops:
            return tops[prefix][:limit]
        return _smallest((post[t] for t in vocab.with_prefix(prefix)), limit)

    def _complete_words(self, tokens: list[str], limit: int, out: dict[int, Fit]) -> None:
        """`jose m`: the whole words must fit, the last one is a prefix; names read in order come first.
        Candidates are taken most prominent first and the checking stops early: this runs on every keystroke."""
        words = [t for t in tokens[:-1] if len(t) > 1]
        last = tokens[-1]
        typed = " ".join(tokens)
        candidates: Iterable[int]
        prefixed = self.vocab.with_prefix(last, 300)
        if words:
            options = [self._near(w, EXACT) for w in words]
            found = self._candidates(options) if all(options) else set()
            if len(last) > 1 and found:
                having: set[int] = set()
                for token in prefixed:
                    having.update(self.post[token])
                found &= having
            candidates = sorted(found)
        else:  # only initials before the last word: the last word (a prefix) must carry the search
            candidates = _distinct(heapq.merge(*(self.post[t] for t in prefixed)))
        in_order: list[Fit] = []
        others: list[Fit] = []
        prepared = self.prepare(tokens, EXACT, last_prefix=True)
        for h in islice(candidates, VERIFY_LIMIT if words else COMPLETE_SCAN):
            if h not in self.joins and not _starts_all(tokens, self.folded[h].split()):
                continue
            fit = self._align(prepared, h)
            if fit is None:
                continue
            if self.folded[h].startswith(typed):
                in_order.append(Fit(h, fit.cost, fit.unmatched, 100.0))
            else:
                others.append(Fit(h, fit.cost, fit.unmatched, 90.0))
            if len(in_order) >= limit or len(in_order) + len(others) >= 3 * limit:
                break
        for fit in [*in_order, *others]:
            if len(out) >= limit:
                return
            out.setdefault(fit.handle, fit)


def _starts_all(typed: list[str], tokens: list[str]) -> bool:
    """A quick necessary test: every typed token begins some name token."""
    return all(any(t.startswith(word) for t in tokens) for word in typed)


def _distinct(handles: Iterable[int]) -> Iterator[int]:
    """Ascending handles without repeats (from a merge of ascending lists)."""
    last = -1
    for h in handles:
        if h != last:
            last = h
            yield h


def _assign(options: list[list[tuple[int, int]]]) -> tuple[int, int] | None:
    """Cheapest choice of one (cost, mask) per query token with disjoint masks: (cost, used mask) or None."""
    order = sorted(range(len(options)), key=lambda i: len(options[i]))
    best: tuple[int, int] | None = None

    def walk(k: int, used: int, cost: int) -> None:
        nonlocal best
        if best is not None and cost >= best[0]:
            return
        if k == len(order):
            best = (cost, used)
            return
        for c, mask in options[order[k]]:
            if not mask & used:
                walk(k + 1, used | mask, cost + c)

    walk(0, 0, 0)
    return best


def _smallest(lists: Iterable[Sequence[int]], limit: int) -> list[int]:
    """The `limit` smallest distinct numbers of several ascending lists."""
    out: list[int] = []
    for h in heapq.merge(*lists):
        if not out or out[-1] != h:
            out.append(h)
            if len(out) >= limit:
                break
    return out


def _prefix_tops(post: dict[str, array[int]]) -> dict[str, list[int]]:
    """For every one- and two-letter prefix, the most prominent athletes with a token starting with it."""
    gathered: dict[str, list[array[int]]] = {}
    for token, handles in post.items():
        gathered.setdefault(token[:1], []).append(handles)
        if len(token) > 1:
            gathered.setdefault(token[:2], []).append(handles)
    return {prefix: _smallest(lists, _TOP) for prefix, lists in gathered.items()}
