"""Library messages go to the log and onto the report, never through the progress bar (issue 15).

camelot cannot read the text of an owner-locked PDF ("Text extraction is not allowed"),
which lkj's table reader logs for pages 3 and 4 of the sample; pdfplumber reads them.
"""
from __future__ import annotations

import subprocess
import sys

import sqlite_utils

from tests.conftest import CORPUS, REPO

LOCKED = CORPUS / "broken" / "kpu-kab-sleman-2019-owner-locked.pdf"
MESSAGE = "Text extraction is not allowed"


def _run(tmp_path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lkj.pipeline", "run", str(LOCKED), "--db", str(tmp_path / "lkj.db"),
                           "--work", str(tmp_path / "work"), *options],
                          cwd=REPO, capture_output=True, text=True, timeout=300)


def test_reader_messages_reach_the_log_and_the_report_not_the_terminal(tmp_path):
    done = _run(tmp_path)
    assert done.returncode == 0, done.stderr
    assert "reports:" in done.stderr  # the progress bar was drawn...
    assert "camelot" not in done.stderr and MESSAGE not in done.stderr  # ...and nothing through it
    assert MESSAGE in (tmp_path / "lkj.log").read_text(encoding="utf-8")
    db = sqlite_utils.Database(tmp_path / "lkj.db")
    found = {(w["page"], w["stage"]) for w in db.query("select page, stage, message from warnings where code = 'reader_message'")
             if MESSAGE in w["message"]}
    assert found == {(3, "extract"), (4, "extract")}
    assert db.execute("select status from reports").fetchone()[0] == "ok"


def test_verbose_shows_them(tmp_path):
    done = _run(tmp_path, "--verbose", "--force")
    assert done.returncode == 0, done.stderr
    assert f"camelot stream failed on page 3: {MESSAGE}" in done.stderr
