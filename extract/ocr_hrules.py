"""Cell grids of scanned tables ruled by horizontal lines only: rows from the rules, columns from the gutters.

Many LKj tables rule every row but draw no column lines (Word's "horizontal borders
only"). ``ocr_rulings.find_grids`` needs three column rules to call a region a table, so
such a table had no grid: it was left to the borderless reader on the page's words, read
at page-text resolution with the scan's grain in it, where one speck between two header
labels joins their columns and the table is lost (issue 14/17: value fields 0-76 % on
these scans against 75-99 % on fully ruled ones).

Its rules still say where every row begins and ends (``_stacks``: rules of one width one
under another; ``_rows_apart``: cut where the text between two rules is not a row). The
columns are the white gutters that run down the table (``_gutters``): where the bands
between the rules that have text on both sides mostly part it. A row that spans a
gutter (a ``1. Sasaran : ...`` group row, a header label over two sub-columns) has text
across it and becomes that band's merged cell, as a missing rule merges the cells of a
ruled table. The grid then goes through the same cell-by-cell read as a ruled table
(``ocr-lattice``). Measured on seed 20261205's eight such scans: value fields 196/542 before,
see CHANGELOG.md (ocr v8) and docs/ocr.md for after.
"""
from __future__ import annotations

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
#: A band between two rules with this many lines of text across every gutter is prose between two tables.
PROSE_LINES = 3
#: A band with this many lines in most of its columns holds several rows: the table is not ruled row by row
#: (a header's group label over two sub-labels gives a few columns three lines).
STACKED_LINES = 3
#: Text on one side of a column line is at least this wide (points) in a band.
MIN_TEXT = 2.0


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
    """Whether a horizontal rule lies in one of the tables ``grids`` (found already)."""
    mid = (rule.lo + rule.hi) / 2
    return any(g.xs[0] - pad <= mid <= g.xs[-1] + pad and g.ys[0] - pad <= rule.pos <= g.ys[-1] + pad for g in grids)


def _rows_apart(stack: list[Segment], glyphs: np.ndarray, s: float) -> list[list[Segment]]:
    """The stack cut where a band between two rules is not a table row.

    Tables of the same width one under the other line up like one stack. The text
    between them is not a row: it keeps away from both rules (a row's tallest cell fills
    it up to its padding), or it is prose, lines of text across every gutter of the rows
    (a group row, also across them, is one or two lines).
    """
    margin, padding = round(RULE_MARGIN * s), ROW_PADDING * s
    left, right = int(stack[0].lo), int(stack[0].hi) + 1
    bands = [glyphs[int(upper.pos) + margin:int(lower.pos) - margin + 1, left:right]
             for upper, lower in zip(stack, stack[1:])]
    inked = [band.any(axis=0) for band in bands if band.any()]
    gaps = [_open(ink, s) for ink in inked]
    cuts = [int(c) for c in _gutters(gaps, inked, s)] if len(gaps) >= 2 else []
    runs, run = [], [stack[0]]
    for band, lower in zip(bands, stack[1:]):
        rows = np.nonzero(band.any(axis=1))[0]
        if len(rows) and (rows[0] + margin > padding or len(band) - 1 - rows[-1] + margin > padding
                          or _is_prose(band, cuts, s)):
            runs.append(run)
            run = []
        run.append(lower)
    runs.append(run)
    return [run for run in runs if len(run) >= MIN_RULES]


def _lines(band: np.ndarray, s: float) -> int:
    """Lines of text in a band (runs of inked pixel rows at least 3 pt tall)."""
    return sum(b - a >= 3 * s for a, b in _runs(band.any(axis=1)))


def _is_prose(band: np.ndarray, cuts: list[int], s: float) -> bool:
    """Whether a band holds ``PROSE_LINES`` lines of text or more and text across every gutter."""
    if not cuts:
        return False
    gap = _open(band.any(axis=0), s)
    return _lines(band, s) >= PROSE_LINES and not any(gap[c] for c in cuts)


def _open(inked: np.ndarray, s: float) -> np.ndarray:
    """The columns of one band outside its text: blank, and not in a space narrower than ``MIN_GUTTER``.

    A word space is narrower: two rows that begin with the same word leave a space at
    the same place, which is not a column gutter, and a group row's words join across
    the gutters it spans.
    """
    out = ~inked
    for x, end in _runs(out):
        if x > 0 and end < len(out) and end - x < MIN_GUTTER * s:
            out[x:end] = False
    return out


