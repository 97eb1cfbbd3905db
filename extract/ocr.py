"""OCR of scanned pages into the same page text and ``RawTable`` cells as born-digital pages.

A scanned LKj page (an image with no text layer) goes through:

1. **render** the page with pypdfium2 (grayscale, ``dpi``; one page image in memory at
   a time; a poster-sized page at a lower resolution, so that its image stays within
   ``MAX_PIXELS``);
2. **orientation**: Tesseract's OSD (``--psm 0``) says how far the page must be turned
   (landscape tables are often bound rotated by 90 degrees), see ``detect_orientation``;
   it runs only when the page read as it is (steps 3-5 and the page text of step 7)
   gives few words or unsure ones (``_reads_upright``), and a turned page is read again;
3. **deskew**: the small tilt of a crooked scan is the angle that makes the horizontal
   projection profile of the ink sharpest (text lines and ruling lines then fall into
   few pixel rows); searched in -5..5 degrees, precise to about 0.05 degrees;
4. **background**: the page is divided by its own background (``normalize_background``):
   grey-shaded header rows, JPEG grain and uneven light become flat white;
5. **ruling lines**: solid rules by morphological opening with long thin kernels,
   dashed and dotted rules by chaining their pieces; a solid black bar (a header row
   printed white on black) adds its edges (``find_rulings``);
6. **cell grid** from the rules (``find_grids``): a grid position whose border rule is
   missing is merged with its neighbour; the merged cell's text goes to its first
   position and the positions it covers are ``None``, as pdfplumber reports merged cells;
7. **OCR**: the page outside the tables with ``tesseract -l ind+eng --psm 3 tsv`` (page
   text, words, confidences), and every non-blank table cell on its own: the cells of
   a page are pasted one under another on a white mosaic, enlarged to 450 dpi and read
   in one ``--psm 6`` call (``_read_cells``). Whole-page layout analysis drops and merges
   table text; one cell per band cannot be confused with its neighbours;
8. **tables**: ``flavor="ocr-lattice"`` for ruled tables; ``flavor="ocr-words"`` for
   borderless ones by word alignment (``word_tables``, only when asked for).

Every coordinate is in PDF points of the page *as it should be read*: the frame is the
de-rotated, deskewed page (origin top-left, like pdfplumber), and ``OcrPage.width`` and
``height`` are that frame's size (swapped for a page turned by 90 degrees).

Tesseract runs as a subprocess (the CLI), not through pytesseract: pytesseract is a
thin wrapper around the same binary that writes temporary files and parses the same
TSV, so it would add a dependency without adding anything; calling the binary directly
lets the image go in through stdin as an uncompressed PGM and pins ``OMP_THREAD_LIMIT=1``
(Tesseract's OpenMP threads made a page 5x slower on 2 cores). OCRmyPDF was not used:
it produces a PDF with an invisible text layer (hOCR rendered into the PDF), which
carries neither the word confidences nor the table rules of an image-only page (so
pdfplumber could still not build the grid), and it needs Ghostscript and runs its own
process pool per document. Design notes and measurements: ``docs/ocr.md``.
"""
from __future__ import annotations

import functools
import logging
import math
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import Iterable, Iterator

import cv2
import numpy as np
import pypdfium2 as pdfium

from lkj.extract.raw_table import TITLE_REACH, RawTable, is_page_furniture

log = logging.getLogger(__name__)

LANGUAGE = "ind"
INSTALL_HINT = "install tesseract-ocr tesseract-ocr-ind"
#: Page segmentation mode for the text outside the tables (automatic layout).
PAGE_PSM = "3"
#: Page segmentation mode for the mosaic of table cells (one uniform block of text).
CELL_PSM = "6"
#: Cells are read at this resolution (the mosaic is enlarged to it): the small table
#: fonts of a 150 dpi scan read better (cell accuracy 89.7% -> 91.8% on the samples).
CELL_DPI = 450
#: Largest mosaic of cells Tesseract gets in one call (pixels high, before enlarging).
MOSAIC_HEIGHT = 12000
#: Largest mosaic of cells in pixels, after enlarging. A 300 dpi page's mosaic stays
#: under it (12000 px high, as wide as an A3 landscape page: 60 MP, 134 MP enlarged);
#: a page rendered at a few dpi (a poster, see ``MAX_PIXELS``) would otherwise be
#: enlarged by up to ``CELL_DPI`` / its dpi: a 200000 pt page asked OpenCV for 622 GB.
MOSAIC_PIXELS = 150_000_000
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
#: Largest skew searched for, in degrees; smaller skews than ``MIN_SKEW`` are left.
MAX_SKEW = 5.0
MIN_SKEW = 0.05
#: Gray level below which a pixel of a background-normalised page is ink.
INK_LEVEL = 180
#: Share of a cell side a rule must cover to count as that side's border.
EDGE_COVERAGE = 0.75
#: Resolution pages are rendered at for OCR.
DEFAULT_DPI = 300
#: A page image larger than this (pixels) is rendered at a lower resolution: an A4
#: page at 300 dpi is 8.7 MP, the PDF maximum (14400 pt square) would be 3.6 GP; a
#: 60 MP page peaks at about 1 GB resident through the whole of ``ocr_page``.
MAX_PIXELS = 60_000_000
#: Words that are only these characters are grain or crumbs of rules.
_RULE_JUNK = re.compile(r"^[|_\-—–~!:;.,'\"`‘’“”\[\](){}/\\=]+$")
#: How Tesseract misreads a lone ``%`` (the ``ind`` model has no ``%`` at all; even
#: with ``eng`` a percent sign on its own comes out as ``Yo``).
_PERCENT_MISREADS = {"Yo", "Yo.", "%o", "Y%", "°/o", "o/o"}


class OcrError(RuntimeError):
    """Tesseract is missing or failed on a page."""


