"""OCR of scanned pages into the same page text and ``RawTable`` cells as born-digital pages.

A scanned LKj page (an image with no text layer) goes through:

1. **render** the page with pypdfium2 (grayscale, ``dpi``; one page image in memory at
   a time);
2. **orientation**: Tesseract's OSD (``--psm 0``) on a 150 dpi copy says how far the
   page must be turned (landscape tables are often bound rotated by 90 degrees);
3. **deskew**: the small angle of a crooked scan is the one that makes the horizontal
   projection profile of the ink sharpest (text lines and ruling lines then fall into
   few pixel rows); searched in -5..5 degrees, precise to about 0.05 degrees;
4. **ruling lines**: horizontal and vertical lines are found by morphological opening
   of the binarised image with long thin kernels (after a short closing that bridges
   dashes and JPEG gaps); solid dark bars (a black header row) add their edges;
5. **OCR** with ``tesseract -l ind --psm 3 tsv`` on the deskewed page with the ruling
   lines painted out (glyphs touching a rule are read far better without it), giving
   word boxes and confidences;
6. **tables**: the cell grid is built from the ruling lines (``flavor="ocr-lattice"``);
   a grid cell whose boundary line is missing is merged with its neighbour, the merged
   cell's text goes to its first position and the positions it covers are ``None``, as
   pdfplumber reports merged cells. Each cell gets the words whose centres fall in it.
   Pages without ruled tables can be read as borderless tables by word alignment
   (``flavor="ocr-words"``, ``borderless=True``).

Every coordinate is in PDF points of the page *as it should be read*: the frame is
the de-rotated, deskewed page (origin top-left, like pdfplumber), and ``OcrPage.width``
and ``height`` are that frame's size (swapped for a page turned by 90 degrees).

Tesseract runs as a subprocess (the CLI), not through pytesseract: pytesseract is a
thin wrapper around the same binary that writes temporary files and parses the same
TSV, so it would add a dependency without adding anything; calling the binary directly
lets the page go in through stdin as an uncompressed PGM and pins
``OMP_THREAD_LIMIT=1`` (Tesseract's OpenMP threads made a page 5x slower on 2 cores).
OCRmyPDF was not used: it writes a new PDF with an invisible text layer, which gives
neither the word confidences nor the ruling lines of an image-only page, and it pulls
in Ghostscript and a process pool per document.
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

from extract.tables import TITLE_REACH, RawTable

log = logging.getLogger(__name__)

LANGUAGE = "ind"
INSTALL_HINT = "install tesseract-ocr tesseract-ocr-ind"
#: Tesseract's OpenMP threads fight each other on small machines: one thread per
#: process is 5x faster on 2 cores (and lets several pages run in parallel processes).
_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}
#: Page segmentation mode for the words (see docs/ocr.md for the comparison).
PSM = os.environ.get("LKJ_OCR_PSM", "3")
#: OSD runs on a smaller copy of the page: enough for orientation, 2x faster.
OSD_DPI = 150
#: Below this OSD orientation confidence the page is left as it is.
OSD_MIN_CONFIDENCE = 2.0
#: Largest skew searched for, in degrees.
MAX_SKEW = 5.0
#: Skews smaller than this are not corrected (rotating costs a little sharpness).
MIN_SKEW = 0.05
#: Words that are only these characters and read with low confidence are rule fragments.
_RULE_JUNK = re.compile(r"^[|_\-—–~!:;.,'\"`‘’“”\[\](){}/\\=]+$")


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
    of the cell, ``None`` where the cell is blank or covered by a merged cell, and
    ``0.0`` for a cell that holds ink but no word could be read from it.
    """

    raw: RawTable
    confidences: list[list[float | None]]
    #: For every position, the (row, col) of the cell that holds its text: itself, or
    #: the first position of the merged cell that covers it.
    owners: list[list[tuple[int, int]]] = field(default_factory=list)


