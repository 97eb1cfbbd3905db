"""A ruled table that runs on to a page triage does not pick is still read whole.

``tests/data/continued-table.pdf`` (made by ``make_continued_table_pdf.py`` with
LibreOffice) holds a main table of 36 indicators whose second page repeats no header
and prints none of the header words triage looks for.
"""
from __future__ import annotations

import json

import sqlite_utils

from lkj.extract.model import OcrResult
from lkj.pipeline.extract_stage import extract
from lkj.pipeline.ingest import ingest
from lkj.pipeline.inputs import InputFile, sha256_of
from lkj.pipeline.runner import run
from tests.conftest import REPO

PDF = REPO / "tests" / "data" / "continued-table.pdf"
EXPECTED = json.loads((REPO / "tests" / "data" / "continued-table.expected.json").read_text(encoding="utf-8"))


def test_the_page_after_a_table_that_runs_to_the_foot_is_read():
    extracted = extract(ingest(InputFile(PDF, sha256_of(PDF), PDF.stat().st_size)), OcrResult())
    assert extracted.candidate_pages == [1]
    assert extracted.followed_pages == [2]
    assert {t.page for t in extracted.tables} == {1, 2}


def test_every_row_of_the_continued_table_is_loaded(tmp_path):
    run([PDF], tmp_path / "lkj.db")
    db = sqlite_utils.Database(tmp_path / "lkj.db")
    got = [(r["goal_no"], r["indicator"], r["realization_raw"], r["realization"], r["page"])
           for r in db.query("select * from indicators order by row_no")]
    expected = [(e["goal_no"], e["indicator"], e["realization_raw"], e["realization"]) for e in EXPECTED["indicators"]]
    assert [g[:4] for g in got] == expected
    assert {g[4] for g in got} == {1, 2}
