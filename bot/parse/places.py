"""The places of a round: ranks filled in where medal icons were lost, ties, and the medals of the final, from the
infobox or, on a page without infobox medals, from the final's first three places."""

from __future__ import annotations

from bot.models import MEDAL_ORDER, Event, Medal, MedalEntry, ResultRow
from bot.text import normalize

# The medal a place wins: 1 gold, 2 silver, 3 bronze.
_COLOUR_OF_PLACE: dict[int, Medal] = {place: medal for medal, place in MEDAL_ORDER.items()}  # type: ignore[misc]


def infer_ranks(rows: list[ResultRow], medals: list[MedalEntry], final: bool) -> None:
    """Fill empty rank cells of the leading rows (medal icons lost in conversion) and mark them inferred."""
    by_name = {normalize(m.name): m for m in medals if m.name}
    leading = []
    for row in rows:
        if row.rank is not None or row.status not in (None, "unknown") or row.group:
            break
        leading.append(row)
    if not leading:
        return
    position = len(leading)
    next_rank = rows[position].rank if position < len(rows) else None
    order_fits = next_rank is None or next_rank == position + 1
    for i, row in enumerate(leading):
        medal = by_name.get(normalize(row.name)) if final and row.name else None
        if medal is not None:
            row.rank, row.rank_inferred = MEDAL_ORDER[medal.medal], True
        elif order_fits and (next_rank is not None or (final and medals)):
            row.rank, row.rank_inferred = i + 1, True
        if row.rank is not None and row.status == "unknown":
            row.status = None  # a placed row: finished, its result simply not given


def ranks_restart(rows: list[ResultRow]) -> bool:
    """Whether the ranks start again in each heat (heat 1: 1, 2, 3 …; heat 2: 1, 2 …), rather than running
    through the table (an overall ranking that only notes each row's heat)."""
    previous: ResultRow | None = None
    for row in rows:
        if row.rank is None:
            continue
        if (
            previous is not None
            and previous.rank is not None
            and row.heat != previous.heat
            and row.rank < previous.rank
        ):
            return True
        previous = row
    return False


def mark_ties(rows: list[ResultRow], per_heat: bool) -> None:
    """Rows sharing a rank are tied; in a table ranked heat by heat, only within a heat."""
    counts: dict[tuple[str | None, int], int] = {}
    for row in rows:
        if row.rank is not None:
            key = (row.heat if per_heat else None, row.rank)
            counts[key] = counts.get(key, 0) + 1
    for row in rows:
        if row.rank is not None and counts[row.heat if per_heat else None, row.rank] > 1:
            row.tied = True


def assign_medals(rows: list[ResultRow], medals: list[MedalEntry], team: bool) -> None:
    by_name = {normalize(m.name): m for m in medals if m.name}
    named = set()
    for row in rows:
        medal = by_name.get(normalize(row.name)) if by_name and row.name else None
        if medal is not None:
            row.medal = medal.medal
            named.add(medal.medal)
            if medal.members and not row.members and normalize(" ".join(medal.members)) == normalize(row.name):
                # A crew written as one run of words (`Guo Jingjing Wu Minxia`), split as the infobox lists it.
                row.members = list(medal.members)
                row.extra["members from"] = "infobox"
            if row.nation is None and medal.noc:
                row.nation, row.nation_source = medal.noc, "infobox"
    # A medal whose winner is named differently on the row (a team whose flag was lost): fall back to the rank.
    by_colour: dict[str, list[MedalEntry]] = {}
    for m in medals:
        by_colour.setdefault(m.medal, []).append(m)
    for row in rows:
        if row.medal is None and row.rank in (1, 2, 3) and row.status is None:
            colour = _COLOUR_OF_PLACE[row.rank]
            if colour in by_colour and colour not in named:
                row.medal = colour
                entries = by_colour[colour]
                # A row without its competitor (or a team row) takes the medallist and nation only when the
                # medal went to one winner alone, marked inferred.
                if (team or not row.name) and len(entries) == 1:
                    if row.nation is None and entries[0].noc:
                        row.nation, row.nation_source = entries[0].noc, "inferred"
                    if not row.name and entries[0].name:
                        row.name, row.name_source = entries[0].name, "inferred"


def medals_from_places(rows: list[ResultRow]) -> list[MedalEntry]:
    """A page without an infobox's medals: the final's first three places (ties share), marked inferred."""
    colours = _COLOUR_OF_PLACE
    inferred: list[MedalEntry] = []
    for row in rows:
        colour = colours.get(row.rank or 0) if row.status is None and not row.rank_inferred else None
        if colour is None:
            continue
        row.medal = colour
        row.extra["medal"] = "inferred from the place (the page has no infobox medals)"
        inferred.append(MedalEntry(medal=colour, name=row.name, noc=row.nation, members=row.members, source="inferred"))
    return inferred


def mark_unsplit_rosters(rows: list[ResultRow]) -> None:
    """Where the infobox showed that this table writes crews as one run of words, the other crews are marked
    unsplit: kept as written, since nothing tells where one name ends (never split by guess)."""
    if not any(row.extra.get("members from") == "infobox" for row in rows):
        return
    for row in rows:
        if row.name and not row.members and len(row.name.split()) >= 4:
            row.roster_unsplit = True


def settle_places(event: Event, medals: list[MedalEntry]) -> None:
    """Ranks and ties of every round, then the final's medals (`event.medals` from its places when the infobox has
    none)."""
    final = event.final_round()
    for rnd in event.rounds:
        infer_ranks(rnd.results, medals, final=rnd is final)
        rnd.ranks_per_heat = ranks_restart(rnd.results)
        mark_ties(rnd.results, rnd.ranks_per_heat)
    if final is not None and not final.ranks_per_heat:  # a table ranked heat by heat holds no medal places
        assign_medals(final.results, medals, event.team)
        mark_unsplit_rosters(final.results)
        if not medals:
            event.medals = medals_from_places(final.results)
