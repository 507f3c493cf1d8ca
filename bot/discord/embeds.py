"""Answers rendered as Discord embeds: pure functions, no I/O, every Discord limit enforced here.

Long answers (an event's full results, an athlete's appearances) are split into pages of whole lines; anything
that could still overflow is cut by `fit_embed`, which leaves a note where it cut. Text from the data is escaped
for markdown; text a user typed is escaped for markdown and mentions (`echo`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import discord

from bot.about import AboutAnswer
from bot.answers import AthleteAnswer, EventAnswer, EventSummary, Line, PodiumAnswer, RecordsAnswer
from bot.charts import Chart
from bot.compare import CompareAnswer, Meeting, Showing, split_words, tally_words

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits and friends).
TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
EMBED_TOTAL = 6000
EMBEDS_PER_MESSAGE = 10
CONTENT = 2000
BUTTON_LABEL = 80
CUSTOM_ID = 100
CHOICES = 25
ABOUT_PAGES = 12  # source pages /about lists before it counts the rest
CHOICE_TEXT = 100
SELECT_OPTIONS = 25
OPTION_TEXT = 100
PLACEHOLDER = 150

# Our own page budget, well inside the limits so a page never needs cutting.
PAGE_LINES = 15
PAGE_CHARS = 3000

COLOUR = discord.Colour(0x2B6CB0)
MEDAL_MARK = {"gold": "🥇", "silver": "🥈", "bronze": "🥉"}
NOTE_WORDS = {"OR": "Olympic record", "WR": "World record", "=OR": "equalled Olympic record", "=WR": "equalled WR"}
CUT_NOTE = "… (cut to fit Discord's limits; the article has the rest)"
ELLIPSIS = "…"


def size(text: str | None) -> int:
    """Length as Discord may count it: UTF-16 code units, which is never less than the code points."""
    return len(text.encode("utf-16-le")) // 2 if text else 0


def clip(text: str, limit: int, marker: str = ELLIPSIS) -> str:
    """`text` cut to at most `limit` (UTF-16 units), ending with `marker` when cut."""
    if size(text) <= limit:
        return text
    room = limit - size(marker)
    out = []
    used = 0
    for ch in text:
        used += size(ch)
        if used > room:
            break
        out.append(ch)
    return "".join(out).rstrip() + marker


def md(text: str) -> str:
    """Data text made safe for markdown (names may hold `*` or `_`) and for mentions (a page may hold
    `@everyone`: shown, never a ping-looking text)."""
    return discord.utils.escape_markdown(discord.utils.escape_mentions(text), ignore_links=False)


def plain(text: str) -> str:
    """Data text for where Discord shows no markdown (footers): mentions escaped."""
    return discord.utils.escape_mentions(text)


def echo(user_text: str, limit: int = 80) -> str:
    """Text a user typed, as it is shown back to them: clipped, markdown and mentions escaped."""
    flat = " ".join(user_text.split())
    return md(clip(flat, limit))


def link(label: str, url: str) -> str:
    safe = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{md(label).replace(']', '')}]({safe})"


def code(text: str) -> str:
    return "`" + text.replace("`", "ˋ") + "`"


# ---------------------------------------------------------------- limits


def embed_size(data: dict[str, Any]) -> int:
    total = size(data.get("title")) + size(data.get("description"))
    total += size((data.get("footer") or {}).get("text")) + size((data.get("author") or {}).get("name"))
    for field in data.get("fields") or []:
        total += size(field.get("name")) + size(field.get("value"))
    return total


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """The embed cut to Discord's limits: each part clipped, at most 25 fields, 6000 in all; a note marks a cut."""
    data: dict[str, Any] = dict(embed.to_dict())
    if data.get("title"):
        data["title"] = clip(data["title"], TITLE)
    if data.get("description"):
        data["description"] = _clip_lines(data["description"], DESCRIPTION)
    if data.get("author"):
        data["author"] = {**data["author"], "name": clip(data["author"].get("name", ""), AUTHOR)}
    if data.get("footer"):
        data["footer"] = {**data["footer"], "text": clip(data["footer"].get("text", ""), FOOTER)}
    fields = [
        {
            **f,
            "name": clip(f.get("name") or "\u200b", FIELD_NAME),
            "value": _clip_lines(f.get("value") or "—", FIELD_VALUE),
        }
        for f in data.get("fields") or []
    ]
    if len(fields) > FIELDS:
        dropped = len(fields) - (FIELDS - 1)
        fields = [
            *fields[: FIELDS - 1],
            {"name": "More", "value": f"{dropped} more not shown (cut to fit).", "inline": False},
        ]
    data["fields"] = fields
    # Over the total: shorten the description, then drop fields from the end.
    while embed_size(data) > EMBED_TOTAL and fields:
        excess = embed_size(data) - EMBED_TOTAL
        desc = data.get("description") or ""
        if size(desc) > 200:
            data["description"] = _cut(desc, max(size(desc) - excess, 100))
            continue
        fields.pop()
        if fields:
            fields[-1] = {**fields[-1], "value": _cut(fields[-1]["value"], FIELD_VALUE)}
    if embed_size(data) > EMBED_TOTAL:
        desc = data.get("description") or ""
        data["description"] = _cut(desc, max(size(desc) - (embed_size(data) - EMBED_TOTAL), 0))
    if not data["fields"]:
        data.pop("fields")
    return discord.Embed.from_dict(data)


