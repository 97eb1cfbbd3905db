"""A cache that cannot serve stale results (issue 15): editing the code a stage runs recomputes it.

The guarded modules are edited in a temporary copy of the package's sources, which
the fingerprint is then pointed at: no stage number is bumped, yet the stages that
run the edited module (and only they) are recomputed, and a report loaded by the
older code is redone by a plain ``run``.
"""
from __future__ import annotations

import shutil

import pytest
from sqlite_utils import Database

from lkj.pipeline import versions
from lkj.pipeline.inputs import InputFile, sha256_of
from lkj.pipeline.runner import run
from lkj.pipeline.runner_core import process_document
from lkj.pipeline.workdir import WorkFolder
from tests.conftest import CORPUS

SAMPLE = CORPUS / "born-digital" / "kpu-ri-2022.pdf"
STAGES = [name for name, _ in versions.STAGE_VERSIONS]


@pytest.fixture
def edited_copy(tmp_path, monkeypatch):
    """A copy of the sources; ``edit(module)`` changes one module and points the fingerprint at the copy."""
    folders = dict(versions.package_folders())
    for package in ("lkj.extract", "lkj.pipeline"):
        copy = tmp_path / "src" / package
        shutil.copytree(folders[package], copy, ignore=shutil.ignore_patterns("__pycache__"))
        folders[package] = copy

    def edit(module: str) -> None:
        path = versions.module_path(module, folders)
        path.write_text(path.read_text(encoding="utf-8").replace('"""', '"""Edited. ', 1), encoding="utf-8")
        monkeypatch.setattr(versions, "package_folders", lambda: folders)
        versions.fingerprints.cache_clear()

    yield edit
    versions.fingerprints.cache_clear()


def test_the_fingerprint_follows_the_imports():
    closure = versions.code_closure(("lkj.pipeline.extract_stage",), versions.package_folders())
    assert {"lkj.extract.tables", "lkj.extract.cell_finder", "lkj.extract.warning_codes"} <= closure.keys()
    assert "lkj.extract.file_name" not in closure and "lkj.db.load" not in closure
    numbers = "/".join(f"{name}{number}" for name, number in versions.STAGE_VERSIONS[:3])
    assert versions.stage_key("extract") == f"{numbers}@{versions.fingerprints()['extract']}"


def test_an_edited_module_changes_the_keys_of_the_stages_that_run_it(edited_copy):
    before = {stage: versions.stage_key(stage) for stage in STAGES}
    edited_copy("lkj.extract.file_name")  # read by interpret only
    after = {stage: versions.stage_key(stage) for stage in STAGES}
    assert [stage for stage in STAGES if before[stage] != after[stage]] == ["interpret", "normalize"]


def test_an_edited_module_recomputes_its_stage_and_the_report(edited_copy, tmp_path):
    file = InputFile(SAMPLE, sha256_of(SAMPLE), SAMPLE.stat().st_size)
    work = WorkFolder(tmp_path / "work")
    db_path = tmp_path / "lkj.db"
    assert run([SAMPLE], db_path, work.root).reports == 1
    assert process_document(file, work).cached_stages == STAGES  # nothing changed: all served
    assert run([SAMPLE], db_path, work.root).unchanged == 1
    loaded_by = versions.extractor_version()

    edited_copy("lkj.extract.tables")  # read by extract
    assert process_document(file, work).cached_stages == ["ingest", "ocr"]
    again = run([SAMPLE], db_path, work.root)  # no --force
    assert again.unchanged == 0 and again.reports == 1
    stored = Database(db_path).execute("select extractor_version from reports").fetchone()[0]
    assert stored == versions.extractor_version() != loaded_by
