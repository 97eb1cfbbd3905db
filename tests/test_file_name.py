"""A report's file name is a second witness of its unit and year: disagreement is a warning."""
from __future__ import annotations

import shutil

import pytest
import sqlite_utils

from lkj.extract.file_name import file_name_claim, reconcile
from lkj.extract.identity import UnitGuess
from lkj.pipeline.runner import run
from tests.conftest import CORPUS


@pytest.mark.parametrize("file_name, unit", [
    ("kpu-kab-lampung-utara-2024-scan.pdf", "KPU Kabupaten Lampung Utara"),
    ("Laporan Kinerja KPU Kabupaten Lampung Utara Tahun 2024 final ttd.pdf", "KPU Kabupaten Lampung Utara"),
    ("LKj_KPU_Lampura_2023.pdf", "KPU Kabupaten Lampung Utara"),
    ("lkj-kip-kab-aceh-besar-2021.pdf", "KIP Kabupaten Aceh Besar"),
    ("kpu-ri-2022.pdf", "KPU RI"),
    ("lkip-dsda-jabar-2016-scan.pdf", None),  # no KPU/KIP word: the name claims no unit
    ("kpu-kab-lampung-2024.pdf", None),  # no Kabupaten Lampung: a fuzzy guess is no claim
])
def test_file_name_claims(file_name, unit):
    claim = file_name_claim(file_name)
    assert (claim.unit.unit_name if claim.unit else None) == unit


def test_a_unit_only_in_the_file_name_fills_a_blank_with_a_warning():
    unit, warnings = reconcile(UnitGuess(None, None, None, None, None), 2024, None, "kpu-kota-makassar-2024.pdf")
    assert unit.name == "KPU Kota Makassar" and unit.region_code == "73.71" and unit.printed is None
    assert [w.code for w in warnings] == ["unit_from_file_name"]


def test_renamed_reports_keep_their_contents_and_say_so(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    # Sleman's report filed under Makassar's name; KPU RI 2022 filed as 2021; Aceh Besar named right.
    shutil.copy(CORPUS / "born-digital" / "kpu-kab-sleman-2019.pdf", folder / "kpu-kota-makassar-2019.pdf")
    shutil.copy(CORPUS / "born-digital" / "kpu-ri-2022.pdf", folder / "kpu-ri-2021.pdf")
    shutil.copy(CORPUS / "born-digital" / "kip-kab-aceh-besar-2021.pdf", folder / "kip-kab-aceh-besar-2021.pdf")
    run([folder], tmp_path / "lkj.db")
    db = sqlite_utils.Database(tmp_path / "lkj.db")
    found = {(r["file_name"], r["unit_id"], r["year"], r["code"]) for r in db.query(
        "select r.file_name, r.unit_id, r.year, w.code from reports r left join warnings w "
        "on w.report_id = r.id and w.code like '%file_name%'")}
    assert found == {
        ("kpu-kota-makassar-2019.pdf", "kpu-kabupaten-sleman", 2019, "unit_file_name_mismatch"),
        ("kpu-ri-2021.pdf", "kpu-ri", 2022, "year_file_name_mismatch"),
        ("kip-kab-aceh-besar-2021.pdf", "kip-kabupaten-aceh-besar", 2021, None),
    }
