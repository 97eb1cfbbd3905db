"""Accuracy on hand-labelled real reports (LKjIP/LKIP of other institutions).

The PDFs live in ../shared/corpus/real (not in this repo); the labels, checked
against the page images, live in tests/labels/real. Reported separately from the
generated corpus. Run with -s to see the per-report figures.
"""
from __future__ import annotations

import json

import pytest
import sqlite_utils

from corpus.evaluate import score_report
from pipeline.runner import run
from tests.conftest import REAL, REAL_LABELS

#: Floor of the aggregate indicator-field accuracy over the born-digital labelled
#: reports, as measured; it only ever moves up. Issue 4 asks for 0.90.
AGGREGATE_FLOOR = 0.99
#: LKj reports whose main table is not found yet (tracked on issue 4); this set only shrinks.
KNOWN_MISSING_MAIN: set[str] = set()
LABELS = [p for p in sorted(REAL_LABELS.glob("*.json")) if p.name != "INDEX.json"]


def _born_digital(label: dict) -> bool:
    return label.get("source") == "real-label"


@pytest.fixture(scope="module")
def real_db(tmp_path_factory) -> sqlite_utils.Database:
    if not REAL.is_dir():
        pytest.skip(f"real reports not found at {REAL} (they are not part of this repo)")
    files = [REAL / json.loads(p.read_text(encoding="utf-8"))["file"] for p in LABELS]
    db_path = tmp_path_factory.mktemp("real") / "real.db"
    run([f for f in files if f.exists()], db_path)
    return sqlite_utils.Database(db_path)


def test_every_lkj_gets_unit_year_and_main_table(real_db):
    index = json.loads((REAL_LABELS / "INDEX.json").read_text(encoding="utf-8"))
    for entry in index:
        if not entry.get("lkj", True) or entry["file"].endswith("-scan.pdf"):
            continue
        report = next(iter(real_db.query("select * from reports where file_name = ?", [entry["file"]])), None)
        if report is None:
            continue  # an LKj without a hand label is run by the crash test below
        assert report["year"] == entry["year"], entry["file"]
        assert report["unit_id"], entry["file"]
        mains = list(real_db.query("select pages from report_tables where report_id = ? and is_main = 1", [report["id"]]))
        assert bool(mains) != (entry["file"] in KNOWN_MISSING_MAIN), f"main table of {entry['file']}: {mains}"


def test_labelled_real_reports(real_db):
    right = total = 0
    for path in LABELS:
        label = json.loads(path.read_text(encoding="utf-8"))
        if not _born_digital(label):
            continue
        score = score_report(real_db, label)
        right += score.indicators.right
        total += score.indicators.total
        print(f"{label['file']:<55} unit/year {score.identity.right}/{score.identity.total}  "
              f"indicators {score.indicators.right}/{score.indicators.total} ({score.indicators.ratio:.2%})")
    print(f"real born-digital total: {right}/{total} ({right / total:.2%})")
    assert right / total >= AGGREGATE_FLOOR


def test_all_real_pdfs_process_without_crashing(tmp_path):
    if not REAL.is_dir():
        pytest.skip(f"real reports not found at {REAL}")
    summary = run([REAL], tmp_path / "all.db")
    db = sqlite_utils.Database(tmp_path / "all.db")
    internal = list(db.query("select file_name from reports where failure_reason = 'internal_error'"))
    assert summary.reports == len(list(REAL.glob("*.pdf"))) and internal == []
