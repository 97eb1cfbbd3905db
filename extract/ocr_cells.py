"""The tables of an OCRed page: every cell read on its own, assembled into ``RawTable`` s.

Given the upright page image and its cell grids (``extract.ocr_rulings``), each
non-blank cell is cropped, cleaned of grain and read by Tesseract on a mosaic of
cells (``_read_cells``); the words go back to their cells, merged positions become
``None`` as pdfplumber reports them, the title above each table is taken from the
page's words, and running headers and footers are dropped (``ocr_tables``, flavor
``ocr-lattice``). Borderless tables are read from the page's words by the born-digital pages'
borderless reader (``word_tables``, ``ocr-words``). ``OcrPage`` (the words and size of a read page) and ``OcrTable`` (a
``RawTable`` with the confidence of every cell) live here because table assembly
reads the one and makes the other; ``extract.ocr`` fills the page.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from difflib import get_close_matches
from statistics import median

import cv2
import numpy as np

from lkj.extract.borderless import WORD_GAP, borderless_tables
from lkj.extract.headers import LABEL_WORDS, is_label_fragment
from lkj.extract.ocr_image import DEFAULT_DPI, glyph_mask, ink_mask, normalize_background
from lkj.extract.ocr_rulings import CellGrid, Rulings, erase_mask, find_grids, find_rulings
from lkj.extract.ocr_tesseract import RULE_JUNK, OcrWord, parse_tsv, tesseract_tsv
from lkj.extract.raw_table import RawTable, is_page_furniture, title_top
from lkj.extract.vocabulary import HEADER_WORDS

#: Page segmentation mode for the mosaic of table cells (one uniform block of text).
CELL_PSM = "6"
#: Cells are read at this resolution (the mosaic is enlarged to it): the small table
#: fonts of a 150 dpi scan read better (cell accuracy 89.7% -> 91.8% on the samples).
CELL_DPI = 450
#: Largest mosaic of cells Tesseract gets in one call (pixels high, before enlarging).
MOSAIC_HEIGHT = 12000
#: Largest mosaic of cells in pixels, after enlarging. A 300 dpi page's mosaic stays
#: under it (12000 px high, as wide as an A3 landscape page: 60 MP, 134 MP enlarged);
#: a page rendered at a few dpi (a poster, see ``ocr_image.MAX_PIXELS``) would otherwise be
#: enlarged by up to ``CELL_DPI`` / its dpi: a 200000 pt page asked OpenCV for 622 GB.
MOSAIC_PIXELS = 150_000_000
#: How Tesseract misreads a lone ``%`` (the ``ind`` model has no ``%`` at all; even
#: with ``eng`` a percent sign on its own comes out as ``Yo``).
_PERCENT_MISREADS = {"Yo", "Yo.", "%o", "Y%", "°/o", "o/o"}


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
    """A scanned page as OCR read it: its text, words and tables, in points of the upright page."""

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
    #: Rendered below the resolution asked for, to stay within ``ocr_image.MAX_PIXELS``.
    downscaled: bool = False
    #: Whether its ruled tables were looked for (triage may leave a page at its text).
    tables_read: bool = True


# --------------------------------------------------------------------------- words


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
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink_mask(crop), connectivity=8)
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
    kept = [w for w in words if not RULE_JUNK.match(w.text) or (w.text in "-–—" and len(words) == 1)]
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
        tsv = tesseract_tsv(mosaic, CELL_PSM, round(dpi * factor))
        del mosaic
        for word in parse_tsv(tsv, factor)[0]:
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
    """Words printed between the previous table (or ``floor``) and this table's top.

    Where a title may sit is the readers' shared rule (``raw_table.title_top``); which
    text is taken is not ``raw_table.title_above``'s, which crops pdfplumber's
    characters across the page: here OCR words, by their centres, leaving out the
    words inside any table of the page.
    """
    upper = title_top(bbox[1], floor)
    words = [
        w for w in page.words
        if upper <= w.centre[1] < bbox[1]
        and not any(b[0] <= w.centre[0] <= b[2] and b[1] <= w.centre[1] <= b[3] for b in boxes)
    ]
    return _join(words).strip()


def set_titles(page: OcrPage, tables: list[OcrTable]) -> None:
    """Each table's title: the words above it, below the table before it (``tables`` top to bottom)."""
    boxes = [t.raw.bbox for t in tables]
    floor = 0.0
    for table in tables:
        table.raw.title = _title_above(page, table.raw.bbox, floor, boxes)
        floor = table.raw.bbox[3]


