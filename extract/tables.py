"""Table extraction from the pages that triage selected.

Three readers, chosen per page and recorded per table as ``flavor``:

``pdfplumber-lines``
    Ruled tables (every Word/LibreOffice export with borders, most real LKj).
    pdfplumber builds the grid from the ruling lines and rectangles (read by pdfium,
    see ``extract.pdfium_objects``; the grid steps are ``extract.cell_finder``'s, with
    pdfplumber's results) and reports a vertically or horizontally merged cell as
    ``None`` in the cells it covers, which is exactly the signal the interpreter needs
    to carry a goal down over its indicator rows. It reads the vector lines directly,
    so it needs no rendering.
``pdfplumber-words``
    Pages whose table keywords are not inside any ruled table (borderless tables):
    the columns are fixed by the header line's words and the body cut at them
    (``extract.borderless``).
``camelot-stream``
    The fallback for those pages when no header line is found: camelot's stream
    parser groups words into rows and columns by their alignment. It is slower, so
    it runs only there, all such pages of a document in one call.

Each table keeps the text printed just above it (its title, e.g. ``Tabel 5.
Pengukuran Kinerja ...``, or a heading such as ``Sasaran Strategis 2.``), its page and
its position, so that the interpreter can name it and join tables that continue on
the next page.
"""
from __future__ import annotations

import logging
import warnings
from bisect import bisect_left
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from lkj.extract.borderless import borderless_tables
from lkj.extract.cell_finder import find_tables, ruling_edges
from lkj.extract.headers import looks_like_header
from lkj.extract.pdfium_objects import use_pdfium_objects
from lkj.extract.raw_table import RawTable, is_page_furniture, region, runs_to_foot, title_above

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

def cell_texts(table: pdfplumber.table.Table) -> list[list[str | None]]:
    """``table.extract()``, with the same result, in time that grows with the characters, not rows x characters.

    pdfplumber tests every character of the page against every row of the table: on
    a table page of 40 rows and 3800 characters that was a fifth of the extract stage.
    Here the characters are sorted once by their vertical middle and each row takes
    its slice by bisection (written by hand: pdfplumber offers no indexed lookup);
    the slice keeps page order and each cell is filled as pdfplumber fills it.
    """
    chars = table.page.chars
    middles = sorted(((c["top"] + c["bottom"]) / 2, i) for i, c in enumerate(chars))
    keys = [middle for middle, _ in middles]

    rows = []
    for row in table.rows:
        picked = sorted(i for _, i in middles[bisect_left(keys, row.bbox[1]):bisect_left(keys, row.bbox[3])])
        row_chars = [chars[i] for i in picked if _centred_in(chars[i], row.bbox)]
        texts: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            inside = [char for char in row_chars if _centred_in(char, cell)]
            texts.append(pdfplumber.utils.extract_text(inside) if inside else "")
        rows.append(texts)
    return rows


def _centred_in(obj: dict, bbox: tuple[float, float, float, float]) -> bool:
    """The object's centre lies in ``bbox`` (left and top edges in, right and bottom out), as ``Table.extract`` decides."""
    return (bbox[0] <= (obj["x0"] + obj["x1"]) / 2 < bbox[2]) and (bbox[1] <= (obj["top"] + obj["bottom"]) / 2 < bbox[3])


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
            if len(covered) < 2:
                continue
            # the characters centred in the cell, as the cell's text takes them: a crop
            # would also catch the first letters of the next column that touch its rule
            lines = region(page, bbox).filter(lambda o: _centred_in(o, bbox)).extract_text_lines()
            if len(lines) != len(covered):
                continue
            homes = []
            for line in lines:
                centre = (line["top"] + line["bottom"]) / 2
                homes.append(next((i for i in covered if row_boxes[i][1] <= centre <= row_boxes[i][3]), None))
            if None in homes or sorted(set(homes)) != covered:
                continue
            for line, home in zip(lines, homes):
                rows[home][c] = line["text"]


#: A filled rectangle thinner than this (points) is a rule drawn as a fill; wider ones are shading.
#: Word draws borders as fills 0.5-1 pt thick, a spreadsheet range pasted as a metafile 2.2 pt
#: (first-sight batch E, Tardamu p27); no shaded cell or band is under 3 pt high.
RULE_THICKNESS = 3.0
#: Two grids whose bounding boxes differ by less than this (points) on every side cover the same table.
SAME_BOX = 3.0


