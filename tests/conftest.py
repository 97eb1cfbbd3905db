"""Shared fixtures: the sample corpus processed once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from pipeline.runner import RunSummary, run

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus" / "data"
REAL = REPO.parent / "shared" / "corpus" / "real"
REAL_LABELS = REPO / "tests" / "labels" / "real"


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory) -> tuple[sqlite_utils.Database, RunSummary, Path]:
    """The whole sample corpus (born-digital, scans, broken files) run into a fresh database."""
    folder = tmp_path_factory.mktemp("corpus-run")
    db_path = folder / "lkj.db"
    summary = run([CORPUS], db_path)
    return sqlite_utils.Database(db_path), summary, db_path


@pytest.fixture(scope="session")
def corpus_db(corpus_run) -> sqlite_utils.Database:
    return corpus_run[0]
