"""The corpus generator: deterministic, in the real pages' format, and varied the way the issue asks."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from bot.bench.generate import generate, plan
from bot.bench.names import NameFactory
from bot.core import Podium
from bot.parse import load_folder
from bot.reference import Reference


def test_same_seed_same_pages_other_seed_other_names(tmp_path: Path) -> None:
    first, again = tmp_path / "first", tmp_path / "again"
    generate(first, 25, seed=3)
    generate(again, 25, seed=3)
    files = sorted(p.name for p in first.iterdir())
    assert len(files) == 25 and files == sorted(p.name for p in again.iterdir())
    assert all((first / f).read_bytes() == (again / f).read_bytes() for f in files)
    names = {seed: [NameFactory(seed).name(noc, "w") for noc in ("ESP", "HUN", "KOR", "CHN", "POL")] for seed in (3, 4)}
    assert names[3] == [NameFactory(3).name(noc, "w") for noc in ("ESP", "HUN", "KOR", "CHN", "POL")]
    assert names[3] != names[4]


def test_the_real_parser_reads_every_page_without_a_problem(corpus: Path, reference: Reference) -> None:
    result = load_folder(corpus, reference)
    assert len(result.events) == 200 and result.problems == []


def test_variety(corpus: Path, reference: Reference) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.iterdir()))
    assert re.search(r"^\| =\d+ \|", text, re.M)  # ties written `=4`
    assert re.search(r"\| (DNF|DNS|DSQ) \|", text)
    assert "====Heat 1====" in text and "===Final===" in text
    assert re.search(r"[ÀÁÂÄÅÆÇÈÉÊËÍÎÏÑÓÔÖØÚÜŁŚŠŽàáâãäåæçèéêëíîïñòóôöøùúûüýćčęłńśšźżž]", text)  # accents
    rows = [r for e in load_folder(corpus, reference).events for rnd in e.rounds for r in rnd.results]
    assert any(r.shifted and r.tied for r in rows)  # rowspan-shifted tied rows
    assert any(r.status == "DNF" for r in rows)
    nations = Counter(r.nation for r in rows if r.nation)
    assert len(nations) >= 20


def test_names_from_many_nations_family_name_first_and_shared(corpus_podium: Podium) -> None:
    podium = corpus_podium
    athletes = list(podium.index.athletes.values())
    korean = [a for a in athletes if "KOR" in a.nations]
    assert any(re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+", a.name) for a in korean)  # `Hwang Young-cho`
    surnames = Counter(a.name.split()[-1] for a in athletes)
    assert surnames.most_common(1)[0][1] >= 5  # shared surnames
    assert any(len({podium.index.events[x.event_id].year for x in a.appearances}) >= 2 for a in athletes)
    full = Counter(a.name for a in athletes)
    assert any(n >= 2 for n in full.values())  # a full name shared across sports


def test_plan_grows_past_olympic_history(reference: Reference) -> None:
    small = plan(50, 1, reference)
    assert len(small) == 50 and [s.games.year for s in small] == sorted(s.games.year for s in small)
    big = plan(12_000, 1, reference)
    assert len(big) == 12_000 and max(s.games.year for s in big) > 2024