@dataclass
class OcrPage:
    number: int
    text: str
    words: list[OcrWord]
    width: float  # points, of the upright (de-rotated) page
    height: float
    rotation: int  # degrees the scan was turned clockwise to read it: 0, 90, 180, 270
    skew_degrees: float  # counter-clockwise tilt of the content that was corrected
    mean_confidence: float  # mean word confidence, 0..100 (0 when no words)
    dpi: int = 300
    tables: list[OcrTable] = field(default_factory=list)


# --------------------------------------------------------------------------- tesseract


@functools.lru_cache(maxsize=1)
def _languages() -> tuple[str, ...] | None:
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, env=_ENV)
    except (OSError, subprocess.SubprocessError):
        return None
    lines = (out.stdout + out.stderr).splitlines()
    return tuple(line.strip() for line in lines if line.strip() and " " not in line.strip())


def ocr_languages() -> str:
    """``ind+eng`` when English is installed, else ``ind``.

    The ``ind`` model (tessdata_fast, as Debian ships it) has no ``%`` in its character
    set: alone it reads ``100%`` as ``10096`` or ``100Y6``. English adds ``%`` and the
    other symbols; the Indonesian words still come out right.
    """
    languages = _languages() or ()
    return f"{LANGUAGE}+eng" if "eng" in languages else LANGUAGE


def tesseract_available() -> str | None:
    """``None`` when Tesseract and its Indonesian model are installed, else what to do."""
    languages = _languages()
    if languages is None:
        return f"tesseract is not installed: {INSTALL_HINT}"
    if LANGUAGE not in languages:
        return f"tesseract has no '{LANGUAGE}' language data: {INSTALL_HINT}"
    return None


def _tesseract(image: np.ndarray, args: list[str], timeout: float = 300) -> str:
    """Run the tesseract CLI on a grayscale image given through stdin; return stdout."""
    problem = tesseract_available()
    if problem:
        raise OcrError(problem)
    ok, buffer = cv2.imencode(".pgm", image)  # uncompressed: encoding a PNG costs 0.1 s
    if not ok:
        raise OcrError("could not encode page image")
    command = ["tesseract", "stdin", "stdout", *args]
    try:
        done = subprocess.run(command, input=buffer.tobytes(), capture_output=True, timeout=timeout, env=_ENV)
    except subprocess.TimeoutExpired as error:
        raise OcrError(f"tesseract timed out after {timeout:.0f} s") from error
    if done.returncode != 0:
        raise OcrError(f"tesseract failed ({done.returncode}): {done.stderr.decode(errors='replace')[-300:]}")
    return done.stdout.decode("utf-8", errors="replace")


# --------------------------------------------------------------------------- image


def render_page(path: Path, page_number: int, dpi: int = 300, password: str | None = None) -> tuple[np.ndarray, float, float]:
    """Grayscale image of a 1-based page and the page's size in points (as displayed)."""
    pdf = pdfium.PdfDocument(str(path), password=password)
    try:
        page = pdf[page_number - 1]
        width, height = page.get_size()
        if page.get_rotation() in (90, 270):
            width, height = height, width
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        image = bitmap.to_numpy().copy()
        bitmap.close()
        page.close()
    finally:
        pdf.close()
    if image.ndim == 3:
        image = image[:, :, 0]
    return image, float(width), float(height)


def detect_orientation(image: np.ndarray, dpi: int) -> int:
    """Degrees (0, 90, 180, 270) to turn the image clockwise so its text reads upright."""
    factor = min(1.0, OSD_DPI / dpi)
    small = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else image
    try:
        out = _tesseract(small, ["--psm", "0", "--dpi", str(round(dpi * factor))], timeout=60)
    except OcrError as error:  # "Too few characters" on nearly empty pages
        log.debug("OSD failed: %s", error)
        return 0
    rotate = re.search(r"Rotate:\s*(\d+)", out)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    if not rotate or not confidence or float(confidence.group(1)) < OSD_MIN_CONFIDENCE:
        return 0
    return int(rotate.group(1)) % 360


def turn(image: np.ndarray, rotation: int) -> np.ndarray:
    """Turn the image clockwise by a multiple of 90 degrees."""
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(image, codes[rotation]) if rotation in codes else image


