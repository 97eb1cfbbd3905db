"""Fresh-draw classes (issue 14): measurement tables with horizontal rules only or with no
ruling at all, and Kategori / Keterangan columns beside the values.

Whole reports drawn by the sample-corpus generator (``corpus/samples/draw.py``) with a fixed
seed, each forced to carry its class and otherwise drawn as usual (header wordings on one to
three lines, labels broken inside narrow cells, a year spanning the value columns, goals as a
column or as full-width group rows, Satuan or units in the cells, other years' columns, both
number conventions, fonts and page sizes), built with python-docx and converted by LibreOffice
at test time; the expected values come from the generator's typed data. Image-only scans are
left out (their tables are read by OCR, another class), and so are the features lkj does not
read yet. The columns of a table without vertical rules must be found from its header words
and the alignment of its text; the Kategori / Keterangan words are kept under their header.
"""
from __future__ import annotations

import shutil

import pytest

from lkj.corpus.samples.features import NOT_YET_SUPPORTED

SEED = 14_21
PER_CLASS = 4
CLASSES = {
    "borderless+kategori": frozenset({"table_borderless", "kategori_column"}),
    "hrules+keterangan": frozenset({"table_hrules", "keterangan_column"}),
    "ruled+both": frozenset({"table_ruled", "kategori_column", "keterangan_column"}),
}
#: Share of value fields right over a class's draws, and in each draw (the main table is found).
CLASS_FLOOR = 0.95
REPORT_FLOOR = 0.85

pytest.importorskip("docx", reason="the generator needs python-docx (pip install -e '.[corpus]')")
if not (shutil.which("soffice") or shutil.which("libreoffice")):
    pytest.skip("LibreOffice (soffice) is needed to draw reports", allow_module_level=True)


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    import sqlite_utils

    from lkj.corpus.samples.drawset import draw_set
    from lkj.corpus.samples.score import run_and_score
    folder = tmp_path_factory.mktemp("class-layouts")
    expected, classes = [], {}
    for k, (name, required) in enumerate(CLASSES.items()):
        exclude = frozenset((NOT_YET_SUPPORTED | {"scan"}) - required)
        paths = draw_set(PER_CLASS, SEED, folder, exclude, start=k * PER_CLASS, log=lambda *_: None, require=required)
        expected += paths
        classes.update({p.name.replace(".expected.json", ".pdf"): name for p in paths})
    scored = run_and_score(folder, expected, workers=2)
    return scored, classes, sqlite_utils.Database(folder / "lkj.db")


def test_values_read_in_every_class(drawn):
    scored, classes, _ = drawn
    for name in CLASSES:
        mine = [(e, s) for e, s in scored if classes[e["file"]] == name]
        assert len(mine) == PER_CLASS
        right = sum(s.indicators.right for _, s in mine)
        total = sum(s.indicators.total for _, s in mine)
        worst = [(e["file"], s.indicators.misses[:4]) for e, s in mine if s.indicators.ratio < 1]
        assert total > 40 * PER_CLASS and right / total >= CLASS_FLOOR, (name, right, total, worst)
        for e, s in mine:
            assert s.indicators.ratio >= REPORT_FLOOR, (name, e["file"], e["features"], s.indicators.misses[:6])


def test_kategori_and_keterangan_words_are_kept(drawn):
    """Each indicator's ``Sangat Baik`` / ``Tercapai`` is stored under its column's header, never as a value
    (checked on the indicators whose text was read right: the text is the key)."""
    scored, _, db = drawn
    checked, unmatched = 0, 0
    for exp, _ in scored:
        report = next(iter(db.query("select id from reports where file_name = ?", [exp["file"]])))
        for ind in exp["indicators"]:
            for header, cell in (ind.get("extra") or {}).items():
                if header not in ("Kategori", "Keterangan"):
                    continue
                found = list(db.query("select id from indicators where report_id = ? and indicator = ?",
                                      [report["id"], ind["indicator"]]))
                if len(found) != 1:
                    unmatched += 1
                    continue
                got = list(db.query("select raw, value from indicator_values where indicator_id = ? and header = ?",
                                    [found[0]["id"], header]))
                assert [(g["raw"], g["value"]) for g in got] == [(cell["raw"], None)], (exp["file"], ind["indicator"], header)
                checked += 1
    assert checked >= 30 and unmatched <= 0.1 * checked, (checked, unmatched)
