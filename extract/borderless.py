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

import re
from dataclasses import dataclass

import pdfplumber

from lkj.extract.grid import _overlap
from lkj.extract.headers import (
    LABEL_WORDS,
    column_role,
    glue_label_lines,
    is_label_fragment,
    is_period_label,
    is_year_label,
)
from lkj.extract.raw_table import RawTable, text_in, title_top
from lkj.extract.text_lines import join_lines
from lkj.extract.vocabulary import (
    BULLET_GLYPHS,
    CUMULATIVE_WORDS,
    CURRENCY_PREFIXES,
    FIGURE_CAPTION_WORDS,
    GROUP_ROW_WORDS,
    HEADER_WORDS,
    TABLE_CAPTION_WORDS,
)

#: Words closer than this (points) belong to the same column label or cell.
WORD_GAP = 7.0
#: A header run above two side-by-side runs that reaches this far (points) into each spans their columns.
GROUP_OVERLAP = 2.0
#: A header line needs this many header words in distinct columns.
MIN_HEADER_COLUMNS = 3
#: A horizontal gap of this share of the font size separates two words.
WORD_SPACE = 0.15
#: A vertical gap larger than this many line heights ends the table.
MAX_LINE_GAP = 2.6
#: Share of the page height at its foot where page numbers are printed.
FOOT_MARGIN = 0.1
#: Share of the page height at its head where running headers are printed.
HEAD_MARGIN = 0.06
#: A line that opens a table's or a figure's caption ends the table above it.
_CAPTION_WORDS = TABLE_CAPTION_WORDS + FIGURE_CAPTION_WORDS


