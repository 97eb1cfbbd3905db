"""Small python-docx helpers: fonts, sections, tables with merges and borders."""
from __future__ import annotations

from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

PAPER = {"A4": (Mm(210), Mm(297)), "F4": (Mm(215), Mm(330))}


def new_document(font: str, size: float, paper: str = "A4",
                 margins_cm=(2.5, 2.0, 2.0, 2.5)) -> Document:
    doc = Document()
    # python-docx's template carries fixed core properties; pin them so the
    # .docx (and the PDF converted from it) do not depend on the clock.
    cp = doc.core_properties
    import datetime as _dt
    fixed = _dt.datetime(2020, 1, 1, 0, 0, 0)
    cp.created = fixed
    cp.modified = fixed
    cp.last_modified_by = "lkj-corpus"
    cp.author = "lkj-corpus"
    cp.revision = 1
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(a), font)
    pf = st.paragraph_format
    pf.space_after = Pt(4)
    pf.space_before = Pt(0)
    pf.line_spacing = 1.15
    sec = doc.sections[0]
    w, h = PAPER[paper]
    sec.page_width, sec.page_height = w, h
    top, right, bottom, left = margins_cm
    sec.top_margin, sec.right_margin = Cm(top), Cm(right)
    sec.bottom_margin, sec.left_margin = Cm(bottom), Cm(left)
    return doc


def set_landscape(section, landscape: bool):
    w, h = section.page_width, section.page_height
    if landscape and w < h or (not landscape and w > h):
        section.page_width, section.page_height = h, w
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT


def new_section(doc, landscape: bool):
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    set_landscape(sec, landscape)
    return sec


def add_field(run, instr: str):
    f1 = OxmlElement("w:fldChar"); f1.set(qn("w:fldCharType"), "begin")
    it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = instr
    f2 = OxmlElement("w:fldChar"); f2.set(qn("w:fldCharType"), "separate")
    t = OxmlElement("w:t"); t.text = "1"
    f3 = OxmlElement("w:fldChar"); f3.set(qn("w:fldCharType"), "end")
    for el in (f1, it, f2, t, f3):
        run._r.append(el)


def set_footer(section, text: str, size: float = 8, page_number: bool = True):
    section.footer.is_linked_to_previous = False
    p = section.footer.paragraphs[0]
    p.text = ""
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    r = p.add_run(text + ("   " if page_number else ""))
    r.font.size = Pt(size)
    r.italic = True
    if page_number:
        r2 = p.add_run()
        r2.font.size = Pt(size)
        add_field(r2, "PAGE")


def set_header(section, text: str, size: float = 8):
    """A running header (unit and year on every page, as many real reports print)."""
    section.header.is_linked_to_previous = False
    p = section.header.paragraphs[0]
    p.text = ""
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    r = p.add_run(text)
    r.font.size = Pt(size)
    r.italic = True


def para(doc_or_cell, text: str = "", bold=False, italic=False, size=None,
         align=None, space_after=None, space_before=None, keep_next=False,
         indent_cm=None, first_line_cm=None, page_break_before=False):
    p = doc_or_cell.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold = bold
        r.italic = italic
        if size:
            r.font.size = Pt(size)
    if align is not None:
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER,
                       "right": WD_ALIGN_PARAGRAPH.RIGHT,
                       "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
                       "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
    pf = p.paragraph_format
    if space_after is not None:
        pf.space_after = Pt(space_after)
    if space_before is not None:
        pf.space_before = Pt(space_before)
    if keep_next:
        pf.keep_with_next = True
    if indent_cm is not None:
        pf.left_indent = Cm(indent_cm)
    if first_line_cm is not None:
        pf.first_line_indent = Cm(first_line_cm)
    if page_break_before:
        pf.page_break_before = True
    return p


def page_break(doc):
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# ---------------------------------------------------------------- tables

@dataclass
class HCell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class TRow:
    """A body row: ``cells`` is a list of cell contents (str or list of lines)
    covering every grid column, or ``group`` text for a full-width row."""
    cells: list | None = None
    group: str | None = None
    bold: bool = False


@dataclass
class TableStyle:
    size: float = 9
    borders: str = "grid"          # grid | none | outer_h (top/bottom rules only) | hrules
    repeat_header: bool = True
    header_fill: str | None = "D9D9D9"
    header_bold: bool = True
    header_upper: bool = False
    align: list | None = None      # per column: left|center|right
    cant_split: bool = False
    line_spacing: float = 1.0
    group_fill: str | None = "F2F2F2"
    numbered_header: bool = False  # an extra header row "(1) (2) (3) ..."


