"""OCR accuracy on the sample corpus's scans (image-only PDFs), field by field.

Issue 5 asks for 90% of indicator fields and every unit/year right; the floor below
is what is reached today and only moves up. Run with -s for the per-report figures.
"""
from __future__ import annotations

import pytest

from lkj.corpus.evaluate import score_report
from lkj.corpus.samples.expected import load_expected
from lkj.extract.ocr_tesseract import tesseract_available
from tests.conftest import CORPUS

SCANS = sorted((CORPUS / "scans").glob("*.expected.json"))
AGGREGATE_FLOOR = 0.96


@pytest.fixture(scope="module")
def scores(corpus_db):
    if tesseract_available():
        pytest.skip(tesseract_available())
    return [score_report(corpus_db, load_expected(p)) for p in SCANS]


def test_scans_are_read_by_ocr(corpus_db, scores):
    for path in SCANS:
        report = next(iter(corpus_db.query("select * from reports where file_name = ?", [load_expected(path)["file"]])))
        assert report["scanned"] == 1 and report["status"] in ("ok", "partial")


def test_scan_accuracy(scores):
    right = total = 0
    for score in scores:
        print(f"{score.file:<42} unit/year {score.identity.right}/{score.identity.total}  "
              f"indicators {score.indicators.right}/{score.indicators.total} ({score.indicators.ratio:.2%})  "
              f"budget {score.budget.right}/{score.budget.total}")
        assert score.identity.ratio == 1.0, score.identity.misses
        assert score.budget.ratio == 1.0, score.budget.misses  # a lost column rule or a misread % header is mended
        right += score.indicators.right
        total += score.indicators.total
    print(f"scans total: {right}/{total} ({right / total:.2%})")
    assert right / total >= AGGREGATE_FLOOR
