"""A researcher's correction is visible as such and survives re-extraction."""
from __future__ import annotations

import pytest
import sqlite_utils

from lkj.db.corrections import Correction, CorrectionError, add_correction, corrections_path
from lkj.pipeline.runner import run
from tests.conftest import CORPUS

SEED = CORPUS / "born-digital" / "kpu-kab-lampung-utara-2024.pdf"


def test_correction_survives_a_forced_rerun(tmp_path):
    db_path = tmp_path / "lkj.db"
    run([SEED], db_path)
    db = sqlite_utils.Database(db_path)
    add_correction(db, db_path, Correction(SEED.name, "indicators", "2", "realization", "0",
                                           "per-goal table 2 reports 0 orang"))
    add_correction(db, db_path, Correction(SEED.name, "reports", "", "year", "2024", "checked on the cover page"))
    assert corrections_path(db_path).exists()

    run([SEED], db_path, force=True)  # re-extraction
    db = sqlite_utils.Database(db_path)
    row = next(iter(db.query("select realization, realization_raw from indicators where row_no = 2")))
    assert (row["realization"], row["realization_raw"]) == (0.0, "")  # corrected value, raw text as printed
    shown = list(db.query("select * from corrections order by id"))
    assert [(c["table_name"], c["field"], c["extracted_value"], c["corrected_value"]) for c in shown] == [
        ("indicators", "realization", None, "0"), ("reports", "year", "2024", "2024")]


def test_bad_corrections_are_refused_with_a_reason(tmp_path):
    db_path = tmp_path / "lkj.db"
    run([SEED], db_path)
    db = sqlite_utils.Database(db_path)
    with pytest.raises(CorrectionError, match="no correctable column"):
        add_correction(db, db_path, Correction(SEED.name, "indicators", "2", "nonsense", "1", ""))
    with pytest.raises(CorrectionError, match="matches 0 reports"):
        add_correction(db, db_path, Correction("other.pdf", "indicators", "2", "target", "1", ""))
    assert not corrections_path(db_path).exists()
