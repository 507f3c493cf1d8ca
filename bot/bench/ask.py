"""The question suite for `bot/ask/`: questions in plain words with their expected answers, over the bundled pages,
the matcher's fixture pages and pages of the real-page corpus (`tests/ask/pages/`); and questions made from a
generated corpus, to measure latency at scale. `python -m bot.bench ask` prints right, clarified (asked back),
wrong and not understood, and p50/p99 latency.

Suite file (CSV): `conversation,question,expect,contains`. Questions sharing a conversation are asked in order by
one person in one channel (follow-ups); the others each alone. `expect`: `answer` (every ` | `-separated part of
`contains` is in the sentence), `clarify` (a picker or two readings, and each part of `contains` is among the
choices), `none` (the bot says it did not understand).
"""

from __future__ import annotations

import csv
import random
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from anyascii import anyascii

from bot.ask import AskAnswer, Asker
from bot.ask.phrasing import command_query
from bot.core import Podium
from bot.settings import ROOT
from bot.text import normalize

SUITE_FILE = ROOT / "tests" / "ask" / "questions.csv"
SUITE_PAGES = (ROOT / "data" / "pages", ROOT / "tests" / "match" / "pages", ROOT / "tests" / "ask" / "pages")
VERDICTS = ("right", "clarified", "wrong", "not understood")


@dataclass(frozen=True)
class Question:
    line: int
    conversation: str
    question: str
    expect: str
    contains: tuple[str, ...]
    # For made questions: the event title or athlete meant; a picker counts as a clarification only if it
    # offers one of them. (Suite questions leave it empty: any asking back counts.)
    meant: tuple[str, ...] = ()


def load_suite(path: Path = SUITE_FILE) -> list[Question]:
    out = []
    with path.open(encoding="utf-8", newline="") as handle:
        for n, row in enumerate(csv.DictReader(handle), start=2):
            conversation = row["conversation"] or ""
            if conversation.startswith("#") or not row["question"]:
                continue
            if row.get(None):
                raise ValueError(f"{path}:{n}: more columns than the header: quote a field holding a comma")
            parts = tuple(p.strip() for p in (row.get("contains") or "").split(" | ") if p.strip())
            out.append(Question(n, conversation, row["question"], row["expect"].strip(), parts))
    return out


def verdict(q: Question, answer: AskAnswer) -> str:
    """right, clarified, wrong or not understood, as a user feels it. A clarification counts only when the one
    meant is among the choices; a confident answer without the expected facts is wrong."""
    if answer.kind == "not_understood":
        return "right" if q.expect == "none" else "not understood"
    if answer.kind in ("pick", "did_you_mean"):
        choices = " ; ".join(
            [f"{c.name} ({c.detail})" for c in answer.candidates] + [r.question for r in answer.readings]
        )
        fits = all(part in choices for part in q.contains)
        if q.expect == "clarify":
            return "right" if fits else "wrong"
        if q.meant:
            return "clarified" if any(m in choices for m in q.meant) else "wrong"
        return "clarified"
    if q.expect == "answer" and all(part in answer.text for part in q.contains):
        return "right"
    # Made questions name people as one page spells them; another page may spell the same person without
    # accents, and the answer uses the name the index keeps: compared folded.
    if q.meant and q.expect == "answer" and all(normalize(p) in normalize(answer.text) for p in q.contains):
        return "right"
    return "wrong"


@dataclass
class Report:
    counts: Counter[str]
    latencies_ms: list[float]
    failures: list[str]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, *names: str) -> float:
        return 100.0 * sum(self.counts[n] for n in names) / max(1, self.total)

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]

    def line(self, label: str) -> str:
        parts = ", ".join(f"{n} {self.counts[n]} ({self.share(n):.1f}%)" for n in VERDICTS)
        ok = self.share("right", "clarified")
        return (f"{label}: {self.total} questions: {parts}; right or clarified {ok:.1f}%; "
                f"latency p50 {self.percentile(50):.2f} ms, p99 {self.percentile(99):.2f} ms, "
                f"max {max(self.latencies_ms, default=0):.2f} ms")  # fmt: skip