# --------------------------------------------------------------------------- tables


def header_cells(grid: CellGrid, s: float, rows: int = 3, height: float = 100.0) -> set[int]:
    """Labels of the cells that lie within the first ``rows`` rows and ``height`` points of a grid (its header).

    A cell reaching further down is body: a grid whose inner rules the scan lost (the
    DSDA scan's sparse dotted rules) has a few tall rows holding the whole table.
    """
    limit, n = grid.ys[0] + height * s, 0
    while n < min(rows, len(grid.ys) - 1) and grid.ys[n + 1] <= limit:
        n += 1
    inside, beyond = set(np.unique(grid.labels[:n]).tolist()), set(np.unique(grid.labels[n:]).tolist())
    return {int(label) for label in inside - beyond}


@dataclass
class CellReader:
    """A page made ready for reading its cells: made once a page, used by triage and the table read.

    The rules inside the tables painted out, the glyph mask and the cell boxes are made
    once. Triage reads the header rows' cells on their own (``header_text``); the table
    read then reads every cell in one mosaic again, header included: a cell's reading
    depends a little on the mosaic it is in (a split mosaic read ``REALISAS!`` as
    ``REALISASI`` on one sample page, and so changed a budget figure), and the header
    rows are a small part of a table.
    """

    cleaned: np.ndarray  # the normalised page with the rules inside the tables painted out
    glyphs: np.ndarray
    boxes: dict  # (grid, cell label) -> inside of the cell in pixels
    s: float  # pixels per point
    dpi: int

    def read(self, keys=None) -> dict:
        """The words of the cells ``keys`` (all by default), read in one mosaic."""
        todo = {k: b for k, b in self.boxes.items() if keys is None or k in keys}
        return _read_cells(self.cleaned, self.glyphs, todo, self.s, self.dpi) if todo else {}

    def header_text(self, grids: list[CellGrid], rows: int, height: float = 100.0) -> str:
        """The text of the cells that lie within the first ``rows`` rows and ``height`` points of each grid."""
        keys = {(g, label) for g, grid in enumerate(grids) for label in header_cells(grid, self.s, rows, height)}
        found = self.read(keys)
        return "\n".join(_join(found[k]) for k in sorted(keys) if found.get(k))


def cell_reader(image: np.ndarray, width: float, rulings: Rulings, grids: list[CellGrid],
                normalized: np.ndarray | None = None) -> CellReader:
    """The ``CellReader`` of a page image (upright, deskewed; ``width`` in points) and its grids."""
    s = image.shape[1] / width
    dpi = round(s * 72)
    cleaned = normalize_background(image, dpi) if normalized is None else normalized.copy()
    cleaned[erase_mask(rulings, grids, image.shape, s) > 0] = 255
    boxes = {(g, label): box for g, grid in enumerate(grids) for label, box in _cell_boxes(grid, s).items()}
    return CellReader(cleaned, glyph_mask(cleaned, dpi), boxes, s, dpi)


def ocr_tables(
    page: OcrPage,
    image: np.ndarray,
    rulings: Rulings | None = None,
    grids: list[CellGrid] | None = None,
    per_cell: bool = True,
    normalized: np.ndarray | None = None,
    reader: CellReader | None = None,
) -> list[OcrTable]:
    """Ruled tables (``ocr-lattice``) of an OCRed page.

    ``image`` is the upright, deskewed grayscale page that ``page`` was read from (its
    width in pixels over ``page.width`` is the scale); ``normalized`` its
    ``normalize_background`` when already made, ``reader`` its ``cell_reader`` when
    already made. With ``per_cell`` (the default) every non-blank cell is read on its own (``_read_cells``); otherwise a cell takes the words of ``page`` whose
    centres fall in it (faster, less accurate).
    """
    s = image.shape[1] / page.width
    dpi = round(s * 72)
    if rulings is None:
        rulings = find_rulings(image, dpi, normalized)
    if grids is None:
        grids = find_grids(rulings, image.shape, dpi)
    if not grids:
        return []
    if reader is None:
        reader = cell_reader(image, page.width, rulings, grids, normalized)
    glyphs, boxes = reader.glyphs, reader.boxes
    if per_cell:
        words = reader.read()
    else:
        words = _assign_words(page.words, grids, s)
    for g, grid in enumerate(grids):  # a header word misread by a letter loses its column, as in ocr-words
        for label in header_cells(grid, s):
            words[(g, label)] = [replace(w, text=_as_header_word(w.text)) for w in words.get((g, label), [])]
    found: list[OcrTable] = []
    for g, grid in enumerate(grids):
        rows, spans, confidences, owners, cell_words = _fill(
            grid, {k[1]: v for k, v in words.items() if k[0] == g}, {k[1]: v for k, v in boxes.items() if k[0] == g},
            glyphs, s)
        bbox = tuple(round(v / s, 2) for v in grid.bbox)
        if is_page_furniture(bbox, len(rows), page.height):
            continue
        raw = RawTable(page=page.number, index=len(found), flavor="ocr-lattice", bbox=bbox,
                       page_height=page.height, rows=rows, spans=spans, title="", open_bottom=grid.open_bottom,
                       rows_y=[(round(grid.ys[i] / s, 2), round(grid.ys[i + 1] / s, 2)) for i in range(len(rows))])
        found.append(OcrTable(raw, confidences, owners, cell_words))
    set_titles(page, found)
    return found


