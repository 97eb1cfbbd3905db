"""Scans made afresh on every run from born-digital samples the scan tests do not hold.

The scans are made as ``corpus/samples/scans.py`` makes the sample scans (150 dpi, tilt,
blur, grain, speckle, JPEG; the cover and the table pages), from a new seed that is
printed (``LKJ_SCAN_SEED`` reproduces it), so each test holds for its class, not for
one image:

- **borderless tables** (``kip-kab-aceh-besar-2021``): a scanned page has no grid to
  find; before the OCR stage read such pages with the borderless reader on their words
  (``ocr-words``) lkj found no table in the scan at all (0 of 121 value fields);
- **a misread ``%``** (``kpu-provinsi-jawa-barat-2022``, ruled, ``90,00%``): Tesseract
  reads the blurred ``%`` glued to a figure as a digit (``90,006``) or a quote mark; the
  row's arithmetic and the table's shape of percentages put it back
  (``extract/percent_misreads.py``): 175 -> 199 of 209 value fields on one scan.
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil

import pytest

from lkj.extract.ocr_tesseract import tesseract_available
from tests.conftest import CORPUS

#: Share of value fields right on the borderless scan of fixed seeds (issue 17's bar is 0.99),
#: each floor only moving up. On fresh seeds the share varies too much for a floor that a new
#: seed cannot turn red by chance: seeds 1-6 gave 104, 101, 73, 96, 89, 101 of 121, so a fresh
#: seed is held to the class (the table is found from the words) and fixed seeds to the value
#: floors. Seed 1: 104/121. Seed 106611111 (a speck read ``8.`` with confidence 14 among the
#: header labels, and ``penyelenggaraan:`` glued to a speck across a gutter): 10/121 at stop 21,
#: no table at all after stop 22's borderless changes, 96/122 once both kinds of speck go. Seed
#: 479489418 (a ``:`` beside ``Sasaran`` made a column of its own): no table -> 101/121. Seed
#: 225384857 (``“Evaluasi``: a speck before a word bridged the gutter): 18 -> 93/121. Seed 3
#: (a speck read ``—`` alone in the gutter joined two cells): 73 -> 108/121.
VALUE_FLOORS = {1: 0.80, 3: 0.85, 106611111: 0.75, 225384857: 0.75, 479489418: 0.80}
#: The same for the ruled table whose percentages OCR misreads: 199/209 (0.95) on the unseen
#: scan; before the repair 175/209 (0.84).
PERCENT_FLOOR = 0.90

if tesseract_available():
    pytest.skip(tesseract_available(), allow_module_level=True)
if not shutil.which("pdftoppm"):
    pytest.skip("pdftoppm (poppler-utils) is needed to render the source pages", allow_module_level=True)


def _scan_and_score(source: str, folder, seed: int | None = None):
    import sqlite_utils

    from lkj.corpus.evaluate import score_report
    from lkj.corpus.samples.scans import degrade, image_pdf, render, scan_expected, subset_pages
    from lkj.pipeline.runner import run

    if seed is None:
        seed = int(os.environ.get("LKJ_SCAN_SEED") or random.SystemRandom().randrange(1, 10**9))
    print(f"\n{source} scan: LKJ_SCAN_SEED={seed}")
    rng = random.Random(seed)
    born = CORPUS / "born-digital"
    expected = json.loads((born / f"{source}.expected.json").read_text(encoding="utf-8"))
    pages = subset_pages(expected)
    images, angles = [], []
    for page in pages:
        image, angle = degrade(render(born / f"{source}.pdf", page, 150, folder), rng)
        images.append(image)
        angles.append(angle)
    scan = folder / "in" / f"{source}-scan.pdf"
    scan.parent.mkdir()
    image_pdf(images, 150, scan)
    run([scan.parent], folder / "lkj.db", workers=1)
    db = sqlite_utils.Database(folder / "lkj.db")
    return db, score_report(db, scan_expected(expected, scan.name, pages, angles))


def test_the_borderless_measurement_table_is_read_from_the_scan(tmp_path):
    db, score = _scan_and_score("kip-kab-aceh-besar-2021", tmp_path)
    flavors = {row["flavors"] for row in db.query("select flavors from report_tables where kind = 'measurement'")}
    assert flavors == {"ocr-words"}
    assert score.identity.ratio == 1.0, score.identity.misses
    print(f"value fields {score.indicators.right}/{score.indicators.total}")
    assert score.indicators.right > 0


@pytest.mark.parametrize("seed", sorted(VALUE_FLOORS))
def test_the_borderless_scan_of_a_fixed_seed_keeps_its_value_fields(tmp_path, seed):
    _, score = _scan_and_score("kip-kab-aceh-besar-2021", tmp_path, seed=seed)
    print(f"value fields {score.indicators.right}/{score.indicators.total}")
    assert score.indicators.ratio >= VALUE_FLOORS[seed], score.indicators.misses


def test_a_misread_percent_is_put_back_where_the_row_proves_it(tmp_path):
    db, score = _scan_and_score("kpu-provinsi-jawa-barat-2022", tmp_path)
    assert score.identity.ratio == 1.0, score.identity.misses
    print(f"value fields {score.indicators.right}/{score.indicators.total}")
    assert score.indicators.ratio >= PERCENT_FLOOR, score.indicators.misses
    for warning in db.query("select message from warnings where code = 'ocr_percent_read'"):
        assert re.search(r"taken as '[^']*%' \(a misread '%'\)$", warning["message"]), warning["message"]
