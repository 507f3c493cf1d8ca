"""Pages written the way the plain-text conversion renders real Wikipedia Olympic event articles.

Flag templates are lost (Nation cells mostly empty), medal icons are lost (medal rows have empty rank cells) and
rowspans are lost (a row sharing the cell above comes shifted left, padded at the end). Names and marks follow the
real articles closely but are not meant as a reference: the tests check what a reader concludes from the page.
"""

from __future__ import annotations

# Modern sprint: rounds and heats under ===/==== headings, Wind lines, Lane and Reaction columns, `=9` and `T4`
# ties, a tie shifted left whose first cell is a lane number, empty medal rank cells, a filled Nation cell, and a
# records section with holder and nation in their own cells plus a "new records" table.
ATHLETICS_2008_MEN_100M = """\
= Athletics at the 2008 Summer Olympics – Men's 100 metres =

Infobox
- Event: Men's 100 metres
- Games: 2008 Summer
- Venue: Beijing National Stadium
- Dates: 15–16 August
- Competitors: 80
- Nations: 64
- Win Value: 9.69 WR
- Gold: Usain Bolt
- Goldnoc: JAM
- Silver: Richard Thompson
- Silvernoc: TTO
- Bronze: Walter Dix
- Bronzenoc: USA
- Prev: 2004
- Next: 2012

The men's 100 metres at the 2008 Summer Olympics took place on 15–16 August at the Beijing National Stadium. \
Usain Bolt of Jamaica won in a world record time of 9.69 seconds, despite slowing down before the finish line.

==Records==

Prior to the competition, the existing World and Olympic records were as follows.

| World record | Usain Bolt | JAM | 9.72 | New York City, United States | 31 May 2008 |
| Olympic record | Donovan Bailey | CAN | 9.84 | Atlanta, United States | 27 July 1996 |
| World Leading | Usain Bolt | JAM | 9.72 | New York City, United States | 31 May 2008 |

The following new world and Olympic records were set during this competition.

| Date | Event | Athlete | Nation | Time | Record |
| 16 August | Final | Usain Bolt | Jamaica | 9.69 | WR |

==Results==

===Round 1===

Qualification rule: first 3 of each heat (Q) plus the 10 fastest times (q) qualified.

====Heat 1====

Wind: −0.2 m/s

| Rank | Lane | Athlete | Nation | Reaction | Time | Notes |
| 1 | 5 | Tyson Gay | | 0.145 | 10.22 | Q |
| 2 | 3 | Kim Collins | | 0.171 | 10.24 | Q |
| 3 | 7 | Daniel Bailey | | 0.159 | 10.26 | Q |
| T4 | 8 | Rolando Palacios | | 0.176 | 10.46 | q |
| T4 | 2 | Sultan Mubarak Al-Dawoodi | | 0.185 | 10.46 | q |
| 6 | 6 | Moumi Sébergué | | 0.212 | 10.56 | |
| 7 | 4 | Jurgen Themen | | 0.162 | 10.64 | |
| | 9 | Ahmad Hazer | | | DNS | |

====Heat 2====

Wind: +0.3 m/s

| Rank | Lane | Athlete | Nation | Reaction | Time | Notes |
| 1 | 4 | Asafa Powell | Jamaica | 0.163 | 10.16 | Q |
| 2 | 6 | Martial Mbandjock | | 0.190 | 10.26 | Q |
| 3 | 3 | Naoki Tsukahara | | 0.157 | 10.32 | Q |
| 4 | 5 | Marc Burns | Trinidad &amp; Tobago | 0.140 | 10.46 | q |
| 5 | 2 | Vicente de Lima | | 0.154 | 10.49 | |
| DQ | 7 | Anson Henry | | 0.088 | | FS |

===Quarterfinals===

| Rank | Heat | Lane | Athlete | Nation | Time | Notes |
| 1 | 2 | 4 | Usain Bolt | | 9.92 | Q |
| 2 | 4 | 5 | Tyson Gay | | 9.94 | Q |
| 3 | 1 | 6 | Richard Thompson | | 9.99 | Q |
| =9 | 3 | 7 | Darvis Patton | | 10.04 | Q |
| =9 | 1 | 3 | Marc Burns | | 10.04 | Q |
| 11 | 2 | 8 | Kim Collins | | 10.07 | Q |

===Semifinals===

====Semifinal 1====

Wind: +0.1 m/s

| Rank | Lane | Athlete | Nation | Time | Notes |
| 1 | 4 | Richard Thompson | | 9.93 | Q |
| 2 | 6 | Walter Dix | | 9.95 Q | |
| 3 | 5 | Asafa Powell | | 10.00 | Q |
| 4 | 3 | Michael Frater | | 10.01 | Q |
| 7 | Darvis Patton | | 10.01 | Q | |
| 6 | 8 | Tyson Gay | | 10.05 | |

====Semifinal 2====

Wind: &minus;0.1 m/s

| Rank | Lane | Athlete | Nation | Time | Notes |
| 1 | 5 | Usain Bolt | | 9.85 | Q |
| 2 | 6 | Churandy Martina | | 9.94 | Q |
| 3 | 4 | Marc Burns | | 10.01 | Q |

===Final===

Wind: +0.0 m/s

| Rank | Lane | Athlete | Nation | Reaction | Time | Notes |
| | 4 | Usain Bolt | | 0.165 | 9.69 | WR |
| | 5 | Richard Thompson | | 0.133 | 9.89 | |
| | 9 | Walter Dix | | 0.133 | 9.91 | |
| 4 | 7 | Churandy Martina | Netherlands Antilles | 0.169 | 9.93 | |
| 5 | 6 | Asafa Powell | | 0.134 | 9.95 | |
| 6 | 2 | Michael Frater | | 0.147 | 9.97 | |
| 7 | 3 | Marc Burns | | 0.161 | 10.01 | |
| 8 | 8 | Darvis Patton | | 0.142 | 10.03 | |

==See also==
- 2008 World Junior Championships in Athletics – Men's 100 metres
"""

