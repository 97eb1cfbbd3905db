"""Cell grids of scanned tables ruled by horizontal lines only: rows from the rules, columns from the gutters.

Many LKj tables rule every row but draw no column lines (Word's "horizontal borders
only"). ``ocr_rulings.find_grids`` needs three column rules to call a region a table, so
such a table had no grid: it was left to the borderless reader on the page's words, read
at page-text resolution with the scan's grain in it, where one speck between two header
labels joins their columns and the table is lost (issue 14/17: value fields 0-76 % on
these scans against 75-99 % on fully ruled ones).

Its rules still say where every row begins and ends. The columns are the white gutters
that run down the table: in every row band the ink of one column stops before the next
begins. A gutter is placed where the most bands are blank (a spanning row, such as a
``1. Sasaran : ...`` group row or a header label over two sub-columns, crosses it and
is that band's merged cell, as a missing rule merges cells of a ruled table). The
grid then goes through the same cell-by-cell read as a ruled table (``ocr-lattice``).
"""
from __future__ import annotations

import math

import numpy as np

from lkj.extract.ocr_image import glyph_mask
from lkj.extract.ocr_rulings import CellGrid, Rulings, Segment, _cluster, _grid, _merge_cells

#: A table's rules are at least this long (points); shorter ones are underlines.
MIN_TABLE_WIDTH = 72.0
#: Rules of one table start and end within this many points of each other.
EDGE_TOLERANCE = 6.0
#: Two rules further apart than this (points) are not rows of one table.
MAX_ROW_HEIGHT = 250.0
#: A table has at least this many full-width rules (a header and one row).
MIN_RULES = 3
#: A gutter between two columns is at least this wide (points); a word space is about 3 pt.
MIN_GUTTER = 4.5
#: Ink this close to a rule (points) is left out of a band: crumbs of the rule itself.
RULE_MARGIN = 1.5
#: A row's text comes this close (points) to the rules above and below it; a band whose ink
#: keeps further away is the space between two tables (a heading, a paragraph, a title).
ROW_PADDING = 8.0


def _stacks(rules: list[Segment], s: float) -> list[list[Segment]]:
    """Groups of full-width rules one under another: the row rules of one table each.

    A rule joins the group above when it starts and ends where the group's first rule
    does and lies within ``MAX_ROW_HEIGHT`` of the group's last rule.
    """
    tol, reach = EDGE_TOLERANCE * s, MAX_ROW_HEIGHT * s
    stacks: list[list[Segment]] = []
    for rule in sorted(rules, key=lambda g: g.pos):
        for stack in stacks:
            first, last = stack[0], stack[-1]
            if abs(rule.lo - first.lo) <= tol and abs(rule.hi - first.hi) <= tol and rule.pos - last.pos <= reach:
                stack.append(rule)
                break
        else:
            stacks.append([rule])
    return [stack for stack in stacks if len(stack) >= MIN_RULES]


def _inside(rule: Segment, grids: list[CellGrid], pad: float) -> bool:
    """Whether a horizontal rule lies in a table already found from its column rules."""
    mid = (rule.lo + rule.hi) / 2
    return any(g.xs[0] - pad <= mid <= g.xs[-1] + pad and g.ys[0] - pad <= rule.pos <= g.ys[-1] + pad for g in grids)


def _rows_apart(stack: list[Segment], glyphs: np.ndarray, s: float) -> list[list[Segment]]:
    """The stack cut where a band between two rules is not a table row.

    Two tables of the same width one under the other line up like one stack; the text
    between them (a heading, the next table's title) keeps away from both rules, while a
    row's tallest cell fills it up to its padding.
    """
    margin, padding = round(RULE_MARGIN * s), ROW_PADDING * s
    runs, run = [], [stack[0]]
    for upper, lower in zip(stack, stack[1:]):
        y0, y1 = int(upper.pos) + margin, int(lower.pos) - margin + 1
        inked = np.nonzero(glyphs[y0:y1, int(upper.lo):int(upper.hi) + 1].any(axis=1))[0]
        if len(inked) and (inked[0] + margin > padding or y1 - y0 - inked[-1] + margin > padding):
            runs.append(run)
            run = []
        run.append(lower)
    runs.append(run)
    return [run for run in runs if len(run) >= MIN_RULES]


def _gaps(inked: np.ndarray, s: float) -> np.ndarray:
    """The columns of one band that lie in a blank run at least ``MIN_GUTTER`` wide with ink on both sides.

    A word space is narrower: two rows that begin with the same word leave a space at
    the same place, which is not a column gutter.
    """
    gap = np.zeros(len(inked), bool)
    x, width = 0, len(inked)
    while x < width:
        if inked[x]:
            x += 1
            continue
        end = x
        while end < width and not inked[end]:
            end += 1
        if x > 0 and end < width and end - x >= MIN_GUTTER * s:
            gap[x:end] = True
        x = end
    return gap


