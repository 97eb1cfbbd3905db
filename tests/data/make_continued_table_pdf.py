"""Build tests/data/continued-table.pdf: an LKj whose main table runs on to a second page
without repeating its header, and its expected rows (continued-table.expected.json).

The second page prints none of the header words page triage looks for, as the
continuation pages of long tables in real reports often do. The document is made
with the sample corpus's Word helpers and LibreOffice, like every sample report. Run
once with LibreOffice installed (python tests/data/make_continued_table_pdf.py);
both files are committed so the tests need no LibreOffice.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from lkj.corpus.samples.docxutil import HCell, TableStyle, TRow, add_table, new_document, para
from lkj.corpus.samples.pdfutil import soffice_convert

GOALS = [
    "Meningkatnya kualitas layanan kesekretariatan",
    "Terwujudnya tata kelola keuangan yang tertib",
    "Meningkatnya partisipasi masyarakat dalam pemilu",
]
TOPICS = ["surat masuk", "rapat pleno", "arsip digital", "laporan keuangan", "kegiatan sosialisasi",
          "data pemilih", "produk hukum", "layanan informasi", "pengaduan masyarakat", "dokumen kepegawaian",
          "perjalanan dinas", "pengadaan barang"]


def rows() -> list[dict]:
    """Three goals of twelve indicators each: 36 rows, more than one page holds."""
    out = []
    for g, goal in enumerate(GOALS, 1):
        for i, topic in enumerate(TOPICS, 1):
            realization = 100 - (g * 3 + i) % 9
            out.append({"goal_no": str(g), "goal": goal, "indicator": f"Persentase {topic} yang diselesaikan tepat waktu",
                        "target_raw": "100%", "realization_raw": f"{realization}%", "achievement_raw": f"{realization}%",
                        "realization": float(realization)})
    return out


def build(pdf_out: Path, json_out: Path) -> None:
    document = new_document("Liberation Sans", 11)
    para(document, "LAPORAN KINERJA KOMISI PEMILIHAN UMUM KABUPATEN LAMPUNG UTARA TAHUN 2024", bold=True)
    para(document, "Laporan Kinerja (LKj) KPU Kabupaten Lampung Utara Tahun 2024 disusun sebagai "
                   "pertanggungjawaban atas pelaksanaan tugas dan fungsi selama tahun 2024.")
    para(document, "Tabel 1. Pengukuran Kinerja Tahun 2024", bold=True)
    expected = rows()
    header = [[HCell(text) for text in ("No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian")]]
    body, merges, start = [], [], 0
    for index, row in enumerate(expected):
        first = index == 0 or expected[index - 1]["goal_no"] != row["goal_no"]
        if first:
            start = index
        body.append(TRow([f"{row['goal_no']}." if first else None, row["goal"] if first else None, row["indicator"],
                          row["target_raw"], row["realization_raw"], row["achievement_raw"]]))
        if index + 1 == len(expected) or expected[index + 1]["goal_no"] != row["goal_no"]:
            merges += [(0, start, index), (1, start, index)]
    add_table(document, header, body, [1.0, 4.0, 6.5, 1.8, 1.8, 1.8], TableStyle(size=10, repeat_header=False),
              vmerges=merges)
    para(document, "Seluruh indikator tercapai dengan baik pada tahun 2024.")
    with tempfile.TemporaryDirectory() as work:
        docx = Path(work) / "continued-table.docx"
        document.save(docx)
        soffice_convert([docx], Path(work), Path(work))
        pdf_out.write_bytes((Path(work) / "continued-table.pdf").read_bytes())
    json_out.write_text(json.dumps({"file": pdf_out.name, "indicators": expected}, indent=1, ensure_ascii=False) + "\n",
                        encoding="utf-8")


if __name__ == "__main__":
    here = Path(__file__).parent
    build(here / "continued-table.pdf", here / "continued-table.expected.json")