def run_suite(podium: Podium, questions: list[Question], clock: float = 0.0) -> Report:
    asker = Asker(podium.index, podium.matcher, clock=lambda: clock)
    counts: Counter[str] = Counter()
    latencies: list[float] = []
    failures: list[str] = []
    for n, q in enumerate(questions):
        who = ("suite", q.conversation or f"alone-{n}")
        start = time.perf_counter()
        answer = asker.ask(q.question, who)
        latencies.append((time.perf_counter() - start) * 1000)
        got = verdict(q, answer)
        counts[got] += 1
        if got not in ("right", "clarified"):
            failures.append(f"line {q.line}: {q.question!r}: {got}: [{answer.kind}] {answer.text[:200]}")
    return Report(counts, latencies, failures)


# ---------------------------------------------------------------- generated questions


def generated_questions(podium: Podium, count: int, seed: int) -> list[Question]:
    """Questions made from a corpus's own rows, phrased several ways, with the facts an answer must hold."""
    rng = random.Random(seed)
    infos = sorted(podium.index.infos.values(), key=lambda i: i.id)
    out: list[Question] = []
    while len(out) < count and infos:
        info = rng.choice(infos)
        event = podium.index.events[info.id]
        final = event.final_round()
        rows = [r for r in (final.results if final else []) if r.rank is not None and r.status is None]
        if not rows or info.year is None:
            continue
        what = command_query(info)
        kind = rng.randrange(12)
        names = Counter(r.name for r in rows)
        solo = [r for r in rows[:10] if names[r.name] == 1 and not info.team]
        gold = [r for r in rows if r.rank == 1]
        if kind == 0 and gold:
            out.append(_q(rng.choice(["Who won the {e}?", "who won gold in the {e}", "winner of the {e}"]), what,
                          "answer", [gold[0].name], [info.title]))  # fmt: skip
        elif kind == 1 and len(rows) >= 5:
            row = rng.choice(rows[3:])
            same = [r.name for r in rows if r.rank == row.rank]
            n = row.rank or 0
            out.append(_q(f"who finished {_ord(n)} in the {{e}}", what, "answer", same, [info.title]))
        elif kind == 2 and not info.team:
            row = rng.choice(rows[:8])
            if sum(1 for r in rows if r.name == row.name) > 1:
                continue
            template = rng.choice(["where did {x} finish in the {e}", "what place did {x} finish in the {e}"])
            out.append(_q(template.replace("{x}", typed(row.name, rng)), what, "answer", [row.name],
                          [info.title, row.name]))  # fmt: skip
        elif kind == 3 and not info.team and rows[0].result:
            row = rng.choice(rows[:8])
            if not row.result:
                continue
            template = rng.choice(["what was {x}'s result in the {e}", "what was {x}'s time in the {e}"])
            out.append(_q(template.replace("{x}", typed(row.name, rng)), what, "answer", [row.result],
                          [info.title, row.name]))  # fmt: skip
        elif kind == 4 and info.competitors:
            out.append(
                _q("how many competitors were in the {e}", what, "answer", [str(info.competitors)], [info.title])
            )
        elif kind == 5 and gold:
            out.append(_q("which nation won the most golds in {y}", what, "answer", ["won the most gold medals"],
                          [], year=str(info.year)))  # fmt: skip
        elif kind == 6 and len(solo) >= 2 and solo[1].rank != 1 and solo[1].value is not None and gold:
            row = rng.choice([r for r in solo if r.rank != 1 and r.value is not None])
            out.append(_q(f"how far behind the winner was {typed(row.name, rng)} in the {{e}}", what, "answer",
                          [row.name, "behind the winner"], [info.title, row.name]))  # fmt: skip
        elif kind == 7 and len(solo) >= 2:
            a, b = sorted(rng.sample(solo, 2), key=lambda r: r.rank or 0)
            if a.rank == b.rank:
                continue
            first, second = (a, b) if rng.random() < 0.5 else (b, a)
            verdict = "Yes" if first is a else "No"
            out.append(
                _q(
                    f"did {first.name} beat {second.name} in the {{e}}",
                    what,
                    "answer",
                    [f"{verdict}: {a.name} finished ahead of {b.name}"],
                    [info.title, first.name, second.name],
                )
            )
        elif kind == 8 and [r.rank for r in rows[:2] if r.value is not None] == [1, 2]:
            out.append(_q("what was the margin between gold and silver in the {e}", what, "answer",
                          [gold[0].name], [info.title]))  # fmt: skip
        elif kind == 9 and info.date:
            out.append(_q("when was the {e} held", what, "answer", [info.date], [info.title]))
        elif kind == 10 and info.venue:
            out.append(_q("where was the {e} held", what, "answer", [info.venue], [info.title]))
        elif kind == 11 and info.nations:
            out.append(_q("how many nations competed in the {e}", what, "answer", [f"{info.nations} nations"],
                          [info.title]))  # fmt: skip
    return out


