"""Consistency of the committed sample corpus (corpus/data).  No LibreOffice needed."""
from __future__ import annotations

import copy
import json
import os
import re
import warnings
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pdfplumber
import pikepdf
import pypdfium2
import pytest

from lkj.corpus.samples.expected import ExpectedFormatError, load_broken, load_expected, validate

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "corpus" / "data"
BORN = DATA / "born-digital"
SCANS = DATA / "scans"
BROKEN = DATA / "broken"
SEED_TXT = ROOT.parent / "shared" / "seeds" / "lkj-kpu-lampung-utara-2024.txt"
SEED_PDF = BORN / "kpu-kab-lampung-utara-2024.pdf"
SEED_ROWS = 32        # Tabel 5 of the seed: 26 goals, goals 4 and 8 with 2 rows, 15 and 21 with 3

BORN_PDFS = sorted(BORN.glob("*.pdf"))
SCAN_PDFS = sorted(SCANS.glob("*.pdf"))
ALL_JSON = sorted(DATA.glob("*/*.expected.json"))

warnings.filterwarnings("ignore", category=UserWarning)


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


def exp_of(pdf: Path) -> dict:
    return load_expected(pdf.with_name(pdf.name[:-4] + ".expected.json"))


def pdfium_texts(pdf: Path) -> list[str]:
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        out = []
        for i in range(len(doc)):
            tp = doc[i].get_textpage()
            out.append(squash(tp.get_text_range()))
        return out
    finally:
        doc.close()


# ---------------------------------------------------------------- inventory

def test_corpus_is_there():
    assert len(BORN_PDFS) >= 8
    assert len(SCAN_PDFS) >= 2
    assert (BROKEN / "EXPECTED.json").is_file()
    assert SEED_PDF in BORN_PDFS


@pytest.mark.parametrize("folder", [BORN, SCANS])
def test_every_pdf_has_its_json_and_back(folder):
    pdfs = {p.name[:-4] for p in folder.glob("*.pdf")}
    jsons = {p.name[: -len(".expected.json")] for p in folder.glob("*.expected.json")}
    assert pdfs == jsons


def test_total_size_under_15_mb():
    total = sum(p.stat().st_size for p in DATA.rglob("*") if p.is_file())
    assert total < 15 * 1024 * 1024, total


def test_reports_are_short():
    for pdf in BORN_PDFS:
        with pikepdf.open(pdf) as p:
            assert 8 <= len(p.pages) <= 20, (pdf.name, len(p.pages))


# ---------------------------------------------------------------- JSON format

@pytest.mark.parametrize("path", ALL_JSON, ids=lambda p: p.name)
def test_json_validates(path):
    e = load_expected(path)
    assert (path.parent / e["file"]).is_file()


def _good():
    return json.loads((BORN / "kpu-kota-surabaya-2020.expected.json").read_text())


@pytest.mark.parametrize("mutate", [
    lambda e: e.update(format="lkj-expected/2"),
    lambda e: e.pop("unit"),
    lambda e: e.update(source="made-up"),
    lambda e: e["unit"].update(kind="desa"),
    lambda e: e.update(cover_year=e["year"]),
    lambda e: e["main_table"].update(pages=[3, 2]),
    lambda e: e["indicators"][0]["target"].update(raw=" 100%"),
    lambda e: e["indicators"][0]["target"].update(value="100"),
    lambda e: e["indicators"][0]["realization"].update(raw="", value=5.0),
    lambda e: e["indicators"][0].update(goal_no="1."),
    lambda e: e["indicators"][0].update(surprise=1),
    lambda e: e["budget_programs"][0].update(pagu=1.5),
    lambda e: e["spending"][0].update(category="Belanja Pegawai"),
    lambda e: e.update(main_table=None),
    lambda e: e["budget_totals"].update(pagu=True),
    lambda e: e.update(page_count=1),
])
def test_validator_rejects_malformed(mutate, tmp_path):
    e = _good()
    validate(copy.deepcopy(e))            # the unmodified file is fine
    mutate(e)
    with pytest.raises(ExpectedFormatError):
        validate(e)
    p = tmp_path / "x.expected.json"
    p.write_text(json.dumps(e))
    with pytest.raises(ExpectedFormatError):
        load_expected(p)


def test_load_expected_rejects_bad_json_and_wrong_file(tmp_path):
    p = tmp_path / "a.expected.json"
    p.write_text("{not json")
    with pytest.raises(ExpectedFormatError):
        load_expected(p)
    p.write_text(json.dumps(_good()))          # 'file' names another PDF
    with pytest.raises(ExpectedFormatError):
        load_expected(p)


