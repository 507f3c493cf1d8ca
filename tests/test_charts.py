"""Charts draw the round that decided the medals, as `Event.final_round` decides it (not a rule of their own)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.charts import default_round, make_chart
from bot.core import Podium

# A grand final between the semifinal and a small final (places 5-6): the medals are decided in the middle table.
K1 = """= Canoeing at the 2008 Summer Olympics – Men's K-1 500 metres =

Infobox
- Games: 2008 Summer
- Venue: Shunyi Olympic Rowing-Canoeing Park
- Gold: Ken Wallace
- Goldnoc: AUS
- Silver: Adam van Koeverden
- Silvernoc: CAN
- Bronze: Tim Brabants
- Bronzenoc: GBR

==Results==
===Semifinal===
| Rank | Canoeist | Nation | Time | Notes |
| 1 | Ken Wallace | AUS | 1:36.10 | QF |
| 2 | Adam van Koeverden | CAN | 1:36.50 | QF |
| 3 | Tim Brabants | GBR | 1:36.90 | QF |
| 4 | Anders Gustafsson | SWE | 1:38.00 | |
===Grand final===
| Rank | Canoeist | Nation | Time | Notes |
| 1 | Ken Wallace | AUS | 1:34.10 | |
| 2 | Adam van Koeverden | CAN | 1:34.50 | |
| 3 | Tim Brabants | GBR | 1:34.90 | |
===Small final===
| Rank | Canoeist | Nation | Time | Notes |
| 5 | Anders Gustafsson | SWE | 1:37.00 | |
| 6 | Other Paddler | NOR | 1:38.20 | |
"""


@pytest.fixture(scope="module")
def k1(tmp_path_factory: pytest.TempPathFactory) -> Podium:
    folder = tmp_path_factory.mktemp("k1")
    (folder / "k1.txt").write_text(K1, encoding="utf-8")
    return Podium.load(folder)


def test_the_chart_draws_the_round_that_decided_the_medals(k1: Podium) -> None:
    (event_id,) = k1.index.events
    event = k1.index.events[event_id]
    answer = k1.event("k-1 500")
    final = event.final_round()
    assert final is not None and final.name == "Grand final"
    assert answer.final_round == event.rounds.index(final) == 1
    assert default_round(answer) == 1
    chart = make_chart(answer, "gaps")
    assert chart.round_index == 1 and chart.title.endswith("– Grand final")
    # What /podium shows comes from that same round.
    assert [p.result for p in k1.podium("k-1 500").places] == ["1:34.10", "1:34.50", "1:34.90"]


def test_without_a_final_round_the_last_round_is_drawn(tmp_path: Path) -> None:
    # The final's table is missing from the page: no round decided the medals; the chart shows the last there is.
    repechage = "===Repechage===\n| Rank | Canoeist | Nation | Time |\n| 1 | Other Paddler | NOR | 1:39.00 |\n"
    (tmp_path / "k1.txt").write_text(K1.split("===Grand final===")[0] + repechage, encoding="utf-8")
    answer = Podium.load(tmp_path).event("k-1 500")
    assert answer.final_round is None and [r.name for r in answer.rounds] == ["Semifinal", "Repechage"]
    assert default_round(answer) == 1


def test_the_bundled_events_chart_their_final(podium: Podium) -> None:
    for event_id, event in podium.index.events.items():
        answer = podium.event(event_id)
        final = event.final_round()
        assert answer.final_round == (event.rounds.index(final) if final is not None else None)
