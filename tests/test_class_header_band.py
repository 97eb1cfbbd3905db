"""Failure classes 2 and 3 (issue 14): a level heading inside the header, and Capaian paired with Target.

Some IKU tables print a ``TAHUN`` label spanning ``Kondisi <year-1> | Target <year> | Capaian <year>``
and, on the header's second line over the text columns, the mission the goals serve (``Misi 2:
Meningkatkan ...``). The mission is a heading over the goals, not a word of the column labels
below it, and ``Capaian <year>`` paired with ``Target <year>`` under one year, with no
``Realisasi`` column, is the realised value (rule 4 of tests/labels/real/NOTES.md). Variants
drawn from several seeds, each a Word document converted by LibreOffice: with or without the
mission line, with or without a ``Keterangan`` column, one or two goals, the goal's first word
broken without a hyphen before its last letter or its ending (``Meningkatnya`` / ``Meningkat`` +
``nya``), as narrow cells break them.
"""
from __future__ import annotations

import random

import pytest

from tests.classdocs import HCell, TableStyle, TRow, add_table, build_pdfs, needs_soffice, new_document, para, read_report

SEEDS = (14_31, 14_32, 14_33, 14_34)
GOALS = ("Meningkatnya kualitas layanan informasi publik", "Meningkatnya kualitas sistem penopang layanan")
INDICATORS = ("Persentase perangkat daerah yang memutakhirkan informasi", "Nilai Keterbukaan Informasi Publik",
              "Indeks SPBE", "Indeks Kepuasan Masyarakat", "Persentase aplikasi yang terintegrasi")


def _decimal(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def document(rng: random.Random, year: int):
    misi, keterangan = rng.random() < 0.7, rng.random() < 0.5
    d = new_document(rng.choice(["Liberation Sans", "Liberation Serif"]), 11)
    para(d, f"LAPORAN KINERJA INSTANSI PEMERINTAH DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN WONOSOBO TAHUN {year}", bold=True)
    para(d, f"Capaian indikator kinerja utama Tahun {year} disajikan pada tabel berikut.")
    para(d, "TARGET DAN CAPAIAN IKU", bold=True, align="center", keep_next=True)
    para(d, "DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN WONOSOBO", bold=True, align="center", keep_next=True)
    values = [HCell(f"Kondisi Tahun {year - 1}"), HCell(f"Target Tahun {year}"), HCell(f"Capaian Tahun {year}")]
    top = [HCell("Sasaran", rowspan=2), HCell("Indikator Kinerja", rowspan=2), HCell("Tahun", colspan=3)]
    if misi:
        top = [HCell("Sasaran"), HCell("Indikator Kinerja"), HCell("Tahun", colspan=3)]
    if keterangan:
        top.append(HCell("Keterangan", rowspan=2))
    second = ([HCell("Misi 2: Meningkatkan kinerja penyelenggaraan pemerintahan daerah", colspan=2)] if misi else []) + values
    expected, body, vmerges = [], [], []
    for goal in GOALS[:rng.randint(1, 2)]:
        first = len(body)
        word = goal.split()[0]  # broken before its last letter or its ending, as narrow cells break them
        cut = len(word) - rng.choice([1] + [len(end) for end in ("nya", "kan", "an") if word.endswith(end)])
        printed_goal = [goal[:cut], goal[cut:]]
        for k, indicator in enumerate(rng.sample(INDICATORS, rng.randint(2, 3))):
            before, target = round(rng.uniform(50, 80), 2), rng.randint(60, 90)
            realization = round(rng.uniform(55, 99), 2)
            cells = [printed_goal if k == 0 else None, indicator, _decimal(before), str(target), _decimal(realization)]
            body.append(TRow(cells + (["Survei mandiri"] if keterangan else [])))
            expected.append((goal, indicator, str(target), _decimal(realization), ""))
        vmerges.append((0, first, len(body) - 1))
    widths = [3, 6, 2, 2, 2] + ([2.5] if keterangan else [])
    add_table(d, [top, second], body, widths, TableStyle(size=10), vmerges=vmerges)
    para(d, "Seluruh indikator kinerja utama tercapai.")
    return d, expected


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    documents, expected = {}, {}
    for seed in SEEDS:
        rng = random.Random(seed)
        documents[f"header-band-{seed}"], expected[f"header-band-{seed}"] = document(rng, rng.randint(2017, 2024))
    pdfs = build_pdfs(documents, tmp_path_factory.mktemp("class-header-band"))
    return {name: (read_report(pdf), expected[name]) for name, pdf in pdfs.items()}


@needs_soffice
def test_mission_line_and_paired_capaian(reports):
    for name, (report, expected) in reports.items():
        got = [(i.goal, i.indicator, i.target.raw, i.realization.raw, i.achievement.raw) for i in report.indicators]
        assert got == expected, name
