"""The package's shape: one installed namespace, imports that go one way, no cycles.

Layers, from the top: ``lkj.corpus`` (sample-corpus generator and evaluator) and
``lkj.pipeline`` (stages, runner, CLI) may import what lies below them; ``lkj.db``
stores the stage results and may import the data model and the readers;
``lkj.extract.model`` (the stage results) is built from the readers' types; the rest of
``lkj.extract`` reads PDFs and imports nothing above it. An import that runs back up
(``db`` importing ``pipeline``) or a cycle fails here, with the module and line.
"""
from __future__ import annotations

import ast
import graphlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FOLDERS = ("extract", "pipeline", "db", "corpus")
#: Rank of each layer: a module may import modules of its own rank or lower.
RANKS = {"lkj.corpus": 4, "lkj.pipeline": 3, "lkj.db": 2, "lkj.extract.model": 1, "lkj.extract": 0}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["lkj", *parts])


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for folder in FOLDERS for path in sorted((REPO / folder).rglob("*.py"))}


def _imports(name: str, path: Path) -> list[tuple[str, int]]:
    """Every ``lkj`` module ``path`` imports (at the top or inside a function), with its line."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.append((base, node.lineno))
            found += [(f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return [(module, line) for module, line in found if module == "lkj" or module.startswith("lkj.")]


def _rank(module: str) -> int:
    layer = max((prefix for prefix in RANKS if module == prefix or module.startswith(prefix + ".")), key=len)
    return RANKS[layer]


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: {m for m, _ in _imports(name, path) if m in modules and m != name}
            for name, path in modules.items()}


def test_no_module_imports_upward():
    upward = [f"{path.relative_to(REPO)}:{line} imports {module}"
              for name, path in _modules().items() for module, line in _imports(name, path)
              if module in _modules() and _rank(module) > _rank(name)]
    assert not upward, "imports that run back up:\n" + "\n".join(upward)


def test_no_import_cycles():
    try:
        tuple(graphlib.TopologicalSorter(_graph()).static_order())
    except graphlib.CycleError as cycle:
        pytest.fail(f"import cycle: {' -> '.join(cycle.args[1])}")


def test_code_imports_the_installed_namespace_only():
    """``import extract`` would work from the repository's root and nowhere else."""
    bare = []
    for path in sorted(REPO.glob("*/**/*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and not node.level else [])
            bare += [f"{path.relative_to(REPO)}:{node.lineno} imports {n}" for n in names
                     if n and n.split(".")[0] in FOLDERS]
    assert not bare, "\n".join(bare)


def test_the_checks_see_the_layers():
    """The walk finds the modules and their imports (a walk that found nothing would pass anything)."""
    graph = _graph()
    assert len(graph) > 50
    assert "lkj.db.schema" in graph["lkj.db.load"] or "lkj.db.corrections" in graph["lkj.db.load"]
    assert "lkj.extract.raw_table" in graph["lkj.extract.tables"]
    assert _rank("lkj.extract.model") == 1 and _rank("lkj.extract.tables") == 0 and _rank("lkj.db.load") == 2


def test_the_wheel_installs_one_top_level_package(tmp_path):
    """``pip install .`` puts ``lkj`` into site-packages, with its data files, and no ``db`` or ``pipeline``."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(REPO)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("lkj-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")} == {"lkj"}
    assert {"lkj/extract/data/kpu_units.csv", "lkj/db/data/equivalences.csv", "lkj/db/metadata.yml",
            "lkj/pipeline/cli.py", "lkj/corpus/samples/build.py"} <= set(names)
