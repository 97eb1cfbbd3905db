"""Issue 15's must-show: a folder of everything that used to hang, crash or lie ends in minutes.

The folder holds a PDF of 3,000 blank pages, a decompression bomb, a truncated and an
encrypted file, a PNG named ``.pdf``, an empty file, 30 MB of ruling lines and a report
whose texts carry ``'; DROP TABLE indicators; --``. ``lkj run --workers 2`` (a
subprocess, as a user runs it) must record a report row with a status for every file,
each for its own reason, and store the injection text verbatim.
"""
from __future__ import annotations

import shutil
import subprocess
import sys

import cv2
import numpy as np
import pytest
import sqlite_utils

from tests.conftest import CORPUS, REPO
from tests.test_blank_pages import blank_pages
from tests.test_hostile_pdfs import TABLE_WORDS_PROSE, _new_pdf, _page, _save, _stream, _text, flate_bomb

INJECTION = "'; DROP TABLE indicators; --"
#: A budget small enough to keep the test short; the default (900 s) behaves the same, later.
TIMEOUT = 30


def ruling_lines(path, megabytes: int = 30, pages: int = 5):
    """``pages`` pages of prose with table words, each under a mesh of ruling lines: 30 MB in all."""
    pdf, resources = _new_pdf()
    per_page = megabytes * 1024**2 // pages
    lines = []
    size = 0
    step = 0
    while size < per_page:
        y = 20 + (step % 800)
        x = 20 + (step * 7 % 555)
        line = f"{x} 20 m {x} 820 l S 20 {y} m 575 {y} l S\n"
        lines.append(line)
        size += len(line)
        step += 1
    mesh = "".join(lines).encode()
    for _ in range(pages):
        _page(pdf, resources, _stream(pdf, _text(TABLE_WORDS_PROSE, TABLE_WORDS_PROSE, TABLE_WORDS_PROSE) + b"\n0.1 w\n" + mesh))
    return _save(pdf, path)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive") / "arsip"
    folder.mkdir()
    blank_pages(folder / "3000-halaman-kosong.pdf", 3000)
    flate_bomb(folder / "bom-dekompresi.pdf")
    shutil.copy(CORPUS / "broken" / "kpu-kota-surabaya-2020-truncated.pdf", folder / "terpotong.pdf")
    shutil.copy(CORPUS / "broken" / "kip-kab-aceh-besar-2021-password.pdf", folder / "terkunci.pdf")
    ok, png = cv2.imencode(".png", np.full((300, 200), 255, np.uint8))
    (folder / "gambar.pdf").write_bytes(png.tobytes())
    (folder / "kosong.pdf").write_bytes(b"")
    ruling_lines(folder / "garis-30mb.pdf")
    shutil.copy(REPO / "tests" / "data" / "drop-indicators.pdf", folder / "lkj-injeksi.pdf")
    return folder


def test_every_file_ends_with_a_status_and_the_injection_is_stored_verbatim(archive, tmp_path):
    assert (archive / "garis-30mb.pdf").stat().st_size >= 30 * 1024**2
    db_path = tmp_path / "lkj.db"
    done = subprocess.run([sys.executable, "-m", "lkj.pipeline", "run", str(archive), "--db", str(db_path),
                           "--workers", "2", "--timeout", str(TIMEOUT), "--quiet"],
                          cwd=REPO, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    rows = {r["file_name"]: (r["status"], r["failure_reason"]) for r in db.query("select * from reports")}
    print("\n" + "\n".join(f"{name}: {status}" for name, status in sorted(rows.items())))
    assert rows["3000-halaman-kosong.pdf"] == ("failed", "blank")
    assert rows["bom-dekompresi.pdf"] == ("failed", "decompression_bomb")
    assert rows["terpotong.pdf"] == ("failed", "truncated")
    assert rows["terkunci.pdf"] == ("failed", "encrypted")
    assert rows["gambar.pdf"] == ("failed", "not_pdf")
    assert rows["kosong.pdf"] == ("failed", "empty")
    assert rows["garis-30mb.pdf"][0] in ("failed", "partial") and rows["garis-30mb.pdf"][1] in ("time_limit", "not_lkj")
    assert rows["lkj-injeksi.pdf"] == ("ok", None)
    assert len(rows) == 8
    indicators = [r["indicator"] for r in db.query("select indicator from indicators")]
    assert any(INJECTION in text for text in indicators), indicators
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert {"indicators", "reports"} <= set(db.table_names())