@dataclass
class OcrWord:
    """A word as Tesseract read it; box in PDF points of the upright page."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float  # 0..100

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2


@dataclass
class OcrTable:
    """A table read from a scan, with the OCR confidence of every cell.

    ``confidences`` is parallel to ``raw.rows``: the lowest word confidence (0..100)
    in the cell; ``None`` where the cell is blank or covered by a merged cell; ``0.0``
    for a cell that holds ink from which no word could be read (a value may be lost).
    """

    raw: RawTable
    confidences: list[list[float | None]]
    #: For every position, the (row, col) of the cell that holds its text: itself, or
    #: the first position of the merged cell that covers it.
    owners: list[list[tuple[int, int]]] = field(default_factory=list)
    #: The words of every cell, parallel to ``raw.rows`` (empty where covered).
    words: list[list[list[OcrWord]]] = field(default_factory=list)


@dataclass
class OcrPage:
    number: int  # 1-based
    text: str  # printed lines top to bottom; a table row is one line
    words: list[OcrWord]  # outside the tables and inside them
    width: float  # points, of the upright (de-rotated) page
    height: float
    rotation: int  # degrees the scan was turned clockwise to read it: 0, 90, 180, 270
    skew_degrees: float  # counter-clockwise tilt of the content that was corrected
    mean_confidence: float  # mean word confidence, 0..100 (0 when no words)
    dpi: int = DEFAULT_DPI
    tables: list[OcrTable] = field(default_factory=list)
    #: Rendered below the resolution asked for, to stay within ``MAX_PIXELS``.
    downscaled: bool = False


# --------------------------------------------------------------------------- tesseract


@functools.lru_cache(maxsize=1)
def _languages() -> tuple[str, ...] | None:
    """Installed Tesseract languages, or ``None`` when there is no tesseract binary."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, env=_env())
    except (OSError, subprocess.SubprocessError):
        return None
    lines = (out.stdout + out.stderr).splitlines()
    return tuple(line.strip() for line in lines if line.strip() and " " not in line.strip())


def tesseract_available() -> str | None:
    """``None`` when Tesseract and its Indonesian model are installed, else what to do."""
    languages = _languages()
    if languages is None:
        return f"tesseract is not installed: {INSTALL_HINT}"
    if LANGUAGE not in languages:
        return f"tesseract has no '{LANGUAGE}' language data: {INSTALL_HINT}"
    return None


def ocr_languages() -> str:
    """``ind+eng`` when English is installed (it normally is), else ``ind``.

    The ``ind`` model Debian ships (tessdata_fast) has no ``%`` in its character set:
    alone it reads ``100%`` as ``10096`` or ``100Y6``. English brings ``%`` and the
    other symbols; Indonesian words still come out right.
    """
    languages = _languages() or ()
    if "eng" in languages:
        return f"{LANGUAGE}+eng"
    _warn_once("tesseract has no 'eng' data: a '%' will be misread (install tesseract-ocr-eng)")
    return LANGUAGE


@functools.lru_cache(maxsize=None)
def _warn_once(message: str) -> None:
    log.warning(message)


def _env() -> dict[str, str]:
    # Tesseract's OpenMP threads fight each other on small machines: one thread per
    # process is 5x faster on 2 cores (and leaves the other core to a second page).
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _tesseract(image: np.ndarray, args: list[str], timeout: float = 300) -> str:
    """Run the tesseract CLI on a grayscale image given through stdin; return stdout."""
    problem = tesseract_available()
    if problem:
        raise OcrError(problem)
    ok, buffer = cv2.imencode(".pgm", image)  # uncompressed: a PNG would cost 0.1 s to encode
    if not ok:
        raise OcrError("could not encode the page image")
    try:
        done = subprocess.run(["tesseract", "stdin", "stdout", *args], input=buffer.tobytes(),
                              capture_output=True, timeout=timeout, env=_env())
    except subprocess.TimeoutExpired as error:
        raise OcrError(f"tesseract timed out after {timeout:.0f} s") from error
    if done.returncode != 0:
        raise OcrError(f"tesseract failed ({done.returncode}): {done.stderr.decode(errors='replace')[-300:]}")
    return done.stdout.decode("utf-8", errors="replace")


# --------------------------------------------------------------------------- page image


def render_scale(width: float, height: float, dpi: float = DEFAULT_DPI) -> float:
    """Pixels per point for a page of ``width`` x ``height`` points: ``dpi`` / 72, or
    less for a page whose image would pass ``MAX_PIXELS`` (a poster, or a hostile
    MediaBox: the PDF maximum, 14400 pt square, is 3.6 gigapixels at 300 dpi).

    pypdfium2 rounds each side up, so the scale is trimmed until the rounded image fits.
    """
    scale = dpi / 72
    if math.ceil(width * scale) * math.ceil(height * scale) <= MAX_PIXELS:
        return scale
    scale = math.sqrt(MAX_PIXELS / (width * height))
    while math.ceil(width * scale) * math.ceil(height * scale) > MAX_PIXELS:
        scale *= 0.999
    return scale


def render_page(path: Path, page_number: int, dpi: int = DEFAULT_DPI, password: str | None = None) -> tuple[np.ndarray, float, float]:
    """Grayscale image of a 1-based page as displayed, and its size in points.

    The image stays within ``MAX_PIXELS`` (``render_scale``): a larger page comes out
    at a lower resolution, which the caller sees from the image's width.
    """
    pdf = pdfium.PdfDocument(str(path), password=password)
    try:
        page = pdf[page_number - 1]
        width, height = page.get_size()
        bitmap = page.render(scale=render_scale(width, height, dpi), grayscale=True)
        image = bitmap.to_numpy().copy()
        bitmap.close()
        page.close()
    finally:
        pdf.close()
    if image.ndim == 3:
        image = image[:, :, 0]
    return image, float(width), float(height)  # pdfium's size is the displayed one (after /Rotate)


def normalize_background(image: np.ndarray, dpi: int) -> np.ndarray:
    """The page divided by its own background: white paper, no grey fills, no shading.

    The background is the page with its strokes closed away (a closing wider than the
    boldest stroke); dividing by it leaves text and rules dark on flat white, so a
    grey-shaded header row and uneven scanner light threshold like plain paper. A
    solid black bar becomes white (its own background): bars are found on the raw image.
    """
    size = max(7, round(3 * dpi / 72) | 1)
    background = cv2.morphologyEx(image, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size)))
    return cv2.divide(image, np.maximum(background, 1), scale=255)


