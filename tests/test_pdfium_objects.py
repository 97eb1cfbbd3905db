"""pdfium's page objects stand in for pdfminer's: the same tables, the same geometry.

``extract.pdfium_objects`` builds pdfplumber's object dicts from pdfium so that the
table readers never run pdfminer's interpreter. These tests read pages both ways,
on the sample corpus's PDFs and on copies turned by /Rotate or with a shifted
MediaBox, and compare what pdfplumber makes of them.
"""
from __future__ import annotations

import statistics
from pathlib import Path

import pdfplumber
import pikepdf
import pypdfium2 as pdfium
import pytest

from extract.document import open_document
from extract.page_roles import PageTriage, triage_page
from extract.pdfium_objects import page_objects, use_pdfium_objects
from extract import tables as tables_module
from tests.conftest import CORPUS

BORN_DIGITAL = sorted((CORPUS / "born-digital").glob("*.pdf"))
SEED = CORPUS / "born-digital" / "kpu-kab-lampung-utara-2024.pdf"


def _triage(path: Path) -> list[PageTriage]:
    """The extract stage's triage of every page of ``path``."""
    return [triage_page(page.number, page.text) for page in open_document(path).pages]


@pytest.mark.parametrize("path", BORN_DIGITAL, ids=lambda p: p.stem)
def test_tables_are_the_same_as_with_pdfminer(path, monkeypatch):
    """Every table the extract stage reads, ruled or borderless: same cells, spans and titles.

    Boxes may differ by a few points vertically: pdfminer takes a character's descent
    from the font descriptor, which LibreOffice writes as 0, pdfium from the font.
    """
    triage = _triage(path)
    candidates = [t.number for t in triage if t.is_candidate]
    strong = [t.number for t in triage if t.is_strong]
    assert candidates
    ours = tables_module.extract_tables(path, candidates, strong)
    monkeypatch.setattr(tables_module, "use_pdfium_objects", lambda document, page: None)
    mined = tables_module.extract_tables(path, candidates, strong)
    assert [(t.page, t.flavor, t.rows, t.title) for t in ours] == [(t.page, t.flavor, t.rows, t.title) for t in mined]
    assert [t.spans for t in ours if t.flavor == "pdfplumber-lines"] == [t.spans for t in mined if t.flavor == "pdfplumber-lines"]
    for a, b in zip(ours, mined):
        assert all(abs(x - y) <= 4.0 for x, y in zip(a.bbox, b.bbox)), (a.page, a.bbox, b.bbox)


def _turned(source: Path, target: Path, rotate: int, shift: float) -> None:
    with pikepdf.open(source) as pdf:
        for page in pdf.pages:
            page.obj.Rotate = rotate
            if shift:
                x0, y0, x1, y1 = (float(v) for v in page.obj.MediaBox)
                page.obj.MediaBox = pikepdf.Array([x0 - shift, y0 - shift, x1 + shift, y1 + shift])
        pdf.save(target)


@pytest.mark.parametrize("rotate,shift", [(0, 20.0), (90, 0.0), (180, 0.0), (270, 15.0)])
def test_geometry_follows_rotate_and_mediabox_as_pdfminer_does(tmp_path, rotate, shift):
    turned = tmp_path / f"turned-{rotate}.pdf"
    _turned(SEED, turned, rotate, shift)
    number = 5  # the first page of the seed's main table
    with pdfplumber.open(turned) as pdf:
        page = pdf.pages[number - 1]
        mined = {kind: page.objects.get(kind, []) for kind in ("char", "rect", "line")}
        edges_mined = sorted((e["orientation"], round(e["x0"]), round(e["top"]), round(e["x1"]), round(e["bottom"])) for e in page.edges)
        page.flush_cache()
        document = pdfium.PdfDocument(str(turned))
        try:
            ours = page_objects(document, page)
            use_pdfium_objects(document, page)
            edges_ours = sorted((e["orientation"], round(e["x0"]), round(e["top"]), round(e["x1"]), round(e["bottom"])) for e in page.edges)
        finally:
            document.close()
    # The same glyphs (pdfium also puts back spaces pdfminer's layout left out).
    assert sorted(c["text"] for c in mined["char"] if c["text"] != " ") == \
        sorted(c["text"] for c in ours["char"] if c["text"] != " ")
    # Characters: same place to a fraction of a point (centres, both axes).
    def centres(chars):
        return sorted(((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, c["text"]) for c in chars if c["text"] != " ")
    pairs = list(zip(centres(mined["char"]), centres(ours["char"])))
    distances = [abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in pairs]
    assert statistics.median(distances) < 1.0, statistics.median(distances)
    assert edges_ours == edges_mined
    assert {c["upright"] for c in ours["char"]} == {c["upright"] for c in mined["char"]}
