"""``extract.tables.cell_texts`` gives exactly what pdfplumber's ``Table.extract`` gives."""
from __future__ import annotations

import pytest

from lkj.extract.tables import LINES_SETTINGS, cell_texts
from tests.conftest import CORPUS, REPO, pages_with_pdfium_objects

#: Every sample with ruled tables (Aceh Besar's are borderless), and the continued-table report.
PDFS = [p for p in sorted((CORPUS / "born-digital").glob("*.pdf")) if "aceh-besar" not in p.name] + \
    [REPO / "tests" / "data" / "continued-table.pdf"]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_cell_texts_equal_pdfplumbers_extract(path):
    grids = 0
    for page in pages_with_pdfium_objects(path):
        for table in page.find_tables(LINES_SETTINGS):
            assert cell_texts(table) == table.extract(), (page.page_number, table.bbox)
            grids += 1
    assert grids
