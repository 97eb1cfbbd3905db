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
   ``flavor="ocr-words"`` for borderless ones, on a page whose tables are read: the
   born-digital borderless reader run on the page's words outside its ruled tables
   (``ocr_cells.word_tables``, ``_with_borderless``). A table ruled by horizontal lines
   only gets a grid of its own, its columns from the gutters (``ocr_hrules.hrule_grids``),
   and is read as a ruled one.

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
from dataclasses import dataclass, replace
from pathlib import Path

import cv2
import numpy as np

from lkj.extract.ocr_cells import OcrPage, OcrTable, cell_reader, ocr_tables, set_titles, word_tables
from lkj.extract.ocr_hrules import hrule_grids
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
from lkj.extract.ocr_rulings import CellGrid, Rulings, erase_mask, find_grids, find_rulings
from lkj.extract.ocr_tesseract import OcrWord, osd, parse_tsv, tesseract_tsv
from lkj.extract.page_roles import triage_page
from lkj.extract.raw_table import runs_to_foot

log = logging.getLogger(__name__)

#: Page segmentation mode for the page text (automatic layout).
PAGE_PSM = "3"
#: The page text (the first pass, which triage reads) is read at this resolution: a
#: third of the pixels of 300 dpi, and as many words right (see docs/ocr.md).
TEXT_DPI = 200
#: The first pages (cover, foreword) name the unit and the year (``identity`` weighs the
#: unit named on pages 1-2 three times, reads the cover year on page 1): their text is
#: read at the full resolution.
COVER_PAGES = 2
#: The cells of a ruled table's first rows (its header, which names the columns) are
#: read with the page text, for triage; the other cells only when triage picks the page.
HEADER_ROWS = 3
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
#: Printed lines a borderless table needs under its header on a page with ruled tables (``_with_borderless``).
BESIDE_RULED_ROWS = 3


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
    """The first pass over a page: turned by ``rotation``, deskewed, its tables found, its text read.

    The full-resolution image, its normalised copy and the ruling lines are made once
    here and kept for the table read.
    """

    rotation: int
    width: float
    height: float
    skew: float
    image: np.ndarray  # turned and deskewed
    normalized: np.ndarray
    rulings: Rulings
    grids: list[CellGrid]
    words: list[OcrWord]
    lines: list[list[OcrWord]]  # printed lines in Tesseract's reading order


def _text_image(normalized: np.ndarray, rulings: Rulings, grids: list[CellGrid], s: float, tables: bool) -> np.ndarray:
    """The normalised page for a page-text read: the ruled tables blanked (``tables=False``),
    or all but the tables blanked and the rules inside them painted out (``tables=True``)."""
    out = normalized.copy()
    inside = np.zeros(normalized.shape, bool)
    for grid in grids:
        x0, y0, x1, y1 = (int(round(v)) for v in grid.bbox)
        inside[y0:y1 + 1, x0:x1 + 1] = True
    if tables:
        out[erase_mask(rulings, grids, normalized.shape, s) > 0] = 255
    out[~inside if tables else inside] = 255
    return out


def _read_text(image: np.ndarray, dpi: int, text_dpi: int, width: float) -> tuple[list[OcrWord], list[list[OcrWord]]]:
    """Words and printed lines of a page image, read in one Tesseract call at ``text_dpi``."""
    small, small_dpi = shrink(image, dpi, text_dpi)
    return parse_tsv(tesseract_tsv(small, PAGE_PSM, small_dpi), small.shape[1] / width)


def _read_turned(rendered: np.ndarray, width: float, height: float, dpi: int, rotation: int, text_dpi: int) -> _Reading:
    """Turn, deskew and clean the page, find its ruled tables, and read its text outside them.

    The ruled tables are left to the table read (their cells) or, on a page triage
    leaves at its text, to a second text read: read here too they would be read twice,
    and a ruled table is what Tesseract's layout analysis spends most time on.
    """
    image = turn(rendered, rotation)
    if rotation in (90, 270):
        width, height = height, width
    skew = estimate_skew(image, dpi)
    image = deskew(image, skew)
    normalized = normalize_background(image, dpi)
    rulings = find_rulings(image, dpi, normalized)
    grids = find_grids(rulings, image.shape, dpi)
    grids = sorted(grids + hrule_grids(rulings, normalized, dpi, grids), key=lambda g: g.ys[0])
    s = image.shape[1] / width
    words, lines = _read_text(_text_image(normalized, rulings, grids, s, tables=False), dpi, text_dpi, width)
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


def _first_pass(rendered: np.ndarray, width: float, height: float, dpi: int, text_dpi: int) -> _Reading:
    """The page read the right way up: OSD only when the page does not read upright as it is."""
    reading = _read_turned(rendered, width, height, dpi, 0, text_dpi)
    if not _reads_upright(reading.words):
        rotation = detect_orientation(rendered, dpi)
        if rotation:
            reading = _read_turned(rendered, width, height, dpi, rotation, text_dpi)
    return reading


def _top(line: list[OcrWord]) -> float:
    return min(w.top for w in line)


def _joined(line: list[OcrWord]) -> str:
    return " ".join(w.text for w in line)


