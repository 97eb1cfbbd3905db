"""Accuracy on hand-labelled real reports (LKjIP/LKIP of other institutions).

The PDFs live in ../shared/corpus/real (not in this repo); the labels, checked
against the page images, live in tests/labels/real. Reported separately from the
generated corpus. Run with -s to see the per-report figures.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pikepdf
import pytest
import sqlite_utils

from lkj.corpus.evaluate import score_report
from lkj.pipeline.runner import RunSummary, run
from tests.conftest import REAL, REAL_LABELS

#: Floor of the aggregate indicator-field accuracy over the born-digital labelled
#: reports, as measured; it only ever moves up. Issue 4 asks for 0.90.
AGGREGATE_FLOOR = 0.99
#: Floor of the budget figures right (programmes' pagu, realisation and absorption, and the two
#: totals) over the labelled real reports; only moves up. Measured 152/301 (Sumut 2021's per-OPD table,
#: its title rows ruled inside the grid, not read) and 301/301 with title rows as the table's title
#: and a PERSEN header read as the absorption (budgets branch).
BUDGET_FLOOR = 1.0
#: LKj reports whose main table is not found yet (tracked on issue 4); this set only shrinks.
KNOWN_MISSING_MAIN: set[str] = set()
LABELS = [p for p in sorted(REAL_LABELS.glob("*.json")) if p.name != "INDEX.json"]


def _born_digital(label: dict) -> bool:
    return label.get("source") == "real-label"


#: The 142-page scanned DSDA LKIP is run on its first 39 pages: the cover, the summary
#: and chapters 2-3 with the main table (p. 27) and the budget tables (pp. 32, 38). Its
#: 103 pages of annexes would add about six minutes of OCR to every CI run and exercise
#: nothing the first 39 do not; the whole scan is timed by the benchmark
#: (``python -m benchmarks.bench --corpus ../shared/corpus/real``).
SCAN_PAGES = {"lkip-dsda-jabar-2016-scan.pdf": 39}


def _first_pages(source: Path, target: Path, pages: int) -> None:
    with pikepdf.open(source) as pdf:
        del pdf.pages[pages:]
        pdf.save(target)


@pytest.fixture(scope="module")
def real_run(tmp_path_factory) -> tuple[RunSummary, sqlite_utils.Database]:
    """All real PDFs in one run, so each is processed once by this module."""
    if not REAL.is_dir():
        pytest.skip(f"real reports not found at {REAL} (they are not part of this repo)")
    folder = tmp_path_factory.mktemp("real")
    inputs = folder / "pdf"
    inputs.mkdir()
    for pdf in sorted(REAL.glob("*.pdf")):
        if pdf.name in SCAN_PAGES:
            _first_pages(pdf, inputs / pdf.name, SCAN_PAGES[pdf.name])
        else:
            shutil.copy(pdf, inputs / pdf.name)
    summary = run([inputs], folder / "real.db")
    return summary, sqlite_utils.Database(folder / "real.db")


@pytest.fixture(scope="module")
def real_db(real_run) -> sqlite_utils.Database:
    return real_run[1]


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


def test_real_budgets(real_db):
    right = total = 0
    for path in LABELS:
        score = score_report(real_db, json.loads(path.read_text(encoding="utf-8")))
        right += score.budget.right
        total += score.budget.total
    print(f"real budget figures: {right}/{total}")
    assert total >= 300 and right / total >= BUDGET_FLOOR


def test_all_real_pdfs_process_without_crashing(real_run):
    summary, db = real_run
    internal = list(db.query("select file_name from reports where failure_reason = 'internal_error'"))
    assert summary.reports == len(list(REAL.glob("*.pdf"))) and internal == []


def test_scanned_lkip_gets_unit_and_year_by_ocr(real_db):
    """The DSDA LKIP is a 1-bit 100 dpi scan with a header row binarised to black.

    Its unit and year come from OCR text alone. Its main table (p. 27) is not found
    yet: the scan turned that table's shaded header row into a solid black band with no
    print left in it, so the table has no header to be classed by (``main_table`` in its
    label says where it is).
    """
    label = json.loads((REAL_LABELS / "lkip-dsda-jabar-2016-scan.json").read_text(encoding="utf-8"))
    score = score_report(real_db, label)
    print(f"{label['file']}: unit/year {score.identity.right}/{score.identity.total}")
    assert score.identity.ratio == 1.0, score.identity.misses
    report = next(iter(real_db.query("select scanned from reports where file_name = ?", [label["file"]])))
    assert report["scanned"] == 1
