"""Small pages for medal tables: a tie, shared bronzes, team medals, historical NOCs, a medal without a nation."""

from __future__ import annotations

from pathlib import Path

from tests.parse.pages import page


def _box(games: str, **medals: str) -> dict[str, str]:
    box = {"Games": games}
    for key, value in medals.items():
        box[key.replace("_", " ").strip()] = value
    return box


PAGES = {
    # Judo: two bronzes shared (URS and GDR each get one).
    "judo_1988_mens_lightweight.txt": page(
        "Judo at the 1988 Summer Olympics – Men's 71 kg",
        _box("1988 Summer", Gold="Kim Jae-yup", Goldnoc="KOR", Silver="Kerrith Brown", Silvernoc="GBR",
             Bronze="Bronze One", Bronzenoc="URS", Bronze2="Bronze Two", Bronze2noc="GDR"),
        """
==Results==
| Rank | Athlete | Nation |
| 1 | Kim Jae-yup | KOR |
| 2 | Kerrith Brown | GBR |
| 3 | Bronze One | URS |
| 3 | Bronze Two | GDR |
""",
    ),
    # A team event: one gold for the nation, whatever the crew.
    "rowing_1988_mens_eight.txt": page(
        "Rowing at the 1988 Summer Olympics – Men's eight",
        _box("1988 Summer", Gold="West Germany", Goldnoc="FRG", Silver="Soviet Union", Silvernoc="URS",
             Bronze="United States", Bronzenoc="USA"),
        """
==Final==
| Rank | Nation | Rowers | Time |
| 1 | West Germany | Anton A, Bernd B, Carl C, Dieter D | 5:46.05 |
| 2 | Soviet Union | Ivan A, Petr B, Oleg C, Yuri D | 5:48.01 |
| 3 | United States | Amy A, Bob B, Cal C, Dan D | 5:48.26 |
""",
    ),
    "swimming_1988_mens_100m_freestyle.txt": page(
        "Swimming at the 1988 Summer Olympics – Men's 100 metre freestyle",
        _box("1988 Summer", Gold="Matt Biondi", Goldnoc="USA", Silver="Chris Jacobs", Silvernoc="USA",
             Bronze="Stéphan Caron", Bronzenoc="FRA"),
        """
==Final==
| Rank | Swimmer | Nation | Time | Notes |
| 1 | Matt Biondi | USA | 48.63 | OR |
| 2 | Chris Jacobs | USA | 49.08 | |
| 3 | Stéphan Caron | FRA | 49.62 | |
| 4 | Tom Ponting | CAN | 49.84 | |
""",
    ),
    # 1992: GDR and FRG gone; EUN is the Unified Team; a silver whose page names no nation.
    "swimming_1992_mens_100m_freestyle.txt": page(
        "Swimming at the 1992 Summer Olympics – Men's 100 metre freestyle",
        _box("1992 Summer", Gold="Alexander Popov", Goldnoc="EUN", Silver="Gustavo Borges",
             Bronze="Stéphan Caron", Bronzenoc="FRA"),
        """
==Final==
| Rank | Swimmer | Nation | Time |
| 1 | Alexander Popov | EUN | 49.02 |
| 2 | Gustavo Borges | | 49.43 |
| 3 | Stéphan Caron | FRA | 49.50 |
""",
    ),
}  # fmt: skip


def write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