#: Header words long enough to be recognised with a letter or two misread.
_LONG_HEADER_WORDS = sorted(w for w in HEADER_WORDS if len(w) >= 6)


def _as_header_word(text: str) -> str:
    """``text``, or the header word OCR misread in it (``Realisail`` -> ``Realisasi``).

    The borderless reader finds a table by its header words, and one misread letter in
    ``Realisasi`` or ``Indikator`` loses the column or the whole table. Only words of six
    letters or more are matched (difflib ratio 0.85: two letters of nine), so that short
    words (``saran``) are never taken for header words."""
    if len(text) < 6 or text.lower() in HEADER_WORDS:
        return text
    match = get_close_matches(text.lower(), _LONG_HEADER_WORDS, n=1, cutoff=0.85)
    if not match:
        return text
    word = match[0]
    return word.upper() if text.isupper() else word.capitalize() if text[:1].isupper() else word


#: Below this confidence a word of one or two characters is taken for noise (see ``_is_noise``).
NOISE_CONFIDENCE = 60


def _is_noise(word: OcrWord) -> bool:
    """A short word Tesseract made up from specks or a rule's end (``ge``, ``ie``, ``©``, ``po``,
    read with confidence 5-50 on the sample scans), not printed text.

    In a ruled table a cell's borders bound such noise; in a borderless one it opens a
    column of its own between two header labels. Figures (a digit) and capitals (a grade
    ``B``, ``BB``) are kept whatever their confidence: they are values, flagged later."""
    text = word.text
    return (len(text) <= 2 and word.conf < NOISE_CONFIDENCE and not any(c.isdigit() for c in text)
            and not (text.isalpha() and text.isupper()))


#: Labels a line needs before its shaky short words are taken for specks (see ``_header_specks``).
HEADER_LINE_LABELS = 3


def _header_specks(line: list[OcrWord]) -> list[OcrWord]:
    """The short, unsure words of a table's header line (``8.`` read with confidence 14 from a
    speck between ``Kinerja`` and ``Target``), which are no part of it.

    ``_is_noise`` keeps figures whatever their confidence, because a body row's value must not
    vanish; but a header line prints no figure save a year, and one made-up ``8.`` among its
    labels makes the borderless reader take it for a body row, and the table is lost (a fresh
    scan of ``kip-kab-aceh-besar-2021``: no table at all). So on a line whose every other word
    is a header label, and at least ``HEADER_LINE_LABELS`` of them, such words are specks."""
    shaky = [w for w in line if len(w.text) <= 2 and w.conf < NOISE_CONFIDENCE]
    rest = [_as_header_word(w.text).lower().strip(".,:()/") for w in line if all(w is not s for s in shaky)]
    if not shaky or sum(word in LABEL_WORDS for word in rest) < HEADER_LINE_LABELS:
        return []
    return shaky if all(word in LABEL_WORDS or is_label_fragment(word) for word in rest) else []


#: Marks Tesseract glues to either end of an unsure word from a speck beside it
#: (``penyelenggaraan:``, ``“Evaluasi``).
_SPECK_MARKS = ":;,.'\"|`“”‘’"
_LEADING_SPECK = re.compile(rf"^[{re.escape(_SPECK_MARKS)}]+(?=[^\W\d_])")
_TRAILING_SPECK = re.compile(rf"(?<=[^\W\d_])[{re.escape(_SPECK_MARKS)}]+$")