def _ink(normalized: np.ndarray) -> np.ndarray:
    """Binary ink mask (255) of a background-normalised page."""
    return np.where(normalized < INK_LEVEL, 255, 0).astype(np.uint8)


def _shrink(image: np.ndarray, dpi: int, target: int) -> tuple[np.ndarray, int]:
    factor = min(1.0, target / dpi)
    if factor >= 1.0:
        return image, dpi
    return cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA), round(dpi * factor)


def _osd(image: np.ndarray, dpi: int, osd_dpi: int) -> tuple[int, float]:
    """Tesseract OSD on a cleaned copy at ``osd_dpi``: (clockwise turn, confidence)."""
    small, small_dpi = _shrink(image, dpi, osd_dpi)
    normalized = normalize_background(small, small_dpi)
    normalized[find_rulings(small, small_dpi, normalized).mask > 0] = 255  # rules and grain mislead OSD
    try:
        out = _tesseract(normalized, ["--psm", "0", "--dpi", str(small_dpi)], timeout=60)
    except OcrError as error:  # "Too few characters" on a nearly empty page, or no osd data
        log.debug("OSD failed: %s", error)
        return 0, 0.0
    rotate = re.search(r"Rotate:\s*(\d+)", out)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    if not rotate or not confidence:
        return 0, 0.0
    return int(rotate.group(1)) % 360, float(confidence.group(1))


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


def turn(image: np.ndarray, rotation: int) -> np.ndarray:
    """Turn the image clockwise by a multiple of 90 degrees."""
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(image, codes[rotation]) if rotation in codes else image


def estimate_skew(image: np.ndarray, dpi: int, limit: float = MAX_SKEW) -> float:
    """Counter-clockwise tilt of the page content in degrees (projection-profile search).

    For each candidate angle the ink pixels (of a 150 dpi copy) are projected onto the
    vertical axis along lines of that slope; the angle at which text lines and rules
    pile into the fewest rows (largest sum of squared row counts) is the tilt. A coarse
    search in 0.25 degree steps is refined in 0.02 degree steps.
    """
    small, small_dpi = _shrink(image, dpi, 150)
    ink = _ink(normalize_background(small, small_dpi))
    ink &= ~cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((9, 9), np.uint8))  # no black bars and scanner edges
    ys, xs = np.nonzero(ink)
    if len(ys) < 500:
        return 0.0
    if len(ys) > 400_000:
        pick = np.random.default_rng(0).choice(len(ys), 400_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    ys = ys.astype(np.float64)
    xs = xs.astype(np.float64) - small.shape[1] / 2
    pad = small.shape[1] * math.tan(math.radians(limit)) / 2 + 2
    length = int(small.shape[0] + 2 * pad + 1)

    def score(angle: float) -> float:
        # content tilted counter-clockwise by `angle` has its lines at y = c - x*tan(angle)
        rows = np.bincount((ys + xs * math.tan(math.radians(angle)) + pad).astype(np.int64), minlength=length)
        return float(np.dot(rows.astype(np.float64), rows))

    best = max(np.arange(-limit, limit + 1e-9, 0.25), key=score)
    best = max(np.arange(best - 0.3, best + 0.3 + 1e-9, 0.02), key=score)
    return round(float(best), 2)


def deskew(image: np.ndarray, skew: float) -> np.ndarray:
    """Turn the content back by ``skew`` degrees around the page centre (same canvas)."""
    if abs(skew) < MIN_SKEW:
        return image
    h, w = image.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), -skew, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


# --------------------------------------------------------------------------- ruling lines


@dataclass
class Segment:
    """A rule in pixels: horizontal (pos = y, lo..hi = x) or vertical (pos = x, lo..hi = y)."""

    pos: float
    lo: float
    hi: float


@dataclass
class Rulings:
    horizontal: list[Segment]
    vertical: list[Segment]
    mask: np.ndarray  # every ruling pixel (255), to paint out before OCR


def _segments(mask: np.ndarray, horizontal: bool, min_length: int) -> list[Segment]:
    count, _, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    found = []
    for i in range(1, count):
        x, y, w, h, _ = stats[i]
        if horizontal and w >= min_length:
            found.append(Segment(float(centroids[i][1]), float(x), float(x + w - 1)))
        elif not horizontal and h >= min_length:
            found.append(Segment(float(centroids[i][0]), float(y), float(y + h - 1)))
    return found


def _dashes(ink: np.ndarray, s: float) -> tuple[list[Segment], list[Segment], np.ndarray]:
    """Pieces of dashed and dotted rules: components no thicker than 1.6 pt.

    A stroke of a letter is part of a taller component (the bar of a ``T`` belongs to
    its stem), so it is not a piece; hyphens and full stops are, and are dropped later
    when they do not line up into a long enough chain. Vertical pieces are at most
    3.5 pt long: the stems of ``i`` and ``l`` stacked in wrapped lines would chain.
    """
    thin, shortest, longest = 1.6 * s, 0.5 * s, 3.5 * s
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    horizontal, vertical = [], []
    pieces = np.zeros(count, np.uint8)
    for i in range(1, count):
        x, y, w, h, _ = stats[i]
        if h <= thin and w >= shortest and w >= h:
            horizontal.append(Segment(float(centroids[i][1]), float(x), float(x + w - 1)))
            pieces[i] = 255
        if w <= thin and shortest <= h <= longest and h >= w:
            vertical.append(Segment(float(centroids[i][0]), float(y), float(y + h - 1)))
            pieces[i] = 255
    return horizontal, vertical, pieces[labels]


