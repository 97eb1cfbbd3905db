"""Inputs the pipeline must reject (or, for the owner-locked one, accept)."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

from . import docxutil as dx
from .pdfutil import normalize_pdf, soffice_convert

TRUNCATE_SOURCE = "kpu-kota-surabaya-2020"
PASSWORD_SOURCE = "kip-kab-aceh-besar-2021"
OWNER_SOURCE = "kpu-kab-sleman-2019"
USER_PASSWORD = "kpu2021"
OWNER_PASSWORD = "sekretariat-kpu"

HTML = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>404 - Halaman Tidak Ditemukan | KPU Kota Bandar Lampung</title>
<link rel="stylesheet" href="/assets/css/style.css">
</head>
<body>
<header><a href="/"><img src="/assets/img/logo-kpu.png" alt="KPU"></a></header>
<main>
<h1>404</h1>
<p>Maaf, halaman atau dokumen <em>Laporan Kinerja 2023</em> yang Anda cari tidak ditemukan
atau telah dipindahkan.</p>
<p><a href="/page/read/12/laporan-kinerja">Kembali ke daftar dokumen</a></p>
</main>
<footer>&copy; 2024 Komisi Pemilihan Umum Kota Bandar Lampung</footer>
</body>
</html>
"""


def _qpdf_encrypt(src: Path, dst: Path, user: str, owner: str, restrict: bool) -> None:
    # --static-id/--static-aes-iv are qpdf's reproducible-output switches
    # (meant for tests): they make rebuilt files byte-identical.
    cmd = ["qpdf", "--static-id", "--static-aes-iv", "--encrypt", user, owner, "128",
           "--use-aes=y"]
    if restrict:
        cmd += ["--extract=n", "--modify=none", "--print=low"]
    cmd += ["--", str(src), str(dst)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode not in (0, 3):   # 3 = warnings
        raise RuntimeError(r.stderr)


def _letter(work: Path) -> Path:
    doc = dx.new_document("Liberation Serif", 12)
    P = lambda *a, **k: dx.para(doc, *a, **k)  # noqa: E731
    P("KOMISI PEMILIHAN UMUM", bold=True, align="center", size=14, space_after=0)
    P("KABUPATEN LAMPUNG UTARA", bold=True, align="center", size=14, space_after=0)
    P("Jl. Jenderal Sudirman No. 12 Kotabumi, Lampung Utara", align="center", size=10,
      space_after=16)
    P("Nomor\t: 045/UND/PP.01-SD/1803/2024", space_after=0)
    P("Sifat\t: Penting", space_after=0)
    P("Lampiran\t: -", space_after=0)
    P("Hal\t: Undangan Rapat Koordinasi", space_after=14)
    P("Kotabumi, 12 Februari 2024", align="right")
    P("Yth. Ketua Partai Politik Peserta Pemilu Tahun 2024\ndi -\nTempat", space_after=12)
    P("Dalam rangka persiapan pelaksanaan pemungutan dan penghitungan suara Pemilihan Umum "
      "Tahun 2024, bersama ini kami mengundang Saudara untuk hadir pada rapat koordinasi "
      "yang akan dilaksanakan pada:", align="justify")
    for line in ("Hari/Tanggal\t: Kamis, 15 Februari 2024", "Waktu\t: 09.00 WIB s.d. selesai",
                 "Tempat\t: Aula KPU Kabupaten Lampung Utara",
                 "Acara\t: Rapat Koordinasi Persiapan Pemungutan Suara"):
        P(line, indent_cm=1.5, space_after=0)
    P("Mengingat pentingnya acara tersebut, dimohon kehadiran Saudara tepat pada waktunya. "
      "Atas perhatian dan kehadirannya diucapkan terima kasih.", align="justify",
      space_before=12)
    P("Ketua,", align="right", space_before=18, space_after=40)
    P("ttd", align="right", italic=True)
    p = work / "surat-undangan-kpu-lampung-utara-2024.docx"
    doc.save(p)
    return p


def _no_tables(work: Path) -> Path:
    doc = dx.new_document("Liberation Sans", 11)
    P = lambda *a, **k: dx.para(doc, *a, **k)  # noqa: E731
    P("", space_after=80)
    P("LAPORAN KINERJA", bold=True, size=22, align="center")
    P("TAHUN 2022", bold=True, size=16, align="center", space_after=60)
    P("KOMISI PEMILIHAN UMUM KABUPATEN PESAWARAN", bold=True, size=14, align="center")
    for head, paras in [
        ("BAB I PENDAHULUAN", [
            "Laporan Kinerja KPU Kabupaten Pesawaran Tahun 2022 disusun sebagai bentuk "
            "pertanggungjawaban atas pelaksanaan tugas dan fungsi selama Tahun Anggaran 2022.",
            "Laporan ini menguraikan capaian kinerja secara naratif; tabel pengukuran kinerja "
            "disajikan dalam lampiran terpisah yang tidak termasuk dalam dokumen ini."]),
        ("BAB II PERENCANAAN KINERJA", [
            "Perjanjian Kinerja Tahun 2022 memuat sasaran strategis terwujudnya dukungan sarana "
            "dan prasarana, meningkatnya kapasitas SDM, dan meningkatnya akuntabilitas keuangan "
            "dan kinerja KPU."]),
        ("BAB III AKUNTABILITAS KINERJA", [
            "Persentase tersedianya sarana dan prasarana yang berfungsi dengan baik mencapai "
            "target 100% dengan realisasi 100%, sehingga capaian kinerja sebesar 100%.",
            "Nilai evaluasi atas akuntabilitas kinerja KPU Kabupaten Pesawaran memperoleh "
            "predikat B dari target BB.",
            "Pagu anggaran Tahun 2022 sebesar Rp 5.112.345.000,- dengan realisasi sebesar "
            "Rp 4.987.123.456,- atau 97,55%."]),
        ("BAB IV PENUTUP", [
            "Demikian Laporan Kinerja ini disusun sebagai bahan evaluasi dan perbaikan kinerja "
            "pada tahun berikutnya."]),
    ]:
        P(head, bold=True, size=13, page_break_before=True, space_after=8)
        for t in paras:
            P(t, align="justify")
    p = work / "lkj-kpu-kab-pesawaran-2022-tanpa-tabel.docx"
    doc.save(p)
    return p


def build(seed: int, born: Path, out: Path, work: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    files = []

    src = born / f"{TRUNCATE_SOURCE}.pdf"
    data = src.read_bytes()
    name = f"{TRUNCATE_SOURCE}-truncated.pdf"
    (out / name).write_bytes(data[: int(len(data) * 0.6)])
    files.append({"file": name, "reason": "truncated", "opens": False,
                  "source_file": src.name,
                  "detail": f"first 60% ({int(len(data) * 0.6)} of {len(data)} bytes) of "
                            f"born-digital/{src.name}: no trailer, no %%EOF"})

    name = f"{PASSWORD_SOURCE}-password.pdf"
    _qpdf_encrypt(born / f"{PASSWORD_SOURCE}.pdf", out / name, USER_PASSWORD, OWNER_PASSWORD,
                  restrict=False)
    files.append({"file": name, "reason": "encrypted", "opens": False,
                  "source_file": f"{PASSWORD_SOURCE}.pdf", "user_password": USER_PASSWORD,
                  "detail": "AES-128 encrypted with a non-empty user password"})

    name = f"{OWNER_SOURCE}-owner-locked.pdf"
    _qpdf_encrypt(born / f"{OWNER_SOURCE}.pdf", out / name, "", OWNER_PASSWORD, restrict=True)
    exp = json.loads((born / f"{OWNER_SOURCE}.expected.json").read_text())
    exp["file"] = name
    exp["source"] = "broken"
    exp["source_file"] = f"{OWNER_SOURCE}.pdf"
    exp["notes"] = list(exp.get("notes", [])) + [
        "encrypted with an owner password only (empty user password, copy/modify not "
        "permitted): it opens without a password and must be processed like its source"]
    (out / name.replace(".pdf", ".expected.json")).write_text(
        json.dumps(exp, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    files.append({"file": name, "reason": None, "opens": True,
                  "source_file": f"{OWNER_SOURCE}.pdf",
                  "expected": name.replace(".pdf", ".expected.json"),
                  "detail": "AES-128, empty user password, owner password set, "
                            "extraction restricted by permissions"})

    name = "kosong.pdf"
    (out / name).write_bytes(b"")
    files.append({"file": name, "reason": "empty", "opens": False, "detail": "zero bytes"})

    name = "lkj-kpu-kota-bandar-lampung-2023-404.pdf"
    (out / name).write_text(HTML, encoding="utf-8")
    files.append({"file": name, "reason": "not_pdf", "opens": False,
                  "detail": "an HTML 404 page saved under a .pdf name"})

    docs = [_letter(work), _no_tables(work)]
    pdfdir = work / "broken-pdf"
    pdfdir.mkdir(exist_ok=True)
    soffice_convert(docs, pdfdir, work)
    for d in docs:
        normalize_pdf(pdfdir / f"{d.stem}.pdf", out / f"{d.stem}.pdf")
    files.append({"file": f"{docs[0].stem}.pdf", "reason": "not_lkj", "opens": True,
                  "detail": "a one-page official letter (Surat Undangan) of a KPU office"})
    files.append({"file": f"{docs[1].stem}.pdf", "reason": "no_tables", "opens": True,
                  "detail": "LKj-like report (title, chapters, figures in prose) without any table"})

    (out / "EXPECTED.json").write_text(json.dumps(
        {"format": "lkj-broken/1",
         "reasons": {"truncated": "file cut short: no trailer / %%EOF",
                     "encrypted": "needs a user password to open",
                     "empty": "zero-byte file",
                     "not_pdf": "not a PDF at all (no %PDF header)",
                     "not_lkj": "a valid PDF that is not a Laporan Kinerja",
                     "no_tables": "an LKj without any table to extract",
                     "null": "not broken: must be processed normally"},
         "files": files}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for f in files:
        print(f"  {f['file']}: {f['reason']}")
