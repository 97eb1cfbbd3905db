"""Build tests/data/metachar.pdf: an LKj whose texts carry SQL and shell metacharacters.

Run once with LibreOffice installed (python tests/data/make_metachar_pdf.py); the PDF
is committed so the tests need no LibreOffice.
"""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from docx import Document

HOSTILE = [
    ("1.", "Goal'); DROP TABLE reports; --", "Persentase $(touch /tmp/lkj-pwned) `id` ; rm -rf / && echo", "100%", "90%", "90%"),
    ("2.", 'Meningkatnya "quoted" \\ backslash %s %(x)s {0}', "Indikator <script>alert(1)</script> | cat /etc/passwd", "2 Lap", "2 Lap", "100%"),
]


#: The must-show text of issue 15 (tests/data/drop-indicators.pdf).
DROP_INDICATORS = [
    ("1.", "Meningkatnya partisipasi pemilih'; DROP TABLE indicators; --",
     "Persentase '; DROP TABLE indicators; -- pemilih", "77,5%", "81,2%", "104,77%"),
    ("2.", "Terwujudnya tata kelola <b>bersih</b> && $(reboot)", "Nilai SAKIP \"; DELETE FROM reports; --", "70", "72,5", "103,57%"),
]


def build(out: Path, rows: list[tuple[str, ...]] = HOSTILE) -> None:
    document = Document()
    document.add_paragraph("LAPORAN KINERJA KOMISI PEMILIHAN UMUM KABUPATEN LAMPUNG UTARA TAHUN 2024")
    document.add_paragraph("Laporan Kinerja (LKj) KPU Kabupaten Lampung Utara Tahun 2024 disusun sebagai pertanggungjawaban.")
    document.add_paragraph("Tabel 1. Pengukuran Kinerja Tahun 2024")
    table = document.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian")):
        cell.text = text
    for values in rows:
        for cell, text in zip(table.add_row().cells, values):
            cell.text = text
    with tempfile.TemporaryDirectory() as work:
        docx = Path(work) / "metachar.docx"
        document.save(docx)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", work, str(docx)], check=True,
                       capture_output=True)
        out.write_bytes((Path(work) / "metachar.pdf").read_bytes())


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["drop-indicators"]:
        build(Path(__file__).with_name("drop-indicators.pdf"), DROP_INDICATORS)
    else:
        build(Path(__file__).with_name("metachar.pdf"))
