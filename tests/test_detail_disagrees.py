"""Issue 16: ``detail_disagrees`` names real disagreements only.

A report prints its indicators twice (the Ikhtisar Eksekutif's summary and Bab III's
measurement table, which is the main one). Three rows, built with LibreOffice:

* the same figures under another ``Satuan`` (``%`` in one table, ``Dokumen`` in the
  other, as an OCR'd header once gave ``gg``): the same printed value, no disagreement;
* a realisation and achievement left empty in the main table: one table is silent, no
  disagreement;
* another target (``90%`` against ``85%``, and so another achievement): disagreements, named
  with both values.
"""
from __future__ import annotations

import pytest

from tests.classdocs import (
    HCell,
    TableStyle,
    TRow,
    add_table,
    build_pdfs,
    needs_soffice,
    new_document,
    page_break,
    para,
    read_report,
)

GOALS = ("Meningkatnya kualitas layanan", "Terwujudnya tata kelola keuangan", "Meningkatnya partisipasi pemilih")
#: (goal, indicator, satuan, target, realization, achievement) per table: summary first, main (Bab III) second.
SUMMARY = [(1, "Persentase dokumen perencanaan yang diselesaikan", "Dokumen", "100", "95", "95%"),
           (2, "Persentase laporan keuangan yang tepat waktu", "%", "100%", "80%", "80%"),
           (3, "Persentase pemilih yang menggunakan hak pilih", "%", "85%", "81%", "95,29%")]
MAIN = [(1, "Persentase dokumen perencanaan yang diselesaikan", "%", "100", "95", "95%"),
        (2, "Persentase laporan keuangan yang tepat waktu", "%", "100%", "", ""),
        (3, "Persentase pemilih yang menggunakan hak pilih", "%", "90%", "81%", "90,00%")]


def _table(d, rows) -> None:
    heads = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian"]
    body = [TRow([f"{g}.", GOALS[g - 1], *rest]) for g, *rest in rows]
    add_table(d, [[HCell(h) for h in heads]], body, [1, 3.5, 5.5, 1.8, 1.6, 1.6, 1.6], TableStyle(size=9))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    d = new_document("Liberation Sans", 11)
    para(d, "LAPORAN KINERJA KOMISI PEMILIHAN UMUM KOTA METRO TAHUN 2024", bold=True)
    para(d, "IKHTISAR EKSEKUTIF", bold=True)
    para(d, "Laporan Kinerja KPU Kota Metro Tahun 2024 merangkum capaian indikator kinerja utama berikut.")
    para(d, "Tabel 1.1 Capaian Indikator Kinerja Utama", bold=True)
    _table(d, SUMMARY)
    page_break(d)
    para(d, "BAB III AKUNTABILITAS KINERJA", bold=True)
    para(d, "Tabel 3.1 Pengukuran Kinerja Tahun 2024", bold=True)
    _table(d, MAIN)
    pdf = build_pdfs({"twice": d}, tmp_path_factory.mktemp("disagrees"))["twice"]
    return read_report(pdf)


@needs_soffice
def test_both_tables_are_read(report):
    assert [(i.goal_no, i.target.raw, i.realization.raw) for i in report.indicators] == [
        (f"{g}", t, r) for g, _, _, t, r, _ in MAIN]
    assert len(report.details) == 3  # the summary's rows, compared with the main table's


@needs_soffice
def test_only_a_different_printed_value_disagrees(report):
    messages = [w.message for w in report.warnings if w.code == "detail_disagrees"]
    assert messages == ["goal 3 target: main table (p. 2) prints '90%', per-goal table (p. 1) prints '85%'",
                        "goal 3 achievement: main table (p. 2) prints '90,00%', per-goal table (p. 1) prints '95,29%'"]