def _ink(image: np.ndarray, dpi: int) -> np.ndarray:
    """Binary image, ink = 255: local threshold (survives grain and grey fills) or very dark."""
    block = max(15, int(dpi / 10) | 1)
    local = cv2.adaptiveThreshold(image, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 15)
    return local | np.where(image < 90, 255, 0).astype(np.uint8)


def estimate_skew(image: np.ndarray, dpi: int, limit: float = MAX_SKEW) -> float:
    """Counter-clockwise tilt of the page content in degrees (projection-profile search)."""
    factor = min(1.0, 150 / dpi)
    small = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else image
    ink = _ink(small, round(dpi * factor))
    # big solid blobs (black bars, scanner edges) would dominate the profile
    ink &= ~cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((9, 9), np.uint8))
    ys, xs = np.nonzero(ink)
    if len(ys) < 500:
        return 0.0
    if len(ys) > 400_000:
        pick = np.random.default_rng(0).choice(len(ys), 400_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    ys = ys.astype(np.float64)
    xs = xs.astype(np.float64) - small.shape[1] / 2
    height = small.shape[0]
    pad = small.shape[1] * math.tan(math.radians(limit)) / 2 + 2

    def score(angle: float) -> float:
        # content tilted counter-clockwise by `angle` has its lines at y = c - x*tan(angle)
        shifted = ys + xs * math.tan(math.radians(angle)) + pad
        hist = np.bincount(shifted.astype(np.int64), minlength=int(height + 2 * pad + 1)).astype(np.float64)
        return float(np.dot(hist, hist))

    coarse = np.arange(-limit, limit + 1e-9, 0.25)
    best = max(coarse, key=score)
    fine = np.arange(best - 0.3, best + 0.3 + 1e-9, 0.02)
    best = max(fine, key=score)
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
    """A ruling line in pixels: horizontal (pos = y, lo..hi = x) or vertical (pos = x, lo..hi = y)."""

    pos: float
    lo: float
    hi: float


@dataclass
class Rulings:
    horizontal: list[Segment]
    vertical: list[Segment]
    mask: np.ndarray  # every ruling pixel (255), to paint out before OCR


def _segments(mask: np.ndarray, horizontal: bool, min_length: int) -> list[Segment]:
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    found = []
    for i in range(1, count):
        x, y, w, h, _ = stats[i]
        if horizontal and w >= min_length:
            found.append(Segment(float(centroids[i][1]), float(x), float(x + w - 1)))
        elif not horizontal and h >= min_length:
            found.append(Segment(float(centroids[i][0]), float(y), float(y + h - 1)))
    return found


def find_rulings(image: np.ndarray, dpi: int) -> Rulings:
    """Horizontal and vertical ruling lines (and the edges of solid dark bars).

    A rule is a run of ink at least 20 pt long (horizontal) or 9 pt tall (vertical)
    and at most 3 pt thick. The ink is first thickened by one pixel across the line
    direction so that a rule that steps by a pixel (residual skew, paper warp) is still
    one run. No closing along the line: it would turn the baselines of text into rules.
    """
    s = dpi / 72
    ink = _ink(image, dpi)
    thickest = max(4, round(3 * s))
    h_len, v_len = max(20, round(20 * s)), max(20, round(9 * s))

    h = cv2.dilate(ink, np.ones((3, 1), np.uint8))
    h = cv2.morphologyEx(h, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    h &= ~cv2.morphologyEx(h, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, thickest)))
    v = cv2.dilate(ink, np.ones((1, 3), np.uint8))
    v = cv2.morphologyEx(v, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    v &= ~cv2.morphologyEx(v, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (thickest, 1)))

    horizontal = _segments(h, True, h_len)
    vertical = _segments(v, False, v_len)

    # solid dark bars (a black header row): their four edges are rules, their inside is blank
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

    mask = cv2.dilate(h | v, np.ones((3, 3), np.uint8)) | bars
    return Rulings(horizontal, vertical, mask)


# --------------------------------------------------------------------------- words


def prepare_for_ocr(image: np.ndarray, erase: np.ndarray, dpi: int) -> np.ndarray:
    """The page as Tesseract should see it: table rules painted out, grain removed."""
    cleaned = image.copy()
    cleaned[erase > 0] = 255
    return cleaned



