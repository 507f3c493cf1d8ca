"""Small hand-made pages, each showing one quirk of real pages."""

from __future__ import annotations


def page(title: str, infobox: dict[str, str], body: str) -> str:
    box = "\n".join(f"- {k}: {v}" for k, v in infobox.items())
    return f"= {title} =\n\nInfobox\n{box}\n\nSome prose about the event.\n\n{body.strip()}\n"


SPRINT_HEATS = page(
    "Athletics at the 1996 Summer Olympics - Men's 100 metres",
    {"Games": "1996 Summer", "Venue": "Centennial Olympic Stadium", "Dates": "26–27 July", "Gold": "Donovan Bailey",
     "Goldnoc": "CAN", "Silver": "Frankie Fredericks", "Silvernoc": "NAM", "Bronze": "Ato Boldon", "Bronzenoc": "TRI"},
    """
==Results==
===Heats===
====Heat 1====
Wind: +0.4 m/s
| Rank | Lane | Athlete | Nation | Reaction | Time | Notes |
| 1 | 4 | Ato Boldon | | 0.145 | 10.11 | Q |
| 2 | 5 | Jon Drummond | USA | 0.151 | 10.21 | Q |
| 3 | 3 | Some Runner | | 0.160 | 10.40 | q |
| 4 | 6 | Other Runner | | 0.170 | DNF | |
| DSQ | 2 | Fast Starter | | 0.090 | | |
====Heat 2====
Wind: -0.2 m/s
| Rank | Lane | Athlete | Nation | Reaction | Time | Notes |
| 1 | 3 | Donovan Bailey | | 0.170 | 10.05 | Q |
| 2 | 7 | Frankie Fredericks | | 0.160 | 10.07 | Q |
| 3 | 5 | Slow Coach | | 0.170 | 10.30 | |
| 5 | Tied Runner | | 0.171 | 10.30 | | |
| | 1 | Late Starter | | | DNS | |
===Final===
Wind: +0.7 m/s
| Rank | Lane | Athlete | Nation | Time | Notes |
| | 5 | Donovan Bailey | | 9.84 | WR |
| | 4 | Frankie Fredericks | | 9.89 | |
| | 3 | Ato Boldon | | 9.90 | |
| 4 | 6 | Dennis Mitchell | | 9.99 | |
""",
)  # fmt: skip

LONG_JUMP = page(
    "Athletics at the 1968 Summer Olympics – Men's long jump",
    {"Games": "1968 Summer", "Date": "October 18, 1968", "Gold": "Bob Beamon", "Goldnoc": "USA"},
    """
==Final==
| Place | Name | Country | 1 | 2 | 3 | Mark |
| 1 | Bob Beamon | United States | 8.90 | x | – | 8.90 m |
| 2 | Klaus Beer | GDR | 8.19 | x | 8.00 | 8.19 m |
| =3 | Ralph Boston | | 8.16 | 8.00 | x | 8.16 m |
| =3 | Igor Ter-Ovanesyan | | 8.12 | 8.10 | 8.12 | 8.12 m |
| 5 | Someone Fouled | | x | x | x | NM |
""",
)

TEAM_PURSUIT = page(
    "Cycling at the 1992 Summer Olympics – Men's team pursuit",
    {"Games": "1992 Summer", "Gold": "Germany", "Goldnoc": "GER", "Silver": "Australia", "Silvernoc": "AUS"},
    """
==Results==
| Rank | Nation | Athletes | Time |
| 1 | Germany | Michael Glöckner, Jens Lehmann, Stefan Steinweg, Guido Fulst | 4:08.791 |
| 2 | Australia | Brett Aitken; Stephen McGlede; Shaun O'Brien; Stuart O'Grady | 4:10.218 |
| 3 | Denmark | | 4:15.860 |
""",
)

SKATING_WINTER = page(
    "Speed skating at the 1994 Winter Olympics – Women's 500 metres",
    {"Games": "1994 Winter", "Venue": "Hamar Olympic Hall", "Date": "19 February", "Gold": "Bonnie Blair",
     "Goldnoc": "USA"},
    """
==Results==
| Rank | Pair | Name | NOC | 100 m | Time | Behind |
| 1 | 7 | Bonnie Blair | | 10.73 | 39.25 | |
| 2 | 9 | Susan Auch | CAN | 10.60 | 39.61 | +0.36 |
| 3 | 7 | Franziska Schenk | GER | 10.85 | 39.70 | +0.45 |
""",
)  # fmt: skip

DECATHLON = page(
    "Athletics at the 1992 Summer Olympics – Men's decathlon",
    {"Games": "1992 Summer", "Gold": "Robert Změlík", "Goldnoc": "TCH"},
    """
==Results==
| Rank | Athlete | Nationality | Points | Notes |
| 1 | Robert Změlík | | 8611 | |
| 2 | Antonio Peñalver | ESP | 8412 | |
| 3 | Dave Johnson | USA | 8309 | |
""",
)