def _is_shading(obj: dict) -> bool:
    """A filled, unstroked rectangle wider than a rule in both directions: cell shading, not a border."""
    return (obj.get("object_type") == "rect" and bool(obj.get("fill")) and not obj.get("stroke")
            and min(obj["width"], obj["height"]) > RULE_THICKNESS)


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _find_grids(page: pdfplumber.page.Page) -> list:
    """Ruled grids of a page, read without the edges of cell shading.

    Word and Excel exports paint shaded cells (header bands, alternating rows, an
    inset "3D" cell style) as filled rectangles. Taken as rules, their edges split one
    cell into padding cells (a 13-column table read as 39 columns), cut a borderless
    table into one "table" per shaded row, and turn formula boxes and callouts into
    tables. So a grid is read again without the shading: the shading-free grid is
    taken when it covers the same box, the original when the shading-free one is
    smaller (some cells are bounded by shading alone), and a grid with no rule of its
    own is dropped (a borderless table under shaded bands is read from word positions).
    """
    grids = find_tables(page, LINES_SETTINGS)
    if not any(_is_shading(rect) for rect in page.rects):
        return grids
    plain = find_tables(page.filter(lambda obj: not _is_shading(obj)), LINES_SETTINGS)
    out = []
    for grid in grids:
        overlapping = [p for p in plain if _overlaps(p.bbox, grid.bbox)]
        same = [p for p in overlapping if all(abs(a - b) < SAME_BOX for a, b in zip(p.bbox, grid.bbox))]
        if same:
            out.append(same[0])
        elif overlapping:
            out.append(grid)
    return out


def _open_last_row(page: pdfplumber.page.Page, bbox: tuple[float, float, float, float], edges: list[dict]
                   ) -> tuple[list[str], list[tuple[float, float]], float] | None:
    """The row under a table's last rule that the page break left without a bottom rule.

    Word draws a row cut by a page break with its column rules but no bottom rule,
    so pdfplumber ends the table one row early and that row's text (often the head
    of a goal that continues overleaf) is lost. The column rules that run on below
    the table from its bottom edge to a common end give the row's cells. ``edges`` are
    the page's (``cell_finder.ruling_edges``).
    """
    x0, _, x1, bottom = bbox
    rules = [e for e in edges if e["orientation"] == "v" and e["top"] <= bottom + SAME_BOX
             and x0 - SAME_BOX <= e["x0"] <= x1 + SAME_BOX and e["bottom"] - bottom >= 5]
    if len(rules) < 3:
        return None
    end = max(e["bottom"] for e in rules)
    xs: list[float] = []
    for x in sorted(e["x0"] for e in rules if abs(e["bottom"] - end) <= SAME_BOX):
        if not xs or x - xs[-1] > SAME_BOX:
            xs.append(x)
    ruled_below = any(e["orientation"] == "h" and e["x1"] - e["x0"] > 10 and x0 - SAME_BOX <= e["x0"] <= x1
                      and bottom + SAME_BOX < e["top"] <= end + SAME_BOX for e in edges)
    if len(xs) < 3 or end > page.height * 0.95 or ruled_below:
        return None  # a closed row below is another table, not a cut row
    spans = [(round(a, 1), round(b, 1)) for a, b in zip(xs, xs[1:])]
    texts = [(region(page, (a, bottom, b, end)).extract_text() or "").strip() for a, b in spans]
    return (texts, spans, end) if any(texts) else None


def _ruled_tables(page: pdfplumber.page.Page, number: int) -> list[RawTable]:
    found = []
    floor = 0.0
    edges = None
    for index, table in enumerate(sorted(_find_grids(page), key=lambda t: t.bbox[1])):
        rows = cell_texts(table)
        if not rows or max(len(r) for r in rows) < 2 or is_page_furniture(table.bbox, len(rows), float(page.height)):
            continue
        _spread_stacked_cells(page, table, rows)
        spans = [[(round(c[0], 1), round(c[2], 1)) if c else None for c in row.cells] for row in table.rows]
        for r, row in enumerate(rows):  # a spread line takes the span of the merged cell above it
            for c, text in enumerate(row):
                if spans[r][c] is None and text is not None:
                    spans[r][c] = next(spans[k][c] for k in range(r, -1, -1) if spans[k][c] is not None)
        bbox = tuple(round(v, 2) for v in table.bbox)
        # a row's own height is that of its shortest cell: merged cells stretch row.bbox
        rows_y = [(round(row.bbox[1], 2), round(min(c[3] for c in row.cells if c), 2)) for row in table.rows]
        edges = ruling_edges(page) if edges is None else edges
        cut = _open_last_row(page, table.bbox, edges)
        if cut is not None:
            rows.append(list(cut[0]))
            spans.append(list(cut[1]))
            rows_y.append((bbox[3], round(cut[2], 2)))
            bbox = (bbox[0], bbox[1], bbox[2], round(cut[2], 2))
        found.append(
            RawTable(
                page=number,
                index=index,
                flavor="pdfplumber-lines",
                bbox=bbox,
                page_height=float(page.height),
                rows=rows,
                spans=spans,
                title=title_above(page, table.bbox[1], floor),
                open_bottom=cut is not None,
                rows_y=rows_y,
            )
        )
        floor = bbox[3]
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


