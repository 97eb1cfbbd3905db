"""A report under construction: the .docx being written plus the expected
values and the text needles used to find table pages after conversion."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import docxutil as dx
from .fmt import BLANK, V, collapse
from .pdfutil import find_page, squash

#: Goal numbers of the per-goal tables numbered in Roman (``Sasaran Strategis IV``).
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


@dataclass
class Row:
    """One indicator row of a measurement table, as typed data."""
    goal_no: str | None          # as printed, e.g. "10.." (JSON strips the dots)
    goal: str | None
    indicator: str
    target: V = BLANK
    realization: V = BLANK
    achievement: V = BLANK
    extra: dict = field(default_factory=dict)   # printed header -> V
    satuan: str | None = None
    notes: str | None = None
    lower_is_better: bool = False
    parent: str | None = None    # a heading row without values above this sub-item

    def expected(self) -> dict:
        d = {
            "goal_no": clean_goal_no(self.goal_no),
            "goal": collapse(self.goal) if self.goal else None,
            # a sub-item is stored under its heading (``<heading> - <item>``; corpus/EXPECTED_FORMAT.md)
            "indicator": collapse(f"{self.parent} - {self.indicator}" if self.parent else self.indicator),
            "target": self.target.cell(),
            "realization": self.realization.cell(),
            "achievement": self.achievement.cell(),
        }
        if self.extra:
            d["extra"] = {k: v.cell() for k, v in self.extra.items()}
        if self.satuan is not None:
            d["satuan"] = self.satuan
        if self.lower_is_better:
            d["lower_is_better"] = True
        if self.parent:
            d["parent_indicator"] = collapse(self.parent)
        notes = [n for n in (self.notes, self.target.notes, self.realization.notes,
                             self.achievement.notes) if n]
        if notes:
            d["notes"] = "; ".join(notes)
        return d


def clean_goal_no(no: str | None) -> str | None:
    """The goal number as the database stores it: trailing dots dropped, and a Roman
    number in Arabic (``IV`` -> ``4``; corpus/EXPECTED_FORMAT.md)."""
    if no is None:
        return None
    s = no.strip().rstrip(".").strip()
    if s in ROMAN:
        return str(ROMAN.index(s) + 1)
    return s or None


def disagreements(main: list[Row], detail: list[Row]) -> list[dict]:
    """Where a detail row differs from the main row at the same position within
    the same goal, on target/realization/achievement (compared as typed)."""
    by_goal: dict[str, list[Row]] = {}
    for r in main:
        by_goal.setdefault(clean_goal_no(r.goal_no), []).append(r)
    seen: dict[str, int] = {}
    out = []
    for d in detail:
        g = clean_goal_no(d.goal_no)
        k = seen.get(g, 0)
        seen[g] = k + 1
        rows = by_goal.get(g, [])
        if k >= len(rows):
            continue
        m = rows[k]
        for f in ("target", "realization", "achievement"):
            a, b = getattr(m, f), getattr(d, f)
            if (a.value, a.unit) != (b.value, b.unit):
                out.append({"goal_no": g, "field": f, "main": collapse(a.raw),
                            "detail": collapse(b.raw), "indicator": collapse(m.indicator)})
    return out


class Report:
    def __init__(self, slug: str, unit: dict, year: int, cover_year: int | None,
                 font: str, size: float, paper: str = "A4", margins=(2.5, 2.0, 2.0, 2.5),
                 footer: str | None = None):
        self.slug = slug
        self.unit = unit
        self.year = year
        self.cover_year = cover_year
        self.size = size
        self.doc = dx.new_document(font, size, paper, margins)
        self.footer = footer
        if footer:
            dx.set_footer(self.doc.sections[0], footer)
        self.main_title: str | None = None
        self.main_rows: list[Row] = []
        self.main_needles: tuple[str, str] | None = None
        self.detail_rows: list[Row] = []
        self.detail_needles: list[tuple[str, str]] = []   # (table caption needle, row needle)
        self.budget_programs: list[dict] = []
        self.spending: list[dict] = []
        self.budget_totals: dict | None = None
        self.extra_tables: dict[str, tuple[str, str]] = {}   # name -> (first needle, title)
        self.notes: list[str] = []
        self.quirks: list[str] = []
        self.strict_pages = True   # a table must start on its title's page (randomized draws: may not)

    # ------------------------------------------------------------ text
    def p(self, text, **kw):
        kw.setdefault("align", "justify")
        return dx.para(self.doc, text, **kw)

    def h1(self, text, new_page=True):
        return dx.para(self.doc, text, bold=True, size=self.size + 2, align="center",
                       space_before=6, space_after=10, keep_next=True,
                       page_break_before=new_page)

    def h2(self, text):
        return dx.para(self.doc, text, bold=True, space_before=6, space_after=4, keep_next=True)

    def bullets(self, items, marker="{i}.", indent=0.75):
        for i, it in enumerate(items):
            m = marker.format(i=i + 1, a="abcdefghijklmnopqrstuvwxyz"[i])
            dx.para(self.doc, f"{m} {it}", indent_cm=indent, first_line_cm=-0.6,
                    align="justify", space_after=2)

    def caption(self, text, keep=True, size=None):
        return dx.para(self.doc, text, bold=True, align="center", keep_next=keep,
                       space_before=6, space_after=4, size=size)

    def page_break(self):
        dx.page_break(self.doc)

    def section(self, landscape: bool):
        sec = dx.new_section(self.doc, landscape)
        if self.footer:
            dx.set_footer(sec, self.footer)
        return sec

    def table(self, header, body, widths, style, vmerges=(), rects=()):
        return dx.add_table(self.doc, header, body, widths, style, vmerges, rects)

    def after_table(self, space=6):
        dx.para(self.doc, "", space_after=space)

    # ------------------------------------------------------------ expected
    def _detail_expected(self, texts) -> list[dict]:
        assert len(self.detail_needles) == len(self.detail_rows)
        out = []
        for row, (cap, needle) in zip(self.detail_rows, self.detail_needles):
            d = row.expected()
            d["page"] = _detail_page(texts, cap, needle)
            out.append(d)
        return out

    def expected(self, pdf_path: Path) -> dict:
        from .pdfutil import stream_texts
        texts = stream_texts(pdf_path)
        main = None
        if self.main_title:
            main = {"title": collapse(self.main_title),
                    "pages": table_pages(texts, self.main_title, *self.main_needles,
                                         strict=self.strict_pages)}
        exp = {
            "format": "lkj-expected/1",
            "file": pdf_path.name,
            "source": "generated",
            "unit": self.unit,
            "year": self.year,
            "cover_year": self.cover_year if self.cover_year != self.year else None,
            "main_table": main,
            "indicators": [r.expected() for r in self.main_rows],
            "detail_indicators": self._detail_expected(texts),
            "disagreements": disagreements(self.main_rows, self.detail_rows),
            "budget_programs": self.budget_programs,
            "spending": self.spending,
            "budget_totals": self.budget_totals,
        }
        for name, (title, first, last) in self.extra_tables.items():
            exp[name] = {"title": collapse(title) if title else None,
                         "pages": table_pages(texts, title or first, first, last,
                                              strict=self.strict_pages)}
        exp["page_count"] = len(texts)
        if self.quirks:
            exp["quirks"] = self.quirks
        if self.notes:
            exp["notes"] = self.notes
        return exp


def _detail_page(texts, caption: str, row: str) -> int:
    c = find_page(texts, caption)
    if c is None:
        raise RuntimeError(f"detail table caption not found: {caption!r}")
    p = find_page(texts, row, c)
    return (p if p is not None and p <= c + 1 else c) + 1


def table_pages(texts: list[str], title: str, first: str, last: str,
                strict: bool = True) -> list[int]:
    """1-based pages from the one holding ``title`` to the one holding ``last``.

    ``first`` (the first body row's text) must be on the title page: the
    generator keeps titles with their tables."""
    t = find_page(texts, title)
    if t is None:
        raise RuntimeError(f"title not found in PDF: {title!r}")
    f = find_page(texts, first, t)
    if f is None and not strict:
        f = t
    if f != t and strict:
        raise RuntimeError(f"table does not start on its title page: {title!r} {t} {f}")
    l = find_page(texts, last, t)
    if l is None and not strict:
        l = f
    if l is None:
        raise RuntimeError(f"last row not found: {last!r}")
    return list(range(t + 1, l + 2))


def row_needle(*cells: str) -> str:
    """Squashed text of consecutive cells (content-stream order)."""
    return "".join(squash(c) for c in cells)
