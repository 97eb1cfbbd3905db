"""The page image for OCR: rendered within a pixel budget, turned, deskewed, its background made white.

Before Tesseract or the rule finder sees a scanned page, the page must become a
grayscale image of the right size, upright and level, with flat white paper. That is
image work alone (pypdfium2 and OpenCV, no OCR), kept apart from reading the text so
that each step can be tested and measured on its own: rendering (``render_page``,
with ``render_scale`` keeping a poster-sized page within ``MAX_PIXELS``), turning by a
multiple of 90 degrees (``turn``), the projection-profile skew estimate and its
correction (``estimate_skew``, ``deskew``), background normalisation
(``normalize_background``) and the ink mask the other steps threshold with
(``ink_mask``).
"""
from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium

#: Resolution pages are rendered at for OCR.
DEFAULT_DPI = 300
#: A page image larger than this (pixels) is rendered at a lower resolution: an A4
#: page at 300 dpi is 8.7 MP, the PDF maximum (14400 pt square) would be 3.6 GP; a
#: 60 MP page peaks at about 1 GB resident through the whole of ``ocr_page``.
MAX_PIXELS = 60_000_000
#: Largest skew searched for, in degrees; smaller skews than ``MIN_SKEW`` are left.
MAX_SKEW = 5.0
MIN_SKEW = 0.05
#: Gray level below which a pixel of a background-normalised page is ink.
INK_LEVEL = 180


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


def ink_mask(normalized: np.ndarray) -> np.ndarray:
    """Binary ink mask (255) of a background-normalised page."""
    # cv2.threshold: the same mask as np.where(normalized < INK_LEVEL, 255, 0), 10x faster
    return cv2.threshold(normalized, INK_LEVEL - 1, 255, cv2.THRESH_BINARY_INV)[1]


def glyph_mask(normalized: np.ndarray, dpi: int) -> np.ndarray:
    """Ink that can be part of a character, without scanner grain.

    Grain is small and pale; a full stop is about 2.5 pt² and dark. Kept: components of
    at least 1 pt², or of 0.3 pt² when they are as dark as print.
    """
    s = dpi / 72
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink_mask(normalized), connectivity=8)
    darkest = np.full(count, 255, np.int32)
    np.minimum.at(darkest, labels.ravel(), normalized.ravel().astype(np.int32))
    area = stats[:, 4]
    keep = np.where((area >= s * s) | ((area >= 0.3 * s * s) & (darkest <= 100)), 255, 0).astype(np.uint8)
    keep[0] = 0
    return keep[labels]


def shrink(image: np.ndarray, dpi: int, target: int) -> tuple[np.ndarray, int]:
    """A copy of the image at ``target`` dpi (never enlarged), and its dpi."""
    factor = min(1.0, target / dpi)
    if factor >= 1.0:
        return image, dpi
    return cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA), round(dpi * factor)


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
    small, small_dpi = shrink(image, dpi, 150)
    ink = ink_mask(normalize_background(small, small_dpi))
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

