"""`python -m bot.bench generate|run|scale|quality|real|ask`: the corpus generator, the benchmarks and the suites."""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.bench", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write a corpus of generated pages")
    gen.add_argument("folder", type=Path)
    gen.add_argument("--pages", type=int, default=7500)
    gen.add_argument("--seed", type=int, default=1)
    run = sub.add_parser("run", help="cold/warm start, latency, quality and memory on a folder of pages")
    run.add_argument("folder", type=Path)
    run.add_argument("--queries", type=int, default=400)
    run.add_argument("--seed", type=int, default=7)
    run.add_argument("--json", action="store_true")
    audit = sub.add_parser("quiz-audit", help="seeded quiz games with no players: kinds, leaks, option positions")
    audit.add_argument("--data", type=Path, default=None, help="a folder of pages (default: the bundled pages)")
    audit.add_argument("--games", type=int, default=20)
    audit.add_argument("--questions", type=int, default=10)
    audit.add_argument("--seed", type=int, default=1)
    audit.add_argument("--json", action="store_true")
    scale = sub.add_parser("scale", help="generate and run at several sizes; print how each figure grows")
    scale.add_argument("--sizes", default="1000,7500,30000")
    scale.add_argument("--root", type=Path, default=Path("/tmp/podium-scale"))
    scale.add_argument("--queries", type=int, default=300)
    scale.add_argument("--seed", type=int, default=7)
    sub.add_parser("quality", help="the quality suite's accuracy")
    real = sub.add_parser("real", help="the parser judged by real pages: rows kept, problems, invariants, golden facts")
    real.add_argument("folder", type=Path, nargs="?", default=Path("tests/parse/real/pages"))
    real.add_argument("--golden", type=Path, default=None, help="folder of golden facts (default: ../golden)")
    ask = sub.add_parser("ask", help="the question suite: right, clarified, wrong, not understood, latency")
    ask.add_argument("--pages", type=int, default=7500, help="generated pages for the latency run (0: none)")
    ask.add_argument("--folder", type=Path, default=None, help="folder of generated pages (made if missing)")
    ask.add_argument("--questions", type=int, default=1000, help="questions made from the generated pages")
    ask.add_argument("--seed", type=int, default=7)
    ask.add_argument("--failures", action="store_true", help="list every question not right or clarified")
    probe = sub.add_parser("probe", help=argparse.SUPPRESS)
    probe.add_argument("folder", type=Path)
    probe.add_argument("--cache", type=Path, required=True)
    probe.add_argument("--fresh", action="store_true")
    probe.add_argument("--queries", type=int, default=0)
    probe.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.command in ("generate", "scale") and importlib.util.find_spec("faker") is None:
        print("python -m bot.bench: generating pages needs the bench extra: pip install -e '.[bench]'", file=sys.stderr)
        return 2

    if args.command == "generate":
        from bot.bench.generate import generate

        corpus = generate(args.folder, args.pages, args.seed)
        print(f"{corpus.pages} pages, {corpus.rows} result rows, {corpus.athletes} athletes in {args.folder}")
        return 0
    if args.command == "real":
        from bot.bench.real import judge

        judged = judge(args.folder, args.golden)
        print(judged.render())
        return 0 if not judged.violations and not judged.golden.wrong else 1
    if args.command == "probe":
        from bot.bench.run import probe as run_probe

        print(json.dumps(run_probe(args.folder, args.cache, args.fresh, args.queries, args.seed)))
        return 0
    if args.command == "run":
        from bot.bench.run import render
        from bot.bench.run import run as run_bench

        results = run_bench(args.folder, args.queries, args.seed)
        print(json.dumps(results, indent=2) if args.json else render(results))
        return 0
    if args.command == "quiz-audit":
        from bot.bench.quiz_audit import audit as run_audit
        from bot.bench.quiz_audit import render as render_audit
        from bot.core import Podium
        from bot.settings import ROOT, load_settings

        podium = Podium.load(args.data or ROOT / "data" / "pages", cache_dir=load_settings().cache_dir)
        summary = run_audit(podium.index, args.games, args.questions, args.seed).summary()
        print(json.dumps(summary, indent=2) if args.json else render_audit(summary))
        return 0
    if args.command == "scale":
        from bot.bench.generate import generate
        from bot.bench.run import scale as run_scale

        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        print(run_scale(sizes, args.root, args.queries, args.seed, lambda d, n: generate(d, n, 1)))
        return 0
    if args.command == "ask":
        from bot.bench.ask import run_ask

        return run_ask(args.pages, args.folder, args.questions, args.seed, args.failures)
    from bot.bench.quality import load_cases, quality_podium, report

    cases = load_cases()
    with quality_podium() as podium:
        passed, failures = report(podium, cases)
    for failure in failures:
        print(failure)
    kinds = {k: sum(1 for c in cases if c.kind == k) for k in ("athlete", "event")}
    print(f"quality: {passed}/{len(cases)} right ({100 * passed / max(1, len(cases)):.1f}%), {kinds}")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