def _gutters(gaps: list[np.ndarray]) -> list[float]:
    """x of the column gutters (pixels from the table's left edge) from each band's gaps.

    A gutter is a run of columns in a gap of at least half the bands; the column line
    goes through the middle of the widest stretch in a gap of the most bands (a row that
    spans the gutter, such as a group row, has ink there all across it).
    """
    count = np.sum(gaps, axis=0)
    candidate = count >= max(2, math.ceil(len(gaps) / 2))
    found = []
    x, width = 0, len(count)
    while x < width:
        if not candidate[x]:
            x += 1
            continue
        end = x
        while end < width and candidate[end]:
            end += 1
        best = count[x:end].max()
        run_start, run_len, start = x, 0, None
        for k in range(x, end + 1):
            if k < end and count[k] == best:
                start = k if start is None else start
            elif start is not None:
                if k - start > run_len:
                    run_start, run_len = start, k - start
                start = None
        found.append(run_start + run_len / 2)
        x = end
    return found


def _table_grid(stack: list[Segment], others: list[Segment], glyphs: np.ndarray, s: float) -> CellGrid | None:
    """The cell grid of one stack of row rules, its columns at the gutters of its ink."""
    x0, x1 = min(g.lo for g in stack), max(g.hi for g in stack)
    top, bottom = stack[0].pos, stack[-1].pos
    tol = EDGE_TOLERANCE * s
    rules = stack + [g for g in others if g.lo >= x0 - tol and g.hi <= x1 + tol and top < g.pos < bottom]
    h_clusters = _cluster(rules, 2.5 * s)
    ys = [pos for pos, _ in h_clusters]
    margin = round(RULE_MARGIN * s)
    left, right = int(x0), int(x1) + 1
    bands, gaps = [], []
    for y0, y1 in zip(ys, ys[1:]):
        band = glyphs[int(y0) + margin:int(y1) - margin + 1, left:right]
        if band.shape[0] > 0 and band.any():
            bands.append((y0, y1))
            gaps.append(_gaps(band.any(axis=0), s))
    if len(gaps) < 2:
        return None
    cuts = _gutters(gaps)
    if len(cuts) < 2:  # fewer than three columns: a framed paragraph, not a table
        return None
    v_clusters = [(float(x0), [(top, bottom)]), (float(x1), [(top, bottom)])]
    for cut in cuts:  # a column line in each band with a gap there (a blank band has one everywhere)
        extents: list[tuple[float, float]] = []
        for y0, y1 in zip(ys, ys[1:]):
            band = next((gap for b, gap in zip(bands, gaps) if b == (y0, y1)), None)
            if band is None or band[int(cut)]:
                if extents and abs(extents[-1][1] - y0) < 1:
                    extents[-1] = (extents[-1][0], y1)
                else:
                    extents.append((y0, y1))
        v_clusters.append((float(left + cut), extents))
    v_clusters.sort(key=lambda c: c[0])
    grid = _grid(h_clusters, v_clusters)
    if grid is None or len(grid[1]) < 4:
        return None
    g_ys, g_xs, top_rules, left_rules = grid
    return CellGrid([c[0] for c in g_ys], [c[0] for c in g_xs], _merge_cells(top_rules, left_rules))


def hrule_grids(rulings: Rulings, normalized: np.ndarray, dpi: int, grids: list[CellGrid]) -> list[CellGrid]:
    """Cell grids of the tables ruled by horizontal lines only (none of their rules is in ``grids``).

    ``normalized`` is the page as ``ocr_image.normalize_background`` gives it; its rules
    are painted out and its grain dropped before the gutters are looked for.
    """
    s = dpi / 72
    # pieces of one rule (broken by a faint stretch of the scan) are one rule
    free = [Segment(pos, lo, hi) for pos, extents in _cluster(rulings.horizontal, 2.5 * s) for lo, hi in extents]
    free = [g for g in free if not _inside(g, grids, 3 * s)]
    stacks = _stacks([g for g in free if g.hi - g.lo >= MIN_TABLE_WIDTH * s], s)
    if not stacks:
        return []
    cleaned = normalized.copy()
    cleaned[rulings.mask > 0] = 255
    found = []
    for stack in stacks:
        y0, y1 = int(stack[0].pos), int(stack[-1].pos) + 1
        glyphs = np.zeros(normalized.shape, np.uint8)
        glyphs[y0:y1] = glyph_mask(cleaned[y0:y1], dpi)
        for table in _rows_apart(stack, glyphs, s):
            grid = _table_grid(table, [g for g in free if all(g is not r for r in table)], glyphs, s)
            if grid is not None:
                found.append(grid)
    return found
