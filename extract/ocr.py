"""OCR of scanned pages into the same page text and ``RawTable`` cells as born-digital pages.

This module reads a page from start to end (``ocr_page``, ``ocr_pages``) and decides
which way up it is; the steps it calls live by job in ``extract.ocr_tesseract``
(running Tesseract), ``extract.ocr_image`` (the page image), ``extract.ocr_rulings``
(ruling lines and cell grids) and ``extract.ocr_cells`` (reading the cells into tables).
A scanned LKj page (an image with no text layer) goes through:

1. **render** the page with pypdfium2 (grayscale, ``dpi``; one page image in memory at
   a time; a poster-sized page at a lower resolution, so that its image stays within
   ``MAX_PIXELS``), ``ocr_image.render_page``;
2. **orientation**: Tesseract's OSD (``--psm 0``) says how far the page must be turned
   (landscape tables are often bound rotated by 90 degrees), see ``detect_orientation``;
   it runs only when the page read as it is (steps 3-5 and the page text of step 7)
   gives few words or unsure ones (``_reads_upright``), and a turned page is read again;
3. **deskew**: the small tilt of a crooked scan is the angle that makes the horizontal
   projection profile of the ink sharpest (text lines and ruling lines then fall into
   few pixel rows); searched in -5..5 degrees, precise to about 0.05 degrees
   (``ocr_image.estimate_skew``);
4. **background**: the page is divided by its own background (``ocr_image.normalize_background``):
   grey-shaded header rows, JPEG grain and uneven light become flat white;
5. **ruling lines**: solid rules by morphological opening with long thin kernels,
   dashed and dotted rules by chaining their pieces; a solid black bar (a header row
   printed white on black) adds its edges (``ocr_rulings.find_rulings``);
6. **cell grid** from the rules (``ocr_rulings.find_grids``): a grid position whose border rule is
   missing is merged with its neighbour; the merged cell's text goes to its first
   position and the positions it covers are ``None``, as pdfplumber reports merged cells;
7. **OCR**: the page outside the tables with ``tesseract -l ind+eng --psm 3 tsv`` (page
   text, words, confidences), and every non-blank table cell on its own: the cells of
   a page are pasted one under another on a white mosaic, enlarged to 450 dpi and read
   in one ``--psm 6`` call (``ocr_cells._read_cells``). Whole-page layout analysis drops and merges
   table text; one cell per band cannot be confused with its neighbours;
8. **tables**: ``flavor="ocr-lattice"`` for ruled tables (``ocr_cells.ocr_tables``);
   ``flavor="ocr-words"`` for borderless ones by word alignment
   (``ocr_cells.word_tables``, only when asked for).

Every coordinate is in PDF points of the page *as it should be read*: the frame is the
de-rotated, deskewed page (origin top-left, like pdfplumber), and ``OcrPage.width`` and
``height`` are that frame's size (swapped for a page turned by 90 degrees).

Tesseract runs as a subprocess (the CLI), not through pytesseract (see
``extract.ocr_tesseract``). OCRmyPDF was not used:
it produces a PDF with an invisible text layer (hOCR rendered into the PDF), which
carries neither the word confidences nor the table rules of an image-only page (so
pdfplumber could still not build the grid), and it needs Ghostscript and runs its own
process pool per document. Design notes and measurements: ``docs/ocr.md``.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from lkj.extract.ocr_cells import OcrPage, ocr_tables, word_tables
from lkj.extract.ocr_image import (
    DEFAULT_DPI,
    deskew,
    estimate_skew,
    normalize_background,
    render_page,
    render_scale,
    shrink,
    turn,
)
from lkj.extract.ocr_rulings import CellGrid, Rulings, find_grids, find_rulings
from lkj.extract.ocr_tesseract import OcrWord, osd, parse_tsv, tesseract_tsv

log = logging.getLogger(__name__)

#: Page segmentation mode for the text outside the tables (automatic layout).
PAGE_PSM = "3"
#: OSD runs on a copy at this resolution, and confirms a turn at ``OSD_CONFIRM_DPI``.
OSD_DPI = 150
OSD_CONFIRM_DPI = 200
#: A turn by 90 degrees needs this OSD confidence (from one of the two OSD runs);
#: upside down, which scanned reports almost never are, needs ``OSD_FLIP_CONFIDENCE``.
OSD_MIN_CONFIDENCE = 3.0
OSD_FLIP_CONFIDENCE = 5.0
#: A page read as it is with this many words of 3+ letters at this mean confidence, this
#: share of them wider than tall, needs no OSD (``_reads_upright``).
UPRIGHT_WORDS = 20
UPRIGHT_CONFIDENCE = 80.0
UPRIGHT_WIDE = 0.8


# --------------------------------------------------------------------------- orientation


def _osd(image: np.ndarray, dpi: int, osd_dpi: int) -> tuple[int, float]:
    """Tesseract OSD on a cleaned copy at ``osd_dpi``: (clockwise turn, confidence)."""
    small, small_dpi = shrink(image, dpi, osd_dpi)
    normalized = normalize_background(small, small_dpi)
    normalized[find_rulings(small, small_dpi, normalized).mask > 0] = 255  # rules and grain mislead OSD
    return osd(normalized, small_dpi)


def detect_orientation(image: np.ndarray, dpi: int) -> int:
    """Degrees (0, 90, 180, 270) to turn the image clockwise so that its text reads upright.

    OSD runs on a 150 dpi copy with the ruling lines and the grain taken out: on the
    raw image a page that is mostly table came out upside down with confidence 3.7. A
    turn is accepted only when a second OSD at 200 dpi agrees and one of the two is
    confident, so an upright page costs one OSD call (about 0.5 s) and a turned one two.
    """
    rotation, confidence = _osd(image, dpi, OSD_DPI)
    if rotation == 0 or confidence < 1.5:
        return 0
    again, confidence2 = _osd(image, dpi, OSD_CONFIRM_DPI)
    needed = OSD_FLIP_CONFIDENCE if rotation == 180 else OSD_MIN_CONFIDENCE
    if again != rotation or max(confidence, confidence2) < needed:
        log.debug("turn by %s not confirmed (%.1f, then %s at %.1f)", rotation, confidence, again, confidence2)
        return 0
    return rotation


# --------------------------------------------------------------------------- pages


@dataclass
class _Reading:
    """A page image turned by ``rotation`` and read for its text outside the ruled tables."""

    rotation: int
    width: float
    height: float
    skew: float
    image: np.ndarray  # turned and deskewed
    normalized: np.ndarray
    rulings: Rulings | None
    grids: list[CellGrid]
    words: list[OcrWord]
    lines: list[tuple[float, str]]


def _read_turned(rendered: np.ndarray, width: float, height: float, dpi: int, rotation: int, tables: bool) -> _Reading:
    """Turn, deskew and clean the page, find its ruled grids and read the text outside them."""
    image = turn(rendered, rotation)
    if rotation in (90, 270):
        width, height = height, width
    skew = estimate_skew(image, dpi)
    image = deskew(image, skew)
    s = image.shape[1] / width
    normalized = normalize_background(image, dpi)
    grids: list[CellGrid] = []
    rulings = None
    if tables:
        rulings = find_rulings(image, dpi, normalized)
        grids = find_grids(rulings, image.shape, dpi)
    # the page outside the ruled tables; their cells are read one by one in ocr_tables
    outside = normalized.copy()
    for grid in grids:
        x0, y0, x1, y1 = (int(round(v)) for v in grid.bbox)
        outside[y0:y1 + 1, x0:x1 + 1] = 255
    tsv = tesseract_tsv(outside, PAGE_PSM, dpi)
    del outside
    words, lines = parse_tsv(tsv, s)
    return _Reading(rotation, width, height, skew, image, normalized, rulings, grids, words, lines)


def _reads_upright(words: list[OcrWord]) -> bool:
    """Enough words read with high confidence, on horizontal lines, that the page needs no orientation check.

    Text upside down or on its side comes out as fragments with low confidence, except
    that Tesseract's layout analysis reads lines running top to bottom (a page turned
    clockwise) as well as upright ones, in boxes taller than wide, while the tables'
    cells are still read on their side. So a page is taken as upright when it yields
    ``UPRIGHT_WORDS`` words of three or more letters or digits at a mean confidence of
    ``UPRIGHT_CONFIDENCE``, and ``UPRIGHT_WIDE`` of them are wider than tall.
    """
    long_words = [w for w in words if sum(ch.isalnum() for ch in w.text) >= 3]
    if len(long_words) < UPRIGHT_WORDS:
        return False
    wide = sum(w.x1 - w.x0 > w.bottom - w.top for w in long_words)
    confidence = sum(w.conf for w in long_words) / len(long_words)
    return confidence >= UPRIGHT_CONFIDENCE and wide >= UPRIGHT_WIDE * len(long_words)


def ocr_page(
    path: Path,
    page_number: int,
    dpi: int = DEFAULT_DPI,
    password: str | None = None,
    tables: bool = True,
    borderless: bool = False,
) -> OcrPage:
    """OCR one 1-based page: turn it upright, deskew it, read its text and its tables.

    ``tables=False`` reads the text only (one Tesseract call on the whole page).
    ``borderless`` also reads a page without ruled tables as word-aligned tables
    (``ocr-words``). The page image is dropped before returning.

    The page is first read as it is; only when that reading is not confidently upright
    (``_reads_upright``: few words, unsure ones, or boxes taller than wide) does
    Tesseract's orientation check run, and a page it turns is read again. Most scanned
    pages are upright, and the check cost a fifth of their OCR time (0.3-0.7 s a page).
    """
    rendered, width, height = render_page(Path(path), page_number, dpi, password)
    downscaled = render_scale(width, height, dpi) < dpi / 72
    dpi = max(1, round(rendered.shape[1] / width * 72))  # lower for a poster-sized page
    reading = _read_turned(rendered, width, height, dpi, 0, tables)
    if not _reads_upright(reading.words):
        rotation = detect_orientation(rendered, dpi)
        if rotation:
            reading = _read_turned(rendered, width, height, dpi, rotation, tables)
    del rendered
    image, normalized, grids, lines = reading.image, reading.normalized, reading.grids, reading.lines
    page = OcrPage(page_number, "", reading.words, round(reading.width, 2), round(reading.height, 2), reading.rotation,
                   reading.skew, 0.0, dpi, downscaled=downscaled)
    if tables:
        page.tables = ocr_tables(page, image, reading.rulings, grids, normalized=normalized)
        for table in page.tables:
            page.words.extend(w for row in table.words for cell in row for w in cell)
            for r, row in enumerate(table.raw.rows):
                texts = [" ".join(t.split()) for t in row if t]
                if texts:
                    top = min((w.top for cell in table.words[r] for w in cell), default=table.raw.bbox[1])
                    lines.append((top, " ".join(texts)))
        if borderless and not page.tables:
            page.tables = word_tables(page)
    if grids:  # table rows were added: put the lines back in page order
        lines.sort(key=lambda line: line[0])
    page.text = "\n".join(text for _, text in lines)
    page.mean_confidence = round(sum(w.conf for w in page.words) / len(page.words), 1) if page.words else 0.0
    return page


def ocr_pages(
    path: Path,
    pages: Iterable[int],
    dpi: int = DEFAULT_DPI,
    password: str | None = None,
    borderless_pages: Iterable[int] = (),
) -> Iterator[OcrPage]:
    """OCR pages one after another (one page image in memory at a time)."""
    borderless = set(borderless_pages)
    for number in pages:
        yield ocr_page(Path(path), number, dpi, password, tables=True, borderless=number in borderless)

