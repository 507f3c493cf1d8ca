"""Rules that hold for every input."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core import Podium
from bot.text import fold, normalize

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@SETTINGS
@given(text=TEXT)
def test_verdicts_are_well_formed_for_any_text(qpodium: Podium, text: str) -> None:
    for verdict in (qpodium.matcher.resolve_athlete(text), qpodium.matcher.resolve_event(text)):
        n = len(verdict.candidates)
        assert verdict.query == text
        if verdict.outcome == "match":
            assert n == 1
        elif verdict.outcome == "ambiguous":
            assert 2 <= n <= 25
            assert len({c.id for c in verdict.candidates}) == n
        else:
            assert n <= 5


@SETTINGS
@given(text=TEXT, limit=st.integers(min_value=-3, max_value=60))
def test_autocomplete_respects_discord_limits(qpodium: Podium, text: str, limit: int) -> None:
    for found in (qpodium.matcher.complete_athlete(text, limit), qpodium.matcher.complete_event(text, limit)):
        assert len(found) <= max(0, min(limit, 25))
        assert all(len(c.name) <= 100 and len(c.detail) <= 100 for c in found)


def _names(podium: Podium) -> list[tuple[str, str]]:
    return sorted((a.id, a.name) for a in podium.index.athletes.values())


@SETTINGS
@given(data=st.data())
def test_every_name_finds_its_athlete_however_it_is_cased_accented_or_ordered(
    qpodium: Podium, data: st.DataObject
) -> None:
    aid, name = data.draw(st.sampled_from(_names(qpodium)))
    variants = [name, fold(name), name.upper(), " ".join(reversed(name.split()))]
    for text in variants:
        verdict = qpodium.matcher.resolve_athlete(text)
        ids = [c.id for c in verdict.candidates]
        assert verdict.outcome in ("match", "ambiguous") and aid in ids, (text, verdict)
    # Folding and order never change the answer.
    first = [c.id for c in qpodium.matcher.resolve_athlete(variants[0]).candidates]
    assert all([c.id for c in qpodium.matcher.resolve_athlete(v).candidates] == first for v in variants[1:])


@SETTINGS
@given(data=st.data())
def test_one_typo_inside_a_long_word_still_finds_the_athlete(qpodium: Podium, data: st.DataObject) -> None:
    long = [(i, n) for i, n in _names(qpodium) if any(len(w) >= 6 and w.isalpha() for w in normalize(n).split())]
    aid, name = data.draw(st.sampled_from(long))
    words = normalize(name).split()
    k = data.draw(st.sampled_from([i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]))
    word = words[k]
    pos = data.draw(st.integers(min_value=1, max_value=len(word) - 3))
    letter = data.draw(st.sampled_from(string.ascii_lowercase))
    words[k] = word[:pos] + letter + word[pos + 1 :]
    verdict = qpodium.matcher.resolve_athlete(" ".join(words))
    assert aid in [c.id for c in verdict.candidates] and verdict.outcome != "none", (words, verdict)


@SETTINGS
@given(data=st.data())
def test_a_match_is_never_someone_who_does_not_hold_every_typed_word(qpodium: Podium, data: st.DataObject) -> None:
    _, name = data.draw(st.sampled_from(_names(qpodium)))
    words = normalize(name).split()
    typed = data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=len(words), unique=True))
    verdict = qpodium.matcher.resolve_athlete(" ".join(typed))
    for cand in verdict.candidates if verdict.outcome == "match" else []:
        held = normalize(cand.name).split()
        joined = normalize(fold(cand.name).replace("-", "").replace("'", "")).split()
        assert all(w in held or w in joined for w in typed if len(w) > 1)
