"""Texts with SQL and shell metacharacters land in the database verbatim and run nowhere."""
from __future__ import annotations

from pathlib import Path

import sqlite_utils

from lkj.pipeline.runner import run

PDF = Path(__file__).parent / "data" / "metachar.pdf"  # built by tests/data/make_metachar_pdf.py


def test_metacharacters_are_stored_as_text(tmp_path):
    marker = Path("/tmp/lkj-pwned")
    marker.unlink(missing_ok=True)
    db_path = tmp_path / "lkj.db"
    summary = run([PDF], db_path)
    db = sqlite_utils.Database(db_path)
    assert summary.ok == 1 and db.table("reports").count == 1  # "DROP TABLE reports" did not run
    rows = list(db.query("select goal, indicator from indicators order by row_no"))
    assert rows[0]["goal"] == "Goal'); DROP TABLE reports; --"
    assert "`id` ; rm -rf / && echo" in rows[0]["indicator"] and "touch /tmp/lkj-pwned" in rows[0]["indicator"]
    assert rows[1]["goal"].endswith('"quoted" \\ backslash %s %(x)s {0}')
    assert "<script>" in rows[1]["indicator"] and "| cat /etc/passwd" in rows[1]["indicator"]
    assert not marker.exists()
    hits = list(db.query("select indicator from indicators_fts where indicators_fts match ?", ['"passwd"']))
    assert len(hits) == 1
