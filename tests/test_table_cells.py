"""``extract.tables.cell_texts`` gives exactly what pdfplumber's ``Table.extract`` gives."""
from __future__ import annotations

import pdfplumber
import pypdfium2 as pdfium
import pytest

from extract.pdfium_objects import use_pdfium_objects
from extract.tables import LINES_SETTINGS, cell_texts
from tests.conftest import CORPUS, REPO

#: Every sample with ruled tables (Aceh Besar's are borderless), and the continued-table report.
PDFS = [p for p in sorted((CORPUS / "born-digital").glob("*.pdf")) if "aceh-besar" not in p.name] + \
    [REPO / "tests" / "data" / "continued-table.pdf"]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_cell_texts_equal_pdfplumbers_extract(path):
    grids = 0
    with pdfplumber.open(path) as pdf:
        document = pdfium.PdfDocument(str(path))
        try:
            for page in pdf.pages:
                use_pdfium_objects(document, page)
                for table in page.find_tables(LINES_SETTINGS):
                    assert cell_texts(table) == table.extract(), (page.page_number, table.bbox)
                    grids += 1
                page.flush_cache()
        finally:
            document.close()
    assert grids
