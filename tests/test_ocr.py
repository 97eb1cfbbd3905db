"""OCR of scanned pages (extract/ocr.py and the ocr_* modules it calls) against the committed scans, no mocks.

The Lampung Utara scan's main table (scan pages 2-4, from source pages 8-10) must come
out as ruled tables whose value cells match the expected raw values; a page turned by
a known angle must be detected within 0.5 degrees. OCR runs only on the pages needed
(about 25 s of the 60 s budget on 2 cores); the cell grids are also checked on a drawn
table without OCR.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import cv2
import numpy as np
import pypdfium2
import pytest
from PIL import Image

from lkj.extract.ocr import ocr_page, ocr_pages
from lkj.extract.ocr_cells import OcrPage, min_confidence_in, word_tables
from lkj.extract.ocr_image import render_page
from lkj.extract.ocr_rulings import find_grids, find_rulings
from lkj.extract.ocr_tesseract import (
    OcrWord,
    in_process,
    ocr_languages,
    run_tesseract,
    tesseract_available,
    tesseract_tsv,
)
from lkj.extract.raw_table import runs_to_foot
from lkj.extract.tables import extract_tables

ROOT = Path(__file__).resolve().parents[1]
SCANS = ROOT / "corpus" / "data" / "scans"
BORN = ROOT / "corpus" / "data" / "born-digital"
LAMPUNG_SCAN = SCANS / "kpu-kab-lampung-utara-2024-scan.pdf"
LAMPUNG_EXPECTED = SCANS / "kpu-kab-lampung-utara-2024-scan.expected.json"
LAMPUNG_BORN = BORN / "kpu-kab-lampung-utara-2024.pdf"

_MISSING = tesseract_available()
needs_tesseract = pytest.mark.skipif(
    _MISSING is not None, reason=f"OCR tests need Tesseract with Indonesian: {_MISSING}")


def squash(text: str | None) -> str:
    return " ".join((text or "").split())


# ---------------------------------------------------------------- the Lampung Utara scan


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads(LAMPUNG_EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def main_pages(expected) -> dict[int, OcrPage]:
    if _MISSING:
        pytest.skip(f"OCR tests need Tesseract with Indonesian: {_MISSING}")
    return {n: ocr_page(LAMPUNG_SCAN, n) for n in expected["main_table"]["pages"]}


def _value_columns(header: list[str | None]) -> dict[str, int]:
    """Columns of the value fields, by their (OCRed) header text."""
    found: dict[str, int] = {}
    for c, text in enumerate(header):
        label = squash(text).lower()
        if "realisasi" in label:
            found.setdefault("realization", c)
        elif "capaian" in label:
            found.setdefault("achievement", c)
        elif "target" in label and "kegiatan" in label:
            found.setdefault("Target (Kegiatan)", c)
        elif "target" in label:
            found.setdefault("target", c)
    return found


def _indicator_rows(page: OcrPage) -> tuple[list[dict[str, str]], object]:
    """Body rows of the page's main table (the widest ruled table) as field -> text."""
    table = max(page.tables, key=lambda t: t.raw.n_columns)
    header = next(i for i, row in enumerate(table.raw.rows) if len(_value_columns(row)) == 4)
    columns = _value_columns(table.raw.rows[header])
    rows = []
    for row in table.raw.rows[header + 1:]:
        values = {field: squash(row[c]) for field, c in columns.items()}
        if any(values.values()):  # a row whose values are all blank continues the row above
            rows.append(values)
    return rows, table


@needs_tesseract
def test_tesseract_is_installed():
    assert tesseract_available() is None