def _set_cell_margins(table, top=40, bottom=40, left=70, right=70):
    tblPr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side, v in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(v))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tblPr.append(mar)


def _set_borders(table, mode: str):
    tblPr = table._tbl.tblPr
    b = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        if mode == "grid" or (mode == "outer_h" and side in ("top", "bottom")) or \
                (mode == "hrules" and side in ("top", "bottom", "insideH")):
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        else:
            el.set(qn("w:val"), "nil")
        b.append(el)
    tblPr.append(b)


def _shade(cell, fill: str):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


def _row_flag(row, tag: str):
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement(f"w:{tag}")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def _fill(cell, content, size, bold=False, align="left", spacing=1.0, italic=False):
    lines = content if isinstance(content, (list, tuple)) else [content]
    first = True
    for line in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if line:
            r = p.add_run(line)
            r.font.size = Pt(size)
            r.bold = bold
            r.italic = italic
        pf = p.paragraph_format
        pf.space_after = Pt(0)
        pf.space_before = Pt(0)
        pf.line_spacing = spacing
        p.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                       "right": WD_ALIGN_PARAGRAPH.RIGHT,
                       "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]


def add_table(doc, header: list[list[HCell]], body: list[TRow], widths_cm: list[float],
              style: TableStyle, vmerges: list[tuple[int, int, int]] = (),
              rects: list[tuple[int, int, int, int]] = ()):
    """Add a table.  ``vmerges`` holds (col, first_body_row, last_body_row);
    ``rects`` holds body-relative rectangles (row1, col1, row2, col2) to merge."""
    ncols = len(widths_cm)
    nhead = len(header) + (1 if style.numbered_header else 0)
    table = doc.add_table(rows=nhead + len(body), cols=ncols)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _set_borders(table, style.borders)
    _set_cell_margins(table)
    for row in table.rows:
        for i, c in enumerate(row.cells):
            c.width = Cm(widths_cm[i])
    for i, col in enumerate(table.columns):
        col.width = Cm(widths_cm[i])
    # header: lay out spans on a grid
    occupied = set()
    merges = []
    for r, hrow in enumerate(header):
        c = 0
        for hc in hrow:
            while (r, c) in occupied:
                c += 1
            text = hc.text.upper() if style.header_upper else hc.text
            cell = table.cell(r, c)
            _fill(cell, text.split("\n"), style.size, bold=style.header_bold, align="center",
                  spacing=style.line_spacing)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            for dr in range(hc.rowspan):
                for dc in range(hc.colspan):
                    occupied.add((r + dr, c + dc))
            if hc.rowspan > 1 or hc.colspan > 1:
                merges.append((r, c, r + hc.rowspan - 1, c + hc.colspan - 1))
            c += hc.colspan
    if style.numbered_header:
        r = len(header)
        for c in range(ncols):
            _fill(table.cell(r, c), f"({c + 1})", style.size - 1, align="center",
                  italic=True, spacing=style.line_spacing)
    for r in range(nhead):
        if style.header_fill:
            for c in range(ncols):
                _shade(table.cell(r, c), style.header_fill)
        if style.repeat_header:
            _row_flag(table.rows[r], "tblHeader")
        _row_flag(table.rows[r], "cantSplit")
        for cell in table.rows[r].cells:  # a header is never left alone at the foot of a page
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
    aligns = style.align or ["left"] * ncols
    for i, br in enumerate(body):
        r = nhead + i
        if style.cant_split:
            _row_flag(table.rows[r], "cantSplit")
        if br.group is not None:
            cell = table.cell(r, 0)
            _fill(cell, br.group.split("\n"), style.size, bold=True, spacing=style.line_spacing)
            if style.group_fill:
                for c in range(ncols):
                    _shade(table.cell(r, c), style.group_fill)
            merges.append((r, 0, r, ncols - 1))
            continue
        for c, content in enumerate(br.cells):
            if content is None:
                continue
            cell = table.cell(r, c)
            _fill(cell, content, style.size, bold=br.bold, align=aligns[c],
                  spacing=style.line_spacing)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    for col, a, b in vmerges:
        merges.append((nhead + a, col, nhead + b, col))
    for r1, c1, r2, c2 in rects:
        merges.append((nhead + r1, c1, nhead + r2, c2))
    for r1, c1, r2, c2 in merges:
        top = table.cell(r1, c1)
        keep = [p for p in top.paragraphs]
        m = top.merge(table.cell(r2, c2))
        # python-docx appends the (empty) paragraphs of the merged cells: drop them
        ps = m.paragraphs
        for p in ps[len(keep):]:
            if not p.text:
                p._p.getparent().remove(p._p)
    return table
