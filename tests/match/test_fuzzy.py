"""Scorer choices: bounded OSA for typed words, token_sort_ratio only to rank suggestions; and why not WRatio."""

from __future__ import annotations

from rapidfuzz import fuzz, utils

from bot.match.fuzzy import Vocabulary, allowed_edits, edits, ranked


def test_allowed_edits_grow_with_length_and_never_touch_numbers() -> None:
    assert [allowed_edits(w) for w in ("li", "kim", "kelly", "moreno", "consonni")] == [0, 0, 1, 2, 2]
    assert allowed_edits("1992") == 0 and allowed_edits("100m") == 0


def test_edits_counts_a_transposition_as_one_and_respects_the_limit() -> None:
    assert edits("glcuklich", "glucklich", 2) == 1
    assert edits("morneo", "moreno", 1) == 1
    assert edits("moreno", "marino", 1) is None
    assert edits("moreno", "moreno", 0) == 0


def test_wratio_rewards_any_substring_which_is_why_it_is_not_used_for_names() -> None:
    # The pitfall from the issue: a short query scores high against any long name that contains it.
    assert fuzz.WRatio("nagy", "Anders Nagy-Holm Karlsson", processor=utils.default_process) >= 85
    assert fuzz.partial_ratio("na", "Dinara Safina") == 100
    # And since rapidfuzz 3 nothing folds case unless a processor is given.
    assert fuzz.ratio("MORENO", "moreno") == 0
    # Our token comparison: a word is a whole name token, an initial, or a bounded typo away.
    assert edits("nagy", "anders", allowed_edits("nagy")) is None and edits("na", "dinara", 0) is None


def test_vocabulary_prefix_and_typo_lookups() -> None:
    vocab = Vocabulary(["moreno", "morena", "morishita", "marino", "kelly", "keller", "consonni"])
    assert vocab.with_prefix("mor") == ["morena", "moreno", "morishita"]
    assert vocab.with_prefix("mor", limit=1) == ["morena"]
    assert "kelly" in vocab and "kel" not in vocab
    near = dict(vocab.near("moreno"))
    assert near["moreno"] == 0 and near["morena"] == 1 and near["marino"] == 2
    assert dict(vocab.near("kely")) == {"kelly": 1}
    assert vocab.near("kel") == []  # three letters: no typos
    assert dict(vocab.near("onsonni")) == {"consonni": 1}  # first letter lost: found by the last letters


def test_ranked_orders_whole_names_regardless_of_word_order() -> None:
    texts = ["jose manuel moreno", "hector moreno", "shane kelly"]
    best = ranked("moreno jose manuel", texts, 2)
    assert [pos for pos, _ in best] == [0, 1]
    assert best[0][1] == 100.0
