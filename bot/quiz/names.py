"""Typed names judged as `/athlete` reads them, among the people of one event.

A guess is split into folded tokens (`J. M. Moreno` -> `j m moreno`); each token must stand for a different part
of the person's name, in any order: the part itself, its initial (`j` for `José`), a nickname (`bill` for
`William`), a join of parts written with a hyphen (`youngcho` for `Young-cho`), or the part with one slip of the
keyboard (one edit or one swap of neighbouring letters, in a part of five letters or more). Parts left out are
fine (`José Moreno` for José Manuel Moreno), but the guess must name the family name: alone, the family name
counts (`Moreno`; `Chen` for Chen Shaoguo, whose family name comes first), a given name does not (`Shaoguo`,
`José`), nor a particle (`bin`, `van`), nor a fragment (`Hern`). Among the people of the event, the guess is
right when the people it fits best are all right answers: a surname shared with someone else in the event is
not enough.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.match.fuzzy import edits
from bot.match.names import Folder, Shape

# Words of a name that never name a person alone (`bin` in Azizulhasni bin Awang, `van` in van Egmond).
PARTICLES = frozenset({
    "bin", "binti", "bint", "bte", "ibn", "abu", "al", "el", "van", "von", "der", "den", "de", "del", "della", "di",
    "da", "das", "dos", "du", "la", "le", "ter", "ten", "st",
})  # fmt: skip
SUFFIXES = frozenset({"jr", "sr", "junior", "senior", "ii", "iii", "iv"})
# Words a guess may carry that are no part of a name (`Mr Moreno`, `it was Moreno`).
FILLER = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "it", "was", "is", "the"})
# Nations whose names English pages write family name first (Chen Shaoguo, Hwang Young-cho).
FAMILY_FIRST_NOCS = frozenset({"CHN", "TPE", "HKG", "MAC", "KOR", "PRK", "VIE", "MGL"})
# Japanese names are written either way on English pages: either end may be the family name.
EITHER_ORDER_NOCS = frozenset({"JPN"})
TYPO_MIN = 5  # a part this long may carry one slip
MAX_COST = 2  # nicknames and slips in one guess, in all
_FOLDER = Folder()


def _apostrophe(word: str) -> bool:
    return "'" in word or "’" in word


def name_shape(text: str) -> Shape:
    """A name's tokens as `/athlete` folds them, except that a word written with an apostrophe is one token
    (`A'Hern` is `ahern`, never `a` and `hern`: `Hern` is a fragment of it)."""
    tokens: list[str] = []
    joins: list[tuple[str, int, int]] = []
    for word in text.split():
        parts = _FOLDER.word(word)
        if len(parts) > 1 and _apostrophe(word):
            tokens.append("".join(parts))
            continue
        if len(parts) > 1:
            joins.append(("".join(parts), len(tokens), len(parts)))
        tokens.extend(parts)
    return Shape(tuple(tokens), tuple(joins))


@dataclass(frozen=True)
class Person:
    name: str
    tokens: tuple[str, ...]
    joins: tuple[tuple[str, int, int], ...]
    family: int  # bit mask of the family-name parts
    suffixes: frozenset[str] = frozenset()  # `jr`, `ii`: a guess that names one must name this one

    @classmethod
    def of(cls, name: str, order: str | None = None) -> Person:
        """`order`: None (given names first), `family_first`, or `either`."""
        shape = name_shape(name)
        tokens = list(shape.tokens)
        suffixes: set[str] = set()
        while len(tokens) > 1 and tokens[-1] in SUFFIXES:
            suffixes.add(tokens.pop())
        joins = tuple(j for j in shape.joins if j[1] + j[2] <= len(tokens))
        core = [i for i, t in enumerate(tokens) if t not in PARTICLES] or list(range(len(tokens)))
        if not core:  # a name of no letters or digits (a dash, a lone symbol) fits no guess
            return cls(name, (), (), 0)
        ends: list[int] = []
        if order in ("family_first", "either"):
            ends.append(core[0])
        if order != "family_first":
            ends.append(core[-1])
        family = 0
        for end in ends:
            family |= 1 << end
            for _, start, count in joins:  # a hyphenated family name: either of its parts
                if start <= end < start + count:
                    family |= ((1 << count) - 1) << start
        return cls(name, tuple(tokens), joins, family, frozenset(suffixes))


def _options(typed: str, person: Person, nicknames: Mapping[str, frozenset[str]]) -> list[tuple[int, int]]:
    """(cost, bit mask) for each part (or hyphen join) of the name the typed token may stand for."""
    found: list[tuple[int, int]] = []
    parts = [(token, 1 << i) for i, token in enumerate(person.tokens)]
    if len(typed) > 1:
        parts += [(joined, ((1 << count) - 1) << start) for joined, start, count in person.joins]
    for token, mask in parts:
        if token == typed:
            found.append((0, mask))
        elif len(typed) == 1:
            if token.startswith(typed) and mask.bit_count() == 1:
                found.append((0, mask))
        elif token in nicknames.get(typed, ()) or (
            len(token) >= TYPO_MIN and len(typed) >= TYPO_MIN and edits(typed, token, 1) is not None
        ):
            found.append((1, mask))
    return found


def fit_cost(tokens: Sequence[str], person: Person, nicknames: Mapping[str, frozenset[str]]) -> int | None:
    """The cheapest reading of the typed tokens as this person's name (see the module), or None."""
    words = [t for t in tokens if t not in SUFFIXES]
    if not words or not any(len(t) > 1 for t in words):
        return None
    said = {t for t in tokens if t in SUFFIXES}
    if said and said != person.suffixes:
        return None
    options = [_options(t, person, nicknames) for t in words]
    if not all(options):
        return None
    best: int | None = None

    def walk(k: int, used: int, named: bool, cost: int) -> None:
        nonlocal best
        if cost > MAX_COST or (best is not None and cost >= best):
            return
        if k == len(options):
            if named:
                best = cost
            return
        initial = len(words[k]) == 1
        for step, mask in options[k]:
            if not used & mask:
                # The family name is named by a whole word (an initial or a particle is not a name).
                names_family = bool(mask & person.family) and not initial and words[k] not in PARTICLES
                walk(k + 1, used | mask, named or names_family, cost + step)

    walk(0, 0, False, 0)
    return best


