"""From a raw cell grid to labelled columns and aligned data rows.

Real tables are drawn with different cell splits in the header and in the body (a
header cell ``SASARAN STRATEGIS`` spanning three narrow grid columns over one wide
body cell), with headers on two or three rows (``CAPAIAN KINERJA`` over ``2015`` and
``2016``), and with a ``(1) (2) (3)`` numbering row. Matching columns by grid index
breaks on all of these, so columns are matched by geometry instead: the header cells
that have no narrower header cell under them are the leaf columns, a leaf's label is
every header text above it, and each body cell goes to the leaf it overlaps most.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkj.extract.headers import glue_label_lines, is_column_numbering, label_text, looks_like_header
from lkj.extract.raw_table import RawTable
from lkj.extract.vocabulary import GOAL_HEADING, PLAN_LEVELS

Span = tuple[float, float]


@dataclass
class Column:
    label: str
    span: Span


@dataclass
class BodyRow:
    """One body row: text per leaf column ('' when blank) and where it was printed."""

    cells: list[str]
    page: int
    source_row: int  # index of the row in its RawTable
    starts_part: bool = False  # first body row of a table part (a new page)
    #: Columns where a ruled row has a cell of its own that is empty. A merged cell
    #: above covers the row instead (pdfplumber gives ``None``), so an own empty box
    #: in the goal column means this row's goal is not printed, not "same as above".
    boxed_empty: set[int] = field(default_factory=set)
    #: Where the row is printed (x0, top, x1, bottom in points of ``page``), when the reader knows.
    box: tuple[float, float, float, float] | None = None


@dataclass
class Grid:
    columns: list[Column]
    rows: list[BodyRow] = field(default_factory=list)
    header_rows: int = 0


def _overlap(a: Span, b: Span) -> float:
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))


def _clean(text: str | None) -> str:
    return (text or "").strip()


#: How deep a column-numbering row may sit: a header typeset one word per ruled line can take ten rows.
NUMBERING_REACH = 12


def _numbering_row(texts: list[str]) -> bool:
    """``1 2 3 ... 9`` or ``(1) (2) ...``: three or more column numbers counting up by one."""
    numbers = [t.strip("() ") for t in texts if t]
    if len(numbers) < 3 or not all(n.isdigit() for n in numbers):
        return False
    return all(int(b) == int(a) + 1 for a, b in zip(numbers, numbers[1:]))


def count_header_rows(table: RawTable) -> int:
    """Leading rows that are header words or column numbering.

    Tables print a ``(1) (2) (3)`` row right under their header, so when such a row
    appears near the top everything above it is header, however many ruled lines the
    header words were cut into. Otherwise header rows are recognised by their words
    (at most four).
    """
    for index, row in enumerate(table.rows[:NUMBERING_REACH]):
        if _numbering_row([_clean(c) for c in row]):
            return index + 1
    count = 0
    for row in table.rows[:4]:
        texts = [_clean(c) for c in row]
        if count and _numbered(texts):
            break  # under a header, ``1 | Program`` opens the body (the header's own ``No`` may print as ``1``)
        if looks_like_header(texts) or is_column_numbering(texts) or (count and _is_subheader(texts)):
            count += 1
        else:
            break
    return count


#: An account code (``1.01.01.0``, ``4.03.02.01.``): digits with at least one inner dot.
ACCOUNT_CODE = re.compile(r"\d+(\.\d+)+\.?")


def _numbered(texts: list[str]) -> bool:
    """A row that holds a row number (``1``, ``2.``) or an account code (``1.01.01.0``) beside
    words: a body row, not column numbering. A programme row printed without figures
    (``1.01.01.0 | Program Dukungan``) otherwise reads as a second header line."""
    filled = [t for t in texts if t]
    return (any((t.rstrip(".").isdigit() and len(t) <= 3) or ACCOUNT_CODE.fullmatch(t) for t in filled)
            and not all(t.strip("() ").isdigit() for t in filled))


def _is_subheader(texts: list[str]) -> bool:
    """A short second header row such as ``2015 | 2016`` or ``(%) | (Kegiatan)``."""
    filled = [t for t in texts if t]
    return bool(filled) and all(len(t) <= 12 and len(t.split()) <= 2 for t in filled) and len(filled) < len(texts)


_LEVEL_HEADING = re.compile(rf"^({'|'.join(PLAN_LEVELS)})\s*(\d+|[IVX]+)?\s*[:.]\s*\S", re.IGNORECASE)


def _level_heading(text: str) -> bool:
    """``Misi 2: Meningkatkan ...`` printed inside the header band over the text columns: the level
    above the goals, a group heading, not a word of the labels below it."""
    return bool(_LEVEL_HEADING.match(" ".join(text.split())))


def leaf_columns(table: RawTable, header_rows: int) -> list[Column]:
    """Leaf header cells, labelled with every header text printed above them."""
    cells: list[tuple[int, Span, str]] = []
    for r in range(header_rows):
        for text, span in zip(table.rows[r], table.spans[r]):
            if span is not None and _clean(text) and not is_column_numbering([_clean(text), "1"]) and not _level_heading(text):
                cells.append((r, span, label_text(_clean(text))))
    leaves: list[Span] = []
    for r, span, _ in cells:
        width = span[1] - span[0]
        has_child = any(
            r2 > r and _overlap(span2, span) >= (span2[1] - span2[0]) * 0.8 and (span2[1] - span2[0]) < width - 5
            for r2, span2, _ in cells
        )
        if not has_child and not any(_overlap(span, leaf) > 0.8 * min(width, leaf[1] - leaf[0]) for leaf in leaves):
            leaves.append(span)
    leaves.sort()
    columns = []
    for leaf in leaves:
        centre = (leaf[0] + leaf[1]) / 2
        words = [text for _, span, text in sorted(cells, key=lambda c: c[0]) if span[0] - 1 <= centre <= span[1] + 1]
        label = ""
        for word in dict.fromkeys(words):  # a word a narrow cell broke over two header rows is glued back
            label = glue_label_lines(label, word)
        columns.append(Column(label, leaf))
    return columns


def columns_from_body(table: RawTable) -> list[Column]:
    """Unlabelled columns from the widest body row, for a table printed without header."""
    best: list[Span] = []
    for spans in table.spans:
        present = [s for s in spans if s is not None]
        if len(present) > len(best):
            best = present
    return [Column("", span) for span in sorted(best)]


def align_row(texts: list[str | None], spans: list[Span | None], columns: list[Column]) -> list[str]:
    """Put each printed cell under the column it overlaps most; join cells that share one."""
    out = [""] * len(columns)
    for text, span in zip(texts, spans):
        value = _clean(text)
        if span is None or not value:
            continue
        scores = [_overlap(span, col.span) for col in columns]
        best = max(range(len(columns)), key=lambda i: scores[i]) if columns else None
        if best is None:
            continue
        if scores[best] <= 0:
            centre = (span[0] + span[1]) / 2
            best = min(range(len(columns)), key=lambda i: abs((columns[i].span[0] + columns[i].span[1]) / 2 - centre))
        out[best] = f"{out[best]}\n{value}" if out[best] else value
    return out


def boxed_empty(texts: list[str | None], spans: list[Span | None], columns: list[Column]) -> set[int]:
    """Columns whose width is mostly an empty cell of this row's own (ruled tables only)."""
    out = set()
    for i, col in enumerate(columns):
        width = col.span[1] - col.span[0]
        own = [text for text, span in zip(texts, spans) if span is not None and _overlap(span, col.span) > 0.5 * width]
        if own and not any(_clean(t) for t in own) and all(t is not None for t in own):
            out.add(i)
    return out


