"""Mutated PDFs: every input ends as a report with a status; no exception escapes.

Hypothesis flips, deletes, duplicates and truncates bytes of a sample PDF. The run is
bounded (a fixed number of examples, each under the per-document time limit).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkj.pipeline.inputs import InputFile, sha256_of
from lkj.pipeline.runner_core import process_document
from tests.conftest import CORPUS

SAMPLE = (CORPUS / "born-digital" / "kip-kab-aceh-besar-2021.pdf").read_bytes()

mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, len(SAMPLE) - 1), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.integers(0, len(SAMPLE) - 1), st.integers(0, 0)),
    st.tuples(st.just("delete"), st.integers(0, len(SAMPLE) - 1), st.integers(1, 4096)),
    st.tuples(st.just("repeat"), st.integers(0, len(SAMPLE) - 1), st.integers(1, 4096)),
)


def mutate(data: bytes, steps: list[tuple[str, int, int]]) -> bytes:
    out = bytearray(data)
    for kind, at, size in steps:
        at = min(at, max(len(out) - 1, 0))
        if kind == "flip" and out:
            out[at] ^= size
        elif kind == "cut":
            del out[at:]
        elif kind == "delete":
            del out[at:at + size]
        elif kind == "repeat":
            out[at:at] = out[at:at + size]
    return bytes(out)


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutation, min_size=1, max_size=6))
def test_mutated_pdf_always_ends_with_a_status(steps):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mutated.pdf"
        path.write_bytes(mutate(SAMPLE, steps))
        outcome = process_document(InputFile(path, sha256_of(path), path.stat().st_size), work=None, time_limit=60)
    assert outcome.report.status in ("ok", "partial", "failed")
    if outcome.report.status == "failed":
        assert outcome.failure_reason and any(w.code == outcome.failure_reason for w in outcome.report.warnings)
    assert outcome.failure_reason != "internal_error", [w.message for w in outcome.report.warnings]
