"""``extract.cell_finder`` finds exactly pdfplumber's tables, faster.

Two witnesses: random edge sets (grids with gaps, tolerance borders, stray and
overlapping rules, several tables) compared step by step against pdfplumber's own
functions, and every page of the sample reports and of the dense real reports, whose
edges must be pdfplumber's and whose tables (cells and their order) must be those of
``page.find_tables``.
"""
from __future__ import annotations

import pdfplumber.table as plumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkj.extract import cell_finder
from lkj.extract.tables import LINES_SETTINGS
from tests.conftest import CORPUS, REAL, REPO, pages_with_pdfium_objects

#: Real reports whose budget and realisation tables are the densest grids we hold.
DENSE_REAL = ["rfk-dpupr-grobogan-2021-12.pdf", "realisasi-tw-dinkes-tangsel-2023.pdf",
              "lkip-bplhd-jabar-2016.pdf", "lkjip-pemprov-sumut-2020.pdf"]
#: Every sample with ruled tables (Aceh Besar's are borderless), the continued-table report, the dense real ones.
PDFS = [p for p in sorted((CORPUS / "born-digital").glob("*.pdf")) if "aceh-besar" not in p.name] + [REPO / "tests" / "data" / "continued-table.pdf"] + \
    [REAL / name for name in DENSE_REAL]

# coordinates on a coarse lattice (and a half-step off it), so that points coincide and
# edges end exactly at, just inside and just outside the intersection tolerance
coordinate = st.integers(0, 12).map(lambda i: i * 3.0) | st.integers(0, 24).map(lambda i: i * 1.5 + 0.25)


@st.composite
def edge_sets(draw) -> list[dict]:
    edges = []
    for _ in range(draw(st.integers(0, 30))):
        fixed, start, length = draw(coordinate), draw(coordinate), draw(st.integers(1, 8).map(lambda n: n * 3.0))
        if draw(st.booleans()):
            edges.append({"orientation": "v", "x0": fixed, "x1": fixed, "top": start, "bottom": start + length})
        else:
            edges.append({"orientation": "h", "x0": start, "x1": start + length, "top": fixed, "bottom": fixed})
    return edges


@settings(max_examples=300, deadline=None)
@given(edge_sets(), st.sampled_from([0, 1, 3]))
def test_grid_steps_equal_pdfplumbers(edges, tolerance):
    expected_points = plumber.edges_to_intersections(edges, tolerance, tolerance)
    points = cell_finder.edges_to_intersections(edges, tolerance, tolerance)
    assert points == expected_points
    assert list(points) == list(expected_points)  # the same insertion order
    cells = cell_finder.intersections_to_cells(points)
    assert cells == plumber.intersections_to_cells(expected_points)
    assert cell_finder.cells_to_tables(cells) == plumber.cells_to_tables(cells)


def test_a_grid_is_found():
    """Guard against a witness that agrees because both find nothing: a 2 x 2 grid of rules is one table of 4 cells."""
    edges = [{"orientation": "v", "x0": x, "x1": x, "top": 0.0, "bottom": 20.0} for x in (0.0, 10.0, 20.0)] + \
        [{"orientation": "h", "x0": 0.0, "x1": 20.0, "top": y, "bottom": y} for y in (0.0, 10.0, 20.0)]
    tables = cell_finder.cells_to_tables(cell_finder.intersections_to_cells(cell_finder.edges_to_intersections(edges)))
    assert tables == [[(0.0, 0.0, 10.0, 10.0), (0.0, 10.0, 10.0, 20.0), (10.0, 0.0, 20.0, 10.0), (10.0, 10.0, 20.0, 20.0)]]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_tables_equal_pdfplumbers_find_tables(path):
    if not path.exists():
        pytest.skip(f"{path} is not here")
    tables = 0
    for page in pages_with_pdfium_objects(path):
        assert cell_finder.ruling_edges(page) == [{k: e[k] for k in cell_finder.EDGE_KEYS} for e in page.edges]
        expected = page.find_tables(LINES_SETTINGS)
        found = cell_finder.find_tables(page, LINES_SETTINGS)
        assert [t.cells for t in found] == [t.cells for t in expected], page.page_number
        tables += len(found)
    assert tables
