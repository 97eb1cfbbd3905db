"""Borderless tables read from word positions, anchored on their header line.

A table printed without ruling lines is still a grid: its header line names the
columns (``No  Sasaran  Indikator Kinerja  Target  Realisasi  Capaian``) and every
body word sits under one of those names. So the header words fix the column
boundaries, and the lines below are cut at those boundaries until the text stops
fitting the grid (a prose line runs across a boundary, or a wide vertical gap).
This is written here rather than taken from camelot's stream parser because stream
decides its table area from text alignment alone and, on LKj pages, swallows the
prose around the table or cuts the table short; the header words are the one
reliable anchor, and the regulation fixes which header words exist.

One row is returned per printed line; the interpreter joins wrapped lines.
"""
from __future__ import annotations

from dataclasses import dataclass

import pdfplumber

from lkj.extract.raw_table import RawTable, text_in, title_top
from lkj.extract.vocabulary import CURRENCY_PREFIXES, FIGURE_CAPTION_WORDS, HEADER_WORDS, TABLE_CAPTION_WORDS

#: Words closer than this (points) belong to the same column label or cell.
WORD_GAP = 7.0
#: A header line needs this many header words in distinct columns.
MIN_HEADER_COLUMNS = 3
#: A horizontal gap of this share of the font size separates two words.
WORD_SPACE = 0.15
#: A vertical gap larger than this many line heights ends the table.
MAX_LINE_GAP = 2.6
#: Share of the page height at its foot where page numbers are printed.
FOOT_MARGIN = 0.1
#: A line that opens a table's or a figure's caption ends the table above it.
_CAPTION_WORDS = TABLE_CAPTION_WORDS + FIGURE_CAPTION_WORDS


@dataclass
class _Line:
    top: float
    bottom: float
    words: list[dict]

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


