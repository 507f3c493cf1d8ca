"""Rendering without Discord: every limit enforced, long answers paged, user text escaped."""

from __future__ import annotations

import re
from typing import Any

import discord
import pytest

from bot.about import AboutAnswer
from bot.answers import AppearanceLine, AthleteAnswer, EventAnswer, EventSummary, Line, RoundAnswer, event_answer
from bot.compare import CompareAnswer, Meeting, Showing
from bot.core import Podium
from bot.discord import embeds
from bot.discord.context import PickNeeded, ref_of
from bot.discord.flow import PageState, PickState, pager_view, picker_reply
from bot.discord.options import choices
from bot.errors import Ambiguous
from bot.match import Candidate
from tests.discord.loopback import component_problems, embed_problems

LONG = "Ω" * 300


def summary(n: int = 0, title: str = "Cycling at the 1992 Summer Olympics – Men's track time trial") -> EventSummary:
    return EventSummary(id=f"event-{n}", title=title, sport="Cycling", event="Men's track time trial",
                        games="1992 Summer", year=1992, season="Summer", venue="Velòdrom d'Horta", date="27 July",
                        competitors=32, nations=32, source_file=f"page_{n}.txt",
                        url="https://en.wikipedia.org/wiki/Cycling_(track)_" + str(n))  # fmt: skip


def line(rank: int | None, name: str, **extra: Any) -> Line:
    base: dict[str, Any] = dict(rank_text=str(rank) if rank else "—", rank=rank, tied=False, rank_inferred=False,
                                name=name, nation="ESP", nation_name="Spain", flag="🇪🇸", result="1:03.342",
                                gap=None, status=None, status_text=None, medal=None)  # fmt: skip
    base.update(extra)
    return Line(**base)


def as_dicts(items: list[discord.Embed]) -> list[dict[str, Any]]:
    return [dict(e.to_dict()) for e in items]


def test_clip_counts_utf16_units_and_marks_the_cut() -> None:
    flags = "🇪🇸" * 100  # 200 code points, 400 UTF-16 units
    clipped = embeds.clip(flags, 101)
    assert embeds.size(clipped) <= 101 and clipped.endswith("…")
    assert embeds.clip("short", 10) == "short"


def test_echo_escapes_markdown_and_mentions_and_clips() -> None:
    assert embeds.echo("@everyone **bold** _it_") == "@\u200beveryone \\*\\*bold\\*\\* \\_it\\_"
    assert embeds.echo("<@123456789012345678>").startswith("<@\u200b")
    assert embeds.size(embeds.echo("x" * 500)) <= 80


def test_link_keeps_markdown_links_intact() -> None:
    assert embeds.link("article", "https://en.wikipedia.org/wiki/A_(b)") == (
        "[article](https://en.wikipedia.org/wiki/A_%28b%29)"
    )


def test_fit_embed_enforces_every_limit_and_says_where_it_cut() -> None:
    monster = discord.Embed(title=LONG, description="line\n" * 3000)
    monster.set_footer(text="f" * 3000)
    monster.set_author(name="a" * 400)
    for n in range(40):
        monster.add_field(name="n" * 300, value="v" * 2000 + str(n), inline=False)
    fitted = embeds.fit_embed(monster)
    data = dict(fitted.to_dict())
    assert embed_problems([data]) == []
    assert embeds.message_problems([fitted]) == []
    assert embeds.embed_size(data) <= embeds.EMBED_TOTAL
    assert 1 <= len(data["fields"]) < 25 and data["fields"][-1]["value"].endswith(embeds.CUT_NOTE)
    assert data["description"].endswith(embeds.CUT_NOTE)

    many = discord.Embed(title="t")
    for n in range(40):
        many.add_field(name=f"f{n}", value="v")
    data = dict(embeds.fit_embed(many).to_dict())
    assert len(data["fields"]) == 25
    assert data["fields"][-1] == {"name": "More", "value": "16 more not shown (cut to fit).", "inline": False}