# Relay: team rows whose Nation cell lost its flag template (so it is empty), members in one cell, a markdown
# rule under the header, and heats where the Nation cell survived as link text.
ATHLETICS_1992_MEN_4X100 = """\
= Athletics at the 1992 Summer Olympics – Men's 4 × 100 metres relay =

Infobox
- Event: Men's 4 × 100 metres relay
- Games: 1992 Summer
- Venue: Estadi Olímpic de Montjuïc
- Dates: 7–8 August
- Competitors: 104
- Nations: 26
- Win Value: 37.40 WR
- Gold: United States
- Goldnoc: USA
- Silver: Nigeria
- Silvernoc: NGR
- Bronze: Cuba
- Bronzenoc: CUB
- Prev: 1988
- Next: 1996

The men's 4 × 100 metres relay event at the 1992 Summer Olympics took place on 7 and 8 August. The United States \
team set a world record of 37.40 seconds in the final.

==Results==

===Heats===

====Heat 1====

| Rank | Nation | Competitors | Time | Notes |
|---|---|---|---|---|
| 1 | United States | Michael Marsh, Leroy Burrell, Dennis Mitchell, Carl Lewis | 38.05 | Q |
| 2 | Great Britain | Jason John, Tony Jarrett, John Regis, Marcus Adam | 38.77 | Q |
| 3 | Côte d'Ivoire | Ouattara Lagazane, Jean-Olivier Zirignon, Franck Waota, Ibrahim Meité | 38.89 | q |
| | Canada | Bruny Surin, Atlee Mahorn, Glenroy Gilbert, Ben Johnson | DQ | |

===Final===

| Rank | Lane | Nation | Competitors | Time | Notes |
|:---|:---|:---|:---|:---|:---|
| | 3 | | Michael Marsh, Leroy Burrell, Dennis Mitchell, Carl Lewis | 37.40 | WR |
| | 6 | | Oluyemi Kayode, Chidi Imoh, Olapade Adeniken, Davidson Ezinwa | 37.98 | AR |
| | 4 | | Andrés Simón, Joel Lamela, Joel Isasi, Jorge Aguilera | 38.00 | |
| 4 | 5 | | Jason John, Tony Jarrett, John Regis, Marcus Adam | 38.08 | |
| 5 | 2 | | Aleksandr Goremykin, Vitaliy Savin, Andrey Fedoriv, Edvin Ivanov | 38.17 | |
| 6 | 8 | | Satoru Inoue, Hisatsugu Suzuki, Tatsuo Sugimoto, Koji Ito | 38.77 | |
| 7 | 1 | | Ouattara Lagazane, Jean-Olivier Zirignon, Franck Waota, Ibrahim Meité | 39.31 | |
| | 7 | | Max Morinière, Daniel Sangouma, Jean-Charles Trouabal, Bruno Marie-Rose | DNF | |
"""

