"""The events a generated corpus is made of: sport, event name, genders, how results are written, rounds."""

from __future__ import annotations

from dataclasses import dataclass

# sport | event | genders (m, w, x = mixed, o = open) | kind | base value | style | team size | field | since
# kind: time (seconds), mark (metres), points, place (bracket sports: final standings without a result).
# style: single (one table), heats (heats, semifinals, final), groups (qualification groups, final),
# runs (two runs and a total), standings (final standings), roster (teams with their players).
_SUMMER = """
Athletics|100 metres|mw|time|10.0|heats|0|40-90|1896
Athletics|200 metres|mw|time|20.2|heats|0|40-80|1900
Athletics|400 metres|mw|time|45.0|heats|0|40-70|1896
Athletics|800 metres|mw|time|105|heats|0|30-60|1896
Athletics|1500 metres|mw|time|215|heats|0|30-50|1896
Athletics|5000 metres|mw|time|800|heats|0|25-45|1912
Athletics|"10,000 metres"|mw|time|1680|single|0|20-40|1912
Athletics|marathon|mw|time|7900|single|0|50-100|1896
Athletics|110 metres hurdles|m|time|13.3|heats|0|30-50|1896
Athletics|100 metres hurdles|w|time|12.7|heats|0|30-50|1972
Athletics|400 metres hurdles|mw|time|48.5|heats|0|30-50|1900
Athletics|3000 metres steeplechase|mw|time|500|heats|0|30-45|1920
Athletics|20 kilometres walk|mw|time|4900|single|0|30-60|1956
Athletics|50 kilometres walk|m|time|13500|single|0|30-60|1932
Athletics|high jump|mw|mark|2.3|groups|0|25-40|1896
Athletics|pole vault|mw|mark|5.8|groups|0|25-40|1896
Athletics|long jump|mw|mark|8.2|groups|0|25-45|1896
Athletics|triple jump|mw|mark|17.2|groups|0|25-40|1896
Athletics|shot put|mw|mark|21.0|groups|0|25-40|1896
Athletics|discus throw|mw|mark|66.0|groups|0|25-40|1896
Athletics|hammer throw|mw|mark|78.0|groups|0|25-40|1900
Athletics|javelin throw|mw|mark|85.0|groups|0|25-40|1908
Athletics|decathlon|m|points|8500|single|0|20-35|1912
Athletics|heptathlon|w|points|6500|single|0|20-35|1984
Athletics|4 × 100 metres relay|mw|time|38.0|heats|4|12-16|1912
Athletics|4 × 400 metres relay|mw|time|180|heats|4|12-16|1912
Swimming|50 metre freestyle|mw|time|22.0|heats|0|40-90|1988
Swimming|100 metre freestyle|mw|time|48.5|heats|0|40-70|1896
Swimming|200 metre freestyle|mw|time|106|heats|0|30-50|1900
Swimming|400 metre freestyle|mw|time|225|heats|0|30-45|1904
Swimming|800 metre freestyle|w|time|500|heats|0|25-40|1968
Swimming|1500 metre freestyle|m|time|880|heats|0|25-40|1908
Swimming|100 metre backstroke|mw|time|53.0|heats|0|30-50|1904
Swimming|200 metre backstroke|mw|time|115|heats|0|25-40|1900
Swimming|100 metre breaststroke|mw|time|60.0|heats|0|30-50|1968
Swimming|200 metre breaststroke|mw|time|130|heats|0|25-45|1908
Swimming|100 metre butterfly|mw|time|52.0|heats|0|30-50|1956
Swimming|200 metre butterfly|mw|time|115|heats|0|25-40|1956
Swimming|200 metre individual medley|mw|time|118|heats|0|25-45|1968
Swimming|400 metre individual medley|mw|time|250|heats|0|25-40|1964
Swimming|4 × 100 metre freestyle relay|mw|time|192|heats|4|12-16|1912
Swimming|4 × 200 metre freestyle relay|mw|time|420|heats|4|12-16|1908
Swimming|4 × 100 metre medley relay|mw|time|210|heats|4|12-16|1960
Swimming|marathon 10 kilometre|mw|time|6600|single|0|20-30|2008
Cycling|track time trial|m|time|62.0|single|0|15-35|1896
Cycling|sprint|mw|time|10.2|single|0|15-30|1896
Cycling|individual pursuit|mw|time|260|heats|0|15-25|1964
Cycling|points race|mw|points|40|single|0|18-30|1984
Cycling|road race|mw|time|20000|single|0|60-140|1896
Cycling|road time trial|mw|time|3600|single|0|30-45|1996
Cycling|keirin|mw|time|10.5|heats|0|20-30|2000
Cycling|team pursuit|mw|time|235|heats|4|9-12|1908
Cycling|team sprint|mw|time|42.0|single|3|8-12|2000
Cycling|omnium|mw|points|120|single|0|18-22|2012
Rowing|single sculls|mw|time|410|heats|0|14-33|1900
Rowing|double sculls|mw|time|390|heats|2|12-20|1904
Rowing|coxless pair|mw|time|400|heats|2|10-15|1908
Rowing|coxless four|m|time|360|heats|4|10-14|1908
Rowing|quadruple sculls|mw|time|350|heats|4|8-12|1976
Rowing|eight|mw|time|330|heats|9|7-10|1900
Rowing|lightweight double sculls|mw|time|380|heats|2|15-20|1996
Canoeing|K-1 500 metres|mw|time|100|heats|0|20-30|1976
Canoeing|K-1 1000 metres|m|time|210|heats|0|20-30|1936
Canoeing|K-2 500 metres|mw|time|90|heats|2|12-20|1960
Canoeing|K-2 1000 metres|m|time|190|heats|2|12-20|1936
Canoeing|K-4 1000 metres|m|time|175|heats|4|10-14|1964
Canoeing|C-1 1000 metres|m|time|230|heats|0|15-25|1936
Canoeing|C-2 1000 metres|m|time|215|heats|2|10-15|1936
Canoeing|slalom K-1|mw|time|95|runs|0|20-30|1972
Gymnastics|individual all-around|mw|points|58.0|single|0|24-36|1900
Gymnastics|floor|mw|points|14.5|single|0|8-8|1932
Gymnastics|pommel horse|m|points|15.0|single|0|8-8|1896
Gymnastics|rings|m|points|15.0|single|0|8-8|1896
Gymnastics|vault|mw|points|14.8|single|0|8-8|1896
Gymnastics|parallel bars|m|points|15.2|single|0|8-8|1896
Gymnastics|horizontal bar|m|points|14.9|single|0|8-8|1896
Gymnastics|uneven bars|w|points|15.0|single|0|8-8|1952
Gymnastics|balance beam|w|points|14.6|single|0|8-8|1952
Gymnastics|team all-around|mw|points|170|single|5|8-12|1904
Gymnastics|rhythmic individual all-around|w|points|90|single|0|20-26|1984
Gymnastics|trampoline|mw|points|60|single|0|12-16|2000
Diving|3 metre springboard|mw|points|500|groups|0|25-35|1908
Diving|10 metre platform|mw|points|520|groups|0|25-35|1904
Diving|synchronized 3 metre springboard|mw|points|420|single|2|8-8|2000
Diving|synchronized 10 metre platform|mw|points|440|single|2|8-8|2000
Shooting|10 metre air rifle|mw|points|620|single|0|40-55|1984
Shooting|10 metre air pistol|mw|points|580|single|0|35-50|1988
Shooting|50 metre rifle prone|m|points|595|single|0|40-55|1908
Shooting|50 metre rifle three positions|mw|points|1170|single|0|35-45|1952
Shooting|25 metre rapid fire pistol|m|points|585|single|0|25-35|1896
Shooting|25 metre pistol|w|points|585|single|0|35-45|1984
Shooting|trap|mw|points|122|single|0|25-35|1900
Shooting|skeet|mw|points|122|single|0|25-35|1968
Archery|individual|mw|place|0|standings|0|32-64|1972
Archery|team|mw|place|0|standings|3|12-12|1988
Fencing|individual foil|mw|place|0|standings|0|30-45|1896
Fencing|individual épée|mw|place|0|standings|0|30-45|1900
Fencing|individual sabre|mw|place|0|standings|0|30-45|1896
Fencing|team foil|mw|place|0|standings|3|8-10|1904
Fencing|team épée|mw|place|0|standings|3|8-10|1908
Fencing|team sabre|m|place|0|standings|3|8-10|1908
Boxing|flyweight|m|place|0|standings|0|20-30|1904
Boxing|bantamweight|m|place|0|standings|0|20-30|1904
Boxing|featherweight|mw|place|0|standings|0|20-30|1904
Boxing|lightweight|mw|place|0|standings|0|20-30|1904
Boxing|welterweight|mw|place|0|standings|0|20-30|1904
Boxing|middleweight|mw|place|0|standings|0|18-28|1904
Boxing|light heavyweight|m|place|0|standings|0|16-26|1920
Boxing|heavyweight|m|place|0|standings|0|14-24|1904
Boxing|super heavyweight|m|place|0|standings|0|14-24|1984
Judo|60 kg|m|place|0|standings|0|25-35|1980
Judo|66 kg|m|place|0|standings|0|25-35|1964
Judo|73 kg|m|place|0|standings|0|25-35|1964
Judo|81 kg|m|place|0|standings|0|25-35|1980
Judo|90 kg|m|place|0|standings|0|25-35|1980
Judo|100 kg|m|place|0|standings|0|25-35|1980
Judo|+100 kg|m|place|0|standings|0|20-30|1980
Judo|48 kg|w|place|0|standings|0|20-30|1992
Judo|52 kg|w|place|0|standings|0|20-30|1992
Judo|57 kg|w|place|0|standings|0|20-30|1992
Judo|63 kg|w|place|0|standings|0|20-30|1992
Judo|70 kg|w|place|0|standings|0|20-30|1992
Judo|78 kg|w|place|0|standings|0|20-30|1992
Judo|+78 kg|w|place|0|standings|0|18-26|1992
Wrestling|freestyle 57 kg|mw|place|0|standings|0|16-22|1904
Wrestling|freestyle 65 kg|m|place|0|standings|0|16-22|1904
Wrestling|freestyle 74 kg|m|place|0|standings|0|16-22|1904
Wrestling|freestyle 86 kg|m|place|0|standings|0|16-22|1904
Wrestling|freestyle 97 kg|m|place|0|standings|0|16-22|1904
Wrestling|freestyle 125 kg|m|place|0|standings|0|16-22|1904
Wrestling|freestyle 53 kg|w|place|0|standings|0|16-20|2004
Wrestling|freestyle 62 kg|w|place|0|standings|0|16-20|2004
Wrestling|freestyle 68 kg|w|place|0|standings|0|16-20|2004
Wrestling|freestyle 76 kg|w|place|0|standings|0|16-20|2004
Wrestling|Greco-Roman 60 kg|m|place|0|standings|0|16-22|1908
Wrestling|Greco-Roman 67 kg|m|place|0|standings|0|16-22|1908
Wrestling|Greco-Roman 77 kg|m|place|0|standings|0|16-22|1908
Wrestling|Greco-Roman 87 kg|m|place|0|standings|0|16-22|1908
Wrestling|Greco-Roman 97 kg|m|place|0|standings|0|16-22|1908
Wrestling|Greco-Roman 130 kg|m|place|0|standings|0|16-22|1908
Weightlifting|61 kg|m|points|300|single|0|12-20|1920
Weightlifting|67 kg|m|points|330|single|0|12-20|1920
Weightlifting|73 kg|m|points|355|single|0|12-20|1920
Weightlifting|81 kg|m|points|375|single|0|12-20|1920
Weightlifting|96 kg|m|points|400|single|0|12-20|1920
Weightlifting|109 kg|m|points|420|single|0|12-20|1920
Weightlifting|+109 kg|m|points|460|single|0|12-20|1920
Weightlifting|49 kg|w|points|200|single|0|10-16|2000
Weightlifting|55 kg|w|points|220|single|0|10-16|2000
Weightlifting|59 kg|w|points|235|single|0|10-16|2000
Weightlifting|64 kg|w|points|245|single|0|10-16|2000
Weightlifting|76 kg|w|points|260|single|0|10-16|2000
Weightlifting|87 kg|w|points|270|single|0|10-16|2000
Weightlifting|+87 kg|w|points|300|single|0|10-16|2000
Taekwondo|58 kg|mw|place|0|standings|0|16-20|2000
Taekwondo|68 kg|mw|place|0|standings|0|16-20|2000
Taekwondo|80 kg|mw|place|0|standings|0|16-20|2000
Taekwondo|+80 kg|mw|place|0|standings|0|16-20|2000
Tennis|singles|mw|place|0|standings|0|48-64|1896
Tennis|doubles|mw|place|0|standings|2|24-32|1896
Tennis|mixed doubles|x|place|0|standings|2|12-16|1900
Table tennis|singles|mw|place|0|standings|0|48-70|1988
Table tennis|team|mw|place|0|standings|3|16-16|2008
Badminton|singles|mw|place|0|standings|0|32-45|1992
Badminton|doubles|mw|place|0|standings|2|16-16|1992
Badminton|mixed doubles|x|place|0|standings|2|16-16|1996
Equestrian|individual dressage|o|points|80|single|0|40-60|1912
Equestrian|individual eventing|o|points|30|single|0|50-70|1912
Equestrian|individual jumping|o|points|4|single|0|60-80|1900
Equestrian|team jumping|o|points|12|single|3|15-20|1912
Sailing|Finn|m|points|60|single|0|20-25|1952
Sailing|Laser|mw|points|70|single|0|35-45|1996
Sailing|470|mw|points|65|single|2|20-30|1988
Sailing|49er|m|points|80|single|2|19-20|2000
Sailing|RS:X|mw|points|60|single|0|25-35|2008
Triathlon|individual|mw|time|6400|single|0|50-55|2000
Modern pentathlon|individual|mw|points|1450|single|0|32-36|1912
Football|tournament|mw|place|0|roster|16|12-16|1900
Basketball|tournament|mw|place|0|roster|12|12-12|1936
Handball|tournament|mw|place|0|roster|14|12-12|1972
Volleyball|tournament|mw|place|0|roster|12|12-12|1964
Water polo|tournament|mw|place|0|roster|13|8-12|1900
Field hockey|tournament|mw|place|0|roster|16|12-12|1908
"""

