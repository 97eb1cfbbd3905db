"""Failure class 6 (issue 14): sub-rows, compound values, units in the indicator's text, central units.

Variants drawn with a fixed seed, each a Word document converted by LibreOffice:
- bulleted sub-items (``- Daging``, ``• Telur``) under an indicator that names a quantity and
  prints no value of its own (numbered or not) are indicators named after it (``Jumlah
  produksi ... - Daging``), with their values; the valueless heading is no indicator;
- a level or grade with its score in brackets (``Level 3 (3,35)``, ``Nilai A (83)``) is the score;
- a unit printed only as ``(%)`` / ``(dokumen)`` at the end of the indicator's text is the unit;
- a body of the central government (``BADAN ...`` on the cover, no region) is the unit.
"""
from __future__ import annotations

import random

import pytest

from tests.classdocs import HCell, TableStyle, TRow, add_table, build_pdfs, needs_soffice, new_document, para, read_report

SEED = 14_6
PARENTS = (("Jumlah produksi komoditas peternakan (ton)", ("Daging", "Telur", "Susu")),
           ("Jumlah dokumen perencanaan yang disusun", ("Renstra", "Renja", "Perjanjian Kinerja")),
           ("Persentase layanan yang terselesaikan", ("Layanan informasi", "Layanan pengaduan")))
CENTRAL = ("Badan Riset Pemilu Nasional", "Kementerian Tata Kelola Pemilu", "Lembaga Arsip Pemilu Nasional")
BULLETS = ("-", "•", "–")


def document(rng: random.Random, year: int, central: str | None, unit: str):
    d = new_document(rng.choice(["Liberation Sans", "Liberation Serif"]), 11)
    if central:
        para(d, "LAPORAN KINERJA", bold=True, align="center", size=18)
        para(d, central.upper(), bold=True, align="center", size=14)
        para(d, f"TAHUN {year}", bold=True, align="center", size=14)
        para(d, f"Laporan Kinerja {central} Tahun {year} disusun sebagai pertanggungjawaban kinerja.")
    else:
        para(d, f"LAPORAN KINERJA KOMISI PEMILIHAN UMUM KABUPATEN LAMPUNG UTARA TAHUN {year}", bold=True)
        para(d, f"Laporan Kinerja KPU Kabupaten Lampung Utara Tahun {year} disusun sebagai pertanggungjawaban.")
    para(d, f"Tabel 3.1 Pengukuran Kinerja Tahun {year}", bold=True)
    expected, body, n = [], [], 0
    parent, items = rng.choice(PARENTS)
    numbered_parent = rng.random() < 0.5
    bullet = rng.choice(BULLETS)
    n += 1
    body.append(TRow([f"{n}." if numbered_parent else "", parent, "", "", ""]))
    for item in items[:rng.randint(2, len(items))]:
        t, r = rng.randint(50, 90), rng.randint(40, 95)
        body.append(TRow(["", f"{bullet} {item}", str(t), str(r), f"{r / t * 100:.2f}".replace(".", ",")]))
        expected.append({"indicator": f"{parent} - {item}", "target": t, "realization": r, "unit": None})
    n += 1
    level = rng.randint(2, 4)
    t_score, r_score = level + rng.randint(0, 50) / 100, level + rng.randint(51, 99) / 100
    body.append(TRow([f"{n}.", "Tingkat maturitas SPIP", f"Level {level} ({t_score:.2f})".replace(".", ","),
                      f"Level {level} ({r_score:.2f})".replace(".", ","), "100"]))
    expected.append({"indicator": "Tingkat maturitas SPIP", "target": round(t_score, 2), "realization": round(r_score, 2), "unit": None})
    n += 1
    grade_t, grade_r = rng.randint(70, 80), rng.randint(80, 90)
    body.append(TRow([f"{n}.", "Nilai evaluasi SAKIP", f"Nilai B ({grade_t})", f"Nilai A ({grade_r})", "100"]))
    expected.append({"indicator": "Nilai evaluasi SAKIP", "target": grade_t, "realization": grade_r, "unit": None})
    n += 1
    t, r = rng.randint(80, 100), rng.randint(70, 100)
    name = f"Persentase arsip yang dikelola ({unit})" if unit == "%" else f"Jumlah laporan yang disusun ({unit})"
    body.append(TRow([f"{n}.", name, str(t), str(r), f"{r / t * 100:.2f}".replace(".", ",")]))
    expected.append({"indicator": name, "target": t, "realization": r, "unit": "%" if unit == "%" else "dokumen"})
    heads = ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"]
    add_table(d, [[HCell(h) for h in heads]], body, [1, 7.5, 2.5, 2.5, 2.2], TableStyle(size=10, header_upper=rng.random() < 0.5))
    para(d, "Seluruh indikator kinerja telah diukur.")
    return d, expected


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    rng = random.Random(SEED)
    documents, expected = {}, {}
    for k in range(4):
        year = rng.randint(2016, 2024)
        central = CENTRAL[k // 2] if k in (1, 2) else None
        d, rows = document(rng, year, central, unit=("%", "dokumen")[k % 2])
        documents[f"rows-{k}"] = d
        expected[f"rows-{k}"] = (rows, central)
    pdfs = build_pdfs(documents, tmp_path_factory.mktemp("class-rows"))
    return {name: (read_report(pdf), expected[name]) for name, pdf in pdfs.items()}


@needs_soffice
def test_sub_items_compound_values_and_units_in_text(reports):
    for name, (report, (rows, _)) in reports.items():
        got = [(i.indicator, i.target.value, i.realization.value) for i in report.indicators]
        assert got == [(r["indicator"], r["target"], r["realization"]) for r in rows], name
        for indicator, row in zip(report.indicators, rows):
            if row["unit"]:
                assert indicator.target.unit == row["unit"], (name, indicator.indicator, indicator.target)


@needs_soffice
def test_a_central_government_body_is_the_unit(reports):
    for name, (report, (_, central)) in reports.items():
        if central:
            assert (report.unit.name, report.unit.kind) == (central, "pusat"), name
        else:
            assert report.unit.name == "KPU Kabupaten Lampung Utara", name