def _cut(text: str, limit: int) -> str:
    """`text` shortened to end with the cut note within `limit`: whole lines where they fit, else the first line
    clipped. Cutting again does not stack notes."""
    note = "\n" + CUT_NOTE
    if text.endswith(note):
        text = text[: -len(note)]
    room = limit - size(note)
    if room < 10:
        return clip(text, limit)
    kept: list[str] = []
    used = 0
    for line in text.split("\n"):
        extra = size(line) + (1 if kept else 0)
        if used + extra > room:
            if not kept:
                kept.append(clip(line, room))
            break
        kept.append(line)
        used += extra
    return "\n".join(kept) + note


def _clip_lines(text: str, limit: int) -> str:
    return text if size(text) <= limit else _cut(text, limit)


def fit_content(text: str) -> str:
    return clip(text, CONTENT)


def fit_message(embeds: Sequence[discord.Embed]) -> list[discord.Embed]:
    """A message's embeds: at most 10, each fitted, 6000 characters across all of them."""
    fitted = [fit_embed(e) for e in embeds[:EMBEDS_PER_MESSAGE]]
    while len(fitted) > 1 and sum(embed_size(dict(e.to_dict())) for e in fitted) > EMBED_TOTAL:
        fitted.pop()
    return fitted


# ---------------------------------------------------------------- pieces


def nation_text(line: Line) -> str:
    if line.nation_name:
        return " ".join(x for x in (line.flag, md(line.nation_name)) if x)
    return md(line.nation) if line.nation else ""


def notes_text(line: Line) -> list[str]:
    parts = [NOTE_WORDS.get(n, n) for n in line.notes]
    if line.result is not None and line.status_text:
        parts.append(line.status_text)
    if line.correction:
        parts.append(f"corrected: {line.correction}")
    if line.members:
        parts.append("team: " + ", ".join(line.members))
    return [md(p) for p in parts]


def rank_cell(line: Line) -> str:
    return code(line.rank_text + ("*" if line.rank_inferred else ""))


def result_line(line: Line) -> str:
    """`` `1` 🥇 **José Manuel Moreno** · 🇪🇸 Spain · 1:03.342 `` — ranks, ties (`=4`) and statuses as written."""
    medal = MEDAL_MARK.get(line.medal or "")
    parts = [f"{rank_cell(line)} " + (f"{medal} " if medal else "") + f"**{md(line.name)}**"]
    nation = nation_text(line)
    if nation:
        parts.append(nation)
    if line.result is not None:
        parts.append(md(line.result) + (f" ({line.gap})" if line.gap else ""))
    else:
        parts.append(f"*{md(line.status_text or 'no result listed')}*")
    parts.extend(notes_text(line))
    return " · ".join(parts)


def facts_line(e: EventSummary) -> str:
    facts = [f"**{md(e.games)}**", *(md(f) for f in (e.venue, e.date) if f)]
    if e.competitors:
        facts.append(f"{e.competitors} competitors" + (f" from {e.nations} nations" if e.nations else ""))
    return " · ".join(facts)