_WINTER = """
Alpine skiing|downhill|mw|time|110|single|0|40-60|1948
Alpine skiing|super-G|mw|time|85|single|0|45-60|1988
Alpine skiing|giant slalom|mw|time|145|runs|0|60-100|1952
Alpine skiing|slalom|mw|time|105|runs|0|60-100|1948
Alpine skiing|combined|mw|time|160|runs|0|30-50|1936
Cross-country skiing|15 kilometre classical|m|time|2300|single|0|70-100|1924
Cross-country skiing|10 kilometre classical|w|time|1700|single|0|60-90|1952
Cross-country skiing|50 kilometre freestyle|m|time|7500|single|0|50-70|1924
Cross-country skiing|30 kilometre freestyle|w|time|4600|single|0|50-60|1992
Cross-country skiing|sprint|mw|time|200|heats|0|40-60|2002
Cross-country skiing|skiathlon|mw|time|4500|single|0|50-70|2006
Cross-country skiing|4 × 10 kilometre relay|m|time|5900|single|4|14-18|1936
Cross-country skiing|4 × 5 kilometre relay|w|time|3300|single|4|12-16|1956
Biathlon|individual|mw|time|3100|single|0|80-90|1960
Biathlon|sprint|mw|time|1450|single|0|80-90|1980
Biathlon|pursuit|mw|time|2000|single|0|55-60|2002
Biathlon|mass start|mw|time|2100|single|0|30-30|2006
Biathlon|relay|mw|time|4500|single|4|18-20|1968
Speed skating|500 metres|mw|time|34.5|single|0|30-40|1924
Speed skating|1000 metres|mw|time|68.0|single|0|30-40|1960
Speed skating|1500 metres|mw|time|105|single|0|30-40|1924
Speed skating|5000 metres|mw|time|375|single|0|20-30|1924
Speed skating|"10,000 metres"|m|time|780|single|0|12-20|1924
Speed skating|3000 metres|w|time|240|single|0|20-30|1960
Speed skating|team pursuit|mw|time|220|heats|3|8-8|2006
Short track speed skating|500 metres|mw|time|41.0|heats|0|30-36|1994
Short track speed skating|1000 metres|mw|time|84.0|heats|0|30-36|1992
Short track speed skating|1500 metres|mw|time|135|heats|0|30-36|2002
Short track speed skating|5000 metre relay|m|time|400|heats|4|8-8|1992
Short track speed skating|3000 metre relay|w|time|250|heats|4|8-8|1992
Figure skating|singles|mw|points|280|single|0|24-30|1908
Figure skating|pair skating|x|points|220|single|2|16-20|1908
Figure skating|ice dance|x|points|200|single|2|20-24|1976
Ski jumping|normal hill individual|mw|points|270|single|0|50-70|1964
Ski jumping|large hill individual|m|points|290|single|0|50-70|1924
Ski jumping|large hill team|m|points|1050|single|4|12-12|1988
Nordic combined|individual normal hill|m|time|1500|single|0|45-50|1924
Nordic combined|individual large hill|m|time|1500|single|0|45-50|2010
Luge|singles|mw|time|210|runs|0|30-40|1964
Luge|doubles|o|time|100|runs|2|18-22|1964
Bobsleigh|two-man|m|time|200|runs|2|25-30|1932
Bobsleigh|four-man|m|time|195|runs|4|25-30|1924
Bobsleigh|two-woman|w|time|205|runs|2|18-22|2002
Skeleton|individual|mw|time|210|runs|0|20-30|2002
Freestyle skiing|moguls|mw|points|80|single|0|25-30|1992
Freestyle skiing|aerials|mw|points|120|single|0|20-25|1994
Freestyle skiing|ski cross|mw|time|75|single|0|30-32|2010
Snowboarding|halfpipe|mw|points|90|single|0|30-40|1998
Snowboarding|parallel giant slalom|mw|time|80|single|0|25-30|2002
Snowboarding|snowboard cross|mw|time|80|single|0|24-40|2006
Ice hockey|tournament|mw|place|0|roster|22|8-12|1920
Curling|tournament|mw|place|0|roster|5|8-10|1998
"""


@dataclass(frozen=True)
class Template:
    sport: str
    event: str
    genders: str
    kind: str
    base: float
    style: str
    team: int
    field: tuple[int, int]
    since: int
    season: str


def _parse(block: str, season: str) -> list[Template]:
    out = []
    for line in block.strip().splitlines():
        sport, event, genders, kind, base, style, team, field, since = line.split("|")
        lo, hi = field.split("-")
        out.append(
            Template(sport, event.strip('"'), genders, kind, float(base), style, int(team), (int(lo), int(hi)),
                     int(since), season)
        )  # fmt: skip
    return out


def templates() -> list[Template]:
    return _parse(_SUMMER, "Summer") + _parse(_WINTER, "Winter")


GENDER_WORD = {"m": "Men's", "w": "Women's", "x": "Mixed", "o": ""}
