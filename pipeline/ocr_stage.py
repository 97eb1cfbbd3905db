"""Stage 1b: OCR of the pages that have no text layer.

Scanned pages go through Tesseract (``extract.ocr``: rotation and skew fixed, ruling
lines found on the image, each cell read on its own), once, yielding both the page
text and the tables, so that they then follow the same extract → interpret →
normalize → load path as born-digital pages. Every page's text is read; the tables
only on the pages triage picks from that text (``extract.ocr.ocr_pages``), as for
born-digital pages: the others are listed in an ``ocr_text_only`` note. A mixed document (a born-digital
report with a scanned, signed page) is handled page by page.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from lkj.extract.document import PageText
from lkj.extract.model import CellConfidence, IngestResult, OcrResult
from lkj.extract.ocr import ocr_pages
from lkj.extract.ocr_cells import OcrPage
from lkj.extract.ocr_image import DEFAULT_DPI, MAX_PIXELS
from lkj.extract.ocr_tesseract import tesseract_available
from lkj.extract.warning_codes import ReportWarning

#: Below this mean word confidence (0..100) a page's reading is doubtful.
LOW_PAGE_CONFIDENCE = 60.0
#: Below this a cell's value is doubtful.
LOW_CELL_CONFIDENCE = 50.0


def ocr(ingested: IngestResult, stop: Callable[[], bool] = lambda: False) -> OcrResult:
    """OCR of the scanned pages; ``stop`` is asked before each page (the document's time budget)."""
    scanned = [p.number for p in ingested.pages if not p.has_text and not p.blank]  # blank pages hold nothing
    if not scanned:
        return OcrResult()
    problem = tesseract_available()
    if problem:
        return OcrResult(failure=f"{len(scanned)} pages are scanned images and OCR is unavailable: {problem}")
    result = OcrResult()
    text_only: list[int] = []
    for page in ocr_pages(Path(ingested.path), scanned, password=ingested.password):
        if stop():
            unread = scanned[scanned.index(page.number):]
            result.warnings.append(ReportWarning(
                "time_limit", f"OCR stopped at the document's time limit: {len(unread)} of {len(scanned)} scanned "
                              f"pages not read (from page {unread[0]})", unread[0], stage="ocr"))
            break
        if not page.tables_read:
            text_only.append(page.number)
        result.pages.append(PageText(page.number, page.text, page.width, page.height, "ocr", round(page.mean_confidence, 1)))
        if page.downscaled:
            result.warnings.append(_downscaled(page))
        if page.mean_confidence < LOW_PAGE_CONFIDENCE:
            result.warnings.append(ReportWarning("ocr_low_confidence",
                                           f"OCR read this page with mean confidence {page.mean_confidence:.0f}/100", page.number, stage="ocr"))
        for table in page.tables:
            result.tables.append(table.raw)
            for texts, confidences in zip(table.raw.rows, table.confidences):
                result.cells.extend(CellConfidence(page.number, " ".join((t or "").split()), c)
                                    for t, c in zip(texts, confidences) if t)
    if text_only:
        result.warnings.append(ReportWarning(
            "ocr_text_only", f"{len(text_only)} of {len(scanned)} scanned pages read for their text only (triage found "
            f"no table header words on them): pages {_ranges(text_only)}", stage="ocr"))
    return result


def _ranges(numbers: list[int]) -> str:
    """``1-3, 5, 8-9`` for [1, 2, 3, 5, 8, 9]."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _downscaled(page: OcrPage) -> ReportWarning:
    """Say that a page was read at less than the usual resolution, so small print may be lost."""
    return ReportWarning("page_downscaled",
                   f"page is {page.width:.0f} x {page.height:.0f} pt: read by OCR at {page.dpi} dpi instead of "
                   f"{DEFAULT_DPI}, so that its image stays within {MAX_PIXELS / 1e6:.0f} megapixels; small print may "
                   f"be unreadable", page.number, stage="ocr")


def with_ocr_text(ingested: IngestResult, ocred: OcrResult) -> IngestResult:
    """The ingested document with OCR text on its scanned pages: what the later stages read."""
    by_number = {p.number: p for p in ocred.pages}
    return dataclasses.replace(ingested, pages=[by_number.get(p.number, p) for p in ingested.pages],
                               warnings=ingested.warnings + ocred.warnings)
