"""Mutated PDFs: every input ends as a report with a status; no exception escapes.

Hypothesis flips, deletes, duplicates and truncates bytes of a sample PDF. The run is
bounded (a fixed number of examples, each under the per-document time limit).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pikepdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkj.pipeline.inputs import InputFile, sha256_of
from lkj.pipeline.runner_core import process_document
from tests.conftest import CORPUS
from tests.fuzz import fuzz, small_seeds

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


def test_a_short_archive_scale_fuzz_run(tmp_path):
    """200 inputs of ``tests/fuzz.py`` (every kind of mutation but the 10,000-page tree: bombs,
    loops, huge boxes, broken fonts, JBIG2/JPX, hostile text...) through the executor of ``lkj
    run`` with 2 workers: every input ends as a report row with a status, within its budget and
    the memory cap; nothing escapes; the database passes PRAGMA integrity_check. The seeds are
    1-3-page cuts of the sample reports, and the budget of an input is 10 s (a form that draws
    itself keeps camelot's layout recursing until the budget stops it); the long run over every
    kind has its figures in the README."""
    seeds = small_seeds(tmp_path / "seeds")
    assert all(len(pikepdf.open(seed).pages) <= 3 for seed in seeds)
    summary = fuzz(200, seed=15, workers=2, time_limit=10, keep=tmp_path / "failing", seeds=seeds, many=False)
    assert summary.inputs == summary.report_rows == 200
    assert sum(summary.statuses.values()) == 200 and set(summary.statuses) <= {"ok", "partial", "failed"}
    assert summary.statuses["ok"] >= 40, summary.statuses  # the cuts still read as reports: mutations hit real content
    assert len(summary.kinds) >= 13, summary.kinds  # all the mutations but many_pages were drawn
    assert summary.problems() == [], summary.problems()


def test_lone_surrogates_are_made_storable():
    """A damaged font can yield lone surrogates, which SQLite refuses: loading once failed, and the run with it."""
    from lkj.extract.warning_codes import ReportWarning
    from lkj.pipeline.runner_core import encodable

    clean = [ReportWarning("broken", "fine")]
    assert encodable(clean) is clean  # nothing rebuilt when nothing changes
    fixed = encodable([ReportWarning("broken", "a\ud800b")])
    assert fixed[0].message == "a\ufffdb" and fixed[0].message.encode("utf-8")
