"""A document that takes too long or too much memory is stopped and recorded, and the run goes on.

One time budget holds for every stage, OCR included, whatever the page count (issue 15).
"""
from __future__ import annotations

import time
import zlib
from types import SimpleNamespace

import pikepdf

from lkj.pipeline import extract_stage, ocr_stage
from lkj.pipeline.inputs import InputFile, sha256_of
from lkj.pipeline.limits import DocumentMemoryExceeded, DocumentTimeout, document_limits, resident_bytes
from lkj.pipeline.runner_core import process_document
from lkj.pipeline.workdir import WorkFolder
from tests.conftest import CORPUS
from tests.test_hostile_pdfs import _image, _stream

SAMPLE = CORPUS / "born-digital" / "kpu-ri-2022.pdf"


def _file() -> InputFile:
    return InputFile(SAMPLE, sha256_of(SAMPLE), SAMPLE.stat().st_size)


def test_time_limit_interrupts_a_busy_loop():
    started = time.perf_counter()
    try:
        with document_limits(seconds=0.3):
            while True:
                pass
    except DocumentTimeout:
        pass
    assert time.perf_counter() - started < 2


def test_memory_limit_interrupts_a_growing_allocation():
    hog = []
    try:
        with document_limits(seconds=30, memory_bytes=resident_bytes() + 200 * 1024**2):
            while True:
                hog.append(bytearray(10 * 1024**2))
                time.sleep(0.01)
    except DocumentMemoryExceeded:
        pass
    assert 10 <= len(hog) < 200


def test_a_spinning_extraction_is_recorded_as_failed(monkeypatch):
    def spin(*stage_inputs):
        while True:
            pass

    monkeypatch.setattr(extract_stage, "extract", spin)
    outcome = process_document(_file(), work=None, time_limit=0.5)
    assert outcome.report.status == "failed" and outcome.failure_reason == "time_limit"
    assert any(w.code == "time_limit" and "too long" in w.message for w in outcome.report.warnings)


def test_a_reader_that_swallows_exceptions_is_stopped_all_the_same(monkeypatch):
    """camelot retries page by page after ``except Exception``: the limit must not be one of those."""
    def stubborn(*stage_inputs):
        while True:
            try:
                while True:
                    pass
            except Exception:
                continue

    monkeypatch.setattr(extract_stage, "extract", stubborn)
    outcome = process_document(_file(), work=None, time_limit=0.5)
    assert outcome.failure_reason == "time_limit"


def _with_scanned_pages(target, count: int):
    """The sample followed by ``count`` image-only pages (OCR has to read them)."""
    with pikepdf.open(SAMPLE) as pdf:
        image = _image(pdf, 100, 100, zlib.compress(bytes([200]) * 10_000))
        for _ in range(count):
            pdf.add_blank_page()
            page = pdf.pages[-1]
            page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=image))
            page.Contents = _stream(pdf, b"q 500 0 0 700 40 60 cm /Im1 Do Q")
        pdf.save(target)
    return InputFile(target, sha256_of(target), target.stat().st_size)


def test_ocr_stops_within_the_budget_and_the_report_is_partial(tmp_path, monkeypatch):
    """30 scanned pages at 0.8 s each, a budget of 20 s: OCR stops when 15 % of it is left (3 s: the rest
    of the pipeline fits in it on a loaded machine, where 1.5 s of a 10 s budget did not),
    the born-digital pages' indicators are kept, and the cut-short OCR is not cached."""
    assert process_document(_file(), work=None).report.status == "ok"  # the readers' imports, out of the budget
    read: list[int] = []

    def slow_ocr(path, numbers, password=None):
        for number in numbers:
            time.sleep(0.8)
            read.append(number)
            yield SimpleNamespace(number=number, text="", width=595, height=842, mean_confidence=90.0,
                                  downscaled=False, tables=[], tables_read=True)

    monkeypatch.setattr(ocr_stage, "ocr_pages", slow_ocr)
    monkeypatch.setattr(ocr_stage, "tesseract_available", lambda: None)
    file = _with_scanned_pages(tmp_path / "mixed.pdf", 30)
    work = WorkFolder(tmp_path / "work")
    outcome = process_document(file, work, time_limit=20)
    assert outcome.report.status == "partial" and outcome.failure_reason == "time_limit"
    assert outcome.report.indicators
    stopped = [w for w in outcome.report.warnings if w.code == "time_limit"]
    assert len(stopped) == 1 and "scanned pages not read" in stopped[0].message
    assert 10 <= len(read) < 30
    assert (work.root / file.sha256 / "ingest.json").exists()
    assert not (work.root / file.sha256 / "ocr.json").exists()


def test_limits_leave_a_normal_document_alone():
    outcome = process_document(_file(), work=None)
    assert outcome.report.status == "ok"


def test_a_limit_a_library_wraps_in_its_own_error_is_still_the_limit(monkeypatch):
    """A reader that catches the time limit's signal with a bare ``except`` and raises its own error in its
    place (the 30 MB ruling-lines file once came out ``internal_error`` on a fresh clone): the report says
    ``time_limit``, not ``internal_error``; an error with no limit behind it stays an internal error."""
    def wrapped_timeout(*args, **kwargs):
        try:
            raise DocumentTimeout()
        except BaseException:
            raise ValueError("the library's own error") from None  # the chain keeps the timeout as __context__

    monkeypatch.setattr(extract_stage, "extract", wrapped_timeout)
    outcome = process_document(_file(), work=None)
    assert (outcome.report.status, outcome.failure_reason) == ("failed", "time_limit")

    def plain_error(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(extract_stage, "extract", plain_error)
    assert process_document(_file(), work=None).failure_reason == "internal_error"
