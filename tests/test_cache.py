"""The on-disk cache of the parsed index: warm starts, pages that change, stale or broken cache files."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest

from bot import cache, core
from bot.core import Podium
from bot.index import PageDigest, People, decode_event
from bot.parse import page_files
from bot.reference import DATA_DIR, Reference, load_reference


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    shutil.copytree(DATA_DIR / "pages", folder)
    return folder


def test_cold_then_warm_with_the_same_index(pages: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    cold = Podium.load(pages, cache_dir=store)
    warm = Podium.load(pages, cache_dir=store)
    assert cold.cache is not None and warm.cache is not None
    assert (cold.cache.mode, cold.cache.parsed) == ("cold", 3)
    assert (warm.cache.mode, warm.cache.parsed) == ("warm", 0)
    assert warm.export() == cold.export() == Podium.load(pages).export()
    assert warm.resolve("athlete", "Moreno").model_dump() == cold.resolve("athlete", "Moreno").model_dump()
    assert sorted(p.name.split("-")[0] for p in store.iterdir()) == ["index", "matcher", "pages"]


def test_a_changed_page_is_parsed_again_alone(pages: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    Podium.load(pages, cache_dir=store)
    page = pages / "cycling_1932_mens_track_time_trial.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("Luigi Consonni", "Luigi Consonnini"), encoding="utf-8")
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    again = Podium.load(pages, cache_dir=store)
    assert again.cache is not None and (again.cache.mode, again.cache.parsed) == ("partial", 1)
    assert again.resolve("athlete", "Consonnini").candidates[0].name == "Luigi Consonnini"
    (pages / "athletics_1992_mens_20km_walk.txt").unlink()
    fewer = Podium.load(pages, cache_dir=store)
    assert fewer.cache is not None and (fewer.cache.mode, fewer.cache.parsed) == ("rebuilt", 0)
    assert len(fewer.index.events) == 2
    assert fewer.resolve("athlete", "Héctor Moreno").outcome == "none"


def test_a_broken_cache_file_costs_only_a_parse(pages: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    first = Podium.load(pages, cache_dir=store)
    assert first.cache is not None and first.cache.path is not None
    first.cache.path.write_bytes(b"not a pickle")
    for matcher_file in store.glob("matcher-*"):
        matcher_file.write_bytes(b"\x80\x05garbage")
    again = Podium.load(pages, cache_dir=store)
    # The pages' digests were intact: the index is rebuilt from them, nothing parsed.
    assert again.cache is not None and (again.cache.mode, again.cache.parsed) == ("rebuilt", 0)
    assert again.resolve("event", "1992 time trial").outcome == "match"
    for cache_file in store.glob("*.pickle"):
        cache_file.write_bytes(cache_file.read_bytes()[:100])  # cut short
    third = Podium.load(pages, cache_dir=store)
    assert third.cache is not None and (third.cache.mode, third.cache.parsed) == ("cold", 3)
    assert third.export() == first.export()


def test_other_reference_data_means_a_new_parse(pages: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    Podium.load(pages, cache_dir=store)
    ref = load_reference()
    ref.nations.pop("ESP")
    other = Podium.load(pages, reference=ref, cache_dir=store)
    assert other.cache is not None and other.cache.mode == "cold"


def test_not_a_folder_is_not_cached(tmp_path: Path) -> None:
    podium = Podium.load(tmp_path / "missing", cache_dir=tmp_path / "cache")
    assert podium.cache is not None and podium.cache.mode == "off" and podium.problems


def test_parallel_parse_gives_what_a_sequential_parse_gives(
    pages: Path, reference: Reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(pages.iterdir())
    sequential = cache.parse_pages(files, reference, workers=1)
    monkeypatch.setattr(cache, "PARALLEL_FROM", 1)
    parallel = cache.parse_pages(files, reference, workers=2)

    def opened(packed: bytes | None) -> tuple[dict[str, Any], People] | None:
        if packed is None:
            return None
        page = pickle.loads(packed)
        assert isinstance(page, PageDigest)
        return decode_event(page.blob).model_dump(), page.people

    assert sequential.keys() == parallel.keys() == {f.name for f in files}
    assert {k: (opened(e), p) for k, (e, p) in parallel.items()} == {
        k: (opened(e), p) for k, (e, p) in sequential.items()
    }
    assert all(opened(e) for e, _ in parallel.values())


def test_derived_state_is_rebuilt_for_another_key(tmp_path: Path) -> None:
    built: list[str] = []

    def build(value: str) -> str:
        built.append(value)
        return value

    assert cache.derived(tmp_path, "thing", "k1", lambda: build("one")) == "one"
    assert cache.derived(tmp_path, "thing", "k1", lambda: build("again")) == "one"
    assert cache.derived(tmp_path, "thing", "k2", lambda: build("two")) == "two"
    assert built == ["one", "two"] and len(list(tmp_path.glob("thing-*"))) == 1


def test_a_cold_start_built_apart_gives_the_same_bot(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(core, "BUILD_APART_FROM", 1)
    store = tmp_path / "cache"
    apart = Podium.load(pages, cache_dir=store)
    assert apart.cache is not None and (apart.cache.mode, apart.cache.parsed) == ("cold", 3)
    assert apart.export() == Podium.load(pages).export()
    assert cache.needs_build(pages, load_reference(), store) == 0
    again = Podium.load(pages, cache_dir=store)
    assert again.cache is not None and again.cache.mode == "warm"


def test_a_build_that_fails_apart_is_left_to_the_caller() -> None:
    def broken() -> tuple[str, int]:
        raise RuntimeError("the child fails")

    assert cache.build_apart(broken) is None
    assert cache.build_apart(lambda: ("cold", 7)) == ("cold", 7)


def test_a_stale_cache_needs_a_build(pages: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    ref = load_reference()
    assert cache.needs_build(pages, ref, store) == 3
    Podium.load(pages, cache_dir=store)
    assert cache.needs_build(pages, ref, store) == 0
    page = pages / "cycling_1932_mens_track_time_trial.txt"
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    assert cache.needs_build(pages, ref, store) == 3
    assert cache.needs_build(tmp_path / "missing", ref, store) == 0


def test_a_corrupted_byte_anywhere_costs_only_a_rebuild(pages: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    first = Podium.load(pages, cache_dir=store)
    expected = first.export()
    files = sorted(store.glob("*.pickle"))
    assert {f.name.split("-")[0] for f in files} == {"index", "matcher", "pages"}
    for victim in files:
        original = victim.read_bytes()
        for at in range(7, len(original), max(1, len(original) // 9)):
            damaged = bytearray(original)
            damaged[at] ^= 0x55
            victim.write_bytes(bytes(damaged))
            again = Podium.load(pages, cache_dir=store)
            assert again.export() == expected, (victim.name, at)
            assert again.resolve("athlete", "Consonni").outcome == "match"
            victim.write_bytes(original)


def test_an_unwritable_cache_parses_once_and_says_so(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(core, "BUILD_APART_FROM", 1)
    log = tmp_path / "parsed.log"  # a file, so that parses in a child process count too
    real_parse = cache.parse_page

    def counting(path: Path, ref: Reference | None = None) -> Any:
        with log.open("a") as handle:
            handle.write(path.name + "\n")
        return real_parse(path, ref)

    monkeypatch.setattr(cache, "parse_page", counting)
    podium = Podium.load(pages, cache_dir=blocker / "cache")
    assert podium.cache is not None and not podium.cache.stored and podium.cache.mode == "cold"
    assert len(log.read_text().split()) == 3  # not once in a child and again here
    assert not cache.writable(blocker / "cache") and cache.writable(tmp_path / "fine")


def test_files_of_other_formats_and_stale_temporary_files_are_removed(pages: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    store.mkdir()
    old = store / "index-0123456789abcdef.pickle"  # the layout before the format was in the name
    old.write_bytes(b"old")
    stale = store / "index-v4-x.pickle123.tmp"
    stale.write_bytes(b"half")
    os.utime(stale, (1, 1))
    fresh = store / "index-v4-y.pickle456.tmp"
    fresh.write_bytes(b"being written")
    Podium.load(pages, cache_dir=store)
    assert not old.exists() and not stale.exists() and fresh.exists()


def test_the_cache_lists_the_pages_the_parser_loads(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("b.txt", "A.TXT", "c.wiki", "d.page", "notes.md", "e.txt.bak"):
        (folder / name).write_text("= Title =\n", encoding="utf-8")
    (folder / "sub.txt").mkdir()
    assert list(cache.listing(folder)) == [p.name for p in page_files(folder)] == ["A.TXT", "b.txt", "c.wiki", "d.page"]
