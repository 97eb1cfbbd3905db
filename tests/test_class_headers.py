"""Failure class 2 (issue 14): header labels printed on two lines in borderless tables.

Variants drawn with a fixed seed: tables without ruling lines (none at all, or horizontal
rules only) whose header prints some labels on two lines, the first line alone (``%`` above
``Capaian``, ``Target`` above ``(%)``, ``Realisasi`` above ``2019``), in narrow or wide
columns, with left-aligned values under centred labels. Every column keeps its own values:
the lone line is neither the table's title nor a body row, and no two columns merge.
"""
from __future__ import annotations

import random

import pytest

from tests.classdocs import HCell, TableStyle, TRow, add_table, build_pdfs, needs_soffice, new_document, para, read_report

SEED = 14_2
TOPICS = ("dokumen perencanaan", "laporan keuangan", "arsip digital", "rapat pleno", "layanan informasi", "data pemilih",
          "pengaduan masyarakat", "produk hukum")


def document(rng: random.Random, year: int):
    d = new_document(rng.choice(["Liberation Sans", "Liberation Serif"]), 11)
    para(d, f"LAPORAN KINERJA KOMISI PEMILIHAN UMUM KABUPATEN PESAWARAN TAHUN {year}", bold=True)
    para(d, f"Laporan Kinerja KPU Kabupaten Pesawaran Tahun {year} menyajikan pengukuran kinerja.")
    para(d, f"Tabel 3.1 Pengukuran Kinerja Tahun {year}", bold=True)
    target = rng.choice(["Target", "Target\n(%)", "Target\n" + str(year)])
    realization = rng.choice(["Realisasi", "Realisasi\n(%)", "Realisasi\n" + str(year)])
    achievement = rng.choice(["%\nCapaian", "Capaian\n(%)", "% Capaian"])
    rows = []
    for topic in rng.sample(TOPICS, rng.randint(4, 6)):
        t = rng.choice([80, 90, 100])
        r = t - rng.randint(0, 15)
        rows.append((f"Persentase {topic} yang diselesaikan", f"{t}", f"{r}", f"{r / t * 100:.2f}".replace(".", ",")))
    body = [TRow([f"{i}.", *row]) for i, row in enumerate(rows, 1)]
    widths = rng.choice([[1, 8, 2, 2, 2], [1.2, 7, 2.6, 2.6, 2.6]])
    style = TableStyle(size=10, borders=rng.choice(["none", "outer_h"]), header_fill=None, align=rng.choice(
        [None, ["left", "left", "center", "center", "center"], ["left", "left", "right", "right", "right"]]))
    add_table(d, [[HCell(h) for h in ("No", "Indikator Kinerja", target, realization, achievement)]], body, widths, style)
    para(d, "Capaian seluruh indikator dijelaskan pada uraian berikut.")
    return d, rows


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    rng = random.Random(SEED)
    documents, expected = {}, {}
    for n in range(5):
        documents[f"head-{n}"], expected[f"head-{n}"] = document(rng, rng.randint(2016, 2024))
    pdfs = build_pdfs(documents, tmp_path_factory.mktemp("class-headers"))
    return {name: (read_report(pdf), expected[name]) for name, pdf in pdfs.items()}


@needs_soffice
def test_a_label_on_two_lines_keeps_its_column(reports):
    for name, (report, rows) in reports.items():
        got = [(i.indicator, i.target.raw, i.realization.raw, i.achievement.raw) for i in report.indicators]
        assert got == rows, (name, [t.columns for t in report.tables])