@dataclass
class _Line:
    top: float
    bottom: float
    words: list[dict]
    group: bool = False  # a full-width group row (``1. Sasaran : ...``) inside a table

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    @property
    def size(self) -> float | None:
        """The font size most of the line is printed in; None for OCR'd words (no font)."""
        sizes = sorted(w["size"] for w in self.words if "size" in w)
        return sizes[len(sizes) // 2] if sizes else None


def _lines(page: pdfplumber.page.Page) -> list[_Line]:
    # A gap of 0.15 em already separates two words: narrow (justified) spaces are printed
    # spaces too ("56,12 %", "non lindung"), and pdfplumber's fixed 3-point tolerance joins them.
    words = sorted(page.extract_words(keep_blank_chars=False, x_tolerance_ratio=WORD_SPACE, extra_attrs=["size"]),
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


#: Longest run of words one header label prints on one line (``Target Akhir Renstra 2019``).
MAX_LABEL_WORDS = 5


def _label_word(word: str) -> bool:
    """A word of a header label: a header word or a piece of one, a year, a bracketed unit (``%``, ``(Rp)``)."""
    bare = word.lower().strip(".,:()/")
    return (not bare or bare in LABEL_WORDS or bare in CURRENCY_PREFIXES or (bare.isdigit() and len(bare) == 4)
            or is_label_fragment(bare))


def _is_data(word: str) -> bool:
    """A word only a body row prints: a number (``1.``, ``80%``, ``3.174.505``) other than a year."""
    bare = word.strip(".,:()%")
    return any(ch.isdigit() for ch in bare) and not (bare.isdigit() and len(bare) == 4)


def _band_line(line: _Line) -> bool:
    """A line that can be part of a header: short runs of words, no numbers but years, and at
    least half of its runs made of header words (or pieces of them); a caption is not one."""
    if line.text.lower().startswith(_CAPTION_WORDS) or line.text.startswith(BULLET_GLYPHS):
        return False  # a caption, or a list item whose justified spaces cut it into runs of single words
    groups = _groups(line.words)
    periods = [is_period_label(" ".join(w["text"] for w in g)) for g in groups]  # ``TW II``: a label with a numeral
    if any(len(g) > MAX_LABEL_WORDS or (not period and any(_is_data(w["text"]) for w in g)) for g, period in zip(groups, periods)):
        return False
    labels = sum(period or all(_label_word(w["text"]) for w in g) for g, period in zip(groups, periods))
    return labels >= 1 and labels * 2 >= len(groups)


def _prose(line: _Line) -> bool:
    """A line of running text: a run of more words than a label has, not a caption."""
    return (not line.text.lower().startswith(_CAPTION_WORDS)
            and any(len(g) > MAX_LABEL_WORDS for g in _groups(line.words)))


def _close(upper: _Line, lower: _Line) -> bool:
    """Two lines of one header: the lower starts within 1.6 line heights of the upper."""
    return lower.top - upper.top < 1.6 * max(upper.bottom - upper.top, 6.0)


@dataclass
class _Part:
    """One run of words of a header line."""

    top: float
    x0: float
    x1: float
    text: str

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class _Header:
    """A table's header: its lines, one label per column, and the labels spanning several columns."""

    lines: list[_Line]
    labels: list[list[_Part]]  # per column, its parts top to bottom
    spanning: list[_Part]      # ``Tahun 2019`` over Target / Realisasi / Capaian

    def span(self, column: int) -> tuple[float, float]:
        parts = self.labels[column]
        return min(p.x0 for p in parts), max(p.x1 for p in parts)

    def texts(self, columns: list[tuple[float, float]]) -> list[str]:
        """Each column's label: its parts top to bottom, a word broken over two lines glued back,
        with the spanning labels over the column before or after them as printed."""
        out = []
        for parts, over in zip(self.labels, self._spread(columns)):
            text = ""
            for part in sorted(parts + over, key=lambda p: (p.top, p.x0)):
                text = glue_label_lines(text, part.text)
            out.append(text)
        return out

    def _spread(self, columns: list[tuple[float, float]]) -> list[list[_Part]]:
        """The spanning labels over each column: those above it, and a group label's reach over the
        neighbouring columns whose labels are printed only on its sub-label line and name a period or the
        periods' total (a ``Kategori`` printed level with the sub-labels is a column of its own).

        A group label is centred over its columns and, without rules, its text covers only the middle
        ones: ``Realisasi`` over ``TW I | TW II | TW III | TW IV | Total`` lies above TW II and TW III.
        Its columns are the run of neighbours that have nothing above their sub-labels; a label of the
        line above (``Target``, ``%`` over ``Capaian``) or one centred over both lines (``No``,
        ``Satuan``) ends the run.
        """
        over = [[p for p in self.spanning if min(p.x1, x1) - max(p.x0, x0) > 1] for x0, x1 in columns]
        for part in self.spanning:
            covered = [i for i, parts in enumerate(over) if part in parts]
            if not covered:
                continue
            floor = min(q.top for i in covered for q in self.labels[i])
            if part.top >= floor - 1:
                continue  # a year printed under a label (``Realisasi`` / ``2016``) reaches no neighbour

            def sub_label_only(i: int) -> bool:
                text = " ".join(q.text for q in self.labels[i])
                return (not over[i] and all(q.top >= floor - 1 for q in self.labels[i])
                        and (is_period_label(text) or text.lower() in CUMULATIVE_WORDS))

            for step, start in ((-1, covered[0] - 1), (1, covered[-1] + 1)):
                i = start
                while 0 <= i < len(columns) and sub_label_only(i):
                    over[i].append(part)
                    i += step
        return over


def _header(lines: list[_Line]) -> _Header | None:
    """The header the lines print, or None when they name fewer than three columns.

    Labels printed on several lines (``%`` above ``Capaian``, ``Target Akhir`` / ``Renstra
    2019`` above and below a one-line label, a word broken by a narrow cell) are one column
    where their runs overlap horizontally. A run over the centres of two runs of other lines
    (``Capaian Kinerja`` over ``2015 | 2016``), or a year label over another label (``Tahun
    2019`` over Target / Realisasi / Capaian), spans columns: it names them but does not make one.
    """
    parts = [_Part(line.top, g[0]["x0"], g[-1]["x1"], " ".join(w["text"] for w in g))
             for line in lines for g in _groups(line.words)]
    # A run of marks alone (a ':' or '|' a scan's speck became, a dash) names no column:
    # kept, it made a column of its own, which no body row fills, and the table was lost.
    parts = [p for p in parts if any(ch.isalnum() or ch == "%" for ch in p.text)]
    years = [p for p in parts if is_year_label(p.text)]
    spanning = [p for p in parts if p not in years and _spans_columns(p, [q for q in parts if q.top != p.top])]
    regular = [p for p in parts if p not in years and p not in spanning]
    spanning += [y for y in years if any(min(y.x1, q.x1) > max(y.x0, q.x0) for q in regular)]
    regular += [y for y in years if y not in spanning]
    labels: list[list[_Part]] = []
    for part in sorted(regular, key=lambda p: p.x0):
        if labels and part.x0 < max(p.x1 for p in labels[-1]):
            labels[-1].append(part)
        else:
            labels.append([part])
    header = _Header(lines, labels, spanning)
    texts = header.texts([header.span(i) for i in range(len(labels))])
    named = sum(column_role(t).role != "other" or any(w.lower().strip(".,:()") in LABEL_WORDS for w in t.split())
                for t in texts)
    return header if named >= MIN_HEADER_COLUMNS and named * 2 >= len(labels) else None


def _spans_columns(part: _Part, others: list[_Part]) -> bool:
    """Does ``part`` sit over two columns: over the centres of two runs that lie side by side, or
    above two such runs, reaching into each (a group label centred over wider labels: ``TARGET
    KINERJA`` over ``PAGU DANA (Rp) | PENYERAPAN DANA (Rp)``, which it overlaps only at their inner
    ends)?"""
    under = sorted((q for q in others if part.x0 <= q.centre <= part.x1), key=lambda q: q.x0)
    if any(b.x0 >= a.x1 for a in under for b in under):
        return True
    below = [q for q in others if q.top > part.top and min(part.x1, q.x1) - max(part.x0, q.x0) > GROUP_OVERLAP]
    return any(b.x0 >= a.x1 for a in below for b in below)


def _column_edges(header: _Header, left: float, right: float) -> list[tuple[float, float]]:
    """Column spans from the header labels: boundaries halfway between neighbouring labels."""
    spans = [header.span(i) for i in range(len(header.labels))]
    edges = []
    for index, (x0, x1) in enumerate(spans):
        start = left if index == 0 else (spans[index - 1][1] + x0) / 2
        end = right if index == len(spans) - 1 else (x1 + spans[index + 1][0]) / 2
        edges.append((round(start, 1), round(end, 1)))
    return edges


def _refine_edges(columns: list[tuple[float, float]], header: _Header, body: list[_Line]) -> list[tuple[float, float]]:
    """Move each boundary into the widest gap that no body text crosses.

    Labels are often centred over left-aligned text, so the halfway point between
    two labels can fall inside the cells' text; the true boundary is the white
    river between the columns of the body.
    """
    runs = [(g[0]["x0"], g[-1]["x1"]) for line in body if not line.group for g in _groups(line.words)]
    refined = list(columns)
    for i in range(len(columns) - 1):
        left_label, right_label = header.span(i), header.span(i + 1)
        # the boundary lies between the labels' centres: the white space right of a left-aligned
        # column's values (under a wide label) is inside that column, however wide it is
        lo, hi = (left_label[0] + left_label[1]) / 2, (right_label[0] + right_label[1]) / 2
        near = [r for r in runs if r[1] > lo and r[0] < hi]
        gaps = _sides_kept(_free_gaps(lo, hi, near), near, left_label, right_label)
        if gaps:
            start, end = max(gaps, key=lambda g: g[1] - g[0])
            boundary = round((start + end) / 2, 1)
            refined[i] = (refined[i][0], boundary)
            refined[i + 1] = (boundary, refined[i + 1][1])
    return refined


def _sides_kept(gaps: list[tuple[float, float]], runs: list[tuple[float, float]],
                left_label: tuple[float, float], right_label: tuple[float, float]) -> list[tuple[float, float]]:
    """The gaps that keep each run on the side of the label it lies under.

    A run under the right label only (a short indicator text, left-aligned in a wide column
    whose label is centred: ``Nilai Evaluasi ... KPU`` under ``Indikator Kinerja Utama``) belongs
    to the right column, so the boundary lies left of it, however wide the white space right of
    it; a run under the left label only lies left of the boundary. Without that, a one-row
    table's short text went to the No column with its number. All gaps when none keeps both.
    """
    right_only = [r for r in runs if _overlap(r, right_label) > 1 and not _overlap(r, left_label) > 1]
    left_only = [r for r in runs if _overlap(r, left_label) > 1 and not _overlap(r, right_label) > 1]
    limit_right = min((r[0] for r in right_only), default=float("inf"))
    limit_left = max((r[1] for r in left_only), default=float("-inf"))
    kept = [g for g in gaps if g[1] <= limit_right + 1 and g[0] >= limit_left - 1]
    return kept or gaps


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
    """Each run of close words goes, whole, to the column holding its centre; a group row's
    text to the column it starts in."""
    out = [""] * len(columns)
    for group in _groups(line.words):
        centre = (group[0]["x0"] + group[-1]["x1"]) / 2
        if line.group:
            centre = group[0]["x0"]
        index = next((i for i, c in enumerate(columns) if c[0] <= centre < c[1]),
                     len(columns) - 1 if centre >= columns[-1][1] else 0)
        text = " ".join(w["text"] for w in group)
        out[index] = f"{out[index]} {text}".strip()
    return out


def _body(lines: list[_Line], start: int, columns: list[tuple[float, float]], foot: float,
          centres: list[float] | None = None, after_header: bool = True) -> int:
    """Index one past the last line that still fits the grid (``lines`` is changed: the
    wrapped lines of a group row become one).

    A lone number below ``foot`` (the bottom margin) is the page number, not a row; the gap
    above ``start`` counts only ``after_header`` (not above a continuation's first row). A
    full-width group row (``1. Sasaran : ...``) runs across the columns like prose; it is
    kept when a row of the grid follows it.
    """
    end = start
    previous_bottom = lines[start - 1].bottom if start and after_header else None
    body_size: float | None = None  # the largest font of the body's rows so far
    index = start
    while index < len(lines):
        line = lines[index]
        height = max(line.bottom - line.top, 6.0)
        if previous_bottom is not None and line.top - previous_bottom > MAX_LINE_GAP * height:
            break
        if line.text.lower().startswith(_CAPTION_WORDS):
            break
        if line.top > foot and line.text.replace(" ", "").isdigit():
            break
        group = _group_block(lines, index, columns, centres)
        if group is None and _larger_heading(line, body_size):
            break
        stop = index + 1 if _fits(line, columns, centres) else group
        if stop is None:
            break
        if group is None and line.size is not None and any(ch.isalpha() for ch in line.text):
            body_size = max(body_size or 0.0, line.size)  # not a row of column numbers, set smaller
        if stop > index + 1 or not _fits(line, columns, centres):
            lines[index:stop] = [_joined(lines[index:stop])]  # one row: its wrapped lines are no rows of their own
            stop = index + 1
        elif group is not None:
            line.group = True  # a one-line group row: its text runs across the columns, no cell of theirs
        end, previous_bottom, index = stop, lines[stop - 1].bottom, stop
    return end


#: A heading's number (``3.3``, ``B.``, ``IV.``): no figure of a row.
SECTION_NUMBER = re.compile(r"(?:\d+(?:\.\d+)*|[A-Z]|[IVX]+)[.)]?")
#: A line printed this much larger than every row of a table so far is no row of it.
HEADING_SIZE_RATIO = 1.04


def _larger_heading(line: _Line, body_size: float | None) -> bool:
    """A section heading right under a table (``3.3 Realisasi Anggaran``, in the text's larger
    font): it fits the columns and would join the last row as a wrapped line. Headings are
    printed larger than a table's cells; a row of the table never carries a figure in a
    larger font than the rows above it. Not decided for OCR'd words (they carry no font)."""
    size = line.size
    words = line.words[1:] if SECTION_NUMBER.fullmatch(line.words[0]["text"]) else line.words
    return (size is not None and body_size is not None and size > body_size * HEADING_SIZE_RATIO
            and not any(_is_data(w["text"]) for w in words))


def _wraps(line: _Line, opener: _Line) -> bool:
    """A short last line of a wrapped group row: one run of words starting where the row starts."""
    return len(_groups(line.words)) == 1 and abs(line.words[0]["x0"] - opener.words[0]["x0"]) < 3


def _joined(lines: list[_Line]) -> _Line:
    """The wrapped lines of a group row as one line holding one run of words."""
    text = join_lines("\n".join(line.text for line in lines))  # ``perundang-`` / ``undangan``: one word
    word = {"text": text, "x0": min(l.words[0]["x0"] for l in lines), "x1": max(l.words[-1]["x1"] for l in lines),
            "top": lines[0].top, "bottom": lines[-1].bottom}
    return _Line(lines[0].top, lines[-1].bottom, [word], group=True)


#: Lines a group row's text may wrap to.
MAX_GROUP_LINES = 3


def _group_block(lines: list[_Line], index: int, columns: list[tuple[float, float]],
                 centres: list[float] | None) -> int | None:
    """One past the lines of the group row opening at ``index``, or None when it is none.

    A group row starts in the first columns with a group word after its number (``2. Sasaran
    :``, ``Misi 1``), may wrap, and is followed by a row of the grid (or another group row):
    prose after a table never is.
    """
    line = lines[index]
    text = line.text.lower().lstrip("0123456789.) ")
    if not text.startswith(GROUP_ROW_WORDS) or len(columns) < 3 or line.words[0]["x0"] > columns[1][1]:
        return None
    stop = index + 1
    while (stop < len(lines) and stop - index <= MAX_GROUP_LINES and _close(lines[stop - 1], lines[stop])
           and (not _fits(lines[stop], columns, centres) or _wraps(lines[stop], line))
           and not lines[stop].text.lower().lstrip("0123456789.) ").startswith(GROUP_ROW_WORDS)):
        stop += 1
    if stop >= len(lines):
        return None
    after = lines[stop]
    if (_fits(after, columns, centres) and sum(bool(c) for c in _cells(after, columns)) >= 2
            and any(_is_data(w["text"]) for w in after.words)):
        return stop  # a row of the grid: cells with a figure (a justified prose line has none)
    return stop if _group_block(lines, stop, columns, centres) is not None else None


def borderless_tables(page: pdfplumber.page.Page, number: int, first_index: int = 0,
                      carried_columns: list[tuple[float, float]] | None = None) -> list[RawTable]:
    """Tables anchored on header lines; with ``carried_columns`` also a headerless continuation at the top."""
    lines = _lines(page)
    foot = float(page.height) * (1 - FOOT_MARGIN)
    tables: list[RawTable] = []
    index = 0
    floor = 0.0
    if carried_columns and lines:
        # a running header in the top margin is page furniture, not the table's first row
        start = next((i for i, line in enumerate(lines) if line.top >= page.height * HEAD_MARGIN), len(lines))
        end = _body(lines, start, carried_columns, foot, after_header=False) if start < len(lines) else start
        first_header = next((i for i, line in enumerate(lines) if _is_header(line)), len(lines))
        end = min(end, first_header)
        # a real continuation starts with a row of several cells, not a centred heading
        starts_with_row = any(sum(bool(c) for c in _cells(line, carried_columns)) >= 2
                              for line in lines[start:min(end, start + 3)])
        if end > start and lines[start].top < page.height * 0.35 and starts_with_row:
            tables.append(_table(page, number, first_index, None, lines[start:end], carried_columns, floor))
            index, floor = end, lines[end - 1].bottom
    while index < len(lines):
        found = _header_at(lines, index)
        if found is None:
            index += 1
            continue
        header, nxt = found
        columns = _column_edges(header, min(w["x0"] for l in lines for w in l.words) - 1, page.width)
        centres = [sum(header.span(i)) / 2 for i in range(len(header.labels))]
        end = _body(lines, nxt, columns, foot, centres)
        if end > nxt:
            columns = _refine_edges(columns, header, lines[nxt:end])
            tables.append(_table(page, number, first_index + len(tables), header, lines[nxt:end], columns, floor))
            floor = lines[end - 1].bottom
        index = max(end, nxt)
    return tables


def _header_at(lines: list[_Line], index: int) -> tuple[_Header, int] | None:
    """The header whose lines start at ``index`` and the index of the line after it, or None.

    A header is a run of close header lines (``_band_line``); the longest run from ``index``
    that names three columns is taken, so that a label line of its own above or below the
    others (``Tahun 2019``, ``%`` above ``Capaian``, ``Renstra 2019`` below ``Target Akhir``)
    belongs to it.
    """
    if not _band_line(lines[index]) or (index and _prose(lines[index - 1]) and _close(lines[index - 1], lines[index])):
        return None  # a justified prose line's wide spaces cut it into runs of single words
    end = index + 1
    while end < len(lines) and _band_line(lines[end]) and _close(lines[end - 1], lines[end]):
        end += 1
    for stop in range(end, index, -1):
        header = _header(lines[index:stop])
        if header is not None:
            return header, stop
    return None


def _table(page: pdfplumber.page.Page, number: int, index: int, header: _Header | None, body: list[_Line],
           columns: list[tuple[float, float]], floor: float) -> RawTable:
    head_rows = [header.texts(columns)] if header else []
    head_y = [(round(header.lines[0].top, 2), round(max(l.bottom for l in header.lines), 2))] if header else []
    rows = head_rows + [_cells(line, columns) for line in body]
    top = header.lines[0].top if header else body[0].top
    return RawTable(
        page=number,
        index=index,
        flavor="pdfplumber-words",
        bbox=(columns[0][0], round(top, 2), columns[-1][1], round(body[-1].bottom, 2)),
        page_height=float(page.height),
        rows=[list(r) for r in rows],
        spans=[list(columns) for _ in rows],
        title=text_in(page, (0, title_top(top, floor), page.width, max(top - 0.5, 0.5))) if top > 1 else "",
        rows_y=head_y + [(round(line.top, 2), round(line.bottom, 2)) for line in body],
    )
