"""Which code produced a result: stage numbers for people, a fingerprint of the code for the cache.

A stage's result is cached in the work folder under a key (``stage_key``) made of

- the stage numbers of ``STAGE_VERSIONS`` up to that stage: bumped by hand when a
  change alters what a stage outputs, and explained in CHANGELOG.md, so that a
  reader of the key or of ``reports.extractor_version`` knows which documented
  behaviour produced it;
- a fingerprint of the code: the package version and the sha256 of the source of
  every ``lkj`` module the stages up to that one import (followed through their own
  imports, lazy ones included) and of the data files of their packages
  (``extract/data``: the gazetteer). Any edit to that code recomputes the stage,
  whether or not anybody bumped a number: hand-bumped numbers alone served stale
  results after changes in ``extract/`` that moved the scan accuracy from 84 % to 96 %.

``extractor_version()`` (stored in ``reports.extractor_version``) carries the same
fingerprint over everything that shapes a report row (the stages, the runner, the
loader), so ``lkj run`` redoes a report loaded by other code without ``--force``.
The fingerprint is computed once per process (a few ms: only the sources' import
statements are parsed). Kept apart from the stages so that the CLI can answer
``lkj --version`` without importing them.
"""
from __future__ import annotations

import ast
import hashlib
import importlib.util
import re
import textwrap
from collections.abc import Iterator
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE_VERSION = metadata.version("lkj")
#: Stages in the order they run, with their output versions (see CHANGELOG.md).
STAGE_VERSIONS: tuple[tuple[str, int], ...] = (
    ("ingest", 5),
    ("ocr", 8),
    ("extract", 15),
    ("interpret", 18),
    ("normalize", 12),
)
#: The module that runs each stage: its imports, followed, are the code the stage runs.
STAGE_MODULES = {
    "ingest": "lkj.pipeline.ingest",
    "ocr": "lkj.pipeline.ocr_stage",
    "extract": "lkj.pipeline.extract_stage",
    "interpret": "lkj.pipeline.interpret",
    "normalize": "lkj.pipeline.normalize",
}
#: Everything that shapes a report row: the stages (through the runner) and the loader.
REPORT_MODULES = ("lkj.pipeline.runner_core", "lkj.db.load")
PACKAGES = ("lkj.extract", "lkj.pipeline", "lkj.db", "lkj.corpus")
_DIGITS = 12


@lru_cache(maxsize=1)
def package_folders() -> dict[str, Path]:
    """The folder of each ``lkj`` package (found without importing it)."""
    folders = {}
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            folders[name] = Path(next(iter(spec.submodule_search_locations)))
    return folders


def module_path(name: str, folders: dict[str, Path]) -> Path | None:
    """The source file of ``lkj`` module ``name``, or None when it is not one."""
    for package, folder in folders.items():
        if name == package:
            return folder / "__init__.py"
        if name.startswith(package + "."):
            base = folder.joinpath(*name[len(package) + 1:].split("."))
            for path in (base.with_suffix(".py"), base / "__init__.py"):
                if path.is_file():
                    return path
    return None


#: The start of an import statement, at the top of a module or indented inside a function.
_IMPORT_START = re.compile(r"^[ \t]*(?:import[ \t]|from[ \t]+[\w.]+[ \t]+import\b)", re.MULTILINE)


def _import_statements(source: str) -> Iterator[ast.stmt]:
    """The import statements of ``source``, each parsed on its own.

    Parsing only these lines (a parenthesised name list followed to its ``)``) rather than
    the whole module takes the fingerprint from about 0.6 s to a few ms per process, which
    every ``lkj run`` pays; a line in a string that looks like an import can only add a
    module to the fingerprint, never drop one."""
    for start in _IMPORT_START.finditer(source):
        end = source.find("\n", start.end())
        end = len(source) if end < 0 else end
        statement = source[start.start():end]
        if "(" in statement and ")" not in statement:
            close = source.find(")", end)
            statement = source[start.start(): close + 1] if close > 0 else statement
        try:
            yield from ast.parse(textwrap.dedent(statement)).body
        except SyntaxError:  # an import-like line inside a docstring
            continue


