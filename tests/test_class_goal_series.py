"""Failure classes 4, 6 and 7 (issue 14): measurement printed as a series of per-goal tables.

Reports with no consolidated measurement table measure each goal in a table of its own, all
with one caption wording (``Tabel 3.1 Pencapaian Kinerja`` ... ``Tabel 3.14 Pencapaian
Kinerja``), the goal's number only in the headings above the table (``Tujuan II :`` /
``Sasaran II :``, Roman or Arabic), often with an unnumbered summary of every indicator near
the end (BAB IV) that does not agree with them everywhere. Variants drawn from several seeds,
each a Word document converted by LibreOffice:

- the number in the heading, Roman or Arabic, with or without a ``Tujuan`` line above it;
- captions worded ``Pencapaian Kinerja``, ``Capaian Kinerja``, ``Pengukuran Kinerja``;
- a ``No`` column, or the indicator's number printed bare in the indicator cell before its
  text (``1 Indeks Kepuasan ...``: a hanging indent, no ``.`` after the number);
- a merged goal column or none; the goal's first word broken without a hyphen by the narrow
  cell (``Meningkatka`` / ``n kualitas ...``);
- an unnumbered summary table at the end that prints another realisation for one indicator.

Headings and captions are kept with their table (Word's "keep with next"); a caption that a
page break leaves at the foot of the page above its table is another class (not read yet).

Every table of the series is the measurement (``indicators``), every row carries its table's
goal number, the text holds neither the number nor the broken word, and the summary's
disagreement is a ``detail_disagrees`` warning, not a second set of indicators.
"""
from __future__ import annotations

import random

import pytest

from tests.classdocs import HCell, TableStyle, TRow, add_table, build_pdfs, needs_soffice, new_document, para, read_report

SEEDS = (14_41, 14_42, 14_43, 14_44, 14_45, 14_46)
ROMAN = ("I", "II", "III", "IV", "V")
GOALS = ("Meningkatkan kualitas pelayanan publik", "Meningkatkan tata kelola keuangan daerah",
         "Meningkatkan ketersediaan sarana prasarana", "Meningkatkan partisipasi masyarakat",
         "Meningkatkan akuntabilitas kinerja aparatur")
MEASURES = ("Persentase", "Jumlah", "Indeks", "Nilai")
TOPICS = ("layanan perizinan yang diselesaikan tepat waktu", "dokumen perencanaan yang disahkan",
          "kepuasan masyarakat terhadap pelayanan", "aduan masyarakat yang ditindaklanjuti",
          "aset yang tercatat dalam sistem informasi", "kegiatan yang dilaksanakan sesuai jadwal")
CAPTIONS = ("Pencapaian Kinerja", "Capaian Kinerja", "Pengukuran Kinerja")


def document(rng: random.Random, year: int):
    roman, tujuan, bare, goal_column, summary = (rng.random() < 0.5 for _ in range(5))
    broken = goal_column and rng.random() < 0.6
    words = rng.choice(CAPTIONS)
    d = new_document(rng.choice(["Liberation Sans", "Liberation Serif"]), 11)
    para(d, f"LAPORAN KINERJA INSTANSI PEMERINTAH DINAS PERHUBUNGAN KABUPATEN SLEMAN TAHUN {year}", bold=True)
    para(d, f"Laporan Kinerja Dinas Perhubungan Kabupaten Sleman Tahun {year} menguraikan capaian setiap sasaran.")
    expected, table_no, printed = [], 0, []
    for g in range(1, rng.randint(2, 4) + 1):
        no = ROMAN[g - 1] if roman else str(g)
        goal = GOALS[g - 1]
        table_no += rng.randint(1, 4)  # analysis tables in between take numbers too
        para(d, f"3.{g}. CAPAIAN KINERJA SASARAN {no}", bold=True, keep_next=True)
        if tujuan:
            para(d, f"Tujuan {no} : Mewujudkan pelayanan yang prima bidang {g}", keep_next=True)
        para(d, f"Sasaran {no} : {goal}", keep_next=True)
        para(d, f"Tabel 3.{table_no}", bold=True, align="center", keep_next=True)
        para(d, words, bold=True, align="center", keep_next=True)
        rows = []
        for i in range(1, rng.randint(2, 4) + 1):
            indicator = f"{rng.choice(MEASURES)} {rng.choice(TOPICS)} bidang {g}.{i}"
            target, realization = rng.randint(60, 90), rng.randint(55, 99)
            rows.append((i, indicator, f"{target} %", f"{realization} %", f"{realization / target * 100:.2f}".replace(".", ",")))
            expected.append((str(g), indicator, f"{realization} %"))
            printed.append((indicator, target, realization))
        heads = (["Sasaran Strategis"] if goal_column else []) + ([] if bare else ["No"]) + [
            "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"]
        body = []
        for k, (i, indicator, t, r, c) in enumerate(rows):
            goal_cell = [f"{goal.split()[0][:-1]}", f"{goal.split()[0][-1]} {' '.join(goal.split()[1:])}"] if broken else goal
            cells = ([goal_cell if k == 0 else None] if goal_column else []) + ([] if bare else [f"{i}."]) + [
                f"{i} {indicator}" if bare else indicator, t, r, c]
            body.append(TRow(cells))
        widths = ([2.6] if goal_column else []) + ([] if bare else [1]) + [6.5, 2, 2, 2]
        add_table(d, [[HCell(h) for h in heads]], body, widths, TableStyle(size=10),
                  vmerges=[(0, 0, len(rows) - 1)] if goal_column else [])
        para(d, f"Capaian sasaran {no} menunjukkan hasil yang baik pada tahun {year}.")
    disagreeing = None
    if summary:
        para(d, "BAB IV PENUTUP", bold=True, keep_next=True)
        para(d, "Ringkasan capaian indikator kinerja seluruh sasaran", keep_next=True)
        disagreeing = rng.randrange(len(printed))
        body = []
        for k, (indicator, target, realization) in enumerate(printed):
            shown = realization - 3 if k == disagreeing else realization
            body.append(TRow([indicator, f"{target} %", f"{shown} %", f"{shown / target * 100:.2f}".replace(".", ",")]))
        add_table(d, [[HCell(h) for h in ("Indikator Kinerja", "Target", "Realisasi", "Capaian (%)")]], body,
                  [8, 2, 2, 2], TableStyle(size=10))
    return d, expected, disagreeing is not None


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    documents, expected = {}, {}
    for seed in SEEDS:
        rng = random.Random(seed)
        d, rows, summary = document(rng, rng.randint(2016, 2024))
        documents[f"series-{seed}"], expected[f"series-{seed}"] = d, (rows, summary)
    pdfs = build_pdfs(documents, tmp_path_factory.mktemp("class-goal-series"))
    return {name: (read_report(pdf), expected[name]) for name, pdf in pdfs.items()}


@needs_soffice
def test_every_table_of_the_series_is_the_measurement(reports):
    for name, (report, (rows, _)) in reports.items():
        got = [(i.goal_no, i.indicator, i.realization.raw) for i in report.indicators]
        assert got == rows, name


@needs_soffice
def test_the_summary_is_compared_not_loaded(reports):
    summaries = 0
    for name, (report, (_, summary)) in reports.items():
        codes = {w.code for w in report.warnings}
        assert ("detail_disagrees" in codes) == summary, name
        summaries += summary
    assert 0 < summaries < len(reports), "the seeds draw reports with and without a summary"