# Field event, 1996 style: the qualification round is a top-level ==Qualification== section holding a results
# table with a Group column, then attempts with x and –, an NM row and `=11` ties.
ATHLETICS_1996_MEN_LONG_JUMP = """\
= Athletics at the 1996 Summer Olympics – Men's long jump =

Infobox
- Event: Men's long jump
- Games: 1996 Summer
- Venue: Centennial Olympic Stadium
- Dates: 28–29 July
- Competitors: 52
- Nations: 38
- Win Value: 8.50 m
- Gold: Carl Lewis
- Goldnoc: USA
- Silver: James Beckford
- Silvernoc: JAM
- Bronze: Joe Greene
- Bronzenoc: USA

These are the official results of the Men's Long Jump event at the 1996 Summer Olympics in Atlanta, Georgia. \
Carl Lewis won his fourth consecutive Olympic title in the event.

==Medalists==

| Gold | Carl Lewis | United States |
| Silver | James Beckford | Jamaica |
| Bronze | Joe Greene | United States |

==Qualification==

Qualification rule: 8.05 (Q) or at least 12 best performers (q) advance to the final.

| Rank | Group | Athlete | Nationality | #1 | #2 | #3 | Result | Notes |
| 1 | A | James Beckford | | 8.30 | | | 8.30 | Q |
| 2 | B | Ivailo Mladenov | | 7.92 | 8.11 | | 8.11 | Q |
| 3 | A | Carl Lewis | | 7.78 | 7.76 | 8.29 | 8.29 | Q |
| =11 | B | Kirill Sosunov | | 7.85 | x | 7.88 | 7.88 | q |
| =11 | A | Gregor Cankar | | 7.88 | x | 7.70 | 7.88 | q |
| 13 | B | Luis Bueno | | x | 7.85 | x | 7.85 | |
| | A | Mattias Sunneborn | | x | x | x | NM | |

==Final==

| Rank | Athlete | Nationality | #1 | #2 | #3 | #4 | #5 | #6 | Result | Notes |
| | Carl Lewis | | 8.29 | 8.14 | 8.50 | x | &ndash; | x | 8.50&nbsp;m | |
| | James Beckford | | 8.07 | 8.29 | x | 8.02 | x | 8.18 | 8.29 m | |
| | Joe Greene | | 8.24 | x | 8.12 | 8.08 | 7.96 | x | 8.24 m | |
| 4 | Erick Walder | | 8.07 | x | 8.08 | 7.87 | 8.01 | 8.02 | 8.07 m | |
| 5 | Kirill Sosunov | | 7.87 | 7.90 | 8.06 | x | 7.99 | 7.98 | 8.06 m | |
| 12 | Gregor Cankar | | x | x | x | | | | NM | |
"""

# Swimming: a heats summary with a leading Heat column, notes in the Time cell, `=5` ties, DNS/DSQ in the Time
# cell, a swim-off, a records table with `Name (NOC)` holders and a "new records" table, and a final where the
# tied bronze medallist comes shifted left (rank rowspan lost) so the row starts with his lane number.
SWIMMING_2008_MEN_100_FREE = """\
= Swimming at the 2008 Summer Olympics – Men's 100 metre freestyle =

Infobox
- Event: Men's 100 metre freestyle
- Games: 2008 Summer
- Venue: Beijing National Aquatics Center
- Dates: 12–14 August
- Competitors: 64
- Nations: 55
- Win Value: 47.21
- Gold: Alain Bernard
- Goldnoc: FRA
- Silver: Eamon Sullivan
- Silvernoc: AUS
- Bronze: Jason Lezak
- Bronzenoc: USA
- Bronze2: César Cielo
- Bronze2noc: BRA

The men's 100 metre freestyle event at the 2008 Olympic Games took place on 12–14 August at the Beijing National \
Aquatics Center. Jason Lezak and César Cielo tied for the bronze medal.

==Records==

Prior to this competition, the existing world and Olympic records were as follows.

| World record | Eamon Sullivan (AUS) | 47.24 | Sydney, Australia | 28 March 2008 |
| Olympic record | Pieter van den Hoogenband (NED) | 47.84 | Athens, Greece | 19 August 2004 |

The following new world and Olympic records were set during this competition.

| Date | Event | Name | Nationality | Time | Record |
| 13 August | Semifinal 1 | Alain Bernard | France | 47.20 | WR |
| 13 August | Semifinal 2 | Eamon Sullivan | Australia | 47.05 | WR |

==Results==

===Heats===

| Rank | Heat | Lane | Name | Nationality | Time | Notes |
| 1 | 10 | 4 | Alain Bernard | | 47.85 | Q |
| 2 | 9 | 4 | Eamon Sullivan | | 48.06 | Q |
| 3 | 8 | 5 | César Cielo | | 48.16 | Q |
| =5 | 10 | 5 | Jason Lezak | | 48.24 | Q |
| =5 | 8 | 3 | Pieter van den Hoogenband | | 48.24 | Q |
| 16 | 9 | 7 | Stefan Nystrand | | 48.61 | Q, SO |
| 16 | 10 | 1 | Andrey Grechin | | 48.61 | Q, SO |
| | 2 | 6 | Shaune Fraser | | DNS | |
| | 5 | 3 | Mario Todorović | | DSQ | |

===Semifinals===

====Semifinal 1====

| Rank | Lane | Name | Nationality | Reaction | Time | Notes |
| 1 | 4 | Alain Bernard | | 0.77 | 47.20 WR | Q |
| 2 | 3 | Jason Lezak | | 0.72 | 47.98 | Q |

====Semifinal 2====

| Rank | Lane | Name | Nationality | Reaction | Time | Notes |
| 1 | 4 | Eamon Sullivan | | 0.74 | 47.05 WR | Q |
| 2 | 5 | César Cielo | | 0.68 | 47.91 | Q |

===Swim-off===

| Rank | Lane | Name | Nationality | Time | Notes |
| 1 | 4 | Stefan Nystrand | | 48.39 | Q |
| 2 | 5 | Andrey Grechin | | 48.56 | |

===Final===

| Rank | Lane | Name | Nationality | Time | Notes |
| | 3 | Alain Bernard | | 47.21 | |
| | 5 | Eamon Sullivan | | 47.32 | |
| | 2 | Jason Lezak | | 47.67 | |
| 7 | César Cielo | | 47.67 | SA | |
| 5 | 6 | Pieter van den Hoogenband | | 47.75 | |
| 6 | 8 | Fred Bousquet | | 47.83 | |
| 7 | 1 | Stefan Nystrand | | 48.33 | |
| 8 | 4 | Ashley Callus | | 48.35 | |
"""