def _lines(page: pdfplumber.page.Page) -> list[_Line]:
    # A gap of 0.15 em already separates two words: narrow (justified) spaces are printed
    # spaces too ("56,12 %", "non lindung"), and pdfplumber's fixed 3-point tolerance joins them.
    words = sorted(page.extract_words(keep_blank_chars=False, x_tolerance_ratio=WORD_SPACE),
                   key=lambda w: (round(w["top"]), w["x0"]))
    lines: list[_Line] = []
    for word in words:
        if lines and abs(word["top"] - lines[-1].top) <= 3:
            lines[-1].words.append(word)
            lines[-1].bottom = max(lines[-1].bottom, word["bottom"])
        else:
            lines.append(_Line(word["top"], word["bottom"], [word]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return lines


def _groups(words: list[dict]) -> list[list[dict]]:
    """Runs of words separated by less than WORD_GAP: one label or one cell each."""
    groups: list[list[dict]] = []
    for word in words:
        if groups and word["x0"] - groups[-1][-1]["x1"] < WORD_GAP:
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def _is_header(line: _Line) -> bool:
    groups = _groups(line.words)
    named = [g for g in groups if any(w["text"].lower().strip(".,:()") in HEADER_WORDS for w in g)]
    return len(named) >= MIN_HEADER_COLUMNS and len(named) * 2 >= len(groups)


def _label_line(line: _Line) -> bool:
    """A line of header labels only: each run of words is header words, a year or a bracketed unit
    (``%``, ``(%)``, ``(Rp)``, ``2019``), three words at most.

    Labels printed on two lines (``%`` above ``Capaian``, ``Target`` above ``(%)``) put their lines
    above and below the one-line labels, which sit halfway (``No``, ``Indikator Kinerja``); each
    such line is part of the header, not the table's title or its first row."""
    for group in _groups(line.words):
        words = [w["text"].lower().strip(".,:()") for w in group]
        if len(words) > 3 or not all(w in HEADER_WORDS or w in CURRENCY_PREFIXES or (w.isdigit() and len(w) == 4) or not w
                                     for w in words):
            return False
    return bool(line.words)


def _close(upper: _Line, lower: _Line) -> bool:
    """Two lines of one header: the lower starts within 1.6 line heights of the upper."""
    return lower.top - upper.top < 1.6 * max(upper.bottom - upper.top, 6.0)


def _column_edges(header: list[_Line], left: float, right: float) -> list[tuple[float, float]]:
    """Column spans from the header labels: boundaries halfway between neighbouring labels."""
    labels = sorted(
        ((min(w["x0"] for w in g), max(w["x1"] for w in g)) for line in header for g in _groups(line.words)),
    )
    merged: list[list[float]] = []
    for x0, x1 in labels:  # labels of two header lines over one column overlap: merge them
        if merged and x0 < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    edges = []
    for index, (x0, x1) in enumerate(merged):
        start = left if index == 0 else (merged[index - 1][1] + x0) / 2
        end = right if index == len(merged) - 1 else (x1 + merged[index + 1][0]) / 2
        edges.append((round(start, 1), round(end, 1)))
    return edges


def _refine_edges(columns: list[tuple[float, float]], header: list[_Line], body: list[_Line]) -> list[tuple[float, float]]:
    """Move each boundary into the widest gap that no body text crosses.

    Labels are often centred over left-aligned text, so the halfway point between
    two labels can fall inside the cells' text; the true boundary is the white
    river between the columns of the body.
    """
    labels = [(c[0], c[1]) for c in columns]
    runs = [(g[0]["x0"], g[-1]["x1"]) for line in body for g in _groups(line.words)]
    refined = list(columns)
    for i in range(len(columns) - 1):
        left_label = _label_span(header, columns[i])
        right_label = _label_span(header, columns[i + 1])
        lo, hi = (left_label[0] if left_label else labels[i][0]), (right_label[1] if right_label else labels[i + 1][1])
        if left_label and right_label:
            # the boundary lies between the labels' centres: the white space right of a left-aligned
            # column's values (under a wide label) is inside that column, however wide it is
            lo, hi = (left_label[0] + left_label[1]) / 2, (right_label[0] + right_label[1]) / 2
        gaps = _free_gaps(lo, hi, [r for r in runs if r[1] > lo and r[0] < hi])
        if gaps:
            start, end = max(gaps, key=lambda g: g[1] - g[0])
            boundary = round((start + end) / 2, 1)
            refined[i] = (refined[i][0], boundary)
            refined[i + 1] = (boundary, refined[i + 1][1])
    return refined


def _label_span(header: list[_Line], column: tuple[float, float]) -> tuple[float, float] | None:
    spans = [(g[0]["x0"], g[-1]["x1"]) for line in header for g in _groups(line.words)
             if column[0] <= (g[0]["x0"] + g[-1]["x1"]) / 2 < column[1]]
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None


def _free_gaps(lo: float, hi: float, runs: list[tuple[float, float]]) -> list[tuple[float, float]]:
    gaps, cursor = [], lo
    for x0, x1 in sorted(runs):
        if x0 > cursor + 2:
            gaps.append((cursor, x0))
        cursor = max(cursor, x1)
    if hi > cursor + 2:
        gaps.append((cursor, hi))
    return gaps


def _fits(line: _Line, columns: list[tuple[float, float]], centres: list[float] | None = None) -> bool:
    """False for a prose line: a run of closely spaced words across three columns or most of the width.

    Header labels are often centred over left-aligned cells, so a cell's text may
    overhang the boundary halfway between two labels; only a run that spans three
    columns (or 60% of the table) is certainly not a cell.
    """
    width = columns[-1][1] - columns[0][0]
    for group in _groups(line.words):
        x0, x1 = group[0]["x0"], group[-1]["x1"]
        inside = [c for c in columns if x0 < c[1] - 1 and x1 > c[0] + 1]
        if centres and len([c for c in centres if x0 <= c <= x1]) < 2:
            inside = inside[:1]  # a cell's text overhangs the halfway boundaries but covers one label's centre only
        if len(group) > 1 and (len(inside) >= 3 or x1 - x0 > 0.6 * width):
            return False
    return True


def _cells(line: _Line, columns: list[tuple[float, float]]) -> list[str]:
    """Each run of close words goes, whole, to the column holding its centre."""
    out = [""] * len(columns)
    for group in _groups(line.words):
        centre = (group[0]["x0"] + group[-1]["x1"]) / 2
        index = next((i for i, c in enumerate(columns) if c[0] <= centre < c[1]),
                     len(columns) - 1 if centre >= columns[-1][1] else 0)
        text = " ".join(w["text"] for w in group)
        out[index] = f"{out[index]} {text}".strip()
    return out


def _body(lines: list[_Line], start: int, columns: list[tuple[float, float]], foot: float,
          centres: list[float] | None = None) -> int:
    """Index one past the last line that still fits the grid.

    A lone number below ``foot`` (the bottom margin) is the page number, not a row.
    """
    end = start
    previous_bottom = lines[start - 1].bottom if start else None
    for index in range(start, len(lines)):
        line = lines[index]
        height = max(line.bottom - line.top, 6.0)
        if previous_bottom is not None and line.top - previous_bottom > MAX_LINE_GAP * height:
            break
        if not _fits(line, columns, centres) or line.text.lower().startswith(_CAPTION_WORDS):
            break
        if line.top > foot and line.text.replace(" ", "").isdigit():
            break
        end, previous_bottom = index + 1, line.bottom
    return end


def borderless_tables(page: pdfplumber.page.Page, number: int, first_index: int = 0,
                      carried_columns: list[tuple[float, float]] | None = None) -> list[RawTable]:
    """Tables anchored on header lines; with ``carried_columns`` also a headerless continuation at the top."""
    lines = _lines(page)
    foot = float(page.height) * (1 - FOOT_MARGIN)
    tables: list[RawTable] = []
    index = 0
    floor = 0.0
    if carried_columns and lines:
        end = _body(lines, 0, carried_columns, foot)
        first_header = next((i for i, line in enumerate(lines) if _is_header(line)), len(lines))
        end = min(end, first_header)
        # a real continuation starts with a row of several cells, not a centred heading
        starts_with_row = any(sum(bool(c) for c in _cells(line, carried_columns)) >= 2 for line in lines[:min(end, 3)])
        if end >= 1 and lines[0].top < page.height * 0.35 and starts_with_row:
            tables.append(_table(page, number, first_index, [], lines[:end], carried_columns, floor))
            index, floor = end, lines[end - 1].bottom
    while index < len(lines):
        if not _is_header(lines[index]):
            index += 1
            continue
        header = [lines[index]]
        first = index
        while first > 0 and lines[first - 1].top >= floor and _label_line(lines[first - 1]) \
                and _close(lines[first - 1], lines[first]):
            first -= 1
            header.insert(0, lines[first])  # the first lines of labels printed on two lines (``%`` above ``Capaian``)
        nxt = index + 1
        while nxt < len(lines) and (_is_header(lines[nxt]) or _label_line(lines[nxt])) and _close(header[-1], lines[nxt]):
            header.append(lines[nxt])
            nxt += 1
        columns = _column_edges(header, min(w["x0"] for l in lines for w in l.words) - 1, page.width)
        spans = [_label_span(header, column) for column in columns]
        centres = [(s[0] + s[1]) / 2 for s in spans if s] if all(spans) else None
        end = _body(lines, nxt, columns, foot, centres)
        if end > nxt:
            columns = _refine_edges(columns, header, lines[nxt:end])
        if end > nxt:
            tables.append(_table(page, number, first_index + len(tables), header, lines[nxt:end], columns, floor))
            floor = lines[end - 1].bottom
        index = max(end, nxt)
    return tables


def _table(page: pdfplumber.page.Page, number: int, index: int, header: list[_Line], body: list[_Line],
           columns: list[tuple[float, float]], floor: float) -> RawTable:
    rows = [_cells(line, columns) for line in header + body]
    top = (header or body)[0].top
    return RawTable(
        page=number,
        index=index,
        flavor="pdfplumber-words",
        bbox=(columns[0][0], round(top, 2), columns[-1][1], round(body[-1].bottom, 2)),
        page_height=float(page.height),
        rows=[list(r) for r in rows],
        spans=[list(columns) for _ in rows],
        title=text_in(page, (0, title_top(top, floor), page.width, max(top - 0.5, 0.5))) if top > 1 else "",
        rows_y=[(round(line.top, 2), round(line.bottom, 2)) for line in header + body],
    )
