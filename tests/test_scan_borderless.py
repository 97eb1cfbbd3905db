"""Scans of tables printed without ruling lines: read from the OCR'd words' alignment.

A scanned page has no grid to find when its table was printed borderless (the
``kip-kab-aceh-besar-2021`` sample's measurement and plan tables); before the OCR stage
read such pages as word-aligned tables (``ocr-words``) lkj found no table in the scan at
all (0 of 121 value fields on a scan of that sample). The scan is made afresh on every
run, as ``corpus/samples/scans.py`` makes the sample scans (150 dpi, tilt, blur, grain,
speckle, JPEG), from a new seed that is printed (``LKJ_SCAN_SEED`` reproduces it), so the
test holds for the class, not for one image.
"""
from __future__ import annotations

import json
import os
import random
import shutil

import pytest

from lkj.extract.ocr_tesseract import tesseract_available
from tests.conftest import CORPUS

SOURCE = "kip-kab-aceh-besar-2021"
#: Share of value fields right on the scan (issue 17's bar is 0.99). Measured on seeds 1-6:
#: 104, 101, 73, 96, 89 and 101 of 121 (0.60-0.86). The misses are OCR's: letters misread in
#: the cells ("4Lap"), specks read as "-" or "." beside a value, and a table cut short where a
#: line of noise stops it; the floor guards the class (before: 0 of 121, no table found) and
#: only moves up.
VALUE_FLOOR = 0.55

if tesseract_available():
    pytest.skip(tesseract_available(), allow_module_level=True)
if not shutil.which("pdftoppm"):
    pytest.skip("pdftoppm (poppler-utils) is needed to render the source pages", allow_module_level=True)


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    import sqlite_utils

    from lkj.corpus.evaluate import score_report
    from lkj.corpus.samples.scans import degrade, image_pdf, render, scan_expected, subset_pages
    from lkj.pipeline.runner import run

    seed = int(os.environ.get("LKJ_SCAN_SEED") or random.SystemRandom().randrange(1, 10**9))
    print(f"\nborderless scan: LKJ_SCAN_SEED={seed}")
    rng = random.Random(seed)
    folder = tmp_path_factory.mktemp("borderless-scan")
    born = CORPUS / "born-digital"
    expected = json.loads((born / f"{SOURCE}.expected.json").read_text(encoding="utf-8"))
    pages = subset_pages(expected)
    images, angles = [], []
    for page in pages:
        image, angle = degrade(render(born / f"{SOURCE}.pdf", page, 150, folder), rng)
        images.append(image)
        angles.append(angle)
    scan = folder / "in" / f"{SOURCE}-scan.pdf"
    scan.parent.mkdir()
    image_pdf(images, 150, scan)
    run([scan.parent], folder / "lkj.db", workers=1)
    db = sqlite_utils.Database(folder / "lkj.db")
    return db, score_report(db, scan_expected(expected, scan.name, pages, angles))


def test_the_borderless_measurement_table_is_read_from_the_scan(scored):
    db, score = scored
    flavors = {row["flavors"] for row in db.query("select flavors from report_tables where kind = 'measurement'")}
    assert flavors == {"ocr-words"}
    assert score.identity.ratio == 1.0, score.identity.misses
    print(f"value fields {score.indicators.right}/{score.indicators.total}")
    assert score.indicators.ratio >= VALUE_FLOOR, score.indicators.misses