def _repeats(texts: list[str], columns: list[Column]) -> bool:
    """Do most of ``texts`` repeat the columns' labels? A wrapped line of a borderless table
    can be made of header words too (``Penggunaan Anggaran``, ``Kegiatan``) without being a header."""
    labels = " ".join(" ".join(c.label.lower().split()) for c in columns)
    if not labels.strip():
        return True  # no labels to compare with: the header words decide
    same = sum(" ".join(t.lower().split()) in labels for t in texts)
    return same * 2 >= len(texts) and same >= min(2, len(columns))


_GOAL_WORDS = r"\s*".join(GOAL_HEADING.split())  # text layers glue ``SasaranStrategis``
_GOAL_HEADING = re.compile(rf"^{_GOAL_WORDS}\s*(\d+|[IVX]+)\.?$", re.IGNORECASE)


def goal_heading(text: str) -> bool:
    """``Sasaran Strategis 2`` alone: a goal's number, printed where a header label would be."""
    return bool(_GOAL_HEADING.match(" ".join(text.split())))


def build_grid(table: RawTable, columns: list[Column] | None = None) -> Grid:
    """Label the columns (or reuse ``columns`` of the part this one continues) and align rows."""
    header_rows = count_header_rows(table)
    if columns is None:
        columns = leaf_columns(table, header_rows) if header_rows else columns_from_body(table)
    grid = Grid(columns=columns, header_rows=header_rows)
    if header_rows and columns and goal_heading(columns[0].label):
        # the header is the first goal's group row (``Sasaran Strategis 1 | Target | Capaian``)
        grid.rows.append(BodyRow([columns[0].label] + [""] * (len(columns) - 1), table.page, 0, starts_part=True))
    for index in range(header_rows, len(table.rows)):
        texts = table.rows[index]
        filled = [_clean(t) for t in texts if _clean(t)]
        if is_column_numbering(filled) or (looks_like_header(filled) and _repeats(filled, columns)):
            if filled and goal_heading(filled[0]):  # repeated as each goal's group row: its goal number stays
                grid.rows.append(BodyRow([filled[0]] + [""] * (len(columns) - 1), table.page, index,
                                         starts_part=not grid.rows, box=table.row_box(index)))
            continue  # a header repeated inside the body
        cells = align_row(texts, table.spans[index], columns)
        if any(cells):
            boxed = boxed_empty(texts, table.spans[index], columns) if table.flavor == "pdfplumber-lines" else set()
            grid.rows.append(BodyRow(cells, table.page, index, starts_part=not grid.rows, boxed_empty=boxed,
                                     box=table.row_box(index)))
    return grid
