"""A document that takes too long or too much memory is stopped and recorded, and the run goes on."""
from __future__ import annotations

import time

from lkj.pipeline import extract_stage
from lkj.pipeline.inputs import InputFile, sha256_of
from lkj.pipeline.limits import DocumentMemoryExceeded, DocumentTimeout, document_limits, resident_bytes
from lkj.pipeline.runner_core import process_document
from tests.conftest import CORPUS

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
    assert outcome.report.status == "failed" and outcome.failure_reason == "timeout"
    assert any(w.code == "timeout" and "too long" in w.message for w in outcome.report.warnings)


def test_limits_leave_a_normal_document_alone():
    outcome = process_document(_file(), work=None)
    assert outcome.report.status == "ok"
