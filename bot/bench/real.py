"""`python -m bot.bench real [DIR]`: the parser judged by real pages.

Each page of the folder is parsed, then checked against what its text says, read here independently of the parser:
- every table line is accounted for: read as a result or a record, reported as a problem, folded into another row
  (team members, a repeated header), a header, or part of a table skipped on purpose with a reason;
- the medals agree with the infobox (every `Gold`/`Silver`/`Bronze` key and numbered variant, with its NOC);
- no competitor is named by a time, a number, a punctuation-led fragment or a placeholder;
- no medal is given outside the final round.
Golden facts written by hand (`golden/<page>.json` beside the pages) are compared field by field.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from bot.models import Event, Problem, ResultRow
from bot.parse import page_files, parse_page
from bot.parse.page import decode, split_cells, split_lines
from bot.performance import parse_time, split_notes
from bot.reference import Reference, load_reference
from bot.text import normalize

_SEPARATOR = re.compile(r"^\|?(\s*:?-{2,}:?\s*\|)*\s*:?-{2,}:?\s*\|?$")
_INFOBOX_LINE = re.compile(r"^\s*[-*]\s*([^:]{1,40}?)\s*:\s*(.*)$")
_MEDAL_KEY = re.compile(r"^(gold|silver|bronze)(\d*)$")
_PLACEHOLDERS = {"unknown", "tbd", "n a", "na", "none", "not known", "various", "x", "vacant"}  # read independently
_NOTE_CODE = re.compile(r"^[=*†‡#]?[A-Za-z]{1,4}$|^[*†‡#]$")
_NUMBERISH = re.compile(r"^[\d\s.,:+\-–—()=*]+$")


def table_blocks(text: str) -> list[list[int]]:
    """The line numbers of each run of pipe-table lines, read from the text (separator rules and rows of empty
    cells left out): the rows the parser must account for."""
    blocks: list[list[int]] = []
    current: list[int] | None = None
    for number, raw in enumerate(split_lines(text), start=1):
        line = raw.strip()
        if not line.startswith("|") or line.startswith("|}"):
            current = None
            continue
        if current is None:
            current = []
            blocks.append(current)
        if _SEPARATOR.match(line) or not line.strip("| \t"):
            continue
        current.append(number)
    return [b for b in blocks if b]


def infobox_medals(text: str) -> list[tuple[str, str, str | None]]:
    """(medal, name as written, NOC or None) for every medal key of the infobox, read from the text."""
    values: dict[str, str] = {}
    for raw in split_lines(text)[:80]:
        match = _INFOBOX_LINE.match(raw)
        if match:
            values.setdefault(match.group(1).strip().lower().replace(" ", ""), match.group(2).strip())
    medals: list[tuple[str, str, str | None]] = []
    for key, value in values.items():
        match = _MEDAL_KEY.match(key)
        if not match:
            continue
        colour, n = match.groups()
        noc = values.get(f"{colour}{n}noc") or values.get(f"{colour}noc{n}") or None
        name = value.strip(" |")
        if name or noc:
            medals.append((colour, name, noc.strip(" |") if noc else None))
    return medals


def _bad_name(name: str) -> str | None:
    text = name.strip()
    if not text:
        return None
    if parse_time(text) is not None or _NUMBERISH.match(text):
        return "a time or number"
    if not text[0].isalnum() and text[0] not in "'\"(":
        return "a punctuation-led fragment"
    if normalize(text) in _PLACEHOLDERS:
        return "a placeholder"
    return None


def check_invariants(text: str, event: Event, problems: list[Problem]) -> list[str]:
    """Every rule above that the parsed event breaks, as a sentence each."""
    broken: list[str] = []
    lines = split_lines(text)
    blocks = table_blocks(text)
    # Row accounting.
    accounted: set[int] = {p.line for p in problems if p.line}
    accounted.update(r.line for r in event.records)
    for rnd in event.rounds:
        accounted.update(row.line for row in rnd.results)
    headers: set[int] = set()
    for note in event.tables:
        headers.update(note.header_lines)
        accounted.update(note.merged_lines)
        if note.kind == "skipped":
            accounted.update(range(note.line, note.last_line + 1))
    for block in blocks:
        for number in block:
            if number not in accounted and number not in headers:
                broken.append(f"line {number}: table row neither read nor reported")
        if not any(note.line <= block[0] <= note.last_line for note in event.tables):
            broken.append(f"line {block[0]}: table neither read nor skipped with a reason")
    for number in headers:
        if not any(number in block[:2] for block in blocks):
            broken.append(f"line {number}: a row inside a table taken as its header")
    broken.extend(_unproven_folds(lines, event))
    broken.extend(_medals_against_infobox(text, event))
    # Names.
    for rnd in event.rounds:
        for row in rnd.results:
            for person in [row.name, *row.members]:
                why = _bad_name(person)
                if why:
                    broken.append(f"line {row.line}: competitor {person!r} is {why}")
    for medal in event.medals:
        why = _bad_name(medal.name)
        if why:
            broken.append(f"medal {medal.medal}: {medal.name!r} is {why}")
    # Medals only in the final: one round at most, and never one named as an earlier round (read here from the
    # round's name, independently of the parser's choice of final).
    with_medals = [rnd for rnd in event.rounds if any(row.medal for row in rnd.results)]
    if len(with_medals) > 1:
        broken.append(f"medals in {len(with_medals)} rounds: {[rnd.name for rnd in with_medals]}")
    for rnd in with_medals:
        if rnd.name and _EARLIER_ROUND.search(rnd.name.lower()) and not _FINAL_WORD.search(rnd.name.lower()):
            broken.append(f"line {rnd.line}: medals in a round before the final ({rnd.name})")
    return broken


_EARLIER_ROUND = re.compile(r"heat|semi|quarter|qualif|repechage|preliminar|round of|first round|group|pool")
_FINAL_WORD = re.compile(r"(?<!semi)(?<!semi-)(?<!quarter)(?<!quarter-)final")


def _unproven_folds(lines: list[str], event: Event) -> list[str]:
    """The rows the parser folded (no result of their own), each shown here to be a fold: empty, the header again,
    a lone label or caption that names no one the table lacks, or a part of a team row (its cells found among the
    members or results of the table's rows)."""
    broken: list[str] = []
    by_table = {rnd.line: rnd for rnd in event.rounds}
    for note in event.tables:
        if note.kind != "results" or not note.merged_lines:
            continue
        rnd = by_table.get(note.line)
        rows = rnd.results if rnd else []
        people = {normalize(m) for row in rows for m in [row.name, *row.members] if m}
        results = {row.result for row in rows if row.result}
        legs = {normalize(v) for row in rows for v in row.extra.values()}
        header = [normalize(c) for c in split_cells(lines[note.line - 1])]
        for number in note.merged_lines:
            cells = [c for c in split_cells(lines[number - 1])]
            written = [c for c in cells if c]
            if not written or [normalize(c) for c in cells] == header:
                continue
            if len(written) == 1 and cells[0] and not _named(written[0]):
                continue  # a label (`Heat 2`) or a caption (`Place by judge`)
            if any(normalize(c) in people or c in results or normalize(c) in legs for c in written):
                continue  # a team's total, or a member (with their leg)
            broken.append(f"line {number}: folded, but holds {written} that no row of its table shows")
    return broken


def _named(text: str) -> bool:
    """Two to five words, each capitalized (or a particle): read as a person's name, independently of the parser."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() or w in _PARTICLES for w in words) and not _DIGITS.search(text)


_PARTICLES = {"van", "von", "de", "da", "der", "den", "la", "le", "du", "di", "dos", "das", "bin", "al", "of"}
_DIGITS = re.compile(r"\d")


def _medals_against_infobox(text: str, event: Event) -> list[str]:
    """Every infobox medal (name and NOC, or a NOC alone) is among the event's medals, and a result row that holds a
    medal names someone the infobox gives that medal to."""
    broken: list[str] = []
    wanted = infobox_medals(text)
    for colour, name, noc in wanted:
        want = "" if normalize(name) in _PLACEHOLDERS else normalize(name)
        same_colour = [m for m in event.medals if m.medal == colour]
        found = [
            m
            for m in same_colour
            if normalize(m.name) == want or (m.members and not m.name and want.startswith(normalize(m.members[0])))
        ]
        coded = noc is not None and len(noc) == 3 and noc.isupper()
        if want and not found:
            broken.append(f"infobox {colour} {name!r} missing from the medals")
        elif found and coded and not any(m.noc == noc for m in found):
            broken.append(f"infobox {colour} {name!r} lost its NOC {noc}")
        elif not want and coded and not any(m.noc == noc for m in same_colour):
            broken.append(f"infobox {colour} of {noc} (no name) missing from the medals")
    names: dict[str, set[str]] = {}
    for colour, name, _ in wanted:
        names.setdefault(colour, set()).update(normalize(part) for part in [name, *name.split(",")] if part.strip())
    for rnd in event.rounds:
        for row in rnd.results:
            if not row.medal or row.name_source != "table" or not row.name or not names.get(row.medal):
                continue
            given = names[row.medal]
            key = normalize(row.name)
            if any(normalize(m) in given for m in row.members):
                continue  # a team named by its club, whose member the infobox lists
            # the same person spelled otherwise by the table (`Zackiewicz` for the infobox's `Zaczkiewicz`)
            if key not in given and not any(key in g or g in key or fuzz.ratio(key, g) >= 85 for g in given if g):
                broken.append(
                    f"line {row.line}: {row.medal} for {row.name!r}, not a {row.medal} medallist of the infobox"
                )
    return broken


@dataclass
class GoldenScore:
    right: int = 0
    wrong: list[str] = field(default_factory=list)


_BRACKETED = re.compile(r"\([^()]*\)")


def _same_name(want: str | None, row: ResultRow) -> bool:
    """The competitor as the page writes it; a name the page does not give may be inferred (marked so); a crew
    written in the competitor cell may be read as the row's members."""
    if want is None:
        return not row.name or row.name_source != "table"
    if normalize(row.name) == normalize(want):
        return True
    roster = normalize(_BRACKETED.sub(" ", want))
    return not row.name and bool(row.members) and normalize(" ".join(row.members)) == roster


def _same_result(got: str | None, want: str | None) -> bool:
    """Results as written, footnote marks (`17:17.4(*)`) aside."""
    if got is None or want is None:
        return got == want
    return split_notes(got)[0] == split_notes(want)[0]


def _same_nation(want: str | None, row: ResultRow, ref: Reference) -> bool:
    if want is None:  # a nation the page does not give may be inferred, if marked so
        return (row.nation is None or row.nation_source != "table") and "nation as written" not in row.extra
    code = ref.nation_code(want) or want
    written = row.extra.get("nation as written")
    return row.nation == code or (written is not None and normalize(written) == normalize(want))


def compare_golden(
    event: Event, golden: dict[str, Any], ref: Reference, text: str, problems: list[Problem]
) -> GoldenScore:
    """Field by field: the first results table's rows, the medals, the standing records.

    The golden rows are matched to the first results table's data lines in page order; a golden row marked
    `"problem": true` is one the page does not let anyone read, and must be reported, not read.
    """
    score = GoldenScore()
    file = golden.get("file", event.file)

    def check(ok: bool, what: str) -> None:
        if ok:
            score.right += 1
        else:
            score.wrong.append(f"{file}: {what}")

    first = golden.get("first_table")
    if first:
        notes = [n for n in event.tables if n.kind == "results"]
        note = min(notes, key=lambda n: n.line) if notes else None
        block = next((b for b in table_blocks(text) if note and b[0] <= note.line <= b[-1]), [])
        skip = set(note.header_lines) | set(note.merged_lines) if note else set()
        data_lines = [n for n in block if n >= (note.line if note else 0) and n not in skip]
        by_line = {row.line: row for rnd in event.rounds for row in rnd.results}
        reported = {p.line for p in problems}
        for i, want in enumerate(first["rows"]):
            line = data_lines[i] if i < len(data_lines) else None
            if line is None:
                check(False, f"row {i + 1} ({want.get('name')}) missing")
                continue
            where = f"row {i + 1} (line {line})"
            if want.get("problem"):
                check(line in reported and line not in by_line, f"{where} should be reported as unreadable")
                continue
            got = by_line.get(line)
            if got is None:
                check(False, f"{where} not read" + (" (reported)" if line in reported else ""))
                continue
            # A rank the page does not give may be inferred (medal icons lost), if marked so.
            rank_ok = got.rank == want["rank"] or (want["rank"] is None and got.rank_inferred)
            check(rank_ok, f"{where} rank {got.rank} != {want['rank']}")
            check(got.tied == want["tied"], f"{where} tied {got.tied} != {want['tied']}")
            check(_same_name(want["name"], got), f"{where} name {got.name!r} != {want['name']!r}")
            check(_same_nation(want["nation"], got, ref), f"{where} nation {got.nation!r} != {want['nation']!r}")
            check(_same_result(got.result, want["result"]), f"{where} result {got.result!r} != {want['result']!r}")
            value_ok = (got.value is None and want["value"] is None) or (
                got.value is not None and want["value"] is not None and abs(got.value - want["value"]) < 1e-6
            )
            check(value_ok, f"{where} value {got.value} != {want['value']}")
            status = None if got.status == "unknown" else got.status
            check(status == want["status"], f"{where} status {got.status} != {want['status']}")
            # The golden facts list the codes (`Q`, `OR`, `PB`); free-text notes are kept by the parser as written.
            codes = sorted(n for n in got.notes if _NOTE_CODE.match(n))
            want_codes = sorted(n for n in want["notes"] if _NOTE_CODE.match(n))
            check(codes == want_codes, f"{where} notes {got.notes} != {want['notes']}")
        if len(data_lines) > len(first["rows"]):
            check(False, f"{len(data_lines) - len(first['rows'])} rows more than the golden table")
    want_medals = Counter((m["medal"], normalize(m["name"] or ""), m.get("noc")) for m in golden.get("medals", []))
    got_medals = Counter((m.medal, normalize(m.name), m.noc) for m in event.medals if m.source == "infobox")
    for key in want_medals | got_medals:
        check(want_medals[key] == got_medals[key], f"medal {key}: page {want_medals[key]}, parsed {got_medals[key]}")
    for want in golden.get("records", []):
        kind = normalize(want["kind"])  # `World Record – Snatch` is a world record too
        records = [r for r in event.records if normalize(r.kind).startswith(kind) and r.round is None]
        if not records:
            check(False, f"record {want['kind']!r} missing")
            continue
        holder = normalize(want["holder"] or "")
        same = [r for r in records if normalize(r.holder or "") == holder] or records
        got_record = next((r for r in same if r.value == want["value"]), same[0])
        check(_same_result(got_record.result, want["result"]), f"record {want['kind']} result {got_record.result!r}")
        ok = got_record.value is not None and want["value"] is not None and abs(got_record.value - want["value"]) < 1e-6
        check(ok, f"record {want['kind']} value {got_record.value} != {want['value']}")
        check(
            normalize(got_record.holder or "") == normalize(want["holder"] or ""),
            f"record {want['kind']} holder {got_record.holder!r} != {want['holder']!r}",
        )
        want_nation = want.get("nation")
        check(
            got_record.nation == (ref.nation_code(want_nation) or want_nation if want_nation else None),
            f"record {want['kind']} nation {got_record.nation!r} != {want_nation!r}",
        )
    return score


def _problem_kind(problem: Problem) -> str:
    return re.split(r"[:(']", problem.message, maxsplit=1)[0].strip()


@dataclass
class RealReport:
    pages: int = 0
    failed: list[str] = field(default_factory=list)
    rows: int = 0
    rows_kept: int = 0
    problems: Counter[str] = field(default_factory=Counter)
    violations: list[str] = field(default_factory=list)
    golden_pages: int = 0
    golden: GoldenScore = field(default_factory=GoldenScore)
    skipped_tables: Counter[str] = field(default_factory=Counter)

    def render(self) -> str:
        lines = [
            f"pages: {self.pages} ({len(self.failed)} not loaded)",
            f"table rows in the page text: {self.rows}",
            f"result rows kept: {self.rows_kept}",
            f"problems: {sum(self.problems.values())}",
            *(f"  {n:5d}  {kind}" for kind, n in self.problems.most_common()),
            f"tables skipped on purpose: {sum(self.skipped_tables.values())}",
            *(f"  {n:5d}  {why}" for why, n in self.skipped_tables.most_common()),
            f"invariant violations: {len(self.violations)}",
            *(f"  {v}" for v in self.violations[:40]),
            f"golden facts ({self.golden_pages} pages): {self.golden.right} right, {len(self.golden.wrong)} wrong",
            *(f"  {w}" for w in self.golden.wrong[:40]),
        ]
        return "\n".join(lines)


def judge(folder: Path, golden_dir: Path | None = None) -> RealReport:
    """Parse every page of `folder` and check it (see the module's docstring)."""
    ref = load_reference()
    golden_dir = golden_dir or folder.parent / "golden"
    report = RealReport()
    for path in page_files(folder):
        report.pages += 1
        text = decode(path.read_bytes())  # as the parser reads it: the line numbers must agree
        report.rows += sum(len(block) for block in table_blocks(text))
        event, problems = parse_page(path, ref)
        for problem in problems:
            report.problems[_problem_kind(problem)] += 1
        if event is None:
            report.failed.append(path.name)
            report.violations.append(f"{path.name}: not loaded")
            continue
        report.rows_kept += sum(len(r.results) for r in event.rounds)
        for note in event.tables:
            if note.kind == "skipped":
                report.skipped_tables[note.reason] += 1
        report.violations.extend(f"{path.name}: {v}" for v in check_invariants(text, event, problems))
        golden_file = golden_dir / f"{path.stem}.json"
        if golden_file.exists():
            report.golden_pages += 1
            golden = json.loads(golden_file.read_text(encoding="utf-8"))
            score = compare_golden(event, golden, ref, text, problems)
            report.golden.right += score.right
            report.golden.wrong.extend(score.wrong)
    return report
