"""What a user installs: the bot's own dependencies, and Faker only with the benchmark's extra."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_faker_is_the_benchmarks_extra_not_a_runtime_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not any(d.lower().startswith("faker") for d in project["dependencies"])
    assert any(d.lower().startswith("faker") for d in project["optional-dependencies"]["bench"])
    assert "'.[dev,bench]'" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_only_the_benchmark_imports_faker() -> None:
    for path in (ROOT / "bot").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        if any(name.split(".")[0] == "faker" for name in names):
            assert path.is_relative_to(ROOT / "bot" / "bench"), path