# Speed skating: Pair column, "Time behind", OR note, a tie shifted left that starts with its pair number,
# a DQ in the rank cell of a skater who has a time, and entities/non-breaking spaces.
SPEED_SKATING_2010_MEN_10000M = """\
= Speed skating at the 2010 Winter Olympics – Men's 10000 metres =

Infobox
- Event: Men's 10000 metres
- Games: 2010 Winter
- Venue: Richmond Olympic Oval
- Date: 23 February
- Competitors: 16
- Nations: 10
- Gold: Lee Seung-hoon
- Goldnoc: KOR
- Silver: Ivan Skobrev
- Silvernoc: RUS
- Bronze: Bob de Jong
- Bronzenoc: NED

The men's 10000 metres speed skating competition of the Vancouver 2010 Olympics was held at the Richmond Olympic \
Oval on 23 February 2010. Sven Kramer crossed the line first but was disqualified for an incorrect lane change.

==Results==

| Rank | Pair | Name | Country | Time | Time behind | Notes |
| | 6 | Lee&nbsp;Seung-hoon | | 12:58.55 | | OR |
| | 8 | Ivan Skobrev | | 13:02.07 | +3.52 | |
| | 7 | Bob de Jong | | 13:06.73 | +8.18 | |
| 4 | 5 | Håvard Bøkko | | 13:14.92 | +16.37 | |
| 5 | 4 | Arjen van der Kieft | | 13:18.74 | +20.19 | |
| 6 | 3 | Bob de Vries | | 13:28.20 | +29.65 | |
| 2 | Alexej Baumgärtner | | 13:28.20 | +29.65 | | |
| 8 | 1 | Trevor Marsicano | | 13:33.30 | +34.75 | |
| DQ | 8 | Sven Kramer | | 12:54.50 | | |
"""

# Rowing eight: a Crew column and an empty Country cell (flag lost), cumulative 500 m splits.
ROWING_2012_MEN_EIGHT = """\
= Rowing at the 2012 Summer Olympics – Men's eight =

Infobox
- Event: Men's eight
- Games: 2012 Summer
- Venue: Dorney Lake
- Dates: 29 July – 1 August
- Competitors: 72
- Nations: 8
- Gold: Germany
- Goldnoc: GER
- Silver: Canada
- Silvernoc: CAN
- Bronze: Great Britain
- Bronzenoc: GBR

The men's eight competition at the 2012 Summer Olympics in London took place at Dorney Lake.

==Results==

===Final A===

| Rank | Crew | Country | 500 m | 1000 m | 1500 m | Time | Notes |
| | Filip Adamski, Andreas Kuffner, Eric Johannesen, Maximilian Reinelt, Richard Schmidt, \
Lukas Müller, Florian Mennigen, Kristof Wilke, Martin Sauer (cox) | | 1:23.97 | 2:50.81 | 4:19.44 | 5:48.75 | |
| | Gabriel Bergen, Douglas Csima, Robert Gibson, Conlin McCabe, Malcolm Howard, Andrew Byrnes, \
Jeremiah Brown, Will Crothers, Brian Price (cox) | | 1:24.89 | 2:51.88 | 4:20.95 | 5:49.98 | |
| | Alex Partridge, James Foad, Tom Ransley, Richard Egington, Mohamed Sbihi, Greg Searle, \
Matt Langridge, Constantine Louloudis, Phelan Hill (cox) | | 1:23.51 | 2:50.41 | 4:20.10 | 5:51.18 | |
| 4 | Giuseppe Lanzone, Brett Newlin, Will Miller, Steve Kasprzyk, Henrik Rummel, David Banks, \
Jake Cornelius, Glenn Ochal, Zach Vlahos (cox) | | 1:25.23 | 2:53.01 | 4:22.08 | 5:51.48 | |
"""