def test_fit_message_keeps_the_total_across_embeds() -> None:
    three = [discord.Embed(title=str(n), description="d" * 3000) for n in range(3)]
    fitted = embeds.fit_message(three)
    assert embed_problems(as_dicts(fitted)) == []
    assert 1 <= len(fitted) < 3


def test_event_pages_keep_every_row_once_in_order_and_fit() -> None:
    rows = [line(n, f"Rider {n} " + "with a very long name " * 8) for n in range(1, 151)]
    rows += [line(None, f"Walker {n}", result=None, status="unknown", status_text="no result listed (status unknown)")
             for n in range(10)]  # fmt: skip
    answer = EventAnswer(
        event=summary(title=LONG),
        rounds=[RoundAnswer(name="Heat 1", conditions=["Wind: +0.4 m/s"], lines=rows[:80]),
                RoundAnswer(name="Final", conditions=[], lines=rows[80:])],
    )  # fmt: skip
    pages = embeds.event_pages(answer)
    datas = as_dicts(pages)
    assert len(pages) > 2
    for data in datas:
        assert embed_problems([data]) == []
        assert data["url"] == answer.event.url
        assert "page_0.txt" in data["footer"]["text"] and data["fields"][0]["name"] == "Source"
    names = re.findall(r"\*\*((?:Rider|Walker) \d+)", "\n".join(d["description"] for d in datas))
    assert names == [re.match(r"(\w+ \d+)", r.name)[1] for r in rows]  # type: ignore[index]
    assert [d["footer"]["text"].split(" · ")[0] for d in datas] == [f"Page {n}/{len(pages)}" for n in
                                                                   range(1, len(pages) + 1)]  # fmt: skip
    assert "*no result listed (status unknown)*" in datas[-1]["description"]
    only_final = embeds.event_pages(answer, 1)
    assert all("Heat 1" not in d["description"] for d in as_dicts(only_final))


def test_event_pages_of_the_walk(podium: Podium) -> None:
    pages = as_dicts(embeds.event_pages(event_answer(podium.index, "athletics-1992-mens-20km-walk")))
    assert len(pages) == 3
    first = pages[0]["description"].splitlines()
    assert first[1] == "`1` 🥇 **Daniel Plaza** · 🇪🇸 Spain · 1:21:45"
    assert "Saleumphone Sopraseut" in pages[-1]["description"]


def test_inferred_ranks_are_marked_with_a_footnote() -> None:
    answer = EventAnswer(event=summary(), rounds=[RoundAnswer(name=None, conditions=[], lines=[
        line(1, "Gold Rider", rank_inferred=True, medal="gold"), line(2, "Other")])])  # fmt: skip
    text = embeds.event_pages(answer)[0].description or ""
    assert "`1*` 🥇 **Gold Rider**" in text and "rank inferred" in text


def test_athlete_pages_page_a_long_career() -> None:
    apps = [AppearanceLine(event=summary(n), round=f"Heat {n}", line=line(n % 8 + 1, "Rider")) for n in range(60)]
    answer = AthleteAnswer(id="cycling/rider", name="Rider", sport="Cycling", nations=["ESP"],
                           medals={"gold": 1, "silver": 0, "bronze": 0}, appearances=apps)  # fmt: skip
    pages = as_dicts(embeds.athlete_pages(answer))
    assert len(pages) == 4
    assert all(embed_problems([p]) == [] for p in pages)
    assert "60 more pages" not in pages[0]["fields"][0]["value"] and "more pages" in pages[0]["fields"][0]["value"]


def test_compare_embed_cuts_to_25_fields() -> None:
    showing = Showing(round=None, round_index=0, line=line(1, "A"))
    meetings = [Meeting(event=summary(n), a=showing, b=showing, same_round=True, ahead="a", gap="0.946", unit="s")
                for n in range(40)]  # fmt: skip
    answer = CompareAnswer(a_id="a", a_name="A", b_id="b", b_name="B", meetings=meetings, a_ahead=40, b_ahead=0)
    data = dict(embeds.compare_embed(answer).to_dict())
    assert embed_problems([data]) == []
    assert len(data["fields"]) == 25 and "more events not shown" in data["fields"][-1]["value"]