def _imported(name: str, source: str, folders: dict[str, Path]) -> set[str]:
    """The ``lkj`` modules a module's source imports, at the top or inside functions."""
    package = name.rpartition(".")[0]
    found: set[str] = set()
    for node in _import_statements(source):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # ``from pkg import module``
    return {module for module in found if module.startswith("lkj.") and module_path(module, folders)}


class _Modules:
    """The ``lkj`` modules met so far, each read and parsed once: source and the modules it imports."""

    def __init__(self, folders: dict[str, Path]) -> None:
        self.folders = folders
        self.sources: dict[str, str] = {}
        self.imports: dict[str, set[str]] = {}

    def closure(self, roots: tuple[str, ...]) -> dict[str, str]:
        """Source text of ``roots`` and every ``lkj`` module they import, followed: module -> source."""
        reached: dict[str, str] = {}
        pending = list(roots)
        while pending:
            name = pending.pop()
            if name in reached:
                continue
            if name not in self.sources:
                path = module_path(name, self.folders)
                if path is None:
                    continue
                self.sources[name] = path.read_text(encoding="utf-8")
                self.imports[name] = _imported(name, self.sources[name], self.folders)
            reached[name] = self.sources[name]
            pending.extend(self.imports[name] - reached.keys())
        return reached


def code_closure(roots: tuple[str, ...], folders: dict[str, Path]) -> dict[str, str]:
    """Source text of ``roots`` and every ``lkj`` module they import, followed: module -> source."""
    return _Modules(folders).closure(roots)


def fingerprint(roots: tuple[str, ...], modules: _Modules | None = None) -> str:
    """sha256 of the package version, the code ``roots`` run and their packages' data files."""
    modules = _Modules(package_folders()) if modules is None else modules
    folders = modules.folders
    sources = modules.closure(roots)
    digest = hashlib.sha256(PACKAGE_VERSION.encode())
    for name in sorted(sources):
        digest.update(f"\0{name}\0".encode() + sources[name].encode())
    for package in sorted({p for p in folders for name in sources if name == p or name.startswith(p + ".")}):
        data = folders[package] / "data"
        for path in sorted(data.rglob("*")) if data.is_dir() else ():
            if path.is_file() and path.suffix != ".pyc":
                digest.update(f"\0{path.relative_to(folders[package])}\0".encode() + path.read_bytes())
    return digest.hexdigest()[:_DIGITS]


@lru_cache(maxsize=1)
def fingerprints() -> dict[str, str]:
    """Each stage's code fingerprint (the stages before it included), and the report's (``"report"``)."""
    names = [name for name, _ in STAGE_VERSIONS]
    modules = _Modules(package_folders())
    found = {name: fingerprint(tuple(STAGE_MODULES[n] for n in names[: names.index(name) + 1]), modules)
             for name in names}
    found["report"] = fingerprint(REPORT_MODULES, modules)
    return found


def stage_key(stage: str) -> str:
    """Versions of ``stage`` and every stage before it, and the fingerprint of their code."""
    names = [name for name, _ in STAGE_VERSIONS]
    numbers = "/".join(f"{name}{number}" for name, number in STAGE_VERSIONS[: names.index(stage) + 1])
    return f"{numbers}@{fingerprints()[stage]}"


def extractor_version() -> str:
    """What ``reports.extractor_version`` records: e.g. ``lkj 0.1.0 (ingest v2, ..., normalize v4; code 3f2a9c01b7de)``."""
    stages = ", ".join(f"{name} v{number}" for name, number in STAGE_VERSIONS)
    return f"lkj {PACKAGE_VERSION} ({stages}; code {fingerprints()['report']})"