def source_field(
    summaries: Iterable[EventSummary], limit: int = FIELD_VALUE, total: int | None = None
) -> tuple[str, str]:
    """("Source", "`file.txt` — [Wikipedia article](url)") for each page an answer comes from; `total` counts
    pages beyond the summaries given."""
    seen: dict[str, EventSummary] = {}
    for s in summaries:
        seen.setdefault(s.id, s)
    lines = [f"{code(s.source_file)} — {link('Wikipedia article', s.url)}" for s in seen.values()]
    total = max(total or 0, len(lines))
    name = "Source" if total == 1 else "Sources"
    value = ""
    for count, line in enumerate(lines):
        more = f"\n… and {total - count} more pages"
        if size(value) + size(line) + 1 + size(more) > limit:
            value += more
            break
        value += ("\n" if value else "") + line
    else:
        if total > len(lines):
            value += f"\n… and {total - len(lines)} more pages"
    return name, value or "—"


def _embed(title: str, url: str | None, description: str) -> discord.Embed:
    """An answer's embed; `title` is data text (a page's title, an athlete's name), escaped here."""
    return discord.Embed(title=clip(md(title), TITLE), url=url, description=description, colour=COLOUR)


def _add_source(embed: discord.Embed, summaries: Iterable[EventSummary]) -> None:
    name, value = source_field(summaries)
    embed.add_field(name=name, value=value, inline=False)


def _footer(embed: discord.Embed, summary: EventSummary | None, page: int | None = None, pages: int = 1) -> None:
    parts = []
    if page is not None and pages > 1:
        parts.append(f"Page {page + 1}/{pages}")
    if summary is not None:
        parts.append(f"Source page: {plain(summary.source_file)} (from Wikipedia)")
    if parts:
        embed.set_footer(text=" · ".join(parts))


def pack(lines: Sequence[str], max_lines: int = PAGE_LINES, max_chars: int = PAGE_CHARS) -> list[list[str]]:
    """Whole lines into pages of at most `max_lines` lines and `max_chars` characters (a longer line is clipped)."""
    pages: list[list[str]] = []
    current: list[str] = []
    used = 0
    for raw in lines:
        line = clip(raw, max_chars)
        if current and (len(current) >= max_lines or used + size(line) + 1 > max_chars):
            pages.append(current)
            current, used = [], 0
        current.append(line)
        used += size(line) + 1
    if current:
        pages.append(current)
    return pages


# ---------------------------------------------------------------- answers


@dataclass(frozen=True)
class _Chunk:
    heading: str | None
    lines: list[str]
    inferred: bool


def event_pages(answer: EventAnswer, round_index: int | None = None) -> list[discord.Embed]:
    """The full results, one round (or one part of a round) per page."""
    e = answer.event
    rounds = list(enumerate(answer.rounds))
    if round_index is not None:
        rounds = [rounds[round_index]]
    chunks: list[_Chunk] = []
    for _, rnd in rounds:
        heading_parts = []
        if rnd.name:
            heading_parts.append(f"__**{md(rnd.name)}**__")
        heading_parts.extend(f"*{md(c)}*" for c in rnd.conditions)
        lines = [result_line(line) for line in rnd.lines] or ["*No result rows on the page for this round.*"]
        groups = pack(lines)
        start = 0
        for part, group in enumerate(groups):
            heading = "\n".join(heading_parts)
            if heading and len(groups) > 1:
                heading += f" *(part {part + 1}/{len(groups)})*"
            inferred = any(line.rank_inferred for line in rnd.lines[start : start + len(group)])
            start += len(group)
            chunks.append(_Chunk(heading or None, group, inferred))
    if not chunks:
        chunks.append(_Chunk(None, ["*The page lists no results table.*"], False))
    embeds = []
    for page, chunk in enumerate(chunks):
        body = [facts_line(e)]
        if chunk.heading:
            body.append(chunk.heading)
        body.extend(chunk.lines)
        if chunk.inferred:
            body.append("*\\* rank inferred from the medals: the page's rank cell was empty*")
        embed = _embed(e.title, e.url, "\n".join(body))
        _add_source(embed, [e])
        _footer(embed, e, page, len(chunks))
        embeds.append(fit_embed(embed))
    return embeds