def _chains(solid: list[Segment], pieces: list[Segment], s: float, min_length: float) -> list[Segment]:
    """Solid rules, plus collinear pieces joined into rules.

    Pieces on one line (within 1 pt) with gaps up to 6 pt form a chain; a chain is a
    rule when it is at least ``min_length`` long and either holds a solid segment or
    has four pieces or more and is at least 12% ink (the dotted rules of a 100 dpi
    1-bit scan are that sparse). A solid segment joins the pieces around it, so a rule
    that is half solid, half dotted, or cut by a gap is one rule.
    """
    tolerance, max_gap = 1.0 * s, 6.0 * s
    items = sorted([(g, True) for g in solid] + [(g, False) for g in pieces], key=lambda item: item[0].pos)
    lines: list[list[tuple[Segment, bool]]] = []
    for item in items:
        if lines and item[0].pos - lines[-1][-1][0].pos <= tolerance:
            lines[-1].append(item)
        else:
            lines.append([item])
    found = []

    def close(chain: list[tuple[Segment, bool]]) -> None:
        lo, hi = chain[0][0].lo, max(g.hi for g, _ in chain)
        inked = sum(g.hi - g.lo + 1 for g, _ in chain)
        has_solid = any(is_solid for _, is_solid in chain)
        if hi - lo >= min_length and (has_solid or (len(chain) >= 4 and inked >= 0.12 * (hi - lo))):
            found.append(Segment(sum(g.pos * (g.hi - g.lo + 1) for g, _ in chain) / inked, lo, hi))

    for line in lines:
        line.sort(key=lambda item: item[0].lo)
        chain = [line[0]]
        for item in line[1:]:
            if item[0].lo - max(g.hi for g, _ in chain) > max_gap:
                close(chain)
                chain = []
            chain.append(item)
        close(chain)
    return found


def find_rulings(image: np.ndarray, dpi: int, normalized: np.ndarray | None = None) -> Rulings:
    """Horizontal and vertical ruling lines (and the edges of solid dark bars).

    A solid rule is a run of ink at least 20 pt long (horizontal) or 9 pt tall
    (vertical) and at most 3 pt thick, found by opening with a long thin kernel. The
    ink is first thickened by one pixel across the line so that a rule that steps by a
    pixel (residual skew, paper warp) is still one run. There is no closing along the
    line (it turns the baselines of text into rules): dashed and dotted rules, and rules
    broken up by a low-resolution 1-bit scan, are chained from their pieces instead.
    """
    s = dpi / 72
    ink = _ink(normalize_background(image, dpi) if normalized is None else normalized)
    thickest = max(4, round(3 * s))
    h_len, v_len = max(20, round(20 * s)), max(20, round(9 * s))

    h = cv2.dilate(ink, np.ones((3, 1), np.uint8))
    h = cv2.morphologyEx(h, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    h &= ~cv2.morphologyEx(h, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, thickest)))
    v = cv2.dilate(ink, np.ones((1, 3), np.uint8))
    v = cv2.morphologyEx(v, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    v &= ~cv2.morphologyEx(v, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (thickest, 1)))

    h_pieces, v_pieces, piece_mask = _dashes(ink & ~(h | v), s)
    horizontal = _chains(_segments(h, True, h_len), h_pieces, s, h_len)
    vertical = _chains(_segments(v, False, v_len), v_pieces, s, v_len)

    # solid dark bars (a header row printed white on black): their edges are rules
    dark = np.where(image < 90, 255, 0).astype(np.uint8)
    solid = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((round(6 * s), round(6 * s)), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=8)
    bars = np.zeros_like(ink)
    for i in range(1, count):
        x, y, w, hh, _ = stats[i]
        if w >= 40 * s and hh >= 6 * s and w >= 2 * hh:
            horizontal += [Segment(float(y), float(x), float(x + w - 1)), Segment(float(y + hh - 1), float(x), float(x + w - 1))]
            vertical += [Segment(float(x), float(y), float(y + hh - 1)), Segment(float(x + w - 1), float(y), float(y + hh - 1))]
            bars[y:y + hh, x:x + w] = 255

    # pieces are painted out only where they lie on a rule (elsewhere they are punctuation)
    on_rules = np.zeros_like(ink)
    width = max(3, round(1.2 * s))
    for g in horizontal:
        cv2.line(on_rules, (int(g.lo), int(round(g.pos))), (int(g.hi), int(round(g.pos))), 255, width)
    for g in vertical:
        cv2.line(on_rules, (int(round(g.pos)), int(g.lo)), (int(round(g.pos)), int(g.hi)), 255, width)
    mask = cv2.dilate(h | v | (piece_mask & on_rules), np.ones((3, 3), np.uint8)) | bars
    return Rulings(horizontal, vertical, mask)


# --------------------------------------------------------------------------- cell grids


@dataclass
class CellGrid:
    """The cell structure of one ruled table, in pixels of the page image."""

    ys: list[float]  # row lines, top to bottom
    xs: list[float]  # column lines, left to right
    labels: np.ndarray  # grid position -> cell id; the positions of a merged cell share one
    #: The last row has no bottom rule (cut by the page break), as ``RawTable.open_bottom``.
    open_bottom: bool = False

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]


def _cluster(segments: list[Segment], tolerance: float) -> list[tuple[float, list[tuple[float, float]]]]:
    """Group segments at the same position: (position, merged extents)."""
    groups: list[list[Segment]] = []
    for seg in sorted(segments, key=lambda g: g.pos):
        if groups and seg.pos - groups[-1][-1].pos <= tolerance:
            groups[-1].append(seg)
        else:
            groups.append([seg])
    clusters = []
    for group in groups:
        weight = sum(g.hi - g.lo for g in group) or 1.0
        pos = sum(g.pos * (g.hi - g.lo) for g in group) / weight
        extents: list[list[float]] = []
        for g in sorted(group, key=lambda g: g.lo):
            if extents and g.lo <= extents[-1][1] + tolerance:
                extents[-1][1] = max(extents[-1][1], g.hi)
            else:
                extents.append([g.lo, g.hi])
        clusters.append((pos, [(a, b) for a, b in extents]))
    return clusters


def _covered(extents: list[tuple[float, float]], lo: float, hi: float) -> float:
    """Share of lo..hi covered by the extents."""
    if hi <= lo:
        return 0.0
    return sum(max(0.0, min(b, hi) - max(a, lo)) for a, b in extents) / (hi - lo)