def _without_specks(word: OcrWord) -> OcrWord:
    """``word`` without marks glued to its ends when Tesseract was unsure of it, its box shortened
    by the marks' share of the letters.

    A speck beside a word's first or last letter joins the word (``penyelenggaraan:``,
    confidence 38; ``“Evaluasi``, 53) and stretches its box into the gutter between two
    columns of a borderless table, which then reads the two cells as one run across the
    columns, a line of prose, and ends the table there. Only a word of letters loses such
    marks: after a figure a quote mark is a misread ``%`` (``extract.percent_misreads``), and
    a sure word keeps its punctuation."""
    if word.conf >= NOISE_CONFIDENCE:
        return word
    text = _TRAILING_SPECK.sub("", word.text)
    lead = len(text) - len(_LEADING_SPECK.sub("", text))
    text = text[lead:]
    if text == word.text or not text:
        return word
    share = (word.x1 - word.x0) / len(word.text)
    return replace(word, text=text, x0=word.x0 + lead * share, x1=word.x0 + (lead + len(text)) * share)


#: Marks that a speck in the white between two columns is read as, standing alone.
_GUTTER_MARKS = frozenset("—–-|¦:;'\"“”‘’`~_")


def _gutter_marks(line: list[OcrWord]) -> list[OcrWord]:
    """Lone marks that bridge the gutter between two columns (``Pengelolaan — Inaktif``: a speck
    read as a dash, 7 and 5 pt from its neighbours, where the gutter is 17 pt).

    A borderless table's cells are runs of words closer than ``WORD_GAP``; such a mark joins
    the cells on both sides into one run across the columns, which reads as a line of prose
    and ends the table. A mark that stands apart (a ``-`` for an empty value) joins nothing
    and stays; so does one inside a run of words, whose neighbours stay joined without it."""
    found = []
    for before, mark, after in zip(line, line[1:], line[2:]):
        if (len(mark.text) <= 2 and set(mark.text) <= _GUTTER_MARKS and mark.x0 - before.x1 < WORD_GAP
                and after.x0 - mark.x1 < WORD_GAP and after.x0 - before.x1 >= 2 * WORD_GAP):
            found.append(mark)
    return found


@dataclass
class WordsPage:
    """A scanned page as ``extract.borderless`` sees a pdfplumber page: its size and its words.

    The borderless reader anchors a table on its header words and cuts the lines below at
    the header's column boundaries; that rule does not depend on where the words came
    from, so the scanned page's OCR'd words go through it rather than through a second
    reader of their own."""

    width: float
    height: float
    words: list[OcrWord]

    def extract_words(self, **_options: object) -> list[dict]:
        """The words as pdfplumber returns them (Tesseract has already cut the text into words),
        each printed line's words given the line's top and bottom.

        A born-digital line's words share one baseline, and the borderless reader groups
        words into lines by their top; OCR boxes of one line differ by a few points (``%``,
        ``(``, a word read from a slightly tilted scan), enough to split a line or mix two."""
        out = []
        for line in _text_lines([_without_specks(w) for w in self.words if not _is_noise(w)]):
            specks = {id(w) for w in _header_specks(line) + _gutter_marks(line)}
            line = [w for w in line if id(w) not in specks]
            top, bottom = median(w.top for w in line), median(w.bottom for w in line)
            out.extend({"text": _as_header_word(w.text), "x0": w.x0, "x1": w.x1, "top": top, "bottom": bottom}
                       for w in line)
        return out

    def text_in(self, bbox: tuple[float, float, float, float]) -> str:
        """The words whose centre lies in ``bbox``, line by line."""
        inside = [w for w in self.words if bbox[0] <= w.centre[0] <= bbox[2] and bbox[1] <= w.centre[1] <= bbox[3]]
        return _join(inside)


def word_tables(page: OcrPage) -> list[OcrTable]:
    """Borderless tables (``ocr-words``): ``extract.borderless`` run on the page's OCR'd words.

    One row per printed line, as for born-digital borderless tables (the interpreter joins
    wrapped lines); each cell keeps the words it was made of, for their confidence."""
    found: list[OcrTable] = []
    for raw in borderless_tables(WordsPage(page.width, page.height, page.words), page.number):
        raw = replace(raw, flavor="ocr-words", index=len(found))
        cell_words = [[[w for w in page.words if top <= w.centre[1] <= bottom and x0 <= w.centre[0] < x1]
                       for x0, x1 in spans] for (top, bottom), spans in zip(raw.rows_y, raw.spans)]
        confidences = [[min((w.conf for w in cell), default=None) for cell in row] for row in cell_words]
        owners = [[(r, c) for c in range(len(row))] for r, row in enumerate(raw.rows)]
        found.append(OcrTable(raw, confidences, owners, cell_words))
    set_titles(page, found)
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