def _parse_tsv(tsv: str, scale: float) -> tuple[list[OcrWord], str]:
    """Words (in points) and the page text (Tesseract's reading order, one line a line)."""
    words: list[OcrWord] = []
    lines: dict[tuple[int, int, int], list[str]] = {}
    for row in tsv.splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5":
            continue
        text = parts[11].strip()
        conf = float(parts[10])
        if not text or conf < 0:
            continue
        if _RULE_JUNK.match(text) and conf < 60:
            continue
        left, top, width, height = (int(v) for v in parts[6:10])
        words.append(OcrWord(text, round(left / scale, 2), round(top / scale, 2),
                             round((left + width) / scale, 2), round((top + height) / scale, 2), round(conf, 1)))
        lines.setdefault((int(parts[2]), int(parts[3]), int(parts[4])), []).append(text)
    return words, "\n".join(" ".join(line) for line in lines.values())


def _text_lines(words: list[OcrWord]) -> list[list[OcrWord]]:
    """Words grouped into printed lines, top to bottom, each left to right."""
    if not words:
        return []
    tolerance = 0.5 * median(w.bottom - w.top for w in words)
    lines: list[list[OcrWord]] = []
    for word in sorted(words, key=lambda w: w.centre[1]):
        if lines:
            current = lines[-1]
            centre = sum(w.centre[1] for w in current) / len(current)
            if abs(word.centre[1] - centre) <= tolerance:
                current.append(word)
                continue
        lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _join(words: list[OcrWord]) -> str:
    return "\n".join(" ".join(w.text for w in line) for line in _text_lines(words))


# --------------------------------------------------------------------------- page


def ocr_page(
    path: Path,
    page_number: int,
    dpi: int = 300,
    password: str | None = None,
    tables: bool = True,
    borderless: bool = False,
) -> OcrPage:
    """OCR one 1-based page: upright it, deskew it, read its words and its ruled tables.

    ``borderless`` also reads pages without ruled tables as word-aligned tables
    (``ocr-words``). The page image is dropped before returning.
    """
    image, width, height = render_page(Path(path), page_number, dpi, password)
    rotation = detect_orientation(image, dpi)
    image = turn(image, rotation)
    if rotation in (90, 270):
        width, height = height, width
    skew = estimate_skew(image, dpi)
    image = deskew(image, skew)
    scale = image.shape[1] / width
    rulings = find_rulings(image, dpi)
    grids = find_grids(rulings, image.shape, dpi) if tables else []
    cleaned = prepare_for_ocr(image, _erase_mask(rulings, grids, image.shape, scale), dpi)
    tsv = _tesseract(cleaned, ["-l", ocr_languages(), "--psm", PSM, "--dpi", str(dpi), "tsv"])
    del cleaned
    words, text = _parse_tsv(tsv, scale)
    mean = round(sum(w.conf for w in words) / len(words), 1) if words else 0.0
    page = OcrPage(page_number, text, words, round(width, 2), round(height, 2), rotation, skew, mean, dpi)
    if tables:
        page.tables = ocr_tables(page, image, rulings, grids)
        if borderless and not page.tables:
            page.tables = word_tables(page)
    return page


def ocr_pages(
    path: Path, pages: Iterable[int], dpi: int = 300, password: str | None = None, borderless_pages: Iterable[int] = ()
) -> Iterator[OcrPage]:
    """OCR pages one after another (one page image in memory at a time)."""
    borderless = set(borderless_pages)
    for number in pages:
        yield ocr_page(Path(path), number, dpi, password, tables=True, borderless=number in borderless)


def ocr_raw_tables(
    path: Path, pages: Iterable[int], stream_pages: Iterable[int] = (), password: str | None = None, dpi: int = 300
) -> list[RawTable]:
    """Same contract as ``extract.tables.extract_tables`` for image-only pages."""
    wanted = sorted(set(pages) | set(stream_pages))
    return [t.raw for page in ocr_pages(path, wanted, dpi, password, stream_pages) for t in page.tables]


# --------------------------------------------------------------------------- lattice tables


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