def podium_embed(answer: PodiumAnswer) -> discord.Embed:
    e = answer.event
    body = [facts_line(e), ""]
    for line in answer.places:
        medal = MEDAL_MARK.get(line.medal or "", "")
        parts = [f"{medal} **{md(line.name)}**".strip()]
        nation = nation_text(line)
        if nation:
            parts.append(nation)
        parts.append(md(line.result) if line.result else "*no result in the table*")
        if line.gap:
            parts.append(f"margin {line.gap}")
        parts.extend(notes_text(line))
        body.append(" · ".join(parts))
    if not answer.places:
        body.append("*The page lists no medalists.*")
    for missing in answer.medals_without_row:
        body.append(f"*In the infobox but not in the results table: {md(missing)}*")
    embed = _embed(e.title, e.url, "\n".join(body))
    _add_source(embed, [e])
    _footer(embed, e)
    return fit_embed(embed)


def records_embed(answer: RecordsAnswer) -> discord.Embed:
    e = answer.event
    body = [facts_line(e), ""]
    for rec in answer.records:
        parts = [f"**{md(rec.kind)}**", md(rec.result) if rec.result else "—"]
        holder = " ".join(x for x in (rec.holder and md(rec.holder), rec.nation and f"({md(rec.nation)})") if x)
        parts.extend(x for x in (holder, rec.date and md(rec.date), rec.place and md(rec.place)) if x)
        line = " · ".join(parts)
        if rec.corrected:
            line += f"\n  ✎ *corrected: {md(rec.correction or 'value re-read')}*"
        body.append(line)
    if not answer.records:
        body.append("*The page lists no records table.*")
    embed = _embed(f"Records — {e.title}", e.url, "\n".join(body))
    _add_source(embed, [e])
    _footer(embed, e)
    return fit_embed(embed)


def appearance_line(app_event: EventSummary, round_name: str | None, line: Line) -> str:
    medal = MEDAL_MARK.get(line.medal or "")
    what = md(app_event.event or app_event.title)
    parts = [(f"{medal} " if medal else "") + f"**{md(app_event.games)}** {what}"]
    if round_name:
        parts.append(md(round_name))
    result = md(line.result) + (f" ({line.gap})" if line.gap else "") if line.result else None
    parts.append(f"{rank_cell(line)} " + (result or f"*{md(line.status_text or 'no result listed')}*"))
    parts.extend(notes_text(line))
    return " · ".join(parts)


def athlete_pages(answer: AthleteAnswer) -> list[discord.Embed]:
    medals = " ".join(f"{MEDAL_MARK[k]}×{v}" for k, v in answer.medals.items() if v)
    head = [md(answer.sport)]
    if answer.nations:
        head.append(", ".join(md(n) for n in answer.nations))
    if medals:
        head.append(medals)
    lines = [appearance_line(a.event, a.round, a.line) for a in answer.appearances]
    groups = pack(lines) or [["*No appearances.*"]]
    summaries = [a.event for a in answer.appearances]
    embeds = []
    for page, group in enumerate(groups):
        embed = _embed(answer.name, None, "\n".join([" · ".join(head), "", *group]))
        _add_source(embed, summaries)
        _footer(embed, None, page, len(groups))
        embeds.append(fit_embed(embed))
    return embeds


def _showing(name: str, s: Showing) -> str:
    line = s.line
    medal = MEDAL_MARK.get(line.medal or "")
    result = md(line.result) if line.result else f"*{md(line.status_text or 'no result listed')}*"
    where = f" ({md(s.round)})" if s.round else ""
    return f"**{md(name)}**{where}: {rank_cell(line)} " + (f"{medal} " if medal else "") + result


def meeting_value(answer: CompareAnswer, m: Meeting) -> str:
    rows = [_showing(answer.a_name, m.a), _showing(answer.b_name, m.b)]
    ahead_name = answer.a_name if m.ahead == "a" else answer.b_name if m.ahead == "b" else None
    if ahead_name and m.same_round:
        rows.append(f"→ **{md(ahead_name)}** ahead" + (f" by {m.gap}" if m.gap else ""))
    elif ahead_name:
        rows.append(f"→ **{md(ahead_name)}** went further (different rounds)")
    else:
        rows.append("→ level, or no result to compare")
    if m.splits:
        splits = " · ".join(f"{md(s.label)}: {md(split_words(answer, s))}" for s in m.splits)
        rows.append(f"Splits: {splits}")
    rows.append(link("Wikipedia article", m.event.url))
    return "\n".join(rows)


