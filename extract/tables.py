"""Table extraction from the pages that triage selected.

Two readers, chosen per page and recorded per table as ``flavor``:

``pdfplumber-lines``
    Ruled tables (every Word/LibreOffice export with borders, most real LKj).
    pdfplumber builds the grid from the ruling lines and rectangles and reports a
    vertically or horizontally merged cell as ``None`` in the cells it covers, which
    is exactly the signal the interpreter needs to carry a goal down over its
    indicator rows. It reads the vector lines directly, so it needs no rendering.
``camelot-stream``
    Pages whose table keywords are not inside any ruled table (borderless tables).
    camelot's stream parser groups words into rows and columns by their alignment.
    It is slower, so it runs only on those pages.

Each table keeps the text printed just above it (its title, e.g. ``Tabel 5.
Pengukuran Kinerja ...``, or a heading such as ``Sasaran Strategis 2.``), its page and
its position, so that the interpreter can name it and join tables that continue on
the next page.
"""
from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pdfplumber

from extract.headers import looks_like_header

log = logging.getLogger(__name__)

#: Settings for ruled tables. snap/join tolerances absorb the half-point gaps
#: LibreOffice leaves between the border segments of adjacent cells.
LINES_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}
#: How far above a table its title may sit, in points.
TITLE_REACH = 150.0


@dataclass
class RawTable:
    """A table as read from one page: cells as printed, ``None`` where merged."""

    page: int
    index: int
    flavor: str
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom in points
    page_height: float
    rows: list[list[str | None]]
    #: Horizontal extent (x0, x1) of each cell, parallel to ``rows``; ``None`` where
    #: the position is covered by a merged cell. Header and body rows of real tables
    #: are often split into different grids, so columns are matched by geometry.
    spans: list[list[tuple[float, float] | None]]
    title: str = ""

    @property
    def n_columns(self) -> int:
        return max((len(row) for row in self.rows), default=0)


def _title_above(page: pdfplumber.page.Page, top: float, floor: float) -> str:
    """Text lines printed between the previous table (or ``floor``) and this one."""
    upper = max(floor, top - TITLE_REACH, 0.0)
    if top - upper < 2:
        return ""
    region = page.crop((0, upper, page.width, top - 0.5), strict=False)
    return (region.extract_text() or "").strip()


def _is_page_furniture(bbox: tuple[float, float, float, float], n_rows: int, height: float) -> bool:
    """A one-row box in the top or bottom margin is a running header or footer, not a table.

    Left in, it would sit between the two parts of a table that crosses the page and
    stop them from being joined.
    """
    margin = height * 0.1
    return n_rows <= 1 and (bbox[3] <= margin or bbox[1] >= height - margin)


def _spread_stacked_cells(page: pdfplumber.page.Page, table, rows: list[list[str | None]]) -> None:
    """Give each row its own line of a merged cell whose lines sit one per row.

    Tables drawn without horizontal rules in some columns (a ``Jenis Belanja`` column
    beside ruled value columns) come out as one tall cell holding ``Belanja Pegawai /
    Belanja Barang / ...``. When every printed line of such a cell lies inside a
    different row of the rows it spans, the lines belong to those rows. A goal whose
    wrapped lines all sit in its first row is left alone.
    """
    # a row's own height is that of its shortest cell: merged cells stretch row.bbox
    row_boxes = [(row.bbox[0], row.bbox[1], row.bbox[2], min(c[3] for c in row.cells if c)) for row in table.rows]
    for r, row in enumerate(table.rows):
        for c, bbox in enumerate(row.cells):
            if bbox is None or r + 1 >= len(rows) or c >= len(rows[r + 1]) or rows[r + 1][c] is not None:
                continue
            covered = [i for i in range(r, len(rows)) if i == r or (c < len(rows[i]) and rows[i][c] is None
                       and row_boxes[i][1] < bbox[3] - 1)]
            lines = page.crop(bbox, strict=False).extract_text_lines()
            if len(covered) < 2 or len(lines) != len(covered):
                continue
            homes = []
            for line in lines:
                centre = (line["top"] + line["bottom"]) / 2
                homes.append(next((i for i in covered if row_boxes[i][1] <= centre <= row_boxes[i][3]), None))
            if None in homes or sorted(set(homes)) != covered:
                continue
            for line, home in zip(lines, homes):
                rows[home][c] = line["text"]


