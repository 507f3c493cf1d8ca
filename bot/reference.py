"""Reference tables shipped in `data/`: NOC codes, Games and their host cities, event aliases, sports."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from bot.text import normalize

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Nation:
    code: str
    name: str
    iso2: str | None
    historical: bool

    @property
    def flag(self) -> str | None:
        """The flag emoji from the ISO code's regional indicator letters, where one exists."""
        if not self.iso2 or len(self.iso2) != 2:
            return None
        return "".join(chr(0x1F1E6 + ord(ch) - ord("A")) for ch in self.iso2.upper())


@dataclass(frozen=True)
class Games:
    year: int
    season: str
    host_city: str
    host_country: str
    places: tuple[str, ...]


@dataclass
class Reference:
    nations: dict[str, Nation] = field(default_factory=dict)
    games: list[Games] = field(default_factory=list)
    event_aliases: dict[str, str] = field(default_factory=dict)
    sports: dict[str, str] = field(default_factory=dict)  # normalized alias -> sport name
    _by_name: dict[str, str] = field(default_factory=dict)

    def nation_code(self, text: str) -> str | None:
        """A NOC code for a cell that holds a code (`ESP`) or a nation's name (`Spain`); None if unknown."""
        raw = text.strip()
        if raw.upper() in self.nations and len(raw) == 3 and raw.isupper():
            return raw.upper()
        code = self._by_name.get(normalize(raw)) or self._by_name.get(normalize(raw.replace("&", " and ")))
        if code:
            return code
        # `ESP Spain` or `Spain (ESP)`: a code written beside the name.
        for token in raw.replace("(", " ").replace(")", " ").split():
            if len(token) == 3 and token.isupper() and token in self.nations:
                return token
        return None

    def nation(self, code: str | None) -> Nation | None:
        return self.nations.get(code) if code else None


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_reference(data_dir: Path = DATA_DIR) -> Reference:
    ref = Reference()
    for row in _rows(data_dir / "noc.csv"):
        nation = Nation(
            code=row["code"].strip(),
            name=row["name"].strip(),
            iso2=(row.get("iso2") or "").strip() or None,
            historical=(row.get("historical") or "").strip().lower() == "yes",
        )
        ref.nations[nation.code] = nation
        ref._by_name.setdefault(normalize(nation.name), nation.code)
    for row in _rows(data_dir / "noc_aliases.csv"):
        if row["code"].strip() in ref.nations:
            ref._by_name.setdefault(normalize(row["name"]), row["code"].strip())
    for row in _rows(data_dir / "games.csv"):
        places = tuple(p.strip() for p in (row.get("places") or "").split(";") if p.strip())
        ref.games.append(
            Games(int(row["year"]), row["season"].strip(), row["host_city"].strip(), row["host_country"], places)
        )
    for row in _rows(data_dir / "event_aliases.csv"):
        ref.event_aliases[normalize(row["alias"])] = row["expansion"].strip()
    for row in _rows(data_dir / "sports.csv"):
        sport = row["sport"].strip()
        ref.sports[normalize(sport)] = sport
        for alias in (row.get("aliases") or "").split(";"):
            if alias.strip():
                ref.sports.setdefault(normalize(alias), sport)
    return ref