def _grid(h_clusters, v_clusters):
    """Drop lines that border no cell; return the lines and which cell sides have a rule.

    ``top[i, j]``: line ``ys[i]`` separates grid cells (i-1, j) and (i, j);
    ``left[i, j]``: line ``xs[j]`` separates grid cells (i, j-1) and (i, j). An underline
    or a stray stroke inside a cell covers too little of any cell side and goes.
    """
    ys, xs = list(h_clusters), list(v_clusters)
    while len(ys) >= 2 and len(xs) >= 2:
        top = np.array([[_covered(ys[i][1], xs[j][0], xs[j + 1][0]) >= EDGE_COVERAGE for j in range(len(xs) - 1)]
                        for i in range(len(ys))], dtype=bool)
        left = np.array([[_covered(xs[j][1], ys[i][0], ys[i + 1][0]) >= EDGE_COVERAGE for j in range(len(xs))]
                         for i in range(len(ys) - 1)], dtype=bool)
        dead_y = [i for i in range(len(ys)) if not top[i].any()]
        dead_x = [j for j in range(len(xs)) if not left[:, j].any()]
        if not dead_y and not dead_x:
            return ys, xs, top, left
        if dead_y:  # one line at a time: removing a line changes the cells of the others
            ys.pop(dead_y[0])
        else:
            xs.pop(dead_x[0])
    return None


def _merge_cells(top: np.ndarray, left: np.ndarray) -> np.ndarray:
    """Label grid positions: positions with no rule between them share a label (union-find)."""
    n_rows, n_cols = left.shape[0], top.shape[1]
    parent = list(range(n_rows * n_cols))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for i in range(n_rows):
        for j in range(n_cols):
            if j > 0 and not left[i, j]:
                parent[find(i * n_cols + j)] = find(i * n_cols + j - 1)
            if i > 0 and not top[i, j]:
                parent[find(i * n_cols + j)] = find((i - 1) * n_cols + j)
    return np.array([find(k) for k in range(n_rows * n_cols)]).reshape(n_rows, n_cols)


def _regions(rulings: Rulings, shape: tuple[int, int], gap: int) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x0, y0, x1, y1) of groups of touching ruling lines."""
    canvas = np.zeros(shape, np.uint8)
    for seg in rulings.horizontal:
        cv2.line(canvas, (int(seg.lo), int(round(seg.pos))), (int(seg.hi), int(round(seg.pos))), 255, 1)
    for seg in rulings.vertical:
        cv2.line(canvas, (int(round(seg.pos)), int(seg.lo)), (int(round(seg.pos)), int(seg.hi)), 255, 1)
    canvas = cv2.dilate(canvas, np.ones((gap, gap), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(canvas, connectivity=8)
    return [(int(x), int(y), int(x + w), int(y + h)) for x, y, w, h, _ in stats[1:count]]


def find_grids(rulings: Rulings, shape: tuple[int, int], dpi: int) -> list[CellGrid]:
    """Cell grids of the ruled tables on a page, top to bottom (at least 2 columns)."""
    s = dpi / 72
    tolerance = 2.5 * s  # rules closer than 2.5 pt are one rule
    grids = []
    for x0, y0, x1, y1 in sorted(_regions(rulings, shape, max(3, round(2 * s))), key=lambda r: r[1]):
        if x1 - x0 < 50 * s or y1 - y0 < 15 * s:
            continue
        inside_h = [g for g in rulings.horizontal if x0 <= (g.lo + g.hi) / 2 <= x1 and y0 <= g.pos <= y1]
        inside_v = [g for g in rulings.vertical if x0 <= g.pos <= x1 and y0 <= (g.lo + g.hi) / 2 <= y1]
        h_clusters, v_clusters = _cluster(inside_h, tolerance), _cluster(inside_v, tolerance)
        end = _open_bottom(h_clusters, v_clusters, tolerance, shape[0])
        if end is not None:  # close the cut row with a rule of our own
            h_clusters.append((end, [(v_clusters[0][0], v_clusters[-1][0])]))
        grid = _grid(h_clusters, v_clusters)
        if grid is None or len(grid[1]) < 3:  # one column: a framed paragraph, not a table
            continue
        ys, xs, top, left = grid
        grids.append(CellGrid([c[0] for c in ys], [c[0] for c in xs], _merge_cells(top, left),
                              open_bottom=end is not None and abs(ys[-1][0] - end) < 1))
    return grids


def _open_bottom(h_clusters, v_clusters, tolerance: float, page_height: int) -> float | None:
    """Where the row cut by the page break ends, when the table's last row has no bottom rule.

    Word draws a row cut by a page break with its column rules but no bottom rule:
    three or more column rules run on below the last horizontal rule to a common end,
    with no horizontal rule in between (the same test as ``extract.tables._open_last_row``).
    """
    if len(h_clusters) < 2 or len(v_clusters) < 3:
        return None
    bottom = h_clusters[-1][0]
    ends = [max(b for _, b in extents) for _, extents in v_clusters
            if any(a <= bottom + tolerance and b > bottom + 2 * tolerance for a, b in extents)]
    if len(ends) < 3:
        return None
    end = max(ends)
    if sum(abs(e - end) <= tolerance for e in ends) < 3 or end > page_height * 0.95:
        return None
    return end


def _erase_mask(rulings: Rulings, grids: list[CellGrid], shape: tuple[int, int], s: float) -> np.ndarray:
    """Ruling pixels inside the tables (outside them a "rule" may be a tall letter)."""
    keep = np.zeros(shape, np.uint8)
    pad = round(3 * s)
    for grid in grids:
        x0, y0, x1, y1 = (int(round(v)) for v in grid.bbox)
        keep[max(0, y0 - pad):y1 + pad, max(0, x0 - pad):x1 + pad] = 255
    return rulings.mask & keep


# --------------------------------------------------------------------------- words


def _parse_tsv(tsv: str, scale: float) -> tuple[list[OcrWord], list[tuple[float, str]]]:
    """Words (pixels / ``scale``) and printed lines as (top, text) in Tesseract's order."""
    words: list[OcrWord] = []
    lines: dict[tuple[int, int, int, int], list[OcrWord]] = {}
    for row in tsv.splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5":
            continue
        text = parts[11].strip()
        conf = float(parts[10])
        if not text or conf < 0 or (_RULE_JUNK.match(text) and conf < 60):
            continue
        left, top, width, height = (int(v) for v in parts[6:10])
        word = OcrWord(text, round(left / scale, 2), round(top / scale, 2),
                       round((left + width) / scale, 2), round((top + height) / scale, 2), round(conf, 1))
        words.append(word)
        lines.setdefault((int(parts[1]), int(parts[2]), int(parts[3]), int(parts[4])), []).append(word)
    return words, [(min(w.top for w in line), " ".join(w.text for w in line)) for line in lines.values()]


