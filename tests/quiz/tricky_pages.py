"""Hand-made pages that try to trick question generation: ties at and below the podium, shared medals, unknown
nations, a name listed twice, a tie at a split, DNF/DSQ rows and rows listed without a result, a corrected record."""

from __future__ import annotations

from pathlib import Path


def page(title: str, infobox: dict[str, str], body: str) -> str:
    box = "\n".join(f"- {k}: {v}" for k, v in infobox.items())
    return f"= {title} =\n\nInfobox\n{box}\n\nProse about the event.\n\n{body.strip()}\n"


# Two bronzes (a shared medal), a tie for 5th, an unknown silver nation, two athletes called Li Na, DNF and a row
# without result, a tie at the 250 m split between the fastest two.
SPRINT = page(
    "Cycling at the 2004 Summer Olympics – Women's sprint time trial",
    {"Event": "Women's sprint time trial", "Games": "2004 Summer", "Venue": "Olympic Velodrome", "Competitors": "10",
     "Nations": "9", "Gold": "Anna Meares", "Goldnoc": "AUS", "Silver": "Natallia Tsylinskaya",
     "Bronze": "Yonghua Jiang", "Bronzenoc": "CHN", "Bronze2": "Simona Krupeckaitė", "Bronze2noc": "LTU"},
    """
==Results==
| Rank | Cyclist | Nation | 250 m | Time |
| 1 | Anna Meares | | 18.211 | 33.952 |
| 2 | Natallia Tsylinskaya | | 18.211 | 34.167 |
| 3 | Yonghua Jiang | | 18.450 | 34.415 |
| 3 | Simona Krupeckaitė | | 18.502 | 34.415 |
| 5 | Li Na | | 18.601 | 34.700 |
| =5 | Clara Sanchez | | 18.640 | 34.700 |
| 7 | Li Na | | 18.700 | 34.900 |
| 8 | Gabriele Meyer | | 18.902 | 35.120 |
| DNF | Tamilla Abassova | | 18.990 | |
| — | Lori-Ann Muenzer | | | |
""",
)  # fmt: skip

# A tie for gold (two golds, no silver), a jump event in metres with an NM row, a tie for 4th by rowspan shift.
HIGH_JUMP = page(
    "Athletics at the 2020 Summer Olympics – Men's high jump",
    {"Event": "Men's high jump", "Games": "2020 Summer", "Venue": "Japan National Stadium", "Competitors": "7",
     "Nations": "7", "Gold": "Mutaz Essa Barshim", "Goldnoc": "QAT", "Gold2": "Gianmarco Tamberi",
     "Gold2noc": "ITA", "Bronze": "Maksim Nedasekau", "Bronzenoc": "BLR"},
    """
==Final==
| Rank | Athlete | Nation | Mark | Notes |
| 1 | Mutaz Essa Barshim | | 2.37 m | |
| 1 | Gianmarco Tamberi | | 2.37 m | |
| 3 | Maksim Nedasekau | | 2.37 m | |
| 4 | Woo Sang-hyeok | KOR | 2.35 m | NR |
| Brandon Starc | AUS | 2.35 m | | |
| 6 | Django Lovett | CAN | 2.33 m | |
| NM | Ilya Ivanyuk | | NM | |
""",
)  # fmt: skip

# The same event at two Games with the same winning time (no true/false comparison can be asked), and a
# record the parser has to correct.
WALK_A = page(
    "Athletics at the 2000 Summer Olympics – Men's 20 kilometres walk",
    {"Event": "Men's 20 kilometres walk", "Games": "2000 Summer", "Venue": "Sydney streets",
     "Gold": "Robert Korzeniowski", "Goldnoc": "POL", "Silver": "Noé Hernández", "Silvernoc": "MEX",
     "Bronze": "Vladimir Andreyev", "Bronzenoc": "RUS"},
    """
==Records==
| Standing records prior to the 2000 Summer Olympics | | | | |
| World Record | | 1:17.25 | May 7, 1994 | FRA Fana, Norway |

==Results==
| Rank | Athlete | Nation | Time |
| 1 | Robert Korzeniowski | | 1:18:59 |
| 2 | Noé Hernández | | 1:19:03 |
| 3 | Vladimir Andreyev | | 1:19:27 |
| 4 | Noé Hernández Jr | | 1:20:01 |
""",
)  # fmt: skip

WALK_B = page(
    "Athletics at the 2004 Summer Olympics – Men's 20 kilometres walk",
    {"Event": "Men's 20 kilometres walk", "Games": "2004 Summer", "Venue": "Athens streets",
     "Gold": "Ivano Brugnetti", "Goldnoc": "ITA", "Silver": "Francisco Javier Fernández", "Silvernoc": "ESP",
     "Bronze": "Nathan Deakes", "Bronzenoc": "AUS"},
    """
==Results==
| Rank | Athlete | Nation | Time |
| 1 | Ivano Brugnetti | | 1:18:59 |
| 2 | Francisco Javier Fernández | | 1:19:45 |
| 3 | Nathan Deakes | | 1:20:02 |
""",
)  # fmt: skip

PAGES = {
    "cycling_2004_womens_sprint.txt": SPRINT,
    "athletics_2020_mens_high_jump.txt": HIGH_JUMP,
    "athletics_2000_mens_20km_walk.txt": WALK_A,
    "athletics_2004_mens_20km_walk.txt": WALK_B,
}


def write_pages(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
