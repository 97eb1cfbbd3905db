"""Broken and non-LKj inputs are recorded with a plain reason; they never stop the run."""
from __future__ import annotations

from lkj.corpus.samples.expected import load_broken
from tests.conftest import CORPUS

BROKEN = load_broken(CORPUS / "broken" / "EXPECTED.json")


def test_every_broken_file_is_recorded_with_its_reason(corpus_db):
    for item in BROKEN["files"]:
        rows = list(corpus_db.query("select * from reports where file_name = ?", [item["file"]]))
        assert len(rows) == 1, item["file"]
        report = rows[0]
        codes = {w["code"] for w in corpus_db.query("select code from warnings where report_id = ?", [report["id"]])}
        if item["reason"] is None:
            assert report["status"] == "ok", (item["file"], codes)
        elif item["reason"] == "no_tables":
            assert report["status"] != "ok" and "no_tables" in codes, (item["file"], report["status"], codes)
        else:
            assert report["status"] == "failed", item["file"]
            assert report["failure_reason"] == item["reason"], (item["file"], report["failure_reason"])
            assert item["reason"] in codes


def test_failure_messages_are_plain_words(corpus_db):
    rows = list(corpus_db.query(
        "select r.file_name, w.message from reports r join warnings w on w.report_id = r.id "
        "where r.status = 'failed' and w.code = r.failure_reason"))
    assert rows
    for row in rows:
        assert len(row["message"]) > 15 and "Traceback" not in row["message"], row


def test_the_run_goes_on_after_failures(corpus_run):
    db, summary, _ = corpus_run
    assert summary.failed >= 5 and summary.ok >= 8
    assert summary.reports == db.table("reports").count
