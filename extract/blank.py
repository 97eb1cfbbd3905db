"""Blank pages: no text layer and nothing a scan could hold text in.

A page without a text layer used to be taken for a scan and sent to Tesseract,
orientation check included: 2.5 s a page for nothing when the page is empty, and a
PDF of 3,000 empty pages kept a run busy for hours. A page is blank when it has no
usable text layer and no image big enough to hold a line of print: drawn at least
``MIN_IMAGE_POINTS`` on each side, and at least ``MIN_IMAGE_PIXELS`` on each side
(a 1 x 1 pixel image stretched over the page is a background colour, not a scan).
Vector drawings (ruling lines, shapes) are not read by OCR: a page of them alone is
blank too. Text turned into outlines would be missed; no KPU report has been seen to
print that way, scans are images.
"""
from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

#: An image drawn smaller than this (points, on either side) cannot hold a line of
#: 10-point print with its margins: a bullet, a logo's dot, a rule drawn as an image.
MIN_IMAGE_POINTS = 18.0
#: An image with fewer pixels than this on either side cannot hold a readable letter.
MIN_IMAGE_PIXELS = 16
#: Form XObjects nested deeper than this are not searched (pdfium's own default).
MAX_FORM_DEPTH = 15


def _can_hold_text(image: pdfium.PdfImage) -> bool:
    left, bottom, right, top = image.get_bounds()
    if min(right - left, top - bottom) < MIN_IMAGE_POINTS:
        return False
    try:
        width, height = image.get_px_size()
    except pdfium.PdfiumError:
        return True  # undecidable: let OCR look
    return min(width, height) >= MIN_IMAGE_PIXELS


def has_readable_image(page: pdfium.PdfPage) -> bool:
    """True when the page draws an image (directly or in a form) that could hold text."""
    images = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=MAX_FORM_DEPTH)
    return any(_can_hold_text(image) for image in images)


def page_ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 7]`` as ``1-3, 7``: how a list of blank pages is named in one warning."""
    parts: list[str] = []
    for number in sorted(numbers):
        if parts and number == int(parts[-1].split("-")[-1]) + 1:
            parts[-1] = f"{parts[-1].split('-')[0]}-{number}"
        else:
            parts.append(str(number))
    return ", ".join(parts)