# Rowing single sculls: one rower per row, cumulative splits, a Final B ranked 7th onwards.
ROWING_2012_MEN_SINGLE_SCULLS = """\
= Rowing at the 2012 Summer Olympics – Men's single sculls =

Infobox
- Event: Men's single sculls
- Games: 2012 Summer
- Venue: Dorney Lake
- Dates: 28 July – 3 August
- Competitors: 33
- Nations: 33
- Gold: Mahé Drysdale
- Goldnoc: NZL
- Silver: Ondřej Synek
- Silvernoc: CZE
- Bronze: Alan Campbell
- Bronzenoc: GBR

==Results==

===Final A===

| Rank | Rower | Country | 500 m | 1000 m | 1500 m | Time | Notes |
| | Mahé Drysdale | | 1:42.01 | 3:29.77 | 5:15.03 | 6:57.82 | |
| | Ondřej Synek | | 1:40.45 | 3:29.12 | 5:14.60 | 6:58.55 | |
| | Alan Campbell | | 1:41.76 | 3:30.95 | 5:18.52 | 7:03.28 | |
| 4 | Lassi Karonen | | 1:43.12 | 3:32.60 | 5:20.32 | 7:04.47 | |
| 5 | Marcel Hacker | | 1:42.61 | 3:32.08 | 5:21.11 | 7:08.32 | |
| 6 | Ángel Fournier | | 1:43.97 | 3:34.80 | 5:25.45 | 7:13.95 | |

===Final B===

| Rank | Rower | Country | 500 m | 1000 m | 1500 m | Time | Notes |
| 7 | Mindaugas Griškonis | | 1:45.22 | 3:36.71 | 5:27.30 | 7:13.52 | |
| 8 | Tim Maeyens | | 1:46.01 | 3:37.48 | 5:28.50 | 7:16.18 | |
"""

# Judo: a final-standing table with no result column; medal rows have empty rank cells, the second bronze and
# the tied 5th and 7th places come shifted left; a bracket converted to a table that names no columns.
JUDO_2012_MEN_PLUS_100 = """\
= Judo at the 2012 Summer Olympics – Men's +100 kg =

Infobox
- Event: Men's +100 kg
- Games: 2012 Summer
- Venue: ExCeL London
- Date: 3 August
- Competitors: 33
- Nations: 33
- Gold: Teddy Riner
- Goldnoc: FRA
- Silver: Alexander Mikhaylin
- Silvernoc: RUS
- Bronze: Andreas Tölzer
- Bronzenoc: GER
- Bronze2: Rafael Silva
- Bronze2noc: BRA

The men's +100 kg competition in judo at the 2012 Summer Olympics in London was held on 3 August at ExCeL London.

==Results==

===Finals===

| Quarterfinals | | Semifinals | | Final | |
| Teddy Riner | 100 | | | | |
| Óscar Brayson | 000 | Teddy Riner | 100 | | |
| | | Andreas Tölzer | 000 | Teddy Riner | 100 |
| | | | | Alexander Mikhaylin | 000 |

==Final standing==

| Rank | Athlete | Nation |
| | Teddy Riner | |
| | Alexander Mikhaylin | |
| | Andreas Tölzer | |
| Rafael Silva | | |
| 5 | Óscar Brayson | |
| Kim Sung-min | | |
| 7 | Ihar Makarau | |
| Abdullo Tangriev | | |
"""

# Boxing: only brackets; the medals (two bronzes) live in the infobox alone.
BOXING_2012_MEN_SUPER_HEAVYWEIGHT = """\
= Boxing at the 2012 Summer Olympics – Men's super heavyweight =

Infobox
- Event: Men's super heavyweight
- Games: 2012 Summer
- Venue: ExCeL London
- Dates: 1–12 August
- Competitors: 16
- Nations: 16
- Gold: Anthony Joshua
- Goldnoc: GBR
- Silver: Roberto Cammarelle
- Silvernoc: ITA
- Bronze: Magomedrasul Majidov
- Bronzenoc: AZE
- Bronze2: Ivan Dychko
- Bronze2noc: KAZ

The men's super heavyweight boxing competition at the 2012 Olympic Games in London was held from 1 to 12 August \
at the ExCeL Exhibition Centre.

==Results==

===Finals===

| Semifinals | | Final | |
| Roberto Cammarelle (ITA) | 13 | | |
| Magomedrasul Majidov (AZE) | 12 | | |
| | | Roberto Cammarelle (ITA) | 18+ |
| | | Anthony Joshua (GBR) | 18 |
| Anthony Joshua (GBR) | 15 | | |
| Ivan Dychko (KAZ) | 11 | | |
"""