@needs_tesseract
def test_main_table_cells_match_expected_values(main_pages, expected):
    indicators = expected["indicators"]
    got: list[tuple[int, dict[str, str]]] = []
    for number, page in main_pages.items():
        assert page.rotation == 0
        rows, table = _indicator_rows(page)
        assert table.raw.flavor == "ocr-lattice"
        got += [(number, row) for row in rows]
    assert len(got) == len(indicators), "one body row per indicator"

    per_page: dict[int, list[int]] = {n: [0, 0] for n in main_pages}
    misses = []
    for (number, row), indicator in zip(got, indicators):
        wanted = {f: indicator[f]["raw"] for f in ("target", "realization", "achievement")}
        wanted["Target (Kegiatan)"] = indicator["extra"]["Target (Kegiatan)"]["raw"]
        for field, raw in wanted.items():
            per_page[number][1] += 1
            if squash(row[field]) == squash(raw):
                per_page[number][0] += 1
            else:
                misses.append(f"p{number} goal {indicator['goal_no']} {field}: {raw!r} read {row[field]!r}")
    for number, (right, total) in per_page.items():
        print(f"scan page {number}: {right}/{total} value cells = {right / total:.1%}")
    right = sum(r for r, _ in per_page.values())
    total = sum(t for _, t in per_page.values())
    print(f"all: {right}/{total} = {right / total:.1%}", *misses, sep="\n  ")
    assert right / total >= 0.9


@needs_tesseract
def test_main_table_structure_and_coordinates_match_the_born_digital_page(main_pages, expected):
    """Same grid as pdfplumber on the source page: rows, merged cells, spans in points."""
    source_pages = expected["pages_from_source"]
    for number, page in main_pages.items():
        reference = max(extract_tables(LAMPUNG_BORN, [source_pages[number - 1]]), key=lambda t: t.n_columns)
        _, table = _indicator_rows(page)
        raw = table.raw
        assert (page.width, page.height) == pytest.approx((595.68, 841.92), abs=1)
        assert len(raw.rows) == len(reference.rows)
        assert [[c is None for c in row] for row in raw.rows] == [[c is None for c in row] for row in reference.rows]
        assert raw.bbox == pytest.approx(reference.bbox, abs=4)
        for ours, theirs in zip(raw.spans, reference.spans):
            for a, b in zip(ours, theirs):
                assert (a is None) == (b is None)
                if a is not None:
                    assert a == pytest.approx(b, abs=4)
        if number == 2:  # the title is printed above the first part only (with the prose above it)
            assert "Tabel 5. Pengukuran Kinerja" in raw.title and "Tabel 5." in reference.title
        assert "Target" in page.text and "Realisasi" in page.text  # table rows are in the page text


@needs_tesseract
def test_confidences_follow_the_cells(main_pages):
    _, table = _indicator_rows(main_pages[2])
    rows = table.raw.rows
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            conf = min_confidence_in(table, r, c)
            if text is None:  # covered by a merged cell: the owner answers
                owner = table.owners[r][c]
                assert owner != (r, c) and conf == table.confidences[owner[0]][owner[1]]
            elif text.strip():
                assert conf is not None and 0 <= conf <= 100
            else:
                assert conf in (None, 0.0)
    assert min_confidence_in(table, 99, 0) is None
    # goal 4 spans two indicator rows: its NO cell covers the position below it
    goal4 = next(r for r, row in enumerate(rows) if squash(row[0]).startswith("4"))
    assert rows[goal4 + 1][0] is None and table.owners[goal4 + 1][0] == (goal4, 0)


# ---------------------------------------------------------------- rotation and skew


def _image_pdf(image: np.ndarray, dpi: int, path: Path) -> Path:
    Image.fromarray(image).save(path, resolution=dpi)
    return path


def _rendered_source_page(number: int, dpi: int = 150) -> np.ndarray:
    pdf = pypdfium2.PdfDocument(str(LAMPUNG_BORN))
    try:
        image = pdf[number - 1].render(scale=dpi / 72, grayscale=True).to_numpy().copy()
    finally:
        pdf.close()
    return image[:, :, 0] if image.ndim == 3 else image


def _tilt(image: np.ndarray, degrees: float) -> np.ndarray:
    """Turn the content counter-clockwise by ``degrees`` (OpenCV's sign), same canvas."""
    h, w = image.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


@needs_tesseract
@pytest.mark.parametrize("angle", [1.7, -0.8])
def test_skew_is_measured(tmp_path, angle):
    scan = _image_pdf(_tilt(_rendered_source_page(8), angle), 150, tmp_path / "tilted.pdf")
    page = ocr_page(scan, 1, tables=False)
    print(f"tilted {angle:+.2f}, measured {page.skew_degrees:+.2f}")
    assert page.rotation == 0
    assert abs(page.skew_degrees - angle) <= 0.5
    assert "Pengukuran" in page.text