#: Share of a cell side a rule must cover to count as that side's border.
EDGE_COVERAGE = 0.75


def _grid(h_clusters, v_clusters) -> tuple[list, list, np.ndarray, np.ndarray] | None:
    """Drop lines that border no cell; return lines and which cell sides have a rule.

    ``top[i, j]``: the line ``ys[i]`` borders grid cell (i-1, j) / (i, j);
    ``left[i, j]``: the line ``xs[j]`` borders grid cell (i, j-1) / (i, j).
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
        # one line at a time: removing a line changes the cells the others border
        if dead_y:
            ys.pop(dead_y[0])
        else:
            xs.pop(dead_x[0])
    return None


def _merge_cells(top: np.ndarray, left: np.ndarray) -> np.ndarray:
    """Label grid cells: cells with no rule between them share a label (union-find)."""
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
        y = int(round(seg.pos))
        cv2.line(canvas, (int(seg.lo), y), (int(seg.hi), y), 255, 1)
    for seg in rulings.vertical:
        x = int(round(seg.pos))
        cv2.line(canvas, (x, int(seg.lo)), (x, int(seg.hi)), 255, 1)
    canvas = cv2.dilate(canvas, np.ones((gap, gap), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(canvas, connectivity=8)
    return [(int(x), int(y), int(x + w), int(y + h)) for x, y, w, h, _ in stats[1:count]]


def _is_page_furniture(bbox: tuple[float, float, float, float], n_rows: int, height: float) -> bool:
    """A one-row box in the top or bottom tenth of the page is a running header or footer."""
    margin = height * 0.1
    return n_rows <= 1 and (bbox[3] <= margin or bbox[1] >= height - margin)


@dataclass
class CellGrid:
    """The cell structure of one ruled table, in pixels of the page image."""

    ys: list[float]  # row lines, top to bottom
    xs: list[float]  # column lines, left to right
    labels: np.ndarray  # grid position -> cell id; merged positions share an id

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]


def find_grids(rulings: Rulings, shape: tuple[int, int], dpi: int) -> list[CellGrid]:
    """Cell grids of the ruled tables on a page, top to bottom."""
    scale = dpi / 72
    tolerance = 2.5 * scale  # lines closer than 2.5 pt are the same line
    grids = []
    for x0, y0, x1, y1 in sorted(_regions(rulings, shape, max(3, round(2 * scale))), key=lambda r: r[1]):
        if x1 - x0 < 50 * scale or y1 - y0 < 15 * scale:
            continue
        inside_h = [g for g in rulings.horizontal if x0 <= (g.lo + g.hi) / 2 <= x1 and y0 <= g.pos <= y1]
        inside_v = [g for g in rulings.vertical if x0 <= g.pos <= x1 and y0 <= (g.lo + g.hi) / 2 <= y1]
        grid = _grid(_cluster(inside_h, tolerance), _cluster(inside_v, tolerance))
        if grid is None:
            continue
        ys_c, xs_c, top, left = grid
        if len(xs_c) < 3:  # a single column: a framed paragraph, not a table
            continue
        grids.append(CellGrid([c[0] for c in ys_c], [c[0] for c in xs_c], _merge_cells(top, left)))
    return grids


def _erase_mask(rulings: Rulings, grids: list[CellGrid], shape: tuple[int, int], scale: float) -> np.ndarray:
    """Ruling pixels inside the tables (outside them a "rule" may be a tall letter)."""
    keep = np.zeros(shape, np.uint8)
    pad = round(3 * scale)
    for grid in grids:
        x0, y0, x1, y1 = (int(round(v)) for v in grid.bbox)
        keep[max(0, y0 - pad):y1 + pad, max(0, x0 - pad):x1 + pad] = 255
    return rulings.mask & keep


def ocr_tables(page: OcrPage, image: np.ndarray, rulings: Rulings | None = None,
               grids: list[CellGrid] | None = None) -> list[OcrTable]:
    """Ruled tables (``ocr-lattice``) of an OCRed page.

    ``image`` is the upright, deskewed grayscale page the words were read from (its
    width in pixels over ``page.width`` is the scale).
    """
    scale = image.shape[1] / page.width
    dpi = round(scale * 72)
    if grids is None:
        rulings = rulings or find_rulings(image, dpi)
        grids = find_grids(rulings, image.shape, dpi)
    if not grids:
        return []
    ink = _ink(image, dpi)
    if rulings is not None:
        ink &= ~rulings.mask
    found: list[OcrTable] = []
    for grid in grids:
        rows, spans, confidences, owners = _fill(page, grid.ys, grid.xs, grid.labels, scale, ink)
        bbox = tuple(round(v / scale, 2) for v in grid.bbox)
        if _is_page_furniture(bbox, len(rows), page.height):
            continue
        raw = RawTable(page=page.number, index=len(found), flavor="ocr-lattice", bbox=bbox,
                       page_height=page.height, rows=rows, spans=spans, title="")
        found.append(OcrTable(raw, confidences, owners))
    boxes = [t.raw.bbox for t in found]
    floor = 0.0
    for table in found:
        table.raw.title = _title_above(page, table.raw.bbox, floor, boxes)
        floor = table.raw.bbox[3]
    return found


def _fill(page: OcrPage, ys: list[float], xs: list[float], labels: np.ndarray, scale: float, ink: np.ndarray):
    """Cell texts, spans, confidences and owners of a grid whose merged cells share a label."""
    n_rows, n_cols = labels.shape
    members: dict[int, list[OcrWord]] = {}
    for word in page.words:
        px, py = word.centre[0] * scale, word.centre[1] * scale
        if not (xs[0] <= px < xs[-1] and ys[0] <= py < ys[-1]):
            continue
        i = int(np.searchsorted(ys, py, side="right")) - 1
        j = int(np.searchsorted(xs, px, side="right")) - 1
        members.setdefault(int(labels[i, j]), []).append(word)
    rows: list[list[str | None]] = []
    spans: list[list[tuple[float, float] | None]] = []
    confidences: list[list[float | None]] = []
    owners: list[list[tuple[int, int]]] = []
    first: dict[int, tuple[int, int]] = {}
    for i in range(n_rows):
        row_texts, row_spans, row_conf, row_owner = [], [], [], []
        for j in range(n_cols):
            label = int(labels[i, j])
            if label in first:
                row_texts.append(None)
                row_spans.append(None)
                row_conf.append(None)
                row_owner.append(first[label])
                continue
            first[label] = (i, j)
            cell_rows, cell_cols = np.nonzero(labels == label)
            x0, x1 = xs[cell_cols.min()], xs[cell_cols.max() + 1]
            words = members.get(label, [])
            conf: float | None
            if words:
                conf = min(w.conf for w in words)
            else:
                y0, y1 = ys[cell_rows.min()], ys[cell_rows.max() + 1]
                conf = 0.0 if _has_ink(ink, x0, y0, x1, y1, scale) else None
            row_texts.append(_join(words))
            row_spans.append((round(x0 / scale, 1), round(x1 / scale, 1)))
            row_conf.append(conf)
            row_owner.append((i, j))
        rows.append(row_texts)
        spans.append(row_spans)
        confidences.append(row_conf)
        owners.append(row_owner)
    return rows, spans, confidences, owners


def _has_ink(ink: np.ndarray, x0: float, y0: float, x1: float, y1: float, scale: float) -> bool:
    """Whether a cell (pixels) holds something that could be a character."""
    pad = round(2 * scale)
    region = ink[int(y0) + pad:int(y1) - pad, int(x0) + pad:int(x1) - pad]
    if region.size == 0:
        return False
    count, _, stats, _ = cv2.connectedComponentsWithStats(region, connectivity=8)
    # a glyph is taller than 4 pt; grain and JPEG specks are not
    return any(stats[k][3] >= 4 * scale and stats[k][4] >= 4 * scale * scale for k in range(1, count))


def _title_above(page: OcrPage, bbox: tuple[float, float, float, float], floor: float, boxes) -> str:
    """Words printed between the previous table (or ``floor``) and this table's top."""
    upper = max(floor, bbox[1] - TITLE_REACH, 0.0)
    words = [
        w for w in page.words
        if upper <= w.centre[1] < bbox[1]
        and not any(b[0] <= w.centre[0] <= b[2] and b[1] <= w.centre[1] <= b[3] for b in boxes)
    ]
    return _join(words).strip()


