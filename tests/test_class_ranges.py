"""Failure class 5 (issue 14): a range printed as a target is not one number.

Variants drawn with a fixed seed: measurement tables (ruled or with horizontal rules only,
with or without a Satuan column, column orders varied) whose target cells print ranges the
ways reports do (``75,70 – 76,20``, ``80 - 85 %``, ``2 s/d 3``, ``70 sampai dengan 75``) among
plain targets. The rule (``extract/numbers.py``, rule 13): the target stays NULL, never one
end picked silently; both ends are kept typed beside the indicator (``target (batas bawah)``,
``target (batas atas)``) with a ``range_value`` warning; plain targets are untouched.
"""
from __future__ import annotations

import random

import pytest

from lkj.extract.numbers import parse_value
from lkj.extract.vocabulary import RANGE_END_LABELS
from tests.classdocs import HCell, TableStyle, TRow, add_table, build_pdfs, needs_soffice, new_document, para, read_report

SEED = 14_5
TOPICS = ["Indeks kepuasan layanan informasi", "Persentase partisipasi pemilih", "Nilai evaluasi akuntabilitas kinerja",
          "Persentase laporan keuangan tepat waktu", "Jumlah dokumen perencanaan yang disusun", "Indeks kualitas data pemilih",
          "Persentase pengaduan yang ditindaklanjuti", "Jumlah sosialisasi pendidikan pemilih"]
JOINERS = (" – ", " - ", "-", " s/d ", " sampai dengan ")


def _number(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def _row(rng: random.Random, topic: str, ranged: bool) -> dict:
    decimals = rng.choice([0, 2])
    low = rng.choice([70, 75, 80]) + (rng.randint(0, 99) / 100 if decimals else 0)
    high = low + rng.choice([0.5, 1, 5] if decimals else [1, 5])
    percent = rng.random() < 0.5
    suffix = " %" if percent else ""
    realization = _number(low + 0.3, decimals) + suffix
    achievement = _number((low + 0.3) / low * 100, 2)
    if ranged:
        target = _number(low, decimals) + rng.choice(JOINERS) + _number(high, decimals) + suffix
    else:
        target = _number(low, decimals) + suffix
    return {"indicator": topic, "target": target, "realization": realization, "achievement": achievement, "ranged": ranged,
            "low": round(low, decimals), "high": round(high, decimals), "unit": "%" if percent else None}


def document(rng: random.Random, year: int):
    rows = [_row(rng, topic, ranged=(k % 2 == 0)) for k, topic in enumerate(rng.sample(TOPICS, 6))]
    d = new_document(rng.choice(["Liberation Sans", "Liberation Serif"]), 11)
    para(d, f"LAPORAN KINERJA KOMISI PEMILIHAN UMUM KOTA BANDAR LAMPUNG TAHUN {year}", bold=True)
    para(d, f"Laporan Kinerja KPU Kota Bandar Lampung Tahun {year} menyajikan pengukuran kinerja tahun {year}.")
    para(d, f"Tabel 3.1 Pengukuran Kinerja Tahun {year}", bold=True)
    value_first = rng.random() < 0.5
    heads = ["No", "Indikator Kinerja"] + (["Realisasi", "Target"] if value_first else ["Target", "Realisasi"]) + ["Capaian"]
    body = [TRow([f"{i}.", r["indicator"]] + ([r["realization"], r["target"]] if value_first else [r["target"], r["realization"]])
                 + [r["achievement"]]) for i, r in enumerate(rows, 1)]
    style = TableStyle(size=10, borders=rng.choice(["grid", "outer_h"]))
    add_table(d, [[HCell(h) for h in heads]], body, [1, 7, 3, 3, 2], style)
    para(d, "Sebagian target ditetapkan dalam rentang nilai.")
    return d, rows


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    rng = random.Random(SEED)
    documents, expected = {}, {}
    for n in range(4):
        year = rng.randint(2016, 2024)
        documents[f"range-{n}"], expected[f"range-{n}"] = document(rng, year)
    pdfs = build_pdfs(documents, tmp_path_factory.mktemp("class-ranges"))
    return {name: (read_report(pdf), expected[name]) for name, pdf in pdfs.items()}


@needs_soffice
def test_a_range_keeps_both_ends_and_no_target(reports):
    low, high = (f"target ({label})" for label in RANGE_END_LABELS)
    for name, (report, rows) in reports.items():
        assert [i.indicator for i in report.indicators] == [r["indicator"] for r in rows], name
        for indicator, row in zip(report.indicators, rows):
            if row["ranged"]:
                assert indicator.target.value is None and indicator.target.kind == "range", (name, indicator.target)
                assert (indicator.extra[low].value, indicator.extra[high].value) == (row["low"], row["high"]), name
                assert indicator.extra[low].unit == row["unit"], (name, indicator.extra[low])
            else:
                assert indicator.target.value == row["low"] and low not in indicator.extra, (name, indicator.target)
        ranged = sum(r["ranged"] for r in rows)
        assert sum(w.code == "range_value" for w in report.warnings) >= ranged, name


def test_what_is_no_range():
    assert parse_value("01-01-2020").kind != "range"  # a date
    assert parse_value("-5").value == -5  # a minus
    assert parse_value("1.234,-").value == 1234  # whole rupiah
    assert parse_value("2 Lap - 5 %").kind != "range"  # two different things