@needs_tesseract
def test_turned_landscape_page_is_turned_back(tmp_path):
    """A portrait page scanned lying on its side (text running bottom to top) and tilted."""
    image = _tilt(_rendered_source_page(8), -1.2)
    image = cv2.rotate(image, cv2.ROTATE_90_COUNTERCLOCKWISE)
    scan = _image_pdf(image, 150, tmp_path / "turned.pdf")
    page = ocr_page(scan, 1)
    print(f"rotation {page.rotation}, skew {page.skew_degrees:+.2f}, {page.width} x {page.height}")
    assert page.rotation == 90
    assert abs(page.skew_degrees + 1.2) <= 0.5
    assert page.width < page.height  # the frame is the upright page
    assert any(t.raw.flavor == "ocr-lattice" and t.raw.n_columns == 7 for t in page.tables)
    assert re.search(r"Tersedianya\s+Sarana", page.text)


@needs_tesseract
def test_orientation_is_checked_only_when_the_page_does_not_read_upright(tmp_path, monkeypatch):
    """An upright page full of text skips Tesseract's OSD; the same page on its side still gets it, and is turned."""
    import lkj.extract.ocr as ocr_module

    checks = []
    check = ocr_module.detect_orientation
    monkeypatch.setattr(ocr_module, "detect_orientation", lambda image, dpi: checks.append(dpi) or check(image, dpi))
    upright = ocr_page(_image_pdf(_rendered_source_page(8), 150, tmp_path / "upright.pdf"), 1)
    assert upright.rotation == 0 and checks == []
    turned = ocr_page(_image_pdf(cv2.rotate(_rendered_source_page(8), cv2.ROTATE_90_CLOCKWISE), 150,
                                 tmp_path / "turned.pdf"), 1)
    assert turned.rotation == 270 and len(checks) == 1
    for page in (upright, turned):  # read the same way: the table upright, its text legible
        assert any(t.raw.flavor == "ocr-lattice" and t.raw.n_columns == 7 for t in page.tables)
        assert re.search(r"Tersedianya\s+Sarana", page.text)


BANDAR_SCAN = SCANS / "kpu-kota-bandar-lampung-2023-scan.pdf"


@needs_tesseract
def test_triage_reads_the_tables_only_on_the_pages_that_hold_them():
    """A prose page keeps its text and is not table-read; a table page is; the cover's text is read at full resolution."""
    pages = {p.number: p for p in ocr_pages(BANDAR_SCAN, [2, 5])}
    assert not pages[2].tables_read and pages[2].tables == []
    assert re.search(r"Puji\s+syukur", pages[2].text)
    assert pages[5].tables_read and any(t.raw.flavor == "ocr-lattice" for t in pages[5].tables)
    assert "Rencana Strategis" in pages[5].text


@needs_tesseract
def test_a_table_that_runs_to_the_foot_is_read_on_the_next_page(monkeypatch):
    """The page after a table that runs on is table-read even when triage would not pick it (its header is not repeated)."""
    import lkj.extract.ocr as ocr_module
    from lkj.extract.page_roles import triage_page

    monkeypatch.setattr(ocr_module, "triage_page", lambda n, text: triage_page(n, text if n == 7 else ""))
    first, second = ocr_pages(BANDAR_SCAN, [7, 8])
    assert first.tables_read and any(runs_to_foot(t.raw) for t in first.tables)
    assert second.tables_read and second.tables
    alone = next(ocr_pages(BANDAR_SCAN, [8]))
    assert not alone.tables_read and not alone.tables