def test_about_embed_lists_a_few_problems() -> None:
    answer = AboutAnswer(version="1.2.3", events=3, athletes=80, nations=7, games=["1992 Summer"], sports=["Cycling"],
                         result_rows=83, problems=[f"page_{n}.txt:3: bad row" for n in range(100)])  # fmt: skip
    data = dict(embeds.about_embed(answer, [summary(n) for n in range(300)]).to_dict())
    assert embed_problems([data]) == []
    problems = next(f for f in data["fields"] if f["name"].startswith("Problems"))
    assert problems["name"].endswith("100") and "95 more" in problems["value"]


def test_page_state_fits_a_custom_id_and_round_trips() -> None:
    state = PageState("e", 2**64 - 1, 9999, "99", ref_of("x" * 200))
    custom_id = state.custom_id()
    assert len(custom_id) <= embeds.CUSTOM_ID
    match = re.fullmatch(PageState.TEMPLATE, custom_id)
    assert match and PageState.from_match(match) == state
    longest_event = PageState("e", 2**64 - 1, 9999, "99", "e" * 60 + "-2")
    assert len(longest_event.custom_id()) <= embeds.CUSTOM_ID


def test_ref_of_is_stable_and_short() -> None:
    assert ref_of("cycling-1992") == "cycling-1992"
    long = ref_of("athletics/" + "very-long-name-" * 10)
    assert long == ref_of("athletics/" + "very-long-name-" * 10) and re.fullmatch(r"~[0-9a-f]{16}", long)


def test_pick_state_truncates_what_does_not_fit() -> None:
    state = PickState("c", 2**64 - 1, 1, "y" * 300)
    assert len(state.custom_id()) == embeds.CUSTOM_ID
    assert re.fullmatch(PickState.TEMPLATE, state.custom_id())
    assert state.args("picked") == ("y" * 300, "picked")


@pytest.mark.parametrize("count", [2, 3, 7])
def test_pager_buttons_are_unique_and_disabled_at_the_edges(count: int) -> None:
    for page in range(count):
        view = pager_view(PageState("e", 1, page, "", "walk"), count)
        assert view is not None
        rows = view.to_components()
        assert component_problems(rows) == []  # includes unique custom_ids
        previous, following = rows[0]["components"]
        assert previous["disabled"] == (page == 0) and following["disabled"] == (page == count - 1)
    assert pager_view(PageState("e", 1, 0, "", "walk"), 1) is None


def test_picker_offers_at_most_25_and_says_so() -> None:
    candidates = [(f"id-{n}", f"Candidate {n} " + "x" * 120, "Cycling, 1992 Summer, " + "y" * 120) for n in range(40)]
    need = PickNeeded("p", 0, "", Ambiguous("event", "@here *time*", candidates))
    reply = picker_reply(7, need)
    assert reply.view is not None
    rows = reply.view.to_components()
    assert component_problems(rows) == []
    assert len(rows[0]["components"][0]["options"]) == 25
    assert reply.content and "Showing 25 of 40" in reply.content and "@\u200bhere \\*time\\*" in reply.content


def test_autocomplete_choices_fit() -> None:
    cands = [Candidate(id="athletics/" + "n" * 90 + str(n), name="N" * 150, detail="Athletics", score=90.0)
             for n in range(40)]  # fmt: skip
    out = choices(cands)
    assert len(out) == 25
    assert all(len(c.name) <= 100 and len(str(c.value)) <= 100 for c in out)
    assert len({c.value for c in out}) == 25


def test_a_source_list_counts_the_pages_it_was_not_given() -> None:
    name, value = embeds.source_field([summary(n) for n in range(3)], total=7500)
    assert name == "Sources"
    assert value.count("page_") == 3 and value.endswith("… and 7497 more pages")
    name, value = embeds.source_field([summary(n) for n in range(3)])
    assert "more pages" not in value
    _, cut = embeds.source_field([summary(n) for n in range(40)], total=7500)
    assert len(cut) <= embeds.FIELD_VALUE and cut.count("page_") + int(cut.rsplit(" ", 3)[-3]) == 7500