def _gutters(gaps: list[np.ndarray], inked: list[np.ndarray], s: float) -> list[float]:
    """x of the column gutters (pixels from the table's left edge) from each band's open and inked columns.

    A band speaks for a gutter at x when it has text on both sides of x: open there, it
    parts the two; with text across x, it spans it (a group row, a label over two
    sub-columns). A band with no text on one side says nothing (the rows under a merged
    goal cell are blank in its column). A gutter is a run of columns parted by at least
    half the bands that speak for it (and by two, in a table of more than two bands); its
    line goes through the middle of the widest
    stretch parted by the most bands. A line that does not part text on both sides as
    often as text crosses it went through a column's own text and goes, the weakest first
    (``_separates``).
    """
    parted = np.zeros(len(gaps[0]), int)
    speaking = np.zeros(len(gaps[0]), int)
    for gap, ink in zip(gaps, inked):
        before = np.concatenate(([False], np.maximum.accumulate(ink)[:-1]))
        after = np.concatenate((np.maximum.accumulate(ink[::-1])[::-1][1:], [False]))
        both = before & after
        speaking += both
        parted += both & gap
    least = 1 if len(gaps) <= 2 else 2  # a piece of a table carried over to the next page may have one full row
    runs = _runs((parted >= least) & (2 * parted >= speaking))
    cuts = []
    for x, end in runs:
        best = int(parted[x:end].max())
        widest = max(_runs(parted[x:end] == best), key=lambda run: run[1] - run[0])
        cuts.append(int(x + (widest[0] + widest[1]) // 2))
    while cuts:
        edges = [0] + cuts + [len(parted) - 1]
        weak = [c for k, c in enumerate(cuts, start=1) if not _separates(edges[k - 1], c, edges[k + 1], gaps, inked, s)]
        if not weak:
            break
        cuts.remove(min(weak, key=lambda c: parted[c]))
    return [float(c) for c in cuts]


def _separates(before: int, cut: int, after: int, gaps: list[np.ndarray], inked: list[np.ndarray], s: float) -> bool:
    """Whether the line at ``cut`` parts text of the columns on both sides in as many bands as have text across it.

    A line through the middle of one column's text (a header label centred over long
    left-aligned names leaves a blank under it in the header rows) has text across it
    in most rows and text on both sides in few; a true gutter is crossed only by the
    rows that span it (group rows, a label over two sub-columns).
    """
    least = MIN_TEXT * s  # a speck of grain is no text
    parts = sum(bool(gap[cut] and ink[before + 1:cut].sum() >= least and ink[cut + 1:after].sum() >= least)
                for gap, ink in zip(gaps, inked))
    across = sum(not gap[cut] for gap in gaps)
    return parts > 0 and parts >= across


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of every run of ``True`` in ``flags``."""
    padded = np.concatenate(([False], flags, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


def _band_ink(glyphs: np.ndarray, ys: list[float], left: int, right: int, s: float) -> list[tuple[int, np.ndarray]]:
    """(index, glyph image) of each band between consecutive rules ``ys`` that holds ink, rules' crumbs left out."""
    margin = round(RULE_MARGIN * s)
    bands = [(k, glyphs[int(y0) + margin:int(y1) - margin + 1, left:right]) for k, (y0, y1) in enumerate(zip(ys, ys[1:]))]
    return [(k, band) for k, band in bands if band.shape[0] > 0 and band.any()]


def _table_grid(stack: list[Segment], others: list[Segment], glyphs: np.ndarray, s: float) -> CellGrid | None:
    """The cell grid of one stack of row rules, its columns at the gutters of its ink.

    The gutters are looked for between the full-width rules: a shorter rule under a
    group label cuts the labels beside it (centred over both header lines) into slices
    whose letters stand further apart than the words of the label.
    """
    x0, x1 = min(g.lo for g in stack), max(g.hi for g in stack)
    top, bottom = stack[0].pos, stack[-1].pos
    left, right = int(x0), int(x1) + 1
    rows = _band_ink(glyphs, [g.pos for g in stack], left, right, s)
    if len(rows) < 2:
        return None
    inked = [band.any(axis=0) for _, band in rows]
    cuts = [int(c) for c in _gutters([_open(ink, s) for ink in inked], inked, s)]
    if len(cuts) < 2:  # fewer than three columns: a framed paragraph, not a table
        return None
    tol = EDGE_TOLERANCE * s
    rules = stack + [g for g in others if g.lo >= x0 - tol and g.hi <= x1 + tol and top < g.pos < bottom]
    h_clusters = _cluster(rules, 2.5 * s)
    ys = [pos for pos, _ in h_clusters]
    bands = _band_ink(glyphs, ys, left, right, s)
    edges = [0] + cuts + [right - left]
    for _, band in bands:
        if 2 * sum(_lines(band[:, a:b], s) >= STACKED_LINES for a, b in zip(edges, edges[1:])) > len(edges) - 1:
            return None  # several rows between two rules (rules only above and below the body): left to ocr-words
    gaps = {k: _open(band.any(axis=0), s) for k, band in bands}
    v_clusters = [(float(x0), [(top, bottom)]), (float(x1), [(top, bottom)])]
    for cut in cuts:  # a column line in each band open there (a blank band is open everywhere)
        extents: list[tuple[float, float]] = []
        for k, (y0, y1) in enumerate(zip(ys, ys[1:])):
            if k not in gaps or gaps[k][cut]:
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
    found: list[CellGrid] = []
    # the widest first: the rules under the rows of a merged goal cell start at its column and stack too
    for stack in sorted(stacks, key=lambda st: st[0].lo - st[0].hi):
        if any(_inside(g, found, 3 * s) for g in stack):
            continue
        y0, y1 = int(stack[0].pos), int(stack[-1].pos) + 1
        glyphs = np.zeros(normalized.shape, np.uint8)
        glyphs[y0:y1] = glyph_mask(cleaned[y0:y1], dpi)
        for table in _rows_apart(stack, glyphs, s):
            grid = _table_grid(table, [g for g in free if all(g is not r for r in table)], glyphs, s)
            if grid is not None:
                found.append(grid)
    return sorted(found, key=lambda g: g.ys[0])
