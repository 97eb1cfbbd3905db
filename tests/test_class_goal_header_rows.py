"""Failure classes 2 and 3 (issue 14): the header printed again as each goal's group row.

Some SAKIP tables (Kejaksaan's, for one) have no header row of their own: every goal opens
with a row ``Sasaran Strategis N | Target | Capaian | Capaian Target`` that repeats the column
labels, the goal's text on the row below it, then ``IKS N.M | indicator | target | realisasi |
capaian`` rows. ``Capaian`` there is the realised value and ``Capaian Target`` the percentage of
the target. Variants drawn from several seeds, each a Word document converted by LibreOffice:
goal numbers in Arabic or Roman, indicator codes ``IKS`` or ``IKU``, one to three indicators
per goal, two to four goals.

Every indicator is read with its goal's number and text, its text without the code, the
``Capaian`` column as the realisation and ``Capaian Target`` as the capaian.
"""
from __future__ import annotations

import random

import pytest

from tests.classdocs import HCell, TableStyle, TRow, add_table, build_pdfs, needs_soffice, new_document, para, read_report

SEEDS = (14_21, 14_22, 14_23, 14_24, 14_25)
ROMAN = ("I", "II", "III", "IV")
GOALS = ("Meningkatnya Kualitas Pelayanan Publik dan Penyuluhan Hukum",
         "Meningkatnya Efektivitas Penegakan Hukum dan Keadilan",
         "Meningkatnya Efektivitas Penyelamatan dan Pemulihan Aset",
         "Menguatnya Tata Kelola Organisasi yang Optimal dan Akuntabel")
INDICATORS = ("Indeks Kepuasan Masyarakat terhadap layanan", "Tingkat Keberhasilan Penanganan Perkara",
              "Penanganan Perkara yang Memenuhi Prinsip Keadilan", "Nilai Evaluasi Internal SAKIP",
              "Nilai Kinerja Anggaran satuan kerja", "Tingkat Penyelesaian Pengembalian Kerugian Negara")


def _decimal(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def document(rng: random.Random, year: int):
    roman = rng.random() < 0.5
    code = rng.choice(["IKS", "IKU"])
    d = new_document(rng.choice(["Liberation Sans", "Liberation Serif"]), 11)
    para(d, f"LAPORAN KINERJA KEJAKSAAN NEGERI MAGELANG TAHUN {year}", bold=True)
    para(d, f"Laporan Kinerja Kejaksaan Negeri Magelang Tahun {year} menyajikan capaian kinerja.")
    para(d, "Capaian Kinerja", bold=True, align="center", keep_next=True)
    para(d, f"Kejaksaan Negeri Magelang Tahun {year}", bold=True, align="center", keep_next=True)
    expected, body, rects, header = [], [], [], None
    for g in range(1, rng.randint(2, 4) + 1):
        label = f"Sasaran Strategis {ROMAN[g - 1] if roman else g}"
        if header is None:
            header = [[HCell(label, colspan=2), HCell("Target"), HCell("Capaian"), HCell("Capaian Target")]]
        else:
            rects.append((len(body), 0, len(body), 1))
            body.append(TRow([label, None, "Target", "Capaian", "Capaian Target"], bold=True))
        goal = GOALS[g - 1]
        rects.append((len(body), 0, len(body), 1))
        body.append(TRow([goal, None, "", "", ""]))
        for i, indicator in enumerate(rng.sample(INDICATORS, rng.randint(1, 3)), 1):
            target = rng.randint(70, 95)
            realization = round(rng.uniform(50, 99), rng.choice([0, 1, 2]))
            t, r, c = str(target), _decimal(realization), _decimal(realization / target * 100)
            body.append(TRow([f"{code} {g}.{i}", indicator, t, r, c]))
            expected.append((str(g), goal, indicator, t, r, c))
    add_table(d, header, body, [2, 6.5, 2, 2, 2.5], TableStyle(size=10, header_fill=None), rects=rects)
    para(d, "Capaian kinerja tersebut dianalisis pada bagian berikut.")
    return d, expected


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    documents, expected = {}, {}
    for seed in SEEDS:
        rng = random.Random(seed)
        documents[f"header-rows-{seed}"], expected[f"header-rows-{seed}"] = document(rng, rng.randint(2019, 2025))
    pdfs = build_pdfs(documents, tmp_path_factory.mktemp("class-goal-header-rows"))
    return {name: (read_report(pdf), expected[name]) for name, pdf in pdfs.items()}


@needs_soffice
def test_each_goal_row_numbers_its_indicators(reports):
    for name, (report, expected) in reports.items():
        got = [(i.goal_no, i.goal, i.indicator, i.target.raw, i.realization.raw, i.achievement.raw) for i in report.indicators]
        assert got == expected, name