# Decathlon: per-event columns (points) named like distances, a Points total, =OR in Notes, a DNF.
ATHLETICS_2016_MEN_DECATHLON = """\
= Athletics at the 2016 Summer Olympics – Men's decathlon =

Infobox
- Event: Men's decathlon
- Games: 2016 Summer
- Venue: Estádio Olímpico João Havelange
- Dates: 17–18 August
- Competitors: 23
- Nations: 15
- Win Value: 8893 pts
- Gold: Ashton Eaton
- Goldnoc: USA
- Silver: Kevin Mayer
- Silvernoc: FRA
- Bronze: Damian Warner
- Bronzenoc: CAN

==Results==

===Final standings===

| Rank | Athlete | Nationality | 100m | LJ | SP | HJ | 400m | 110m H | DT | PV | JT | 1500m | Points | Notes |
| | Ashton Eaton | | 1003 | 1011 | 743 | 822 | 1040 | 980 | 691 | 972 | 764 | 867 | 8893 | =OR |
| | Kevin Mayer | | 902 | 963 | 775 | 868 | 935 | 964 | 783 | 1004 | 891 | 749 | 8834 | NR |
| | Damian Warner | | 992 | 991 | 719 | 831 | 988 | 1000 | 722 | 790 | 742 | 881 | 8666 | |
| 4 | Larbi Bourrada | | 906 | 951 | 674 | 831 | 960 | 923 | 735 | 849 | 761 | 931 | 8521 | NR |
| | Pieter Braun | | 877 | 912 | 712 | 803 | | | | | | | DNF | |
"""

# Team sport: group standings with team names as link text, free-text qualification notes and a unicode minus;
# a final ranking table with no result column, empty medal rank cells and a rank shared by four teams.
FOOTBALL_2012_MEN = """\
= Football at the 2012 Summer Olympics – Men's tournament =

Infobox
- Event: Men's tournament
- Games: 2012 Summer
- Dates: 26 July – 11 August
- Competitors: 16 teams
- Gold: Mexico
- Goldnoc: MEX
- Silver: Brazil
- Silvernoc: BRA
- Bronze: South Korea
- Bronzenoc: KOR

The men's football tournament at the 2012 Summer Olympics was held in London and five other cities in the United \
Kingdom from 26 July to 11 August.

==Group stage==

===Group A===

| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts | Qualification |
| 1 | Great Britain | 3 | 2 | 1 | 0 | 5 | 3 | +2 | 7 | Advance to knockout stage |
| 2 | Senegal | 3 | 1 | 2 | 0 | 6 | 4 | +2 | 5 | Advance to knockout stage |
| 3 | Uruguay | 3 | 1 | 0 | 2 | 2 | 4 | −2 | 3 | |
| 4 | United Arab Emirates | 3 | 0 | 1 | 2 | 4 | 6 | −2 | 1 | |

==Final ranking==

| Rank | Team |
| | Mexico |
| | Brazil |
| | South Korea |
| 4 | Japan |
| 5 | Great Britain |
| Honduras | |
| Senegal | |
| Egypt | |
"""

# Winter: alpine skiing with two runs, a per-run Rank column each, a Bib column, a tie shifted left that starts
# with a bib number, DNF in a run (Total left empty) and DNF/DSQ in Total.
ALPINE_2010_MEN_GIANT_SLALOM = """\
= Alpine skiing at the 2010 Winter Olympics – Men's giant slalom =

Infobox
- Event: Men's giant slalom
- Games: 2010 Winter
- Venue: Whistler Creekside
- Date: 23 February
- Competitors: 103
- Nations: 47
- Gold: Carlo Janka
- Goldnoc: SUI
- Silver: Kjetil Jansrud
- Silvernoc: NOR
- Bronze: Aksel Lund Svindal
- Bronzenoc: NOR

The men's giant slalom competition of the Vancouver 2010 Olympics was held at Whistler Creekside on 23 February.

==Results==

| Rank | Bib | Name | Country | Run 1 | Rank | Run 2 | Rank | Total | Difference |
| | 7 | Carlo Janka | | 1:17.27 | 1 | 1:20.56 | 4 | 2:37.83 | |
| | 12 | Kjetil Jansrud | | 1:17.82 | 7 | 1:20.40 | 2 | 2:38.22 | +0.39 |
| | 4 | Aksel Lund Svindal | | 1:17.58 | 3 | 1:20.86 | 7 | 2:38.44 | +0.61 |
| 4 | 21 | Marcel Hirscher | | 1:17.98 | 8 | 1:20.49 | 3 | 2:38.47 | +0.64 |
| 5 | 1 | Benjamin Raich | | 1:17.66 | 4 | 1:21.03 | 8 | 2:38.69 | +0.86 |
| 6 | 10 | Ted Ligety | | 1:18.04 | 9 | 1:20.80 | 6 | 2:38.84 | +1.01 |
| 18 | Didier Cuche | | 1:17.79 | 6 | 1:21.05 | 9 | 2:38.84 | +1.01 | |
| | 15 | Cyprien Richard | | 1:18.10 | 10 | DNF | | | |
| | 19 | Bode Miller | | DNF | | | | DNF | |
| | 33 | Stephen Kreuzer | | DSQ | | | | DSQ | |
| | 45 | Kevin Esteve Rigail | | DNS | | | | DNS | |
"""

