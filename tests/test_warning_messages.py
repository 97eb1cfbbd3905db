"""Issue 16: warnings a researcher reads — in Indonesian beside the English, with their severity,
failed reports first, numbers in Indonesian format.

Run on the born-digital sample reports and the broken files (which fail), as ``lkj run`` does.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlite_utils
import yaml

from lkj.db.messages import angka, pesan
from lkj.db.schema import open_database
from lkj.extract.warning_codes import WARNING_CODES
from lkj.pipeline.runner import run
from tests.conftest import CORPUS

SEED = "kpu-kab-lampung-utara-2024.pdf"
METADATA = Path(__file__).resolve().parent.parent / "db" / "metadata.yml"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> sqlite_utils.Database:
    path = tmp_path_factory.mktemp("messages") / "lkj.db"
    run([CORPUS / "born-digital", CORPUS / "broken"], path, workers=1)
    return sqlite_utils.Database(path)


def test_every_warning_has_its_indonesian_message_opening_with_the_codes_meaning(db):
    rows = list(db.query("select code, message, pesan from warnings"))
    assert len(rows) > 50 and {r["code"] for r in rows} >= {"detail_disagrees", "indicator_unmatched", "not_lkj"}
    for row in rows:
        assert row["pesan"].startswith(WARNING_CODES[row["code"]].meaning_id.rstrip(".")), row
        assert row["message"] and row["pesan"] != row["message"]  # the English is kept beside it


def test_the_particulars_are_indonesian_sentences_naming_the_values(db):
    seed = next(db.query("select id from reports where file_name = ?", [SEED]))["id"]
    messages = {r["pesan"] for r in db.query("select pesan from warnings where report_id = ? and code = 'detail_disagrees'", [seed])}
    assert any("Rincian (hlm. 11): sasaran 2, target: tabel utama (hlm. 8) mencetak '100%', "
               "tabel per sasaran (hlm. 11) mencetak '90%'" in m for m in messages), messages
    unmatched = next(db.query("select pesan from warnings where code = 'indicator_unmatched'"))["pesan"]
    assert "tidak cocok dengan indikator laporan lain dan mendapat kunci sendiri" in unmatched
    for row in db.query("select pesan from warnings"):  # no English word of a known shape is left
        assert not re.search(r"\b(main table|per-goal table|read as|values in one cell|matched no other)\b", row["pesan"]), row


def test_numbers_printed_for_readers_are_in_indonesian_format():
    assert angka("gives 38,605,040,304 and 95.69%") == "gives 38.605.040.304 and 95,69%"
    text = pesan("budget_totals_disagree", "total realization: program_total gives 38,605,040,304, prose gives 16,728,992,000")
    assert text.endswith("Rincian: total realisasi: baris total program memberi Rp 38.605.040.304, "
                         "uraian teks memberi Rp 16.728.992.000.")
    # a value as printed stays as printed; the reading of it is in Indonesian format
    text = pesan("ambiguous_separator", "program 'Jumlah' absorption: '97,206' read as 97.206 (decimal) from convention id", 3)
    assert "program 'Jumlah' penyerapan: '97,206' dibaca sebagai 97,206 (desimal)" in text


def test_a_message_of_unknown_shape_keeps_its_quoted_values_only():
    text = pesan("reader_message", "pdfminer said 'Could not parse' on this page", 4)
    assert text == f"{WARNING_CODES['reader_message'].meaning_id} Rincian (hlm. 4): 'Could not parse'."


def test_report_warnings_shows_severity_and_failed_reports_first(db):
    rows = list(db.query("select status, severity, pesan, message from report_warnings"))
    assert len(rows) == db.table("warnings").count
    statuses = [r["status"] for r in rows]
    assert statuses[0] == "failed" and statuses == sorted(statuses, key=["failed", "partial", "ok"].index)
    assert {r["severity"] for r in rows} >= {"failure", "warning", "info"}


def test_reports_with_warnings_lists_failed_reports_first(db):
    sql = yaml.safe_load(METADATA.read_text(encoding="utf-8"))["databases"]["lkj"]["queries"]["reports_with_warnings"]["sql"]
    rows = list(db.query(sql))
    assert rows[0]["status"] == "failed" and rows[0]["severity"] == "failure" and rows[0]["contoh_pesan"]
    statuses = [r["status"] for r in rows]
    assert statuses == sorted(statuses, key=["failed", "partial", "ok"].index)


def test_a_database_loaded_before_pesan_gets_it_when_opened(db, tmp_path):
    copy = tmp_path / "old.db"
    copy.write_bytes(Path(db.conn.execute("pragma database_list").fetchone()[2]).read_bytes())
    old = sqlite_utils.Database(copy)
    old.execute("update warnings set pesan = null")
    old.conn.commit()
    reopened = open_database(str(copy))
    assert reopened.execute("select count(*) from warnings where pesan is null").fetchone()[0] == 0