def _with_borderless(ruled: list[OcrTable], borderless: list[OcrTable]) -> list[OcrTable]:
    """The ruled tables and the borderless ones beside them, top to bottom, numbered in that order.

    A page may hold both (a borderless main table above a ruled budget table); the
    borderless reader reads the words outside the ruled tables, and a table it finds
    over a ruled one is that table's text again and is dropped. Beside a ruled table a
    borderless one needs ``BESIDE_RULED_ROWS`` printed lines under its header: the
    justified lines of the paragraph that introduces a table can name three header words
    (``membandingkan target dan realisasi setiap indikator kinerja``) and fit one line more.
    """
    def apart(table: OcrTable) -> bool:
        x0, y0, x1, y1 = table.raw.bbox
        return not ruled or len(table.raw.rows) > BESIDE_RULED_ROWS and all(
            x1 <= r.raw.bbox[0] or r.raw.bbox[2] <= x0 or y1 <= r.raw.bbox[1] or r.raw.bbox[3] <= y0 for r in ruled)

    tables = sorted(ruled + [t for t in borderless if apart(t)], key=lambda t: t.raw.bbox[1])
    for index, table in enumerate(tables):
        table.raw.index = index
    return tables


def ocr_page(
    path: Path,
    page_number: int,
    dpi: int = DEFAULT_DPI,
    password: str | None = None,
    tables: bool = True,
    text_dpi: int = TEXT_DPI,
    triage: bool = False,
) -> OcrPage:
    """OCR one 1-based page: turn it upright, deskew it, read its text and its tables.

    Two passes over one render, one deskewed image, one normalised image and one set of
    ruling lines. The first pass (``_read_turned``) finds the ruled tables and reads the
    page's text in one Tesseract call at ``text_dpi``, the tables' bodies left out. The
    table read then reads every cell of the tables (``ocr_tables``); on a page left at
    its text (``tables=False``) the table bodies are read as text instead. With
    ``triage`` the table read runs when ``tables`` is set (the previous page's table runs
    on) or when the first pass's text holds the header words of a table worth reading
    (``page_roles.triage_page``, the born-digital pages' rule); ``OcrPage.tables_read``
    says whether it ran; the borderless tables outside the ruled ones are read from its
    words (``ocr-words``). The page image is dropped before returning.

    The page is first read as it is; only when that reading is not confidently upright
    (``_reads_upright``: few words, unsure ones, or boxes taller than wide) does
    Tesseract's orientation check run, and a page it turns is read again.
    """
    rendered, width, height = render_page(Path(path), page_number, dpi, password)
    downscaled = render_scale(width, height, dpi) < dpi / 72
    dpi = max(1, round(rendered.shape[1] / width * 72))  # lower for a poster-sized page
    reading = _first_pass(rendered, width, height, dpi, min(text_dpi, dpi))
    del rendered
    image, grids = reading.image, reading.grids
    s = image.shape[1] / reading.width
    lines = reading.lines
    reader = cell_reader(image, reading.width, reading.rulings, grids, reading.normalized) if grids else None
    if triage and not tables:
        # the page's text, and when that is not enough the header rows of its tables, which name their columns
        printed_text = "\n".join(_joined(line) for line in lines)
        tables = triage_page(page_number, printed_text).is_candidate or reader is not None and triage_page(
            page_number, printed_text + "\n" + reader.header_text(grids, HEADER_ROWS)).is_candidate
    page = OcrPage(page_number, "", [w for line in lines for w in line], round(reading.width, 2),
                   round(reading.height, 2), reading.rotation, reading.skew, 0.0, dpi, downscaled=downscaled,
                   tables_read=tables)
    printed = [(_top(line), _joined(line)) for line in lines]
    if tables:
        outside = replace(page, words=list(page.words), tables=[])  # the words outside the ruled tables
        page.tables = ocr_tables(page, image, reading.rulings, grids, reader=reader) if reader else []
        for table in page.tables:
            page.words.extend(w for row in table.words for cell in row for w in cell)
            for r, row in enumerate(table.raw.rows):
                texts = [" ".join(t.split()) for t in row if t]
                if texts:
                    top = min((w.top for cell in table.words[r] for w in cell), default=table.raw.bbox[1])
                    printed.append((top, " ".join(texts)))
        page.tables = _with_borderless(page.tables, word_tables(outside))
        set_titles(outside, page.tables)  # a title lies below the table above it, whichever reader found that one
    elif grids:  # the tables, read as text
        inside = _read_text(_text_image(reading.normalized, reading.rulings, grids, s, tables=True),
                            dpi, text_dpi, reading.width)[1]
        page.words.extend(w for line in inside for w in line)
        printed.extend((_top(line), _joined(line)) for line in inside)
    if grids:  # table rows were added: put the lines back in page order
        printed.sort(key=lambda line: line[0])
    page.text = "\n".join(text for _, text in printed)
    page.mean_confidence = round(sum(w.conf for w in page.words) / len(page.words), 1) if page.words else 0.0
    return page


def ocr_pages(
    path: Path,
    pages: Iterable[int],
    dpi: int = DEFAULT_DPI,
    password: str | None = None,
    triage: bool = True,
) -> Iterator[OcrPage]:
    """OCR pages one after another (one page image in memory at a time).

    With ``triage`` (the pipeline's way) every page is read for its text and only the
    pages triage picks, and the page after a table that runs to the foot of its page
    (``raw_table.runs_to_foot``: it goes on overleaf, headerless), get the table read;
    without it every page does. The first ``COVER_PAGES`` pages, which name the unit
    and the year, have their text read at full resolution.
    """
    # Pages are read in parallel by worker processes, one a core (as Tesseract runs one
    # thread): OpenCV's own threads only add overhead (find_rulings: 0.48 -> 0.39 s of CPU).
    cv2.setNumThreads(1)
    runs_on = False
    for number in pages:
        page = ocr_page(Path(path), number, dpi, password, tables=runs_on or not triage,
                        text_dpi=dpi if number <= COVER_PAGES else TEXT_DPI,
                        triage=triage)
        runs_on = any(runs_to_foot(t.raw) for t in page.tables)
        yield page
