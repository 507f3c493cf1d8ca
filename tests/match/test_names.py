"""Folding names: case, accents, letters Unicode does not decompose, hyphens and apostrophes, nicknames."""

from __future__ import annotations

from pathlib import Path

from bot.match.names import Folder, load_nicknames, query_tokens


def test_folding_covers_letters_that_decomposition_misses() -> None:
    assert query_tokens("Łukasz Straßburger") == ["lukasz", "strassburger"]
    assert query_tokens("Bjørn Dæhlie") == ["bjorn", "daehlie"]
    assert query_tokens("Đorđe Milošević") == ["dorde", "milosevic"]
    assert query_tokens("J. M. Moreno") == ["j", "m", "moreno"]
    assert query_tokens("HÄMÄLÄINEN") == ["hamalainen"]


def test_shapes_keep_joins_of_hyphenated_and_apostrophe_parts() -> None:
    folder = Folder()
    shape = folder.shape("Hwang Young-cho")
    assert shape.tokens == ("hwang", "young", "cho")
    assert shape.joins == (("youngcho", 1, 2),)
    assert folder.shape("Bobby O'Leary").joins == (("oleary", 1, 2),)
    assert folder.shape("Luigi Consonni").joins == ()


def test_nicknames_are_symmetric_within_a_group(tmp_path: Path) -> None:
    path = tmp_path / "nick.csv"
    path.write_text("name,nicknames\nrobert,bob;bobby\n", encoding="utf-8")
    nick = load_nicknames(path)
    assert nick["bob"] == {"robert", "bobby"}
    assert nick["robert"] == {"bob", "bobby"}
    assert load_nicknames(tmp_path / "missing.csv") == {}


def test_shipped_nicknames_load() -> None:
    nick = load_nicknames()
    assert "william" in nick["bill"] and "bill" in nick["william"]
