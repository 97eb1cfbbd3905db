"""pdfplumber's table finder, with its three grid steps in time that grows with the grid.

``page.find_tables()`` turns ruling edges into tables in three steps:
``edges_to_intersections`` tests every vertical edge against every horizontal one,
``intersections_to_cells`` scans all later points for each point of the grid (and
rebuilds two sets of edge boxes for every pair it tests), and ``cells_to_tables``
sweeps all remaining cells once per table it grows. On the dense budget and
realisation tables of real reports (400-2000 grid points a page) these three took a
quarter of the extract stage, more than reading the page. pdfplumber offers no faster
variant and camelot's lattice needs a rendered image, so they are rewritten here by
hand, each with exactly the result of pdfplumber's (the same tables, cells in the same
order; ``tests/test_cell_finder.py`` checks it on every page of the sample and real
corpora):

* intersections: horizontal edges sorted by ``top``; each vertical edge takes the
  window of them its extent can reach by bisection, and the window is tested with
  pdfplumber's own comparisons (so rounding at a tolerance's border cannot differ);
* cells: the points below and to the right of a point are its column and row lists,
  and the edges through a point are a set built once;
* tables: cells are grouped into their corner-connected components first, and
  pdfplumber's sweep then runs inside each component, which gives the same groups with
  their cells in the same order.

Edges are snapped and joined by pdfplumber (``merge_edges``). They are built as
pdfplumber builds them from lines, rectangles and curves, but with only the keys the
grid steps read (``ruling_edges``): pdfplumber copies all twenty keys of a rectangle
(its points, its path) into each of its four edges, and snapping copies every edge
again.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter

import pdfplumber
from pdfplumber.table import T_table_settings, Table, TableFinder, TableSettings, merge_edges
from pdfplumber.utils import curve_to_edges, filter_edges, obj_to_bbox

#: The keys of an edge that merging, filtering and the grid steps read.
EDGE_KEYS = ("x0", "x1", "top", "bottom", "width", "height", "orientation", "object_type")

Point = tuple[float, float]
Box = tuple[float, float, float, float]


def find_tables(page: pdfplumber.page.Page, settings: T_table_settings | None = None) -> list[Table]:
    """``page.find_tables(settings)``, with the same tables."""
    return GridFinder(page, settings).tables


class GridFinder(TableFinder):
    """``TableFinder`` with the slim edges and the grid steps of this module; pdfplumber merges the edges."""

    def __init__(self, page: pdfplumber.page.Page, settings: T_table_settings | None = None):
        self.page = page
        self.settings = TableSettings.resolve(settings)
        self.edges = self.get_edges()
        self.intersections = edges_to_intersections(
            self.edges, self.settings.intersection_x_tolerance, self.settings.intersection_y_tolerance)
        self.cells = intersections_to_cells(self.intersections)
        self.tables = [Table(self.page, group) for group in cells_to_tables(self.cells)]

    def get_edges(self) -> list[dict]:
        """``TableFinder.get_edges`` for ruling lines, on slim edges (``ruling_edges``)."""
        settings = self.settings
        if (settings.vertical_strategy, settings.horizontal_strategy) != ("lines", "lines") or \
                settings.explicit_vertical_lines or settings.explicit_horizontal_lines:
            return super().get_edges()
        edges = ruling_edges(self.page)
        lines = filter_edges(edges, "v", min_length=settings.edge_min_length_prefilter) + \
            filter_edges(edges, "h", min_length=settings.edge_min_length_prefilter)
        merged = merge_edges(lines, snap_x_tolerance=settings.snap_x_tolerance, snap_y_tolerance=settings.snap_y_tolerance,
                             join_x_tolerance=settings.join_x_tolerance, join_y_tolerance=settings.join_y_tolerance)
        return filter_edges(merged, min_length=settings.edge_min_length)


def ruling_edges(page: pdfplumber.page.Page) -> list[dict]:
    """``page.edges`` (pdfplumber's ``line_to_edge``, ``rect_to_edges``, ``curve_to_edges``, in its order), keys ``EDGE_KEYS`` only."""
    edges = [{"x0": line["x0"], "x1": line["x1"], "top": line["top"], "bottom": line["bottom"], "width": line["width"],
              "height": line["height"], "orientation": "h" if line["top"] == line["bottom"] else "v",
              "object_type": line["object_type"]} for line in page.lines]
    for rect in page.rects:
        x0, x1, top, bottom, width, height = (rect["x0"], rect["x1"], rect["top"], rect["bottom"], rect["width"],
                                              rect["height"])
        edges += (
            {"x0": x0, "x1": x1, "top": top, "bottom": top, "width": width, "height": 0, "orientation": "h",
             "object_type": "rect_edge"},
            {"x0": x0, "x1": x1, "top": top + height, "bottom": bottom, "width": width, "height": 0, "orientation": "h",
             "object_type": "rect_edge"},
            {"x0": x0, "x1": x0, "top": top, "bottom": bottom, "width": 0, "height": height, "orientation": "v",
             "object_type": "rect_edge"},
            {"x0": x1, "x1": x1, "top": top, "bottom": bottom, "width": 0, "height": height, "orientation": "v",
             "object_type": "rect_edge"},
        )
    for curve in page.curves:
        edges += ({key: edge[key] for key in EDGE_KEYS} for edge in curve_to_edges(curve))
    return edges


def edges_to_intersections(edges: list[dict], x_tolerance: float = 1, y_tolerance: float = 1) -> dict[Point, dict]:
    """``pdfplumber.table.edges_to_intersections``: points where a vertical and a horizontal edge meet."""
    verticals = sorted((e for e in edges if e["orientation"] == "v"), key=itemgetter("x0", "top"))
    horizontals = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("top", "x0"))
    tops = [h["top"] for h in horizontals]
    slack = y_tolerance + 1.0  # the window is wider than the test: the test below decides
    intersections: dict[Point, dict] = {}
    for v in verticals:
        window = horizontals[bisect_left(tops, v["top"] - slack):bisect_right(tops, v["bottom"] + slack)]
        for h in window:
            if (v["top"] <= h["top"] + y_tolerance and v["bottom"] >= h["top"] - y_tolerance
                    and v["x0"] >= h["x0"] - x_tolerance and v["x0"] <= h["x1"] + x_tolerance):
                vertex = (v["x0"], h["top"])
                if vertex not in intersections:
                    intersections[vertex] = {"v": [], "h": []}
                intersections[vertex]["v"].append(v)
                intersections[vertex]["h"].append(h)
    return intersections


