"""The ruled tables of a page image: its ruling lines, and the cell grids they draw.

A scanned page has no vector lines for pdfplumber to build a grid from, so the rules
are found in the pixels (``find_rulings``: solid rules by morphological opening,
dashed and dotted ones chained from their pieces, the edges of solid black bars) and
turned into one ``CellGrid`` per ruled table (``find_grids``: touching rules form a
table, rules at one position are clustered, a missing border merges two grid
positions, a row cut by the page break is closed). This is geometry alone, in pixels
of the upright, deskewed page; reading the cells is ``extract.ocr_cells``'.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from lkj.extract.ocr_image import ink_mask, normalize_background

#: Share of a cell side a rule must cover to count as that side's border.
EDGE_COVERAGE = 0.75


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
    x, y, w, h = (stats[1:, k] for k in range(4))  # a page has thousands of components: numpy, not a loop
    across = (h <= thin) & (w >= shortest) & (w >= h)
    down = (w <= thin) & (h >= shortest) & (h <= longest) & (h >= w)
    horizontal = [Segment(float(centroids[i + 1][1]), float(x[i]), float(x[i] + w[i] - 1)) for i in np.nonzero(across)[0]]
    vertical = [Segment(float(centroids[i + 1][0]), float(y[i]), float(y[i] + h[i] - 1)) for i in np.nonzero(down)[0]]
    pieces = np.zeros(count, np.uint8)
    pieces[1:][across | down] = 255
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
    ink = ink_mask(normalize_background(image, dpi) if normalized is None else normalized)
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
    dark = cv2.threshold(image, 89, 255, cv2.THRESH_BINARY_INV)[1]  # image < 90, as np.where but faster
    solid = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((round(6 * s), round(6 * s)), np.uint8))
    bars = np.zeros_like(ink)
    count, stats = 0, None
    if cv2.countNonZero(solid):  # most pages have no bar: no labelling of an empty image
        count, _, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=8)
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
    with no horizontal rule in between.

    This is the idea of ``extract.tables._open_last_row``, not its code, and is not
    shared with it: that one reads pdfplumber's edges of the whole page in points
    (3 pt tolerance) and also asks that no ruled row lie below and that the cut row
    hold text; this one reads the clustered rules of one table region in pixels, with
    the grid's tolerance, before any text is read.
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


def erase_mask(rulings: Rulings, grids: list[CellGrid], shape: tuple[int, int], s: float) -> np.ndarray:
    """Ruling pixels inside the tables (outside them a "rule" may be a tall letter)."""
    keep = np.zeros(shape, np.uint8)
    pad = round(3 * s)
    for grid in grids:
        x0, y0, x1, y1 = (int(round(v)) for v in grid.bbox)
        keep[max(0, y0 - pad):y1 + pad, max(0, x0 - pad):x1 + pad] = 255
    return rulings.mask & keep

