"""Blank is not scanned (issue 15): a page with no text and no image worth reading gets no OCR.

A PDF of 3,000 empty pages was taken for a scan and OCR'd page by page (20 pages took
51 s). The PDFs are built here with pikepdf; OCR is replaced by a function that fails
the test, so a blank page sent to it is seen at once.
"""
from __future__ import annotations

import zlib

import pikepdf
import pytest

from lkj.extract.blank import page_ranges
from lkj.extract.document import open_document
from lkj.pipeline import ocr_stage
from lkj.pipeline.inputs import InputFile, sha256_of
from lkj.pipeline.runner_core import process_document
from tests.test_hostile_pdfs import _image, _new_pdf, _page, _prose_page, _save, _stream


def blank_pages(path, count: int):
    """``count`` pages sharing one empty content stream."""
    pdf, resources = _new_pdf()
    empty = _stream(pdf, b"")
    for _ in range(count):
        _page(pdf, resources, empty)
    return _save(pdf, path)


def mixed(path):
    """1 prose; 2 empty; 3 ruling lines only; 4 a 1 x 1 pixel image stretched over the page;
    5 a 300 x 400 image drawn 4 x 4 pt (a dot); 6 a 300 x 400 image over the page (a scan);
    7 the same image inside a form XObject; 8 prose."""
    pdf, resources = _new_pdf()
    pixel = _image(pdf, 1, 1, zlib.compress(b"\x80"))
    scan = _image(pdf, 300, 400, zlib.compress(bytes([230]) * 120_000))
    form = _stream(pdf, b"q 500 0 0 700 40 60 cm /Im1 Do Q", None, Type=pikepdf.Name.XObject,
                   Subtype=pikepdf.Name.Form, BBox=pikepdf.Array([0, 0, 595, 842]),
                   Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=scan)))
    with_images = pikepdf.Dictionary(Font=resources.Font, XObject=pikepdf.Dictionary(Px=pixel, Im1=scan, Fm1=form))
    _prose_page(pdf, resources)
    _page(pdf, resources, _stream(pdf, b""))
    _page(pdf, resources, _stream(pdf, b"".join(f"0 {y} m 595 {y} l S ".encode() for y in range(0, 842, 12))))
    _page(pdf, with_images, _stream(pdf, b"q 595 0 0 842 0 0 cm /Px Do Q"))
    _page(pdf, with_images, _stream(pdf, b"q 4 0 0 4 100 100 cm /Im1 Do Q"))
    _page(pdf, with_images, _stream(pdf, b"q 500 0 0 700 40 60 cm /Im1 Do Q"))
    _page(pdf, with_images, _stream(pdf, b"/Fm1 Do"))
    _prose_page(pdf, resources)
    return _save(pdf, path)


@pytest.fixture
def no_ocr(monkeypatch):
    """OCR that records the pages it is asked for instead of reading them."""
    asked: list[int] = []

    def record(path, numbers, password=None):
        asked.extend(numbers)
        return iter(())

    monkeypatch.setattr(ocr_stage, "ocr_pages", record)
    monkeypatch.setattr(ocr_stage, "tesseract_available", lambda: None)
    return asked


def _input(path) -> InputFile:
    return InputFile(path, sha256_of(path), path.stat().st_size)


def test_which_pages_are_blank(tmp_path):
    opened = open_document(mixed(tmp_path / "mixed.pdf"))
    assert [p.number for p in opened.pages if p.blank] == [2, 3, 4, 5]
    assert opened.scanned_pages == [6, 7]
    assert [(w.code, w.page) for w in opened.warnings] == [("blank_pages", 2)]
    assert "2-5" in opened.warnings[0].message


def test_blank_pages_are_not_ocred(tmp_path, no_ocr):
    outcome = process_document(_input(mixed(tmp_path / "mixed.pdf")), work=None)
    assert sorted(no_ocr) == [6, 7]
    assert outcome.failure_reason != "blank"


def test_a_document_of_3000_blank_pages_fails_fast_with_its_reason(tmp_path, no_ocr):
    outcome = process_document(_input(blank_pages(tmp_path / "blank.pdf", 3000)), work=None)
    assert no_ocr == []
    assert outcome.report.status == "failed" and outcome.failure_reason == "blank"
    assert outcome.report.pages == 3000
    message = next(w.message for w in outcome.report.warnings if w.code == "blank")
    assert message.startswith("all 3000 pages are blank")


def test_page_ranges():
    assert page_ranges([7, 1, 2, 3, 9, 10]) == "1-3, 7, 9-10"
    assert page_ranges([4]) == "4"