def _ruled_tables(page: pdfplumber.page.Page, number: int) -> list[RawTable]:
    found = []
    floor = 0.0
    for index, table in enumerate(sorted(page.find_tables(LINES_SETTINGS), key=lambda t: t.bbox[1])):
        rows = table.extract()
        if not rows or max(len(r) for r in rows) < 2 or _is_page_furniture(table.bbox, len(rows), float(page.height)):
            continue
        _spread_stacked_cells(page, table, rows)
        spans = [[(round(c[0], 1), round(c[2], 1)) if c else None for c in row.cells] for row in table.rows]
        for r, row in enumerate(rows):  # a spread line takes the span of the merged cell above it
            for c, text in enumerate(row):
                if spans[r][c] is None and text is not None:
                    spans[r][c] = next(spans[k][c] for k in range(r, -1, -1) if spans[k][c] is not None)
        found.append(
            RawTable(
                page=number,
                index=index,
                flavor="pdfplumber-lines",
                bbox=tuple(round(v, 2) for v in table.bbox),
                page_height=float(page.height),
                rows=rows,
                spans=spans,
                title=_title_above(page, table.bbox[1], floor),
            )
        )
        floor = table.bbox[3]
    return found


def _leading_title_rows(rows: list[list[str]]) -> int:
    """Rows above the header holding a single text, e.g. the ``Tabel 3.1 ...`` line.

    camelot's stream parser takes the title printed right above a borderless table
    as the table's first rows; they belong to the title.
    """
    count = 0
    for row in rows[:3]:
        texts = [t.strip() for t in row]
        if sum(bool(t) for t in texts) == 1 and len(texts) >= 3 and not looks_like_header(texts):
            count += 1
        else:
            break
    return count if count < len(rows) else 0


def _stream_tables(path: Path, number: int, page: pdfplumber.page.Page, password: str | None) -> list[RawTable]:
    """Borderless tables through camelot's stream parser."""
    import camelot  # imported lazily: it pulls in OpenCV, which most runs never need

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tables = camelot.read_pdf(str(path), pages=str(number), flavor="stream", password=password)
        except Exception as error:  # camelot raises bare Exceptions on odd pages
            log.warning("camelot stream failed on page %s: %s", number, error)
            return []
    found = []
    floor = 0.0
    height = float(page.height)
    for index, table in enumerate(tables):
        x0, y0, x1, y1 = table._bbox  # PDF coordinates, origin bottom-left
        top, bottom = height - y1, height - y0
        rows = [[str(cell) for cell in row] for row in table.df.values.tolist()]
        columns = [(round(c[0], 1), round(c[1], 1)) for c in table.cols]
        skipped = _leading_title_rows(rows)
        title_lines = [t.strip() for row in rows[:skipped] for t in row if t.strip()]
        rows = rows[skipped:]
        found.append(
            RawTable(
                page=number,
                index=index,
                flavor="camelot-stream",
                bbox=(round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2)),
                page_height=height,
                rows=rows,
                spans=[list(columns) for _ in rows],
                title="\n".join([_title_above(page, top, floor), *title_lines]).strip(),
            )
        )
        floor = bottom
    return found


def extract_tables(
    path: Path,
    pages: Iterable[int],
    stream_pages: Iterable[int] = (),
    password: str | None = None,
) -> list[RawTable]:
    """Read ruled tables on ``pages``; on ``stream_pages`` without one, borderless tables.

    Borderless tables are read from word positions under their header line
    (``pdfplumber-words``); camelot's stream parser is the fallback for pages where
    no header line is recognised. A borderless table that runs to the foot of a page
    lends its columns to the top of the next page, where it continues headerless.
    """
    from extract.borderless import borderless_tables  # borderless builds RawTables: import here, not at the top

    wanted = sorted(set(pages) | set(stream_pages))
    stream_set = set(stream_pages)
    tables: list[RawTable] = []
    carried: list[tuple[float, float]] | None = None
    with pdfplumber.open(path, password=password or "") as pdf:
        for number in wanted:
            page = pdf.pages[number - 1]
            ruled = _ruled_tables(page, number)
            tables.extend(ruled)
            found: list[RawTable] = []
            if not ruled and number in stream_set:
                found = borderless_tables(page, number, carried_columns=carried)
                if not found:
                    found = _stream_tables(path, number, page, password)
                tables.extend(found)
            last = found[-1] if found and found[-1].flavor == "pdfplumber-words" else None
            carried = last.spans[0] if last and last.bbox[3] > last.page_height * 0.75 else None
            page.flush_cache()  # keep one page's layout in memory at a time
    return tables
