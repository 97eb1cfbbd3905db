"""The run enforces the budgets from outside the worker, and a dead worker costs only its own document.

``tests/data/fuzz-hang-huge-mediabox.pdf`` is input #903 of the fuzz run of seed 2026
(a huge MediaBox on a sample report): camelot's page layout (playa, compiled to C)
never returns on it, so the worker's own timer, a signal, cannot stop it.
"""
from __future__ import annotations

import mmap
import os
import signal
import sqlite3
import time
from pathlib import Path

import pikepdf

from lkj.extract.bombs import find_bomb
from lkj.pipeline import extract_stage
from lkj.pipeline.inputs import InputFile, sha256_of
from lkj.pipeline.runner import run
from lkj.pipeline.supervisor import _children, supervised_outcomes
from tests.conftest import CORPUS, REPO
from tests.test_hostile_pdfs import _stream, zeros_bomb

HANG = REPO / "tests" / "data" / "fuzz-hang-huge-mediabox.pdf"
SAMPLE = CORPUS / "born-digital" / "kip-kab-aceh-besar-2021.pdf"


def _input(path: Path) -> InputFile:
    return InputFile(path, sha256_of(path), path.stat().st_size)


def _rows(db_path: Path) -> dict[str, tuple[str, str | None]]:
    with sqlite3.connect(db_path) as db:
        return {name: (status, reason) for name, status, reason
                in db.execute("select file_name, status, failure_reason from reports")}


def _message(db_path: Path, code: str) -> str:
    with sqlite3.connect(db_path) as db:
        return db.execute("select message from warnings where code = ?", [code]).fetchone()[0]


def test_a_document_stuck_in_a_c_call_is_killed_at_its_budget(tmp_path):
    """The worker's timer fires at 3 s but cannot interrupt the C call; the run kills the worker
    5 s later, records the report, and the other document is read as usual."""
    db_path = tmp_path / "lkj.db"
    summary = run([HANG, SAMPLE], db_path, work_root=tmp_path / "work", workers=2, time_limit=3)
    assert _rows(db_path) == {HANG.name: ("failed", "time_limit"), SAMPLE.name: ("ok", None)}
    assert "killed its worker" in _message(db_path, "time_limit")
    assert summary.failures == [(HANG.name, "time_limit")]


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def _busiest_worker() -> int:
    """The worker using the CPU (the one reading a document); an idle one waits on its queue."""
    before = {pid: _cpu_ticks(pid) for pid in _children()}
    time.sleep(1.0)
    return max(before, key=lambda pid: _cpu_ticks(pid) - before[pid])


def test_a_worker_killed_mid_document_is_recorded_and_the_pool_goes_on():
    """SIGKILL of the worker reading a document (what a segfault in pdfium amounts to): that
    document is ``failed``, ``worker_crashed``, naming the signal; a new worker reads the rest."""
    files = [_input(HANG), _input(SAMPLE), _input(CORPUS / "born-digital" / "kpu-ri-2022.pdf")]
    outcomes = {}
    for position, outcome in supervised_outcomes(files, None, False, workers=2, time_limit=120):
        outcomes[position] = outcome
        if position == 1:  # the hanging document is the one still running: kill its worker
            os.kill(_busiest_worker(), signal.SIGKILL)
    assert sorted(outcomes) == [0, 1, 2]
    hung = outcomes[0]
    assert hung.report.status == "failed" and hung.failure_reason == "worker_crashed"
    assert "SIGKILL" in hung.report.warnings[-1].message
    assert outcomes[1].report.status == "ok"
    assert outcomes[2].report.status == "ok"  # read by a worker started after the kill, or before it


def test_memory_grown_inside_a_c_call_is_stopped_at_the_cap(tmp_path, monkeypatch):
    """A stage that grows to 1.5 GB against a 1 GiB cap and then waits, with the worker's own
    limits unable to act: it ignores their signals, as a C call in effect does (pdfium
    inflating a Flate bomb). The run sees the worker's resident memory pass the cap and kills
    it. (Shared anonymous memory, which RLIMIT_DATA does not count: so the kernel's backstop
    cannot answer first.)"""
    def hold_memory(*stage_inputs):
        for number in (signal.SIGALRM, signal.SIGUSR1):  # the worker's time and memory signals
            signal.signal(number, signal.SIG_IGN)
        memory = mmap.mmap(-1, 1536 * 1024**2)
        piece = b"\x01" * 1024**2
        for start in range(0, len(memory), len(piece)):
            memory[start:start + len(piece)] = piece
        time.sleep(120)

    monkeypatch.setattr(extract_stage, "extract", hold_memory)  # inherited by the forked workers
    db_path = tmp_path / "lkj.db"
    run([SAMPLE], db_path, work_root=tmp_path / "work", workers=1, memory_limit=1024**3)
    assert _rows(db_path) == {SAMPLE.name: ("failed", "memory_limit")}
    assert "killed its worker" in _message(db_path, "memory_limit")


def test_a_flate_bomb_with_a_damaged_checksum_is_still_measured(tmp_path):
    """Byte damage in the last bytes of a bomb's stream (its Adler-32): zlib raised at the end
    and the bomb check counted 0 bytes; pdfium, which ignores the checksum, inflated 5.3 GB."""
    data = bytearray(zeros_bomb(4 * 1024**3))
    data[-2:] = bytes(b ^ 0xFF for b in data[-2:])
    with pikepdf.open(SAMPLE) as pdf:
        form = _stream(pdf, bytes(data), pikepdf.Array([pikepdf.Name.FlateDecode] * 2), Type=pikepdf.Name.XObject,
                       Subtype=pikepdf.Name.Form, BBox=pikepdf.Array([0, 0, 10, 10]))
        pdf.pages[0].add_resource(form, pikepdf.Name.XObject, pikepdf.Name("/Bomb"))
        pdf.pages[0].contents_add(b" q /Bomb Do Q")
        bomb = find_bomb(pdf)
    assert bomb is not None and bomb.page == 1 and "/Bomb" in bomb.what


def test_the_bar_says_what_a_long_document_is_doing(tmp_path, monkeypatch):
    """A scan's OCR takes minutes: the bar names the document's stage and the OCR page count,
    told by the worker through a pipe. OCR is replaced by a slow reader of blank text (the
    workers are forked: they inherit it) so that the test takes seconds, not minutes."""
    from types import SimpleNamespace

    from lkj.pipeline import ocr_stage
    from tests.test_limits import _with_scanned_pages

    def slow_ocr(path, numbers, password=None):
        for number in numbers:
            time.sleep(0.3)
            yield SimpleNamespace(number=number, text="", width=595, height=842, mean_confidence=90.0,
                                  downscaled=False, tables=[], tables_read=True)

    monkeypatch.setattr(ocr_stage, "ocr_pages", slow_ocr)
    monkeypatch.setattr(ocr_stage, "tesseract_available", lambda: None)
    file = _with_scanned_pages(tmp_path / "mixed.pdf", 6)
    shown: list[str] = []

    class Bar:  # what the runner asks of tqdm's bar
        def __init__(self, outcomes, total=None):
            self.outcomes = outcomes

        def __iter__(self):
            yield from self.outcomes

        def set_postfix_str(self, text: str) -> None:
            shown.append(text)

    run([file.path], tmp_path / "lkj.db", work_root=tmp_path / "work", workers=1, progress=Bar)
    assert "mixed.pdf: ingest" in shown and "mixed.pdf: extract" in shown
    assert "mixed.pdf: ocr 6/6 pages" in shown
    assert [s for s in shown if " ocr " in s] == [f"mixed.pdf: ocr {n}/6 pages" for n in range(1, 7)]
