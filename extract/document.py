"""Opening a PDF and reading what a cheap pass can tell: pages, text layer, damage.

This is the first look at a file of unknown quality, so every failure is turned into
a plain-words reason instead of an exception: an archive of thousands of downloads
always holds HTML error pages saved as ``.pdf``, truncated transfers and
password-protected exports, and one of them must never stop a run.

pypdfium2 reads the text layer here because it is an order of magnitude faster than
pdfminer (148 pages in 0.2 s), and the triage of which pages deserve the expensive
table extraction runs over every page.

Before any reader decodes a page, the streams the pages use are measured for
decompression bombs (``extract.bombs``). A page without text is looked at once more:
when it holds no image either, it is blank (``extract.blank``) and no OCR is spent on
it; a document of blank pages fails at once.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from lkj.extract.blank import has_readable_image, page_ranges
from lkj.extract.bombs import find_bomb
from lkj.extract.form_loops import form_loop_pages
from lkj.extract.warning_codes import ReportWarning

log = logging.getLogger(__name__)

#: A page with fewer printable characters than this has no usable text layer
#: (page numbers and scanner stamps leave a handful of characters on scans).
MIN_TEXT_CHARS = 40
#: The largest page side the PDF format allows (ISO 32000-1, Annex C: 200 inches) at
#: /UserUnit 1. Larger pages are read, with a warning.
MAX_PAGE_POINTS = 14400.0
@dataclass
class PageText:
    """Text of one page, 1-based page number: from the text layer, or from OCR for scans."""

    number: int
    text: str
    width: float
    height: float
    source: str = "text"  # text | ocr
    ocr_confidence: float | None = None  # mean word confidence 0..100 of an OCR'd page
    blank: bool = False  # no text layer and no image that could hold text: nothing for OCR
    form_loop: bool = False  # draws a form that draws itself: camelot is kept away (extract.form_loops)

    @property
    def has_text(self) -> bool:
        # Stops at the MIN_TEXT_CHARS-th letter or digit: asked of every page by every stage.
        letters = (ch for ch in self.text if ch.isalnum())
        return next(islice(letters, MIN_TEXT_CHARS - 1, None), None) is not None


@dataclass
class OpenedDocument:
    """Outcome of opening a file: either pages, or the reason it could not be read."""

    pages: list[PageText] = field(default_factory=list)
    failure: str | None = None  # machine code: not_pdf, empty, encrypted, broken, decompression_bomb, blank
    failure_message: str | None = None
    warnings: list[ReportWarning] = field(default_factory=list)
    password: str | None = None  # "" when the file opened with an empty user password
    unreadable: list[int] = field(default_factory=list)  # pages pdfium cannot load (kept, empty and blank)
    form_loops: list[int] = field(default_factory=list)  # pages whose forms draw themselves

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def scanned_pages(self) -> list[int]:
        return [page.number for page in self.pages if not page.has_text and not page.blank]


def _user_units(pdf: pikepdf.Pdf) -> dict[int, float]:
    """/UserUnit of the pages that set one other than 1 (pdfium ignores it when reading)."""
    units = {}
    for number, page in enumerate(pdf.pages, 1):
        value = page.obj.get("/UserUnit")
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool) and value > 0 and value != 1:
            units[number] = float(value)
    return units


def _looks_like_pdf(head: bytes) -> bool:
    # The PDF spec allows junk before the header; readers accept it within 1 KiB.
    return b"%PDF-" in head[:1024]


def _survey(path: Path, opened: OpenedDocument) -> dict[int, float] | None:
    """Let qpdf (through pikepdf) judge encryption, damage and decompression bombs.

    None means give up (``opened.failure`` says why); otherwise the /UserUnit of the
    pages that set one.
    """
    try:
        with pikepdf.open(path) as pdf:  # empty user password is tried by default
            if pdf.is_encrypted:
                opened.password = ""
                opened.warnings.append(
                    ReportWarning("encrypted_empty_password", "encrypted with an empty user password; opened without one")
                )
            try:
                bomb, units = find_bomb(pdf), _user_units(pdf)
                opened.form_loops = form_loop_pages(pdf)
            except pikepdf.PdfError as error:  # damaged objects qpdf cannot follow: the readers judge them
                log.debug("bomb check stopped on a damaged object: %s", error)
                bomb, units = None, {}
            if bomb is not None:
                opened.failure = "decompression_bomb"
                opened.failure_message = bomb.describe()
                return None
            return units
    except pikepdf.PasswordError:
        opened.failure = "encrypted"
        opened.failure_message = "the PDF is encrypted and needs a password to open"
    except pikepdf.PdfError as error:
        if not _tail_is_complete(path):
            opened.failure = "truncated"
            opened.failure_message = f"the file was cut off (it ends without %%EOF) and cannot be repaired: {error}"
        else:
            opened.failure = "broken"
            opened.failure_message = f"the PDF is damaged beyond repair: {error}"
    return None


def _tail_is_complete(path: Path) -> bool:
    """A PDF that was cut off in transfer lacks its final %%EOF marker."""
    size = path.stat().st_size
    with open(path, "rb") as handle:
        handle.seek(max(0, size - 2048))
        return b"%%EOF" in handle.read()


def _oversized(width: float, height: float, user_unit: float) -> str | None:
    """Why a page is larger than the PDF format allows, or None.

    A page that size is a broken or hostile file more often than a real poster; it is
    read all the same (text as usual; OCR renders it within a pixel budget).
    """
    if max(width, height) * user_unit <= MAX_PAGE_POINTS:
        return None
    unit = f" at /UserUnit {user_unit:g} ({width * user_unit:.0f} x {height * user_unit:.0f} pt)" if user_unit != 1 else ""
    return (f"page is {width:.0f} x {height:.0f} pt{unit}, beyond the PDF maximum of {MAX_PAGE_POINTS:.0f} pt "
            f"(200 inches): read all the same (OCR, if it needs any, at a lower resolution)")


def open_document(path: Path) -> OpenedDocument:
    """Read page texts and sizes, or say in plain words why the file is unreadable."""
    opened = OpenedDocument()
    size = path.stat().st_size
    if size == 0:
        opened.failure, opened.failure_message = "empty", "the file is empty (0 bytes)"
        return opened
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if not _looks_like_pdf(head):
        kind = "an HTML page" if b"<html" in head.lower() else "not a PDF"
        opened.failure = "not_pdf"
        opened.failure_message = f"the file is {kind}: it has no PDF header"
        return opened
    user_units = _survey(path, opened)
    if user_units is None:
        return opened
    if not _tail_is_complete(path):
        opened.warnings.append(
            ReportWarning("truncated",
                          "the file ends without %%EOF: it was cut off, only the pages that could be recovered are read")
        )
    try:
        document = pdfium.PdfDocument(str(path), password=opened.password or None)
    except pdfium.PdfiumError as error:
        opened.failure = "broken"
        opened.failure_message = f"the PDF cannot be read: {error}"
        return opened
    try:
        for index in range(len(document)):
            try:
                page = document[index]
            except pdfium.PdfiumError as error:  # one damaged page object: the others are still read
                opened.pages.append(PageText(index + 1, "", 0.0, 0.0, blank=True))
                opened.unreadable.append(index + 1)
                log.debug("page %s cannot be loaded: %s", index + 1, error)
                continue
            textpage = page.get_textpage()
            width, height = page.get_size()
            read = PageText(index + 1, textpage.get_text_bounded(), width, height,
                            form_loop=index + 1 in opened.form_loops)
            if not read.has_text:
                read.blank = _is_blank(page)
            opened.pages.append(read)
            oversized = _oversized(width, height, user_units.get(index + 1, 1.0))
            if oversized:
                opened.warnings.append(ReportWarning("oversized_page", oversized, index + 1))
            textpage.close()
            page.close()
    finally:
        document.close()
    if not opened.pages:
        opened.failure = "broken"
        opened.failure_message = "the PDF has no readable pages"
    _note_blank_pages(opened)
    if opened.form_loops and not opened.failure:
        opened.warnings.append(ReportWarning(
            "form_loop", f"{len(opened.form_loops)} pages draw a form that draws itself; camelot's stream parser, "
                         f"which would crash on them, was not run there: {page_ranges(opened.form_loops)}",
            opened.form_loops[0]))
    return opened


def _is_blank(page: pdfium.PdfPage) -> bool:
    try:
        return not has_readable_image(page)
    except pdfium.PdfiumError:  # a damaged page: let OCR judge it
        return False


def _note_blank_pages(opened: OpenedDocument) -> None:
    """One warning naming the blank pages, one naming the unreadable ones; a failure when no page is left."""
    if opened.unreadable and not opened.failure:
        if len(opened.unreadable) == len(opened.pages):
            opened.failure = "broken"
            opened.failure_message = f"none of the {len(opened.pages)} pages can be read: the page objects are damaged"
            return
        opened.warnings.append(ReportWarning(
            "page_unreadable", f"{len(opened.unreadable)} pages cannot be read (damaged page objects) and were "
                               f"skipped: {page_ranges(opened.unreadable)}", opened.unreadable[0]))
    blank = [page.number for page in opened.pages if page.blank and page.number not in opened.unreadable]
    if not blank or opened.failure:
        return
    if len(blank) + len(opened.unreadable) == len(opened.pages):
        opened.failure = "blank"
        opened.failure_message = (f"all {len(blank)} pages are blank (no text layer and no image that could hold text): "
                                  f"there is nothing to read")
        return
    opened.warnings.append(ReportWarning(
        "blank_pages", f"{len(blank)} pages are blank (no text layer, no image that could hold text) and were not "
                       f"sent to OCR: {page_ranges(blank)}", blank[0]))