@pytest.mark.skipif(not in_process(), reason="tesserocr is not installed (or links another Tesseract)")
def test_tesseract_in_process_reads_as_the_command_does():
    """tesserocr (the model kept loaded) gives the CLI's TSV word for word: a cell mosaic and a page text."""
    image, width, _ = render_page(LAMPUNG_SCAN, 2, 300)
    crop = image[image.shape[0] // 3:image.shape[0] // 2]
    for psm, dpi in (("6", 300), ("3", 200)):
        words = [line.split("\t")[6:] for line in tesseract_tsv(crop, psm, dpi).splitlines()[1:] if line.startswith("5")]
        cli = run_tesseract(crop, ["-l", ocr_languages(), "--psm", psm, "--dpi", str(dpi), "tsv"])
        assert words and words == [line.split("\t")[6:] for line in cli.splitlines()[1:] if line.startswith("5")]


# ---------------------------------------------------------------- no OCR needed


def test_grid_from_drawn_rules_with_merged_dashed_and_cut_rows():
    """Rules only: a merged cell, a dashed rule, grain, and a last row cut by the page break."""
    dpi = 300
    s = dpi / 72
    image = np.full((int(800 * s), int(600 * s)), 255, np.uint8)

    def p(v: float) -> int:
        return int(round(v * s))

    for y in (100, 130, 330):
        cv2.line(image, (p(100), p(y)), (p(500), p(y)), 0, 3)
    cv2.line(image, (p(100), p(200)), (p(350), p(200)), 0, 3)
    for x in range(350, 500, 6):  # dashed part of the same rule
        cv2.line(image, (p(x), p(200)), (p(x + 3), p(200)), 0, 3)
    cv2.line(image, (p(200), p(260)), (p(500), p(260)), 0, 3)  # first column merged over two rows
    for x in (100, 200, 350, 500):
        cv2.line(image, (p(x), p(100)), (p(x), p(380)), 0, 3)  # column rules run on: a cut row
    rng = np.random.default_rng(1)
    image[rng.integers(0, image.shape[0], 3000), rng.integers(0, image.shape[1], 3000)] = 100

    grids = find_grids(find_rulings(image, dpi), image.shape, dpi)
    assert len(grids) == 1
    grid = grids[0]
    assert [round(y / s) for y in grid.ys] == pytest.approx([100, 130, 200, 260, 330, 380], abs=2)
    assert [round(x / s) for x in grid.xs] == pytest.approx([100, 200, 350, 500], abs=2)
    assert grid.open_bottom
    labels = grid.labels
    assert labels[2, 0] == labels[3, 0]  # merged
    assert len({int(v) for v in labels.ravel()}) == labels.size - 1
    assert labels[1, 2] != labels[2, 2]  # the dashed stretch is a rule


def _words(lines: list[tuple[float, list[tuple[float, str]]]]) -> list[OcrWord]:
    words = []
    for top, items in lines:
        for x0, text in items:
            words.append(OcrWord(text, x0, top, x0 + 6 * len(text), top + 10, 90.0))
    return words


def test_borderless_table_from_word_alignment():
    lines = [
        (100, [(72, "Rencana"), (118, "kerja")]),  # prose above
        (130, [(72, "No"), (100, "Indikator"), (300, "Target"), (380, "Realisasi")]),
        (145, [(72, "1."), (100, "Persentase"), (166, "laporan"), (300, "100%"), (380, "90%")]),
        (158, [(100, "tepat"), (136, "waktu")]),  # wrapped cell
        (171, [(72, "2."), (100, "Jumlah"), (142, "dokumen"), (300, "4"), (380, "4 Dok")]),
        (200, [(72, "Demikian"), (126, "laporan"), (172, "ini.")]),  # prose below
    ]
    page = OcrPage(1, "", _words(lines), 595.0, 842.0, 0, 0.0, 90.0)
    tables = word_tables(page)
    assert len(tables) == 1
    raw = tables[0].raw
    assert raw.flavor == "ocr-words"
    assert raw.rows[0] == ["No", "Indikator", "Target", "Realisasi"]
    assert raw.rows[1] == ["1.", "Persentase laporan", "100%", "90%"]
    assert raw.rows[2] == ["", "tepat waktu", "", ""]
    assert raw.rows[3] == ["2.", "Jumlah dokumen", "4", "4 Dok"]
    assert raw.title == "Rencana kerja"
    assert min_confidence_in(tables[0], 2, 2) is None and min_confidence_in(tables[0], 1, 2) == 90.0
