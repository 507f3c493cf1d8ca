# ruff: noqa: E501  (patterns read best one to a line)
"""Intent patterns: what a folded question asks, and the parts (slots) naming athletes, events, nations, Games.

Patterns are tried in order; the first whose slots resolve is the reading. Slots: `e` an event, `x` an athlete,
`a`/`b` two athletes, `rest` an athlete then (optionally) an event, `who` an athlete or a nation, `scope` Games,
a sport or a season, `medal`, `n` a place, `split` a split label, `what` the kind of value or count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_IN = r"(?: (?:in|at|of|for|during|from))?"
_MEDAL = r"gold|golds|silver|silvers|bronze|bronzes|medals|medal|1st|2nd|3rd"
_PEOPLE = (
    r"competitors|athletes|participants|entrants|starters|entries|people|cyclists|swimmers|runners|riders|rowers"
    r"|skaters|skiers|boxers|players|divers|jumpers|throwers|walkers|nations|countries|nocs|teams|finishers"
)
_SPLIT = r"(?:lap )?\d+(?: ?(?:m|km|k|metres|metre|meters|meter|mi|miles?|laps?))?"
_HELD = r"(?: (?:held|take place|taken place|happen|run|contested|raced|swum|decided|staged|on))?"

PATTERNS: list[tuple[str, str]] = [
    ("most_golds", rf"^(?:which|what) (?:nation|country|team|noc) (?:won|got|took|had|has|earned|collected) (?:the )?most (?P<medal>{_MEDAL})(?: medals)?(?: (?P<scope>.+))?$"),
    ("most_athlete", rf"^(?:which|what) (?:athlete|competitor|person|sportsman|sportswoman|player|rider|swimmer|runner|skier|skater) (?:won|got|took|had|has|earned|collected) (?:the )?most (?P<medal>{_MEDAL})(?: medals)?(?: (?P<scope>.+))?$"),
    ("most_golds", rf"^who (?:won|got|took|had|earned) (?:the )?most (?P<medal>{_MEDAL})(?: medals)?(?: (?P<scope>.+))?$"),
    ("most_golds", r"^(?:which|what) (?:nation|country|team|noc) (?P<medal>topped|led|headed|won|top|lead|head) the medal (?:table|count|standings|tally)(?: (?P<scope>.+))?$"),
    ("medal_table", r"^(?:show (?:me )?)?(?:the )?medal (?:table|count|standings?|tally)(?: (?:for|of|at|in))?(?: (?P<scope>.+))?$"),
    ("count_medals", rf"^how many (?:(?P<medal>{_MEDAL}) )?(?:medals? )?(?:did|has|have|had) (?P<who>.+?) (?:win|won|get|got|take|took|earn|earned|collect|collected)(?: (?P<scope>.+))?$"),
    ("which_medals", r"^(?:which|what) medals? (?:did|has|have) (?P<who>.+?) (?:win|won|get|got|take|took|earn|earned)(?: (?P<scope>.+))?$"),
    ("appearances", r"^(?:what (?:were|are) |show (?:me )?|list )?(?P<x>.+?) (?:results|olympic results|events|appearances|races|record at the olympics)$"),
    ("best", r"^(?:what (?:was|is|were) )?(?P<x>.+?) (?:best|top|greatest|highest) (?:result|finish|placing|place|performance|position|showing)s?(?: ever)?$"),
    ("best", r"^(?:what (?:was|is) )?(?:the )?(?:best|top) (?:result|finish|placing|performance) (?:of|by|for) (?P<x>.+)$"),
    ("winning", rf"^(?:what (?:was|is) )?(?:the )?winning (?P<what>time|mark|score|distance|height|jump|throw|result|points|total){_IN} (?:the )?(?P<e>.+)$"),
    ("margin_gs", rf"^(?:what was |how big was |how large was |how close was )?(?:the )?(?:winning )?(?:margin|gap|difference|time difference)(?: of victory| between (?:the )?(?:gold|winner|1st)(?: medallist| medalist)? and (?:the )?(?:silver|2nd|runner up)(?: medallist| medalist)?)?{_IN} (?:the )?(?P<e>.+)$"),
    ("margin_gs", rf"^(?:by )?how much did (?:the )?winner win(?: by)?{_IN} (?:the )?(?P<e>.+?)(?: by)?$"),
    ("margin_win", r"^(?:by )?how much did (?P<rest>.+?) win(?: by)?(?: (?P<e>(?:in|at) .+?))?(?: by)?$"),
    ("margin_ab", r"^(?:what was |how big was )?(?:the )?(?:margin|gap|difference|time difference) between (?P<a>.+?) and (?P<rest>.+)$"),
    ("margin_ab", r"^(?:by )?how much did (?P<a>.+?) (?:beat|lead|finish ahead of) (?P<rest>.+?)(?: by)?$"),
    ("margin_ab", r"^how (?:far|much) (?:behind|back from|slower than|further back than) (?!(?:the )?(?:winner|leader|gold|1st|pace|champion|gold medallist)\b)(?P<b>.+?) (?:was|did|were|is) (?P<a>.+?)(?: finish| end up)?(?: (?P<e>(?:in|at) .+))?$"),
    ("margin_ab", r"^how much (?:faster|slower|further|farther|higher|better|quicker|longer) (?:was|did|were) (?P<a>.+?) (?:go |run |swim |ride |jump |throw |skate |ski )?than (?P<rest>.+)$"),
    ("neighbour", r"^who (?:finished|came|was|placed|ended up) (?:right |just |immediately )?(?P<dir>behind|after|ahead of|in front of|before) (?P<rest>.+)$"),
    ("behind", r"^how (?:far|much) (?:behind|back|off)(?: (?:the )?(?:winner|leader|gold|1st|pace|gold medallist))? (?:was|did|were|is) (?P<rest>.+?)(?: finish| end up| come)?(?: behind (?:the )?winner)?$"),
    ("beat", r"^did (?P<a>.+?) (?:beat|defeat|finish ahead of|finish in front of|finish before|outperform|outrun|outscore|outswim|outride|outjump|outthrow|beat out|do better than|go faster than|finish higher than|place ahead of) (?P<rest>.+)$"),
    ("beat", r"^(?:was|did) (?P<a>.+?) (?:finish )?(?:ahead of|faster than|in front of|better than|higher than) (?P<rest>.+)$"),
    ("split", rf"^who (?:was|were) (?:the )?(?:fastest|quickest|leading|in the lead|ahead|1st|in front|best|leader)(?: split)? (?:at|after|by|through|over) (?:the )?(?P<split>{_SPLIT})(?: (?:mark|split|point|checkpoint|time check))?{_IN} (?:the )?(?P<e>.+)$"),
    ("split", rf"^who led (?:at|after|by|through) (?:the )?(?P<split>{_SPLIT})(?: (?:mark|split|point))?{_IN} (?:the )?(?P<e>.+)$"),
    ("h2h", r"^(?:head to head|h2h|compare)(?: between| of)? (?P<a>.+?) (?:and|vs|v|versus|with|against|to) (?P<b>.+)$"),
    ("h2h", r"^(?P<a>.+?) (?:vs|v|versus) (?P<b>.+?)(?: head to head| h2h)?$"),
    ("nth", rf"^who (?:finished|came|placed|was|ended|ended up|came in|finished in|placed in|was placed|took|got|is)(?: in)?(?: the)? (?P<n>\d{{1,3}}(?:st|nd|rd|th)?|last)(?: (?:place|position|overall|spot))?{_IN} (?:the )?(?P<e>.+)$"),
    ("did_win", rf"^did (?P<who>.+?) win(?: (?:a |the )?(?P<medal>gold|silver|bronze|a medal|medal|medals))?(?: medal)?{_IN} (?:the )?(?P<e>.+)$"),
    ("who_won", rf"^who (?:were|was|are) (?:the )?(?P<medal>top 3|top three|first 3|first three|top 3 finishers|medallists){_IN} (?:the )?(?P<e>.+)$"),
    ("who_won", rf"^who (?:was|were|is) (?:the )?(?P<medal>fastest|quickest|best|top|1st){_IN} (?:the )?(?P<e>.+)$"),
    ("who_won", rf"^(?:who|which athlete|which team|which nation|which country|what nation|what country|which rider|which swimmer|which runner) (?:won|win|wins|took|take|got|get|claimed|earned|received|was awarded|scooped|captured|picked up)(?: the)?(?: (?P<medal>{_MEDAL}))?(?: medals?)?{_IN} (?:the )?(?P<e>.+)$"),
    ("who_won", rf"^who (?:were|was|are|is) (?:the )?(?P<medal>medallists|medalists|medal winners|winner|winners|champion|gold medallist|gold medalist|silver medallist|silver medalist|bronze medallist|bronze medalist|podium|on the podium|runner up){_IN} (?:the )?(?P<e>.+)$"),
    ("who_won", r"^who (?:was|were|is) the (?P<e>.+?) (?P<medal>champion|winner|gold medallist|gold medalist|silver medallist|bronze medallist|medallists|medalists)(?: (?:in|at|of) (?P<e2>.+))?$"),
    ("who_won", rf"^(?:the )?(?P<medal>gold|silver|bronze|winner|medallists|medalists|podium|champion)(?: medal| medallist| medalist)?{_IN} (?:the )?(?P<e>.+)$"),
    ("who_won", r"^(?:the )?(?P<medal>medallists|medalists|winner|champion|podium) (?:of )?(?:the )?(?P<e>.+)$"),
    ("results", r"^(?:show (?:me )?)?(?:the )?(?:full )?(?:results|standings|result|classification|leaderboard)(?: (?:of|for|in|from))? (?:the )?(?P<e>.+)$"),
    ("where_finish", r"^(?:where|what place|what position|which place|what rank|which position|how|in what position|in which position|in what place|in which place) did (?P<rest>.+?) (?:finish|place|come|end up|rank|do|come in|end)(?: (?P<e>.+))?$"),
    ("where_finish", r"^(?:what|which) (?:place|position|rank) (?:was|did|is) (?P<rest>.+?)(?: finish| in| come)?$"),
    ("where_finish", r"^(?:what was |what is )?(?P<x>.+?) (?:place|position|rank|placing|finishing position|finish)(?: (?:in|at) (?:the )?(?P<e>.+))?$"),
    ("result", r"^(?:what was |what were |what is |whats |show )?(?:the )?(?P<x>.+?) (?:winning |final |best )?(?P<what>time|mark|score|result|distance|height|points|jump|throw|total|performance)(?: (?:in|at|for|of) (?:the )?(?P<e>.+))?$"),
    ("result", r"^(?:what|how) (?:time|mark|score|distance|far|fast|high|many points) did (?P<rest>.+?) (?:do|run|ride|swim|clock|post|record|set|jump|throw|score|get|go|achieve|skate|ski|walk|make|manage)(?: (?P<e>.+))?$"),
    ("result", r"^(?:what was|what were|what is|show) the (?P<what>time|mark|score|result|distance|height|points|jump|throw|total|performance)s? (?:of|by|for) (?P<rest>.+)$"),
    ("result", r"^what did (?P<rest>.+?) (?:jump|throw|run|swim|score|clock|lift|ride|skate|ski|record|post|do|get|achieve|manage)(?: (?P<e>(?:in|at) .+))?$"),
    ("result", r"^how (?:fast|far|high|quick) (?:was|did|were) (?P<rest>.+?)(?: go| run| ride| swim| jump| throw| skate)?$"),
    ("count", rf"^how many (?P<what>{_PEOPLE})(?: (?:were there|were|are|did|took part|competed|started|entered|participated|raced|in total|there were))*{_IN} (?:the )?(?P<e>.+?)(?: (?:were there|took part|competed|started|entered|participated|raced|were entered))?$"),
    ("when", rf"^(?:when|what date|what day|which day|on what date|on which day|what dates)(?: (?:was|were|did|is))? (?:the )?(?P<e>.+?){_HELD}$"),
    ("where", rf"^(?:where|what venue|which venue|in what venue|at what venue|in which venue)(?: (?:was|were|did|is))? (?:the )?(?P<e>.+?){_HELD}$"),
    ("record", r"^(?:what (?:was|were|is) )?(?:the )?(?P<kind>world|olympic|wr|or)(?: and (?:world|olympic))? records? (?:before|prior to|going into|ahead of|at|in|for|of|coming into) (?:the )?(?P<e>.+)$"),
    ("record", r"^who (?:held|holds|had|has) the (?P<kind>world|olympic) record (?:before |going into |ahead of )?(?:in|for|at|of|before)? ?(?:the )?(?P<e>.+)$"),
    ("record", r"^(?:what (?:was|were) )?(?:the )?(?P<kind>)records? (?:before|prior to|going into|in|for|at|of) (?:the )?(?P<e>.+)$"),
]  # fmt: skip

COMPILED = [(intent, re.compile(pattern)) for intent, pattern in PATTERNS]
_POLITE = re.compile(
    r"^(?:(?:hey|hi|ok|okay|so|please|podium|bot|tell me|can you tell me|do you know|i want to know)\s+)+"
)
_TRAIL = re.compile(r"(?:\s+(?:please|thanks|thank you|again))+$")


@dataclass
class Parsed:
    intent: str
    slots: dict[str, str]
    pins: dict[str, str] = field(default_factory=dict)  # slot -> id chosen in a picker or carried over

    def with_slots(self, **changes: str) -> Parsed:
        return Parsed(self.intent, {**self.slots, **changes}, dict(self.pins))


def tidy(text: str) -> str:
    """Politeness and filler around a question dropped: `hey podium can you tell me who won ...`."""
    text = _POLITE.sub("", text)
    return _TRAIL.sub("", text).strip()


def readings(text: str) -> list[Parsed]:
    """Every pattern's reading of a folded question, in pattern order."""
    out = []
    for intent, pattern in COMPILED:
        m = pattern.match(text)
        if m:
            slots = {k: (v or "").strip() for k, v in m.groupdict().items()}
            if "e2" in slots:  # `who was the marathon champion in 1992`: the event is named in two parts
                slots["e"] = f"{slots['e']} {slots.pop('e2')}".strip()
            out.append(Parsed(intent, slots))
    return out