# Early Games: sparse data, "Unknown" times, a disqualification and a group under — whose DNF cell spanned it.
ATHLETICS_1904_MEN_MARATHON = """\
= Athletics at the 1904 Summer Olympics – Men's marathon =

Infobox
- Event: Men's marathon
- Games: 1904 Summer
- Venue: Francis Field
- Date: August 30
- Competitors: 32
- Nations: 4
- Win Value: 3:28:53
- Gold: Thomas Hicks
- Goldnoc: USA
- Silver: Albert Corey
- Silvernoc: FRA
- Bronze: Arthur Newton
- Bronzenoc: USA
- Prev: 1900
- Next: 1908

The men's marathon was part of the track and field athletics programme at the 1904 Summer Olympics. The race was \
held on August 30, 1904, in hot and dusty conditions.

==Results==

| Rank | Athlete | Nation | Time | Notes |
| 1 | Thomas Hicks | | 3:28:53 | |
| 2 | Albert Corey | | 3:34:52 | |
| 3 | Arthur Newton | | 3:47:33 | |
| 4 | Félix Carvajal | | Unknown | |
| 5 | Demeter Velouis | | Unknown | |
| 6 | David Kneeland | | Unknown | |
| 7 | Henry Brawley | | Unknown | |
| — | Fred Lorz | | DSQ | |
| — | John Lordon | | DNF | |
| William Garcia | | | | |
| Frank Pierce | | | | |
"""

# Early Games heats where places after the second are only known as a range (`3–4`).
ATHLETICS_1900_MEN_60M = """\
= Athletics at the 1900 Summer Olympics – Men's 60 metres =

Infobox
- Event: Men's 60 metres
- Games: 1900 Summer
- Venue: Croix-Catelan Stadium
- Date: July 15
- Competitors: 8
- Nations: 3
- Gold: Alvin Kraenzlein
- Goldnoc: USA
- Silver: Walter Tewksbury
- Silvernoc: USA
- Bronze: Stan Rowley
- Bronzenoc: AUS

==Results==

===Heats===

====Heat 1====

| Rank | Athlete | Nation | Time | Notes |
| 1 | Alvin Kraenzlein | | 7.0 | Q |
| 2 | Stan Rowley | | Unknown | Q |
| 3–4 | Frederick Moloney | | Unknown | |
| 3–4 | Edmund Minahan | | Unknown | |

====Heat 2====

| Rank | Athlete | Nation | Time | Notes |
| 1 | Walter Tewksbury | | 7.2 | Q |
| 2 | William Holland | | Unknown | Q |
| 3–4 | Meyer Prinstein | | Unknown | |
| 3–4 | John Cregan | | Unknown | |

===Final===

| Rank | Athlete | Nation | Time | Notes |
| | Alvin Kraenzlein | | 7.0 | |
| | Walter Tewksbury | | 7.1 | |
| | Stan Rowley | | 7.2 | |
| 4 | William Holland | | 7.2 | |
"""

# Several heats in one section, each named by a line above it with its own Wind line in between, then the final.
ATHLETICS_1988_WOMEN_100M_QF = """\
= Athletics at the 1988 Summer Olympics – Women's 100 metres =

Infobox
- Event: Women's 100 metres
- Games: 1988 Summer
- Venue: Seoul Olympic Stadium
- Dates: 24–25 September
- Gold: Florence Griffith Joyner
- Goldnoc: USA
- Silver: Evelyn Ashford
- Silvernoc: USA
- Bronze: Heike Drechsler
- Bronzenoc: GDR

==Results==

===Quarterfinals===

Heat 1

Wind: +0.7 m/s

| Rank | Athlete | Nation | Time | Notes |
| 1 | Florence Griffith Joyner | | 10.62 | Q |
| 2 | Heike Drechsler | | 11.04 | Q |

Heat 2

Wind: +1.0 m/s

| Rank | Athlete | Nation | Time | Notes |
| 1 | Evelyn Ashford | | 10.88 | Q |
| 2 | Gail Devers | | 11.12 | Q |

===Final===

Wind: +3.0 m/s

| Rank | Athlete | Nation | Time | Notes |
| | Florence Griffith Joyner | | 10.54 | |
| | Evelyn Ashford | | 10.83 | |
| | Heike Drechsler | | 10.85 | |
| 4 | Grace Jackson | | 10.97 | |
"""