def compare_embed(answer: CompareAnswer) -> discord.Embed:
    title = f"{answer.a_name} vs {answer.b_name}"
    if not answer.meetings:
        body = f"{md(answer.a_name)} and {md(answer.b_name)} never entered the same event in these pages."
    else:
        body = md(tally_words(answer))
    embed = _embed(title, None, body)
    shown = answer.meetings[: FIELDS - 1]
    for m in shown:
        embed.add_field(name=clip(md(f"{m.event.games} · {m.event.event or m.event.title}"), FIELD_NAME),
                        value=meeting_value(answer, m), inline=False)  # fmt: skip
    if len(answer.meetings) > len(shown):
        embed.add_field(name="More", value=f"{len(answer.meetings) - len(shown)} more events not shown.", inline=False)
    files = sorted({m.event.source_file for m in answer.meetings})
    if files:
        embed.set_footer(text="Source pages: " + ", ".join(plain(f) for f in files))
    return fit_embed(embed)


def chart_embed(summary: EventSummary, chart: Chart, filename: str) -> discord.Embed:
    what = "Gaps behind the winner" if chart.kind == "gaps" else "Split-by-split progression"
    body = [facts_line(summary), f"{what}" + (f" ({md(chart.note)})" if chart.note else "")]
    embed = _embed(summary.title, summary.url, "\n".join(body))
    embed.set_image(url=f"attachment://{filename}")
    _add_source(embed, [summary])
    _footer(embed, summary)
    return fit_embed(embed)


def about_embed(answer: AboutAnswer, pages: Sequence[EventSummary]) -> discord.Embed:
    body = (
        "Olympic results from Wikipedia-derived pages: `/event`, `/podium`, `/athlete`, `/compare`, `/records`, "
        "`/chart`. Every answer names its source page and links its article."
    )
    embed = _embed(f"Podium {answer.version}", None, body)
    embed.add_field(name="Events", value=str(answer.events))
    embed.add_field(name="Athletes", value=str(answer.athletes))
    embed.add_field(name="Nations", value=str(answer.nations))
    embed.add_field(name="Result rows", value=str(answer.result_rows))
    embed.add_field(name="Games", value=clip(", ".join(md(g) for g in answer.games) or "—", FIELD_VALUE), inline=False)
    embed.add_field(
        name="Sports", value=clip(", ".join(md(s) for s in answer.sports) or "—", FIELD_VALUE), inline=False
    )
    if answer.problems:
        listed = "\n".join(md(p) for p in answer.problems[:5])
        more = f"\n… and {len(answer.problems) - 5} more" if len(answer.problems) > 5 else ""
        embed.add_field(name=f"Problems found at load: {len(answer.problems)}", value=listed + more, inline=False)
    else:
        embed.add_field(name="Problems found at load", value="none", inline=False)
    if pages:
        embed.add_field(name="Source pages", value=source_field(pages, total=answer.events)[1], inline=False)
    embed.set_footer(text=f"Podium {answer.version}")
    return fit_embed(embed)


def message_problems(embeds: Sequence[discord.Embed], content: str | None = None) -> list[str]:
    """What in a message would make Discord reject it (empty when it fits)."""
    problems = []
    if content and size(content) > CONTENT:
        problems.append("content over 2000")
    if len(embeds) > EMBEDS_PER_MESSAGE:
        problems.append("more than 10 embeds")
    total = 0
    for embed in embeds:
        data: dict[str, Any] = dict(embed.to_dict())
        total += embed_size(data)
        if size(data.get("title")) > TITLE:
            problems.append("title over 256")
        if size(data.get("description")) > DESCRIPTION:
            problems.append("description over 4096")
        fields = data.get("fields") or []
        if len(fields) > FIELDS:
            problems.append("more than 25 fields")
        for f in fields:
            if size(f.get("name")) > FIELD_NAME or not f.get("name"):
                problems.append("bad field name")
            if size(f.get("value")) > FIELD_VALUE or not f.get("value"):
                problems.append("bad field value")
        if size((data.get("footer") or {}).get("text")) > FOOTER:
            problems.append("footer over 2048")
    if total > EMBED_TOTAL:
        problems.append("embeds over 6000 in total")
    return problems