def _camelot_stream(path: Path, numbers: list[int], password: str | None) -> dict[int, list]:
    """camelot's stream tables of ``numbers``, by page, read in one call.

    camelot opens the file and parses its fonts once per call (playa), which on a
    report with large ToUnicode maps cost more than the tables; one call for all the
    pages of a document that need it parses them once. A call that fails is retried
    page by page, so that one odd page loses only its own tables.
    """
    import camelot  # imported lazily: it pulls in OpenCV, which most runs never need

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tables = camelot.read_pdf(str(path), pages=",".join(map(str, numbers)), flavor="stream", password=password)
        except Exception as error:  # camelot raises bare Exceptions on odd pages
            if len(numbers) > 1:
                return {n: found for number in numbers for n, found in _camelot_stream(path, [number], password).items()}
            log.warning("camelot stream failed on page %s: %s", numbers[0], error)
            return {}
    by_page: dict[int, list] = {}
    for table in tables:
        by_page.setdefault(int(table.page), []).append(table)
    return by_page


def _stream_tables(number: int, page: pdfplumber.page.Page, tables: list) -> list[RawTable]:
    """camelot's stream tables of one page as ``RawTable`` s, with their titles from ``page``."""
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
                title="\n".join([title_above(page, top, floor), *title_lines]).strip(),
                rows_y=[(round(height - y_top, 2), round(height - y_bottom, 2)) for y_top, y_bottom in table.rows[skipped:]],
            )
        )
        floor = bottom
    return found



def extract_tables(
    path: Path,
    pages: Iterable[int],
    stream_pages: Iterable[int] = (),
    password: str | None = None,
    follow: Iterable[int] = (),
    read: list[int] | None = None,
    no_camelot: Iterable[int] = (),
) -> list[RawTable]:
    """Read ruled tables on ``pages``; on ``stream_pages`` also borderless tables.

    A ruled table that runs to the foot of its page usually goes on overleaf, where
    its header is rarely repeated and triage (which looks for header words) does not
    pick the page. So the page after such a table is read too when it is one of
    ``follow`` (the pages with a text layer), and so on along a table of many pages.
    ``read``, when given, receives every page read, in order.

    Borderless tables are read from word positions under their header line
    (``pdfplumber-words``) wherever they lie outside the ruled tables: a page can hold
    both (a borderless table continued from the previous page above a ruled one).
    camelot's stream parser is the fallback for pages with neither (all of them in one
    call, after the other pages). A borderless
    table that runs to the foot of a page lends its columns to the top of the next
    page, where it continues headerless. Pages in ``no_camelot`` (forms that draw
    themselves, ``extract.form_loops``) never reach camelot.
    """

    queue = sorted(set(pages) | set(stream_pages))
    queued = set(queue)
    followable = set(follow)
    stream_set = set(stream_pages)
    skip_camelot = set(no_camelot)
    tables: list[RawTable] = []
    carried: list[tuple[float, float]] | None = None
    fallback: list[int] = []  # pages for camelot's stream parser, read together at the end
    # pdfplumber (pdfminer) reads the document structure, pdfium each page's objects.
    with pdfplumber.open(path, password=password or "") as pdf, \
            closing(pdfium.PdfDocument(str(path), password=password or None)) as document:
        position = 0
        while position < len(queue):
            number = queue[position]
            position += 1
            if read is not None:
                read.append(number)
            page = pdf.pages[number - 1]
            use_pdfium_objects(document, page)
            ruled = _ruled_tables(page, number)
            tables.extend(ruled)
            found: list[RawTable] = []
            if number in stream_set:
                found = [t for t in borderless_tables(page, number, len(ruled), carried_columns=carried)
                         if not any(_overlaps(t.bbox, r.bbox) for r in ruled)]
                if not found and not ruled and number not in skip_camelot:
                    fallback.append(number)
                tables.extend(found)
            last = found[-1] if found and found[-1].flavor == "pdfplumber-words" else None
            carried = last.spans[0] if last and runs_to_foot(last) else None
            after = number + 1
            if after in followable and after not in queued and any(runs_to_foot(t) for t in ruled):
                queue.insert(position, after)  # the queue is in page order, and stays so
                queued.add(after)
            page.flush_cache()  # keep one page's objects in memory at a time
        if fallback:
            for number, found_on_page in _camelot_stream(path, fallback, password).items():
                page = pdf.pages[number - 1]
                use_pdfium_objects(document, page)  # read again, for the titles above the tables
                tables.extend(_stream_tables(number, page, found_on_page))
                page.flush_cache()
    return sorted(tables, key=lambda table: table.page)  # stable: on each page in the order found