# Gymnastics vault: scores, not metres, although the event name says "vault".
GYMNASTICS_2008_WOMEN_VAULT = """\
= Gymnastics at the 2008 Summer Olympics – Women's vault =

Infobox
- Event: Women's vault
- Games: 2008 Summer
- Venue: Beijing National Indoor Stadium
- Date: 17 August
- Gold: Hong Un-jong
- Goldnoc: PRK
- Silver: Oksana Chusovitina
- Silvernoc: GER
- Bronze: Cheng Fei
- Bronzenoc: CHN

==Final==

| Rank | Gymnast | Nation | Vault 1 | Vault 2 | Total |
| | Hong Un-jong | | 15.825 | 15.475 | 15.650 |
| | Oksana Chusovitina | | 15.575 | 15.575 | 15.575 |
| | Cheng Fei | | 15.800 | 15.325 | 15.562 |
| 4 | Alicia Sacramone | | 15.675 | 15.250 | 15.462 |
"""

# Shooting: a Total of points in an event whose name holds a distance.
SHOOTING_2008_MEN_10M_AIR_PISTOL = """\
= Shooting at the 2008 Summer Olympics – Men's 10 metre air pistol =

Infobox
- Event: Men's 10 metre air pistol
- Games: 2008 Summer
- Venue: Beijing Shooting Range Hall
- Date: 9 August
- Gold: Pang Wei
- Goldnoc: CHN
- Silver: Jin Jong-oh
- Silvernoc: KOR
- Bronze: Jason Turner
- Bronzenoc: USA

==Final==

| Rank | Athlete | Country | Qual | Final | Total | Notes |
| | Pang Wei | | 586 | 102.2 | 688.2 | |
| | Jin Jong-oh | | 583 | 101.5 | 684.5 | |
| | Jason Turner | | 579 | 103.0 | 682.0 | |
| 4 | Brian Beaman | | 580 | 101.8 | 681.8 | |
"""

# Bobsleigh: one row per sled member, the sled's rank, Country and times spanning its four rows (rowspans lost),
# and the Country cell empty because its flag template was lost.
BOBSLEIGH_2010_FOUR_MAN = """\
= Bobsleigh at the 2010 Winter Olympics – Four-man =

Infobox
- Event: Four-man
- Games: 2010 Winter
- Venue: Whistler Sliding Centre
- Dates: 26–27 February
- Gold: United States
- Goldnoc: USA
- Silver: Germany
- Silvernoc: GER
- Bronze: Canada
- Bronzenoc: CAN

==Results==

| Rank | Country | Athletes | Run 1 | Run 2 | Run 3 | Run 4 | Total | Behind |
| | | Steven Holcomb | 50.89 | 51.52 | 51.19 | 50.86 | 3:24.46 | |
| Justin Olsen | | | | | | | | |
| Steve Mesler | | | | | | | | |
| Curtis Tomasevicz | | | | | | | | |
| | | André Lange | 51.06 | 51.45 | 51.37 | 50.96 | 3:24.84 | +0.38 |
| Kevin Kuske | | | | | | | | |
| Alexander Rödiger | | | | | | | | |
| Martin Putze | | | | | | | | |
"""

# Ski jumping: a second header row (the column groups' sub-headings) left as the table's second row.
SKI_JUMPING_2010_NORMAL_HILL = """\
= Ski jumping at the 2010 Winter Olympics – Men's normal hill individual =

Infobox
- Event: Men's normal hill individual
- Games: 2010 Winter
- Venue: Whistler Olympic Park
- Date: 13 February
- Gold: Simon Ammann
- Goldnoc: SUI
- Silver: Adam Małysz
- Silvernoc: POL
- Bronze: Gregor Schlierenzauer
- Bronzenoc: AUT

==Results==

| Rank | Bib | Name | Country | Round 1 | | Final round | | Total |
| Distance (m) | Points | Distance (m) | Points | | | | | |
| | 50 | Simon Ammann | | 105.0 | 140.0 | 108.0 | 136.5 | 276.5 |
| | 49 | Adam Małysz | | 103.5 | 137.5 | 105.0 | 132.0 | 269.5 |
| | 48 | Gregor Schlierenzauer | | 101.5 | 133.5 | 106.5 | 135.0 | 268.5 |
| 4 | 45 | Andreas Kofler | | 103.0 | 136.0 | 103.5 | 130.5 | 266.5 |
"""