# --------------------------------------------------------------------------- borderless tables


def word_tables(page: OcrPage, min_columns: int = 3, min_rows: int = 3) -> list[OcrTable]:
    """Borderless tables (``ocr-words``): runs of lines whose words split into aligned columns.

    A printed line is cut into segments where the gap between two words is wider than
    twice the median word height; consecutive lines with at least ``min_columns``
    segments form a table, and its columns are the x-ranges that no segment of those
    lines crosses (a projection profile of the segments).
    """
    lines = _text_lines(page.words)
    if not lines:
        return []
    gap = 2.0 * median(w.bottom - w.top for w in page.words)
    segmented = []
    for line in lines:
        parts = [[line[0]]]
        for word in line[1:]:
            if word.x0 - parts[-1][-1].x1 > gap:
                parts.append([word])
            else:
                parts[-1].append(word)
        segmented.append(parts)
    runs, current = [], []
    for line, parts in zip(lines, segmented):
        if len(parts) >= min_columns:
            current.append(parts)
        elif current and len(parts) >= 2:  # a wrapped row may lose a column
            current.append(parts)
        else:
            if len(current) >= min_rows:
                runs.append(current)
            current = []
    if len(current) >= min_rows:
        runs.append(current)
    found = []
    for run in runs:
        extents = sorted((p[0].x0, p[-1].x1) for parts in run for p in parts)
        columns: list[list[float]] = []
        for a, b in extents:
            if columns and a <= columns[-1][1]:
                columns[-1][1] = max(columns[-1][1], b)
            else:
                columns.append([a, b])
        if len(columns) < min_columns:
            continue
        # cut half-way between columns so the spans tile the table
        cuts = [columns[0][0]] + [(columns[k][1] + columns[k + 1][0]) / 2 for k in range(len(columns) - 1)] + [columns[-1][1]]
        spans = [(round(cuts[k], 1), round(cuts[k + 1], 1)) for k in range(len(columns))]
        rows, confs = [], []
        for parts in run:
            cells: list[list[OcrWord]] = [[] for _ in columns]
            for part in parts:
                for word in part:
                    cx = word.centre[0]
                    k = next((k for k in range(len(columns)) if cuts[k] <= cx <= cuts[k + 1]), len(columns) - 1)
                    cells[k].append(word)
            rows.append([" ".join(w.text for w in cell) for cell in cells])
            confs.append([min((w.conf for w in cell), default=None) for cell in cells])
        top = min(w.top for parts in run for p in parts for w in p)
        bottom = max(w.bottom for parts in run for p in parts for w in p)
        bbox = (round(cuts[0], 2), round(top, 2), round(cuts[-1], 2), round(bottom, 2))
        raw = RawTable(page=page.number, index=len(found), flavor="ocr-words", bbox=bbox, page_height=page.height,
                       rows=rows, spans=[list(spans) for _ in rows], title="")
        owners = [[(r, c) for c in range(len(columns))] for r in range(len(rows))]
        found.append(OcrTable(raw, confs, owners))
    floor = 0.0
    boxes = [t.raw.bbox for t in found]
    for table in found:
        table.raw.title = _title_above(page, table.raw.bbox, floor, boxes)
        floor = table.raw.bbox[3]
    return found


# --------------------------------------------------------------------------- helpers


def min_confidence_in(table: OcrTable, row: int, col: int) -> float | None:
    """OCR confidence (lowest word, 0..100) of the cell at ``row``, ``col``.

    A position covered by a merged cell answers for the merged cell (whose text the
    interpreter carries into it); ``None`` for a blank cell or outside the table;
    ``0.0`` for a cell with ink that no word was read from.
    """
    rows = table.raw.rows
    if not (0 <= row < len(rows)) or not (0 <= col < len(rows[row])):
        return None
    if table.owners:
        row, col = table.owners[row][col]
    return table.confidences[row][col]
