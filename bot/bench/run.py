"""The benchmark: cold and warm start, resolve and autocomplete latency, answer quality, peak memory, and the naive
baseline side by side. Each start runs in a fresh process (`probe`), so its time and memory are its own."""

from __future__ import annotations

import importlib
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process, utils

from bot.bench.queries import OUTCOMES, Query, athlete_queries, attach_fits, event_queries, score
from bot.core import Podium
from bot.match.types import Resolution

LATENCIES = ("resolve_athlete", "resolve_event", "complete_athlete", "complete_event")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _resident_mb() -> float:
    """Resident memory now (not the peak), from /proc; 0 where there is none."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * resource.getpagesize() / 2**20


def _percentiles(samples_ns: Sequence[int]) -> dict[str, float]:
    if not samples_ns:
        return {"p50": 0.0, "p99": 0.0, "max": 0.0, "n": 0}
    ms = sorted(s / 1e6 for s in samples_ns)
    p99 = ms[min(len(ms) - 1, max(0, round(0.99 * len(ms)) - 1))]
    return {"p50": statistics.median(ms), "p99": p99, "max": ms[-1], "n": len(ms)}


def _prefixes(text: str) -> list[str]:
    """What autocomplete sees while the query is typed: 1, 2 and 3 characters, half of it, all but one."""
    out = [text[:n] for n in (1, 2, 3)]
    out += [text[: max(4, len(text) // 2)], text[:-1]]
    return [p for p in dict.fromkeys(out) if p.strip()]


def _timed(call: Callable[[str], Any], texts: Sequence[str]) -> tuple[list[Any], list[int]]:
    results, times = [], []
    for text in texts:
        start = time.perf_counter_ns()
        results.append(call(text))
        times.append(time.perf_counter_ns() - start)
    return results, times


def _tally(queries: Sequence[Query], verdicts: Sequence[tuple[str, list[str]]]) -> dict[str, Any]:
    counts = Counter(score(q, outcome, ids) for q, (outcome, ids) in zip(queries, verdicts, strict=True))
    by_variant: dict[str, Counter[str]] = {}
    for q, (outcome, ids) in zip(queries, verdicts, strict=True):
        by_variant.setdefault(q.variant, Counter())[score(q, outcome, ids)] += 1
    total = max(1, len(queries))
    return {
        "n": len(queries),
        **{k: counts.get(k, 0) / total for k in OUTCOMES},
        "variants": {v: dict(c) for v, c in sorted(by_variant.items())},
    }


def probe(pages: Path, cache_dir: Path, fresh: bool, queries: int, seed: int) -> dict[str, Any]:
    """One start of the bot in this process; with `queries`, then the measurements on a few hundred queries."""
    if fresh and cache_dir.exists():
        shutil.rmtree(cache_dir)
    # What the bot process imports before it loads (discord.py, storage, the commands): its memory counts too.
    importlib.import_module("bot.discord.app")
    out_imports = _rss_mb()
    start = time.perf_counter()
    podium = Podium.load(pages, cache_dir=cache_dir)
    seconds = time.perf_counter() - start
    index = podium.index
    out: dict[str, Any] = {
        "start_s": seconds,
        "mode": podium.cache.mode if podium.cache else "off",
        "pages": len(index.events),
        "athletes": len(index.athletes),
        "rows": sum(e.rows for e in index.infos.values()),
        "rss_imports_mb": out_imports,
        "rss_after_start_mb": _rss_mb(),
        "resident_after_start_mb": _resident_mb(),
    }
    if not queries:
        return out
    matcher = podium.matcher
    aq = athlete_queries(index, queries, seed)
    eq = event_queries(index, max(50, queries // 2), seed)

    def verdicts(results: list[Resolution]) -> list[tuple[str, list[str]]]:
        return [(r.outcome, [c.id for c in r.candidates]) for r in results]

    a_res, a_ns = _timed(matcher.resolve_athlete, [q.text for q in aq])
    e_res, e_ns = _timed(matcher.resolve_event, [q.text for q in eq])
    _, ac_ns = _timed(matcher.complete_athlete, [p for q in aq for p in _prefixes(q.text)])
    _, ec_ns = _timed(matcher.complete_event, [p for q in eq for p in _prefixes(q.text)])
    out["rss_peak_mb"] = _rss_mb()  # the bot process: started, matched, completed
    out["resident_mb"] = _resident_mb()

    names = list(index.athletes.names)
    ids = list(index.athletes)
    titles = [e.title for e in index.infos.values()]
    eids = list(index.events)

    def naive(choices: list[str], keys: list[str]) -> Callable[[str], tuple[str, list[str]]]:
        def one(text: str) -> tuple[str, list[str]]:
            found = process.extractOne(text, choices, scorer=fuzz.WRatio, processor=utils.default_process)
            return ("match", [keys[found[2]]]) if found else ("none", [])

        return one

    a_base, ab_ns = _timed(naive(names, ids), [q.text for q in aq])
    e_base, eb_ns = _timed(naive(titles, eids), [q.text for q in eq])
    attach_fits(index, aq)
    out.update(
        {
            "resolve_athlete": _percentiles(a_ns),
            "resolve_event": _percentiles(e_ns),
            "complete_athlete": _percentiles(ac_ns),
            "complete_event": _percentiles(ec_ns),
            "baseline_athlete": _percentiles(ab_ns),
            "baseline_event": _percentiles(eb_ns),
            "quality_athlete": _tally(aq, verdicts(a_res)),
            "quality_event": _tally(eq, verdicts(e_res)),
            "baseline_quality_athlete": _tally(aq, a_base),
            "baseline_quality_event": _tally(eq, e_base),
            "examples_wrong": [
                {"query": q.text, "variant": q.variant, "intended": q.intended, "got": ids_[:3]}
                for q, (outcome, ids_) in zip(aq, verdicts(a_res), strict=True)
                if score(q, outcome, ids_) in ("wrong", "missed")
            ][:12],
        }
    )
    return out


def _probe_process(pages: Path, cache_dir: Path, fresh: bool, queries: int, seed: int) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bot.bench", "probe", str(pages), "--cache", str(cache_dir), "--seed", str(seed)]
    cmd += ["--queries", str(queries)] + (["--fresh"] if fresh else [])
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"probe failed: {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def run(pages: Path, queries: int = 400, seed: int = 7, cache_dir: Path | None = None) -> dict[str, Any]:
    """Cold start (empty cache), warm start (from the cache) with the query measurements, in fresh processes."""
    own = cache_dir is None
    cache = cache_dir or Path(tempfile.mkdtemp(prefix="podium-bench-cache-"))
    try:
        cold = _probe_process(pages, cache, True, 0, seed)
        warm = _probe_process(pages, cache, False, queries, seed)
    finally:
        if own:
            shutil.rmtree(cache, ignore_errors=True)
    return {"cold": cold, "warm": warm}


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.1f}×" if b else "—"


def render(results: dict[str, Any]) -> str:
    cold, warm = results["cold"], results["warm"]
    lines = [
        f"corpus: {warm['pages']} pages, {warm['athletes']} athletes, {warm['rows']} result rows",
        f"cold start (parse + index + matcher): {cold['start_s']:.2f} s   [{cold['mode']}]",
        f"warm start (from the cache):          {warm['start_s']:.2f} s   [{warm['mode']}]",
        f"memory, peak (ru_maxrss): cold start {cold['rss_after_start_mb']:.0f} MB, "
        f"warm start + queries {warm['rss_peak_mb']:.0f} MB (the bot's imports {warm['rss_imports_mb']:.0f} MB)",
        f"memory, resident after start: cold {cold['resident_after_start_mb']:.0f} MB, "
        f"warm {warm['resident_after_start_mb']:.0f} MB, warm after queries {warm['resident_mb']:.0f} MB",
        "",
        f"{'latency (ms)':30} {'p50':>8} {'p99':>8} {'max':>8} {'n':>6}",
    ]
    for key, label in (
        ("resolve_athlete", "resolve athlete"),
        ("baseline_athlete", "  naive baseline (WRatio)"),
        ("resolve_event", "resolve event"),
        ("baseline_event", "  naive baseline (WRatio)"),
        ("complete_athlete", "autocomplete athlete"),
        ("complete_event", "autocomplete event"),
    ):
        p = warm[key]
        lines.append(f"{label:30} {p['p50']:8.3f} {p['p99']:8.3f} {p['max']:8.3f} {p['n']:6d}")
    for kind in ("athlete", "event"):
        ours, base = warm[f"quality_{kind}"], warm[f"baseline_quality_{kind}"]
        ro, rb = warm[f"resolve_{kind}"], warm[f"baseline_{kind}"]
        lines += [
            "",
            f"{kind} queries (n={ours['n']}): {'matcher':>10} {'baseline':>10} {'ratio':>8}",
            *(f"  {k:26} {ours[k] * 100:9.1f}% {base[k] * 100:9.1f}% {_ratio(ours[k], base[k]):>8}" for k in OUTCOMES),
            f"  {'right or honest':26} {(ours['right'] + ours['honest']) * 100:9.1f}% "
            f"{(base['right'] + base['honest']) * 100:9.1f}%",
            f"  {'p50 latency speed-up':26} {_ratio(rb['p50'], ro['p50']):>10}   "
            f"p99 speed-up {_ratio(rb['p99'], ro['p99'])}",
        ]
        variants = ours["variants"].items()
        parts = [f"{v}: " + ",".join(f"{k[0]}{c}" for k, c in sorted(counts.items())) for v, counts in variants]
        lines.append("  by variant (matcher; r/h/w/m): " + "; ".join(parts))
    if warm.get("examples_wrong"):
        lines += ["", "athlete queries not right or honest (first few):"]
        for ex in warm["examples_wrong"]:
            lines.append(f"  [{ex['variant']}] {ex['query']!r} -> {ex['got']} (meant {ex['intended']})")
    return "\n".join(lines)


def scale(sizes: Sequence[int], root: Path, queries: int, seed: int, generate: Callable[[Path, int], Any]) -> str:
    """The same run at several corpus sizes, and how each figure grows."""
    rows: dict[int, dict[str, Any]] = {}
    for size in sizes:
        folder = root / f"pages-{size}"
        marker = folder / ".generated"
        if not marker.exists() or marker.read_text().strip() != f"{size} {seed}":
            shutil.rmtree(folder, ignore_errors=True)
            generate(folder, size)
            marker.write_text(f"{size} {seed}\n")
        print(f"[{size} pages] running...", file=sys.stderr, flush=True)
        rows[size] = run(folder, queries, seed)
        print(render(rows[size]), file=sys.stderr, flush=True)

    def warm(*keys: str) -> Callable[[dict[str, Any]], float]:
        def get(result: dict[str, Any]) -> float:
            value: Any = result["warm"]
            for key in keys:
                value = value[key]
            return float(value)

        return get

    def right_or_honest(result: dict[str, Any]) -> float:
        quality = result["warm"]["quality_athlete"]
        return 100 * float(quality["right"] + quality["honest"])

    def complete_p99(result: dict[str, Any]) -> float:
        return max(warm("complete_athlete", "p99")(result), warm("complete_event", "p99")(result))

    figures: list[tuple[str, Callable[[dict[str, Any]], float]]] = [
        ("athletes", warm("athletes")),
        ("result rows", warm("rows")),
        ("cold start s", lambda r: float(r["cold"]["start_s"])),
        ("warm start s", warm("start_s")),
        ("bot peak MB", warm("rss_peak_mb")),
        ("bot resident MB", warm("resident_mb")),
        ("resident after cold MB", lambda r: float(r["cold"]["resident_after_start_mb"])),
        ("resolve athlete p50 ms", warm("resolve_athlete", "p50")),
        ("resolve athlete p99 ms", warm("resolve_athlete", "p99")),
        ("resolve event p99 ms", warm("resolve_event", "p99")),
        ("autocomplete p99 ms", complete_p99),
        ("max single call ms", lambda r: max(r["warm"][k]["max"] for k in LATENCIES)),
        ("baseline p50 ms", warm("baseline_athlete", "p50")),
        ("right+honest %", right_or_honest),
        ("confidently wrong %", lambda r: 100 * float(r["warm"]["quality_athlete"]["wrong"])),
        ("baseline right %", lambda r: 100 * float(r["warm"]["baseline_quality_athlete"]["right"])),
    ]
    head = f"{'figure':26}" + "".join(f"{s:>12}" for s in sizes) + f"{'growth':>10}"
    lines = [head]
    for label, get in figures:
        values = [get(rows[s]) for s in sizes]
        growth = _ratio(values[-1], values[0]) if values[0] else "—"
        lines.append(f"{label:26}" + "".join(f"{v:12.2f}" for v in values) + f"{growth:>10}")
    return "\n".join(lines)