# ---------------------------------------------------------------- pages

@pytest.mark.parametrize("pdf", BORN_PDFS, ids=lambda p: p.name)
def test_main_table_pages(pdf):
    e = exp_of(pdf)
    with pdfplumber.open(pdf) as doc:
        n = len(doc.pages)
        assert e["page_count"] == n
        if e["main_table"] is None:
            assert e["indicators"] == []
            return
        pages = e["main_table"]["pages"]
        assert pages == list(range(pages[0], pages[-1] + 1))
        assert pages[-1] <= n
        # the title is on the first page (pdfplumber's text)
        assert squash(e["main_table"]["title"]) in squash(doc.pages[pages[0] - 1].extract_text())
        for p in pages[1:]:
            assert squash(e["main_table"]["title"]) not in squash(doc.pages[p - 1].extract_text())
    # first and last rows on the first and last page (pdfium's text, content order)
    texts = pdfium_texts(pdf)
    first, last = e["indicators"][0], e["indicators"][-1]
    assert squash(first["indicator"])[:40] in texts[pages[0] - 1]
    tail = squash(last["indicator"])[-25:]
    assert tail in texts[pages[-1] - 1] or tail in "".join(texts[pages[-2] - 1:pages[-1]])
    assert squash(last["achievement"]["raw"]) in texts[pages[-1] - 1]


@pytest.mark.parametrize("pdf", BORN_PDFS, ids=lambda p: p.name)
def test_budget_and_detail_pages(pdf):
    e = exp_of(pdf)
    texts = pdfium_texts(pdf)
    if e["budget_programs"]:
        pages = e["budget_table"]["pages"]
        assert squash(e["budget_programs"][0]["program"]) in texts[pages[0] - 1]
    for d in e.get("detail_indicators", []):
        assert squash(d["indicator"])[:30] in texts[d["page"] - 1], (d["goal_no"], d["page"])


# ---------------------------------------------------------------- values