def _text_lines(words: list[OcrWord]) -> list[list[OcrWord]]:
    """Words grouped into printed lines, top to bottom, each left to right."""
    if not words:
        return []
    tolerance = 0.5 * median(w.bottom - w.top for w in words)
    lines: list[list[OcrWord]] = []
    for word in sorted(words, key=lambda w: w.centre[1]):
        if lines:
            current = lines[-1]
            if abs(word.centre[1] - sum(w.centre[1] for w in current) / len(current)) <= tolerance:
                current.append(word)
                continue
        lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _join(words: list[OcrWord]) -> str:
    """Cell text: lines top to bottom joined by newlines, words by spaces."""
    return "\n".join(" ".join(w.text for w in line) for line in _text_lines(words))


# --------------------------------------------------------------------------- reading cells


def _glyphs(normalized: np.ndarray, dpi: int) -> np.ndarray:
    """Ink that can be part of a character, without scanner grain.

    Grain is small and pale; a full stop is about 2.5 pt² and dark. Kept: components of
    at least 1 pt², or of 0.3 pt² when they are as dark as print.
    """
    s = dpi / 72
    count, labels, stats, _ = cv2.connectedComponentsWithStats(_ink(normalized), connectivity=8)
    darkest = np.full(count, 255, np.int32)
    np.minimum.at(darkest, labels.ravel(), normalized.ravel().astype(np.int32))
    area = stats[:, 4]
    keep = np.where((area >= s * s) | ((area >= 0.3 * s * s) & (darkest <= 100)), 255, 0).astype(np.uint8)
    keep[0] = 0
    return keep[labels]


def _cell_boxes(grid: CellGrid, s: float) -> dict[int, tuple[int, int, int, int]]:
    """Inside of every cell in pixels (x0, y0, x1, y1), 1 pt in from its rules."""
    boxes = {}
    for label in np.unique(grid.labels):
        rows, cols = np.nonzero(grid.labels == label)
        boxes[int(label)] = (int(grid.xs[cols.min()] + s), int(grid.ys[rows.min()] + s),
                             int(grid.xs[cols.max() + 1] - s), int(grid.ys[rows.max() + 1] - s))
    return boxes


def _clean_crop(crop: np.ndarray, s: float) -> np.ndarray:
    """A cell image without grain: pale marks under 1 pt² that touch no character go.

    Punctuation survives because it is as dark as print or sits within 3 pt beside
    (1.5 pt above or below) a character; a speck of grain or a crumb of an erased rule
    is pale and alone, and Tesseract would read it as ``.``, ``'`` or a stray letter.
    """
    crop = crop.copy()
    crop[crop >= 215] = 255
    count, labels, stats, _ = cv2.connectedComponentsWithStats(_ink(crop), connectivity=8)
    big = stats[:, 4] >= s * s
    big[0] = False
    if count <= 1 or big[1:].all():
        return crop
    reach = (max(3, round(3 * s)) | 1, max(3, round(1.5 * s)) | 1)
    near = cv2.dilate(np.where(big[labels], 255, 0).astype(np.uint8),
                      cv2.getStructuringElement(cv2.MORPH_ELLIPSE, reach))
    touching = np.zeros(count, bool)
    touching[np.unique(labels[near > 0])] = True
    darkest = np.full(count, 255, np.int32)
    np.minimum.at(darkest, labels.ravel(), crop.ravel().astype(np.int32))
    lonely = ~big & ~touching & (darkest > 100)
    lonely[0] = False
    crop[lonely[labels]] = 255
    return crop


def _clean_cell_words(words: list[OcrWord]) -> list[OcrWord]:
    """Tidy the words of one cell.

    - grain read as punctuation goes (a lone dash, a printed blank, stays);
    - quote marks and bars glued to the front or back of a word go;
    - ``Yo`` (a misread lone ``%``) becomes ``%``;
    - in a cell of three words or more, a one- or two-letter "word" read with
      confidence under 40 is grain or a crumb of a rule (``Tn``, ``oO``), not text.
    """
    kept = [w for w in words if not _RULE_JUNK.match(w.text) or (w.text in "-–—" and len(words) == 1)]
    out = []
    for w in kept:
        text = re.sub(r"^[‘’'`*|_~\"“”]+(?=[\dA-Za-z(])", "", w.text)
        text = re.sub(r"(?<=[\d%)A-Za-z])[|‘’'`_~]+$", "", text)
        if text in _PERCENT_MISREADS:
            text = "%"
        if len(kept) >= 3 and len(text) <= 2 and w.conf < 40 and text != "%" and not any(c.isdigit() for c in text):
            continue
        if text:
            out.append(OcrWord(text, w.x0, w.top, w.x1, w.bottom, w.conf))
    return out


def _enlargement(up: float, pixels: int) -> float:
    """``up``, or less when the enlarged mosaic would pass ``MOSAIC_PIXELS`` (never below 1).

    A 300 dpi page is always enlarged by the full 1.5; a poster rendered at a few dpi
    is enlarged only as far as the budget allows.
    """
    return max(1.0, min(up, math.sqrt(MOSAIC_PIXELS / max(pixels, 1))))


