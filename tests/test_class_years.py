"""Failure class 3 (issue 14): columns and tables about other years.

Variants drawn with a fixed seed: the main table carries a column of another year's target
(``Target 2018``, ``Target Akhir Renstra 2018``, ``Target Renstra (2018)``) before or after the
year's, and a second table compares the year's realisation with that target (with or
without a caption, starting at the top of the page after a main table that runs to the page
foot, its header worded like the main table's). Only the reporting year's target is the
``target``; the other year's values are kept beside each indicator under their header; the
comparison table is no second measurement (every indicator once). A report whose only table
prints the year's realisation against another year's target has no target.
"""
from __future__ import annotations

import random

import pytest

from lkj.extract.vocabulary import COMPARISON_TABLE
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

SEED = 14_3
TOPICS = ["sosialisasi pemilih", "rapat pleno", "arsip digital", "laporan keuangan", "pengaduan masyarakat", "data pemilih",
          "produk hukum", "layanan informasi", "dokumen kepegawaian", "pengadaan barang", "perjalanan dinas", "surat masuk",
          "kegiatan bimbingan teknis", "pemutakhiran data", "penyusunan anggaran", "pelaporan kinerja", "pengelolaan aset",
          "rapat koordinasi", "pendidikan pemilih", "evaluasi program"]


def _rows(rng: random.Random, n: int) -> list[dict]:
    rows = []
    for topic in rng.sample(TOPICS, n):
        target = rng.choice([75, 80, 85, 90, 95, 100])
        realization = target - rng.randint(0, 12)
        rows.append({"indicator": f"Persentase {topic} yang diselesaikan tepat waktu", "target": f"{target}%",
                     "realization": f"{realization}%", "achievement": f"{realization / target * 100:.2f}".replace(".", ","),
                     "end_target": f"{target + rng.choice([5, 10])}%"})
    return rows


def _intro(d, year: int) -> None:
    para(d, f"LAPORAN KINERJA KOMISI PEMILIHAN UMUM KABUPATEN LAMPUNG UTARA TAHUN {year}", bold=True)
    para(d, f"Laporan Kinerja KPU Kabupaten Lampung Utara Tahun {year} disusun sebagai pertanggungjawaban "
            f"atas pelaksanaan tugas dan fungsi selama tahun {year}.")


def with_comparison(rng: random.Random, year: int, end: int, rows: list[dict]):
    d = new_document(rng.choice(["Liberation Sans", "Liberation Serif"]), 11)
    _intro(d, year)
    para(d, f"Tabel 3.1 Pengukuran Kinerja Tahun {year}", bold=True)
    other = rng.choice([f"Target {end}", f"Target Akhir Renstra {end}", f"Target Renstra ({end})"])
    own = rng.choice([f"Target {year}", "Target"])
    other_first = rng.random() < 0.5
    heads = ["No", "Indikator Kinerja"] + ([other, own] if other_first else [own, other]) + [f"Realisasi {year}", "Capaian (%)"]
    body = [TRow([f"{i}.", r["indicator"]] + ([r["end_target"], r["target"]] if other_first else [r["target"], r["end_target"]])
                 + [r["realization"], r["achievement"]]) for i, r in enumerate(rows, 1)]
    add_table(d, [[HCell(h) for h in heads]], body, [1, 6.5, 2.2, 2.2, 2.2, 2], TableStyle(size=10))
    page_break(d)
    if rng.random() < 0.5:
        para(d, f"Tabel 3.2 Realisasi Kinerja Tahun {year} dibandingkan dengan Target Tahun {end}", bold=True)
    heads2 = ["No", "Indikator Kinerja", f"Realisasi {year}", f"Target {end}", "Capaian (%)"]
    body2 = [TRow([f"{i}.", r["indicator"], r["realization"], r["end_target"],
                   f"{float(r['realization'][:-1]) / float(r['end_target'][:-1]) * 100:.2f}".replace(".", ",")])
             for i, r in enumerate(rows, 1)]
    add_table(d, [[HCell(h) for h in heads2]], body2, [1, 7, 2.5, 2.5, 2.5], TableStyle(size=10))
    para(d, "Capaian dibandingkan dengan target akhir periode Renstra.")
    return d


def comparison_only(rng: random.Random, year: int, end: int, rows: list[dict]):
    d = new_document("Liberation Sans", 11)
    _intro(d, year)
    para(d, f"Tabel 3.1 Capaian Kinerja Tahun {year}", bold=True)
    heads = ["No", "Indikator Kinerja", f"Realisasi {year}", f"Target {end}", "Capaian (%)"]
    body = [TRow([f"{i}.", r["indicator"], r["realization"], r["end_target"], "-"]) for i, r in enumerate(rows, 1)]
    add_table(d, [[HCell(h) for h in heads]], body, [1, 7, 2.5, 2.5, 2.5], TableStyle(size=10))
    return d


def _draws():
    rng = random.Random(SEED)
    documents, expected = {}, {}
    for n in range(4):
        year = rng.randint(2015, 2023)
        end = year + rng.randint(1, 4)
        rows = _rows(rng, rng.choice([5, 8, 18]))  # 18 rows run the main table to the page foot
        documents[f"cmp-{n}"] = with_comparison(rng, year, end, rows)
        expected[f"cmp-{n}"] = (year, end, rows, True)
    year = rng.randint(2015, 2023)
    end = year + 2
    rows = _rows(rng, 4)
    documents["only"] = comparison_only(rng, year, end, rows)
    expected["only"] = (year, end, rows, False)
    return documents, expected


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    documents, expected = _draws()
    pdfs = build_pdfs(documents, tmp_path_factory.mktemp("class-years"))
    return {name: (read_report(pdf), expected[name]) for name, pdf in pdfs.items()}


@needs_soffice
def test_only_the_reporting_years_target_is_the_target(reports):
    for name, (report, (year, _end, rows, has_own_target)) in reports.items():
        assert report.year == year, name
        got = [(i.indicator, i.target.raw, i.realization.raw) for i in report.indicators]
        want = [(r["indicator"], r["target"] if has_own_target else "", r["realization"]) for r in rows]
        assert got == want, name  # every indicator once, with the year's target or none


@needs_soffice
def test_other_years_values_are_kept_under_their_header(reports):
    for name, (report, (_year, end, rows, _)) in reports.items():
        for indicator, row in zip(report.indicators, rows):
            others = {header: value.raw for header, value in indicator.extra.items() if str(end) in header}
            assert others and set(others.values()) == {row["end_target"]}, (name, indicator.extra)


@needs_soffice
def test_a_comparison_table_is_no_second_measurement(reports):
    for name, (report, (_, _, _rows, has_own_target)) in reports.items():
        if not has_own_target:
            continue
        kinds = [t.kind for t in report.tables]
        assert kinds.count("comparison") == 1 and not report.details, (name, kinds)
        assert all(f"Capaian (%) ({COMPARISON_TABLE})" in i.extra for i in report.indicators), name
