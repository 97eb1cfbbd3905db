"""Table reading rules on small PDFs drawn here with pikepdf (rules, shading and text only)."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pikepdf
from pikepdf import Dictionary, Name

from lkj.extract.tables import LINES_SETTINGS, _ruled_tables, extract_tables

HEIGHT = 842


def make_pdf(path: Path, content: str) -> Path:
    """One A4 page with ``content`` as its content stream and Helvetica as /F1."""
    pdf = pikepdf.new()
    font = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, Encoding=Name.WinAnsiEncoding)
    page = Dictionary(Type=Name.Page, MediaBox=[0, 0, 595, HEIGHT], Resources=Dictionary(Font=Dictionary(F1=font)),
                      Contents=pdf.make_stream(content.encode("latin-1")))
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(path)
    return path


def text(x: float, top: float, value: str, size: float = 10) -> str:
    """Text whose baseline sits ``top`` points below the top of the page."""
    return f"BT /F1 {size} Tf {x} {HEIGHT - top} Td ({value}) Tj ET\n"


def hline(x0: float, x1: float, top: float) -> str:
    return f"0 0 0 RG 0.5 w {x0} {HEIGHT - top} m {x1} {HEIGHT - top} l S\n"


def vline(x: float, top: float, bottom: float) -> str:
    return f"0 0 0 RG 0.5 w {x} {HEIGHT - top} m {x} {HEIGHT - bottom} l S\n"


def shade(x0: float, top: float, x1: float, bottom: float) -> str:
    return f"0.85 g {x0} {HEIGHT - bottom} {x1 - x0} {bottom - top} re f 0 g\n"


XS = (50, 200, 350, 500)


def grid(tops: tuple[float, ...], bottom: float | None = None) -> str:
    """Horizontal rules at ``tops``; column rules from the first rule down to ``bottom`` (or the last rule)."""
    out = "".join(hline(XS[0], XS[-1], t) for t in tops)
    return out + "".join(vline(x, tops[0], bottom or tops[-1]) for x in XS)


def test_cell_shading_does_not_split_cells_into_padding_columns(tmp_path):
    """Cells painted as a shaded frame around a shaded centre (an Excel "3D" style) keep three columns."""
    tops = (100, 130, 160)
    content = grid(tops)
    for top, bottom in zip(tops, tops[1:]):
        for x0, x1 in zip(XS, XS[1:]):
            content += shade(x0, top, x1, top + 4) + shade(x0, bottom - 4, x1, bottom)  # frame: top and bottom bands
            content += shade(x0, top + 4, x0 + 6, bottom - 4) + shade(x1 - 6, top + 4, x1, bottom - 4)  # sides
            content += shade(x0 + 6, top + 4, x1 - 6, bottom - 4)  # centre
    content += text(60, 120, "Indikator") + text(210, 120, "Target") + text(360, 120, "Realisasi")
    content += text(60, 150, "Persentase layanan") + text(210, 150, "100%") + text(360, 150, "90%")
    path = make_pdf(tmp_path / "shaded.pdf", content)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert max(len(r) for r in page.find_tables(LINES_SETTINGS)[0].extract()) > 3  # the shading does split it
        (table,) = _ruled_tables(page, 1)
    assert table.rows == [["Indikator", "Target", "Realisasi"], ["Persentase layanan", "100%", "90%"]]


def test_a_box_drawn_only_by_shading_is_not_a_table(tmp_path):
    """A formula or callout painted as shaded boxes has no rule of its own."""
    content = shade(100, 100, 250, 140) + shade(250, 100, 400, 140) + shade(100, 140, 250, 180) + shade(250, 140, 400, 180)
    content += text(110, 120, "Capaian =") + text(260, 120, "Realisasi / Target")
    path = make_pdf(tmp_path / "box.pdf", content)
    with pdfplumber.open(path) as pdf:
        assert _ruled_tables(pdf.pages[0], 1) == []


def test_the_row_cut_by_the_page_break_is_read_from_its_column_rules(tmp_path):
    """No bottom rule under the last row: the column rules running on below give its cells."""
    content = grid((700, 730, 760), bottom=790)
    content += text(60, 720, "Sasaran") + text(210, 720, "Indikator") + text(360, 720, "Realisasi")
    content += text(60, 750, "Meningkatnya produksi") + text(210, 750, "Jumlah produksi") + text(360, 750, "12")
    content += text(60, 780, "Meningkatkan kualitas")
    path = make_pdf(tmp_path / "cut.pdf", content)
    with pdfplumber.open(path) as pdf:
        (table,) = _ruled_tables(pdf.pages[0], 1)
    assert table.open_bottom and table.rows[-1] == ["Meningkatkan kualitas", "", ""]


def test_a_closed_table_below_is_not_taken_for_a_cut_row(tmp_path):
    content = grid((600, 630, 660)) + grid((660, 690, 720))
    content += text(60, 620, "Indikator") + text(210, 620, "Target") + text(360, 620, "Realisasi")
    content += text(60, 680, "Program") + text(210, 680, "Pagu") + text(360, 680, "Realisasi")
    path = make_pdf(tmp_path / "two.pdf", content)
    with pdfplumber.open(path) as pdf:
        assert not any(t.open_bottom for t in _ruled_tables(pdf.pages[0], 1))


def test_borderless_table_beside_a_ruled_one_narrow_spaces_and_page_number(tmp_path):
    """A borderless table above a ruled one is read too; a 2-point gap is a space; the page number is not a row."""
    header = text(60, 100, "No") + text(100, 100, "Indikator Kinerja") + text(300, 100, "Target") + text(400, 100, "Realisasi")
    body = text(60, 115, "1") + text(100, 115, "Indeks kualitas air") + text(300, 115, "42,5") + text(321.5, 115, "%")
    body += text(400, 115, "56,12")
    ruled = grid((500, 530, 560))
    ruled += text(60, 520, "Program") + text(210, 520, "Anggaran") + text(360, 520, "Realisasi")
    ruled += text(60, 550, "Pelayanan") + text(210, 550, "1.000") + text(360, 550, "900")
    path = make_pdf(tmp_path / "mixed.pdf", header + body + ruled)
    tables = extract_tables(path, [1], [1])
    assert sorted(t.flavor for t in tables) == ["pdfplumber-lines", "pdfplumber-words"]
    words = next(t for t in tables if t.flavor == "pdfplumber-words")
    assert words.rows[1] == ["1", "Indeks kualitas air", "42,5 %", "56,12"]

    footer = text(60, 100, "No") + text(100, 100, "Indikator Kinerja") + text(300, 100, "Target") + text(400, 100, "Realisasi")
    footer += text(60, 115, "1") + text(100, 115, "Indeks kualitas air") + text(300, 115, "60") + text(400, 115, "66")
    lines = "".join(text(100, 130 + 15 * i, f"lanjutan baris {i}") for i in range(1, 44))
    path = make_pdf(tmp_path / "foot.pdf", footer + lines + text(560, 800, "16"))
    (table,) = extract_tables(path, [1], [1])
    assert "16" not in [cell for row in table.rows for cell in row]
