"""Failure class 4 (issue 14): a goal's number in the title of its per-goal table.

Variants drawn with a fixed seed: one table per goal, titled ``Tabel 3.N Pengukuran Kinerja
Sasaran Strategis IV``, ``Pengukuran Kinerja Sasaran Strategis 2`` or ``Sasaran Strategis III :
Meningkatnya ...``, numbered in Roman or Arabic, with or without a goal column whose ``No``
restarts at 1 in every table. Every indicator carries its table's goal number (Roman numbers
stored in Arabic, so ``IV`` and ``4`` are one goal).
"""
from __future__ import annotations

import random

import pytest

from lkj.extract.measurement import roman_to_arabic
from tests.classdocs import HCell, TableStyle, TRow, add_table, build_pdfs, needs_soffice, new_document, para, read_report

SEED = 14_4
ROMAN = ("I", "II", "III", "IV", "V", "VI")
GOALS = ("Meningkatnya kualitas layanan kesekretariatan", "Terwujudnya tata kelola keuangan yang tertib",
         "Meningkatnya partisipasi masyarakat dalam pemilu", "Meningkatnya kualitas data pemilih",
         "Terwujudnya akuntabilitas kinerja", "Meningkatnya kapasitas sumber daya manusia")
TOPICS = ("dokumen", "laporan", "kegiatan", "arsip", "layanan", "rapat")


def document(rng: random.Random, year: int, roman: bool, caption: int, goal_column: bool, n_goals: int):
    d = new_document(rng.choice(["Liberation Sans", "Liberation Serif"]), 11)
    para(d, f"LAPORAN KINERJA KOMISI PEMILIHAN UMUM KOTA METRO TAHUN {year}", bold=True)
    para(d, f"Laporan Kinerja KPU Kota Metro Tahun {year} menguraikan capaian setiap sasaran strategis.")
    expected = []
    for g in range(1, n_goals + 1):
        no = ROMAN[g - 1] if roman else str(g)
        goal = GOALS[g - 1]
        title = (f"Tabel 3.{g} Pengukuran Kinerja Sasaran Strategis {no}", f"Pengukuran Kinerja Sasaran Strategis {no}",
                 f"Sasaran Strategis {no} : {goal}")[caption]
        para(d, f"Capaian sasaran strategis ke-{g} diuraikan pada tabel berikut.")
        para(d, title, bold=True)
        rows = []
        for i in range(1, rng.randint(2, 3) + 1):
            realization = rng.randint(80, 100)
            rows.append((f"Persentase {rng.choice(TOPICS)} sasaran {g} nomor {i} yang selesai", "100%", f"{realization}%"))
            expected.append((str(g), rows[-1][0], rows[-1][2]))
        if goal_column:
            heads = ["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
            body = [TRow(["1." if k == 0 else None, goal if k == 0 else None, ind, t, r, r]) for k, (ind, t, r) in enumerate(rows)]
            add_table(d, [[HCell(h) for h in heads]], body, [1, 4, 6, 1.8, 1.8, 1.8], TableStyle(size=10),
                      vmerges=[(0, 0, len(rows) - 1), (1, 0, len(rows) - 1)])
        else:
            heads = ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
            body = [TRow([f"{k}.", ind, t, r, r]) for k, (ind, t, r) in enumerate(rows, 1)]
            add_table(d, [[HCell(h) for h in heads]], body, [1, 8.5, 2, 2, 2], TableStyle(size=10))
        para(d, "Seluruh indikator sasaran ini tercapai.")
    return d, expected


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    rng = random.Random(SEED)
    documents, expected = {}, {}
    for k, (roman, caption, goal_column) in enumerate([(True, 0, False), (True, 1, True), (True, 2, False),
                                                        (False, 1, True), (rng.random() < 0.5, 0, True)]):
        documents[f"goals-{k}"], expected[f"goals-{k}"] = document(rng, rng.randint(2016, 2024), roman, caption, goal_column,
                                                                   rng.randint(3, 5))
    pdfs = build_pdfs(documents, tmp_path_factory.mktemp("class-goals"))
    return {name: (read_report(pdf), expected[name]) for name, pdf in pdfs.items()}


@needs_soffice
def test_every_indicator_carries_its_tables_goal_number(reports):
    for name, (report, expected) in reports.items():
        rows = report.indicators + report.details
        got = sorted((i.goal_no, i.indicator, i.realization.raw) for i in rows)
        assert got == sorted(expected), name


def test_roman_numbers():
    assert [roman_to_arabic(x) for x in ("I", "IV", "IX", "XII")] == ["1", "4", "9", "12"]
    assert roman_to_arabic("IIII") is None and roman_to_arabic("Indeks") is None
