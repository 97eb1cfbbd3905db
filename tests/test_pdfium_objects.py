"""pdfium's page objects stand in for pdfminer's: the same tables, the same geometry.

``extract.pdfium_objects`` builds pdfplumber's object dicts from pdfium so that the
table readers never run pdfminer's interpreter. These tests read pages both ways,
on the sample corpus's PDFs and on copies turned by /Rotate or with a shifted
MediaBox, and compare what pdfplumber makes of them. The text objects' texts, which
``_object_texts`` computes in one pass, are compared with pdfium's own call on real
pages and with a line-by-line port of pdfium's rule on random interleavings.
"""
from __future__ import annotations

import ctypes
import statistics
from pathlib import Path

import pdfplumber
import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkj.extract import tables as tables_module
from lkj.extract.document import open_document
from lkj.extract.page_roles import PageTriage, triage_page
from lkj.extract.pdfium_objects import _object_texts, _TextPageCharacters, page_objects, use_pdfium_objects
from tests.conftest import CORPUS, REAL

BORN_DIGITAL = sorted((CORPUS / "born-digital").glob("*.pdf"))
SEED = CORPUS / "born-digital" / "kpu-kab-lampung-utara-2024.pdf"
#: Real reports with dense tables, a scan's text stamps and many fonts.
OBJECT_TEXT_REAL = ["rfk-dpupr-grobogan-2021-12.pdf", "lkjip-pemprov-sumut-2021.pdf", "realisasi-tw-setda-tangsel-2023.pdf"]


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


def _pdfium_object_text(obj, textpage) -> str:
    """pdfium's own ``FPDFTextObj_GetText``, one object at a time (what ``_object_texts`` replaces)."""
    size = pdfium_c.FPDFTextObj_GetText(obj, textpage, None, 0)
    buffer = ctypes.create_string_buffer(max(size, 2))
    size = pdfium_c.FPDFTextObj_GetText(obj, textpage, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)), size)
    return buffer.raw[:max(0, size - 2)].decode("utf-16-le", "replace")


@pytest.mark.parametrize("path", BORN_DIGITAL + [REAL / name for name in OBJECT_TEXT_REAL], ids=lambda p: p.stem)
def test_object_texts_in_one_pass_equal_pdfiums(path):
    if not path.exists():
        pytest.skip(f"{path} is not here")
    document = pdfium.PdfDocument(str(path))
    compared = 0
    try:
        for page in document:
            textpage = page.get_textpage()
            objects = [pdfium_c.FPDFPage_GetObject(page, n) for n in range(pdfium_c.FPDFPage_CountObjects(page))]
            texts = [o for o in objects if pdfium_c.FPDFPageObj_GetType(o) == pdfium_c.FPDF_PAGEOBJ_TEXT]
            order = {ctypes.cast(o, ctypes.c_void_p).value: i for i, o in enumerate(texts)}
            expected = [_pdfium_object_text(o, textpage.raw) for o in texts]
            assert _object_texts(order, _TextPageCharacters.read(textpage)) == expected
            compared += sum(map(bool, expected))
            textpage.close()
            page.close()
    finally:
        document.close()
    assert compared > 100


def _get_text_by_predicate(codes, objects, origin_ys, key) -> str:
    """pdfium's ``CPDF_TextPage::GetTextByPredicate`` for one object, line by line as pdfium writes it."""
    posy, contains_previous, add_line_feed, text = 0.0, False, False, ""
    for code, obj, y in zip(codes, objects, origin_ys):
        if obj == key:
            if abs(posy - y) > 0 and not contains_previous and add_line_feed:
                posy = y
                if text:
                    text += "\r\n"
            contains_previous, add_line_feed = True, False
            if code:
                text += chr(code)
        elif code == 0x20:
            if contains_previous:
                text += " "
                contains_previous, add_line_feed = False, False
        else:
            contains_previous, add_line_feed = False, True
    return text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([0x20, 0x61, 0x62, 0, 0x0A]), st.sampled_from([0, 1, 2, 3, 9]),
                          st.sampled_from([0.0, 10.0, 20.0])), max_size=40))
def test_object_texts_follow_pdfiums_rule_when_objects_interleave(characters):
    """Real pages seldom interleave objects in the text page; pdfium's rule covers it, and so must the one pass."""
    codes = [c for c, _, _ in characters]
    objects = [o for _, o, _ in characters]
    ys = [y for _, _, y in characters]
    order = {1: 0, 2: 1, 3: 2}  # 0 is a generated character, 9 an object inside a form
    texts = _object_texts(order, _TextPageCharacters(codes, objects, [0.0] * len(codes), ys))
    assert texts == [_get_text_by_predicate(codes, objects, ys, key) for key in order]


def test_sheared_text_before_upright_text(tmp_path):
    """A running header set in synthetic italic (text matrix shear c = 0.333, as Word prints a
    font without an italic face) comes before the page's upright text: the characters of
    both are read (Bapenda Garut 2017 failed on such pages with ``internal_error``)."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    content = (b"BT /F1 10 Tf 1 0 0.333 1 72 760 Tm (Laporan Kinerja 2017) Tj ET "
               b"BT /F1 12 Tf 1 0 0 1 72 700 Tm (Indikator Kinerja) Tj ET")
    pdf.add_blank_page(page_size=(595, 842))
    pdf.pages[0].obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    pdf.pages[0].obj.Contents = pdf.make_stream(content)
    path = tmp_path / "sheared.pdf"
    pdf.save(path)
    with pdfplumber.open(path) as plumber:
        page = plumber.pages[0]
        mined = "".join(c["text"] for c in page.chars)
        document = pdfium.PdfDocument(str(path))
        try:
            ours = "".join(c["text"] for c in page_objects(document, page)["char"])
        finally:
            document.close()
    assert ours.replace(" ", "") == mined.replace(" ", "") == "LaporanKinerja2017IndikatorKinerja"