def typed(name: str, rng: random.Random) -> str:
    """A name as fans type it: often without accents (a third), sometimes with one slip in its longest word (a
    fifth: two neighbouring letters swapped)."""
    if rng.random() < 1 / 3:
        name = anyascii(name)
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i])) if words else 0
    if words and len(words[longest]) >= 6 and rng.random() < 0.2:
        word = words[longest]
        at = rng.randrange(1, len(word) - 2)
        words[longest] = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return " ".join(words)


def _q(template: str, event: str, expect: str, contains: list[str], meant: list[str], year: str = "") -> Question:
    text = template.replace("{e}", event).replace("{y}", year)
    return Question(0, "", text, expect, tuple(contains), tuple(meant))


def _ord(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def run_generated(folder: Path, count: int, seed: int, cache_dir: Path | None) -> Report:
    podium = Podium.load(folder, cache_dir=cache_dir)
    questions = generated_questions(podium, count, seed)
    run_suite(podium, questions[: min(20, len(questions))])  # warm the decoded-event cache like a running bot
    return run_suite(podium, questions)


TARGET_OK, TARGET_WRONG, TARGET_P99_MS = 95.0, 1.0, 20.0


def run_ask(pages: int, folder: Path | None, questions: int, seed: int, show_failures: bool) -> int:
    """`python -m bot.bench ask`: the suite over its pages, then questions made from `pages` generated pages."""
    from bot.bench.quality import quality_podium
    from bot.settings import load_settings

    suite = load_suite()
    with quality_podium(*SUITE_PAGES) as podium:
        report = run_suite(podium, suite)
    reports = [("suite (bundled, fixture and real pages)", report)]
    if pages:
        where = folder or Path(f"/tmp/podium-ask-{pages}")
        if not where.exists() or not any(where.glob("*.txt")):
            from bot.bench.generate import generate

            generate(where, pages, 1)
        reports.append((f"generated ({pages} pages)", run_generated(where, questions, seed, load_settings().cache_dir)))
    met = True
    for label, rep in reports:
        if show_failures or label.startswith("suite"):
            for failure in rep.failures[: None if show_failures else 20]:
                print(failure)
        print(rep.line(label))
        met &= rep.share("right", "clarified") >= TARGET_OK and rep.share("wrong") <= TARGET_WRONG
        met &= rep.percentile(99) <= TARGET_P99_MS
    print(f"targets (right or clarified >= {TARGET_OK:.0f}%, wrong <= {TARGET_WRONG:.0f}%, p99 <= "
          f"{TARGET_P99_MS:.0f} ms): {'met' if met else 'NOT met'}")  # fmt: skip
    return 0 if met else 1
