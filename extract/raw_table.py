"""The raw table every reader produces, and the page-region rules the readers share.

The ruled reader (``extract.tables``), the borderless reader (``extract.borderless``)
and the OCR table reader (``extract.ocr_cells``) each turn a page into ``RawTable`` objects;
they share here what a table is (cells as printed, their spans, the title above it),
where its title may sit, which boxes are running headers and footers, and when a
table runs to the foot of its page. Keeping these below the readers lets every reader
import them without importing another reader.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import sub

import pdfplumber

#: How far above a table its title may sit, in points.
TITLE_REACH = 150.0
#: A table whose bottom lies below this share of the page height runs to its foot.
FOOT = 0.75


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
    #: The last row is cut by the page break (no bottom rule): the next page's first row completes it.
    open_bottom: bool = False
    #: Vertical extent (top, bottom) of each row in points, parallel to ``rows`` (empty when the
    #: reader does not know it): with ``spans`` it gives each row's box, the provenance a
    #: researcher checks a value against.
    rows_y: list[tuple[float, float]] = field(default_factory=list)

    def row_box(self, index: int) -> tuple[float, float, float, float] | None:
        """The union of row ``index``'s own cells (x0, top, x1, bottom), ``None`` when not known."""
        spans = [s for s in self.spans[index] if s is not None] if index < len(self.spans) else []
        if index >= len(self.rows_y) or not spans:
            return None
        top, bottom = self.rows_y[index]
        return (min(s[0] for s in spans), top, max(s[1] for s in spans), bottom)

    @property
    def n_columns(self) -> int:
        return max((len(row) for row in self.rows), default=0)



def is_page_furniture(bbox: tuple[float, float, float, float], n_rows: int, height: float) -> bool:
    """A one-row box in the top or bottom margin is a running header or footer, not a table.

    Left in, it would sit between the two parts of a table that crosses the page and
    stop them from being joined.
    """
    margin = height * 0.1
    return n_rows <= 1 and (bbox[3] <= margin or bbox[1] >= height - margin)



def runs_to_foot(table: RawTable) -> bool:
    """A table that reaches the lower quarter of its page, or is cut by the page break, may go on overleaf."""
    return table.open_bottom or table.bbox[3] > table.page_height * FOOT


def region(page: pdfplumber.page.Page, bbox: tuple[float, float, float, float]) -> pdfplumber.page.Page:
    """The text of ``page.crop(bbox, strict=False)``: a cropped page of the characters near ``bbox`` only.

    pdfplumber's crop clips every object of the page against the box, about 2 us a
    character; a table page has 3000-17000 characters and is cropped for every title
    and merged cell. The characters that can overlap the box are found by bisection
    over the page's characters sorted by top (``_CharIndex``), and the crop then clips
    the few found, with the same text. Regions are read for their text only, so they
    hold no other objects.
    """
    near = page.filter(bool)
    near._objects = {"char": _CharIndex.of(page).near(bbox)}  # what FilteredPage would compute, found faster
    return near.crop(bbox, strict=False)


class _CharIndex:
    """A page's characters in order of their top, to find those near a box without testing every one.

    Written by hand: pdfplumber has no spatial lookup. The index of the page read last
    is kept, and only that one: an index held by its page would keep every page's
    characters of a 500-page report in memory after the page was flushed.
    """

    _last: _CharIndex | None = None

    def __init__(self, chars: list[dict]):
        self.chars = chars
        tops = [c["top"] for c in chars]
        self.order = sorted(range(len(chars)), key=tops.__getitem__)
        self.tops = [tops[i] for i in self.order]
        # a character overlapping a box's top starts at most its own height above it
        self.reach = max(map(sub, (c["bottom"] for c in chars), tops), default=0.0) + 1.0

    @classmethod
    def of(cls, page: pdfplumber.page.Page) -> _CharIndex:
        """The index of ``page``'s characters (the same list while the page's objects are not read again)."""
        chars = page.chars
        if cls._last is None or cls._last.chars is not chars:
            cls._last = cls(chars)
        return cls._last

    def near(self, bbox: tuple[float, float, float, float]) -> list[dict]:
        """The characters whose box touches ``bbox``, in page order."""
        x0, top, x1, bottom = bbox
        chars = self.chars
        window = self.order[bisect_left(self.tops, top - self.reach):bisect_right(self.tops, bottom)]
        return [chars[i] for i in sorted(window) if chars[i]["x0"] <= x1 and chars[i]["x1"] >= x0
                and chars[i]["top"] <= bottom and chars[i]["bottom"] >= top]



def text_in(page: pdfplumber.page.Page, bbox: tuple[float, float, float, float]) -> str:
    """The text printed inside ``bbox``: a pdfplumber page's characters (``region``), or,
    for a scanned page seen through ``ocr_cells.WordsPage``, its OCR'd words; so that the
    borderless reader serves both kinds of page."""
    words_page_text = getattr(page, "text_in", None)
    if words_page_text is not None:
        return words_page_text(bbox)
    return (region(page, bbox).extract_text() or "").strip()


def title_top(top: float, floor: float) -> float:
    """The highest point a table's title may start at: ``TITLE_REACH`` above the table's
    ``top``, but below the previous table (``floor``) and the top of the page."""
    return max(floor, top - TITLE_REACH, 0.0)


def title_above(page: pdfplumber.page.Page, top: float, floor: float) -> str:
    """Text lines printed between the previous table (or ``floor``) and this one."""
    upper = title_top(top, floor)
    if top - upper < 2:
        return ""
    return (region(page, (0, upper, page.width, top - 0.5)).extract_text() or "").strip()

