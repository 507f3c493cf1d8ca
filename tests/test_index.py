"""The compact index: events decoded on demand, athletes as columns, appearances in the order answers show."""

from __future__ import annotations

import pickle
import threading
from pathlib import Path

import pytest

from bot.bench.generate import generate
from bot.core import Podium
from bot.index import EventStore, athlete_key, decode_event, encode_event
from bot.models import MEDAL_ORDER
from bot.parse import load_folder
from bot.reference import Reference


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate(folder, 120, seed=3)
    return folder


def test_the_store_decodes_on_demand_and_keeps_only_the_latest(podium: Podium) -> None:
    events = {eid: podium.index.events[eid] for eid in podium.index.events}
    store = EventStore({eid: encode_event(e) for eid, e in events.items()}, keep=2)
    first, second, third = sorted(events)
    assert store[first] == events[first] and store[first] is store[first]  # kept decoded while recent
    held = store[first]
    store[second], store[third]
    assert store[first] is not held and store[first] == held
    with pytest.raises(KeyError):
        store["no-such-event"]
    assert len(store) == 3 and set(store) == set(events) and "no-such-event" not in store
    copied = pickle.loads(pickle.dumps(store))
    assert copied.blobs == store.blobs and copied[second] == events[second]
    assert len(pickle.dumps(store)) < len(pickle.dumps(list(events.values())))  # only the compressed forms


def test_the_store_answers_threads_alike(podium: Podium) -> None:
    events = {eid: podium.index.events[eid] for eid in podium.index.events}
    store = EventStore({eid: encode_event(e) for eid, e in events.items()}, keep=1)
    wrong: list[str] = []

    def read() -> None:
        for _ in range(50):
            for eid, event in events.items():
                if store[eid].title != event.title:
                    wrong.append(eid)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []


def test_appearances_come_medals_first_then_newest(corpus: Path, reference: Reference) -> None:
    index = Podium.load(corpus, reference).index
    table = index.athletes
    several = [table.at(n) for n in range(len(table)) if table.starts[n + 1] - table.starts[n] > 2]
    assert len(several) > 20
    for athlete in several:
        keys = [
            (MEDAL_ORDER.get(a.medal or "", 9), -(index.infos[a.event_id].year or 0), a.event_id)
            for a in athlete.appearances
        ]
        assert keys == sorted(keys), athlete.id
        for app in athlete.appearances:  # each appearance points at the row that names the athlete
            row = app.row
            assert app.medal == row.medal and app.nation == row.nation
            assert athlete_key(index.infos[app.event_id].sport, athlete.name) == athlete.id
            assert athlete.id in {athlete_key(index.infos[app.event_id].sport, n) for n in (row.name, *row.members)}
    assert any(a.medal for athlete in several for a in athlete.appearances)


def test_the_index_holds_every_row_of_the_pages(corpus: Path, reference: Reference) -> None:
    loaded = load_folder(corpus, reference)
    index = Podium.load(corpus, reference).index
    assert sum(info.rows for info in index.infos.values()) == sum(
        len(r.results) for e in loaded.events for r in e.rounds
    )
    for event in loaded.events[:10]:
        info = next(i for i in index.infos.values() if i.file == event.file)
        assert index.events[info.id] == event == decode_event(encode_event(event))
        assert info.rounds == tuple(r.name for r in event.rounds)
        assert [(m.medal, m.noc) for m in info.medals] == [(m.medal, m.noc) for m in event.medals]


def test_with_nothing_typed_the_most_decorated_come_first(podium: Podium) -> None:
    offered = podium.matcher.prominent_athletes(5)
    assert 0 < len(offered) <= 5
    weights = {"gold": 3, "silver": 2, "bronze": 1}
    won = [podium.index.athletes[c.id].medal_count() for c in offered]
    weight = [sum(weights[m] * n for m, n in count.items()) for count in won]
    assert weight[0] >= 1 and weight == sorted(weight, reverse=True)


def test_medallists_the_infobox_alone_names_are_athletes_but_a_team_is_not(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "boxing.txt").write_text(
        "= Boxing at the 1988 Summer Olympics – Heavyweight =\n\nInfobox\n- Gold: Ray Mercer\n- Goldnoc: USA\n"
        "- Silver: Baik Hyun-man\n- Silvernoc: KOR\n\n==Results==\n| Rank | Boxer | Nation |\n| 1 | Ray Mercer | |\n",
        encoding="utf-8",
    )
    (pages / "basketball.txt").write_text(
        "= Basketball at the 1988 Summer Olympics – Men's tournament =\n\nInfobox\n- Gold: Soviet Union\n"
        "- Goldnoc: URS\n- Silver: , Dražen Petrović, Vlade Divac\n- Silvernoc: YUG\n",
        encoding="utf-8",
    )
    index = Podium.load(pages, cache_dir=tmp_path / "cache").index
    names = sorted(index.athletes.names)
    assert names == ["Baik Hyun-man", "Dražen Petrović", "Ray Mercer", "Vlade Divac"]  # not "Soviet Union"
    baik = next(index.athletes.at(i) for i, n in enumerate(index.athletes.names) if n == "Baik Hyun-man")
    (appearance,) = baik.appearances
    assert appearance.from_infobox and appearance.medal == "silver" and appearance.nation == "KOR"
    assert (appearance.row.status, appearance.row.name_source) == ("unknown", "infobox")  # no result listed