class NameJudge:
    """Judges a typed name against the right answers, among everyone of the question's event."""

    def __init__(
        self,
        accepted: Iterable[str],
        names: Iterable[str],
        nicknames: Mapping[str, frozenset[str]] | None = None,
        orders: Mapping[str, str] | None = None,
    ) -> None:
        self.nicknames = nicknames or {}
        orders = orders or {}
        people: dict[str, Person] = {}
        self.right: set[str] = set()
        for name in accepted:
            key = " ".join(name_shape(name).tokens)
            people.setdefault(key, Person.of(name, orders.get(name)))
            self.right.add(key)
        for name in names:
            key = " ".join(name_shape(name).tokens)
            if key:
                people.setdefault(key, Person.of(name, orders.get(name)))
        self.people = people

    def owners(self, guess: str) -> set[str]:
        """The people (keys) the guess fits best; empty when it fits nobody."""
        tokens = list(name_shape(guess).tokens)
        while len(tokens) > 1 and tokens[0] in FILLER:
            tokens.pop(0)
        whole = " ".join(tokens)
        if whole in self.people:  # the full name as written (`Noé Hernández`, not Noé Hernández Jr; a crew)
            return {whole}
        if not tokens or len(tokens) > 8:
            return set()
        # As typed, and with two neighbouring words joined (`O Leary` for O'Leary, `Shao Guo` for Shaoguo).
        readings = [tokens] + [
            [*tokens[:i], tokens[i] + tokens[i + 1], *tokens[i + 2 :]] for i in range(len(tokens) - 1)
        ]
        # Initials written together (`JM Moreno`): a short word beside others read letter by letter.
        glued = [list(t) if 2 <= len(t) <= 3 and t.isalpha() and len(tokens) > 1 else [t] for t in tokens]
        if any(len(g) > 1 for g in glued):
            readings.append([letter for g in glued for letter in g])
        fitting: dict[str, int] = {}
        for key, person in self.people.items():
            costs = [c for c in (fit_cost(r, person, self.nicknames) for r in readings) if c is not None]
            if costs:
                fitting[key] = min(costs)
        if not fitting:
            return set()
        best = min(fitting.values())
        return {key for key, cost in fitting.items() if cost == best}

    def is_right(self, guess: str) -> bool:
        owners = self.owners(guess)
        return bool(owners) and owners <= self.right