def _read_cells(cleaned: np.ndarray, glyphs: np.ndarray, boxes: dict, s: float, dpi: int) -> dict:
    """OCR every non-blank cell on its own: the words of each cell key, in points.

    Each cell's glyphs (cropped, grain removed) go on their own band of a white mosaic,
    one cell under the other with a 14 pt gap, and the mosaic, enlarged to
    ``CELL_DPI``, is read with ``--psm 6`` in one Tesseract call (a new call every
    ``MOSAIC_HEIGHT`` pixels). A blank cell is not read at all.
    """
    margin, gap, room = round(4 * s), round(14 * s), round(1.5 * s)
    pieces = []  # (key, crop x0, crop y0, crop)
    for key, (x0, y0, x1, y1) in boxes.items():
        if x1 <= x0 or y1 <= y0:
            continue
        ys, xs = np.nonzero(glyphs[y0:y1, x0:x1])
        if len(ys) == 0:
            continue
        # a little room around the glyphs: punctuation is not always in the glyph mask
        cx0, cy0 = max(0, int(xs.min()) - room), max(0, int(ys.min()) - room)
        cx1, cy1 = min(x1 - x0, int(xs.max()) + 1 + room), min(y1 - y0, int(ys.max()) + 1 + room)
        crop = _clean_crop(cleaned[y0 + cy0:y0 + cy1, x0 + cx0:x0 + cx1], s)
        pieces.append((key, x0 + cx0, y0 + cy0, crop))
    up = max(1.0, CELL_DPI / dpi)
    # before enlarging, a mosaic holds at most what can still be enlarged to CELL_DPI from 300 dpi
    most = MOSAIC_PIXELS / (CELL_DPI / DEFAULT_DPI) ** 2
    found: dict = {}
    start = 0
    while start < len(pieces):
        height, width, end = margin, 0, start
        while end < len(pieces):
            h, w = pieces[end][3].shape
            wider = max(width, w + 2 * margin)
            if end > start and (height + h + gap > MOSAIC_HEIGHT or (height + h + gap) * wider > most):
                break
            height, width = height + h + gap, wider
            end += 1
        batch = pieces[start:end]
        mosaic = np.full((height, width), 255, np.uint8)
        bands = []  # (band top, band bottom, key, offset x, offset y)
        y = margin
        for key, px, py, crop in batch:
            h, w = crop.shape
            mosaic[y:y + h, margin:margin + w] = crop
            bands.append((y - gap // 2, y + h + gap // 2, key, px - margin, py - y))
            y += h + gap
        factor = _enlargement(up, mosaic.size)
        if factor != 1.0:
            mosaic = cv2.resize(mosaic, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
        tsv = _tesseract(mosaic, ["-l", ocr_languages(), "--psm", CELL_PSM, "--dpi", str(round(dpi * factor)), "tsv"])
        del mosaic
        for word in _parse_tsv(tsv, factor)[0]:
            centre = (word.top + word.bottom) / 2
            for top, bottom, key, dx, dy in bands:
                if top <= centre < bottom:
                    found.setdefault(key, []).append(OcrWord(
                        word.text, round((word.x0 + dx) / s, 2), round((word.top + dy) / s, 2),
                        round((word.x1 + dx) / s, 2), round((word.bottom + dy) / s, 2), word.conf))
                    break
        start = end
    return {key: _clean_cell_words(words) for key, words in found.items()}


def _assign_words(words: list[OcrWord], grids: list[CellGrid], s: float) -> dict:
    """Words of the page by (grid, cell label) of the cell their centre falls in."""
    found: dict = {}
    for word in words:
        px, py = word.centre[0] * s, word.centre[1] * s
        for g, grid in enumerate(grids):
            if grid.xs[0] <= px < grid.xs[-1] and grid.ys[0] <= py < grid.ys[-1]:
                i = int(np.searchsorted(grid.ys, py, side="right")) - 1
                j = int(np.searchsorted(grid.xs, px, side="right")) - 1
                found.setdefault((g, int(grid.labels[i, j])), []).append(word)
                break
    return found


def _has_ink(glyphs: np.ndarray, box: tuple[int, int, int, int], s: float) -> bool:
    """Whether a cell holds a mark the size of a small character (2 pt high or wide)."""
    x0, y0, x1, y1 = box
    region = glyphs[y0:y1, x0:x1]
    if region.size == 0 or not region.any():
        return False
    count, _, stats, _ = cv2.connectedComponentsWithStats(region, connectivity=8)
    return any(max(stats[k][2], stats[k][3]) >= 2 * s for k in range(1, count))


def _fill(grid: CellGrid, words: dict, boxes: dict, glyphs: np.ndarray, s: float):
    """Rows, spans, confidences, owners and words of a grid; merged positions are ``None``."""
    labels, xs = grid.labels, grid.xs
    rows, spans, confidences, owners, cell_words = [], [], [], [], []
    first: dict[int, tuple[int, int]] = {}
    for i in range(labels.shape[0]):
        row_texts, row_spans, row_conf, row_owner, row_words = [], [], [], [], []
        for j in range(labels.shape[1]):
            label = int(labels[i, j])
            if label in first:
                row_texts.append(None)
                row_spans.append(None)
                row_conf.append(None)
                row_owner.append(first[label])
                row_words.append([])
                continue
            first[label] = (i, j)
            cols = np.nonzero((labels == label).any(axis=0))[0]
            found = words.get(label, [])
            conf: float | None
            if found:
                conf = min(w.conf for w in found)
            else:
                conf = 0.0 if _has_ink(glyphs, boxes[label], s) else None
            row_texts.append(_join(found))
            row_spans.append((round(xs[cols.min()] / s, 1), round(xs[cols.max() + 1] / s, 1)))
            row_conf.append(conf)
            row_owner.append((i, j))
            row_words.append(found)
        rows.append(row_texts)
        spans.append(row_spans)
        confidences.append(row_conf)
        owners.append(row_owner)
        cell_words.append(row_words)
    return rows, spans, confidences, owners, cell_words


def _title_above(page: OcrPage, bbox: tuple[float, float, float, float], floor: float, boxes) -> str:
    """Words printed between the previous table (or ``floor``) and this table's top."""
    upper = max(floor, bbox[1] - TITLE_REACH, 0.0)
    words = [
        w for w in page.words
        if upper <= w.centre[1] < bbox[1]
        and not any(b[0] <= w.centre[0] <= b[2] and b[1] <= w.centre[1] <= b[3] for b in boxes)
    ]
    return _join(words).strip()


def _set_titles(page: OcrPage, tables: list[OcrTable]) -> None:
    boxes = [t.raw.bbox for t in tables]
    floor = 0.0
    for table in tables:
        table.raw.title = _title_above(page, table.raw.bbox, floor, boxes)
        floor = table.raw.bbox[3]


# --------------------------------------------------------------------------- tables


def ocr_tables(
    page: OcrPage,
    image: np.ndarray,
    rulings: Rulings | None = None,
    grids: list[CellGrid] | None = None,
    per_cell: bool = True,
    normalized: np.ndarray | None = None,
) -> list[OcrTable]:
    """Ruled tables (``ocr-lattice``) of an OCRed page.

    ``image`` is the upright, deskewed grayscale page that ``page`` was read from (its
    width in pixels over ``page.width`` is the scale); ``normalized`` its
    ``normalize_background`` when already made. With ``per_cell`` (the default) every
    non-blank cell is read on its own (``_read_cells``); otherwise a cell takes the
    words of ``page`` whose centres fall in it (faster, less accurate).
    """
    s = image.shape[1] / page.width
    dpi = round(s * 72)
    normalized = normalize_background(image, dpi) if normalized is None else normalized.copy()
    if rulings is None:
        rulings = find_rulings(image, dpi, normalized)
    if grids is None:
        grids = find_grids(rulings, image.shape, dpi)
    if not grids:
        return []
    normalized[_erase_mask(rulings, grids, image.shape, s) > 0] = 255
    glyphs = _glyphs(normalized, dpi)
    boxes = {(g, label): box for g, grid in enumerate(grids) for label, box in _cell_boxes(grid, s).items()}
    if per_cell:
        words = _read_cells(normalized, glyphs, boxes, s, dpi)
    else:
        words = _assign_words(page.words, grids, s)
    found: list[OcrTable] = []
    for g, grid in enumerate(grids):
        rows, spans, confidences, owners, cell_words = _fill(
            grid, {k[1]: v for k, v in words.items() if k[0] == g}, {k[1]: v for k, v in boxes.items() if k[0] == g},
            glyphs, s)
        bbox = tuple(round(v / s, 2) for v in grid.bbox)
        if is_page_furniture(bbox, len(rows), page.height):
            continue
        raw = RawTable(page=page.number, index=len(found), flavor="ocr-lattice", bbox=bbox,
                       page_height=page.height, rows=rows, spans=spans, title="", open_bottom=grid.open_bottom)
        found.append(OcrTable(raw, confidences, owners, cell_words))
    _set_titles(page, found)
    return found


def word_tables(page: OcrPage, min_columns: int = 3, min_rows: int = 3) -> list[OcrTable]:
    """Borderless tables (``ocr-words``) by word alignment, one printed line per row.

    A printed line is cut into segments where two words are further apart than one
    word height (a column gap, not a word space). A run of lines with at least two
    segments, ``min_rows`` of them with ``min_columns`` or more, is a table (up to three
    lines with one segment inside a run are a wrapped cell). Its columns are the
    x-ranges covered by the run's words, split where no word covers a gap of half a
    word height (a projection profile): a space between two words of one line is
    covered by the words of other lines, a column gap is not.
    """
    lines = _text_lines(page.words)
    if not lines:
        return []
    height = median(w.bottom - w.top for w in page.words)
    counts = [1 + sum(1 for a, b in zip(line, line[1:]) if b.x0 - a.x1 > height) for line in lines]
    runs: list[list[int]] = []
    current: list[int] = []
    for k, count in enumerate(counts):
        wrapped = count == 1 and current and any(c >= 2 for c in counts[k + 1:k + 4])
        if count >= 2 or wrapped:
            current.append(k)
            continue
        if sum(counts[i] >= min_columns for i in current) >= min_rows:
            runs.append(current)
        current = []
    if sum(counts[i] >= min_columns for i in current) >= min_rows:
        runs.append(current)
    found = []
    for run in runs:
        words = [w for k in run for w in lines[k]]
        columns: list[list[float]] = []
        for w in sorted(words, key=lambda w: w.x0):
            if columns and w.x0 - columns[-1][1] <= height / 2:
                columns[-1][1] = max(columns[-1][1], w.x1)
            else:
                columns.append([w.x0, w.x1])
        if len(columns) < min_columns:
            continue
        cuts = [columns[0][0]] + [(a[1] + b[0]) / 2 for a, b in zip(columns, columns[1:])] + [columns[-1][1]]
        spans = [(round(cuts[k], 1), round(cuts[k + 1], 1)) for k in range(len(columns))]
        rows, confidences, cell_words = [], [], []
        for k in run:
            cells: list[list[OcrWord]] = [[] for _ in columns]
            for word in lines[k]:
                column = int(np.searchsorted(cuts, word.centre[0], side="right")) - 1
                cells[min(max(column, 0), len(columns) - 1)].append(word)
            rows.append([" ".join(w.text for w in cell) for cell in cells])
            confidences.append([min((w.conf for w in cell), default=None) for cell in cells])
            cell_words.append(cells)
        bbox = (round(cuts[0], 2), round(min(w.top for w in words), 2), round(cuts[-1], 2),
                round(max(w.bottom for w in words), 2))
        raw = RawTable(page=page.number, index=len(found), flavor="ocr-words", bbox=bbox, page_height=page.height,
                       rows=rows, spans=[list(spans) for _ in rows], title="")
        owners = [[(r, c) for c in range(len(columns))] for r in range(len(rows))]
        found.append(OcrTable(raw, confidences, owners, cell_words))
    _set_titles(page, found)
    return found


def min_confidence_in(table: OcrTable, row: int, col: int) -> float | None:
    """OCR confidence (lowest word, 0..100) of the cell at ``row``, ``col``.

    A position covered by a merged cell answers for the merged cell (whose text the
    interpreter carries into it); ``None`` for a blank cell or a position outside the
    table; ``0.0`` for a cell with ink that no word was read from.
    """
    rows = table.raw.rows
    if not (0 <= row < len(rows)) or not (0 <= col < len(rows[row])):
        return None
    if table.owners:
        row, col = table.owners[row][col]
    return table.confidences[row][col]


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
    tsv = _tesseract(outside, ["-l", ocr_languages(), "--psm", PAGE_PSM, "--dpi", str(dpi), "tsv"])
    del outside
    words, lines = _parse_tsv(tsv, s)
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