def _q2(x):
    return float(Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


_PCT = re.compile(r"^\(?(\d{1,3}(?:[.,]\d{1,2})?)\s?%\)?$")


def _cells(e):
    for r in e["indicators"] + e.get("detail_indicators", []):
        for f in ("target", "realization", "achievement"):
            yield r, r[f]
        for c in r.get("extra", {}).values():
            yield r, c


@pytest.mark.parametrize("path", ALL_JSON, ids=lambda p: p.name)
def test_raw_and_typed_values_agree(path):
    e = load_expected(path)
    for _r, c in _cells(e):
        raw = c["raw"]
        m = _PCT.match(raw)
        if m:
            assert c["unit"] == "%" and c["value"] == float(m.group(1).replace(",", ".")), c
        if raw in ("B", "BB", "A", "CC"):
            assert c["value"] is None and c["unit"] == "grade", c
        if re.search(r"\d", raw):
            assert c["value"] is not None, c
        m = re.match(r"^(\d+) (Lap|Laporan|Kali|Satker|Orang|Dokumen|Perkara|Temuan|Kegiatan)$", raw)
        if m:
            assert c["value"] == int(m.group(1)), c


@pytest.mark.parametrize("pdf", [p for p in BORN_PDFS if p != SEED_PDF], ids=lambda p: p.name)
def test_achievements_follow_target_and_realization(pdf):
    e = exp_of(pdf)
    checked = 0
    for r in e["indicators"] + e.get("detail_indicators", []):
        t, x, a = (r[f]["value"] for f in ("target", "realization", "achievement"))
        if "deliberate" in r.get("notes", "") or None in (t, x, a) or not t:
            continue
        want = _q2((2 * t - x) / t * 100) if r.get("lower_is_better") else _q2(x / t * 100)
        if r.get("lower_is_better"):
            want = max(0.0, want)
        assert a == want, (r["indicator"], t, x, a, want)
        checked += 1
    assert checked or not (e["indicators"] or e.get("detail_indicators"))


@pytest.mark.parametrize("pdf", BORN_PDFS, ids=lambda p: p.name)
def test_budget_sums(pdf):
    e = exp_of(pdf)
    bt = e["budget_totals"]
    assert bt is not None
    if e["budget_programs"]:
        assert sum(b["pagu"] for b in e["budget_programs"]) == bt["pagu"]
        assert sum(b["realization"] for b in e["budget_programs"]) == bt["realization"]
    if e["spending"]:
        assert sum(s["pagu"] for s in e["spending"]) == bt["pagu"]
        assert sum(s["pagu"] - s["remaining"] for s in e["spending"]) == bt["realization"]
    assert abs(bt["realization"] / bt["pagu"] * 100 - bt["absorption_pct"]) < 0.006


def test_every_report_has_quirky_features_somewhere():
    es = [exp_of(p) for p in BORN_PDFS]
    assert any(e["main_table"] is None and e["detail_indicators"] for e in es)
    assert any(not e["budget_programs"] and e["budget_totals"] for e in es)
    assert any(e["unit"]["agency"] == "KIP" for e in es)
    assert {e["unit"]["kind"] for e in es} >= {"pusat", "provinsi", "kabupaten", "kota"}
    assert sum(1 for e in es if e["cover_year"]) >= 2
    assert any(r.get("lower_is_better") for e in es for r in e["indicators"])
    assert any("satuan" in r for e in es for r in e["indicators"])
    assert any("deliberate" in r.get("notes", "") for e in es for r in e["indicators"])
    assert len({e["year"] for e in es}) >= 5


# ---------------------------------------------------------------- the seed rendering

def test_seed_row_count_matches_seed_text():
    e = exp_of(SEED_PDF)
    assert len(e["indicators"]) == SEED_ROWS
    if not SEED_TXT.is_file():
        pytest.skip("shared/seeds not beside the repo")
    t = SEED_TXT.read_text(encoding="utf-8")
    part = t[t.index("Tabel 5. Pengukuran"):t.index("2. Pengukuran dan Analisis")]
    lines = [ln.split("\t") for ln in part.splitlines() if ln.count("\t") >= 6]
    rows = [c for c in lines if c[0] != "NO" and c[3].strip()]   # c[3] blank: text continued
    assert len(rows) == SEED_ROWS


def test_seed_values():
    e = exp_of(SEED_PDF)
    assert (e["year"], e["cover_year"]) == (2024, 2025)
    assert e["unit"]["name"] == "KPU Kabupaten Lampung Utara"
    rows = e["indicators"]
    assert [r["goal_no"] for r in rows].count("4") == 2
    assert [r["goal_no"] for r in rows].count("15") == 3
    assert [r["goal_no"] for r in rows].count("21") == 3
    by = {}
    for r in rows:
        by.setdefault(r["goal_no"], []).append(r)
    assert by["9"][0]["target"] == {"raw": "87,5%", "value": 87.5, "unit": "%"}
    assert by["3"][0]["realization"] == {"raw": "BB", "value": None, "unit": "grade"}
    assert by["5"][0]["target"] == {"raw": "2 Lap", "value": 2, "unit": "laporan"}
    assert by["11"][0]["target"] == {"raw": "12 Kali", "value": 12, "unit": "kali"}
    for g in ("2", "11", "12"):
        assert by[g][0]["realization"] == {"raw": "", "value": None, "unit": None}
        assert by[g][0]["achievement"]["raw"] == ""
    assert "10" in by
    assert e["budget_totals"] == {"pagu": 77452486000, "realization": 77319385462,
                                  "absorption_pct": 99.83}
    assert e["spending"][0] == {"category": "pegawai", "pagu": 2999452000,
                                "realization": 2996870206, "remaining": 2581794}
    assert {d["goal_no"] for d in e["disagreements"]} >= {"2", "8", "11"}
    det = [d for d in e["detail_indicators"] if d["goal_no"] == "9"]
    assert det[0]["target"]["raw"] == "87.5%"
    assert len(e["detail_indicators"]) == SEED_ROWS
    assert {d["goal_no"] for d in e["detail_indicators"]} == {str(i) for i in range(1, 27)}


def test_seed_pdf_text():
    with pdfplumber.open(SEED_PDF) as doc:
        pages = [p.extract_text() or "" for p in doc.pages]
    assert "TAHUN 2025" in pages[0]
    kp = next(p for p in pages if "KATA PENGANTAR" in p)
    assert "Tahun 2024" in kp
    full = "\n".join(pages)
    for s in ("10..", "87,5%", "87.5%", "90 %", "3.174.505.000", "2,999,452,000", "(99.91%)",
              "Rp. 77.452.486.000,-", "Tabel 3.", "Tabel 4.", "Tabel 6.", "Sasaran Strategis 26."):
        assert squash(s) in squash(full), s
    # Tabel 5 has a repeated header row on its continuation pages
    e = exp_of(SEED_PDF)
    for p in e["main_table"]["pages"][1:]:
        assert "SASARAN STRATEGIS" in pages[p - 1].split("\n", 2)[0] + pages[p - 1]
    # the spending table is on a landscape page
    with pdfplumber.open(SEED_PDF) as doc:
        pg = doc.pages[e["spending_table"]["pages"][0] - 1]
        assert pg.width > pg.height


def test_seed_main_table_cells_with_pdfplumber():
    e = exp_of(SEED_PDF)
    with pdfplumber.open(SEED_PDF) as doc:
        t = doc.pages[e["main_table"]["pages"][0] - 1].extract_tables()[0]
    assert t[0][0] == "NO" and "INDIKATOR" in t[0][2]
    assert t[1][0] == "1." and t[1][3:] == ["100%", "100%", "100%", "100%"]
    assert t[2][5:] == ["", ""]                  # goal 2: blank realisation and achievement
    assert t[3][3:] == ["B", "B", "BB", "88%"]


# ---------------------------------------------------------------- scans

@pytest.mark.parametrize("pdf", SCAN_PDFS, ids=lambda p: p.name)
def test_scans_are_image_only(pdf):
    e = exp_of(pdf)
    assert e["source"] == "scan"
    assert pdf.stat().st_size < 1.5 * 1024 * 1024
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == e["page_count"] == len(e["pages_from_source"])
        for p in doc.pages:
            assert p.chars == [] and not (p.extract_text() or "").strip()
            assert len(p.images) == 1
    src = load_expected(BORN / f"{e['source_file'][:-4]}.expected.json")
    assert e["indicators"] == src["indicators"]
    assert e["unit"] == src["unit"] and e["year"] == src["year"]
    remap = {s: i + 1 for i, s in enumerate(e["pages_from_source"])}
    assert e["main_table"]["pages"] == [remap[p] for p in src["main_table"]["pages"]]


# ---------------------------------------------------------------- broken inputs

BROKEN_LIST = load_broken(BROKEN / "EXPECTED.json")["files"] if (BROKEN / "EXPECTED.json").is_file() else []


def test_broken_listing_is_complete():
    listed = {f["file"] for f in BROKEN_LIST} | {f["expected"] for f in BROKEN_LIST if "expected" in f}
    present = {p.name for p in BROKEN.iterdir()} - {"EXPECTED.json"}
    assert listed == present
    reasons = {f["reason"] for f in BROKEN_LIST}
    assert reasons >= {"encrypted", "truncated", "empty", "not_pdf", "not_lkj", "no_tables", None}


def _text(path: Path) -> str:
    with pdfplumber.open(path) as doc:
        return "\n".join(p.extract_text() or "" for p in doc.pages)


@pytest.mark.parametrize("entry", BROKEN_LIST, ids=lambda f: f["file"])
def test_broken_file_fails_as_expected(entry):
    path = BROKEN / entry["file"]
    data = path.read_bytes()
    reason = entry["reason"]
    if not entry["opens"]:
        with pytest.raises((pikepdf.PdfError, pikepdf.PasswordError)):
            pikepdf.open(path).close()
        with pytest.raises(Exception):
            pdfplumber.open(path).pages[0]
    if reason == "empty":
        assert data == b""
    elif reason == "not_pdf":
        assert data and not data.startswith(b"%PDF")
    elif reason == "truncated":
        assert data.startswith(b"%PDF") and b"%%EOF" not in data[-1024:]
    elif reason == "encrypted":
        with pytest.raises(pikepdf.PasswordError):
            pikepdf.open(path).close()
        with pikepdf.open(path, password=entry["user_password"]) as p:
            assert p.is_encrypted and len(p.pages) > 0
    elif reason is None:
        with pikepdf.open(path) as p:            # empty user password: opens
            assert p.is_encrypted
            n = len(p.pages)
        e = load_expected(BROKEN / entry["expected"])
        assert e["page_count"] == n
        assert squash(e["detail_indicators"][0]["indicator"])[:30] in squash(
            "".join(pdfium_texts(path)))
    elif reason == "not_lkj":
        t = _text(path).lower()
        assert t.strip() and "laporan kinerja" not in t and "undangan" in t
    elif reason == "no_tables":
        assert "LAPORAN KINERJA" in _text(path)
        with pdfplumber.open(path) as doc:
            assert all(not p.find_tables() for p in doc.pages)
            assert all(not p.rects and not p.lines for p in doc.pages)
    else:
        pytest.fail(f"unknown reason {reason}")


# ---------------------------------------------------------------- optional rebuild check

@pytest.mark.skipif(not os.environ.get("LKJ_CORPUS_REBUILD"),
                    reason="set LKJ_CORPUS_REBUILD=1 to rebuild with LibreOffice and compare bytes")
def test_rebuild_is_byte_identical(tmp_path):
    from lkj.corpus.samples.build import build
    build(out=tmp_path)
    for f in sorted(DATA.rglob("*")):
        if f.is_file() and f.name != "README.md":
            assert (tmp_path / f.relative_to(DATA)).read_bytes() == f.read_bytes(), f