def intersections_to_cells(intersections: dict[Point, dict]) -> list[Box]:
    """``pdfplumber.table.intersections_to_cells``: the smallest ruled cell whose top-left corner is each point."""
    points = sorted(intersections)
    verticals = {p: set(map(obj_to_bbox, intersections[p]["v"])) for p in points}
    horizontals = {p: set(map(obj_to_bbox, intersections[p]["h"])) for p in points}
    columns: dict[float, list[Point]] = {}
    rows: dict[float, list[Point]] = {}
    for point in points:  # sorted by x then y: each column top to bottom, each row left to right
        columns.setdefault(point[0], []).append(point)
        rows.setdefault(point[1], []).append(point)
    column_index = {p: i for column in columns.values() for i, p in enumerate(column)}
    row_index = {p: i for row in rows.values() for i, p in enumerate(row)}

    def connects(a: Point, b: Point) -> bool:
        """An edge runs from ``a`` to ``b`` (pdfplumber's ``edge_connects``)."""
        if a[0] == b[0] and not verticals[a].isdisjoint(verticals[b]):
            return True
        return a[1] == b[1] and not horizontals[a].isdisjoint(horizontals[b])

    cells = []
    for point in points:
        below = columns[point[0]][column_index[point] + 1:]
        right = [r for r in rows[point[1]][row_index[point] + 1:] if connects(point, r)]
        cell = None
        for below_point in below:
            if not connects(point, below_point):
                continue
            for right_point in right:
                corner = (right_point[0], below_point[1])
                if corner in intersections and connects(corner, right_point) and connects(corner, below_point):
                    cell = (point[0], point[1], corner[0], corner[1])
                    break
            if cell:
                break
        if cell:
            cells.append(cell)
    return cells


def _corners(cell: Box) -> tuple[Point, Point, Point, Point]:
    x0, top, x1, bottom = cell
    return ((x0, top), (x0, bottom), (x1, top), (x1, bottom))


def _components(cells: list[Box]) -> list[list[Box]]:
    """Cells grouped by shared corners (transitively), each group in the order of ``cells``, groups by first cell."""
    parent = list(range(len(cells)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[Point, int] = {}
    for i, cell in enumerate(cells):
        for corner in _corners(cell):
            j = owner.setdefault(corner, i)
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[Box]] = {}
    for i, cell in enumerate(cells):
        groups.setdefault(root(i), []).append(cell)
    return list(groups.values())


def _sweep(cells: list[Box]) -> list[Box]:
    """pdfplumber's grouping sweep over one connected group: the order it appends the cells in."""
    remaining = list(cells)
    corners: set[Point] = set(_corners(remaining[0]))
    ordered = [remaining.pop(0)]
    while remaining:
        left = []
        for cell in remaining:
            cell_corners = _corners(cell)
            if any(c in corners for c in cell_corners):
                corners.update(cell_corners)
                ordered.append(cell)
            else:
                left.append(cell)
        remaining = left
    return ordered


def cells_to_tables(cells: list[Box]) -> list[list[Box]]:
    """``pdfplumber.table.cells_to_tables``: corner-connected groups of cells, top to bottom, single cells dropped."""
    tables = [_sweep(group) for group in _components(cells)]
    tables.sort(key=lambda table: min((c[1], c[0]) for c in table))
    return [table for table in tables if len(table) > 1]
