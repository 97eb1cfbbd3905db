"""A table ruled with thin filled rectangles, as pasted metafiles and PDF printers draw it (issue 14).

First-sight batch E (``tests/labels/firstsight/FIRST_SIGHT_E.md``, item 8): UPBU Tardamu 2024
pasted its measurement table from a spreadsheet; Word kept it as a metafile, a form XObject
placed with a skew of float noise, whose borders are black rectangles 1.9-2.2 pt thick,
filled and never stroked. Their corners missed by a millionth of a point, so they were read
as curves, no rule was found and the table went to the borderless reader (10 of 128 fields).

The documents are Word-style tables (LibreOffice), with a shaded header (and a column-number
row under it in one) and goals merged over their indicators; their stroked rules are then redrawn as thin
filled rectangles under such a skew (``corpus.samples.pdfutil.rules_as_fills``), at the
thicknesses seen: under a point (Word's own fills) and 2.2 pt (the metafile), each as ``re`` and
as an unclosed four-point path that the fill closes (``m l l l f``, Pemprov Sumut 2020 p39). The table must be
read as a ruled grid, cell for cell, and the shading must not split or add cells.
"""
from __future__ import annotations

import random

import pytest

from lkj.corpus.samples.pdfutil import rules_as_fills
from tests.classdocs import (
    HCell,
    TableStyle,
    TRow,
    add_table,
    build_pdfs,
    needs_soffice,
    new_document,
    para,
    read_report,
)

SEED = 14_8
#: Goals short enough for one line of their cell (a goal wrapped in a merged cell is another class).
GOALS = ("Layanan meningkat", "Keuangan tertib", "Partisipasi meningkat")
TOPICS = ("dokumen perencanaan", "laporan keuangan", "arsip digital", "rapat pleno", "layanan informasi", "data pemilih")
#: Thickness (points) of the filled rules: Word's own fills, and a pasted metafile's (Tardamu p27).
THICKNESSES = (0.9, 2.2)


def document(rng: random.Random, year: int, numbered: bool):
    """An LKj page with its measurement table; returns the document and the rows it prints."""
    rows = []
    topics = iter(rng.sample(TOPICS, 6))
    for g, goal in enumerate(GOALS, 1):
        for _ in range(2):
            target = rng.choice([80, 90, 100])
            rows.append((g, goal, f"Persentase {next(topics)} yang diselesaikan", target, target - rng.randint(0, 10)))
    d = new_document(rng.choice(["Liberation Sans", "Liberation Serif"]), 11)
    para(d, f"LAPORAN KINERJA KOMISI PEMILIHAN UMUM KOTA METRO TAHUN {year}", bold=True)
    para(d, "BAB III AKUNTABILITAS KINERJA", bold=True)
    para(d, f"Tabel 3.1 Pengukuran Kinerja Tahun {year}", bold=True)
    heads = ["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
    body, merges = [], []
    for k, (g, goal, indicator, target, realization) in enumerate(rows):
        first = k == 0 or rows[k - 1][0] != g
        if first:
            start = len(body)
        body.append(TRow([f"{g}." if first else None, goal if first else None, indicator, f"{target}%",
                          f"{realization}%", f"{realization / target * 100:.2f}%".replace(".", ",")]))
        if k + 1 == len(rows) or rows[k + 1][0] != g:
            merges += [(0, start, len(body) - 1), (1, start, len(body) - 1)]
    add_table(d, [[HCell(h) for h in heads]], body, [1, 4, 6, 1.8, 1.8, 1.8], TableStyle(size=9, numbered_header=numbered), vmerges=merges)
    para(d, "Seluruh sasaran strategis tercapai.")
    return d, rows


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    rng = random.Random(SEED)
    documents, expected = {}, {}
    for n, numbered in enumerate((False, True)):
        d, rows = document(rng, rng.randint(2016, 2024), numbered)
        documents[f"filled-{n}"], expected[f"filled-{n}"] = d, rows
    folder = tmp_path_factory.mktemp("class-filled-rules")
    out = {}
    for name, pdf in build_pdfs(documents, folder).items():
        stroked = read_report(pdf)
        for thickness in THICKNESSES:
            for unclosed in (False, True):
                filled = folder / f"{name}-{thickness}-{'path' if unclosed else 're'}.pdf"
                assert rules_as_fills(pdf, filled, thickness, unclosed) > 10, "the generator drew no stroked rules"
                out[filled.stem] = (read_report(filled), stroked, expected[name])
    return out


def _fields(report) -> list[tuple]:
    return [(i.goal_no, i.goal, i.indicator_no, i.indicator, i.target.raw, i.realization.raw, i.achievement.raw)
            for i in report.indicators]


@needs_soffice
def test_filled_rules_make_a_ruled_table(reports):
    for name, (report, _, rows) in reports.items():
        main = [t for t in report.tables if t.main]
        assert len(main) == 1 and main[0].flavors == ["pdfplumber-lines"], (name, [(t.pages, t.flavors) for t in report.tables])
        got = [(i.goal_no, i.goal, i.indicator, i.target.raw, i.realization.raw) for i in report.indicators]
        assert got == [(str(r[0]), r[1], r[2], f"{r[3]}%", f"{r[4]}%") for r in rows], name


@needs_soffice
def test_filled_rules_read_as_the_stroked_ones(reports):
    """Every field, goal texts included, and every table comes out as from the stroked original."""
    for name, (report, stroked, _) in reports.items():
        assert _fields(report) == _fields(stroked), name
        assert [(t.pages, t.kind, t.flavors) for t in report.tables] == [(t.pages, t.kind, t.flavors) for t in stroked.tables], name
