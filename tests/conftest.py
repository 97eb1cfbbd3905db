"""Shared fixtures: the sample corpus processed once per test session."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
import sqlite_utils

from lkj.extract.pdfium_objects import use_pdfium_objects
from lkj.pipeline.runner import RunSummary, run

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


def pages_with_pdfium_objects(path: Path) -> Iterator[pdfplumber.page.Page]:
    """Every page of ``path`` with the objects the extract stage gives it (pdfium's), flushed once used."""
    with pdfplumber.open(path) as pdf:
        document = pdfium.PdfDocument(str(path))
        try:
            for page in pdf.pages:
                use_pdfium_objects(document, page)
                yield page
                page.flush_cache()
        finally:
            document.close()
